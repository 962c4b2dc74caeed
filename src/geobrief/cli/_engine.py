"""Parse many inputs, in order, in this process or in a pool of worker processes.

Workers receive file paths (or short texts) and send back JSON strings, so
little crosses process boundaries, and at most a few chunks per worker are in
flight at once: memory stays flat however many inputs stream through.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

import attrs

from geobrief._errors import GeobriefError
from geobrief._pipeline import parse, read_text
from geobrief._serialize import dumps

__all__ = ["Input", "Outcome", "parse_many"]


@attrs.frozen
class Input:
    """One thing to parse: a file (``path``) or a text already read (``text``)."""

    name: str
    """The path, or a label such as ``<stdin>``; becomes ``metadata.source``."""
    text: str | None = None
    """The text, or None to read the file ``name``."""


@attrs.frozen
class Outcome:
    """The result of parsing one input: its JSON, or why it failed."""

    name: str
    """The input's name."""
    json: str | None
    """The article as one line of JSON, or None on failure."""
    error: str | None = None
    """Why the input could not be parsed (e.g. not valid UTF-8), or None."""


def _parse_one(item: Input) -> Outcome:
    try:
        text = read_text(item.name) if item.text is None else item.text
        source = None if item.text is not None and item.name == "<stdin>" else item.name
        return Outcome(item.name, dumps(parse(text, source=source)))
    except (OSError, GeobriefError) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Outcome(item.name, None, message.removeprefix(f"{item.name}: "))
    except Exception as exc:  # never lose the rest of a batch to one input
        return Outcome(item.name, None, f"internal error: {type(exc).__name__}: {exc}")


def _parse_chunk(chunk: list[Input]) -> list[Outcome]:
    return [_parse_one(item) for item in chunk]


def _chunks(items: Iterable[Input], size: int) -> Iterator[list[Input]]:
    chunk: list[Input] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parse_many(items: Iterable[Input], *, jobs: int = 1, chunk_size: int = 8) -> Iterator[Outcome]:
    """Parse each input and yield its :class:`Outcome`, in input order.

    ``jobs > 1`` uses that many worker processes; ``jobs == 0`` uses one per
    CPU. ``items`` is consumed lazily: at most ``4 * jobs`` chunks of
    ``chunk_size`` inputs are read ahead. Workers are started with ``spawn``
    (safe with threads), so a calling script needs the usual
    ``if __name__ == "__main__":`` guard.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        for item in items:
            yield _parse_one(item)
        return
    context = multiprocessing.get_context("spawn")  # fork is unsafe with threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: collections.deque[Future[list[Outcome]]] = collections.deque()
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.submit(_parse_chunk, chunk))
            if len(pending) >= 4 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
