"""Every real Wikinews article in ../shared/eval/news-articles/ parses as a plain
article with a title, no internal error, and valid spans (skips when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geobrief import Article, Layout, Pipeline, parse_file
from geobrief.structure import parse_structure

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "news-articles"
STRUCTURE_ONLY = Pipeline(stages=(("structure", parse_structure),), strict=True)


def _files() -> list[Path]:
    return sorted(NEWS.glob("*.txt")) if NEWS.is_dir() else []


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, Article]]:
    files = _files()
    if not files:
        pytest.skip(f"news articles not found: {NEWS}")
    return [(f.name, parse_file(f, pipeline=STRUCTURE_ONLY)) for f in files]


def test_plain_with_title(articles: list[tuple[str, Article]]) -> None:
    """Each article is plain, its title is its first line, and it has a lead."""
    problems = [
        name
        for name, a in articles
        if a.layout is not Layout.PLAIN
        or a.title is None
        or a.text_of(a.title) != a.text.split("\n", 1)[0].strip()
        or a.lead is None
    ]
    assert [] == problems


def test_no_internal_error_with_default_pipeline() -> None:
    """The full default pipeline records no internal error in the structure stage."""
    files = _files()
    if not files:
        pytest.skip(f"news articles not found: {NEWS}")
    problems = [
        (f.name, d.message)
        for f in files
        for d in parse_file(f).diagnostics
        if d.code == "internal-error" and "'structure'" in d.message
    ]
    assert [] == problems


def test_datelines(articles: list[tuple[str, Article]]) -> None:
    """Every article whose third line is a date has that line as its dated dateline,
    and the lead starts right after it."""
    checked = 0
    for name, a in articles:
        third = a.text.split("\n")[2]
        if not third.endswith(("2019", "2020")) or len(third) > 40:
            continue
        checked += 1
        assert (name, third) == (name, a.text_of(a.metadata.dateline))
        assert a.metadata.date is not None
        assert a.lead is not None
        assert a.metadata.dateline is not None
        assert a.text[a.metadata.dateline.end : a.lead.span.start].strip() == ""
    assert checked > 100


def test_one_untitled_section(articles: list[tuple[str, Article]]) -> None:
    """The body after the lead is one untitled section; its paragraphs never cross a
    blank line and together hold every non-blank character after the lead."""
    for name, a in articles:
        assert a.lead is not None
        body = a.text[a.lead.span.end :]
        if not body.strip():
            assert (name, ()) == (name, a.sections)
            continue
        assert (name, [None]) == (name, [s.heading for s in a.sections])
        paragraphs = [a.text_of(p) for p in a.sections[0].paragraphs]
        assert (name, []) == (name, [p for p in paragraphs if "\n\n" in p])
        assert (name, "".join(body.split())) == (name, "".join("".join(paragraphs).split()))


def test_spans_valid(articles: list[tuple[str, Article]]) -> None:
    """Every span is inside the text and trimmed of whitespace."""
    for name, a in articles:
        for path, span in a.iter_spans():
            text = a.text[span.start : span.end]
            assert (name, path, text) == (name, path, text.strip())
