"""One pass over an article for every lexicon word: attribution cues, hedges, negation.

The text is split once into word runs (``\\w+``, C speed); the runs whose
lowercase form can start a lexicon entry are picked out with one set lookup
each, also at C speed. Only those candidates are examined in Python: the
longest form of each lexicon that starts there, with the same token rules as
:func:`geobrief.statements._text.tokenize` (``so-called`` and ``don't`` are
single tokens; the words of a multi-word form are separated by whitespace
only). The cue, hedge and negation lexicons are read from the package's data
files, once.

The scan answers, for any span: does it hold a cue; which hedges does it hold;
what is its first negation. A hedge or negation form that straddles the span's
edge would be matched differently inside the span alone (a shorter form may
fit); then the answer is "don't know" (``None``) and the caller matches the
span's own tokens instead, which keeps the results identical to a token scan.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from importlib import resources
from itertools import accumulate, compress

from geobrief.statements._lexicon import CueEntry, cues_by_first_word

__all__ = [
    "LexiconHit",
    "LexiconScan",
    "PhraseTable",
    "hedge_table",
    "negation_table",
    "scan_lexicons",
]

PhraseTable = dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]]
"""First word -> (words of the form, lemma, words that cancel it when next), longest first."""

LexiconHit = tuple[int, int, str, int]
"""(start, end, lemma, cancel_end): a lexicon form's character span and lemma;
``cancel_end`` is the end of a following word that cancels it (``not only``), else -1."""

_RUN = re.compile(r"(\w+)")
_JOINERS = frozenset({"'", "-"})
_FRAME_POS = frozenset({"verb", "prep"})
_NOT_SUFFIX = re.compile(r"n't(?!\w)(?!['\-]\w)")


def _claims_rows(name: str) -> list[list[str]]:
    data = (
        resources.files("geobrief")
        .joinpath("claims")
        .joinpath("data")
        .joinpath(name)
        .read_text("utf-8")
    )
    return [
        line.split("\t") for line in data.splitlines() if line.strip() and not line.startswith("#")
    ]


def _phrase_table(name: str) -> PhraseTable:
    table: PhraseTable = {}
    for row in _claims_rows(name):
        row = row + [""] * (3 - len(row))
        lemma, forms, cancel = row[0], row[1], row[2]
        cancelled = frozenset(w for w in cancel.split(",") if w)
        for form in forms.split(","):
            words = tuple(form.split())
            if words:
                table.setdefault(words[0], []).append((words, lemma, cancelled))
    for options in table.values():
        options.sort(key=lambda item: -len(item[0]))
    return table


@cache
def hedge_table() -> PhraseTable:
    """The hedge lexicon (``claims/data/hedges.tsv``)."""
    return _phrase_table("hedges.tsv")


@cache
def negation_table() -> PhraseTable:
    """The negation lexicon (``claims/data/negations.tsv``)."""
    return _phrase_table("negations.tsv")


@cache
def _first_words() -> frozenset[str]:
    return frozenset(cues_by_first_word()) | frozenset(hedge_table()) | frozenset(negation_table())


class _Runs:
    """The word runs of a text with their offsets, and the token rules over them."""

    __slots__ = ("offsets", "parts", "words")

    def __init__(self, parts: list[str]) -> None:
        self.parts = parts
        self.words = parts[1::2]
        self.offsets = list(accumulate(map(len, parts), initial=0))

    def start(self, k: int) -> int:
        return self.offsets[2 * k + 1]

    def end(self, k: int) -> int:
        return self.offsets[2 * k + 2]

    def starts_token(self, k: int) -> bool:
        """Word run ``k`` is not glued to the one before (``so-called``, ``Lavrov's``)."""
        return k == 0 or self.parts[2 * k] not in _JOINERS

    def ends_token(self, k: int) -> bool:
        return k + 1 >= len(self.words) or self.parts[2 * k + 2] not in _JOINERS

    def matches(self, k: int, form: tuple[str, ...]) -> bool:
        """Whether the tokens from run ``k`` on are exactly the words of ``form``."""
        if len(form) == 1:
            return k + 1 >= len(self.words) or self.parts[2 * k + 2] not in _JOINERS
        last = k + len(form) - 1
        if last >= len(self.words):
            return False
        words, parts = self.words, self.parts
        for j in range(1, len(form)):
            if words[k + j] != form[j] or not parts[2 * (k + j)].isspace():
                return False
        return self.ends_token(last)


def _fits(runs: _Runs, k: int, form: tuple[str, ...], whole: bool) -> bool:
    """``runs.matches(k, form)``, given whether run ``k`` is a whole token."""
    return whole if len(form) == 1 else runs.matches(k, form)


class LexiconScan:
    """Where the lexicon forms of one text are; see the module docstring."""

    __slots__ = (
        "_cue_names",
        "_cue_starts",
        "_hedge_ends",
        "_hedge_starts",
        "_negation_starts",
        "hedges",
        "negations",
    )

    def __init__(
        self,
        cue_starts: list[int],
        cue_names: list[bool],
        hedges: list[LexiconHit],
        negations: list[LexiconHit],
    ) -> None:
        self._cue_starts = cue_starts
        self._cue_names = cue_names
        self.hedges = hedges
        """Hedges found by a greedy left-to-right longest match, in order."""
        self.negations = negations
        """Negation cues at every token where one starts, in order."""
        self._hedge_starts = [h[0] for h in hedges]
        self._hedge_ends = [h[1] for h in hedges]
        self._negation_starts = [h[0] for h in negations]

    def has_cue(self, start: int, end: int) -> bool:
        """True when a verb or preposition cue that can open an attribution frame
        starts inside ``[start, end)`` (a capitalized verb only at ``start``)."""
        positions = self._cue_starts
        i = bisect.bisect_left(positions, start)
        while i < len(positions) and positions[i] < end:
            if not self._cue_names[i] or positions[i] == start:
                return True
            i += 1
        return False

    def hedges_in(self, start: int, end: int) -> list[LexiconHit] | None:
        """The hedges inside ``[start, end)``; None when one straddles an edge."""
        starts = self._hedge_starts
        lo = bisect.bisect_left(starts, start)
        if lo > 0 and self._hedge_ends[lo - 1] > start:
            return None
        hi = bisect.bisect_left(starts, end, lo)
        if hi > lo and self._hedge_ends[hi - 1] > end:
            return None
        return self.hedges[lo:hi]

    def first_negation(self, start: int, end: int) -> LexiconHit | bool | None:
        """The first negation inside ``[start, end)`` that no following word in the
        span cancels; None when there is none; False when a form straddles the end."""
        starts = self._negation_starts
        i = bisect.bisect_left(starts, start)
        negations = self.negations
        while i < len(negations) and starts[i] < end:
            hit = negations[i]
            if hit[1] > end:
                return False
            if hit[3] < 0 or hit[3] > end:
                return hit
            i += 1
        return None


def _lowercase(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters grow when lowercased (İ)
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'") if "’" in low else low


@cache
def _by_first_word() -> dict[
    str,
    tuple[
        list[tuple[tuple[str, ...], CueEntry]] | None,
        list[tuple[tuple[str, ...], str, frozenset[str]]] | None,
        list[tuple[tuple[str, ...], str, frozenset[str]]] | None,
    ],
]:
    cues, hedges, negations = cues_by_first_word(), hedge_table(), negation_table()
    return {
        word: (cues.get(word), hedges.get(word), negations.get(word)) for word in _first_words()
    }


def scan_lexicons(text: str) -> LexiconScan:
    """Find every cue, hedge and negation form of the lexicons in ``text``."""
    low = _lowercase(text)
    runs = _Runs(_RUN.split(low))
    words, parts, offsets = runs.words, runs.parts, runs.offsets
    table = _by_first_word()
    cue_starts: list[int] = []
    cue_names: list[bool] = []
    found_hedges: list[LexiconHit] = []
    found_negations: list[LexiconHit] = []
    hedge_free = 0
    last_word = len(words) - 1
    for k in compress(range(len(words)), map(table.__contains__, words)):
        if k > 0 and parts[2 * k] in _JOINERS:
            continue  # glued to the word before: not a token of its own
        whole = k == last_word or parts[2 * k + 2] not in _JOINERS
        cue_options, hedge_options, negation_options = table[words[k]]
        if cue_options is not None:
            entry = next((e for form, e in cue_options if _fits(runs, k, form, whole)), None)
            if entry is not None and entry.pos in _FRAME_POS:
                start = offsets[2 * k + 1]
                # A capitalized verb inside a sentence is a name (``United States``).
                cue_starts.append(start)
                cue_names.append(entry.pos == "verb" and text[start].isupper())
        if hedge_options is not None and k >= hedge_free:
            hedge = next((h for h in hedge_options if _fits(runs, k, h[0], whole)), None)
            if hedge is not None:
                last = k + len(hedge[0]) - 1
                found_hedges.append((offsets[2 * k + 1], offsets[2 * last + 2], hedge[1], -1))
                hedge_free = last + 1
        if negation_options is not None:
            negation = next((n for n in negation_options if _fits(runs, k, n[0], whole)), None)
            if negation is not None:
                last = k + len(negation[0]) - 1
                cancel_end = -1
                following = last + 1
                if (
                    negation[2]
                    and following <= last_word
                    and words[following] in negation[2]
                    and parts[2 * following].isspace()
                    and runs.ends_token(following)
                ):
                    cancel_end = offsets[2 * following + 2]
                found_negations.append(
                    (offsets[2 * k + 1], offsets[2 * last + 2], negation[1], cancel_end)
                )
    if "n't" in low:
        suffixes = [(m.start(), m.end(), "n't", -1) for m in _NOT_SUFFIX.finditer(low)]
        if suffixes:
            found_negations = sorted(
                {*found_negations, *suffixes}, key=lambda hit: (hit[0], hit[1], hit[2])
            )
    return LexiconScan(cue_starts, cue_names, found_hedges, found_negations)
