"""Unnamed speakers are anonymous sources of their statements' claims."""

from __future__ import annotations

import pytest

from geobrief import ActorSource, AnonymousSource, Article
from geobrief.claims._sources import is_anonymous_phrase
from test_statements_support import check_spans, parse_with


def statement_claim_sources(article: Article) -> list[tuple[str, str | None, str]]:
    """(source kind, source span text, claim text) of every claim made from a statement."""
    text = article.text
    found: list[tuple[str, str | None, str]] = []
    for claim in article.claims:
        if claim.statement is None:
            continue
        source = claim.source
        span = source.span if isinstance(source, ActorSource | AnonymousSource) else None
        found.append(
            (
                source.kind,
                text[span.start : span.end] if span is not None else None,
                text[claim.span.start : claim.span.end],
            )
        )
    return found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "A senior U.S. official, who spoke on condition of anonymity, said France would"
            " send more ships.",
            "A senior U.S. official, who spoke on condition of anonymity",
        ),
        (
            "Officials familiar with the matter said France would send more ships.",
            "Officials familiar with the matter",
        ),
        ("Sources said France would send more ships.", "Sources"),
        (
            "A diplomat who asked not to be named said France would send more ships.",
            "A diplomat who asked not to be named",
        ),
        (
            "People close to the Brazilian president said France would send more ships.",
            "People close to the Brazilian president",
        ),
        ("Two Western officials said France would send more ships.", "Two Western officials"),
        (
            "An Israeli military source told reporters that France would send more ships.",
            "An Israeli military source",
        ),
    ],
)
def test_unnamed_speaker_is_anonymous_source(text: str, source: str) -> None:
    """The claim of a statement by an unnamed official or source has an anonymous
    source whose span is the speaker phrase."""
    article = parse_with(text, claims=True)
    check_spans(article)
    assert [("anonymous", source, "France would send more ships")] == statement_claim_sources(
        article
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Maria Lopez said France would send more ships.", "Maria Lopez"),
        ("A spokesman for Gazprom said France would send more ships.", "A spokesman for Gazprom"),
    ],
)
def test_named_speaker_is_not_anonymous(text: str, source: str) -> None:
    """A named speaker, resolved or not (``a spokesman for Gazprom``), stays an actor source."""
    article = parse_with(text, claims=True)
    assert [("actor", source, "France would send more ships")] == statement_claim_sources(article)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("a senior official", True),
        ("a European diplomat", True),
        ("officials briefed on the talks", True),
        ("an aide who was not authorized to speak publicly", True),
        ("a spokesman, John Doe", False),
        ("the Kremlin", False),
        ("the head of the police's internal investigators", False),
        ("Prime Minister Netanyahu", False),
    ],
)
def test_anonymous_phrase(phrase: str, expected: bool) -> None:
    """The anonymity test on speaker phrases."""
    assert expected == is_anonymous_phrase(phrase)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("An Acme Corp spokesman said France would send more ships.", "actor"),
        ("A spokeswoman for the Interior Ministry said France would send more ships.", "actor"),
        (
            "An Acme Corp official who spoke on condition of anonymity said France would"
            " send more ships.",
            "anonymous",
        ),
        ("A senior Acme Corp official said France would send more ships.", "anonymous"),
    ],
)
def test_spokesperson_of_named_organization_is_on_the_record(text: str, kind: str) -> None:
    """A spokesperson of a named organization speaks on the record; an unnamed
    official of one, or anyone who says they are unnamed, is anonymous."""
    article = parse_with(text, claims=True)
    assert [kind] == [source for source, _, _ in statement_claim_sources(article)]
