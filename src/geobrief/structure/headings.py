"""Heading text: trimming marks off a heading, and the key used to match headings."""

from __future__ import annotations

import re

from geobrief.structure.lines import trim

__all__ = ["MAX_HEADING", "heading_key", "is_heading_like", "trim_heading"]

MAX_HEADING = 150
"""Longest line (in characters) that may be a title or a heading."""

_MAX_WORDS = 25
_NUMBERING = re.compile(r"\d{1,3}[.)]\s+")
_CLOSERS = "\"'”’»)]*_"
_FINAL_PUNCTUATION = ".,;:"
_TRIMMED_ENDS = frozenset(":*_")
"""Last characters of a heading that ``trim_heading`` may shorten."""


def trim_heading(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out surrounding whitespace, a trailing colon and ``**``/``__`` emphasis
    that wraps the whole heading; never returns an empty range for non-blank input."""
    s, e = trim(text, start, end)
    if s == e or text[e - 1] not in _TRIMMED_ENDS:
        return s, e  # no trailing colon, and no emphasis (it ends in ``**``/``__``)
    original = (s, e)
    for _ in range(2):
        if e - s > 1 and text[e - 1] == ":":
            s, e = trim(text, s, e - 1)
        for mark in ("**", "__"):
            if e - s > 4 and text.startswith(mark, s) and text.endswith(mark, s, e):
                s, e = trim(text, s + 2, e - 2)
    return (s, e) if s < e else original


def heading_key(text: str, start: int, end: int) -> str:
    """The form a heading is matched by: emphasis, trailing colon and leading
    numbering (``1)``) left out, whitespace collapsed, quote marks unified,
    casefolded. Empty for lines too long to be a heading."""
    if end - start > 2 * MAX_HEADING:
        return ""  # too long to be a heading even with surrounding whitespace
    if (
        start < end
        and not text[start].isspace()
        and not text[end - 1].isspace()
        and text[end - 1] not in _TRIMMED_ENDS
    ):
        s, e = start, end  # what ``trim_heading`` gives, without its calls
    else:
        s, e = trim_heading(text, start, end)
    if e - s > MAX_HEADING:
        return ""
    # Curly quotes unified (``replace`` returns at once for text without them);
    # NBSP needs no mapping, as ``split`` treats it as whitespace.
    raw = text[s:e].replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if "  " not in raw and raw.isprintable():
        # Its only whitespace is single spaces (every other ``str.isspace``
        # character is unprintable) and none at either end (it is trimmed): there
        # is nothing to collapse.
        key = raw.casefold()
    else:
        key = " ".join(raw.split()).casefold()
    if key[:1].isdecimal():
        numbered = _NUMBERING.match(key)
        if numbered is not None and numbered.end() < len(key):
            key = key[numbered.end() :]
    return key


def is_heading_like(
    text: str, start: int, end: int, *, max_chars: int = MAX_HEADING, max_words: int = _MAX_WORDS
) -> bool:
    """True for a short line with a letter in it that does not end like a sentence
    (no final ``.``, ``,``, ``;`` or ``:`` before any closing quotes/brackets)."""
    s, e = trim(text, start, end)
    if not s < e or e - s > max_chars:
        return False
    line = text[s:e]
    if len(line.split()) > max_words or not any(c.isalpha() for c in line):
        return False
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] not in _FINAL_PUNCTUATION
