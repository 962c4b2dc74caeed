"""``geobrief parse``: briefs to JSON or JSONL, in parallel, with a progress bar."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterator
from typing import TextIO

from geobrief.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Progress,
    error,
    open_output,
)
from geobrief.cli._engine import Input, Outcome, parse_many
from geobrief.corpus import expand_paths

__all__ = ["add_parser", "run"]

_MANY = 2
"""Show the progress bar from this many files on (when stderr is a terminal)."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``parse`` command."""
    p = commands.add_parser(
        "parse",
        help="parse briefs into JSON (one) or JSONL (many)",
        description=(
            "Parse text files, folders (recursively, *.txt) or '-' (stdin) into geobrief JSON. "
            "One input gives a JSON object, several give JSON Lines (one article per line). "
            "A file that cannot be read is reported on stderr and skipped (exit status 1)."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, folder, glob or '-'")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument(
        "--format",
        choices=["json", "jsonl"],
        help="json: one object (an array for several); jsonl: one line per article",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (0: one per CPU; default 1)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    p.add_argument("--pattern", default="*.txt", help="files to take from folders (default *.txt)")
    p.set_defaults(run=run, command_parser=p)


def _inputs(paths: list[str], pattern: str, failures: list[str]) -> list[Input]:
    items: list[Input] = []
    for path in paths:
        if path == "-":
            items.append(Input("<stdin>", sys.stdin.read()))
            continue
        try:
            items.extend(Input(p) for p in expand_paths([path], pattern))
        except FileNotFoundError as exc:
            error(str(exc))
            failures.append(path)
    return items


def run(args: argparse.Namespace) -> int:
    """Run ``geobrief parse``."""
    if args.jobs < 0:
        error("--jobs must be 0 (one per CPU) or more")
        return EXIT_USAGE
    failures: list[str] = []
    items = _inputs(args.paths, args.pattern, failures)
    single = len(args.paths) == 1 and len(items) == 1 and not os.path.isdir(args.paths[0])
    fmt = args.format or ("json" if single else "jsonl")
    quiet = args.output in (None, "-") and not _is_regular_file(sys.stdout)
    progress = Progress(len(items), enabled=_progress_enabled(args.progress, len(items), quiet))
    written = 0
    with open_output(args.output) as out:
        for json_line in _lines(parse_many(items, jobs=args.jobs), progress, failures):
            if fmt == "json" and not single:
                out.write(("[\n" if written == 0 else ",\n") + json_line)
            else:
                out.write(json_line + "\n")
            out.flush()
            written += 1
        if fmt == "json" and not single:
            out.write("\n]\n" if written else "[]\n")
    progress.close()
    if failures:
        error(f"{len(failures)} input(s) failed and were skipped; the rest were written")
        return EXIT_FAILED
    return EXIT_OK


def _is_regular_file(stream: TextIO) -> bool:
    """True when ``stream`` is redirected to a file (not a pipe, not a terminal)."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):
        return False


def _progress_enabled(flag: bool | None, count: int, quiet: bool) -> bool | None:
    """The --progress flag if given; else off for few files, or when the data itself goes
    to a pipe or the terminal; else None (on when stderr is a terminal)."""
    if flag is not None:
        return flag
    return None if count >= _MANY and not quiet else False


def _lines(outcomes: Iterator[Outcome], progress: Progress, failures: list[str]) -> Iterator[str]:
    for outcome in outcomes:
        if outcome.json is None:
            if progress.enabled:
                sys.stderr.write("\n")
            error(f"{outcome.name}: {outcome.error}")
            failures.append(outcome.name)
            progress.advance(failed=True)
            continue
        progress.advance()
        yield outcome.json
