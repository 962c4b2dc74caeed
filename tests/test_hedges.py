"""Hedge and negation cues, with their spans, from the lexicons in claims/data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geobrief import Span
from geobrief.claims import find_hedges, find_negation
from geobrief.claims._cues import scanned_hedges, scanned_negation
from geobrief.statements._frames import find_frames
from geobrief.statements._lexscan import scan_lexicons
from geobrief.statements._text import lowercase, tokenize


def hedges(text: str) -> list[tuple[str, str]]:
    return [
        (h.cue, text[h.span.start : h.span.end])
        for h in find_hedges(text, Span(start=0, end=len(text)))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops may cross the river.", [("may", "may")]),
        ("The vote might be delayed.", [("might", "might")]),
        ("Sanctions could follow.", [("could", "could")]),
        ("A deal is likely by June.", [("likely", "likely")]),
        ("A deal is unlikely.", [("unlikely", "unlikely")]),
        ("The envoy reportedly left Kyiv.", [("reportedly", "reportedly")]),
        ("The ship allegedly carried arms.", [("allegedly", "allegedly")]),
        ("The talks appear to have stalled.", [("appear to", "appear to")]),
        ("The leaders seem to agree.", [("seem to", "seem to")]),
        ("He is believed to be in Minsk.", [("be believed to", "is believed to")]),
        ("The bill is expected to pass.", [("be expected to", "is expected")]),
        ("Perhaps the border will open.", [("perhaps", "Perhaps")]),
        ("Figures suggest a slowdown.", [("suggest", "suggest")]),
        ("The potentially decisive vote is today.", [("potentially", "potentially")]),
    ],
)
def test_hedge_cues(text: str, expected: list[tuple[str, str]]) -> None:
    """Each hedge of the lexicon is found with its lemma and exact span."""
    assert expected == hedges(text)


def test_plain_assertion_has_no_hedge() -> None:
    """A flat statement of fact carries no hedge."""
    assert [] == hedges("The army crossed the river on Monday.")


def test_may_the_month_is_not_a_hedge() -> None:
    """Capitalized `May` inside a sentence is the month; at the start it is the verb."""
    assert [] == hedges("The summit was held in May 2024.")
    assert [("may", "May")] == hedges("May the talks succeed.")


def test_several_hedges_in_order() -> None:
    """Every hedge is listed, in text order."""
    assert ["possibly", "could"] == [c for c, _ in hedges("Possibly the deal could collapse.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The alliance should not include hostile states.", "not"),
        ("The army didn't cross the river.", "n't"),
        ("The envoy never arrived.", "never"),
        ("No agreement was reached.", "No"),
        ("Neither side moved.", "Neither"),
        ("The minister denied the report.", "denied"),
    ],
)
def test_negation(text: str, expected: str) -> None:
    """The first negation cue is found with its span."""
    span = find_negation(text, Span(start=0, end=len(text)))
    assert span is not None
    assert expected == text[span.start : span.end]


@pytest.mark.parametrize(
    "text",
    [
        "The partnership is rooted not just in trade but also in security.",
        "The meeting aimed not only to talk but to act.",
        "The army crossed the river.",
        "There is no doubt the vote will pass.",
    ],
)
def test_not_negation(text: str) -> None:
    """`not only/just ... but` and `no doubt` do not negate the claim."""
    assert None is find_negation(text, Span(start=0, end=len(text)))


# The article-wide lexicon scan must answer exactly as matching a span's own tokens.

_PIECES = (
    "may",
    "May",
    "might",
    "more likely",
    "likely",
    "is expected",
    "expected to",
    "is believed to",
    "not",
    "not only",
    "only",
    "no",
    "no longer",
    "never",
    "don't",
    "can’t",
    "n't",
    "so-called",
    "said",
    "according to",
    "United States",
    "in the words of",
    "denied",
    "Suggests",
    "approximately",
    "an estimated",
    "well-known",
    "the",
    "talks",
    "U.S.",
    ",",
    ".",
    "“",
    "”",
    "’",
    "-",
    "\n",
    "  ",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=200),
)
def test_lexicon_scan_matches_token_matching(pieces: list[str], a: int, b: int) -> None:
    """Hedges and the first negation of any span (cut at token edges, where spans
    are cut), answered from the one-pass scan, equal those found by matching the
    span's own tokens."""
    text = " ".join(pieces)
    edges = sorted(
        {0, len(text), *(t.start for t in tokenize(text)), *(t.end for t in tokenize(text))}
    )
    start, end = sorted((edges[a % len(edges)], edges[b % len(edges)]))
    span = Span(start=start, end=end)
    scan = scan_lexicons(text)
    assert find_hedges(text, span, 0) == scanned_hedges(text, scan, span, 0)
    assert find_negation(text, span) == scanned_negation(text, scan, span)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_lexicon_scan_cue_filter_keeps_every_frame(pieces: list[str]) -> None:
    """A sentence the scan reports without a frame-opening cue has no frame."""
    text = " ".join(pieces)
    scan = scan_lexicons(text)
    if not scan.has_cue(0, len(text)):
        tokens = tokenize(text)
        assert [] == find_frames(tokens, lowercase(tokens))
