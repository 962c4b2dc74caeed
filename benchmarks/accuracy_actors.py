"""Score geobrief's actor mentions against named-entity gold on real Wikinews text.

Data (read-only, outside the repo): ``../shared/eval`` next to the repository, or ``--eval-dir``.

* GUM Wikinews (``gum-wikinews/derived/gum_wikinews.jsonl``): gold = mentions with
  ``mention_kind == "name"`` and ``etype`` in person / organization / place. Reported for all
  documents, the ``news`` genre and the ``interview`` genre.
* MEANTIME English (``meantime-wikinews/derived/meantime_en.jsonl``): gold = ``NAM``/``PRE.NAM``
  mentions of ``PER``/``ORG``/``LOC`` that end inside ``annotated_zone_end``; only predictions
  inside that zone are scored.

Type mapping of our actors: person -> person, organization -> organization, state and
location -> place; group mentions (``the West``) are not named entities in either gold and are
left out. Demonym mentions (``Russian`` -> Russia) are scored on MEANTIME, which annotates
them as LOC (PRE.NAM), and left out on GUM, which annotates no adjectives as names (as spaCy's
NORP label is left out); ``--keep-demonyms`` scores them on GUM too.

Exact = same start, end and type. Overlap = at least one shared character and the same type,
matched one-to-one (greedily, largest overlap first). Time is the whole ``geobrief.parse``.

    python benchmarks/accuracy_actors.py [--json results.json] [--spacy]
    python benchmarks/accuracy_actors.py --errors place --dataset gum-wikinews  # FNs and FPs
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import geobrief
from geobrief.actors import Gazetteer

TYPES = ("person", "organization", "place")
OUR_TYPES = {
    "person": "person",
    "organization": "organization",
    "state": "place",
    "location": "place",
}
MEANTIME_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
SPACY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}

Mention = tuple[int, int, str]
Predictor = Callable[[str], list[Mention]]


def geobrief_mentions(text: str) -> list[Mention]:
    """Our mentions as (start, end, type)."""
    article = geobrief.parse(text)
    kinds = {a.id: a.kind.value for a in article.actors}
    out = []
    for m in article.mentions:
        kind = OUR_TYPES.get(kinds.get(m.actor_id, ""))
        if kind is not None:
            out.append((m.span.start, m.span.end, kind))
    return out


DEMONYMS = frozenset(
    surface for surface, entry in Gazetteer.default().entries if entry.role == "demonym"
)


def without_demonyms(predict: Predictor) -> Predictor:
    """GUM annotates no adjectives as names (``Russian`` officials): drop our demonym-only
    mentions there, as spaCy's NORP label is dropped."""

    def wrapped(text: str) -> list[Mention]:
        return [m for m in predict(text) if text[m[0] : m[1]] not in DEMONYMS]

    return wrapped


def spacy_predictor() -> Predictor | None:
    """spaCy's small English model, if it is installed; else None."""
    try:
        import spacy  # type: ignore[import-not-found]

        nlp = spacy.load("en_core_web_sm")
    except (ImportError, OSError):
        return None

    def predict(text: str) -> list[Mention]:
        return [
            (e.start_char, e.end_char, SPACY_TYPES[e.label_])
            for e in nlp(text).ents
            if e.label_ in SPACY_TYPES
        ]

    return predict


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def gum_docs(eval_dir: Path) -> Iterator[tuple[str, str, list[Mention], int]]:
    """(genre, text, gold mentions, zone end) per GUM document."""
    for doc in read_jsonl(eval_dir / "gum-wikinews" / "derived" / "gum_wikinews.jsonl"):
        gold = [
            (m["start"], m["end"], m["etype"])
            for m in doc["mentions"]
            if m["mention_kind"] == "name" and m["etype"] in TYPES
        ]
        yield doc["genre"], doc["text"], gold, len(doc["text"])


def meantime_docs(eval_dir: Path) -> Iterator[tuple[str, str, list[Mention], int]]:
    for doc in read_jsonl(eval_dir / "meantime-wikinews" / "derived" / "meantime_en.jsonl"):
        zone = doc["annotated_zone_end"]
        gold = [
            (m["start"], m["end"], MEANTIME_TYPES[m["ent_type"]])
            for m in doc["mentions"]
            if m["syntactic_type"] in ("NAM", "PRE.NAM")
            and m["ent_type"] in MEANTIME_TYPES
            and m["end"] <= zone
        ]
        yield "news", doc["text"], gold, zone


def match_overlap(gold: list[Mention], pred: list[Mention]) -> int:
    """One-to-one matches of the same type sharing at least one character, largest first."""
    return len(overlap_pairs(gold, pred)[0])


def overlap_pairs(gold: list[Mention], pred: list[Mention]) -> tuple[set[int], set[int]]:
    """Indices of the gold and predicted mentions matched by :func:`match_overlap`."""
    pairs = []
    for gi, (gs, ge, gt) in enumerate(gold):
        for pi, (ps, pe, pt) in enumerate(pred):
            if gt == pt and ps < ge and gs < pe:
                pairs.append((min(ge, pe) - max(gs, ps), gi, pi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return used_g, used_p


class Score:
    """Counts per type for exact and overlap matching."""

    def __init__(self) -> None:
        self.counts = {t: {"gold": 0, "pred": 0, "exact": 0, "overlap": 0} for t in TYPES}

    def add(self, gold: list[Mention], pred: list[Mention]) -> None:
        for t in TYPES:
            g = [m for m in gold if m[2] == t]
            p = [m for m in pred if m[2] == t]
            c = self.counts[t]
            c["gold"] += len(g)
            c["pred"] += len(p)
            c["exact"] += len(set(g) & set(p))
            c["overlap"] += match_overlap(g, p)

    def prf(self, t: str, mode: str) -> tuple[float, float, float]:
        c = self.counts[t]
        p = c[mode] / c["pred"] if c["pred"] else 0.0
        r = c[mode] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for t in TYPES:
            out[t] = dict(self.counts[t])
            for mode in ("exact", "overlap"):
                p, r, f = self.prf(t, mode)
                out[t][mode + "_prf"] = [round(p, 4), round(r, 4), round(f, 4)]
        return out


def evaluate(
    docs: Iterable[tuple[str, str, list[Mention], int]], predict: Predictor
) -> tuple[dict[str, Score], int, float]:
    scores: dict[str, Score] = {}
    chars = 0
    elapsed = 0.0
    for genre, text, gold, zone in docs:
        t0 = time.perf_counter()
        pred = predict(text)
        elapsed += time.perf_counter() - t0
        chars += len(text)
        pred = [m for m in pred if m[1] <= zone]
        for key in ("all", genre):
            scores.setdefault(key, Score()).add(gold, pred)
    return scores, chars, elapsed


def print_errors(
    docs: Iterable[tuple[str, str, list[Mention], int]],
    predict: Predictor,
    etype: str,
    subset: str,
    width: int = 40,
) -> None:
    """Print the unmatched gold (FN) and predicted (FP) mentions of ``etype`` under overlap
    matching, with context; a FN/FP whose span another type covers says which type."""

    def show(text: str, m: Mention, other: list[Mention]) -> str:
        s, e = m[0], m[1]
        left = text[max(0, s - width) : s].replace("\n", " ")
        right = text[e : e + width].replace("\n", " ")
        crossed = sorted({o[2] for o in other if o[0] < e and s < o[1] and o[2] != m[2]})
        tag = f" [as {'/'.join(crossed)}]" if crossed else ""
        return f"{left:>{width}}[[{text[s:e]}]]{right}{tag}"

    for doc_no, (genre, text, gold, zone) in enumerate(docs):
        if subset not in ("all", genre):
            continue
        pred = [m for m in predict(text) if m[1] <= zone]
        g = [m for m in gold if m[2] == etype]
        p = [m for m in pred if m[2] == etype]
        used_g, used_p = overlap_pairs(g, p)
        for gi, m in enumerate(g):
            if gi not in used_g:
                print(f"FN doc{doc_no:<3} {show(text, m, pred)}")
        for pi, m in enumerate(p):
            if pi not in used_p:
                print(f"FP doc{doc_no:<3} {show(text, m, gold)}")


def print_table(
    system: str, dataset: str, scores: dict[str, Score], chars: int, secs: float
) -> None:
    speed = chars / secs if secs else 0.0
    print(f"\n{system} on {dataset}: {chars:,} chars in {secs:.2f} s ({speed:,.0f} chars/s)")
    print(
        f"{'subset':<10} {'type':<13} {'gold':>5} {'pred':>5}  "
        f"{'exact P/R/F1':<20} {'overlap P/R/F1':<20}"
    )
    for key, score in scores.items():
        for t in TYPES:
            c = score.counts[t]
            ex = "/".join(f"{v:.2f}" for v in score.prf(t, "exact"))
            ov = "/".join(f"{v:.2f}" for v in score.prf(t, "overlap"))
            print(f"{key:<10} {t:<13} {c['gold']:>5} {c['pred']:>5}  {ex:<20} {ov:<20}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_eval = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
    parser.add_argument("--eval-dir", type=Path, default=default_eval)
    parser.add_argument("--json", type=Path, help="write the results to this JSON file")
    parser.add_argument("--spacy", action="store_true", help="also score spaCy en_core_web_sm")
    parser.add_argument(
        "--keep-demonyms",
        action="store_true",
        help="score our demonym mentions on GUM too (GUM does not annotate adjectives)",
    )
    parser.add_argument(
        "--errors",
        choices=TYPES,
        help="print our false negatives and false positives of this type (overlap) and stop",
    )
    parser.add_argument("--dataset", choices=("gum-wikinews", "meantime-wikinews"))
    parser.add_argument("--subset", default="news", help="genre for --errors (default: news)")
    args = parser.parse_args(argv)
    if not (args.eval_dir / "gum-wikinews").is_dir():
        print(f"evaluation data not found in {args.eval_dir}", file=sys.stderr)
        return 2
    systems: list[tuple[str, Predictor]] = [("geobrief", geobrief_mentions)]
    if args.spacy:
        nlp = spacy_predictor()
        if nlp is None:
            print("spaCy or en_core_web_sm is not installed: skipping --spacy", file=sys.stderr)
        else:
            systems.append(("spacy-en_core_web_sm", nlp))
    datasets = (("gum-wikinews", gum_docs), ("meantime-wikinews", meantime_docs))
    if args.errors:
        for dataset, docs in datasets:
            if args.dataset in (None, dataset):
                print(f"\n== {dataset}: {args.errors} errors ({args.subset}) ==")
                predict_here = (
                    geobrief_mentions
                    if dataset != "gum-wikinews" or args.keep_demonyms
                    else without_demonyms(geobrief_mentions)
                )
                print_errors(docs(args.eval_dir), predict_here, args.errors, args.subset)
        return 0
    results: dict[str, Any] = {}
    for system, predict in systems:
        for dataset, docs in datasets:
            if dataset == "gum-wikinews" and system == "geobrief" and not args.keep_demonyms:
                predict_here = without_demonyms(predict)
            else:
                predict_here = predict
            scores, chars, secs = evaluate(docs(args.eval_dir), predict_here)
            print_table(system, dataset, scores, chars, secs)
            results.setdefault(system, {})[dataset] = {
                "chars": chars,
                "seconds": round(secs, 3),
                "chars_per_second": round(chars / secs) if secs else None,
                "subsets": {k: s.as_dict() for k, s in scores.items()},
            }
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
