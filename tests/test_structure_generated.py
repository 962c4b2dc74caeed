"""Generated briefs in several layouts parse back to the structure they were built from.

Hypothesis builds a brief (headings, paragraphs, key points, summary, FAQ) and
renders it in the seed's layout or as markdown, with or without CRLF line
endings, trailing spaces and non-breaking spaces; the parse must recover every
part exactly.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from geobrief import Article, Layout, Pipeline
from geobrief.structure import parse_structure

STRUCTURE_ONLY = Pipeline(stages=(("structure", parse_structure),), strict=True)

WORDS = [
    "alliance", "border", "council", "delegation", "envoy", "forces", "grain", "harbor",
    "inquiry", "junta", "ministry", "navy", "oil", "pact", "rally", "sanctions", "treaty",
    "union", "vote", "warship", "drills", "talks", "region", "leaders", "exports",
]  # fmt: skip

word = st.sampled_from(WORDS)
title = st.lists(word, min_size=2, max_size=5, unique=True).map(
    lambda ws: " ".join(w.capitalize() for w in ws)
)
sentence = st.lists(word, min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
question = st.lists(word, min_size=2, max_size=6).map(lambda ws: " ".join(ws).capitalize() + "?")


@st.composite
def briefs(draw: st.DrawFn) -> dict[str, Any]:
    headings = draw(st.lists(title, min_size=1, max_size=5, unique=True))
    return {
        "title": draw(st.one_of(st.none(), title.filter(lambda t: t not in headings))),
        "lead": draw(paragraph),
        "sections": [(h, draw(st.lists(paragraph, min_size=1, max_size=3))) for h in headings],
        "key_points": draw(st.lists(sentence, min_size=1, max_size=5)),
        "summary": draw(paragraph),
        "faq": draw(st.lists(st.tuples(question, paragraph), min_size=1, max_size=3)),
    }


def seed_layout(brief: dict[str, Any], nbsp: bool) -> list[str]:
    """The seed's layout: one line per paragraph, pipe tables, bare headings."""
    lines = [brief["title"]] if brief["title"] else []
    lines += [brief["lead"], "Article Subheadings |", "---|"]
    lines += [f"{i}) {h} |" for i, (h, _) in enumerate(brief["sections"], 1)]
    for heading, paragraphs in brief["sections"]:
        lines.append(heading.replace(" ", "\u00a0", 1) if nbsp else heading)
        lines += paragraphs
    lines += ["No. | Key Points |", "---|---|"]
    lines += [f"{i} | {k} |" for i, k in enumerate(brief["key_points"], 1)]
    lines += ["Summary", brief["summary"], "Frequently Asked Questions"]
    for q, a in brief["faq"]:
        lines += [f"Question: {q}", a]
    return lines


def markdown_layout(brief: dict[str, Any], nbsp: bool) -> list[str]:
    """Markdown: ``#`` title, ``##`` headings, bullet key points, blank lines."""
    blocks = [f"# {brief['title']}"] if brief["title"] else []
    blocks.append(brief["lead"])
    for heading, paragraphs in brief["sections"]:
        blocks.append(f"## {heading}")
        blocks += paragraphs
    blocks.append("## Key\u00a0Points" if nbsp else "## Key Points")
    blocks.append("\n".join(f"- {k}" for k in brief["key_points"]))
    blocks += ["## Summary", brief["summary"], "## FAQ"]
    for q, a in brief["faq"]:
        blocks += [f"### {q}", a]
    return "\n\n".join(blocks).split("\n")


def spaced_layout(brief: dict[str, Any], nbsp: bool) -> list[str]:
    """Blank lines everywhere, outer-pipe tables with alignment rows, a numbered
    key-point list under "Key Points:", and ``Q:``/``A:`` labels."""
    blocks = [brief["title"]] if brief["title"] else []
    blocks.append(brief["lead"])
    rows = [f"| {i}. | {h} |" for i, (h, _) in enumerate(brief["sections"], 1)]
    blocks.append("\n".join(["| # | Article Subheadings |", "|:---|---:|", *rows]))
    for heading, paragraphs in brief["sections"]:
        blocks.append(f"**{heading}**")
        blocks += paragraphs
    blocks.append("Key\u00a0Points:" if nbsp else "Key Points:")
    blocks.append("\n".join(f"{i}) {k}" for i, k in enumerate(brief["key_points"], 1)))
    blocks += ["Summary:", brief["summary"], "FAQ"]
    for q, a in brief["faq"]:
        blocks += [f"Q: {q}\nA: {a}"]
    return "\n\n".join(blocks).split("\n")


def digest(article: Article) -> dict[str, Any]:
    text = article.text_of
    return {
        "title": text(article.title) if article.title else None,
        "lead": text(article.lead) if article.lead else None,
        "sections": [
            (text(s.heading) if s.heading else None, [text(p) for p in s.paragraphs])
            for s in article.sections
        ],
        "key_points": [text(k.span) for k in article.key_points],
        "summary": text(article.summary[0]) if len(article.summary) == 1 else article.summary,
        "faq": [(text(f.question), [text(p) for p in f.answer]) for f in article.faq],
    }


@settings(max_examples=150, deadline=None)
@given(
    briefs(),
    st.sampled_from([seed_layout, markdown_layout, spaced_layout]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_generated_brief_round_trips(
    brief: dict[str, Any], layout: Any, crlf: bool, trailing: bool, nbsp: bool
) -> None:
    """Every part of a generated brief is recovered, whatever the layout variant."""
    lines = layout(brief, nbsp)
    if trailing:
        lines = [line + "  " if line else line for line in lines]
    text = ("\r\n" if crlf else "\n").join(lines) + "\n"
    article = STRUCTURE_ONLY.parse(text)
    expected = {
        "title": brief["title"],
        "lead": brief["lead"],
        "sections": [
            (h.replace(" ", "\u00a0", 1) if nbsp and layout is seed_layout else h, p)
            for h, p in brief["sections"]
        ],
        "key_points": brief["key_points"],
        "summary": brief["summary"],
        "faq": [(q, [a]) for q, a in brief["faq"]],
    }
    assert expected == digest(article)
    assert Layout.BRIEF == article.layout
    assert [d.code for d in article.diagnostics] == []
    if layout is not markdown_layout:
        assert [h for h, _ in brief["sections"]] == [
            article.text_of(o.span) for o in article.outline
        ]
        assert list(range(len(brief["sections"]))) == [o.section for o in article.outline]
