"""Linking name runs to actors: full names first, then surnames and family names, then the
remaining runs by weak cues."""

from __future__ import annotations

import bisect

from geobrief.actors._classify import _followed_by_place, _weak_type
from geobrief.actors._context import (
    _LOC,
    _ORG,
    _ORG_KIND,
    _PERSON,
    _PERSON_KIND,
    _STRONG_LOCATIVES,
    _common_word,
    _Context,
    _Item,
    _name_shaped,
    _tight,
)
from geobrief.actors._gazetteer import _END, Trie
from geobrief.actors._tokens import slug

_NO_NODE: Trie = {}
"""The children of a token the gazetteer does not know (none)."""


class _Person:
    __slots__ = ("affiliation", "name", "titles", "tokens")

    def __init__(self, name: str, tokens: tuple[str, ...]) -> None:
        self.name = name
        self.tokens = tokens
        self.titles: list[str] = []
        self.affiliation: str | None = None


def _run_words(text_: str, particles: frozenset[str]) -> tuple[str, ...]:
    """A run's words (``Kim Jong-un`` -> ``Kim``, ``Jong-un``) without name particles."""
    words = text_.split()
    return tuple(w for w in words if w not in particles) or tuple(words)


def _link(ctx: _Context, items: list[_Item]) -> dict[str, _Person]:
    """Give every name run an actor id; return the persons by id.

    Order: runs typed by strong cues; then untyped multi-word runs (known text, else weak
    cues); then single words (a known name or surname, else weak cues)."""
    persons: dict[str, _Person] = {}
    by_text: dict[str, str] = {}
    text, ends, toks = ctx.text, ctx.ends, ctx.toks
    particles = ctx.lex.name_particles
    # each name run with its text and words, worked out once (the runs no longer change)
    names: list[tuple[int, _Item, str, tuple[str, ...]]] = []
    for k, it in enumerate(items):
        if it.kind == "name" and it.i < it.j:
            if it.j - it.i == 1:
                word = toks[it.i]
                if word.isalpha():  # one word (no space in it) is the run's text
                    names.append((k, it, word, (word,)))
                    continue
            text_ = text[ends[it.i] - len(toks[it.i]) : ends[it.j - 1]]
            split = text_.split()
            if particles.isdisjoint(split):  # the usual case, in C
                names.append((k, it, text_, tuple(split)))
            else:
                names.append((k, it, text_, _run_words(text_, particles)))
    for _, item, text_, words in names:
        if item.type is not None and (
            item.type != _PERSON or len(words) >= 2 or item.actor_id is not None
        ):
            _assign(ctx, item, text_, words, persons, by_text)
    seen_at: dict[str, list[int]] = {}  # where each person is named, in text order
    for k, item, text_, words in names:
        if item.type is None and len(words) >= 2:
            known = by_text.get(text_)
            if known is not None:
                item.actor_id = known
            elif not item.label:
                item.type = _weak_type(ctx, items, k)
                _assign(ctx, item, text_, words, persons, by_text)
        if item.type == _PERSON and item.actor_id is not None:
            seen_at.setdefault(item.actor_id, []).append(item.i)
    last_tok: dict[str, list[str]] = {}
    first_tok: dict[str, list[str]] = {}
    fam = ctx.lex.family_names_first
    for pid, person in persons.items():
        if len(person.tokens) >= 2:
            last_tok.setdefault(person.tokens[-1], []).append(pid)
            first = person.tokens[0]
            if len(person.tokens) >= 3 or first in fam or first not in ctx.lex.given_names:
                first_tok.setdefault(person.tokens[0], []).append(pid)
    if _surname_places(ctx, last_tok):
        for item in items:
            if item.kind == "gaz" and item.j == item.i + 1 and item.entry is not None:
                candidates = last_tok.get(toks[item.i])
                if candidates is None or len(candidates) != 1:
                    continue
                actor = ctx.gaz.actors.get(item.entry.actor_id)
                if actor is not None and actor.kind is not _ORG_KIND:
                    item.kind, item.type, item.entry = "name", _PERSON, None
                    item.actor_id = candidates[0]  # "Paris" after "Valeska Paris"
    for k, item, text_, words in names:
        if item.actor_id is not None:
            continue
        known = by_text.get(text_)
        if known is not None:
            item.actor_id = known
            continue
        if len(words) != 1:
            continue
        word = words[0]
        candidates = last_tok.get(word) or first_tok.get(word) or []
        if candidates:
            item.actor_id = _nearest(candidates, seen_at, item.i)
            item.type = _PERSON
            continue
        if item.type is not None:
            _assign(ctx, item, text_, words, persons, by_text)
            continue
        if (
            item.j + 1 < len(toks)  # (a comma next: the cheapest test first)
            and toks[item.j] == ","
            and ctx.sentence_start[item.i]
            and _followed_by_place(ctx, items, k)
        ):
            item.type = _LOC
            _assign(ctx, item, text_, words, persons, by_text)
            continue
        if item.label or (_common_word(ctx, word.lower()) and ctx.sentence_start[item.i]):
            continue
        if not item.speaker and word not in ctx.lex.given_names and ctx.sentence_start[item.i]:
            continue
        if item.i >= 1 and ctx.lows[item.i - 1] in _STRONG_LOCATIVES:
            item.type = _LOC  # "in Geneva", even when it is also a first name
        elif word in ctx.lex.given_names:
            item.type = _PERSON
        elif item.speaker:
            # an unknown single word that speaks is more often a company or agency than a
            # person, whom news introduces by full name first; a common surname is a person
            item.type = _PERSON if word in ctx.lex.family_names else _ORG
        elif item.j - item.i == 1:
            # _weak_type of one token that no locative precedes: a place when a comma and
            # a known state or place follow, else nothing (its other rules need two words)
            item.type = _LOC if _followed_by_place(ctx, items, k) else None
        else:
            item.type = _weak_type(ctx, items, k)
        if item.type is None and _acronym(ctx, item):
            item.type = _ORG
        _assign(ctx, item, text_, words, persons, by_text)
    # titles and affiliations (only name runs have them: gazetteer items that became
    # persons above have none)
    if persons:
        for _, item, _, _ in names:
            if item.type == _PERSON and item.actor_id in persons:
                person = persons[item.actor_id]
                for title in item.titles:
                    if title not in person.titles:
                        person.titles.append(title)
                if person.affiliation is None and item.affiliation is not None:
                    person.affiliation = item.affiliation
    return persons


def _surname_places(ctx: _Context, last_tok: dict[str, list[str]]) -> bool:
    """Whether some one-token gazetteer item can be the surname of a person named in full
    (``Paris`` after ``Valeska Paris``), so that the pass over the items is needed: only
    when a last name shared by no other person is a one-token gazetteer name whose first
    entry (the one a one-token match carries) is a known actor other than an organization
    (never converted) or a person (the scan makes a person's match a name run, not a
    gazetteer item). The seed brief's surnames (``Lavrov``, ``Putin``) are known persons'
    names, so its pass is skipped."""
    trie, actors = ctx.gaz.trie, ctx.gaz.actors
    for word, pids in last_tok.items():
        if len(pids) != 1:
            continue
        entries = trie.get(word, _NO_NODE).get(_END)
        if entries:
            actor = actors.get(entries[0].actor_id)
            if actor is not None and actor.kind is not _ORG_KIND and actor.kind is not _PERSON_KIND:
                return True
    return False


def _acronym(ctx: _Context, item: _Item) -> bool:
    """An all-capital word (2-6 letters, not a Roman numeral) that the text uses at least
    twice or spells out in parentheses: ``KCNA``, ``(JSC)``."""
    word = ctx.toks[item.i]
    if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 6):
        return False
    if not word.strip("IVXLCDM") and len(word) > 1:
        return False
    if item.j < len(ctx.toks) and ctx.toks[item.j] == "-" and _tight(ctx, item.j):
        return False  # a code: "STS-1", "F-35"
    bracketed = (
        item.i > 0 and ctx.toks[item.i - 1] == "(" and ctx.toks[item.j : item.j + 1] == [")"]
    )
    return bracketed or ctx.count(word) >= 2


def _nearest(candidates: list[str], seen_at: dict[str, list[int]], token: int) -> str:
    """Of several persons sharing a surname, the one named in full most recently before
    ``token`` (else the first named after it)."""
    if len(candidates) == 1:
        return candidates[0]

    def distance(pid: str) -> tuple[int, int]:
        positions = seen_at.get(pid, [])  # ascending token positions
        k = bisect.bisect_left(positions, token)
        if k > 0:
            return (0, token - positions[k - 1])
        return (1, positions[0] - token if positions else 1 << 30)

    return min(candidates, key=distance)


def _assign(
    ctx: _Context,
    item: _Item,
    text_: str,
    words: tuple[str, ...],
    persons: dict[str, _Person],
    by_text: dict[str, str],
) -> None:
    """Give a typed name run (its text ``text_``, its ``words``) its id (and register a
    new person)."""
    if item.type == _PERSON:
        pid = item.actor_id or "person:" + slug(text_)
        if pid not in persons:
            known = ctx.gaz.actors.get(pid)  # a known person: the full name links surnames
            if known is not None:
                persons[pid] = _Person(known.name, tuple(known.name.split()))
            else:
                persons[pid] = _Person(text_, words)
        item.actor_id = pid
    elif item.type == _ORG:
        item.actor_id = item.actor_id or "org:" + slug(text_)
        if len(words) >= 3 and words[0] in ctx.lex.given_names and _name_shaped(words[1]):
            # "Andy Warhol Foundation": its founder's name links a later "Warhol"
            name = " ".join(words[:2])
            persons.setdefault("person:" + slug(name), _Person(name, words[:2]))
    elif item.type == _LOC:
        item.actor_id = item.actor_id or "loc:" + slug(text_)
    else:
        return
    by_text.setdefault(text_, item.actor_id)
