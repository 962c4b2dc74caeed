"""Normalization: the one step that defines the coordinates of every offset."""

from __future__ import annotations

import hashlib

__all__ = ["article_id", "normalize"]

_BOM = "\ufeff"


def normalize(text: str) -> str:
    """Return ``text`` with CRLF and lone CR turned into LF and a leading BOM removed.

    Nothing else changes, so offsets into the result are offsets into the
    input with only those characters adjusted.
    """
    if text.startswith(_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def article_id(text: str) -> str:
    """A stable content hash of (normalized) text: 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
