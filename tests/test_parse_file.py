"""parse_file / read_text: UTF-8, BOM, CRLF, and invalid UTF-8 with its byte offset."""

from __future__ import annotations

from pathlib import Path

import pytest

from geobrief import GeobriefError, InputError, Pipeline, parse_file, read_text
from geobrief.structure import parse_structure

STRUCTURE_ONLY = Pipeline(stages=(("structure", parse_structure),), strict=True)
BODY = "Title line\n\nGENEVA (Reuters) — Talks began. They ended.\n"


def test_utf8(tmp_path: Path) -> None:
    """A UTF-8 file is read as is; metadata.source is the path."""
    path = tmp_path / "a.txt"
    path.write_bytes(BODY.encode("utf-8"))
    article = parse_file(path)
    assert BODY == article.text
    assert str(path) == article.metadata.source
    assert "Title line" == article.text_of(article.title)


def test_utf8_with_bom(tmp_path: Path) -> None:
    """A leading BOM is removed, so offsets are the same as without it."""
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    assert BODY == read_text(path)
    assert BODY == parse_file(path).text


def test_crlf(tmp_path: Path) -> None:
    """CRLF and lone CR become LF; the structure is the same as for LF."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(BODY.replace("\n", "\r\n").encode("utf-8"))
    article = parse_file(path, pipeline=STRUCTURE_ONLY)
    assert BODY == article.text
    assert "GENEVA (Reuters) —" == article.text_of(article.metadata.dateline)
    assert "Talks began. They ended." == article.text_of(article.lead)


@pytest.mark.parametrize(
    ("data", "offset", "byte"),
    [
        (b"abc\xffdef", 3, "0xff"),
        (b"\xef\xbb\xbfab\xc3(", 5, "0xc3"),
        ("héllo ".encode() + b"\x80", 7, "0x80"),
        (b"ab\xe2\x80", 2, "0xe2"),
    ],
)
def test_invalid_utf8_names_file_and_offset(
    tmp_path: Path, data: bytes, offset: int, byte: str
) -> None:
    """Invalid UTF-8 raises InputError (a GeobriefError and a ValueError) naming the
    file and the byte offset of the first bad byte in the file."""
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        parse_file(path)
    error = info.value
    assert isinstance(error, GeobriefError)
    assert isinstance(error, ValueError)
    assert (str(path), offset) == (error.path, error.offset)
    assert str(path) in str(error)
    assert f"byte offset {offset}" in str(error)
    assert byte in str(error)
    assert not isinstance(error.__cause__, UnicodeDecodeError)


def test_empty_file(tmp_path: Path) -> None:
    """An empty file parses to an empty article with an empty-document diagnostic."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    article = parse_file(path, pipeline=STRUCTURE_ONLY)
    assert "" == article.text
    assert ["empty-document"] == [d.code for d in article.diagnostics]
