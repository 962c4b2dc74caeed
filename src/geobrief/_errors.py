"""geobrief's exception types.

Every error geobrief raises on purpose is a :class:`GeobriefError`; each also
subclasses the matching built-in so callers can catch either.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs


class GeobriefError(Exception):
    """Base class of every error geobrief raises on purpose."""


class ModelError(GeobriefError, ValueError):
    """A model object was built with an impossible value (e.g. a reversed span)."""


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in JSON input: where (a JSON path) and what."""

    path: str
    """JSONPath-like location of the bad value, e.g. ``$.sections[2].span.end``."""
    message: str
    """What was wrong there."""

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"


class DecodeError(GeobriefError, ValueError):
    """JSON that does not describe a valid geobrief object.

    ``problems`` lists every problem found, each with its JSON path.
    """

    def __init__(self, problems: Sequence[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        where = f" in {source}" if source else ""
        lines = [f"invalid geobrief JSON{where}: {len(self.problems)} problem(s)"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class InputError(GeobriefError, ValueError):
    """An input file could not be read as text (e.g. it is not valid UTF-8)."""

    def __init__(self, message: str, *, path: str | None = None, offset: int | None = None) -> None:
        self.path = path
        self.offset = offset
        super().__init__(message)
