"""One pass over an article for every lexicon word: attribution cues, hedges, negation.

The cue, hedge and negation lexicons are read from the package's data files,
once, and compiled into regular expressions (:mod:`._lexmatch`) that find
every form in the text with its ASCII capitals lowercased, at C speed, with the
token boundaries of :func:`geobrief.statements._text.tokenize`; only the hits are
examined in Python. The text is not split into tokens for this:
:attr:`LexiconScan.tokens` splits it on first use. A text with a Kelvin sign (which
lowercases to an ASCII ``k``) is scanned in its ``str.lower`` form, or, when that
differs in length (a dotted capital I), by a walk over its tokens, which gives the
same answers (:func:`scan_lexicons_by_tokens`, the tests' reference).

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
from typing import NamedTuple, TypeVar

from geobrief._model import Span
from geobrief.statements._lexicon import CueEntry, cues_by_first_word
from geobrief.statements._lexmatch import LexiconPattern, compile_lexicons, find_hits
from geobrief.statements._quotes import QUOTE_MARKS
from geobrief.statements._text import TOKEN_SPLIT, TokenRow

__all__ = [
    "LexiconHit",
    "LexiconScan",
    "PhraseTable",
    "TokenTable",
    "hedge_table",
    "negation_table",
    "scan_lexicons",
    "scan_lexicons_by_tokens",
    "token_rows",
]

PhraseTable = dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]]
"""First word -> (words of the form, lemma, words that cancel it when next), longest first."""

LexiconHit = tuple[int, int, str, int]
"""(start, end, lemma, cancel_end): a lexicon form's character span and lemma;
``cancel_end`` is the end of a following word that cancels it (``not only``), else -1."""

_T = TypeVar("_T")
_FRAME_POS = frozenset({"verb", "prep"})
_NOT_SUFFIX = re.compile(r"n't(?= |\Z)")
"""``n't`` at the end of a token, in the tokens' lowercase forms joined by spaces."""


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


def token_rows(text: str, start: int, end: int) -> tuple[list[TokenRow], list[str]]:
    """The tokens of ``text[start:end]`` (as plain tuples, absolute offsets) and their
    lowercase forms, as :meth:`TokenTable.within` gives them when whitespace (or the
    text's edge) sets the span off."""
    span = text[start:end]
    chunks = span.split()
    if " ".join(chunks) == span:
        return _rows_of_chunks(chunks, start)
    parts = TOKEN_SPLIT.split(span)
    # parts alternate: separator (whitespace), token, separator, ..., separator.
    offsets = list(accumulate(map(len, parts), initial=start))
    texts = parts[1::2]
    rows = list(zip(offsets[1:-1:2], offsets[2::2], texts, strict=True))
    return rows, _lowers(texts)


def _lowers(texts: list[str]) -> list[str]:
    """The lowercase form of each token, curly apostrophes made straight: one join, lower
    and split at C speed (tokens hold no space)."""
    if not texts:
        return []
    lowered = " ".join(texts).lower()
    if "’" in lowered:
        lowered = lowered.replace("’", "'")
    return lowered.split(" ")


_split_tokens = TOKEN_SPLIT.split


def _rows_of_chunks(chunks: list[str], start: int) -> tuple[list[TokenRow], list[str]]:
    """:func:`token_rows` of a span made of ``chunks`` (its runs of non-whitespace)
    joined by single spaces, the span starting at ``start``.

    No token holds whitespace or looks across it, so each run splits on its own. A run
    of letters and digits (``str.isalnum``: exactly the word characters less ``_``) is
    one token, as is a run of one character; a run of letters and digits followed by
    one character that is not a word character (``said,``) is those two tokens (no
    initialism fits: it would need a period among the letters). Only the other runs
    (``Lavrov’s``, ``U.S.,``, ``“We``) go through the token expression.
    """
    rows: list[TokenRow] = []
    texts: list[str] = []
    pos = start
    for chunk in chunks:
        end = pos + len(chunk)
        # (``rows.append`` itself, not a bound copy: Python specializes the call)
        if chunk.isalnum() or end - pos == 1:
            texts.append(chunk)
            rows.append((pos, end, chunk))
        elif chunk[-1] != "_" and chunk[:-1].isalnum():
            word = chunk[:-1]
            mark = chunk[-1]
            cut = end - 1
            texts.append(word)
            texts.append(mark)
            rows.append((pos, cut, word))
            rows.append((cut, end, mark))
        else:
            at = pos
            for token in _split_tokens(chunk)[1::2]:
                token_end = at + len(token)
                texts.append(token)
                rows.append((at, token_end, token))
                at = token_end
        pos = end + 1
    return rows, _lowers(texts)


class TokenTable:
    """All tokens of a text, as parallel lists; a span's tokens are a slice."""

    __slots__ = ("_lowered", "ends", "has_not_suffix", "lowers", "starts", "texts")

    def __init__(self, text: str) -> None:
        parts = TOKEN_SPLIT.split(text)
        # parts alternate: separator (whitespace), token, separator, ..., separator.
        offsets = list(accumulate(map(len, parts), initial=0))
        self.texts = parts[1::2]
        self.starts = offsets[1:-1:2]
        self.ends = offsets[2::2]
        # Tokens hold no space, so one join, lower and split gives every token's
        # lowercase form (curly apostrophes made straight) at C speed.
        lowered = " ".join(self.texts).lower()
        if "’" in lowered:
            lowered = lowered.replace("’", "'")
        self.lowers = lowered.split(" ") if self.texts else []
        self._lowered = lowered
        self.has_not_suffix = "n't" in lowered
        """Some token's lowercase form holds ``n't`` (no other character lowers to these)."""

    def ending_with_not(self) -> list[int]:
        """The indices of the tokens whose lowercase form ends with ``n't``, in order."""
        # One regex over the lowercase forms joined by spaces (tokens hold no space):
        # a match's token index is the number of spaces before it, counted as we go.
        lowered = self._lowered
        found: list[int] = []
        index = 0
        counted_to = 0
        for match in _NOT_SUFFIX.finditer(lowered):
            at = match.start()
            index += lowered.count(" ", counted_to, at)
            counted_to = at
            found.append(index)
        return found

    def within(self, start: int, end: int) -> tuple[list[TokenRow], list[str]]:
        """The tokens lying entirely inside ``[start, end)`` (as plain tuples) and
        their lowercase forms."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.ends, end, lo)
        rows = list(zip(self.starts[lo:hi], self.ends[lo:hi], self.texts[lo:hi], strict=True))
        return rows, self.lowers[lo:hi]


class LexiconScan:
    """Where the lexicon forms of one text are; see the module docstring."""

    __slots__ = (
        "_cue_names",
        "_cue_starts",
        "_hedge_ends",
        "_hedge_starts",
        "_negation_starts",
        "_text",
        "_tokens",
        "hedges",
        "negations",
        "quote_marks",
    )

    def __init__(
        self,
        text: str,
        cue_starts: list[int],
        cue_names: list[bool],
        hedges: list[LexiconHit],
        negations: list[LexiconHit],
        quote_marks: list[int] | None = None,
        tokens: TokenTable | None = None,
    ) -> None:
        self._text = text
        self._tokens = tokens
        self._cue_starts = cue_starts
        self._cue_names = cue_names
        self.hedges = hedges
        """Hedges found by a greedy left-to-right longest match, in order."""
        self.negations = negations
        """Negation cues at every token where one starts, in order."""
        self.quote_marks = quote_marks
        """The offsets of the text's quote marks, in order, when the scan found them
        (what :func:`geobrief.statements._quotes.mark_offsets` gives); else None."""
        self._hedge_starts = [h[0] for h in hedges]
        self._hedge_ends = [h[1] for h in hedges]
        self._negation_starts = [h[0] for h in negations]

    @property
    def tokens(self) -> TokenTable:
        """The text's tokens (split on first use: the scan itself does not need them)."""
        if self._tokens is None:
            self._tokens = TokenTable(self._text)
        return self._tokens

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

    def cue_starts_in(self, start: int, end: int) -> list[int]:
        """The offsets where the verb and preposition cues that can open an attribution
        frame start inside ``[start, end)``, in order (capitalized verbs included)."""
        positions = self._cue_starts
        i = bisect.bisect_left(positions, start)
        return positions[i : bisect.bisect_left(positions, end, i)]

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

    def hedge_overlaps(self, span: Span) -> bool:
        """Whether a hedge found by the scan shares a character with ``span``; when none
        does, no part of ``span`` holds a hedge (nor straddles one)."""
        i = bisect.bisect_left(self._hedge_starts, span.end) - 1
        # Hedges do not overlap one another, so their ends are in order too.
        return i >= 0 and self._hedge_ends[i] > span.start

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


_PhraseOption = tuple[tuple[str, ...], str, frozenset[str]]


class _FirstWord(NamedTuple):
    """What can start at one lexicon word, split so that the common case is one lookup:
    the multi-word forms by their second word (longest first) and the result when none
    of them fits."""

    cue_multi: dict[str, list[tuple[tuple[str, ...], CueEntry]]]
    cue_single: CueEntry | None
    hedge_multi: dict[str, list[tuple[tuple[str, ...], _PhraseOption]]]
    hedge_single: _PhraseOption | None
    negation_multi: dict[str, list[tuple[tuple[str, ...], _PhraseOption]]]
    negation_single: _PhraseOption | None
    is_cue: bool
    is_hedge: bool
    is_negation: bool


def _split_options(
    options: list[tuple[tuple[str, ...], _T]],
) -> tuple[dict[str, list[tuple[tuple[str, ...], _T]]], _T | None]:
    """Longest-first options as (the multi-word ones by second word, the first single-word
    one's value): the first option that fits is the first multi-word form that fits,
    else that word."""
    multi: dict[str, list[tuple[tuple[str, ...], _T]]] = {}
    for option in options:
        if len(option[0]) > 1:
            multi.setdefault(option[0][1], []).append(option)
    single = next((option[1] for option in options if len(option[0]) == 1), None)
    return multi, single


@cache
def _by_first_word() -> dict[str, _FirstWord]:
    cues, hedges, negations = cues_by_first_word(), hedge_table(), negation_table()
    table: dict[str, _FirstWord] = {}
    for word in _first_words():
        cue_multi, cue_single = _split_options(cues.get(word, []))
        hedge_multi, hedge_single = _split_options([(h[0], h) for h in hedges.get(word, [])])
        negation_multi, negation_single = _split_options(
            [(n[0], n) for n in negations.get(word, [])]
        )
        table[word] = _FirstWord(
            cue_multi,
            cue_single,
            hedge_multi,
            hedge_single,
            negation_multi,
            negation_single,
            word in cues,
            word in hedges,
            word in negations,
        )
    return table


def _fitting(
    lowers: list[str],
    k: int,
    multi: dict[str, list[tuple[tuple[str, ...], _T]]],
    single: _T | None,
) -> _T | None:
    """The option that starts at token ``k``: the first (longest) multi-word form whose
    words follow, else the single-word one (see :func:`_split_options`)."""
    if multi and k + 1 < len(lowers):
        for form, option in multi.get(lowers[k + 1], ()):
            if tuple(lowers[k : k + len(form)]) == form:
                return option
    return single


def scan_lexicons_by_tokens(text: str) -> LexiconScan:
    """:func:`scan_lexicons` by a walk over every token of ``text`` (the plain method:
    used when the text's lowercase form differs in length, and as the tests' reference)."""
    table = TokenTable(text)
    lowers, starts, ends = table.lowers, table.starts, table.ends
    lexicon = _by_first_word()
    cue_starts: list[int] = []
    cue_names: list[bool] = []
    found_hedges: list[LexiconHit] = []
    found_negations: list[LexiconHit] = []
    suffixed: set[int] = set()
    if table.has_not_suffix:
        # "don't", "isn't": the last three characters negate (checked first, as before).
        for k in table.ending_with_not():
            if len(lowers[k]) > 3:
                suffixed.add(k)
                found_negations.append((ends[k] - 3, ends[k], "n't", -1))
    hedge_free = 0
    n_tokens = len(lowers)
    for k in compress(range(n_tokens), map(lexicon.__contains__, lowers)):
        (
            cue_multi,
            cue_single,
            hedge_multi,
            hedge_single,
            negation_multi,
            negation_single,
            is_cue,
            is_hedge,
            is_negation,
        ) = lexicon[lowers[k]]
        if is_cue:
            entry = _fitting(lowers, k, cue_multi, cue_single)
            if entry is not None and entry.pos in _FRAME_POS:
                # A capitalized verb inside a sentence is a name (``United States``).
                cue_starts.append(starts[k])
                cue_names.append(entry.pos == "verb" and text[starts[k]].isupper())
        if is_hedge and k >= hedge_free:
            hedge = _fitting(lowers, k, hedge_multi, hedge_single)
            if hedge is not None:
                last = k + len(hedge[0]) - 1
                found_hedges.append((starts[k], ends[last], hedge[1], -1))
                hedge_free = last + 1
        if is_negation and k not in suffixed:
            negation = _fitting(lowers, k, negation_multi, negation_single)
            if negation is not None:
                following = k + len(negation[0])
                cancel_end = (
                    ends[following]
                    if following < n_tokens and lowers[following] in negation[2]
                    else -1
                )
                found_negations.append((starts[k], ends[following - 1], negation[1], cancel_end))
    if suffixed:
        found_negations.sort(key=lambda hit: (hit[0], hit[1]))
    return LexiconScan(text, cue_starts, cue_names, found_hedges, found_negations, tokens=table)


@cache
def _compiled() -> LexiconPattern | None:
    return compile_lexicons(
        cues_by_first_word(), hedge_table(), negation_table(), "".join(sorted(QUOTE_MARKS))
    )


def scan_lexicons(text: str) -> LexiconScan:
    """Find every cue, hedge and negation form of the lexicons in ``text`` (and, in the
    same pass, where its quote marks are: :attr:`LexiconScan.quote_marks`)."""
    compiled = _compiled()
    if compiled is None:
        return scan_lexicons_by_tokens(text)
    if _KELVIN in text:
        lowered = text.lower()
        if len(lowered) != len(text):
            return scan_lexicons_by_tokens(text)  # (offsets in the lowercase text would shift)
    else:
        lowered = _ascii_lowered(text)
    return LexiconScan(text, *find_hits(compiled, text, lowered))


_KELVIN = "\u212a"
"""The one character outside ASCII whose lowercase form is ASCII (``k``)."""


def _ascii_lowered(text: str) -> str:
    """``text`` with its ASCII capitals made lowercase and every other character kept
    (bytes.lower on UTF-8, whose multi-byte sequences hold no ASCII byte: three times
    as fast as ``str.lower`` on a text that is not all ASCII).

    For a text without the Kelvin sign the lexicon expressions find in it what the token
    walk finds: its characters are the text's, or ASCII capitals made lowercase, so its
    word characters and whitespace (the token boundaries) are the text's, the same
    length (no offset shifts, even where ``str.lower`` changes the length: a dotted
    capital I); and a token matches an ASCII lexicon word here exactly when its
    ``str.lower`` form does, since no other character outside ASCII lowercases to
    anything that is all ASCII (tested over every code point)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
