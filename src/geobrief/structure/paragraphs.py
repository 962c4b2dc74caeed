"""Paragraphs from body lines: blank lines, list items and (for wrapped text)
joined lines, plus the quote rule that keeps a quotation split over lines in
the paragraph it belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from geobrief._model import Diagnostic, Severity, Span
from geobrief.structure.blocks import (
    KIND_ANSWER,
    KIND_BLANK,
    KIND_LIST_ITEM,
    KIND_RULE,
    KIND_TEXT,
    Block,
)

__all__ = ["MAX_JOINED_UNITS", "QUOTE_JOIN_CAP", "Unit", "build_units", "is_wrapped"]


QUOTE_JOIN_CAP = 3
"""How many following lines a quotation opened at the end of a line may span."""

MAX_JOINED_UNITS = 8
"""Most lines one paragraph may gather through chained quotations."""

_TERMINAL = ".!?…"
_TRAILING_CLOSERS = "\"'”’»)]"
_OPENERS = "“«„‘"
_CLOSERS = "”»"
_MIN_WRAPPED_LINE = 40


class Unit(NamedTuple):
    """A paragraph (or list item) found among body lines (a named tuple: there is
    one per paragraph)."""

    start: int
    end: int
    number: int | None = None
    """The list marker's number, for a numbered list item."""
    is_list: bool = False
    """True for a list item."""
    first_line: int = 0
    """Index of its first line."""
    last_line: int = 0
    """Index of its last line."""


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends with terminal punctuation (closers aside);
    looks only at its tail."""
    while end > start and text[end - 1] in _TRAILING_CLOSERS:
        end -= 1
    return end > start and text[end - 1] in _TERMINAL


def is_wrapped(text: str, blocks: Sequence[object]) -> bool:
    """True when adjacent text lines are hard-wrapped parts of one paragraph.

    Counts pairs of directly adjacent text lines: a first line that ends a
    sentence is evidence for one paragraph per line (the seed's layout); a long
    first line that stops mid-sentence is evidence for wrapped text.
    """
    per_line = wrapped = 0
    previous: Block | None = None
    for block in blocks:
        if not isinstance(block, Block) or block.kind is not KIND_TEXT:
            previous = None
            continue
        if previous is not None and previous.line.number + 1 == block.line.number:
            s, e = previous.text_start, previous.text_end
            last = text[e - 1]  # (a text block is never empty)
            # ``_ends_sentence`` answered from the last character unless it is a closer.
            if last in _TERMINAL if last not in _TRAILING_CLOSERS else _ends_sentence(text, s, e):
                per_line += 1
            elif e - s >= _MIN_WRAPPED_LINE and last not in _OPENERS:
                wrapped += 1
        previous = block
    return wrapped > per_line


def _continues(text: str, current: Unit, block: Block) -> bool:
    """True when ``block`` carries on the sentence of the line just above it: that
    line does not end a sentence and this one starts with a lowercase letter."""
    return (
        current.last_line + 1 == block.line.number
        and text[block.text_start].islower()
        and not _ends_sentence(text, current.start, current.end)
        and text[current.end - 1] not in _OPENERS
    )


def _open_quote(text: str, unit: Unit) -> str | None:
    """The quote mark a unit ends with when it opens a quotation there."""
    last = text[unit.end - 1]
    if last in _OPENERS:
        return last
    if (
        last == '"'
        and (unit.end - 1 == unit.start or text[unit.end - 2] in " \t:(—–-")
        and text.count('"', unit.start, unit.end) % 2 == 1
    ):
        return last
    return None


def _starts_with_closer(text: str, unit: Unit) -> bool:
    first = text[unit.start]
    if first in _CLOSERS:
        return True
    nxt = text[unit.start + 1 : unit.start + 2]
    return first == '"' and (not nxt or nxt.isspace() or nxt in ".,;:!?")


def _has_closer(text: str, unit: Unit, opener: str) -> bool:
    if opener == '"':
        return text.find('"', unit.start, unit.end) >= 0
    if opener == "«":
        return text.find("»", unit.start, unit.end) >= 0
    if opener == "‘":
        return text.find("’", unit.start, unit.end) >= 0
    return text.find("”", unit.start, unit.end) >= 0 or (
        opener == "„" and text.find("“", unit.start, unit.end) >= 0
    )


def _unbalanced(text: str, unit: Unit) -> bool:
    curly = text.count("“", unit.start, unit.end) - text.count("”", unit.start, unit.end)
    return curly > 0 or text.count('"', unit.start, unit.end) % 2 == 1


def _join_quotes(text: str, units: list[Unit], diagnostics: list[Diagnostic]) -> list[Unit]:
    """Merge a unit with the next few when a quotation opened in it closes there
    (:func:`_join_quoted`); ``units`` itself, without that function's walk, when no
    unit can open a quotation: none but list items ends with an opening mark or holds
    a double quote mark (the first test the walk makes of each unit)."""
    for unit in units:
        if not unit.is_list and (
            text[unit.end - 1] in _OPENERS
            or text.find('"', unit.start, unit.end) >= 0
            or text.find("“", unit.start, unit.end) >= 0
        ):
            return _join_quoted(text, units, diagnostics)
    return units


def _join_quoted(text: str, units: list[Unit], diagnostics: list[Diagnostic]) -> list[Unit]:
    """Merge a unit with the next few when a quotation opened in it closes there.

    A unit that ends with an opening quote mark joins up to and including the
    first of the next ``QUOTE_JOIN_CAP`` units holding a closing mark. A unit
    with an unbalanced quotation joins only when such a unit starts with its
    closing mark. Joins may chain, up to ``MAX_JOINED_UNITS`` units in all, so
    no run of quote marks can swallow the document. Each unit is looked at a
    bounded number of times.
    """
    merged: list[Unit] = []
    i = 0
    n = len(units)
    while i < n:
        j = i
        while not units[j].is_list:
            last = units[j]
            if (
                text[last.end - 1] not in _OPENERS
                and text.find('"', last.start, last.end) < 0
                and text.find("“", last.start, last.end) < 0
            ):
                break  # no quotation opens in it: no opening mark at its end, balanced
            opener = _open_quote(text, last)
            if opener is None and not _unbalanced(text, last):
                break
            target = None
            reach = min(n, j + 1 + QUOTE_JOIN_CAP)
            limit = min(reach, i + MAX_JOINED_UNITS)
            for k in range(j + 1, limit):
                if units[k].is_list or units[k].first_line != units[k - 1].last_line + 1:
                    break
                if _has_closer(text, units[k], opener or "“") or (
                    opener is None and _starts_with_closer(text, units[k])
                ):
                    target = k
                    break
            if target is not None and (
                opener is not None or _starts_with_closer(text, units[target])
            ):
                j = target
                continue
            if opener is not None and limit == reach:
                diagnostics.append(
                    Diagnostic(
                        code="unclosed-quote",
                        severity=Severity.INFO,
                        message=(
                            f"quotation opened at the end of a line is not closed within "
                            f"the next {QUOTE_JOIN_CAP} lines"
                        ),
                        span=Span(start=last.end - 1, end=last.end),
                    )
                )
            break
        if j == i:
            merged.append(units[i])
        else:
            merged.append(units[i]._replace(end=units[j].end, last_line=units[j].last_line))
        i = j + 1
    return merged


def build_units(
    text: str,
    blocks: Sequence[Block],
    *,
    wrapped: bool,
    strip_markers: bool,
    diagnostics: list[Diagnostic],
) -> list[Unit]:
    """Paragraphs (and list items) of consecutive body lines.

    Blank lines and rules always separate paragraphs. Each list item starts a
    new unit (without its marker when ``strip_markers``); an ``Answer:`` label
    is always left out. In wrapped text, adjacent text lines form one paragraph;
    otherwise each line is a paragraph, except that an indented line continues
    a list item and a quotation split over lines stays in one paragraph.
    """
    units: list[Unit] = []
    current: Unit | None = None
    new = tuple.__new__  # Unit's own ``__new__`` is a Python function around this call
    for block in blocks:
        kind, line, text_start, text_end, _, number = block
        if kind is KIND_BLANK or kind is KIND_RULE or text_start >= text_end:
            if current is not None:
                units.append(current)
                current = None
            continue
        index = line.number
        if kind is KIND_LIST_ITEM:
            start = text_start if strip_markers else line.content_start
            unit = new(Unit, (start, text_end, number, True, index, index))
        elif kind is KIND_ANSWER:
            unit = new(Unit, (text_start, text_end, None, False, index, index))
        else:
            if current is not None and (
                wrapped
                or (current.is_list and line.content_start > line.start)  # indented
                or _continues(text, current, block)
            ):
                current = current._replace(end=line.content_end, last_line=index)
                continue
            unit = new(Unit, (text_start, text_end, None, False, index, index))
        if current is not None:
            units.append(current)
        current = unit
    if current is not None:
        units.append(current)
    return units if wrapped else _join_quotes(text, units, diagnostics)
