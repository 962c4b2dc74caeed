"""Reported speech: frames whose content is not a quotation."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from geobrief._model import Span
from geobrief.statements._context import ArticleContext
from geobrief.statements._frames import Frame
from geobrief.statements._lexicon import source_type
from geobrief.statements._phrases import _pronouns

__all__ = ["ReportedFrame", "reported_frames", "source_kind"]

_STATEMENT_CLASSES = frozenset({"speech", "evidential"})


@attrs.define(unsafe_hash=True)
class ReportedFrame:
    """A frame with content, ready to become a statement or a claim.

    Never changed once built (not frozen only because a frozen class's ``__init__`` costs
    about twice as much)."""

    frame: Frame
    content: Span
    speaker: str | None
    source: str
    """``actor`` (named or a pronoun), ``person`` (an unnamed person) or ``document``."""


def source_kind(ctx: ArticleContext, frame: Frame, speaker: str | None) -> str:
    """Whether a frame's source is an actor, an unnamed person or a document."""
    if speaker is not None or frame.speaker_is_pronoun or frame.head is None:
        return "actor"
    head = ctx.text[frame.head.start : frame.head.end]
    kind = source_type(head)
    if kind is not None:
        return kind
    return "actor"


def reported_frames(ctx: ArticleContext) -> list[ReportedFrame]:
    """Every frame with content outside quotations, or with a named source inside
    the same quotation as its content, with its resolved source
    (computed once per context; the statement and claim stages share it).

    A frame inside another frame's content (``X says the results confirm ...``)
    counts only when its source is an actor or a pronoun: an embedded
    unresolved phrase is part of what is reported, not a new source.
    """
    if ctx.reported is None:
        ctx.reported = list(_reported_frames(ctx))
    return ctx.reported


def _reported_frames(ctx: ArticleContext) -> Iterator[ReportedFrame]:
    for sentence in ctx.sentences:
        if not sentence.has_cue:
            continue
        outer: Span | None = None
        for frame in sentence.frames:
            if frame.content is None or frame.speaker is None or frame.head is None:
                continue
            content = frame.content
            quote = ctx.quote_containing(frame.cue_span.start)
            quoted = quote is not None
            if quote is not None:
                clipped = _quoted_report(ctx, frame, frame.speaker, content, quote)
                if clipped is None:
                    continue
                content = clipped
            elif ctx.overlaps_quote(frame.content) and not (
                frame.clause and ctx.quotes_embedded(frame.content)
            ):
                continue
            speaker = ctx.resolve(frame.speaker, frame.head, frame.speaker_is_pronoun)
            nested = outer is not None and outer.contains(frame.cue_span)
            if nested and speaker is None and not frame.speaker_is_pronoun and not quoted:
                continue  # (a source quoted in its own words is a new voice, not reported)
            if not nested:
                outer = content
            yield ReportedFrame(frame, content, speaker, source_kind(ctx, frame, speaker))


def _quoted_report(
    ctx: ArticleContext, frame: Frame, speaker: Span, content: Span, quote: Span
) -> Span | None:
    """The content of a source reported inside the quotation ``quote`` (the content of
    the one that holds the cue), cut at the quotation's end (``“... it is asserted by
    the Crown that both parents knew.”``): the source must be named or described (not a
    pronoun, whose referent is the quoted speaker's to tell) and sit in the same
    quotation as the cue, and ``that`` must open the content (quoted speech is loose:
    without it, ``If the Senate confirms me, I ...`` would read as a report)."""
    if frame.speaker_is_pronoun or _pronoun_like(ctx.text[speaker.start : speaker.end]):
        return None
    if not _THAT_BEFORE.search(ctx.text, frame.cue_span.end, content.start):
        return None
    if not quote.contains(speaker):
        return None
    end = min(content.end, quote.end)
    if end <= content.start:
        return None
    return Span(start=content.start, end=end)


_THAT_BEFORE = re.compile(r"\bthat\W*\Z")
"""``that`` as the last word before the content (``said that, over the weeks, ...``)."""


def _pronoun_like(phrase: str) -> bool:
    """``He's`` (``He's saying that ...``) is a pronoun as much as ``he``."""
    word = phrase.lower().replace("’", "'").removesuffix("'s")
    return word in _pronouns()


def is_statement(ctx: ArticleContext, reported: ReportedFrame) -> bool:
    """Speech by an actor, an unnamed person or a document (``The report says ...``)
    becomes a statement; a document's finding (``reports indicate``) or someone's
    belief is only a claim. Evidential cues (``indicate``, ``suggest``) count as
    speech only when a person or organization is the source."""
    cls = reported.frame.cue.cue_class
    if cls not in _STATEMENT_CLASSES:
        return False
    if reported.source == "document":
        return cls == "speech"  # "The report says ...": a document that speaks
    if cls == "evidential":
        return reported.speaker is not None or reported.frame.speaker_is_pronoun
    return reported.speaker is not None or _speaker_like(ctx, reported)


def _speaker_like(ctx: ArticleContext, reported: ReportedFrame) -> bool:
    """An unresolved source still reads like a speaker: a pronoun, a name, an
    unnamed person, or a definite or indefinite description (``the ministry``)."""
    frame = reported.frame
    if frame.speaker_is_pronoun or reported.source == "person" or frame.speaker is None:
        return True
    phrase_words = ctx.text[frame.speaker.start : frame.speaker.end].split()
    first = phrase_words[0].lower() if phrase_words else ""
    return any(w[:1].isupper() for w in phrase_words) or first in {"the", "a", "an"}
