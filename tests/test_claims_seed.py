"""The seed brief's claims match its hand annotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geobrief import AnonymousSource, Article, ArticleSource, Modality, parse
from geobrief.statements import cue_for_form

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "examples" / "russia_north_korea_brief.txt"
SEED_GOLD = ROOT / "tests" / "fixtures" / "seed" / "russia_north_korea_brief.gold.json"

pytestmark = pytest.mark.skipif(not SEED_GOLD.exists(), reason="seed gold not available")


@pytest.fixture(scope="module")
def article() -> Article:
    return parse(SEED_TEXT.read_text("utf-8"))


def gold_claims() -> dict[str, Any]:
    return dict(json.loads(SEED_GOLD.read_text("utf-8"))["claims"])


@pytest.mark.parametrize("gold", gold_claims()["attributed"], ids=lambda g: g["cue"])
def test_attributed_claim(article: Article, gold: dict[str, Any]) -> None:
    """Each attributed claim has its content, anonymous source, cue and hedging."""
    matches = [c for c in article.claims if article.text_of(c.span) == gold["content"]]
    assert 1 == len(matches)
    claim = matches[0]
    entry = cue_for_form(gold["cue"])
    assert entry is not None
    assert isinstance(claim.source, AnonymousSource)
    assert (gold["source_kind"], gold["source"], entry.lemma, gold["hedged"]) == (
        claim.source.kind,
        article.text_of(claim.source.span),
        claim.cue,
        claim.modality is Modality.HEDGED,
    )


@pytest.mark.parametrize("fragment", gold_claims()["hedged_article_voice"])
def test_hedged_article_voice(article: Article, fragment: str) -> None:
    """Every hedged proposition in the article's own voice is a hedged claim."""
    holding = [
        c
        for c in article.claims
        if isinstance(c.source, ArticleSource) and fragment in article.text_of(c.span)
    ]
    assert [Modality.HEDGED] == [c.modality for c in holding]
    assert all(c.hedges for c in holding)


@pytest.mark.parametrize("fragment", gold_claims()["asserted_article_voice_examples"])
def test_asserted_article_voice(article: Article, fragment: str) -> None:
    """Plain statements of fact in the article's voice are asserted claims."""
    holding = [c for c in article.claims if fragment in article.text_of(c.span)]
    assert [(ArticleSource(), Modality.ASSERTED)] == [(c.source, c.modality) for c in holding]


def test_statement_claims_are_linked(article: Article) -> None:
    """Every statement's content is a claim that points back to it."""
    linked = {c.statement: c.span for c in article.claims if c.statement is not None}
    assert {i: s.content_span for i, s in enumerate(article.statements)} == linked


def test_negated_reported_claim(article: Article) -> None:
    """`should not include hostile intentions` is a negated claim with the negation's span."""
    negated = [c for c in article.claims if c.negated]
    assert ["not"] == [article.text_of(c.negation_span) for c in negated if c.negation_span]
