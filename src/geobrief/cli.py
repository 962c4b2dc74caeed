"""The ``geobrief`` command line (first version: ``parse`` only)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from geobrief._errors import GeobriefError
from geobrief._pipeline import parse_file
from geobrief._serialize import dumps
from geobrief._version import __version__

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="geobrief", description=__doc__)
    parser.add_argument("--version", action="version", version=f"geobrief {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("parse", help="parse briefs and print JSON")
    p.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    status = 0
    for path in args.paths:
        try:
            sys.stdout.write(dumps(parse_file(path)) + "\n")
        except (OSError, GeobriefError) as exc:
            print(f"geobrief: {path}: {exc}", file=sys.stderr)
            status = 1
    return status
