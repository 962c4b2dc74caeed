"""The cue, source and closed-class word lexicons, read from the package's data files."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import attrs

__all__ = [
    "CueEntry",
    "CueMatch",
    "cue_for_form",
    "cues_by_first_word",
    "match_cue",
    "source_type",
    "words",
]


@attrs.frozen
class CueEntry:
    """One attribution cue of the lexicon (``data/cues.tsv``)."""

    lemma: str
    pos: str
    """``verb``, ``noun`` or ``prep``."""
    cue_class: str
    """``speech``, ``cognition`` or ``evidential``."""
    takes_that: bool
    takes_bare_clause: bool
    """Takes a content clause without ``that`` (``said the talks failed``)."""
    takes_object: bool
    preps: frozenset[str]


@attrs.frozen
class CueMatch:
    """A cue found at a token position: the entry, and how many tokens it spans."""

    entry: CueEntry
    length: int


def _data(name: str) -> str:
    return resources.files("geobrief.statements").joinpath("data").joinpath(name).read_text("utf-8")


def _rows(name: str) -> list[list[str]]:
    return [
        line.split("\t")
        for line in _data(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]


@cache
def _cues() -> dict[str, list[tuple[tuple[str, ...], CueEntry]]]:
    table: dict[str, list[tuple[tuple[str, ...], CueEntry]]] = {}
    for row in _rows("cues.tsv"):
        row = row + [""] * (7 - len(row))
        lemma, forms, pos, cue_class, that, obj, preps = row[:7]
        entry = CueEntry(
            lemma=lemma,
            pos=pos,
            cue_class=cue_class,
            takes_that=that in ("y", "b"),
            takes_bare_clause=that == "b",
            takes_object=obj == "y",
            preps=frozenset(p for p in preps.split(",") if p),
        )
        for form in forms.split(","):
            words_ = tuple(form.split())
            table.setdefault(words_[0], []).append((words_, entry))
    for options in table.values():
        options.sort(key=lambda pair: -len(pair[0]))
    return table


def cues_by_first_word() -> dict[str, list[tuple[tuple[str, ...], CueEntry]]]:
    """The cue lexicon: first word -> (words of the form, entry), longest form first."""
    return _cues()


@cache
def _cue_matches() -> dict[str, tuple[tuple[int, tuple[str, ...], CueMatch], ...]]:
    """The cue lexicon as first word -> (length, words, match), longest form first
    (one immutable :class:`CueMatch` per form, shared by every lookup)."""
    return {
        word: tuple((len(form), form, CueMatch(entry, len(form))) for form, entry in options)
        for word, options in _cues().items()
    }


def match_cue(lowers: Sequence[str], i: int) -> CueMatch | None:
    """The longest cue whose words start at ``lowers[i]`` (lowercase tokens), if any."""
    options = _CUE_MATCHES.get(lowers[i])
    if options is None:
        return None
    for length, form, match in options:
        if length == 1 or tuple(lowers[i : i + length]) == form:
            return match  # (a one-word form is the first word itself)
    return None


def cue_for_form(form: str) -> CueEntry | None:
    """The lexicon entry of a surface form such as ``warned`` or ``according to``."""
    words_ = form.lower().split()
    if not words_:
        return None
    match = match_cue(words_, 0)
    return match.entry if match is not None and match.length == len(words_) else None


_CUE_MATCHES = _cue_matches()


@cache
def _sources() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("sources.tsv")}


def source_type(head: str) -> str | None:
    """``document`` or ``person`` for the head noun of an anonymous source, else None."""
    return _sources().get(head.lower())


@cache
def words(category: str) -> frozenset[str]:
    """A closed-class word list from ``data/words.tsv`` (``pronoun_person``, ``auxiliary`` ...)."""
    for row in _rows("words.tsv"):
        if row[0] == category:
            return frozenset(row[1].split())
    raise KeyError(f"no word list named {category!r}")
