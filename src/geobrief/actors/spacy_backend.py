"""An optional spaCy-backed actor recognizer (``pip install geobrief[spacy]`` and a model).

spaCy is imported only when a stage is built. spaCy's entities become mentions: ``PERSON`` a
person, ``ORG`` an organization, ``GPE`` a state when the gazetteer knows it (else a
location), ``LOC``/``FAC`` a location, ``NORP`` the state of a known demonym. Names the
gazetteer knows get its ids, so results join with the rule-based recognizer's
(skipped in the doc tests: it needs spaCy and a downloaded model):

>>> from geobrief import default_pipeline
>>> from geobrief.actors.spacy_backend import make_spacy_stage
>>> stage = make_spacy_stage("en_core_web_sm")  # doctest: +SKIP
>>> pipeline = default_pipeline().replace("actors", stage)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import attrs

from geobrief._model import Actor, ActorKind, Article, Mention, Span
from geobrief._pipeline import Stage
from geobrief.actors._gazetteer import Gazetteer
from geobrief.actors._tokens import slug, tokenize

__all__ = ["make_spacy_stage", "spacy_entities_to_article"]

_KINDS = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "GPE": ActorKind.LOCATION,
    "LOC": ActorKind.LOCATION,
    "FAC": ActorKind.LOCATION,
    "NORP": ActorKind.STATE,
}
_PREFIX = {
    ActorKind.PERSON: "person",
    ActorKind.ORGANIZATION: "org",
    ActorKind.LOCATION: "loc",
}


def make_spacy_stage(model: str = "en_core_web_sm", gazetteer: Gazetteer | None = None) -> Stage:
    """A pipeline stage that fills actors and mentions from a spaCy model's entities.

    Raises ImportError (when spaCy is missing) or OSError (when the model is) right away."""
    import spacy  # type: ignore[import-not-found, unused-ignore]  # optional dependency

    nlp = spacy.load(model)
    gaz = gazetteer or Gazetteer.default()

    def spacy_actors(article: Article) -> Article:
        doc = nlp(article.text)
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return spacy_entities_to_article(article, ents, gaz)

    return spacy_actors


def spacy_entities_to_article(
    article: Article, entities: list[tuple[int, int, str]], gazetteer: Gazetteer
) -> Article:
    """Turn ``(start, end, label)`` entities (spaCy labels) into actors and mentions."""
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    for start, end, label in sorted(entities):
        kind = _KINDS.get(label)
        if kind is None:
            continue
        surface = article.text[start:end]
        if surface.endswith(("’s", "'s")):
            end -= 2
            surface = surface[:-2]
        known = _lookup(gazetteer, surface)
        if known is not None:
            actor = known
        elif kind is ActorKind.STATE or not slug(surface):
            continue  # a nationality the gazetteer does not know
        else:
            actor = Actor(id=f"{_PREFIX[kind]}:{slug(surface)}", kind=kind, name=surface)
        if actor.id not in actors:
            actors[actor.id] = attrs.evolve(actor, aliases=())
        mentions.append(Mention(actor_id=actor.id, span=Span(start=start, end=end)))
    return attrs.evolve(
        article,
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        mentions=tuple(mentions),
    )


def _lookup(gazetteer: Gazetteer, surface: str) -> Actor | None:
    node: Any = gazetteer.trie
    for token in tokenize(surface)[2]:
        node = node.get("the" if token in ("The", "the") else token)
        if node is None:
            return None
    entries = node.get("\x00")
    return gazetteer.actors.get(entries[0].actor_id) if entries else None
