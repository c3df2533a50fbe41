"""A schedule laid out with tab characters in .docx paragraphs keeps its rows, cells and owners (as the .txt)."""

from __future__ import annotations

import io
from types import ModuleType

import docx

from textkit.model import Document
from textkit.pipeline import parse
from textkit.reading import DEFAULT_LIMITS, read_text
from textkit.reading.docx import read_docx_bytes

# raw/030: the annex schedule (rows with merged cells have fewer cells; 4—2 has an empty 配合处室)
SCHEDULE = (
    "附件：2021年年度工作清单\n"
    "序号\t项目名称\t总项目内容和要求描述\t子项目名称\t任务落实及措施目标细化\t完成时间\t负责处室/年段\t配合处室\t负责人\t分管领导\n"
    "2—2\t年度重点工作\t学校年度重点工作清单\t全年\t党政办\t各处室\t刘明玉\n"
    "2—2\t月度重点工作\t学校月度重点工作清单\t每月\t党政办\t各处室\t刘明玉\n"
    "4—2\t“清廉学校”建设\t制定并实施清廉学校建设工作清单\t寒假前\t党政办\t\t余栋材\t孙洪亮\n"
)


def _read(data: bytes) -> Document:
    return read_docx_bytes(data, source="t.docx", limits=DEFAULT_LIMITS)


def test_docx_tab_rows_become_table_rows_like_the_txt(build: ModuleType) -> None:
    doc = _read(build.docx_from_text(SCHEDULE, extras=False, tables="tabs"))
    assert doc.text == SCHEDULE
    rows = SCHEDULE.split("\n")[1:-1]
    assert {c.table for c in doc.tables} == {0}
    assert len(doc.tables) == sum(r.count("\t") + 1 for r in rows)
    cells = {(c.row, c.col): doc.text[c.start:c.end] for c in doc.tables}
    assert cells[(0, 6)] == "负责处室/年段" and cells[(3, 4)] == "党政办" and cells[(3, 5)] == ""
    txt_plan = parse(read_text(SCHEDULE))
    docx_plan = parse(doc)
    owners = [(u.text, u.role) for u in docx_plan.units]
    assert owners == [(u.text, u.role) for u in txt_plan.units]
    assert ("党政办", "responsible") in owners and len(owners) >= 3


def test_docx_tab_rows_typed_list_items_and_a_lone_row_stay_paragraphs(build: ModuleType) -> None:
    """``1.<tab>标题`` lines are a typed list, not a table; one tab-laid line alone is a paragraph whose tab
    is spacing."""
    text = ("二、工作措施\n"
            "1.\t加强组织领导\n"
            "2.\t明确工作责任\n"
            "联系人：张明\t联系电话：88001234\n"
            "三、保障措施\n")
    doc = _read(build.docx_from_text(text, extras=False, tables="tabs"))
    assert doc.tables == ()
    assert doc.text == text.replace("\t", " ")
    plan = parse(doc)
    assert [(s.marker, s.title) for s in plan.sections()] == [
        ("二、", "工作措施"), ("1.", "加强组织领导"), ("2.", "明确工作责任"), ("三、", "保障措施")]


def test_docx_tab_rows_next_to_a_word_table_both_kept(build: ModuleType) -> None:
    """A Word table and a tab-laid schedule in one file: two tables, neither swallowing the other."""
    word = build.docx_from_text("一、重点任务\n序号\t工作任务\t责任单位\n1\t制定学习计划\t机关党委\n", extras=False)
    d = docx.Document(io.BytesIO(word))
    d.add_paragraph("二、专项工作")
    for line in SCHEDULE.split("\n")[1:-1]:
        d.add_paragraph().add_run(line)
    buf = io.BytesIO()
    d.save(buf)
    doc = _read(buf.getvalue())
    assert sorted({c.table for c in doc.tables}) == [0, 1]
    assert doc.text.split("\n")[2] == "1\t制定学习计划\t机关党委"
    units = [(u.text, u.role) for u in parse(doc).units]
    assert units[0] == ("机关党委", "responsible") and ("党政办", "responsible") in units
