"""The changelog and the version agree: the version has one source (``_version.py``)
and every release in it has a Keep a Changelog entry."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import geobrief

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"
RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def test_latest_release_is_the_package_version() -> None:
    """The newest dated entry in CHANGELOG.md is ``geobrief.__version__``."""
    releases = RELEASE.findall(CHANGELOG.read_text(encoding="utf-8"))
    assert releases, "CHANGELOG.md has no '## [X.Y.Z] - YYYY-MM-DD' entry"
    assert geobrief.__version__ == releases[0][0]


def test_changelog_has_an_unreleased_section_first() -> None:
    """New changes go under '## [Unreleased]', above the releases."""
    headings = re.findall(r"^## \[([^\]]+)\]", CHANGELOG.read_text(encoding="utf-8"), re.M)
    assert "Unreleased" == headings[0]


@pytest.mark.timeout(60)
def test_command_line_reports_the_same_version() -> None:
    """``geobrief --version`` prints ``geobrief.__version__``."""
    completed = subprocess.run(
        [sys.executable, "-m", "geobrief", "--version"],
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    assert (0, f"geobrief {geobrief.__version__}") == (
        completed.returncode,
        completed.stdout.strip(),
    )
