"""Direct and partial quotations: speakers after, before and around the quote."""

from __future__ import annotations

import pytest

from geobrief import StatementKind
from test_statements_support import check_spans, parse_with, summary


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_text", "cue"),
    [
        (
            '"The border stays closed," said Maria Lopez.',
            "person:maria-lopez",
            "Maria Lopez",
            "say",
        ),
        ('"The border stays closed," Lopez said on Monday.', "person:maria-lopez", "Lopez", "say"),
        (
            "“The border stays closed,” John Smith told reporters.",
            "person:john-smith",
            "John Smith",
            "tell",
        ),
        ('"The border stays closed," added Smith, the envoy.', "person:john-smith", "Smith", "add"),
        ('"Is the border closed?" asked Costa.', "person:ana-costa", "Costa", "ask"),
        (
            "Maria Lopez said: “The border stays closed.”",
            "person:maria-lopez",
            "Maria Lopez",
            "say",
        ),
        ('Smith told the crowd, "The border stays closed."', "person:john-smith", "Smith", "tell"),
        (
            "Costa’s statement was a warning: “The border stays closed.”",
            "person:ana-costa",
            "Costa",
            "statement",
        ),
        (
            '"The border stays closed," the Interior Ministry said in a statement.',
            "org:interior-ministry",
            "the Interior Ministry",
            "say",
        ),
        (
            "According to Maria Lopez, “the border stays closed.”",
            "person:maria-lopez",
            "Maria Lopez",
            "according to",
        ),
    ],
)
def test_speaker_and_cue(text: str, speaker: str, speaker_text: str, cue: str) -> None:
    """The speaker is found after the quote, before it, or as a possessor of a nominal cue."""
    article = parse_with(text)
    check_spans(article)
    assert [(speaker, speaker_text, cue)] == [(s[1], s[2], s[3]) for s in summary(article)]


def test_content_excludes_marks() -> None:
    """The content span lies inside the marks, punctuation inside them included."""
    article = parse_with('"We will stay," said Smith.')
    assert "We will stay," == article.text_of(article.statements[0].content_span)


def test_em_dash_attribution() -> None:
    """“...” — Foreign Minister X names the speaker without a cue."""
    article = parse_with("“Nothing has changed.” — Foreign Minister Ana Costa")
    assert [
        ("direct", "person:ana-costa", "Foreign Minister Ana Costa", None, "Nothing has changed.")
    ] == summary(article)


def test_pronoun_speaker_resolves_to_subject_person() -> None:
    """`he said` after a quote refers to the person who leads the previous sentence."""
    text = 'John Smith met Ana Costa in Paris. "We made progress," he said.'
    article = parse_with(text)
    assert [("person:john-smith", "he")] == [(s[1], s[2]) for s in summary(article)]


def test_pronoun_without_antecedent_stays_unresolved() -> None:
    """No person before the pronoun: keep the pronoun span, leave the speaker empty."""
    article = parse_with('"We made progress," she said.')
    assert [(None, "she", "say")] == [(s[1], s[2], s[3]) for s in summary(article)]


def test_unresolved_named_speaker_keeps_span() -> None:
    """A speaker that is no known actor keeps its span and an empty id."""
    article = parse_with('"Prices will rise," said Pedro Alves, a trader in the port.')
    assert [(None, "Pedro Alves")] == [(s[1], s[2]) for s in summary(article)]


def test_spokesperson_with_title() -> None:
    """A titled spokesperson is the speaker, resolved by the name inside the phrase."""
    article = parse_with('"No comment," said ministry spokeswoman Ana Costa.')
    assert [("person:ana-costa",)] == [(s[1],) for s in summary(article)]


def test_following_quote_inherits_speaker() -> None:
    """A quotation right after an attributed one, nothing between, shares its speaker."""
    text = '"We stay," said Lopez. "We will not move."\n\n"Nor will we," Smith added.'
    article = parse_with(text)
    assert ["person:maria-lopez", "person:maria-lopez", "person:john-smith"] == [
        s.speaker for s in article.statements
    ]


def test_quote_over_paragraphs_shares_speaker() -> None:
    """Each paragraph of a quotation continued over paragraphs gets the speaker."""
    text = "Costa said: “The first point is trade.\n\n“The second point is security.”"
    article = parse_with(text)
    assert [
        ("person:ana-costa", "The first point is trade."),
        ("person:ana-costa", "The second point is security."),
    ] == [(s[1], s[4]) for s in summary(article)]


def test_partial_quote_takes_clause_speaker() -> None:
    """A quoted fragment inside a reported clause is partial, with that clause's speaker."""
    text = "Lopez described the talks as “a real turning point” for the region."
    article = parse_with(text)
    assert [("partial", "person:maria-lopez", "describe", "a real turning point")] == [
        (s[0], s[1], s[3], s[4]) for s in summary(article)
    ]


def test_partial_quote_in_participle_clause() -> None:
    """`..., calling it “...”` takes the subject of the main clause."""
    text = "Smith rejected the offer, calling it “an insult to our workers.”"
    article = parse_with(text)
    assert [("partial", "person:john-smith", "call")] == [
        (s[0], s[1], s[3]) for s in summary(article)
    ]


def test_scare_quotes_and_titles_are_not_statements() -> None:
    """A quoted term with no cue and no speaker is not a statement."""
    article = parse_with('The so-called "peace plan" was published in "Le Monde" today.')
    assert [] == summary(article)


@pytest.mark.parametrize(
    "text",
    [
        'Smith launched a website, "The Border Watch Countdown", on Monday.',
        'The exhibit showed a print called "Cowboys and Indians" from 1987.',
        'Smith said the agency will scrap interviews to "streamline" processing.',
    ],
)
def test_quoted_titles_and_single_words_are_not_statements(text: str) -> None:
    """A short title-case phrase without a sentence-final mark is a title, and one
    quoted word inside a sentence is a term, even next to a speech cue."""
    article = parse_with(text)
    assert [] == [s for s in summary(article) if s[0] in ("direct", "partial")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Smith said: "We Will Win."', "We Will Win."),
        ('Smith said: "We Will Not Leave"', "We Will Not Leave"),
        ('Lopez described the talks as "a real turning point".', "a real turning point"),
    ],
)
def test_sentences_and_fragments_in_quotes_stay_statements(text: str, content: str) -> None:
    """Title case with a sentence-final mark or in the first person, and a fragment
    of several words, are still someone's words."""
    article = parse_with(text)
    assert [content] == [s[4] for s in summary(article) if s[0] in ("direct", "partial")]


def test_about_lists_actors_in_content() -> None:
    """`about` holds the actors named inside the quotation."""
    article = parse_with('"France and Brazil must talk," said Smith.')
    assert ("state:FRA", "state:BRA") == article.statements[0].about


def test_direct_kind() -> None:
    """Whole-sentence quotations are direct."""
    article = parse_with('Smith said: "We are ready to talk."')
    assert [StatementKind.DIRECT] == [s.kind for s in article.statements]


def test_colon_frame_in_previous_sentence() -> None:
    """A frame ending in a colon introduces the quotation of the next paragraph."""
    text = (
        'Maria Lopez, the head of the commission, has called the ruling "a mistake" and '
        '"a danger to everyone":\n\n"We will appeal the decision as soon as we can."'
    )
    article = parse_with(text)
    direct = [s for s in summary(article) if s[0] == "direct"]
    assert [("person:maria-lopez", "call")] == [(s[1], s[3]) for s in direct]
