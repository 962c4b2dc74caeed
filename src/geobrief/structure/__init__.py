"""Structure parsing: lead, outline, sections, key points, summary, FAQ, sentences."""

from __future__ import annotations

from geobrief._model import Article

__all__ = ["parse_structure"]


def parse_structure(article: Article) -> Article:
    """Fill the structural fields of ``article`` (placeholder until the parser lands)."""
    return article
