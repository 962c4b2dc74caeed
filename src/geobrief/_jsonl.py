"""JSON Lines: one compact JSON article per line, streamed in constant memory."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, Union

from geobrief._errors import DecodeError
from geobrief._model import Article
from geobrief._serialize import dumps_bytes, loads

__all__ = ["dump_jsonl", "load_jsonl"]

PathOrFile = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
"""A path to open, or an open text or binary file."""


def dump_jsonl(articles: Iterable[Article], file: PathOrFile) -> int:
    """Write each article as one line of compact JSON; return how many were written.

    ``file`` is a path (created or truncated) or an open file, text or binary.
    Articles are written as they come, so a generator of any length works.
    """
    if isinstance(file, str | os.PathLike):
        with open(file, "wb") as stream:
            return _write(articles, stream)
    return _write(articles, file)


def _write(articles: Iterable[Article], stream: IO[Any]) -> int:
    text = isinstance(stream, io.TextIOBase)
    count = 0
    for article in articles:
        line = dumps_bytes(article) + b"\n"
        stream.write(line.decode("utf-8") if text else line)
        count += 1
    return count


def load_jsonl(file: PathOrFile, *, strict: bool = True) -> Iterator[Article]:
    """Yield the articles of a JSON Lines file one at a time (constant memory).

    ``file`` is a path or an open file, text or binary; blank lines are skipped. A bad
    line raises :class:`~geobrief.DecodeError` naming the file and the line number,
    with the JSON path of every problem in that line; the articles before it have
    already been yielded. ``strict`` as for :func:`geobrief.loads`.
    """
    if isinstance(file, str | os.PathLike):
        return _read_path(os.fspath(file), strict)
    return _read(file, str(getattr(file, "name", "<stream>")), strict)


def _read_path(path: str, strict: bool) -> Iterator[Article]:
    with open(path, "rb") as stream:
        yield from _read(stream, path, strict)


def _read(stream: IO[Any], name: str, strict: bool) -> Iterator[Article]:
    for number, line in enumerate(stream, start=1):
        line = line.strip()  # JSON allows the whitespace; the canonical fast path wants none
        if not line:
            continue
        try:
            article = loads(line, strict=strict)
        except DecodeError as exc:
            raise DecodeError(exc.problems, source=f"{name}, line {number}") from None
        yield article
