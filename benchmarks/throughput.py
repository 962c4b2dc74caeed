"""Parse throughput and memory: real Wikinews articles and a synthetic brief corpus.

Parses (and serializes to JSONL, as ``geobrief parse`` does) with the same
engine as the command line, ``--jobs 1`` and ``--jobs 2``:

- all of ``../shared/eval/news-articles/*.txt`` (293 real Wikinews articles;
  skipped cleanly when the folder is absent), and
- a synthetic corpus of N briefs (default 20,000) generated from templates with
  varied names and countries, *streamed*: no brief is kept after it is written.

Every run happens in a fresh subprocess so peak-memory figures are its own.
Reported: articles/s, MB/s, the parent's resident memory at 10/25/50/100 % of
the corpus (flat = streaming works), the peak RSS of the parent and of the
largest worker, and the speed-up of ``--jobs 2`` over ``--jobs 1`` (a ratio
measured in the same run, so it means something on any machine). A baseline
(the bare pipeline: normalize, hash, serialize; no extraction) is run on the
synthetic corpus too, to give the cost of extraction as a ratio. Last, the
synthetic JSONL is filtered with ``Corpus.from_jsonl`` (hedged claims about an
actor) while resident memory is recorded, to show the corpus streams.

    python benchmarks/throughput.py                 # full run (a few minutes)
    python benchmarks/throughput.py --synthetic 2000 --jobs 1 2   # quicker
    python benchmarks/throughput.py --json                        # machine-readable
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import geobrief
from geobrief.cli import Input, Outcome, parse_many

ROOT = Path(__file__).resolve().parent.parent
NEWS = Path(os.environ.get("GEOBRIEF_NEWS", ROOT.parent / "shared" / "eval" / "news-articles"))

# --------------------------------------------------------------------------- synthetic briefs

_STATES = [
    ("Russia", "Russian", "Moscow"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("South Korea", "South Korean", "Seoul"),
    ("Japan", "Japanese", "Tokyo"),
    ("China", "Chinese", "Beijing"),
    ("India", "Indian", "New Delhi"),
    ("Iran", "Iranian", "Tehran"),
    ("Turkey", "Turkish", "Ankara"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Poland", "Polish", "Warsaw"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Nigeria", "Nigerian", "Abuja"),
]
_FIRST = [
    "Anna",
    "Sergey",
    "Li",
    "Maria",
    "Ahmed",
    "Kenji",
    "Olga",
    "David",
    "Fatima",
    "Pierre",
    "Yusuf",
    "Elena",
    "Carlos",
    "Aiko",
    "Omar",
    "Ingrid",
    "Ravi",
    "Mehmet",
    "Sofia",
    "Jonas",
]
_LAST = [
    "Petrova",
    "Ivanov",
    "Wei",
    "Santos",
    "Haddad",
    "Sato",
    "Kovalenko",
    "Cohen",
    "Rahman",
    "Dubois",
    "Yilmaz",
    "Novak",
    "Mendoza",
    "Tanaka",
    "Farouk",
    "Larsen",
    "Sharma",
    "Kaya",
    "Rossi",
    "Berg",
]
_ROLES = [
    "Foreign Minister",
    "Defense Minister",
    "Prime Minister",
    "President",
    "Deputy Foreign Minister",
    "Trade Minister",
]
_ORGS = [
    "NATO",
    "the United Nations",
    "the European Union",
    "ASEAN",
    "the African Union",
    "the International Atomic Energy Agency",
]
_TOPICS = [
    "military cooperation",
    "energy supplies",
    "border security",
    "trade tariffs",
    "nuclear talks",
    "grain exports",
    "cyber defense",
    "maritime patrols",
]
_CUES = ["said", "warned", "stated", "stressed", "noted", "argued"]
_HEDGES = ["may", "could", "is likely to", "might"]


def synthetic_brief(i: int) -> str:
    """Brief number ``i``: a fixed function of ``i`` (the same text on every run)."""
    r = random.Random(i)
    (a, a_adj, a_cap), (b, b_adj, b_cap), (c, _, _) = r.sample(_STATES, 3)
    p1 = f"{r.choice(_FIRST)} {r.choice(_LAST)}"
    p2 = f"{r.choice(_FIRST)} {r.choice(_LAST)}"
    role1, role2 = r.choice(_ROLES), r.choice(_ROLES)
    topic, org = r.choice(_TOPICS), r.choice(_ORGS)
    cue, hedge = r.choice(_CUES), r.choice(_HEDGES)
    s1, s2, s3 = (f"{a}-{b} Talks on {topic.title()}", "Reactions Abroad", "What Comes Next")
    return "\n".join(
        [
            f"In talks held in {b_cap} this week, {a_adj} {role1} {p1} met {b_adj} {role2} {p2} "
            f"to discuss {topic}. {p1.split()[1]} {cue} that {a} would not accept pressure from "
            f"{c}, calling the meeting “a step toward lasting partnership.”",
            "Article Subheadings |",
            "---|",
            f"1) {s1} |",
            f"2) {s2} |",
            f"3) {s3} |",
            s1,
            f"Relations between {a} and {b} have grown closer over the past year. Officials in "
            f"{a_cap} said the talks covered {topic} and joint projects. “We will continue this "
            f"dialogue with our partners in {b},” {p1} said after the meeting. {p2} told reporters "
            f"that {b} {hedge} expand cooperation with {a} if conditions allow.",
            s2,
            f"Analysts in {c} {cue} that the meeting {hedge} change the balance in the region. "
            f"According to diplomats, {org} is following the talks closely, and reports suggest "
            f"that {c} {hedge} respond with new measures. A spokesperson for {org} declined to "
            f"comment.",
            s3,
            f"Both sides agreed to meet again in {a_cap} later this year. {p2} said the next round "
            f"would focus on {r.choice(_TOPICS)}.",
            "No. | Key Points |",
            "---|---|",
            f"1 | {p1} and {p2} met in {b_cap} to discuss {topic}. |",
            f"2 | {a} warned {c} against interfering in the talks. |",
            f"3 | {org[0].upper()}{org[1:]} is watching the talks closely. |",
            "Summary",
            f"The meeting between {p1} and {p2} signals closer ties between {a} and {b}, with "
            f"{topic} at the center of the agenda.",
            "Frequently Asked Questions",
            f"Question: Who met in {b_cap}?",
            f"{a_adj} {role1} {p1} and {b_adj} {role2} {p2}.",
            "Question: What was discussed?",
            f"The talks focused on {topic}.",
            "",
        ]
    )


# --------------------------------------------------------------------------- one measured run


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _inputs(corpus: str, n: int) -> Iterator[Input]:
    if corpus == "news":
        for path in sorted(NEWS.glob("*.txt")):
            yield Input(str(path))
    else:
        for i in range(n):
            yield Input(f"synthetic-{i:06d}", synthetic_brief(i))


def _bare_many(items: Iterator[Input]) -> Iterator[Outcome]:
    """The baseline: normalize, hash and serialize with a pipeline that has no stages."""
    bare = geobrief.Pipeline(stages=())
    for item in items:
        text = item.text if item.text is not None else geobrief.read_text(item.name)
        yield Outcome(item.name, geobrief.dumps(bare.parse(text, source=item.name)))


def measure(
    corpus: str, jobs: int, n: int, baseline: bool, out: str | None = None
) -> dict[str, object]:
    """Parse one corpus once and return the figures (run inside a fresh process).

    The JSONL goes to ``out`` if given (for the query pass), else to /dev/null.
    """
    total = n if corpus == "synthetic" else len(list(NEWS.glob("*.txt")))
    marks = {max(1, total * p // 100): p for p in (10, 25, 50, 100)}
    rss: dict[str, float] = {}
    count = chars = failed = 0
    started = time.perf_counter()
    items = _inputs(corpus, n)
    outcomes = _bare_many(items) if baseline else parse_many(items, jobs=jobs)
    with open(out or os.devnull, "w", encoding="utf-8") as sink:
        for outcome in outcomes:
            count += 1
            if outcome.json is None:
                failed += 1
            else:
                chars += len(outcome.json)
                sink.write(outcome.json + "\n")
            if count in marks:
                rss[f"{marks[count]}%"] = round(_rss_mb(), 1)
    seconds = time.perf_counter() - started
    return {
        "corpus": corpus,
        "jobs": 0 if baseline else jobs,
        "baseline": baseline,
        "articles": count,
        "failed": failed,
        "seconds": round(seconds, 2),
        "articles_per_s": round(count / seconds, 1),
        "json_mb_per_s": round(chars / seconds / 1e6, 2),
        "parent_rss_mb": rss,
        "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1),
        "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3, 1),
    }


def measure_query(path: str) -> dict[str, object]:
    """Stream a JSONL corpus through a query (hedged claims about any state, merged
    actor counts) and record resident memory as it goes (run in a fresh process)."""
    from geobrief import query as q
    from geobrief.corpus import Corpus

    with open(path, "rb") as f:
        total = sum(1 for _ in f)
    marks = {max(1, total * p // 100): p for p in (10, 25, 50, 100)}
    rss: dict[str, float] = {}
    seen = hits = 0

    def count(article: geobrief.Article) -> bool:
        nonlocal seen
        seen += 1
        if seen in marks:
            rss[f"{marks[seen]}%"] = round(_rss_mb(), 1)
        return True

    started = time.perf_counter()
    corpus = Corpus.from_jsonl(path).filter(count)
    for _ in corpus.claims(q.hedged() & q.where(lambda a, c: bool(c.about))):
        hits += 1
    seconds = time.perf_counter() - started
    return {
        "corpus": "query",
        "jobs": 1,
        "baseline": False,
        "articles": seen,
        "failed": 0,
        "hits": hits,
        "seconds": round(seconds, 2),
        "articles_per_s": round(seen / seconds, 1),
        "json_mb_per_s": round(os.path.getsize(path) / seconds / 1e6, 2),
        "parent_rss_mb": rss,
        "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1),
        "worker_peak_mb": 0.0,
    }


# --------------------------------------------------------------------------- driver


def _run_child(
    corpus: str, jobs: int, n: int, baseline: bool, out: str | None = None
) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--one", corpus, "--jobs", str(jobs), "--synthetic", str(n)]
    if baseline:
        cmd.append("--baseline")
    if out:
        cmd += ["--out", out]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--synthetic", type=int, default=20_000, help="synthetic briefs (default 20000)"
    )
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to compare")
    parser.add_argument("--one", choices=["news", "synthetic", "query"], help=argparse.SUPPRESS)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-query", action="store_true", help="skip the streamed query over the synthetic JSONL"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if args.one == "query":
        print(json.dumps(measure_query(args.out)))
        return 0
    if args.one:
        print(json.dumps(measure(args.one, args.jobs[0], args.synthetic, args.baseline, args.out)))
        return 0

    results = []
    corpora = ["news", "synthetic"] if NEWS.is_dir() else ["synthetic"]
    if "news" not in corpora:
        print(f"skipping the Wikinews corpus: {NEWS} is absent", file=sys.stderr)
    with tempfile.TemporaryDirectory() as scratch:
        jsonl = os.path.join(scratch, "synthetic.jsonl")
        for corpus in corpora:
            if corpus == "synthetic":
                results.append(_run_child(corpus, 1, args.synthetic, baseline=True))
            for jobs in args.jobs:
                keep = corpus == "synthetic" and jobs == args.jobs[0] and not args.no_query
                out = jsonl if keep else None
                results.append(_run_child(corpus, jobs, args.synthetic, False, out))
                print(f"done: {corpus} --jobs {jobs}", file=sys.stderr)
        if os.path.exists(jsonl):
            results.append(_run_child("query", 1, args.synthetic, False, jsonl))
            print("done: streamed query over the synthetic JSONL", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"geobrief throughput · {os.cpu_count()} CPUs · Python {sys.version.split()[0]}")
    header = (
        f"{'corpus':<10} {'jobs':>4} {'articles':>8} {'seconds':>8} {'art/s':>8} "
        f"{'JSON MB/s':>9}  parent RSS MB at 10/25/50/100%   peak parent/worker MB"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        rss = r["parent_rss_mb"]
        assert isinstance(rss, dict)
        jobs = "base" if r["baseline"] else str(r["jobs"])
        if r["corpus"] == "query":
            jobs = "q"
        print(
            f"{r['corpus']:<10} {jobs:>4} {r['articles']:>8} {r['seconds']:>8} "
            f"{r['articles_per_s']:>8} "
            f"{r['json_mb_per_s']:>9}  {' / '.join(str(v) for v in rss.values()):<31} "
            f"{r['parent_peak_mb']} / {r['worker_peak_mb']}"
        )
    for r in results:
        if r["corpus"] == "query":
            print(
                f"query: Corpus.from_jsonl streamed {r['articles']} articles "
                f"({r['json_mb_per_s']} MB/s of JSONL), {r['hits']} hedged claims about an actor"
            )
    for corpus in corpora:
        by_jobs = {r["jobs"]: r for r in results if r["corpus"] == corpus and not r["baseline"]}
        if 1 in by_jobs and 2 in by_jobs:
            ratio = float(by_jobs[2]["articles_per_s"]) / float(by_jobs[1]["articles_per_s"])  # type: ignore[arg-type]
            print(f"{corpus}: --jobs 2 is {ratio:.2f}x --jobs 1")
        base = [r for r in results if r["corpus"] == corpus and r["baseline"]]
        if base and 1 in by_jobs:
            ratio = float(base[0]["articles_per_s"]) / float(by_jobs[1]["articles_per_s"])  # type: ignore[arg-type]
            print(
                f"{corpus}: full parse costs {ratio:.1f}x the bare pipeline (normalize+hash+JSON)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
