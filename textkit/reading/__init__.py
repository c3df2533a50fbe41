"""Reading: a file on disk (.txt, .docx, .pdf) → a `Document`.

>>> from textkit.reading import read
>>> doc = read("corpora/000_3b4e0d12af4a227f.txt")  # doctest: +SKIP
>>> doc.text[:10]  # doctest: +SKIP
'某局主题教育实施方案'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from textkit.errors import FileMissingError, InputTooLargeError, UnsupportedFormatError
from textkit.model import Document
from textkit.reading.txt import read_txt_bytes

__all__ = ["DEFAULT_LIMITS", "Limits", "read", "read_text"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep a hostile or mistaken file from eating the machine. All configurable."""

    max_bytes: int = 20 * 1024 * 1024  # on-disk size of any input
    max_chars: int = 5_000_000  # decoded characters
    max_uncompressed: int = 100 * 1024 * 1024  # .docx: total uncompressed size of the zip (zip bombs)
    max_pages: int = 2_000  # .pdf


DEFAULT_LIMITS = Limits()

_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
_UNSUPPORTED = {
    ".doc": "legacy Word .doc is not supported; save it as .docx",
    ".wps": "WPS .wps is not supported; save it as .docx",
    ".ofd": ".ofd is not supported; export it to PDF",
}


def read(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None) -> Document:
    """Read a plan from ``path`` (.txt in any common encoding, .docx, .pdf) into a `Document`.

    Raises an `textkit.errors.InputError` subclass saying what is wrong with the file.

    >>> read("corpora/001_ea77caf3222f4d4a.txt").text.splitlines()[1]  # doctest: +SKIP
    '一、把握总体要求'
    """
    p = Path(path)
    source = str(path)
    if not p.is_file():
        raise FileMissingError("no such file" if not p.exists() else "not a regular file", source=source)
    size = p.stat().st_size
    if size > limits.max_bytes:
        raise InputTooLargeError(
            f"is {size:,} bytes; the limit is {limits.max_bytes:,} (raise it with --max-size)", source=source
        )
    suffix = p.suffix.lower()
    if suffix in _UNSUPPORTED:
        raise UnsupportedFormatError(_UNSUPPORTED[suffix], source=source)
    data = p.read_bytes()
    kind = _sniff(data, suffix, source)
    if kind == "docx":
        from textkit.reading.docx import read_docx_bytes

        doc = read_docx_bytes(data, source=source, limits=limits)
    elif kind == "pdf":
        from textkit.reading.pdf import read_pdf_bytes

        doc = read_pdf_bytes(data, source=source, limits=limits)
    else:
        doc = read_txt_bytes(data, source=source, encoding=encoding)
    if len(doc.text) > limits.max_chars:
        raise InputTooLargeError(
            f"has {len(doc.text):,} characters; the limit is {limits.max_chars:,}", source=source
        )
    return doc


def _sniff(data: bytes, suffix: str, source: str) -> str:
    if suffix == ".docx" or (suffix not in _TEXT_SUFFIXES and suffix != ".pdf" and data.startswith(b"PK\x03\x04")):
        return "docx"
    if suffix == ".pdf" or (suffix not in _TEXT_SUFFIXES and data.startswith(b"%PDF")):
        return "pdf"
    if suffix in _TEXT_SUFFIXES or suffix in (".csv", ".tsv"):
        return "txt"
    raise UnsupportedFormatError(
        f"extension {suffix!r} is not a format textkit reads; allowed: .txt, .docx, .pdf", source=source
    )


def read_text(text: str, *, source: str = "<text>") -> Document:
    """Wrap a string already in memory as a `Document` (no decoding, no rewriting).

    >>> read_text("一、总体要求\\n（一）指导思想").text[:2]
    '一、'
    """
    return Document(text=text, source=source, format="text")
