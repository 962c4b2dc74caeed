"""The shipped seed brief and its gold annotation are the canonical ones.

The seed (examples/) and its hand annotation (tests/fixtures/seed/) are copies of
../shared/seeds/, kept in the repository so the seed tests never skip; when the
shared folder is present, the copies must not have drifted from it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "seeds"
PAIRS = [
    (ROOT / "examples" / "russia_north_korea_brief.txt", "000_8c948acc1e7d98de.txt"),
    (
        ROOT / "tests" / "fixtures" / "seed" / "russia_north_korea_brief.gold.json",
        "000_8c948acc1e7d98de.gold.json",
    ),
]


@pytest.mark.parametrize(("shipped", "canonical"), PAIRS, ids=["text", "gold"])
def test_shipped_copy_equals_canonical(shipped: Path, canonical: str) -> None:
    """Each shipped copy is byte-identical to the file in ../shared/seeds/."""
    source = SHARED / canonical
    if not source.exists():
        pytest.skip(f"{source} not present")
    assert source.read_bytes() == shipped.read_bytes()
