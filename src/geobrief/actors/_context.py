"""Shared state of one recognition run: tokens, sentence starts, label lines, items,
and the gazetteer look-ups every step uses."""

from __future__ import annotations

import bisect
import collections
import functools
import operator
from collections.abc import Callable
from typing import TypeVar

import attrs

from geobrief._model import ActorKind, Article, _unordered_sentences
from geobrief.actors._gazetteer import _END, Entry, Gazetteer, Trie
from geobrief.actors._lexicon import Lexicon, lexicon

_SENTENCE_END = frozenset({".", "!", "?", "|", ":", ";"})


_OPEN_QUOTES = frozenset({"“", '"', "‘", "'", "(", "[", "«", "-", "—", "–", "*", "#", ">"})


_POSSESSIVE = frozenset({"’s", "'s", "’S", "'S"})


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})


_MAX_RUN = 8


"""Longest capitalized name run, in tokens (bounds the look-around)."""


_PERSON, _ORG, _LOC = "person", "organization", "location"


# ActorKind members as module constants: an Enum class attribute costs ~70 ns to look up on
# Python 3.11, and these tests run per candidate token and per item
_STATE_KIND = ActorKind.STATE
_ORG_KIND = ActorKind.ORGANIZATION
_PERSON_KIND = ActorKind.PERSON
_LOCATION_KIND = ActorKind.LOCATION


_STRONG_LOCATIVES = frozenset({"in", "at", "near", "outside", "inside", "around", "across"})


class _Item:
    """A recognized piece of text: tokens ``[i, j)`` and what they are."""

    __slots__ = (
        "actor_id",
        "affiliation",
        "entry",
        "i",
        "j",
        "kind",
        "label",
        "speaker",
        "titles",
        "type",
    )

    def __init__(
        self,
        kind: str,
        i: int,
        j: int,
        entry: Entry | None = None,
        actor_id: str | None = None,
        type_: str | None = None,
    ) -> None:
        self.kind = kind  # "gaz", "body", "title", "honorific", "name"
        self.i = i
        self.j = j
        self.entry = entry
        self.actor_id = actor_id
        self.type = type_  # for name runs: person / organization / location
        self.titles: list[str] = []
        self.affiliation: str | None = None
        self.label = False
        self.speaker = False
        """The subject of a speech verb."""


@attrs.frozen
class _Context:
    text: str
    ends: list[int]
    """End offset of each token; token ``k`` starts at ``ends[k] - len(toks[k])`` (no list
    of start offsets is built: a per-token pass costs more than the few hundred
    subtractions where a start is needed)."""
    toks: list[str]
    lows: list[str]
    sentence_start: _SentenceStarts
    label: _Labels
    gaz: Gazetteer
    lex: Lexicon
    body_trie: Trie
    words: set[str]
    """Every distinct token. A lowercase ``word in words`` occurs in lowercase somewhere in
    the text, so is a common word here (tested as ``low in words and low.islower()``, which
    is cheaper than building the set of lowercase words for every text)."""
    candidates: list[int]
    """Token indices where the scan may start something (capitalized tokens, starters)."""
    _capitalized_counts: dict[str, int] = attrs.field(factory=dict)
    _counts: dict[str, int] = attrs.field(factory=dict)

    def count(self, token: str) -> int:
        """How often ``token`` occurs in the text (counted on first use). A token that
        starts with a capital is a scan candidate wherever it occurs, so such tokens are
        counted among the candidates only (about a quarter of the tokens of news text);
        any other token among all tokens."""
        if token[:1].isupper():
            counts = self._capitalized_counts
            if not counts:
                counts.update(collections.Counter(map(self.toks.__getitem__, self.candidates)))
        else:
            counts = self._counts
            if not counts:
                counts.update(collections.Counter(self.toks))
        return counts.get(token, 0)


@functools.lru_cache(maxsize=1)
def _body_trie() -> Trie:
    """A lowercase token trie over the packaged government-body phrases."""
    trie: Trie = {}
    for phrase, body_slug, name in lexicon().bodies:
        node = trie
        for word in phrase:
            node = node.setdefault(word, {})
        node.setdefault(_END, (body_slug, name))
    return trie


_T = TypeVar("_T")
OwnedCache = dict[tuple[int, ...], tuple[tuple[object, ...], _T]]
"""A cache of values derived from a few long-lived objects, by :func:`_per_owners`."""
_MAX_OWNERS = 16


def _per_owners(cache: OwnedCache[_T], owners: tuple[object, ...], build: Callable[[], _T]) -> _T:
    """The value ``build()`` gives for ``owners`` (the lexicon, gazetteer or trie it is
    derived from), built once per combination of them and kept in ``cache`` while they
    are the same objects (keyed by identity; past :data:`_MAX_OWNERS` combinations the
    cache starts over). A racing thread at worst builds the value twice."""
    key = tuple(map(id, owners))
    cached = cache.get(key)
    if cached is not None and all(map(operator.is_, cached[0], owners)):
        return cached[1]
    value = build()
    if len(cache) > _MAX_OWNERS:
        cache.clear()
    cache[key] = (owners, value)
    return value


_STARTERS: OwnedCache[frozenset[str]] = {}


def _starters(lex: Lexicon, gaz: Gazetteer) -> frozenset[str]:
    """Lowercase tokens that can start a scan item: title words, honorifics, ``the``, and
    the lowercase first words of gazetteer names (``al`` in ``al-Qaeda``). Built once per
    gazetteer (:func:`_per_owners`)."""
    return _per_owners(_STARTERS, (lex, gaz), lambda: lex.lowercase_starters | gaz.lowercase_starts)


def _common_word(ctx: _Context, low: str) -> bool:
    """The lowercase word ``low`` occurs in lowercase somewhere in the text."""
    return low in ctx.words and low.islower()


def _is_cap(token: str) -> bool:
    c = token[0]
    return c.isupper() and (len(token) > 1 or token not in ("I", "A"))


class _SentenceStarts:
    """Whether token ``k`` starts a sentence, computed on demand (only name candidates ask):
    the structure's sentence offsets, else after ``. ! ? : ; |``, a line break, or an opening
    quote or bullet that itself starts one."""

    __slots__ = ("_abbrevs", "_ends", "_known", "_text", "_toks")

    def __init__(
        self,
        article: Article,
        text: str,
        ends: list[int],
        toks: list[str],
        abbrevs: frozenset[str],
    ) -> None:
        self._text = text
        self._ends = ends
        self._toks = toks
        self._abbrevs = abbrevs
        self._known = _sentence_starts(article)

    def _abbrev_dot(self, k: int) -> bool:
        """The period at ``k`` ends an abbreviation (``Mr.``) or an initial (``F.``)."""
        if k == 0 or self._ends[k] - len(self._toks[k]) != self._ends[k - 1]:
            return False
        word = self._toks[k - 1]
        return word.lower() in self._abbrevs or (len(word) == 1 and word.isupper())

    def __getitem__(self, k: int) -> bool:
        ends, toks = self._ends, self._toks
        for _ in range(4):  # at most a few opening quotes/bullets in a row
            if k <= 0:
                return True
            start = ends[k] - len(toks[k])
            if start in self._known:
                return True
            prev = toks[k - 1]
            if "\n" in self._text[ends[k - 1] : start]:
                return True
            if prev in _SENTENCE_END:
                return not (prev == "." and self._abbrev_dot(k - 1))
            if prev not in _OPEN_QUOTES:
                return False
            k -= 1
        return False


def _sentence_starts(article: Article) -> set[int]:
    """``{s.start for s in article.sentences()}`` without ordering the spans (the set needs
    no order; tested against it)."""
    return {s.start for s in _unordered_sentences(article)}


_LINE_ENDS = frozenset('.!?:;"”’)…')
"""Last characters of a line that reads as a sentence rather than a heading or label."""


def _label_lines(article: Article, text: str) -> list[tuple[int, int]]:
    """Spans of heading-like text: the structure's headings, or (without structure) lines
    without sentence punctuation, such as titles, table headers and labels."""
    spans: list[tuple[int, int]] = []
    if article.title is not None:
        spans.append((article.title.start, article.title.end))
    spans.extend((o.span.start, o.span.end) for o in article.outline)
    spans.extend((s.heading.start, s.heading.end) for s in article.sections if s.heading)
    pos = 0
    for whole in text.split("\n"):
        end = pos + len(whole)
        if "|" not in whole:  # the common case, in short
            line = whole.strip()
            if line and line[-1] not in _LINE_ENDS and len(line) < 120:
                spans.append((pos, end))
            pos = end + 1
            continue
        raw = whole.strip()
        line = raw.strip("|").strip()
        if line and line[-1] not in _LINE_ENDS and len(line) < 120 and "|" not in line:
            spans.append((pos, end))
        else:
            # a table row: cells without sentence punctuation are labels
            cell_start = pos
            while cell_start < end:
                bar = text.find("|", cell_start, end)
                cell_end = end if bar < 0 else bar
                cell = text[cell_start:cell_end].strip()
                if cell and cell[-1] not in '.!?"”’)…':
                    spans.append((cell_start, cell_end))
                cell_start = cell_end + 1
        pos = end + 1
    return spans


class _Labels:
    """Whether token ``k`` lies in a heading or label span (binary search over the spans)."""

    __slots__ = ("_ends", "_toks", "ends", "los")

    def __init__(self, spans: list[tuple[int, int]], ends: list[int], toks: list[str]) -> None:
        los: list[int] = []
        his: list[int] = []
        last = -1  # end of the last merged span
        for lo, hi in sorted(spans):
            if lo <= last:  # overlaps or touches the last span: extend it
                if hi > last:
                    his[-1] = last = hi
            else:
                los.append(lo)
                his.append(hi)
                last = hi
        self.los = los
        """Start offsets of the merged heading and label spans, ascending."""
        self.ends = his
        """End offsets of the same spans."""
        self._ends = ends
        self._toks = toks

    def __getitem__(self, k: int) -> bool:
        start = self._ends[k] - len(self._toks[k])
        idx = bisect.bisect_right(self.los, start) - 1
        return idx >= 0 and start < self.ends[idx]


def _gaz_match(ctx: _Context, i: int) -> tuple[int, Entry] | None:
    """Longest gazetteer match starting at token ``i``: (end token, entry)."""
    node = ctx.gaz.trie.get(ctx.toks[i])
    if node is None:
        return None
    best: tuple[int, Entry] | None = None
    j = i + 1
    n = len(ctx.toks)
    while True:
        entries = node.get(_END)
        if entries:
            best = (j, entries[0])
        if j >= n:
            break
        node = node.get(ctx.toks[j])
        if node is None:
            break
        j += 1
    return best


def _body_match(ctx: _Context, i: int) -> tuple[int, str, str] | None:
    node = ctx.body_trie.get(ctx.lows[i])
    best: tuple[int, str, str] | None = None
    j = i + 1
    n = len(ctx.toks)
    while node is not None:
        value = node.get(_END)
        if value:
            best = (j, value[0], value[1])
        if j >= n:
            break
        node = node.get(ctx.lows[j])
        j += 1
    return best


def _is_city(ctx: _Context, entry: Entry) -> bool:
    """A city from the gazetteer (a location that belongs to a state)."""
    actor = ctx.gaz.actors.get(entry.actor_id)
    if entry.role == "capital":
        return True
    return (
        actor is not None
        and actor.kind is _LOCATION_KIND
        and (actor.affiliation or "").startswith("state:")
    )


def _abbrev_dot(ctx: _Context, j: int) -> bool:
    """Token ``j`` is a period that ends an abbreviation (``Mr.``, ``Inc.``) or initial."""
    if j >= len(ctx.toks) or ctx.toks[j] != "." or ctx.ends[j] - 1 != ctx.ends[j - 1]:
        return False
    word = ctx.toks[j - 1]
    return ctx.lows[j - 1] in ctx.lex.abbreviation_words or (len(word) == 1 and word.isupper())


def _tight(ctx: _Context, j: int) -> bool:
    """Token ``j`` touches its neighbours (no space on either side)."""
    ends, toks = ctx.ends, ctx.toks
    return ends[j] - len(toks[j]) == ends[j - 1] and ends[j] == ends[j + 1] - len(toks[j + 1])


def _name_shaped(token: str) -> bool:
    """``Lukaku``, ``Jong-un``, ``O'Leary``, ``J.``: capitalized letters, mixed case."""
    if len(token) == 2 and token[1] == ".":
        return token[0].isupper()
    return (
        token[0].isupper()
        and token[1:].replace("-", "").replace("'", "").isalpha()
        and not token.isupper()
    )
