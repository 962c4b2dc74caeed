"""Sentence splitting: boundaries, abbreviations, quotes, and span guarantees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geobrief import Pipeline, Span
from geobrief.structure import parse_structure, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("The U.S. and the U.K. agreed.", ["The U.S. and the U.K. agreed."]),
        ("Dr. Smith met Mr. Jones and Mrs. Lee.", ["Dr. Smith met Mr. Jones and Mrs. Lee."]),
        ("Gen. Milley and Sen. Warren spoke.", ["Gen. Milley and Sen. Warren spoke."]),
        ("It opened on Jan. 5 in St. Louis.", ["It opened on Jan. 5 in St. Louis."]),
        ("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        ("Acme Inc. and Globex Corp. merged.", ["Acme Inc. and Globex Corp. merged."]),
        ("Use tools, e.g. hammers, i.e. Tools.", ["Use tools, e.g. hammers, i.e. Tools."]),
        ("John F. Kennedy was elected.", ["John F. Kennedy was elected."]),
        ("It was 3.5 percent. It rose.", ["It was 3.5 percent.", "It rose."]),
    ],
)
def test_abbreviations_do_not_split(text: str, expected: list[str]) -> None:
    """Listed abbreviations, initials and decimals keep the sentence whole."""
    assert expected == sentences(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks with the U.S. The meeting ended.", ["Talks with the U.S.", "The meeting ended."]),
        ("He works for Acme Inc. He is new.", ["He works for Acme Inc.", "He is new."]),
        ("There was no. The end.", ["There was no.", "The end."]),
    ],
)
def test_abbreviation_at_sentence_end_splits_before_an_opener(
    text: str, expected: list[str]
) -> None:
    """An abbreviation that may end a sentence does so before a common opener."""
    assert expected == sentences(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes." Then he left.', ['He said "yes."', "Then he left."]),
        ("She asked (why?) and left.", ["She asked (why?) and left."]),
        ('It ended. "We won," he said.', ["It ended.", '"We won," he said.']),
        ("Rates rose. 12 banks failed.", ["Rates rose.", "12 banks failed."]),
        ("what? no. yes.", ["what? no. yes."]),
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("He quoted it: “[...] We stay.”", ["He quoted it: “[...] We stay.”"]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    """Sentences end at terminal punctuation (plus closing quotes) before an
    uppercase letter, a digit or an opening quote, and not inside "[...]"."""
    assert expected == sentences(text)


def test_closing_quote_on_its_own_line_ends_the_sentence() -> None:
    """The seed's layout: a closing quote after a line break belongs to the sentence."""
    text = "He warned: “\nWe warn you.\n” This was new."
    assert ["He warned: “\nWe warn you.\n”", "This was new."] == sentences(text)


def test_straight_closing_quote_after_a_space() -> None:
    """A straight quote after a space that ends the paragraph closes the sentence."""
    assert ["He said, 'it is over.' \""] == sentences("He said, 'it is over.' \"")


def test_range_is_respected_and_trimmed() -> None:
    """Only the given range is split; spans exclude surrounding whitespace."""
    text = "xx  First one. Second one.  yy"
    assert (Span(start=4, end=14), Span(start=15, end=26)) == split_sentences(text, 2, 28)


def test_blank_range_has_no_sentences() -> None:
    """A blank or empty range gives no sentences."""
    assert () == split_sentences("   \n  ", 0, 6)
    assert () == split_sentences("abc", 2, 2)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aA .!?\"'“”()[]\nU.S1é\u00a0")), max_size=80))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    """For any text: spans in order, non-overlapping, inside the range, never
    empty, never starting or ending with whitespace, covering all non-space text."""
    spans = split_sentences(text, 0, len(text))
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace()
        assert not text[span.end - 1].isspace()
        assert text[previous_end : span.start].strip() == ""
        previous_end = span.end
    assert text[previous_end:].strip() == ""
    assert bool(text.strip()) == bool(spans)


GUM = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "eval"
    / "gum-wikinews"
    / "derived"
    / "gum_wikinews.jsonl"
)


def gum_sentence_starts() -> tuple[int, int, int]:
    """``(matched, predicted_only, gold_only)`` sentence starts over the body (from
    the lead on) of every GUM Wikinews document, against GUM's gold sentences."""
    structure_only = Pipeline(stages=(("structure", parse_structure),), strict=True)
    matched = predicted_only = gold_only = 0
    with GUM.open(encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            article = structure_only.parse(document["text"])
            body = article.lead.span.start if article.lead is not None else 0
            predicted = {s.start for s in article.sentences() if s.start >= body}
            gold = {s["start"] for s in document["sentences"] if s["start"] >= body}
            matched += len(predicted & gold)
            predicted_only += len(predicted - gold)
            gold_only += len(gold - predicted)
    return matched, predicted_only, gold_only


def test_gum_sentence_boundaries() -> None:
    """Sentence starts agree with GUM's gold sentences (precision >= 0.98, recall
    >= 0.95; GUM also splits captions and lines without final punctuation).
    Print the figures with ``python tests/test_sentences.py``."""
    if not GUM.exists():
        pytest.skip(f"GUM data not found: {GUM}")
    matched, predicted_only, gold_only = gum_sentence_starts()
    precision = matched / (matched + predicted_only)
    recall = matched / (matched + gold_only)
    assert (True, True) == (precision >= 0.98, recall >= 0.95), (precision, recall)


if __name__ == "__main__":
    m, p, g = gum_sentence_starts()
    print(f"GUM Wikinews body sentence starts: matched {m}, extra {p}, missed {g}")
    print(f"precision {m / (m + p):.3f}  recall {m / (m + g):.3f}")
