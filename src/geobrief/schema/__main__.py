"""Regenerate the shipped schema: ``python -m geobrief.schema`` (``--check`` only compares)."""

from geobrief._schema import main

raise SystemExit(main())
