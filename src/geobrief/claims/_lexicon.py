"""The hedge and negation lexicons (``data/hedges.tsv``, ``data/negations.tsv``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from geobrief.statements._lexscan import PhraseTable, hedge_table, negation_table

__all__ = ["match_hedge", "match_negation", "may_have_cue"]


@cache
def _hedges() -> PhraseTable:
    return hedge_table()


@cache
def _negations() -> PhraseTable:
    return negation_table()


def _match(
    table: PhraseTable,
    lowers: Sequence[str],
    i: int,
) -> tuple[str, int] | None:
    for words, lemma, cancelled in table.get(lowers[i], ()):
        n = len(words)
        if tuple(lowers[i : i + n]) == words:
            if i + n < len(lowers) and lowers[i + n] in cancelled:
                return None
            return lemma, n
    return None


_WORD = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?")


@cache
def _first_words() -> frozenset[str]:
    return frozenset(_hedges()) | frozenset(_negations())


def may_have_cue(text: str) -> bool:
    """True when ``text`` has a word that can start a hedge or negation (or ``n't``)."""
    lower = text.lower()
    return "n't" in lower or "n’t" in lower or not _first_words().isdisjoint(_WORD.findall(lower))


def match_hedge(lowers: Sequence[str], i: int) -> tuple[str, int] | None:
    """The hedge (lemma, token count) starting at token ``i``, if any."""
    return _match(_hedges(), lowers, i)


def match_negation(lowers: Sequence[str], i: int) -> tuple[str, int] | None:
    """The negation cue (lemma, token count) starting at token ``i``, if any."""
    return _match(_negations(), lowers, i)
