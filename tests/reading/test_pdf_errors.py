"""Bad .pdf input: scanned, encrypted, corrupt, zero pages, too many pages — each its error, CLI exit 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from textkit.cli import main
from textkit.errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedPdfError,
    InputError,
    InputTooLargeError,
    ScannedPdfError,
)
from textkit.reading import Limits, read


def _truncated(build: ModuleType, text: str) -> bytes:
    data: bytes = build.pdf_from_text(text[:3000]).data
    return data[: len(data) // 3]


CASES: list[tuple[str, Callable[[ModuleType, str], bytes], type[InputError], str]] = [
    ("empty", lambda b, t: b"", EmptyInputError, "empty"),
    ("scanned", lambda b, t: b.scanned_pdf(), ScannedPdfError, "OCR"),
    ("encrypted", lambda b, t: b.encrypted_pdf(), EncryptedPdfError, "password"),
    ("zero-pages", lambda b, t: b.zero_page_pdf(), CorruptFileError, "no pages"),
    ("no-unicode-map", lambda b, t: b.undecodable_pdf(), ScannedPdfError, "cannot be decoded"),
    ("not-a-pdf", lambda b, t: b"this is not a PDF at all, just some text" * 20, CorruptFileError, "not a PDF"),
    ("garbage-after-header", lambda b, t: b"%PDF-1.7\n" + bytes(range(256)) * 40, CorruptFileError, "PDF"),
    ("truncated", _truncated, CorruptFileError, "PDF"),
]


@pytest.mark.parametrize(("name", "make", "error", "says"), CASES, ids=[c[0] for c in CASES])
def test_pdf_errors_each_bad_input(
    name: str, make: Callable[[ModuleType, str], bytes], error: type[InputError], says: str,
    build: ModuleType, seed001_text: str, tmp_path: Path, assert_refused: Callable[[Path, type[Exception], str], None],
) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(make(build, seed001_text))
    assert_refused(path, error, says)


def test_pdf_errors_page_cap(build: ModuleType, seed001_files: object, tmp_path: Path) -> None:
    pdf = seed001_files.pdf  # type: ignore[attr-defined]
    pages = seed001_files.pdf_pages  # type: ignore[attr-defined]
    with pytest.raises(InputTooLargeError, match=f"has {pages} pages; the limit is 3"):
        read(pdf, limits=Limits(max_pages=3))
    assert read(pdf, limits=Limits(max_pages=pages)).pages[-1].number == pages


def test_pdf_errors_page_cap_in_the_cli(seed001_files: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(seed001_files.pdf), "--max-pages", "2"]) == 2  # type: ignore[attr-defined]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the limit is 2" in err


def test_pdf_errors_character_cap(seed001_files: object) -> None:
    with pytest.raises(InputTooLargeError, match="characters"):
        read(seed001_files.pdf, limits=Limits(max_chars=1000))  # type: ignore[attr-defined]


def test_pdf_errors_partly_scanned_is_a_warning(build: ModuleType, tmp_path: Path) -> None:
    """Some pages with text, some without: read what there is and say which pages are missing."""
    path = tmp_path / "mixed.pdf"
    path.write_bytes(build.scanned_pdf(pages=2, text_first_page="一、总体要求"))
    doc = read(path)
    assert doc.text == "一、总体要求\n"
    assert len(doc.pages) == 2
    assert doc.warnings == ("page 2 has no readable text layer (scanned or damaged); its content is missing",)
