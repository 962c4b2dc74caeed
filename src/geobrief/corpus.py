"""A lazy, streaming collection of articles: text files, folders, globs or JSONL.

A :class:`Corpus` holds only *where* its articles are. Iterating it reads (and
parses, for text files) one article at a time, so a 100,000-line JSONL file is
filtered in constant memory. It is re-iterable: every pass reads the sources
again.

    corpus = Corpus.from_paths("briefs/", "more/*.txt")
    corpus = Corpus.from_jsonl("briefs.jsonl")
    for hit in corpus.claims(q.about("state:PRK") & q.hedged()):
        print(hit.article_id, hit.text)
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from geobrief._model import Actor, Article, Claim, Mention, Statement
from geobrief._pipeline import Pipeline, parse_file
from geobrief._serialize import loads
from geobrief.query import ActorCount, CoMention, Filter, Hit
from geobrief.query import _run as run
from geobrief.records import Layer, to_records

__all__ = ["Corpus", "ErrorHandler", "SourceKind", "expand_paths"]

SourceKind = Literal["text", "json", "jsonl"]
"""How a file is read: parsed as text, or loaded as JSON / JSON Lines."""

ErrorHandler = Callable[[str, Exception], None]
"""Called with ``(where, error)`` for an article that cannot be read; it is then skipped."""


def _kind_of(path: str) -> SourceKind:
    lower = path.lower()
    if lower.endswith(".jsonl"):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    return "text"


def expand_paths(paths: Iterable[str | os.PathLike[str]], pattern: str = "*.txt") -> Iterator[str]:
    """Files named by ``paths``, in a stable order.

    A folder yields its files matching ``pattern`` recursively (sorted); a glob
    (``briefs/*.txt``, ``**``) yields its matches (sorted); a file yields
    itself. Raises FileNotFoundError for a name that is none of these.
    """
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            yield from sorted(str(p) for p in Path(path).rglob(pattern) if p.is_file())
        elif glob.has_magic(path):
            yield from sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
        elif os.path.exists(path):
            yield path
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")


@attrs.frozen(kw_only=True)
class _Source:
    path: str | None = None
    kind: SourceKind = "text"
    articles: tuple[Article, ...] = ()


def _check_exists(path: str) -> str:
    if not (os.path.exists(path) or glob.has_magic(path)):
        raise FileNotFoundError(f"no such file or folder: {path}")
    return path


@attrs.frozen(kw_only=True)
class Corpus:
    """A lazy, re-iterable collection of articles with the queries of :mod:`geobrief.query`.

    Build one with :meth:`from_paths`, :meth:`from_jsonl` or :meth:`of`.
    ``on_error`` decides what happens to an article that cannot be read: None
    raises; a callable is told ``(where, error)`` and the article is skipped.
    """

    sources: tuple[_Source, ...] = ()
    """Where the articles come from (files, folders, globs, or articles in memory)."""
    pattern: str = "*.txt"
    """Which files of a folder are read."""
    pipeline: Pipeline | None = None
    """The pipeline used to parse text files (the default one if None)."""
    on_error: ErrorHandler | None = None
    """Called for each unreadable article, which is then skipped; None raises."""
    keep: tuple[Callable[[Article], bool], ...] = ()
    """Article-level predicates added by :meth:`filter`; all must pass."""

    # ------------------------------------------------------------ construction

    @classmethod
    def from_paths(
        cls,
        *paths: str | os.PathLike[str],
        pattern: str = "*.txt",
        pipeline: Pipeline | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Corpus:
        """A corpus of files, folders (recursive, matching ``pattern``) and globs.

        ``.jsonl`` files are read line by line, ``.json`` files as one article,
        anything else is parsed as text. Folders and globs are listed when the
        corpus is iterated, so files added later are seen.
        """
        sources = tuple(
            _Source(path=_check_exists(os.fspath(p)), kind=_kind_of(os.fspath(p))) for p in paths
        )
        return cls(sources=sources, pattern=pattern, pipeline=pipeline, on_error=on_error)

    @classmethod
    def from_jsonl(
        cls, *paths: str | os.PathLike[str], on_error: ErrorHandler | None = None
    ) -> Corpus:
        """A corpus streamed from JSON Lines files (one article per line)."""
        sources = tuple(_Source(path=_check_exists(os.fspath(p)), kind="jsonl") for p in paths)
        return cls(sources=sources, on_error=on_error)

    @classmethod
    def of(cls, articles: Iterable[Article]) -> Corpus:
        """A corpus of articles already in memory (kept as a tuple)."""
        return cls(sources=(_Source(articles=tuple(articles)),))

    def filter(self, predicate: Callable[[Article], bool]) -> Corpus:
        """A corpus of the articles for which ``predicate(article)`` is true (lazy)."""
        return attrs.evolve(self, keep=(*self.keep, predicate))

    def __add__(self, other: Corpus) -> Corpus:
        """The articles of both corpora, this one's first (settings from this one)."""
        if other.keep:
            raise ValueError("cannot add a filtered corpus; filter the sum instead")
        return attrs.evolve(self, sources=self.sources + other.sources)

    # --------------------------------------------------------------- iteration

    def __iter__(self) -> Iterator[Article]:
        for article in self._read():
            if all(predicate(article) for predicate in self.keep):
                yield article

    def _read(self) -> Iterator[Article]:
        for source in self.sources:
            if source.path is None:
                yield from source.articles
            elif source.kind == "jsonl":
                yield from self._read_jsonl(source.path)
            else:
                for path in expand_paths([source.path], self.pattern):
                    yield from self._read_file(path)

    def _read_file(self, path: str) -> Iterator[Article]:
        kind = _kind_of(path)
        if kind == "jsonl":
            yield from self._read_jsonl(path)
            return
        try:
            if kind == "json":
                article = loads(Path(path).read_bytes())
            else:
                article = parse_file(path, pipeline=self.pipeline)
        except Exception as exc:  # reported per file; one bad file never stops the rest
            if self.on_error is None:
                raise
            self.on_error(path, exc)
            return
        yield article

    def _read_jsonl(self, path: str) -> Iterator[Article]:
        try:
            lines = open(path, "rb")  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            if self.on_error is None:
                raise
            self.on_error(path, exc)
            return
        with lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    article = loads(line.decode("utf-8"))
                except Exception as exc:  # one bad line never stops the rest
                    if self.on_error is None:
                        raise
                    self.on_error(f"{path}:{number}", exc)
                    continue
                yield article

    def count(self) -> int:
        """The number of articles (reads every source once)."""
        return sum(1 for _ in self)

    # ----------------------------------------------------------------- queries

    def statements(self, where: Filter[Statement] | None = None) -> Iterator[Hit[Statement]]:
        """Statements passing ``where``, streamed (see :func:`geobrief.query.statements`)."""
        return run.statements(self, where)

    def claims(self, where: Filter[Claim] | None = None) -> Iterator[Hit[Claim]]:
        """Claims passing ``where``, streamed (see :func:`geobrief.query.claims`)."""
        return run.claims(self, where)

    def mentions(self, where: Filter[Mention] | None = None) -> Iterator[Hit[Mention]]:
        """Mentions passing ``where``, streamed (see :func:`geobrief.query.mentions`)."""
        return run.mentions(self, where)

    def actors(self, where: Filter[Actor] | None = None) -> list[ActorCount]:
        """Actors merged by id across the corpus, with counts (most mentioned first)."""
        return run.actor_counts(self, where)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id merged across every article, or None."""
        merged: Actor | None = None
        for article in self:
            found = article.actor(actor_id)
            if found is not None:
                merged = found if merged is None else run.merge_actors(merged, found)
        return merged

    def co_mentions(
        self, where: Filter[Actor] | None = None, *, min_sentences: int = 1
    ) -> list[CoMention]:
        """Actor pairs named in the same sentence (see :func:`geobrief.query.co_mentions`)."""
        return run.co_mentions(self, where, min_sentences=min_sentences)

    def to_records(self, layer: Layer) -> Iterator[dict[str, Any]]:
        """Flat records of one layer (see :func:`geobrief.records.to_records`)."""
        return to_records(self, layer)
