"""Assembly: turn the walk's groups into the model's structure fields."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

import attrs

from geobrief._model import (
    Diagnostic,
    FaqItem,
    KeyPoint,
    Layout,
    OutlineEntry,
    Paragraph,
    Section,
    Severity,
    Span,
)
from geobrief.structure._objects import (
    new_key_point,
    new_outline_entry,
    new_paragraph,
    new_section,
    new_span,
)
from geobrief.structure.blocks import (
    KIND_ANSWER,
    KIND_HEADING,
    KIND_TEXT,
    Block,
    Item,
)
from geobrief.structure.headings import trim_heading
from geobrief.structure.paragraphs import Unit, build_units
from geobrief.structure.sentences import sentence_spans, terminal_marks
from geobrief.structure.tables import Table, row_item
from geobrief.structure.walker import (
    ROLE_FAQ,
    ROLE_FRONT,
    ROLE_KEY_POINTS,
    ROLE_ORPHAN,
    ROLE_OUTLINE,
    ROLE_SECTION,
    ROLE_SUMMARY,
    Group,
    Outline,
    Question,
)

__all__ = ["Structure", "assemble"]


@attrs.frozen(kw_only=True)
class Structure:
    """The structure fields of an Article."""

    layout: Layout
    lead: Paragraph | None
    outline: tuple[OutlineEntry, ...]
    sections: tuple[Section, ...]
    key_points: tuple[KeyPoint, ...]
    summary: tuple[Paragraph, ...]
    faq: tuple[FaqItem, ...]


def _span_and_sentences(
    text: str, start: int, end: int, marks: list[int]
) -> tuple[Span, tuple[Span, ...]]:
    """The span ``[start, end)`` and its sentences (``marks`` is
    ``terminal_marks(text)``); a single sentence covering the whole range is the
    span itself (spans are immutable, so sharing one is safe)."""
    sentences = sentence_spans(text, start, end, marks)
    if len(sentences) == 1:
        only = sentences[0]
        if only.start == start and only.end == end:
            return only, sentences
    return new_span(start, end), sentences


@attrs.define
class _Assembler:
    text: str
    wrapped: bool
    diagnostics: list[Diagnostic]
    lead: Paragraph | None = None
    sections: list[Section] = attrs.Factory(list)
    section_of_entry: dict[int, int] = attrs.Factory(dict)
    key_points: list[KeyPoint] = attrs.Factory(list)
    summary: list[Paragraph] = attrs.Factory(list)
    faq: list[FaqItem] = attrs.Factory(list)
    min_level: int = 0
    marks: list[int] = attrs.field(init=False)
    """``terminal_marks(text)``: every sentence split of the text uses them."""

    @marks.default
    def _marks(self) -> list[int]:
        return terminal_marks(self.text)

    def units(self, items: Sequence[Item | Question], *, strip_markers: bool) -> list[Unit]:
        """Units of the body lines among ``items`` (tables split runs of lines)."""
        if all(map(isinstance, items, repeat(Block))):
            # (the usual group: body lines only, one run; none when it is empty)
            if not items:
                return []
            return build_units(
                self.text,
                items,  # type: ignore[arg-type]  # (every item is a Block)
                wrapped=self.wrapped,
                strip_markers=strip_markers,
                diagnostics=self.diagnostics,
            )
        found: list[Unit] = []
        run: list[Block] = []
        for item in [*items, None]:
            if isinstance(item, Block):
                run.append(item)
                continue
            if run:
                units = build_units(
                    self.text,
                    run,
                    wrapped=self.wrapped,
                    strip_markers=strip_markers,
                    diagnostics=self.diagnostics,
                )
                found.extend(units)
                run = []
        return found

    def paragraphs(self, items: Sequence[Item | Question]) -> list[Paragraph]:
        text = self.text
        marks = self.marks
        found = []
        for unit in self.units(items, strip_markers=False):
            span, sentences = _span_and_sentences(text, unit.start, unit.end, marks)
            found.append(new_paragraph(span, sentences))
        return found

    def add_section(self, group: Group, paragraphs: list[Paragraph]) -> None:
        """Append a section for ``group``; an untitled one only if it has paragraphs."""
        ends = [p.span.end for p in paragraphs]
        ends += [t.lines[-1].content_end for t in group.items if isinstance(t, Table)]
        heading = group.heading
        if heading is None:
            if not paragraphs:
                return
            start = paragraphs[0].span.start
            heading_span = None
            level = 1
        else:
            start = heading.line.content_start
            s, e = trim_heading(self.text, heading.text_start, heading.text_end)
            heading_span = new_span(s, e)
            ends.append(e)
            level = 1 if heading.kind is not KIND_HEADING else heading.level - self.min_level + 1
        if group.outline_index is not None:
            self.section_of_entry[group.outline_index] = len(self.sections)
        if group.near:
            self.diagnostics.append(
                Diagnostic(
                    code="heading-differs-from-outline",
                    severity=Severity.INFO,
                    message="heading matched to its outline entry by most of its words",
                    span=heading_span,
                )
            )
        self.sections.append(
            new_section(new_span(start, max(ends)), heading_span, level, tuple(paragraphs))
        )

    def front(self, group: Group) -> None:
        paragraphs = self.paragraphs(group.items)
        if paragraphs:
            self.lead = paragraphs[0]
        self.add_section(group, paragraphs[1:])

    def key_point_group(self, group: Group) -> None:
        before = len(self.key_points)
        lines: list[Item | Question] = []
        for item in [*group.items, None]:
            if isinstance(item, Block):
                lines.append(item)
                continue
            for unit in self.units(lines, strip_markers=True):
                self.key_points.append(self.key_point(unit.number, unit.start, unit.end))
            lines = []
            if isinstance(item, Table):
                for row in item.rows:
                    found = row_item(self.text, row)
                    if found is not None:
                        self.key_points.append(self.key_point(*found))
        if len(self.key_points) == before:
            self.empty_part(group, "key points")

    def key_point(self, number: int | None, start: int, end: int) -> KeyPoint:
        span, sentences = _span_and_sentences(self.text, start, end, self.marks)
        return new_key_point(span, number, sentences)

    def faq_group(self, group: Group) -> None:
        question: Question | None = None
        answer: list[Item | Question] = []
        stray: list[Item | Question] = []
        for item in [*group.items, None]:
            if item is not None and not isinstance(item, Question):
                if question is None:
                    stray.append(item)
                else:
                    answer.append(item)
                continue
            if question is not None:
                self.faq_item(question, answer)
            question, answer = item, []
        if stray:
            self.stray_faq_text(group, stray)
        if not any(isinstance(item, Question) for item in group.items):
            self.empty_part(group, "FAQ")

    def faq_item(self, question: Question, answer: list[Item | Question]) -> None:
        paragraphs = self.paragraphs(answer)
        span = new_span(question.start, question.end)
        if not paragraphs:
            self.diagnostics.append(
                Diagnostic(
                    code="faq-question-without-answer",
                    message="FAQ question has no answer",
                    span=span,
                )
            )
        self.faq.append(FaqItem(question=span, answer=tuple(paragraphs)))

    def stray_faq_text(self, group: Group, stray: list[Item | Question]) -> None:
        """Text in a FAQ before its first question becomes an untitled section."""
        for item in stray:
            if isinstance(item, Block) and item.kind is KIND_ANSWER:
                self.diagnostics.append(
                    Diagnostic(
                        code="faq-answer-without-question",
                        severity=Severity.INFO,
                        message="answer label before any question",
                        span=Span(start=item.line.content_start, end=item.line.content_end),
                    )
                )
        texts = [
            i._replace(kind=KIND_TEXT, text_start=i.line.content_start)
            if isinstance(i, Block) and i.kind is KIND_ANSWER
            else i
            for i in stray
        ]
        self.add_section(Group(role=ROLE_ORPHAN), self.paragraphs(texts))

    def empty_part(self, group: Group, name: str) -> None:
        heading = group.heading
        self.diagnostics.append(
            Diagnostic(
                code="empty-part",
                severity=Severity.INFO,
                message=f"the {name} part has no entries",
                span=None
                if heading is None
                else Span(start=heading.line.content_start, end=heading.line.content_end),
            )
        )


def _outline(
    outline: Outline, section_of_entry: dict[int, int], diagnostics: list[Diagnostic]
) -> tuple[OutlineEntry, ...]:
    entries = []
    for index, (number, start, end) in enumerate(outline.entries):
        span = new_span(start, end)
        section = section_of_entry.get(index)
        if section is None:
            diagnostics.append(
                Diagnostic(
                    code="outline-entry-without-section",
                    message="outline entry has no section with a matching heading",
                    span=span,
                )
            )
        entries.append(new_outline_entry(span, number, section))
    return tuple(entries)


def assemble(
    text: str,
    groups: list[Group],
    outline: Outline,
    *,
    wrapped: bool,
    markdown_title: bool,
    diagnostics: list[Diagnostic],
) -> Structure:
    """Build the structure fields from the walk's groups, in text order."""
    md_levels = [
        g.heading.level
        for g in groups
        if g.role is ROLE_SECTION and g.heading is not None and g.heading.kind is KIND_HEADING
    ]
    builder = _Assembler(
        text=text, wrapped=wrapped, diagnostics=diagnostics, min_level=min(md_levels, default=1)
    )
    for group in groups:
        role = group.role
        if role is ROLE_FRONT:
            builder.front(group)
        elif role in (ROLE_SECTION, ROLE_ORPHAN):
            builder.add_section(group, builder.paragraphs(group.items))
        elif role is ROLE_SUMMARY:
            paragraphs = builder.paragraphs(group.items)
            builder.summary += paragraphs
            if not paragraphs:
                builder.empty_part(group, "summary")
        elif role is ROLE_KEY_POINTS:
            builder.key_point_group(group)
        elif role is ROLE_FAQ:
            builder.faq_group(group)
        elif role is ROLE_OUTLINE and not group.content:
            builder.empty_part(group, "outline")
    if any(g.role in (ROLE_OUTLINE, ROLE_KEY_POINTS, ROLE_SUMMARY, ROLE_FAQ) for g in groups):
        layout = Layout.BRIEF
    elif md_levels or markdown_title:
        layout = Layout.MARKDOWN
    else:
        layout = Layout.PLAIN
    return Structure(
        layout=layout,
        lead=builder.lead,
        outline=_outline(outline, builder.section_of_entry, diagnostics),
        sections=tuple(builder.sections),
        key_points=tuple(builder.key_points),
        summary=tuple(builder.summary),
        faq=tuple(builder.faq),
    )
