"""Actor recognition and linking: states, organizations, persons, groups, places.

The default stage :func:`recognize_actors` uses the packaged gazetteer. To add your own actors
or plug in another recognizer, build a stage and put it in a pipeline
(``Gazetteer.with_file("my_actors.tsv")`` reads the same from a TSV or JSON file):

>>> from geobrief import Actor, default_pipeline
>>> from geobrief.actors import Gazetteer, make_actor_stage
>>> acme = Actor(id="org:acme", kind="organization", name="Acme Corp", aliases=("Acme",))
>>> gaz = Gazetteer.default().with_actors([acme])
>>> pipeline = default_pipeline().replace("actors", make_actor_stage(gaz))
>>> article = pipeline.parse("Acme said on Monday that it would expand.")
>>> tuple((a.id, a.kind.value) for a in article.actors)
(('org:acme', 'organization'),)
"""

from __future__ import annotations

from geobrief._model import Article
from geobrief._pipeline import Stage
from geobrief.actors._gazetteer import Entry, Gazetteer, load_actors
from geobrief.actors._recognize import recognize
from geobrief.actors._tokens import slug

__all__ = ["Entry", "Gazetteer", "load_actors", "make_actor_stage", "recognize_actors", "slug"]


def recognize_actors(article: Article) -> Article:
    """Fill ``Article.actors`` (sorted by id) and ``Article.mentions`` (in text order)
    using the packaged gazetteer and rules."""
    return recognize(article)


def make_actor_stage(gazetteer: Gazetteer | None = None) -> Stage:
    """A pipeline stage that recognizes actors with ``gazetteer`` (default: the packaged one)."""

    def actors_stage(article: Article) -> Article:
        return recognize(article, gazetteer)

    return actors_stage
