"""Quote pairing: marks of every style, line breaks, paragraphs, nesting, apostrophes."""

from __future__ import annotations

import pytest

from geobrief.statements import scan_quotes


def contents(text: str) -> list[str]:
    scan = scan_quotes(text)
    return [text[q.content.start : q.content.end] for q in scan.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will stay" and left.', ["we will stay"]),
        ("She said “we will stay” and left.", ["we will stay"]),
        ("Il a dit « nous restons » hier.", ["nous restons"]),
        ("Er sagte „wir bleiben“ gestern.", ["wir bleiben"]),
        ("Er sagte »wir bleiben« gestern.", ["wir bleiben"]),
        ("彼は「残る」と言った。", ["残る"]),
        ("'We stay,' she said.", ["We stay,"]),
    ],
)
def test_quote_styles(text: str, expected: list[str]) -> None:
    """Straight, curly, guillemet, low-9 and CJK quotations are all found."""
    assert expected == contents(text)


def test_marks_at_line_ends() -> None:
    """An opening mark that ends a line and a closing mark that starts the next
    one enclose the lines between; the content has no surrounding newlines."""
    text = "The minister was blunt: “\nWe will not retreat from the border.\n” Talks ended."
    assert ["We will not retreat from the border."] == contents(text)


def test_quote_continued_over_paragraphs() -> None:
    """An unclosed quotation reopened at the next paragraph continues there."""
    text = "“The first part goes on.\n\n“The second part ends here,” he said.\nNext “fine” one."
    scan = scan_quotes(text)
    assert ["The first part goes on.", "The second part ends here,", "fine"] == contents(text)
    assert scan.quotes[0].group == scan.quotes[1].group
    assert scan.quotes[0].close_mark is None
    assert () == scan.diagnostics


def test_nested_single_quotes() -> None:
    """Single quotes inside double ones stay part of the outer content."""
    text = "“They called it ‘a farce’ yesterday,” said Ana. Then 'a' test."
    assert ["They called it ‘a farce’ yesterday,"] == contents(text)[:1]


@pytest.mark.parametrize(
    "text",
    [
        "The nations’ leaders met in Lavrov’s office.",
        "Music of the '90s and rock 'n' roll filled the hall.",
        "It's the players' union that won't budge.",
        "They said ’twas fine.",
        "It followed Jobs ' last absence. Later, Jobs ' health improved.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    """Apostrophes in possessives, contractions and elisions are not quote marks, nor
    is one set off by spaces (text tokenized with spaces around its apostrophes)."""
    scan = scan_quotes(text)
    assert ([], ()) == (contents(text), scan.diagnostics)


def test_unbalanced_mark_is_skipped_without_shifting_later_pairs() -> None:
    """An unclosed mark yields one diagnostic; the next paragraphs pair normally."""
    text = 'He said "this never closes.\nShe said "one" and "two".\nThen "three".'
    scan = scan_quotes(text)
    assert ["one", "two", "three"] == contents(text)
    assert [8] == [d.span.start for d in scan.diagnostics if d.span is not None]
    assert {"unbalanced-quote"} == {d.code for d in scan.diagnostics}


def test_stray_closing_mark_is_diagnosed() -> None:
    """A closing curly mark with nothing open is reported and ignored."""
    text = "A stray” mark, then “a real one” here."
    scan = scan_quotes(text)
    assert (["a real one"], 1) == (contents(text), len(scan.diagnostics))


def test_opening_mark_followed_by_another_opening_mark() -> None:
    """Two openings in a row: the first is unbalanced, the second pairs."""
    text = "He said “oops and then “the real quote” came."
    scan = scan_quotes(text)
    assert (["the real quote"], [8]) == (
        contents(text),
        [d.span.start for d in scan.diagnostics if d.span is not None],
    )


def test_empty_and_punctuation_only_quotes_are_ignored() -> None:
    """Quotes with no word inside are not quotations."""
    assert [] == contents('He typed "" and "..." and “ ” there.')


@pytest.mark.parametrize(
    ("text", "expected", "unbalanced"),
    [
        ('Wilkins said," [He] liked the booths". She left.', ["[He] liked the booths"], 0),
        ('He is 6" tall and said "no more" today.', ["no more"], 1),
        ('The board measures 2" wide.', [], 1),
    ],
)
def test_straight_mark_that_looks_closing_opens_when_nothing_is_open(
    text: str, expected: list[str], unbalanced: int
) -> None:
    """A straight double mark has no direction: glued to the word before it, with
    no quotation open, it opens one when another straight mark follows in the line;
    otherwise it stays an unbalanced mark."""
    scan = scan_quotes(text)
    assert (expected, unbalanced) == (
        [text[q.content.start : q.content.end] for q in scan.quotes],
        len(scan.diagnostics),
    )


def test_spaced_apostrophes_leave_the_quotation_around_them_whole() -> None:
    """``"... Jobs ' health ... we ' re ..."``: the double quotation pairs as written."""
    text = "It was Jobs ' idea. He said, \"Jobs ' health is fine,\" at the event."
    assert ["Jobs ' health is fine,"] == contents(text)
