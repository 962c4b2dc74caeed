"""Word lists for actor recognition, read once from the package's data files."""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterator

import attrs

__all__ = ["Lexicon", "data_lines", "lexicon"]


def data_lines(name: str) -> Iterator[list[str]]:
    """The tab-separated cells of each non-comment, non-blank line of a data file."""
    folder = importlib.resources.files("geobrief.actors").joinpath("data")
    text = folder.joinpath(name).read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@attrs.frozen(kw_only=True)
class Lexicon:
    """The word lists of ``data/lexicon.tsv`` and friends (all lowercase unless noted)."""

    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    honorifics: frozenset[str]
    speech_verbs: frozenset[str]
    org_suffixes: frozenset[str]
    org_heads_of: frozenset[str]
    place_suffixes: frozenset[str]
    place_prefixes: frozenset[str]
    locative_preps: frozenset[str]
    name_particles: frozenset[str]
    person_suffixes: frozenset[str]
    not_names: frozenset[str]
    compass_words: frozenset[str]
    """Directions and extents that qualify a place (``Western`` Australia, ``Greater``)."""
    institution_words: frozenset[str]
    """Last words of institutions named after a place, whose place is a nested mention."""
    org_nouns: frozenset[str]
    """Lowercase nouns that name an organization's type before its name (``airline``)."""
    place_nouns: frozenset[str]
    """Lowercase nouns that name a place's type before ``of`` (``city``)."""
    not_person_words: frozenset[str]
    """Heads of products, events, laws and indexes (``Index``, ``Conference``, ``Act``)."""
    given_names: frozenset[str]
    """Case-sensitive given names."""
    family_names_first: frozenset[str]
    """Case-sensitive family names written first (``Xi`` Jinping, ``Kim`` Jong Un)."""
    bodies: tuple[tuple[tuple[str, ...], str, str], ...]
    """Government bodies: (lowercase phrase tokens, slug, canonical name)."""
    family_names: frozenset[str] = frozenset()
    """Case-sensitive common surnames (``Smith``): a lone unknown word that speaks is a person."""
    _title_words: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _lowercase_starters: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _abbreviation_words: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _honorific_stems: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _title_dot_stems: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        title_words = self.title_heads | self.title_modifiers
        object.__setattr__(self, "_title_words", title_words)
        object.__setattr__(self, "_lowercase_starters", title_words | self.honorifics | {"the"})
        dotted = {w[:-1] for w in self.abbreviations if "." not in w[:-1]}
        object.__setattr__(self, "_abbreviation_words", frozenset(dotted))
        stems = self.honorifics | {h[:-1] for h in self.honorifics if h.endswith(".")}
        object.__setattr__(self, "_honorific_stems", stems)
        dot_stems = frozenset(w[:-1] for w in title_words if w.endswith("."))
        object.__setattr__(self, "_title_dot_stems", dot_stems)

    @property
    def honorific_stems(self) -> frozenset[str]:
        """Honorifics, also without their period (``mr`` for ``mr.``)."""
        return self._honorific_stems

    @property
    def title_dot_stems(self) -> frozenset[str]:
        """Title words written with a period, without it (``gen`` for ``gen.``)."""
        return self._title_dot_stems

    @property
    def abbreviation_words(self) -> frozenset[str]:
        """Words written with a period (``mr``, ``gen``, ``inc``, ``st``), without it."""
        return self._abbreviation_words

    @property
    def lowercase_starters(self) -> frozenset[str]:
        """Lowercase words that can start a title or honorific, and ``the``."""
        return self._lowercase_starters

    @property
    def title_words(self) -> frozenset[str]:
        """Title heads and modifiers together."""
        return self._title_words

    @property
    def abbreviations(self) -> tuple[str, ...]:
        """Every listed word that ends with a period (``mr.``, ``inc.``), longest first."""
        words = (
            self.title_heads
            | self.honorifics
            | self.org_suffixes
            | self.person_suffixes
            | self.place_prefixes
        )
        return tuple(sorted((w for w in words if w.endswith(".")), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (cached)."""
    lists: dict[str, set[str]] = {}
    for cells in data_lines("lexicon.tsv"):
        lists.setdefault(cells[0], set()).add(cells[1].lower())
    given = {cells[0].strip() for cells in data_lines("given_names.txt")}
    given.update(cells[0].strip() for cells in data_lines("given_names_census.txt"))
    family_first = {cells[0].strip() for cells in data_lines("family_names_first.txt")}
    family = {cells[0].strip() for cells in data_lines("family_names_census.txt")}
    bodies = tuple(
        (tuple(cells[0].lower().split()), cells[1], cells[2])
        for cells in data_lines("government_bodies.tsv")
    )

    def get(name: str) -> frozenset[str]:
        return frozenset(lists.get(name, ()))

    return Lexicon(
        title_heads=get("title_head"),
        title_modifiers=get("title_modifier"),
        honorifics=get("honorific"),
        speech_verbs=get("speech_verb"),
        org_suffixes=get("org_suffix"),
        org_heads_of=get("org_head_of"),
        place_suffixes=get("place_suffix"),
        place_prefixes=get("place_prefix"),
        locative_preps=get("locative_prep"),
        name_particles=get("name_particle"),
        person_suffixes=get("person_suffix"),
        not_names=get("not_name"),
        not_person_words=get("not_person_word"),
        org_nouns=get("org_noun"),
        institution_words=get("institution_word"),
        compass_words=get("compass_word"),
        place_nouns=get("place_noun"),
        given_names=frozenset(given),
        family_names_first=frozenset(family_first),
        bodies=bodies,
        family_names=frozenset(family),
    )
