"""Tests for the model's validators and helpers."""

from __future__ import annotations

import attrs
import pytest

from geobrief import Actor, ActorKind, Article, Mention, ModelError, Span


def test_span_rejects_reversed() -> None:
    """A span whose end is before its start is rejected with both values named."""
    with pytest.raises(ModelError, match=r"start=5, end=3"):
        Span(start=5, end=3)


def test_span_rejects_negative() -> None:
    """A negative offset is rejected, naming the field."""
    with pytest.raises(ModelError, match=r"Span.start"):
        Span(start=-1, end=3)


def test_span_rejects_bool() -> None:
    """Booleans are not offsets."""
    with pytest.raises(ModelError):
        Span(start=True, end=3)


def test_article_rejects_span_past_text() -> None:
    """A mention span past the end of the text is named by its JSON path."""
    with pytest.raises(ModelError, match=r"\$\.mentions\[0\]\.span\.end"):
        Article(
            id="x",
            text="abc",
            actors=(Actor(id="state:RUS", kind=ActorKind.STATE, name="Russia"),),
            mentions=(Mention(actor_id="state:RUS", span=Span(start=0, end=9)),),
        )


def test_unknown_enum_value_is_named() -> None:
    """An unknown actor kind names the field, the value and the allowed values."""
    with pytest.raises(ModelError, match=r"Actor.kind must be one of .*'person'.*got 'planet'"):
        Actor(id="state:RUS", kind="planet", name="Russia")  # type: ignore[arg-type]


def test_enum_accepts_string_value() -> None:
    """An enum field accepts its lowercase string value."""
    assert ActorKind.STATE == Actor(id="state:RUS", kind="state", name="Russia").kind  # type: ignore[arg-type]


def test_bad_actor_id_rejected() -> None:
    """Actor ids must look like 'kind:slug'."""
    with pytest.raises(ModelError, match=r"Actor.id"):
        Actor(id="Russia", kind=ActorKind.STATE, name="Russia")


def test_text_of() -> None:
    """text_of returns the text of a span or of an item with a span."""
    a = Article(id="x", text="Hello world")
    assert "world" == a.text_of(Span(start=6, end=11))


def test_frozen() -> None:
    """Model objects are immutable; changes go through attrs.evolve."""
    s = Span(start=0, end=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.start = 2  # type: ignore[misc]
    assert Span(start=0, end=2) == attrs.evolve(s, end=2)
