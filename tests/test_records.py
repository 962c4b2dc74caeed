"""Tests for geobrief.records: flat records, pandas, Parquet and a DuckDB query over it."""

from __future__ import annotations

from pathlib import Path

import pytest

import geobrief
from geobrief.corpus import Corpus
from geobrief.records import (
    COLUMNS,
    LAYERS,
    arrow_schema,
    to_pandas,
    to_records,
    write_parquet,
    write_parquet_dataset,
)
from test_query_support import BRIEF, brief

SEED = Path(__file__).parent.parent / "examples" / "russia_north_korea_brief.txt"


def _variants(n: int) -> list[geobrief.Article]:
    return [brief(f"Brief {i}.\n" + BRIEF, source=f"brief-{i}.txt") for i in range(n)]


@pytest.mark.parametrize("layer", LAYERS)
def test_records_have_exactly_the_stable_columns(layer: str) -> None:
    """Every record of every layer has the layer's columns, in order."""
    expected = [name for name, _ in COLUMNS[layer]]  # type: ignore[index]
    records = list(to_records(brief(), layer))  # type: ignore[arg-type]
    assert records
    assert all(expected == list(r) for r in records)


def test_unknown_layer_is_an_error() -> None:
    """An unknown layer is named in the error with the known ones."""
    with pytest.raises(ValueError, match=r"'quotes'.*statements"):
        list(to_records(brief(), "quotes"))  # type: ignore[arg-type]


def test_statement_records_carry_texts_and_offsets() -> None:
    """A statement record has the speaker, cue and content texts with their offsets."""
    article = brief()
    record = next(to_records(article, "statements"))
    assert {
        "article_id": article.id,
        "index": 0,
        "kind": "reported",
        "speaker": "person:sergey-lavrov",
        "speaker_name": "Sergey Lavrov",
        "speaker_text": "Lavrov",
        "cue": "warn",
        "cue_text": "warned",
        "text": "against forming alliances",
        "addressees": ["state:USA"],
        "part": "lead",
        "section": None,
    } == {k: record[k] for k in record if not k.endswith(("_start", "_end")) and k != "about"}
    for prefix in ("speaker", "cue", "span"):
        start, end = record[f"{prefix}_start"], record[f"{prefix}_end"]
        assert record["text" if prefix == "span" else f"{prefix}_text"] == article.text[start:end]


def test_claim_records() -> None:
    """A claim record flattens its source, hedges and section."""
    records = list(to_records(brief(), "claims"))
    hedged = records[1]
    assert ("anonymous", None, "Intelligence reports") == (
        hedged["source_kind"],
        hedged["source_actor"],
        hedged["source_text"],
    )
    assert (["may"], ["may"], "Military Developments") == (
        hedged["hedges"],
        hedged["hedge_texts"],
        hedged["section"],
    )
    assert ("person:sergey-lavrov", "Sergey Lavrov", 1) == (
        records[0]["source_actor"],
        records[0]["source_name"],
        records[0]["statement"],
    )


def test_article_and_actor_records() -> None:
    """The article record counts its layers; actor records count mentions."""
    article = brief()
    (row,) = to_records(article, "articles")
    assert (9, 16, 3, 3, "brief", "brief.txt") == (
        row["actors"],
        row["mentions"],
        row["statements"],
        row["claims"],
        row["layout"],
        row["source"],
    )
    mentions = {r["actor_id"]: r["mentions"] for r in to_records(article, "actors")}
    assert 3 == mentions["person:sergey-lavrov"]
    assert sum(mentions.values()) == len(article.mentions)


def test_records_stream_over_a_corpus() -> None:
    """Records of a corpus come from each article in turn."""
    articles = _variants(3)
    ids = [r["article_id"] for r in to_records(Corpus.of(articles), "statements")]
    assert [a.id for a in articles for _ in range(3)] == ids


def test_to_pandas_keeps_columns_when_empty() -> None:
    """A DataFrame has the layer's columns even with no rows."""
    pytest.importorskip("pandas")
    empty = to_pandas([], "claims")
    assert [name for name, _ in COLUMNS["claims"]] == list(empty.columns)
    frame = to_pandas(_variants(2), "statements")
    assert 6 == len(frame)


def test_parquet_and_duckdb_top_speakers(tmp_path: Path) -> None:
    """Parquet written for a few briefs answers a real SQL query in DuckDB."""
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    rows = write_parquet(_variants(3), tmp_path / "statements.parquet", "statements", batch_size=2)
    assert 9 == rows
    query = """
        SELECT speaker_name, count(*) AS n, count(DISTINCT article_id) AS articles
        FROM read_parquet(?) WHERE speaker IS NOT NULL
        GROUP BY speaker_name ORDER BY n DESC, speaker_name
    """
    result = duckdb.sql(query, params=[str(tmp_path / "statements.parquet")]).fetchall()
    assert [("Sergey Lavrov", 6, 3), ("Kremlin", 3, 3)] == result


def test_parquet_dataset_joins(tmp_path: Path) -> None:
    """The per-layer files of a dataset join on article and actor ids."""
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    counts = write_parquet_dataset(_variants(2), tmp_path / "ds")
    assert {"articles": 2, "actors": 18, "mentions": 32, "statements": 6, "claims": 6} == counts
    con = duckdb.connect()
    hedged_about_states = con.execute(
        f"""
        SELECT a.name, count(*) FROM read_parquet('{tmp_path}/ds/claims.parquet') c,
             unnest(c.about) AS t(actor_id)
        JOIN read_parquet('{tmp_path}/ds/actors.parquet') a
          ON a.actor_id = t.actor_id AND a.article_id = c.article_id
        WHERE c.modality = 'hedged' AND a.kind = 'state'
        GROUP BY a.name
        """
    ).fetchall()
    assert [("North Korea", 2)] == hedged_about_states


def test_arrow_schema_types() -> None:
    """List columns are lists of strings, counts are int64."""
    pa = pytest.importorskip("pyarrow")
    schema = arrow_schema("claims")
    assert pa.list_(pa.string()) == schema.field("hedges").type
    assert pa.int64() == schema.field("span_start").type
    assert pa.bool_() == schema.field("negated").type


def test_parquet_of_the_parsed_seed(tmp_path: Path) -> None:
    """The seed, parsed by the default pipeline, writes Parquet whose rows match the article."""
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    article = geobrief.parse_file(SEED)
    counts = write_parquet_dataset(article, tmp_path)
    assert {
        "articles": 1,
        "actors": len(article.actors),
        "mentions": len(article.mentions),
        "statements": len(article.statements),
        "claims": len(article.claims),
    } == counts
    texts = duckdb.sql(
        f"SELECT text, span_start, span_end FROM read_parquet('{tmp_path}/mentions.parquet')"
    ).fetchall()
    assert all(article.text[start:end] == text for text, start, end in texts)
