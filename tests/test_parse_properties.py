"""Property tests: any text parses (structure stage, strict) to an Article whose
spans are valid, trimmed and properly nested."""

from __future__ import annotations

import itertools
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geobrief import Article, Pipeline, Span
from geobrief.structure import parse_structure

_MARKS = re.compile(r"#{1,6}\s+[*_]*")
STRUCTURE_ONLY = Pipeline(stages=(("structure", parse_structure),), strict=True)

FRAGMENTS = [
    "Article Subheadings |", "---|", "|:---|---:|", ":--|:--", "1) Context of the talks |",
    "Context of the talks", "# Title", "## Heading", "### Sub heading", "#", "##",
    "No. | Key Points |", "1 | The talks ended. |", "2 | x |", "a | b", "| c |", "|", "\\|",
    "Key Points", "Key Points:", "Summary", "**Summary**", "Frequently Asked Questions", "FAQ",
    "Question: Why?", "Q: What?", "Q1: Who?", "A: Because.", "Answer:", "Answer: Yes.",
    "“", "”", '"', "‘", "’", "«", "»", "We warn you.", "He said: “", "” This is new.",
    "- item", "* item", "• item", "1. item", "2) item", "---", "***", "===",
    "GENEVA (Reuters) — ", "KYIV, Ukraine (AP) -", "Friday, January 4, 2019", "2019-02-30",
    "Dr. Smith met the U.S. envoy.", "John F. Kennedy", "No. 5", "e.g.", "[...]", "...",
    "((WN))  How?", "((Name))  Fine.", "The talks ended. Both sides left.", "A short line",
    "\u00a0", "\t", " ", "  ", "\n", "\n", "\n", "\r\n", "\r", "\ufeff", "?", ".", "",
]  # fmt: skip

brief_like = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
line_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("\n".join)
any_text = st.text(max_size=300)
pipe_heavy = st.text(alphabet=st.sampled_from(list('|-: a1.\n#“”"?QA')), max_size=300)


def _structure_spans(article: Article) -> list[tuple[str, Span]]:
    return [(p, s) for p, s in article.iter_spans() if not p.startswith("$.diagnostics")]


def check(article: Article) -> None:
    """The invariants every parse must satisfy."""
    text = article.text
    n = len(text)
    assert [] == [d for d in article.diagnostics if d.code == "internal-error"]
    for path, span in article.iter_spans():
        assert 0 <= span.start <= span.end <= n, path
    for path, span in _structure_spans(article):
        covered = text[span.start : span.end]
        assert covered, path
        assert covered == covered.strip(), path

    previous_end = 0
    for section in article.sections:
        assert previous_end <= section.span.start, "sections overlap or are out of order"
        previous_end = section.span.end
        if section.heading is not None:
            assert section.span.contains(section.heading)
            prefix = text[section.span.start : section.heading.start]
            if text[section.span.start] == "#":
                assert _MARKS.fullmatch(prefix), "heading keeps its # marks"
        for paragraph in section.paragraphs:
            assert section.span.contains(paragraph.span)
        assert section.level >= 1

    paragraphs = list(article.paragraphs())
    for earlier, later in itertools.pairwise(paragraphs):
        assert earlier.span.end <= later.span.start, "paragraphs overlap"
    for paragraph in paragraphs:
        assert paragraph.sentences, "a paragraph without sentences"
        last = paragraph.span.start
        for sentence in paragraph.sentences:
            assert paragraph.span.contains(sentence)
            assert last <= sentence.start
            last = sentence.end
    for point in article.key_points:
        assert all(point.span.contains(s) for s in point.sentences)
    if article.lead is not None:
        assert not any(s.span.overlaps(article.lead.span) for s in article.sections)
    for entry in article.outline:
        assert entry.section is None or entry.section < len(article.sections)
    linked = [e.section for e in article.outline if e.section is not None]
    assert len(linked) == len(set(linked)), "two outline entries share a section"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
@example("")
@example("\n\n\n")
@example("“\n" * 50)
@example("|\n" * 30)
def test_arbitrary_text(text: str) -> None:
    """Arbitrary Unicode text."""
    check(STRUCTURE_ONLY.parse(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(brief_like, line_like))
@example("Article Subheadings |\n---|\n1) A |\nA\nB.\nQuestion: Why?\n")
@example("Key Points\n- a\nSummary\nFrequently Asked Questions\nQ: x?\nA:\n")
@example("# T\n## Key Points\n| x |\n|---|\n")
def test_brief_like_text(text: str) -> None:
    """Text built from brief-like fragments: pipes, headings, labels, quotes, lines."""
    check(STRUCTURE_ONLY.parse(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pipe_heavy)
def test_pipe_and_quote_heavy_text(text: str) -> None:
    """Text dense in table, heading, quote and label characters."""
    check(STRUCTURE_ONLY.parse(text))
