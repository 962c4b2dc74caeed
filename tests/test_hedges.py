"""Hedge and negation cues, with their spans, from the lexicons in claims/data."""

from __future__ import annotations

import pytest

from geobrief import Span
from geobrief.claims import find_hedges, find_negation


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
