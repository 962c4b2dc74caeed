"""The gazetteer: known actors and their surface forms, matched with a token trie."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from geobrief._errors import InputError
from geobrief._model import Actor, ActorKind
from geobrief.actors._lexicon import data_lines
from geobrief.actors._tokens import tokenize

__all__ = ["Entry", "Gazetteer", "Role", "load_actors"]

Role = Literal["name", "demonym", "capital", "context", "ignore"]
"""How a surface form refers to its actor: a name, a demonym adjective (``Russian``), a capital
standing for its government (``Moscow``), a contextual alias (``the North``), or ``ignore``: a
name that is not an actor (``FTSE 100``, ``UTC``), matched so that no rule takes it for one."""

Trie = dict[str, Any]
_END = "\x00"


@attrs.frozen(kw_only=True)
class Entry:
    """One surface form of a gazetteer actor."""

    actor_id: str
    role: Role = "name"
    requires: tuple[str, ...] = ()
    """Actor ids that must all be mentioned elsewhere for a ``context`` alias to count."""


def _key(token: str) -> str:
    return "the" if token in ("The", "the") else token


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v for v in cell.split("|") if v)


def _add(trie: Trie, surface: str, entry: Entry) -> None:
    node = trie
    for token in tokenize(surface)[2]:
        parent = node
        node = parent.setdefault(_key(token), {})
        if token in ("The", "the"):
            parent["The"] = node  # "The" and "the" share one child: look-ups need no _key
    entries: list[Entry] = node.setdefault(_END, [])
    if all(e.actor_id != entry.actor_id or e.role != entry.role for e in entries):
        entries.append(entry)


@attrs.frozen(kw_only=True, eq=False)
class Gazetteer:
    """Known actors and a token trie over their names, aliases, demonyms and capitals.

    Build variants without editing the library:

    >>> from geobrief import Actor
    >>> acme = Actor(id="org:acme", kind="organization", name="Acme Corp", aliases=("Acme",))
    >>> gaz = Gazetteer.default().with_actors([acme])
    >>> gaz.actors["org:acme"].name
    'Acme Corp'
    """

    actors: Mapping[str, Actor]
    """Every known actor by id."""
    entries: tuple[tuple[str, Entry], ...]
    """Every (surface form, entry) pair, in load order."""
    trie: Trie = attrs.field(repr=False)
    """Nested dicts keyed by token text; the key ``"\\x00"`` holds a node's entries."""
    demonyms: Mapping[str, str] = attrs.field(repr=False)
    """The first demonym of each state (``state:RUS`` -> ``Russian``)."""
    lowercase_starts: frozenset[str] = attrs.field(repr=False)
    """First tokens of surface forms that start lowercase (``al`` in ``al-Qaeda``)."""

    @classmethod
    def from_entries(
        cls, actors: Iterable[Actor], entries: Iterable[tuple[str, Entry]]
    ) -> Gazetteer:
        """Build a gazetteer from actors and their surface forms (earlier forms win ties)."""
        by_id = {a.id: a for a in actors}
        pairs = tuple(entries)
        trie: Trie = {}
        demonyms: dict[str, str] = {}
        for surface, entry in pairs:
            _add(trie, surface, entry)
            if entry.role == "demonym":
                demonyms.setdefault(entry.actor_id, surface)
        lowercase = frozenset(k for k in trie if k[:1].islower())
        return cls(
            actors=by_id, entries=pairs, trie=trie, demonyms=demonyms, lowercase_starts=lowercase
        )

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer: ISO 3166 states, organizations, places and groups."""
        return _default()

    def with_actors(self, actors: Iterable[Actor]) -> Gazetteer:
        """A copy that also knows ``actors`` (by name and aliases); they win over packaged
        actors with the same id."""
        added = list(actors)
        pairs = [(a.name, Entry(actor_id=a.id)) for a in added]
        pairs += [(alias, Entry(actor_id=a.id)) for a in added for alias in a.aliases]
        return Gazetteer.from_entries([*self.actors.values(), *added], [*pairs, *self.entries])

    def with_file(self, path: str | os.PathLike[str]) -> Gazetteer:
        """A copy that also knows the actors in a JSON or TSV file (see :func:`load_actors`)."""
        return self.with_actors(load_actors(path))


def load_actors(path: str | os.PathLike[str]) -> list[Actor]:
    """Read actors from a file.

    JSON: a list of objects with the :class:`~geobrief.Actor` fields (``id``, ``kind``,
    ``name``, optional ``aliases``, ``titles``, ``affiliation``, ``iso3``, ``wikidata``).
    TSV: columns ``id, kind, name, aliases, affiliation, wikidata`` (aliases joined by ``|``;
    lines starting with ``#`` are comments).
    """
    p = Path(path)
    text = p.read_text("utf-8")
    try:
        if p.suffix.lower() == ".json":
            return [_actor_from_json(item) for item in json.loads(text)]
        return [_actor_from_row(line.split("\t")) for line in _rows(text)]
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise InputError(f"{os.fspath(path)}: not a valid actor file: {exc}") from exc


def _rows(text: str) -> Iterable[str]:
    return (line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _actor_from_json(item: Mapping[str, Any]) -> Actor:
    return Actor(
        id=item["id"],
        kind=item["kind"],
        name=item["name"],
        aliases=tuple(item.get("aliases", ())),
        titles=tuple(item.get("titles", ())),
        affiliation=item.get("affiliation"),
        iso3=item.get("iso3"),
        wikidata=item.get("wikidata"),
    )


def _actor_from_row(cells: list[str]) -> Actor:
    cells = cells + [""] * (6 - len(cells))
    return Actor(
        id=cells[0],
        kind=ActorKind(cells[1]),
        name=cells[2],
        aliases=_split(cells[3]),
        affiliation=cells[4] or None,
        wikidata=cells[5] or None,
    )


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    actors: list[Actor] = []
    pairs: list[tuple[str, Entry]] = []
    for cells in data_lines("states.tsv"):
        iso3, name, aliases, demonyms, gov_capitals, _capital, qid = (cells + [""] * 7)[:7]
        sid = f"state:{iso3}"
        actors.append(
            Actor(
                id=sid,
                kind=ActorKind.STATE,
                name=name,
                aliases=_split(aliases),
                iso3=iso3,
                wikidata=qid or None,
            )
        )
        pairs.append((name, Entry(actor_id=sid)))
        pairs.extend((a, Entry(actor_id=sid)) for a in _split(aliases))
        pairs.extend((d, Entry(actor_id=sid, role="demonym")) for d in _split(demonyms))
        pairs.extend((c, Entry(actor_id=sid, role="capital")) for c in _split(gov_capitals))
    for file in ("organizations.tsv", "places.tsv", "persons.tsv"):
        for cells in data_lines(file):
            actor = _actor_from_row(cells)
            actors.append(actor)
            pairs.append((actor.name, Entry(actor_id=actor.id)))
            pairs.extend((a, Entry(actor_id=actor.id)) for a in actor.aliases)
            if len(cells) > 6:  # places.tsv: "European" for Europe
                pairs.extend(
                    (d, Entry(actor_id=actor.id, role="demonym")) for d in _split(cells[6])
                )
    for cells in data_lines("not_actors.txt"):
        pairs.append((cells[0], Entry(actor_id="", role="ignore")))
    for cells in data_lines("contextual_aliases.tsv"):
        pairs.append(
            (cells[0], Entry(actor_id=cells[1], role="context", requires=_split(cells[2])))
        )
    return Gazetteer.from_entries(actors, pairs)
