"""Replay every input in the regression corpus (see README.md beside this file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import geobrief

HERE = Path(__file__).resolve().parent
PARSE_INPUTS = sorted((HERE / "parse").glob("*.txt"))
LOADS_INPUTS = sorted((HERE / "loads").glob("*.json"))

#: Inputs whose bug is still open: file name -> the bug, for the lead to route.
#: Each is marked xfail(strict=True), so the test fails once the bug is fixed.
KNOWN_BUGS: dict[str, str] = {}


def _cases(paths: list[Path]) -> list[object]:
    return [
        pytest.param(
            path,
            id=path.name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[path.name])]
            if path.name in KNOWN_BUGS
            else [],
        )
        for path in paths
    ]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("path", _cases(PARSE_INPUTS))
def test_parse_regression(path: Path, check_article: Callable[..., None]) -> None:
    """The text parses, keeps every span in bounds, and round-trips through JSON."""
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    article = geobrief.parse(text)
    check_article(article, source_text=text)
    try:
        encoded = geobrief.dumps(article)
    except geobrief.GeobriefError:
        return  # e.g. lone surrogates: refusing with geobrief's error is documented
    assert article == geobrief.loads(encoded)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("path", _cases(LOADS_INPUTS))
def test_loads_regression(path: Path, check_article: Callable[..., None]) -> None:
    """The input decodes to a valid Article or raises DecodeError listing its problems."""
    try:
        article = geobrief.loads(path.read_bytes())
    except geobrief.DecodeError as exc:
        problems = exc.problems
    else:
        check_article(article)
        return
    assert problems


def test_the_corpus_is_not_empty() -> None:
    """Both halves of the corpus have inputs (guards against a silent glob)."""
    assert (True, True) == (bool(PARSE_INPUTS), bool(LOADS_INPUTS))


def test_known_bugs_name_existing_files() -> None:
    """Every KNOWN_BUGS entry names a file in the corpus."""
    names = {p.name for p in PARSE_INPUTS + LOADS_INPUTS}
    assert set() == set(KNOWN_BUGS) - names
