"""Thread safety: ``parse`` called from several threads at once gives the serial results.

geobrief keeps no shared mutable state: gazetteers and lexicons are loaded once
and only read. The cold-start test runs in a fresh interpreter so that the
first parses, which load those data files lazily, race each other.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import geobrief

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "russia_north_korea_brief.txt"
NEWS = ROOT.parent / "shared" / "eval" / "news-articles"
THREADS = 8

pytestmark = pytest.mark.timeout(120)


def _texts() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    if NEWS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))[:12]]
    texts += [
        "GENEVA (Reuters) — “We warn the U.S.,” Lavrov said. Reports indicate that Kim may visit.",
        "# Title\n\n## Part\n\nNATO said that the talks could fail.\n\nQ: Why?\nA: Because.",
        "",
    ]
    return texts


def test_parallel_parses_equal_serial_parses() -> None:
    """Parsing many texts in 8 threads, each several times, gives the serial results."""
    texts = _texts() * 4
    serial = [geobrief.parse(t) for t in texts]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        parallel = list(pool.map(geobrief.parse, texts))
    assert serial == parallel


def test_one_text_parsed_by_many_threads_at_once() -> None:
    """The same text parsed by 8 threads at the same moment gives one result."""
    text = SEED.read_text(encoding="utf-8")
    expected = geobrief.parse(text)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda _: geobrief.parse(text), range(THREADS * 3)))
    assert [expected] * (THREADS * 3) == results


COLD_START = textwrap.dedent(
    """
    import sys, threading
    import geobrief

    text = open(sys.argv[1], encoding="utf-8").read()
    barrier = threading.Barrier({threads})
    results = [None] * {threads}

    def work(i):
        barrier.wait()
        results[i] = geobrief.parse(text)

    threads = [threading.Thread(target=work, args=(i,)) for i in range({threads})]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    serial = geobrief.parse(text)
    print(sum(r == serial for r in results), flush=True)
    """
).format(threads=THREADS)


def test_cold_start_race() -> None:
    """In a fresh interpreter, 8 threads that all parse first at once agree with a later parse."""
    completed = subprocess.run(
        [sys.executable, "-c", COLD_START, str(SEED)],
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )
    assert "" == completed.stderr
    assert str(THREADS) == completed.stdout.strip()
