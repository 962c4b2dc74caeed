"""The statement scorer's speaker-name rule (benchmarks/accuracy_statements.py).

The accuracy figures in the README depend on this rule, so it is pinned here: a
leading possessor counts as a determiner, a trailing possessive is dropped, the
surname alone matches, and different heads never match.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy_statements.py"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy_statements", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("PC World's recent analysis of its traffic", "recent analysis of its traffic", True),
        ("the analysis of its traffic", "recent analysis of its traffic", False),
        ("Lavrov’s", "Lavrov", True),
        ("Foreign Minister Sergey Lavrov", "Lavrov", True),
        ("The ministry", "ministry", True),
        ("Ambassador Mohib", "Rodaba Noori", False),
        ("Rishi Sunak's government", "the government", True),
    ],
)
def test_names_match(scorer: ModuleType, predicted: str, gold: str, expected: bool) -> None:
    """A predicted speaker string names a gold speaker by the documented rule."""
    assert expected == scorer.names_match([predicted], [gold])
