"""The parse pipeline: normalize, then a sequence of named stages over an Article.

A stage is any callable ``(Article) -> Article``. The default pipeline is a
value; users build variants with :meth:`Pipeline.replace`,
:meth:`Pipeline.insert_after` and friends, without editing the library.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path

import attrs

from geobrief._errors import InputError
from geobrief._model import Article, Diagnostic, Metadata, Severity, _trusted_article
from geobrief._normalize import article_id, normalize

__all__ = ["Pipeline", "Stage", "default_pipeline", "parse", "parse_file", "read_text"]

Stage = Callable[[Article], Article]
"""A pipeline stage: takes an Article and returns a new one (never mutates)."""


_BLANK = Article(id="", text="")
"""An Article with every field at its default: the template of each parse's first one."""


def _stages(value: object) -> tuple[tuple[str, Stage], ...]:
    return tuple((str(name), stage) for name, stage in value)  # type: ignore[attr-defined]


@attrs.frozen(kw_only=True)
class Pipeline:
    """An ordered, immutable list of named stages run by :meth:`parse`.

    A stage that raises does not abort the parse: its changes are dropped and
    an ``internal-error`` diagnostic records what happened (set ``strict=True``
    to let the exception through, e.g. while developing a stage).
    """

    stages: tuple[tuple[str, Stage], ...] = attrs.field(converter=_stages)
    """``(name, stage)`` pairs, run in order."""
    strict: bool = False
    """Re-raise exceptions from stages instead of recording a diagnostic."""

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(name for name, _ in self.stages)

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no stage named {name!r}; stages are {list(self.names)}") from None

    def replace(self, name: str, stage: Stage) -> Pipeline:
        """A copy with the stage called ``name`` replaced by ``stage``."""
        i = self._index(name)
        stages = list(self.stages)
        stages[i] = (name, stage)
        return attrs.evolve(self, stages=tuple(stages))

    def insert_after(self, after: str, name: str, stage: Stage) -> Pipeline:
        """A copy with ``stage`` (called ``name``) inserted after the stage ``after``."""
        i = self._index(after) + 1
        return attrs.evolve(self, stages=(*self.stages[:i], (name, stage), *self.stages[i:]))

    def insert_before(self, before: str, name: str, stage: Stage) -> Pipeline:
        """A copy with ``stage`` (called ``name``) inserted before the stage ``before``."""
        i = self._index(before)
        return attrs.evolve(self, stages=(*self.stages[:i], (name, stage), *self.stages[i:]))

    def append(self, name: str, stage: Stage) -> Pipeline:
        """A copy with ``stage`` (called ``name``) added at the end."""
        return attrs.evolve(self, stages=(*self.stages, (name, stage)))

    def without(self, name: str) -> Pipeline:
        """A copy without the stage called ``name``."""
        i = self._index(name)
        return attrs.evolve(self, stages=self.stages[:i] + self.stages[i + 1 :])

    def parse(self, text: str, *, source: str | None = None) -> Article:
        """Parse ``text`` into an Article; never raises for any ``str``."""
        if not isinstance(text, str):
            raise TypeError(f"parse() takes a str, got {type(text).__name__}")
        normalized = normalize(text)
        # As Article(id=..., text=..., metadata=Metadata(source=source)): nothing in it
        # but the text and its id can be inconsistent, so it is built unchecked.
        article = _trusted_article(
            _BLANK, id=article_id(normalized), text=normalized, metadata=Metadata(source=source)
        )
        for name, stage in self.stages:
            try:
                article = stage(article)
            except Exception as exc:
                if self.strict:
                    raise
                article = attrs.evolve(
                    article,
                    diagnostics=(
                        *article.diagnostics,
                        Diagnostic(
                            code="internal-error",
                            severity=Severity.ERROR,
                            message=(
                                f"stage {name!r} failed and was skipped: "
                                f"{type(exc).__name__}: {exc} "
                                f"({traceback.extract_tb(exc.__traceback__)[-1].name})"
                            ),
                        ),
                    ),
                )
        return article


def default_pipeline() -> Pipeline:
    """geobrief's standard pipeline: structure, actors, statements, claims."""
    from geobrief.actors import recognize_actors
    from geobrief.claims import extract_claims
    from geobrief.statements import extract_statements
    from geobrief.structure import parse_structure

    return Pipeline(
        stages=(
            ("structure", parse_structure),
            ("actors", recognize_actors),
            ("statements", extract_statements),
            ("claims", extract_claims),
        )
    )


_DEFAULT: Pipeline | None = None


def _default() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = default_pipeline()
    return _DEFAULT


def parse(text: str, *, source: str | None = None, pipeline: Pipeline | None = None) -> Article:
    """Parse a brief or news article into an :class:`Article`.

    Never raises for any ``str``: odd input yields ``Article.diagnostics``.
    """
    return (pipeline or _default()).parse(text, source=source)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 (or UTF-8 with BOM) file; raise :class:`InputError` naming the
    file and the byte offset if it is not valid UTF-8."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        offset = exc.start + bom
        raise InputError(
            f"{os.fspath(path)}: not valid UTF-8 at byte offset {offset} "
            f"(byte 0x{data[offset]:02x}): {exc.reason}",
            path=os.fspath(path),
            offset=offset,
        ) from None


def parse_file(path: str | os.PathLike[str], *, pipeline: Pipeline | None = None) -> Article:
    """Read a UTF-8 file and parse it; ``metadata.source`` is the path."""
    return parse(read_text(path), source=os.fspath(path), pipeline=pipeline)
