"""An evolved Article is checked only where it differs from the last consistent one,
with the same verdict and the same error as the whole check."""

from __future__ import annotations

import itertools
import random
import weakref
from pathlib import Path
from typing import Any

import attrs
import pytest

import geobrief
from geobrief import (
    Actor,
    ActorKind,
    ActorSource,
    Article,
    Claim,
    Mention,
    Modality,
    ModelError,
    OutlineEntry,
    Paragraph,
    Span,
    Statement,
    StatementKind,
    _model,
)

SEED = Path(__file__).resolve().parents[1] / "examples" / "russia_north_korea_brief.txt"


def whole_check_error(article: Article) -> str | None:
    """The message of the whole check (no earlier article to compare with), or None."""
    _model._CHECKED.last = None
    try:
        _model._check_article(article)
    except ModelError as error:
        return str(error)
    return None


def stage_articles() -> list[Article]:
    """The article after each stage of the default pipeline, for the seed."""
    text = SEED.read_text("utf-8")
    article = geobrief.parse("")
    article = Article(id=article.id, text=geobrief.parse(text).text)
    found = [article]
    for _, stage in geobrief.default_pipeline().stages:
        article = stage(article)
        found.append(article)
    return found


def broken_values(article: Article) -> dict[str, list[Any]]:
    """For some fields, values that make ``article`` inconsistent."""
    n = len(article.text)
    past = Span(start=0, end=n + 1)
    sentence = Span(start=0, end=n)  # outside any shorter paragraph
    first_claim = article.claims[0]
    return {
        "title": [past],
        "mentions": [
            (*article.mentions, Mention(actor_id="state:XXX", span=Span(start=0, end=1))),
            (Mention(actor_id="state:RUS", span=past),),
        ],
        "actors": [
            (),
            (
                *article.actors,
                Actor(id="org:x", kind=ActorKind.ORGANIZATION, name="X", affiliation="state:XXX"),
            ),
        ],
        "statements": [
            (),
            (
                Statement(
                    kind=StatementKind.DIRECT,
                    content_span=Span(start=0, end=1),
                    speaker="person:nobody",
                ),
            ),
        ],
        "claims": [
            (attrs.evolve(first_claim, statement=len(article.statements)),),
            (attrs.evolve(first_claim, source=ActorSource(actor_id="person:nobody")),),
            (attrs.evolve(first_claim, span=past),),
        ],
        "sections": [
            (),
            (
                attrs.evolve(
                    article.sections[0],
                    paragraphs=(Paragraph(span=Span(start=0, end=1), sentences=(sentence,)),),
                ),
            ),
        ],
        "outline": [(OutlineEntry(span=Span(start=0, end=1), section=len(article.sections)),)],
        "lead": [Paragraph(span=past)],
    }


def test_incremental_check_agrees_with_the_whole_check() -> None:
    """For every earlier consistent article and every mix of fields taken from the
    stages' articles or broken on purpose, the check made against the earlier article
    gives the same verdict (and error message) as the whole check."""
    stages = stage_articles()
    final = stages[-1]
    broken = broken_values(final)
    choices = {
        name: [getattr(a, name) for a in stages] + broken.get(name, [])
        for name in (
            "title",
            "lead",
            "sections",
            "outline",
            "actors",
            "mentions",
            "statements",
            "claims",
            "key_points",
            "summary",
            "faq",
        )
    }
    rng = random.Random(7)
    verdicts = []
    for since, _ in itertools.product(stages, range(80)):
        fields = {
            name: rng.choice(values) for name, values in choices.items() if rng.random() < 0.3
        }
        candidate = object.__new__(Article)  # unchecked, to check it both ways
        for field in attrs.fields(Article):
            object.__setattr__(
                candidate, field.name, fields.get(field.name, getattr(since, field.name))
            )
        expected = _model._article_is_consistent(candidate)
        assert expected == _model._article_is_consistent(candidate, since)
        expected_error = whole_check_error(candidate)
        _model._CHECKED.last = weakref.ref(since)
        try:
            attrs.evolve(since, **fields)
            actual_error = None
        except ModelError as error:
            actual_error = str(error)
        assert expected_error == actual_error
        verdicts.append(expected)
    assert {True, False} == set(verdicts)


def test_evolve_in_the_pipeline_checks_only_the_changes() -> None:
    """Each stage's evolve that is checked is compared with the article the stage was
    given (the first Article and the stages whose values are valid by construction are
    built unchecked, by ``_trusted_article``; the statements stage's evolve is checked)."""
    seen: list[bool] = []
    original = _model._article_is_consistent

    def spy(article: Article, since: Article | None = None) -> bool:
        seen.append(since is not None)
        return original(article, since)

    _model._article_is_consistent = spy  # type: ignore[assignment]
    try:
        geobrief.parse(SEED.read_text("utf-8"))
    finally:
        _model._article_is_consistent = original  # type: ignore[assignment]
    assert seen
    assert [True] * len(seen) == seen


def test_a_new_article_with_the_same_text_is_still_checked() -> None:
    """An Article built from scratch after a consistent one with the same text object is
    rejected for its own bad span."""
    article = geobrief.parse("Russia said it would respond.")
    with pytest.raises(ModelError, match=r"\$\.title\.end"):
        Article(id=article.id, text=article.text, title=Span(start=0, end=99))
    claim = Claim(
        span=Span(start=0, end=1),
        source=ActorSource(actor_id="state:RUS"),
        modality=Modality.REPORTED,
    )
    with pytest.raises(ModelError, match=r"unknown actor id 'state:RUS'"):
        attrs.evolve(article, actors=(), mentions=(), statements=(), claims=(claim,))
