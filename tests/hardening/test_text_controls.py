"""Control characters and lone surrogates in text (issue 16): kept in the tree, escaped on the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import hostile as H
import pytest

from textkit.cli import main
from textkit.pipeline import parse_text


def test_form_feed_vertical_tab_and_esc_stay_in_the_text() -> None:
    text = H.control_chars_text()
    plan = parse_text(text)
    assert plan.document.text == text
    leaves = [n for n in plan.root.walk() if not n.children]
    assert sum(n.end - n.start for n in leaves) == len(text)


def test_tree_on_stdout_escapes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "ctl.txt"
    src.write_text(H.control_chars_text(), encoding="utf-8")
    assert main(["parse", str(src), "--all"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x0b" not in out
    assert "\\u001b[2J" in out


def test_json_on_stdout_stays_valid_with_c1_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "c1.txt"
    src.write_text("某局工作方案\n一、总体要求\x9b2J\n" + "（一）深入调查研究，形成调研报告。\n" * 20, encoding="utf-8")
    assert main(["parse", str(src), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "\x9b" not in out
    assert "\x9b2J" in json.dumps(json.loads(out), ensure_ascii=False)


def test_file_name_with_escape_is_escaped_in_the_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "evil\x1b]0;pwned\x07.txt")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\u001b" in err


def test_parse_text_with_lone_surrogate_is_repaired_one_for_one() -> None:
    plan = parse_text("一、总体要求\n（一）加强\ud83d学习。\n")
    assert plan.document.text == "一、总体要求\n（一）加强\ufffd学习。\n"
    assert any("surrogate" in w for w in plan.document.warnings)
    json.dumps(plan.document.text, ensure_ascii=False).encode("utf-8")


def test_parse_json_of_lone_surrogate_file_writes(tmp_path: Path) -> None:
    # a UTF-16 file cannot hold a lone surrogate, but a .docx w:sym can: see test_reading_hostile_docx_pdf
    out = tmp_path / "o.json"
    src = tmp_path / "s.docx"
    src.write_bytes(H.sym_docx("DBFF"))
    assert main(["parse", str(src), "--format", "json", "-o", str(out)]) == 0
    json.loads(out.read_text(encoding="utf-8"))
