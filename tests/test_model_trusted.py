"""The pipeline's unchecked Article construction (``_trusted_article``) builds exactly
what ``attrs.evolve`` builds, only for values that are valid by construction, and leaves
the public construction as strict as before."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import geobrief
from geobrief import ActorSource, Article, Metadata, ModelError, Span, _model
from geobrief._model import (
    _ARTICLE_SLOTS,
    _article_is_consistent,
    _trusted_actor_source,
    _trusted_article,
    slot_setters,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "russia_north_korea_brief.txt"
TEXTS = [
    SEED.read_text("utf-8"),
    *(p.read_text("utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))),
    "",
    "x",
    "He said “no\n" * 20,
    "# T\n\n## H\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "Q: who?\nA: me.\n" * 3,
]


def test_slots_are_every_field_in_order() -> None:
    """_trusted_article copies every field of Article, none left out."""
    expected = [field.name for field in attrs.fields(Article)]
    assert expected == [name for name, _, _ in _ARTICLE_SLOTS]


def test_slot_setters_set_the_fields_named() -> None:
    """slot_setters gives one setter per field, in order; setting them all builds an
    object equal to the checked constructor's."""
    set_start, set_end = slot_setters(Span, ("start", "end"))
    span = object.__new__(Span)
    set_start(span, 3)
    set_end(span, 7)
    assert Span(start=3, end=7) == span


@pytest.mark.parametrize(
    "names",
    [("start",), ("end", "start"), ("start", "end", "extra")],
)
def test_slot_setters_refuse_names_that_are_not_the_fields(names: tuple[str, ...]) -> None:
    """Leaving out a field, reordering them or naming one that is not there is an error
    (at import time, where the stages bind their setters), not an object with a field
    unset."""
    with pytest.raises(TypeError, match="Span has the fields"):
        slot_setters(Span, names)


def test_slot_setters_refuse_a_class_without_slots() -> None:
    """A field that is not a slot (a dict class) has no slot setter to give."""

    @attrs.frozen(slots=False)
    class Plain:
        value: int

    with pytest.raises(TypeError, match=r"Plain\.value is not a slot"):
        slot_setters(Plain, ("value",))


def test_each_stage_result_equals_the_checked_evolve() -> None:
    """For every stage of the default pipeline on the seed, the article it returns has
    the same field values (the very same objects) as attrs.evolve with its changes."""
    article = geobrief.parse("")
    article = Article(id=article.id, text=SEED.read_text("utf-8"))
    for _, stage in geobrief.default_pipeline().stages:
        after = stage(article)
        changes = {
            field.name: getattr(after, field.name)
            for field in attrs.fields(Article)
            if getattr(after, field.name) is not getattr(article, field.name)
        }
        checked = attrs.evolve(article, **changes)
        trusted = _trusted_article(article, **changes)
        assert checked == trusted
        expected = [getattr(checked, field.name) for field in attrs.fields(Article)]
        assert expected == [getattr(trusted, field.name) for field in attrs.fields(Article)]
        article = after


@pytest.mark.parametrize("text", TEXTS)
def test_parsed_articles_pass_the_whole_check(text: str) -> None:
    """What the pipeline builds unchecked passes the whole consistency check."""
    article = geobrief.parse(text)
    assert _article_is_consistent(article) is True
    assert [] == [d for d in article.diagnostics if d.code == "internal-error"]


def test_first_article_equals_the_checked_constructor() -> None:
    """The pipeline's first Article (built unchecked) is Article(id, text, metadata)."""
    seen: list[Article] = []

    def spy(article: Article) -> Article:
        seen.append(article)
        return article

    pipeline = geobrief.Pipeline(stages=(("spy", spy),))
    pipeline.parse("Russia said so.", source="a.txt")
    expected = Article(id=seen[0].id, text="Russia said so.", metadata=Metadata(source="a.txt"))
    assert expected == seen[0]


def test_unknown_field_is_an_error() -> None:
    """A change naming no field raises TypeError, as attrs.evolve does."""
    article = Article(id="a", text="text")
    with pytest.raises(TypeError, match="no field 'colour'"):
        _trusted_article(article, colour="red")


def test_public_construction_after_a_trusted_one_is_still_checked() -> None:
    """After the pipeline's unchecked steps, attrs.evolve and Article(...) still reject a
    bad span, with the whole check's message."""
    article = geobrief.parse("Russia said it would respond. Moscow may act.")
    past = Span(start=0, end=len(article.text) + 1)
    with pytest.raises(ModelError, match=r"\$\.title\.end"):
        attrs.evolve(article, title=past)
    with pytest.raises(ModelError, match=r"\$\.claims\[0\]\.span\.end"):
        attrs.evolve(article, claims=(attrs.evolve(article.claims[0], span=past),))
    with pytest.raises(ModelError, match=r"\$\.title\.end"):
        Article(id=article.id, text=article.text, title=past)
    assert _model._last_checked() is not None


@pytest.mark.parametrize(
    ("actor_id", "span"),
    [("state:RUS", Span(start=1, end=4)), (None, Span(start=0, end=0)), ("person:x-y", None)],
)
def test_trusted_actor_source_equals_the_checked_one(
    actor_id: str | None, span: Span | None
) -> None:
    """_trusted_actor_source builds what ActorSource(...) builds, every field set."""
    expected = ActorSource(actor_id=actor_id, span=span)
    actual = _trusted_actor_source(actor_id, span)
    assert expected == actual
    assert [getattr(expected, f.name) for f in attrs.fields(ActorSource)] == [
        getattr(actual, f.name) for f in attrs.fields(ActorSource)
    ]


def _reference_sentences(article: Article) -> list[Span]:
    """Article.sentences as first written: the paragraphs in document order (by start),
    their sentences, then the key points' sentences, all sorted by (start, end)."""
    spans = [s for p in article.paragraphs() for s in p.sentences]
    spans.extend(s for k in article.key_points for s in k.sentences)
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_are_those_of_the_paragraphs_in_order(text: str) -> None:
    """Article.sentences (gathered field by field, then sorted) gives the same spans in the
    same order as gathering them paragraph by paragraph in document order."""
    article = geobrief.parse(text)
    assert _reference_sentences(article) == list(article.sentences())


def test_sentences_of_out_of_order_fields() -> None:
    """A summary and FAQ answer placed before the sections and a key point between them
    still come out in document order."""
    text = "First one. Then two.\nThird here.\nFourth. Fifth.\nSixth."
    spans = [Span(start=m, end=m + 3) for m in (0, 11, 21, 32, 40, 47)]
    article = Article(
        id="x",
        text=text,
        summary=(geobrief.Paragraph(span=Span(start=32, end=46), sentences=tuple(spans[3:5])),),
        sections=(
            geobrief.Section(
                span=Span(start=0, end=32),
                paragraphs=(
                    geobrief.Paragraph(span=Span(start=0, end=20), sentences=tuple(spans[:2])),
                ),
            ),
        ),
        key_points=(geobrief.KeyPoint(span=Span(start=21, end=31), sentences=(spans[2],)),),
        lead=geobrief.Paragraph(span=Span(start=47, end=53), sentences=(spans[5],)),
    )
    assert spans == list(article.sentences())
    assert _reference_sentences(article) == list(article.sentences())
