"""Map a speaker phrase to an actor id: names, definite descriptions, pronouns.

Lookups go through a sorted index of the article's mentions, so each
resolution costs a logarithmic search plus a bounded backward window.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import chain
from operator import lt

from geobrief._model import Actor, ActorKind, Article, Span
from geobrief.statements._lexicon import words

__all__ = ["MentionIndex", "ids_inside"]

_MAX_MENTIONS_INSIDE = 256

_KIND_RANK = {
    ActorKind.PERSON: 0,
    ActorKind.ORGANIZATION: 1,
    ActorKind.GROUP: 2,
    ActorKind.STATE: 3,
    ActorKind.LOCATION: 4,
}
_LOOKBACK = 2500
"""How far back (in characters) a pronoun or description looks for its antecedent."""
_MAX_CANDIDATES = 60


@cache
def _gendered_words() -> dict[str, str]:
    data = resources.files("geobrief.statements").joinpath("data/gender.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            word, gender = line.split("\t")[:2]
            table[word] = gender
    return table


def ids_inside(
    starts: Sequence[int],
    ends: Sequence[int],
    ids: Sequence[str],
    span: Span,
    lo: int = 0,
    hi: int | None = None,
) -> tuple[str, ...]:
    """:meth:`MentionIndex.ids_inside` over parallel mention lists (sorted by start);
    ``lo``/``hi`` bound the search when the caller knows which mentions can start
    inside ``span`` (those of its sentence)."""
    end = span.end
    i = bisect.bisect_left(starts, span.start, lo, hi)
    stop = bisect.bisect_left(starts, end, i, hi)
    count = stop - i
    if count < 2:  # (none or one mention starts inside: most spans)
        return (ids[i],) if count and ends[i] <= end else ()
    if count > _MAX_MENTIONS_INSIDE:
        stop = i + _MAX_MENTIONS_INSIDE
    seen: dict[str, None] = {}
    for k in range(i, stop):
        if ends[k] <= end:
            seen[ids[k]] = None  # a repeated id keeps its first place
    return tuple(seen)


class MentionIndex:
    """The article's mentions, sorted, with their actors, for span lookups."""

    def __init__(self, article: Article, excluded: Sequence[Span] = ()) -> None:
        self.text = article.text
        self.actors: dict[str, Actor] = {a.id: a for a in article.actors}
        actors = self.actors
        mentions = [m for m in article.mentions if m.actor_id in actors]
        starts = [m.span.start for m in mentions]
        if not all(map(lt, starts, starts[1:])):
            # (Mentions usually come with strictly increasing starts: then no sort.)
            mentions.sort(key=lambda m: (m.span.start, -m.span.end))
            starts = [m.span.start for m in mentions]
        self.spans = [m.span for m in mentions]
        self.ids = [m.actor_id for m in mentions]
        self.starts = starts
        self.ends = [s.end for s in self.spans]
        self.excluded = sorted(excluded, key=lambda s: (s.start, s.end))  # Span order
        self.excluded_starts = [s.start for s in self.excluded]
        self.genders: dict[str, str] = {}
        self._names: dict[str, frozenset[str]] = {}
        self._every_name: frozenset[str] | None = None
        gendered = _gendered_words()
        for actor in self.actors.values():
            for title in actor.titles:
                gender = gendered.get(title.lower().split()[0]) if title.split() else None
                if gender:
                    self.genders[actor.id] = gender

    def kind(self, actor_id: str) -> ActorKind:
        """The kind of an actor of this article."""
        return self.actors[actor_id].kind

    def _starting_inside(self, span: Span) -> range:
        """The indexes of the mentions that start inside ``span`` (those that also end
        inside it lie in it)."""
        starts = self.starts
        i = bisect.bisect_left(starts, span.start)
        return range(i, bisect.bisect_left(starts, span.end, i))

    def inside(self, span: Span) -> list[tuple[Span, str]]:
        """Mentions lying entirely inside ``span``, in text order."""
        ends, end = self.ends, span.end
        return [(self.spans[k], self.ids[k]) for k in self._starting_inside(span) if ends[k] <= end]

    def any_inside(self, span: Span) -> bool:
        """Whether a mention lies entirely inside ``span``."""
        ends, end = self.ends, span.end
        return any(ends[k] <= end for k in self._starting_inside(span))

    def ids_inside(self, span: Span) -> tuple[str, ...]:
        """Distinct actor ids mentioned inside ``span``, in order of first mention
        (among its first :data:`_MAX_MENTIONS_INSIDE` mentions: linear time when
        many long spans nest)."""
        return ids_inside(self.starts, self.ends, self.ids, span)

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.excluded_starts, pos) - 1
        return i >= 0 and self.excluded[i].start <= pos < self.excluded[i].end

    def speaker_of(self, span: Span, head: Span) -> str | None:
        """The actor a speaker phrase names.

        A mention that covers the head word wins (``the Russian foreign
        ministry``), then a person anywhere in the phrase (``the deputy
        minister, Andrei Rudenko``). An actor that only modifies the head
        (``U.S. officials``, ``a spokesman for the ministry``) is not the speaker.
        """
        best: tuple[int, int, str] | None = None
        # (the mentions of :meth:`inside`, read off the index's lists)
        starts, ends, ids, actors, end = self.starts, self.ends, self.ids, self.actors, span.end
        head_start, head_end = head.start, head.end
        for k in self._starting_inside(span):
            mention_start, mention_end = starts[k], ends[k]
            if mention_end > end:
                continue
            actor_id = ids[k]
            kind = actors[actor_id].kind
            covers_head = mention_start <= head_start and head_end <= mention_end + 2
            if kind is ActorKind.PERSON or covers_head:
                rank = (-1 if covers_head else _KIND_RANK[kind], -mention_start, actor_id)
                if best is None or rank < best:
                    best = rank
        return best[2] if best is not None else None

    def describe(self, head_word: str, before: int) -> str | None:
        """The nearest earlier actor that a definite description (``the ministry``,
        ``the president``) fits: its head word is in the actor's name or titles."""
        head = head_word.lower()
        if len(head) < 3:
            return None
        stem = head.rstrip("s")
        every = self._every_name_word()
        if head not in every and stem not in every:
            return None  # no actor's name has the word: no need to look back
        for actor_id in self._recent(before):
            names = self._name_words(actor_id)
            if head in names or stem in names:
                return actor_id
        return None

    def _name_words(self, actor_id: str) -> frozenset[str]:
        """The lowercase words of an actor's name, aliases and titles (computed once)."""
        found = self._names.get(actor_id)
        if found is None:
            actor = self.actors[actor_id]
            found = frozenset(" ".join((actor.name, *actor.aliases, *actor.titles)).lower().split())
            self._names[actor_id] = found
        return found

    def _every_name_word(self) -> frozenset[str]:
        """The words of every actor's name, aliases and titles (computed once)."""
        if self._every_name is None:
            names = chain.from_iterable(
                (a.name, *a.aliases, *a.titles) for a in self.actors.values()
            )
            self._every_name = frozenset(" ".join(names).lower().split())
        return self._every_name

    def _recent(self, before: int) -> list[str]:
        """Actor ids mentioned before ``before`` (outside quotes), nearest first, bounded."""
        i = bisect.bisect_left(self.starts, before) - 1
        found: list[str] = []
        while i >= 0 and len(found) < _MAX_CANDIDATES:
            span = self.spans[i]
            if span.start < before - _LOOKBACK:
                break
            if span.end <= before and not self._in_quote(span.start):
                found.append(self.ids[i])
            i -= 1
        return found

    def pronoun(self, pronoun: str, at: int, sentence_starts: Sequence[int]) -> str | None:
        """Resolve a pronoun at offset ``at``.

        he/she: the nearest earlier sentence (the current one first, before the
        pronoun) that mentions a person gives its first-mentioned person of a
        compatible gender (subjects come first in English news); they/it: the
        nearest organization, group or state.
        """
        lower = pronoun.lower()
        if lower in words("pronoun_person"):
            wanted = {ActorKind.PERSON}
            gender = "m" if lower in {"he", "him"} else "f"
        elif lower in words("pronoun_plural") or lower in words("pronoun_thing"):
            wanted = {ActorKind.ORGANIZATION, ActorKind.GROUP, ActorKind.STATE}
            gender = ""
        else:
            return None
        s = bisect.bisect_right(sentence_starts, at) - 1
        sentence_start = sentence_starts[s] if s >= 0 else 0
        i = bisect.bisect_left(self.starts, at) - 1
        current: list[str] = []
        checked = 0
        while i >= 0 and checked < _MAX_CANDIDATES:
            span = self.spans[i]
            if span.start < at - _LOOKBACK:
                break
            checked += 1
            if span.start < sentence_start:
                if current:
                    return current[-1]
                s2 = bisect.bisect_right(sentence_starts, span.start) - 1
                sentence_start = sentence_starts[s2] if s2 >= 0 else 0
            actor_id = self.ids[i]
            if (
                span.end <= at
                and not self._in_quote(span.start)
                and self.kind(actor_id) in wanted
                and self.genders.get(actor_id, gender) == gender
            ):
                current.append(actor_id)
            i -= 1
        return current[-1] if current else None
