"""Reading plain-text plans: detect the encoding, refuse what is not text, keep the text unchanged."""

from __future__ import annotations

import codecs
import unicodedata

from textkit.errors import BinaryInputError, EmptyInputError, EncodingError
from textkit.model import Document

__all__ = ["SUPPORTED_ENCODINGS", "decode_text", "read_txt_bytes"]

SUPPORTED_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "gb18030")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats people drop into a folder of plans by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file (use a .pdf extension)"),
    (b"PK\x03\x04", "a zip container such as .docx (use a .docx extension)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc/.xls); save it as .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file marker seen in old exports


def _is_garbled(text: str) -> float:
    """Share of characters that a real plan never contains: controls, private-use runs, unassigned."""
    if not text:
        return 0.0
    bad = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in _ALLOWED_CONTROLS) or cat in ("Cn", "Cs"):
            bad += 1
    return bad / len(text)


def decode_text(data: bytes, *, source: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8/16/32), strict UTF-8, strict GB18030 (which covers GBK and
    GB2312). A file that decodes only line by line in different encodings is reported as mixed.

    >>> decode_text("一、总体要求".encode("gbk"))
    ('一、总体要求', 'gb18030')
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise EncodingError(f"cannot decode as {encoding!r} ({exc})", source=source) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"this is {what}, not a text file", source=source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"starts with a {enc} byte-order mark but is not valid {enc} at byte {exc.start}",
                    source=source,
                ) from None
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows as every other byte NUL in mostly-ASCII text; Chinese UTF-16
        # without a BOM is indistinguishable from binary, so we do not guess.
        raise BinaryInputError(
            "contains NUL bytes: binary data, or UTF-16 without a byte-order mark "
            f"(allowed encodings: {', '.join(SUPPORTED_ENCODINGS)})",
            source=source,
        )
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_exc:
        try:
            text, enc = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as gb_exc:
            _refuse_mixed(data, source)
            raise _undecodable(data, source, utf8_exc.start, gb_exc.start) from None
        _refuse_mixed(data, source)
    if _is_garbled(text) > 0.01:
        raise BinaryInputError(
            f"decoded as {enc} but {_is_garbled(text):.0%} of it is control or unassigned characters: "
            "binary data, not a plan",
            source=source,
        )
    return text, enc


def _undecodable(data: bytes, source: str, utf8_at: int, gb_at: int) -> Exception:
    sample = data[:2048]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls > len(sample) * 0.05:
        return BinaryInputError("binary data, not text", source=source)
    return EncodingError(
        f"not valid UTF-8 (bad byte at {utf8_at}) nor GB18030/GBK (bad byte at {gb_at}); "
        f"allowed encodings: {', '.join(SUPPORTED_ENCODINGS)}",
        source=source,
    )


def _refuse_mixed(data: bytes, source: str) -> None:
    """A GB18030 decode succeeded; refuse it if some non-ASCII lines are valid UTF-8 on their own.

    Chinese UTF-8 is almost never also valid as a run of GBK lines, so a file whose lines split into
    UTF-8-only and GB-only is two encodings pasted together, and either reading garbles part of it.
    """
    utf8_lines: list[int] = []
    other_lines: list[int] = []
    for n, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line.decode("gb18030")
            except UnicodeDecodeError:
                continue  # garbage in neither encoding: reported as undecodable, not as mixed
            other_lines.append(n)
        else:
            utf8_lines.append(n)
    if utf8_lines and other_lines:
        raise EncodingError(
            f"mixed encodings: line {utf8_lines[0]} is UTF-8 but line {other_lines[0]} is not "
            f"({len(utf8_lines)} UTF-8 lines, {len(other_lines)} in another encoding); "
            "save the file in one encoding",
            source=source,
        )


def read_txt_bytes(data: bytes, *, source: str = "<bytes>", encoding: str | None = None) -> Document:
    """Build a `Document` from the bytes of a .txt plan."""
    if not data.strip():
        raise EmptyInputError("the file is empty" if not data else "the file holds only whitespace", source=source)
    text, enc = decode_text(data, source=source, encoding=encoding)
    if not text.strip():
        raise EmptyInputError("the file holds only whitespace", source=source)
    return Document(text=text, source=source, format="txt", encoding=enc)
