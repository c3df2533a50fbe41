"""The structure parser on small plans written for each case it must handle."""

from __future__ import annotations

import pytest

from textkit.model import Document, Section
from textkit.structure import parse_structure


def _parse(text: str) -> tuple[Section, list[str]]:
    root, warnings = parse_structure(Document(text))
    assert "".join(text[leaf.start : leaf.end] for leaf in root.leaves()) == text
    return root, [w.code for w in warnings]


def _heads(root: Section) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker or "", s.title) for s in root.sections()]


def test_parser_levels_by_nesting_not_shape() -> None:
    root, _ = _parse("（一）总体要求\n1.指导思想\n（二）主要任务\n")
    assert _heads(root) == [(1, "（一）", "总体要求"), (2, "1.", "指导思想"), (1, "（二）", "主要任务")]


def test_parser_gap_is_kept_and_warned() -> None:
    root, codes = _parse("一、总体要求\n正文。\n二、主要任务\n四、保障措施\n")
    assert [s.marker for s in root.sections()] == ["一、", "二、", "四、"]
    assert [s.level for s in root.sections()] == [1, 1, 1]
    assert codes == ["numbering-gap"]


def test_parser_duplicate_and_out_of_order_warned() -> None:
    _, codes = _parse("一、甲\n二、乙\n二、丙\n")
    assert codes == ["numbering-duplicate"]
    _, codes = _parse("一、甲\n三、乙\n二、丙\n")
    assert codes == ["numbering-gap", "numbering-out-of-order"]


@pytest.mark.parametrize(
    "line",
    ["2023年9月28日前完成自查。", "1.5倍于上年。", "10.16（周一）召开会议。", "2023.9.28前报送。"],
)
def test_parser_numbers_that_are_not_markers(line: str) -> None:
    root, _ = _parse(f"一、工作安排\n{line}\n")
    assert [s.marker for s in root.sections()] == ["一、"]


def test_parser_table_rows_are_not_headings() -> None:
    root, _ = _parse("一、任务分工\n序号\t任务\t责任单位\n1\t开展学习\t机关党委\n2.\t调查研究\t办公室\n")
    assert [s.marker for s in root.sections()] == ["一、"]
    rows = [c for c in root.walk() if c.kind == "table-row"]
    assert len(rows) == 3


def test_parser_full_and_half_width_forms_are_one_level() -> None:
    root, codes = _parse("一、甲\n（一）子一\n(二)子二\n（三）子三\n1．条一\n2.条二\n3、条三\n")
    assert [(s.level, s.value) for s in root.sections()] == [(1, 1), (2, 1), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3)]
    assert codes == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("㈠总则\n㈡分则\n", [(1, "㈠", "总则"), (1, "㈡", "分则")]),
        ("①学习\n②研讨\n", [(1, "①", "学习"), (1, "②", "研讨")]),
        ("（1）学习\n(2)研讨\n", [(1, "（1）", "学习"), (1, "(2)", "研讨")]),
        ("1)学习\n2)研讨\n", [(1, "1)", "学习"), (1, "2)", "研讨")]),
        ("１．学习\n２．研讨\n", [(1, "１．", "学习"), (1, "２．", "研讨")]),
        ("第一部分 总体要求\n第二部分 重点任务\n", [(1, "第一部分", "总体要求"), (1, "第二部分", "重点任务")]),
    ],
)
def test_parser_marker_shapes(text: str, expected: list[tuple[int, str, str]]) -> None:
    root, _ = _parse(text)
    assert _heads(root) == expected


def test_parser_chapters_and_articles() -> None:
    root, _ = _parse("第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 适用范围。\n第二章 考核\n第三条 考核内容：\n一、师德\n")
    assert _heads(root) == [
        (1, "第一章", "总则"), (2, "第一条", "为了规范管理，制定本办法"), (2, "第二条", "适用范围"),
        (1, "第二章", "考核"), (2, "第三条", "考核内容"), (3, "一、", "师德"),
    ]


def test_parser_run_in_heading_title_stops_at_first_full_stop_or_colon() -> None:
    root, _ = _parse("（一）牢牢把握目标任务。一是学习；二是研讨。\n（二）工作要求：按时完成\n")
    secs = list(root.sections())
    assert [s.title for s in secs] == ["牢牢把握目标任务", "工作要求"]
    body = secs[0].children[1]
    assert [c.kind for c in body.children] == ["item", "item"]


def test_parser_inline_markers_need_a_clause_boundary() -> None:
    text = "一、要求\n坚持全国统一是基本原则，第一是关键。\n"
    root, _ = _parse(text)
    para = root.children[0].children[1]
    assert para.children == ()


def test_parser_line_initial_yishi_heads_a_unit_only_in_sequence() -> None:
    root, _ = _parse("一、重点任务\n一是加强学习。深入学习。\n二是开展调研。走访群众。\n")
    assert _heads(root) == [(1, "一、", "重点任务"), (2, "一是", "加强学习"), (2, "二是", "开展调研")]
    root, _ = _parse("一、重点任务\n一是加强学习，二是开展调研。\n")
    assert _heads(root) == [(1, "一、", "重点任务")]


def test_parser_labelled_lines_and_clauses() -> None:
    text = ("一、重点任务\n1.推进数据共享。\n责任单位：市大数据局\n完成时限：2023年12月底前\n"
            "2.建设平台（牵头单位：省科技厅，责任单位：省教育厅）。\n")
    root, _ = _parse(text)
    item1, item2 = list(root.sections())[1:]
    labels = [(c.label, text[c.start : c.end].strip()) for c in item1.children if c.kind == "label"]
    assert labels == [("责任单位", "责任单位：市大数据局"), ("完成时限", "完成时限：2023年12月底前")]
    clause = [c for c in item2.walk() if c.kind == "label"]
    assert len(clause) == 1 and text[clause[0].start : clause[0].end] == "（牵头单位：省科技厅，责任单位：省教育厅）"


def test_parser_notice_wrapper_then_plan_restarts_levels() -> None:
    text = (
        "关于印发某局工作方案的通知\n各科室、直属单位：\n现将《某局工作方案》印发给你们，请认真贯彻执行。\n"
        "某市某局\n2023年9月1日\n某局工作方案\n一、总体要求\n（一）指导思想\n二、主要任务\n"
    )
    root, codes = _parse(text)
    assert [c.kind for c in root.children] == ["notice", "plan"]
    notice = root.children[0]
    assert [c.kind for c in notice.children] == ["title", "recipient", "preamble", "signature", "date"]
    assert _heads(root) == [(1, "一、", "总体要求"), (2, "（一）", "指导思想"), (1, "二、", "主要任务")]
    assert codes == []


def test_parser_second_document_restarts_at_level_one() -> None:
    text = "一、甲\n二、乙\n三、丙\n某某行动计划\n一、总体要求\n（一）目标\n二、任务\n"
    root, codes = _parse(text)
    assert [(s.level, s.marker) for s in root.sections()][3:] == [(1, "一、"), (2, "（一）"), (1, "二、")]
    assert codes == []


def test_parser_attachments_are_their_own_subtrees() -> None:
    text = (
        "一、工作安排\n按计划推进。\n某局\n2023年9月1日\n附件：\n1．任务分解表\n2．日程安排\n"
        "附件1\n任务分解表\n一、学习任务\n（一）个人自学\n附件2\n日程安排\n一、9月\n"
    )
    root, codes = _parse(text)
    kinds = [c.kind for c in root.children]
    assert kinds[-2:] == ["attachment", "attachment"]
    att1 = root.children[-2]
    assert att1.title == "附件1"
    assert [(s.id, s.level) for s in att1.sections()] == [("附件1/一", 1), ("附件1/一/（一）", 2)]
    # the list of attachment names after 附件： is closing matter, not headings
    assert [s.marker for s in root.sections()] == ["一、", "一、", "（一）", "一、"]
    assert "closing" in kinds
    assert codes == []


def test_parser_signature_and_date_close_the_plan() -> None:
    text = "一、工作安排\n按计划推进。\n中共某市某局委员会\n2023年9月28日\n"
    root, _ = _parse(text)
    assert [c.kind for c in root.children] == ["section", "signature", "date"]
    assert root.children[0].end == text.index("中共")


def test_parser_crlf_and_blank_lines_are_kept() -> None:
    text = "\r\n\r\n一、总体要求\r\n\r\n（一）指导思想\r\n"
    root, _ = _parse(text)
    assert root.children[0].kind == "blank"
    assert [s.title for s in root.sections()] == ["总体要求", "指导思想"]


def test_parser_empty_and_unnumbered_text() -> None:
    root, codes = _parse("")
    assert root.children == () and codes == []
    root, _ = _parse("没有编号的一段话。\n")
    assert list(root.sections()) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("某局主题教育实施方案\n\n根据上级部署，制定本方案。\n一、总体要求\n", "某局主题教育实施方案"),
        ("每周一学（5月15日）\n中共中央关于开展主题教育的意见\n一、重大意义\n", "中共中央关于开展主题教育的意见"),
        ("国务院关于印发国家职业教育改革\n实施方案的通知\n国发〔2019〕4号\n各省人民政府：\n现将方案印发给你们。\n",
         "国务院关于印发国家职业教育改革实施方案的通知"),
        ("根据部署，作出如下安排。\n一、总体要求\n", ""),
    ],
)
def test_parser_plan_title(text: str, title: str) -> None:
    from textkit.structure import plan_title

    root, _ = _parse(text)
    assert plan_title(Document(text), root) == title
