"""Find quotations: pair quote marks in one forward pass, in linear time.

Rules:
- Curly, straight, low-9, guillemet and CJK marks are known. Each mark's role
  (opening or closing) comes from what surrounds it (a mark followed by a word
  and preceded by a space opens; one preceded by a word and followed by a space
  or punctuation closes); when the context says nothing, the mark's own shape
  decides, and a straight mark toggles.
- Quotes pair within a paragraph (a line). A quote stays open across a line
  break only when the opening mark ends its line, when the next line starts
  with the closing mark, or when the next paragraph reopens it with an opening
  mark (a quotation continued over paragraphs). Otherwise the opening mark is
  reported as unbalanced and pairing starts again at the next paragraph, so
  one bad mark never shifts the pairing of every later quote.
- Single marks nest inside double ones. A single mark between two letters
  (``Lavrov’s``), a closing-looking single mark with no single quote open
  (``nations’``), and a leading apostrophe before digits or a known elision
  (``'90s``, ``rock 'n' roll``) are apostrophes, not quote marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from importlib import resources

import attrs

from geobrief._model import Diagnostic, Severity, Span, _trusted_span, slot_setters

__all__ = ["QUOTE_MARKS", "Quote", "QuoteScan", "mark_offsets", "scan_quotes"]

_DOUBLE_OPENERS = frozenset("“„‟«「『〝")
_DOUBLE_CLOSERS = frozenset("”»」』〞〟")
_DOUBLE_TOGGLES = frozenset('"＂')
_SINGLE_OPENERS = frozenset("‘‚‛‹")
_SINGLE_CLOSERS = frozenset("’›")
_SINGLE_TOGGLES = frozenset("'")
_ALL_MARKS = (
    _DOUBLE_OPENERS
    | _DOUBLE_CLOSERS
    | _DOUBLE_TOGGLES
    | _SINGLE_OPENERS
    | _SINGLE_CLOSERS
    | _SINGLE_TOGGLES
)
_MARK = re.compile("[" + re.escape("".join(sorted(_ALL_MARKS))) + "]")
QUOTE_MARKS: frozenset[str] = _ALL_MARKS
"""Every character the scanner takes for a quote mark (none changes when lowercased,
and none is lowercase of another character)."""
_SINGLE_MARKS = _SINGLE_OPENERS | _SINGLE_CLOSERS | _SINGLE_TOGGLES
_APOSTROPHES = frozenset("'’")
"""Marks that are apostrophes too: with whitespace on both sides (text tokenized with
spaces around its apostrophes, ``Jobs ' health``), one opens and closes nothing."""
_OPEN_CONTEXT = frozenset("([{<—–-/\u00a0")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}>—–-/…")
_WORD_AFTER = re.compile(r"[^\W_]+")
_STRAIGHT_DOUBLE = re.compile('["＂]')
_SPACES = re.compile(r"\s*")

_OPEN, _CLOSE, _TOGGLE = "open", "close", "toggle"
_DOUBLE, _SINGLE = "double", "single"


@attrs.frozen
class Quote:
    """One quotation (or one paragraph of a quotation continued over paragraphs)."""

    open_mark: int
    """Offset of the opening mark."""
    close_mark: int | None
    """Offset of the closing mark; None for a paragraph that a later one continues."""
    content: Span
    """The text between the marks, without surrounding whitespace."""
    double: bool
    """True for double quote marks (or guillemets), False for single ones."""
    group: int
    """Pieces of one quotation continued over paragraphs share a group number."""


_new = object.__new__
_set_open_mark, _set_close_mark, _set_content, _set_double, _set_group = slot_setters(
    Quote, ("open_mark", "close_mark", "content", "double", "group")
)


def _quote(
    open_mark: int, close_mark: int | None, content: Span, double: bool, group: int
) -> Quote:
    """``Quote(...)`` with every field set through its slot (the frozen class's
    ``__init__`` has nothing to convert or validate, and costs about twice as much)."""
    quote: Quote = _new(Quote)
    _set_open_mark(quote, open_mark)
    _set_close_mark(quote, close_mark)
    _set_content(quote, content)
    _set_double(quote, double)
    _set_group(quote, group)
    return quote


@attrs.frozen
class QuoteScan:
    """The result of :func:`scan_quotes`."""

    quotes: tuple[Quote, ...]
    diagnostics: tuple[Diagnostic, ...]


@cache
def _elisions() -> frozenset[str]:
    data = resources.files("geobrief.statements").joinpath("data/elisions.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


@attrs.define
class _Open:
    mark: int
    family: str
    group: int


@attrs.define
class _State:
    outer: _Open | None = None
    inner: _Open | None = None
    pending: list[Quote] = attrs.field(factory=list)
    """Earlier paragraphs of a quotation that is continued over paragraphs."""


def _family(char: str) -> str:
    if char in _DOUBLE_OPENERS or char in _DOUBLE_CLOSERS or char in _DOUBLE_TOGGLES:
        return _DOUBLE
    return _SINGLE


def _shape(char: str) -> str:
    if char in _DOUBLE_OPENERS or char in _SINGLE_OPENERS:
        return _OPEN
    if char in _DOUBLE_CLOSERS or char in _SINGLE_CLOSERS:
        return _CLOSE
    return _TOGGLE


def _role(text: str, i: int) -> str:
    """Opening, closing, or (no telling) toggle, from the context and the mark's shape."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    opens = not after.isspace() and (
        before.isspace() or before in _OPEN_CONTEXT or before in _ALL_MARKS
    )
    closes = not before.isspace() and (
        after.isspace() or after in _CLOSE_CONTEXT or after in _ALL_MARKS
    )
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    return _shape(text[i])


def _diagnostic(pos: int, message: str) -> Diagnostic:
    return Diagnostic(
        code="unbalanced-quote",
        message=message,
        severity=Severity.WARNING,
        span=Span(start=pos, end=pos + 1),
    )


def _trimmed(text: str, start: int, end: int) -> Span:
    """The span ``[start, end)`` of ``text`` (``0 <= start <= end``) without surrounding
    whitespace (its offsets need no check: they stay inside the given ones, in order)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _trusted_span(start, end)


def _has_word(text: str, span: Span) -> bool:
    return _WORD_AFTER.search(text, span.start, span.end) is not None


def mark_offsets(text: str) -> list[int]:
    """The offsets of every quote mark of ``text``, in order (what :func:`scan_quotes`
    takes as ``marks``)."""
    return [match.start() for match in _MARK.finditer(text)]


def _marks_in(marks: Sequence[int], start: int, end: int) -> Sequence[int]:
    """The offsets in ``[start, end)`` of a sorted list."""
    lo = bisect_left(marks, start)
    return marks[lo : bisect_left(marks, end, lo)]


def _pairing_marks(text: str, marks: Sequence[int]) -> list[int]:
    """The marks that can change the pairing state: all but a single mark between two
    letters or digits (``Lavrov’s``, ``don't``), which :meth:`_Scanner.scan_line`
    always passes over."""
    last = len(text) - 1
    return [
        i
        for i in marks
        if text[i] not in _SINGLE_MARKS
        or not (0 < i < last and text[i - 1].isalnum() and text[i + 1].isalnum())
    ]


def _any_in(marks: Sequence[int], start: int, end: int) -> bool:
    """Whether a sorted list holds an offset in ``[start, end)``."""
    i = bisect_left(marks, start)
    return i < len(marks) and marks[i] < end


class _Scanner:
    """The pairing state machine; one instance per call to :func:`scan_quotes`."""

    def __init__(self, text: str, marks: Sequence[int] | None = None) -> None:
        self.text = text
        self.marks = mark_offsets(text) if marks is None else marks
        """Where the text's quote marks are, in order."""
        self.pairing = _pairing_marks(text, self.marks)
        """The marks less the single marks between two letters or digits (``Lavrov’s``),
        which :meth:`scan_line` passes over."""
        self.quotes: list[Quote] = []
        self.diagnostics: list[Diagnostic] = []
        self.next_group = 0

    # -- one paragraph ------------------------------------------------------ #

    def scan_line(self, state: _State, start: int, end: int, singles_open: bool) -> _State:
        """Scan ``text[start:end]`` (one line) from ``state``; return the state at its end.

        ``singles_open``: whether a single mark may open a top-level quotation.
        """
        text = self.text
        skip_to = -1
        # (the pairing marks: a single mark between two letters or digits, Lavrov’s or
        # don't, is passed over, and the pairing marks are the marks less those)
        for i in _marks_in(self.pairing, start, end):
            if i < skip_to:
                continue
            char = text[i]
            family = _family(char)
            if family == _SINGLE:
                before = text[i - 1] if i > 0 else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                if char in _APOSTROPHES and before.isspace() and after.isspace():
                    continue  # "Jobs ' health", "we ’ re": an apostrophe set off by spaces
            role = _role(text, i)
            if family == _SINGLE and role != _CLOSE:
                word = _WORD_AFTER.match(text, i + 1)
                if word is not None and (
                    word.group()[0].isdigit() or word.group().lower() in _elisions()
                ):
                    after_word = word.end()
                    if after_word < end and _family(text[after_word]) == _SINGLE:
                        skip_to = after_word + 1  # rock 'n' roll
                    continue
            self.step(state, i, family, role, singles_open, end)
        return state

    def step(
        self, state: _State, i: int, family: str, role: str, singles_open: bool, end: int
    ) -> None:
        """Apply one quote mark at offset ``i`` of a line that ends at ``end``."""
        outer = state.outer
        if outer is None:
            if family == _SINGLE and not singles_open:
                return
            if (
                role == _CLOSE
                and self.text[i] in _DOUBLE_TOGGLES
                and _STRAIGHT_DOUBLE.search(self.text, i + 1, end) is not None
            ):
                # A straight mark has no direction of its own: with nothing open
                # and another one later in the line, it opens (said," [He] ...").
                role = _OPEN
            if role in (_OPEN, _TOGGLE):
                group = self.next_group
                self.next_group += 1
                state.outer = _Open(i, family, group)
            elif family == _DOUBLE:
                self.diagnostics.append(
                    _diagnostic(i, "closing quote mark without an opening mark; skipped")
                )
            return
        if family == outer.family:
            if role in (_CLOSE, _TOGGLE):
                self.close(state, i)
            else:
                if outer.family == _DOUBLE:
                    self.diagnostics.append(
                        _diagnostic(
                            outer.mark,
                            "opening quote mark is followed by another opening mark "
                            "before it closes; skipped",
                        )
                    )
                self.drop_pending(state)
                state.outer = _Open(i, family, self.next_group)
                self.next_group += 1
                state.inner = None
            return
        # A mark of the other family: an inner quotation.
        if state.inner is None:
            if role in (_OPEN, _TOGGLE):
                state.inner = _Open(i, family, outer.group)
        elif role in (_CLOSE, _TOGGLE):
            state.inner = None
        else:
            state.inner = _Open(i, family, outer.group)

    def close(self, state: _State, i: int) -> None:
        outer = state.outer
        assert outer is not None
        content = _trimmed(self.text, outer.mark + 1, i)
        pieces = [
            *state.pending,
            _quote(outer.mark, i, content, outer.family == _DOUBLE, outer.group),
        ]
        self.quotes.extend(q for q in pieces if _has_word(self.text, q.content))
        state.pending = []
        state.outer = None
        state.inner = None

    def drop_pending(self, state: _State) -> None:
        state.pending = []

    # -- line breaks -------------------------------------------------------- #

    def line_break(self, state: _State, line_end: int, next_start: int, blank: bool) -> None:
        """Decide what an open quotation does at the end of a line.

        ``next_start`` is the first non-space character after the break (or the
        end of the text); ``blank`` tells whether blank lines come in between.
        """
        outer = state.outer
        if outer is None:
            return
        text = self.text
        state.inner = None
        if not blank and next_start < len(text):
            if not text[outer.mark + 1 : line_end].strip():
                return  # the opening mark ends its line: “\nWe warn ...
            nxt = text[next_start]
            if (
                nxt in _ALL_MARKS
                and _family(nxt) == outer.family
                and _role(text, next_start) != _OPEN
            ):
                return  # the closing mark starts the next line: ...Russia.\n”
        if (
            next_start < len(text)
            and text[next_start] in _ALL_MARKS
            and _family(text[next_start]) == outer.family
            and _role(text, next_start) == _OPEN
            and text[outer.mark + 1 : line_end].strip()
        ):
            # A quotation continued in the next paragraph, reopened there.
            content = _trimmed(text, outer.mark + 1, line_end)
            state.pending.append(
                _quote(outer.mark, None, content, outer.family == _DOUBLE, outer.group)
            )
            state.outer = _Open(next_start, outer.family, outer.group)
            return
        if outer.family == _DOUBLE and self._closes_in_next_line(next_start):
            return  # a quotation whose paragraphs were split without reopening marks
        if outer.family == _DOUBLE:
            first = state.pending[0].open_mark if state.pending else outer.mark
            self.diagnostics.append(
                _diagnostic(first, "quote mark is never closed in its paragraph; skipped")
            )
        state.pending = []
        state.outer = None

    def _closes_in_next_line(self, start: int) -> bool:
        """True when the first double mark of the line at ``start`` can only close."""
        text = self.text
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
        for i in _marks_in(self.marks, start, end):
            if _family(text[i]) != _DOUBLE:
                continue
            return _role(text, i) == _CLOSE
        return False


def _scan_line_with_retry(
    scanner: _Scanner, state: _State, pos: int, line_start: int, line_end: int
) -> _State:
    """Scan one line; if a single mark opened a quotation that never closes in
    the line, it was an apostrophe: scan the line again with single marks unable
    to open a top-level quotation (at most twice per line)."""
    # (Scanning a line replaces the state's open marks and pending list, never changes
    # them in place: what the retry starts from can share them, and is built only then.)
    outer, pending = state.outer, state.pending
    n_quotes, n_diags, group = len(scanner.quotes), len(scanner.diagnostics), scanner.next_group
    scanner.scan_line(state, line_start, line_end, singles_open=True)
    if state.outer is not None and state.outer.family == _SINGLE and state.outer.mark >= pos:
        # A single mark opened a quotation that never closes in this line:
        # it was an apostrophe. Scan the line again with single marks
        # unable to open a top-level quotation (at most twice per line).
        del scanner.quotes[n_quotes:]
        del scanner.diagnostics[n_diags:]
        scanner.next_group = group
        state = _State(outer=outer, inner=None, pending=pending)
        scanner.scan_line(state, line_start, line_end, singles_open=False)
    return state


def _after_spaces(text: str, pos: int) -> int:
    """The offset of the first non-space character at or after ``pos`` (or the end)."""
    if pos < len(text) and not text[pos].isspace():
        return pos  # (no space there: most often)
    match = _SPACES.match(text, pos)
    assert match is not None  # (an empty run matches)
    return match.end()


def scan_quotes(text: str, marks: Sequence[int] | None = None) -> QuoteScan:
    """Find every quotation in ``text``; unbalanced marks become diagnostics.

    ``marks``: the offsets of every quote mark of ``text`` in order (as
    :func:`mark_offsets` finds them), when the caller has them already."""
    scanner = _Scanner(text, marks)
    marks = scanner.marks
    n = len(text)
    pairing = scanner.pairing
    state = _State()
    pos = 0
    while pos <= n:
        if state.outer is None:
            # Nothing is open, so a line without a quote mark changes nothing:
            # go straight to the next line that has one (from its first non-space).
            p = bisect_left(pairing, pos)
            if p == len(pairing):
                break
            previous_break = text.rfind("\n", pos, pairing[p])
            if previous_break >= 0:
                pos = _after_spaces(text, previous_break + 1)
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        reopened_at = state.outer.mark if state.outer is not None else -1
        line_start = pos if reopened_at < pos else reopened_at + 1
        if _any_in(pairing, line_start, line_end) or (
            state.outer is not None and _any_in(marks, line_start, line_end)
        ):
            state = _scan_line_with_retry(scanner, state, pos, line_start, line_end)
        if nl < 0:
            scanner.line_break(state, line_end, n, blank=False)
            break
        # Find the first non-space character after the break, noting blank lines.
        k = _after_spaces(text, nl + 1)
        blank = "\n" in text[nl + 1 : k]
        scanner.line_break(state, line_end, k, blank)
        if state.outer is not None and state.outer.mark >= k:
            # Reopened in the next paragraph: resume scanning after that mark.
            pos = k
        else:
            pos = nl + 1 if state.outer is not None else k
    quotes = sorted(scanner.quotes, key=lambda q: q.open_mark)
    return QuoteScan(tuple(quotes), tuple(scanner.diagnostics))
