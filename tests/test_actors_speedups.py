"""The actors stage's shortcuts give what the plain computations they replace give."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geobrief
import geobrief.actors._recognize as recognize_module
from geobrief import Actor, Article, ModelError
from geobrief._model import _article_is_consistent
from geobrief.actors import Gazetteer, recognize_actors
from geobrief.actors._build import _nested_places
from geobrief.actors._classify import _classify
from geobrief.actors._context import _MAX_OWNERS, OwnedCache, _Labels, _per_owners, _sentence_starts
from geobrief.actors._recognize import _context
from geobrief.actors._scan import _scan
from geobrief.actors._tokens import token_ends, token_pattern

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "examples" / "russia_north_korea_brief.txt"]
TEXTS += sorted((ROOT / "tests" / "fixtures").glob("**/*.txt"))

LINES = st.sampled_from(
    [
        "# Russia and North Korea",
        "## Background",
        "Summary",
        "Key points:",
        "- Moscow signed a treaty with Pyongyang.",
        "* The U.S. State Department said it was concerned.",
        "1. Foreign Minister Sergey Lavrov met Kim Jong Un.",
        "Q: What did Japan say?",
        "A: Tokyo protested. It called the drills a threat.",
        "FAQ",
        "| Country | Role |",
        "| Russia | supplier |",
        "The University of Texas and the UN Security Council met in Geneva. They talked.",
        "NATO said. Airbus A380 flew.",
        "",
        "   ",
    ]
)
BRIEFS = st.lists(LINES, min_size=1, max_size=25).map("\n".join)

STRUCTURED = geobrief.default_pipeline().without("actors").without("statements")
STRUCTURED = STRUCTURED.without("claims")


def structured(text: str) -> Article:
    return STRUCTURED.parse(text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_sentence_starts_match_article_sentences(path: Path) -> None:
    """The sentence-start set is the set of starts of ``Article.sentences()``."""
    article = structured(geobrief.read_text(path))
    expected = {s.start for s in article.sentences()}
    assert expected == _sentence_starts(article)


@settings(max_examples=80, deadline=None)
@given(BRIEFS)
def test_sentence_starts_match_on_generated_briefs(text: str) -> None:
    """Headings, lists, Q&A and tables: the same starts as ``Article.sentences()``."""
    article = structured(text)
    expected = {s.start for s in article.sentences()}
    assert expected == _sentence_starts(article)


WORDS = st.sampled_from(
    [
        "the",
        "The",
        "U.S.",
        "US",
        "Air",
        "Force",
        "University",
        "of",
        "Texas",
        "NATO",
        "UN",
        "Security",
        "Council",
        "New",
        "Zealand",
        "government",
        "Russian",
        "foreign",
        "ministry",
        "Ministry",
        "Defense",
        "Acme",
        "Inc.",
        "Police",
        "Department",
        "Irving",
        "said",
        ",",
        ".",
        "-",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40).map(" ".join))
def test_one_token_names_have_no_nested_places(text: str) -> None:
    """The build skips the nested-place search for one-token names: it finds none there,
    with or without ``leading_only``."""
    article = structured(text)
    ctx = _context(article, Gazetteer.default())
    assert ctx is not None
    items = _scan(ctx)
    _classify(ctx, items)
    for item in items:
        if item.j - item.i == 1:
            expected: list[object] = []
            assert expected == _nested_places(ctx, item)
            assert expected == _nested_places(ctx, item, leading_only=True)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(WORDS, st.sampled_from(["KCNA", "NATO", "ÉU", "中A", "ǅx", "Ab", "ab"])),
        min_size=1,
        max_size=40,
    ).map(" ".join),
    st.sampled_from(["KCNA", "Absent", "absent", "中A", "ÉU", "ǅx"]),
)
def test_token_counts_match_list_count(text: str, extra: str) -> None:
    """``count`` (capitalized tokens counted among the candidates only) agrees with
    ``list.count`` for every token of the text and for tokens it may lack."""
    ctx = _context(structured(text), Gazetteer.default())
    assert ctx is not None
    for token in [*sorted(set(ctx.toks)), extra]:
        assert ctx.toks.count(token) == ctx.count(token)


def _assert_checked_build_agrees(article: Article) -> None:
    result = recognize_actors(article)
    assert _article_is_consistent(result)  # the full check, not only what changed
    expected = attrs.evolve(article, actors=result.actors, mentions=result.mentions)
    assert expected == result


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_unchecked_build_passes_the_full_check(path: Path) -> None:
    """The stage builds its Article without the model's consistency check (valid by
    construction): the whole check passes on it, and the checked evolve gives the same."""
    _assert_checked_build_agrees(structured(geobrief.read_text(path)))


@settings(max_examples=80, deadline=None)
@given(st.one_of(BRIEFS, st.lists(WORDS, min_size=1, max_size=40).map(" ".join)))
def test_unchecked_build_passes_the_full_check_on_generated_text(text: str) -> None:
    """The same on generated briefs and word salads (nested places, bodies, teams)."""
    _assert_checked_build_agrees(structured(text))


def test_affiliation_chain_is_built_with_the_check() -> None:
    """A gazetteer whose affiliations chain past the actors of the text: the stage takes
    the checked evolve, which names the dangling affiliation (no inconsistent Article)."""
    acme = Actor(id="org:acme", kind="organization", name="Acme Corp", affiliation="org:beta")
    beta = Actor(id="org:beta", kind="organization", name="Beta Group", affiliation="state:FRA")
    gaz = Gazetteer.default().with_actors([acme, beta])
    article = structured("Acme Corp said on Monday that it would expand.")
    with pytest.raises(ModelError, match="state:FRA"):
        geobrief.actors.make_actor_stage(gaz)(article)


def _scanned(text: str) -> list[tuple[object, ...]]:
    ctx = _context(structured(text), Gazetteer.default())
    assert ctx is not None
    return [(it.kind, it.i, it.j, it.actor_id, it.type, it.affiliation) for it in _scan(ctx)]


SCAN_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "In",
        "This",
        "military",
        "regional",
        "security",
        "foreign",
        "minister",
        "Minister",
        "Deputy",
        "leader",
        "chief",
        "-",
        "Gen.",
        "Mr.",
        "Hague",
        "Gulf",
        "of",
        "Mexico",
        "Netherlands",
        "Russia",
        "Kim",
        "Jong",
        "Un",
        "said",
        ",",
        ".",
    ]
)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_quick_skips_change_no_item(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan's quick look at function words and lone title modifiers finds the items
    the full path finds."""
    text = geobrief.read_text(path)
    fast = _scanned(text)
    monkeypatch.setattr("geobrief.actors._scan._quick_skips", lambda lex, gaz: {})
    assert _scanned(text) == fast


@settings(max_examples=150, deadline=None)
@given(st.lists(SCAN_WORDS, min_size=1, max_size=30).map(" ".join))
def test_quick_skips_change_no_item_on_generated_text(text: str) -> None:
    """The same on word salads of function words, titles and gazetteer names."""
    import geobrief.actors._scan as scan

    fast = _scanned(text)
    quick = scan._quick_skips
    scan._quick_skips = lambda lex, gaz: {}  # type: ignore[assignment]
    try:
        full = _scanned(text)
    finally:
        scan._quick_skips = quick
    assert full == fast


def _merged_spans_as_first_written(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The label spans merged with a list of ``[lo, hi]`` pairs (the plain computation)."""
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [m[0] for m in merged], [m[1] for m in merged]


SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(SPANS)
def test_label_spans_merge_as_first_written(spans: list[tuple[int, int]]) -> None:
    """``_Labels`` merges overlapping and touching spans (empty ones too) into the same
    start and end lists as the plain merge over ``[lo, hi]`` pairs."""
    labels = _Labels(spans, [], [])
    assert _merged_spans_as_first_written(spans) == (labels.los, labels.ends)


TOKEN_AS_FIRST_WRITTEN = re.compile(
    r"\s*(?:"
    r"\w\w+(?:&\w+|['’](?![sS]\b)\w+|\.(?=\w\w)\w+)*"
    r"|(?:[^\W\d_]\.){2,}"
    r"|\w+(?:&\w+|['’](?![sS]\b)\w+|\.(?=\w\w)\w+)*"
    r"|['’][sS]\b"
    r"|\S"
    r"|\Z)"
)
"""The tokenizer regex with plain quantifiers and the acronym branch as first written."""

TOKEN_TEXT = st.text(
    alphabet=st.sampled_from("aAbsSU.K&'’-_,;()“”\"12éÉ中ΣK  \n\t\r\xa0\u2003\x85\x1c"),
    max_size=60,
) | st.lists(
    st.sampled_from(["U.S.", "D.P.R.K.", "e.g.", "3.14", "3.5", "AT&T", "O'Leary", "Kim’s", "’s"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(TOKEN_TEXT)
def test_token_regex_matches_as_first_written(text: str) -> None:
    """The tokenizer regex (possessive quantifiers, the acronym branch opening with a
    character class) gives the same matches as the plain pattern, and ``token_ends`` the
    plain end offsets and lstripped texts."""
    expected = TOKEN_AS_FIRST_WRITTEN.findall(text)
    assert expected == token_pattern().findall(text)
    while expected and (not expected[-1] or expected[-1].isspace()):
        expected.pop()
    ends = list(itertools.accumulate(map(len, expected)))
    assert (ends, [raw.lstrip() for raw in expected]) == token_ends(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "The", "said", "Kim", ",", "ǅx", "ℂ", "中"]), min_size=1),
    st.sampled_from([1, 3, 8, 10_000]),
    st.sampled_from([2, 5, 1 << 16]),
)
def test_candidates_picked_from_shared_indices(toks: list[str], table: int, most: int) -> None:
    """The candidate indices taken from the shared index list are those of ``range``, when
    the list is long enough, when it must grow, and past its largest size."""
    saved = recognize_module._INDICES, recognize_module._MAX_INDICES
    recognize_module._INDICES, recognize_module._MAX_INDICES = list(range(table)), most
    try:
        unique, starters = set(toks), frozenset({"the"})
        chosen = {t for t in unique if t[0].isupper()} | (unique & starters)
        expected = [k for k, t in enumerate(toks) if t in chosen]
        assert expected == recognize_module._candidates(toks, unique, starters)
        assert expected == recognize_module._candidates(toks, unique, starters)  # grown
    finally:
        recognize_module._INDICES, recognize_module._MAX_INDICES = saved


def test_per_owners_builds_once_per_owner_combination() -> None:
    """A value derived from the same owner objects is built once and shared; other
    owners, even equal ones, get their own; past the bound the cache starts over."""
    cache: OwnedCache[list[int]] = {}
    builds: list[int] = []

    def build() -> list[int]:
        builds.append(1)
        return []

    first, second = [0], [0]  # equal, but not the same object
    value = _per_owners(cache, (first,), build)
    assert value is _per_owners(cache, (first,), build)
    assert value is not _per_owners(cache, (second,), build)
    assert 2 == len(builds)
    owners = [[k] for k in range(_MAX_OWNERS + 2)]
    for owner in owners:
        _per_owners(cache, (owner,), build)
    assert len(cache) <= _MAX_OWNERS + 1
