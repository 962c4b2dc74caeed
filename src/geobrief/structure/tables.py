"""Pipe tables: splitting rows into cells, alignment rows, and reading a row's item."""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from geobrief.structure.lines import Line, trim

__all__ = ["Row", "Table", "looks_like_table", "row_item", "split_row"]

_ALIGNMENT_CELL = re.compile(r":?-+:?")
_BARE_NUMBER = re.compile(r"(\d{1,3})[.):]?")
_NUMBERING = re.compile(r"(\d{1,3})[.):][ \t\u00a0]+")


_new_tuple = tuple.__new__


class Row(NamedTuple):
    """One table line and its cells (each trimmed; possibly empty); a named tuple,
    as there is one per table line."""

    line: Line
    """The line the row is on."""
    cells: tuple[tuple[int, int], ...]
    """``(start, end)`` of each cell's text, without pipes and surrounding spaces."""
    is_alignment: bool
    """True for a ``---|:---:|`` alignment row."""
    has_outer_pipe: bool
    """True when the row starts or ends with ``|``."""


@attrs.frozen(kw_only=True)
class Table:
    """Consecutive pipe rows read as one table."""

    header: Row | None
    """The header row, if the table has one."""
    rows: tuple[Row, ...]
    """The body rows (alignment rows left out)."""
    lines: tuple[Line, ...]
    """Every line of the table, in order."""


def split_row(text: str, line: Line) -> Row:
    """Split one line into cells at unescaped ``|``; outer pipes are optional."""
    start, end = line.content_start, line.content_end
    outer = False
    if start < end and text[start] == "|":
        start += 1
        outer = True
    if end > start and text[end - 1] == "|" and text[end - 2 : end - 1] != "\\":
        end -= 1
        outer = True
    cells: list[tuple[int, int]] = []
    append = cells.append
    if text.find("\\", start, end) < 0:
        # No escaped pipes: every ``|`` splits. Each piece is trimmed like ``trim``
        # (``str.strip`` drops the same ``str.isspace`` whitespace).
        cell_start = start
        for piece in text[start:end].split("|"):
            left = piece.lstrip()
            s = cell_start + len(piece) - len(left)
            append((s, s + len(left.rstrip())))
            cell_start += len(piece) + 1
    else:
        cell_start = pos = start
        while True:
            bar = text.find("|", pos, end)
            if bar < 0:
                append(trim(text, cell_start, end))
                break
            if bar > cell_start and text[bar - 1] == "\\":
                pos = bar + 1
                continue
            append(trim(text, cell_start, bar))
            cell_start = pos = bar + 1
    # An alignment row: at least one non-empty cell, and every one like ``:---:``.
    alignment = False
    for s, e in cells:
        if s < e:
            if text[s] not in ":-" or _ALIGNMENT_CELL.fullmatch(text, s, e) is None:
                alignment = False
                break
            alignment = True
    # ``tuple.__new__``: Row's own ``__new__`` is a Python function around this call.
    return _new_tuple(Row, (line, tuple(cells), alignment, outer))


def looks_like_table(rows: list[Row]) -> bool:
    """True when consecutive pipe rows form a table: an alignment row second (or
    first), or at least two rows that all start or end with a pipe."""
    if not rows:
        return False
    if rows[0].is_alignment or (len(rows) > 1 and rows[1].is_alignment):
        return True
    return len(rows) > 1 and all(r.has_outer_pipe for r in rows)


def row_item(text: str, row: Row) -> tuple[int | None, int, int] | None:
    """``(number, start, end)`` of the item a body row holds, or None for an empty row.

    ``1 | text`` gives number 1 and the second cell; ``1) text`` gives number 1
    and the text after the numbering; a row without numbering gives its first
    non-empty cell and no number.
    """
    nonempty = [c for c in row.cells if c[0] < c[1]]
    if not nonempty:
        return None
    first_start, first_end = nonempty[0]
    if not text[first_start].isdecimal():  # what ``\d`` matches: no numbering
        return None, first_start, first_end
    bare = _BARE_NUMBER.fullmatch(text, first_start, first_end) if len(nonempty) > 1 else None
    if bare is not None:
        return int(bare.group(1)), nonempty[1][0], nonempty[1][1]
    numbered = _NUMBERING.match(text, first_start, first_end)
    if numbered is not None and numbered.end() < first_end:
        return int(numbered.group(1)), numbered.end(), first_end
    return None, first_start, first_end
