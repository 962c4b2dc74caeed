"""Tokens, paragraphs and sentences: the small text utilities the extractors share.

Everything here is linear in the length of the text it is given.
"""

from __future__ import annotations

import re
import sys
from bisect import insort
from collections.abc import Iterator
from itertools import accumulate, repeat
from operator import attrgetter, itemgetter
from typing import Final, NamedTuple

from geobrief._model import Article, Span

__all__ = [
    "END",
    "START",
    "TEXT",
    "TOKEN_PATTERN",
    "TOKEN_SPLIT",
    "Token",
    "TokenRow",
    "article_sentences",
    "is_capitalized",
    "lowercase",
    "paragraph_spans",
    "split_sentences",
    "tokenize",
]

TOKEN_PATTERN = r"(?:[A-Za-z]\.){2,}|\w+(?:[’'\-]\w+)*|\S"
"""One token: an initialism, a word (with inner apostrophes and hyphens), or any other mark."""
_TOKEN = re.compile(TOKEN_PATTERN)
_SENTENCE_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s)|\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|Hon|"
    r"No|Inc|Corp|Ltd|Co|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|"
    r"(?:[A-Za-z]\.){1,}[A-Za-z])\.\Z"
)


class Token(NamedTuple):
    """A word or punctuation mark with its offsets into the article text."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        """The token in lowercase, with a curly apostrophe made straight."""
        return self.text.lower().replace("’", "'")

    @property
    def span(self) -> Span:
        """The token's span."""
        return Span(start=self.start, end=self.end)


TokenRow = tuple[int, int, str]
"""A token as a plain ``(start, end, text)`` tuple; a :class:`Token` is one too.
Plain tuples are several times cheaper to build than named ones, so the extractors
index them with :data:`START`, :data:`END` and :data:`TEXT`."""
START: Final = 0
"""Where a :data:`TokenRow` (or a :class:`Token`) holds its start offset."""
END: Final = 1
"""Where a :data:`TokenRow` (or a :class:`Token`) holds its end offset."""
TEXT: Final = 2
"""Where a :data:`TokenRow` (or a :class:`Token`) holds its text."""


# The same tokens as _TOKEN, as one capturing group for re.split (which works at
# C speed); the possessive loop cannot change what the last alternative matches.
# Possessive quantifiers need Python 3.11; 3.10 gets the plain (equivalent) loop.
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
TOKEN_SPLIT = re.compile(
    rf"([A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*|\w+(?:[’'\-]\w+)*{_POSSESSIVE}|\S)"
)
_new_tuple = tuple.__new__
_token_text = itemgetter(2)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into word and punctuation tokens with absolute offsets."""
    stop = len(text) if end is None else end
    parts = TOKEN_SPLIT.split(text[start:stop])
    # parts alternate: separator (whitespace), token, separator, ..., separator.
    offsets = list(accumulate(map(len, parts), initial=start))
    return list(
        map(
            _new_tuple, repeat(Token), zip(offsets[1:-1:2], offsets[2::2], parts[1::2], strict=True)
        )
    )


def lowercase(tokens: list[Token]) -> list[str]:
    """The tokens' lowercase forms, curly apostrophes made straight."""
    lowers = list(map(str.lower, map(_token_text, tokens)))
    if "’" in "".join(lowers):
        return [w.replace("’", "'") for w in lowers]
    return lowers


def is_capitalized(word: str) -> bool:
    """True for a word that starts with an uppercase letter (``Lavrov``, ``U.S.``)."""
    return bool(word) and word[0].isupper()


def paragraph_spans(text: str) -> Iterator[Span]:
    """Every non-blank line of ``text``, trimmed of surrounding spaces."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        start, end = pos, line_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield Span(start=start, end=end)
        pos = line_end + 1


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """A minimal sentence splitter for ``text[start:end]``.

    Splits after ``.``, ``!`` or ``?`` (and any closing quotes) followed by
    whitespace, unless the period ends a known abbreviation or an initial,
    and at line breaks.
    """
    spans: list[Span] = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group() != "\n":
            head = text[max(sentence_start, match.start() - 8) : match.start() + 1]
            if _ABBREVIATION.search(head) and not _next_is_capital_after_name(text, match.end()):
                continue
        _append_trimmed(text, sentence_start, match.end(), spans)
        sentence_start = match.end()
    _append_trimmed(text, sentence_start, end, spans)
    return spans


_SENTENCE_STARTER = re.compile(
    r"\s+(?:The|He|She|It|They|We|I|In|A|An|This|That|These|But|And|However|On|At|"
    r"After|Before|When|While|As|His|Her|Their|Its|There|Some|Many|According)\b"
)
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}\Z")


def _next_is_capital_after_name(text: str, pos: int) -> bool:
    """After an initialism such as ``U.S.``, a common sentence opener starts a new sentence."""
    head = text[max(0, pos - 8) : pos].rstrip("”\"’')]")
    return bool(_INITIALISM.search(head)) and bool(_SENTENCE_STARTER.match(text, pos))


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start=start, end=end))


_span_order = attrgetter("start", "end")
"""A span's ``(start, end)``: Span order, without attrs' slow ``__lt__``."""


def _overlaps_any(spans: list[Span], span: Span) -> bool:
    """Whether ``span`` shares a character with one of ``spans`` (sorted by start): only
    those that start before it ends can, so the search stops at the first that does not."""
    for other in spans:
        if other.start >= span.end:
            return False
        if span.start < other.end:
            return True
    return False


def article_sentences(article: Article) -> list[Span]:
    """The article's sentences: from the structure stage when it found any,
    else a minimal split of every non-blank line."""
    found = list(article.sentences())  # (in Span order)
    if found:
        title = article.title
        if title is not None and not _overlaps_any(found, title):
            insort(found, title, key=_span_order)  # (after equal spans, as a stable sort)
        return found
    text = article.text
    spans: list[Span] = []
    for paragraph in paragraph_spans(text):
        spans.extend(split_sentences(text, paragraph.start, paragraph.end))
    return spans
