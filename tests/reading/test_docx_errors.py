"""Bad .docx input: each case gives its documented error, and the CLI exits 2 with a one-line message."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from textkit.cli import main
from textkit.errors import (
    CorruptFileError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from textkit.reading import Limits, read


def _bad_xml() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    return buf.getvalue()


def _truncated(build: ModuleType, seed001_text: str) -> bytes:
    data: bytes = build.docx_from_text(seed001_text[:2000])
    return data[: len(data) // 2]


CASES: list[tuple[str, Callable[[ModuleType, str], bytes], type[InputError], str]] = [
    ("empty-file", lambda b, t: b"", EmptyInputError, "empty"),
    ("no-text", lambda b, t: b.empty_docx(), EmptyInputError, "no text"),
    ("corrupt-zip", lambda b, t: b"PK\x03\x04" + b"\x00garbage" * 50, CorruptFileError, "zip"),
    ("truncated", _truncated, CorruptFileError, "zip"),
    ("not-word", lambda b, t: b.non_word_zip(), CorruptFileError, "Excel"),
    ("bad-xml", lambda b, t: _bad_xml(), CorruptFileError, "XML"),
    ("ole", lambda b, t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, UnsupportedFormatError, ".doc"),
    ("rtf", lambda b, t: b"{\\rtf1\\ansi \\f0 plan}", UnsupportedFormatError, "RTF"),
    ("html", lambda b, t: "<html><body>一、总体要求</body></html>".encode(), UnsupportedFormatError, "HTML"),
]


@pytest.mark.parametrize(("name", "make", "error", "says"), CASES, ids=[c[0] for c in CASES])
def test_docx_errors_each_bad_input(
    name: str, make: Callable[[ModuleType, str], bytes], error: type[InputError], says: str,
    build: ModuleType, seed001_text: str, tmp_path: Path, assert_refused: Callable[[Path, type[Exception], str], None],
) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(make(build, seed001_text))
    assert_refused(path, error, says)


def test_docx_errors_zip_bomb_over_a_configured_cap(build: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(build.zip_bomb(3 * 2**20))
    assert path.stat().st_size < 50_000
    with pytest.raises(InputTooLargeError, match="zip bomb"):
        read(path, limits=Limits(max_uncompressed=2**20))


def test_docx_errors_zip_bomb_lying_about_its_size(build: ModuleType, tmp_path: Path) -> None:
    """A zip that understates its size does not get past the cap: zipfile inflates no more than the declared
    size (the reader also caps each read at the budget left), and the CRC check then exposes the lie."""
    data = bytearray(build.zip_bomb(3 * 2**20))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
        true_size = info.file_size
    # rewrite the declared uncompressed size in the local header's zip64 extra and central directory
    for old in (true_size.to_bytes(8, "little"), true_size.to_bytes(4, "little")):
        data = bytearray(bytes(data).replace(old, (100).to_bytes(len(old), "little")))
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError, match="CRC"):
        read(path, limits=Limits(max_uncompressed=2**20))


def test_docx_errors_zip_bomb_default_cap_in_the_cli(
    build: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(build.zip_bomb(Limits().max_uncompressed + 2**20))
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "zip bomb" in err and "limit" in err
