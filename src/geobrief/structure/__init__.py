"""Structure parsing: title, dateline, lead, outline, sections, key points, summary,
FAQ and sentences, with exact spans into ``Article.text``.

The parse is one forward pass per step, each linear in the text's length:
lines (:mod:`.lines`) -> classified blocks and tables (:mod:`.blocks`,
:mod:`.tables`) -> title and dateline (:mod:`.front`, :mod:`.dateline`) ->
groups (:mod:`.walker`) -> model fields with paragraphs and sentences
(:mod:`.assemble`, :mod:`.paragraphs`, :mod:`.sentences`).
"""

from __future__ import annotations

import attrs

from geobrief._model import Article, Diagnostic, Metadata, Severity, Span, _trusted_article
from geobrief.structure.assemble import assemble
from geobrief.structure.blocks import classify
from geobrief.structure.dateline import Dateline
from geobrief.structure.front import read_front
from geobrief.structure.lines import scan_lines
from geobrief.structure.paragraphs import is_wrapped
from geobrief.structure.sentences import split_sentences
from geobrief.structure.walker import walk

__all__ = ["parse_structure", "split_sentences"]


def _metadata(metadata: Metadata, dateline: Dateline | None) -> Metadata:
    """``metadata`` with the dateline's span, place, agency and date filled in."""
    if dateline is None:
        return metadata
    return attrs.evolve(
        metadata,
        dateline=Span(start=dateline.start, end=dateline.end),
        place=dateline.place,
        agency=dateline.agency,
        date=dateline.date,
    )


def parse_structure(article: Article) -> Article:
    """Fill the structure fields of ``article`` from its text: ``layout``, ``title``,
    ``lead``, ``outline``, ``sections``, ``key_points``, ``summary``, ``faq``, the
    dateline in ``metadata``, sentences in every paragraph and key point, and
    ``diagnostics`` for anything odd. Never raises for any text."""
    text = article.text
    diagnostics: list[Diagnostic] = []
    if not text.strip():
        diagnostics.append(
            Diagnostic(code="empty-document", severity=Severity.INFO, message="the text is empty")
        )
        return attrs.evolve(article, diagnostics=(*article.diagnostics, *diagnostics))
    lines = scan_lines(text)
    items = classify(text, lines, diagnostics)
    front = read_front(text, items)
    groups, outline = walk(text, front.body)
    structure = assemble(
        text,
        groups,
        outline,
        wrapped=is_wrapped(text, items),
        markdown_title=front.markdown_title,
        diagnostics=diagnostics,
    )
    # Every new value is valid by construction (offsets found in the text, sentences
    # split inside their paragraph's range, outline entries pointing at sections built
    # here): the model's unchecked evolve (see ``_trusted_article``).
    return _trusted_article(
        article,
        layout=structure.layout,
        title=front.title,
        lead=structure.lead,
        outline=structure.outline,
        sections=structure.sections,
        key_points=structure.key_points,
        summary=structure.summary,
        faq=structure.faq,
        metadata=_metadata(article.metadata, front.dateline),
        diagnostics=(*article.diagnostics, *diagnostics),
    )
