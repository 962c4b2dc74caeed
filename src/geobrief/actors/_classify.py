"""Typing name runs from local cues: suffixes, titles, appositions, speech verbs, and the
weak cues used only when no known name applies."""

from __future__ import annotations

import bisect

from geobrief.actors._context import (
    _DETERMINERS,
    _LOC,
    _LOCATION_KIND,
    _ORG,
    _ORG_KIND,
    _PERSON,
    _POSSESSIVE,
    _STATE_KIND,
    _STRONG_LOCATIVES,
    _common_word,
    _Context,
    _is_cap,
    _Item,
    _name_shaped,
)
from geobrief.actors._scan import _joined_kind
from geobrief.actors._tokens import slug


def _strip_run(ctx: _Context, item: _Item) -> None:
    """Drop leading function words (``The``, ``In``) and trailing particles from a name run."""
    lows, toks, words = ctx.lows, ctx.toks, ctx.words
    not_names = ctx.lex.not_names
    i, j = item.i, item.j
    while i < j and (
        ((low := lows[i]) in not_names and not _acronym_word(toks[i]))
        or low in _DETERMINERS
        or (low in words and low.islower() and ctx.sentence_start[i])  # cheap tests first
    ):
        i += 1
    particles = ctx.lex.name_particles
    while j > i and toks[j - 1] in particles:
        j -= 1
    item.i, item.j = i, j


def _acronym_word(token: str) -> bool:
    """``US``, ``UK``: all capitals, so not the function word spelled alike (``us``)."""
    return len(token) > 1 and token.isupper()


def _affiliation_before(ctx: _Context, items: list[_Item], k: int) -> str | None:
    """The state or organization right before item ``k`` (``Russian`` in ``Russian Foreign
    Minister``, ``Russia’s``, ``Northrop Grumman`` in ``Northrop Grumman CEO``)."""
    if k == 0:
        return None
    prev = items[k - 1]
    gap = items[k].i - prev.j
    if gap > 1 or (gap == 1 and ctx.toks[prev.j] not in _POSSESSIVE):
        return None
    if prev.kind == "gaz" and prev.entry is not None and prev.entry.role != "capital":
        actor = ctx.gaz.actors.get(prev.entry.actor_id)
        if actor is not None and actor.kind in (_STATE_KIND, _ORG_KIND):
            return actor.id
    if prev.kind == "body":
        return prev.actor_id
    if prev.kind == "name" and prev.type in (None, _ORG):
        prev.type = _ORG
        return "org:" + _acronym_or_slug(ctx, prev)
    return None


def _of_affiliation(ctx: _Context, items: list[_Item], k: int) -> str | None:
    """``of Russia`` right after item ``k``."""
    if k + 1 >= len(items):
        return None
    item, nxt = items[k], items[k + 1]
    if item.j < len(ctx.lows) and ctx.lows[item.j] == "of" and nxt.i in (item.j + 1, item.j + 2):
        if nxt.i == item.j + 2 and ctx.lows[item.j + 1] != "the":
            return None
        if nxt.kind == "gaz" and nxt.entry is not None:
            actor = ctx.gaz.actors.get(nxt.entry.actor_id)
            if actor is not None and actor.kind in (_STATE_KIND, _ORG_KIND):
                return actor.id
        if nxt.kind == "body":
            return nxt.actor_id
    return None


def _title_text(ctx: _Context, item: _Item) -> str:
    return ctx.text[ctx.ends[item.i] - len(ctx.toks[item.i]) : ctx.ends[item.j - 1]]


def _acronym_or_slug(ctx: _Context, item: _Item) -> str:
    return slug(ctx.text[ctx.ends[item.i] - len(ctx.toks[item.i]) : ctx.ends[item.j - 1]])


def _classify(ctx: _Context, items: list[_Item]) -> None:
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    n = len(toks)
    not_names, particles, words = lex.not_names, lex.name_particles, ctx.words
    org_suffixes, given_names = lex.org_suffixes, lex.given_names
    place_suffixes, place_prefixes = lex.place_suffixes, lex.place_prefixes
    label_los, label_ends, ends = ctx.label.los, ctx.label.ends, ctx.ends
    for k, item in enumerate(items):
        if item.kind != "name":
            continue
        i, j = item.i, item.j
        first = lows[i]
        if (
            first in not_names
            or first in _DETERMINERS
            or first in words  # (whether it is a common word here: see _strip_run)
            or toks[j - 1] in particles
        ):
            _strip_run(ctx, item)
            if item.i >= item.j:
                continue
            i, j = item.i, item.j
            first = lows[i]
        # ctx.label[i], inline: whether the run starts inside a heading or label line
        start = ends[i] - len(toks[i])
        line = bisect.bisect_right(label_los, start) - 1
        item.label = line >= 0 and start < label_ends[line]
        last = lows[j - 2 if lows[j - 1] == "." and j - i > 1 else j - 1]
        prev = items[k - 1] if k > 0 else None
        known_person = item.type == _PERSON and item.actor_id is not None
        if not known_person:
            # suffixes and heads say the most (not for a person the gazetteer knows)
            joined = _joined_kind(lows, i, j) if j - i > 1 else None
            if (
                (last in org_suffixes and not (j - i == 2 and toks[i] in given_names))
                or item.type == _ORG
                or joined == _ORG
            ):
                item.type = _ORG
                continue
            if joined == _LOC or (
                (last in place_suffixes or first in place_prefixes)
                and j - i > 1
                and toks[i] not in given_names
            ):
                item.type = _LOC  # "Bear Lake", "Mount Paektu"; not "Christopher Hill", "Hill"
                continue
        if item.label:
            continue
        if (
            not known_person
            and i >= 1
            and lows[i - 1] in lex.org_nouns
            and toks[i - 1][0].islower()
        ):
            item.type = _ORG  # "airline Ryanair", "automaker GM"
            continue
        if not known_person and i >= 2 and lows[i - 1] == "of" and lows[i - 2] in lex.place_nouns:
            item.type = _LOC  # "the city of Kirovsk"
            continue
        # a title or honorific right before: "Foreign Minister Sergey Lavrov", "Mr. Key"
        if (
            prev is not None
            and prev.kind in ("title", "honorific")
            and (
                prev.j == i
                or (prev.j + 1 == i and toks[prev.j] == "," and _title_is_subject(ctx, prev))
            )
        ):
            item.type = _PERSON
            if prev.kind == "title":
                item.titles.append(_title_text(ctx, prev))
                item.affiliation = _affiliation_before(ctx, items, k - 1) or _of_affiliation(
                    ctx, items, k - 1
                )
            continue
        # apposition after: "Vladimir Putin, the President of Russia"
        if j + 1 < n and toks[j] == ",":
            m = j + 1
            if lows[m] in _DETERMINERS and m + 1 < n:
                m += 1
            nxt = _item_at(items, k + 1, m)
            if (
                nxt is not None
                and nxt.kind == "title"
                and (lows[j + 1] in _DETERMINERS or nxt.i == j + 1)
            ):
                item.type = _PERSON
                item.titles.append(_title_text(ctx, nxt))
                idx = items.index(nxt, k)
                item.affiliation = (
                    _of_affiliation(ctx, items, idx) or _affiliation_before(ctx, items, idx)
                    if nxt.i == j + 1
                    else _of_affiliation(ctx, items, idx)
                )
                continue
            if lows[j + 1] in ("who", "whose") or (
                j + 2 < n and toks[j + 1].isdigit() and toks[j + 2] == ","
            ):
                item.type = _PERSON
                continue
        # speech verbs: "Lavrov warned", "said Smith"
        if (
            j < n
            and lows[j] in lex.speech_verbs
            and not (j - i == 1 and ctx.sentence_start[i] and _common_subject(ctx, i, j))
        ):
            if j - i == 1:
                item.speaker = True  # a surname, or a company ("Fiat said"): decided later
            else:
                item.type = _PERSON
            continue
        if i >= 1 and lows[i - 1] in ("said", "says", "told") and (j >= n or not _is_cap(toks[j])):
            item.type = _PERSON
            continue


def _weak_type(ctx: _Context, items: list[_Item], k: int) -> str | None:
    """The type of a name run that no strong cue or known name settled."""
    item = items[k]
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    i, j = item.i, item.j
    if j - i >= 2 and (toks[i] in lex.given_names or toks[i] in lex.family_names_first):
        return _PERSON
    if i >= 1 and lows[i - 1] in _STRONG_LOCATIVES:
        return _LOC
    if _followed_by_place(ctx, items, k):
        return _LOC
    if j - i >= 2 and i >= 1 and lows[i - 1] == "the":
        return _ORG  # "the Sea Org", "the Creative Commons": people's names take no article
    words = [t for t in toks[i:j] if t not in lex.name_particles]
    last = words[-1] if words else ""
    if last.endswith("s") and len(last) > 3 and last[:-1] in ctx.words:  # (a token here)
        return None  # "Warhol Polaroids" beside "Polaroid": a plural noun, not a surname
    if 2 <= len(words) <= 4 and all(
        _name_shaped(w)
        and not _common_word(ctx, w.lower())
        and w.lower() not in lex.not_person_words
        and w.lower() not in lex.not_names
        for w in words
    ):
        return _PERSON
    return None


def _followed_by_place(ctx: _Context, items: list[_Item], k: int) -> bool:
    """``Kirovsk, Russia``: a name, a comma, then a known state or place."""
    j = items[k].j
    if j + 1 >= len(ctx.toks) or ctx.toks[j] != "," or k + 1 >= len(items):
        return False
    nxt = items[k + 1]
    if nxt.i != j + 1 or nxt.kind != "gaz" or nxt.entry is None or nxt.entry.role != "name":
        return False
    actor = ctx.gaz.actors.get(nxt.entry.actor_id)
    return actor is not None and actor.kind in (_STATE_KIND, _LOCATION_KIND)


def _common_subject(ctx: _Context, i: int, verb: int) -> bool:
    """A sentence-initial word before a speech verb that is a common noun rather than a
    name: a listed word, a word written lowercase elsewhere, or a plural subject
    (``Reports indicate``: the verb has no third-person ``-s``)."""
    low, verb_low = ctx.lows[i], ctx.lows[verb]
    speech = ctx.lex.speech_verbs
    plural_verb = verb_low + "s" in speech or verb_low + "es" in speech
    return low in ctx.lex.not_names or _common_word(ctx, low) or plural_verb


def _title_is_subject(ctx: _Context, title: _Item) -> bool:
    """``The Russian Deputy Foreign Minister, Andrei Rudenko``: a title opening a sentence
    (after ``the`` and an optional state) can stand before a comma and its name."""
    i = title.i
    while i > 0 and not ctx.sentence_start[i] and title.i - i < 4:  # at most 4 tokens back
        i -= 1
    return ctx.sentence_start[i] and ctx.lows[i] in _DETERMINERS


def _item_at(items: list[_Item], k: int, token: int) -> _Item | None:
    if k < len(items) and items[k].i == token:
        return items[k]
    if k + 1 < len(items) and items[k + 1].i == token:
        return items[k + 1]
    return None
