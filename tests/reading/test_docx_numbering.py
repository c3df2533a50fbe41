"""Word automatic numbering rendered as a reader sees it: formats, lvlText, starts, restarts, overrides."""

from __future__ import annotations

from types import ModuleType
from xml.etree import ElementTree as ET

import pytest

from textkit.reading import DEFAULT_LIMITS, read
from textkit.reading.docx import read_docx_bytes
from textkit.reading.numbering import NumberingCounter, format_number, parse_numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCounting", "十二"),
        (23, "chineseCountingThousand", "二十三"),
        (105, "chineseCountingThousand", "一百零五"),
        (3, "chineseLegalSimplified", "叁"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "甲"),
        (3, "decimal", "3"),
        (12, "decimalFullWidth", "１２"),
        (3, "decimalEnclosedCircle", "③"),
        (21, "decimalEnclosedCircle", "㉑"),
        (4, "decimalEnclosedParen", "⑷"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (2, "lowerLetter", "b"),
        (28, "upperLetter", "BB"),
        (7, "decimalZero", "07"),
        (5, "none", ""),
    ],
)
def test_docx_numbering_formats(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def _numbering(abstract_levels: str, nums: str) -> NumberingCounter:
    xml = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{abstract_levels}</w:abstractNum>'
           f"{nums}</w:numbering>")
    return NumberingCounter(parse_numbering(ET.fromstring(xml)))


def _lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


PLAN_LEVELS = (_lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）")
               + _lvl(2, "decimal", "%3.") + _lvl(3, "decimal", "%3.%4"))


def test_docx_numbering_deeper_levels_restart_when_a_shallower_level_advances() -> None:
    # level 3 shows `%3.%4`: the counter of level 2 and its own
    c = _numbering(PLAN_LEVELS, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    seq = [(0, "一、"), (1, "（一）"), (2, "1."), (2, "2."), (1, "（二）"), (2, "1."), (3, "1.1 "), (3, "1.2 "),
           (0, "二、"), (2, "1."), (1, "（一）")]
    assert [c.next("1", lvl) for lvl, _ in seq] == [shown for _, shown in seq]


def test_docx_numbering_start_value_and_start_override() -> None:
    levels = _lvl(0, "chineseCounting", "%1、", start=3)
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    c = _numbering(levels, nums)
    # a list starts at w:start; a second instance of the same definition continues it;
    # one with a startOverride restarts it
    assert [c.next("1", 0), c.next("1", 0), c.next("2", 0), c.next("2", 0)] == ["三、", "四、", "一、", "二、"]


def test_docx_numbering_instances_of_one_definition_continue_one_list() -> None:
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>')
    c = _numbering(PLAN_LEVELS, nums)
    assert [c.next("1", 0), c.next("2", 0), c.next("1", 0)] == ["一、", "二、", "三、"]


def test_docx_numbering_lvl_restart_zero_never_restarts() -> None:
    levels = _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')
    c = _numbering(levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert [c.next("1", i) for i in (0, 1, 1, 0, 1)] == ["一、", "1.", "2.", "二、", "3."]


def test_docx_numbering_legal_style_shows_decimal() -> None:
    levels = _lvl(0, "chineseCounting", "第%1章") + _lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
    c = _numbering(levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    # Word's tab after a bare number shows as one space (after 、 or ） as nothing)
    assert [c.next("1", 0), c.next("1", 1), c.next("1", 1)] == ["第一章 ", "1.1 ", "1.2 "]


def test_docx_numbering_unknown_list_or_level_is_not_numbered() -> None:
    c = _numbering(PLAN_LEVELS, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert c.next("9", 0) is None
    assert c.next("1", 7) is None


def test_docx_numbering_auto_numbered_plan_reads_like_the_txt(seed001_files: object, seed001_text: str) -> None:
    doc = read(seed001_files.docx_auto)  # type: ignore[attr-defined]
    assert doc.format == "docx"
    assert doc.text.split("\n")[:-1] == [ln for ln in seed001_text.split("\n") if ln.strip()]
    numbered = [doc.text[h.start:h.end] for h in doc.hints if h.numbered]
    assert numbered[:2] == ["一、把握总体要求", "二、主要工作措施"]
    assert numbered[2].startswith("（一）扎实开展学习教育") and numbered[3].startswith("1.突出学习重点")
    assert numbered[5].startswith("3．集中学习研讨")  # the form changes mid-list: a startOverride
    assert any(m.startswith("(三)深刻检视问题") for m in numbered)  # a variant form from its own definition
    assert len(numbered) == 26


def test_docx_numbering_typed_markers_are_not_flagged(seed001_files: object, seed001_text: str) -> None:
    doc = read(seed001_files.docx_typed)  # type: ignore[attr-defined]
    assert doc.text.split("\n")[:-1] == [ln for ln in seed001_text.split("\n") if ln.strip()]
    assert not any(h.numbered for h in doc.hints)
    headings = [doc.text[h.start:h.end] for h in doc.hints if h.outline_level == 1]
    assert headings == ["一、把握总体要求", "二、主要工作措施", "三、组织实施"]
    assert all(h.style == "heading 1" and h.bold for h in doc.hints if h.outline_level == 1)


def test_docx_numbering_from_paragraph_style(build: ModuleType) -> None:
    """numPr on a paragraph style numbers every paragraph of that style; numId 0 on a paragraph turns it off."""
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="50">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '</w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="50"><w:abstractNumId w:val="50"/></w:num>'))
    style = d.styles["Heading 1"]
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:numId w:val="50"/></w:numPr>'))
    d.add_paragraph("总体要求", style="Heading 1")
    d.add_paragraph("正文。")
    off = d.add_paragraph("不编号的标题", style="Heading 1")
    off._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>'))
    d.add_paragraph("主要任务", style="Heading 1")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_docx_bytes(buf.getvalue(), source="style.docx", limits=DEFAULT_LIMITS)
    assert doc.text == "一、总体要求\n正文。\n不编号的标题\n二、主要任务\n"


def test_docx_numbering_hints_are_whole_lines(seed001_files: object) -> None:
    doc = read(seed001_files.docx_auto)  # type: ignore[attr-defined]
    for h in doc.hints:
        line = doc.text[h.start:h.end]
        assert "\n" not in line and line.strip()
        assert doc.text[h.end] == "\n"


def test_docx_numbering_level_override_replaces_the_level() -> None:
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2">'
            + _lvl(2, "decimalEnclosedCircle", "%3", start=1) + "</w:lvlOverride></w:num>")
    c = _numbering(PLAN_LEVELS, nums)
    assert [c.next("1", 0), c.next("1", 2), c.next("2", 2), c.next("2", 2)] == ["一、", "1.", "②", "③"]


def test_docx_numbering_num_style_link_is_followed() -> None:
    """An abstractNum that only points at a numbering style takes its levels from the list of that style."""
    xml = (f'<w:numbering xmlns:w="{W}">'
           f'<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="PlanList"/>{PLAN_LEVELS}</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="PlanList"/></w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
           '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    c = NumberingCounter(parse_numbering(ET.fromstring(xml)), style_num={"PlanList": "1"})
    assert [c.next("2", 0), c.next("2", 1), c.next("1", 1)] == ["一、", "（一）", "（二）"]


def test_docx_numbering_strict_ooxml_namespaces(build: ModuleType, seed001_text: str) -> None:
    """ISO 29500 Strict files use other namespace URIs for the same elements and relationships."""
    import io
    import zipfile

    source = build.docx_from_text(seed001_text, numbering="auto", extras=False)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                data = data.replace(f"{W}".encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
                data = data.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                                    b"http://purl.oclc.org/ooxml/officeDocument/relationships/")
            zout.writestr(item, data)
    strict = read_docx_bytes(out.getvalue(), source="strict.docx", limits=DEFAULT_LIMITS)
    assert strict.text.split("\n")[:-1] == [ln for ln in seed001_text.split("\n") if ln.strip()]
