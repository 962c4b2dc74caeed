"""The cue, hedge and negation lexicons compiled into regular expressions.

Two expressions run over a lowercase form of the text (same length as the text,
so offsets carry over: its ASCII capitals lowercased, see
:func:`geobrief.statements._lexscan.scan_lexicons`; one for words after a space,
the common case, one for the rest) and stop only where a token starts that can begin a form of some
lexicon: a lexicon word right after a non-word character, with the
token boundaries of :data:`geobrief.statements._text.TOKEN_SPLIT`, or a
token that ends with ``n't``. A token starts at a word character that follows
no word character and no apostrophe or hyphen that itself follows one (those
join words into one token); it ends where no word character, nor an apostrophe
or hyphen before one, follows. Lexicon words are plain lowercase ASCII words of
two characters or more, so no initialism (``U.S.``) can start or end inside
one. Words of a multi-word form are consecutive tokens: whitespace between
them. The answers are the ones a walk over every token gives
(:func:`geobrief.statements._lexscan.scan_lexicons_by_tokens`; tested).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, TypeVar

from geobrief.statements._lexicon import CueEntry
from geobrief.statements._text import TOKEN_SPLIT

__all__ = ["LexiconHits", "LexiconPattern", "compile_lexicons", "find_hits"]

_V = TypeVar("_V")
Words = tuple[str, ...]
PhraseOption = tuple[Words, str, frozenset[str]]
LexiconHit = tuple[int, int, str, int]
LexiconHits = tuple[list[int], list[bool], list[LexiconHit], list[LexiconHit], list[int] | None]
"""Cue starts, whether each is a capitalized verb, hedges, negations, and the offsets of
the marks the expression was compiled to report (None when it reports none)."""

_END = r"(?!\w)(?![’'\-]\w)"
"""A token ends here."""
_GAP = r"\s+" + ("+" if sys.version_info >= (3, 11) else "")
"""Between consecutive word tokens."""
_PLAIN_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_NEXT_TOKEN = re.compile(r"\s*" + TOKEN_SPLIT.pattern)
"""The token that follows an offset (group 1)."""
_RUN = re.compile(r"\S+")
_MARK_CHARACTER = re.compile(r"[^\w\s]")
_FRAME_POS = frozenset({"verb", "prep"})


class _Word(NamedTuple):
    """What the lexicons hold for one first word: the answers for the word alone,
    and the forms of several words."""

    cue: int
    """The word alone: 0 no frame-opening cue, 1 a preposition, 2 a verb."""
    hedge: str | None
    negation: tuple[str, frozenset[str]] | None
    continuation: re.Pattern[str] | None
    """Matches the longest run of following words that continues some form."""
    cues: dict[Words, CueEntry]
    hedges: dict[Words, str]
    negations: dict[Words, tuple[str, frozenset[str]]]
    ends_with_not: bool
    """A token ending in ``n't`` (the ``n't`` is the negation, not the word)."""


class LexiconPattern(NamedTuple):
    """The compiled lexicons: the scanning expressions and each first word's forms."""

    after_space: re.Pattern[str]
    """A lexicon word after a space (group 1)."""
    after_other: re.Pattern[str]
    """A lexicon word (group 1) after another non-word character that does not join it
    to a word before (an apostrophe or hyphen after a word character does); or the
    ``t`` of a token that ends with ``n't`` and does not start with it (no group); or,
    failing both, one of :attr:`marks` alone (no group)."""
    words: dict[str, _Word]
    marks: frozenset[str]
    """Characters whose every offset :func:`find_hits` reports (the quote marks: the
    scan passes every non-word character anyway)."""


def _word_pattern(word: str) -> str:
    return "".join("['’]" if ch == "'" else re.escape(ch) for ch in word)


def _sequence_pattern(sequences: Iterable[Words]) -> str:
    """Whitespace, then the longest of ``sequences`` (non-empty word tuples) that fits."""
    by_first: dict[str, set[Words]] = {}
    for words in sequences:
        by_first.setdefault(words[0], set()).add(words[1:])
    branches = []
    for word in sorted(by_first):
        rests = by_first[word]
        deeper = [rest for rest in rests if rest]
        branch = _GAP + _word_pattern(word)
        if not deeper:
            branch += _END
        elif () in rests:
            branch += f"(?:{_sequence_pattern(deeper)}|{_END})"  # longer first
        else:
            branch += _sequence_pattern(deeper)
        branches.append(branch)
    return "(?:" + "|".join(branches) + ")"


def _trie_pattern(tails: Mapping[str, str]) -> str:
    """Any of the words, each followed by its tail pattern, as a character trie."""
    by_first: dict[str, dict[str, str]] = {}
    tail = None
    for word, word_tail in tails.items():
        if word:
            by_first.setdefault(word[0], {})[word[1:]] = word_tail
        else:
            tail = word_tail
    branches = [_word_pattern(ch) + _trie_pattern(rest) for ch, rest in sorted(by_first.items())]
    if tail is not None:
        branches.append(tail)  # after the longer words: a tail never starts with a word character
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _options(options: Iterable[tuple[Words, _V]]) -> dict[Words, _V]:
    found: dict[Words, _V] = {}
    for words, value in options:
        found.setdefault(words, value)  # the first of equal forms, as a longest-first walk finds
    return found


def compile_lexicons(
    cues: Mapping[str, Sequence[tuple[Words, CueEntry]]],
    hedges: Mapping[str, Sequence[PhraseOption]],
    negations: Mapping[str, Sequence[PhraseOption]],
    marks: str = "",
) -> LexiconPattern | None:
    """The lexicons (first word -> forms, longest first) compiled for :func:`find_hits`;
    None when some form's word is not a plain lowercase ASCII word of two characters
    or more (then the token walk must be used). ``marks``: non-word, non-space
    characters whose offsets :func:`find_hits` is to report as well."""
    if any(not _MARK_CHARACTER.fullmatch(mark) for mark in marks):
        raise ValueError(f"marks must be non-word, non-space characters, got {marks!r}")
    words: dict[str, _Word] = {}
    tails: dict[str, str] = {}
    for first in sorted(set(cues) | set(hedges) | set(negations)):
        cue_options = _options(cues.get(first, ()))
        hedge_options = _options((h[0], h[1]) for h in hedges.get(first, ()))
        negation_options = _options((n[0], (n[1], n[2])) for n in negations.get(first, ()))
        forms = {*cue_options, *hedge_options, *negation_options}
        if not all(
            len(word) > 1 and _PLAIN_WORD.fullmatch(word) for form in forms for word in form
        ):
            return None
        continuations = [form[1:] for form in forms if len(form) > 1]
        continuation = _sequence_pattern(continuations) if continuations else None
        ends_with_not = first.endswith("n't") and len(first) > 3
        cue = cue_options.get((first,))
        info = _Word(
            0 if cue is None or cue.pos not in _FRAME_POS else 2 if cue.pos == "verb" else 1,
            hedge_options.get((first,)),
            None if ends_with_not else negation_options.get((first,)),
            re.compile(continuation) if continuation else None,
            cue_options,
            hedge_options,
            {} if ends_with_not else negation_options,
            ends_with_not,
        )
        words[first] = info
        alone = any(len(form) == 1 for form in forms)
        tails[first] = _END if alone or continuation is None else f"(?={continuation})"
    trie = _trie_pattern(tails)
    # Every match goes on with a lexicon word's first character or the "t" of "n't":
    # a mark followed by anything else (a space, most often) is passed over at once.
    starts = re.escape("".join(sorted({word[0] for word in words} | {"t"})))
    after_other = (
        rf"(?=[{starts}])(?<=\W)(?:(?<!\w[’'\-])({trie})"
        rf"|t(?:(?<=\wn['’]t)|(?<=\w[’'\-]n['’]t)){_END})"
    )
    if marks:
        # (Only where the rest fails: the positions the scan visits stay the same.)
        after_other = f"(?:{after_other}|(?<=[{re.escape(''.join(sorted(marks)))}]))"
    return LexiconPattern(
        re.compile(f" ({trie})"),
        # (A bitmap of ASCII word characters skips most of the text fast; a non-ASCII
        # character then is tested for a word character.)
        re.compile("[^a-z0-9_ ]" + after_other),
        words,
        frozenset(marks),
    )


def _longest(options: Mapping[Words, _V], words: Words) -> tuple[_V, int] | None:
    for n in range(len(words), 0, -1):
        value = options.get(words[:n])
        if value is not None:
            return value, n
    return None


def find_hits(lexicons: LexiconPattern, text: str, lowered: str) -> LexiconHits:
    """Every cue, hedge and negation of ``text``, as the token walk finds them, given
    ``lowered``: ``text`` (same length) with every character whose lowercase form is
    ASCII lowercased, and no character changed in class (word, whitespace, other) or
    made ASCII otherwise (``str.lower`` when it keeps the length; or ASCII capitals
    lowercased when the text has no Kelvin sign)."""
    cue_starts: list[int] = []
    cue_names: list[bool] = []
    hedges: list[LexiconHit] = []
    negations: list[LexiconHit] = []
    padded = " " + lowered  # offsets in ``padded`` are one more than in ``text``
    matches: Iterable[re.Match[str]] = lexicons.after_space.finditer(padded)
    found_marks: list[int] | None = None
    if lexicons.marks:
        found_marks, others = _marks_of(
            lexicons.marks, padded, lexicons.after_other.finditer(padded)
        )
    else:
        others = list(lexicons.after_other.finditer(padded))
    if others:
        matches = sorted([*matches, *others], key=re.Match.start)  # (a C key)
    words = lexicons.words
    hedge_free = 0
    for match in matches:
        word = match.group(1)
        start, end = match.span()  # (the word's text offsets: the mark before it is consumed)
        end -= 1
        if word is None:  # "n't" at the end of a longer token
            negations.append((end - 3, end, "n't", -1))
            continue
        (
            cue,
            hedge,
            negation,
            continuation,
            cue_forms,
            hedge_forms,
            negation_forms,
            not_end,
        ) = words.get(word) or words[word.replace("’", "'")]  # (a curly apostrophe)
        if continuation is None or (more := continuation.match(padded, end + 1)) is None:
            # The word alone (the common case).
            if cue:
                cue_starts.append(start)
                # A capitalized verb inside a sentence is a name (``United States``).
                cue_names.append(cue == 2 and text[start].isupper())
            if hedge is not None and start >= hedge_free:
                hedges.append((start, end, hedge, -1))
                hedge_free = end
            if negation is not None:
                negations.append(
                    _negation(text, start, end, *negation)
                    if negation[1]
                    else (start, end, negation[0], -1)
                )
            elif not_end:
                negations.append((end - 3, end, "n't", -1))
            continue
        form: Words = (word.replace("’", "'"),)
        ends = [end]
        for next_word in _RUN.finditer(padded, end + 1, more.end()):
            form += (next_word.group().replace("’", "'"),)
            ends.append(next_word.end() - 1)
        if cue_forms:
            longest_cue = _longest(cue_forms, form)
            if longest_cue is not None and longest_cue[0].pos in _FRAME_POS:
                cue_starts.append(start)
                cue_names.append(longest_cue[0].pos == "verb" and text[start].isupper())
        if hedge_forms and start >= hedge_free:
            longest_hedge = _longest(hedge_forms, form)
            if longest_hedge is not None:
                hedge_free = ends[longest_hedge[1] - 1]
                hedges.append((start, hedge_free, longest_hedge[0], -1))
        if not_end:
            negations.append((end - 3, end, "n't", -1))
        elif negation_forms:
            longest_negation = _longest(negation_forms, form)
            if longest_negation is not None:
                (lemma, cancelling), length = longest_negation
                negations.append(_negation(text, start, ends[length - 1], lemma, cancelling))
    return cue_starts, cue_names, hedges, negations, found_marks


def _marks_of(
    marks: frozenset[str], padded: str, others: Iterable[re.Match[str]]
) -> tuple[list[int], list[re.Match[str]]]:
    """The text offsets of the marks among the ``after_other`` matches (a match's first
    character, and an apostrophe inside a lexicon word it took, which the scan did not
    visit), and the matches less those of a mark alone."""
    found: list[int] = []
    kept: list[re.Match[str]] = []
    for match in others:
        start, end = match.span()
        if padded[start] in marks:
            found.append(start - 1)
            if end - start == 1:
                continue  # the mark alone
        word = match.group(1)
        if word is not None and ("'" in word or "’" in word):
            found.extend(start + k for k, char in enumerate(word) if char in marks)
        kept.append(match)
    return found, kept


def _negation(
    text: str, start: int, end: int, lemma: str, cancelling: frozenset[str]
) -> LexiconHit:
    """A negation form's hit: with the end of the next token when that cancels it."""
    if cancelling:
        following = _NEXT_TOKEN.match(text, end)
        if following is not None and following.group(1).lower().replace("’", "'") in cancelling:
            return (start, end, lemma, following.end())
    return (start, end, lemma, -1)
