"""Split an article-voice sentence into its main clause and participle adjuncts.

``X visited Y, indicating a commitment`` puts forward two propositions: the
main clause, and the participle clause that comments on it. Each becomes its
own claim, so a hedge in one does not hedge the other.
"""

from __future__ import annotations

import re

from geobrief._model import Span
from geobrief.statements._frames import opens_participle

__all__ = ["clause_spans"]

_END_PUNCTUATION = ".!?;:"
_MAYBE_PARTICIPLE = re.compile(r",\s+(?:\w+\s+)?\w+ing\b")


_LEADING = ",—–"
_TRAILING = _END_PUNCTUATION + ","


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in _LEADING):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    if end <= start or not any(map(str.isalpha, text[start:end])):
        return None
    return Span(start=start, end=end)


def clause_spans(text: str, sentence: Span) -> list[Span]:
    """The sentence's main clause and each participle clause after a comma."""
    if not _MAYBE_PARTICIPLE.search(text, sentence.start, sentence.end):
        whole = _trimmed(text, sentence.start, sentence.end)
        return [] if whole is None else [whole]
    spans: list[Span] = []
    start = sentence.start
    comma = text.find(",", sentence.start, sentence.end)
    while comma >= 0:
        if opens_participle(text, comma, sentence.end):
            piece = _trimmed(text, start, comma)
            if piece is not None:
                spans.append(piece)
            start = comma + 1
        comma = text.find(",", comma + 1, sentence.end)
    piece = _trimmed(text, start, sentence.end)
    if piece is not None:
        spans.append(piece)
    return spans
