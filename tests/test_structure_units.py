"""Focused tests of the structure parser's rules, one behaviour each."""

from __future__ import annotations

import datetime

import pytest

from geobrief import Article, Layout, Pipeline
from geobrief.structure import parse_structure
from geobrief.structure.paragraphs import MAX_JOINED_UNITS

STRUCTURE_ONLY = Pipeline(stages=(("structure", parse_structure),), strict=True)


def parse(text: str) -> Article:
    return STRUCTURE_ONLY.parse(text)


def headings(article: Article) -> list[str | None]:
    return [article.text_of(s.heading) if s.heading else None for s in article.sections]


def paragraph_texts(article: Article) -> list[str]:
    return [article.text_of(p) for p in article.paragraphs()]


def codes(article: Article) -> list[str]:
    return [d.code for d in article.diagnostics]


# --- layouts, titles, headings ------------------------------------------------


def test_empty_document() -> None:
    """Blank text gives an empty plain article and an empty-document diagnostic."""
    article = parse(" \n\t\n")
    assert (Layout.PLAIN, None, None, ()) == (
        article.layout,
        article.title,
        article.lead,
        article.sections,
    )
    assert ["empty-document"] == codes(article)


def test_short_lines_in_a_plain_article_are_not_headings() -> None:
    """Without markdown, an outline match or a part name, a short line stays a paragraph."""
    article = parse("Headline here\n\nFirst paragraph.\n\nA short line\n\nMore text follows.\n")
    assert Layout.PLAIN == article.layout
    assert "Headline here" == article.text_of(article.title)
    assert [None] == headings(article)
    assert ["First paragraph.", "A short line", "More text follows."] == paragraph_texts(article)


def test_first_line_that_ends_a_sentence_is_not_a_title() -> None:
    """A first line ending with a period is the lead, not a title."""
    article = parse("The talks ended.\nBoth sides left.\n")
    assert None is article.title
    assert "The talks ended." == article.text_of(article.lead)


def test_markdown_title_only_when_it_is_the_top_level() -> None:
    """``# A`` is the title when other headings are deeper (part headings such as
    ``# Key Points`` aside); with two ``#`` section headings both are sections."""
    titled = parse("# Title\n\nLead.\n\n## One\n\nText.\n")
    assert ("Title", ["One"], Layout.MARKDOWN) == (
        titled.text_of(titled.title),
        headings(titled),
        titled.layout,
    )
    untitled = parse("# One\n\nText.\n\n# Two\n\nMore.\n")
    assert (None, ["One", "Two"]) == (untitled.title, headings(untitled))
    parts = parse("# Title\n\nLead.\n\n# Key Points\n\n- One.\n\n# Summary\n\nDone.\n")
    assert ("Title", ["One."], Layout.BRIEF) == (
        parts.text_of(parts.title),
        [parts.text_of(k.span) for k in parts.key_points],
        parts.layout,
    )


def test_markdown_levels_are_relative_to_the_top_section_level() -> None:
    """``##`` sections under a ``#`` title are level 1 and ``###`` level 2; closing
    ``#`` marks and the marks themselves are left out of the heading."""
    article = parse("# T\n\n## A ##\n\nx.\n\n### B\n\ny.\n\n## C\n\nz.\n")
    assert ["A", "B", "C"] == headings(article)
    assert [1, 2, 1] == [s.level for s in article.sections]
    assert ["## A ##\n\nx.", "### B\n\ny.", "## C\n\nz."] == [
        article.text_of(s.span) for s in article.sections
    ]


def test_hashtag_is_not_a_heading() -> None:
    """``#word`` without a space is text."""
    article = parse("#MeToo spread fast.\nIt grew.\n")
    assert (Layout.PLAIN, [None]) == (article.layout, headings(article))


def test_setext_heading() -> None:
    """A short line underlined with ``===`` or ``---`` is a markdown heading."""
    article = parse("Intro text.\n\nBackground\n----------\nThe story.\n")
    assert ["Background"] == headings(article)
    assert "Intro text." == article.text_of(article.lead)


def test_bare_heading_matches_outline_despite_numbering_case_and_nbsp() -> None:
    """Headings match outline entries after normalization (numbering, case, NBSP,
    curly vs straight apostrophe, emphasis, trailing colon); the heading span leaves
    out the numbering, emphasis and colon."""
    text = (
        "Lead.\nArticle Subheadings |\n---|\n1) The Meeting’s Significance |\n"
        "2) Next Steps |\n1. the meeting's\u00a0significance\nBody one.\n"
        "**Next Steps:**\nBody two.\n"
    )
    article = parse(text)
    assert ["the meeting's\u00a0significance", "Next Steps"] == [
        article.text_of(s.heading) if s.heading else None for s in article.sections
    ]
    assert [0, 1] == [o.section for o in article.outline]
    assert [] == codes(article)


def test_outline_entry_without_section() -> None:
    """An outline entry no heading matches is reported with its span."""
    article = parse("Lead.\nArticle Subheadings |\n---|\n1) Alpha |\n2) Beta |\nAlpha\nText.\n")
    assert [0, None] == [o.section for o in article.outline]
    (diagnostic,) = article.diagnostics
    assert "outline-entry-without-section" == diagnostic.code
    assert diagnostic.span is not None
    assert "Beta" == article.text_of(diagnostic.span)


def test_outline_as_a_list_under_a_heading() -> None:
    """An outline may be a numbered list under an "Article Subheadings" heading."""
    article = parse("Lead.\nArticle Subheadings:\n1. Alpha\n2. Beta\nAlpha\nA.\nBeta\nB.\n")
    assert [(1, "Alpha", 0), (2, "Beta", 1)] == [
        (o.number, article.text_of(o.span), o.section) for o in article.outline
    ]
    assert ["Alpha", "Beta"] == headings(article)


def test_outline_heading_line_is_not_an_outline_entry() -> None:
    """A line equal to an outline entry but with sentence punctuation is body text,
    and the same heading twice only matches once."""
    article = parse("Lead.\nArticle Subheadings |\n---|\n1) Alpha |\nAlpha\nA.\nAlpha\nB.\n")
    assert ["Alpha"] == headings(article)
    assert ["A.", "Alpha", "B."] == [article.text_of(p) for p in article.sections[0].paragraphs]


# --- tables ---------------------------------------------------------------------


def test_tables_without_outer_pipes_and_with_alignment_rows() -> None:
    """``a | b`` rows with a ``:---|---:`` alignment row form a table."""
    article = parse("Lead.\nNo. | Key Points\n:---|---:\n1 | First.\n2 | Second.\n")
    assert [(1, "First."), (2, "Second.")] == [
        (k.number, article.text_of(k.span)) for k in article.key_points
    ]
    assert Layout.BRIEF == article.layout


def test_table_row_cell_count() -> None:
    """A body row with a different number of cells than the header is reported."""
    article = parse("Lead.\n| No. | Key Points |\n|---|---|\n| 1 | One. |\n| 2 | Two. | extra |\n")
    assert ["table-row-cell-count"] == codes(article)
    assert ["One.", "Two."] == [article.text_of(k.span) for k in article.key_points]


def test_unclosed_table() -> None:
    """A header and alignment row with no body rows is reported as unclosed."""
    article = parse("Lead.\n| No. | Key Points |\n|---|---|\n\nText after.\n")
    assert "unclosed-table" in codes(article)
    assert "empty-part" in codes(article)
    assert ["Lead.", "Text after."] == paragraph_texts(article)


def test_generic_table_stays_in_its_section() -> None:
    """A table that is not a brief part belongs to the section around it."""
    article = parse("# T\n\n## Data\n\nBefore.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    (section,) = article.sections
    assert "## Data\n\nBefore.\n\n| a | b |\n|---|---|\n| 1 | 2 |" == article.text_of(section.span)
    assert ["Before."] == [article.text_of(p) for p in section.paragraphs]


def test_single_pipe_line_is_text() -> None:
    """One line with a pipe in running text is not a table."""
    article = parse("Title\n\nRevenue | costs were discussed.\n")
    assert "Revenue | costs were discussed." == article.text_of(article.lead)


# --- key points, summary, FAQ ------------------------------------------------------


def test_key_points_as_numbered_and_bulleted_lists() -> None:
    """List items under a Key Points heading are key points without their markers."""
    article = parse(
        "Lead.\nKey Points\n1) One.\n2. Two.\n- Three.\n• Four.\n* Five.\nSummary\nS.\n"
    )
    assert [(1, "One."), (2, "Two."), (None, "Three."), (None, "Four."), (None, "Five.")] == [
        (k.number, article.text_of(k.span)) for k in article.key_points
    ]
    assert ["S."] == [article.text_of(p) for p in article.summary]


def test_faq_with_q_and_a_labels() -> None:
    """``Q:``/``A:`` labels are left out of questions and answers."""
    article = parse("Lead.\nFAQ\nQ: Why?\nA: Because.\nQ: When?\nA:\nSoon.\n")
    assert [("Why?", ["Because."]), ("When?", ["Soon."])] == [
        (article.text_of(f.question), [article.text_of(p) for p in f.answer]) for f in article.faq
    ]


def test_faq_question_without_answer() -> None:
    """A question with nothing before the next question is reported."""
    article = parse("Lead.\nFrequently Asked Questions\nQuestion: One?\nQuestion: Two?\nYes.\n")
    assert ["faq-question-without-answer"] == codes(article)
    assert [0, 1] == [len(f.answer) for f in article.faq]


def test_faq_questions_by_question_mark_when_unlabelled() -> None:
    """In an unlabelled FAQ, a line ending with "?" is a question (emphasis left out)."""
    article = parse("Lead.\nFAQ\n**Why now?**\nBecause.\nWho pays?\nEveryone.\n")
    assert ["Why now?", "Who pays?"] == [article.text_of(f.question) for f in article.faq]


def test_numbered_unlabelled_faq_questions() -> None:
    """Numbered list items ending with "?" in an unlabelled FAQ are questions."""
    article = parse("Lead.\nFAQ\n1. Why now?\nBecause.\n2. Who pays?\nEveryone.\n")
    assert ["Why now?", "Who pays?"] == [article.text_of(f.question) for f in article.faq]


def test_inline_summary_label() -> None:
    """In a brief, ``Summary: text`` starts the summary; the label is left out."""
    article = parse("Lead.\nKey Points\n- One.\nSummary: All is well. Really.\n")
    assert [["All is well.", "Really."]] == [
        [article.text_of(s) for s in p.sentences] for p in article.summary
    ]
    plain = parse("Title\n\nSummary: not a brief part here.\n")
    assert ((), "Summary: not a brief part here.") == (plain.summary, plain.text_of(plain.lead))


def test_question_labels_in_a_plain_article_are_paragraphs() -> None:
    """Without any brief part, ``Question:`` lines are ordinary paragraphs."""
    article = parse("Title\n\nQuestion: is this a FAQ?\n\nNo, it is not.\n")
    assert (Layout.PLAIN, ()) == (article.layout, article.faq)
    assert ["Question: is this a FAQ?", "No, it is not."] == paragraph_texts(article)


def test_question_labels_after_a_brief_part_start_a_faq() -> None:
    """``Question:`` lines after a summary start a FAQ even without its heading."""
    article = parse("Lead.\nSummary\nAll good.\nQuestion: Really?\nYes.\n")
    assert [("Really?", ["Yes."])] == [
        (article.text_of(f.question), [article.text_of(p) for p in f.answer]) for f in article.faq
    ]


# --- paragraphs and quotes -------------------------------------------------------------


def test_quote_split_over_lines_stays_in_one_paragraph() -> None:
    """A line ending with an opening quote joins the lines through the closing quote."""
    article = parse("Lead.\nHe said: “\nWe stay.\n” Then he left.\nNext paragraph.\n")
    assert ["Lead.", "He said: “\nWe stay.\n” Then he left.", "Next paragraph."] == (
        paragraph_texts(article)
    )


def test_unclosed_quote_does_not_swallow_the_document() -> None:
    """An opening quote with no closing mark within a few lines joins nothing."""
    lines = ["Lead.", "He said: “", *[f"Line {i}." for i in range(10)], "” Late close."]
    article = parse("\n".join(lines))
    assert len(lines) == len(paragraph_texts(article))
    assert ["unclosed-quote"] == codes(article)


def test_line_starting_with_a_closing_quote_joins_an_open_quote() -> None:
    """A line that starts with a closing quote closes an open quote from above."""
    article = parse("Lead.\nHe said “we stay\nand fight\n” and left.\nNext.\n")
    assert ["Lead.", "He said “we stay\nand fight\n” and left.", "Next."] == (
        paragraph_texts(article)
    )


def test_wrapped_text_joins_lines() -> None:
    """Hard-wrapped paragraphs separated by blank lines are joined."""
    text = (
        "Title\n\nThis paragraph is wrapped at a fixed width and it goes\n"
        "on for a second line and then ends here.\n\nThis one is also wrapped over a couple\n"
        "of lines before it stops.\n"
    )
    article = parse(text)
    assert [
        "This paragraph is wrapped at a fixed width and it goes\n"
        "on for a second line and then ends here.",
        "This one is also wrapped over a couple\nof lines before it stops.",
    ] == paragraph_texts(article)


def test_lowercase_continuation_line_joins() -> None:
    """In line-per-paragraph text, a line that starts lowercase after a line that
    does not end a sentence continues that paragraph."""
    article = parse("Lead.\nOne full line.\nA line that stops\nmid sentence.\nAnother.\n")
    assert ["Lead.", "One full line.", "A line that stops\nmid sentence.", "Another."] == (
        paragraph_texts(article)
    )


# --- datelines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Friday, January 4, 2019", datetime.date(2019, 1, 4)),
        ("January 4, 2019", datetime.date(2019, 1, 4)),
        ("4 January 2019", datetime.date(2019, 1, 4)),
        ("Sept. 30, 2020", datetime.date(2020, 9, 30)),
        ("2019-01-04", datetime.date(2019, 1, 4)),
        ("February 30, 2019", None),
    ],
)
def test_date_line(line: str, date: datetime.date | None) -> None:
    """A date line under the title is the dateline; impossible dates give no date."""
    article = parse(f"Headline\n\n{line}\n\nBody text.\n")
    assert (line, date) == (article.text_of(article.metadata.dateline), article.metadata.date)
    assert "Body text." == article.text_of(article.lead)


@pytest.mark.parametrize(
    ("start", "dateline", "place", "agency"),
    [
        ("GENEVA (Reuters) — ", "GENEVA (Reuters) —", "GENEVA", "Reuters"),
        ("WASHINGTON (AP) - ", "WASHINGTON (AP) -", "WASHINGTON", "AP"),
        (
            "KYIV, Ukraine, Jan 4 (Reuters) -- ",
            "KYIV, Ukraine, Jan 4 (Reuters) --",
            "KYIV, Ukraine",
            "Reuters",
        ),
        ("NEW YORK — ", "NEW YORK —", "NEW YORK", None),
        ("LONDON (Reuters) ", "LONDON (Reuters)", "LONDON", "Reuters"),
        ("Geneva (Reuters) - ", "Geneva (Reuters) -", "Geneva", "Reuters"),
        ("New York (AP) — ", "New York (AP) —", "New York", "AP"),
    ],
)
def test_agency_dateline(start: str, dateline: str, place: str, agency: str | None) -> None:
    """``PLACE (Agency) —`` opening the first paragraph is the dateline; the lead
    starts after it."""
    article = parse(f"Headline\n\n{start}The talks ended.\n\nMore.\n")
    metadata = article.metadata
    assert (dateline, place, agency) == (
        article.text_of(metadata.dateline),
        metadata.place,
        metadata.agency,
    )
    assert "The talks ended." == article.text_of(article.lead)


@pytest.mark.parametrize(
    "start",
    [
        "NATO said on Monday",
        "UN (United Nations) officials met",
        "In GENEVA (Reuters) talks",
        "US",
        "Mr Smith (aide) - said",
        "In Geneva (Reuters) talks",
    ],
)
def test_not_a_dateline(start: str) -> None:
    """Capitals without an agency or dash, or an unknown agency without a dash, are text."""
    article = parse(f"Headline\n\n{start} the talks ended.\n")
    assert None is article.metadata.dateline
    assert f"{start} the talks ended." == article.text_of(article.lead)


def test_source_is_kept_with_dateline() -> None:
    """Filling the dateline keeps the metadata's source."""
    article = STRUCTURE_ONLY.parse("Headline\n\nJanuary 4, 2019\n\nBody.\n", source="a.txt")
    assert ("a.txt", datetime.date(2019, 1, 4)) == (article.metadata.source, article.metadata.date)


# --- robustness ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "|" * 5000,
        "|\n" * 2000,
        "“\n" * 2000,
        '"' * 5000,
        "#" * 5000,
        "Q:" * 3000,
        "1) " * 3000,
        ". " * 5000,
        "U.S. " * 3000,
        "A" * 20000,
        "Key Points\n" * 1000,
        "---|\n" * 1000,
        "GENEVA " * 2000 + "(Reuters) — x",
    ],
)
def test_pathological_inputs_parse(text: str) -> None:
    """Inputs built to trip backtracking or quadratic loops parse without error."""
    article = parse(text)
    assert [] == [d for d in article.diagnostics if d.code == "internal-error"]
    assert text == article.text


def test_chained_quotes_are_capped() -> None:
    """Lines that each open and close quotes chain into one paragraph only up to
    MAX_JOINED_UNITS lines."""
    article = parse('"\n' * 40)
    sizes = [article.text_of(p).count("\n") + 1 for p in article.paragraphs()]
    assert 40 == sum(sizes)
    assert max(sizes) <= MAX_JOINED_UNITS
    assert codes(article) in ([], ["unclosed-quote"])  # only the very last mark


def test_heading_that_nearly_matches_the_next_outline_entry() -> None:
    """A heading-like line sharing most words with the next unmatched outline entry
    opens that entry's section, with an info diagnostic; other short lines do not."""
    text = (
        "Lead.\nArticle Subheadings |\n---|\n1) The Meeting’s Significance |\n"
        "2) Recent Military Developments |\n3) Outlook |\nSignificance of the Meeting\n"
        "Body one.\nA short line\nMilitary Outlook Ahead\nBody two.\nRecent Military Moves\n"
        "Body three.\nOutlook\nBody four.\n"
    )
    article = parse(text)
    assert [
        (
            "Significance of the Meeting",
            ["Body one.", "A short line", "Military Outlook Ahead", "Body two."],
        ),
        ("Recent Military Moves", ["Body three."]),
        ("Outlook", ["Body four."]),
    ] == [
        (
            article.text_of(s.heading) if s.heading else None,
            [article.text_of(p) for p in s.paragraphs],
        )
        for s in article.sections
    ]
    assert [0, 1, 2] == [o.section for o in article.outline]
    assert ["heading-differs-from-outline", "heading-differs-from-outline"] == codes(article)
