"""Tests for geobrief.render: the offsets dict, nesting and splitting, escaping, Chromium."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geobrief
from geobrief.render import LAYER_ORDER, render, render_html, to_offsets
from test_query_support import brief

CHROMIUM = "/usr/bin/chromium"
SEED = Path(__file__).parent.parent / "examples" / "russia_north_korea_brief.txt"


class _Marks(HTMLParser):
    """Reads the text block of a page back: each character with its open (layer, label)s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[str, str] | None]] = []
        self.chars: list[tuple[str, frozenset[tuple[str, str]]]] = []
        self.inside = False
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "div" and a.get("class") == "gb-text":
            self.inside = True
            return
        if not self.inside:
            return
        layer = a.get("data-layer")
        self.stack.append((tag, (layer, a.get("data-label") or "") if layer else None))

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if not self.stack:
            assert "div" == tag
            self.inside = False
            return
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        if self.inside:
            active = frozenset(mark for _, mark in self.stack if mark is not None)
            self.chars.extend((ch, active) for ch in data)


def _read_back(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    parser.close()
    assert not parser.inside
    assert not parser.stack
    return parser


def _expected(
    text: str, layers: dict[str, list[dict[str, Any]]]
) -> list[frozenset[tuple[str, str]]]:
    marks: list[set[tuple[str, str]]] = [set() for _ in text]
    for layer, spans in layers.items():
        for s in spans:
            for i in range(s["start"], s["end"]):
                marks[i].add((layer, s["label"]))
    return [frozenset(m) for m in marks]


def test_offsets_dict_is_plain_json_data() -> None:
    """The offsets dict holds only JSON data, and every span's text is right."""
    article = brief()
    doc = to_offsets(article)
    assert doc == json.loads(json.dumps(doc))
    speakers = [article.text[s["start"] : s["end"]] for s in doc["layers"]["speaker"]]
    assert ["Lavrov", "Lavrov", "Kremlin"] == speakers
    assert [("may", "hedge")] == [
        (article.text[s["start"] : s["end"]], s["label"]) for s in doc["layers"]["hedge"]
    ]
    assert ["asserted", "hedged", "reported"] == sorted(s["label"] for s in doc["layers"]["claim"])


def test_every_highlight_covers_exactly_its_text() -> None:
    """Read back from the page, each character carries exactly the marks of its spans."""
    article = brief()
    doc = to_offsets(article)
    read = _read_back(render(doc))
    assert article.text == "".join(ch for ch, _ in read.chars)
    assert _expected(article.text, doc["layers"]) == [marks for _, marks in read.chars]


def test_crossing_spans_are_split_and_nested() -> None:
    """Two crossing spans become properly nested elements, the later one split."""
    doc = {
        "text": "abcdef",
        "layers": {
            "claim": [{"start": 0, "end": 4, "label": "hedged"}],
            "actor": [{"start": 2, "end": 6, "label": "state"}],
        },
    }
    body = re.search(r'<div class="gb-text">(.*?)</div>', render(doc), re.DOTALL)
    assert body is not None
    claim = '<mark class="gb-claim gb-claim-hedged" data-layer="claim" data-label="hedged">'
    actor = '<mark class="gb-actor gb-actor-state" data-layer="actor" data-label="state">'
    expected = f"{claim}ab{actor}cd</mark></mark>{actor}ef</mark>"
    assert expected == body.group(1)


def test_text_and_attributes_are_escaped() -> None:
    """Markup in the text, labels and titles is escaped; no script can get in."""
    text = 'Say <script>alert("x")</script> & “quote”'
    doc = {
        "text": text,
        "title": "<b>T</b>",
        "layers": {"actor": [{"start": 4, "end": 12, "label": 'x"y', "title": "<i>&"}]},
    }
    page = render(doc)
    assert "<script>" not in page
    assert "<b>T</b>" not in page
    assert '&lt;script&gt;</mark>alert("x")&lt;/script&gt; &amp; “quote”' in page
    assert 'data-label="x&quot;y" title="&lt;i&gt;&amp;"' in page
    assert text == "".join(ch for ch, _ in _read_back(page).chars)


def test_page_is_self_contained() -> None:
    """No scripts, no external links, the CSS inline, and a legend of every layer."""
    page = render_html(brief())
    assert not re.search(r"<script|<link|src=|@import|url\(", page)
    assert "<style>" in page
    legend = re.search(r'<div class="gb-legend".*?</div>', page, re.DOTALL)
    assert legend is not None
    for layer in ("actor", "speaker", "cue", "statement", "claim", "hedge", "source"):
        assert f'data-layer="{layer}"' in legend.group(0)


def test_spans_out_of_range_are_ignored() -> None:
    """Empty, reversed or out-of-range spans are skipped, not rendered wrongly."""
    doc = {
        "text": "abc",
        "layers": {
            "actor": [{"start": 1, "end": 1, "label": "x"}, {"start": 2, "end": 9, "label": "x"}]
        },
    }
    read = _read_back(render(doc))
    assert [("a", frozenset()), ("b", frozenset()), ("c", frozenset())] == read.chars


_spans = st.lists(
    st.tuples(
        st.sampled_from(LAYER_ORDER),
        st.integers(0, 40),
        st.integers(0, 40),
        st.sampled_from(["a", "b"]),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab<>&\"' \n“", max_size=40), raw=_spans)
def test_any_spans_render_well_formed(text: str, raw: list[tuple[str, int, int, str]]) -> None:
    """For any spans, tags nest, the text is intact and each character has its marks."""
    layers: dict[str, list[dict[str, Any]]] = {}
    for layer, a, b, label in raw:
        start, end = min(a, b), max(a, b)
        if end <= len(text) and start < end:
            layers.setdefault(layer, []).append({"start": start, "end": end, "label": label})
    read = _read_back(render({"text": text, "layers": layers}))
    assert text == "".join(ch for ch, _ in read.chars)
    assert _expected(text, layers) == [marks for _, marks in read.chars]


# --------------------------------------------------------------------------- headless Chromium


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


needs_chromium = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"headless Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)",
)


def _layer_counts(dom: str) -> dict[str, int]:
    text_block = dom.split('class="gb-text"')[1].split("</article>")[0]
    return {
        layer: len(re.findall(rf'<mark class="gb-{layer}[ "]', text_block))
        for layer in ("actor", "statement", "speaker", "cue", "claim", "hedge", "source")
    }


@needs_chromium
@pytest.mark.timeout(240)
def test_chromium_shows_every_kind_of_highlight(tmp_path: Path) -> None:
    """In Chromium's DOM, every highlight of the hand-built brief is a <mark> in the text."""
    page = tmp_path / "brief.html"
    page.write_text(render_html(brief()), encoding="utf-8")
    dumped = _chromium("--dump-dom", page.as_uri())
    assert 0 == dumped.returncode, dumped.stderr[-2000:]
    expected = {
        "actor": 16,
        "statement": 3,
        "speaker": 3,
        "cue": 4,
        "claim": 3,
        "hedge": 1,
        "source": 1,
    }
    assert expected == _layer_counts(dumped.stdout)
    assert 'class="gb-legend"' in dumped.stdout


@needs_chromium
@pytest.mark.timeout(240)
def test_chromium_renders_the_seed(tmp_path: Path) -> None:
    """The parsed seed's page loads in Chromium with its highlights; a screenshot is drawn."""
    article = geobrief.parse_file(SEED)
    page = tmp_path / "seed.html"
    page.write_text(render_html(article), encoding="utf-8")
    dumped = _chromium("--dump-dom", page.as_uri())
    assert 0 == dumped.returncode, dumped.stderr[-2000:]
    doc = to_offsets(article)
    counts = _layer_counts(dumped.stdout)
    for layer, found in counts.items():  # crossing spans are split, so there may be more
        assert (layer, True) == (layer, found >= len(doc["layers"][layer]))
    assert counts["actor"] > 0
    shot = tmp_path / "seed.png"
    taken = _chromium(
        "--hide-scrollbars", "--window-size=1100,1400", f"--screenshot={shot}", page.as_uri()
    )
    assert 0 == taken.returncode, taken.stderr[-2000:]
    assert b"\x89PNG\r\n\x1a\n" == shot.read_bytes()[:8]
    assert shot.stat().st_size > 20_000  # a blank page is a few kilobytes


def test_chromium_skip_reason_is_clear() -> None:
    """Where Chromium is missing, the skip reason says what to install."""
    reason = needs_chromium.kwargs["reason"]
    assert "apt-get install chromium" in reason
