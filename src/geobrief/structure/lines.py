"""The line scanner: the text as lines with their offsets, in one forward pass."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Line", "scan_lines", "trim"]


class Line(NamedTuple):
    """One line of the text; offsets are into ``Article.text``.

    A named tuple: a text has one per line, and a tuple is the cheapest immutable
    record to build."""

    number: int
    """0-based line number."""
    start: int
    """Offset of the line's first character."""
    end: int
    """Offset of the end of the line (its ``\\n``, or the end of the text)."""
    content_start: int
    """Offset of the first non-whitespace character (``content_end`` when blank)."""
    content_end: int
    """Offset one past the last non-whitespace character."""

    @property
    def is_blank(self) -> bool:
        """True when the line holds only whitespace (spaces, tabs, NBSP ...)."""
        return self.content_start == self.content_end

    @property
    def indent(self) -> int:
        """Number of whitespace characters before the content."""
        return self.content_start - self.start


def scan_lines(text: str) -> list[Line]:
    """Split ``text`` at ``\\n`` into lines; leading/trailing whitespace is left out
    of each line's content (``str.isspace`` whitespace, so NBSP counts)."""
    lines: list[Line] = []
    append = lines.append
    new = tuple.__new__  # Line's own ``__new__`` is a Python function around this call
    find = text.find
    size = len(text)
    index = pos = 0
    while True:
        end = find("\n", pos)
        if end < 0:
            end = size
        if pos == end or not (text[pos].isspace() or text[end - 1].isspace()):
            # (the common cases, an empty line and one with nothing to strip: no copy)
            append(new(Line, (index, pos, end, pos, end)))
        else:
            left = text[pos:end].lstrip()
            content_start = end - len(left)
            append(new(Line, (index, pos, end, content_start, content_start + len(left.rstrip()))))
        if end == size:
            return lines
        pos = end + 1
        index += 1


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
