"""Speed of geobrief against baselines measured in the same run, reported as ratios.

(a) ``geobrief.parse`` of the seed brief against one regex tokenization pass
    ``re.findall(r"\\w+|[^\\w\\s]", text)`` over the same text: the whole pipeline, and the
    structure stage alone (the issue's target, at most 5x, is for the structure parse).
(b) A JSON round trip, ``loads(dumps_bytes(article))`` (bytes, msgspec's own API; the
    ``str`` round trip is timed against msgspec plus the same ``str`` conversion), of a
    seed-sized article with about 150
    spans against msgspec doing the same with an equivalent ``msgspec.Struct`` model
    (same fields and JSON; the checks msgspec can express itself: non-negative offsets
    and indexes, actor-id/ISO/Wikidata patterns, enums, the ``kind``-tagged source
    union, no unknown fields) (target: at most 2x). The article is built
    deterministically from the seed text (paragraphs, sentences, mentions, statements,
    claims with every source kind), so the figure does not move when the parser
    changes; the parsed seed itself is measured too, for information.

Each figure is the minimum over ``--repeat`` timeit runs (the least disturbed one) of
this process's CPU time, so a busy machine disturbs both sides of a ratio alike; the runs
of the two sides of a ratio alternate, so a slow stretch cannot fall on one side only.

    python benchmarks/speed.py                 # print the table
    python benchmarks/speed.py --json out.json # also write the figures as JSON
"""

from __future__ import annotations

import argparse
import datetime
import enum
import json
import platform
import re
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import msgspec
from msgspec import Meta, Struct

import geobrief
from geobrief import (
    Actor,
    ActorKind,
    ActorSource,
    AnonymousSource,
    Article,
    ArticleSource,
    Claim,
    Hedge,
    KeyPoint,
    Layout,
    Mention,
    Modality,
    Paragraph,
    Section,
    Span,
    Statement,
    StatementKind,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "russia_north_korea_brief.txt"
TOKEN = re.compile(r"\w+|[^\w\s]")


# --------------------------------------------------------------------------- #
# The msgspec baseline model: the same fields and JSON as geobrief's classes
# --------------------------------------------------------------------------- #

Offset = Annotated[int, Meta(ge=0)]
ActorId = Annotated[str, Meta(pattern=r"^(person|state|org|group|loc):[^\s:]+$")]
Iso3 = Annotated[str, Meta(pattern=r"^[A-Z]{3}$")]
Qid = Annotated[str, Meta(pattern=r"^Q[1-9][0-9]*$")]
Version = Annotated[str, Meta(pattern=r"^1\.(0|[1-9][0-9]*)$")]
_STRUCT = {"kw_only": True, "frozen": True, "forbid_unknown_fields": True}
_TAGGED = {**_STRUCT, "tag_field": "kind"}


class MKind(enum.Enum):
    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    GROUP = "group"
    LOCATION = "location"


class MStatementKind(enum.Enum):
    DIRECT = "direct"
    REPORTED = "reported"
    PARTIAL = "partial"


class MModality(enum.Enum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    HEDGED = "hedged"


class MSeverity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class MLayout(enum.Enum):
    BRIEF = "brief"
    MARKDOWN = "markdown"
    PLAIN = "plain"


class MSpan(Struct, **_STRUCT):
    start: Offset
    end: Offset


class MParagraph(Struct, **_STRUCT):
    span: MSpan
    sentences: tuple[MSpan, ...] = ()


class MOutlineEntry(Struct, **_STRUCT):
    span: MSpan
    number: Offset | None = None
    section: Offset | None = None


class MSection(Struct, **_STRUCT):
    span: MSpan
    heading: MSpan | None = None
    level: Offset = 1
    paragraphs: tuple[MParagraph, ...] = ()


class MKeyPoint(Struct, **_STRUCT):
    span: MSpan
    number: Offset | None = None
    sentences: tuple[MSpan, ...] = ()


class MFaqItem(Struct, **_STRUCT):
    question: MSpan
    answer: tuple[MParagraph, ...] = ()


class MMetadata(Struct, **_STRUCT):
    source: str | None = None
    dateline: MSpan | None = None
    place: str | None = None
    agency: str | None = None
    date: datetime.date | None = None


class MDiagnostic(Struct, **_STRUCT):
    code: str
    message: str
    severity: MSeverity = MSeverity.WARNING
    span: MSpan | None = None


class MActor(Struct, **_STRUCT):
    id: ActorId
    kind: MKind
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: ActorId | None = None
    iso3: Iso3 | None = None
    wikidata: Qid | None = None


class MMention(Struct, **_STRUCT):
    actor_id: ActorId
    span: MSpan


class MStatement(Struct, **_STRUCT):
    kind: MStatementKind
    content_span: MSpan
    speaker: ActorId | None = None
    speaker_span: MSpan | None = None
    cue: str | None = None
    cue_span: MSpan | None = None
    addressees: tuple[ActorId, ...] = ()
    about: tuple[ActorId, ...] = ()


class MActorSource(Struct, tag="actor", **_TAGGED):
    actor_id: ActorId | None = None
    span: MSpan | None = None


class MAnonymousSource(Struct, tag="anonymous", **_TAGGED):
    span: MSpan


class MArticleSource(Struct, tag="article", **_TAGGED):
    pass


class MHedge(Struct, **_STRUCT):
    cue: str
    span: MSpan


class MClaim(Struct, **_STRUCT):
    span: MSpan
    source: Union[MActorSource, MAnonymousSource, MArticleSource]
    modality: MModality
    cue: str | None = None
    cue_span: MSpan | None = None
    hedges: tuple[MHedge, ...] = ()
    negated: bool = False
    negation_span: MSpan | None = None
    about: tuple[ActorId, ...] = ()
    statement: Offset | None = None


class MArticle(Struct, **_STRUCT):
    id: str
    text: str
    schema_version: Version = "1.0"
    layout: MLayout = MLayout.PLAIN
    title: MSpan | None = None
    lead: MParagraph | None = None
    outline: tuple[MOutlineEntry, ...] = ()
    sections: tuple[MSection, ...] = ()
    key_points: tuple[MKeyPoint, ...] = ()
    summary: tuple[MParagraph, ...] = ()
    faq: tuple[MFaqItem, ...] = ()
    actors: tuple[MActor, ...] = ()
    mentions: tuple[MMention, ...] = ()
    statements: tuple[MStatement, ...] = ()
    claims: tuple[MClaim, ...] = ()
    metadata: MMetadata = msgspec.field(default_factory=MMetadata)
    diagnostics: tuple[MDiagnostic, ...] = ()


_ = Literal  # (the tagged union above replaces geobrief's Literal kind fields)


# --------------------------------------------------------------------------- #
# A deterministic seed-sized article with about 150 spans
# --------------------------------------------------------------------------- #

NAMES = {
    "Sergey Lavrov": ("person:sergey-lavrov", ActorKind.PERSON),
    "Lavrov": ("person:sergey-lavrov", ActorKind.PERSON),
    "Kim Jong Un": ("person:kim-jong-un", ActorKind.PERSON),
    "North Korea": ("state:PRK", ActorKind.STATE),
    "Russia": ("state:RUS", ActorKind.STATE),
    "Japan": ("state:JPN", ActorKind.STATE),
    "South Korea": ("state:KOR", ActorKind.STATE),
    "United States": ("state:USA", ActorKind.STATE),
}


def synthetic_article(text: str) -> Article:
    """Lines become paragraphs (up to three sentences each), every fourth line after the
    outline a heading; names become mentions; cues become statements and claims."""

    def span(match: re.Match[str], offset: int = 0) -> Span:
        return Span(start=match.start() + offset, end=match.end() + offset)

    lines = [span(m) for m in re.finditer(r"[^\n]+", text)]

    def paragraph(line: Span) -> Paragraph:
        sentences = re.finditer(r"[^.!?]+[.!?]*", text[line.start : line.end])
        return Paragraph(span=line, sentences=tuple(span(m, line.start) for m in sentences)[:3])

    sections = tuple(
        Section(
            span=Span(start=lines[i].start, end=lines[i + 2].end),
            heading=lines[i],
            paragraphs=(paragraph(lines[i + 1]), paragraph(lines[i + 2])),
        )
        for i in range(7, 22, 3)
    )
    pattern = re.compile("|".join(re.escape(name) for name in NAMES))
    found = [(m, NAMES[m.group()]) for m in pattern.finditer(text)]
    actors = {
        actor_id: Actor(
            id=actor_id,
            kind=kind,
            name=m.group(),
            iso3=actor_id[6:] if kind is ActorKind.STATE else None,
        )
        for m, (actor_id, kind) in found
    }
    mentions = tuple(Mention(actor_id=actor_id, span=span(m)) for m, (actor_id, _) in found)[:60]
    statements = tuple(
        Statement(
            kind=StatementKind.REPORTED,
            content_span=Span(start=m.end() + 1, end=min(m.end() + 60, len(text))),
            speaker="person:sergey-lavrov",
            cue="warn",
            cue_span=span(m),
        )
        for m in re.finditer(r"warn|indicated|characterized", text)
    )
    sources: list[geobrief.ClaimSource] = [
        ArticleSource(),
        AnonymousSource(span=Span(start=0, end=10)),
        ActorSource(actor_id="state:RUS", span=Span(start=30, end=36)),
    ]
    claims = tuple(
        Claim(
            span=Span(start=m.start(), end=min(m.end() + 50, len(text))),
            source=sources[i % 3],
            modality=Modality.HEDGED,
            hedges=(Hedge(cue=m.group(), span=span(m)),),
            about=("state:PRK",),
        )
        for i, m in enumerate(re.finditer(r"\b(may|suggest|likely|could)\b", text))
    )
    return Article(
        id=geobrief.article_id(text),
        text=text,
        layout=Layout.BRIEF,
        lead=paragraph(lines[0]),
        sections=sections,
        key_points=tuple(KeyPoint(span=line, number=n) for n, line in enumerate(lines[24:29])),
        summary=(paragraph(lines[31]),),
        actors=tuple(sorted(actors.values(), key=lambda actor: actor.id)),
        mentions=mentions,
        statements=statements,
        claims=claims,
    )


# --------------------------------------------------------------------------- #
# Measuring
# --------------------------------------------------------------------------- #


def best(function: Callable[[], object], repeat: int, min_time: float = 0.2) -> float:
    """Seconds per call: the minimum over ``repeat`` timeit runs of ~``min_time`` each.

    The clock is this process's CPU time (``time.process_time``), not wall time, so
    other processes on a busy machine do not inflate one side of a ratio."""
    timer = timeit.Timer(function, timer=time.process_time)
    number, _ = timer.autorange()
    number = max(1, int(number * min_time / 0.2))
    return min(timer.repeat(repeat=repeat, number=number)) / number


def best_interleaved(
    functions: dict[str, Callable[[], object]], repeat: int, min_time: float = 0.2
) -> dict[str, float]:
    """Seconds per call of each function, like :func:`best`, but the timeit runs of all the
    functions alternate (run 1 of each, then run 2 of each, ...), so a stretch in which
    the machine is slower or faster falls on every side of a ratio alike."""
    timers = {}
    for name, function in functions.items():
        timer = timeit.Timer(function, timer=time.process_time)
        number, _ = timer.autorange()
        timers[name] = (timer, max(1, int(number * min_time / 0.2)))
    found = dict.fromkeys(functions, float("inf"))
    for _ in range(repeat):
        for name, (timer, number) in timers.items():
            found[name] = min(found[name], timer.timeit(number) / number)
    return found


def measure(repeat: int) -> dict[str, Any]:
    """Run every timing; return the figures."""
    text = SEED.read_text("utf-8")
    results: dict[str, Any] = {}

    default = geobrief.default_pipeline()
    structure = geobrief.Pipeline(stages=[s for s in default.stages if s[0] == "structure"])
    structure_actors = geobrief.Pipeline(
        stages=[s for s in default.stages if s[0] in {"structure", "actors"}]
    )
    timed = best_interleaved(
        {
            "baseline": lambda: TOKEN.findall(text),
            "parse": lambda: geobrief.parse(text),
            "parse_structure": lambda: structure.parse(text),
            "parse_structure_actors": lambda: structure_actors.parse(text),
        },
        repeat,
    )
    tokens = timed["baseline"]
    for key in ("parse", "parse_structure", "parse_structure_actors"):
        seconds = timed[key]
        results[key] = {"geobrief_s": seconds, "baseline_s": tokens, "ratio": seconds / tokens}

    article = synthetic_article(text)
    spans = sum(1 for _ in article.iter_spans())
    encoder = msgspec.json.Encoder()
    decoder = msgspec.json.Decoder(MArticle)
    twin = decoder.decode(geobrief.dumps_bytes(article))
    # the two models write the same JSON and read back what they wrote
    assert json.loads(encoder.encode(twin)) == json.loads(geobrief.dumps(article))
    assert article == geobrief.loads(geobrief.dumps(article))
    assert twin == decoder.decode(encoder.encode(twin))

    # bytes against bytes (msgspec's own API), and str against str
    trips = best_interleaved(
        {
            "baseline": lambda: decoder.decode(encoder.encode(twin)),
            "ours": lambda: geobrief.loads(geobrief.dumps_bytes(article)),
            "baseline_str": lambda: decoder.decode(encoder.encode(twin).decode("utf-8")),
            "ours_str": lambda: geobrief.loads(geobrief.dumps(article)),
        },
        repeat,
    )
    baseline, ours = trips["baseline"], trips["ours"]
    baseline_str, ours_str = trips["baseline_str"], trips["ours_str"]
    results["round_trip"] = {
        "spans": spans,
        "json_bytes": len(geobrief.dumps_bytes(article)),
        "geobrief_s": ours,
        "baseline_s": baseline,
        "ratio": ours / baseline,
    }
    results["round_trip_str"] = {
        "geobrief_s": ours_str,
        "baseline_s": baseline_str,
        "ratio": ours_str / baseline_str,
    }
    encoded = geobrief.dumps_bytes(article)
    results["parts"] = {
        "dumps_bytes_s": best(lambda: geobrief.dumps_bytes(article), repeat),
        "loads_s": best(lambda: geobrief.loads(encoded), repeat),
        "msgspec_encode_s": best(lambda: encoder.encode(twin), repeat),
        "msgspec_decode_s": best(lambda: decoder.decode(encoded), repeat),
    }

    # input that is not byte-identical to dumps output (indented) takes the longer check
    indented = geobrief.dumps(article, indent=2)
    indented_bytes = msgspec.json.format(encoder.encode(twin), indent=2)
    slow = best(lambda: geobrief.loads(indented), repeat)
    slow_base = best(lambda: decoder.decode(indented_bytes), repeat)
    results["loads_indented"] = {
        "geobrief_s": slow,
        "baseline_s": slow_base,
        "ratio": slow / slow_base,
    }

    parsed = geobrief.parse(text)
    parsed_twin = decoder.decode(geobrief.dumps_bytes(parsed))
    real = best(lambda: geobrief.loads(geobrief.dumps_bytes(parsed)), repeat)
    real_base = best(lambda: decoder.decode(encoder.encode(parsed_twin)), repeat)
    results["round_trip_parsed_seed"] = {
        "spans": sum(1 for _ in parsed.iter_spans()),
        "geobrief_s": real,
        "baseline_s": real_base,
        "ratio": real / real_base,
    }
    results["environment"] = {
        "python": platform.python_version(),
        "msgspec": msgspec.__version__,
        "geobrief": geobrief.__version__,
        "repeat": repeat,
    }
    return results


def report(results: dict[str, Any]) -> str:
    """The figures as a small table."""

    def us(seconds: float) -> str:
        return f"{seconds * 1e6:10.1f} µs"

    rt = results["round_trip"]
    rows = [
        ("parse(seed), structure stage only, vs regex tokens", results["parse_structure"], "≤ 5x"),
        ("parse(seed), structure + actors", results["parse_structure_actors"], "≤ 10x"),
        ("parse(seed), all stages", results["parse"], "≤ 15x"),
        (f"loads(dumps_bytes(a)), {rt['spans']} spans, vs msgspec", rt, "≤ 2x"),
        ("loads(dumps(a)), str, vs msgspec + str", results["round_trip_str"], ""),
        ("loads(indented JSON) vs msgspec decode", results["loads_indented"], ""),
        (
            f"loads(dumps_bytes(parse(seed))), {results['round_trip_parsed_seed']['spans']} spans",
            results["round_trip_parsed_seed"],
            "",
        ),
    ]
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{'':{width}}  {'geobrief':>13}  {'baseline':>13}  {'ratio':>6}  target"]
    for name, row, target in rows:
        lines.append(
            f"{name:{width}}  {us(row['geobrief_s'])}  {us(row['baseline_s'])}  "
            f"{row['ratio']:5.2f}x  {target}"
        )
    parts = results["parts"]
    lines.append(
        f"(dumps_bytes {parts['dumps_bytes_s'] * 1e6:.1f} µs, "
        f"loads {parts['loads_s'] * 1e6:.1f} µs; "
        f"msgspec encode {parts['msgspec_encode_s'] * 1e6:.1f} µs, "
        f"decode {parts['msgspec_decode_s'] * 1e6:.1f} µs)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="timeit runs per figure (min taken)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    results = measure(args.repeat)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
