"""Claim extraction: attributed, statement and article-voice claims with hedging."""

from __future__ import annotations

from geobrief._model import Article

__all__ = ["extract_claims"]


def extract_claims(article: Article) -> Article:
    """Fill ``claims`` (placeholder until the extractor lands)."""
    return article
