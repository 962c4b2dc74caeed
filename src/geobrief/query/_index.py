"""Per-article lookups shared by every filter: actor names, locations, mentions.

An :class:`ArticleIndex` is built once per article while a query runs, so a
filter never scans the whole article for each item it tests.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from geobrief._model import Actor, Article, Mention, Span
from geobrief.query._results import Location, PartName

__all__ = ["ArticleIndex", "actor_matches", "span_of"]

_WORD = re.compile(r"[^\W_]+")
_KINDS = ("person:", "state:", "org:", "group:", "loc:")


def _words(text: str) -> tuple[str, ...]:
    """Casefolded words of ``text``, dots dropped first so ``U.S.`` reads as ``US``."""
    return tuple(_WORD.findall(text.replace(".", "").casefold()))


def _contains_run(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def actor_matches(actor: Actor, ref: str) -> bool:
    """True when ``ref`` names ``actor``.

    ``ref`` may be the actor's id (``person:sergey-lavrov``), an ISO code
    (``PRK``), or a name: the canonical name, an alias, or a run of whole words
    of either (``Lavrov`` names ``Sergey Lavrov``). Case and dots are ignored.
    A ref that looks like an id (``state:...``) matches ids only.
    """
    ref = ref.strip()
    if ref.startswith(_KINDS):
        return ref.casefold() == actor.id.casefold()
    key = _words(ref)
    if not key:
        return False
    if actor.iso3 is not None and ref.upper() == actor.iso3:
        return True
    slug = actor.id.split(":", 1)[1]
    names = (actor.name, *actor.aliases, slug.replace("-", " "))
    return any(_contains_run(_words(name), key) for name in names)


def span_of(item: object) -> Span | None:
    """The main span of a model item (content for statements), or None."""
    if isinstance(item, Span):
        return item
    for name in ("span", "content_span", "question"):
        span = getattr(item, name, None)
        if isinstance(span, Span):
            return span
    return None


class ArticleIndex:
    """Lookups over one article, computed on first use and then remembered."""

    __slots__ = ("_mention_starts", "_part_starts", "_parts", "_resolved", "actors", "article")

    def __init__(self, article: Article) -> None:
        self.article = article
        """The article being queried."""
        self.actors: dict[str, Actor] = {a.id: a for a in article.actors}
        """The article's actors by id."""
        self._resolved: dict[str, frozenset[str]] = {}
        self._mention_starts: list[int] | None = None
        self._parts: list[tuple[Span, Location]] | None = None
        self._part_starts: list[int] = []

    def resolve(self, ref: str) -> frozenset[str]:
        """Ids of this article's actors that ``ref`` names (see :func:`actor_matches`).

        An id-shaped ref is kept even when the article does not list it, so
        ``about("state:PRK")`` still works on items whose actors are not listed.
        """
        found = self._resolved.get(ref)
        if found is None:
            found = frozenset(a.id for a in self.article.actors if actor_matches(a, ref))
            if ref.strip().startswith(_KINDS):
                found |= {ref.strip()}
            self._resolved[ref] = found
        return found

    def mentions_in(self, span: Span) -> Sequence[Mention]:
        """The mentions that lie inside ``span``, in text order."""
        mentions = self.article.mentions
        if self._mention_starts is None:
            self._mention_starts = [m.span.start for m in mentions]
        lo = bisect.bisect_left(self._mention_starts, span.start)
        hi = bisect.bisect_left(self._mention_starts, span.end, lo)
        return [m for m in mentions[lo:hi] if m.span.end <= span.end]

    def location(self, item: object) -> Location:
        """The part (and section) of the article that ``item``'s span starts in."""
        span = span_of(item)
        if span is None:
            return Location(part="other")
        if self._parts is None:
            self._parts = sorted(_parts(self.article), key=lambda pair: pair[0].start)
            self._part_starts = [s.start for s, _ in self._parts]
        i = bisect.bisect_right(self._part_starts, span.start) - 1
        for j in range(i, max(i - 4, -1), -1):  # parts barely overlap; a few steps suffice
            part_span, location = self._parts[j]
            if part_span.start <= span.start < part_span.end:
                return location
        return Location(part="other")


def _parts(article: Article) -> list[tuple[Span, Location]]:
    def loc(part: PartName) -> Location:
        return Location(part=part)

    parts: list[tuple[Span, Location]] = []
    if article.title is not None:
        parts.append((article.title, loc("title")))
    if article.lead is not None:
        parts.append((article.lead.span, loc("lead")))
    if article.outline:
        parts.append((_cover(o.span for o in article.outline), loc("outline")))
    for i, section in enumerate(article.sections):
        heading = article.text_of(section.heading) if section.heading is not None else None
        parts.append((section.span, Location(part="section", section=i, heading=heading)))
    if article.key_points:
        parts.append((_cover(k.span for k in article.key_points), loc("key_points")))
    if article.summary:
        parts.append((_cover(p.span for p in article.summary), loc("summary")))
    if article.faq:
        spans = [f.question for f in article.faq]
        spans += [p.span for f in article.faq for p in f.answer]
        parts.append((_cover(spans), loc("faq")))
    return parts


def _cover(spans: Iterable[Span]) -> Span:
    items = list(spans)
    return Span(start=min(s.start for s in items), end=max(s.end for s in items))
