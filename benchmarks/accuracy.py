"""Run every accuracy benchmark: actors (NER) and statements (attribution).

    python benchmarks/accuracy.py [--eval-dir ../shared/eval]

Each part is its own script with more options:
``benchmarks/accuracy_actors.py`` and ``benchmarks/accuracy_statements.py``.
Both read the Wikinews gold (GUM, MEANTIME) from ``../shared/eval`` and exit
cleanly, saying so, when it is absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = ("accuracy_actors.py", "accuracy_statements.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--eval-dir", type=Path, help="folder holding gum-wikinews/ and meantime-wikinews/"
    )
    args = parser.parse_args(argv)
    extra = ["--eval-dir", str(args.eval_dir)] if args.eval_dir else []
    status = 0
    for part in PARTS:
        print(f"== {part}", flush=True)
        status |= subprocess.call([sys.executable, str(HERE / part), *extra])
    return status


if __name__ == "__main__":
    raise SystemExit(main())
