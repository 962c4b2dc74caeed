"""The documentation covers the public API: every name in ``geobrief.__all__`` is
rendered by a ``::: geobrief.<name>`` directive somewhere in ``docs/``, and every
directive names something that exists (so ``mkdocs build --strict`` cannot fail on it).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import geobrief

DOCS = Path(__file__).resolve().parent.parent / "docs"
DIRECTIVE = re.compile(r"^::: (geobrief(?:\.\w+)*)\s*$", re.MULTILINE)


def _documented() -> set[str]:
    return {m.group(1) for page in DOCS.glob("*.md") for m in DIRECTIVE.finditer(page.read_text())}


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        return True
    return False


def test_every_public_name_is_documented() -> None:
    """Each export of ``geobrief`` has its own ``::: geobrief.<name>`` directive."""
    documented = {d.removeprefix("geobrief.") for d in _documented()}
    assert [] == sorted(set(geobrief.__all__) - documented)


def test_every_directive_resolves() -> None:
    """Each ``::: geobrief....`` directive names an importable object."""
    assert [] == sorted(d for d in _documented() if not _resolves(d))
