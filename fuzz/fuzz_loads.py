"""Atheris (libFuzzer) harness for ``geobrief.loads`` and ``geobrief.load_jsonl``.

Any bytes must decode to a valid Article or raise ``geobrief.DecodeError``;
any other exception, or a decoded article with a span outside its text, is a
crash::

    pip install atheris
    python fuzz/fuzz_loads.py -max_total_time=300 -dict=fuzz/json.dict fuzz/corpus/loads

Seed the corpus directory with real documents first, for example
``geobrief parse examples/*.txt -o fuzz/corpus/loads/seed.json``. A crash writes
``crash-<sha1>``: copy it into ``tests/regressions/loads/`` under a descriptive name.
"""

from __future__ import annotations

import io
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
    """Decode the input as one document, and as a JSONL stream of documents."""
    try:
        check(geobrief.loads(data))
    except geobrief.DecodeError as exc:
        if not exc.problems:
            raise AssertionError("DecodeError without problems") from exc
    text = data.decode("utf-8", "replace")
    try:
        for article in geobrief.load_jsonl(io.StringIO(text)):
            check(article)
    except geobrief.DecodeError:
        pass


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
