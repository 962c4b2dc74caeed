"""The ``geobrief`` command line.

Commands: ``parse``, ``show``, ``query``, ``schema``, ``validate``, ``render``
(``geobrief COMMAND --help`` for each). Data goes to stdout, messages to
stderr. Exit status: 0 ok, 1 some input failed (reported on stderr, the rest
processed), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from geobrief._version import __version__
from geobrief.cli import _parse, _query, _render, _show, _validate
from geobrief.cli._common import EXIT_OK, EXIT_USAGE, UsageError, error
from geobrief.cli._engine import Input, Outcome, parse_many

__all__ = ["Input", "Outcome", "build_parser", "main", "parse_many"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``geobrief`` command."""
    parser = argparse.ArgumentParser(
        prog="geobrief",
        description="Parse geopolitical news briefs into actors, statements and claims.",
        epilog="Run 'geobrief COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"geobrief {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _parse.add_parser(commands)
    _show.add_parser(commands)
    _query.add_parser(commands)
    _validate.add_parsers(commands)
    _render.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (status 2)
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or EXIT_OK
        return EXIT_USAGE
    try:
        status: int = args.run(args)
    except UsageError as exc:
        args.command_parser.print_usage(sys.stderr)
        error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `geobrief parse ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK  # the reader stopped on purpose
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    return status
