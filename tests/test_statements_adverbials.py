"""Adverbials between a cue and its content, and quotations inside reported speech."""

from __future__ import annotations

import pytest

from test_statements_support import check_spans, parse_with, summary


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Maria Lopez said on Monday that the talks with Brazil had failed.", "person:maria-lopez"),
        ("John Smith said last week that the talks with Brazil had failed.", "person:john-smith"),
        ("Ana Costa said earlier that the talks with Brazil had failed.", "person:ana-costa"),
        (
            "Maria Lopez said late on Tuesday that the talks with Brazil had failed.",
            "person:maria-lopez",
        ),
        (
            "The ministry said in a statement that the talks with Brazil had failed.",
            "org:interior-ministry",
        ),
        (
            "Smith said at a news conference on Friday that the talks with Brazil had failed.",
            "person:john-smith",
        ),
        ("Lopez said on Twitter that the talks with Brazil had failed.", "person:maria-lopez"),
        ("Costa said, in an interview, that the talks with Brazil had failed.", "person:ana-costa"),
        (
            "Lopez said earlier this week that the talks with Brazil had failed.",
            "person:maria-lopez",
        ),
        ("Smith said on Monday the talks with Brazil had failed.", "person:john-smith"),
        ("Smith said last week the talks with Brazil had failed.", "person:john-smith"),
    ],
)
def test_adverbial_between_cue_and_content(text: str, speaker: str) -> None:
    """A time or place adverbial after the cue does not stop the frame nor join the content."""
    article = parse_with(text)
    check_spans(article)
    assert [("reported", speaker, "say", "the talks with Brazil had failed")] == [
        (s[0], s[1], s[3], s[4]) for s in summary(article)
    ]


@pytest.mark.parametrize(
    ("text", "addressees"),
    [
        ("Lopez told reporters in Brazil on Monday that the talks had failed.", ()),
        ("Lopez warned on Monday that France would leave the talks.", ()),
        ("Lopez warned France on Monday that the talks had failed.", ("state:FRA",)),
        (
            "Smith told the Interior Ministry last week that the talks had failed.",
            ("org:interior-ministry",),
        ),
    ],
)
def test_adverbial_is_not_an_addressee(text: str, addressees: tuple[str, ...]) -> None:
    """A place or time adverbial after ``told``/``warned`` is not the addressee."""
    article = parse_with(text)
    assert [addressees] == [s.addressees for s in article.statements]


@pytest.mark.parametrize(
    ("text", "reported", "partial"),
    [
        (
            'Lopez said on Monday that France would respond "with full force" to any attack.',
            'France would respond "with full force" to any attack',
            "with full force",
        ),
        (
            'Smith said the agency would act "without delay and in full" once the report was out.',
            'the agency would act "without delay and in full" once the report was out',
            "without delay and in full",
        ),
        (
            "Costa told reporters that Brazil would answer “in kind, and soon” if provoked.",
            "Brazil would answer “in kind, and soon” if provoked",
            "in kind, and soon",
        ),
    ],
)
def test_quotation_inside_reported_speech_is_partial(
    text: str, reported: str, partial: str
) -> None:
    """Quoted words inside a reported clause are a partial quote of the clause's speaker,
    and the reported statement around them is kept; a speech verb inside the clause
    (``respond``, ``answer``) does not become the quotation's cue."""
    article = parse_with(text)
    check_spans(article)
    found = summary(article)
    speaker = found[0][1]
    assert speaker is not None
    assert [("reported", speaker, reported), ("partial", speaker, partial)] == [
        (s[0], s[1], s[4]) for s in found
    ]
    assert found[0][3] == found[1][3]


def test_one_quoted_word_inside_reported_speech_stays_a_term() -> None:
    """A single quoted word inside reported speech is not a statement of its own,
    but it no longer turns the clause's verb into a direct-quote cue."""
    article = parse_with('Lopez said that France would respond "decisively" to any attack.')
    assert [
        ("reported", "person:maria-lopez", "say", 'France would respond "decisively" to any attack')
    ] == [(s[0], s[1], s[3], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The talks, Lopez said, had failed because of France.",
            "person:maria-lopez",
            "The talks, Lopez said, had failed because of France",
        ),
        (
            "Such strikes, she warned, would only harden Brazil's position.",
            None,
            "Such strikes, she warned, would only harden Brazil's position",
        ),
    ],
)
def test_interrupting_attribution_takes_the_whole_clause(
    text: str, speaker: str | None, content: str
) -> None:
    """``A, X said, B``: the content runs over the attribution to the clause's end,
    not just the words before it."""
    article = parse_with(text)
    check_spans(article)
    assert [("reported", speaker, content)] == [(s[0], s[1], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    "text",
    [
        "Smith said that when the talks failed, a group called the Brazil Forum moved in.",
        "Lopez found that after France left, a body called the Acme Council took over.",
    ],
)
def test_naming_verb_is_not_a_trailing_attribution(text: str) -> None:
    """``a group called the X moved in`` does not end the content as ``, X said.`` would."""
    article = parse_with(text)
    contents = [s[4] for s in summary(article)]
    assert 1 == len(contents)
    assert contents[0].endswith(("moved in", "took over"))


def test_fronted_according_to_source_runs_to_the_comma() -> None:
    """``According to a poll published by X last week, <content>``: the source is
    the whole phrase before the comma and the content starts after it."""
    article = parse_with(
        "According to a report published by Acme Corp last week, France will leave the talks.",
        claims=True,
    )
    check_spans(article)
    text = article.text
    found = [
        (text[c.source.span.start : c.source.span.end], text[c.span.start : c.span.end])
        for c in article.claims
        if c.cue == "according to" and c.source.kind != "article" and c.source.span is not None
    ]
    assert [("a report published by Acme Corp last week", "France will leave the talks")] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Smith said the aid was conditional but denied that he made any deal with France.",
            [
                ("person:john-smith", "say", "the aid was conditional"),
                ("person:john-smith", "deny", "he made any deal with France"),
            ],
        ),
        (
            "Lopez, who rarely speaks in public, told reporters that Brazil would leave.",
            [("person:maria-lopez", "tell", "Brazil would leave")],
        ),
    ],
)
def test_but_coordination_and_relative_clauses(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """``said ... but denied that ...`` ends the first content and shares the subject;
    a ``who`` clause with its own verb still belongs to the speaker phrase."""
    article = parse_with(text)
    check_spans(article)
    assert expected == [(s[1], s[3], s[4]) for s in summary(article)]


def test_that_after_cue_is_not_an_inverted_speaker() -> None:
    """``<subject>, declared that X ...`` is not ``<content>, said X``."""
    article = parse_with(
        "The council, meeting in Brazil on Monday, declared that Lopez had been elected."
    )
    assert [] == [s for s in summary(article) if s[2] == "that Lopez"]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("On February 1 Acme Corp acknowledged that the talks had failed.", "Acme Corp"),
        ("In March 2019 Smith said that the talks had failed.", "Smith"),
        ("On May 5 the Interior Ministry said that the talks had failed.", "the Interior Ministry"),
    ],
)
def test_fronted_date_is_not_part_of_the_speaker(text: str, speaker_text: str) -> None:
    """A date before the subject (``On February 1 Acme Corp said``) is left out of the speaker."""
    article = parse_with(text)
    assert [(speaker_text, "the talks had failed")] == [(s[2], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    "text",
    [
        "The Houthi movement claimed responsibility for the attacks on the plant.",
        "The rebels quickly claimed credit for the raid on the border post.",
    ],
)
def test_claimed_responsibility_is_not_reported_speech(text: str) -> None:
    """``claimed responsibility for ...`` has an object, not a content clause."""
    assert [] == summary(parse_with(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'After Smith said that the ballots were forged, Acme Corp placed a "fact check" label.',
            "the ballots were forged",
        ),
        (
            "When Lopez said the talks with Brazil had failed, France left the room.",
            "the talks with Brazil had failed",
        ),
        (
            "Although Costa said that the talks had failed, the two sides met again on Friday.",
            "the talks had failed",
        ),
    ],
)
def test_fronted_subordinate_clause_ends_at_its_comma(text: str, content: str) -> None:
    """A cue inside a fronted ``After/When/Although ...`` clause has content only up to
    the clause's comma; quoted words in the main clause are not the speaker's."""
    article = parse_with(text)
    check_spans(article)
    assert [("reported", content)] == [(s[0], s[4]) for s in summary(article)]


def test_number_comma_is_not_a_clause_break() -> None:
    """``32,000`` does not end a content clause, nor does a capitalized ``States``."""
    article = parse_with(
        "Lopez said that the virus may cause roughly 32,000 more deaths in the United States."
    )
    assert ["the virus may cause roughly 32,000 more deaths in the United States"] == [
        s[4] for s in summary(article)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Lopez told reporters today the talks with Brazil had failed.",
        "Lopez told the Interior Ministry on Monday the talks with Brazil had failed.",
    ],
)
def test_time_adverbial_after_addressee(text: str) -> None:
    """``told Y today <clause>``: the adverbial joins neither addressee nor content."""
    article = parse_with(text)
    check_spans(article)
    assert ["the talks with Brazil had failed"] == [s[4] for s in summary(article)]
