"""Repository-wide pytest set-up: Hypothesis profiles and the documentation tests.

* Hypothesis profiles: ``ci`` (modest example counts, no deadline; chosen when
  ``CI=true``), ``dev`` (the default) and ``thorough`` (for a long local fuzz
  run). ``HYPOTHESIS_PROFILE=<name>`` picks one explicitly.
* Sybil runs every Python example in ``docs/*.md`` and ``README.md`` (fenced
  ``python`` blocks, including ``>>>`` sessions) and every ``>>>`` example in
  the docstrings of ``src/geobrief/**/*.py``, so the documentation cannot drift
  from the code. Plain ``pytest`` collects them too: ``testpaths`` in
  pyproject.toml lists ``docs``, ``src/geobrief`` and ``README.md`` beside
  ``tests``.
"""

from __future__ import annotations

import doctest
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection

ROOT = Path(__file__).parent

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=5_000, deadline=None)
settings.load_profile(
    os.environ.get(
        "HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
    )
)


@pytest.fixture
def in_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a documentation example from the repository root, as a reader would."""
    monkeypatch.chdir(ROOT)


_markdown_examples = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    path="docs",
    patterns=["*.md"],
    # scaling.md (another helper's page) holds recipes that need the reader's own data
    # files or pyspark; its runnable Dask example is tested by tests/test_records_scaling.py.
    excludes=["scaling.md"],
    fixtures=["in_repository_root"],
    name="docs",
)
_readme_examples = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    path=".",
    patterns=["README.md"],
    excludes=["*/*"],  # the top-level README only
    fixtures=["in_repository_root"],
    name="readme",
)
_docstring_examples = Sybil(
    parsers=[DocTestParser(optionflags=doctest.ELLIPSIS)],
    path="src/geobrief",
    patterns=["*.py"],
    fixtures=["in_repository_root"],
    name="docstrings",
)

pytest_collect_file = SybilCollection(
    (_markdown_examples, _readme_examples, _docstring_examples)
).pytest()


def check_article(article: object, source_text: str | None = None) -> None:
    """Assert the invariants every parsed or decoded Article must keep.

    Every span lies inside ``article.text`` with ``start <= end``; every
    sentence lies inside its paragraph; and, when ``source_text`` is given,
    ``article.text`` is that input normalized (CRLF/CR to LF, leading BOM gone).
    """
    import geobrief

    assert isinstance(article, geobrief.Article)
    n = len(article.text)
    for path, span in article.iter_spans():
        assert 0 <= span.start <= span.end <= n, f"{path} = {span} is out of bounds (len {n})"
    for paragraph in article.paragraphs():
        for sentence in paragraph.sentences:
            assert paragraph.span.contains(sentence), f"{sentence} outside {paragraph.span}"
    if source_text is not None:
        assert geobrief.normalize(source_text) == article.text


@pytest.fixture(name="check_article", scope="session")
def _check_article_fixture() -> Callable[..., None]:
    """The :func:`check_article` invariant checker, for tests."""
    return check_article
