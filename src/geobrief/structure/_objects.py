"""Spans, paragraphs, key points, sections and outline entries built without
re-running their checks.

The structure parser makes one span per sentence, paragraph and heading, always
from offsets it found in the text (``0 <= start <= end <= len(text)``), so the
checked constructors would only repeat work: these set the frozen classes'
slots directly (:func:`geobrief._model.slot_setters`), about three times as fast.
``Article`` checks every span again when it is built (as it does for objects
``geobrief.loads`` decodes). Their int fields (numbers read from digits, list
indexes, heading levels of at least 1) are never negative by construction.
"""

from __future__ import annotations

from geobrief._model import (
    KeyPoint,
    OutlineEntry,
    Paragraph,
    Section,
    Span,
    _trusted_span,
    slot_setters,
)

__all__ = ["new_key_point", "new_outline_entry", "new_paragraph", "new_section", "new_span"]

_new = object.__new__

_set_paragraph_span, _set_paragraph_sentences = slot_setters(Paragraph, ("span", "sentences"))
_set_key_point_span, _set_key_point_number, _set_key_point_sentences = slot_setters(
    KeyPoint, ("span", "number", "sentences")
)
_set_section_span, _set_section_heading, _set_section_level, _set_section_paragraphs = slot_setters(
    Section, ("span", "heading", "level", "paragraphs")
)
_set_entry_span, _set_entry_number, _set_entry_section = slot_setters(
    OutlineEntry, ("span", "number", "section")
)

new_span = _trusted_span
"""``Span(start=start, end=end)`` for offsets known to be valid (the model's own
unchecked constructor, which the claims stage uses too)."""


def new_paragraph(span: Span, sentences: tuple[Span, ...]) -> Paragraph:
    """``Paragraph(span=span, sentences=sentences)``."""
    paragraph = _new(Paragraph)
    _set_paragraph_span(paragraph, span)
    _set_paragraph_sentences(paragraph, sentences)
    return paragraph


def new_key_point(span: Span, number: int | None, sentences: tuple[Span, ...]) -> KeyPoint:
    """``KeyPoint(span=span, number=number, sentences=sentences)`` for a number read from
    digits (never negative)."""
    key_point = _new(KeyPoint)
    _set_key_point_span(key_point, span)
    _set_key_point_number(key_point, number)
    _set_key_point_sentences(key_point, sentences)
    return key_point


def new_section(
    span: Span, heading: Span | None, level: int, paragraphs: tuple[Paragraph, ...]
) -> Section:
    """``Section(span=span, heading=heading, level=level, paragraphs=paragraphs)`` for a
    level of at least 1."""
    section = _new(Section)
    _set_section_span(section, span)
    _set_section_heading(section, heading)
    _set_section_level(section, level)
    _set_section_paragraphs(section, paragraphs)
    return section


def new_outline_entry(span: Span, number: int | None, section: int | None) -> OutlineEntry:
    """``OutlineEntry(span=span, number=number, section=section)`` for a number read from
    digits and a section index."""
    entry = _new(OutlineEntry)
    _set_entry_span(entry, span)
    _set_entry_number(entry, number)
    _set_entry_section(entry, section)
    return entry
