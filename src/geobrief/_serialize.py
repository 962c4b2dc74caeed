"""JSON serialization (minimal first version; replaced by the fast converter)."""

from __future__ import annotations

import json
from typing import Any

import cattrs

from geobrief._model import Article

__all__ = ["dumps", "from_dict", "loads", "make_converter", "to_dict"]


def make_converter() -> cattrs.Converter:
    """A new converter configured for geobrief's classes."""
    return cattrs.Converter()


_CONVERTER = make_converter()


def to_dict(article: Article) -> dict[str, Any]:
    """The article as plain JSON-ready data."""
    return _CONVERTER.unstructure(article)  # type: ignore[no-any-return]


def from_dict(data: Any) -> Article:
    """Build an article from plain data."""
    return _CONVERTER.structure(data, Article)


def dumps(article: Article) -> str:
    """The article as a JSON string."""
    return json.dumps(to_dict(article), ensure_ascii=False, sort_keys=False)


def loads(data: str | bytes) -> Article:
    """Read an article from JSON."""
    return from_dict(json.loads(data))
