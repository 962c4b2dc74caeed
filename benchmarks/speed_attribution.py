"""Per-stage speed of the parse against a regex tokenization baseline, and linearity.

Run from the repository root::

    python benchmarks/speed_attribution.py [--repeat N]

Prints, in one run, the time of each pipeline stage on the seed brief
(``examples/russia_north_korea_brief.txt``) as a multiple of one
``re.findall(r"\\w+|[^\\w\\s]", text)`` pass over the same text: structure,
actors, statements, claims (each on the output of the stages before it, with
no state reused from an earlier run), statements + claims together (as the
pipeline runs them), and the full ``geobrief.parse`` (target: at most 15x).
Then the time per character for the seed repeated 1, 4 and 16 times and for
files of 1,000 / 4,000 / 16,000 unmatched quote marks (linear: the
per-character cost stays flat).

Timings are the best of ``--repeat`` runs; the machine's load moves them, so
compare ratios from the same run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from geobrief import Article, Pipeline, default_pipeline, parse
from geobrief._model import Metadata
from geobrief._normalize import article_id, normalize

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "russia_north_korea_brief.txt"
TOKEN = re.compile(r"\w+|[^\w\s]")


def best_of(repeat: int, func: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def _forget_shared_state() -> None:
    """Drop any per-thread context the statements stage leaves for the claims stage."""
    from geobrief.statements import ArticleContext

    forget = getattr(ArticleContext, "forget", None)
    if forget is not None:
        forget()
    elif hasattr(ArticleContext, "_last"):
        ArticleContext._last = None


def stage_inputs(pipeline: Pipeline, text: str) -> dict[str, Article]:
    """The article each stage receives when ``text`` is parsed."""
    normalized = normalize(text)
    article = Article(id=article_id(normalized), text=normalized, metadata=Metadata())
    inputs: dict[str, Article] = {}
    for name, stage in pipeline.stages:
        inputs[name] = article
        article = stage(article)
    return inputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    text = SEED.read_text("utf-8")
    parse(text)  # warm caches (lexicons, gazetteers)
    pipeline = default_pipeline()
    stages = dict(pipeline.stages)
    inputs = stage_inputs(pipeline, text)

    def run_stage(name: str) -> Callable[[], object]:
        def run() -> object:
            _forget_shared_state()
            return stages[name](inputs[name])

        return run

    def statements_and_claims() -> object:
        _forget_shared_state()
        return stages["claims"](stages["statements"](inputs["statements"]))

    baseline = best_of(args.repeat * 5, lambda: TOKEN.findall(text))
    rows: list[tuple[str, float]] = [
        (name, best_of(args.repeat, run_stage(name))) for name in stages
    ]
    rows.append(("statements + claims", best_of(args.repeat, statements_and_claims)))
    rows.append(("full parse", best_of(args.repeat, lambda: parse(text))))
    print(f"seed: {SEED.relative_to(ROOT)} ({len(text)} chars)")
    print(f"{'regex baseline':<22} {baseline * 1e3:8.3f} ms     1.0x")
    for label, seconds in rows:
        print(f"{label:<22} {seconds * 1e3:8.3f} ms {seconds / baseline:7.1f}x")
    print("\nlinearity (microseconds per 1,000 characters):")
    for label, make in (
        ("seed x k", lambda k: "\n".join([text] * k)),
        ("unmatched “ x 1000k", lambda k: "He said “no\n" * (250 * k)),
        ('straight " x 1000k', lambda k: '"' * (1000 * k)),
    ):
        row = []
        for k in (1, 4, 16):
            sample = make(k)
            seconds = best_of(3, lambda sample=sample: parse(sample))
            row.append(f"k={k:<2} {seconds / len(sample) * 1e9:8.1f}")
        print(f"  {label:<20} " + "   ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
