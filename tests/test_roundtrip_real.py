"""Round trip over real news text: every Wikinews article in ``../shared/eval/news-articles``
parses, dumps, loads back equal, and its JSON validates against the shipped schema.

The folder sits beside the repository and is not part of it; the tests skip
cleanly where it is absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import geobrief

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "news-articles"
FILES = sorted(NEWS.glob("*.txt")) if NEWS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"no real articles at {NEWS}")


@pytest.fixture(scope="module")
def validate() -> Callable[[Any], None]:
    """A validator for the shipped JSON Schema (``geobrief.json_schema()``)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = geobrief.json_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def check(instance: Any) -> None:
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        assert [] == [f"{e.json_path}: {e.message}" for e in errors[:5]]

    return check


@pytest.mark.timeout(60)
@pytest.mark.parametrize("path", FILES, ids=[p.name[:60] for p in FILES])
def test_real_article_round_trips(
    path: Path, validate: Callable[[Any], None], check_article: Callable[..., None]
) -> None:
    """The article parses with valid spans, loads(dumps(a)) == a, and the JSON is schema-valid."""
    text = path.read_text(encoding="utf-8")
    article = geobrief.parse_file(path)
    check_article(article, source_text=text)
    encoded = geobrief.dumps(article)
    assert article == geobrief.loads(encoded)
    assert encoded == geobrief.dumps(geobrief.loads(encoded))
    validate(json.loads(encoded))


def test_the_folder_holds_the_documented_articles() -> None:
    """The folder has the 293 articles its SOURCE.md describes (guards against a silent glob)."""
    assert 293 == len(FILES)
