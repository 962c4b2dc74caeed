"""``geobrief validate`` and ``geobrief schema``: check JSON against the model."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

import geobrief
from geobrief._errors import DecodeError, ModelError
from geobrief._serialize import loads
from geobrief.cli._common import EXIT_FAILED, EXIT_OK, error, open_output

__all__ = ["add_parsers", "problems_of", "run_schema", "run_validate"]


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``schema`` and ``validate`` commands."""
    s = commands.add_parser(
        "schema",
        help="print the JSON Schema of geobrief's article JSON",
        description="Print the JSON Schema (draft 2020-12) that geobrief's JSON output follows.",
    )
    s.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    s.set_defaults(run=run_schema, command_parser=s)
    v = commands.add_parser(
        "validate",
        help="check JSON or JSONL files against the model",
        description=(
            "Check geobrief JSON (one article) or JSONL (one per line) against the model. "
            "Each bad record is reported on stderr as FILE:LINE: JSON-PATH: problem. "
            "Exit status 1 if any record is bad."
        ),
    )
    v.add_argument("paths", nargs="+", metavar="FILE", help="a .json or .jsonl file, or '-'")
    v.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    v.set_defaults(run=run_validate, command_parser=v)


def run_schema(args: argparse.Namespace) -> int:
    """Run ``geobrief schema``."""
    make_schema = getattr(geobrief, "json_schema", None)
    if make_schema is None:
        error("the JSON Schema is not available in this version (geobrief.json_schema is missing)")
        return EXIT_FAILED
    with open_output(args.output) as out:
        out.write(json.dumps(make_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def problems_of(text: str) -> list[tuple[str, str]]:
    """``(json_path, message)`` for each problem of one JSON record; empty when it is valid."""
    try:
        loads(text)
    except json.JSONDecodeError as exc:
        return [("$", f"not valid JSON: {exc.msg} (column {exc.colno})")]
    except DecodeError as exc:
        return [(p.path, p.message) for p in exc.problems]
    except Exception as exc:
        try:
            return _generic_problems(exc)
        except Exception:  # describing the error must never hide it
            return [("$", f"{type(exc).__name__}: {exc}")]
    return []


def _generic_problems(exc: Exception) -> list[tuple[str, str]]:
    """Problems from errors other than DecodeError (e.g. a bare cattrs converter's)."""
    import cattrs
    from cattrs.v import format_exception

    def describe(error: BaseException, type_: type | None) -> str:
        if isinstance(error, ModelError):
            return str(error)
        return format_exception(error, type_)

    if isinstance(exc, cattrs.BaseValidationError):
        lines = cattrs.transform_error(exc, format_exception=describe)
    else:
        lines = [str(exc) + " @ $"]
    found: list[tuple[str, str]] = []
    for line in lines:
        body, _, path = line.rpartition(" @ ")
        inner = [_split(x.strip().removeprefix("- ")) for x in body.splitlines() if " @ $" in x]
        found.extend(inner or [(path or "$", body or line)])
    return found


def _split(line: str) -> tuple[str, str]:
    message, sep, path = line.rpartition(" @ ")
    return (path, message) if sep else ("$", line)


def _records(path: str) -> Iterator[tuple[int, str]]:
    """``(line, text)`` of each record: every non-blank line of a JSONL file (streamed),
    the whole of a JSON file; stdin is JSONL when several lines start with ``{``."""
    if path.endswith(".jsonl"):
        with open(path, "rb") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield number, _decode(line)
        return
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    if path == "-" and b"\n{" in data.strip():
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield number, _decode(line)
        return
    yield 1, _decode(data)


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", errors="surrogateescape")


def run_validate(args: argparse.Namespace) -> int:
    """Run ``geobrief validate``."""
    status = EXIT_OK
    for path in args.paths:
        total = bad = 0
        try:
            for line, text in _records(path):
                total += 1
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    found: list[tuple[str, str]] = [("$", "not valid UTF-8")]
                else:
                    found = problems_of(text)
                if found:
                    bad += 1
                    for json_path, message in found:
                        print(f"{path}:{line}: {json_path}: {message}", file=sys.stderr)
        except OSError as exc:
            error(f"{path}: {exc.strerror or exc}")
            status = EXIT_FAILED
            continue
        if bad:
            status = EXIT_FAILED
        if not args.quiet:
            verdict = "ok" if not bad else f"{bad} invalid"
            print(f"{path}: {total} record(s), {verdict}", file=sys.stderr)
    return status
