"""Statement extraction: direct quotes, partial quotes and reported speech."""

from __future__ import annotations

from geobrief._model import Article

__all__ = ["extract_statements"]


def extract_statements(article: Article) -> Article:
    """Fill ``statements`` (placeholder until the extractor lands)."""
    return article
