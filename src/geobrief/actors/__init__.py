"""Actor recognition and linking: states, organizations, persons, groups, places."""

from __future__ import annotations

from geobrief._model import Article

__all__ = ["recognize_actors"]


def recognize_actors(article: Article) -> Article:
    """Fill ``actors`` and ``mentions`` (placeholder until the recognizer lands)."""
    return article
