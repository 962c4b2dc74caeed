"""Headline attribution: ``Reports: ...``, ``Officials: ...``, ``Lavrov: ...``.

A news headline often names its source before a colon instead of using a speech
verb. In the article's title and section headings, a short source phrase before
``": "`` makes the rest of the line that source's reported statement: an
anonymous source whose head word is in ``data/sources.tsv`` (``Reports``,
``Sources``, ``Officials``), or a phrase that is exactly an actor mention. A
subtitle in title case (``Frank Messina: An Interview with the Poet``) is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from geobrief._model import Span
from geobrief.statements._context import ArticleContext
from geobrief.statements._direct import title_cased
from geobrief.statements._lexicon import source_type

__all__ = ["HeadlineSource", "headline_sources"]

_SOURCE_COLON = re.compile(r"([A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*){0,3}): +(?=\S)")
"""One to four capitalized words at the start of the line, then a colon and a space."""
_MIN_CONTENT_WORDS = 3


@attrs.frozen
class HeadlineSource:
    """A headline's source phrase and the content it is credited with."""

    speaker_span: Span
    content: Span
    speaker: str | None


def _lines(ctx: ArticleContext) -> Iterator[Span]:
    article = ctx.article
    if article.title is not None:
        yield article.title
    for section in article.sections:
        if section.heading is not None:
            yield section.heading


def headline_sources(ctx: ArticleContext) -> list[HeadlineSource]:
    """Every title or heading of the form ``Source: content``."""
    found: list[HeadlineSource] = []
    text = ctx.text
    for line in _lines(ctx):
        match = _SOURCE_COLON.match(text, line.start, line.end)
        if match is None:
            continue
        content_text = text[match.end() : line.end].rstrip()
        content_words = content_text.split()
        # (a subtitle in title case names a piece, not what its source says)
        if len(content_words) < _MIN_CONTENT_WORDS or title_cased(content_words):
            continue
        speaker_span = Span(start=match.start(1), end=match.end(1))
        speaker = _named_actor(ctx, speaker_span)
        if speaker is None and source_type(match.group(1).rsplit(" ", 1)[-1]) is None:
            continue
        content = Span(start=match.end(), end=match.end() + len(content_text))
        found.append(HeadlineSource(speaker_span, content, speaker))
    return found


def _named_actor(ctx: ArticleContext, span: Span) -> str | None:
    """The actor whose mention is exactly ``span``, if any."""
    for mention, actor_id in ctx.mentions.inside(span):
        if mention == span:
            return actor_id
    return None
