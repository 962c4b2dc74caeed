"""Statement extraction: direct quotes, partial quotes and reported speech.

``extract_statements`` is the pipeline stage. It pairs quote marks
(:mod:`._quotes`), finds every cue, hedge and negation form in one pass over
the article's tokens (:mod:`._lexscan`), finds attribution frames around cues
(:mod:`._frames`, cue lexicon in ``data/cues.tsv``), attributes quotations
(:mod:`._direct`), reported speech (:mod:`._reported`) and headlines that
name their source before a colon (:mod:`._headline`), and resolves
speakers to actor ids through the article's mentions (:mod:`._resolve`).
"""

from __future__ import annotations

import attrs

from geobrief._model import Article, Span, Statement, StatementKind, slot_setters
from geobrief.statements._context import ArticleContext
from geobrief.statements._direct import attribute_quotes
from geobrief.statements._headline import headline_sources
from geobrief.statements._lexicon import CueEntry, cue_for_form
from geobrief.statements._quotes import Quote, QuoteScan, scan_quotes
from geobrief.statements._reported import is_statement, reported_frames

__all__ = [
    "ArticleContext",
    "CueEntry",
    "Quote",
    "QuoteScan",
    "cue_for_form",
    "extract_statements",
    "scan_quotes",
]


_new = object.__new__
(
    _set_kind,
    _set_content_span,
    _set_speaker,
    _set_speaker_span,
    _set_cue,
    _set_cue_span,
    _set_addressees,
    _set_about,
) = slot_setters(
    Statement,
    ("kind", "content_span", "speaker", "speaker_span", "cue", "cue_span", "addressees", "about"),
)


def _statement(
    kind: StatementKind,
    content_span: Span,
    speaker: str | None,
    speaker_span: Span | None,
    cue: str | None,
    cue_span: Span | None,
    addressees: tuple[str, ...],
    about: tuple[str, ...],
) -> Statement:
    """``Statement(...)`` with every field set through its slot: the values are what the
    converters would leave alone and the validators accept (a ``StatementKind``, tuples,
    ids of the article's actors), so the object is the same; the article checks the
    spans and the speaker."""
    statement: Statement = _new(Statement)
    _set_kind(statement, kind)
    _set_content_span(statement, content_span)
    _set_speaker(statement, speaker)
    _set_speaker_span(statement, speaker_span)
    _set_cue(statement, cue)
    _set_cue_span(statement, cue_span)
    _set_addressees(statement, addressees)
    _set_about(statement, about)
    return statement


def _statements(ctx: ArticleContext) -> list[Statement]:
    found: list[Statement] = []
    mentions = ctx.mentions
    for item in attribute_quotes(ctx):
        found.append(
            _statement(
                item.kind,
                item.quote.content,
                item.speaker,
                item.speaker_span,
                item.cue,
                item.cue_span,
                mentions.ids_inside(item.addressee) if item.addressee else (),
                mentions.ids_inside(item.quote.content),
            )
        )
    for reported in reported_frames(ctx):
        if not is_statement(ctx, reported):
            continue
        frame = reported.frame
        found.append(
            _statement(
                StatementKind.REPORTED,
                reported.content,
                reported.speaker,
                frame.speaker,
                frame.cue.lemma,
                frame.cue_span,
                mentions.ids_inside(frame.addressee) if frame.addressee else (),
                mentions.ids_inside(reported.content),
            )
        )
    for headline in headline_sources(ctx):
        found.append(
            Statement(
                kind=StatementKind.REPORTED,
                content_span=headline.content,
                speaker=headline.speaker,
                speaker_span=headline.speaker_span,
                about=mentions.ids_inside(headline.content),
            )
        )
    found.sort(key=lambda s: (s.content_span.start, s.content_span.end))
    return found


def extract_statements(article: Article) -> Article:
    """Fill ``statements`` with direct quotes, partial quotes and reported speech,
    and add an ``unbalanced-quote`` diagnostic for every quote mark left unpaired."""
    ctx = ArticleContext.of(article)
    unbalanced = ctx.quotes.diagnostics
    return attrs.evolve(
        article,
        statements=tuple(_statements(ctx)),
        # (the same tuple when there is nothing to add: the article need not re-check it)
        diagnostics=(*article.diagnostics, *unbalanced) if unbalanced else article.diagnostics,
    )
