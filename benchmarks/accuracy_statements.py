"""Score geobrief's statements against real attribution gold.

Data (read-only, outside the repo): ``../shared/eval/gum-wikinews`` (GUM
attribution relations) and ``../shared/eval/meantime-wikinews`` (MEANTIME
speech events). Run from the repository root::

    python benchmarks/accuracy_statements.py [--eval-dir DIR] [--json]
    python benchmarks/accuracy_statements.py --errors direct [--genre news]

Definitions (the same for every system):

- A gold item is **direct** when its content sits inside quote marks in the
  text (its first or last non-space character is a quote mark, or one comes
  right before it); otherwise **reported**. A predicted statement of kind
  ``direct`` or ``partial`` counts as direct, ``reported`` as reported.
- **Content found**: the predicted content overlaps the gold content by at
  least half of the shorter of the two (GUM); the SLINK head of the reported
  event lies inside the predicted content (MEANTIME).
- **Speaker correct**: one of the predicted speaker's strings (the speaker
  actor's name and aliases, and the speaker span's text unless it is an
  unresolved pronoun) names the gold speaker: equal after dropping
  determiners (a leading possessor such as ``PC World's`` counts as one) and
  a possessive ending, or the same last capitalized word (the
  surname), compared with every gold name string (GUM: ``name_mentions`` and
  ``mention_text`` of the speaker entity and the source span; MEANTIME: the
  Arg0 mention text and its entity name). A speaker span with an apposition
  (``X, editor of Y``), predicted or gold, offers each of its first two
  parts too.
- Recall over gold items of a kind; precision over predicted statements of
  that kind, counted correct when they match any gold attribution of the
  document (with a correct speaker for the speaker rows). MEANTIME counts only
  predictions inside the annotated zone and events with an Arg0 and an SLINK;
  a prediction that holds only the SLINK head of an event without an Arg0 is
  left out (it cannot be judged).
- **speech** rows keep gold items whose cue words include a speech cue of
  geobrief's lexicon (``say``, ``tell``, ``according to`` ...); **all** rows
  keep every attribution (GUM includes cognition verbs and photo credits).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from geobrief import Article, Span, StatementKind, parse
from geobrief.statements import cue_for_form

QUOTE_CHARS = set("\"“”„‟«»‘’‚‛‹›'")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


# ----------------------------------------------------------------------------- helpers


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def content_match(pred: Span, gold: Sequence[tuple[int, int]]) -> bool:
    if not gold:
        return False
    total = sum(overlap((pred.start, pred.end), g) for g in gold)
    gold_len = sum(g[1] - g[0] for g in gold)
    shorter = min(pred.end - pred.start, gold_len)
    return shorter > 0 and total * 2 >= shorter


def gold_is_direct(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Independent of geobrief: the gold content starts or ends at a quote mark."""
    if not spans:
        return False
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    inner = text[start:end].strip()
    if not inner:
        return False
    if inner[0] in QUOTE_CHARS or inner.rstrip(".,;:!?")[-1:] in QUOTE_CHARS:
        return True
    before = text[max(0, start - 3) : start].strip()
    return bool(before) and before[-1] in QUOTE_CHARS


def _normal(name: str) -> str:
    raw = re.findall(r"[\w.&'-]+", name.lower().replace("’", "'"))
    # A possessor before the head is a determiner too ("PC World's analysis" names
    # the same thing as "the analysis"); a possessive as the last word is the name.
    owner = next((i for i, w in enumerate(raw[:-1]) if w.endswith("'s")), None)
    if owner is not None:
        raw = raw[owner + 1 :]
    words = [w[:-2] if w.endswith("'s") else w.strip("'") for w in raw]
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _surname(name: str) -> str | None:
    caps = [
        w
        for w in re.findall(r"[\w.-]+", name.replace("’s", "").replace("'s", ""))
        if w[:1].isupper()
    ]
    return caps[-1].lower() if caps else None


def names_match(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    gold_list = [g for g in gold if g and g.strip()]
    gold_list += [part for g in gold_list for part in g.split(",")[:2] if part.strip()]
    for p in predicted:
        if not p or not p.strip():
            continue
        pn, ps = _normal(p), _surname(p)
        for g in gold_list:
            if pn and pn == _normal(g):
                return True
            gs = _surname(g)
            if ps is not None and ps == gs:
                return True
    return False


def predicted_names(article: Article, index: int) -> list[str]:
    statement = article.statements[index]
    names: list[str] = []
    if statement.speaker is not None:
        actor = article.actor(statement.speaker)
        if actor is not None:
            names.extend([actor.name, *actor.aliases])
    if statement.speaker_span is not None:
        text = article.text_of(statement.speaker_span)
        if not (statement.speaker is None and text.strip().lower() in PRONOUNS):
            names.append(text)
            # An apposition names the speaker in either part: "X, editor of Y".
            names.extend(part for part in text.split(",")[:2] if part.strip())
    return names


def is_speech_cue(words: Sequence[str]) -> bool:
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered):
        entry = cue_for_form(w)
        if entry is None and i + 1 < len(lowered):
            entry = cue_for_form(f"{w} {lowered[i + 1]}")
        if entry is not None and entry.cue_class == "speech":
            return True
    return False


def predicted_direct(kind: StatementKind) -> bool:
    return kind in (StatementKind.DIRECT, StatementKind.PARTIAL)


# ----------------------------------------------------------------------------- scoring


class Tally:
    def __init__(self) -> None:
        self.gold = 0
        self.gold_found = 0
        self.gold_speaker = 0
        self.pred = 0
        self.pred_found = 0
        self.pred_speaker = 0

    def row(self) -> dict[str, Any]:
        def f1(p: float, r: float) -> float:
            return 0.0 if p + r == 0 else 2 * p * r / (p + r)

        def div(a: int, b: int) -> float:
            return a / b if b else 0.0

        pc, rc = div(self.pred_found, self.pred), div(self.gold_found, self.gold)
        ps, rs = div(self.pred_speaker, self.pred), div(self.gold_speaker, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "content_p": round(pc, 3),
            "content_r": round(rc, 3),
            "content_f1": round(f1(pc, rc), 3),
            "speaker_p": round(ps, 3),
            "speaker_r": round(rs, 3),
            "speaker_f1": round(f1(ps, rs), 3),
        }


ROWS = ("direct/speech", "direct/all", "direct-cued/speech", "reported/speech", "reported/all")


def _tallies() -> dict[str, Tally]:
    return {row: Tally() for row in ROWS}


def _tally(tallies: dict[str, Tally], golds: list[dict[str, Any]], preds: list[Any]) -> None:
    """Add one document's gold items and predictions to every row.

    ``direct-cued`` keeps only predicted quotations with a cue of their own
    (it leaves out quotations that inherit the previous quotation's speaker,
    which attribution-layer gold rarely annotates); it is a supplementary view.
    """
    for row, t in tallies.items():
        kind, subset = row.split("/")
        want_direct = kind.startswith("direct")
        row_preds = [p for p in preds if predicted_direct(p[0].kind) == want_direct]
        if kind == "direct-cued":
            row_preds = [p for p in row_preds if p[0].cue is not None]
        for g in golds:
            if g["direct"] != want_direct or (subset == "speech" and not g["speech"]):
                continue
            t.gold += 1
            hits = [p for p in preds if g in p[2] and (kind != "direct-cued" or p in row_preds)]
            if hits:
                t.gold_found += 1
            if any(names_match(p[1], g["names"]) for p in hits):
                t.gold_speaker += 1
        for _, names, matches in row_preds:
            t.pred += 1
            if matches:
                t.pred_found += 1
            if any(names_match(names, g["names"]) for g in matches):
                t.pred_speaker += 1


def _gum_documents(
    path: Path, genre: str
) -> Iterable[tuple[str, Article, list[dict[str, Any]], list[Any]]]:
    """Each GUM document of ``genre``: text, parse, gold items and predictions."""
    for line in path.read_text("utf-8").splitlines():
        doc = json.loads(line)
        if doc["genre"] != genre:
            continue
        text = doc["text"]
        article = parse(text)
        golds = []
        for a in doc["attributions"]:
            spans = [(c["start"], c["end"]) for c in a["content"]]
            entity = a.get("speaker_entity") or {}
            names = [
                *entity.get("name_mentions", []),
                entity.get("mention_text") or "",
                a["source"]["text"],
            ]
            golds.append(
                {
                    "spans": spans,
                    "names": names,
                    "direct": gold_is_direct(text, spans),
                    "speech": is_speech_cue([c["text"] for c in a["cue"]]),
                }
            )
        preds = []
        for i, st in enumerate(article.statements):
            names = predicted_names(article, i)
            matches = [g for g in golds if content_match(st.content_span, g["spans"])]
            preds.append((st, names, matches))
        yield text, article, golds, preds


def score_gum(path: Path, genre: str) -> dict[str, dict[str, Any]]:
    tallies = _tallies()
    for _, _, golds, preds in _gum_documents(path, genre):
        _tally(tallies, golds, preds)
    return {k: v.row() for k, v in tallies.items()}


def _in_context(text: str, start: int, end: int, pad: int = 70) -> str:
    shown = f"{text[max(0, start - pad) : start]}[[{text[start:end]}]]{text[end : end + pad]}"
    return shown.replace("\n", " / ")


def print_gum_errors(path: Path, genre: str, kind: str) -> None:
    """Print the speaker-row errors of one kind (``direct`` or ``reported``), speech
    cues only, with context: predictions without a gold item they match with the
    right speaker (``FP``; ``inherited`` marks a quotation with no cue of its own,
    e.g. the second part of ``"A," X said. "B."``) and gold items that no
    prediction matches with the right speaker (``FN``)."""
    want_direct = kind == "direct"
    counts = {"FP": 0, "FP inherited": 0, "FN": 0}
    for text, _, golds, preds in _gum_documents(path, genre):
        for st, names, matches in preds:
            if predicted_direct(st.kind) != want_direct:
                continue
            if any(names_match(names, g["names"]) for g in matches):
                continue
            label = "FP inherited" if want_direct and st.cue is None else "FP"
            counts[label] += 1
            gold_sources = [g["names"][-1] for g in matches]
            print(f"{label}: {st.kind.value} cue={st.cue} speaker={names[:1]} gold={gold_sources}")
            print("    " + _in_context(text, st.content_span.start, st.content_span.end))
        for g in golds:
            if g["direct"] != want_direct or not g["speech"] or not g["spans"]:
                continue
            hits = [p for p in preds if g in p[2]]
            if any(names_match(p[1], g["names"]) for p in hits):
                continue
            counts["FN"] += 1
            start = min(s for s, _ in g["spans"])
            end = max(e for _, e in g["spans"])
            print(f"FN: gold speaker={g['names'][-1]!r} predicted={[p[1][:1] for p in hits]}")
            print("    " + _in_context(text, start, end))
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


def _inside_quotes(text: str, pos: int, line_start: int) -> bool:
    """Independent of geobrief: an odd number of quote marks on the line before ``pos``."""
    count = sum(1 for ch in text[line_start:pos] if ch in '"“”')
    return count % 2 == 1


def score_meantime(path: Path) -> dict[str, dict[str, Any]]:
    tallies = _tallies()
    for line in path.read_text("utf-8").splitlines():
        doc = json.loads(line)
        text = doc["text"]
        zone = doc["annotated_zone_end"]
        article = parse(text)
        golds = []
        unjudged: list[tuple[int, int]] = []
        for ev in doc["speech_cognitive"]:
            if not ev["arg0_speaker"] or not ev["slink_targets"]:
                unjudged.extend((t["start"], t["end"]) for t in ev["slink_targets"])
                continue
            cue = ev["cue"]
            heads = [(t["start"], t["end"]) for t in ev["slink_targets"]]
            line_start = text.rfind("\n", 0, heads[0][0]) + 1
            names = [n for m in ev["arg0_speaker"] for n in (m["text"], m.get("entity_name") or "")]
            golds.append(
                {
                    "heads": heads,
                    "names": names,
                    "direct": _inside_quotes(text, heads[0][0], line_start),
                    "speech": is_speech_cue([cue.get("pred") or cue["text"]])
                    or is_speech_cue([cue["text"]]),
                }
            )
        preds = []
        for i, st in enumerate(article.statements):
            if st.content_span.start >= zone:
                continue
            names = predicted_names(article, i)
            matches = [
                g
                for g in golds
                if any(
                    st.content_span.start <= h0 and h1 <= st.content_span.end
                    for h0, h1 in g["heads"]
                )
            ]
            if not matches and any(
                st.content_span.start <= h0 and h1 <= st.content_span.end for h0, h1 in unjudged
            ):
                continue  # a speech event without a gold speaker: cannot be judged
            preds.append((st, names, matches))
        _tally(tallies, golds, preds)
    return {k: v.row() for k, v in tallies.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--errors",
        choices=("direct", "reported"),
        help="instead of scores, print the GUM speaker errors of this kind with context",
    )
    parser.add_argument("--genre", choices=("news", "interview"), default="news")
    args = parser.parse_args(argv)
    gum = args.eval_dir / "gum-wikinews" / "derived" / "gum_wikinews.jsonl"
    meantime = args.eval_dir / "meantime-wikinews" / "derived" / "meantime_en.jsonl"
    if args.errors:
        print_gum_errors(gum, args.genre, args.errors)
        return 0
    started = time.perf_counter()
    results = {
        "gum-news": score_gum(gum, "news"),
        "gum-interview": score_gum(gum, "interview"),
        "meantime": score_meantime(meantime),
    }
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({"results": results, "seconds": round(elapsed, 1)}, indent=2))
        return 0
    header = (
        f"{'dataset':<14} {'kind/gold':<18} {'gold':>5} {'pred':>5}  "
        f"{'content P/R/F1':<20} {'speaker P/R/F1':<20}"
    )
    print(header)
    print("-" * len(header))
    for dataset, rows in results.items():
        for key, r in rows.items():
            content = f"{r['content_p']:.2f}/{r['content_r']:.2f}/{r['content_f1']:.2f}"
            speaker = f"{r['speaker_p']:.2f}/{r['speaker_r']:.2f}/{r['speaker_f1']:.2f}"
            print(
                f"{dataset:<14} {key:<18} {r['gold']:>5} {r['predicted']:>5}  "
                f"{content:<20} {speaker:<20}"
            )
    print(f"\n({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
