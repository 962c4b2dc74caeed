"""Tests for the ``geobrief`` command line, called as a user would.

Most tests call ``main([...])`` and read stdout/stderr with capsys; a few run
``python -m geobrief`` in a subprocess to check the real entry point, pipes and
exit statuses.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import geobrief
from geobrief.cli import main
from test_query_support import BRIEF, brief

SEED = Path(__file__).parent.parent / "examples" / "russia_north_korea_brief.txt"
COMMANDS = ["parse", "show", "query", "schema", "validate", "render"]


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geobrief", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        check=False,
    )


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    """A JSONL file of three hand-built briefs."""
    path = tmp_path / "briefs.jsonl"
    articles = [brief(f"Brief {i}.\n" + BRIEF) for i in range(3)]
    path.write_text("".join(geobrief.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """A folder with two briefs (one nested) and a non-.txt file."""
    folder = tmp_path / "briefs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Russia warned Japan on Monday.\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("NATO said it would meet.\n", encoding="utf-8")
    (folder / "notes.md").write_text("not a brief", encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- conventions


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the version on stdout and exits 0."""
    assert 0 == main(["--version"])
    assert f"geobrief {geobrief.__version__}\n" == capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command has ``--help`` that exits 0 and describes it."""
    assert 0 == main([command, "--help"])
    out = capsys.readouterr().out
    assert out.startswith(f"usage: geobrief {command}")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """No command, an unknown command or a bad option is a usage error (2) on stderr."""
    assert 2 == main([])
    assert 2 == main(["frobnicate"])
    assert 2 == main(["parse", "--jobs", "many", "x.txt"])
    captured = capsys.readouterr()
    assert "" == captured.out
    assert "usage: geobrief" in captured.err


# --------------------------------------------------------------------------- parse


def test_parse_one_file_prints_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    """One file gives one JSON object equal to the library's parse."""
    assert 0 == main(["parse", str(SEED)])
    out = capsys.readouterr().out
    assert 1 == out.count("\n")
    assert geobrief.parse_file(SEED) == geobrief.loads(out)


def test_parse_folder_gives_jsonl_in_order(texts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder is searched recursively for *.txt and gives one JSON line per file."""
    assert 0 == main(["parse", str(texts)])
    lines = capsys.readouterr().out.splitlines()
    sources = [geobrief.loads(line).metadata.source for line in lines]
    assert [str(texts / "a.txt"), str(texts / "sub" / "b.txt")] == sources


def test_parse_json_format_for_many_is_an_array(
    texts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--format json`` with several inputs writes one JSON array."""
    assert 0 == main(["parse", str(texts), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert 2 == len(data)
    assert "Russia warned Japan on Monday.\n" == geobrief.from_dict(data[0]).text


def test_parse_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``-`` reads the brief from standard input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("Moscow said it would respond.\r\n"))
    assert 0 == main(["parse", "-"])
    article = geobrief.loads(capsys.readouterr().out)
    assert ("Moscow said it would respond.\n", None) == (article.text, article.metadata.source)


def test_bad_files_are_reported_and_skipped(
    texts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Invalid UTF-8 and missing files are reported with their paths; the rest is written."""
    bad = texts / "bad.txt"
    bad.write_bytes(b"Caf\xe9 au lait\n")
    out = tmp_path / "out.jsonl"
    missing = tmp_path / "missing.txt"
    status = main(["parse", str(texts), str(missing), "-o", str(out)])
    err = capsys.readouterr().err
    assert 1 == status
    assert f"{bad}: not valid UTF-8 at byte offset 3" in err
    assert f"no such file or folder: {missing}" in err
    written = [geobrief.loads(line).metadata.source for line in out.read_text().splitlines()]
    assert [str(texts / "a.txt"), str(texts / "sub" / "b.txt")] == written


def test_parse_jobs_match_serial(texts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--jobs 2`` writes exactly what ``--jobs 1`` writes, in the same order."""
    for i in range(6):
        (texts / f"extra{i}.txt").write_text(f"Brief {i}: Kyiv said talks failed.\n", "utf-8")
    assert 0 == main(["parse", str(texts), "--jobs", "1"])
    serial = capsys.readouterr().out
    assert 0 == main(["parse", str(texts), "--jobs", "2"])
    assert serial == capsys.readouterr().out
    assert 8 == serial.count("\n")


def test_progress_bar_only_when_asked_or_on_a_terminal(
    texts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No bar when stderr is captured; ``--progress`` forces one."""
    out = str(tmp_path / "o.jsonl")
    assert 0 == main(["parse", str(texts), "-o", out])
    assert "" == capsys.readouterr().err
    assert 0 == main(["parse", str(texts), "-o", out, "--progress"])
    assert "2/2 files" in capsys.readouterr().err


def test_negative_jobs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``--jobs -1`` is refused with exit status 2."""
    assert 2 == main(["parse", str(SEED), "--jobs", "-1"])
    assert "--jobs" in capsys.readouterr().err


# --------------------------------------------------------------------------- show


def test_show_plain_view(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` prints the outline, actors, statements with speakers and hedged claims."""
    path = tmp_path / "b.json"
    path.write_text(geobrief.dumps(brief()), encoding="utf-8")
    assert 0 == main(["show", str(path)])
    out = capsys.readouterr().out
    for expected in [
        "Lavrov warns Washington over Korean alliances\n",
        "OUTLINE\n  1. The Meeting\n  2. Military Developments\n",
        "ACTORS (9)",
        "person:sergey-lavrov  person        3  Sergey Lavrov",
        "[1] Sergey Lavrov — warn (reported) · lead\n      against forming alliances\n",
        "[2] HEDGED · anonymous “Intelligence reports” (suggest) · Military Developments",
        "(hedges “may”; about North Korea)",
    ]:
        assert expected in out


def test_show_parses_text(capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` on a text file parses it first; the seed's outline is shown."""
    assert 0 == main(["show", str(SEED)])
    out = capsys.readouterr().out
    assert out.startswith("In a significant diplomatic engagement")
    assert "STATEMENTS (" in out


# --------------------------------------------------------------------------- query


def test_query_speaker_jsonl(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--speaker Lavrov`` prints one JSON record per statement by Sergey Lavrov."""
    assert 0 == main(["query", str(jsonl), "--speaker", "Lavrov"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert 6 == len(rows)
    assert {"Sergey Lavrov"} == {r["speaker_name"] for r in rows}


def test_query_hedged_about(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--about state:PRK --hedged`` lists hedged claims about North Korea."""
    assert 0 == main(["query", str(jsonl), "--about", "state:PRK", "--hedged"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert ["North Korea may deploy more troops"] * 3 == [r["text"] for r in rows]
    assert {"hedged"} == {r["modality"] for r in rows}


def test_query_actor_kind_table(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--kind state --format table`` shows merged states with mention counts."""
    assert 0 == main(["query", str(jsonl), "--kind", "state", "--format", "table"])
    lines = capsys.readouterr().out.splitlines()
    assert ["actor_id", "kind", "name", "mentions", "articles"] == lines[0].split()
    assert ["state:PRK", "state", "North", "Korea", "9", "3"] == lines[2].split()


def test_query_statement_kind_and_limit(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--kind direct`` keeps direct quotes; ``--limit`` stops early."""
    assert 0 == main(["query", str(jsonl), "--kind", "direct", "--limit", "2"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [("direct", "We warn against exploiting these ties.")] * 2 == [
        (r["kind"], r["text"]) for r in rows
    ]


def test_query_co_mentions(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--layer co-mentions`` lists actor pairs with sentence counts."""
    assert 0 == main(["query", str(jsonl), "--layer", "co-mentions", "--kind", "state"])
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert {"first": "state:PRK", "second": "state:RUS", "sentences": 6, "articles": 3} == first


def test_query_option_for_the_wrong_layer(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A filter that cannot apply to the chosen layer is a usage error."""
    assert 2 == main(["query", str(jsonl), "--layer", "statements", "--hedged"])
    assert "--hedged does not apply to --layer statements" in capsys.readouterr().err
    assert 2 == main(["query", str(jsonl), "--kind", "planet"])


def test_query_reports_bad_lines(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad JSONL line is reported with its line number; the others are still queried."""
    with jsonl.open("a", encoding="utf-8") as f:
        f.write("{broken\n")
    assert 1 == main(["query", str(jsonl), "--speaker", "Kremlin"])
    captured = capsys.readouterr()
    assert 3 == len(captured.out.splitlines())
    assert f"{jsonl}:4:" in captured.err


# --------------------------------------------------------------------------- schema, validate


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """``schema`` prints the JSON Schema, or says clearly that it is missing."""
    status = main(["schema"])
    captured = capsys.readouterr()
    if hasattr(geobrief, "json_schema"):
        assert (0, geobrief.json_schema()) == (status, json.loads(captured.out))  # type: ignore[attr-defined]
    else:
        assert (1, "") == (status, captured.out)
        assert "geobrief.json_schema is missing" in captured.err


def test_validate_good_and_bad(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each bad record is reported with its line and the JSON path of the problem."""
    assert 0 == main(["validate", str(jsonl)])
    assert f"{jsonl}: 3 record(s), ok\n" == capsys.readouterr().err
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    data = json.loads(lines[1])
    data["mentions"][0]["span"]["end"] = 10**6
    lines[1] = json.dumps(data)
    lines.append('{"id": ')
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert 1 == main(["validate", str(jsonl)])
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{jsonl}:2: $.mentions[0].span.end: ")
    assert err[1].startswith(f"{jsonl}:4: $: ")
    assert "JSON" in err[1]
    assert f"{jsonl}: 4 record(s), 2 invalid" == err[2]


def test_validate_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .json file is one record; a wrong enum value is named by its path."""
    data = geobrief.to_dict(brief())
    data["claims"][1]["modality"] = "certain"
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert 1 == main(["validate", str(path)])
    assert f"{path}:1: $.claims[1].modality" in capsys.readouterr().err


# --------------------------------------------------------------------------- render


def test_render_writes_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``render -o`` writes one HTML page with the brief's highlights."""
    src = tmp_path / "b.json"
    src.write_text(geobrief.dumps(brief()), encoding="utf-8")
    out = tmp_path / "b.html"
    assert 0 == main(["render", str(src), "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert "" == capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-layer="hedge" data-label="hedge" title="hedge of claim 2: may">may</mark>' in page


def test_render_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing input is reported and the exit status is 1."""
    assert 1 == main(["render", str(tmp_path / "nope.txt")])
    assert "nope.txt" in capsys.readouterr().err


# --------------------------------------------------------------------------- real entry point


def test_module_entry_point_parse_and_validate(tmp_path: Path) -> None:
    """``python -m geobrief parse`` output validates with ``python -m geobrief validate``."""
    out = tmp_path / "seed.jsonl"
    parsed = _run("parse", str(SEED), "--format", "jsonl", "-o", str(out))
    assert (0, "", "") == (parsed.returncode, parsed.stdout, parsed.stderr)
    checked = _run("validate", str(out))
    assert (0, f"{out}: 1 record(s), ok\n") == (checked.returncode, checked.stderr)


def test_module_entry_point_failures_and_stdin(tmp_path: Path) -> None:
    """A real process: exit 1 for a bad file with the good one written; stdin works."""
    good = tmp_path / "good.txt"
    good.write_text("Beijing said talks would resume.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    result = _run("parse", str(good), str(bad), "--jobs", "2")
    assert 1 == result.returncode
    assert 1 == len(result.stdout.splitlines())
    assert str(bad) in result.stderr
    piped = _run("parse", "-", stdin="Tehran denied the report.\n")
    assert "Tehran denied the report.\n" == json.loads(piped.stdout)["text"]
    assert 2 == _run("parse").returncode


def test_show_rich_view(tmp_path: Path) -> None:
    """The rich view (used on a terminal) has the actors table and the hedged claim."""
    rich_console = pytest.importorskip("rich.console")
    from geobrief.cli._show import build_view, render_rich

    buffer = io.StringIO()
    console = rich_console.Console(file=buffer, width=120, color_system=None)
    render_rich(build_view(brief()), console)
    out = buffer.getvalue()
    assert "Actors (9)" in out
    assert "│ person:sergey-lavrov │ person       │        3 │ Sergey Lavrov" in out
    assert "[2] HEDGED · anonymous “Intelligence reports” (suggest)" in out


def test_query_section_and_contains(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--section`` and ``--contains`` narrow the results."""
    assert 0 == main(["query", str(jsonl), "--section", "meeting", "--contains", "talks"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [("Kremlin", "The Meeting")] * 3 == [(r["speaker_name"], r["section"]) for r in rows]
