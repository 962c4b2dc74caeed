"""Speaker phrases: ``X of Y`` names X, and a parenthesis stays in the phrase."""

from __future__ import annotations

import pytest

from test_statements_support import PEOPLE, ActorRow, check_spans, parse_with, summary

ROWS: tuple[ActorRow, ...] = (
    *PEOPLE,
    ("org:who", "organization", "World Health Organization", ("World Health Organization", "WHO")),
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Maria Lopez of Brazil said that the talks had failed.", "person:maria-lopez"),
        ("Ana Costa of Acme Corp said that the talks had failed.", "person:ana-costa"),
        ("President John Smith of France said that the talks had failed.", "person:john-smith"),
    ],
)
def test_person_of_place_is_the_person(text: str, speaker: str) -> None:
    """``X of Y`` with capitalized words on both sides has X as its head."""
    article = parse_with(text)
    check_spans(article)
    assert [(speaker, "the talks had failed")] == [(s[1], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        (
            "The World Health Organization (WHO) said that the talks had failed.",
            "The World Health Organization (WHO)",
        ),
        (
            "According to the World Health Organization (WHO), the talks had failed.",
            "the World Health Organization (WHO)",
        ),
    ],
)
def test_parenthesis_after_speaker(text: str, speaker_text: str) -> None:
    """A parenthesized acronym after the speaker does not hide the frame or join the content."""
    article = parse_with(text, ROWS)
    check_spans(article)
    assert [("org:who", speaker_text, "the talks had failed")] == [
        (s[1], s[2], s[4]) for s in summary(article)
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Maria Lopez on Sunday said that the talks had failed.", "person:maria-lopez"),
        (
            "The Interior Ministry last week said that the talks had failed.",
            "org:interior-ministry",
        ),
        ("John Smith late on Tuesday said that the talks had failed.", "person:john-smith"),
        (
            "The head of the company, Ana Costa, on Friday said that the talks had failed.",
            "person:ana-costa",
        ),
    ],
)
def test_time_adverbial_between_subject_and_cue(text: str, speaker: str) -> None:
    """``X on Sunday said``: the time adverbial is skipped, not taken as the speaker."""
    article = parse_with(text)
    check_spans(article)
    assert [(speaker, "the talks had failed")] == [(s[1], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Institutional recipients, said Lopez, are required to exhibit the photographs.",
            "person:maria-lopez",
            "Institutional recipients, said Lopez, are required to exhibit the photographs",
        ),
        (
            "The talks, said John Smith, had failed because of France.",
            "person:john-smith",
            "The talks, said John Smith, had failed because of France",
        ),
        (
            "Costa, the deputy minister, said Lopez had left the talks early.",
            "person:ana-costa",
            "Lopez had left the talks early",
        ),
    ],
)
def test_inverted_attribution_between_commas(text: str, speaker: str, content: str) -> None:
    """``A, said X, B``: X is the speaker; an apposition before the cue still is."""
    article = parse_with(text)
    check_spans(article)
    assert [(speaker, content)] == [(s[1], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    "text",
    [
        "He flew to Brazil to meet with Lopez, who had told reporters that the talks had failed.",
        "France sent a letter to Lopez who had told reporters that the talks had failed.",
    ],
)
def test_relative_pronoun_speaker_is_its_antecedent(text: str) -> None:
    """``X, who had told Y that ...``: the speaker is X."""
    article = parse_with(text)
    check_spans(article)
    assert [("person:maria-lopez", "Lopez", "the talks had failed")] == [
        (s[1], s[2], s[4]) for s in summary(article)
    ]


def test_long_apposition_stays_in_the_speaker_phrase() -> None:
    """An apposition of up to twenty tokens between commas belongs to the speaker."""
    article = parse_with(
        "Ana Costa, the head of the regional office of the national electoral commission"
        " in Brazil, said the vote would go ahead."
    )
    check_spans(article)
    assert [("person:ana-costa", "the vote would go ahead")] == [
        (s[1], s[4]) for s in summary(article)
    ]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("Lopez rejected the offer, calling it “a provocation by France”.", "Lopez"),
        ("In Brazil, Smith rejected the offer, calling it “a provocation by France”.", "Smith"),
        (
            "However, in Brazil, Costa rejected the offer, calling it “a provocation by France”.",
            "Costa",
        ),
    ],
)
def test_participle_takes_the_subject_after_fronted_adverbials(
    text: str, speaker_text: str
) -> None:
    """``[However, in X,] Smith rejected ..., calling it “...”``: the participle's
    speaker is the subject, without fronted adverbials or the verb after the name."""
    article = parse_with(text)
    check_spans(article)
    assert [(speaker_text, "a provocation by France")] == [(s[2], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    ("text", "speaker_text", "content"),
    [
        (
            'The minister spoke for an hour, adding: "We will not back down."',
            "The minister",
            "We will not back down.",
        ),
        (
            "The spokesman met reporters, adding that the talks had failed.",
            "The spokesman",
            "the talks had failed",
        ),
        (
            "The ambassador rejected the offer, saying that the talks had failed.",
            "The ambassador",
            "the talks had failed",
        ),
    ],
)
def test_participle_takes_the_subject_before_a_verb(
    text: str, speaker_text: str, content: str
) -> None:
    """The subject of ``X <verb> ..., adding ...`` ends before the verb, regular
    (``rejected``) or irregular (``spoke``, ``met``)."""
    article = parse_with(text)
    check_spans(article)
    assert [(speaker_text, content)] == [(s[2], s[4]) for s in summary(article)]


def test_nearer_cue_introduces_the_quotation() -> None:
    """A cue right before a quotation (``a message stating, “...”``) names its speaker,
    even inside another cue's reported content."""
    text = (
        "Some users reported that all they get is a message stating, "
        "“The site is down for maintenance today.”"
    )
    article = parse_with(text)
    check_spans(article)
    assert ("direct", "a message", "state", "The site is down for maintenance today.") == next(
        (s[0], s[2], s[3], s[4]) for s in summary(article) if s[0] != "reported"
    )


def test_participle_after_while_shares_the_subject() -> None:
    """``X defended ... whilst promising ...: “...”``: the participle's speaker is the
    sentence's subject, and the colon hands it the quotation."""
    text = (
        "Maria Lopez defended the record whilst promising reform: “We will act within the month.”"
    )
    article = parse_with(text)
    check_spans(article)
    assert ("direct", "person:maria-lopez", "promise", "We will act within the month.") == next(
        (s[0], s[1], s[3], s[4]) for s in summary(article) if s[0] == "direct"
    )
