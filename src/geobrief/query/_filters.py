"""Composable filters: small frozen predicates combined with ``&``, ``|`` and ``~``.

A filter tests one item (a statement, claim, mention or actor) of one article,
given an :class:`~geobrief.query.ArticleIndex` of that article. Filters are
values: they compare equal, print readably, pickle, and can be kept and reused
across articles and corpora:

>>> hedged_about_prk = about("state:PRK") & hedged()
>>> by_lavrov = speaker("Lavrov") & ~statement_kind("direct")
>>> type(by_lavrov).__name__
'AllOf'

The type parameter says which items a filter accepts: ``speaker()`` works on
statements and claims, ``hedged()`` on claims only, so mypy rejects
``statements(article, hedged())``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from geobrief._model import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Mention,
    Modality,
    Statement,
    StatementKind,
)
from geobrief.query._index import ArticleIndex, span_of

__all__ = [
    "AllOf",
    "AnyOf",
    "Filter",
    "Not",
    "about",
    "actor_kind",
    "addressed_to",
    "contains",
    "hedged",
    "in_part",
    "in_section",
    "involves",
    "is_actor",
    "mentioning",
    "modality",
    "negated",
    "source_kind",
    "speaker",
    "statement_kind",
    "where",
]

T_contra = TypeVar("T_contra", contravariant=True)
T = TypeVar("T")


class Filter(Generic[T_contra]):
    """A test on one item of an article; combine with ``&`` (and), ``|`` (or), ``~`` (not)."""

    __slots__ = ()

    def matches(self, index: ArticleIndex, item: T_contra) -> bool:
        """True when ``item`` (of ``index.article``) passes the filter."""
        raise NotImplementedError

    def __and__(self: Filter[T], other: Filter[T]) -> Filter[T]:
        return AllOf(filters=(*_flat(self, AllOf), *_flat(other, AllOf)))

    def __or__(self: Filter[T], other: Filter[T]) -> Filter[T]:
        return AnyOf(filters=(*_flat(self, AnyOf), *_flat(other, AnyOf)))

    def __invert__(self: Filter[T]) -> Filter[T]:
        if isinstance(self, Not):
            return self.filter
        return Not(filter=self)


def _flat(f: Filter[T], kind: type[AllOf[Any]] | type[AnyOf[Any]]) -> tuple[Filter[T], ...]:
    return f.filters if isinstance(f, kind) else (f,)


@attrs.frozen
class AllOf(Filter[T_contra]):
    """Passes when every one of ``filters`` passes (``a & b``)."""

    filters: tuple[Filter[T_contra], ...]

    def matches(self, index: ArticleIndex, item: T_contra) -> bool:
        return all(f.matches(index, item) for f in self.filters)


@attrs.frozen
class AnyOf(Filter[T_contra]):
    """Passes when at least one of ``filters`` passes (``a | b``)."""

    filters: tuple[Filter[T_contra], ...]

    def matches(self, index: ArticleIndex, item: T_contra) -> bool:
        return any(f.matches(index, item) for f in self.filters)


@attrs.frozen
class Not(Filter[T_contra]):
    """Passes when ``filter`` fails (``~a``)."""

    filter: Filter[T_contra]

    def matches(self, index: ArticleIndex, item: T_contra) -> bool:
        return not self.filter.matches(index, item)


# --------------------------------------------------------------------------- #
# Leaf filters
# --------------------------------------------------------------------------- #


def _source_actor(claim: Claim) -> str | None:
    return getattr(claim.source, "actor_id", None)


@attrs.frozen
class _Speaker(Filter[Statement | Claim]):
    ref: str

    def matches(self, index: ArticleIndex, item: Statement | Claim) -> bool:
        who = item.speaker if isinstance(item, Statement) else _source_actor(item)
        return who is not None and who in index.resolve(self.ref)


@attrs.frozen
class _AddressedTo(Filter[Statement]):
    ref: str

    def matches(self, index: ArticleIndex, item: Statement) -> bool:
        return not index.resolve(self.ref).isdisjoint(item.addressees)


@attrs.frozen
class _About(Filter[Statement | Claim]):
    ref: str

    def matches(self, index: ArticleIndex, item: Statement | Claim) -> bool:
        return not index.resolve(self.ref).isdisjoint(item.about)


@attrs.frozen
class _Mentions(Filter[object]):
    ref: str

    def matches(self, index: ArticleIndex, item: object) -> bool:
        span = span_of(item)
        if span is None:
            return False
        ids = index.resolve(self.ref)
        return any(m.actor_id in ids for m in index.mentions_in(span))


@attrs.frozen
class _SourceKind(Filter[Claim]):
    kinds: frozenset[str]

    def matches(self, index: ArticleIndex, item: Claim) -> bool:
        return item.source.kind in self.kinds


@attrs.frozen
class _Modality(Filter[Claim]):
    modalities: frozenset[Modality]

    def matches(self, index: ArticleIndex, item: Claim) -> bool:
        return item.modality in self.modalities


@attrs.frozen
class _Negated(Filter[Claim]):
    def matches(self, index: ArticleIndex, item: Claim) -> bool:
        return item.negated


@attrs.frozen
class _StatementKind(Filter[Statement]):
    kinds: frozenset[StatementKind]

    def matches(self, index: ArticleIndex, item: Statement) -> bool:
        return item.kind in self.kinds


@attrs.frozen
class _ActorKind(Filter[Actor | Mention]):
    kinds: frozenset[ActorKind]

    def matches(self, index: ArticleIndex, item: Actor | Mention) -> bool:
        actor = item if isinstance(item, Actor) else index.actors.get(item.actor_id)
        return actor is not None and actor.kind in self.kinds


@attrs.frozen
class _Is(Filter[Actor | Mention]):
    ref: str

    def matches(self, index: ArticleIndex, item: Actor | Mention) -> bool:
        actor_id = item.id if isinstance(item, Actor) else item.actor_id
        return actor_id in index.resolve(self.ref)


@attrs.frozen
class _InSection(Filter[object]):
    heading: str | int

    def matches(self, index: ArticleIndex, item: object) -> bool:
        location = index.location(item)
        if isinstance(self.heading, int):
            return location.section == self.heading
        return location.heading is not None and (
            self.heading.casefold() in location.heading.casefold()
        )


@attrs.frozen
class _InPart(Filter[object]):
    parts: frozenset[str]

    def matches(self, index: ArticleIndex, item: object) -> bool:
        return index.location(item).part in self.parts


@attrs.frozen
class _Contains(Filter[object]):
    pattern: re.Pattern[str]

    def matches(self, index: ArticleIndex, item: object) -> bool:
        span = span_of(item)
        if span is None and isinstance(item, Actor):
            return self.pattern.search(item.name) is not None
        return span is not None and self.pattern.search(index.article.text_of(span)) is not None


@attrs.frozen
class _Where(Filter[T_contra]):
    predicate: Callable[[Article, T_contra], bool]

    def matches(self, index: ArticleIndex, item: T_contra) -> bool:
        return self.predicate(index.article, item)


# --------------------------------------------------------------------------- #
# Public constructors
# --------------------------------------------------------------------------- #


def speaker(ref: str) -> Filter[Statement | Claim]:
    """Statements spoken by, or claims sourced to, the actor ``ref`` names.

    ``ref`` is an id (``person:sergey-lavrov``), a name or alias, or a run of
    whole words of one (``"Lavrov"``); see :func:`geobrief.query.actor_matches`.
    """
    return _Speaker(ref)


def addressed_to(ref: str) -> Filter[Statement]:
    """Statements addressed to the actor ``ref`` names (``warned the United States``)."""
    return _AddressedTo(ref)


def about(ref: str) -> Filter[Statement | Claim]:
    """Statements or claims about the actor ``ref`` names (their ``about`` field)."""
    return _About(ref)


def involves(ref: str) -> Filter[Statement]:
    """Statements addressed to *or* about the actor ``ref`` names."""
    return _AddressedTo(ref) | _About(ref)


def mentioning(ref: str) -> Filter[object]:
    """Items whose span contains a mention of the actor ``ref`` names.

    On actors and mentions themselves, use :func:`is_actor`.
    """
    return _Mentions(ref)


def is_actor(ref: str) -> Filter[Actor | Mention]:
    """Actors (or mentions of actors) that ``ref`` names."""
    return _Is(ref)


def source_kind(*kinds: str) -> Filter[Claim]:
    """Claims whose source is one of ``kinds``: ``actor``, ``anonymous``, ``article``."""
    allowed = {"actor", "anonymous", "article"}
    unknown = set(kinds) - allowed
    if unknown or not kinds:
        raise ValueError(f"source_kind() takes some of {sorted(allowed)}, got {list(kinds)}")
    return _SourceKind(frozenset(kinds))


def modality(*values: Modality | str) -> Filter[Claim]:
    """Claims whose modality is one of ``values`` (``asserted``, ``reported``, ``hedged``)."""
    return _Modality(frozenset(Modality(v) for v in values))


def hedged() -> Filter[Claim]:
    """Claims whose modality is ``hedged``."""
    return _Modality(frozenset({Modality.HEDGED}))


def negated() -> Filter[Claim]:
    """Negated claims."""
    return _Negated()


def statement_kind(*kinds: StatementKind | str) -> Filter[Statement]:
    """Statements of one of ``kinds`` (``direct``, ``reported``, ``partial``)."""
    return _StatementKind(frozenset(StatementKind(k) for k in kinds))


def actor_kind(*kinds: ActorKind | str) -> Filter[Actor | Mention]:
    """Actors (or mentions of actors) of one of ``kinds`` (``person``, ``state`` ...)."""
    return _ActorKind(frozenset(ActorKind(k) for k in kinds))


def in_section(heading: str | int) -> Filter[object]:
    """Items in a body section: by index, or by (part of) its heading, ignoring case."""
    return _InSection(heading)


def in_part(*parts: str) -> Filter[object]:
    """Items in one of the article's ``parts``: ``title``, ``lead``, ``section``,
    ``key_points``, ``summary``, ``faq``, ``outline``, ``other``."""
    return _InPart(frozenset(parts))


def contains(pattern: str, *, regex: bool = False) -> Filter[object]:
    """Items whose text contains ``pattern`` (ignoring case; a regex when ``regex``)."""
    compiled = re.compile(pattern if regex else re.escape(pattern), re.IGNORECASE)
    return _Contains(compiled)


def where(predicate: Callable[[Article, T], bool]) -> Filter[T]:
    """A filter from any ``predicate(article, item) -> bool`` (an escape hatch)."""
    return _Where(predicate)
