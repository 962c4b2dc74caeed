"""Property tests of the JSON round trip over geobrief's public Hypothesis strategies."""

from __future__ import annotations

import datetime
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geobrief
from geobrief import Article, DecodeError
from geobrief._serialize import _fast_from_dict, _fast_loads, _structure
from geobrief.testing import (
    actor_ids,
    articles,
    claims,
    mentions,
    outline_entries,
    sections,
    spans,
    statements,
    texts,
)

_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(articles())
def test_loads_dumps_round_trip(article: Article) -> None:
    """loads(dumps(a)) == a, from bytes too, and the JSON is stable across a round trip."""
    encoded = geobrief.dumps(article)
    assert article == geobrief.loads(encoded)
    assert article == _fast_loads(encoded, True)  # valid JSON never needs the slow path
    assert article == _fast_loads(geobrief.dumps(article, indent=1), True)
    assert article == geobrief.loads(geobrief.dumps_bytes(article))
    assert encoded == geobrief.dumps(geobrief.loads(encoded))


@_settings
@given(articles())
def test_dict_round_trip(article: Article) -> None:
    """from_dict(to_dict(a)) == a, and to_dict is exactly what dumps writes."""
    data = geobrief.to_dict(article)
    assert article == geobrief.from_dict(data)
    assert article == _fast_from_dict(data, True)  # valid data never needs the slow path
    assert json.loads(geobrief.dumps(article)) == data


@_settings
@given(articles())
def test_indented_and_lenient_reads_agree(article: Article) -> None:
    """Indented JSON and non-strict reading give the same article."""
    assert article == geobrief.loads(geobrief.dumps(article, indent=2))
    assert article == geobrief.loads(geobrief.dumps(article), strict=False)


@_settings
@given(articles())
def test_generated_spans_fit_the_text(article: Article) -> None:
    """Every span the strategies generate lies inside the generated text."""
    for _, span in article.iter_spans():
        assert 0 <= span.start <= span.end <= len(article.text)


@_settings
@given(texts().flatmap(lambda text: st.tuples(st.just(text), sections(text), spans(text))))
def test_nested_spans_fit_their_parents(case: tuple[str, geobrief.Section, geobrief.Span]) -> None:
    """A generated section's heading and paragraphs (and their sentences) lie inside it."""
    _, section, _ = case
    inside = [p.span for p in section.paragraphs]
    inside += [s for p in section.paragraphs for s in p.sentences]
    if section.heading is not None:
        inside.append(section.heading)
    assert all(section.span.contains(span) for span in inside)


# --------------------------------------------------------------------------- #
# The fast path never accepts what the reference reader rejects
# --------------------------------------------------------------------------- #

_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["state:PRK", "person", "direct", "hedged", "1.0", "2.0", "2025-01-01"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["start", "end", "kind", "x"]), children, max_size=3)
    ),
    max_leaves=6,
)


def _locations(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside a JSON document (the root excluded)."""
    found: list[tuple[Any, ...]] = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _locations(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _locations(item, (*path, index))
    return found


@st.composite
def _mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document with a few values replaced, keys deleted or keys added."""
    document: dict[str, Any] = json.loads(geobrief.dumps(draw(articles(max_text_size=60))))
    for _ in range(draw(st.integers(1, 3))):
        location = draw(st.sampled_from(_locations(document)))
        *parents, last = location
        container = document
        for step in parents:
            container = container[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            container[last] = draw(_json_values)
        elif action == "delete" and isinstance(container, dict):
            del container[last]
        elif isinstance(container, dict):
            container[draw(st.sampled_from(["extra", "start", "kind"]))] = draw(_json_values)
    return document


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_documents(), st.booleans())
def test_fast_path_agrees_with_the_reference_reader(document: dict[str, Any], strict: bool) -> None:
    """Whatever the fast (msgspec) path accepts, the reference (cattrs) reader accepts
    too and builds an equal article; loads raises nothing but DecodeError."""
    text = json.dumps(document)
    try:
        fast: Article | None = _fast_loads(text, strict)
    except Exception:
        fast = None
    try:
        reference: Article | None = _structure(document, strict)
    except DecodeError:
        reference = None
    if fast is not None:
        assert reference == fast
    problems: tuple[geobrief.Problem, ...] = ()
    try:
        loaded: Article | None = geobrief.loads(text, strict=strict)
    except DecodeError as error:
        problems = error.problems
        loaded = None
    assert reference == loaded
    assert (loaded is None) == bool(problems)
    assert all(problem.path.startswith("$") for problem in problems)


_python_values = st.one_of(
    _json_values,
    st.sampled_from(
        [
            geobrief.ActorKind.STATE,
            geobrief.Layout.BRIEF,
            geobrief.Modality.HEDGED,
            (1, 2),
            (),
            datetime.date(2025, 1, 1),
            datetime.datetime(2025, 1, 1, 12, 0),
            b"bytes",
            1.5,
        ]
    ),
)


@st.composite
def _mutated_data(draw: st.DrawFn) -> dict[str, Any]:
    """Valid JSON data with a few values replaced by Python objects JSON cannot hold."""
    document: dict[str, Any] = json.loads(geobrief.dumps(draw(articles(max_text_size=60))))
    for _ in range(draw(st.integers(1, 2))):
        *parents, last = draw(st.sampled_from(_locations(document)))
        container = document
        for step in parents:
            container = container[step]
        container[last] = draw(_python_values)
    return document


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_data(), st.booleans())
def test_from_dict_fast_path_agrees_with_the_reference_reader(
    data: dict[str, Any], strict: bool
) -> None:
    """from_dict's fast path (msgspec.convert) accepts nothing the reference reader rejects."""
    try:
        fast: Article | None = _fast_from_dict(data, strict)
    except Exception:
        fast = None
    try:
        reference: Article | None = _structure(data, strict)
    except DecodeError:
        reference = None
    if fast is not None:
        assert reference == fast


@st.composite
def _texts_with_ids(draw: st.DrawFn) -> tuple[str, list[str]]:
    ids = draw(st.lists(actor_ids(), min_size=1, max_size=3, unique=True))
    return draw(texts(max_size=80)), ids


@_settings
@given(
    _texts_with_ids().flatmap(
        lambda case: st.tuples(
            st.just(case),
            mentions(case[0], case[1]),
            statements(case[0], case[1]),
            claims(case[0], case[1], statement_count=2),
            outline_entries(case[0], section_count=1),
        )
    )
)
def test_each_strategy_respects_its_arguments(case: Any) -> None:
    """The per-class strategies keep spans in the text and references among the ids,
    statement and section indexes they were given."""
    (text, ids), mention, statement, claim, entry = case
    assert mention.actor_id in ids
    assert statement.speaker is None or statement.speaker in ids
    assert set(statement.addressees + statement.about) <= set(ids)
    assert claim.statement is None or claim.statement < 2
    assert getattr(claim.source, "actor_id", None) in (None, *ids)
    assert entry.section in (None, 0)
    for span in (mention.span, statement.content_span, claim.span, entry.span):
        assert 0 <= span.start <= span.end <= len(text)
