"""`textkit tasks -o X.xlsx`: the workbook an office keeps, opened with openpyxl and checked cell by cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from textkit.cli import main

# A plan with a body measure that its 附件 task table writes again (the same project twice), and table
# columns of its own (负责人, 分管领导) that the sheet must keep.
TABLE_PLAN = (
    "某局2023年度工作要点\n"
    "一、重点工作\n"
    "1.规范会议管理。制定会议管理办法，梳理各类会议的名称、时间和议题。\n"
    "2.加强干部培训。每季度举办一期业务培训班。\n"
    "附件：重点工作任务分解表\n"
    "序号\t工作任务\t完成时间\t牵头单位\t配合单位\t负责人\t分管领导\n"
    "1\t规范会议管理\t2023年6月底前\t办公室\t各科室\t张明\t李华\n"
    "2\t=SUM(A1:A9)推进数字档案建设\t2023年10月\t档案室\t信息中心\t王强\t李华\n"
)


@pytest.fixture()
def table_plan(tmp_path: Path) -> Path:
    path = tmp_path / "要点.txt"
    path.write_text(TABLE_PLAN, encoding="utf-8")
    return path


def _open(path: Path) -> tuple[openpyxl.Workbook, list[tuple[object, ...]], dict[object, int]]:
    wb = openpyxl.load_workbook(path)
    rows = list(wb["任务分解表"].iter_rows(values_only=True))
    return wb, rows, {h: i for i, h in enumerate(rows[0])}


def test_seed001_sheet_is_laid_out_for_an_office(seed001_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.xlsx"
    assert main(["tasks", str(seed001_path), "--reference-date", "2023-04-01", "-o", str(out)]) == 0
    wb, rows, col = _open(out)
    ws = wb["任务分解表"]
    assert wb.sheetnames == ["任务分解表", "字段"]
    assert list(rows[0]) == ["序号", "任务", "牵头单位", "配合单位", "完成时限", "时限原文", "频次", "所属章节"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:H{len(rows)}"
    assert ws.cell(row=2, column=2).alignment.wrap_text
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == "$1:$1"
    # one row per measure of seed 001 (24), numbered 1…24, none cut short
    assert [r[col["序号"]] for r in rows[1:]] == list(range(1, 25))
    cells = [c for r in rows for c in r if isinstance(c, str)]
    assert not any(c.endswith("…") for c in cells)
    # the 二、（四）2 item that used to be cut: now its whole sentence
    whole = "三是坚持标本兼治，注重举一反三，总结提炼主题教育中形成的好经验好做法，用制度形式运用好、坚持好，" \
            "增强有效制度供给，不断巩固深化主题教育效果。"
    assert whole in [r[col["任务"]] for r in rows[1:]]
    # 9月28日前 is a date cell (typed), with the phrase as written beside it
    row = next(r for r in rows[1:] if r[col["时限原文"]] and "9月28日前" in str(r[col["时限原文"]]))
    assert row[col["完成时限"]] == dt.datetime(2023, 9, 28)
    assert row[col["所属章节"]] == "二、主要工作措施 / (三)深刻检视问题"
    assert row[col["牵头单位"]] == "机关党委、人事科"
    date_cell = next(c for c in ws["E"][1:] if c.value is not None)
    assert date_cell.is_date and date_cell.number_format == "yyyy-mm-dd"
    # the programmer's fields live on the second sheet, keyed by 序号
    fields = list(wb["字段"].iter_rows(values_only=True))
    assert {"编号", "类型", "起", "止", "行"} <= set(fields[0])
    assert len(fields) == len(rows)


def test_frequencies_are_in_chinese(seed001_path: Path, table_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.xlsx"
    assert main(["tasks", str(seed001_path), str(table_plan), "-o", str(out)]) == 0
    _wb, rows, col = _open(out)
    freqs = [str(r[col["频次"]]) for r in rows[1:] if r[col["频次"]]]
    assert "每季度" in freqs and any("每周" in f for f in freqs)
    assert all(not any("a" <= ch.lower() <= "z" for ch in f) for f in freqs)


def test_table_plan_keeps_its_columns_and_no_row_twice(table_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.xlsx"
    assert main(["tasks", str(table_plan), "--reference-date", "2023-01-01", "-o", str(out)]) == 0
    wb, rows, col = _open(out)
    assert {"负责人", "分管领导"} <= set(col)
    tasks = [str(r[col["任务"]]) for r in rows[1:]]
    # 规范会议管理 is in the body and in the table: one row, the table's (it names who and by when)
    assert sum("规范会议管理" in t for t in tasks) == 1
    meeting = next(r for r in rows[1:] if "规范会议管理" in str(r[col["任务"]]))
    assert (meeting[col["牵头单位"]], meeting[col["配合单位"]], meeting[col["负责人"]], meeting[col["分管领导"]]) == (
        "办公室", "各科室", "张明", "李华")
    assert meeting[col["完成时限"]] == dt.datetime(2023, 6, 30)
    assert any("加强干部培训" in t for t in tasks)  # a body measure the table does not hold stays
    # a cell that starts like a formula is stored as text, not as a formula
    ws = wb["任务分解表"]
    formula_like = next(c for c in ws["B"] if isinstance(c.value, str) and c.value.startswith("=SUM"))
    assert formula_like.data_type == "s"


def test_table_plan_in_the_dev_corpus_keeps_its_person_columns(shared_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.xlsx"
    assert main(["tasks", str(shared_corpus / "raw" / "030.txt"), "-o", str(out)]) == 0
    _wb, rows, col = _open(out)
    assert {"负责人", "分管领导"} <= set(col)
    assert not any(isinstance(c, str) and c.endswith("…") for r in rows for c in r)
    # the table's rows are the measures: each body project it writes again appears once
    tasks = [str(r[col["任务"]]) for r in rows[1:]]
    assert sum(t.startswith("深化党组织领导的校长负责制改革") for t in tasks) == 1
    assert sum(isinstance(r[col["完成时限"]], dt.datetime) for r in rows[1:]) > 50


def test_format_follows_the_output_suffix(seed001_path: Path, tmp_path: Path) -> None:
    md = tmp_path / "tasks.md"
    assert main(["tasks", str(seed001_path), "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith("| 序号 | 任务 |")


def test_xlsx_to_stdout_is_refused_with_what_to_do(seed001_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(seed001_path), "--format", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("textkit: error:") and len(err.strip().splitlines()) == 1
    assert "-o FILE.xlsx" in err and "None" not in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_csv_file_starts_with_a_bom_for_excel(seed001_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    assert main(["tasks", str(seed001_path), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["序号", "任务", "牵头单位", "配合单位"]
    assert len(rows) == 1 + 24


def test_several_files_number_on_and_name_their_file(seed000_path: Path, seed001_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.xlsx"
    assert main(["tasks", str(seed000_path), str(seed001_path), "-o", str(out)]) == 0
    _wb, rows, col = _open(out)
    assert {r[col["文件"]] for r in rows[1:]} == {str(seed000_path), str(seed001_path)}
    assert [r[col["序号"]] for r in rows[1:]] == list(range(1, len(rows)))
