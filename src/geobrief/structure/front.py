"""The front of a text: its title and dateline, before the body starts."""

from __future__ import annotations

import attrs

from geobrief._model import Span
from geobrief.structure._data import part_names
from geobrief.structure.blocks import (
    KIND_BLANK,
    KIND_HEADING,
    KIND_RULE,
    KIND_TEXT,
    Block,
    Item,
)
from geobrief.structure.dateline import Dateline, match_agency_dateline, match_date_line
from geobrief.structure.headings import MAX_HEADING, heading_key, is_heading_like, trim_heading
from geobrief.structure.lines import trim

__all__ = ["Front", "read_front"]

# Enum members bound to module names: looking one up on its class costs ~0.1 us on
# Python 3.11, and the title check below tests the kind of every item.

_MAX_SPACED_TITLE = 300
_MAX_SPACED_TITLE_WORDS = 50


@attrs.frozen(kw_only=True)
class Front:
    """What the front of the text holds, and where the body starts."""

    title: Span | None
    """The title, without ``#`` marks."""
    markdown_title: bool
    """True when the title is a markdown heading."""
    dateline: Dateline | None
    """The dateline, if any."""
    body: list[Item]
    """The items after the title and dateline (the first paragraph's text starts
    after an agency dateline)."""


def _next_content(items: list[Item], i: int) -> int:
    while i < len(items):
        item = items[i]
        if not isinstance(item, Block) or item.kind not in (KIND_BLANK, KIND_RULE):
            return i
        i += 1
    return i


def _is_title_heading(text: str, items: list[Item], i: int) -> bool:
    """A markdown heading is the title when every later heading is deeper, apart
    from the headings of brief parts (``# Key Points``, ``# Summary``)."""
    first = items[i]
    assert isinstance(first, Block)
    if heading_key(text, first.text_start, first.text_end) in part_names():
        return False
    return not any(
        isinstance(item, Block)
        and item.kind is KIND_HEADING
        and item.level <= first.level
        and heading_key(text, item.text_start, item.text_end) not in part_names()
        for item in items[i + 1 :]
    )


def _title_like(text: str, items: list[Item], i: int) -> bool:
    """A heading-like line; longer headlines are allowed when a blank line follows."""
    first = items[i]
    assert isinstance(first, Block)
    following = items[i + 1] if i + 1 < len(items) else None
    spaced = isinstance(following, Block) and following.kind is KIND_BLANK
    return is_heading_like(
        text,
        first.text_start,
        first.text_end,
        max_chars=_MAX_SPACED_TITLE if spaced else MAX_HEADING,
        max_words=_MAX_SPACED_TITLE_WORDS if spaced else 25,
    )


def _date_line(text: str, item: Item) -> Dateline | None:
    if isinstance(item, Block) and item.kind is KIND_TEXT:
        return match_date_line(text, item.text_start, item.text_end)
    return None


def read_front(text: str, items: list[Item]) -> Front:
    """Find the title (a ``# Title`` heading, or a short first line without final
    punctuation that is followed by more text) and the dateline (a date line near
    the top, or ``PLACE (Agency) —`` opening the first paragraph)."""
    title: Span | None = None
    markdown_title = False
    i = _next_content(items, 0)
    dateline = _date_line(text, items[i]) if i < len(items) else None
    if dateline is not None:
        i = _next_content(items, i + 1)
    if i < len(items):
        first = items[i]
        if isinstance(first, Block) and first.kind is KIND_HEADING:
            if _is_title_heading(text, items, i):
                title = _span(trim_heading(text, first.text_start, first.text_end))
                markdown_title = True
        elif (
            isinstance(first, Block)
            and first.kind is KIND_TEXT
            and _title_like(text, items, i)
            and heading_key(text, first.text_start, first.text_end) not in part_names()
            and _next_content(items, i + 1) < len(items)
        ):
            title = _span(trim_heading(text, first.text_start, first.text_end))
        if title is not None:
            i = _next_content(items, i + 1)
    if dateline is None and i < len(items):
        dateline = _date_line(text, items[i])
        if dateline is not None:
            i = _next_content(items, i + 1)
    body = items[i:]
    if dateline is None and body:
        first = body[0]
        if isinstance(first, Block) and first.kind is KIND_TEXT:
            dateline = match_agency_dateline(text, first.text_start, first.text_end)
            if dateline is not None:
                start, end = trim(text, dateline.end, first.text_end)
                body = [first._replace(text_start=start, text_end=end), *body[1:]]
    return Front(title=title, markdown_title=markdown_title, dateline=dateline, body=body)


def _span(bounds: tuple[int, int]) -> Span:
    return Span(start=bounds[0], end=bounds[1])
