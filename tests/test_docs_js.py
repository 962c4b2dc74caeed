"""The JavaScript offset-conversion snippet in ``docs/json-format.md`` works.

The snippet is taken from the page itself (its first ``js`` block), run with
Node.js on geobrief JSON whose text is full of characters outside the Basic
Multilingual Plane, and must print the same mention texts as Python does.
Skipped where ``node`` is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import geobrief
from geobrief import Actor, ActorKind, Article, Mention, Span

PAGE = Path(__file__).resolve().parent.parent / "docs" / "json-format.md"
NODE = shutil.which("node") or shutil.which("nodejs")


def _snippet() -> str:
    match = re.search(r"```js\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)
    assert match is not None, "docs/json-format.md has no js block"
    return match.group(1)


def _article() -> Article:
    text = "😀🇰🇵 North Korea and 𝐑𝐮𝐬𝐬𝐢𝐚 met; Lavrov 👍 said “ok” 😀.\n\nKim."
    found = [
        ("North Korea", "state:PRK"),
        ("Lavrov", "person:sergey-lavrov"),
        ("Kim", "person:kim-jong-un"),
    ]
    mentions = []
    for surface, actor_id in found:
        start = text.index(surface)
        mentions.append(
            Mention(actor_id=actor_id, span=Span(start=start, end=start + len(surface)))
        )
    start = text.index("𝐑")
    mentions.append(Mention(actor_id="state:RUS", span=Span(start=start, end=start + 6)))
    actors = (
        Actor(id="person:kim-jong-un", kind=ActorKind.PERSON, name="Kim Jong Un"),
        Actor(id="person:sergey-lavrov", kind=ActorKind.PERSON, name="Sergey Lavrov"),
        Actor(id="state:PRK", kind=ActorKind.STATE, name="North Korea"),
        Actor(id="state:RUS", kind=ActorKind.STATE, name="Russia"),
    )
    mentions.sort(key=lambda m: m.span.start)
    return Article(id=geobrief.article_id(text), text=text, actors=actors, mentions=tuple(mentions))


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
@pytest.mark.timeout(60)
def test_js_snippet_slices_like_python(tmp_path: Path) -> None:
    """Node prints each mention's text exactly as Python's text_of gives it."""
    article = _article()
    script = tmp_path / "mentions.js"
    script.write_text(_snippet(), encoding="utf-8")
    completed = subprocess.run(
        [str(NODE), str(script)],
        input=geobrief.dumps(article),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=50,
        check=False,
    )
    assert "" == completed.stderr
    expected = [f"{m.actor_id} {article.text_of(m)}" for m in article.mentions]
    assert expected == completed.stdout.splitlines()


def test_the_example_needs_the_conversion() -> None:
    """The test text really has characters outside the BMP before its mentions."""
    article = _article()
    first = article.mentions[0].span.start
    assert len(article.text[:first].encode("utf-16-le")) // 2 > first
