"""Flat records per layer, for pandas, Arrow/Parquet, DuckDB, Spark or Dask.

:func:`to_records` turns an article or any iterable of articles (a
:class:`~geobrief.corpus.Corpus`) into plain dicts with stable columns, one
layer at a time: ``articles``, ``actors``, ``mentions``, ``statements``,
``claims``. Every record carries ``article_id`` and the text of its item, so a
table can be read without the article. Offsets are named ``*_start`` and
``*_end`` (``end`` alone is an SQL keyword).

The optional extras turn records into a pandas DataFrame (:func:`to_pandas`,
extra ``pandas``) or Parquet files (:func:`write_parquet`,
:func:`write_parquet_dataset`, extra ``parquet``), streamed in batches so a
corpus of any size fits.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, get_args

from geobrief._model import Actor, Article, Span
from geobrief.query import ArticleIndex
from geobrief.query._run import Source

__all__ = [
    "COLUMNS",
    "LAYERS",
    "Layer",
    "arrow_schema",
    "article_records",
    "to_pandas",
    "to_records",
    "write_parquet",
    "write_parquet_dataset",
]

Layer = Literal["articles", "actors", "mentions", "statements", "claims"]
"""The record layers."""

LAYERS: tuple[Layer, ...] = get_args(Layer)
"""Every layer, in a fixed order."""

ColumnType = Literal["str", "int", "bool", "list"]

_S: ColumnType = "str"
_I: ColumnType = "int"
_B: ColumnType = "bool"
_L: ColumnType = "list"

COLUMNS: Mapping[Layer, tuple[tuple[str, ColumnType], ...]] = {
    "articles": (
        ("article_id", _S),
        ("source", _S),
        ("layout", _S),
        ("title", _S),
        ("date", _S),
        ("place", _S),
        ("agency", _S),
        ("chars", _I),
        ("sections", _I),
        ("actors", _I),
        ("mentions", _I),
        ("statements", _I),
        ("claims", _I),
        ("diagnostics", _I),
        ("schema_version", _S),
    ),
    "actors": (
        ("article_id", _S),
        ("actor_id", _S),
        ("kind", _S),
        ("name", _S),
        ("aliases", _L),
        ("titles", _L),
        ("affiliation", _S),
        ("iso3", _S),
        ("wikidata", _S),
        ("mentions", _I),
    ),
    "mentions": (
        ("article_id", _S),
        ("index", _I),
        ("actor_id", _S),
        ("actor_kind", _S),
        ("actor_name", _S),
        ("text", _S),
        ("span_start", _I),
        ("span_end", _I),
        ("part", _S),
        ("section", _S),
    ),
    "statements": (
        ("article_id", _S),
        ("index", _I),
        ("kind", _S),
        ("speaker", _S),
        ("speaker_name", _S),
        ("speaker_text", _S),
        ("speaker_start", _I),
        ("speaker_end", _I),
        ("cue", _S),
        ("cue_text", _S),
        ("cue_start", _I),
        ("cue_end", _I),
        ("text", _S),
        ("span_start", _I),
        ("span_end", _I),
        ("addressees", _L),
        ("about", _L),
        ("part", _S),
        ("section", _S),
    ),
    "claims": (
        ("article_id", _S),
        ("index", _I),
        ("text", _S),
        ("span_start", _I),
        ("span_end", _I),
        ("modality", _S),
        ("source_kind", _S),
        ("source_actor", _S),
        ("source_name", _S),
        ("source_text", _S),
        ("cue", _S),
        ("cue_text", _S),
        ("hedges", _L),
        ("hedge_texts", _L),
        ("negated", _B),
        ("about", _L),
        ("statement", _I),
        ("part", _S),
        ("section", _S),
    ),
}
"""Each layer's columns, in order, with their types (``list`` is a list of strings)."""


def _check_layer(layer: str) -> Layer:
    if layer not in COLUMNS:
        raise ValueError(f"unknown layer {layer!r}; layers are {', '.join(LAYERS)}")
    return layer  # type: ignore[return-value]


def _text(article: Article, span: Span | None) -> str | None:
    return None if span is None else article.text[span.start : span.end]


def _start(span: Span | None) -> int | None:
    return None if span is None else span.start


def _end(span: Span | None) -> int | None:
    return None if span is None else span.end


def _name(index: ArticleIndex, actor_id: str | None) -> str | None:
    actor = index.actors.get(actor_id) if actor_id is not None else None
    return None if actor is None else actor.name


def actor_columns(actor: Actor) -> dict[str, Any]:
    """The columns that describe an actor in the ``actors`` layer (without counts)."""
    return {
        "actor_id": actor.id,
        "kind": actor.kind.value,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "titles": list(actor.titles),
        "affiliation": actor.affiliation,
        "iso3": actor.iso3,
        "wikidata": actor.wikidata,
    }


def article_records(article: Article, layer: Layer) -> list[dict[str, Any]]:
    """The records of one layer of one article (see :data:`COLUMNS`)."""
    layer = _check_layer(layer)
    index = ArticleIndex(article)
    if layer == "articles":
        meta = article.metadata
        return [
            {
                "article_id": article.id,
                "source": meta.source,
                "layout": article.layout.value,
                "title": _text(article, article.title),
                "date": None if meta.date is None else meta.date.isoformat(),
                "place": meta.place,
                "agency": meta.agency,
                "chars": len(article.text),
                "sections": len(article.sections),
                "actors": len(article.actors),
                "mentions": len(article.mentions),
                "statements": len(article.statements),
                "claims": len(article.claims),
                "diagnostics": len(article.diagnostics),
                "schema_version": article.schema_version,
            }
        ]
    if layer == "actors":
        counts: dict[str, int] = {}
        for m in article.mentions:
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
        return [
            {"article_id": article.id, **actor_columns(a), "mentions": counts.get(a.id, 0)}
            for a in article.actors
        ]
    records: list[dict[str, Any]] = []
    if layer == "mentions":
        for i, m in enumerate(article.mentions):
            actor = index.actors.get(m.actor_id)
            location = index.location(m)
            records.append(
                {
                    "article_id": article.id,
                    "index": i,
                    "actor_id": m.actor_id,
                    "actor_kind": None if actor is None else actor.kind.value,
                    "actor_name": None if actor is None else actor.name,
                    "text": _text(article, m.span),
                    "span_start": m.span.start,
                    "span_end": m.span.end,
                    "part": location.part,
                    "section": location.heading,
                }
            )
    elif layer == "statements":
        for i, st in enumerate(article.statements):
            location = index.location(st)
            records.append(
                {
                    "article_id": article.id,
                    "index": i,
                    "kind": st.kind.value,
                    "speaker": st.speaker,
                    "speaker_name": _name(index, st.speaker),
                    "speaker_text": _text(article, st.speaker_span),
                    "speaker_start": _start(st.speaker_span),
                    "speaker_end": _end(st.speaker_span),
                    "cue": st.cue,
                    "cue_text": _text(article, st.cue_span),
                    "cue_start": _start(st.cue_span),
                    "cue_end": _end(st.cue_span),
                    "text": _text(article, st.content_span),
                    "span_start": st.content_span.start,
                    "span_end": st.content_span.end,
                    "addressees": list(st.addressees),
                    "about": list(st.about),
                    "part": location.part,
                    "section": location.heading,
                }
            )
    else:
        for i, c in enumerate(article.claims):
            location = index.location(c)
            source_actor: str | None = getattr(c.source, "actor_id", None)
            records.append(
                {
                    "article_id": article.id,
                    "index": i,
                    "text": _text(article, c.span),
                    "span_start": c.span.start,
                    "span_end": c.span.end,
                    "modality": c.modality.value,
                    "source_kind": c.source.kind,
                    "source_actor": source_actor,
                    "source_name": _name(index, source_actor),
                    "source_text": _text(article, getattr(c.source, "span", None)),
                    "cue": c.cue,
                    "cue_text": _text(article, c.cue_span),
                    "hedges": [h.cue for h in c.hedges],
                    "hedge_texts": [article.text_of(h.span) for h in c.hedges],
                    "negated": c.negated,
                    "about": list(c.about),
                    "statement": c.statement,
                    "part": location.part,
                    "section": location.heading,
                }
            )
    return records


def to_records(source: Source, layer: Layer) -> Iterator[dict[str, Any]]:
    """Flat records of ``layer`` for an article or each article of an iterable, streamed.

    Every record has exactly the columns of ``COLUMNS[layer]``, in that order.
    """
    layer = _check_layer(layer)
    articles: Iterable[Article] = (source,) if isinstance(source, Article) else source
    for article in articles:
        yield from article_records(article, layer)


# --------------------------------------------------------------------------- #
# Optional extras: pandas and Parquet
# --------------------------------------------------------------------------- #


def _optional(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{module} is needed for this; install it with: pip install 'geobrief[{extra}]'"
        ) from exc


def to_pandas(source: Source, layer: Layer) -> Any:
    """A pandas DataFrame of ``layer`` (needs the ``pandas`` extra).

    Columns are those of ``COLUMNS[layer]`` even when there are no rows.
    """
    pd = _optional("pandas", "pandas")
    layer = _check_layer(layer)
    columns = [name for name, _ in COLUMNS[layer]]
    return pd.DataFrame.from_records(list(to_records(source, layer)), columns=columns)


def arrow_schema(layer: Layer) -> Any:
    """The pyarrow schema of ``layer`` (needs the ``parquet`` extra)."""
    pa = _optional("pyarrow", "parquet")
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[_check_layer(layer)]])


class _BatchWriter:
    """Writes records of one layer to one Parquet file in batches."""

    def __init__(self, path: str | os.PathLike[str], layer: Layer, batch_size: int) -> None:
        self._pa = _optional("pyarrow", "parquet")
        pq = _optional("pyarrow.parquet", "parquet")
        self._schema = arrow_schema(layer)
        self._writer = pq.ParquetWriter(os.fspath(path), self._schema)
        self._batch: list[dict[str, Any]] = []
        self._batch_size = batch_size
        self.rows = 0

    def add(self, records: Iterable[dict[str, Any]]) -> None:
        self._batch.extend(records)
        if len(self._batch) >= self._batch_size:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            table = self._pa.Table.from_pylist(self._batch, schema=self._schema)
            self._writer.write_table(table)
            self.rows += len(self._batch)
            self._batch = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def write_parquet(
    source: Source,
    path: str | os.PathLike[str],
    layer: Layer,
    *,
    batch_size: int = 10_000,
) -> int:
    """Write ``layer`` to one Parquet file in batches; returns the number of rows.

    Needs the ``parquet`` extra. Memory is bounded by ``batch_size`` records.
    """
    writer = _BatchWriter(path, _check_layer(layer), batch_size)
    try:
        articles: Iterable[Article] = (source,) if isinstance(source, Article) else source
        for article in articles:
            writer.add(article_records(article, layer))
    finally:
        writer.close()
    return writer.rows


def write_parquet_dataset(
    source: Source,
    directory: str | os.PathLike[str],
    layers: Iterable[Layer] = LAYERS,
    *,
    part: str | None = None,
    batch_size: int = 10_000,
) -> dict[Layer, int]:
    """Write every layer into ``directory`` in a single pass over ``source``.

    Without ``part``, one file per layer: ``<directory>/<layer>.parquet``. With
    ``part`` (e.g. a partition's name on a cluster), one folder per layer:
    ``<directory>/<layer>/<part>.parquet``, so many writers can fill the same
    dataset and ``read_parquet('<directory>/statements/*.parquet')`` reads it as one
    table. Returns the number of rows written per layer. Needs the ``parquet`` extra.
    The tables join on ``article_id`` (and ``actor_id``/``speaker``/``source_actor``).
    """
    out = Path(directory)
    chosen = [_check_layer(layer) for layer in layers]
    paths = {
        layer: out / f"{layer}.parquet" if part is None else out / layer / f"{part}.parquet"
        for layer in chosen
    }
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    writers = {layer: _BatchWriter(paths[layer], layer, batch_size) for layer in chosen}
    try:
        articles: Iterable[Article] = (source,) if isinstance(source, Article) else source
        for article in articles:
            for layer, writer in writers.items():
                writer.add(article_records(article, layer))
    finally:
        for writer in writers.values():
            writer.close()
    return {layer: writer.rows for layer, writer in writers.items()}
