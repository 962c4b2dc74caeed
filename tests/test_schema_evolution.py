"""Schema evolution: the compatibility promise of the JSON format (``MAJOR.MINOR``).

* A MINOR bump only adds optional fields (with defaults). A reader of version
  ``1.x`` reads JSON written by any ``1.y``: fields it does not know are
  skipped when reading non-strictly (``loads(..., strict=False)``), and rejected,
  with their JSON path, when reading strictly (the default).
* A MAJOR bump removes, renames or retypes a field; a reader rejects a MAJOR
  version it does not know, with an error that names the version.

See ``docs/json-format.md``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import geobrief

SEED = Path(__file__).resolve().parent.parent / "examples" / "russia_north_korea_brief.txt"
MAJOR, MINOR = (int(part) for part in geobrief.SCHEMA_VERSION.split("."))
NEWER_MINOR = f"{MAJOR}.{MINOR + 1}"


@pytest.fixture(scope="module")
def article() -> geobrief.Article:
    """The seed brief, parsed."""
    return geobrief.parse_file(SEED)


@pytest.fixture
def document(article: geobrief.Article) -> dict[str, Any]:
    """The seed brief as JSON data, written by the current schema version."""
    data = json.loads(geobrief.dumps(article))
    assert isinstance(data, dict)
    return data


def _loads_non_strict(data: dict[str, Any]) -> geobrief.Article:
    return geobrief.loads(json.dumps(data), strict=False)


def _add_field_everywhere(data: Any, name: str, value: object) -> Any:
    """A copy of ``data`` with ``name: value`` added to every JSON object in it."""
    if isinstance(data, dict):
        return {name: value, **{k: _add_field_everywhere(v, name, value) for k, v in data.items()}}
    if isinstance(data, list):
        return [_add_field_everywhere(v, name, value) for v in data]
    return data


def test_writes_the_current_schema_version(document: dict[str, Any]) -> None:
    """dumps writes the package's SCHEMA_VERSION, a ``MAJOR.MINOR`` string."""
    assert geobrief.SCHEMA_VERSION == document["schema_version"]
    assert 2 == len(geobrief.SCHEMA_VERSION.split("."))


def test_newer_minor_with_an_added_field_reads_non_strictly(
    article: geobrief.Article, document: dict[str, Any]
) -> None:
    """JSON from a newer MINOR version with an extra optional field loads non-strictly;
    every known field keeps its value."""
    newer = _add_field_everywhere(document, "confidence", 0.75)
    newer["schema_version"] = NEWER_MINOR
    loaded = _loads_non_strict(newer)
    assert article == attrs.evolve(loaded, schema_version=article.schema_version)


def test_newer_minor_with_an_added_nested_object_reads_non_strictly(
    article: geobrief.Article, document: dict[str, Any]
) -> None:
    """An added field whose value is an object or list is skipped too."""
    newer = dict(document)
    newer["schema_version"] = NEWER_MINOR
    newer["provenance"] = {"tool": "geobrief", "runs": [1, 2, {"deep": None}]}
    loaded = _loads_non_strict(newer)
    assert article == attrs.evolve(loaded, schema_version=article.schema_version)


def test_strict_reading_names_the_unknown_field(document: dict[str, Any]) -> None:
    """Read strictly (the default), an unknown field is an error naming its JSON path."""
    document["confidence"] = 0.75
    with pytest.raises(geobrief.DecodeError) as caught:
        geobrief.loads(json.dumps(document))
    assert "confidence" in str(caught.value)


def test_older_document_without_optional_fields_reads(article: geobrief.Article) -> None:
    """JSON lacking optional fields (as an older MINOR wrote it) loads with their defaults."""
    minimal = {"id": article.id, "text": article.text, "schema_version": f"{MAJOR}.0"}
    expected = geobrief.Article(id=article.id, text=article.text, schema_version=f"{MAJOR}.0")
    assert expected == geobrief.loads(json.dumps(minimal))


@pytest.mark.parametrize("version", [f"{MAJOR + 1}.0", f"{MAJOR + 1}.{MINOR + 3}", "0.1", "99.3"])
def test_unknown_major_version_is_rejected(document: dict[str, Any], version: str) -> None:
    """A MAJOR version this reader does not know is rejected with an error naming it."""
    document["schema_version"] = version
    with pytest.raises(geobrief.DecodeError) as caught:
        geobrief.loads(json.dumps(document))
    assert version in str(caught.value)
    assert any("schema_version" in p.path for p in caught.value.problems), caught.value.problems


def test_unknown_major_version_is_rejected_non_strictly_too(document: dict[str, Any]) -> None:
    """Non-strict reading skips unknown fields but never an unknown MAJOR version."""
    document["schema_version"] = f"{MAJOR + 1}.0"
    with pytest.raises(geobrief.DecodeError):
        _loads_non_strict(document)


@pytest.mark.parametrize("version", ["", "1", "1.x", "one.zero", "1.0.0.0", 1.0, None])
def test_malformed_schema_version_is_rejected(document: dict[str, Any], version: object) -> None:
    """A schema_version that is not ``MAJOR.MINOR`` is rejected, not guessed at."""
    document["schema_version"] = version
    with pytest.raises(geobrief.DecodeError):
        geobrief.loads(json.dumps(document))


def test_unknown_enum_value_is_rejected_non_strictly_too(document: dict[str, Any]) -> None:
    """A new enum value is a MAJOR change: even a non-strict reader rejects it, naming the path."""
    document["layout"] = "rumoured"
    with pytest.raises(geobrief.DecodeError) as caught:
        _loads_non_strict(document)
    assert ["$.layout"] == [p.path for p in caught.value.problems]
