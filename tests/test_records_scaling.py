"""The Dask example of ``docs/scaling.md`` runs as written and its Parquet is right."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import geobrief
from test_query_support import BRIEF

PAGE = Path(__file__).resolve().parent.parent / "docs" / "scaling.md"
SEED = Path(__file__).resolve().parent.parent / "examples" / "russia_north_korea_brief.txt"


def _example(name: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(rf"<!-- example: {name} .*?-->\n```python\n(.*?)```", text, re.DOTALL)
    assert found is not None, f"no '{name}' example in {PAGE}"
    return found.group(1)


@pytest.mark.timeout(300)
def test_dask_example_writes_a_queryable_dataset(tmp_path: Path) -> None:
    """The documented Dask bag example parses every brief and DuckDB reads its output."""
    pytest.importorskip("dask.bag")
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    briefs = tmp_path / "briefs"
    (briefs / "more").mkdir(parents=True)
    seed = SEED.read_text(encoding="utf-8")
    for i in range(3):
        (briefs / f"seed{i}.txt").write_text(f"Copy {i}.\n{seed}", encoding="utf-8")
        (briefs / "more" / f"brief{i}.txt").write_text(f"Brief {i}.\n{BRIEF}", encoding="utf-8")
    (briefs / "broken.txt").write_bytes(b"\xff not text")
    (tmp_path / "example.py").write_text(_example("dask"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert 0 == done.returncode, done.stderr[-3000:]
    assert "skipped briefs/broken.txt" in done.stderr
    parsed = [
        geobrief.parse_file(p) for p in sorted(briefs.rglob("*.txt")) if p.name != "broken.txt"
    ]
    statements = sum(len(a.statements) for a in parsed)
    assert f"6 articles, {statements} statements written" in done.stdout
    ids = duckdb.sql(
        f"SELECT DISTINCT article_id FROM '{tmp_path}/out/articles/*.parquet' ORDER BY 1"
    ).fetchall()
    assert sorted((a.id,) for a in parsed) == ids
