"""Lint output: the JSON dict, the aligned table and Markdown that escapes the text it quotes."""

from __future__ import annotations

from textkit.lint import Finding, LintResult
from textkit.output.lint_report import LINT_SCHEMA, render_markdown, render_table, result_to_dict

RESULT = LintResult(
    source="草稿.txt",
    findings=(
        Finding("text.placeholder", "error", "疑似未替换的占位符：**", "**", 10, 12, line=2, section="二/（一）"),
        Finding("text.stray-space", "warning", "中文语句中有多余空格", " ", 30, 31, line=3),
        Finding("words.misused", "error", "a <b>|c</b>", "x|y", 40, 43, line=4),
    ),
)


def test_lint_report_dict() -> None:
    d = result_to_dict(RESULT)
    assert d["schema"] == LINT_SCHEMA == "textkit.lint/1"
    assert d["source"] == "草稿.txt"
    assert d["counts"] == {"error": 2, "warning": 1, "info": 0}
    assert d["findings"][0] == {
        "rule": "text.placeholder", "severity": "error", "message": "疑似未替换的占位符：**", "text": "**",
        "start": 10, "end": 12, "line": 2, "section": "二/（一）", "expected": "",
    }


def test_lint_report_table_shows_spaces_and_summary() -> None:
    out = render_table([RESULT])
    lines = out.splitlines()
    assert lines[0] == "草稿.txt"
    assert "␣" in out  # a stray space is visible
    assert lines[-1].strip() == "2 个错误，1 个警告，0 个提示"
    # columns line up: the rule column starts at the same display offset on every row
    assert len({line.index("text.") for line in lines if "text." in line}) == 1
    assert render_table([LintResult("x.txt", ())], lang="en").endswith("no findings")


def test_lint_report_markdown_escapes() -> None:
    out = render_markdown([RESULT])
    assert "a &lt;b&gt;\\|c&lt;/b&gt;" in out
    assert "| x\\|y |" in out
    assert "\\*\\*" in out
    assert "| 2 (二/（一）) | error | `text.placeholder` |" in out
