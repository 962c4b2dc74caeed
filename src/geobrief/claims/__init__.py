"""Claim extraction (in progress)."""

from __future__ import annotations

from geobrief._model import Article

__all__ = ["extract_claims"]


def extract_claims(article: Article) -> Article:
    """Fill ``claims``."""
    return article
