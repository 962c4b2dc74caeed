"""The seed brief's actors against its hand annotation (tests/fixtures/seed/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import geobrief
from geobrief import Actor, ActorKind, Article

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "examples" / "russia_north_korea_brief.txt"
GOLD_FILES = [ROOT / "tests" / "fixtures" / "seed" / "russia_north_korea_brief.gold.json"]

pytestmark = pytest.mark.skipif(not GOLD_FILES, reason="seed gold file not available")


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads(GOLD_FILES[0].read_text("utf-8"))["actors"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def article() -> Article:
    return geobrief.parse(SEED_TEXT.read_text("utf-8"))


def _by_name(article: Article, name: str, kind: str) -> Actor:
    found = [a for a in article.actors if a.name == name and a.kind.value == kind]
    assert 1 == len(found), f"{kind} {name!r} not found once: {found}"
    return found[0]


def _surfaces(article: Article, actor_id: str) -> set[str]:
    return {article.text_of(m) for m in article.mentions if m.actor_id == actor_id}


def test_required_actors(article: Article, gold: dict[str, Any]) -> None:
    """Every required actor is there with its kind, canonical name, iso3, title, affiliation."""
    for expected in gold["required"]:
        actor = _by_name(article, expected["name"], expected["kind"])
        if "iso3" in expected:
            assert expected["iso3"] == actor.iso3
        if "title" in expected:
            assert expected["title"] in actor.titles, actor
        if "affiliation" in expected:
            assert actor.affiliation is not None, actor
            affiliated = article.actor(actor.affiliation)
            assert affiliated is not None
            assert expected["affiliation"] == affiliated.name


def test_aliases_linked(article: Article, gold: dict[str, Any]) -> None:
    """Every listed alias is a mention of its actor (the same id as the canonical name)."""
    for expected in gold["required"]:
        actor = _by_name(article, expected["name"], expected["kind"])
        surfaces = _surfaces(article, actor.id)
        for alias in expected["aliases"]:
            assert alias in surfaces, (actor.id, alias, surfaces)
            assert alias in actor.aliases


def test_optional_actors_have_the_right_kind(article: Article, gold: dict[str, Any]) -> None:
    """Optional actors, when found, have the annotated kind."""
    for expected in gold["optional"]:
        matches = [a for a in article.actors if a.name.lower().endswith(expected["name"].lower())]
        for actor in matches:
            assert expected["kind"] == actor.kind.value


def test_never_a_person(article: Article, gold: dict[str, Any]) -> None:
    """Headings, table labels and sentence-initial words are never persons."""
    persons = [a for a in article.actors if a.kind is ActorKind.PERSON]
    person_surfaces = {s for p in persons for s in _surfaces(article, p.id)}
    for label in gold["must_not_be_person"]:
        assert label not in {p.name for p in persons}
        assert label not in person_surfaces


def test_persons_are_exactly_the_gold_persons(article: Article, gold: dict[str, Any]) -> None:
    """No person beyond the four annotated ones."""
    expected = {a["name"] for a in gold["required"] if a["kind"] == "person"}
    assert expected == {a.name for a in article.actors if a.kind is ActorKind.PERSON}


def test_spans_are_exact(article: Article) -> None:
    """Mentions are in text order, inside the text, and never include a possessive."""
    starts = [m.span.start for m in article.mentions]
    assert sorted(starts) == starts
    for m in article.mentions:
        surface = article.text_of(m)
        assert surface == surface.strip()
        assert not surface.endswith(("’s", "'s"))
    assert sorted(a.id for a in article.actors) == [a.id for a in article.actors]
