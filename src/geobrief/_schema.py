"""The JSON Schema of the article format, generated from the attrs classes.

``msgspec.json.schema`` reads attrs classes, but it cannot express
``ClaimSource`` (a union of attrs classes) and it only sees class docstrings: Python
keeps no attribute docstrings at run time. So the schema is generated here, by walking
``attrs.fields`` and the type hints; descriptions come from the docstrings under each
field in ``_model.py`` (read with :mod:`ast`) and constraints from the model's
validators. A validator this module does not know stops the generation, so the schema
cannot silently fall behind the model.

The generated schema ships as ``geobrief/schema/article.schema.json``; regenerate it
after changing the model with::

    python -m geobrief.schema

It describes exactly what :func:`geobrief.dumps` writes: every property is written
(``required`` lists the fields without a default, which a reader must find), ``null``
only where the model allows ``None``, enums as their values, a claim source chosen by
its ``kind``, no other properties. What JSON Schema cannot say (a span's ``end`` is at
least its ``start`` and at most the length of ``text``; every actor id used is listed in
``actors``) is said in the descriptions and checked by :func:`geobrief.loads`.
"""

from __future__ import annotations

import ast
import copy
import datetime
import enum
import functools
import importlib.resources
import inspect
import json
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from geobrief import _model
from geobrief._version import SCHEMA_VERSION

__all__ = ["SCHEMA_FILE", "generate_schema", "json_schema"]

SCHEMA_FILE = "article.schema.json"
"""The schema's file name inside the ``geobrief.schema`` package data."""

_ROOT = _model.Article
_SOURCES = (_model.ActorSource, _model.AnonymousSource, _model.ArticleSource)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`geobrief.dumps` output, as shipped in the
    package (a fresh copy on every call)."""
    return copy.deepcopy(_shipped())


@functools.cache
def _shipped() -> dict[str, Any]:
    text = importlib.resources.files("geobrief.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema = json.loads(text)
    assert isinstance(schema, dict)
    return schema


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as the shipped file holds it: indented JSON with a final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generate_schema() -> dict[str, Any]:
    """Generate the schema afresh from the model classes."""
    generator = _Generator()
    root = generator.ref(_ROOT)
    major = SCHEMA_VERSION.split(".", 1)[0]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:geobrief:schema:article:{SCHEMA_VERSION}",
        "title": f"geobrief Article (schema version {SCHEMA_VERSION})",
        "description": (
            f"{_clean(_ROOT.__doc__)} Written by geobrief.dumps; schema_version "
            f"{major}.x. Offsets count Unicode code points of `text`."
        ),
        "x-geobrief-schema-version": SCHEMA_VERSION,
        **root,
        "$defs": dict(sorted(generator.defs.items())),
    }


# --------------------------------------------------------------------------- #
# Generation
# --------------------------------------------------------------------------- #


class _Generator:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.docs = _field_docs()

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: classes may nest
            self.defs[name] = self._object(cls) if attrs.has(cls) else self._enum(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        values = [member.value for member in cls]
        member_docs = self.docs.get(cls.__name__, {})
        described = [f"`{m.value}`: {member_docs[m.name]}" for m in cls if m.name in member_docs]
        description = _clean(cls.__doc__)
        if described:
            description += " " + "; ".join(described)
        return {"title": cls.__name__, "description": description, "type": "string", "enum": values}

    def _object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = self.docs.get(cls.__name__, {})
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            schema = self._type(hints[field.name])
            _constrain(schema, field, hints[field.name])
            description = docs.get(field.name)
            prop: dict[str, Any] = {"description": description} if description else {}
            prop.update(schema)
            is_kind = cls in _SOURCES and field.name == "kind"
            if field.default is attrs.NOTHING or is_kind:
                required.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                prop["default"] = _json_value(field.default)
            properties[field.name] = prop
        result: dict[str, Any] = {
            "title": cls.__name__,
            "description": _clean(cls.__doc__),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return result

    def _type(self, annotation: Any) -> dict[str, Any]:
        origin = get_origin(annotation)
        if annotation == _model.ClaimSource:
            return {"oneOf": [self.ref(cls) for cls in _SOURCES]}
        if attrs.has(annotation) or (
            isinstance(annotation, type) and issubclass(annotation, enum.Enum)
        ):
            return self.ref(annotation)
        if origin is tuple:
            return {"type": "array", "items": self._type(get_args(annotation)[0])}
        if origin in (Union, types.UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            assert len(options) == 1, annotation
            return {"anyOf": [self._type(options[0]), {"type": "null"}]}
        if origin is Literal:
            (value,) = get_args(annotation)
            return {"const": value}
        simple = {str: "string", int: "integer", bool: "boolean"}
        if annotation in simple:
            return {"type": simple[annotation]}
        if annotation is datetime.date:
            # the pattern for validators that treat "format" as a mere annotation
            return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
        raise TypeError(f"no JSON Schema for {annotation!r}")


def _constrain(schema: dict[str, Any], field: attrs.Attribute[Any], annotation: Any) -> None:
    """Add the constraints the field's validator enforces (to the non-null branch)."""
    target = schema["anyOf"][0] if "anyOf" in schema else schema
    if target.get("type") == "array":
        target = target["items"]
    for key, value in field.metadata.get("json_schema", {}).items():  # __init__-checked fields
        target[key] = _ecma(value) if isinstance(value, re.Pattern) else value
    validator = field.validator
    if validator is None:
        return
    name = getattr(validator, "__name__", "")
    if name in ("_non_negative", "_optional_index"):
        target["minimum"] = 0
    elif name in ("_actor_id", "_actor_ids"):
        target["pattern"] = _ecma(_model._ACTOR_ID)
    elif name == "_check_schema_version":
        major = re.escape(SCHEMA_VERSION.split(".", 1)[0])
        target["pattern"] = f"^{major}\\.(0|[1-9][0-9]*)$"
    elif name == "check" and _closure_pattern(validator) is not None:
        target["pattern"] = _ecma(_closure_pattern(validator))  # type: ignore[arg-type]
    elif name == "check" and "$ref" in target:
        pass  # _enum(...): the enum's own definition lists the values
    else:  # pragma: no cover - a new validator needs a decision here
        raise TypeError(f"no JSON Schema constraint for validator {validator!r} of {field.name}")


def _closure_pattern(function: Any) -> re.Pattern[str] | None:
    for cell in function.__closure__ or ():
        if isinstance(cell.cell_contents, re.Pattern):
            return cell.cell_contents
    return None


def _ecma(pattern: re.Pattern[str]) -> str:
    """A Python ``match`` pattern ending in ``\\Z`` as an anchored JSON Schema pattern."""
    source = pattern.pattern
    assert source.endswith("\\Z"), source
    return "^" + source[:-2] + "$"


def _json_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


# --------------------------------------------------------------------------- #
# Docstrings
# --------------------------------------------------------------------------- #


def _field_docs() -> dict[str, dict[str, str]]:
    """``{class name: {field or member name: docstring}}`` from the docstrings written
    under the fields of ``_model.py``."""
    tree = ast.parse(inspect.getsource(_model))
    docs: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = docs.setdefault(node.name, {})
        for statement, following in zip(node.body, node.body[1:], strict=False):
            name = _assigned_name(statement)
            if name is None:
                continue
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                fields[name] = _clean(following.value.value)
    return docs


def _assigned_name(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id
    if (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
    ):
        return statement.targets[0].id
    return None


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")


def _clean(doc: str | None) -> str:
    """A docstring as plain text: one paragraph, RST roles and double backquotes simplified."""
    text = " ".join(inspect.cleandoc(doc or "").split())
    text = _ROLE.sub(r"`\1`", text)
    return text.replace("``", "`")


# --------------------------------------------------------------------------- #
# Regeneration
# --------------------------------------------------------------------------- #


def _shipped_path() -> Path:
    return Path(__file__).resolve().parent / "schema" / SCHEMA_FILE


def main(argv: list[str] | None = None) -> int:
    """Write the freshly generated schema over the shipped file (``--check``: only
    compare, exit 1 if they differ)."""
    args = sys.argv[1:] if argv is None else argv
    text = schema_text(generate_schema())
    path = _shipped_path()
    if "--check" in args:
        current = path.read_text("utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date; run: python -m geobrief.schema", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
