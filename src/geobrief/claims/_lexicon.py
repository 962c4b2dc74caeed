"""The hedge and negation lexicons (``data/hedges.tsv``, ``data/negations.tsv``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

__all__ = ["match_hedge", "match_negation", "may_have_cue"]


def _rows(name: str) -> list[list[str]]:
    data = resources.files("geobrief.claims").joinpath("data").joinpath(name).read_text("utf-8")
    return [
        line.split("\t") for line in data.splitlines() if line.strip() and not line.startswith("#")
    ]


def _phrase_table(name: str) -> dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]]:
    table: dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]] = {}
    for row in _rows(name):
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
def _hedges() -> dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]]:
    return _phrase_table("hedges.tsv")


@cache
def _negations() -> dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]]:
    return _phrase_table("negations.tsv")


def _match(
    table: dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]],
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
