"""Tokenization for actor recognition: one compiled regex, one pass, exact offsets."""

from __future__ import annotations

import functools
import re
import unicodedata

from geobrief.actors._lexicon import lexicon

__all__ = ["Tokens", "slug", "token_pattern", "tokenize"]

Tokens = tuple[list[int], list[int], list[str]]
"""Parallel lists: token start offsets, end offsets, texts."""


@functools.lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """The tokenizer: listed abbreviations (``Mr.``), dotted acronyms (``U.S.``), words with
    inner apostrophes (``O'Leary``; a hyphen is a token of its own), a possessive ``’s``, or
    one other non-space character. No alternative can backtrack more than a word's length."""
    abbrevs = "|".join(re.escape(a) for a in lexicon().abbreviations)
    return re.compile(
        rf"(?i:{abbrevs})(?!\w)"
        r"|(?:[^\W\d_]\.){2,}(?![^\W\d_])"
        r"|\w+(?:&\w+|['’](?![sS]\b)\w+|\.(?=\w\w))*"
        r"|['’][sS]\b"
        r"|\S"
    )


def tokenize(text: str) -> Tokens:
    """Split ``text`` into tokens in one pass."""
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    add_start, add_end, add_text = starts.append, ends.append, texts.append
    for m in token_pattern().finditer(text):
        add_start(m.start())
        add_end(m.end())
        add_text(m.group())
    return starts, ends, texts


def slug(text: str) -> str:
    """Lowercase ASCII slug: ``Sergey Lavrov`` -> ``sergey-lavrov``, ``Gérald`` -> ``gerald``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
