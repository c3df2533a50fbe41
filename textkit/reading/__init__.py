"""Reading: a file on disk (.txt, .docx, .pdf) → a `Document`.

>>> from textkit.reading import read
>>> doc = read("corpora/000_3b4e0d12af4a227f.txt")  # doctest: +SKIP
>>> doc.text[:10]  # doctest: +SKIP
'某局主题教育实施方案'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from textkit.errors import FileMissingError, InputTooLargeError, UnsupportedFormatError
from textkit.model import Document
from textkit.reading.txt import read_txt_bytes
from textkit.rules import MAX_RULE_BYTES

__all__ = ["DEFAULT_LIMITS", "LIMIT_NAMES", "Limits", "read", "read_text", "repair_surrogates"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep a hostile or mistaken file from eating the machine: the one place for every limit.

    Each has a default that no real plan comes near; each is raised from Python with
    ``Limits(max_pages=5000)`` and from the command line with ``--limit max_pages=5000`` (the common ones
    also have their own option, e.g. ``--max-pages``). An error caused by a limit names it. See
    docs/errors.md for what each protects against.
    """

    max_bytes: int = 20 * 1024 * 1024  # on-disk size of any input (--max-size, in MB)
    max_chars: int = 5_000_000  # decoded characters
    max_uncompressed: int = 100 * 1024 * 1024  # .docx: total uncompressed size of the zip (zip bombs)
    max_pages: int = 2_000  # .pdf
    max_xml_depth: int = 100  # .docx: element nesting (tables in tables, content controls in controls)
    max_xml_elements: int = 300_000  # .docx: tags in one part (about 1,500 pages; each costs time and memory)
    max_list_number: int = 32_767  # .docx: largest list number (Word's own maximum start value)
    max_page_area: float = 14_400.0 * 14_400.0  # .pdf: square points (the PDF spec's 200 × 200 inch page)
    max_page_chars: int = 60_000  # .pdf: glyphs on one page (a dense A4 page has 3,000)
    max_page_objects: int = 200_000  # .pdf: glyphs, paths, images and forms (20 each) drawn on one page
    max_pdf_objects: int = 1_000_000  # .pdf: the same, over the whole document
    max_table_grid: int = 2_500  # .pdf: vertical × horizontal ruling lines of a page searched for tables
    max_rule_bytes: int = MAX_RULE_BYTES  # checklists, configs, thresholds, word lists, rule files
    max_nesting: int = 50  # checklists (YAML/TOML): nesting of lists and mappings

    def raised(self, **values: float) -> Limits:
        """A copy with some limits changed; an unknown name or a value that is not a positive finite number
        is an `OptionError`.

        >>> Limits().raised(max_pages=5000).max_pages
        5000
        """
        import math

        from textkit.errors import OptionError

        changed: dict[str, float | int] = {}
        for name, value in values.items():
            if name not in LIMIT_NAMES:
                raise OptionError("limit", name, LIMIT_NAMES)
            if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
                raise OptionError(name, value, "a positive finite number")
            changed[name] = float(value) if name == "max_page_area" else int(value)
        return replace(self, **changed)  # type: ignore[arg-type]


DEFAULT_LIMITS = Limits()
LIMIT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Limits))

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
            f"has {len(doc.text):,} characters; the limit is {limits.max_chars:,} (raise it with --max-chars)",
            source=source,
        )
    return repair_surrogates(doc)


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
    """Wrap a string already in memory as a `Document` (no decoding; lone surrogates repaired).

    >>> read_text("一、总体要求\\n（一）指导思想").text[:2]
    '一、'
    """
    return repair_surrogates(Document(text=text, source=source, format="text"))


_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_surrogates(doc: Document) -> Document:
    """``doc`` with each lone surrogate (text no file can hold: JSON, XLSX and UTF-8 writers fail on it)
    replaced by U+FFFD, one character for one so every span stays exact, and a warning saying so.

    >>> repair_surrogates(read_text("一、\\ud800总体要求")).text
    '一、\\ufffd总体要求'
    """
    found = _SURROGATE.search(doc.text)
    if found is None:
        return doc
    count = len(_SURROGATE.findall(doc.text))
    warning = (f"{count:,} lone surrogate character(s) (first at offset {found.start():,}) replaced by U+FFFD: "
               "they are not text and cannot be written")
    return replace(doc, text=_SURROGATE.sub("\ufffd", doc.text), warnings=(*doc.warnings, warning))
