"""``docs/cli.md`` describes the command line that exists.

Every ``geobrief <command>`` used in the page's shell examples is a real
command (its ``--help`` exits 0), and every long option the page mentions for a
command appears in that command's ``--help``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
pytestmark = pytest.mark.timeout(120)


def _shell_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if "geobrief " in line]


def _commands() -> set[str]:
    return {m.group(1) for line in _shell_lines() for m in re.finditer(r"geobrief (\w+)", line)}


def _documented_options() -> list[tuple[tuple[str, ...], str]]:
    """(commands, option) pairs: each long option the page mentions, with the commands it
    may belong to (the one in its shell line, or those in its section's heading)."""
    text = PAGE.read_text(encoding="utf-8")
    found: set[tuple[tuple[str, ...], str]] = set()
    for line in _shell_lines():
        command = re.search(r"geobrief (\w+)", line)
        if command:
            code = line.split("#", 1)[0]
            found.update(((command.group(1),), o) for o in re.findall(r"(--[a-z][\w-]*)", code))
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading = section.split("\n", 1)[0]
        commands = tuple(re.findall(r"`geobrief (\w+)`", heading))
        if commands:
            found.update((commands, o) for o in re.findall(r"`(--[a-z][\w-]*)", section))
    return sorted(found)


def _help(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geobrief", *args, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_page_mentions_commands() -> None:
    """The page documents the commands the project promises."""
    assert {"parse", "show", "query", "schema", "validate", "render"} <= _commands()


@pytest.mark.parametrize("command", sorted(_commands()))
def test_documented_command_exists(command: str) -> None:
    """``geobrief <command> --help`` succeeds."""
    completed = _help(command)
    assert (0, "") == (completed.returncode, completed.stderr)


def test_documented_options_exist() -> None:
    """Every long option the page mentions is in the --help of one of its commands."""
    helps = {command: _help(command).stdout for command in _commands()}
    missing = [
        (commands, option)
        for commands, option in _documented_options()
        if not any(option in helps.get(command, "") for command in commands)
    ]
    assert [] == missing
