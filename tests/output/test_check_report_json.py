"""The `textkit.check/1` JSON contract and the Markdown/table renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import load_checklist
from textkit.comparison.coverage import CheckResult, check
from textkit.output.check_report import check_to_dict, render_markdown, render_table

CHECKLIST = Path(__file__).resolve().parents[2] / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml"


@pytest.fixture(scope="module")
def result(seed001_path: Path) -> CheckResult:
    return check(textkit.parse(seed001_path), load_checklist(CHECKLIST))


def test_contract_fields(result: CheckResult, seed001_path: Path) -> None:
    d = json.loads(json.dumps(check_to_dict(result), ensure_ascii=False))
    assert d["schema"] == "textkit.check/1"
    assert d["source"] == str(seed001_path)
    assert d["summary"] == {"covered": 16, "partial": 0, "missing": 0, "total": 16}
    item = next(i for i in d["items"] if i["id"] == "minzhu-shenghuohui")
    assert {"id", "title", "source", "status", "score", "evidence", "confidence", "concepts", "explanation"} <= set(item)
    found = [c for c in item["concepts"] if c["credit"] == 1]
    assert found and all(text_of(seed001_path)[c["start"]:c["end"]] == c["text"] for c in found)
    assert item["title"] == "专题民主生活会/组织生活会" and item["source"] == "三/4"
    assert item["status"] == "covered" and isinstance(item["score"], float)
    ev = item["evidence"][0]
    assert {"section", "text", "start", "end"} <= set(ev)
    assert ev["section"] == "二/（四）/3"
    text = seed001_path.read_text(encoding="utf-8")
    for i in d["items"]:
        assert i["status"] in ("covered", "partial", "missing")
        for e in i["evidence"]:
            assert text[e["start"]:e["end"]] == e["text"]
    children = [i for i in d["items"] if i["parent"] == "zuzhi-lingdao"]
    assert len(children) == 5


def test_markdown_report(result: CheckResult) -> None:
    md = render_markdown(result)
    assert md.startswith("# 检查报告")
    assert "| ✔ | 理论学习 | 三/1 | 已覆盖 |" in md
    assert "找到 found: " in md and "把握 confidence" in md
    assert "二/（四）/3" in md


def test_terminal_table(result: CheckResult) -> None:
    table = render_table(result, width=100)
    lines = table.splitlines()
    row = next(line for line in lines if "建章立制" in line)
    assert row.startswith("✔") and "二/（四）/2" in row
    assert "16 已覆盖 covered, 0 部分覆盖 partial, 0 缺失 missing of 16" in table
    assert any(line.startswith("✔") and "└ 督促指导" in line for line in lines)


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")
