"""JSON: ``dumps``/``loads``, ``to_dict``/``from_dict``.

The format (see ``docs/json-format.md``): every field of the model under its own
snake_case name, enums as their lowercase values, dates as ISO strings, ``None`` as
``null``, tuples as arrays; a claim's source is told apart by its real ``kind`` field.
Every field is always written (defaults included), object keys are sorted at every
level, and the output is compact UTF-8, so the same article always gives byte-identical
JSON.

Two readers, one meaning:

- The *fast path* decodes with msgspec straight into the attrs classes; msgspec runs
  their attrs validators itself (Span and Mention check in ``__init__`` instead, and
  ``Article.__attrs_post_init__`` re-checks their offsets and ids). msgspec can neither
  decode a union of attrs classes nor forbid unknown fields of attrs classes, so
  ``Article``, ``Claim`` and the claim sources are decoded into generated msgspec
  Structs whose constraints enforce those classes' validators, and assembled without
  ``__init__`` (as msgspec assembles attrs objects) before the Article's own check
  runs. Unknown fields are ruled out in strict mode either because the input is
  byte-identical to what :func:`dumps_bytes` writes for the result (the usual case: a
  bytes comparison) or by a second, keys-only decode into generated Structs that
  forbid unknown fields.
- The *reference path* is geobrief's cattrs converter (:mod:`geobrief._converter`). It
  runs whenever the fast path rejects the input, and its errors, with a JSON path for
  every problem, become the :class:`~geobrief.DecodeError`. The fast path never accepts
  anything the reference path rejects, and builds an equal article when both accept
  (property tests check this on mutated documents).

``benchmarks/speed.py`` times the round trip against msgspec on an equivalent Struct
model.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import attrs
import cattrs
import msgspec

from geobrief import _model
from geobrief._converter import make_converter, problems_from
from geobrief._errors import DecodeError, ModelError, Problem
from geobrief._model import Article
from geobrief._version import SCHEMA_VERSION

__all__ = ["dumps", "dumps_bytes", "from_dict", "loads", "to_dict"]

JSONInput = Union[str, bytes, bytearray, memoryview]
"""What :func:`loads` reads: a JSON document as text or as UTF-8 bytes."""

_ENCODER = msgspec.json.Encoder()


# --------------------------------------------------------------------------- #
# Writing
# --------------------------------------------------------------------------- #


def dumps_bytes(article: Article) -> bytes:
    """The article as compact, deterministic UTF-8 JSON bytes (keys sorted)."""
    if not isinstance(article, Article):
        raise TypeError(f"dumps() takes an Article, got {type(article).__name__}")
    try:
        return _ENCODER.encode(article)
    except UnicodeEncodeError:
        raise ModelError(_surrogate_message(article)) from None


def dumps(article: Article, *, indent: int | None = None) -> str:
    """The article as a JSON string: compact (or indented by ``indent`` spaces),
    keys sorted at every level, the same string for equal articles."""
    data = dumps_bytes(article)
    if indent is not None:
        data = msgspec.json.format(data, indent=indent)
    return data.decode("utf-8")


def to_dict(article: Article) -> dict[str, Any]:
    """The article as JSON-ready Python data (what :func:`dumps` writes, as dicts and lists)."""
    if not isinstance(article, Article):
        raise TypeError(f"to_dict() takes an Article, got {type(article).__name__}")
    return _converter(True).unstructure(article)  # type: ignore[no-any-return]


def _surrogate_message(article: Article) -> str:
    for path, value in _strings(article, "$"):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return (
                f"{path} holds a lone surrogate {value[exc.start]!r} at index {exc.start}, "
                "which JSON text cannot carry"
            )
    return "the article holds a lone surrogate, which JSON text cannot carry"


def _strings(value: object, path: str) -> typing.Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(typing.cast(Any, type(value))):
            yield from _strings(getattr(value, field.name), f"{path}.{field.name}")


# --------------------------------------------------------------------------- #
# Reading
# --------------------------------------------------------------------------- #


def loads(data: JSONInput, *, strict: bool = True) -> Article:
    """Read an article from JSON text or UTF-8 bytes.

    Raises :class:`~geobrief.DecodeError` listing every problem with its JSON path.
    With ``strict=False``, unknown fields are skipped instead of rejected (to read a
    newer MINOR version of the format); an unsupported MAJOR version is always an error.
    """
    if not isinstance(data, str | bytes | bytearray | memoryview):
        raise TypeError(f"loads() takes str or bytes, got {type(data).__name__}")
    try:
        return _fast_loads(data, strict)
    except Exception:  # rejected by the fast path: let the reference path explain
        pass
    try:
        document = msgspec.json.decode(data)
    except (msgspec.DecodeError, UnicodeError) as exc:
        raise DecodeError([Problem(path="$", message=f"malformed JSON: {exc}")]) from None
    except RecursionError:
        message = "JSON nested too deeply to read"
        raise DecodeError([Problem(path="$", message=message)]) from None
    return _structure(document, strict)


def from_dict(data: Mapping[str, Any], *, strict: bool = True) -> Article:
    """Build an article from JSON-like data (as :func:`to_dict` returns or ``json.load`` reads).

    Raises :class:`~geobrief.DecodeError` listing every problem with its JSON path;
    ``strict`` as for :func:`loads`.
    """
    try:
        return _fast_from_dict(data, strict)
    except Exception:  # rejected by the fast path: let the reference path explain
        pass
    return _structure(data, strict)


def _structure(document: object, strict: bool) -> Article:
    try:
        article = _converter(strict).structure(document, Article)
    except (cattrs.BaseValidationError, TypeError, ValueError) as exc:
        raise DecodeError(problems_from(exc)) from None
    assert isinstance(article, Article)
    return article


@functools.cache
def _converter(strict: bool) -> cattrs.Converter:
    return make_converter(forbid_extra_keys=strict)


# --------------------------------------------------------------------------- #
# The fast path
# --------------------------------------------------------------------------- #


class _Codec:
    """msgspec types, decoders and builders for one strictness."""

    def __init__(self, strict: bool) -> None:
        #: Structs for the classes in _BUILT, carrying their validators as msgspec
        #: constraints; everything else is decoded as the attrs class itself.
        self.wire = _StructTypes(strict, mirror_all=False)
        #: Structs for every class: checks the structure (unknown fields) only; of JSON
        #: text (skipping over strings) and of Python data (msgspec.convert).
        self.mirror = _StructTypes(strict, mirror_all=True, raw_strings=True)
        self.data_mirror = _StructTypes(strict, mirror_all=True)
        self.wire_article = self.wire.struct(Article)
        self.decoder = msgspec.json.Decoder(self.wire_article)
        self.mirror_decoder = msgspec.json.Decoder(self.mirror.struct(Article))
        sources = {self.wire.struct(cls): _builder(cls) for cls in _SOURCES}
        claim = _builder(_model.Claim, source=("__source[w.source.__class__](w.source)", sources))
        items = "tuple(map(__{0}, w.{0}))"
        #: Wire Struct -> Article. msgspec has enforced every validator of the classes
        #: in _BUILT (as constraints) and of the other classes (it runs attrs validators
        #: when it builds attrs objects), so the objects are assembled directly, as
        #: msgspec assembles attrs objects; then the Article's own check
        #: (``__attrs_post_init__``) runs.
        self.build: Callable[[Any], Article] = _builder(
            Article,
            claims=(items.format("claims"), claim),
        )


_SOURCES = (_model.ActorSource, _model.AnonymousSource, _model.ArticleSource)
#: Decoded as Structs (validators as msgspec constraints) and built by _builder, for the
#: union Claim.source that msgspec cannot decode into attrs classes. (Doing the same for
#: Actor and Statement, whose validators msgspec otherwise calls, measured no faster.)
_BUILT = (Article, _model.Claim, *_SOURCES)


def _builder(cls: type, **special: tuple[str, Any]) -> Any:
    """Generate ``build(w)``: a ``cls`` instance from the same-named attributes of the
    wire Struct ``w``, set through the slots without calling ``__init__``.

    ``special`` maps a field to ``(expression, helper)``: the expression computes the
    value and may use the helper as ``__<field>``. A claim source's ``kind`` is its
    default. ``__attrs_post_init__``, if any, runs last.
    """
    namespace: dict[str, Any] = {"__new": object.__new__, "__cls": cls}
    lines = ["def build(w):", "    o = __new(__cls)"]
    for field in attrs.fields(cls):
        namespace[f"__set_{field.name}"] = cls.__dict__[field.name].__set__  # the slot
        if field.name in special:
            value, namespace[f"__{field.name}"] = special[field.name]
        elif cls in _SOURCES and field.name == "kind":
            value = repr(field.default)
        else:
            value = f"w.{field.name}"
        lines.append(f"    __set_{field.name}(o, {value})")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    o.__attrs_post_init__()")
    lines.append("    return o")
    exec(compile("\n".join(lines), f"<geobrief: build {cls.__name__}>", "exec"), namespace)
    return namespace["build"]


@functools.cache
def _codec(strict: bool) -> _Codec:
    return _Codec(strict)


def _fast_loads(data: JSONInput, strict: bool) -> Article:
    codec = _codec(strict)
    article = codec.build(codec.decoder.decode(data))
    if strict and not _is_canonical(article, data):
        codec.mirror_decoder.decode(data)  # raises on an unknown field
    return article


def _is_canonical(article: Article, data: JSONInput) -> bool:
    """True when ``data`` is exactly what dumps writes for ``article`` (so every key in
    it is a known field)."""
    encoded = _ENCODER.encode(article)
    if isinstance(data, str):
        # msgspec has just cached the str's UTF-8 form, so this is a copy, not an encoding
        return len(encoded) >= len(data) and encoded == data.encode("utf-8")
    return encoded == data


def _fast_from_dict(data: Mapping[str, Any], strict: bool) -> Article:
    codec = _codec(strict)
    article = codec.build(msgspec.convert(data, codec.wire_article))
    if strict:
        msgspec.convert(data, codec.data_mirror.struct(Article))  # raises on an unknown field
    return article


def _constrained(annotation: Any, field: attrs.Attribute[Any]) -> Any:
    """``annotation`` with the msgspec constraint that enforces ``field``'s validator.

    Raises TypeError for a validator it does not know, so a new validator on Article,
    Claim or a claim source cannot be skipped by the fast path unnoticed."""
    validator = field.validator
    if validator is None:
        return annotation
    name = getattr(validator, "__name__", "")
    if name in ("_non_negative", "_optional_index"):
        meta = msgspec.Meta(ge=0)
    elif name in ("_actor_id", "_actor_ids"):
        meta = msgspec.Meta(pattern="^" + _model._ACTOR_ID.pattern)
    elif name == "_check_schema_version":
        major = re.escape(SCHEMA_VERSION.split(".", 1)[0])
        meta = msgspec.Meta(pattern=f"^{major}\\.(?:0|[1-9][0-9]*)\\Z")
    elif name == "check" and isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation  # _enum(...): decoding into the enum type is the check
    elif name == "check" and _closure_pattern(validator) is not None:  # _optional_match(...)
        meta = msgspec.Meta(pattern="^" + _closure_pattern(validator).pattern)  # type: ignore[union-attr]
    else:
        raise TypeError(f"the fast path cannot enforce {validator!r} on {field.name}")
    return _apply(annotation, meta)


def _closure_pattern(function: Any) -> re.Pattern[str] | None:
    for cell in getattr(function, "__closure__", None) or ():
        if isinstance(cell.cell_contents, re.Pattern):
            return cell.cell_contents
    return None


def _apply(annotation: Any, meta: msgspec.Meta) -> Any:
    """Put ``meta`` on the ``int``/``str`` inside ``annotation`` (through None, tuples)."""
    origin = get_origin(annotation)
    if origin is tuple:
        return tuple[_apply(get_args(annotation)[0], meta), ...]  # type: ignore[misc]
    if origin in (Union, types.UnionType):
        return Union[tuple(_apply(arg, meta) for arg in get_args(annotation))]
    if annotation in (int, str):
        return Annotated[annotation, meta]
    return annotation


class _StructTypes:
    """msgspec Struct twins of the attrs classes, generated from their fields."""

    def __init__(self, strict: bool, *, mirror_all: bool, raw_strings: bool = False) -> None:
        self.strict = strict
        self.mirror_all = mirror_all
        self.raw_strings = raw_strings
        self.structs: dict[type, type[msgspec.Struct]] = {}

    def struct(self, cls: type) -> type[msgspec.Struct]:
        if cls not in self.structs:
            self.structs[cls] = self._define(cls)
        return self.structs[cls]

    def _define(self, cls: type) -> type[msgspec.Struct]:
        hints = typing.get_type_hints(cls)
        # gc=False: these Structs live only while a document is read and hold no cycles
        options: dict[str, Any] = {
            "kw_only": True,
            "forbid_unknown_fields": self.strict,
            "gc": False,
        }
        fields: list[tuple[str, Any, Any]] = []
        for field in attrs.fields(cls):
            if field.name == "kind" and cls in _SOURCES:
                options.update(tag_field="kind", tag=field.default)
                continue
            annotation = self._type(hints[field.name])
            if not self.mirror_all:
                annotation = _constrained(annotation, field)
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                default = msgspec.field(default_factory=self._factory(field.default.factory))
                fields.append((field.name, annotation, default))
            elif field.default is attrs.NOTHING:
                fields.append((field.name, annotation, msgspec.NODEFAULT))
            else:
                fields.append((field.name, annotation, field.default))
        return msgspec.defstruct(f"_{cls.__name__}Struct", fields, **options)

    def _factory(self, factory: Any) -> Any:
        if self.mirror_all and attrs.has(factory):
            return self.struct(factory)
        return factory

    def _type(self, annotation: Any) -> Any:
        if annotation == _model.ClaimSource:
            return Union[tuple(self.struct(cls) for cls in _SOURCES)]
        if attrs.has(annotation):
            if self.mirror_all or annotation in _BUILT:
                return self.struct(annotation)
            return annotation
        origin = get_origin(annotation)
        if origin is tuple:
            return tuple[self._type(get_args(annotation)[0]), ...]  # type: ignore[misc]
        if origin in (Union, types.UnionType):
            options = tuple(self._type(arg) for arg in get_args(annotation))
            return msgspec.Raw if msgspec.Raw in options else Union[options]
        if self.raw_strings and annotation is str:
            return msgspec.Raw  # the mirror checks keys only: skip decoding strings
        if (
            annotation in (str, int, bool, datetime.date, type(None))
            or origin is Literal
            or (isinstance(annotation, type) and issubclass(annotation, enum.Enum))
        ):
            return annotation
        raise TypeError(f"no JSON mapping for {annotation!r}")  # pragma: no cover
