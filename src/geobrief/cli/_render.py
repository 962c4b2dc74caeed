"""``geobrief render``: one self-contained HTML page with the brief's highlights."""

from __future__ import annotations

import argparse

from geobrief.cli._common import EXIT_FAILED, EXIT_OK, error, open_output
from geobrief.cli._load import load_articles
from geobrief.render import render_html

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``render`` command."""
    p = commands.add_parser(
        "render",
        help="render a brief as a self-contained HTML page",
        description=(
            "Render a brief (text, geobrief JSON, or the first article of a JSONL file) as one "
            "HTML page with actors, statements and claims highlighted, and a legend. "
            "The page has no external assets and needs no JavaScript."
        ),
    )
    p.add_argument("path", metavar="PATH", help="a .txt, .json or .jsonl file, or '-'")
    p.add_argument("-o", "--output", metavar="FILE.html", help="write here instead of stdout")
    p.set_defaults(run=run, command_parser=p)


def run(args: argparse.Namespace) -> int:
    """Run ``geobrief render``."""
    failures: list[str] = []
    article = next(iter(load_articles([args.path], failures)), None)
    if article is None:
        if not failures:
            error(f"{args.path}: no article in the input")
        return EXIT_FAILED
    with open_output(args.output) as out:
        out.write(render_html(article))
    return EXIT_OK
