"""`textkit lint`: the JSON contract, table and Markdown output, --lang, --fail-on exit codes, --config, and
a batch with a bad file (reported, the rest linted, exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textkit.cli import main

CLEAN = Path(__file__).resolve().parent.parent / "lint" / "clean_plan.txt"


def test_lint_cli_json_contract(seed000_path: Path, seed000_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(seed000_path), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "textkit.lint/1"
    assert out["source"] == str(seed000_path)
    assert [f["text"] for f in out["findings"]] == ["污染防止攻坚战", "。。"]
    for f in out["findings"]:
        assert {"rule", "severity", "message", "text", "start", "end"} <= set(f)
        assert f["severity"] in ("error", "warning", "info")
        assert seed000_text[f["start"]:f["end"]] == f["text"]
    assert out["findings"][1]["rule"] == "text.doubled-punct"


def test_lint_cli_batch_json_is_a_list(seed000_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(seed000_path), str(CLEAN), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [len(d["findings"]) for d in out] == [2, 0]


def test_lint_cli_clean_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(CLEAN)]) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_lint_cli_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("一、主要任务\n1.抓好学习。\n2、抓好调研。\n3.抓好整改。\n", encoding="utf-8")
    assert main(["lint", str(draft)]) == 0  # a warning only
    assert main(["lint", str(draft), "--fail-on", "warning"]) == 1
    capsys.readouterr()


def test_lint_cli_lang_en_table(seed000_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", str(seed000_path), "--lang", "en"])
    out = capsys.readouterr().out
    assert "misused word: 污染防止攻坚战, should be 污染防治攻坚战" in out
    assert "doubled punctuation: 。。" in out
    assert "2 errors, 0 warnings, 0 notes" in out


def test_lint_cli_markdown(seed001_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(seed001_path), "--format", "md"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("## ")
    assert "| `text.placeholder` |" in out
    assert "\\*\\*" in out  # ** escaped, not bold
    assert "| 1 | error | `text.doubled-word` | 开展开展 |" in out


def test_lint_cli_bad_file_in_batch(seed000_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code = main(["lint", str(tmp_path / "missing.txt"), str(empty), str(seed000_path), "--format", "json"])
    assert code == 2
    captured = capsys.readouterr()
    assert "missing.txt" in captured.err and "empty.txt" in captured.err
    assert len(captured.err.strip().splitlines()) == 2
    out = json.loads(captured.out)
    assert [d["source"] for d in out] == [str(seed000_path)]


def test_lint_cli_config(seed000_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "lint.toml"
    cfg.write_text('[[rule]]\nid = "words.misused"\nenabled = false\n[[rule]]\nid = "text.doubled-punct"\n'
                   'severity = "warning"\n', encoding="utf-8")
    assert main(["lint", str(seed000_path), "--config", str(cfg), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["severity"]) for f in out["findings"]] == [("text.doubled-punct", "warning")]


def test_lint_cli_bad_config(seed000_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "lint.toml"
    cfg.write_text('[[rule]]\nid = "text.unknown"\n', encoding="utf-8")
    assert main(["lint", str(seed000_path), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("textkit: error:") and "unknown rule id" in err
    assert len(err.strip().splitlines()) == 1


def test_lint_cli_bad_option(seed000_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(seed000_path), "--lang", "fr"]) == 2
    assert main(["lint", str(seed000_path), "--format", "xml"]) == 2
    capsys.readouterr()
