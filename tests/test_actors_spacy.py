"""The optional spaCy backend (skipped unless spaCy and en_core_web_sm are installed), and
its entity conversion, which needs no spaCy."""

from __future__ import annotations

import pytest

from geobrief import Pipeline
from geobrief.actors import Gazetteer
from geobrief.actors.spacy_backend import make_spacy_stage, spacy_entities_to_article


def test_entities_to_article_uses_gazetteer_ids() -> None:
    """Known names get gazetteer ids; others get kind-prefixed slugs; possessives are cut."""
    text = "Russian envoy Ivan Petrov’s talks with NATO in Geneva."
    article = Pipeline(stages=()).parse(text)
    ents = [(0, 7, "NORP"), (14, 27, "PERSON"), (39, 43, "ORG"), (47, 53, "GPE"), (0, 3, "DATE")]
    result = spacy_entities_to_article(article, ents, Gazetteer.default())
    assert [
        ("Russian", "state:RUS"),
        ("Ivan Petrov", "person:ivan-petrov"),
        ("NATO", "org:nato"),
        ("Geneva", "loc:geneva"),
    ] == [(result.text_of(m), m.actor_id) for m in result.mentions]
    assert ["loc:geneva", "org:nato", "person:ivan-petrov", "state:RUS"] == [
        a.id for a in result.actors
    ]


def test_spacy_stage_runs_when_installed() -> None:
    """With spaCy and its small English model installed, the stage finds a person."""
    pytest.importorskip("spacy")
    try:
        stage = make_spacy_stage("en_core_web_sm")
    except OSError:
        pytest.skip("en_core_web_sm is not installed")
    article = Pipeline(stages=(("actors", stage),)).parse("Angela Merkel met Joe Biden in Berlin.")
    assert "person:angela-merkel" in {a.id for a in article.actors}
