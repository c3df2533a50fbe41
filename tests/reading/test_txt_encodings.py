"""Reading .txt plans: every common encoding decodes to the same text; bad input gets a clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from textkit.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FileMissingError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from textkit.reading import Limits, read

PLAN = "某局主题教育实施方案\n一、总体要求\n（一）牢牢把握目标任务。一是凝心铸魂筑牢根本。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PLAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PLAN.encode("utf-8"), "utf-8-sig"),
        (PLAN.encode("gbk"), "gb18030"),
        (PLAN.encode("gb18030"), "gb18030"),
        (PLAN.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"), "utf-16"),
    ],
)
def test_txt_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    doc = read(path)
    assert doc.text == PLAN
    assert doc.encoding == encoding
    assert doc.format == "txt"


def test_txt_text_is_kept_unchanged(tmp_path: Path) -> None:
    raw = "\u3000\u3000一、总体要求 \r\n\r\n（一）指导思想\t\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert read(path).text == raw


def test_txt_seed_reads_as_utf8(seed001_path: Path, seed001_text: str) -> None:
    doc = read(seed001_path)
    assert doc.text == seed001_text
    assert doc.source == str(seed001_path)


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b" \n\t\r\n\xe3\x80\x80\n", EmptyInputError, "whitespace"),
        (bytes(range(256)) * 8, BinaryInputError, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, BinaryInputError, "PNG"),
        (b"%PDF-1.4\n...", BinaryInputError, "PDF"),
        ("一、总体要求\n".encode() + b"\xff\xfe\xfa" * 10, EncodingError, "GB18030"),
        ("一、总体要求\n".encode() + "（一）指导思想\n".encode("gbk"), EncodingError, "mixed"),
    ],
)
def test_txt_bad_input_errors(tmp_path: Path, data: bytes, error: type[Exception], words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read(path)
    assert words in str(info.value)
    assert str(path) in str(info.value)


def test_txt_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError, match="no such file"):
        read(tmp_path / "nope.txt")
    with pytest.raises(FileMissingError, match="not a regular file"):
        read(tmp_path)


def test_txt_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(PLAN.encode("utf-8") * 100)
    with pytest.raises(InputTooLargeError, match="limit is 1,000"):
        read(path, limits=Limits(max_bytes=1000))
    assert read(path, limits=Limits(max_bytes=10**6)).text.startswith("某局")


def test_txt_fifty_megabyte_file_is_refused_by_default(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="52,428,800 bytes"):
        read(path)


def test_txt_legacy_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(UnsupportedFormatError, match=r"save it as \.docx"):
        read(path)
