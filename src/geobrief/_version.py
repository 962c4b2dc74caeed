"""The single source of geobrief's version and JSON schema version."""

__version__ = "0.1.0"

#: Version of the JSON format written by :func:`geobrief.dumps`.
#: MAJOR changes when a field is removed, renamed or changes type;
#: MINOR changes when an optional field (with a default) is added.
SCHEMA_VERSION = "1.0"
