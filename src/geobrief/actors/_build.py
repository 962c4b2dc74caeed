"""Building the actors and mentions of an article from the recognized items."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable
from typing import Any

import attrs

from geobrief._model import (
    _ACTOR_ID_MATCH,
    Actor,
    ActorKind,
    Article,
    Mention,
    _set_mention_actor_id,
    _set_mention_span,
    _trusted_article,
    _trusted_span,
    slot_setters,
)
from geobrief.actors._context import (
    _LOC,
    _LOCATION_KIND,
    _MAX_RUN,
    _ORG,
    _ORG_KIND,
    _PERSON_KIND,
    _STATE_KIND,
    _body_match,
    _Context,
    _gaz_match,
    _is_cap,
    _Item,
)
from geobrief.actors._gazetteer import _END, Entry, Gazetteer
from geobrief.actors._link import _Person
from geobrief.actors._tokens import slug


def _build(
    ctx: _Context, article: Article, items: list[_Item], persons: dict[str, _Person]
) -> Article:
    gaz = ctx.gaz
    ends, toks = ctx.ends, ctx.toks
    found: list[tuple[int, int, str, _Item]] = []
    contextual = False  # whether any item is a contextual alias
    for item in items:
        aid = item.actor_id
        kind = item.kind
        i, j = item.i, item.j
        if aid is None or kind == "title" or kind == "honorific" or i >= j:
            continue
        found.append((ends[i] - len(toks[i]), ends[j - 1], aid, item))
        # (a name of one token has no place nested in it: _nested_places would find none)
        if kind == "gaz":
            entry = item.entry
            if entry is not None and entry.role == "context":
                contextual = True
            if j - i > 1 and aid.startswith("org:") and _is_organization(ctx, aid):
                nested = _nested_places(ctx, item, leading_only=True)
                if nested:
                    found.extend(nested)
        elif j - i > 1 and (
            kind == "body" or (item.type == _ORG and kind == "name" and _institution(ctx, item))
        ):
            nested = _nested_places(ctx, item)
            if nested:
                found.extend(nested)
    # ids mentioned other than by a contextual alias (nested places are named, never
    # context), needed only when there is one
    mentioned = (
        {f[2] for f in found if f[3].entry is None or f[3].entry.role != "context"}
        if contextual
        else set()
    )
    # items come in text order, nested places right after their outer name: a stable sort
    # by start keeps the outer (longer) mention first
    found.sort(key=operator.itemgetter(0))
    teams = _national_teams(ctx, found)
    # a state's mention can be its team only beside a score, "team"/"squad" or "Team"
    maybe_team = bool(teams) or not ctx.words.isdisjoint(_TEAM_VARIANTS)
    qualified = _qualified_places(ctx, found)
    # the actors of this text: new ones as keyword arguments of Actor (``drafts``), known
    # ones as (gazetteer actor, titles, affiliation), their aliases added at the end
    drafts: dict[str, dict[str, Any]] = {}
    knowns: dict[str, tuple[Actor, tuple[str, ...], str | None]] = {}
    surfaces: dict[str, list[str]] = {}
    mentions: list[Mention] = []
    text, lows = ctx.text, ctx.lows
    gaz_actors = gaz.actors
    n = len(toks)
    new, trusted_span = _new, _trusted_span
    for index, (start, end, aid, item) in enumerate(found):
        entry = item.entry
        if entry is not None:
            role = entry.role
            if role == "context" and not all(r in mentioned for r in entry.requires):
                continue
            if role == "capital" and item.kind == "gaz" and _locative(ctx, item.i):
                aid = "loc:" + slug(text[start:end])
                if aid not in drafts and aid not in knowns:
                    drafts[aid] = _draft(
                        id=aid,
                        kind=_LOCATION_KIND,
                        name=text[start:end],
                        affiliation=entry.actor_id,
                    )
            elif (
                maybe_team
                and role == "name"  # (as _team_mention requires: the cheapest test first)
                and item.kind == "gaz"
                and aid.startswith("state:")
                and (
                    aid in teams
                    or (item.j < n and lows[item.j] in _TEAM_WORDS)  # "the US team"
                    or (item.i > 0 and toks[item.i - 1] == "Team")  # "Team Estonia"
                )
                and _team_mention(ctx, item)
            ):
                aid = _team_id(aid)
                if aid not in drafts and aid not in knowns:
                    state = gaz_actors[_team_state(aid)]
                    drafts[aid] = _draft(
                        id=aid,
                        kind=_ORG_KIND,
                        name=state.name,
                        affiliation=state.id,
                    )
        surface = text[start:end]
        known_surfaces = surfaces.get(aid)
        if known_surfaces is None:
            if aid not in drafts:
                known = gaz_actors.get(aid)
                if known is None:
                    draft = _make_draft(ctx, aid, item, persons, start, end)
                    if draft is None:
                        continue
                    drafts[aid] = draft
                else:
                    person = persons.get(aid)
                    if person is None:  # aliases are this text's surface forms (below)
                        knowns[aid] = (known, known.titles, known.affiliation)
                    else:  # a known person, with the titles and affiliation of this text
                        knowns[aid] = (
                            known,
                            tuple(person.titles),
                            person.affiliation or known.affiliation,
                        )
            surfaces[aid] = [surface]
        else:
            known_surfaces.append(surface)
        if qualified:
            end = qualified.get(index, end)
        # Mention(actor_id=aid, span=Span(start=start, end=end)) without repeating the
        # field checks: the id was validated when its Actor was built (or is a gazetteer
        # actor's), and Article checks every mention again (an id of a listed actor,
        # offsets inside the text). The slots are set directly (the classes are frozen, so
        # ``__attrs_init__`` would do the same through ``object``); about three times as
        # fast as the checked constructors, and there is one per mention
        span = trusted_span(start, end)
        mention = new(Mention)
        _set_mention_actor_id(mention, aid)
        _set_mention_span(mention, span)
        mentions.append(mention)
    # aliases; affiliations must point at known actors
    built: dict[str, Actor] = {}
    added: list[Actor] = []
    for aid, fields in drafts.items():
        name = fields["name"]
        fields["aliases"] = _aliases(surfaces.get(aid, ()), name)
        affiliation = fields["affiliation"]
        if affiliation is not None and affiliation not in drafts and affiliation not in knowns:
            target = gaz_actors.get(affiliation)
            if target is None:
                fields["affiliation"] = None
            else:
                added.append(target)
        built[aid] = _actor(fields, gaz)
    for aid, (known, titles, affiliation) in knowns.items():
        name = known.name
        aliases = _aliases(surfaces[aid], name)
        if affiliation is not None and affiliation not in drafts and affiliation not in knowns:
            target = gaz_actors.get(affiliation)
            if target is None:
                affiliation = None
            else:
                added.append(target)
        if aliases == known.aliases and titles == known.titles and affiliation == known.affiliation:
            built[aid] = known
        else:
            built[aid] = _derived(known, aliases, titles, affiliation)
    for target in added:  # an affiliation named nowhere in the text: no aliases here
        if target.id not in built:
            built[target.id] = (
                target
                if not target.aliases
                else _derived(target, (), target.titles, target.affiliation)
            )
    actors = tuple(map(built.__getitem__, sorted(built)))
    if any(t.affiliation is not None and t.affiliation not in built for t in added):
        # an affiliation's own affiliation named nowhere here (a gazetteer whose
        # affiliations chain, such as a caller's own): the checked evolve reports it
        return attrs.evolve(article, actors=actors, mentions=tuple(mentions))
    # Valid by construction, so built without the model's consistency check (one pass
    # over every mention and actor, about 25 µs on the seed brief): every span is a pair
    # of token offsets (or the end of a later one), start <= end <= len(text); every
    # mention's id is an actor built here (a draft or a known actor); every affiliation
    # was kept only if it is one of them or a gazetteer actor added here, and the added
    # ones' own affiliations were tested just above. The statements stage's evolve then
    # checks only its own changes against this Article.
    return _trusted_article(article, actors=actors, mentions=tuple(mentions))


def _aliases(surfaces: Iterable[str], name: str) -> tuple[str, ...]:
    """The distinct ``surfaces`` other than ``name``, in order of first use."""
    distinct = dict.fromkeys(surfaces)
    distinct.pop(name, None)
    return tuple(distinct)


_Found = tuple[int, int, str, _Item]


def _draft(**fields: Any) -> dict[str, Any]:
    """Keyword arguments of an Actor, with the defaults of the optional fields."""
    return {"aliases": (), "titles": (), "affiliation": None, "iso3": None, "wikidata": None} | (
        fields
    )


def _actor(fields: dict[str, Any], gaz: Gazetteer) -> Actor:
    """The Actor of ``fields``: the gazetteer's own object when nothing differs (each Actor
    is built, and validated, once)."""
    known = gaz.actors.get(fields["id"])
    if known is None:
        return _new_actor(fields)
    if known.aliases == fields["aliases"] and all(  # what differs most often: tested first
        getattr(known, k) == v for k, v in fields.items()
    ):
        return known
    if all(fields[k] is getattr(known, k) for k in _KEPT_FIELDS):
        return _derived(known, fields["aliases"], fields["titles"], fields["affiliation"])
    return Actor(**fields)


_KEPT_FIELDS = ("id", "kind", "name", "iso3", "wikidata")


def _new_actor(fields: dict[str, Any]) -> Actor:
    """``Actor(**fields)`` for a draft of this stage, its slots set directly when the
    values are what the checked constructor would keep as they are: an ``ActorKind``
    member, tuples of aliases and titles (this text's strings), ids that match the actor
    id pattern (tested here, the validators' own test), no ISO code or QID. Anything
    else (a caller's odd id) goes through the checked constructor, which reports it.
    About six times as fast; a text that names many new persons and organizations builds
    one per actor."""
    aid, affiliation = fields["id"], fields["affiliation"]
    if not (
        type(fields["kind"]) is ActorKind
        and type(fields["aliases"]) is tuple
        and type(fields["titles"]) is tuple
        and type(fields["name"]) is str
        and fields["iso3"] is None
        and fields["wikidata"] is None
        and type(aid) is str
        and _ACTOR_ID_MATCH(aid)
        and (affiliation is None or (type(affiliation) is str and _ACTOR_ID_MATCH(affiliation)))
    ):
        return Actor(**fields)
    actor = _new(Actor)
    _set_id(actor, aid)
    _set_kind(actor, fields["kind"])
    _set_name(actor, fields["name"])
    _set_aliases(actor, fields["aliases"])
    _set_titles(actor, fields["titles"])
    _set_affiliation(actor, affiliation)
    _set_iso3(actor, None)
    _set_wikidata(actor, None)
    return actor


def _derived(
    known: Actor, aliases: tuple[str, ...], titles: tuple[str, ...], affiliation: str | None
) -> Actor:
    """``attrs.evolve(known, aliases=..., titles=..., affiliation=...)`` without running the
    field checks again: ``known`` was validated when the gazetteer was built, the aliases
    and titles are tuples of this text's strings, and Article checks that an affiliation is
    the id of one of its actors (each validated when built). About five times as fast;
    most actors of a brief are gazetteer actors with this text's aliases."""
    actor = _new(Actor)
    _set_id(actor, known.id)
    _set_kind(actor, known.kind)
    _set_name(actor, known.name)
    _set_aliases(actor, aliases)
    _set_titles(actor, titles)
    _set_affiliation(actor, affiliation)
    _set_iso3(actor, known.iso3)
    _set_wikidata(actor, known.wikidata)
    return actor


_new = object.__new__
(
    _set_id,
    _set_kind,
    _set_name,
    _set_aliases,
    _set_titles,
    _set_affiliation,
    _set_iso3,
    _set_wikidata,
) = slot_setters(
    Actor, ("id", "kind", "name", "aliases", "titles", "affiliation", "iso3", "wikidata")
)


_SCORE_DASHES = frozenset({"-", "–", "—", ":"})


def _score_at(toks: list[str], k: int) -> bool:
    """A match score (``1 – 0``, ``3-2``) starts at token ``k``."""
    return (
        k + 2 < len(toks)
        and toks[k].isdigit()
        and len(toks[k]) <= 2
        and toks[k + 1] in _SCORE_DASHES
        and toks[k + 2].isdigit()
        and len(toks[k + 2]) <= 2
    )


def _national_teams(ctx: _Context, found: list[_Found]) -> frozenset[str]:
    """States that play in this text: named next to a match score (``Sweden 1 – 0 Korea``,
    ``Belgium defeated Panama 3 – 0``). Their other mentions here are their national
    teams, which news annotation counts as organizations."""
    toks = ctx.toks
    n = len(toks)
    teams: set[str] = set()
    for _, _, aid, item in found:
        i, j = item.i, item.j
        if not (
            (j < n and toks[j].isdigit()) or (i >= 3 and toks[i - 1].isdigit())
        ):  # cheap first test: a number right after or before
            continue
        if item.kind != "gaz" or item.entry is None or item.entry.role != "name":
            continue
        actor = ctx.gaz.actors.get(aid)
        if actor is None or actor.kind is not _STATE_KIND:
            continue
        if _score_at(toks, item.j) or (item.i >= 3 and _score_at(toks, item.i - 3)):
            teams.add(aid)
    return frozenset(teams)


_TEAM_WORDS = frozenset({"team", "squad"})


_TEAM_VARIANTS = frozenset(
    "".join(letters)
    for word in _TEAM_WORDS
    for letters in itertools.product(*((c, c.upper()) for c in word))
)
"""Every spelling of the team words whose lowercase is one (no other character
lowercases to an ASCII letter)."""


def _team_mention(ctx: _Context, item: _Item) -> bool:
    """A mention of a playing state by name that is not a location (``in Russia``)."""
    return (
        item.kind == "gaz"
        and item.entry is not None
        and item.entry.role == "name"
        and not (item.i > 0 and ctx.lows[item.i - 1] in _PLACE_PREPOSITIONS)
    )


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "across"})


def _team_id(state_id: str) -> str:
    return f"org:{state_id.split(':', 1)[1].lower()}-national-team"


def _team_state(team_id: str) -> str:
    """The state id of a national team id (``org:swe-national-team`` -> ``state:SWE``)."""
    return "state:" + team_id.removeprefix("org:").split("-", 1)[0].upper()


def _qualified_places(ctx: _Context, found: list[_Found]) -> dict[int, int]:
    """``Mobile, Alabama``, ``Sydney, Australia``: a place followed by a comma and the
    state or region it lies in is named by the whole phrase (as gazetteers and news
    annotation write it), also through a chain of regions (``Evansville, Indiana, United
    States``); the region stays a mention of its own, nested. Returns the
    extended end offset by index in ``found``. Lists (``Perth, Adelaide and Hobart``) and
    states (``Sweden, Belgium``) are not qualified."""
    text, gaz = ctx.text, ctx.gaz
    out: dict[int, int] = {}
    for k in range(len(found) - 2, -1, -1):  # right to left: "A, B, C" qualifies B first
        _, end, aid, item = found[k]
        n_start, n_end, n_aid, n_item = found[k + 1]
        if n_start - end != 2 or text[end:n_start] != ", " or not _is_place(ctx, aid, item):
            continue
        region = gaz.actors.get(n_aid)
        if (
            n_item.kind != "gaz"
            or n_item.entry is None
            or n_item.entry.role not in ("name", "capital")
            or region is None
            or region.kind not in (_STATE_KIND, _LOCATION_KIND)
        ):
            continue
        place = gaz.actors.get(aid)
        if place is not None and place.affiliation not in (n_aid, region.affiliation):
            continue  # a known place must lie in that state
        if k + 1 in out:
            out[k] = out[k + 1]  # "Evansville, Indiana, United States"
        elif not _list_goes_on(ctx, n_item.j):
            out[k] = n_end
    return out


def _is_place(ctx: _Context, aid: str, item: _Item) -> bool:
    if item.kind == "name":
        return item.type == _LOC
    actor = ctx.gaz.actors.get(aid)
    if actor is None or item.entry is None:
        return False
    if actor.kind is _LOCATION_KIND:
        return item.entry.role == "name"
    return False


def _list_goes_on(ctx: _Context, j: int) -> bool:
    """After ``A, B``: ``and C``, ``or C``, ``, C``, ``, and C`` continue a list."""
    toks, lows = ctx.toks, ctx.lows
    if j >= len(toks):
        return False
    if lows[j] in _LIST_WORDS:
        return True
    return (
        toks[j] == ","
        and j + 1 < len(toks)
        and (_is_cap(toks[j + 1]) or lows[j + 1] in _LIST_WORDS)
    )


_LIST_WORDS = frozenset({"and", "or", "&"})


def _is_organization(ctx: _Context, actor_id: str) -> bool:
    actor = ctx.gaz.actors.get(actor_id)
    return actor is not None and actor.kind is _ORG_KIND


def _nested_places(
    ctx: _Context, outer: _Item, *, leading_only: bool = False
) -> list[tuple[int, int, str, _Item]]:
    """States and places named inside an organization's name (``University of Texas``,
    ``New Zealand government``): nested mentions, as news annotation marks them. With
    ``leading_only``, only a place that opens the name (``the U.S. Air Force``)."""
    nested = []
    k = outer.i + 1 if ctx.lows[outer.i] == "the" and outer.j - outer.i > 1 else outer.i
    stop = min(outer.j, k + 1) if leading_only else outer.j
    while k < stop:
        hit = _place_match(ctx, k, outer.j) if leading_only else None
        if hit is None:
            hit = _gaz_match(ctx, k) if ctx.toks[k] in ctx.gaz.trie else None
        if hit is None or hit[0] > outer.j or (k == outer.i and hit[0] == outer.j):
            k += 1
            continue
        end, entry = hit
        actor = ctx.gaz.actors.get(entry.actor_id)
        if (
            actor is not None
            and actor.kind in (_STATE_KIND, _LOCATION_KIND)
            and entry.role in _NESTED_ROLES
        ):
            item = _Item("gaz", k, end)
            item.entry = entry
            item.actor_id = entry.actor_id
            start = ctx.ends[k] - len(ctx.toks[k])
            nested.append((start, ctx.ends[end - 1], entry.actor_id, item))
        k = end
    return nested


_NESTED_ROLES = frozenset({"name"})


def _place_match(ctx: _Context, k: int, limit: int) -> tuple[int, Entry] | None:
    """The longest state or place name from token ``k`` that ends before ``limit``
    (``U.S.`` in ``U.S. Air Force``, which the gazetteer knows as a whole too)."""
    node: dict[str, Any] = ctx.gaz.trie
    best: tuple[int, Entry] | None = None
    for j in range(k, min(limit - 1, k + _MAX_RUN)):
        child = node.get(ctx.toks[j])
        if child is None:
            break
        node = child
        for entry in node.get(_END, ()):
            actor = ctx.gaz.actors.get(entry.actor_id)
            if actor is not None and actor.kind in _PLACE_KINDS and entry.role in _NESTED_ROLES:
                best = (j + 1, entry)
                break
    return best


_PLACE_KINDS = frozenset({_STATE_KIND, _LOCATION_KIND})


def _institution(ctx: _Context, item: _Item) -> bool:
    """An institution named after its place (``University of Texas``, ``Irving Police
    Department``, ``New Zealand Herald``), not a brand that contains one (``Air France``)."""
    lows = ctx.lows[item.i : item.j]
    last = lows[-2] if lows[-1] == "." and len(lows) > 1 else lows[-1]
    return last in ctx.lex.institution_words or "of" in lows


def _locative(ctx: _Context, i: int) -> bool:
    return i > 0 and ctx.lows[i - 1] in ("in", "at", "near", "outside", "inside", "around")


def _make_draft(
    ctx: _Context,
    aid: str,
    item: _Item,
    persons: dict[str, _Person],
    start: int,
    end: int,
) -> dict[str, Any] | None:
    """The keyword arguments of a new Actor (one the gazetteer does not know), or None."""
    gaz = ctx.gaz
    if aid in persons:
        person = persons[aid]
        return _draft(
            id=aid,
            kind=_PERSON_KIND,
            name=person.name,
            titles=tuple(person.titles),
            affiliation=person.affiliation,
        )
    if item.kind == "body":
        state = item.affiliation
        name = ctx.text[start:end]
        if state is not None:
            state_actor = gaz.actors.get(state)
            body_name = _body_name(ctx, item)
            demonym = gaz.demonyms.get(state) or (state_actor.name if state_actor else "")
            name = f"{demonym} {body_name}".strip()
        return _draft(id=aid, kind=_ORG_KIND, name=name, affiliation=state)
    kind = {_ORG: _ORG_KIND, _LOC: _LOCATION_KIND}.get(item.type or "")
    if kind is None:
        return None
    return _draft(id=aid, kind=kind, name=ctx.text[start:end])


def _body_name(ctx: _Context, item: _Item) -> str:
    for k in range(item.i, item.j):
        body = _body_match(ctx, k)
        if body is not None:
            return body[2]
    return ""
