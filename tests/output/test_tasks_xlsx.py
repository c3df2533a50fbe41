"""`textkit tasks` on seed 001 writes an .xlsx that opens with one checked row per measure."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from textkit.cli import main

# (序号, 任务, 牵头单位, 责任单位) of every measure of seed 001, in order
EXPECTED = [
    ("一", "把握总体要求", None, None),
    ("二/（一）/1", "突出学习重点", None, "机关党委"),
    ("二/（一）/2", "强化个人自学", None, "机关党委"),
    ("二/（一）/3", "集中学习研讨", None, "机关党委"),
    ("二/（一）/4", "开展述学活动", None, "机关党委"),
    ("二/（一）/5", "组织开展党性教育", None, "机关党委"),
    ("二/（一）/6", "开展主题党日活动", None, "机关党委"),
    ("二/（二）/1", "突出调研重点", None, "办公室"),
    ("二/（二）/1", "科学安排调研计划", None, "办公室"),
    ("二/（二）/1", "落实“一线工作法”", None, "办公室"),
    ("二/（二）/2", "讲好专题党课", None, "机关党委"),
    ("二/（二）/3", "开展走访慰问", None, "机关党委"),
    ("二/（三）/1", "广泛征求意见", None, "机关党委、办公室、人事科"),
    ("二/（三）/2", "对标检查不足", None, "办公室"),
    ("二/（三）/3", "认真检视反思", None, "机关党委、人事科"),
    ("二/（四）/1", "开展专项整治", None, "机关党委、办公室"),
    ("二/（四）/2", "严格整改责任", None, "机关党委、办公室、人事科"),
    ("二/（四）/2", "对上级巡视和督导检查等新发现和反馈的问题，及时纳入整改", "市局", "机关党委、办公室、人事科"),
    ("二/（四）/2", "坚持标本兼治，注重举一反三，总结提炼主题教育中形成的好经验好做法，用制度形式运…", None, "机关党委、办公室、人事科"),
    ("二/（四）/3", "召开专题民主生活会（组织生活会）", None, "机关党委、人事科"),
    ("三/（一）", "加强组织领导", None, "各科室、直属单位"),
    ("三/（二）", "强化督导落实", None, None),
    ("三/（三）", "杜绝形式主义", None, None),
    ("三/（四）", "搞好统筹安排", None, None),
]


def test_seed001_xlsx_row_by_row(seed001_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.xlsx"
    assert main(["tasks", str(seed001_path), "--reference-date", "2023-04-01", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "任务分解表"
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    col = {h: i for i, h in enumerate(header)}
    assert {"序号", "任务", "牵头单位", "责任单位", "配合单位", "时限", "截止日期", "频次", "行"} <= set(col)
    got = [(r[col["序号"]], r[col["任务"]], r[col["牵头单位"]], r[col["责任单位"]]) for r in rows[1:]]
    assert got == EXPECTED
    # the row of 二/（三）/3 carries its deadline as written (normalising it is the time extractor's job)
    check = next(r for r in rows[1:] if r[col["序号"]] == "二/（三）/3")
    assert "9月28日前" in (check[col["时限"]] or "")
    assert check[col["行"]] == 36


def test_format_follows_the_output_suffix(seed001_path: Path, tmp_path: Path) -> None:
    md = tmp_path / "tasks.md"
    assert main(["tasks", str(seed001_path), "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith("| 序号 |")


def test_xlsx_to_stdout_is_refused(seed001_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(seed001_path), "--format", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("textkit: error:") and len(err.strip().splitlines()) == 1


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_csv_file_starts_with_a_bom_for_excel(seed001_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    assert main(["tasks", str(seed001_path), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("序号,所属章节,任务,牵头单位,责任单位,配合单位")
    assert len(lines) == 1 + len(EXPECTED)


def test_several_files_get_a_source_column(seed000_path: Path, seed001_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(seed000_path), str(seed001_path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["source"] for r in rows} == {str(seed000_path), str(seed001_path)}
