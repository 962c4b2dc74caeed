"""``geobrief show``: a readable terminal view of a brief."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any, TextIO

import attrs

from geobrief._model import Article, Claim, Statement
from geobrief.cli._common import EXIT_FAILED, EXIT_OK, rich_console
from geobrief.cli._load import load_articles
from geobrief.query import ArticleIndex

__all__ = ["View", "add_parser", "build_view", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``show`` command."""
    p = commands.add_parser(
        "show",
        help="show a brief: outline, actors, statements, claims",
        description=(
            "Show a readable view of a brief (a text file, geobrief JSON or JSONL, or '-'): "
            "its outline, actors, statements with speakers and claims with modality and hedges. "
            "Uses rich on a terminal when it is installed; plain text otherwise."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .txt, .json or .jsonl file, or '-'")
    p.add_argument("--plain", action="store_true", help="plain text even on a terminal")
    p.add_argument("--width", type=int, default=100, help="wrap plain text at this width")
    p.set_defaults(run=run, command_parser=p)


@attrs.frozen
class View:
    """What ``show`` displays, as plain strings (shared by the plain and rich views)."""

    heading: str
    facts: str
    outline: tuple[str, ...]
    actors: tuple[tuple[str, str, str, str], ...]
    statements: tuple[tuple[str, str, str], ...]
    claims: tuple[tuple[str, str, str], ...]
    diagnostics: tuple[str, ...]


def _name(article: Article, actor_id: str | None) -> str:
    if actor_id is None:
        return "?"
    actor = article.actor(actor_id)
    return actor.name if actor is not None else actor_id


def _where(index: ArticleIndex, item: object) -> str:
    location = index.location(item)
    if location.part == "section":
        return location.heading or f"section {location.section}"
    return location.part.replace("_", " ")


def _statement(article: Article, index: ArticleIndex, st: Statement) -> tuple[str, str, str]:
    speaker = _name(article, st.speaker)
    if st.speaker is None and st.speaker_span is not None:
        speaker = f"“{article.text_of(st.speaker_span)}” (unresolved)"
    head = f"{speaker} — {st.cue or '?'} ({st.kind.value}) · {_where(index, st)}"
    extra = []
    if st.addressees:
        extra.append("to " + ", ".join(_name(article, a) for a in st.addressees))
    if st.about:
        extra.append("about " + ", ".join(_name(article, a) for a in st.about))
    return head, article.text_of(st.content_span), "; ".join(extra)


def _claim(article: Article, index: ArticleIndex, claim: Claim) -> tuple[str, str, str]:
    source = claim.source
    if source.kind == "actor":
        who = _name(article, source.actor_id)
    elif source.kind == "anonymous":
        who = f"anonymous “{article.text_of(source.span)}”"
    else:
        who = "the article"
    cue = f" ({claim.cue})" if claim.cue else ""
    modality = (
        claim.modality.value.upper() if claim.modality.value == "hedged" else claim.modality.value
    )
    negated = " · negated" if claim.negated else ""
    head = f"{modality}{negated} · {who}{cue} · {_where(index, claim)}"
    hedges = ", ".join(f"“{article.text_of(h.span)}”" for h in claim.hedges)
    about = ", ".join(_name(article, a) for a in claim.about)
    extra = "; ".join(
        x for x in (f"hedges {hedges}" if hedges else "", f"about {about}" if about else "") if x
    )
    return head, article.text_of(claim.span), extra


def build_view(article: Article) -> View:
    """The :class:`View` of an article."""
    index = ArticleIndex(article)
    if article.title is not None:
        heading = article.text_of(article.title)
    else:
        first = article.text.strip().split("\n", 1)[0]
        heading = first[:80] + ("…" if len(first) > 80 else "")
    meta = article.metadata
    facts = " · ".join(
        x
        for x in (
            f"id {article.id}",
            f"layout {article.layout.value}",
            f"{len(article.text)} chars",
            f"source {meta.source}" if meta.source else "",
            f"date {meta.date.isoformat()}" if meta.date else "",
        )
        if x
    )
    outline = tuple(
        f"{o.number if o.number is not None else '-'}. {article.text_of(o.span)}"
        for o in article.outline
    ) or tuple(article.text_of(s.heading) for s in article.sections if s.heading is not None)
    counts: dict[str, int] = {}
    for m in article.mentions:
        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    actors = tuple(
        (a.id, a.kind.value, str(counts.get(a.id, 0)), ", ".join((a.name, *a.aliases)))
        for a in sorted(article.actors, key=lambda a: (-counts.get(a.id, 0), a.id))
    )
    return View(
        heading=heading,
        facts=facts,
        outline=outline,
        actors=actors,
        statements=tuple(_statement(article, index, s) for s in article.statements),
        claims=tuple(_claim(article, index, c) for c in article.claims),
        diagnostics=tuple(
            f"{d.severity.value}: {d.code}: {d.message}" for d in article.diagnostics
        ),
    )


def render_plain(view: View, out: TextIO, width: int = 100) -> None:
    """Write the view as plain text."""
    w = out.write
    w(f"{view.heading}\n{'=' * min(len(view.heading), width)}\n{view.facts}\n")
    if view.outline:
        w("\nOUTLINE\n")
        for line in view.outline:
            w(f"  {line}\n")
    w(f"\nACTORS ({len(view.actors)})\n")
    if view.actors:
        widths = [max(len(r[i]) for r in view.actors) for i in range(3)]
        w(f"  {'id':<{widths[0]}}  {'kind':<{widths[1]}}  {'n':>{widths[2]}}  names\n")
        for r in view.actors:
            w(f"  {r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}\n")
    for title, rows in (("STATEMENTS", view.statements), ("CLAIMS", view.claims)):
        w(f"\n{title} ({len(rows)})\n")
        for i, (head, text, extra) in enumerate(rows, start=1):
            w(f"  [{i}] {head}\n")
            w(
                textwrap.fill(text, width, initial_indent="      ", subsequent_indent="      ")
                + "\n"
            )
            if extra:
                w(f"      ({extra})\n")
    if view.diagnostics:
        w(f"\nDIAGNOSTICS ({len(view.diagnostics)})\n")
        for line in view.diagnostics:
            w(f"  {line}\n")


def render_rich(view: View, console: Any) -> None:
    """Print the view with rich tables and colours."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    console.rule(Text(view.heading, style="bold"))
    console.print(Text(view.facts, style="dim"))
    if view.outline:
        console.print(Text("\nOutline", style="bold underline"))
        for line in view.outline:
            console.print(f"  {line}", markup=False)
    table = Table(title=f"Actors ({len(view.actors)})", title_justify="left", expand=False)
    for name, justify in (
        ("id", "left"),
        ("kind", "left"),
        ("mentions", "right"),
        ("names", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    colours = {"person": "cyan", "state": "green", "organization": "magenta", "group": "yellow"}
    for r in view.actors:
        table.add_row(r[0], Text(r[1], style=colours.get(r[1], "blue")), r[2], r[3])
    console.print()
    console.print(table)
    for title, rows, style in (
        ("Statements", view.statements, "cyan"),
        ("Claims", view.claims, "yellow"),
    ):
        console.print(Text(f"\n{title} ({len(rows)})", style="bold underline"))
        for i, (head, text, extra) in enumerate(rows, start=1):
            head_text = Text(f"[{i}] {head}", style=style)
            if head.startswith("HEDGED"):
                head_text.stylize("bold red", 4 + len(str(i)), 4 + len(str(i)) + 6)
            console.print(head_text)
            console.print(Padding(Text(text), (0, 0, 0, 4)))
            if extra:
                console.print(Padding(Text(f"({extra})", style="dim"), (0, 0, 0, 4)))
    if view.diagnostics:
        console.print(Text(f"\nDiagnostics ({len(view.diagnostics)})", style="bold underline"))
        for line in view.diagnostics:
            console.print(f"  {line}", markup=False)


def run(args: argparse.Namespace) -> int:
    """Run ``geobrief show``."""
    failures: list[str] = []
    console = None if args.plain else rich_console(sys.stdout)
    first = True
    for article in load_articles(args.paths, failures):
        view = build_view(article)
        if console is not None:
            render_rich(view, console)
        else:
            if not first:
                sys.stdout.write("\n")
            render_plain(view, sys.stdout, args.width)
        first = False
    return EXIT_FAILED if failures else EXIT_OK
