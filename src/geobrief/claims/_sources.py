"""Who a claim comes from: an actor, an anonymous source, or the article."""

from __future__ import annotations

from geobrief._model import ActorSource, AnonymousSource, Article, ClaimSource, Statement
from geobrief.statements._lexicon import source_type

__all__ = ["statement_source"]


def _head_word(phrase: str) -> str:
    """The last word of the phrase's first part (``officials`` in ``officials, who ...``)."""
    first = phrase.split(",", 1)[0].split()
    return first[-1] if first else ""


def statement_source(article: Article, statement: Statement) -> ClaimSource:
    """The source of a statement's claim: its speaker actor, or an anonymous source
    when the speaker is an unnamed official, source or witness."""
    span = statement.speaker_span
    if statement.speaker is None and span is not None:
        phrase = article.text[span.start : span.end]
        if source_type(_head_word(phrase)) is not None and not any(
            w[:1].isupper() for w in phrase.split()[1:]
        ):
            return AnonymousSource(span=span)
    return ActorSource(actor_id=statement.speaker, span=span)
