"""The typed, immutable data model of a parsed brief.

Every class is a frozen, slotted, keyword-only attrs class; collections are
tuples; changes go through :func:`attrs.evolve`. Offsets are half-open
``[start, end)`` character (Unicode code point) offsets into ``Article.text``.

The docstring under each field becomes that field's description in the
published JSON Schema, so keep them short and exact.
"""

from __future__ import annotations

import datetime
import enum
import re
import threading
import types
import weakref
from collections.abc import Callable, Iterator
from typing import Any, Literal, Union

import attrs

from geobrief._errors import ModelError
from geobrief._version import SCHEMA_VERSION

__all__ = [
    "Actor",
    "ActorKind",
    "ActorSource",
    "AnonymousSource",
    "Article",
    "ArticleSource",
    "Claim",
    "ClaimSource",
    "Diagnostic",
    "FaqItem",
    "Hedge",
    "KeyPoint",
    "Layout",
    "Mention",
    "Metadata",
    "Modality",
    "OutlineEntry",
    "Paragraph",
    "Section",
    "Severity",
    "Span",
    "Statement",
    "StatementKind",
]


# --------------------------------------------------------------------------- #
# Enums: values are the lowercase strings used in JSON.
# --------------------------------------------------------------------------- #


class ActorKind(str, enum.Enum):
    """What kind of actor an :class:`Actor` is."""

    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    GROUP = "group"
    LOCATION = "location"


class StatementKind(str, enum.Enum):
    """How a statement is rendered in the text."""

    DIRECT = "direct"
    """A whole quotation inside quote marks."""
    REPORTED = "reported"
    """Indirect (reported) speech, no quote marks."""
    PARTIAL = "partial"
    """A quoted fragment inside an otherwise reported sentence."""


class Modality(str, enum.Enum):
    """How firmly a claim is put forward."""

    ASSERTED = "asserted"
    """Stated as fact by its source."""
    REPORTED = "reported"
    """Attributed to a source other than the article, without hedging."""
    HEDGED = "hedged"
    """Qualified by a hedge cue (may, could, likely, reportedly ...)."""


class Severity(str, enum.Enum):
    """How serious a :class:`Diagnostic` is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Layout(str, enum.Enum):
    """Which input layout the structure parser recognized."""

    BRIEF = "brief"
    """The brief layout: lead, outline table, sections, key points, summary, FAQ."""
    MARKDOWN = "markdown"
    """Markdown headings (``#``/``##``) structure the text."""
    PLAIN = "plain"
    """A plain article: optional title and dateline, then paragraphs."""


# --------------------------------------------------------------------------- #
# Validators
# --------------------------------------------------------------------------- #

_ACTOR_ID = re.compile(r"(person|state|org|group|loc):[^\s:]+\Z")
_ACTOR_ID_MATCH = _ACTOR_ID.match
_ISO3 = re.compile(r"[A-Z]{3}\Z")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*\Z")


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 0:  # bool is not a valid offset
        raise ModelError(
            f"{type(instance).__name__}.{attribute.name} must be a non-negative int, got {value!r}"
        )


def _actor_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _ACTOR_ID_MATCH(value):
        raise ModelError(
            f"{type(instance).__name__}.{attribute.name} must be an actor id such as "
            f"'state:PRK' or 'person:sergey-lavrov', got {value!r}"
        )


def _actor_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:  # _actor_id's test inline; it raises the error
        if item is not None and not (isinstance(item, str) and _ACTOR_ID_MATCH(item)):
            _actor_id(instance, attribute, item)


def _optional_match(pattern: re.Pattern[str], expected: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (not isinstance(value, str) or not pattern.match(value)):
            raise ModelError(
                f"{type(instance).__name__}.{attribute.name} must be {expected}, got {value!r}"
            )

    return check


def _optional_index(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        _non_negative(instance, attribute, value)  # type: ignore[arg-type]  # raises


def _enum(enum_type: type[enum.Enum]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            allowed = ", ".join(repr(m.value) for m in enum_type)
            raise ModelError(
                f"{type(instance).__name__}.{attribute.name} must be one of {allowed}, "
                f"got {value!r}"
            )

    return check


def _to_enum(enum_type: type[enum.Enum]) -> Any:
    """Accept the enum or its string value; leave anything else for the validator."""

    def convert(value: object) -> object:
        if isinstance(value, enum_type):
            return value
        try:
            return enum_type(value)
        except ValueError:
            return value

    return convert


# One converter per enum, built once (not a new closure on every call).
_ACTOR_KIND = _to_enum(ActorKind)
_STATEMENT_KIND = _to_enum(StatementKind)
_MODALITY = _to_enum(Modality)
_SEVERITY = _to_enum(Severity)
_LAYOUT = _to_enum(Layout)


def _to_actor_kind(value: object) -> ActorKind:
    return _ACTOR_KIND(value)  # type: ignore[no-any-return]


def _to_statement_kind(value: object) -> StatementKind:
    return _STATEMENT_KIND(value)  # type: ignore[no-any-return]


def _to_modality(value: object) -> Modality:
    return _MODALITY(value)  # type: ignore[no-any-return]


def _to_severity(value: object) -> Severity:
    return _SEVERITY(value)  # type: ignore[no-any-return]


def _to_layout(value: object) -> Layout:
    return _LAYOUT(value)  # type: ignore[no-any-return]


def _tuple(value: object) -> object:
    """Turn lists (e.g. from a caller) into tuples; leave anything else alone."""
    return tuple(value) if isinstance(value, list) else value


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of the fields ``names`` of the frozen attrs class ``cls``, in
    order: what its generated ``__init__`` sets, without its converters, validators or
    frozen ``__setattr__``. The package's stages build objects from values valid by
    construction with them (``object.__new__(cls)``, then every setter), and ``Article``
    checks every span and reference again. ``names`` must be exactly ``cls``'s fields, in
    order, each a slot: otherwise this raises ``TypeError`` at import time, so a model
    change cannot leave a field of such an object unset."""
    fields = tuple(field.name for field in attrs.fields(cls))
    if fields != names:
        raise TypeError(f"{cls.__name__} has the fields {fields}, not {names}")
    slots = [cls.__dict__.get(name) for name in names]
    for name, slot in zip(names, slots, strict=True):
        if not isinstance(slot, types.MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{name} is not a slot")
    return tuple(slot.__set__ for slot in slots)  # type: ignore[union-attr]


# --------------------------------------------------------------------------- #
# Spans and structure
# --------------------------------------------------------------------------- #


# Span and Mention, the classes an article holds by the hundred, check their values in
# ``__init__`` instead of in attrs validators. msgspec runs attrs validators itself, one
# Python call per field of every object it decodes, which would make
# ``geobrief.loads`` several times slower; without them it builds these objects at C
# speed, and ``Article.__attrs_post_init__`` (``_check_article``) re-checks what such a
# decoder skipped: every span's offsets, and every mention's actor id against the
# article's actors (whose ids are validated). ``metadata["json_schema"]`` gives the
# published schema the constraint a validator would have told it.
_OFFSET = {"json_schema": {"minimum": 0}}


@attrs.frozen(kw_only=True, order=True, init=False)
class Span:
    """A half-open ``[start, end)`` range of character offsets into ``Article.text``."""

    start: int = attrs.field(metadata=_OFFSET)
    """Offset of the first character (0-based, in Unicode code points)."""
    end: int = attrs.field(metadata=_OFFSET)
    """Offset one past the last character; ``end >= start``."""

    def __init__(self, *, start: int, end: int) -> None:
        if type(start) is int and type(end) is int and 0 <= start <= end:
            _set_span_start(self, start)  # what the frozen ``__attrs_init__`` does, inline
            _set_span_end(self, end)
        else:
            raise ModelError(_span_problems(start, end)[0][1])

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


# The slots' own setters: what attrs' ``__attrs_init__`` sets through ``object``, without
# the frozen class's ``__setattr__`` (for the ``__init__`` of the classes built by the
# hundred, and the trusted constructors below).
_set_span_start, _set_span_end = slot_setters(Span, ("start", "end"))


def _span_problems(start: object, end: object) -> list[tuple[str, str]]:
    """``(field, message)`` for each thing wrong with these offsets (``Span`` raises the first)."""
    problems = []
    for name, value in (("start", start), ("end", end)):
        if type(value) is not int or value < 0:
            problems.append((name, f"Span.{name} must be a non-negative int, got {value!r}"))
    if not problems and end < start:  # type: ignore[operator]
        problems.append(
            ("end", f"Span.end must be >= Span.start, got start={start!r}, end={end!r}")
        )
    return problems


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of text and the sentences in it."""

    span: Span
    """The paragraph's text, without surrounding blank lines or trailing spaces."""
    sentences: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    """The sentences of the paragraph, in order, each inside ``span``."""


@attrs.frozen(kw_only=True)
class OutlineEntry:
    """One declared subheading from the brief's outline ("Article Subheadings")."""

    span: Span
    """The subheading's text, without numbering or table pipes."""
    number: int | None = attrs.field(default=None, validator=_optional_index)
    """Its number in the outline (``1`` for ``1) ...``), if numbered."""
    section: int | None = attrs.field(default=None, validator=_optional_index)
    """Index into ``Article.sections`` of the section it announces, if found."""


@attrs.frozen(kw_only=True)
class Section:
    """A body section: an optional heading and its paragraphs."""

    span: Span
    """The whole section, heading included."""
    heading: Span | None = None
    """The heading's text (without ``#`` marks), or None for untitled body text."""
    level: int = attrs.field(default=1, validator=_non_negative)
    """Heading level: 1 for a bare-line or ``#``/``##`` top heading, deeper for sub-levels."""
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_tuple)
    """The section's paragraphs, in order."""


@attrs.frozen(kw_only=True)
class KeyPoint:
    """One entry of the brief's "Key Points" table or list."""

    span: Span
    """The key point's text, without numbering or table pipes."""
    number: int | None = attrs.field(default=None, validator=_optional_index)
    """Its number in the table or list, if numbered."""
    sentences: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    """The sentences of the key point."""


@attrs.frozen(kw_only=True)
class FaqItem:
    """One question of the "Frequently Asked Questions" part and its answer."""

    question: Span
    """The question's text, without the ``Question:``/``Q:`` label."""
    answer: tuple[Paragraph, ...] = attrs.field(default=(), converter=_tuple)
    """The answer's paragraphs (without an ``A:`` label); empty if unanswered."""


@attrs.frozen(kw_only=True)
class Metadata:
    """Facts about the article that are not part of its body."""

    source: str | None = None
    """Where the text came from: a file path or URL, if known."""
    dateline: Span | None = None
    """The dateline (``GENEVA (Reuters) —``, ``Friday, January 4, 2019``), if any."""
    place: str | None = None
    """The place named in the dateline, if any."""
    agency: str | None = None
    """The news agency named in the dateline (``Reuters``), if any."""
    date: datetime.date | None = None
    """The publication date found in the dateline or text, if any."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something odd the parser noticed in the input, and where."""

    code: str
    """A stable machine-readable code, e.g. ``unbalanced-quote``."""
    message: str
    """A human-readable explanation."""
    severity: Severity = attrs.field(
        default=Severity.WARNING, converter=_to_severity, validator=_enum(Severity)
    )
    """How serious it is."""
    span: Span | None = None
    """Where in the text, if it has a place."""


# --------------------------------------------------------------------------- #
# Actors
# --------------------------------------------------------------------------- #


@attrs.frozen(kw_only=True)
class Actor:
    """A person, state, organization, group or location the text refers to."""

    id: str = attrs.field(validator=_actor_id)
    """Stable id across articles: ``state:PRK``, ``person:sergey-lavrov``, ``org:nato``."""
    kind: ActorKind = attrs.field(converter=_to_actor_kind, validator=_enum(ActorKind))
    """What kind of actor this is."""
    name: str
    """Canonical name (``Sergey Lavrov``, ``North Korea``)."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Other surface forms that refer to it in this text (``Lavrov``, ``DPRK``)."""
    titles: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Titles and roles the text gives (``Foreign Minister``)."""
    affiliation: str | None = attrs.field(default=None, validator=_actor_id)
    """Id of the actor it belongs to (a minister's state, a ministry's state)."""
    iso3: str | None = attrs.field(
        default=None, validator=_optional_match(_ISO3, "an ISO 3166-1 alpha-3 code")
    )
    """ISO 3166-1 alpha-3 code, for states."""
    wikidata: str | None = attrs.field(
        default=None, validator=_optional_match(_WIKIDATA, "a Wikidata QID such as 'Q159'")
    )
    """Wikidata QID, where known."""


@attrs.frozen(kw_only=True, init=False)
class Mention:
    """One place in the text that refers to an actor."""

    actor_id: str = attrs.field(metadata={"json_schema": {"pattern": _ACTOR_ID}})
    """The id of the actor referred to."""
    span: Span
    """The mention's text (a possessive ``’s`` is left out)."""

    def __init__(self, *, actor_id: str, span: Span) -> None:
        # _actor_id's test inline (see the note above Span); it raises the error
        if actor_id is not None and not (isinstance(actor_id, str) and _ACTOR_ID_MATCH(actor_id)):
            _actor_id(self, _MENTION_ACTOR_ID, actor_id)
        _set_mention_actor_id(self, actor_id)
        _set_mention_span(self, span)


_MENTION_ACTOR_ID = attrs.fields(Mention).actor_id
_set_mention_actor_id, _set_mention_span = slot_setters(Mention, ("actor_id", "span"))


# --------------------------------------------------------------------------- #
# Statements and claims
# --------------------------------------------------------------------------- #


@attrs.frozen(kw_only=True)
class Statement:
    """Something an actor said: a direct quote, reported speech, or a partial quote."""

    kind: StatementKind = attrs.field(converter=_to_statement_kind, validator=_enum(StatementKind))
    """Direct quote, reported speech, or a quoted fragment in reported speech."""
    content_span: Span
    """What was said (inside the quote marks, for quotes)."""
    speaker: str | None = attrs.field(default=None, validator=_actor_id)
    """Actor id of the speaker, or None when it could not be resolved."""
    speaker_span: Span | None = None
    """Where the speaker is named for this statement (may be a pronoun)."""
    cue: str | None = None
    """The attribution cue's lemma from the cue lexicon (``say``, ``warn``, ``according to``);
    None when nothing in the text names the act of saying (a quotation that continues an
    earlier one, a dash attribution, a headline ``Reports: ...``)."""
    cue_span: Span | None = None
    """Where the cue is in the text."""
    addressees: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_actor_ids)
    """Actor ids the statement is addressed to (``told X``, ``warned X``)."""
    about: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_actor_ids)
    """Actor ids named in the content."""


@attrs.frozen(kw_only=True)
class ActorSource:
    """A claim's source that is a known (or named but unresolved) actor."""

    kind: Literal["actor"] = "actor"
    """Tells the source kinds apart in JSON."""
    actor_id: str | None = attrs.field(default=None, validator=_actor_id)
    """The source actor's id, or None if it was named but could not be resolved."""
    span: Span | None = None
    """Where the source is named."""


@attrs.frozen(kw_only=True)
class AnonymousSource:
    """An unnamed source: ``intelligence reports``, ``a senior official``."""

    kind: Literal["anonymous"] = "anonymous"
    """Tells the source kinds apart in JSON."""
    span: Span
    """Where the anonymous source is described."""


@attrs.frozen(kw_only=True)
class ArticleSource:
    """The article's own voice (no attribution)."""

    kind: Literal["article"] = "article"
    """Tells the source kinds apart in JSON."""


ClaimSource = Union[ActorSource, AnonymousSource, ArticleSource]
"""Who a claim comes from; told apart by ``kind``."""


@attrs.frozen(kw_only=True)
class Hedge:
    """A word or phrase that weakens a claim (``may``, ``reportedly``)."""

    cue: str
    """The hedge's lemma from the hedge lexicon."""
    span: Span
    """Where it is in the text."""


@attrs.frozen(kw_only=True)
class Claim:
    """A proposition the article presents, with its source and how firmly it is put."""

    span: Span
    """The proposition's text."""
    source: ClaimSource
    """Who puts it forward: an actor, an anonymous source, or the article itself."""
    modality: Modality = attrs.field(converter=_to_modality, validator=_enum(Modality))
    """Asserted, reported, or hedged."""
    cue: str | None = None
    """The attribution cue's lemma (``suggest``, ``indicate``), if attributed."""
    cue_span: Span | None = None
    """Where the attribution cue is."""
    hedges: tuple[Hedge, ...] = attrs.field(default=(), converter=_tuple)
    """The hedge cues that qualify it."""
    negated: bool = False
    """True when the proposition is negated (``should not``, ``denied that``)."""
    negation_span: Span | None = None
    """Where the negation is, if negated."""
    about: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_actor_ids)
    """Actor ids the claim is about."""
    statement: int | None = attrs.field(default=None, validator=_optional_index)
    """Index into ``Article.statements`` of the statement it comes from, if any."""


def _trusted_span(start: int, end: int) -> Span:
    """``Span(start=start, end=end)`` without its check, for offsets a stage computed as
    ints with ``0 <= start <= end`` (``Article`` checks every span against the text)."""
    span = _new(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    return span


def _trusted_hedge(cue: str, span: Span) -> Hedge:
    """``Hedge(cue=cue, span=span)`` set directly (Hedge has no converter or validator)."""
    hedge = _new(Hedge)
    _set_hedge_cue(hedge, cue)
    _set_hedge_span(hedge, span)
    return hedge


def _trusted_claim(
    *,
    span: Span,
    source: ClaimSource,
    modality: Modality,
    cue: str | None,
    cue_span: Span | None,
    hedges: tuple[Hedge, ...],
    negated: bool,
    negation_span: Span | None,
    about: tuple[str, ...],
    statement: int | None,
) -> Claim:
    """``Claim(...)`` without its converters and validators, for the claims stage only:
    it passes values those would leave as they are and accept (a ``Modality``, tuples,
    ids of the article's actors, a statement's index), so the object is the same; about
    three times as fast, and a parse builds dozens. ``Article`` still checks the claims'
    spans, sources and statement indexes. Every field must be given."""
    claim = _new(Claim)
    _set_claim_span(claim, span)
    _set_claim_source(claim, source)
    _set_claim_modality(claim, modality)
    _set_claim_cue(claim, cue)
    _set_claim_cue_span(claim, cue_span)
    _set_claim_hedges(claim, hedges)
    _set_claim_negated(claim, negated)
    _set_claim_negation_span(claim, negation_span)
    _set_claim_about(claim, about)
    _set_claim_statement(claim, statement)
    return claim


def _trusted_actor_source(actor_id: str | None, span: Span | None) -> ActorSource:
    """``ActorSource(actor_id=actor_id, span=span)`` without its validator, for an id
    that is None or already validated (a statement's speaker, a mention's actor)."""
    source = _new(ActorSource)
    _set_actor_source_kind(source, "actor")
    _set_actor_source_actor_id(source, actor_id)
    _set_actor_source_span(source, span)
    return source


_new = object.__new__
_set_actor_source_kind, _set_actor_source_actor_id, _set_actor_source_span = slot_setters(
    ActorSource, ("kind", "actor_id", "span")
)
_set_hedge_cue, _set_hedge_span = slot_setters(Hedge, ("cue", "span"))
(
    _set_claim_span,
    _set_claim_source,
    _set_claim_modality,
    _set_claim_cue,
    _set_claim_cue_span,
    _set_claim_hedges,
    _set_claim_negated,
    _set_claim_negation_span,
    _set_claim_about,
    _set_claim_statement,
) = slot_setters(
    Claim,
    (
        "span",
        "source",
        "modality",
        "cue",
        "cue_span",
        "hedges",
        "negated",
        "negation_span",
        "about",
        "statement",
    ),
)


# --------------------------------------------------------------------------- #
# Article
# --------------------------------------------------------------------------- #


_SCHEMA_VERSION = re.compile(r"(?P<major>0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\Z")


def _check_schema_version(instance: Article, attribute: attrs.Attribute[str], value: str) -> None:
    if value is SCHEMA_VERSION:
        return  # (the default, and what every evolve carries over: this version is valid)
    major = SCHEMA_VERSION.split(".", 1)[0]
    parts = _SCHEMA_VERSION.match(value) if isinstance(value, str) else None
    if parts is None or parts["major"] != major:
        raise ModelError(
            f"Article.schema_version {value!r} is not supported; this geobrief reads {major}.x "
            "(a MAJOR.MINOR string)"
        )


@attrs.frozen(kw_only=True)
class Article:
    """A parsed brief or news article: its text, structure, actors, statements and claims."""

    id: str
    """Stable content hash of ``text`` (see :func:`geobrief.article_id`)."""
    text: str
    """The input with line endings normalized to ``\\n`` and a leading BOM removed."""
    schema_version: str = attrs.field(default=SCHEMA_VERSION, validator=_check_schema_version)
    """Version of the JSON format (``MAJOR.MINOR``)."""
    layout: Layout = attrs.field(
        default=Layout.PLAIN, converter=_to_layout, validator=_enum(Layout)
    )
    """Which layout the structure parser recognized."""
    title: Span | None = None
    """The title line, if the text has one."""
    lead: Paragraph | None = None
    """The lead paragraph, if any."""
    outline: tuple[OutlineEntry, ...] = attrs.field(default=(), converter=_tuple)
    """The declared subheadings, in order."""
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_tuple)
    """Body sections in order (an untitled one holds a plain article's paragraphs)."""
    key_points: tuple[KeyPoint, ...] = attrs.field(default=(), converter=_tuple)
    """The key points, in order."""
    summary: tuple[Paragraph, ...] = attrs.field(default=(), converter=_tuple)
    """The summary's paragraphs."""
    faq: tuple[FaqItem, ...] = attrs.field(default=(), converter=_tuple)
    """Questions and answers, in order."""
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_tuple)
    """Every actor referred to, each once, sorted by id."""
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_tuple)
    """Every actor mention, in text order."""
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_tuple)
    """Quotes and reported speech, in text order."""
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    """Claims, in text order."""
    metadata: Metadata = attrs.field(factory=Metadata)
    """Source, dateline and date."""
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_tuple)
    """What was odd in the input."""

    def __attrs_post_init__(self) -> None:
        _check_article(self)

    def text_of(self, item: Span | Any) -> str:
        """The text of a span, or of any item with a span (mention, claim, paragraph ...)."""
        span = item if isinstance(item, Span) else _span_of(item)
        return self.text[span.start : span.end]

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the article with its JSON path (``$.sections[0].heading``)."""
        return _walk_spans(self)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in document order: lead, sections, summary, FAQ answers."""
        found: list[tuple[int, Paragraph]] = []
        if self.lead is not None:
            found.append((self.lead.span.start, self.lead))
        for section in self.sections:
            found.extend((p.span.start, p) for p in section.paragraphs)
        found.extend((p.span.start, p) for p in self.summary)
        for item in self.faq:
            found.extend((p.span.start, p) for p in item.answer)
        found.sort(key=lambda pair: pair[0])
        return (p for _, p in found)

    def sentences(self) -> Iterator[Span]:
        """Every sentence span in document order (paragraphs and key points)."""
        spans = _unordered_sentences(self)
        spans.sort(key=lambda s: (s.start, s.end))  # Span order, without attrs' slow __lt__
        return iter(spans)


def _unordered_sentences(article: Article) -> list[Span]:
    """The sentences :meth:`Article.sentences` gives, gathered field by field (lead,
    sections, summary, FAQ answers, key points) and not yet ordered: for a caller that
    needs no order (a set of starts) or sorts them itself."""
    spans: list[Span] = [] if article.lead is None else [*article.lead.sentences]
    for section in article.sections:
        for paragraph in section.paragraphs:
            spans += paragraph.sentences
    for paragraph in article.summary:
        spans += paragraph.sentences
    for item in article.faq:
        for paragraph in item.answer:
            spans += paragraph.sentences
    for key_point in article.key_points:
        spans += key_point.sentences
    return spans


def _span_of(item: Any) -> Span:
    for name in ("span", "content_span", "question"):
        span = getattr(item, name, None)
        if isinstance(span, Span):
            return span
    raise TypeError(f"{type(item).__name__} has no span")


def _walk_paragraphs(article: Article) -> Iterator[tuple[str, Paragraph]]:
    """Yield ``(json_path, paragraph)`` for every paragraph in ``article``."""
    if article.lead is not None:
        yield "$.lead", article.lead
    for i, section in enumerate(article.sections):
        for j, p in enumerate(section.paragraphs):
            yield f"$.sections[{i}].paragraphs[{j}]", p
    for i, p in enumerate(article.summary):
        yield f"$.summary[{i}]", p
    for i, item in enumerate(article.faq):
        for j, p in enumerate(item.answer):
            yield f"$.faq[{i}].answer[{j}]", p


def _walk_spans(article: Article) -> Iterator[tuple[str, Span]]:
    """Yield ``(json_path, span)`` for every span in ``article``."""

    def paragraph(path: str, p: Paragraph) -> Iterator[tuple[str, Span]]:
        yield f"{path}.span", p.span
        for i, s in enumerate(p.sentences):
            yield f"{path}.sentences[{i}]", s

    if article.title is not None:
        yield "$.title", article.title
    if article.lead is not None:
        yield from paragraph("$.lead", article.lead)
    for i, o in enumerate(article.outline):
        yield f"$.outline[{i}].span", o.span
    for i, sec in enumerate(article.sections):
        yield f"$.sections[{i}].span", sec.span
        if sec.heading is not None:
            yield f"$.sections[{i}].heading", sec.heading
        for j, p in enumerate(sec.paragraphs):
            yield from paragraph(f"$.sections[{i}].paragraphs[{j}]", p)
    for i, k in enumerate(article.key_points):
        yield f"$.key_points[{i}].span", k.span
        for j, s in enumerate(k.sentences):
            yield f"$.key_points[{i}].sentences[{j}]", s
    for i, p in enumerate(article.summary):
        yield from paragraph(f"$.summary[{i}]", p)
    for i, f in enumerate(article.faq):
        yield f"$.faq[{i}].question", f.question
        for j, p in enumerate(f.answer):
            yield from paragraph(f"$.faq[{i}].answer[{j}]", p)
    for i, m in enumerate(article.mentions):
        yield f"$.mentions[{i}].span", m.span
    for i, st in enumerate(article.statements):
        yield f"$.statements[{i}].content_span", st.content_span
        if st.speaker_span is not None:
            yield f"$.statements[{i}].speaker_span", st.speaker_span
        if st.cue_span is not None:
            yield f"$.statements[{i}].cue_span", st.cue_span
    for i, c in enumerate(article.claims):
        yield f"$.claims[{i}].span", c.span
        source_span = getattr(c.source, "span", None)
        if source_span is not None:
            yield f"$.claims[{i}].source.span", source_span
        if c.cue_span is not None:
            yield f"$.claims[{i}].cue_span", c.cue_span
        for j, h in enumerate(c.hedges):
            yield f"$.claims[{i}].hedges[{j}].span", h.span
        if c.negation_span is not None:
            yield f"$.claims[{i}].negation_span", c.negation_span
    if article.metadata.dateline is not None:
        yield "$.metadata.dateline", article.metadata.dateline
    for i, d in enumerate(article.diagnostics):
        if d.span is not None:
            yield f"$.diagnostics[{i}].span", d.span


def _article_is_consistent(article: Article, since: Article | None = None) -> bool:
    """The checks of ``_check_article`` without building any message (the common case).

    With ``since``, a consistent article with the same ``text``, the checks that read
    only fields holding the very objects ``since`` holds are left out: they passed for
    ``since`` and, the model being immutable, would pass again. So an ``attrs.evolve``
    that replaces one field (what each pipeline stage does) checks only that field and
    the references to and from it. The checks that are made run in the same order as
    without ``since``, so the same one fails first. Plain loops: this runs on every
    Article built, decoded or evolved."""
    n = len(article.text)
    # (read in the order the checks first read them, for the same error on a bad field)
    lead, sections, summary, faq = article.lead, article.sections, article.summary, article.faq
    outline, key_points, mentions = article.outline, article.key_points, article.mentions
    statements, claims, title = article.statements, article.claims, article.title
    metadata, diagnostics, actors = article.metadata, article.diagnostics, article.actors
    new_lead = since is None or lead is not since.lead
    new_sections = since is None or sections is not since.sections
    new_summary = since is None or summary is not since.summary
    new_faq = since is None or faq is not since.faq
    new_outline = since is None or outline is not since.outline
    new_key_points = since is None or key_points is not since.key_points
    new_title = since is None or title is not since.title
    new_metadata = since is None or metadata is not since.metadata
    new_mentions = since is None or mentions is not since.mentions
    new_statements = since is None or statements is not since.statements
    new_claims = since is None or claims is not since.claims
    new_actors = since is None or actors is not since.actors
    new_diagnostics = since is None or diagnostics is not since.diagnostics

    # Every paragraph: inside the text, its sentences inside it.
    paragraphs = [lead] if new_lead and lead is not None else []
    if new_sections:
        paragraphs += [p for section in sections for p in section.paragraphs]
    if new_summary:
        paragraphs += summary
    if new_faq:
        paragraphs += [p for item in faq for p in item.answer]
    for paragraph in paragraphs:
        start, end = paragraph.span.start, paragraph.span.end
        if not 0 <= start <= end <= n:
            return False
        for sentence in paragraph.sentences:  # inside the paragraph, hence the text
            if not start <= sentence.start <= sentence.end <= end:
                return False

    # Every other span: inside the text.
    spans = [o.span for o in outline] if new_outline else []
    if new_sections:
        spans += [section.span for section in sections]
    if new_key_points:
        spans += [k.span for k in key_points]
        spans += [s for k in key_points for s in k.sentences]
    if new_faq:
        spans += [item.question for item in faq]
    if new_mentions:
        spans += [m.span for m in mentions]
    if new_statements:
        spans += [st.content_span for st in statements]
    if new_claims:
        spans += [c.span for c in claims]
        spans += [h.span for c in claims for h in c.hedges]
    # then the optional ones that are there (plain appends: no tuple per item)
    add = spans.append
    if new_title and title is not None:
        add(title)
    if new_metadata and metadata.dateline is not None:
        add(metadata.dateline)
    if new_sections:
        spans += [section.heading for section in sections if section.heading is not None]
    for st in statements if new_statements else ():
        if st.speaker_span is not None:
            add(st.speaker_span)
        if st.cue_span is not None:
            add(st.cue_span)
    for c in claims if new_claims else ():
        source_span = getattr(c.source, "span", None)
        if source_span is not None:
            add(source_span)
        if c.cue_span is not None:
            add(c.cue_span)
        if c.negation_span is not None:
            add(c.negation_span)
    if new_diagnostics:
        spans += [d.span for d in diagnostics if d.span is not None]
    for span in spans:
        if not 0 <= span.start <= span.end <= n:
            return False

    # Every reference: to a listed actor, statement or section.
    if new_actors or new_mentions or new_statements or new_claims:
        known = {a.id for a in actors}
        if new_actors or new_mentions:
            for mention in mentions:
                if mention.actor_id not in known:
                    return False
        if new_actors or new_statements:
            for statement in statements:
                if statement.speaker is not None and statement.speaker not in known:
                    return False
        count = len(statements)
        for claim in claims if new_actors or new_statements or new_claims else ():
            if (new_statements or new_claims) and (
                claim.statement is not None and claim.statement >= count
            ):
                return False
            source_id = (
                getattr(claim.source, "actor_id", None) if new_actors or new_claims else None
            )
            if source_id is not None and source_id not in known:
                return False
        if new_actors:
            for actor in actors:
                if actor.affiliation is not None and actor.affiliation not in known:
                    return False
    if new_outline or new_sections:
        count = len(sections)
        return all(o.section is None or o.section < count for o in outline)
    return True


def _trusted_article(article: Article, **changes: Any) -> Article:
    """``attrs.evolve(article, **changes)`` without the consistency check, for the default
    pipeline's own steps (the first Article of a parse, the structure and claims stages),
    whose new values are valid by construction: offsets found in ``article.text`` (or
    inside spans the article already holds), actor ids and indexes taken from the lists
    they point into, tuples and enum members (so no converter would change them, and the
    validators would pass). ``article`` must be consistent (every Article built the
    public way is). The result is remembered as this thread's last consistent Article,
    so the next stage's ``attrs.evolve`` checks only what it changes (as after a check).

    Articles built through the public constructor or ``attrs.evolve`` are checked as
    strictly as ever; a test compares this with ``attrs.evolve`` field by field."""
    new = _new(Article)
    for name, get, put in _ARTICLE_SLOTS:
        put(new, changes.pop(name) if name in changes else get(article))
    if changes:
        raise TypeError(f"Article has no field {next(iter(changes))!r}")
    _CHECKED.last = weakref.ref(new)
    return new


_ARTICLE_SLOTS = tuple(
    (field.name, Article.__dict__[field.name].__get__, Article.__dict__[field.name].__set__)
    for field in attrs.fields(Article)
)
"""``(name, get, set)`` of every field of Article: its slot's own accessors."""


_CHECKED = threading.local()
"""Each thread's last Article found consistent (``.last``, a weak reference)."""


def _last_checked() -> Article | None:
    ref: weakref.ReferenceType[Article] | None = getattr(_CHECKED, "last", None)
    return ref() if ref is not None else None


def _check_article(article: Article) -> None:
    """Raise ModelError naming the JSON path of every span outside the text (or
    reversed, if a decoder built it without ``Span.__init__``), every sentence outside
    its paragraph, and every dangling reference (unknown actor id, statement or section
    index out of range)."""
    last = _last_checked()
    since = last if last is not None and last.text is article.text else None
    if _article_is_consistent(article, since):
        _CHECKED.last = weakref.ref(article)
        return
    n = len(article.text)
    problems = []
    for path, span in _walk_spans(article):
        if span.start < 0:
            problems.append(f"span start {span.start} is negative @ {path}.start")
        if span.end < span.start:
            problems.append(f"span end {span.end} is before its start {span.start} @ {path}.end")
        if span.end > n:
            problems.append(f"span end {span.end} is past the end of the text ({n}) @ {path}.end")
    for path, paragraph in _walk_paragraphs(article):
        for i, sentence in enumerate(paragraph.sentences):
            if not paragraph.span.contains(sentence):
                problems.append(
                    f"sentence [{sentence.start}, {sentence.end}) is outside its paragraph "
                    f"[{paragraph.span.start}, {paragraph.span.end}) @ {path}.sentences[{i}]"
                )
    known = {a.id for a in article.actors}
    if known or article.mentions or article.statements or article.claims:
        for i, m in enumerate(article.mentions):
            if m.actor_id not in known:
                problems.append(f"unknown actor id {m.actor_id!r} @ $.mentions[{i}].actor_id")
        for i, st in enumerate(article.statements):
            if st.speaker is not None and st.speaker not in known:
                problems.append(f"unknown actor id {st.speaker!r} @ $.statements[{i}].speaker")
        for i, c in enumerate(article.claims):
            if c.statement is not None and c.statement >= len(article.statements):
                problems.append(
                    f"statement index {c.statement} out of range "
                    f"({len(article.statements)} statements) @ $.claims[{i}].statement"
                )
            actor_id = getattr(c.source, "actor_id", None)
            if actor_id is not None and actor_id not in known:
                problems.append(f"unknown actor id {actor_id!r} @ $.claims[{i}].source.actor_id")
        for i, a in enumerate(article.actors):
            if a.affiliation is not None and a.affiliation not in known:
                problems.append(f"unknown actor id {a.affiliation!r} @ $.actors[{i}].affiliation")
    for i, o in enumerate(article.outline):
        if o.section is not None and o.section >= len(article.sections):
            problems.append(
                f"section index {o.section} out of range ({len(article.sections)} sections) "
                f"@ $.outline[{i}].section"
            )
    if problems:
        raise ModelError("invalid Article:\n  - " + "\n  - ".join(problems))
