"""Inputs that must not crash or hang the statement and claim stages.

Speed itself is measured by benchmarks/speed_attribution.py; the timeouts
here only guard against a hang.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geobrief import Pipeline, parse
from geobrief.claims import extract_claims
from geobrief.statements import extract_statements, scan_quotes
from geobrief.statements._quotes import _ALL_MARKS

MARKS = "".join(sorted(_ALL_MARKS))
STAGES = Pipeline(
    stages=(("statements", extract_statements), ("claims", extract_claims)), strict=True
)


def check(text: str) -> None:
    article = STAGES.parse(text)
    for _, span in article.iter_spans():
        assert 0 <= span.start <= span.end <= len(article.text)
    for statement in article.statements:
        assert article.text_of(statement.content_span).strip()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "“" * 5000,
        "”" * 5000,
        '"' * 5001,
        "'" * 5000,
        "‘’" * 3000,
        ("He said “no. " * 2000),
        ('"a," said he. ' * 1500),
        ("x “\n" * 3000),
        ("“\n" * 3000),
        ("“a\n\n" * 2000),
        ("said " * 4000),
        (", " * 4000 + "said"),
        ("According to according to " * 1000),
        ("Mr. " * 3000),
        ("If Smith said that " * 3000),
        ("Smith said on Monday last week earlier this year " * 800 + "that it failed."),
        ('Smith said that the plan was "very bad" and ' * 800),
        ("The man who said ) ( who ) said " * 800),
        ("\n" * 5000),
        (" " * 5000),
        "",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_pathological_inputs(text: str) -> None:
    """Thousands of unmatched marks, cues or abbreviations parse without error."""
    check(text)


def test_unmatched_marks_each_get_a_diagnostic() -> None:
    """Every unbalanced opening mark in its own paragraph is reported once."""
    text = "\n".join(f"Line {i} opens “ and never closes" for i in range(500))
    scan = scan_quotes(text)
    assert (0, 500) == (len(scan.quotes), len(scan.diagnostics))


def test_every_mark_style_pairs_with_itself_or_its_partner() -> None:
    """Each opening style pairs with its usual closing mark."""
    pairs = ["“”", "„“", "«»", "»«", "‘’", "‹›", "「」", "『』", '""', "''", "〝〞"]
    for pair in pairs:
        text = f"He said {pair[0]}we stay here{pair[1]} today."
        scan = scan_quotes(text)
        assert ["we stay here"] == [text[q.content.start : q.content.end] for q in scan.quotes], (
            pair
        )


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=MARKS + "ab ,.:\n—-", max_size=300))
def test_random_marks_never_crash(text: str) -> None:
    """Random mixtures of quote marks, words and line breaks always parse."""
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_random_text_through_full_parse(text: str) -> None:
    """Any text parses with the default pipeline, with valid spans."""
    article = parse(text)
    for _, span in article.iter_spans():
        assert span.end <= len(article.text)
