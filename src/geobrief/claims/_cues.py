"""Find hedges and negation inside a claim's span."""

from __future__ import annotations

from geobrief._model import Hedge, Span
from geobrief.claims._lexicon import match_hedge, match_negation, may_have_cue
from geobrief.statements._text import Token, TokenIndex, lowercase, tokenize

__all__ = ["find_hedges", "find_negation"]


def _negated_suffix(word: str) -> bool:
    return word.endswith(("n't", "n’t")) and len(word) > 3


def _tokens(text: str, span: Span, index: TokenIndex | None) -> tuple[list[Token], list[str]]:
    if index is not None:
        return index.within(span.start, span.end)
    tokens = tokenize(text, span.start, span.end)
    return tokens, lowercase(tokens)


def find_hedges(
    text: str,
    span: Span,
    sentence_start: int | None = None,
    index: TokenIndex | None = None,
) -> tuple[Hedge, ...]:
    """Every hedge cue inside ``span``, in order, with its own span.

    ``May`` with a capital is a hedge only where a sentence starts (it is the
    month elsewhere). ``index`` (the text's tokens) saves tokenizing again.
    """
    if index is None and not may_have_cue(text[span.start : span.end]):
        return ()
    tokens, lowers = _tokens(text, span, index)
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


def find_negation(text: str, span: Span, index: TokenIndex | None = None) -> Span | None:
    """The first negation cue inside ``span`` (``not``, ``n't``, ``never`` ...), if any."""
    if index is None and not may_have_cue(text[span.start : span.end]):
        return None
    tokens, lowers = _tokens(text, span, index)
    for i, token in enumerate(tokens):
        if _negated_suffix(lowers[i]):
            return Span(start=token.end - 3, end=token.end)
        match = match_negation(lowers, i)
        if match is not None:
            return Span(start=token.start, end=tokens[i + match[1] - 1].end)
    return None
