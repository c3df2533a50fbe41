"""`textkit tasks` on a .docx whose task table has 牵头单位 / 配合单位 columns (cells by position)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from textkit.cli import main


@pytest.fixture()
def plan_docx(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("一、重点任务")
    rows = [
        ("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
        ("1", "制定学习计划", "机关党委", "办公室、人事科", "2023年9月底前"),
        ("2", "开展专题调研", "办公室", "各科室", "2023年10月"),
    ]
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).paragraphs[0].text = value
    d.add_paragraph("二、保障措施")
    d.add_paragraph("加强组织领导。")
    path = tmp_path / "plan.docx"
    d.save(str(path))
    return path


def test_docx_task_table_rows(plan_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(plan_docx), "--format", "json", "--reference-date", "2023-09-01"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    table_rows = [r for r in rows if r["kind"] == "table-row"]
    assert [(r["id"], r["task"], r["lead"], r["support"]) for r in table_rows] == [
        ("1", "制定学习计划", "机关党委", "办公室、人事科"),
        ("2", "开展专题调研", "办公室", "各科室"),
    ]
    # the heading that only introduces the table is not a measure of its own; 二、保障措施 is
    assert [r["id"] for r in rows if r["kind"] == "section"] == ["二"]
    assert "2023年9月底前" in table_rows[0]["deadline"]
