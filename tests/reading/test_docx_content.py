"""What a .docx reader keeps (body, inserted text, tables, text boxes) and leaves out."""

from __future__ import annotations

import io
from types import ModuleType

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from textkit.reading import DEFAULT_LIMITS
from textkit.reading.docx import read_docx_bytes


def _read(data: bytes) -> str:
    return read_docx_bytes(data, source="t.docx", limits=DEFAULT_LIMITS).text


def test_docx_content_leaves_out_headers_footers_comments_deletions_hidden(build: ModuleType, seed001_text: str) -> None:
    text = _read(build.docx_from_text(seed001_text, numbering="typed", extras=True))
    for absent in ("页眉", "页脚", "批注内容不应出现", "这段删除的文字不应出现", "隐藏文字"):
        assert absent not in text
    third = [ln for ln in seed001_text.split("\n") if ln.strip()][2]
    assert text.split("\n")[2] == third  # the inserted run is kept, in place
    doc = read_docx_bytes(build.docx_from_text(seed001_text, extras=True), source="t.docx", limits=DEFAULT_LIMITS)
    assert doc.warnings == ("has tracked changes: read as if accepted (insertions kept, deletions left out)",
                            "has comments: left out of the text")
    clean = read_docx_bytes(build.docx_from_text(seed001_text, extras=False), source="t.docx", limits=DEFAULT_LIMITS)
    assert clean.warnings == ()


def test_docx_content_task_table_rows_and_cells(build: ModuleType) -> None:
    doc = read_docx_bytes(build.task_table_docx(), source="t.docx", limits=DEFAULT_LIMITS)
    lines = doc.text.split("\n")
    assert lines[0] == "一、重点任务"
    assert lines[1] == "重点任务清单"  # a title row merged across the table is one cell
    assert lines[2] == "序号\t工作任务\t责任单位\t完成时限"
    assert lines[4] == "2\t开展专题调研\t办公室 人事科\t2023年10月"  # two paragraphs in one cell
    assert lines[6] == "二、保障措施"
    by_pos = {(c.row, c.col): doc.text[c.start:c.end] for c in doc.tables}
    assert by_pos[(0, 0)] == "重点任务清单"
    assert by_pos[(1, 2)] == "责任单位"
    assert by_pos[(4, 1)] == "召开专题民主生活会"
    assert by_pos[(4, 3)] == "2023年11月底前"
    assert {c.table for c in doc.tables} == {0}
    assert len(doc.tables) == 1 + 4 * 4
    # cells read by column: the 责任单位 column of every task row
    units = [doc.text[c.start:c.end] for c in doc.tables if c.col == 2 and c.row >= 2]
    assert units == ["机关党委", "办公室 人事科", "机关党委"]


def test_docx_content_text_box_read_once_after_its_anchor(build: ModuleType) -> None:
    text = _read(build.task_table_docx())
    assert text.endswith("加强组织领导。\n文本框中的说明\n")
    assert text.count("文本框中的说明") == 1  # mc:Fallback repeats the box; it is read once


def test_docx_content_size_hint(build: ModuleType) -> None:
    doc = read_docx_bytes(build.task_table_docx(), source="t.docx", limits=DEFAULT_LIMITS)
    hint = next(h for h in doc.hints if doc.text[h.start:h.end] == "二、保障措施")
    assert hint.size == 16.0


def _doc_with_body(xml: str) -> bytes:
    d = docx.Document()
    body = d.element.body
    for el in parse_xml(f'<w:body {nsdecls("w")}>{xml}</w:body>'):
        body.insert(len(body) - 1, el)  # before sectPr
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_content_deleted_paragraph_mark_joins_the_next_paragraph() -> None:
    xml = ('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
           '<w:r><w:t>加强组织</w:t></w:r></w:p><w:p><w:r><w:t>领导。</w:t></w:r></w:p>')
    assert _read(_doc_with_body(xml)) == "加强组织领导。\n"


def test_docx_content_fields_breaks_and_tabs() -> None:
    xml = ('<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
           '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>项</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>总体要求</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>关于印发</w:t><w:br/><w:t>方案的通知</w:t></w:r></w:p>')
    # field code left out, field result kept; a tab is spacing (\t is for table cells); a line break breaks
    assert _read(_doc_with_body(xml)) == "第3项\n一、 总体要求\n关于印发\n方案的通知\n"


def test_docx_content_numbered_paragraph_inside_table_cell() -> None:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="60"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="60"><w:abstractNumId w:val="60"/></w:num>'))
    t = d.add_table(rows=1, cols=2)
    for cell, value in zip(t.rows[0].cells, ("制定计划", "开展调研"), strict=True):
        p = cell.paragraphs[0]
        p.text = value
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="60"/></w:numPr>'))
    buf = io.BytesIO()
    d.save(buf)
    assert _read(buf.getvalue()) == "1.制定计划\t2.开展调研\n"


def test_docx_content_content_controls_and_vml_text_box() -> None:
    xml = ('<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>'
           '<w:p><w:r><w:t>某局工作方案</w:t></w:r></w:p></w:sdtContent></w:sdt>'
           '<w:p><w:r><w:t>时间：</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>2023年9月</w:t></w:r>'
           '</w:sdtContent></w:sdt></w:p>'
           '<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>'
           '</w:pict></w:r></w:p>')
    assert _read(_doc_with_body(xml)) == "某局工作方案\n时间：2023年9月\n框内文字\n"


def test_docx_content_moved_text_read_once_at_its_new_place() -> None:
    xml = ('<w:p><w:moveFrom w:id="1" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'
           '<w:r><w:t>正文</w:t></w:r><w:moveTo w:id="2" w:author="a"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>')
    assert _read(_doc_with_body(xml)) == "正文新位置\n"
