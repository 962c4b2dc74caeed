"""Split an article-voice sentence into its main clause and participle adjuncts.

``X visited Y, indicating a commitment`` puts forward two propositions: the
main clause, and the participle clause that comments on it. Each becomes its
own claim, so a hedge in one does not hedge the other.
"""

from __future__ import annotations

import re

from geobrief._model import Span, _trusted_span
from geobrief.statements._frames import opens_participle

__all__ = ["clause_spans"]

_END_PUNCTUATION = ".!?;:"
_MAYBE_PARTICIPLE = re.compile(r",\s+\w++(?:(?<=\wing)|\s+\w++(?<=\wing))")
r"""A comma, whitespace, and a word of four or more ending in "ing", directly or after
one other word: what ``,\s+(?:\w+\s+)?\w+ing\b`` finds, each word read once (no
backtracking into it)."""
_MAY_OPEN = re.compile(r",(?=\s*+(?:\w*+|[\w’'.\-]++\s*+\w*+)(?<=[iI][nN][gG]))")
"""A comma that may open a participle clause (a superset of those ``opens_participle``
accepts): the word after it, or the word after the next run of word characters,
apostrophes, hyphens and periods, ends in "ing" (any case). The runs are possessive and
stop at a comma, so each character is read for at most one comma (linear time)."""


WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character for which ``str.isspace`` is true (a test checks all of Unicode)."""
_LEADING = WHITESPACE + ",—–"
_TRAILING = WHITESPACE + _END_PUNCTUATION + ","


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without leading spaces, commas and dashes, nor trailing spaces and
    punctuation; None when no letter is left."""
    if start < end and text[start].isalpha():  # (the common case: nothing leads)
        if text[end - 1] not in _TRAILING:
            return _trusted_span(start, end)
        if text[end - 2] not in _TRAILING:  # (end - 2 >= start: text[start] stays)
            return _trusted_span(start, end - 1)
    piece = text[start:end]
    body = piece.lstrip(_LEADING)
    start += len(piece) - len(body)
    body = body.rstrip(_TRAILING)
    if not (body[:1].isalpha() or any(map(str.isalpha, body))):  # (or nothing is left)
        return None
    return _trusted_span(start, start + len(body))  # 0 <= start <= end


def clause_spans(text: str, sentence: Span) -> list[Span]:
    """The sentence's main clause and each participle clause after a comma."""
    start, end = sentence.start, sentence.end
    comma = text.find(",", start, end)
    if (
        comma < 0
        or text.find("ing", comma, end) < 0  # (which every match has: no regex search)
        or not _MAYBE_PARTICIPLE.search(text, comma, end)
    ):
        whole = _trimmed(text, start, end)
        return [] if whole is None else [whole]
    spans: list[Span] = []
    may_open = _MAY_OPEN.match
    while comma >= 0:
        if may_open(text, comma, end) and opens_participle(text, comma, end):
            # (a comma _MAY_OPEN does not match opens no participle clause)
            piece = _trimmed(text, start, comma)
            if piece is not None:
                spans.append(piece)
            start = comma + 1
        comma = text.find(",", comma + 1, end)
    piece = _trimmed(text, start, end)
    if piece is not None:
        spans.append(piece)
    return spans
