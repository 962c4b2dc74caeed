"""The left-to-right scan: gazetteer matches, government bodies, title runs and runs of
capitalized name tokens, each taken at most once."""

from __future__ import annotations

import functools

from geobrief.actors._context import (
    _LOC,
    _LOCATION_KIND,
    _MAX_RUN,
    _ORG,
    _ORG_KIND,
    _PERSON,
    _PERSON_KIND,
    _POSSESSIVE,
    _STATE_KIND,
    OwnedCache,
    _abbrev_dot,
    _body_match,
    _body_trie,
    _Context,
    _gaz_match,
    _is_cap,
    _is_city,
    _Item,
    _per_owners,
    _tight,
)
from geobrief.actors._gazetteer import _END, Entry, Gazetteer, Trie
from geobrief.actors._lexicon import Lexicon, lexicon


def _title_match(ctx: _Context, i: int) -> int:
    """End token of a title run at ``i`` (``Deputy Foreign Minister``, ``Secretary of
    State``), or ``i`` when there is none. A run must contain a head word."""
    lex = ctx.lex
    heads, mods = lex.title_heads, lex.title_modifiers
    lows = ctx.lows
    n = len(lows)
    j = i
    last = i
    while j < n and j - i < _MAX_RUN:
        low = lows[j]
        if low + "." in heads and _abbrev_dot(ctx, j + 1):
            j += 2  # "Gen.", "Sen."
            last = j
        elif low in heads:
            j += 1
            last = j
        elif low in mods:
            j += 1
            if last > i and j - 1 > i and lows[j - 2] == "of":
                last = j
        elif low == "of" and last > i and j + 1 < n and (lows[j + 1] in mods):
            j += 1
        elif low == "-" and j > i and j + 1 < n and _tight(ctx, j):
            j += 1  # "Vice-President", "co-founder"
        else:
            break
    return last


def _name_run(ctx: _Context, i: int) -> int:
    """End token of a run of capitalized name tokens at ``i`` (``i`` if none)."""
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    n = len(toks)
    first = toks[i]
    if not (first[0].isupper() and (len(first) > 1 or first not in _NOT_CAPS)):  # _is_cap
        return i
    ends, text = ctx.ends, ctx.text
    given_names, title_heads, trie = lex.given_names, lex.title_heads, ctx.gaz.trie
    first_given = first in given_names
    j = i + 1
    joined_of = False
    while j < n and j - i < _MAX_RUN:
        tok = toks[j]
        gap = ends[j] - len(tok) - ends[j - 1]
        if gap > 1 or (gap == 1 and text[ends[j - 1]] == "\n"):
            break  # not one space apart, or across a line break
        if (
            tok == "-"
            and j + 1 < n
            and _tight(ctx, j)
            and toks[j + 1][0].isalpha()
            and (toks[j + 1][0].isupper() or j - 1 > i)
        ):
            j += 2  # "Udvar-Hazy", "Kim Jong-un"; not "Scientology-critic"
            continue
        if tok == "." and _abbrev_dot(ctx, j):
            j += 1  # "John F. Kennedy", "Acme Inc.", "St. Louis"
            continue
        if tok[0].isupper() and (len(tok) > 1 or tok not in _NOT_CAPS):  # _is_cap
            if not joined_of and not first_given and lows[j] in title_heads:
                break
            if tok in given_names and (joined_of or lows[j - 1] in lex.org_suffixes):
                break  # "University of Texas Arlington | Amneh Jafari"
            if not joined_of and tok in trie:
                hit = _gaz_match(ctx, j)
                if hit is not None and not (
                    hit[0] == j + 1 and (first_given or _is_city(ctx, hit[1]))
                ):
                    break  # a single-word city continues a name: "McDonnell Douglas"
            j += 1
        elif tok in lex.name_particles and j + 1 < n and _is_cap(toks[j + 1]):
            j += 1
        elif (
            lows[j] in _JOINERS
            and (lows[j - 1] in _join_heads() or (joined_of and lows[j] == "of"))
            and j + 1 < n
            and (
                _is_cap(toks[j + 1])
                or (lows[j + 1] == "the" and j + 2 < n and _is_cap(toks[j + 2]))
            )
        ):
            j += 2 if lows[j + 1] == "the" else 1
            joined_of = True
        elif lows[j] in lex.person_suffixes and toks[j - 1] != ",":
            j += 1
        else:
            break
    return j


_NOT_CAPS = ("I", "A")
"""Capital letters that are words of their own (see ``_is_cap``)."""


def _product_code(ctx: _Context, j: int) -> bool:
    """Token ``j`` is a model code after an organization's name (``Airbus A380``,
    ``Boeing 787``): the name is a product's, not a mention of the maker."""
    if j >= len(ctx.toks):
        return False
    tok = ctx.toks[j]
    if not any(map(str.isdigit, tok)):  # (the cheapest test first: most words have none)
        return False
    if "\n" in ctx.text[ctx.ends[j - 1] : ctx.ends[j] - len(tok)]:
        return False
    return tok[0].isalpha() or tok[-1].isalpha() or (tok.isdigit() and len(tok) == 3)


_PLACE_KINDS = (_STATE_KIND, _LOCATION_KIND)


def _scan(ctx: _Context) -> list[_Item]:
    toks, lows, lex = ctx.toks, ctx.lows, ctx.lex
    n = len(toks)
    items: list[_Item] = []
    heads_mods = lex.title_words
    trie = ctx.gaz.trie
    gaz_actors = ctx.gaz.actors
    body_trie = ctx.body_trie
    join_heads = _join_heads()
    honorific_words, title_dot_stems = lex.honorific_stems, lex.title_dot_stems
    ends = ctx.ends
    given_names, not_names = lex.given_names, lex.not_names
    title_heads = lex.title_heads
    plain_words = _plain_words()
    quick_skips = _quick_skips(lex, ctx.gaz)
    inert = _inert_followers(body_trie)
    stoppers = _run_stoppers(lex)
    pos = 0
    for i in ctx.candidates:
        if i < pos:
            continue
        tok = toks[i]
        quick = quick_skips.get(tok)
        if quick is not None:  # a function word or a title modifier: most start nothing
            node, followers = quick
            if followers is None:
                if node is None or i + 1 >= n or toks[i + 1] not in node:
                    continue  # no gazetteer name starts here ("the" before a plain word)
            elif i + 1 >= n or lows[i + 1] not in followers:
                continue  # "military" not followed by a title word
        low = lows[i]
        # 1. gazetteer: the longest match from the token trie, ending at token j
        hit: Entry | None = None
        j = i
        node = trie.get(tok)
        if node is not None:
            k = i + 1
            while True:
                entries = node.get(_END)
                if entries:
                    j = k
                    hit = entries[0]
                if k >= n:
                    break
                node = node.get(toks[k])
                if node is None:
                    break
                k += 1
            if hit is not None:
                nxt = toks[j] if j < n else None  # the token after the match
                if nxt is not None:
                    quiet = inert.get(nxt)
                    if quiet is None:
                        quiet = _remember_inert(inert, nxt, body_trie)
                    if quiet and hit.role != "ignore":
                        # the common case ("Russia ,", "North Korea and"): the token after
                        # the match starts none of the rules below, so the match is the item
                        # (a known person's match a name run: titles come from the text)
                        actor = gaz_actors.get(hit.actor_id)
                        if actor is None or actor.kind is not _PERSON_KIND:
                            items.append(_Item("gaz", i, j, hit, hit.actor_id))
                        else:
                            items.append(_Item("name", i, j, None, hit.actor_id, _PERSON))
                        pos = j
                        continue
                if nxt is not None and (
                    # "Vladimir Putin", "Jordan Peterson": a given name, not a place
                    (
                        j == i + 1
                        and tok in given_names
                        and nxt[0].isupper()
                        and (len(nxt) > 1 or nxt not in _NOT_CAPS)  # (_is_cap inline)
                        and nxt not in trie
                    )
                    # a currency: "US$", "HK$" (the "$" token has length 1)
                    or (nxt == "$" and ends[j] - 1 == ends[j - 1])
                ):
                    hit = None
        if hit is not None:
            entry = hit
            if entry.role == "ignore":
                pos = j  # a listed non-actor: an index, a currency, a time zone
                continue
            actor = gaz_actors.get(entry.actor_id)
            hit_kind = actor.kind if actor is not None else None
            if hit_kind is _ORG_KIND and _product_code(ctx, j):
                pos = j + 1  # "Airbus A380", "Boeing 787": a product, not the maker
                continue
            if (
                j + 1 < n
                and lows[j] in _JOINERS
                and lows[j - 1] in join_heads
                and _is_cap(toks[j + 1])
            ):
                # "the Gulf of Mexico" is not "the Gulf": the longer name is read as a name run
                start = i + 1 if low == "the" else i
                end = _name_run(ctx, start)
                if end > j:
                    items.append(_Item("name", start, end))
                    pos = end
                    continue
            if hit_kind is _PERSON_KIND:
                # a known person: titles come from the text
                items.append(_Item("name", i, j, None, entry.actor_id, _PERSON))
                pos = j
                continue
            item = _Item("gaz", i, j, entry, entry.actor_id)
            if (
                hit_kind is _ORG_KIND
                and nxt is not None
                and _is_cap(nxt)
                and ends[j] - len(nxt) == ends[j - 1] + 1
                and lows[j] not in heads_mods
                and nxt not in given_names
                and nxt not in trie
            ):
                end = _name_run(ctx, j)
                if end > j:  # "Boeing Commercial Airplanes", "Apple Computer"
                    items.append(_Item("name", i, end, None, None, _ORG))
                    pos = end
                    continue
            if actor is not None and (hit_kind is _STATE_KIND or hit_kind is _LOCATION_KIND):
                k = j + 1 if nxt is not None and nxt in _POSSESSIVE else j
                body = _body_match(ctx, k) if k < n and lows[k] in body_trie else None
                if body is not None and entry.role != "context" and _body_ends(ctx, body[0]):
                    state = actor.affiliation if hit_kind is _LOCATION_KIND else actor.id
                    if state is not None and state.startswith("state:"):
                        item = _Item("body", i, body[0], entry, _body_id(state, body[1]))
                        item.affiliation = state
                        items.append(item)
                        pos = body[0]
                        continue
                # (_is_cap inline)
                if nxt is not None and nxt[0].isupper() and (len(nxt) > 1 or nxt not in _NOT_CAPS):
                    end = _name_run(ctx, j)
                    if end > j and (
                        not lex.org_suffixes.isdisjoint(lows[j:end])  # (in C)
                        or _joined_institution(lows, j, end)
                        or lows[end - 1] in lex.place_suffixes
                    ):
                        place = lows[end - 1] in lex.place_suffixes
                        kind = _LOC if place and not _joined_institution(lows, j, end) else _ORG
                        items.append(_Item("name", i, end, None, None, kind))
                        pos = end
                        continue
            items.append(item)
            pos = j
            continue
        if low in plain_words:
            continue  # "the", "The", "In": a function word that starts nothing else
        if not tok[0].isupper():
            # a lowercase token starts only a title or honorific ("leader", "the" only
            # started a gazetteer name, tried above)
            if low not in heads_mods and low not in honorific_words and low not in title_dot_stems:
                continue
        # 2. a capitalized government body ("Ministry of Defense", "Foreign Ministry")
        elif low in body_trie:
            body = _body_match(ctx, i)
            if body is not None:
                end = body[0]
                state = None
                if end + 1 < n and lows[end] == "of":
                    after = _gaz_match(ctx, end + 1)
                    if after is not None:
                        actor = ctx.gaz.actors.get(after[1].actor_id)
                        if actor is not None and actor.kind is _STATE_KIND:
                            state = actor.id
                            end = after[0]
                if state is not None or (end - i >= 2 and _is_cap(toks[end - 1])):
                    item = _Item("body", i, end)
                    item.affiliation = state
                    # without a state, one id per kind of body: "Ministry of Defense" and
                    # "Defense Ministry" are both org:defense-ministry
                    item.actor_id = _body_id(state, body[1]) if state else "org:" + body[1]
                    items.append(item)
                    pos = end
                    continue
        # 3. honorifics and titles
        if low in honorific_words:
            end = i + 2 if _abbrev_dot(ctx, i + 1) else i + 1
            if end < n and _is_cap(toks[end]):
                items.append(_Item("honorific", i, end))
                pos = end
                continue
        if low in heads_mods or (low in title_dot_stems and _abbrev_dot(ctx, i + 1)):
            # a modifier alone ("military", "regional") starts no title unless a title word
            # follows (tested here first: most modifiers in news are plain adjectives)
            end = (
                i
                if low not in title_heads
                and low not in title_dot_stems
                and (
                    i + 1 >= n
                    or (
                        lows[i + 1] not in heads_mods
                        and lows[i + 1] not in title_dot_stems
                        and lows[i + 1] != "-"
                    )
                )
                else _title_match(ctx, i)
            )
            if end > i:
                items.append(_Item("title", i, end))
                pos = end
                continue
        # 4. capitalized names (never starting with "The", "In" ...)
        if (
            tok[0].isupper()
            and (len(tok) > 1 or tok not in _NOT_CAPS)  # _is_cap
            and tok[0].isalpha()
            and low not in not_names
        ):
            # (the next token must start a gazetteer name: tested here, the cheapest way)
            end = _word_before_state(ctx, i) if i + 1 < n and toks[i + 1] in trie else i
            if end > i:  # "Environment Canada", "Air France", "Team Estonia"
                item = _Item("name", i, end)
                item.type = _ORG
                items.append(item)
                pos = end
                continue
            if i + 1 < n:
                stop = stoppers.get(toks[i + 1])
                if stop is None:
                    stop = _remember_stopper(stoppers, toks[i + 1], lex)
                # ("Hindi and", "Lavrov’s": a word that ends any run after it, at once)
                end = i + 1 if stop else _name_run(ctx, i)
            else:
                end = i + 1  # (the text's last token: a run of its own, as _name_run gives)
            if end > i:
                items.append(_Item("name", i, end))
                pos = end
                continue
    return items


_INERT: OwnedCache[dict[str, bool]] = {}
_INERT_LIMIT = 8192
"""Most distinct tokens one follower memo holds (it is emptied when it grows past)."""


def _inert_followers(body_trie: Trie) -> dict[str, bool]:
    """The memo of :func:`_remember_inert` for ``body_trie`` (one per trie: the packaged
    one, in practice). Each entry is a pure function of one token, so the memo is kept
    across texts (bounded by ``_INERT_LIMIT``); a racing thread at worst computes an
    entry twice."""
    return _per_owners(_INERT, (body_trie,), dict)


def _remember_inert(memo: dict[str, bool], token: str, body_trie: Trie) -> bool:
    """Whether ``token``, right after a gazetteer match, starts none of the scan's rules
    that look past the match (and remember it in ``memo``): it is not capitalized (a given
    name's surname, a longer name, an organization's name run), not ``$`` (a currency),
    has no digit (a product code), is no possessive (a government body after it), and its
    lowercase is no joiner (``of``: a longer name) or government-body word. A token that
    lowercasing could change other than as ASCII (``\u212a``, Kelvin) is never taken, so
    the answer holds however the context lowercases its tokens."""
    if len(memo) >= _INERT_LIMIT:
        memo.clear()
    low = token.lower()
    quiet = (
        not token[0].isupper()
        and token != "$"
        and token not in _POSSESSIVE
        and not any(map(str.isdigit, token))
        and (token.isascii() or low == token == token.upper())
        and low not in _JOINERS
        and low not in body_trie
    )
    memo[token] = quiet
    return quiet


_STOPPERS: OwnedCache[dict[str, bool]] = {}


def _run_stoppers(lex: Lexicon) -> dict[str, bool]:
    """The memo of :func:`_remember_stopper` for ``lex`` (kept across texts: each entry is
    a pure function of one token; bounded by ``_INERT_LIMIT``)."""
    return _per_owners(_STOPPERS, (lex,), dict)


def _remember_stopper(memo: dict[str, bool], token: str, lex: Lexicon) -> bool:
    """Whether ``token``, right after a name's first word, ends the run there whatever
    follows (and remember it in ``memo``): :func:`_name_run` continues a run only through
    ``-``, ``.``, a capitalized word, a name particle, a joiner (``of``) or a person suffix
    (``Jr``), so any other token stops it at once. A token that lowercasing could change
    other than as ASCII is never taken (its lowercase form is the context's to give)."""
    if len(memo) >= _INERT_LIMIT:
        memo.clear()
    low = token.lower()
    stop = (
        token != "-"
        and token != "."
        and not (token[0].isupper() and (len(token) > 1 or token not in _NOT_CAPS))
        and token not in lex.name_particles
        and (token.isascii() or token in _POSSESSIVE or low == token == token.upper())
        and low not in _JOINERS
        and low not in lex.person_suffixes
    )
    memo[token] = stop
    return stop


_QuickSkip = tuple[Trie | None, frozenset[str] | None]
_QUICK_SKIPS: OwnedCache[dict[str, _QuickSkip]] = {}


def _quick_skips(lex: Lexicon, gaz: Gazetteer) -> dict[str, _QuickSkip]:
    """:func:`_build_quick_skips`, once per lexicon and gazetteer (:func:`_per_owners`;
    the dict is never changed once built)."""
    return _per_owners(_QUICK_SKIPS, (lex, gaz), lambda: _build_quick_skips(lex, gaz))


def _build_quick_skips(lex: Lexicon, gaz: Gazetteer) -> dict[str, _QuickSkip]:
    """Candidate tokens the scan can pass over after one look at the next token, as
    ``token -> (trie node, followers)``:

    - a plain word (``the``, ``The``, ``In``: see :func:`_plain_words`, in its lowercase,
      capitalized and upper-case spellings) that is no gazetteer name on its own: ``(its
      trie node or None, None)``; it starts something only when the next token continues
      a gazetteer name from it;
    - a lowercase title modifier alone (``military``, ``regional``: no title head,
      honorific, dotted stem or gazetteer name): ``(None, followers)``; it starts a title
      only when the next token's lowercase is a title word, a dotted stem or ``-``.

    Every other token takes the scan's full path; these give the same items, as the
    speedups tests check against the scan without them."""
    trie = gaz.trie
    skips: dict[str, _QuickSkip] = {}
    for word in _plain_words():
        for spelling in (word, word[:1].upper() + word[1:], word.upper()):
            node = trie.get(spelling)
            if spelling.lower() == word and not (node is not None and node.get(_END)):
                skips[spelling] = (node, None)
    followers = lex.title_words | lex.title_dot_stems | {"-"}
    for word in lex.title_modifiers:
        if (
            word.lower() == word
            and not word[:1].isupper()
            and word not in lex.title_heads
            and word not in lex.honorific_stems
            and word not in lex.title_dot_stems
            and word not in _plain_words()
            and word not in trie
        ):
            skips[word] = (None, followers)
    return skips


@functools.lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """Words that are never a name (``the``, ``in``) and start no government body,
    honorific or title: the scan passes over them once no gazetteer name starts there."""
    lex = lexicon()
    return (
        lex.not_names
        - frozenset(_body_trie())
        - lex.honorific_stems
        - lex.title_words
        - lex.title_dot_stems
    )


def _is_known_person(ctx: _Context, entry: Entry) -> bool:
    actor = ctx.gaz.actors.get(entry.actor_id)
    return actor is not None and actor.kind is _PERSON_KIND


_JOINERS = frozenset({"of", "for", "on"})


@functools.lru_cache(maxsize=1)
def _join_heads() -> frozenset[str]:
    lex = lexicon()
    return lex.org_heads_of | lex.org_suffixes | lex.place_suffixes


def _joined_kind(lows: list[str], i: int, j: int) -> str | None:
    """The type of a name joined by ``of``/``for``/``on`` after a head word: an institution
    (``Centre for Disease Control``, ``Bank of Japan``) or, ``of`` after a place word, a
    place (``Museum of Flight``, ``Gulf of Mexico``); None when the run has no such join."""
    for k in range(i + 1, j):
        # (the word lists are looked up only at a joiner: most runs have none)
        if lows[k] in _JOINERS and lows[k - 1] in _join_heads():
            return _LOC if lows[k] == "of" and lows[k - 1] in lexicon().place_suffixes else _ORG
    return None


def _joined_institution(lows: list[str], i: int, j: int) -> bool:
    """``Centre for Disease Control``, ``Council on Foreign Relations``: an institution word
    joined to its field or place."""
    return _joined_kind(lows, i, j) == _ORG


def _word_before_state(ctx: _Context, i: int) -> int:
    """End of ``<Word> <State>`` naming an organization (``Air France``, ``Environment
    Canada``), or ``i``. The word is no direction, title, given name or common word."""
    j = i + 1
    if j >= len(ctx.toks) or ctx.ends[j] - len(ctx.toks[j]) != ctx.ends[i] + 1:
        return i
    low = ctx.lows[i]
    lex = ctx.lex
    if (
        ctx.toks[j] not in ctx.gaz.trie  # the most selective test first
        or low in lex.compass_words
        or low in lex.title_heads
        or (low in ctx.words and low.islower())  # a common word here
        or ctx.toks[i] in lex.given_names
    ):
        return i
    hit = _gaz_match(ctx, j)
    if hit is None or hit[1].role != "name":
        return i
    actor = ctx.gaz.actors.get(hit[1].actor_id)
    if actor is None or actor.kind is not _STATE_KIND:
        return i
    return hit[0]


def _body_ends(ctx: _Context, j: int) -> bool:
    """A body phrase ends a noun phrase (``the Russian military said``), rather than
    modifying a noun (``Russian military drills``)."""
    if j >= len(ctx.toks):
        return True
    tok = ctx.toks[j]
    if not tok[0].isalpha() or not tok[0].islower() or _is_cap(ctx.toks[j - 1]):
        return True
    low = ctx.lows[j]
    lex = ctx.lex
    return low in lex.not_names or low in lex.speech_verbs or low in lex.title_heads


def _body_id(state: str, body_slug: str) -> str:
    return f"org:{state.split(':', 1)[1].lower()}-{body_slug}"
