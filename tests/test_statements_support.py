"""Helpers for the statement and claim tests: articles with hand-made actors.

The statement and claim stages read ``Article.mentions``; these helpers build
them from a small table of names so the tests do not depend on the actor
recognizer.
"""

from __future__ import annotations

import re

import attrs

from geobrief import Actor, Article, Mention, Pipeline, Span
from geobrief.claims import extract_claims
from geobrief.statements import extract_statements

ActorRow = tuple[str, str, str, tuple[str, ...]]
"""(id, kind, name, surface forms)."""

PEOPLE: tuple[ActorRow, ...] = (
    ("person:maria-lopez", "person", "Maria Lopez", ("Maria Lopez", "Lopez")),
    ("person:john-smith", "person", "John Smith", ("John Smith", "Smith")),
    ("person:ana-costa", "person", "Ana Costa", ("Ana Costa", "Costa")),
    (
        "org:interior-ministry",
        "organization",
        "Interior Ministry",
        ("Interior Ministry", "ministry"),
    ),
    ("org:acme-corp", "organization", "Acme Corp", ("Acme Corp", "Acme")),
    ("state:FRA", "state", "France", ("France", "French")),
    ("state:BRA", "state", "Brazil", ("Brazil", "Brazilian")),
    ("state:USA", "state", "United States", ("the United States", "United States", "U.S.")),
)


def with_actors(rows: tuple[ActorRow, ...] = PEOPLE) -> object:
    """A pipeline stage that adds the given actors and a mention for every form found."""

    def stage(article: Article) -> Article:
        text = article.text
        taken = [False] * len(text)
        mentions: list[Mention] = []
        used: set[str] = set()
        forms = sorted(
            ((form, actor_id) for actor_id, _, _, fs in rows for form in fs),
            key=lambda pair: -len(pair[0]),
        )
        for form, actor_id in forms:
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                if any(taken[m.start() : m.end()]):
                    continue
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                mentions.append(Mention(actor_id=actor_id, span=Span(start=m.start(), end=m.end())))
                used.add(actor_id)
        actors = sorted(
            (Actor(id=i, kind=k, name=n) for i, k, n, _ in rows if i in used), key=lambda a: a.id
        )
        mentions.sort(key=lambda x: x.span.start)
        return attrs.evolve(article, actors=tuple(actors), mentions=tuple(mentions))

    return stage


def parse_with(text: str, rows: tuple[ActorRow, ...] = PEOPLE, claims: bool = False) -> Article:
    """Parse ``text`` with hand-made actors, then statements (and claims)."""
    stages: list[tuple[str, object]] = [
        ("actors", with_actors(rows)),
        ("statements", extract_statements),
    ]
    if claims:
        stages.append(("claims", extract_claims))
    return Pipeline(stages=tuple(stages), strict=True).parse(text)


def summary(article: Article) -> list[tuple[str, str | None, str | None, str | None, str]]:
    """(kind, speaker id, speaker text, cue lemma, content text) of every statement."""
    return [
        (
            s.kind.value,
            s.speaker,
            article.text_of(s.speaker_span) if s.speaker_span else None,
            s.cue,
            article.text_of(s.content_span),
        )
        for s in article.statements
    ]


def check_spans(article: Article) -> None:
    """Every span lies inside the text (the model checks this on creation too)."""
    for _, span in article.iter_spans():
        assert 0 <= span.start <= span.end <= len(article.text)
