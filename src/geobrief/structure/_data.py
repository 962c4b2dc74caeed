"""The structure parser's word lists, read once from the package's data files."""

from __future__ import annotations

import functools
from importlib import resources

import attrs

__all__ = ["Abbreviations", "abbreviations", "news_agencies", "part_names", "sentence_starters"]


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of the data file ``name``."""
    data = resources.files("geobrief.structure").joinpath("data").joinpath(name).read_text("utf-8")
    return [s for s in (raw.strip() for raw in data.splitlines()) if s and not s.startswith("#")]


@attrs.frozen(kw_only=True)
class Abbreviations:
    """Abbreviations (lowercase, without the final period) by how they end sentences."""

    title: frozenset[str]
    """Never end a sentence (``dr``, ``e.g``)."""
    number: frozenset[str]
    """Do not end a sentence before a digit (``no``)."""
    other: frozenset[str]
    """End a sentence only before a common sentence opener (``u.s``, ``inc``)."""


@functools.cache
def abbreviations() -> Abbreviations:
    """The abbreviation list from ``data/abbreviations.txt``."""
    classes: dict[str, set[str]] = {"title": set(), "number": set(), "other": set()}
    for line in _lines("abbreviations.txt"):
        word, _, kind = line.rpartition(" ")
        if word and kind in classes:
            classes[kind].add(word.lower())
    return Abbreviations(
        title=frozenset(classes["title"]),
        number=frozenset(classes["number"]),
        other=frozenset(classes["other"]),
    )


@functools.cache
def sentence_starters() -> frozenset[str]:
    """Capitalized words that commonly open a sentence (``data/sentence_starters.txt``)."""
    return frozenset(_lines("sentence_starters.txt"))


@functools.cache
def part_names() -> dict[str, str]:
    """Normalized part name -> role (``outline``, ``key_points``, ``summary``, ``faq``)."""
    names: dict[str, str] = {}
    for line in _lines("part_names.txt"):
        role, _, name = line.partition("\t")
        if name:
            names[name.strip()] = role.strip()
    return names


@functools.cache
def news_agencies() -> frozenset[str]:
    """Lowercased names of news agencies seen in datelines (``data/news_agencies.txt``)."""
    return frozenset(line.lower() for line in _lines("news_agencies.txt"))
