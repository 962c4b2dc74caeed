"""An HTML view of a brief: actors, statements and claims highlighted in the text.

Like displaCy, rendering has two steps. :func:`to_offsets` turns an
:class:`~geobrief.Article` into a plain dict of layers of labelled spans (plain
strings and integers only, JSON-ready); :func:`render` turns such a dict into
one self-contained HTML page (inline CSS, no scripts, no external assets).
:func:`render_html` does both. Anything that produces the same dict (another
tool, a hand-made example) can be rendered.

Overlapping spans are nested when one contains the other and split where they
cross, so the HTML is always well formed. All text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from geobrief._model import Article, Span
from geobrief._version import __version__

__all__ = ["LAYER_ORDER", "render", "render_html", "to_offsets"]

LAYER_ORDER: tuple[str, ...] = (
    "title",
    "heading",
    "claim",
    "statement",
    "source",
    "speaker",
    "cue",
    "hedge",
    "actor",
)
"""Layers from outermost to innermost, for spans with the same offsets."""

_ELEMENT = {"title": "span", "heading": "span"}
"""The HTML element of each layer (``mark`` unless named here)."""


def _span(span: Span, label: str, title: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "label": label, "title": title}


def to_offsets(article: Article) -> dict[str, Any]:
    """The plain offsets dict that :func:`render` reads.

    Keys: ``id``, ``title``, ``source``, ``text``, ``layers`` (layer name to a
    list of ``{start, end, label, title}``), and ``actors``, ``statements``,
    ``claims`` as lists of plain dicts for the tables under the text.
    """
    text_of = article.text_of
    names = {a.id: a.name for a in article.actors}

    def name(actor_id: str | None) -> str:
        return "unresolved" if actor_id is None else names.get(actor_id, actor_id)

    layers: dict[str, list[dict[str, Any]]] = {layer: [] for layer in LAYER_ORDER}
    if article.title is not None:
        layers["title"].append(_span(article.title, "title", "title"))
    for section in article.sections:
        if section.heading is not None:
            layers["heading"].append(_span(section.heading, "heading", "section heading"))
    kinds = {a.id: a.kind.value for a in article.actors}
    for m in article.mentions:
        kind = kinds.get(m.actor_id, "unknown")
        layers["actor"].append(_span(m.span, kind, f"{name(m.actor_id)} · {m.actor_id} · {kind}"))
    statements = []
    for i, st in enumerate(article.statements, start=1):
        who = name(st.speaker)
        layers["statement"].append(
            _span(st.content_span, st.kind.value, f"statement {i} ({st.kind.value}) by {who}")
        )
        if st.speaker_span is not None:
            layers["speaker"].append(
                _span(st.speaker_span, "speaker", f"speaker of statement {i}: {who}")
            )
        if st.cue_span is not None:
            layers["cue"].append(
                _span(st.cue_span, "cue", f"cue of statement {i}: {st.cue or '?'}")
            )
        statements.append(
            {
                "number": i,
                "kind": st.kind.value,
                "speaker": who,
                "speaker_text": None if st.speaker_span is None else text_of(st.speaker_span),
                "cue": st.cue,
                "content": text_of(st.content_span),
                "addressees": [name(a) for a in st.addressees],
            }
        )
    claims = []
    for i, c in enumerate(article.claims, start=1):
        source = c.source
        if source.kind == "actor":
            who = name(source.actor_id)
        elif source.kind == "anonymous":
            who = text_of(source.span)
            layers["source"].append(
                _span(source.span, "anonymous", f"anonymous source of claim {i}")
            )
        else:
            who = "the article"
        layers["claim"].append(
            _span(c.span, c.modality.value, f"claim {i}: {c.modality.value}, source: {who}")
        )
        if c.cue_span is not None and (c.statement is None or source.kind != "actor"):
            layers["cue"].append(_span(c.cue_span, "cue", f"cue of claim {i}: {c.cue or '?'}"))
        for h in c.hedges:
            layers["hedge"].append(_span(h.span, "hedge", f"hedge of claim {i}: {h.cue}"))
        claims.append(
            {
                "number": i,
                "modality": c.modality.value,
                "source_kind": source.kind,
                "source": who,
                "cue": c.cue,
                "text": text_of(c.span),
                "hedges": [text_of(h.span) for h in c.hedges],
                "negated": c.negated,
            }
        )
    counts: dict[str, int] = {}
    for m in article.mentions:
        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    actors = [
        {"id": a.id, "kind": a.kind.value, "name": a.name, "mentions": counts.get(a.id, 0)}
        for a in article.actors
    ]
    for spans in layers.values():  # a cue shared by a statement and its claim appears once
        unique = {(s["start"], s["end"]): s for s in reversed(spans)}
        spans[:] = sorted(unique.values(), key=lambda s: (s["start"], s["end"]))
    title = text_of(article.title) if article.title is not None else None
    return {
        "id": article.id,
        "title": title,
        "source": article.metadata.source,
        "text": article.text,
        "layers": layers,
        "actors": actors,
        "statements": statements,
        "claims": claims,
    }


# --------------------------------------------------------------------------- #
# Rendering the offsets dict
# --------------------------------------------------------------------------- #

_E = html.escape


def _open_tag(layer: str, span: Mapping[str, Any]) -> str:
    element = _ELEMENT.get(layer, "mark")
    label = str(span.get("label", layer))
    classes = f"gb-{layer} gb-{layer}-{label}" if label != layer else f"gb-{layer}"
    title = span.get("title")
    title_attr = f' title="{_E(str(title))}"' if title else ""
    return (
        f'<{element} class="{_E(classes)}" data-layer="{_E(layer)}" '
        f'data-label="{_E(label)}"{title_attr}>'
    )


def _close_tag(layer: str) -> str:
    return f"</{_ELEMENT.get(layer, 'mark')}>"


def _marked_text(text: str, layers: Mapping[str, Sequence[Mapping[str, Any]]]) -> str:
    """``text`` escaped, with every span of ``layers`` wrapped in its element.

    Spans are opened longest first (then in :data:`LAYER_ORDER`); a span that
    must close while spans opened after it are still open closes those first
    and reopens them after, so crossing spans are split and tags always nest.
    """
    rank = {layer: i for i, layer in enumerate(LAYER_ORDER)}
    spans: list[tuple[int, int, int, str, Mapping[str, Any]]] = []
    for layer, items in layers.items():
        for s in items:
            start, end = int(s["start"]), int(s["end"])
            if 0 <= start < end <= len(text):
                spans.append((start, -end, rank.get(layer, len(rank)), layer, s))
    spans.sort(key=lambda t: t[:3])
    bounds = sorted({0, len(text), *(t[0] for t in spans), *(-t[1] for t in spans)})
    out: list[str] = []
    stack: list[tuple[int, str, Mapping[str, Any]]] = []  # (end, layer, span)
    k = 0
    for pos, nxt in zip(bounds, [*bounds[1:], len(text)], strict=True):
        if any(end == pos for end, _, _ in stack):
            reopen = []
            while any(end == pos for end, _, _ in stack):
                end, layer, span = stack.pop()
                out.append(_close_tag(layer))
                if end != pos:
                    reopen.append((end, layer, span))
            for end, layer, span in reversed(reopen):
                out.append(_open_tag(layer, span))
                stack.append((end, layer, span))
        while k < len(spans) and spans[k][0] == pos:
            _, neg_end, _, layer, span = spans[k]
            out.append(_open_tag(layer, span))
            stack.append((-neg_end, layer, span))
            k += 1
        if nxt > pos:
            out.append(_E(text[pos:nxt], quote=False))
    out.extend(_close_tag(layer) for _, layer, _ in reversed(stack))
    return "".join(out)


_LEGEND: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    (
        "Actors",
        (
            ("actor", "person", "person"),
            ("actor", "state", "state"),
            ("actor", "organization", "organization"),
            ("actor", "group", "group"),
            ("actor", "location", "location"),
        ),
    ),
    (
        "Statements",
        (
            ("speaker", "speaker", "speaker"),
            ("cue", "cue", "cue"),
            ("statement", "direct", "what was said"),
        ),
    ),
    (
        "Claims",
        (
            ("claim", "asserted", "asserted"),
            ("claim", "reported", "reported"),
            ("claim", "hedged", "hedged"),
            ("hedge", "hedge", "hedge cue"),
            ("source", "anonymous", "anonymous source"),
        ),
    ),
)


def _legend() -> str:
    parts = ['<div class="gb-legend" role="list" aria-label="legend">']
    for group, keys in _LEGEND:
        parts.append(f'<span class="gb-group">{_E(group)}</span>')
        for layer, label, text in keys:
            tag = _open_tag(layer, {"label": label})
            parts.append(
                f'<span class="gb-key" role="listitem">{tag}{_E(text)}{_close_tag(layer)}</span>'
            )
    parts.append("</div>")
    return "".join(parts)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], empty: str) -> str:
    if not rows:
        return f'<p class="gb-empty">{_E(empty)}</p>'
    head = "".join(f"<th>{_E(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cells) + "</tr>" for cells in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _td(text: object, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{_E('' if text is None else str(text))}</td>"


def _first_words(text: str, limit: int = 80) -> str:
    """The first line of ``text``, cut at a word boundary near ``limit`` characters."""
    line = text.strip().split("\n", 1)[0]
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def render(doc: Mapping[str, Any]) -> str:
    """One self-contained HTML page from an offsets dict (see :func:`to_offsets`).

    Only ``text`` is required; ``layers``, ``title``, ``id``, ``source``,
    ``actors``, ``statements`` and ``claims`` are used when present.
    """
    text = str(doc["text"])
    layers: Mapping[str, Sequence[Mapping[str, Any]]] = doc.get("layers") or {}
    css = resources.files("geobrief").joinpath("render_assets/render.css").read_text("utf-8")
    title = doc.get("title") or _first_words(text) or "Untitled"
    facts = " · ".join(
        str(x)
        for x in (
            f"article {doc['id']}" if doc.get("id") else "",
            doc.get("source") or "",
            f"{len(doc.get('actors') or [])} actors",
            f"{len(doc.get('statements') or [])} statements",
            f"{len(doc.get('claims') or [])} claims",
        )
        if x
    )
    statement_rows = [
        [
            _td(s.get("number"), "gb-num"),
            _td(s.get("speaker")),
            _td(s.get("cue")),
            _td(s.get("kind")),
            _td(s.get("content")),
        ]
        for s in doc.get("statements") or []
    ]
    claim_rows = [
        [
            _td(c.get("number"), "gb-num"),
            f'<td><span class="gb-pill gb-pill-{_E(str(c.get("modality")))}">'
            f"{_E(str(c.get('modality')))}</span>{' · negated' if c.get('negated') else ''}</td>",
            _td(c.get("source")),
            _td(", ".join(c.get("hedges") or [])),
            _td(c.get("text")),
        ]
        for c in doc.get("claims") or []
    ]
    actor_rows = [
        [
            f"<td>{_open_tag('actor', {'label': a.get('kind')})}"
            f"{_E(str(a.get('name')))}</mark></td>",
            _td(a.get("kind")),
            _td(a.get("id")),
            _td(a.get("mentions"), "gb-num"),
        ]
        for a in sorted(
            doc.get("actors") or [], key=lambda a: (-int(a.get("mentions") or 0), str(a.get("id")))
        )
    ]
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="geobrief {_E(__version__)}">',
            f"<title>{_E(str(title))} · geobrief</title>",
            f'<style>\n{css}</style></head>\n<body><main class="gb-page">\n',
            f'<header class="gb-card gb-head"><h1>{_E(str(title))}</h1>',
            f'<p class="gb-facts">{_E(facts)}</p>{_legend()}</header>\n',
            '<article class="gb-card"><div class="gb-text">',
            _marked_text(text, layers),
            "</div></article>\n",
            '<section class="gb-card"><h2>Statements</h2>',
            _table(
                ["#", "speaker", "cue", "kind", "what was said"], statement_rows, "No statements."
            ),
            "</section>\n",
            '<section class="gb-card"><h2>Claims</h2>',
            _table(["#", "modality", "source", "hedges", "claim"], claim_rows, "No claims."),
            "</section>\n",
            '<section class="gb-card"><h2>Actors</h2>',
            _table(["actor", "kind", "id", "mentions"], actor_rows, "No actors."),
            "</section>\n",
            f'<p class="gb-foot">Rendered by geobrief {_E(__version__)}. '
            "Hover a highlight for details.</p>\n",
            "</main></body></html>\n",
        ]
    )


def render_html(article: Article) -> str:
    """The article as one self-contained HTML page: ``render(to_offsets(article))``."""
    return render(to_offsets(article))
