"""Shared command-line helpers: exit statuses, messages, output files, progress."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from typing import IO, TextIO

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Progress",
    "UsageError",
    "error",
    "is_terminal",
    "open_output",
    "rich_console",
    "warn",
]

EXIT_OK = 0
"""Everything worked."""
EXIT_FAILED = 1
"""Some input failed (and was reported on stderr); the rest was processed."""
EXIT_USAGE = 2
"""The command line itself was wrong."""


class UsageError(Exception):
    """A command line that cannot be run (reported with exit status 2)."""


def error(message: str) -> None:
    """Print ``geobrief: error: message`` on stderr."""
    print(f"geobrief: error: {message}", file=sys.stderr, flush=True)


def warn(message: str) -> None:
    """Print ``geobrief: message`` on stderr."""
    print(f"geobrief: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout for None or ``-``, else the file ``path`` opened for writing (UTF-8)."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        yield out


def is_terminal(stream: IO[str]) -> bool:
    """True when ``stream`` is an interactive terminal."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def rich_console(stream: TextIO) -> object | None:
    """A rich Console on ``stream`` when rich is installed and it is a terminal, else None."""
    if not is_terminal(stream) or os.environ.get("TERM") == "dumb":
        return None
    try:
        from rich.console import Console
    except ImportError:
        return None
    return Console(file=stream, highlight=False)


class Progress:
    """A one-line progress bar on stderr, shown only when stderr is a terminal."""

    def __init__(self, total: int, *, enabled: bool | None = None, unit: str = "files") -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.unit = unit
        self.enabled = is_terminal(sys.stderr) if enabled is None else enabled
        self._started = time.monotonic()
        self._drawn = 0.0

    def advance(self, *, failed: bool = False) -> None:
        """Count one more input done; redraw at most ten times a second."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        filled = width * self.done // max(self.total, 1)
        rate = self.done / max(now - self._started, 1e-9)
        failed = f", {self.failed} failed" if self.failed else ""
        line = (
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
            f"{self.unit} ({rate:.1f}/s{failed})"
        )
        sys.stderr.write(line)
        sys.stderr.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.done:
            sys.stderr.write("\n")
            sys.stderr.flush()
