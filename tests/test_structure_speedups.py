"""The structure parser's fast paths give exactly what the plain versions give.

Each fast path (marks found once per text, the inline common cases of the
sentence splitter, the one-pass line scanner) is compared with a straightforward
reference written here, on generated text rich in the characters those paths
look at.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geobrief._model import Diagnostic, Span
from geobrief.structure import blocks, headings, paragraphs, sentences, walker
from geobrief.structure.assemble import _Assembler
from geobrief.structure.lines import Line, scan_lines, trim
from geobrief.structure.sentences import sentence_spans, terminal_marks
from geobrief.structure.tables import Row, split_row

_ALPHABET = st.sampled_from(
    [
        *"aZqU.!?… \n\t\u00a0\"'”’»)]}“‘«([{¿1",
        "Mr.",
        "U.S.",
        "No.",
        "etc.",
        "Jan.",
        "The ",
        "word",
        "[...]",
        ". ",
        "? ",
        ".\u201d ",
        ". \u201d The",
        "A. ",
        "3.5",
        "Jan. ",
        "Gen. ",
        "Inc. ",
        "St. ",
        "approx. ",
        "Korea. ",
        "States. ",
        "Smith",
        "U",
        ".  A",
        ".\u3000\u2028",
        "!\n",
    ]
)
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)


def _reference_sentences(text: str, start: int, end: int) -> tuple[Span, ...]:
    """The splitter as it was before its fast paths: one regex scan for boundaries,
    and the full abbreviation look-up after every single period."""
    start = max(0, start)
    end = min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return ()
    spans: list[Span] = []
    sentence_start = start
    for match in sentences._BOUNDARY.finditer(text, start, end):
        after = match.end()
        if after >= end:
            continue
        dot = match.start()
        if text[dot - 1 if dot > start else start] in "[(":
            continue
        char = text[after]
        if char in sentences._QUOTE_MARKS and sentences._is_closing(text, after, end):
            close = after
            while close < end and text[close] in sentences._CLOSERS:
                close += 1
            following = close
            while following < end and text[following].isspace():
                following += 1
            if (
                following == close
                or following >= end
                or not sentences._starts_sentence(text[following])
            ):
                continue
            stop, after = close, following
        elif char.isupper() or char.isdigit() or char in sentences._OPENERS:
            stop = match.start(2)
        else:
            continue
        if (
            text[dot] == "."
            and match.end(1) == dot + 1
            and sentences._abbreviation_holds(text, dot, sentence_start, after, end)
        ):
            continue
        spans.append(Span(start=sentence_start, end=stop))
        sentence_start = after
    if not spans:
        return (Span(start=start, end=end),)
    spans.append(Span(start=sentence_start, end=end))
    return tuple(spans)


def _ranges(text: str) -> list[tuple[int, int]]:
    """The whole text, and the pieces between its line breaks (paragraph-like)."""
    found = [(0, len(text))]
    pos = 0
    for piece in text.split("\n"):
        found.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return found


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_sentences_match_the_reference_splitter(text: str) -> None:
    """With or without marks found once per text, every range splits as the
    reference splitter splits it."""
    marks = terminal_marks(text)
    for start, end in _ranges(text):
        expected = _reference_sentences(text, start, end)
        assert expected == sentence_spans(text, start, end)
        assert expected == sentence_spans(text, start, end, marks)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_terminal_marks_are_every_terminal_character(text: str) -> None:
    """``terminal_marks`` lists the offset of every ``.``, ``!``, ``?`` and ``…``."""
    expected = [i for i, char in enumerate(text) if char in ".!?…"]
    assert expected == terminal_marks(text)


def test_sentences_with_marks_on_a_known_paragraph() -> None:
    """A worked example: the abbreviation and the decimal do not split, the
    question and the closing quote do."""
    text = "Intro.\nMr. Smith paid 3.5 bn. Why? He said “no.” Then left."
    start = text.index("Mr.")
    expected = ["Mr. Smith paid 3.5 bn.", "Why?", "He said “no.”", "Then left."]
    spans = sentence_spans(text, start, len(text), terminal_marks(text))
    assert expected == [text[s.start : s.end] for s in spans]


_ROW_TEXTS = st.lists(
    st.sampled_from([*"|\\ \t\u00a0:-a1", "---", ":--:", "| x |", "\\|", "\n"]), max_size=30
).map("".join)


def _reference_row(text: str, line: Line) -> Row:
    """A row split at unescaped pipes by a plain ``str.find`` walk, each cell trimmed."""
    start, end = line.content_start, line.content_end
    outer = False
    if start < end and text[start] == "|":
        start += 1
        outer = True
    if end > start and text[end - 1] == "|" and text[end - 2 : end - 1] != "\\":
        end -= 1
        outer = True
    cells: list[tuple[int, int]] = []
    cell_start = pos = start
    while True:
        bar = text.find("|", pos, end)
        if bar < 0:
            cells.append(trim(text, cell_start, end))
            break
        if bar > cell_start and text[bar - 1] == "\\":
            pos = bar + 1
            continue
        cells.append(trim(text, cell_start, bar))
        cell_start = pos = bar + 1
    filled = [text[s:e] for s, e in cells if s < e]
    alignment = bool(filled) and all(re.fullmatch(r":?-+:?", cell) for cell in filled)
    return Row(line, tuple(cells), alignment, outer)


@settings(max_examples=300, deadline=None)
@given(_ROW_TEXTS)
def test_rows_split_as_the_reference_splits_them(text: str) -> None:
    """Every line splits into the same cells, alignment flag and outer-pipe flag."""
    for line in scan_lines(text):
        assert _reference_row(text, line) == split_row(text, line)


_LABEL_TEXTS = st.lists(
    st.sampled_from(
        [*"ab :*_\t\n", "**", "__", "Summary", "x" * 20, "x" * 39, "x" * 40, " " * 10, ": a"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_LABEL_TEXTS)
def test_label_prefilter_never_hides_a_label(text: str) -> None:
    """Whenever the inline-label regex matches a range, the prefilter lets it run."""
    for start in range(len(text) + 1):
        label = walker._INLINE_LABEL.match(text, start, len(text))
        if label is not None:
            assert walker._may_have_label(text, start, len(text))


def test_label_prefilter_on_known_lines() -> None:
    """A label near the start passes; a colon far into a sentence does not."""
    line = "Lavrov's statement also served as a warning to the West: quote"
    longest = "__" + "x" * 40 + "__ \t: text"
    expected = [True, False, True, False, True]
    actual = [
        walker._may_have_label("Summary: text", 0, 13),
        walker._may_have_label(line, 0, len(line)),
        walker._may_have_label("**Summary**" + " " * 50 + ": text", 0, 67),
        walker._may_have_label("no colon here", 0, 13),
        walker._may_have_label(longest, 0, len(longest)),
    ]
    assert expected == actual


_HEADING_TEXTS = st.lists(
    st.sampled_from(
        [*"aZ1 :*_’‘“”.)", "  ", "\t", "\u00a0", "\u2003", "\x1c", "\x85", "\u2028", "**", "2) "]
    ),
    max_size=16,
).map("".join)


def _reference_heading_key(text: str, start: int, end: int) -> str:
    """The heading key with whitespace always collapsed by ``split`` and ``join``."""
    if end - start > 2 * headings.MAX_HEADING:
        return ""
    s, e = headings.trim_heading(text, start, end)
    if e - s > headings.MAX_HEADING:
        return ""
    raw = text[s:e].replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    key = " ".join(raw.split()).casefold()
    if key[:1].isdecimal():
        numbered = headings._NUMBERING.match(key)
        if numbered is not None and numbered.end() < len(key):
            key = key[numbered.end() :]
    return key


@settings(max_examples=400, deadline=None)
@given(_HEADING_TEXTS)
def test_heading_keys_match_the_always_collapsing_reference(text: str) -> None:
    """Skipping the whitespace collapse when there is nothing to collapse changes
    no heading key, for every range of the text."""
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            expected = _reference_heading_key(text, start, end)
            assert expected == headings.heading_key(text, start, end)


def _reference_lines(text: str) -> list[Line]:
    """The line scanner as first written: ``str.split`` at line breaks, each line's
    content found by ``trim``."""
    lines = []
    pos = 0
    for number, raw in enumerate(text.split("\n")):
        end = pos + len(raw)
        content_start, content_end = trim(text, pos, end)
        lines.append(Line(number, pos, end, content_start, content_end))
        pos = end + 1
    return lines


_LINE_TEXTS = st.lists(
    st.sampled_from([*"ab\n\n\t \u00a0\u3000\u2028\x1c|", " x ", "word", "\r"]), max_size=30
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_LINE_TEXTS)
def test_lines_are_scanned_as_the_reference_scans_them(text: str) -> None:
    """scan_lines (a find loop that copies only lines with whitespace at an end) gives
    the same lines as the split-and-trim scanner, blank and whitespace-only lines,
    a final line break and the empty text included."""
    assert _reference_lines(text) == scan_lines(text)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2 * headings.MAX_HEADING + 1, 2 * headings.MAX_HEADING + 40),
    st.sampled_from(["a", " ", "*", ":"]),
)
def test_lines_past_the_key_limit_have_the_empty_key(length: int, filler: str) -> None:
    """heading_key answers at once for a line too long to be a heading even with
    surrounding whitespace: the empty key, whatever the line holds."""
    text = "x" + filler * (length - 2) + "y"
    assert "" == headings.heading_key(text, 0, len(text))


def _reference_single(text: str, line: Line) -> blocks.Block:
    """blocks._single as first written: every expression tried in turn, whatever the
    line's first character."""
    start, end = line.content_start, line.content_end
    first = text[start]
    if first not in blocks._MARKER_STARTS and not first.isdigit():
        return blocks.Block(blocks.KIND_TEXT, line, start, end)
    heading = blocks._markdown_heading(text, line) if first == "#" else None
    if heading is not None:
        return heading
    if first in "-*_=" and blocks._RULE.fullmatch(text, start, end) is not None:
        return blocks.Block(blocks.KIND_RULE, line, start, end)
    numbered = blocks._NUMBERED.match(text, start, end) if first.isdigit() else None
    if numbered is not None:
        return blocks.Block(
            blocks.KIND_LIST_ITEM, line, numbered.end(), end, number=int(numbered.group(1))
        )
    bullet = blocks._BULLET.match(text, start, end)
    if bullet is not None:
        return blocks.Block(blocks.KIND_LIST_ITEM, line, bullet.end(), end)
    question = blocks._QUESTION.match(text, start, end)
    if question is not None and question.end() < end:
        q_end = blocks._strip_trailing_emphasis(text, question.end(), end)
        if q_end > question.end():
            return blocks.Block(blocks.KIND_QUESTION, line, question.end(), q_end)
    answer = blocks._ANSWER.match(text, start, end)
    if answer is not None:
        return blocks.Block(blocks.KIND_ANSWER, line, answer.end(), end)
    return blocks.Block(blocks.KIND_TEXT, line, start, end)


_LINE_STARTS = st.lists(
    st.sampled_from(
        [
            *"-*_=#•+‣◦▪QqAa1 \t:.)xſK\u212a",
            "**",
            "__",
            "Question",
            "QUESTION",
            "quEstion",
            "Answer",
            "aNSWER",
            "Q1",
            "A 2",
            ": ",
            "12.",
            "3)",
            "text",
            *("- a", "* b", "• c", "+ d", "‣ e", "◦ f", "▪ g", "_ h"),
            *("A: ", "a: ", "Answer: ", "**A:** ", "__answer__: ", "Q: ", "q: ", "**Q:** "),
            *("__Question 2:__ ", "ANSWER 3: ", "answer: ", "question: ", "__answer:__ "),
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_LINE_STARTS)
def test_single_lines_classify_as_when_every_expression_is_tried(text: str) -> None:
    """_single (each list-item, question and answer expression tried only on a line
    starting with a character it can match first) classifies every line as trying them
    all does."""
    for line in scan_lines(text):
        if line.content_start < line.content_end:
            assert _reference_single(text, line) == blocks._single(text, line)


def _reference_is_wrapped(text: str, items: list[blocks.Item]) -> bool:
    """paragraphs.is_wrapped as first written: _ends_sentence asked for every pair."""
    per_line = wrapped = 0
    previous = None
    for block in items:
        if not isinstance(block, blocks.Block) or block.kind is not blocks.KIND_TEXT:
            previous = None
            continue
        if previous is not None and previous.line.number + 1 == block.line.number:
            s, e = previous.text_start, previous.text_end
            if paragraphs._ends_sentence(text, s, e):
                per_line += 1
            elif e - s >= paragraphs._MIN_WRAPPED_LINE and text[e - 1] not in paragraphs._OPENERS:
                wrapped += 1
        previous = block
    return wrapped > per_line


_WRAP_TEXTS = st.lists(
    st.sampled_from(
        [
            "A line that runs on for quite a while without stopping",
            "Short.",
            "Ends with a quote.”",
            "Ends in a bracket)",
            "Opens a quote “",
            "x" * 45 + ".\u201d)",
            "x" * 45 + "\u201d",
            "- item",
            "# Head",
            "|a|b|",
            "",
            "word",
        ]
    ),
    max_size=12,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(_WRAP_TEXTS)
def test_wrapped_text_is_judged_as_by_the_sentence_end_test(text: str) -> None:
    """is_wrapped (the last character read directly unless it is a closing mark) judges
    every text as asking _ends_sentence about every pair of adjacent lines does."""
    items = blocks.classify(text, scan_lines(text), [])
    assert _reference_is_wrapped(text, items) == paragraphs.is_wrapped(text, items)


_QUOTE_LINES = st.lists(
    st.sampled_from(
        [
            "Plain words.",
            "He said “yes”.",
            "She said: “",
            "“",
            "” and then.",
            'A quote "here" too.',
            'Opens "',
            '" closes.',
            "It’s fine.",
            "« Il dit",
            "fin »",
            "- a list item",
            "- “listed",
            *("Il dit «", "Er sagte „", "She said ‘", "end’ there.", "He said “yes", "“open"),
            "He said “yes\n” and so.",
            "",
        ]
    ),
    max_size=14,
).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(_QUOTE_LINES)
def test_quote_joins_match_the_full_walk(text: str) -> None:
    """_join_quotes (units returned as they are when none can open a quotation) joins
    exactly the units, and reports exactly the diagnostics, of the full walk."""
    units = [
        paragraphs.Unit(b.text_start, b.text_end, b.number, b.kind is blocks.KIND_LIST_ITEM, n, n)
        for n, b in enumerate(blocks.classify(text, scan_lines(text), []))
        if isinstance(b, blocks.Block) and b.text_start < b.text_end
    ]
    slow: list[Diagnostic] = []
    fast: list[Diagnostic] = []
    expected = paragraphs._join_quoted(text, units, slow)
    assert expected == paragraphs._join_quotes(text, units, fast)
    assert slow == fast


def _reference_units(
    assembler: _Assembler, items: list[blocks.Item], strip_markers: bool
) -> list[paragraphs.Unit]:
    """_Assembler.units as first written: every run of lines between other items made
    into units on its own."""
    found: list[paragraphs.Unit] = []
    run: list[blocks.Block] = []
    for item in [*items, None]:
        if isinstance(item, blocks.Block):
            run.append(item)
            continue
        if run:
            found += paragraphs.build_units(
                assembler.text,
                run,
                wrapped=assembler.wrapped,
                strip_markers=strip_markers,
                diagnostics=assembler.diagnostics,
            )
            run = []
    return found


@settings(max_examples=300, deadline=None)
@given(_QUOTE_LINES, st.booleans(), st.booleans(), st.booleans())
def test_units_of_body_lines_match_the_run_by_run_split(
    text: str, wrapped: bool, strip_markers: bool, with_table: bool
) -> None:
    """_Assembler.units (one build_units call when every item is a body line) gives the
    units and diagnostics of splitting the items run by run."""
    if with_table:
        text += "\n| a | b |\n|---|---|\n| 1 | 2 |\nAfter the table."
    items = blocks.classify(text, scan_lines(text), [])
    fast = _Assembler(text=text, wrapped=wrapped, diagnostics=[])
    slow = _Assembler(text=text, wrapped=wrapped, diagnostics=[])
    assert _reference_units(slow, items, strip_markers) == fast.units(
        items, strip_markers=strip_markers
    )
    assert slow.diagnostics == fast.diagnostics
