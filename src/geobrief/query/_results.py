"""Typed, immutable query results; each carries the id of its article."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

import attrs

from geobrief._model import Actor

__all__ = ["ActorCount", "CoMention", "Hit", "Location", "PartName"]

T = TypeVar("T")

PartName = Literal["title", "lead", "outline", "section", "key_points", "summary", "faq", "other"]
"""The part of an article a span sits in."""


@attrs.frozen(kw_only=True)
class Location:
    """Where in the article's layout a span sits."""

    part: PartName
    """``title``, ``lead``, ``outline``, ``section``, ``key_points``, ``summary``, ``faq``
    or ``other`` (text outside every known part)."""
    section: int | None = None
    """Index into ``Article.sections`` when ``part == "section"``."""
    heading: str | None = None
    """The section's heading text, if it has one."""


@attrs.frozen(kw_only=True)
class Hit(Generic[T]):
    """One item found by a query: the item, where it lives and its text."""

    article_id: str
    """Id of the article the item belongs to."""
    index: int
    """The item's index in its article's layer (``Article.statements[index]``...)."""
    item: T
    """The statement, claim, mention or actor itself."""
    text: str
    """The item's text (a statement's content; an actor's name)."""
    location: Location
    """The part and section of the article the item sits in."""


@attrs.frozen(kw_only=True)
class ActorCount:
    """An actor merged across articles, with how often and where it is mentioned."""

    actor: Actor
    """The actor, merged by id across articles (aliases and titles united)."""
    mentions: int
    """Number of mentions in all articles seen."""
    articles: int
    """Number of articles that list the actor."""


@attrs.frozen(kw_only=True)
class CoMention:
    """Two actors named in the same sentence, and how many sentences do so."""

    first: str
    """The id that sorts first."""
    second: str
    """The id that sorts second."""
    sentences: int
    """Number of sentences that name both."""
    articles: int
    """Number of articles with at least one such sentence."""
