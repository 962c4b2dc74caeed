"""Tests for dumps/loads and to_dict/from_dict: format, determinism and errors."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest

import geobrief
from geobrief import (
    Actor,
    ActorKind,
    ActorSource,
    AnonymousSource,
    Article,
    ArticleSource,
    Claim,
    DecodeError,
    Hedge,
    Layout,
    Mention,
    Metadata,
    Modality,
    Paragraph,
    Section,
    Span,
    Statement,
    StatementKind,
)

SEED = Path(__file__).resolve().parent.parent / "examples" / "russia_north_korea_brief.txt"
TEXT = "Lavrov said talks may resume. Reports suggest North Korea may deploy troops."


def _article() -> Article:
    """A small article using every kind of object, with known offsets into TEXT."""
    return Article(
        id=geobrief.article_id(TEXT),
        text=TEXT,
        layout=Layout.PLAIN,
        title=Span(start=0, end=6),
        lead=Paragraph(span=Span(start=0, end=29), sentences=(Span(start=0, end=29),)),
        sections=(
            Section(
                span=Span(start=30, end=len(TEXT)),
                paragraphs=(Paragraph(span=Span(start=30, end=len(TEXT))),),
            ),
        ),
        actors=(
            Actor(id="person:sergey-lavrov", kind=ActorKind.PERSON, name="Sergey Lavrov"),
            Actor(
                id="state:PRK",
                kind=ActorKind.STATE,
                name="North Korea",
                iso3="PRK",
                wikidata="Q423",
            ),
        ),
        mentions=(
            Mention(actor_id="person:sergey-lavrov", span=Span(start=0, end=6)),
            Mention(actor_id="state:PRK", span=Span(start=46, end=57)),
        ),
        statements=(
            Statement(
                kind=StatementKind.REPORTED,
                content_span=Span(start=12, end=28),
                speaker="person:sergey-lavrov",
                speaker_span=Span(start=0, end=6),
                cue="say",
                cue_span=Span(start=7, end=11),
            ),
        ),
        claims=(
            Claim(
                span=Span(start=12, end=28),
                source=ActorSource(actor_id="person:sergey-lavrov", span=Span(start=0, end=6)),
                modality=Modality.HEDGED,
                hedges=(Hedge(cue="may", span=Span(start=18, end=21)),),
                statement=0,
            ),
            Claim(
                span=Span(start=46, end=75),
                source=AnonymousSource(span=Span(start=30, end=37)),
                modality=Modality.HEDGED,
                cue="suggest",
                cue_span=Span(start=38, end=45),
                about=("state:PRK",),
            ),
            Claim(span=Span(start=0, end=29), source=ArticleSource(), modality=Modality.ASSERTED),
        ),
        metadata=Metadata(source="brief.txt", date=datetime.date(2025, 7, 12)),
    )


@pytest.fixture
def article() -> Article:
    """The small article."""
    return _article()


@pytest.fixture
def document(article: Article) -> dict[str, Any]:
    """The small article as JSON data."""
    data = json.loads(geobrief.dumps(article))
    assert isinstance(data, dict)
    return data


def _problems(data: object, **options: Any) -> dict[str, str]:
    """``{path: message}`` of the DecodeError that loading ``data`` raises."""
    with pytest.raises(DecodeError) as caught:
        geobrief.loads(data if isinstance(data, str | bytes) else json.dumps(data), **options)
    return {problem.path: problem.message for problem in caught.value.problems}


# --------------------------------------------------------------------------- #
# Round trip and format
# --------------------------------------------------------------------------- #


def test_round_trip_str_and_bytes(article: Article) -> None:
    """loads reads back what dumps and dumps_bytes write, as str, bytes or bytearray."""
    assert article == geobrief.loads(geobrief.dumps(article))
    assert article == geobrief.loads(geobrief.dumps_bytes(article))
    assert article == geobrief.loads(bytearray(geobrief.dumps_bytes(article)))


def test_dict_round_trip(article: Article, document: dict[str, Any]) -> None:
    """to_dict gives exactly the data dumps writes; from_dict reads it back."""
    assert document == geobrief.to_dict(article)
    assert article == geobrief.from_dict(geobrief.to_dict(article))


def test_output_is_deterministic_with_sorted_keys(article: Article) -> None:
    """Equal articles give byte-identical, compact JSON with keys sorted at every level."""
    encoded = geobrief.dumps(article)
    assert encoded == geobrief.dumps(_article())
    assert encoded == json.dumps(
        json.loads(encoded), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def test_indent_only_changes_whitespace(article: Article) -> None:
    """dumps(indent=2) is the same document, indented, and reads back."""
    indented = geobrief.dumps(article, indent=2)
    assert "\n  " in indented
    assert json.loads(geobrief.dumps(article)) == json.loads(indented)
    assert article == geobrief.loads(indented)


def test_format_of_values(document: dict[str, Any]) -> None:
    """Enums are lowercase strings, dates ISO strings, None is null, every field written,
    and a claim source carries its real kind."""
    assert "plain" == document["layout"]
    assert "person" == document["actors"][0]["kind"]
    assert "2025-07-12" == document["metadata"]["date"]
    assert document["metadata"]["dateline"] is None
    assert {"actor_id": None, "kind": "actor", "span": None} == geobrief.to_dict(
        attrs.evolve(
            _article(),
            claims=(
                Claim(span=Span(start=0, end=1), source=ActorSource(), modality=Modality.ASSERTED),
            ),
        )
    )["claims"][0]["source"]
    assert ["actor", "anonymous", "article"] == [c["source"]["kind"] for c in document["claims"]]
    assert geobrief.SCHEMA_VERSION == document["schema_version"]
    assert {f.name for f in attrs.fields(Article)} == set(document)


def test_seed_round_trip() -> None:
    """The parsed seed brief round-trips, and its JSON is stable."""
    article = geobrief.parse_file(SEED)
    encoded = geobrief.dumps(article)
    assert article == geobrief.loads(encoded)
    assert encoded == geobrief.dumps(geobrief.loads(encoded))


def test_missing_optional_fields_take_defaults(article: Article) -> None:
    """A document with only the required fields loads with every default."""
    minimal = {"id": article.id, "text": article.text}
    assert Article(id=article.id, text=article.text) == geobrief.loads(json.dumps(minimal))
    assert Article(id=article.id, text=article.text) == geobrief.from_dict(minimal)


def test_non_canonical_input_reads(article: Article, document: dict[str, Any]) -> None:
    """Whitespace and key order do not matter to the reader."""
    shuffled = json.dumps(dict(reversed(list(document.items()))), indent=3)
    assert article == geobrief.loads(shuffled)


def test_lone_surrogate_is_a_model_error() -> None:
    """Text JSON cannot carry is refused with a geobrief error naming where it is."""
    article = Article(id="x", text="a\ud800b")
    with pytest.raises(geobrief.ModelError, match=r"\$\.text .*index 1"):
        geobrief.dumps(article)


def test_wrong_argument_types() -> None:
    """dumps takes an Article and loads takes str or bytes: anything else is a TypeError."""
    with pytest.raises(TypeError, match="Article"):
        geobrief.dumps({"id": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str or bytes"):
        geobrief.loads(42)  # type: ignore[arg-type]


def test_make_converter_is_fresh_and_strict(document: dict[str, Any]) -> None:
    """make_converter returns a new converter each time (never the global one) that
    reads documents strictly with cattrs' detailed errors."""
    converter = geobrief.make_converter()
    assert converter is not geobrief.make_converter()
    assert converter is not cattrs.global_converter
    assert _article() == converter.structure(document, Article)
    with pytest.raises(cattrs.ClassValidationError) as caught:
        converter.structure(dict(document, extra=1), Article)
    assert ["extra fields found (extra) @ $"] == cattrs.transform_error(caught.value)
    lenient = geobrief.make_converter(forbid_extra_keys=False)
    assert _article() == lenient.structure(dict(document, extra=1), Article)


# --------------------------------------------------------------------------- #
# Errors
# --------------------------------------------------------------------------- #


def test_malformed_json() -> None:
    """Malformed JSON and invalid UTF-8 are one problem at $."""
    assert {"$"} == set(_problems("{"))
    assert "malformed JSON" in _problems("{")["$"]
    assert {"$"} == set(_problems(b'{"id": "\xff"}'))


def test_not_an_object() -> None:
    """A JSON value that is not an object is rejected at $."""
    assert {"$": "expected an object, got an array"} == _problems("[1, 2]")


def test_every_problem_is_listed_with_its_path(document: dict[str, Any]) -> None:
    """One DecodeError lists every problem of the document, each at its JSON path."""
    document["sections"][0]["paragraphs"][0]["span"]["end"] = 1
    document["lead"]["span"] = {"start": -1, "end": -4}
    document["mentions"][1]["span"]["end"] = 10_000
    document["claims"][1]["source"]["kind"] = "robot"
    document["statements"][0]["kind"] = "shouted"
    document["actors"][1]["iso3"] = "prk"
    document["sections"][0]["extra"] = True
    document["metadata"]["date"] = "12 July 2025"
    del document["id"]
    expected = {
        "$.id",
        "$.sections[0].paragraphs[0].span.end",
        "$.lead.span.start",
        "$.lead.span.end",
        "$.mentions[1].span.end",
        "$.claims[1].source.kind",
        "$.statements[0].kind",
        "$.actors[1].iso3",
        "$.sections[0].extra",
        "$.metadata.date",
    }
    problems = _problems(document)
    assert expected == set(problems)
    assert "required field missing" == problems["$.id"]
    assert (
        "Span.end must be >= Span.start, got start=30, end=1"
        == problems["$.sections[0].paragraphs[0].span.end"]
    )
    assert problems["$.mentions[1].span.end"].startswith("span end 10000 is past the end")
    assert "unknown field" == problems["$.sections[0].extra"]
    assert "'shouted'" in problems["$.statements[0].kind"]


def test_wrong_types_are_not_coerced(document: dict[str, Any]) -> None:
    """Strings are not numbers, numbers are not strings, booleans are not integers."""
    document["title"]["start"] = "0"
    document["actors"][0]["name"] = 7
    document["sections"][0]["level"] = True
    document["claims"][2]["negated"] = 0
    document["lead"]["sentences"] = "abc"
    problems = _problems(document)
    assert {
        "$.title.start": "expected an integer, got a string '0'",
        "$.actors[0].name": "expected a string, got an integer 7",
        "$.sections[0].level": "expected an integer, got a boolean True",
        "$.claims[2].negated": "expected true or false, got an integer 0",
        "$.lead.sentences": "expected an array, got a string 'abc'",
    } == problems


def test_dangling_references(document: dict[str, Any]) -> None:
    """Unknown actor ids and out-of-range indexes are named by their paths."""
    document["mentions"][0]["actor_id"] = "person:nobody"
    document["claims"][0]["statement"] = 5
    document["claims"][1]["source"] = {"kind": "actor", "actor_id": "org:ghost", "span": None}
    problems = _problems(document)
    assert {
        "$.mentions[0].actor_id",
        "$.claims[0].statement",
        "$.claims[1].source.actor_id",
    } == set(problems)
    assert "unknown actor id 'person:nobody'" == problems["$.mentions[0].actor_id"]


def test_bad_actor_id_syntax(document: dict[str, Any]) -> None:
    """An actor id that is not ``kind:slug`` is named with the validator's message."""
    document["statements"][0]["about"] = ["PRK"]
    problems = _problems(document)
    assert ["$.statements[0].about"] == list(problems)
    assert "must be an actor id" in problems["$.statements[0].about"]


def test_missing_source_kind(document: dict[str, Any]) -> None:
    """A claim source without ``kind`` cannot be told apart: that is the problem named."""
    del document["claims"][1]["source"]["kind"]
    assert {"$.claims[1].source.kind": "required field missing"} == _problems(document)


def test_unsupported_version_is_the_only_problem(document: dict[str, Any]) -> None:
    """A document of another MAJOR version reports only its version, whatever else it has."""
    document["schema_version"] = "2.0"
    document["sections"] = "something else entirely"
    problems = _problems(document)
    assert ["$.schema_version"] == list(problems)
    assert "'2.0' is not supported" in problems["$.schema_version"]


def test_unknown_fields_strict_and_lenient(article: Article, document: dict[str, Any]) -> None:
    """Unknown fields are errors by default and skipped with strict=False, at any depth."""
    document["confidence"] = 0.5
    document["sections"][0]["paragraphs"][0]["style"] = {"bold": True}
    document["claims"][0]["source"]["weight"] = 1
    problems = _problems(document)
    assert {
        "$.confidence",
        "$.sections[0].paragraphs[0].style",
        "$.claims[0].source.weight",
    } == set(problems)
    assert article == geobrief.loads(json.dumps(document), strict=False)
    assert article == geobrief.from_dict(document, strict=False)
    with pytest.raises(DecodeError):
        geobrief.from_dict(document)


def test_odd_unknown_field_names_get_bracketed_paths(document: dict[str, Any]) -> None:
    """An unknown key that is not an identifier is quoted in its path."""
    document["a b"] = 1
    assert {'$["a b"]': "unknown field"} == _problems(document)


def test_from_dict_errors_have_paths(document: dict[str, Any]) -> None:
    """from_dict raises the same DecodeError as loads."""
    document["layout"] = "poem"
    with pytest.raises(DecodeError) as caught:
        geobrief.from_dict(document)
    assert ["$.layout"] == [problem.path for problem in caught.value.problems]


def test_decode_error_is_a_value_error(document: dict[str, Any]) -> None:
    """DecodeError is a GeobriefError and a ValueError, never a bare KeyError/TypeError."""
    del document["text"]
    with pytest.raises(ValueError, match="invalid geobrief JSON") as caught:
        geobrief.loads(json.dumps(document))
    assert isinstance(caught.value, geobrief.GeobriefError)
    assert "required field missing @ $.text" in str(caught.value)


def test_sentence_outside_its_paragraph(document: dict[str, Any]) -> None:
    """A sentence must lie inside its paragraph, as the model documents."""
    document["lead"]["sentences"] = [{"start": 0, "end": 40}]
    problems = _problems(document)
    assert ["$.lead.sentences[0]"] == list(problems)
    assert "outside its paragraph [0, 29)" in problems["$.lead.sentences[0]"]


def test_deeply_nested_json_is_a_decode_error() -> None:
    """JSON nested deeper than the reader can follow is a DecodeError, not a RecursionError."""
    assert {"$": "JSON nested too deeply to read"} == _problems("[" * 100_000 + "]" * 100_000)
    deep = json.dumps({"id": "x", "text": "abc", "title": {"start": [[[[[[0]]]]]], "end": 1}})
    assert {"$.title.start": "expected an integer, got an array"} == _problems(deep)
