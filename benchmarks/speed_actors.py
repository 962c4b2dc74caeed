"""Time actor recognition on the seed brief against one regex tokenizing pass.

Reports, as ratios to ``re.findall(r"\\w+|[^\\w\\s]", text)`` measured in the same run: the full
``geobrief.parse`` (all stages), the actors stage alone (on an article whose structure
is already parsed), the structure stages alone, and structure + actors (the issue's target:
at most 10x). Each figure is the best of several rounds (the least disturbed by other
processes)::

    python benchmarks/speed_actors.py [--rounds 7] [--number 50] [FILE]
"""

from __future__ import annotations

import argparse
import re
import timeit
from pathlib import Path

import geobrief
from geobrief import Pipeline
from geobrief.actors import recognize_actors

SEED = Path(__file__).resolve().parent.parent / "examples" / "russia_north_korea_brief.txt"
BASELINE = re.compile(r"\w+|[^\w\s]")


def best(stmt: object, rounds: int, number: int) -> float:
    """Best seconds per call over ``rounds`` rounds of ``number`` calls."""
    return min(timeit.repeat(stmt, number=number, repeat=rounds)) / number  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--number", type=int, default=50)
    args = parser.parse_args(argv)
    text = geobrief.read_text(args.file)
    geobrief.parse(text)  # warm the caches (gazetteer, lexicon, compiled patterns)
    structured = geobrief.default_pipeline().without("actors").without("statements")
    structured = structured.without("claims")
    before_actors = structured.parse(text)
    actors_only = Pipeline(stages=(("actors", recognize_actors),))
    with_actors = geobrief.default_pipeline().without("statements").without("claims")

    baseline = best(lambda: BASELINE.findall(text), args.rounds, args.number)
    full = best(lambda: geobrief.parse(text), args.rounds, args.number)
    stage = best(lambda: recognize_actors(before_actors), args.rounds, args.number)
    plain = best(lambda: actors_only.parse(text), args.rounds, args.number)
    structure = best(lambda: structured.parse(text), args.rounds, args.number)
    both = best(lambda: with_actors.parse(text), args.rounds, args.number)
    print(f"text: {args.file.name} ({len(text):,} chars)")
    print(f"{'what':<42} {'ms/call':>9} {'x regex':>8}")
    for name, secs in (
        ("regex findall baseline", baseline),
        ("actors stage alone (structured article)", stage),
        ("normalize + actors only", plain),
        ("structure only (parse without actors)", structure),
        ("structure + actors (issue target: <= 10x)", both),
        ("geobrief.parse (all stages)", full),
    ):
        print(f"{name:<42} {secs * 1000:>9.3f} {secs / baseline:>8.1f}")
    print("\nlinearity (actors only, the text repeated):")
    for times in (1, 8, 32):
        big = "\n".join([text] * times)
        secs = best(lambda big=big: actors_only.parse(big), 3, max(1, args.number // times))
        print(f"  x{times:<3} {len(big):>9,} chars  {len(big) / secs / 1e6:6.2f} M chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
