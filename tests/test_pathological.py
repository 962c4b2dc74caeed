"""Pathological inputs: each must parse (or decode) correctly under a per-test timeout.

The inputs are generated here, not stored: a megabyte of ``|``, thousands of
unmatched quote marks, a 1 MB line, 10,000 headings and so on. A timeout only
guards against a hang; whether time grows linearly is measured by
``benchmarks/linearity.py``, not by a timed test.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

import geobrief

Checker = Callable[..., None]

MB = 1_000_000
SENTENCE = "Russian Foreign Minister Sergey Lavrov said the talks may continue. "

# Every quote style a brief may use, as (open, close) pairs.
QUOTE_PAIRS = (
    ("“", "”"),
    ("‘", "’"),
    ('"', '"'),
    ("'", "'"),
    ("«", "»"),
    ("»", "«"),
    ("„", "“"),
    ("‚", "‘"),
    ("‹", "›"),
    ("「", "」"),
    ("『", "』"),
    ("〝", "〞"),
    ("＂", "＂"),
)


def _parse_and_check(text: str, check_article: Checker) -> geobrief.Article:
    article = geobrief.parse(text)
    check_article(article, source_text=text)
    return article


@pytest.mark.timeout(60)
@pytest.mark.parametrize("mark", ["“", "”", '"', "‘", "’", "«"])
def test_thousands_of_unmatched_quote_marks(mark: str, check_article: Checker) -> None:
    """5,000 quote marks that never close, between words, parse with valid spans."""
    text = (f"He said {mark}no. " * 5_000) + "\n\nThe end."
    article = _parse_and_check(text, check_article)
    assert article.text.endswith("The end.")


@pytest.mark.timeout(60)
def test_alternating_unbalanced_quotes(check_article: Checker) -> None:
    """Opening marks with no closing ones, across many paragraphs, parse."""
    text = "\n\n".join(f"“Quote {i} opens and never closes, said Lavrov." for i in range(3_000))
    _parse_and_check(text, check_article)


@pytest.mark.timeout(90)
def test_a_megabyte_of_pipes(check_article: Checker) -> None:
    """One megabyte of ``|`` (a table row with a million empty cells) parses."""
    _parse_and_check("|" * MB, check_article)


@pytest.mark.timeout(90)
def test_a_megabyte_of_pipe_lines(check_article: Checker) -> None:
    """A table of 100,000 rows of ``|`` only parses."""
    _parse_and_check("|||||||||\n" * 100_000, check_article)


@pytest.mark.timeout(90)
def test_one_line_of_one_megabyte(check_article: Checker) -> None:
    """A single 1 MB line of prose with no newline parses."""
    text = SENTENCE * (MB // len(SENTENCE))
    _parse_and_check(text, check_article)


@pytest.mark.timeout(90)
def test_one_line_without_spaces(check_article: Checker) -> None:
    """A 1 MB word with no space or punctuation parses."""
    _parse_and_check("x" * MB, check_article)


@pytest.mark.timeout(60)
def test_nul_bytes(check_article: Checker) -> None:
    """NUL and other control characters are kept as text and parse."""
    text = "Title\x00\n\nLavrov\x00 said\x01 “a\x00b.”\x1f\n\n" + "\x00" * 10_000
    article = _parse_and_check(text, check_article)
    assert text == article.text


@pytest.mark.timeout(60)
def test_lone_surrogates_parse(check_article: Checker) -> None:
    """Lone surrogates (not encodable as UTF-8) parse; offsets stay code points."""
    text = "Lavrov said \ud800 “we warn \udfff the U.S.”\n\n\ud83d alone."
    article = _parse_and_check(text, check_article)
    assert "\ud800" in article.text


@pytest.mark.timeout(60)
def test_lone_surrogates_dump_losslessly_or_refuse_cleanly() -> None:
    """dumps of text with lone surrogates round-trips, or raises a GeobriefError."""
    article = geobrief.parse("Lavrov said \ud800 “we warn \udfff.”")
    try:
        encoded = geobrief.dumps(article)
    except geobrief.GeobriefError:
        return
    assert article == geobrief.loads(encoded)


@pytest.mark.timeout(60)
def test_mixed_right_to_left_text(check_article: Checker) -> None:
    """Arabic and Hebrew runs, bidi controls and English quotes parse with valid spans."""
    paragraph = (
        "قال وزير الخارجية الروسي سيرغي لافروف «إننا نحذر». "
        "\u202bשר החוץ אמר\u202c “We warn the U.S.,” said Lavrov. "
        "\u200f\u200e\u2067RTL isolate\u2069 and North Korea."
    )
    text = "\n\n".join([paragraph] * 500)
    _parse_and_check(text, check_article)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("opening", "closing"), QUOTE_PAIRS)
def test_every_quote_style(opening: str, closing: str, check_article: Checker) -> None:
    """Each quote style, balanced, nested and unbalanced, parses with valid spans."""
    text = (
        f"{opening}We warn the U.S.,{closing} said Sergey Lavrov.\n\n"
        f"Lavrov called it a {opening}strategic {opening}dialogue{closing}.{closing}\n\n"
        f"Kim said: {opening}\nNever.\n{closing}\n\n"
        f"{opening}Unclosed at the end of a paragraph.\n\n"
        f"{closing}Closed first{opening}."
    )
    _parse_and_check(text * 200, check_article)


@pytest.mark.timeout(60)
def test_ten_thousand_bare_headings(check_article: Checker) -> None:
    """10,000 short title-case lines that could each be a heading parse."""
    text = "\n\n".join(f"Recent Military Developments {i}" for i in range(10_000))
    _parse_and_check(text, check_article)


@pytest.mark.timeout(60)
def test_ten_thousand_markdown_headings(check_article: Checker) -> None:
    """10,000 markdown headings, alternating levels, with and without bodies, parse."""
    text = "".join(
        f"{'#' * (1 + i % 6)} Heading {i}\n" + ("Body text.\n\n" if i % 3 else "")
        for i in range(10_000)
    )
    _parse_and_check(text, check_article)


@pytest.mark.timeout(60)
def test_outline_declaring_ten_thousand_subheadings(check_article: Checker) -> None:
    """An outline table of 10,000 subheadings, most without a section, parses."""
    rows = "".join(f"| {i}) Subheading {i} |\n" for i in range(10_000))
    text = f"Lead paragraph.\n\nArticle Subheadings\n\n{rows}\nSubheading 5\n\nBody.\n"
    _parse_and_check(text, check_article)


@pytest.mark.timeout(60)
def test_ten_thousand_question_lines(check_article: Checker) -> None:
    """10,000 ``Question:`` lines, half of them unanswered, parse."""
    items = "".join(
        f"Question: Why {i}?\n" + (f"Because {i}.\n\n" if i % 2 else "") for i in range(10_000)
    )
    text = f"Lead.\n\nFrequently Asked Questions\n\n{items}"
    _parse_and_check(text, check_article)


@pytest.mark.timeout(60)
def test_ten_thousand_q_a_lines(check_article: Checker) -> None:
    """10,000 ``Q:``/``A:`` pairs with the A: label missing now and then parse."""
    items = "".join(
        f"Q: Question {i}?\n" + ("A: " if i % 5 else "") + f"Answer {i}.\n" for i in range(10_000)
    )
    _parse_and_check(f"FAQ\n\n{items}", check_article)


@pytest.mark.timeout(90)
def test_huge_table(check_article: Checker) -> None:
    """A key-points table of 20,000 rows and 20 columns parses."""
    header = "| " + " | ".join(f"Col {c}" for c in range(20)) + " |\n"
    align = "|" + "|".join(":---:" for _ in range(20)) + "|\n"
    rows = "".join(
        "| " + " | ".join(f"r{r}c{c}" for c in range(20)) + " |\n" for r in range(20_000)
    )
    _parse_and_check(f"Key Points\n\n{header}{align}{rows}\nSummary\n\nDone.\n", check_article)


@pytest.mark.timeout(60)
def test_unclosed_table(check_article: Checker) -> None:
    """A table whose rows stop mid-cell and never end parses."""
    text = "Key Points\n\n| a | b |\n|---|\n| 1) first | " + "x | " * 50_000
    _parse_and_check(text, check_article)


@pytest.mark.timeout(60)
def test_many_abbreviations_and_dots(check_article: Checker) -> None:
    """Runs of abbreviations and dots (``U.S. Dr. ... ...``) parse."""
    text = "The U.S. Dr. St. Mr. Gen. Lt. Col. " * 5_000 + "." * 50_000
    _parse_and_check(text, check_article)


@pytest.mark.timeout(30)
def test_only_newlines_and_carriage_returns(check_article: Checker) -> None:
    """Half a million mixed line endings parse to a text of only ``\\n``."""
    text = "\r\n\r\r\n\n" * 100_000
    article = _parse_and_check(text, check_article)
    assert set(article.text) <= {"\n"}


@pytest.mark.timeout(30)
def test_many_capitalized_names(check_article: Checker) -> None:
    """20,000 sentences of reported speech by capitalized names, on one line, parse."""
    text = " ".join(f"Name{i} Surname{i} said that it may rain." for i in range(20_000))
    _parse_and_check(text, check_article)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("depth", [100, 5_000, 200_000])
def test_deeply_nested_json_arrays(depth: int) -> None:
    """Deeply nested JSON arrays raise DecodeError (never RecursionError) from loads."""
    with pytest.raises(geobrief.DecodeError):
        geobrief.loads("[" * depth + "]" * depth)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("depth", [100, 5_000, 200_000])
def test_deeply_nested_json_in_a_field(depth: int) -> None:
    """A valid document with a deeply nested value in a field raises DecodeError."""
    document = json.loads(geobrief.dumps(geobrief.parse("North Korea said so.")))
    encoded = json.dumps(document)
    nested = '{"a":' * depth + "1" + "}" * depth
    with pytest.raises(geobrief.DecodeError):
        geobrief.loads(encoded[:-1] + ', "title": ' + nested + "}")


@pytest.mark.timeout(60)
def test_deeply_nested_jsonl_line(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A deeply nested JSONL line raises DecodeError from load_jsonl."""
    path = tmp_path_factory.mktemp("nested") / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(geobrief.DecodeError):
        list(geobrief.load_jsonl(path))


@pytest.mark.timeout(60)
def test_huge_json_integers() -> None:
    """Offsets far beyond any text (and beyond 64 bits) raise DecodeError."""
    document = json.loads(geobrief.dumps(geobrief.parse("One.\n\nTwo.")))
    document["title"] = {"start": 0, "end": 10**40}
    with pytest.raises(geobrief.DecodeError):
        geobrief.loads(json.dumps(document))
