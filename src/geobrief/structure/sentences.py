"""Sentence splitting inside a paragraph, in one forward pass.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (optionally followed by closing
quotes or brackets) when whitespace and then an uppercase letter, a digit or an
opening quote/bracket follow. A period after an abbreviation from
``data/abbreviations.txt`` or after an initial does not end a sentence, unless
the abbreviation may end one and a common sentence opener follows.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left

from geobrief._model import Span
from geobrief.structure._data import abbreviations, sentence_starters
from geobrief.structure._objects import new_span

__all__ = ["sentence_spans", "split_sentences", "terminal_marks"]

# A run of terminal punctuation, closing quotes/brackets, then whitespace. The
# lookbehind after the first mark lets a match start only at the start of a run,
# so a long run of marks is tried once (linear time); putting it after the first
# character keeps the regex engine's fast scan for the first mark.
_BOUNDARY = re.compile(r"(?P<term>[.!?…](?<![.!?…]{2})[.!?…]*)[\"'”’»)\]}]*(?P<space>\s+)")
_CLOSERS = frozenset("\"'”’»)]}")
_LINE_CLOSERS = frozenset("”’»")
_QUOTE_MARKS = frozenset("\"'”’»")
"""Every character ``_is_closing`` can accept."""
_OPENERS = frozenset("\"'“‘«([{¿¡")
_MAX_TOKEN = 12
_TOKEN_RUN = re.compile(r"(?:[^\W_]|\.)*")
"""Letters, digits (``str.isalnum``) and periods; always matches, possibly empty."""
_MAX_WORD = 20
_ABBREVIATIONS = abbreviations()
_SENTENCE_STARTERS = sentence_starters()
_ANY_ABBREVIATION = _ABBREVIATIONS.title | _ABBREVIATIONS.number | _ABBREVIATIONS.other
_ABBREVIATION_ENDS = frozenset(word[-2:] for word in _ANY_ABBREVIATION if len(word) > 1)
"""The last two characters of every abbreviation of two or more."""
_ASCII_ALNUM = string.ascii_letters + string.digits
_PLAIN_WORD_ENDS = frozenset(
    pair
    for pair in (a + b for a in _ASCII_ALNUM for b in _ASCII_ALNUM)
    if pair.lower() not in _ABBREVIATION_ENDS
)
"""Pairs of ASCII letters or digits that end no abbreviation (in any case)."""
_ABBREVIATION_ENDS_3 = frozenset(word[-3:] for word in _ANY_ABBREVIATION if len(word) > 2)
"""The last three characters of every abbreviation of three or more."""
_TERMINALS = ".!?…"
_AFTER_MARK = frozenset(_TERMINALS) | _CLOSERS
"""Characters other than whitespace that ``_BOUNDARY`` lets follow a first mark."""


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def _is_closing(text: str, pos: int, end: int) -> bool:
    """True when the quote mark at ``pos`` closes: a closing curly mark, or a
    straight one followed by whitespace or the end."""
    char = text[pos]
    if char in _LINE_CLOSERS:
        return True
    return char in "\"'" and (pos + 1 >= end or text[pos + 1].isspace())


def _word_at(text: str, pos: int, end: int) -> str:
    stop = pos
    limit = min(end, pos + _MAX_WORD)
    while stop < limit and text[stop].isalpha():
        stop += 1
    return text[pos:stop]


def _is_dotted_letters(token: str) -> bool:
    """``U.S``, ``U.S.A``: single letters joined by periods."""
    parts = token.split(".")
    return len(parts) > 1 and all(len(p) == 1 and p.isalpha() for p in parts)


def _abbreviation_holds(text: str, dot: int, floor: int, next_pos: int, end: int) -> bool:
    """True when the period at ``dot`` belongs to an abbreviation and does not
    end the sentence whose next word starts at ``next_pos``.

    The abbreviation is the word (letters, digits, inner periods) that ends at
    ``dot`` and starts at or after ``floor``; a longer one than any abbreviation
    can be holds nothing.
    """
    limit = max(floor, dot - _MAX_TOKEN - 1)
    # The run of token characters ending at ``dot``, found by matching the
    # reversed window (at most ``_MAX_TOKEN + 1`` characters) from its start.
    length = _TOKEN_RUN.match(text[limit:dot][::-1]).end()  # type: ignore[union-attr]
    pos = dot - length
    if not length or (pos == limit and pos > floor):
        return False
    token = text[pos:dot]
    lowered = token.lower()
    if length > 1 and lowered not in _ANY_ABBREVIATION and "." not in token:
        return False  # an ordinary word: neither listed, an initial nor dotted letters
    if lowered in _ABBREVIATIONS.title:
        return True
    if lowered in _ABBREVIATIONS.number:
        return text[next_pos].isdigit()
    single_initial = length == 1 and token.isupper()
    if lowered in _ABBREVIATIONS.other or single_initial or _is_dotted_letters(token):
        return _word_at(text, next_pos, end) not in _SENTENCE_STARTERS
    return False


def _plain_word_end(tail: str) -> bool:
    """True when ``tail``, the three characters before a period, are ASCII letters
    or digits that end no abbreviation: the word before the period (three or more
    letters, the last three these) is then no abbreviation, and
    ``_abbreviation_holds`` would say False."""
    return tail.isascii() and tail.isalnum() and tail.lower() not in _ABBREVIATION_ENDS_3


def _marks(text: str, start: int, end: int) -> list[int]:
    """Offsets of every terminal mark in ``text[start:end]``, in order (``str.find``
    skips the text between them far faster than a regex scan)."""
    found: list[int] = []
    kinds = 0
    for mark in _TERMINALS:
        pos = text.find(mark, start, end)
        if pos >= 0:
            kinds += 1
        while pos >= 0:
            found.append(pos)
            pos = text.find(mark, pos + 1, end)
    if kinds > 1:  # (the offsets of one mark are in order already)
        found.sort()
    return found


def terminal_marks(text: str) -> list[int]:
    """Offsets of every terminal mark (``.``, ``!``, ``?``, ``…``) in ``text``, in
    order: found once per text and handed to :func:`sentence_spans` for each of its
    paragraphs, instead of searching every paragraph again."""
    return _marks(text, 0, len(text))


def split_sentences(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Spans of the sentences of ``text[start:end]``, in order, trimmed of whitespace.

    Every span lies inside ``[start, end)``; a non-blank range gives at least one
    sentence. Runs in time linear in ``end - start``.
    """
    if type(start) is not int or type(end) is not int:
        # Not plain ints (e.g. bools): the checked constructor reports what is wrong.
        return tuple(Span(start=s.start, end=s.end) for s in sentence_spans(text, start, end))
    return sentence_spans(text, start, end)


def sentence_spans(
    text: str, start: int, end: int, marks: list[int] | None = None
) -> tuple[Span, ...]:
    """:func:`split_sentences` for int offsets, the spans built unchecked (they lie
    inside the text by construction). ``marks``, if given, is
    ``terminal_marks(text)`` (a binary search then finds the range's marks)."""
    if start < 0:
        start = 0
    if end > len(text):
        end = len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return ()
    spans: list[Span] = []
    sentence_start = start
    matched_to = start
    # A mark on the range's last character ends no sentence inside it: left out.
    if marks is None:
        found = _marks(text, start, end - 1)
    else:
        found = marks[bisect_left(marks, start) : bisect_left(marks, end - 1)]
    for dot in found:
        # What ``_BOUNDARY.finditer(text, start, end)`` would find, without its
        # character-by-character scan: a match starts only at the first mark of a
        # run (its lookbehind), after the previous match.
        if dot < matched_to or (dot and text[dot - 1] in _TERMINALS):
            continue
        space = dot + 1
        if space >= end:
            continue  # the range's last character: no whitespace can follow
        next_char = text[space]
        if next_char.isspace():
            # A lone mark and whitespace: what ``_BOUNDARY`` matches (``\s`` is
            # ``str.isspace``), its whitespace run walked without the regex (the range
            # was trimmed, so the run ends inside it).
            after = space + 1
            while text[after].isspace():
                after += 1
            char = text[after]
            if (
                (char.isupper() or char.isdigit())
                and dot - 2 >= sentence_start
                and (
                    text[dot - 2 : dot] in _PLAIN_WORD_ENDS
                    or (dot - 3 >= sentence_start and _plain_word_end(text[dot - 3 : dot]))
                )
            ):
                # The commonest boundary, all the checks below passed at once: a
                # mark after an ordinary word (its last two or three characters ASCII
                # letters or digits that end no abbreviation, so no "[" or "(" either)
                # and an uppercase letter or digit (no quote mark) after the space.
                spans.append(new_span(sentence_start, space))
                sentence_start = matched_to = after
                continue
        elif next_char not in _AFTER_MARK:
            continue  # "U.S", "3.5", ".,": no mark, closer or whitespace follows
        else:
            match = _BOUNDARY.match(text, dot, end)
            if match is None:
                continue
            space, after = match.span("space")
        matched_to = after
        if after >= end:
            continue  # the paragraph's end
        if text[dot - 1 if dot > start else start] in "[(":
            continue  # an omission mark "[...]"
        char = text[after]
        if char in _QUOTE_MARKS and _is_closing(text, after, end):
            # "... Russia.\n” This" or "... clearly.' \"": a closing quote set off by a space.
            close = after
            while close < end and text[close] in _CLOSERS:
                close += 1
            following = close
            while following < end and text[following].isspace():
                following += 1
            if following == close or following >= end or not _starts_sentence(text[following]):
                continue
            stop, after = close, following
        elif char.isupper() or char.isdigit() or char in _OPENERS:
            stop = space
        else:
            continue
        # A single period (the run of marks is maximal, so one mark is followed by
        # no other) after anything but two ASCII letters or digits that end no
        # abbreviation (an ordinary word) is looked at closer.
        if (
            text[dot] == "."
            and text[dot + 1] not in _TERMINALS
            and (dot - 2 < sentence_start or text[dot - 2 : dot] not in _PLAIN_WORD_ENDS)
            and not (dot - 3 >= sentence_start and _plain_word_end(text[dot - 3 : dot]))
            and _abbreviation_holds(text, dot, sentence_start, after, end)
        ):
            continue
        spans.append(new_span(sentence_start, stop))
        sentence_start = after
    if not spans:
        return (new_span(start, end),)
    spans.append(new_span(sentence_start, end))
    return tuple(spans)
