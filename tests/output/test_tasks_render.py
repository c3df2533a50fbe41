"""The 任务分解表 as records, terminal table, Markdown, CSV, JSON (schema named) and a DataFrame."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from textkit.errors import OptionError
from textkit.output.tasks import SHEET_COLUMNS, TASKS_SCHEMA, render_tasks, task_rows, tasks_frame
from textkit.output.workbook import safe_cell
from textkit.pipeline import parse, parse_text

PLAN = "一、主要措施\n1.广泛征求意见。召开座谈会。\n责任单位：机关党委、办公室\n2.狠抓整改（市局牵头，各科室|直属单位配合）。\n"


def test_rows_keep_the_whole_measure_and_split_units_by_role() -> None:
    rows = task_rows(parse_text(PLAN))
    assert [(r["no"], r["id"], r["task"], r["lead"], r["support"]) for r in rows] == [
        (1, "一/1", "广泛征求意见。召开座谈会。", "机关党委、办公室", ""),
        (2, "一/2", "狠抓整改（市局牵头，各科室|直属单位配合）。", "市局", "各科室|直属单位"),
    ]
    # 牵头单位 holds the 责任单位 when no 牵头 is named; what the text named stays apart in the fields
    assert (rows[0]["responsible"], rows[0]["lead_named"]) == ("机关党委、办公室", "")
    assert rows[0]["line"] == 2 and rows[0]["path"] == "一、主要措施"


def test_markdown_escapes_pipes_and_has_one_row_per_measure() -> None:
    md = render_tasks(task_rows(parse_text(PLAN)), fmt="md")
    lines = md.splitlines()
    assert lines[0] == "| 序号 | 任务 | 牵头单位 | 配合单位 | 完成时限 | 时限原文 | 频次 | 所属章节 |"
    assert len(lines) == 4
    assert "各科室\\|直属单位" in lines[3]


def test_csv_round_trips() -> None:
    rows = task_rows(parse_text(PLAN))
    parsed = list(csv.reader(io.StringIO(render_tasks(rows, fmt="csv"))))
    assert parsed[0] == [h for _, h in SHEET_COLUMNS]
    assert parsed[1][2] == "机关党委、办公室"
    assert parsed[2][3] == "各科室|直属单位"


def test_csv_neutralises_formulas_and_control_characters() -> None:
    plan = parse_text("一、主要措施\n1.=HYPERLINK(\"http://x\",\"点此\")开展自查\x07。\n责任单位：办公室\n")
    parsed = list(csv.reader(io.StringIO(render_tasks(task_rows(plan), fmt="csv"))))
    task = parsed[1][1]
    assert task.startswith("'=HYPERLINK") and "\x07" not in task
    assert safe_cell("+86 0571", csv=True) == "'+86 0571"
    assert safe_cell("@机关党委") == "@机关党委"  # XLSX stores it as text instead of prefixing it


def test_json_names_its_schema_and_keeps_keys() -> None:
    data = json.loads(render_tasks(task_rows(parse_text(PLAN)), fmt="json"))
    assert data["schema"] == TASKS_SCHEMA == "textkit.tasks/1"
    assert [c["header"] for c in data["columns"]] == [h for _, h in SHEET_COLUMNS]
    row = data["rows"][0]
    assert row["lead"] == "机关党委、办公室"
    assert {"no", "task", "id", "kind", "start", "end", "line", "deadline_end", "frequency_code"} <= set(row)


def test_terminal_table_aligns_wide_characters() -> None:
    out = render_tasks(task_rows(parse_text(PLAN)), fmt="table").splitlines()
    assert out[0].split()[:3] == ["序号", "任务", "牵头单位"]
    assert out[2].startswith("1 ")


def test_unknown_format_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="format"):
        render_tasks([], fmt="xml")


def test_frame_over_several_plans_has_a_source_column(seed000_path: Path, seed001_path: Path) -> None:
    frame = tasks_frame([parse(seed000_path), parse(seed001_path)])
    assert list(frame.columns)[:2] == ["source", "no"]
    assert frame["no"].tolist() == list(range(1, len(frame) + 1))
    seed1 = frame[frame["source"] == str(seed001_path)]
    assert seed1[seed1["id"] == "二/（三）/1"]["responsible"].tolist() == ["机关党委、办公室、人事科"]
