"""Reported speech: cue frames, content boundaries, speakers and addressees."""

from __future__ import annotations

import pytest

from test_statements_support import check_spans, parse_with, summary


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Lopez said that the border would reopen in May.",
            "person:maria-lopez",
            "say",
            "the border would reopen in May",
        ),
        (
            "Smith insisted the deal was still alive.",
            "person:john-smith",
            "insist",
            "the deal was still alive",
        ),
        (
            "The Interior Ministry confirmed on Friday that two officers were hurt.",
            "org:interior-ministry",
            "confirm",
            "two officers were hurt",
        ),
        (
            "Costa has repeatedly denied that France paid the ransom.",
            "person:ana-costa",
            "deny",
            "France paid the ransom",
        ),
        (
            "Brazil announced that it would expel the diplomats.",
            "state:BRA",
            "announce",
            "it would expel the diplomats",
        ),
        (
            "Smith acknowledged that mistakes had been made, adding that an inquiry would follow.",
            "person:john-smith",
            "acknowledge",
            "mistakes had been made",
        ),
        (
            "The talks will resume next week, Lopez said.",
            "person:maria-lopez",
            "say",
            "The talks will resume next week",
        ),
        (
            "The talks will resume next week, said the Interior Ministry.",
            "org:interior-ministry",
            "say",
            "The talks will resume next week",
        ),
        (
            "According to Costa, the ceasefire is holding.",
            "person:ana-costa",
            "according to",
            "the ceasefire is holding",
        ),
        (
            "The ceasefire is holding, according to Costa.",
            "person:ana-costa",
            "according to",
            "The ceasefire is holding",
        ),
    ],
)
def test_reported_frames(text: str, speaker: str, cue: str, content: str) -> None:
    """Each cue of the lexicon finds its speaker and the content clause it introduces."""
    article = parse_with(text)
    check_spans(article)
    reported = [s for s in summary(article) if s[0] == "reported"]
    assert [(speaker, cue, content)] == [(s[1], s[3], s[4]) for s in reported][:1]


def test_addressee_and_against() -> None:
    """`warned X against Y`: X is the addressee and the content keeps the object."""
    article = parse_with(
        "Lopez warned the United States against sending troops, calling it a mistake."
    )
    statement = article.statements[0]
    assert (
        "warn",
        ("state:USA",),
        "the United States against sending troops",
    ) == (statement.cue, statement.addressees, article.text_of(statement.content_span))


def test_told_addressee_then_that() -> None:
    """`told X that Y`: the content starts after `that`, X is the addressee."""
    article = parse_with("Smith told Costa that the embassy would stay open.")
    statement = article.statements[0]
    assert (("person:ana-costa",), "the embassy would stay open") == (
        statement.addressees,
        article.text_of(statement.content_span),
    )


def test_apposition_speaker() -> None:
    """`The envoy, John Smith, said ...`: the speaker phrase covers the apposition."""
    article = parse_with("The French envoy, John Smith, said that talks had stalled.")
    assert [("person:john-smith", "The French envoy, John Smith")] == [
        (s[1], s[2]) for s in summary(article)
    ]


def test_pronoun_reported_speaker() -> None:
    """`She said ...` resolves to the person of the previous sentence."""
    article = parse_with("Ana Costa arrived late. She said the meeting had been moved.")
    assert [("person:ana-costa", "She")] == [(s[1], s[2]) for s in summary(article)]


def test_definite_description_resolves() -> None:
    """`the ministry said` refers back to the ministry named earlier."""
    text = "The Interior Ministry opened an inquiry. The ministry said that nobody was arrested."
    article = parse_with(text)
    assert [("org:interior-ministry", "The ministry")] == [(s[1], s[2]) for s in summary(article)]


@pytest.mark.parametrize(
    "text",
    [
        "Reports indicate that the border will reopen.",
        "Intelligence reports suggest that troops may move.",
        "Smith believes that the border will reopen.",
        "The plan is expected to pass.",
        "The claims were dismissed by the court.",
        "Economic data show that growth slowed.",
        "The nation's asylum claim- 'legacy backlog' grew to 92,000 cases by year end.",
    ],
)
def test_not_statements(text: str) -> None:
    """Documents, beliefs, passives and nouns that look like cues are not statements."""
    assert [] == summary(parse_with(text))


def test_document_with_a_speech_cue_is_a_statement() -> None:
    """``The report says ...``: a document that speaks is an unresolved speaker; its
    findings with an evidential cue (``Reports indicate``) stay claims only."""
    article = parse_with("The report says that iodine intake has fallen.")
    check_spans(article)
    assert [("reported", None, "The report", "say", "iodine intake has fallen")] == summary(article)


def test_evidential_cue_needs_an_actor() -> None:
    """`indicated` is a statement when a person is its source, not when a phrase is."""
    assert ["person:john-smith"] == [
        s.speaker for s in parse_with("Smith indicated that more visits would follow.").statements
    ]
    assert [] == list(parse_with("This phrase indicates a future intent to talk.").statements)


def test_capitalized_cue_form_inside_a_name() -> None:
    """`States` in `United States` is not the verb `state`."""
    article = parse_with("The United States and France met in Paris on Monday.")
    assert [] == summary(article)


def test_coordinated_verbs_share_the_subject() -> None:
    """`X said A, and predicted that B`: two statements by X, each with its own clause."""
    article = parse_with("Costa said that exports rose, and predicted that prices would fall.")
    assert [
        ("person:ana-costa", "say", "exports rose"),
        ("person:ana-costa", "predict", "prices would fall"),
    ] == [(s[1], s[3], s[4]) for s in summary(article)]


def test_bare_clause_after_says() -> None:
    """`X says there were concerns ...` needs no `that`."""
    article = parse_with("Smith says there were concerns about the visas.")
    assert [("person:john-smith", "there were concerns about the visas")] == [
        (s[1], s[4]) for s in summary(article)
    ]


def test_addressee_then_bare_clause() -> None:
    """`Officials told Costa the border ...`: addressee, then the content clause."""
    article = parse_with("Smith told Costa the border would stay closed.")
    statement = article.statements[0]
    assert (("person:ana-costa",), "the border would stay closed") == (
        statement.addressees,
        article.text_of(statement.content_span),
    )


def test_aside_between_speaker_and_cue() -> None:
    """`X, in remarks to reporters, said ...`: the aside is not the speaker."""
    article = parse_with("John Smith, in remarks to reporters, said that talks would resume.")
    assert [("person:john-smith", "John Smith")] == [(s[1], s[2]) for s in summary(article)]


def test_anonymous_person_is_a_statement_without_speaker() -> None:
    """An unnamed official is a speaker phrase with no actor id."""
    article = parse_with("A senior official said that the talks had failed.")
    assert [(None, "A senior official", "the talks had failed")] == [
        (s[1], s[2], s[4]) for s in summary(article)
    ]


@pytest.mark.parametrize("head", ["researchers", "scientists", "prosecutors", "police"])
def test_unnamed_group_of_people_is_a_speaker(head: str) -> None:
    """`..., researchers say.`: an unnamed group of people speaks (no actor id)."""
    article = parse_with(f"Almost half of the children lack iodine, {head} say.")
    assert [("reported", None, head, "Almost half of the children lack iodine")] == [
        (s[0], s[1], s[2], s[4]) for s in summary(article)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As Smith told reporters, the talks will resume in May.",
            [("person:john-smith", "tell", "the talks will resume in May")],
        ),
        (
            "As Lopez said, the border stays closed.",
            [("person:maria-lopez", "say", "the border stays closed")],
        ),
        ("As Smith said goodbye, the talks ended.", []),
    ],
)
def test_fronted_as_clause_attributes_the_main_clause(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """`As X told Y, <content>`: the main clause is what X said; a cue with its own
    object (`said goodbye`) attributes nothing."""
    article = parse_with(text)
    assert expected == [(s[1], s[3], s[4]) for s in summary(article)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It was announced by Smith that the talks will resume.",
            [("person:john-smith", "Smith", "announce", "the talks will resume")],
        ),
        ("The deal is expected by June.", []),
        ("The rise is explained by the fact that prices fell.", []),
    ],
)
def test_passive_cue_takes_its_by_phrase_as_source(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    """`it was announced by X that ...`: X is the source; a passive cue without a
    `by` phrase and a clause, or whose `by` phrase names no one, attributes nothing."""
    article = parse_with(text)
    assert expected == [(s[1], s[2], s[3], s[4]) for s in summary(article)]


def test_long_subject_with_comma_before_verb() -> None:
    """`Ana Costa for the Interior Ministry, says ...` keeps the whole subject."""
    article = parse_with("Ana Costa for the Interior Ministry, says the plan will change.")
    assert [("person:ana-costa", "Ana Costa for the Interior Ministry")] == [
        (s[1], s[2]) for s in summary(article)
    ]


def test_embedded_unresolved_frame_is_not_a_new_statement() -> None:
    """`X says the results confirm ...`: one statement by X, not one by `the results`."""
    article = parse_with("Smith says the results confirm the existence of a deficit.")
    assert [("person:john-smith", "say")] == [(s[1], s[3]) for s in summary(article)]


def test_complementizer_is_not_part_of_the_speaker() -> None:
    """`X says that officials have complained ...`: `that` is not in the inner speaker."""
    article = parse_with("Smith says that officials have complained to him about the leaks.")
    texts = [s[2] for s in summary(article)]
    assert "that officials" not in texts


def test_object_then_verb_is_not_a_bare_clause() -> None:
    """`asked the governments not to ...` and `called the group was ...` are no content clauses."""
    assert [] == summary(parse_with("Costa asked the governments not to turn away the boats."))
