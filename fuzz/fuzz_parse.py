"""Atheris (libFuzzer) harness for ``geobrief.parse``.

Any text must parse without an exception, with every span inside the text, and
round-trip through JSON (or be refused by ``dumps`` with a GeobriefError)::

    pip install atheris
    python fuzz/fuzz_parse.py -max_total_time=300 -max_len=4096 fuzz/corpus/parse

A crash writes ``crash-<sha1>`` in the working directory: copy it into
``tests/regressions/parse/`` under a descriptive name so it is replayed by the tests.
``-timeout=N`` (seconds per input) reports hangs the same way.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]

import geobrief

# The pipeline imports its stages on first use: load them now, then instrument every
# loaded function (instrument_imports would miss the lazily imported stage modules).
geobrief.parse("Warm-up: “Lavrov said so,” he added.")
atheris.instrument_all()


def check(article: geobrief.Article) -> None:
    """Raise AssertionError if a span lies outside the article's text."""
    n = len(article.text)
    for path, span in article.iter_spans():
        if not 0 <= span.start <= span.end <= n:
            raise AssertionError(f"{path} = {span} is out of bounds (text length {n})")


def test_one_input(data: bytes) -> None:
    """Parse the input as text (any bytes, as UTF-8 with surrogateescape)."""
    text = data.decode("utf-8", "surrogateescape")
    article = geobrief.parse(text)
    check(article)
    if article.text != geobrief.normalize(text):
        raise AssertionError("Article.text is not the normalized input")
    try:
        encoded = geobrief.dumps(article)
    except geobrief.GeobriefError:
        return
    if geobrief.loads(encoded) != article:
        raise AssertionError("loads(dumps(article)) != article")


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
