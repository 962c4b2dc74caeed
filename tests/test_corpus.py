"""Tests for geobrief.corpus.Corpus: sources, laziness, errors, merged actors, queries."""

from __future__ import annotations

from pathlib import Path

import pytest

import geobrief
from geobrief import query as q
from geobrief.corpus import Corpus, expand_paths
from test_query_support import BRIEF, brief

_BARE = geobrief.Pipeline(stages=())
"""A pipeline without stages: these tests are about reading files, not extraction."""


def _write_jsonl(path: Path, articles: list[geobrief.Article]) -> Path:
    path.write_text("".join(geobrief.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _variants(n: int) -> list[geobrief.Article]:
    return [brief(f"Brief {i}.\n" + BRIEF) for i in range(n)]


def test_expand_paths_folders_globs_files(tmp_path: Path) -> None:
    """Folders are searched recursively for *.txt, globs expand, files pass through."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    for name in ["a/1.txt", "a/deep/2.txt", "a/notes.md", "3.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(expand_paths([tmp_path / "a", str(tmp_path / "*.txt"), tmp_path / "a/notes.md"]))
    expected = [
        str(tmp_path / "a/1.txt"),
        str(tmp_path / "a/deep/2.txt"),
        str(tmp_path / "3.txt"),
        str(tmp_path / "a/notes.md"),
    ]
    assert expected == found


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    """A path that does not exist is reported when the corpus is built."""
    with pytest.raises(FileNotFoundError, match=r"nope\.txt"):
        Corpus.from_paths(tmp_path / "nope.txt")


def test_text_files_are_parsed(tmp_path: Path) -> None:
    """Text files in a folder are parsed with the pipeline, in sorted order."""
    (tmp_path / "b.txt").write_text("Second brief.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First brief.\n", encoding="utf-8")
    corpus = Corpus.from_paths(tmp_path, pipeline=_BARE)
    texts = [a.text for a in corpus]
    assert ["First brief.\n", "Second brief.\n"] == texts
    assert [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")] == [a.metadata.source for a in corpus]


def test_pipeline_is_used(tmp_path: Path) -> None:
    """A custom pipeline parses the corpus's text files."""
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    pipeline = geobrief.Pipeline(stages=())
    corpus = Corpus.from_paths(tmp_path / "a.txt", pipeline=pipeline)
    assert [()] == [a.sections for a in corpus]


def test_jsonl_round_trip_and_reiteration(tmp_path: Path) -> None:
    """A JSONL corpus yields the articles written, and can be iterated twice."""
    articles = _variants(3)
    corpus = Corpus.from_jsonl(_write_jsonl(tmp_path / "c.jsonl", articles))
    assert articles == list(corpus)
    assert 3 == corpus.count()


def test_json_and_jsonl_by_extension(tmp_path: Path) -> None:
    """``from_paths`` reads .json as one article and .jsonl line by line."""
    one, two, three = _variants(3)
    (tmp_path / "one.json").write_text(geobrief.dumps(one), encoding="utf-8")
    _write_jsonl(tmp_path / "more.jsonl", [two, three])
    corpus = Corpus.from_paths(tmp_path / "one.json", tmp_path / "more.jsonl")
    assert [one.id, two.id, three.id] == [a.id for a in corpus]


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """The first article is yielded before later lines are read (a bad line 2 raises late)."""
    path = _write_jsonl(tmp_path / "c.jsonl", _variants(1))
    with path.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    articles = iter(Corpus.from_jsonl(path))
    assert 3 == len(next(articles).statements)
    with pytest.raises(ValueError, match=r"."):
        next(articles)


def test_on_error_skips_and_reports(tmp_path: Path) -> None:
    """With ``on_error``, bad lines and unreadable files are reported and skipped."""
    path = _write_jsonl(tmp_path / "c.jsonl", _variants(2))
    with path.open("ab") as f:
        f.write(b"\xff\xfe not utf-8\n")
        f.write(b"{}\n")
        f.write(geobrief.dumps(_variants(3)[2]).encode() + b"\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    errors: list[str] = []
    corpus = Corpus.from_paths(
        path,
        tmp_path / "bad.txt",
        tmp_path / "good.txt",
        pipeline=_BARE,
        on_error=lambda where, _: errors.append(where),
    )
    assert 4 == corpus.count()
    assert [f"{path}:3", f"{path}:4", str(tmp_path / "bad.txt")] == errors


def test_filter_is_lazy_and_composable(tmp_path: Path) -> None:
    """``filter`` keeps articles passing every predicate."""
    corpus = Corpus.of(_variants(4))
    kept = corpus.filter(lambda a: "Brief 1" in a.text or "Brief 2" in a.text).filter(
        lambda a: "Brief 2" not in a.text
    )
    assert 1 == kept.count()
    assert 4 == corpus.count()


def test_queries_on_a_corpus(tmp_path: Path) -> None:
    """The query functions work on a corpus, with hits from each article."""
    articles = _variants(3)
    corpus = Corpus.from_jsonl(_write_jsonl(tmp_path / "c.jsonl", articles))
    hits = list(corpus.claims(q.about("state:PRK") & q.hedged()))
    assert [a.id for a in articles] == [h.article_id for h in hits]
    assert 6 == len(list(corpus.statements(q.speaker("Lavrov"))))
    assert 3 == len(list(q.statements(corpus, q.speaker("Kremlin"))))
    assert 9 == len(list(corpus.mentions(q.is_actor("Lavrov"))))


def test_actors_merged_across_articles() -> None:
    """Actors are merged by id across articles, with counts summed."""
    corpus = Corpus.of(_variants(2))
    counts = {c.actor.id: (c.mentions, c.articles) for c in corpus.actors()}
    assert (6, 2) == counts["person:sergey-lavrov"]
    assert "Sergey Lavrov" == corpus.actor("person:sergey-lavrov").name  # type: ignore[union-attr]
    assert corpus.actor("person:nobody") is None


def test_co_mentions_on_a_corpus() -> None:
    """Co-mention counts add up over articles."""
    pairs = {
        (c.first, c.second): (c.sentences, c.articles)
        for c in Corpus.of(_variants(2)).co_mentions()
    }
    assert (4, 2) == pairs[("state:PRK", "state:RUS")]


def test_corpora_add() -> None:
    """Two corpora add up to one that reads both."""
    a, b = Corpus.of(_variants(1)), Corpus.of(_variants(2))
    assert 3 == (a + b).count()


def test_memory_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    """Filtering a JSONL corpus 10x larger does not raise peak memory (it is streamed)."""
    import tracemalloc

    line = geobrief.dumps(brief()) + "\n"

    def peak_for(n: int) -> int:
        path = tmp_path / f"c{n}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for _ in range(n):
                f.write(line)
        tracemalloc.start()
        try:
            hits = sum(1 for _ in Corpus.from_jsonl(path).claims(q.hedged()))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert n == hits
        return peak

    small, large = peak_for(20), peak_for(200)
    assert large < 1.5 * small, (small, large)
