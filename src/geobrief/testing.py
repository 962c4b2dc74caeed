"""Hypothesis strategies for geobrief's model, for property tests of code that uses it.

Every strategy generates *valid* objects: spans lie inside the text they were made for
(and nested spans inside their parents), actor ids referred to are ids of generated
actors, statement and section indexes are in range. So
``loads(dumps(article)) == article`` holds for every ``article`` drawn from
:func:`articles`, and a downstream project can property-test its own code on geobrief
data:

>>> import geobrief
>>> from hypothesis import given, settings
>>> from geobrief.testing import articles
>>> @settings(max_examples=10, database=None)
... @given(articles())
... def test_round_trip(article):
...     assert geobrief.loads(geobrief.dumps(article)) == article
>>> test_round_trip()

This module needs Hypothesis, which is not a runtime dependency of geobrief: install
the test extra (``pip install 'geobrief[test]'``). Importing it without Hypothesis
raises ``ImportError``; ``import geobrief`` never imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError("geobrief.testing needs Hypothesis: pip install 'geobrief[test]'") from exc

from geobrief._model import (
    Actor,
    ActorKind,
    ActorSource,
    AnonymousSource,
    Article,
    ArticleSource,
    Claim,
    ClaimSource,
    Diagnostic,
    FaqItem,
    Hedge,
    KeyPoint,
    Layout,
    Mention,
    Metadata,
    Modality,
    OutlineEntry,
    Paragraph,
    Section,
    Severity,
    Span,
    Statement,
    StatementKind,
)
from geobrief._normalize import article_id
from geobrief._version import SCHEMA_VERSION

__all__ = [
    "actor_ids",
    "actors",
    "articles",
    "claim_sources",
    "claims",
    "diagnostics",
    "faq_items",
    "hedges",
    "key_points",
    "mentions",
    "metadata",
    "outline_entries",
    "paragraphs",
    "sections",
    "spans",
    "statements",
    "sub_spans",
    "texts",
]

_T = TypeVar("_T")
_CHARACTERS = st.characters(exclude_categories=["Cs"])
"""Any Unicode character but lone surrogates (which UTF-8 JSON cannot carry)."""

_PREFIX = {
    ActorKind.PERSON: "person",
    ActorKind.STATE: "state",
    ActorKind.ORGANIZATION: "org",
    ActorKind.GROUP: "group",
    ActorKind.LOCATION: "loc",
}
_MAJOR = SCHEMA_VERSION.split(".", 1)[0]
_SMALL = 3  # list sizes stay small: the model is deep

_words = st.text(_CHARACTERS, max_size=16)
"""Short free-form strings: names, cues, messages (any Unicode but lone surrogates)."""


def texts(*, min_size: int = 0, max_size: int = 200) -> st.SearchStrategy[str]:
    """Article texts: any Unicode (no lone surrogates, which JSON cannot carry) with a
    bias towards news-like prose, newlines and curly quotes."""
    prose = st.sampled_from(
        ["Russia", " said ", "North Korea", "“We warn.”", "\n", "\n\n", " may ", "U.S. ", "é😀"]
    )
    return st.one_of(
        st.lists(prose, max_size=max_size // 8).map("".join),
        st.text(_CHARACTERS, max_size=max_size),
    ).filter(lambda text: min_size <= len(text) <= max_size)


def spans(text: str | int) -> st.SearchStrategy[Span]:
    """Spans inside ``text`` (or inside a text of that length), empty ones included."""
    length = text if isinstance(text, int) else len(text)
    return _spans_between(0, length)


def sub_spans(parent: Span) -> st.SearchStrategy[Span]:
    """Spans inside ``parent``."""
    return _spans_between(parent.start, parent.end)


def _spans_between(low: int, high: int) -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(low, high), st.integers(low, high)).map(
        lambda pair: Span(start=min(pair), end=max(pair))
    )


def _sorted_spans(parent: Span) -> st.SearchStrategy[tuple[Span, ...]]:
    return st.lists(sub_spans(parent), max_size=_SMALL).map(lambda items: tuple(sorted(items)))


# --------------------------------------------------------------------------- #
# Structure
# --------------------------------------------------------------------------- #


def paragraphs(text: str) -> st.SearchStrategy[Paragraph]:
    """A paragraph of ``text`` with sentences inside it."""
    return _paragraphs_in(Span(start=0, end=len(text)))


@st.composite
def _paragraphs_in(draw: st.DrawFn, parent: Span) -> Paragraph:
    span = draw(sub_spans(parent))
    return Paragraph(span=span, sentences=draw(_sorted_spans(span)))


@st.composite
def sections(draw: st.DrawFn, text: str) -> Section:
    """A section of ``text``: heading and paragraphs inside its span."""
    span = draw(spans(text))
    return Section(
        span=span,
        heading=draw(st.none() | sub_spans(span)),
        level=draw(st.integers(0, 6)),
        paragraphs=tuple(draw(st.lists(_paragraphs_in(span), max_size=_SMALL))),
    )


def outline_entries(text: str, section_count: int) -> st.SearchStrategy[OutlineEntry]:
    """Outline entries of ``text``; ``section`` indexes are below ``section_count``."""
    section = st.none() if section_count == 0 else st.none() | st.integers(0, section_count - 1)
    return st.builds(
        OutlineEntry,
        span=spans(text),
        number=st.none() | st.integers(0, 99),
        section=section,
    )


@st.composite
def key_points(draw: st.DrawFn, text: str) -> KeyPoint:
    """A key point of ``text`` with sentences inside it."""
    span = draw(spans(text))
    return KeyPoint(
        span=span, number=draw(st.none() | st.integers(0, 99)), sentences=draw(_sorted_spans(span))
    )


def faq_items(text: str) -> st.SearchStrategy[FaqItem]:
    """A question of ``text`` and its answer paragraphs."""
    return st.builds(
        FaqItem,
        question=spans(text),
        answer=st.lists(paragraphs(text), max_size=_SMALL).map(tuple),
    )


def metadata(text: str) -> st.SearchStrategy[Metadata]:
    """Article metadata whose dateline lies inside ``text``."""
    return st.builds(
        Metadata,
        source=st.none() | _words,
        dateline=st.none() | spans(text),
        place=st.none() | _words,
        agency=st.none() | _words,
        date=st.none() | st.dates(),
    )


def diagnostics(text: str) -> st.SearchStrategy[Diagnostic]:
    """Diagnostics whose spans lie inside ``text``."""
    return st.builds(
        Diagnostic,
        code=st.from_regex(r"[a-z]+(-[a-z]+)*", fullmatch=True),
        message=_words,
        severity=st.sampled_from(Severity),
        span=st.none() | spans(text),
    )


# --------------------------------------------------------------------------- #
# Actors, statements, claims
# --------------------------------------------------------------------------- #

_SLUG = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-éøß"), min_size=1, max_size=12
)


def actor_ids(kind: ActorKind | None = None) -> st.SearchStrategy[str]:
    """Valid actor ids (``state:PRK``, ``person:sergey-lavrov``), of ``kind`` if given."""
    kinds = st.just(kind) if kind is not None else st.sampled_from(ActorKind)
    return kinds.flatmap(_ids_of)


def _ids_of(kind: ActorKind) -> st.SearchStrategy[str]:
    if kind is ActorKind.STATE:
        return st.from_regex(r"state:[A-Z]{3}", fullmatch=True)
    return _SLUG.map(lambda slug: f"{_PREFIX[kind]}:{slug}")


@st.composite
def actors(
    draw: st.DrawFn, kind: ActorKind | None = None, affiliations: Sequence[str] = ()
) -> Actor:
    """An actor; its ``affiliation``, if any, is one of ``affiliations``."""
    chosen = kind if kind is not None else draw(st.sampled_from(ActorKind))
    actor_id = draw(_ids_of(chosen))
    return Actor(
        id=actor_id,
        kind=chosen,
        name=draw(_words),
        aliases=tuple(draw(st.lists(_words, max_size=_SMALL))),
        titles=tuple(draw(st.lists(_words, max_size=2))),
        affiliation=draw(st.none() | st.sampled_from(affiliations)) if affiliations else None,
        iso3=actor_id[6:] if chosen is ActorKind.STATE else None,
        wikidata=draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True)),
    )


@st.composite
def _actor_lists(draw: st.DrawFn) -> tuple[Actor, ...]:
    """Actors with distinct ids, sorted by id; affiliations point at earlier draws."""
    found: dict[str, Actor] = {}
    for _ in range(draw(st.integers(0, 4))):
        actor = draw(actors(affiliations=tuple(found)))
        found.setdefault(actor.id, actor)
    return tuple(sorted(found.values(), key=lambda actor: actor.id))


def mentions(text: str, actor_ids: Sequence[str]) -> st.SearchStrategy[Mention]:
    """Mentions in ``text`` of one of ``actor_ids`` (which must not be empty)."""
    return st.builds(Mention, actor_id=st.sampled_from(actor_ids), span=spans(text))


def _ids_or_none(actor_ids: Sequence[str]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(actor_ids) if actor_ids else st.none()


def _id_tuples(actor_ids: Sequence[str]) -> st.SearchStrategy[tuple[str, ...]]:
    if not actor_ids:
        return st.just(())
    return st.lists(st.sampled_from(actor_ids), max_size=2).map(tuple)


def statements(text: str, actor_ids: Sequence[str] = ()) -> st.SearchStrategy[Statement]:
    """Statements in ``text``; speakers, addressees and topics are among ``actor_ids``."""
    return st.builds(
        Statement,
        kind=st.sampled_from(StatementKind),
        content_span=spans(text),
        speaker=_ids_or_none(actor_ids),
        speaker_span=st.none() | spans(text),
        cue=st.none() | _words,
        cue_span=st.none() | spans(text),
        addressees=_id_tuples(actor_ids),
        about=_id_tuples(actor_ids),
    )


def claim_sources(text: str, actor_ids: Sequence[str] = ()) -> st.SearchStrategy[ClaimSource]:
    """Claim sources of every kind; an actor source's id is among ``actor_ids``."""
    return st.one_of(
        st.builds(ActorSource, actor_id=_ids_or_none(actor_ids), span=st.none() | spans(text)),
        st.builds(AnonymousSource, span=spans(text)),
        st.just(ArticleSource()),
    )


def hedges(text: str) -> st.SearchStrategy[Hedge]:
    """Hedge cues in ``text``."""
    return st.builds(Hedge, cue=_words, span=spans(text))


def claims(
    text: str, actor_ids: Sequence[str] = (), statement_count: int = 0
) -> st.SearchStrategy[Claim]:
    """Claims in ``text``; actor ids among ``actor_ids``, ``statement`` below
    ``statement_count``."""
    statement = (
        st.none() if statement_count == 0 else st.none() | st.integers(0, statement_count - 1)
    )
    return st.builds(
        Claim,
        span=spans(text),
        source=claim_sources(text, actor_ids),
        modality=st.sampled_from(Modality),
        cue=st.none() | _words,
        cue_span=st.none() | spans(text),
        hedges=st.lists(hedges(text), max_size=2).map(tuple),
        negated=st.booleans(),
        negation_span=st.none() | spans(text),
        about=_id_tuples(actor_ids),
        statement=statement,
    )


# --------------------------------------------------------------------------- #
# Articles
# --------------------------------------------------------------------------- #


@st.composite
def articles(draw: st.DrawFn, *, max_text_size: int = 200) -> Article:
    """Whole valid articles: structure, actors, mentions, statements and claims that all
    fit the generated text and refer to each other correctly."""
    text = draw(texts(max_size=max_text_size))
    found_actors = draw(_actor_lists())
    ids = [actor.id for actor in found_actors]

    def some(strategy: st.SearchStrategy[_T]) -> tuple[_T, ...]:
        return tuple(draw(st.lists(strategy, max_size=_SMALL)))

    found_sections = some(sections(text))
    found_statements = some(statements(text, ids))
    return Article(
        id=article_id(text),
        text=text,
        schema_version=draw(st.sampled_from([SCHEMA_VERSION, f"{_MAJOR}.0", f"{_MAJOR}.12"])),
        layout=draw(st.sampled_from(Layout)),
        title=draw(st.none() | spans(text)),
        lead=draw(st.none() | paragraphs(text)),
        outline=some(outline_entries(text, len(found_sections))),
        sections=found_sections,
        key_points=some(key_points(text)),
        summary=some(paragraphs(text)),
        faq=some(faq_items(text)),
        actors=found_actors,
        mentions=tuple(sorted(some(mentions(text, ids)), key=lambda m: m.span)) if ids else (),
        statements=found_statements,
        claims=some(claims(text, ids, len(found_statements))),
        metadata=draw(metadata(text)),
        diagnostics=some(diagnostics(text)),
    )
