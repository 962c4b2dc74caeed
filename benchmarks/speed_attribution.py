"""Speed of the full parse against a regex tokenization baseline, and linearity.

Run from the repository root::

    python benchmarks/speed_attribution.py [--repeat N]

Prints (1) the full ``geobrief.parse`` time on the seed brief as a multiple
of one ``re.findall(r"\\w+|[^\\w\\s]", text)`` pass over the same text
(target: at most 15x), (2) the statements and claims stages alone, and (3)
time per character for the seed repeated 1, 4 and 16 times and for files of
1,000 / 4,000 / 16,000 unmatched quote marks (linear: the per-character cost
stays flat).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from geobrief import Pipeline, default_pipeline, parse
from geobrief.claims import extract_claims
from geobrief.statements import ArticleContext, extract_statements

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    text = SEED.read_text("utf-8")
    parse(text)  # warm caches (lexicons, gazetteers)
    baseline = best_of(args.repeat * 5, lambda: TOKEN.findall(text))
    full = best_of(args.repeat, lambda: parse(text))
    upstream = default_pipeline().without("statements").without("claims")
    article = upstream.parse(text)
    ours = Pipeline(stages=(("statements", extract_statements), ("claims", extract_claims)))

    def our_stages() -> object:
        ArticleContext._last = None  # no reuse across runs: measure the real work
        return ours.stages[1][1](ours.stages[0][1](article))

    stages = best_of(args.repeat, our_stages)
    print(f"seed: {len(text)} chars")
    print(f"regex baseline           {baseline * 1e3:8.2f} ms")
    print(f"full parse               {full * 1e3:8.2f} ms   {full / baseline:6.1f}x baseline")
    print(f"statements + claims only {stages * 1e3:8.2f} ms   {stages / baseline:6.1f}x baseline")
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
