"""The 任务分解表 as records, terminal table, Markdown, CSV, JSON and a DataFrame."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from textkit.errors import OptionError
from textkit.output.tasks import TASK_COLUMNS, render_tasks, task_rows, tasks_frame
from textkit.pipeline import parse, parse_text

PLAN = "一、主要措施\n1.广泛征求意见。召开座谈会。\n责任单位：机关党委、办公室\n2.狠抓整改（市局牵头，各科室|直属单位配合）。\n"


def test_rows_split_units_by_role() -> None:
    rows = task_rows(parse_text(PLAN))
    assert [(r["id"], r["task"], r["lead"], r["responsible"], r["support"]) for r in rows] == [
        ("一/1", "广泛征求意见", "", "机关党委、办公室", ""),
        ("一/2", "狠抓整改（市局牵头，各科室|直属单位配合）", "市局", "", "各科室|直属单位"),
    ]
    assert rows[0]["line"] == 2


def test_markdown_escapes_pipes_and_has_one_row_per_measure() -> None:
    md = render_tasks(task_rows(parse_text(PLAN)), fmt="md")
    lines = md.splitlines()
    assert lines[0].startswith("| 序号 | 所属章节 | 任务 | 牵头单位 | 责任单位 | 配合单位 |")
    assert len(lines) == 4
    assert "各科室\\|直属单位" in lines[3]


def test_csv_round_trips() -> None:
    rows = task_rows(parse_text(PLAN))
    parsed = list(csv.reader(io.StringIO(render_tasks(rows, fmt="csv"))))
    assert parsed[0] == [h for _, h in TASK_COLUMNS]
    assert parsed[1][4] == "机关党委、办公室"
    assert parsed[2][5] == "各科室|直属单位"


def test_json_keeps_keys() -> None:
    data = json.loads(render_tasks(task_rows(parse_text(PLAN)), fmt="json"))
    assert data[0]["responsible"] == "机关党委、办公室"
    assert set(data[0]) == {k for k, _ in TASK_COLUMNS}


def test_terminal_table_aligns_wide_characters() -> None:
    out = render_tasks(task_rows(parse_text(PLAN)), fmt="table").splitlines()
    assert out[0].split()[:3] == ["序号", "所属章节", "任务"]
    assert out[2].startswith("一/1")


def test_unknown_format_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="format"):
        render_tasks([], fmt="xml")


def test_frame_over_several_plans_has_a_source_column(seed000_path: Path, seed001_path: Path) -> None:
    frame = tasks_frame([parse(seed000_path), parse(seed001_path)])
    assert list(frame.columns)[:2] == ["source", "id"]
    seed1 = frame[frame["source"] == str(seed001_path)]
    assert seed1[seed1["id"] == "二/（三）/1"]["responsible"].tolist() == ["机关党委、办公室、人事科"]
