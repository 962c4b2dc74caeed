"""Find hedges and negation inside a claim's span."""

from __future__ import annotations

import re

from geobrief._model import Hedge, Span, _trusted_hedge, _trusted_span
from geobrief.claims._lexicon import match_hedge, match_negation, may_have_cue
from geobrief.statements._lexscan import LexiconHit, LexiconScan
from geobrief.statements._text import Token, lowercase, tokenize

__all__ = ["find_hedges", "find_negation", "hedges_of", "scanned_hedges", "scanned_negation"]


_MAY = re.compile(r"May(?!\w)")


def _negated_suffix(word: str) -> bool:
    return word.endswith(("n't", "n’t")) and len(word) > 3


def _tokens(text: str, span: Span) -> tuple[list[Token], list[str]]:
    tokens = tokenize(text, span.start, span.end)
    return tokens, lowercase(tokens)


def find_hedges(
    text: str,
    span: Span,
    sentence_start: int | None = None,
) -> tuple[Hedge, ...]:
    """Every hedge cue inside ``span``, in order, with its own span.

    ``May`` with a capital is a hedge only where a sentence starts (it is the
    month elsewhere).
    """
    if not may_have_cue(text[span.start : span.end]):
        return ()
    tokens, lowers = _tokens(text, span)
    found: list[Hedge] = []
    i = 0
    while i < len(tokens):
        match = match_hedge(lowers, i)
        if match is None:
            i += 1
            continue
        lemma, length = match
        first = tokens[i]
        at_start = first.start in {span.start, sentence_start}
        if first.text == "May" and not at_start:
            i += length
            continue
        found.append(Hedge(cue=lemma, span=Span(start=first.start, end=tokens[i + length - 1].end)))
        i += length
    return tuple(found)


def find_negation(text: str, span: Span) -> Span | None:
    """The first negation cue inside ``span`` (``not``, ``n't``, ``never`` ...), if any."""
    if not may_have_cue(text[span.start : span.end]):
        return None
    tokens, lowers = _tokens(text, span)
    for i, token in enumerate(tokens):
        if _negated_suffix(lowers[i]):
            return Span(start=token.end - 3, end=token.end)
        match = match_negation(lowers, i)
        if match is not None:
            return Span(start=token.start, end=tokens[i + match[1] - 1].end)
    return None


def scanned_hedges(
    text: str, scan: LexiconScan, span: Span, sentence_start: int | None = None
) -> tuple[Hedge, ...]:
    """:func:`find_hedges` answered from an article's lexicon scan (same result)."""
    return hedges_of(text, scan.hedges_in(span.start, span.end), span, sentence_start)


def hedges_of(
    text: str, hits: list[LexiconHit] | None, span: Span, sentence_start: int | None = None
) -> tuple[Hedge, ...]:
    """:func:`scanned_hedges` from the scan's answer ``hits`` for ``span``."""
    if not hits:
        return () if hits is not None else find_hedges(text, span, sentence_start)
    found = []
    for start, end, lemma, _ in hits:
        if (
            text[start] == "M"
            and _MAY.match(text, start)
            and start not in (span.start, sentence_start)
        ):
            continue  # the month
        found.append(_trusted_hedge(lemma, _trusted_span(start, end)))  # the scan's offsets
    return tuple(found)


def scanned_negation(text: str, scan: LexiconScan, span: Span) -> Span | None:
    """:func:`find_negation` answered from an article's lexicon scan (same result)."""
    hit = scan.first_negation(span.start, span.end)
    if hit is False:
        return find_negation(text, span)
    if hit is None or hit is True:
        return None
    return _trusted_span(hit[0], hit[1])  # the scan's offsets
