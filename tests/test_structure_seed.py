"""The canonical brief's structure equals the structure in its gold annotation.

The brief ships as examples/russia_north_korea_brief.txt and its gold file as
tests/fixtures/seed/ (a copy of ../shared/seeds/, checked by
tests/test_seed_fixture.py). Every expected string comes from the gold file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geobrief import Article, Layout, Pipeline, parse_file
from geobrief.structure import parse_structure

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "russia_north_korea_brief.txt"
GOLD = REPO / "tests" / "fixtures" / "seed" / "russia_north_korea_brief.gold.json"
STRUCTURE_ONLY = Pipeline(stages=(("structure", parse_structure),), strict=True)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not GOLD.exists():
        pytest.skip(f"gold file not found: {GOLD}")
    structure: dict[str, Any] = json.loads(GOLD.read_text("utf-8"))["structure"]
    return structure


@pytest.fixture(scope="module")
def article() -> Article:
    return parse_file(SEED, pipeline=STRUCTURE_ONLY)


def test_layout_and_title(article: Article, gold: dict[str, Any]) -> None:
    """The seed is a brief; its title is what the gold says (none)."""
    assert Layout.BRIEF == article.layout
    assert gold["title"] == (article.text_of(article.title) if article.title else None)


def test_lead(article: Article, gold: dict[str, Any]) -> None:
    """The lead is the first line and starts as the gold says."""
    assert article.lead is not None
    lead = article.text_of(article.lead)
    assert lead.startswith(gold["lead_starts"])
    assert article.text.split("\n", 1)[0] == lead


def test_outline(article: Article, gold: dict[str, Any]) -> None:
    """The outline entries, without numbering or pipes, numbered 1..5, each linked
    to the section with the same heading."""
    assert gold["outline"] == [article.text_of(o.span) for o in article.outline]
    assert list(range(1, len(gold["outline"]) + 1)) == [o.number for o in article.outline]
    assert list(range(len(gold["outline"]))) == [o.section for o in article.outline]


def test_sections(article: Article, gold: dict[str, Any]) -> None:
    """Section headings and paragraph counts equal the gold (the split quote in the
    second section stays in one paragraph)."""
    expected = [(s["heading"], s["paragraphs"]) for s in gold["sections"]]
    actual = [
        (article.text_of(s.heading) if s.heading else None, len(s.paragraphs))
        for s in article.sections
    ]
    assert expected == actual
    assert [1] * len(gold["sections"]) == [s.level for s in article.sections]


def test_quote_over_lines_is_one_paragraph(article: Article) -> None:
    """The paragraph with the quotation split over three lines holds all three lines."""
    paragraph = article.sections[1].paragraphs[1]
    text = article.text_of(paragraph)
    assert text.startswith("Lavrov’s statement also served as a warning to the West: “\nWe warn")
    assert "Russia.\n” This sentiment" in text


def test_key_points(article: Article, gold: dict[str, Any]) -> None:
    """Key points are the table's text cells, numbered 1..5, one sentence each."""
    assert gold["key_points"] == [article.text_of(k.span) for k in article.key_points]
    assert list(range(1, 6)) == [k.number for k in article.key_points]
    assert [[k.span] for k in article.key_points] == [list(k.sentences) for k in article.key_points]


def test_summary(article: Article, gold: dict[str, Any]) -> None:
    """One summary paragraph that starts as the gold says."""
    assert 1 == len(article.summary)
    assert article.text_of(article.summary[0]).startswith(gold["summary_starts"])


def test_faq(article: Article, gold: dict[str, Any]) -> None:
    """FAQ questions without the label, each with a one-paragraph answer as the gold says."""
    assert len(gold["faq"]) == len(article.faq)
    expected = [(f["question"], True) for f in gold["faq"]]
    actual = [
        (
            article.text_of(f.question),
            len(f.answer) == 1 and article.text_of(f.answer[0]).startswith(g["answer_starts"]),
        )
        for f, g in zip(article.faq, gold["faq"], strict=True)
    ]
    assert expected == actual


def test_no_diagnostics_and_no_dateline(article: Article) -> None:
    """The seed parses cleanly; it has no dateline."""
    assert () == article.diagnostics
    assert None is article.metadata.dateline


def test_sentences_keep_abbreviations(article: Article) -> None:
    """No sentence of the seed ends right after "U.S." (it is never sentence-final there)."""
    ends = [article.text_of(s)[-5:] for s in article.sentences()]
    assert [] == [e for e in ends if e.endswith("U.S.")]
    assert all(article.text_of(s)[-1] in ".?”" for s in article.sentences())
