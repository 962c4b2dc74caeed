"""``geobrief query``: filter statements, claims, mentions or actors of a corpus."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterator
from typing import Any, TextIO

from geobrief._model import ActorKind, StatementKind
from geobrief.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    is_terminal,
    open_output,
    rich_console,
)
from geobrief.cli._load import load_articles
from geobrief.query import ArticleIndex, Filter, actor_counts, co_mentions
from geobrief.query import _filters as f
from geobrief.records import actor_columns, article_records

__all__ = ["add_parser", "run"]

_LAYERS = ("statements", "claims", "mentions", "actors", "co-mentions")

_TABLE_COLUMNS = {
    "statements": ("article_id", "speaker_name", "cue", "kind", "text"),
    "claims": ("article_id", "modality", "source_kind", "source_name", "hedges", "text"),
    "mentions": ("article_id", "actor_id", "actor_kind", "text", "section"),
    "actors": ("actor_id", "kind", "name", "mentions", "articles"),
    "co-mentions": ("first", "second", "sentences", "articles"),
}


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``query`` command."""
    p = commands.add_parser(
        "query",
        help="filter statements, claims, mentions or actors; print JSONL or a table",
        description=textwrap.fill(
            "Query parsed articles (JSONL from 'geobrief parse', JSON, or text files, which "
            "are parsed first). Filters combine with AND. The layer is statements unless "
            "--layer is given, a claim option (--hedged, --modality, --source-kind) picks "
            "claims, or --kind names an actor kind (actors: merged by id, with mention counts).",
            78,
        ),
        epilog=(
            "examples:\n"
            "  geobrief query briefs.jsonl --speaker Lavrov\n"
            "  geobrief query briefs.jsonl --about state:PRK --hedged --format table\n"
            "  geobrief query briefs.jsonl --kind state\n"
            "  geobrief query briefs.jsonl --layer co-mentions --format table"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths", nargs="+", metavar="FILE", help="a .jsonl, .json or .txt file, folder or '-'"
    )
    p.add_argument("--layer", choices=_LAYERS, help="what to list")
    p.add_argument(
        "--speaker", metavar="NAME", help="speaker (claims: source) by id, name or alias"
    )
    p.add_argument("--about", metavar="ACTOR", help="statements or claims about this actor")
    p.add_argument("--addressed-to", metavar="ACTOR", help="statements addressed to this actor")
    p.add_argument("--mentioning", metavar="ACTOR", help="items whose text mentions this actor")
    p.add_argument("--hedged", action="store_true", help="hedged claims only")
    p.add_argument(
        "--modality", choices=["asserted", "reported", "hedged"], help="claims of this modality"
    )
    p.add_argument(
        "--source-kind", choices=["actor", "anonymous", "article"], help="claims by source kind"
    )
    p.add_argument(
        "--kind",
        metavar="KIND",
        help="statement kind (direct, reported, partial) or actor kind (person, state, "
        "organization, group, location)",
    )
    p.add_argument(
        "--section", metavar="HEADING", help="items in sections whose heading contains this"
    )
    p.add_argument("--contains", metavar="TEXT", help="items whose text contains this (any case)")
    p.add_argument(
        "--format",
        choices=["jsonl", "table"],
        help="output format (default: a table on a terminal, JSONL otherwise)",
    )
    p.add_argument("--limit", type=int, metavar="N", help="stop after N results")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(run=run, command_parser=p)


_ACTOR_KINDS = {k.value for k in ActorKind}
_STATEMENT_KINDS = {k.value for k in StatementKind}


def _layer(args: argparse.Namespace) -> str:
    if args.kind is not None and args.kind not in _ACTOR_KINDS | _STATEMENT_KINDS:
        statement_kinds = ", ".join(sorted(_STATEMENT_KINDS))
        actor_kinds = ", ".join(sorted(_ACTOR_KINDS))
        raise UsageError(
            f"--kind {args.kind!r} is neither a statement kind ({statement_kinds}) "
            f"nor an actor kind ({actor_kinds})"
        )
    if args.layer:
        return str(args.layer)
    if args.hedged or args.modality or args.source_kind:
        return "claims"
    if args.kind in _ACTOR_KINDS:
        return "actors"
    return "statements"


def _filter(args: argparse.Namespace, layer: str) -> Filter[Any] | None:
    parts: list[Filter[Any]] = []
    only = {
        "--addressed-to": ("statements",),
        "--hedged": ("claims",),
        "--modality": ("claims",),
        "--source-kind": ("claims",),
        "--speaker": ("statements", "claims"),
        "--about": ("statements", "claims"),
    }
    for option, layers in only.items():
        if getattr(args, option[2:].replace("-", "_")) and layer not in layers:
            raise UsageError(f"{option} does not apply to --layer {layer}")
    if args.speaker:
        parts.append(f.speaker(args.speaker))
    if args.about:
        parts.append(f.about(args.about))
    if args.addressed_to:
        parts.append(f.addressed_to(args.addressed_to))
    if args.mentioning:
        parts.append(
            f.is_actor(args.mentioning)
            if layer in ("mentions", "actors")
            else f.mentioning(args.mentioning)
        )
    if args.hedged:
        parts.append(f.hedged())
    if args.modality:
        parts.append(f.modality(args.modality))
    if args.source_kind:
        parts.append(f.source_kind(args.source_kind))
    if args.kind:
        if args.kind in _STATEMENT_KINDS and layer == "statements":
            parts.append(f.statement_kind(args.kind))
        elif args.kind in _ACTOR_KINDS and layer in ("actors", "mentions", "co-mentions"):
            parts.append(f.actor_kind(args.kind))
        else:
            raise UsageError(f"--kind {args.kind} does not apply to --layer {layer}")
    if args.section:
        if layer in ("actors", "co-mentions"):
            raise UsageError(f"--section does not apply to --layer {layer}")
        parts.append(f.in_section(args.section))
    if args.contains:
        parts.append(f.contains(args.contains))
    if not parts:
        return None
    result = parts[0]
    for part in parts[1:]:
        result = result & part
    return result


def _rows(args: argparse.Namespace, layer: str, failures: list[str]) -> Iterator[dict[str, Any]]:
    where = _filter(args, layer)
    articles = load_articles(args.paths, failures)
    if layer == "actors":
        for count in actor_counts(articles, where):
            yield {
                **actor_columns(count.actor),
                "mentions": count.mentions,
                "articles": count.articles,
            }
        return
    if layer == "co-mentions":
        for pair in co_mentions(articles, where):
            yield {
                "first": pair.first,
                "second": pair.second,
                "sentences": pair.sentences,
                "articles": pair.articles,
            }
        return
    for article in articles:
        index = ArticleIndex(article)
        items = getattr(article, layer)
        wanted = [i for i, item in enumerate(items) if where is None or where.matches(index, item)]
        if wanted:
            records = article_records(article, layer)  # type: ignore[arg-type]
            yield from (records[i] for i in wanted)


def _cell(value: Any, width: int) -> str:
    if value is None:
        text = ""
    elif isinstance(value, list):
        text = ", ".join(str(v) for v in value)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(rows: list[dict[str, Any]], layer: str, out: TextIO) -> None:
    columns = _TABLE_COLUMNS[layer]
    console = rich_console(out) if out is sys.stdout else None
    if console is not None:
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*(_cell(row.get(c), 80) for c in columns))
        console.print(table)  # type: ignore[attr-defined]
        return
    widths = {c: 60 if c == "text" else 24 for c in columns}
    cells = [[_cell(row.get(c), widths[c]) for c in columns] for row in rows]
    sizes = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip() + "\n")
    out.write("  ".join("-" * s for s in sizes) + "\n")
    for r in cells:
        out.write("  ".join(v.ljust(sizes[i]) for i, v in enumerate(r)).rstrip() + "\n")


def run(args: argparse.Namespace) -> int:
    """Run ``geobrief query``."""
    layer = _layer(args)
    failures: list[str] = []
    rows = _rows(args, layer, failures)
    with open_output(args.output) as out:
        fmt = args.format or ("table" if out is sys.stdout and is_terminal(out) else "jsonl")
        if fmt == "table":
            collected = []
            for row in rows:
                collected.append(row)
                if args.limit is not None and len(collected) >= args.limit:
                    break
            _write_table(collected, layer, out)
        else:
            for n, row in enumerate(rows, start=1):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                if args.limit is not None and n >= args.limit:
                    break
    return EXIT_FAILED if failures else EXIT_OK
