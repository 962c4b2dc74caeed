"""Reading the articles a command works on: text, JSON, JSONL files or stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from geobrief._model import Article
from geobrief._pipeline import parse
from geobrief._serialize import loads
from geobrief.cli._common import error
from geobrief.corpus import Corpus

__all__ = ["load_articles"]


def load_articles(paths: list[str], failures: list[str]) -> Iterator[Article]:
    """The articles of ``paths`` (``-`` is stdin: JSON if it starts with ``{``, else text).

    A file or line that cannot be read is reported on stderr, appended to
    ``failures`` and skipped.
    """

    def report(where: str, exc: Exception) -> None:
        error(f"{where}: {_message(exc)}")
        failures.append(where)

    for path in paths:
        if path == "-":
            data = sys.stdin.read()
            try:
                stripped = data.lstrip()
                if stripped.startswith("{"):
                    for line in stripped.splitlines() if "\n{" in stripped else [stripped]:
                        if line.strip():
                            yield loads(line)
                else:
                    yield parse(data)
            except Exception as exc:
                report("<stdin>", exc)
            continue
        try:
            corpus = Corpus.from_paths(path, on_error=report)
        except FileNotFoundError as exc:
            report(path, exc)
            continue
        yield from corpus


def _message(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    first, _, rest = text.partition("\n")
    return first if len(rest) > 2000 else text
