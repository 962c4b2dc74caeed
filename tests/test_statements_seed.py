"""The seed brief's statements match its hand annotation.

The gold file labels the two quoted fragments inside reported sentences
(``“invincible fighting brotherhood.”``, ``“strategic dialogue.”``) as
``direct``; geobrief's model has a separate kind for exactly these,
``partial`` ("a quoted fragment inside an otherwise reported sentence"), so
a gold ``direct`` is matched by ``direct`` or ``partial``, and the two
fragments are checked to be ``partial``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geobrief import Article, StatementKind, parse
from geobrief.statements import cue_for_form

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "examples" / "russia_north_korea_brief.txt"
SEED_GOLD = ROOT / "tests" / "fixtures" / "seed" / "russia_north_korea_brief.gold.json"

pytestmark = pytest.mark.skipif(not SEED_GOLD.exists(), reason="seed gold not available")


@pytest.fixture(scope="module")
def article() -> Article:
    return parse(SEED_TEXT.read_text("utf-8"))


def gold_statements() -> list[dict[str, Any]]:
    return list(json.loads(SEED_GOLD.read_text("utf-8"))["statements"])


def speaker_names(article: Article, speaker: str | None) -> set[str]:
    actor = article.actor(speaker) if speaker else None
    return set() if actor is None else {actor.name.lower(), *(a.lower() for a in actor.aliases)}


@pytest.mark.parametrize("gold", gold_statements(), ids=lambda g: g["cue"])
def test_gold_statement_found(article: Article, gold: dict[str, Any]) -> None:
    """Each gold statement is found with its content, kind, speaker and cue."""
    matches = [s for s in article.statements if article.text_of(s.content_span) == gold["content"]]
    assert 1 == len(matches)
    statement = matches[0]
    allowed = {"direct": {StatementKind.DIRECT, StatementKind.PARTIAL}}.get(
        gold["kind"], {StatementKind(gold["kind"])}
    )
    entry = cue_for_form(gold["cue"])
    assert entry is not None
    assert (True, True, entry.lemma, gold["cue"]) == (
        statement.kind in allowed,
        gold["speaker"].lower() in speaker_names(article, statement.speaker),
        statement.cue,
        article.text_of(statement.cue_span) if statement.cue_span else None,
    )


def test_fragments_are_partial(article: Article) -> None:
    """The quoted fragments inside reported sentences are partial quotes."""
    kinds = {article.text_of(s.content_span): s.kind for s in article.statements}
    assert [StatementKind.PARTIAL, StatementKind.PARTIAL] == [
        kinds["invincible fighting brotherhood."],
        kinds["strategic dialogue."],
    ]


def test_line_split_quote_content_has_no_newlines(article: Article) -> None:
    """The quote whose marks sit on their own lines has content without the newlines."""
    direct = [s for s in article.statements if s.kind is StatementKind.DIRECT]
    assert ["We warn"] == [article.text_of(s.content_span)[:7] for s in direct]
    assert "\n" not in article.text_of(direct[0].content_span)


def test_no_quote_diagnostics(article: Article) -> None:
    """The seed's quotes are all balanced."""
    assert [] == [d for d in article.diagnostics if d.code == "unbalanced-quote"]


def test_spans_are_exact(article: Article) -> None:
    """Speaker and cue spans hold the text they claim (pronoun speakers included)."""
    texts = {article.text_of(s.speaker_span) for s in article.statements if s.speaker_span}
    assert {"Lavrov", "he", "The Russian foreign ministry"} <= texts
