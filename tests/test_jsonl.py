"""Tests for dump_jsonl/load_jsonl: files, streams, laziness and line-numbered errors."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geobrief
from geobrief import Article, DecodeError
from geobrief.testing import articles


def _articles(count: int) -> list[Article]:
    """``count`` distinct small articles."""
    return [
        geobrief.parse(f"Headline {i}\n\nRussia said talks may resume ({i}).") for i in range(count)
    ]


def test_path_round_trip(tmp_path: Path) -> None:
    """Articles written to a path come back equal and in order, one compact line each."""
    path = tmp_path / "out.jsonl"
    items = _articles(3)
    assert 3 == geobrief.dump_jsonl(items, path)
    lines = path.read_bytes().splitlines()
    assert [geobrief.dumps_bytes(a) for a in items] == lines
    assert items == list(geobrief.load_jsonl(path))
    assert items == list(geobrief.load_jsonl(str(path)))


def test_text_and_binary_streams() -> None:
    """Open text and binary files work for writing and reading."""
    items = _articles(2)
    text = io.StringIO()
    binary = io.BytesIO()
    geobrief.dump_jsonl(items, text)
    geobrief.dump_jsonl(iter(items), binary)
    assert text.getvalue().encode("utf-8") == binary.getvalue()
    assert items == list(geobrief.load_jsonl(io.StringIO(text.getvalue())))
    assert items == list(geobrief.load_jsonl(io.BytesIO(binary.getvalue())))


def test_blank_lines_and_crlf_are_skipped() -> None:
    """Blank lines and CRLF line ends are tolerated."""
    items = _articles(2)
    data = b"\r\n".join(geobrief.dumps_bytes(a) for a in items)
    assert items == list(geobrief.load_jsonl(io.BytesIO(b"\n" + data + b"\r\n\n  \n")))


def test_reading_is_lazy() -> None:
    """load_jsonl yields article by article: the lines after a consumed one are not read
    (so memory does not grow with the file), and an endless stream can be read."""

    def endless() -> Iterator[bytes]:
        article = geobrief.dumps_bytes(_articles(1)[0]) + b"\n"
        while True:
            yield article

    stream = endless()
    reader = geobrief.load_jsonl(stream)  # type: ignore[arg-type]
    first = next(reader)
    assert first == next(reader)


def test_writing_consumes_a_generator_lazily() -> None:
    """dump_jsonl writes each article as it comes from a generator."""
    written = io.BytesIO()
    seen: list[int] = []

    def produce() -> Iterator[Article]:
        for i, article in enumerate(_articles(3)):
            seen.append(len(written.getvalue()))
            yield article
            assert len(written.getvalue()) > seen[i]

    assert 3 == geobrief.dump_jsonl(produce(), written)


def test_bad_line_names_file_line_and_path(tmp_path: Path) -> None:
    """A bad line raises DecodeError naming the file, the line and the JSON path; the
    articles before it have been yielded already."""
    items = _articles(2)
    bad = json.loads(geobrief.dumps(items[1]))
    bad["title"] = {"start": 5, "end": 2}
    path = tmp_path / "bad.jsonl"
    path.write_text(geobrief.dumps(items[0]) + "\n\n" + json.dumps(bad) + "\n", "utf-8")
    reader = geobrief.load_jsonl(path)
    assert items[0] == next(reader)
    with pytest.raises(DecodeError) as caught:
        next(reader)
    assert f"{path}, line 3" in str(caught.value)
    assert ["$.title.end"] == [p.path for p in caught.value.problems]


def test_malformed_line() -> None:
    """A line that is not JSON is reported with its number."""
    with pytest.raises(DecodeError, match=r"<stream>, line 1"):
        list(geobrief.load_jsonl(io.BytesIO(b"{not json\n")))


def test_strict_switch() -> None:
    """Unknown fields are rejected by default and skipped with strict=False."""
    document = json.loads(geobrief.dumps(_articles(1)[0]))
    line = json.dumps(dict(document, extra=1)).encode()
    with pytest.raises(DecodeError, match=r"unknown field @ \$\.extra"):
        list(geobrief.load_jsonl(io.BytesIO(line)))
    assert _articles(1) == list(geobrief.load_jsonl(io.BytesIO(line), strict=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(max_text_size=60), max_size=4))
def test_round_trip_property(items: list[Article]) -> None:
    """Any list of articles survives dump_jsonl then load_jsonl."""
    stream = io.BytesIO()
    assert len(items) == geobrief.dump_jsonl(items, stream)
    stream.seek(0)
    assert items == list(geobrief.load_jsonl(stream))
