"""Rule-based actor recognition and linking over one token pass.

1. Tokenize once; mark sentence starts and heading/label lines.
2. Scan left to right, taking at each token the first of: a gazetteer match (longest, from the
   token trie), a government body after a state (``Russian foreign ministry``), a title run
   (``Deputy Foreign Minister``), or a run of capitalized name tokens.
3. Classify name runs from local cues (titles, honorifics, speech verbs, appositions, suffixes
   such as ``University`` or ``Airport``, locative prepositions, given names), then link the
   rest to names already known in the text (``Lavrov`` -> ``Sergey Lavrov``).
4. Build one actor per id and one mention per recognized span.

Every loop is over tokens or items with a bounded look-around, so the work is linear in the
length of the text.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import operator
from collections.abc import Callable

import attrs

from geobrief._model import Actor, ActorKind, Article, Mention, Span
from geobrief.actors._gazetteer import _END, Entry, Gazetteer, Trie, _key
from geobrief.actors._lexicon import Lexicon, lexicon
from geobrief.actors._tokens import slug, tokenize

__all__ = ["recognize"]

_SENTENCE_END = frozenset({".", "!", "?", "|", ":", ";"})
_OPEN_QUOTES = frozenset({"“", '"', "‘", "'", "(", "[", "«", "-", "—", "–", "*", "#", ">"})
_POSSESSIVE = frozenset({"’s", "'s", "’S", "'S"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
_MAX_RUN = 8
"""Longest capitalized name run, in tokens (bounds the look-around)."""

_PERSON, _ORG, _LOC = "person", "organization", "location"
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

    def __init__(self, kind: str, i: int, j: int) -> None:
        self.kind = kind  # "gaz", "body", "title", "honorific", "name"
        self.i = i
        self.j = j
        self.entry: Entry | None = None
        self.actor_id: str | None = None
        self.type: str | None = None  # for name runs: person / organization / location
        self.titles: list[str] = []
        self.affiliation: str | None = None
        self.label = False
        self.speaker = False
        """The subject of a speech verb."""


@attrs.frozen
class _Context:
    text: str
    starts: list[int]
    ends: list[int]
    toks: list[str]
    lows: list[str]
    sentence_start: _SentenceStarts
    label: _Labels
    gaz: Gazetteer
    lex: Lexicon
    body_trie: Trie
    lower_words: frozenset[str]
    """Words that occur in lowercase somewhere in the text (so are common words here)."""
    _counts: dict[str, int] = attrs.field(factory=dict)

    def count(self, token: str) -> int:
        """How often ``token`` occurs in the text (counted once, on first use)."""
        if not self._counts:
            self._counts.update(collections.Counter(self.toks))
        return self._counts.get(token, 0)


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


def _is_cap(token: str) -> bool:
    c = token[0]
    return c.isupper() and (len(token) > 1 or token not in ("I", "A"))


# --------------------------------------------------------------------------- #
# Sentence starts and label lines
# --------------------------------------------------------------------------- #


class _SentenceStarts:
    """Whether token ``k`` starts a sentence, computed on demand (only name candidates ask):
    the structure's sentence offsets, else after ``. ! ? : ; |``, a line break, or an opening
    quote or bullet that itself starts one."""

    __slots__ = ("_abbrevs", "_ends", "_known", "_starts", "_text", "_toks")

    def __init__(
        self,
        article: Article,
        text: str,
        starts: list[int],
        ends: list[int],
        toks: list[str],
        abbrevs: frozenset[str],
    ) -> None:
        self._text = text
        self._starts = starts
        self._ends = ends
        self._toks = toks
        self._abbrevs = abbrevs
        self._known = {s.start for s in article.sentences()}

    def _abbrev_dot(self, k: int) -> bool:
        """The period at ``k`` ends an abbreviation (``Mr.``) or an initial (``F.``)."""
        if k == 0 or self._starts[k] != self._ends[k - 1]:
            return False
        word = self._toks[k - 1]
        return word.lower() in self._abbrevs or (len(word) == 1 and word.isupper())

    def __getitem__(self, k: int) -> bool:
        for _ in range(4):  # at most a few opening quotes/bullets in a row
            if k <= 0 or self._starts[k] in self._known:
                return True
            prev = self._toks[k - 1]
            if "\n" in self._text[self._ends[k - 1] : self._starts[k]]:
                return True
            if prev in _SENTENCE_END:
                return not (prev == "." and self._abbrev_dot(k - 1))
            if prev not in _OPEN_QUOTES:
                return False
            k -= 1
        return False


def _label_lines(article: Article, text: str) -> list[tuple[int, int]]:
    """Spans of heading-like text: the structure's headings, or (without structure) lines
    without sentence punctuation, such as titles, table headers and labels."""
    spans: list[tuple[int, int]] = []
    if article.title is not None:
        spans.append((article.title.start, article.title.end))
    spans.extend((o.span.start, o.span.end) for o in article.outline)
    spans.extend((s.heading.start, s.heading.end) for s in article.sections if s.heading)
    pos = 0
    length = len(text)
    while pos < length:
        nl = text.find("\n", pos)
        end = length if nl < 0 else nl
        raw = text[pos:end].strip()
        line = raw.strip("|").strip()
        if line and line[-1] not in '.!?:;"”’)…' and len(line) < 120 and "|" not in line:
            spans.append((pos, end))
        elif "|" in raw:
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

    __slots__ = ("_ends", "_los", "_starts")

    def __init__(self, spans: list[tuple[int, int]], starts: list[int]) -> None:
        merged: list[list[int]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self._los = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]
        self._starts = starts

    def __getitem__(self, k: int) -> bool:
        start = self._starts[k]
        idx = bisect.bisect_right(self._los, start) - 1
        return idx >= 0 and start < self._ends[idx]


# --------------------------------------------------------------------------- #
# Scanning
# --------------------------------------------------------------------------- #


def _gaz_match(ctx: _Context, i: int) -> tuple[int, Entry] | None:
    """Longest gazetteer match starting at token ``i``: (end token, entry)."""
    node = ctx.gaz.trie.get(_key(ctx.toks[i]))
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
        node = node.get(_key(ctx.toks[j]))
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


def _title_match(ctx: _Context, i: int) -> int:
    """End token of a title run at ``i`` (``Deputy Foreign Minister``, ``Secretary of
    State``), or ``i`` when there is none. A run must contain a head word."""
    lex = ctx.lex
    heads, mods = lex.title_heads, lex.title_modifiers
    lows = ctx.lows
    n = len(lows)
    j = i
    last = i
    while j < n and j - i < _MAX_RUN:
        low = lows[j]
        if low + "." in heads and _abbrev_dot(ctx, j + 1):
            j += 2  # "Gen.", "Sen."
            last = j
        elif low in heads:
            j += 1
            last = j
        elif low in mods:
            j += 1
            if last > i and j - 1 > i and lows[j - 2] == "of":
                last = j
        elif low == "of" and last > i and j + 1 < n and (lows[j + 1] in mods):
            j += 1
        elif low == "-" and j > i and j + 1 < n and _tight(ctx, j):
            j += 1  # "Vice-President", "co-founder"
        else:
            break
    return last


def _name_run(ctx: _Context, i: int) -> int:
    """End token of a run of capitalized name tokens at ``i`` (``i`` if none)."""
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    n = len(toks)
    if not _is_cap(toks[i]):
        return i
    first_given = toks[i] in lex.given_names
    j = i + 1
    joined_of = False
    while j < n and j - i < _MAX_RUN:
        tok = toks[j]
        if ctx.starts[j] > ctx.ends[j - 1] + 1 or "\n" in ctx.text[ctx.ends[j - 1] : ctx.starts[j]]:
            break
        if (
            tok == "-"
            and j + 1 < n
            and _tight(ctx, j)
            and toks[j + 1][0].isalpha()
            and (toks[j + 1][0].isupper() or j - 1 > i)
        ):
            j += 2  # "Udvar-Hazy", "Kim Jong-un"; not "Scientology-critic"
            continue
        if tok == "." and _abbrev_dot(ctx, j):
            j += 1  # "John F. Kennedy", "Acme Inc.", "St. Louis"
            continue
        if _is_cap(tok):
            if not joined_of and not first_given and lows[j] in lex.title_heads:
                break
            if tok in lex.given_names and (joined_of or lows[j - 1] in lex.org_suffixes):
                break  # "University of Texas Arlington | Amneh Jafari"
            if not joined_of and ctx.gaz.trie.get(_key(tok)) is not None:
                hit = _gaz_match(ctx, j)
                if hit is not None and not (
                    hit[0] == j + 1 and (first_given or _is_city(ctx, hit[1]))
                ):
                    break  # a single-word city continues a name: "McDonnell Douglas"
            j += 1
        elif tok in lex.name_particles and j + 1 < n and _is_cap(toks[j + 1]):
            j += 1
        elif (
            lows[j] in _JOINERS
            and (lows[j - 1] in _join_heads() or (joined_of and lows[j] == "of"))
            and j + 1 < n
            and (
                _is_cap(toks[j + 1])
                or (lows[j + 1] == "the" and j + 2 < n and _is_cap(toks[j + 2]))
            )
        ):
            j += 2 if lows[j + 1] == "the" else 1
            joined_of = True
        elif lows[j] in lex.person_suffixes and toks[j - 1] != ",":
            j += 1
        else:
            break
    return j


def _is_city(ctx: _Context, entry: Entry) -> bool:
    """A city from the gazetteer (a location that belongs to a state)."""
    actor = ctx.gaz.actors.get(entry.actor_id)
    if entry.role == "capital":
        return True
    return (
        actor is not None
        and actor.kind is ActorKind.LOCATION
        and (actor.affiliation or "").startswith("state:")
    )


def _abbrev_dot(ctx: _Context, j: int) -> bool:
    """Token ``j`` is a period that ends an abbreviation (``Mr.``, ``Inc.``) or initial."""
    if j >= len(ctx.toks) or ctx.toks[j] != "." or ctx.starts[j] != ctx.ends[j - 1]:
        return False
    word = ctx.toks[j - 1]
    return ctx.lows[j - 1] in ctx.lex.abbreviation_words or (len(word) == 1 and word.isupper())


def _product_code(ctx: _Context, entry: Entry, j: int) -> bool:
    """Token ``j`` is a model code after an organization's name (``Airbus A380``,
    ``Boeing 787``): the name is a product's, not a mention of the maker."""
    if j >= len(ctx.toks) or "\n" in ctx.text[ctx.ends[j - 1] : ctx.starts[j]]:
        return False
    actor = ctx.gaz.actors.get(entry.actor_id)
    if actor is None or actor.kind is not ActorKind.ORGANIZATION:
        return False
    tok = ctx.toks[j]
    has_digit = any(c.isdigit() for c in tok)
    model = has_digit and (tok[0].isalpha() or tok[-1].isalpha())
    return model or (tok.isdigit() and len(tok) == 3)


def _tight(ctx: _Context, j: int) -> bool:
    """Token ``j`` touches its neighbours (no space on either side)."""
    return ctx.starts[j] == ctx.ends[j - 1] and ctx.ends[j] == ctx.starts[j + 1]


def _scan(ctx: _Context) -> list[_Item]:
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    n = len(toks)
    items: list[_Item] = []
    heads_mods = lex.title_words
    trie = ctx.gaz.trie
    # lowercase tokens start nothing unless a title, honorific, "the" or a gazetteer word
    starters = lex.lowercase_starters
    gaz_starters = ctx.gaz.lowercase_starts
    # (C-level maps: this runs over every token)
    flags = map(
        operator.or_,
        map(str.isupper, map(operator.itemgetter(0), toks)),
        map(operator.or_, map(starters.__contains__, toks), map(gaz_starters.__contains__, toks)),
    )
    candidates = list(itertools.compress(range(n), flags))
    pos = 0
    for i in candidates:
        if i < pos:
            continue
        tok = toks[i]
        low = lows[i]
        # 1. gazetteer
        hit = _gaz_match(ctx, i) if _key(tok) in trie else None
        if (
            hit is not None
            and hit[0] == i + 1
            and tok in lex.given_names
            and i + 1 < n
            and _is_cap(toks[i + 1])
            and _key(toks[i + 1]) not in trie
        ):
            hit = None  # "Vladimir Putin", "Jordan Peterson": a given name, not a place
        if (
            hit is not None
            and hit[0] < n
            and toks[hit[0]] == "$"
            and ctx.starts[hit[0]] == ctx.ends[hit[0] - 1]
        ):
            hit = None  # a currency: "US$", "HK$"
        if hit is not None and hit[1].role == "ignore":
            pos = hit[0]  # a listed non-actor: an index, a currency, a time zone
            continue
        if hit is not None and _product_code(ctx, hit[1], hit[0]):
            pos = hit[0] + 1  # "Airbus A380", "Boeing 787": a product, not the maker
            continue
        if hit is not None:
            j, entry = hit
            item = _Item("gaz", i, j)
            item.entry = entry
            item.actor_id = entry.actor_id
            actor = ctx.gaz.actors.get(entry.actor_id)
            if (
                actor is not None
                and actor.kind is ActorKind.ORGANIZATION
                and j < n
                and _is_cap(toks[j])
                and ctx.starts[j] == ctx.ends[j - 1] + 1
                and lows[j] not in heads_mods
                and toks[j] not in lex.given_names
                and _key(toks[j]) not in trie
            ):
                end = _name_run(ctx, j)
                if end > j:  # "Boeing Commercial Airplanes", "Apple Computer"
                    item = _Item("name", i, end)
                    item.type = _ORG
                    items.append(item)
                    pos = end
                    continue
            if actor is not None and actor.kind in (ActorKind.STATE, ActorKind.LOCATION):
                k = j + 1 if j < n and toks[j] in _POSSESSIVE else j
                body = _body_match(ctx, k) if k < n else None
                if body is not None and entry.role != "context" and _body_ends(ctx, body[0]):
                    state = actor.affiliation if actor.kind is ActorKind.LOCATION else actor.id
                    if state is not None and state.startswith("state:"):
                        item = _Item("body", i, body[0])
                        item.actor_id = _body_id(state, body[1])
                        item.affiliation = state
                        item.entry = entry
                        items.append(item)
                        pos = body[0]
                        continue
                end = _name_run(ctx, j) if j < n and _is_cap(toks[j]) else j
                if end > j and (
                    any(w in lex.org_suffixes for w in lows[j:end])
                    or _joined_institution(lows, j, end)
                    or lows[end - 1] in lex.place_suffixes
                ):
                    item = _Item("name", i, end)
                    place = lows[end - 1] in lex.place_suffixes
                    item.type = _LOC if place and not _joined_institution(lows, j, end) else _ORG
                    items.append(item)
                    pos = end
                    continue
            items.append(item)
            pos = j
            continue
        # 2. a capitalized government body ("Ministry of Defense", "Foreign Ministry")
        if tok[0].isupper() and low in ctx.body_trie:
            body = _body_match(ctx, i)
            if body is not None:
                end = body[0]
                state = None
                if end + 1 < n and lows[end] == "of":
                    after = _gaz_match(ctx, end + 1)
                    if after is not None:
                        actor = ctx.gaz.actors.get(after[1].actor_id)
                        if actor is not None and actor.kind is ActorKind.STATE:
                            state = actor.id
                            end = after[0]
                if state is not None or (end - i >= 2 and _is_cap(toks[end - 1])):
                    item = _Item("body", i, end)
                    item.affiliation = state
                    item.actor_id = (
                        _body_id(state, body[1])
                        if state
                        else "org:" + slug(ctx.text[ctx.starts[i] : ctx.ends[body[0] - 1]])
                    )
                    items.append(item)
                    pos = end
                    continue
        # 3. honorifics and titles
        if low in lex.honorifics or low + "." in lex.honorifics:
            end = i + 2 if _abbrev_dot(ctx, i + 1) else i + 1
            if end < n and _is_cap(toks[end]):
                items.append(_Item("honorific", i, end))
                pos = end
                continue
        if low in heads_mods or (low + "." in heads_mods and _abbrev_dot(ctx, i + 1)):
            end = _title_match(ctx, i)
            if end > i:
                items.append(_Item("title", i, end))
                pos = end
                continue
        # 4. capitalized names (never starting with "The", "In" ...)
        if _is_cap(tok) and tok[0].isalpha() and low not in lex.not_names:
            end = _word_before_state(ctx, i)
            if end > i:  # "Environment Canada", "Air France", "Team Estonia"
                item = _Item("name", i, end)
                item.type = _ORG
                items.append(item)
                pos = end
                continue
            end = _name_run(ctx, i)
            if end > i:
                items.append(_Item("name", i, end))
                pos = end
                continue
    return items


_JOINERS = frozenset({"of", "for", "on"})


@functools.lru_cache(maxsize=1)
def _join_heads() -> frozenset[str]:
    lex = lexicon()
    return lex.org_heads_of | lex.org_suffixes | {"centre", "center"}


def _joined_institution(lows: list[str], i: int, j: int) -> bool:
    """``Centre for Disease Control``, ``Council on Foreign Relations``, ``Bank of Japan``:
    an institution word joined to its field or place by ``of``/``for``/``on``."""
    heads = _join_heads()
    return any(lows[k] in _JOINERS and lows[k - 1] in heads for k in range(i + 1, j))


def _word_before_state(ctx: _Context, i: int) -> int:
    """End of ``<Word> <State>`` naming an organization (``Air France``, ``Environment
    Canada``), or ``i``. The word is no direction, title, given name or common word."""
    j = i + 1
    if j >= len(ctx.toks) or ctx.starts[j] != ctx.ends[i] + 1:
        return i
    low = ctx.lows[i]
    lex = ctx.lex
    if (
        low in lex.compass_words
        or low in lex.title_heads
        or low in ctx.lower_words
        or ctx.toks[i] in lex.given_names
        or _key(ctx.toks[j]) not in ctx.gaz.trie
    ):
        return i
    hit = _gaz_match(ctx, j)
    if hit is None or hit[1].role != "name":
        return i
    actor = ctx.gaz.actors.get(hit[1].actor_id)
    if actor is None or actor.kind is not ActorKind.STATE:
        return i
    return hit[0]


def _body_ends(ctx: _Context, j: int) -> bool:
    """A body phrase ends a noun phrase (``the Russian military said``), rather than
    modifying a noun (``Russian military drills``)."""
    if j >= len(ctx.toks):
        return True
    tok = ctx.toks[j]
    if not tok[0].isalpha() or not tok[0].islower() or _is_cap(ctx.toks[j - 1]):
        return True
    low = ctx.lows[j]
    lex = ctx.lex
    return low in lex.not_names or low in lex.speech_verbs or low in lex.title_heads


def _body_id(state: str, body_slug: str) -> str:
    return f"org:{state.split(':', 1)[1].lower()}-{body_slug}"


# --------------------------------------------------------------------------- #
# Classification
# --------------------------------------------------------------------------- #


def _strip_run(ctx: _Context, item: _Item) -> None:
    """Drop leading function words (``The``, ``In``) and trailing particles from a name run."""
    lows = ctx.lows
    while item.i < item.j and (
        lows[item.i] in ctx.lex.not_names
        or lows[item.i] in _DETERMINERS
        or (ctx.sentence_start[item.i] and lows[item.i] in ctx.lower_words)
    ):
        item.i += 1
    while item.j > item.i and ctx.toks[item.j - 1] in ctx.lex.name_particles:
        item.j -= 1


def _affiliation_before(ctx: _Context, items: list[_Item], k: int) -> str | None:
    """The state or organization right before item ``k`` (``Russian`` in ``Russian Foreign
    Minister``, ``Russia’s``, ``Northrop Grumman`` in ``Northrop Grumman CEO``)."""
    if k == 0:
        return None
    prev = items[k - 1]
    gap = items[k].i - prev.j
    if gap > 1 or (gap == 1 and ctx.toks[prev.j] not in _POSSESSIVE):
        return None
    if prev.kind == "gaz" and prev.entry is not None and prev.entry.role != "capital":
        actor = ctx.gaz.actors.get(prev.entry.actor_id)
        if actor is not None and actor.kind in (ActorKind.STATE, ActorKind.ORGANIZATION):
            return actor.id
    if prev.kind == "body":
        return prev.actor_id
    if prev.kind == "name" and prev.type in (None, _ORG):
        prev.type = _ORG
        return "org:" + _acronym_or_slug(ctx, prev)
    return None


def _of_affiliation(ctx: _Context, items: list[_Item], k: int) -> str | None:
    """``of Russia`` right after item ``k``."""
    if k + 1 >= len(items):
        return None
    item, nxt = items[k], items[k + 1]
    if item.j < len(ctx.lows) and ctx.lows[item.j] == "of" and nxt.i in (item.j + 1, item.j + 2):
        if nxt.i == item.j + 2 and ctx.lows[item.j + 1] != "the":
            return None
        if nxt.kind == "gaz" and nxt.entry is not None:
            actor = ctx.gaz.actors.get(nxt.entry.actor_id)
            if actor is not None and actor.kind in (ActorKind.STATE, ActorKind.ORGANIZATION):
                return actor.id
        if nxt.kind == "body":
            return nxt.actor_id
    return None


def _title_text(ctx: _Context, item: _Item) -> str:
    return ctx.text[ctx.starts[item.i] : ctx.ends[item.j - 1]]


def _acronym_or_slug(ctx: _Context, item: _Item) -> str:
    return slug(ctx.text[ctx.starts[item.i] : ctx.ends[item.j - 1]])


def _classify(ctx: _Context, items: list[_Item]) -> None:
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    n = len(toks)
    for k, item in enumerate(items):
        if item.kind != "name":
            continue
        _strip_run(ctx, item)
        if item.i >= item.j:
            continue
        i, j = item.i, item.j
        item.label = ctx.label[i]
        first, last = lows[i], lows[j - 2 if lows[j - 1] == "." and j - i > 1 else j - 1]
        prev = items[k - 1] if k > 0 else None
        # suffixes and heads say the most
        if (
            (last in lex.org_suffixes and not (j - i == 2 and toks[i] in lex.given_names))
            or item.type == _ORG
            or _joined_institution(lows, i, j)
        ):
            item.type = _ORG
            continue
        if (last in lex.place_suffixes or (first in lex.place_prefixes and j - i > 1)) and toks[
            i
        ] not in lex.given_names:
            item.type = _LOC  # "Bear Lake", "Mount Paektu"; but "Christopher Hill"
            continue
        if item.label:
            continue
        if i >= 1 and lows[i - 1] in lex.org_nouns and toks[i - 1][0].islower():
            item.type = _ORG  # "airline Ryanair", "automaker GM"
            continue
        if i >= 2 and lows[i - 1] == "of" and lows[i - 2] in lex.place_nouns:
            item.type = _LOC  # "the city of Kirovsk"
            continue
        # a title or honorific right before: "Foreign Minister Sergey Lavrov", "Mr. Key"
        if (
            prev is not None
            and prev.kind in ("title", "honorific")
            and (
                prev.j == i
                or (prev.j + 1 == i and toks[prev.j] == "," and _title_is_subject(ctx, prev))
            )
        ):
            item.type = _PERSON
            if prev.kind == "title":
                item.titles.append(_title_text(ctx, prev))
                item.affiliation = _affiliation_before(ctx, items, k - 1) or _of_affiliation(
                    ctx, items, k - 1
                )
            continue
        # apposition after: "Vladimir Putin, the President of Russia"
        if j + 1 < n and toks[j] == ",":
            m = j + 1
            if lows[m] in _DETERMINERS and m + 1 < n:
                m += 1
            nxt = _item_at(items, k + 1, m)
            if (
                nxt is not None
                and nxt.kind == "title"
                and (lows[j + 1] in _DETERMINERS or nxt.i == j + 1)
            ):
                item.type = _PERSON
                item.titles.append(_title_text(ctx, nxt))
                idx = items.index(nxt, k)
                item.affiliation = (
                    _of_affiliation(ctx, items, idx) or _affiliation_before(ctx, items, idx)
                    if nxt.i == j + 1
                    else _of_affiliation(ctx, items, idx)
                )
                continue
            if lows[j + 1] in ("who", "whose") or (
                j + 2 < n and toks[j + 1].isdigit() and toks[j + 2] == ","
            ):
                item.type = _PERSON
                continue
        # speech verbs: "Lavrov warned", "said Smith"
        if (
            j < n
            and lows[j] in lex.speech_verbs
            and not (ctx.sentence_start[i] and j - i == 1 and _common_subject(ctx, i, j))
        ):
            if j - i == 1:
                item.speaker = True  # a surname, or a company ("Fiat said"): decided later
            else:
                item.type = _PERSON
            continue
        if i >= 1 and lows[i - 1] in ("said", "says", "told") and (j >= n or not _is_cap(toks[j])):
            item.type = _PERSON
            continue


def _weak_type(ctx: _Context, items: list[_Item], k: int) -> str | None:
    """The type of a name run that no strong cue or known name settled."""
    item = items[k]
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    i, j = item.i, item.j
    if j - i >= 2 and (toks[i] in lex.given_names or toks[i] in lex.family_names_first):
        return _PERSON
    if i >= 1 and lows[i - 1] in _STRONG_LOCATIVES:
        return _LOC
    if _followed_by_place(ctx, items, k):
        return _LOC
    if j - i >= 2 and i >= 1 and lows[i - 1] == "the":
        return _ORG  # "the Sea Org", "the Creative Commons": people's names take no article
    words = [t for t in toks[i:j] if t not in lex.name_particles]
    last = words[-1] if words else ""
    if last.endswith("s") and len(last) > 3 and ctx.count(last[:-1]) > 0:
        return None  # "Warhol Polaroids" beside "Polaroid": a plural noun, not a surname
    if 2 <= len(words) <= 4 and all(
        _name_shaped(w)
        and w.lower() not in ctx.lower_words
        and w.lower() not in lex.not_person_words
        and w.lower() not in lex.not_names
        for w in words
    ):
        return _PERSON
    return None


def _followed_by_place(ctx: _Context, items: list[_Item], k: int) -> bool:
    """``Kirovsk, Russia``: a name, a comma, then a known state or place."""
    j = items[k].j
    if j + 1 >= len(ctx.toks) or ctx.toks[j] != "," or k + 1 >= len(items):
        return False
    nxt = items[k + 1]
    if nxt.i != j + 1 or nxt.kind != "gaz" or nxt.entry is None or nxt.entry.role != "name":
        return False
    actor = ctx.gaz.actors.get(nxt.entry.actor_id)
    return actor is not None and actor.kind in (ActorKind.STATE, ActorKind.LOCATION)


def _name_shaped(token: str) -> bool:
    """``Lukaku``, ``Jong-un``, ``O'Leary``, ``J.``: capitalized letters, mixed case."""
    if len(token) == 2 and token[1] == ".":
        return token[0].isupper()
    return (
        token[0].isupper()
        and token[1:].replace("-", "").replace("'", "").isalpha()
        and not token.isupper()
    )


def _common_subject(ctx: _Context, i: int, verb: int) -> bool:
    """A sentence-initial word before a speech verb that is a common noun rather than a
    name: a listed word, a word written lowercase elsewhere, or a plural subject
    (``Reports indicate``: the verb has no third-person ``-s``)."""
    low, verb_low = ctx.lows[i], ctx.lows[verb]
    speech = ctx.lex.speech_verbs
    plural_verb = verb_low + "s" in speech or verb_low + "es" in speech
    return low in ctx.lex.not_names or low in ctx.lower_words or plural_verb


def _title_is_subject(ctx: _Context, title: _Item) -> bool:
    """``The Russian Deputy Foreign Minister, Andrei Rudenko``: a title opening a sentence
    (after ``the`` and an optional state) can stand before a comma and its name."""
    i = title.i
    while i > 0 and not ctx.sentence_start[i] and i - title.i > -4:
        i -= 1
    return ctx.sentence_start[i] and ctx.lows[i] in _DETERMINERS


def _item_at(items: list[_Item], k: int, token: int) -> _Item | None:
    if k < len(items) and items[k].i == token:
        return items[k]
    if k + 1 < len(items) and items[k + 1].i == token:
        return items[k + 1]
    return None


# --------------------------------------------------------------------------- #
# Linking and actors
# --------------------------------------------------------------------------- #


class _Person:
    __slots__ = ("affiliation", "name", "titles", "tokens")

    def __init__(self, name: str, tokens: tuple[str, ...]) -> None:
        self.name = name
        self.tokens = tokens
        self.titles: list[str] = []
        self.affiliation: str | None = None


def _run_text(ctx: _Context, item: _Item) -> str:
    return ctx.text[ctx.starts[item.i] : ctx.ends[item.j - 1]]


def _run_tokens(ctx: _Context, item: _Item) -> tuple[str, ...]:
    """The run's words (``Kim Jong-un`` -> ``Kim``, ``Jong-un``) without name particles."""
    words = _run_text(ctx, item).split()
    return tuple(w for w in words if w not in ctx.lex.name_particles) or tuple(words)


def _link(ctx: _Context, items: list[_Item]) -> dict[str, _Person]:
    """Give every name run an actor id; return the persons by id.

    Order: runs typed by strong cues; then untyped multi-word runs (known text, else weak
    cues); then single words (a known name or surname, else weak cues)."""
    persons: dict[str, _Person] = {}
    by_text: dict[str, str] = {}
    names = [(k, it) for k, it in enumerate(items) if it.kind == "name" and it.i < it.j]
    for _, item in names:
        if item.type is not None and (item.type != _PERSON or len(_run_tokens(ctx, item)) >= 2):
            _assign(ctx, item, persons, by_text)
    for k, item in names:
        if item.type is None and len(_run_tokens(ctx, item)) >= 2:
            known = by_text.get(_run_text(ctx, item))
            if known is not None:
                item.actor_id = known
            elif not item.label:
                item.type = _weak_type(ctx, items, k)
                _assign(ctx, item, persons, by_text)
    seen_at: dict[str, list[int]] = {}
    for _, item in names:
        if item.type == _PERSON and item.actor_id is not None:
            seen_at.setdefault(item.actor_id, []).append(item.i)
    last_tok: dict[str, list[str]] = {}
    first_tok: dict[str, list[str]] = {}
    fam = ctx.lex.family_names_first
    for pid, person in persons.items():
        if len(person.tokens) >= 2:
            last_tok.setdefault(person.tokens[-1], []).append(pid)
            first = person.tokens[0]
            if len(person.tokens) >= 3 or first in fam or first not in ctx.lex.given_names:
                first_tok.setdefault(person.tokens[0], []).append(pid)
    for item in items:
        if item.kind == "gaz" and item.j == item.i + 1 and item.entry is not None:
            candidates = last_tok.get(ctx.toks[item.i], [])
            actor = ctx.gaz.actors.get(item.entry.actor_id)
            if (
                len(candidates) == 1
                and actor is not None
                and actor.kind is not ActorKind.ORGANIZATION
            ):
                item.kind, item.type, item.entry = "name", _PERSON, None
                item.actor_id = candidates[0]  # "Paris" after "Valeska Paris"
    for k, item in names:
        if item.actor_id is not None:
            continue
        text_ = _run_text(ctx, item)
        known = by_text.get(text_)
        if known is not None:
            item.actor_id = known
            continue
        toks = _run_tokens(ctx, item)
        if len(toks) != 1:
            continue
        candidates = last_tok.get(toks[0]) or first_tok.get(toks[0]) or []
        if candidates:
            item.actor_id = _nearest(candidates, seen_at, item.i)
            item.type = _PERSON
            continue
        if item.type is not None:
            _assign(ctx, item, persons, by_text)
            continue
        if ctx.sentence_start[item.i] and _followed_by_place(ctx, items, k):
            item.type = _LOC
            _assign(ctx, item, persons, by_text)
            continue
        if item.label or (ctx.sentence_start[item.i] and toks[0].lower() in ctx.lower_words):
            continue
        if ctx.sentence_start[item.i] and toks[0] not in ctx.lex.given_names and not item.speaker:
            continue
        if item.i >= 1 and ctx.lows[item.i - 1] in _STRONG_LOCATIVES:
            item.type = _LOC  # "in Geneva", even when it is also a first name
        elif toks[0] in ctx.lex.given_names:
            item.type = _PERSON
        elif item.speaker:
            # an unknown single word that speaks is more often a company or agency than a
            # person, whom news introduces by full name first
            item.type = _ORG
        else:
            item.type = _weak_type(ctx, items, k)
        if item.type is None and _acronym(ctx, item):
            item.type = _ORG
        _assign(ctx, item, persons, by_text)
    # titles and affiliations
    for item in items:
        if item.type == _PERSON and item.actor_id in persons:
            person = persons[item.actor_id]
            for title in item.titles:
                if title not in person.titles:
                    person.titles.append(title)
            if person.affiliation is None and item.affiliation is not None:
                person.affiliation = item.affiliation
    return persons


def _acronym(ctx: _Context, item: _Item) -> bool:
    """An all-capital word (2-6 letters, not a Roman numeral) that the text uses at least
    twice or spells out in parentheses: ``KCNA``, ``(JSC)``."""
    word = ctx.toks[item.i]
    if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 6):
        return False
    if not word.strip("IVXLCDM") and len(word) > 1:
        return False
    if item.j < len(ctx.toks) and ctx.toks[item.j] == "-" and _tight(ctx, item.j):
        return False  # a code: "STS-1", "F-35"
    bracketed = (
        item.i > 0 and ctx.toks[item.i - 1] == "(" and ctx.toks[item.j : item.j + 1] == [")"]
    )
    return bracketed or ctx.count(word) >= 2


def _nearest(candidates: list[str], seen_at: dict[str, list[int]], token: int) -> str:
    """Of several persons sharing a surname, the one named in full most recently before
    ``token`` (else the first named after it)."""
    if len(candidates) == 1:
        return candidates[0]

    def distance(pid: str) -> tuple[int, int]:
        positions = seen_at.get(pid, [])  # ascending token positions
        k = bisect.bisect_left(positions, token)
        if k > 0:
            return (0, token - positions[k - 1])
        return (1, positions[0] - token if positions else 1 << 30)

    return min(candidates, key=distance)


def _assign(
    ctx: _Context, item: _Item, persons: dict[str, _Person], by_text: dict[str, str]
) -> None:
    """Give a typed name run its id (and register a new person)."""
    text_ = _run_text(ctx, item)
    if item.type == _PERSON:
        pid = "person:" + slug(text_)
        if pid not in persons:
            persons[pid] = _Person(text_, _run_tokens(ctx, item))
        item.actor_id = pid
    elif item.type == _ORG:
        item.actor_id = item.actor_id or "org:" + slug(text_)
        toks = _run_tokens(ctx, item)
        if len(toks) >= 3 and toks[0] in ctx.lex.given_names and _name_shaped(toks[1]):
            # "Andy Warhol Foundation": its founder's name links a later "Warhol"
            name = " ".join(toks[:2])
            persons.setdefault("person:" + slug(name), _Person(name, toks[:2]))
    elif item.type == _LOC:
        item.actor_id = item.actor_id or "loc:" + slug(text_)
    else:
        return
    by_text.setdefault(text_, item.actor_id)


def recognize(article: Article, gazetteer: Gazetteer | None = None) -> Article:
    """Fill ``actors`` and ``mentions`` of ``article`` using ``gazetteer`` (default: packaged)."""
    gaz = gazetteer or Gazetteer.default()
    lex = lexicon()
    text = article.text
    starts, ends, toks = tokenize(text)
    if not toks:
        return attrs.evolve(article, actors=(), mentions=())
    body_trie = _body_trie()
    ctx = _Context(
        text=text,
        starts=starts,
        ends=ends,
        toks=toks,
        lows=list(map(str.lower, toks)),
        sentence_start=_SentenceStarts(article, text, starts, ends, toks, lex.abbreviation_words),
        label=_Labels(_label_lines(article, text), starts),
        gaz=gaz,
        lex=lex,
        body_trie=body_trie,
        lower_words=frozenset(filter(str.islower, toks)),
    )
    items = _scan(ctx)
    _classify(ctx, items)
    persons = _link(ctx, items)
    return _build(ctx, article, items, persons)


def _build(
    ctx: _Context, article: Article, items: list[_Item], persons: dict[str, _Person]
) -> Article:
    gaz = ctx.gaz
    found: list[tuple[int, int, str, _Item]] = []
    for item in items:
        if item.actor_id is None or item.kind in ("title", "honorific") or item.i >= item.j:
            continue
        found.append((ctx.starts[item.i], ctx.ends[item.j - 1], item.actor_id, item))
        if item.kind == "body" or (
            item.kind == "name" and item.type == _ORG and _institution(ctx, item)
        ):
            found.extend(_nested_places(ctx, item))
    found.sort(key=lambda f: (f[0], -f[1]))
    mentioned = {aid for _, _, aid, it in found if it.entry is None or it.entry.role != "context"}
    actors: dict[str, Actor] = {}
    surfaces: dict[str, list[str]] = {}
    mentions: list[Mention] = []
    for start, end, aid, item in found:
        entry = item.entry
        if (
            entry is not None
            and entry.role == "context"
            and not all(r in mentioned for r in entry.requires)
        ):
            continue
        if (
            item.kind == "gaz"
            and entry is not None
            and entry.role == "capital"
            and _locative(ctx, item.i)
        ):
            aid = "loc:" + slug(ctx.text[start:end])
            if aid not in actors:
                actors[aid] = Actor(
                    id=aid,
                    kind=ActorKind.LOCATION,
                    name=ctx.text[start:end],
                    affiliation=entry.actor_id,
                )
        if aid not in actors:
            actor = _make_actor(ctx, aid, item, persons, gaz, start, end)
            if actor is None:
                continue
            actors[aid] = actor
        mentions.append(Mention(actor_id=aid, span=Span(start=start, end=end)))
        surfaces.setdefault(aid, []).append(ctx.text[start:end])
    # affiliations must point at known actors
    for aid, actor in list(actors.items()):
        names = [s for s in dict.fromkeys(surfaces.get(aid, ())) if s != actor.name]
        affiliation = actor.affiliation
        if affiliation is not None and affiliation not in actors:
            target = gaz.actors.get(affiliation)
            if target is None:
                affiliation = None
            elif target.aliases:
                actors[affiliation] = attrs.evolve(target, aliases=())
            else:
                actors[affiliation] = target
        if tuple(names) != actor.aliases or affiliation != actor.affiliation:
            actors[aid] = attrs.evolve(actor, aliases=tuple(names), affiliation=affiliation)
    return attrs.evolve(
        article,
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        mentions=tuple(mentions),
    )


def _nested_places(ctx: _Context, outer: _Item) -> list[tuple[int, int, str, _Item]]:
    """States and places named inside an organization's name (``University of Texas``,
    ``New Zealand government``): nested mentions, as news annotation marks them."""
    nested = []
    k = outer.i
    while k < outer.j:
        hit = _gaz_match(ctx, k) if _key(ctx.toks[k]) in ctx.gaz.trie else None
        if hit is None or hit[0] > outer.j or (k == outer.i and hit[0] == outer.j):
            k += 1
            continue
        end, entry = hit
        actor = ctx.gaz.actors.get(entry.actor_id)
        if (
            actor is not None
            and actor.kind in (ActorKind.STATE, ActorKind.LOCATION)
            and entry.role in _NESTED_ROLES
        ):
            item = _Item("gaz", k, end)
            item.entry = entry
            item.actor_id = entry.actor_id
            nested.append((ctx.starts[k], ctx.ends[end - 1], entry.actor_id, item))
        k = end
    return nested


_NESTED_ROLES = frozenset({"name"})


def _institution(ctx: _Context, item: _Item) -> bool:
    """An institution named after its place (``University of Texas``, ``Irving Police
    Department``, ``New Zealand Herald``), not a brand that contains one (``Air France``)."""
    lows = ctx.lows[item.i : item.j]
    last = lows[-2] if lows[-1] == "." and len(lows) > 1 else lows[-1]
    return last in ctx.lex.institution_words or "of" in lows


def _locative(ctx: _Context, i: int) -> bool:
    return i > 0 and ctx.lows[i - 1] in ("in", "at", "near", "outside", "inside", "around")


def _make_actor(
    ctx: _Context,
    aid: str,
    item: _Item,
    persons: dict[str, _Person],
    gaz: Gazetteer,
    start: int,
    end: int,
) -> Actor | None:
    known = gaz.actors.get(aid)
    if known is not None:
        return known  # aliases are replaced by this text's surface forms in _build
    if aid in persons:
        person = persons[aid]
        return Actor(
            id=aid,
            kind=ActorKind.PERSON,
            name=person.name,
            titles=tuple(person.titles),
            affiliation=person.affiliation,
        )
    if item.kind == "body":
        state = item.affiliation
        name = ctx.text[start:end]
        if state is not None:
            state_actor = gaz.actors.get(state)
            body_name = _body_name(ctx, item)
            demonym = gaz.demonyms.get(state) or (state_actor.name if state_actor else "")
            name = f"{demonym} {body_name}".strip()
        return Actor(id=aid, kind=ActorKind.ORGANIZATION, name=name, affiliation=state)
    kind = {_ORG: ActorKind.ORGANIZATION, _LOC: ActorKind.LOCATION}.get(item.type or "")
    if kind is None:
        return None
    return Actor(id=aid, kind=kind, name=ctx.text[start:end])


def _body_name(ctx: _Context, item: _Item) -> str:
    for k in range(item.i, item.j):
        body = _body_match(ctx, k)
        if body is not None:
            return body[2]
    return ""


def make_recognizer(gazetteer: Gazetteer | None = None) -> Callable[[Article], Article]:
    """A pipeline stage that recognizes actors with ``gazetteer``."""

    def stage(article: Article) -> Article:
        return recognize(article, gazetteer)

    return stage
