"""The structure of each fixture in tests/fixtures/structure/ matches its expected JSON.

Each ``<name>.txt`` has a ``<name>.expected.json`` written from a reviewed parse:
every title, heading, paragraph (as its sentences), key point, question and
dateline is given as the exact text its span covers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geobrief import Article, Paragraph, Pipeline, parse_file
from geobrief.structure import parse_structure

FIXTURES = Path(__file__).parent / "fixtures" / "structure"
NAMES = sorted(p.name.removesuffix(".txt") for p in FIXTURES.glob("*.txt"))
STRUCTURE_ONLY = Pipeline(stages=(("structure", parse_structure),), strict=True)


def digest(article: Article) -> dict[str, Any]:
    """The article's structure as plain data, every span replaced by its text."""
    text = article.text_of

    def paragraph(p: Paragraph) -> list[str]:
        return [text(s) for s in p.sentences]

    md = article.metadata
    return {
        "layout": article.layout.value,
        "title": text(article.title) if article.title else None,
        "metadata": {
            "dateline": text(md.dateline) if md.dateline else None,
            "place": md.place,
            "agency": md.agency,
            "date": md.date.isoformat() if md.date else None,
        },
        "lead": paragraph(article.lead) if article.lead else None,
        "outline": [
            {"number": o.number, "text": text(o.span), "section": o.section}
            for o in article.outline
        ],
        "sections": [
            {
                "heading": text(s.heading) if s.heading else None,
                "level": s.level,
                "paragraphs": [paragraph(p) for p in s.paragraphs],
            }
            for s in article.sections
        ],
        "key_points": [
            {"number": k.number, "text": text(k.span), "sentences": [text(s) for s in k.sentences]}
            for k in article.key_points
        ],
        "summary": [paragraph(p) for p in article.summary],
        "faq": [
            {"question": text(f.question), "answer": [paragraph(p) for p in f.answer]}
            for f in article.faq
        ],
        "diagnostics": [d.code for d in article.diagnostics],
    }


def test_there_are_enough_fixtures() -> None:
    """At least five fixtures, each with its expected structure."""
    assert len(NAMES) >= 5
    assert [] == [n for n in NAMES if not (FIXTURES / f"{n}.expected.json").exists()]


@pytest.mark.parametrize("name", NAMES)
def test_fixture_structure(name: str) -> None:
    """The parsed structure equals the reviewed expectation exactly."""
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    article = parse_file(FIXTURES / f"{name}.txt", pipeline=STRUCTURE_ONLY)
    assert expected == digest(article)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_paragraph_text_is_its_sentences(name: str) -> None:
    """Each paragraph's span runs from its first sentence's start to its last one's end."""
    article = parse_file(FIXTURES / f"{name}.txt", pipeline=STRUCTURE_ONLY)
    for p in article.paragraphs():
        assert (p.span.start, p.span.end) == (p.sentences[0].start, p.sentences[-1].end)


def test_crlf_fixture_really_has_crlf_and_nbsp() -> None:
    """The CRLF fixture is stored byte for byte (no line-ending conversion)."""
    data = (FIXTURES / "crlf_nbsp_brief.txt").read_bytes()
    assert b"\r\n" in data
    assert "\u00a0".encode() in data
    assert b"   \r\n" in data


if (
    __name__ == "__main__"
):  # regenerate after a reviewed change: python tests/test_structure_fixtures.py
    for fixture in NAMES:
        parsed = parse_file(FIXTURES / f"{fixture}.txt", pipeline=STRUCTURE_ONLY)
        out = json.dumps(digest(parsed), ensure_ascii=False, indent=1) + "\n"
        (FIXTURES / f"{fixture}.expected.json").write_text(out, "utf-8")
