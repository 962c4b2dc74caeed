"""Running queries over one article or many: hits, actor counts, co-mentions."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TypeVar, Union

import attrs

from geobrief._model import Actor, Article, Claim, Mention, Section, Span, Statement
from geobrief.query._filters import Filter
from geobrief.query._index import ArticleIndex
from geobrief.query._results import ActorCount, CoMention, Hit, Location

__all__ = [
    "Source",
    "actor_counts",
    "actors",
    "claims",
    "co_mentions",
    "location_of",
    "mentions",
    "merge_actors",
    "section_of",
    "statements",
]

Source = Union[Article, Iterable[Article]]
"""What a query runs on: one article, or any iterable of articles (a :class:`Corpus`)."""

T = TypeVar("T")


def _articles(source: Source) -> Iterable[Article]:
    return (source,) if isinstance(source, Article) else source


def _hits(
    source: Source,
    layer: str,
    where: Filter[T] | None,
) -> Iterator[Hit[T]]:
    for article in _articles(source):
        index = ArticleIndex(article)
        items: tuple[T, ...] = getattr(article, layer)
        for i, item in enumerate(items):
            if where is None or where.matches(index, item):
                yield Hit(
                    article_id=article.id,
                    index=i,
                    item=item,
                    text=article.text_of(item),
                    location=index.location(item),
                )


def statements(source: Source, where: Filter[Statement] | None = None) -> Iterator[Hit[Statement]]:
    """The statements of ``source`` that pass ``where`` (all of them if None), in order.

    >>> from geobrief import query as q
    >>> hits = q.statements(article, q.speaker("Lavrov") & q.addressed_to("USA"))  # doctest: +SKIP
    """
    return _hits(source, "statements", where)


def claims(source: Source, where: Filter[Claim] | None = None) -> Iterator[Hit[Claim]]:
    """The claims of ``source`` that pass ``where``, in order.

    Every hedged claim about North Korea: ``claims(src, about("state:PRK") & hedged())``.
    """
    return _hits(source, "claims", where)


def mentions(source: Source, where: Filter[Mention] | None = None) -> Iterator[Hit[Mention]]:
    """The actor mentions of ``source`` that pass ``where``, in text order."""
    return _hits(source, "mentions", where)


def actors(source: Source, where: Filter[Actor] | None = None) -> Iterator[Hit[Actor]]:
    """The actors of each article that pass ``where`` (one hit per article and actor).

    A hit's ``text`` is the actor's name and its ``location`` is ``other``; use
    :func:`actor_counts` for actors merged across articles.
    """
    for article in _articles(source):
        index = ArticleIndex(article)
        for i, actor in enumerate(article.actors):
            if where is None or where.matches(index, actor):
                yield Hit(
                    article_id=article.id,
                    index=i,
                    item=actor,
                    text=actor.name,
                    location=Location(part="other"),
                )


def merge_actors(first: Actor, other: Actor) -> Actor:
    """One actor from two records of the same id: aliases and titles united in order,
    missing codes and affiliation filled from ``other``."""
    if first.id != other.id:
        raise ValueError(f"cannot merge actors with different ids: {first.id!r}, {other.id!r}")
    return attrs.evolve(
        first,
        aliases=_union(first.aliases, other.aliases, exclude=first.name),
        titles=_union(first.titles, other.titles),
        affiliation=first.affiliation or other.affiliation,
        iso3=first.iso3 or other.iso3,
        wikidata=first.wikidata or other.wikidata,
    )


def _union(a: tuple[str, ...], b: tuple[str, ...], exclude: str = "") -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for x in (*a, *b) if x != exclude))


def actor_counts(source: Source, where: Filter[Actor] | None = None) -> list[ActorCount]:
    """Actors merged by id across ``source``, with mention and article counts.

    Sorted by mentions (most first), then id. Memory grows with the number of
    distinct actors, not with the number of articles.
    """
    merged: dict[str, Actor] = {}
    mention_counts: Counter[str] = Counter()
    article_counts: Counter[str] = Counter()
    for article in _articles(source):
        index = ArticleIndex(article)
        kept = {a.id: a for a in article.actors if where is None or where.matches(index, a)}
        for actor_id, actor in kept.items():
            known = merged.get(actor_id)
            merged[actor_id] = actor if known is None else merge_actors(known, actor)
            article_counts[actor_id] += 1
        mention_counts.update(m.actor_id for m in article.mentions if m.actor_id in kept)
    counts = [
        ActorCount(actor=actor, mentions=mention_counts[i], articles=article_counts[i])
        for i, actor in merged.items()
    ]
    counts.sort(key=lambda c: (-c.mentions, c.actor.id))
    return counts


def _sentence_actor_sets(article: Article) -> Iterator[frozenset[str]]:
    """The distinct actor ids mentioned in each sentence (paragraphs if no sentences)."""
    units: list[Span] = list(article.sentences()) or [p.span for p in article.paragraphs()]
    mentions = article.mentions  # in text order, as are the units
    j = 0
    for unit in units:
        while j < len(mentions) and mentions[j].span.start < unit.start:
            j += 1
        ids: set[str] = set()
        k = j
        while k < len(mentions) and mentions[k].span.start < unit.end:
            if mentions[k].span.end <= unit.end:
                ids.add(mentions[k].actor_id)
            k += 1
        if len(ids) > 1:
            yield frozenset(ids)


def co_mentions(
    source: Source, where: Filter[Actor] | None = None, *, min_sentences: int = 1
) -> list[CoMention]:
    """Pairs of actors named in the same sentence, with sentence and article counts.

    Only actors passing ``where`` count (e.g. ``actor_kind("state")``). Sorted by
    sentences (most first), then ids. Articles without sentence spans fall back
    to paragraphs.
    """
    sentence_counts: Counter[tuple[str, str]] = Counter()
    article_counts: Counter[tuple[str, str]] = Counter()
    for article in _articles(source):
        index = ArticleIndex(article)
        allowed = {a.id for a in article.actors if where is None or where.matches(index, a)}
        pairs_here: set[tuple[str, str]] = set()
        for ids in _sentence_actor_sets(article):
            kept = sorted(ids & allowed)
            for pair in itertools.combinations(kept, 2):
                sentence_counts[pair] += 1
                pairs_here.add(pair)
        article_counts.update(pairs_here)
    result = [
        CoMention(first=a, second=b, sentences=n, articles=article_counts[(a, b)])
        for (a, b), n in sentence_counts.items()
        if n >= min_sentences
    ]
    result.sort(key=lambda c: (-c.sentences, c.first, c.second))
    return result


def location_of(article: Article, item: object) -> Location:
    """The part and section of ``article`` that ``item`` (anything with a span) sits in."""
    return ArticleIndex(article).location(item)


def section_of(article: Article, item: object) -> Section | None:
    """The body section ``item`` sits in, or None (lead, key points, summary ...)."""
    location = location_of(article, item)
    return article.sections[location.section] if location.section is not None else None
