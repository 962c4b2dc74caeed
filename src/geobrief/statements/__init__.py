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

from geobrief._model import Article, Statement, StatementKind
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


def _statements(ctx: ArticleContext) -> list[Statement]:
    found: list[Statement] = []
    mentions = ctx.mentions
    for item in attribute_quotes(ctx):
        found.append(
            Statement(
                kind=item.kind,
                content_span=item.quote.content,
                speaker=item.speaker,
                speaker_span=item.speaker_span,
                cue=item.cue,
                cue_span=item.cue_span,
                addressees=mentions.ids_inside(item.addressee) if item.addressee else (),
                about=mentions.ids_inside(item.quote.content),
            )
        )
    for reported in reported_frames(ctx):
        if not is_statement(ctx, reported):
            continue
        frame = reported.frame
        found.append(
            Statement(
                kind=StatementKind.REPORTED,
                content_span=reported.content,
                speaker=reported.speaker,
                speaker_span=frame.speaker,
                cue=frame.cue.lemma,
                cue_span=frame.cue_span,
                addressees=mentions.ids_inside(frame.addressee) if frame.addressee else (),
                about=mentions.ids_inside(reported.content),
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
    return attrs.evolve(
        article,
        statements=tuple(_statements(ctx)),
        diagnostics=(*article.diagnostics, *ctx.quotes.diagnostics),
    )
