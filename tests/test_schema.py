"""Tests for the shipped JSON Schema: up to date, complete, and true to dumps()."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import geobrief
from geobrief import _model
from geobrief._schema import SCHEMA_FILE, generate_schema, main, schema_text
from geobrief.testing import articles

SEED = Path(__file__).resolve().parent.parent / "examples" / "russia_north_korea_brief.txt"
SHIPPED = Path(geobrief.__file__).resolve().parent / "schema" / SCHEMA_FILE


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    """A draft 2020-12 validator for the shipped schema (checked to be a valid schema)."""
    schema = geobrief.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_shipped_schema_is_up_to_date() -> None:
    """The shipped file is exactly a fresh generation (run `python -m geobrief.schema`)."""
    assert schema_text(generate_schema()) == SHIPPED.read_text("utf-8")
    assert 0 == main(["--check"])


def test_json_schema_returns_the_shipped_file() -> None:
    """json_schema() is the shipped file, a fresh copy each call."""
    schema = geobrief.json_schema()
    assert json.loads(SHIPPED.read_text("utf-8")) == schema
    schema["title"] = "changed"
    assert "changed" != geobrief.json_schema()["title"]


def test_header() -> None:
    """The schema names its draft, its id and the format version."""
    schema = geobrief.json_schema()
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert geobrief.SCHEMA_VERSION == schema["x-geobrief-schema-version"]
    assert schema["$id"].endswith(geobrief.SCHEMA_VERSION)
    assert "#/$defs/Article" == schema["$ref"]


def test_every_class_and_field_is_described() -> None:
    """Every model class is a definition whose properties are exactly its fields, each
    with the field's docstring as description; required fields have no default."""
    definitions = geobrief.json_schema()["$defs"]
    classes = [getattr(_model, name) for name in _model.__all__]
    for cls in (c for c in classes if attrs.has(c)):
        definition = definitions[cls.__name__]
        assert [f.name for f in attrs.fields(cls)] == list(definition["properties"])
        assert all(p["description"] for p in definition["properties"].values()), cls
        assert definition["description"]
        assert definition["additionalProperties"] is False
        no_default = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        assert set(no_default) <= set(definition["required"])
    span_end = definitions["Span"]["properties"]["end"]["description"]
    assert "Offset one past the last character; `end >= start`." == span_end


def test_enums_and_source_kinds() -> None:
    """Enums list their lowercase values; claim sources are told apart by a required kind."""
    definitions = geobrief.json_schema()["$defs"]
    assert ["person", "state", "organization", "group", "location"] == definitions["ActorKind"][
        "enum"
    ]
    source = definitions["Claim"]["properties"]["source"]
    assert [
        {"$ref": "#/$defs/ActorSource"},
        {"$ref": "#/$defs/AnonymousSource"},
        {"$ref": "#/$defs/ArticleSource"},
    ] == source["oneOf"]
    for name, kind in [("ActorSource", "actor"), ("AnonymousSource", "anonymous")]:
        assert "kind" in definitions[name]["required"]
        assert {"const": kind} == {
            k: v for k, v in definitions[name]["properties"]["kind"].items() if k == "const"
        }


def test_seed_json_is_valid(validator: jsonschema.protocols.Validator) -> None:
    """The parsed seed brief's JSON validates against the schema."""
    document = json.loads(geobrief.dumps(geobrief.parse_file(SEED)))
    assert [] == [e.message for e in validator.iter_errors(document)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_dumps_output_is_valid(validator: jsonschema.protocols.Validator, article: Any) -> None:
    """Whatever dumps writes validates against the shipped schema."""
    document = json.loads(geobrief.dumps(article))
    assert [] == [e.message for e in validator.iter_errors(document)]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(layout="poem"), "layout"),
        (lambda d: d.update(extra=1), "extra"),
        (lambda d: d.update(schema_version="1"), "schema_version"),
        (lambda d: d["metadata"].update(date="12 July"), "date"),
        (lambda d: d.update(title={"start": -1, "end": 2}), "start"),
        (
            lambda d: d.update(
                claims=[{"span": {"start": 0, "end": 1}, "source": {}, "modality": "hedged"}]
            ),
            "source",
        ),
        (
            lambda d: d.update(mentions=[{"actor_id": "PRK", "span": {"start": 0, "end": 1}}]),
            "actor_id",
        ),
        (lambda d: d.pop("text"), "text"),
    ],
)
def test_schema_rejects_what_loads_rejects(
    validator: jsonschema.protocols.Validator, change: Any, where: str
) -> None:
    """Documents loads rejects for their shape are invalid for the schema too."""
    document = json.loads(geobrief.dumps(geobrief.Article(id="x", text="abc")))
    change(document)
    errors = list(validator.iter_errors(document))
    assert errors
    assert any(where in json.dumps(list(e.absolute_path)) + e.message for e in errors)
    with pytest.raises(geobrief.DecodeError):
        geobrief.loads(json.dumps(document))
