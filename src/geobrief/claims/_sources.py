"""Who a claim comes from: an actor, an anonymous source, or the article."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from geobrief._model import (
    AnonymousSource,
    Article,
    ClaimSource,
    Span,
    Statement,
    _trusted_actor_source,
)
from geobrief.statements._lexicon import source_type

__all__ = ["is_anonymous_phrase", "statement_source"]

_WORD_EDGES = ".,;:!?\"'“”‘’()"


@cache
def _anonymity_pattern() -> re.Pattern[str]:
    data = resources.files("geobrief.claims").joinpath("data/anonymity.txt").read_text("utf-8")
    phrases = [
        line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")
    ]
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


@cache
def _spokespersons() -> frozenset[str]:
    data = resources.files("geobrief.claims").joinpath("data/spokespersons.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


def is_anonymous_phrase(phrase: str) -> bool:
    """Whether an unresolved speaker phrase describes an anonymous source: it says so
    (``who spoke on condition of anonymity``, ``familiar with the matter``,
    ``close to ...``), or its head is an unnamed person (``a senior U.S. official``,
    ``two Western diplomats``, ``sources``) with no name after or beside it."""
    if _anonymity_pattern().search(phrase):
        return True
    parts = phrase.split(",")
    first_part = parts[0].split()
    if len(parts) > 1 and parts[1].strip()[:1].isupper():
        return False  # "a spokesman, John Doe": a name in apposition
    for k, word in enumerate(first_part):
        if word.lower() == "of" or word.lower().endswith(("'s", "’s")):
            return False  # "the head of the investigators": a post, not an unnamed source
        if source_type(word.strip(_WORD_EDGES).lower()) is not None:
            return not any(w[:1].isupper() for w in first_part[k + 1 :])
    return False


def statement_source(
    article: Article,
    statement: Statement,
    ids_inside: Callable[[Span], tuple[str, ...]] | None = None,
) -> ClaimSource:
    """The source of a statement's claim: its speaker actor, or an anonymous source
    when the speaker is an unnamed official, source or witness. With ``ids_inside``
    (the actor ids mentioned in a span), a spokesperson of a named organization
    (``a Hampshire Police spokesman``) speaks on the record: not anonymous unless
    the phrase says so."""
    span = statement.speaker_span
    if statement.speaker is None and span is not None:
        phrase = article.text[span.start : span.end]
        if _anonymity_pattern().search(phrase):
            return AnonymousSource(span=span)
        on_record = (
            ids_inside is not None
            and not _spokespersons().isdisjoint(
                w.strip(_WORD_EDGES).lower() for w in phrase.split()
            )
            and any(actor_id.startswith(("org:", "group:")) for actor_id in ids_inside(span))
        )
        if not on_record and is_anonymous_phrase(phrase):
            return AnonymousSource(span=span)
    # (the speaker id passed Statement's validator, which is ActorSource's)
    return _trusted_actor_source(statement.speaker, span)
