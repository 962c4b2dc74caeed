"""Building the actors and mentions of an article from the recognized items."""

from __future__ import annotations

import attrs

from geobrief._model import Actor, ActorKind, Article, Mention, Span
from geobrief.actors._context import _LOC, _ORG, _body_match, _Context, _gaz_match, _Item
from geobrief.actors._gazetteer import Gazetteer, _key
from geobrief.actors._link import _Person
from geobrief.actors._tokens import slug


def _build(
    ctx: _Context, article: Article, items: list[_Item], persons: dict[str, _Person]
) -> Article:
    gaz = ctx.gaz
    found: list[tuple[int, int, str, _Item]] = []
    for item in items:
        if item.actor_id is None or item.kind in ("title", "honorific") or item.i >= item.j:
            continue
        found.append((ctx.starts[item.i], ctx.ends[item.j - 1], item.actor_id, item))
        if item.kind == "body" or (
            item.kind == "name" and item.type == _ORG and _institution(ctx, item)
        ):
            found.extend(_nested_places(ctx, item))
    found.sort(key=lambda f: (f[0], -f[1]))
    mentioned = {aid for _, _, aid, it in found if it.entry is None or it.entry.role != "context"}
    actors: dict[str, Actor] = {}
    surfaces: dict[str, list[str]] = {}
    mentions: list[Mention] = []
    for start, end, aid, item in found:
        entry = item.entry
        if (
            entry is not None
            and entry.role == "context"
            and not all(r in mentioned for r in entry.requires)
        ):
            continue
        if (
            item.kind == "gaz"
            and entry is not None
            and entry.role == "capital"
            and _locative(ctx, item.i)
        ):
            aid = "loc:" + slug(ctx.text[start:end])
            if aid not in actors:
                actors[aid] = Actor(
                    id=aid,
                    kind=ActorKind.LOCATION,
                    name=ctx.text[start:end],
                    affiliation=entry.actor_id,
                )
        if aid not in actors:
            actor = _make_actor(ctx, aid, item, persons, gaz, start, end)
            if actor is None:
                continue
            actors[aid] = actor
        mentions.append(Mention(actor_id=aid, span=Span(start=start, end=end)))
        surfaces.setdefault(aid, []).append(ctx.text[start:end])
    # affiliations must point at known actors
    for aid, actor in list(actors.items()):
        names = [s for s in dict.fromkeys(surfaces.get(aid, ())) if s != actor.name]
        affiliation = actor.affiliation
        if affiliation is not None and affiliation not in actors:
            target = gaz.actors.get(affiliation)
            if target is None:
                affiliation = None
            elif target.aliases:
                actors[affiliation] = attrs.evolve(target, aliases=())
            else:
                actors[affiliation] = target
        if tuple(names) != actor.aliases or affiliation != actor.affiliation:
            actors[aid] = attrs.evolve(actor, aliases=tuple(names), affiliation=affiliation)
    return attrs.evolve(
        article,
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        mentions=tuple(mentions),
    )


def _nested_places(ctx: _Context, outer: _Item) -> list[tuple[int, int, str, _Item]]:
    """States and places named inside an organization's name (``University of Texas``,
    ``New Zealand government``): nested mentions, as news annotation marks them."""
    nested = []
    k = outer.i
    while k < outer.j:
        hit = _gaz_match(ctx, k) if _key(ctx.toks[k]) in ctx.gaz.trie else None
        if hit is None or hit[0] > outer.j or (k == outer.i and hit[0] == outer.j):
            k += 1
            continue
        end, entry = hit
        actor = ctx.gaz.actors.get(entry.actor_id)
        if (
            actor is not None
            and actor.kind in (ActorKind.STATE, ActorKind.LOCATION)
            and entry.role in _NESTED_ROLES
        ):
            item = _Item("gaz", k, end)
            item.entry = entry
            item.actor_id = entry.actor_id
            nested.append((ctx.starts[k], ctx.ends[end - 1], entry.actor_id, item))
        k = end
    return nested


_NESTED_ROLES = frozenset({"name"})


def _institution(ctx: _Context, item: _Item) -> bool:
    """An institution named after its place (``University of Texas``, ``Irving Police
    Department``, ``New Zealand Herald``), not a brand that contains one (``Air France``)."""
    lows = ctx.lows[item.i : item.j]
    last = lows[-2] if lows[-1] == "." and len(lows) > 1 else lows[-1]
    return last in ctx.lex.institution_words or "of" in lows


def _locative(ctx: _Context, i: int) -> bool:
    return i > 0 and ctx.lows[i - 1] in ("in", "at", "near", "outside", "inside", "around")


def _make_actor(
    ctx: _Context,
    aid: str,
    item: _Item,
    persons: dict[str, _Person],
    gaz: Gazetteer,
    start: int,
    end: int,
) -> Actor | None:
    known = gaz.actors.get(aid)
    if known is not None and aid in persons:
        person = persons[aid]  # a known person, with the titles and affiliation of this text
        return attrs.evolve(
            known,
            titles=tuple(person.titles),
            affiliation=person.affiliation or known.affiliation,
        )
    if known is not None:
        return known  # aliases are replaced by this text's surface forms in _build
    if aid in persons:
        person = persons[aid]
        return Actor(
            id=aid,
            kind=ActorKind.PERSON,
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
        return Actor(id=aid, kind=ActorKind.ORGANIZATION, name=name, affiliation=state)
    kind = {_ORG: ActorKind.ORGANIZATION, _LOC: ActorKind.LOCATION}.get(item.type or "")
    if kind is None:
        return None
    return Actor(id=aid, kind=kind, name=ctx.text[start:end])


def _body_name(ctx: _Context, item: _Item) -> str:
    for k in range(item.i, item.j):
        body = _body_match(ctx, k)
        if body is not None:
            return body[2]
    return ""
