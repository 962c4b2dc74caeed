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

import itertools
from collections.abc import Sequence

import attrs

from geobrief._model import Article
from geobrief.actors._build import _build
from geobrief.actors._classify import _classify
from geobrief.actors._context import (
    _body_trie,
    _Context,
    _label_lines,
    _Labels,
    _SentenceStarts,
    _starters,
)
from geobrief.actors._gazetteer import Gazetteer
from geobrief.actors._lexicon import lexicon
from geobrief.actors._link import _link
from geobrief.actors._scan import _scan
from geobrief.actors._tokens import token_ends

__all__ = ["recognize"]


def _lowercase(toks: list[str], ascii_text: bool) -> list[str]:
    """Every token lowercased. An ASCII text in one C-level call (tokens never contain a
    line break, and lowercasing never adds one, so the split gives back one entry per
    token); any other text token by token, since ``str.lower`` of a non-ASCII string goes
    through the Unicode tables character by character, while most tokens are ASCII and take
    the fast path on their own (about 2.5x as fast on the seed brief, with its curly quotes)."""
    if ascii_text:
        lows = "\n".join(toks).lower().split("\n")
        if len(lows) == len(toks):
            return lows
    return list(map(str.lower, toks))


def _candidates(toks: list[str], unique: set[str], starters: frozenset[str]) -> list[int]:
    """Indices of the tokens the scan looks at: capitalized tokens and the lowercase words
    that can start something (``starters``). Decided once per distinct token, then picked
    with one C-level pass over the tokens, from :func:`_indices` (``range`` would make an
    int object for every token, only to drop three in four of them)."""
    chosen = {t for t in unique if t[0].isupper()}
    chosen.update(unique & starters)
    return list(itertools.compress(_indices(len(toks)), map(chosen.__contains__, toks)))


_INDICES: list[int] = list(range(4096))
"""``0, 1, 2, ...``: index int objects made once, for :func:`_indices`."""
_MAX_INDICES = 1 << 16


def _indices(count: int) -> Sequence[int]:
    """``0 .. count - 1``, at least, as existing int objects (a prefix of a shared list);
    a list too short is replaced by a longer one, never changed in place, so a concurrent
    reader's list stays whole. Past ``_MAX_INDICES`` tokens, a plain ``range``."""
    global _INDICES
    indices = _INDICES
    if len(indices) >= count:
        return indices
    if count > _MAX_INDICES:
        return range(count)
    indices = _INDICES = list(range(min(max(count, 2 * len(indices)), _MAX_INDICES)))
    return indices


def recognize(article: Article, gazetteer: Gazetteer | None = None) -> Article:
    """Fill ``actors`` and ``mentions`` of ``article`` using ``gazetteer`` (default: packaged)."""
    ctx = _context(article, gazetteer or Gazetteer.default())
    if ctx is None:
        return attrs.evolve(article, actors=(), mentions=())
    items = _scan(ctx)
    _classify(ctx, items)
    persons = _link(ctx, items)
    return _build(ctx, article, items, persons)


def _context(article: Article, gaz: Gazetteer) -> _Context | None:
    """The shared state of one run over ``article`` (None for a text without tokens)."""
    lex = lexicon()
    text = article.text
    ends, toks = token_ends(text)
    if not toks:
        return None
    unique = set(toks)
    return _Context(
        text=text,
        ends=ends,
        toks=toks,
        lows=_lowercase(toks, text.isascii()),
        sentence_start=_SentenceStarts(article, text, ends, toks, lex.abbreviation_words),
        label=_Labels(_label_lines(article, text), ends, toks),
        gaz=gaz,
        lex=lex,
        body_trie=_body_trie(),
        words=unique,
        candidates=_candidates(toks, unique, _starters(lex, gaz)),
    )
