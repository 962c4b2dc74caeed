"""Does ``geobrief.parse`` run in time linear in its input? Measure it from 10 KB to 10 MB.

For each size the script builds brief-like text of that many characters (copies of the
seed brief with numbered headings, plain news paragraphs with quotes and datelines, and
a sprinkle of odd input: unmatched quote marks, table pipes, ``Question:`` lines), parses
it, and prints the parse time per character. The last line is the ratio of the largest
to the smallest per-character cost: near 1 means linear; a quadratic step would make it
grow a hundredfold or more between 10 KB and 10 MB.

    python benchmarks/linearity.py            # 10 KB, 100 KB, 1 MB, 10 MB
    python benchmarks/linearity.py --quick    # stop at 1 MB
    python benchmarks/linearity.py --sizes 10000 50000
    python benchmarks/linearity.py --no-gc    # with the cyclic garbage collector off

Part of the growth in per-character cost at the largest sizes is Python's cyclic garbage
collector (its full collections walk every live object) and memory effects; ``--no-gc``
shows how much.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

import geobrief

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "russia_north_korea_brief.txt"
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
MIN_SECONDS = 1.0  # repeat small sizes until at least this much time has been measured

PLAIN = (
    "GENEVA (Reuters) — The foreign ministers of {n} nations met on Friday, officials said.\n\n"
    "“We will not accept any threat to our sovereignty,” Foreign Minister Ana Costa said, "
    "adding that talks {n} may resume next week.\n\n"
    "Reports indicate that the U.S. delegation is likely to leave early. The ministry "
    "reiterated that it had not been consulted, according to a statement.\n\n"
)
ODD = (
    "He said “this never closes and neither does « that. ‘Nor this.\n\n"
    "| a | b | c |\n|---|---|\n| 1) row {n} | x |\n\n"
    "Question: What happens next {n}?\nNobody knows.\n\n"
)


def building_blocks() -> list[str]:
    """Pieces of text that, repeated with numbers, make input of any size."""
    seed = SEED.read_text(encoding="utf-8")
    return [seed + "\n\n", PLAIN, ODD]


def make_text(size: int) -> str:
    """Brief-like text of exactly ``size`` characters."""
    blocks = building_blocks()
    parts: list[str] = []
    length = 0
    n = 0
    while length < size:
        block = blocks[n % len(blocks)].replace("{n}", str(n))
        if n % len(blocks) == 0:  # number the seed's headings so copies differ
            block = block.replace("Recent Military Developments", f"Recent Developments {n}")
        parts.append(block)
        length += len(block)
        n += 1
    return "".join(parts)[:size]


def seconds_per_parse(text: str, *, no_gc: bool = False) -> float:
    """The best time over repeated parses, repeating until MIN_SECONDS have passed."""
    best = float("inf")
    spent = 0.0
    runs = 0
    while spent < MIN_SECONDS or runs < 1:
        gc.collect()
        if no_gc:
            gc.disable()
        start = time.perf_counter()
        geobrief.parse(text)
        elapsed = time.perf_counter() - start
        gc.enable()
        best = min(best, elapsed)
        spent += elapsed
        runs += 1
        if elapsed > MIN_SECONDS:
            break
    return best


def main(argv: list[str] | None = None) -> int:
    """Print the per-character parse cost at each size and the largest/smallest ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="stop at 1 MB")
    parser.add_argument("--sizes", type=int, nargs="+", help="sizes in characters")
    parser.add_argument("--no-gc", action="store_true", help="disable the cyclic GC while timing")
    args = parser.parse_args(argv)
    sizes = tuple(args.sizes or (s for s in SIZES if not (args.quick and s > 1_000_000)))

    geobrief.parse(make_text(10_000))  # warm up: lazy data files, caches
    print(f"{'size (chars)':>14} {'parse (s)':>10} {'ns/char':>9} {'vs smallest':>12}")
    costs: list[float] = []
    for size in sizes:
        text = make_text(size)
        seconds = seconds_per_parse(text, no_gc=args.no_gc)
        cost = seconds / size
        costs.append(cost)
        print(f"{size:>14,} {seconds:>10.3f} {cost * 1e9:>9.1f} {cost / costs[0]:>11.2f}x")
    print(
        f"per-character cost, largest size / smallest size: {costs[-1] / costs[0]:.2f}; "
        f"max / min over all sizes: {max(costs) / min(costs):.2f} (1.0 = perfectly linear)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
