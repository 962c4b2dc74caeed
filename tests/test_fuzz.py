"""Fuzz tests: arbitrary text and arbitrary JSON never break geobrief.

``parse`` accepts any ``str``; ``loads`` and ``load_jsonl`` accept any input and
raise nothing but :class:`geobrief.GeobriefError` subclasses. No call hangs
(each test has a timeout) and no result carries a span outside its text.

The example counts come from the Hypothesis profile chosen in ``conftest.py``
(``ci`` when ``CI=true``); run ``HYPOTHESIS_PROFILE=thorough pytest
tests/test_fuzz.py`` for a long local run. An input that once failed belongs in
``tests/regressions/`` (see its README), where it is replayed on every run.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import geobrief

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "russia_north_korea_brief.txt"

pytestmark = pytest.mark.timeout(120)

# Pieces of the brief layout, quote marks, names and odd characters: joined at
# random they reach the parser's rules far more often than uniform text does.
BRIEF_PIECES = (
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\u00a0",
    "\ufeff",
    "Article Subheadings",
    "Key Points",
    "Summary",
    "Frequently Asked Questions",
    "Question: ",
    "Q: ",
    "A: ",
    "# ",
    "## ",
    "| ",
    " |",
    "|---|---|",
    "| :-- | --: |",
    "1) ",
    "2. ",
    "- ",
    "* ",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "—",
    " said ",
    " warned ",
    " according to ",
    "Russian Foreign Minister Sergey Lavrov",
    "Lavrov’s",
    "North Korea",
    "Kim Jong Un",
    "the U.S.",
    "Dr. ",
    "GENEVA (Reuters) — ",
    "Friday, January 4, 2019",
    "may ",
    "reportedly ",
    "Reports indicate that ",
    ". ",
    "? ",
    "Pyongyang",
    "NATO",
    "he said",
)

brief_like_text = st.lists(
    st.one_of(st.sampled_from(BRIEF_PIECES), st.text(max_size=12)), max_size=60
).map("".join)

any_text = st.one_of(st.text(max_size=400), brief_like_text)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)


Checker = Callable[..., None]


def _decode_or_documented_error(decode: Callable[[], geobrief.Article], check: Checker) -> None:
    """Call ``decode``; a result must be a valid Article, an error must be geobrief's."""
    try:
        article = decode()
    except geobrief.DecodeError as exc:
        error = exc
    else:
        check(article)
        return
    assert error.problems, "a DecodeError must list at least one problem"
    assert all(p.path.startswith("$") for p in error.problems), error.problems


def _dumps_or_documented_error(article: geobrief.Article) -> str | None:
    """``dumps`` output, or None when dumps refuses with a GeobriefError (e.g. lone surrogates)."""
    try:
        return geobrief.dumps(article)
    except geobrief.GeobriefError:
        return None


@functools.cache
def _seed_document() -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """The seed brief as JSON data (a valid document to mutate) and every path in it.

    A cached function, not a fixture: Hypothesis prints a failing call's arguments,
    and this document is too big to print.
    """
    data = json.loads(geobrief.dumps(geobrief.parse_file(SEED)))
    assert isinstance(data, dict)
    return data, list(_paths(data))


@given(text=any_text)
def test_parse_any_text(text: str, check_article: Checker) -> None:
    """Any string parses; every span is in bounds; the text is the normalized input."""
    check_article(geobrief.parse(text), source_text=text)


@given(text=brief_like_text)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_parse_round_trips_through_json(text: str) -> None:
    """Whatever parse returns, dumps/loads gives back an equal Article."""
    article = geobrief.parse(text)
    encoded = _dumps_or_documented_error(article)
    assume(encoded is not None)
    assert encoded is not None
    assert article == geobrief.loads(encoded)


@given(text=st.text(max_size=300))
def test_loads_any_text(text: str, check_article: Checker) -> None:
    """Any string given to loads yields an Article or a DecodeError, nothing else."""
    _decode_or_documented_error(lambda: geobrief.loads(text), check_article)


@given(data=st.binary(max_size=300))
def test_loads_any_bytes(data: bytes, check_article: Checker) -> None:
    """Any bytes (invalid UTF-8 included) yield an Article or a DecodeError."""
    _decode_or_documented_error(lambda: geobrief.loads(data), check_article)


@given(value=json_values)
def test_loads_any_json_value(value: object, check_article: Checker) -> None:
    """Any well-formed JSON value yields an Article or a DecodeError."""
    _decode_or_documented_error(lambda: geobrief.loads(json.dumps(value)), check_article)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _replace(data: Any, path: tuple[Any, ...], value: object) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replace(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replace(data[head], rest, value)
    return copy


@given(
    path_index=st.integers(min_value=0, max_value=10**6), value=json_values | st.integers(-5, 10**6)
)
def test_loads_mutated_valid_document(
    path_index: int, value: object, check_article: Checker
) -> None:
    """The seed's JSON with one value replaced anywhere yields an Article or a DecodeError."""
    seed_json, seed_paths = _seed_document()
    path = seed_paths[path_index % len(seed_paths)]
    mutated = _replace(seed_json, path, value)
    _decode_or_documented_error(lambda: geobrief.loads(json.dumps(mutated)), check_article)


@given(object_index=st.integers(min_value=0, max_value=10**6), key_index=st.integers(0, 50))
def test_loads_document_with_field_removed(
    object_index: int, key_index: int, check_article: Checker
) -> None:
    """The seed's JSON with one object key removed yields an Article or a DecodeError."""
    seed_json, seed_paths = _seed_document()
    objects = [p for p in seed_paths if isinstance(_get(seed_json, p), dict) and _get(seed_json, p)]
    path = objects[object_index % len(objects)]
    target = _get(seed_json, path)
    key = sorted(target)[key_index % len(target)]
    smaller = _replace(seed_json, path, {k: v for k, v in target.items() if k != key})
    _decode_or_documented_error(lambda: geobrief.loads(json.dumps(smaller)), check_article)


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@given(lines=st.lists(st.one_of(st.text(max_size=60), json_values.map(json.dumps)), max_size=6))
def test_load_jsonl_any_lines(lines: list[str], check_article: Checker) -> None:
    """A JSONL stream of arbitrary lines yields Articles until a DecodeError, nothing else."""
    stream = io.StringIO("\n".join(line.replace("\n", " ") for line in lines))
    try:
        for article in geobrief.load_jsonl(stream):
            check_article(article)
    except geobrief.DecodeError as exc:
        error = exc
    else:
        return
    assert error.problems, "a DecodeError must list at least one problem"


@given(texts=st.lists(brief_like_text, min_size=1, max_size=4), junk=st.text(max_size=40))
def test_load_jsonl_good_lines_then_junk(
    texts: list[str], junk: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Good records before a bad line all come back, equal, from a file path."""
    articles = [geobrief.parse(t) for t in texts]
    encoded = [_dumps_or_documented_error(a) for a in articles]
    assume(all(e is not None for e in encoded))
    path = tmp_path_factory.mktemp("jsonl") / "articles.jsonl"
    path.write_text("\n".join(e for e in encoded if e) + "\n" + junk.replace("\n", " ") + "\n")
    got: list[geobrief.Article] = []
    with contextlib.suppress(geobrief.DecodeError):
        got.extend(geobrief.load_jsonl(path))
    assert articles == got[: len(articles)]


@given(text=st.text(alphabet=string.printable, max_size=200))
def test_parse_file_any_bytes_is_read_or_input_error(
    text: str, tmp_path_factory: pytest.TempPathFactory, check_article: Checker
) -> None:
    """parse_file of any bytes parses or raises InputError (bad UTF-8), nothing else."""
    path = tmp_path_factory.mktemp("files") / "brief.txt"
    path.write_bytes(text.encode() + b"\xff" * (len(text) % 2))
    try:
        article = geobrief.parse_file(path)
    except geobrief.InputError as exc:
        message = str(exc)
    else:
        check_article(article)
        return
    assert str(path) in message
