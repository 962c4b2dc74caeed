"""Block classification: each line becomes a typed block; pipe rows become tables."""

from __future__ import annotations

import enum
import re
from typing import NamedTuple, Union

from geobrief._model import Diagnostic, Span
from geobrief.structure._data import part_names
from geobrief.structure.headings import heading_key, is_heading_like
from geobrief.structure.lines import Line, trim
from geobrief.structure.tables import Row, Table, looks_like_table, split_row

__all__ = ["Block", "Item", "Kind", "classify"]


class Kind(enum.Enum):
    """What a single line is, before any context is known."""

    BLANK = "blank"
    TEXT = "text"
    HEADING = "heading"
    """A markdown heading (``## Text`` or a setext underline)."""
    LIST_ITEM = "list-item"
    """``1.``, ``1)``, ``-``, ``*``, ``•`` followed by text."""
    QUESTION = "question"
    """``Question:`` / ``Q:`` followed by text."""
    ANSWER = "answer"
    """``Answer:`` / ``A:``, possibly followed by text."""
    RULE = "rule"
    """A thematic break (``---``, ``***``) or a setext underline."""


# Enum members bound to module names (the structure modules import them from here):
# looking one up on its class costs ~0.1 us on Python 3.11, and the per-line loops
# test kinds many times.
KIND_BLANK = Kind.BLANK
KIND_TEXT = Kind.TEXT
KIND_HEADING = Kind.HEADING
KIND_LIST_ITEM = Kind.LIST_ITEM
KIND_QUESTION = Kind.QUESTION
KIND_ANSWER = Kind.ANSWER
KIND_RULE = Kind.RULE


class Block(NamedTuple):
    """One classified line (a named tuple: there is one per line)."""

    kind: Kind
    line: Line
    text_start: int
    """Start of the line's text after any ``#`` marks, list marker or label."""
    text_end: int
    """End of that text."""
    level: int = 0
    """Number of ``#`` marks of a markdown heading (1 or 2 for setext)."""
    number: int | None = None
    """The number of a numbered list item."""


Item = Union[Block, Table]
"""A classified line, or a whole table."""

_EMPHASIS = r"(?:\*\*|__)?"
_NUMBERED = re.compile(r"(\d{1,3})[.)][ \t\u00a0]+(?=\S)")
_BULLET = re.compile(r"[-*•+‣◦▪][ \t\u00a0]+(?=\S)")
_QUESTION = re.compile(
    rf"{_EMPHASIS}(?:(?i:question)|Q)(?:[ \t]?\d{{1,3}})?[ \t]?:{_EMPHASIS}[ \t\u00a0]*"
)
_ANSWER = re.compile(
    rf"{_EMPHASIS}(?:(?i:answer)|A)(?:[ \t]?\d{{1,3}})?[ \t]?:{_EMPHASIS}[ \t\u00a0]*"
)
_RULE = re.compile(r"(?:[-*_=][ \t]*){3,}")
_MARKER_STARTS = frozenset("#-*_=•+‣◦▪QqAa")
"""First characters of every line kind other than plain text (digits aside)."""
_BULLET_STARTS = frozenset("-*•+‣◦▪")
"""The characters ``_BULLET`` can match first."""
_QUESTION_STARTS = frozenset("*_Qq")
"""The characters ``_QUESTION`` can match first (emphasis, or ``Q``/``q``)."""
_ANSWER_STARTS = frozenset("*_Aa")
"""The characters ``_ANSWER`` can match first (emphasis, or ``A``/``a``)."""
_new_block = tuple.__new__
"""``Block(...)`` without Block's own ``__new__`` (a Python function around this call)."""
_HEADER_WORDS = frozenset({"no", "no.", "#", "number", "nr", "nr."})


def _markdown_heading(text: str, line: Line) -> Block | None:
    start, end = line.content_start, line.content_end
    hashes = 0
    while start + hashes < end and hashes < 7 and text[start + hashes] == "#":
        hashes += 1
    if not 1 <= hashes <= 6:
        return None
    after = start + hashes
    if after < end and not text[after].isspace():
        return None
    s, e = trim(text, after, end)
    closing = e
    while closing > s and text[closing - 1] == "#":
        closing -= 1
    if closing < e and (closing == s or text[closing - 1].isspace()):
        s, e = trim(text, s, closing)
    if s >= e:
        return None
    return Block(kind=KIND_HEADING, line=line, text_start=s, text_end=e, level=hashes)


def _strip_trailing_emphasis(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "*_":
        end -= 1
    return trim(text, start, end)[1]


def _single(text: str, line: Line) -> Block:
    """Classify one non-blank, non-table line."""
    start, end = line.content_start, line.content_end
    first = text[start]
    if first not in _MARKER_STARTS and not first.isdigit():
        return Block(KIND_TEXT, line, start, end)
    heading = _markdown_heading(text, line) if first == "#" else None
    if heading is not None:
        return heading
    if first in "-*_=" and _RULE.fullmatch(text, start, end) is not None:
        return Block(KIND_RULE, line, start, end)
    numbered = _NUMBERED.match(text, start, end) if first.isdigit() else None
    if numbered is not None:
        return Block(
            kind=KIND_LIST_ITEM,
            line=line,
            text_start=numbered.end(),
            text_end=end,
            number=int(numbered.group(1)),
        )
    # Each expression is tried only on a line starting with a character it can start
    # with (its first character class, emphasis, or the label's first letter in either
    # case: no other character matches ``q`` or ``a`` under IGNORECASE).
    bullet = _BULLET.match(text, start, end) if first in _BULLET_STARTS else None
    if bullet is not None:
        return _new_block(Block, (KIND_LIST_ITEM, line, bullet.end(), end, 0, None))
    question = _QUESTION.match(text, start, end) if first in _QUESTION_STARTS else None
    if question is not None and question.end() < end:
        q_end = _strip_trailing_emphasis(text, question.end(), end)
        if q_end > question.end():
            return _new_block(Block, (KIND_QUESTION, line, question.end(), q_end, 0, None))
    answer = _ANSWER.match(text, start, end) if first in _ANSWER_STARTS else None
    if answer is not None:
        return _new_block(Block, (KIND_ANSWER, line, answer.end(), end, 0, None))
    return _new_block(Block, (KIND_TEXT, line, start, end, 0, None))


def _header_row(text: str, row: Row) -> bool:
    """True when a row without an alignment row under it still reads as a header."""
    names = part_names()
    for start, end in row.cells:
        key = heading_key(text, start, end)
        if key in names or key in _HEADER_WORDS:
            return True
    return False


def _table(text: str, rows: list[Row], diagnostics: list[Diagnostic]) -> Table:
    header: Row | None = None
    if rows[0].is_alignment:
        body = rows[1:]
    elif len(rows) > 1 and rows[1].is_alignment:
        header, body = rows[0], rows[2:]
    elif _header_row(text, rows[0]):
        header, body = rows[0], rows[1:]
    else:
        body = rows
    body = [r for r in body if not r.is_alignment]
    lines = tuple(r.line for r in rows)
    if header is not None and not body:
        diagnostics.append(
            Diagnostic(
                code="unclosed-table",
                message="table has a header but no rows",
                span=Span(start=lines[0].content_start, end=lines[-1].content_end),
            )
        )
    width = len(header.cells) if header is not None else len(body[0].cells) if body else 0
    for row in body:
        if len(row.cells) != width:
            diagnostics.append(
                Diagnostic(
                    code="table-row-cell-count",
                    message=f"table row has {len(row.cells)} cells, expected {width}",
                    span=Span(start=row.line.content_start, end=row.line.content_end),
                )
            )
    return Table(header=header, rows=tuple(body), lines=lines)


def _setext(text: str, items: list[Item], rule: Block) -> bool:
    """Turn the text line just above a ``===``/``---`` underline into a heading."""
    char = text[rule.line.content_start]
    if char not in "=-" or not items:
        return False
    previous = items[-1]
    if (
        not isinstance(previous, Block)
        or previous.kind is not KIND_TEXT
        or previous.line.number != rule.line.number - 1
        or not is_heading_like(text, previous.text_start, previous.text_end)
        or text.count(char, rule.line.content_start, rule.line.content_end)
        != len(text[rule.line.content_start : rule.line.content_end].replace(" ", ""))
    ):
        return False
    items[-1] = previous._replace(kind=KIND_HEADING, level=1 if char == "=" else 2)
    return True


def classify(text: str, lines: list[Line], diagnostics: list[Diagnostic]) -> list[Item]:
    """Classify every line, grouping consecutive pipe rows into tables."""
    items: list[Item] = []
    append = items.append
    new = tuple.__new__  # Block's own ``__new__`` is a Python function around this call
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        _, start, _, content_start, content_end = line
        if content_start == content_end:  # blank
            append(new(Block, (KIND_BLANK, line, start, start, 0, None)))
            i += 1
            continue
        if text.find("|", content_start, content_end) >= 0:
            j = i
            while j < n:
                following = lines[j]
                if following.content_start == following.content_end or (
                    text.find("|", following.content_start, following.content_end) < 0
                ):
                    break
                j += 1
            rows = [split_row(text, lines[k]) for k in range(i, j)]
            if looks_like_table(rows):
                items.append(_table(text, rows, diagnostics))
                i = j
                continue
            items.extend(_single(text, lines[k]) for k in range(i, j))
            i = j
            continue
        first = text[content_start]
        if first not in _MARKER_STARTS and not first.isdigit():  # plain text: as ``_single``
            append(new(Block, (KIND_TEXT, line, content_start, content_end, 0, None)))
            i += 1
            continue
        block = _single(text, line)
        if block.kind is KIND_RULE:
            _setext(text, items, block)
        append(block)
        i += 1
    return items
