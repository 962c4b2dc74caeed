"""Shortcuts of the actors scan, classify, link and build steps give what the plain
computations they replace give."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import geobrief
import geobrief.actors._link as link
import geobrief.actors._scan as scan
from geobrief import Actor, ActorKind, Article, ModelError
from geobrief.actors import Gazetteer
from geobrief.actors._build import _new_actor
from geobrief.actors._classify import _classify, _followed_by_place, _weak_type
from geobrief.actors._context import _LOC, _STRONG_LOCATIVES, _body_trie
from geobrief.actors._lexicon import lexicon
from geobrief.actors._recognize import _context

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "examples" / "russia_north_korea_brief.txt"]
TEXTS += sorted((ROOT / "tests" / "fixtures").glob("**/*.txt"))

STRUCTURED = geobrief.default_pipeline().without("actors").without("statements")
STRUCTURED = STRUCTURED.without("claims")


def structured(text: str) -> Article:
    return STRUCTURED.parse(text)


def _scanned(text: str) -> list[tuple[object, ...]]:
    ctx = _context(structured(text), Gazetteer.default())
    if ctx is None:
        return []
    return [
        (it.kind, it.i, it.j, it.entry, it.actor_id, it.type, it.affiliation)
        for it in scan._scan(ctx)
    ]


@contextmanager
def _without_inert_followers() -> Iterator[None]:
    """The scan with every gazetteer match taking the full path (no follower is inert)."""
    followers, remember = scan._inert_followers, scan._remember_inert
    scan._inert_followers = lambda body_trie: {}  # type: ignore[assignment]
    scan._remember_inert = lambda memo, token, body_trie: False  # type: ignore[assignment]
    try:
        yield
    finally:
        scan._inert_followers, scan._remember_inert = followers, remember


FOLLOWERS = [
    ",",
    ".",
    "and",
    "said",
    "’s",
    "'s",
    "$",
    "US$",
    "of",
    "Of",
    "for",
    "on",
    "ministry",
    "Ministry",
    "foreign",
    "military",
    "A380",
    "787",
    "Putin",
    "Peterson",
    "Air",
    "Force",
    "Commercial",
    "Airplanes",
    "University",
    "\u212aey",  # a Kelvin sign: lowercases to an ASCII letter
    "—",
    "“",
    "(",
]
NAMES = [
    "Russia",
    "North",
    "Korea",
    "Korean",
    "Russian",
    "the",
    "United",
    "States",
    "U.S.",
    "Boeing",
    "Airbus",
    "Jordan",
    "Vladimir",
    "Moscow",
    "Texas",
    "Gulf",
    "Mexico",
    "FTSE",
    "100",
    "HK",
    "NATO",
    "UN",
    "Apple",
    "Computer",
    "United",
    "Kingdom",
    "Great",
    "Britain",
    "Northern",
    "Ireland",
    "Czech",
    "Republic",
]
SALAD = st.lists(st.sampled_from(FOLLOWERS + NAMES), min_size=1, max_size=30)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_inert_followers_change_no_item(path: Path) -> None:
    """A gazetteer match followed by an inert token (``Russia ,``) taken at once gives the
    items the full path gives."""
    text = geobrief.read_text(path)
    fast = _scanned(text)
    with _without_inert_followers():
        full = _scanned(text)
    assert full == fast


@settings(max_examples=200, deadline=None)
@given(SALAD, st.sampled_from([" ", "", "\n"]))
@example(["Russia", "'s", "military", "said"], " ")
@example(["the", "United", "Kingdom", "of", "Great", "Britain"], " ")
@example(["Boeing", "787"], " ")
@example(["HK", "$"], "")
def test_inert_followers_change_no_item_on_generated_text(words: list[str], sep: str) -> None:
    """The same on word salads of gazetteer names and the tokens that can follow them
    (possessives, currencies, product codes, joiners, body words, capitalized words), with
    and without spaces between them."""
    text = sep.join(words) if sep else " ".join(words).replace(" $", "$")
    fast = _scanned(text)
    with _without_inert_followers():
        full = _scanned(text)
    assert full == fast


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (",", True),
        ("and", True),
        ("—", True),
        ("“", True),
        ("Putin", False),
        ("$", False),
        ("'s", False),
        ("’s", False),
        ("A380", False),
        ("787", False),
        ("of", False),
        ("for", False),
        ("ministry", False),
        ("military", False),
        ("\u212aey", False),
        ("école", False),
    ],
)
def test_remember_inert(token: str, expected: bool) -> None:
    """Which followers are inert, and the answer is remembered."""
    memo: dict[str, bool] = {}
    assert expected == scan._remember_inert(memo, token, _body_trie())
    assert {token: expected} == memo


def test_inert_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The follower memo is emptied when it reaches its limit."""
    monkeypatch.setattr(scan, "_INERT_LIMIT", 3)
    memo: dict[str, bool] = {}
    for token in ["a", "b", "c", "d"]:
        scan._remember_inert(memo, token, _body_trie())
    assert {"d": True} == memo


ACTOR_FIELDS = st.fixed_dictionaries(
    {
        "id": st.sampled_from(
            ["person:andrei-rudenko", "org:rus-foreign-ministry", "loc:x", "person:", "a b", "x"]
        ),
        "kind": st.sampled_from([ActorKind.PERSON, ActorKind.ORGANIZATION, "location"]),
        "name": st.sampled_from(["Andrei Rudenko", "Russian foreign ministry"]),
        "aliases": st.sampled_from([(), ("Rudenko",), ["Rudenko"]]),
        "titles": st.sampled_from([(), ("Deputy Foreign Minister",), ["Minister"]]),
        "affiliation": st.sampled_from([None, "state:RUS", "state RUS", "state:"]),
        "iso3": st.sampled_from([None, "RUS"]),
        "wikidata": st.sampled_from([None, "Q159"]),
    }
)


@settings(max_examples=200, deadline=None)
@given(ACTOR_FIELDS)
def test_new_actor_is_the_checked_actor(fields: dict[str, object]) -> None:
    """A draft's Actor built slot by slot equals ``Actor(**fields)``, and fields the
    checked constructor rejects are still rejected."""
    try:
        expected = Actor(**fields)  # type: ignore[arg-type]
    except ModelError:
        with pytest.raises(ModelError):
            _new_actor(dict(fields))
        return
    actual = _new_actor(dict(fields))
    assert expected == actual
    assert [type(getattr(expected, f)) for f in fields] == [
        type(getattr(actual, f)) for f in fields
    ]


def _linked(text: str) -> tuple[object, ...]:
    ctx = _context(structured(text), Gazetteer.default())
    if ctx is None:
        return ()
    items = scan._scan(ctx)
    _classify(ctx, items)
    persons = link._link(ctx, items)
    linked = [(it.kind, it.i, it.j, it.entry, it.actor_id, it.type) for it in items]
    people = {pid: (p.name, p.tokens, p.titles, p.affiliation) for pid, p in persons.items()}
    return (linked, people)


@contextmanager
def _always_surname_places() -> Iterator[None]:
    """Link with the pass over gazetteer items always made."""
    surname_places = link._surname_places
    link._surname_places = lambda ctx, last_tok: True  # type: ignore[assignment]
    try:
        yield
    finally:
        link._surname_places = surname_places


PEOPLE = st.sampled_from(
    [
        "Valeska Paris said it.",
        "Paris agreed.",
        "Sergey Lavrov met Lavrov.",
        "Vladimir Putin spoke in Moscow.",
        "Putin replied.",
        "Jordan Henderson played.",
        "Henderson scored in Jordan.",
        "Anna Chad and Chad met.",
        "Chad said so.",
        "Mary Georgia spoke. Georgia protested.",
        "John Boeing and Boeing said.",
        "Alex Nato and Nato met.",
        "Russia and North Korea signed.",
    ]
)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_surname_places_skip_changes_nothing(path: Path) -> None:
    """Skipping the pass that links one-token gazetteer items to persons' surnames when
    no surname can be one gives the links the pass gives."""
    text = geobrief.read_text(path)
    fast = _linked(text)
    with _always_surname_places():
        full = _linked(text)
    assert full == fast


@settings(max_examples=150, deadline=None)
@given(st.lists(PEOPLE, min_size=1, max_size=8).map(" ".join))
def test_surname_places_skip_changes_nothing_on_generated_text(text: str) -> None:
    """The same on sentences naming persons whose surnames are places, states,
    organizations or known persons' names."""
    fast = _linked(text)
    with _always_surname_places():
        full = _linked(text)
    assert full == fast


def _one_word_runs_agree(text: str) -> None:
    ctx = _context(structured(text), Gazetteer.default())
    if ctx is None:
        return
    particles = ctx.lex.name_particles
    for k, word in enumerate(ctx.toks):
        if word.isalpha():
            run_text = ctx.text[ctx.ends[k] - len(word) : ctx.ends[k]]
            split = run_text.split()
            words = (
                tuple(split)
                if particles.isdisjoint(split)
                else link._run_words(run_text, particles)
            )
            assert (run_text, words) == (word, (word,))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_one_word_runs_are_their_token(path: Path) -> None:
    """Link takes a name run of one alphabetic token as its own text and only word: what
    slicing the text and splitting it into words (without particles) gives."""
    _one_word_runs_agree(geobrief.read_text(path))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Kim", "de", "van", "Ångström", "ǅemal", "Ⅻ", "x\u00a0y", "Al", "bin"]),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([" ", "\u2003", "\n", " \u00a0"]),
)
def test_one_word_runs_are_their_token_on_generated_text(words: list[str], sep: str) -> None:
    """The same with name particles, non-ASCII letters and other spaces."""
    _one_word_runs_agree(sep.join(words))


def _one_token_weak_types_agree(text: str) -> None:
    ctx = _context(structured(text), Gazetteer.default())
    if ctx is None:
        return
    items = scan._scan(ctx)
    _classify(ctx, items)
    for k, item in enumerate(items):
        if item.j - item.i != 1 or (item.i >= 1 and ctx.lows[item.i - 1] in _STRONG_LOCATIVES):
            continue
        shortcut = _LOC if _followed_by_place(ctx, items, k) else None
        assert _weak_type(ctx, items, k) == shortcut


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_one_token_weak_type(path: Path) -> None:
    """For a one-token run that no locative precedes, link's shortcut gives what
    ``_weak_type`` gives: a place before a comma and a known place, else nothing."""
    _one_token_weak_types_agree(geobrief.read_text(path))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kirovsk",
                "Polaroids",
                "Polaroid",
                "Warhol",
                "de",
                "Andy",
                "Kim",
                ",",
                "Russia",
                "Texas",
                "in",
                "the",
                "said",
                ".",
                "Smith",
            ]
        ),
        min_size=1,
        max_size=20,
    ).map(" ".join)
)
def test_one_token_weak_type_on_generated_text(text: str) -> None:
    """The same with plurals of words used in the text, particles and places."""
    _one_token_weak_types_agree(text)


@contextmanager
def _without_run_stoppers() -> Iterator[None]:
    """The scan with every capitalized word's run found by ``_name_run``."""
    stoppers, remember = scan._run_stoppers, scan._remember_stopper
    scan._run_stoppers = lambda lex: {}  # type: ignore[assignment]
    scan._remember_stopper = lambda memo, token, lex: False  # type: ignore[assignment]
    try:
        yield
    finally:
        scan._run_stoppers, scan._remember_stopper = stoppers, remember


RUN_WORDS = st.sampled_from(
    [
        "Hindi",
        "Akram",
        "Pasha",
        "Jaya",
        "John",
        "F",
        ".",
        "Kennedy",
        "Udvar",
        "-",
        "Hazy",
        "de",
        "van",
        "bin",
        "Gaulle",
        "Jr",
        "jr",
        "III",
        "of",
        "Of",
        "for",
        "University",
        "Bank",
        "Japan",
        "the",
        "and",
        ",",
        "’s",
        "I",
        "A",
        "a",
        "said",
        "\u212aelvin",
        "école",
        "Minister",
    ]
)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_run_stoppers_change_no_item(path: Path) -> None:
    """A name's first word followed by a word that stops any run (``Hindi and``) taken
    alone at once gives the items ``_name_run`` gives."""
    text = geobrief.read_text(path)
    fast = _scanned(text)
    with _without_run_stoppers():
        full = _scanned(text)
    assert full == fast


@settings(max_examples=200, deadline=None)
@given(st.lists(RUN_WORDS, min_size=1, max_size=25), st.sampled_from([" ", "\n", "  "]))
@example(["John", "F", ".", "Kennedy", "said"], " ")
@example(["Charles", "de", "Gaulle", "and", "Martin", "Luther", "King", "Jr"], " ")
@example(["University", "of", "Texas"], " ")
def test_run_stoppers_change_no_item_on_generated_text(words: list[str], sep: str) -> None:
    """The same on word salads of names, particles, joiners, person suffixes, hyphens and
    initials."""
    text = sep.join(words)
    fast = _scanned(text)
    with _without_run_stoppers():
        full = _scanned(text)
    assert full == fast


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("and", True),
        (",", True),
        ("’s", True),
        ("said", True),
        ("Pasha", False),
        ("-", False),
        (".", False),
        ("de", False),
        ("of", False),
        ("Of", False),
        ("jr", False),
        ("I", True),
        ("a", True),
        ("\u212aelvin", False),
        ("école", False),
    ],
)
def test_remember_stopper(token: str, expected: bool) -> None:
    """Which tokens stop a name run, and the answer is remembered."""
    memo: dict[str, bool] = {}
    assert expected == scan._remember_stopper(memo, token, lexicon())
    assert {token: expected} == memo
