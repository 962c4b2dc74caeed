"""geobrief's own cattrs converter: strict structuring with a JSON path for every problem.

This is the *reference* reader: it decides what valid JSON is. The fast path in
:mod:`geobrief._serialize` (msgspec) only ever accepts what this converter accepts,
and falls back to it to explain a rejection.

Following cattrs' preconf modules, :func:`configure_converter` registers the hooks on a
converter and :func:`make_converter` returns a fresh one; nothing is ever registered on
``cattrs.global_converter``.

Hooks, leaves first:

- ``str``, ``int``, ``bool``: the JSON types only, never converted (cattrs' defaults would
  turn ``3`` into ``"3"`` and ``"3"`` into ``3``); a ``bool`` is not an ``int``.
- enums: their lowercase string value; dates: ISO ``YYYY-MM-DD`` strings.
- ``tuple[X, ...]``: a JSON array (a string is not an array of characters).
- ``ClaimSource``: chosen by its real ``kind`` field.
- attrs classes: cattrs' generated structuring with detailed validation (and
  ``forbid_extra_keys`` when strict), wrapped so that a model validator's error is
  reported at the attribute it is about (``$.title.end``, not ``$.title``), every invalid
  attribute of an object is reported (not only the first), and the Article's cross
  checks (spans past the text, unknown actor ids) are reported even when other fields
  are bad too.
"""

from __future__ import annotations

import datetime
import enum
import json
import re
import reprlib
import typing
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from geobrief import _model
from geobrief._errors import ModelError, Problem

__all__ = ["configure_converter", "make_converter", "problems_from"]

_SOURCE_KINDS: dict[str, type[Any]] = {
    "actor": _model.ActorSource,
    "anonymous": _model.AnonymousSource,
    "article": _model.ArticleSource,
}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 40


class _WrongType(TypeError):
    """A JSON value of the wrong type; the message says what was expected and got."""


class _WrongValue(ValueError):
    """A JSON value of the right type but not allowed; the message says why."""


def _add_note(exc: BaseException, note: str) -> None:
    """``exc.add_note(note)``, which Python 3.10 lacks (cattrs reads ``__notes__``)."""
    typing.cast(Any, exc).__notes__ = [*getattr(exc, "__notes__", []), note]


def _describe(value: object) -> str:
    """A short description of a JSON value for error messages."""
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        type(None): "null",
    }
    kind = names.get(type(value), type(value).__name__)
    return kind if isinstance(value, dict | list) else f"{kind} {_SHORT.repr(value)}"


# --------------------------------------------------------------------------- #
# Leaf hooks
# --------------------------------------------------------------------------- #


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _WrongType(f"expected a string, got {_describe(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _WrongType(f"expected an integer, got {_describe(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _WrongType(f"expected true or false, got {_describe(value)}")
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is datetime.date:
        return value
    if type(value) is not str or not _DATE.match(value):
        raise _WrongType(f"expected an ISO date 'YYYY-MM-DD', got {_describe(value)}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise _WrongValue(f"not a valid date: {value!r} ({exc})") from None


def _unstructure_date(value: datetime.date) -> str:
    return value.isoformat()


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    allowed = ", ".join(repr(member.value) for member in enum_type)

    def structure(value: object, _: type) -> enum.Enum:
        if isinstance(value, enum_type):
            return value
        if type(value) is not str:
            raise _WrongType(f"expected one of {allowed}, got {_describe(value)}")
        try:
            return enum_type(value)
        except ValueError:
            raise _WrongValue(f"must be one of {allowed}, got {value!r}") from None

    return structure


def _is_tuple_of(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    def factory(type_: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = get_args(type_)[0]
        item_hook = converter.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _WrongType(f"expected an array, got {_describe(value)}")
            items = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:
                    _add_note(
                        exc, IterableValidationNote(f"Structuring item {index}", index, item_type)
                    )
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return tuple(items)

        return structure

    return factory


def _structure_span(forbid_extra_keys: bool) -> Callable[[object, type], _model.Span]:
    """Spans check their offsets in ``Span.__init__`` (not attrs validators), so this
    leaf hook reports every bad offset at its own path."""

    def structure(value: object, _: type) -> _model.Span:
        if not isinstance(value, Mapping):
            raise _WrongType(f"expected an object, got {_describe(value)}")
        errors: list[Exception] = []
        offsets: dict[str, object] = {}
        for name in ("start", "end"):
            if name not in value:
                problem: Exception = KeyError(name)
            elif type(value[name]) is not int:
                problem = _WrongType(f"expected an integer, got {_describe(value[name])}")
            else:
                offsets[name] = value[name]
                continue
            _add_note(problem, AttributeValidationNote(f"Structuring Span.{name}", name, int))
            errors.append(problem)
        if not errors:
            for name, message in _model._span_problems(offsets["start"], offsets["end"]):
                problem = ModelError(message)
                _add_note(problem, AttributeValidationNote(f"Checking Span.{name}", name, int))
                errors.append(problem)
        extra = set(value) - {"start", "end"}
        if extra and forbid_extra_keys:
            errors.append(ForbiddenExtraKeysError("", _model.Span, extra))
        if errors:
            raise ClassValidationError("While structuring Span", errors, _model.Span)
        return _model.Span(start=value["start"], end=value["end"])

    return structure


def _structure_claim_source(converter: cattrs.Converter) -> Callable[[object, type], Any]:
    allowed = ", ".join(repr(kind) for kind in _SOURCE_KINDS)

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _WrongType(f"expected an object, got {_describe(value)}")
        if "kind" not in value:
            problem: Exception = KeyError("kind")
        else:
            kind = value["kind"]
            cls = _SOURCE_KINDS.get(kind) if type(kind) is str else None
            if cls is not None:
                return converter.structure(value, cls)
            problem = _WrongValue(f"must be one of {allowed}, got {kind!r}")
        _add_note(problem, AttributeValidationNote("Choosing the source kind", "kind", str))
        raise ClassValidationError("While structuring ClaimSource", [problem], dict)

    return structure


# --------------------------------------------------------------------------- #
# attrs classes
# --------------------------------------------------------------------------- #


def _attrs_hook_factory(
    converter: cattrs.Converter, forbid_extra_keys: bool
) -> Callable[[type], Callable[[object, type], Any]]:
    def factory(cls: type) -> Callable[[object, type], Any]:
        generated: Callable[[Any, type], Any] = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=forbid_extra_keys,
            _cattrs_detailed_validation=True,
        )

        def structure(value: object, _: type) -> Any:
            if not isinstance(value, Mapping):
                raise _WrongType(f"expected an object, got {_describe(value)}")
            if cls is _model.Article:
                _check_version_first(value)
            try:
                return generated(value, cls)
            except ClassValidationError as exc:
                raise _explain(converter, cls, value, exc) from None

        return structure

    return factory


def _check_version_first(value: Mapping[str, Any]) -> None:
    """An unsupported schema version is the only problem worth reporting: a document of
    another MAJOR version may differ everywhere."""
    version = value.get("schema_version")
    if type(version) is not str:
        return
    try:
        _model._check_schema_version(
            None,  # type: ignore[arg-type]
            attrs.fields(_model.Article).schema_version,
            version,
        )
    except ModelError as exc:
        _add_note(exc, AttributeValidationNote("Checking the version", "schema_version", str))
        raise ClassValidationError("While structuring Article", [exc], _model.Article) from None


def _explain(
    converter: cattrs.Converter, cls: type, value: Mapping[str, Any], exc: ClassValidationError
) -> ClassValidationError:
    """Add what cattrs cannot see: which attribute each model validator complains about,
    every invalid attribute (attrs stops at the first), and the class's cross checks."""
    with_notes, _ = exc.group_exceptions()
    failed = {note.name for _, note in with_notes}
    errors: list[Exception] = [e for e, _ in with_notes]
    errors += [e for e in exc.exceptions if not isinstance(e, ModelError) and e not in errors]
    hints = typing.get_type_hints(cls)
    for problem in exc.exceptions:  # from a class that checks its values in __init__
        name = str(problem).partition(" ")[0].partition(f"{cls.__name__}.")[2]
        if isinstance(problem, ModelError) and name in hints and problem not in errors:
            _add_note(problem, AttributeValidationNote(f"Checking {name}", name, hints[name]))
            errors.append(problem)
            failed.add(name)
    instance: Any = object.__new__(cls)
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name in value and field.name not in failed:
            raw = converter.structure(value[field.name], hints[field.name])
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raw = field.default.factory()
        elif field.default is not attrs.NOTHING:
            raw = field.default
        else:
            continue
        if field.name not in failed:
            values[field.name] = raw = field.converter(raw) if callable(field.converter) else raw
        object.__setattr__(instance, field.name, raw)
    for field in attrs.fields(cls):
        if field.validator is None or field.name not in values:
            continue
        try:
            field.validator(instance, field, values[field.name])
        except ModelError as problem:
            _add_note(
                problem,
                AttributeValidationNote(
                    f"Validating {cls.__name__}.{field.name}", field.name, hints[field.name]
                ),
            )
            errors.append(problem)
        except Exception:  # a validator tripping over another invalid field
            continue
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None and "text" not in failed:
        try:
            post_init(instance)
        except ModelError as problem:
            lines = [line for line in str(problem).split("\n  - ")[1:] if _keep(line, failed)]
            if lines:
                errors.append(ModelError("\n  - ".join([str(problem).split("\n")[0], *lines])))
        except Exception:  # e.g. a required field that is missing
            pass
    if not errors:
        return exc
    return ClassValidationError(f"While structuring {cls.__name__}", errors, cls)


#: A cross-check line starting like this is only meaningful if that field was valid.
_DEPENDS_ON = {
    "unknown actor id": "actors",
    "statement index": "statements",
    "section index": "sections",
}


def _keep(line: str, failed: set[str]) -> bool:
    """Whether an Article cross-check line still holds when the ``failed`` fields were
    replaced by their defaults (an invalid ``actors`` makes every actor id "unknown")."""
    return not any(line.startswith(start) and name in failed for start, name in _DEPENDS_ON.items())


# --------------------------------------------------------------------------- #
# The converter
# --------------------------------------------------------------------------- #


def configure_converter(converter: cattrs.Converter, *, forbid_extra_keys: bool = True) -> None:
    """Register geobrief's hooks on ``converter`` (leaf types first, then the classes)."""
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_unstructure_hook(datetime.date, _unstructure_date)
    for enum_type in (
        _model.ActorKind,
        _model.StatementKind,
        _model.Modality,
        _model.Severity,
        _model.Layout,
    ):
        converter.register_structure_hook(enum_type, _enum_hook(enum_type))
        converter.register_unstructure_hook(enum_type, _unstructure_enum)
    converter.register_structure_hook(_model.Span, _structure_span(forbid_extra_keys))
    converter.register_structure_hook_factory(_is_tuple_of, _tuple_hook_factory(converter))
    converter.register_unstructure_hook_func(_is_tuple_of, _unstructure_tuple(converter))
    converter.register_structure_hook_func(
        lambda t: t == _model.ClaimSource, _structure_claim_source(converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, _attrs_hook_factory(converter, forbid_extra_keys)
    )


def _unstructure_tuple(converter: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [converter.unstructure(item) for item in value]

    return unstructure


def make_converter(*, forbid_extra_keys: bool = True) -> cattrs.Converter:
    """A new cattrs converter for geobrief's classes (never the global one).

    ``converter.unstructure(article)`` gives JSON-ready data (what :func:`geobrief.to_dict`
    returns); ``converter.structure(data, Article)`` reads it back strictly, raising
    ``cattrs.ClassValidationError`` (turn it into messages with
    :func:`cattrs.transform_error`). With ``forbid_extra_keys=False`` unknown fields are
    skipped instead of rejected.
    """
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=forbid_extra_keys)
    configure_converter(converter, forbid_extra_keys=forbid_extra_keys)
    return converter


# --------------------------------------------------------------------------- #
# Problems
# --------------------------------------------------------------------------- #

_UNKNOWN_FIELDS = "unknown field(s): "


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return _UNKNOWN_FIELDS + json.dumps(sorted(exc.extra_fields))
    if isinstance(exc, _WrongType | _WrongValue | ModelError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    return cattrs.v.format_exception(exc, type_)


def _member(path: str, key: str) -> str:
    return f"{path}.{key}" if _IDENTIFIER.match(key) else f"{path}[{json.dumps(key)}]"


def problems_from(exc: BaseException) -> list[Problem]:
    """Every problem in a (detailed) cattrs structuring error, each with its JSON path.

    The paths come from :func:`cattrs.transform_error`; unknown fields are reported one
    by one at their own path, and the Article's cross-check lines (which carry their own
    paths) are split into one problem each.
    """
    problems: list[Problem] = []
    for line in cattrs.transform_error(exc, "$", _format_exception):
        message, _, path = line.rpartition(" @ ")
        if message.startswith(_UNKNOWN_FIELDS):
            for key in json.loads(message[len(_UNKNOWN_FIELDS) :]):
                problems.append(Problem(path=_member(path, key), message="unknown field"))
        elif "\n  - " in message:
            for item in message.split("\n  - ")[1:]:
                text, _, relative = item.rpartition(" @ ")
                problems.append(Problem(path=path + relative[1:], message=text))
        else:
            problems.append(Problem(path=path, message=message))
    return problems
