"""Second voices: a source reported inside a quotation, a colon that introduces the
next paragraph's quotation, and a headline that names its source before a colon."""

from __future__ import annotations

import pytest

from geobrief import Pipeline, StatementKind
from geobrief.statements import extract_statements
from geobrief.structure import parse_structure
from test_statements_support import PEOPLE, check_spans, parse_with, summary, with_actors


@pytest.mark.parametrize(
    ("agent", "agent_id"),
    [("the Interior Ministry", "org:interior-ministry"), ("the Crown", None)],
)
def test_source_reported_inside_a_quotation(agent: str, agent_id: str | None) -> None:
    """``“... it is asserted by the Crown that ...”``: the Crown's content, cut at the
    closing mark, is a reported statement of its own beside the quoting speaker's
    (resolved when the source is a known actor, else only its span)."""
    text = (
        'John Smith told the court that, "the delay was fatal and it is asserted by '
        f'{agent} that both officers knew this." The hearing continues.'
    )
    article = parse_with(text)
    check_spans(article)
    assert [
        ("direct", "person:john-smith", "John Smith", "tell"),
        ("reported", agent_id, agent, "assert"),
    ] == [s[:4] for s in summary(article)]
    assert "both officers knew this." == summary(article)[1][4]


@pytest.mark.parametrize(
    "inner",
    [
        "he said that the deal was done",  # a pronoun: the quoted speaker's to resolve
        "He's saying that the deal was done",  # a contracted pronoun
        "if the Interior Ministry confirms me, I will stay",  # no "that": not a report
    ],
)
def test_no_second_voice_inside_a_quotation(inner: str) -> None:
    """Inside a quotation only a named or described source with ``that`` before its
    content is a new voice; otherwise the quotation is one statement."""
    text = f'"We spoke for an hour and {inner}," John Smith said.'
    article = parse_with(text)
    assert [("direct", "person:john-smith")] == [(s[0], s[1]) for s in summary(article)]


@pytest.mark.parametrize(
    "intro",
    [
        "Maria Lopez has called the ruling dangerous:",
        "The head of the court (a federal body), Maria Lopez, has called the ruling dangerous:",
        "Maria Lopez reacted angrily on Tuesday:",
    ],
)
def test_colon_sentence_introduces_next_paragraph_quote(intro: str) -> None:
    """A sentence ending in a colon introduces the quotation that opens the next
    paragraph; its subject (before the first verb) is the speaker, cue or not."""
    text = f'{intro}\n\n"We face a dangerous ruling and we will appeal it."\n'
    article = parse_with(text)
    check_spans(article)
    direct = [s for s in summary(article) if s[0] == "direct"]
    assert [("person:maria-lopez", "We face a dangerous ruling and we will appeal it.")] == [
        (s[1], s[4]) for s in direct
    ]


def test_colon_sentence_without_a_known_subject_names_no_one() -> None:
    """``The statement reads:`` names no actor: the quotation stays unattributed."""
    text = 'The full statement was published:\n\n"We face a dangerous ruling and we will appeal."\n'
    article = parse_with(text)
    assert [(StatementKind.DIRECT, None)] == [(s.kind, s.speaker) for s in article.statements]


def _with_structure(text: str) -> list[tuple[str, str | None, str | None, str | None, str]]:
    pipeline = Pipeline(
        stages=(
            ("structure", parse_structure),
            ("actors", with_actors(PEOPLE)),
            ("statements", extract_statements),
        ),
        strict=True,
    )
    article = pipeline.parse(text)
    check_spans(article)
    return summary(article)


@pytest.mark.parametrize(
    ("title", "speaker_id", "speaker_text", "content"),
    [
        (
            "Reports: new asylum process to replace interviews for five nationalities",
            None,
            "Reports",
            "new asylum process to replace interviews for five nationalities",
        ),
        (
            "Study: infections likely far higher than confirmed",
            None,
            "Study",
            "infections likely far higher than confirmed",
        ),
        (
            "Maria Lopez: the talks have failed and will not resume",
            "person:maria-lopez",
            "Maria Lopez",
            "the talks have failed and will not resume",
        ),
    ],
)
def test_headline_names_its_source_before_a_colon(
    title: str, speaker_id: str | None, speaker_text: str, content: str
) -> None:
    """``Reports: ...`` as a title is that source's reported statement."""
    text = f"{title}\n\nThe talks ended on Monday in Geneva without a date for more.\n"
    assert [("reported", speaker_id, speaker_text, None, content)] == _with_structure(text)


@pytest.mark.parametrize(
    "title",
    [
        "Maria Lopez: An Interview with the New Minister of Trade",  # a subtitle
        "Geneva: talks end without a date for the next round",  # not a source
        "Reports: too short",
    ],
)
def test_headline_colon_that_names_no_source(title: str) -> None:
    """A title-case subtitle, a place or a short remainder is not a statement."""
    text = f"{title}\n\nThe talks ended on Monday in Geneva without a date for more.\n"
    assert [] == _with_structure(text)


def test_verb_before_a_participle_is_not_in_the_speaker_phrase() -> None:
    """``"A," said X commenting on it. "B."``: the participle's subject is X, without the
    ``said`` before it, and the next quotation continues X."""
    text = (
        '"It took too long," said John Smith commenting on the decision. '
        '"They were afraid so they stopped the market."'
    )
    article = parse_with(text)
    check_spans(article)
    assert [("person:john-smith", "John Smith")] * 2 == [
        (s[1], s[2]) for s in summary(article) if s[0] == "direct"
    ]


@pytest.mark.parametrize("negated", ["didn't", "doesn't", "cannot", "won’t"])
def test_negated_auxiliary_is_not_a_speaker(negated: str) -> None:
    """``He didn't say where ...``: the negated auxiliary never becomes (part of) the
    speaker phrase."""
    text = f'John Smith {negated} say where the cuts would fall, but wanted details "very soon".'
    article = parse_with(text)
    check_spans(article)
    assert [] == [s for s in summary(article) if s[2] is not None and negated in s[2]]
