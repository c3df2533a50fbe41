"""Labelled responsibility statements: own-line labels and parenthesised label clauses."""

from __future__ import annotations

import pytest

from textkit.extraction.units import extract_units
from textkit.model import Document, ResponsibleUnit
from textkit.structure import parse_structure


def units_of(text: str) -> tuple[ResponsibleUnit, ...]:
    doc = Document(text=text)
    root, _ = parse_structure(doc)
    found = extract_units(doc, root)
    for u in found:  # every unit points at its own text
        assert doc.text[u.start:u.end] == u.text
    return found


def test_label_line_after_item_names_each_unit() -> None:
    text = "一、主要措施\n1.广泛征求意见。召开座谈会。\n责任单位：机关党委、办公室、人事科\n"
    found = units_of(text)
    assert [(u.text, u.role, u.label) for u in found] == [
        ("机关党委", "responsible", "责任单位"), ("办公室", "responsible", "责任单位"), ("人事科", "responsible", "责任单位"),
    ]
    assert {u.section for u in found} == {"一/1"}


def test_label_with_space_after_colon_is_trimmed() -> None:
    found = units_of("1.加大调查研究力度。\n责任单位： 办公室\n")
    assert [u.text for u in found] == ["办公室"]


def test_alias_in_parentheses_is_one_unit() -> None:
    found = units_of("1.开展专项整治。\n责任单位：机关党委（机关纪委）、办公室\n")
    assert [(u.text, u.name, u.alias) for u in found] == [
        ("机关党委（机关纪委）", "机关党委", "机关纪委"), ("办公室", "办公室", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进平台建设（牵头单位：省科技厅，责任单位：省教育厅）。",
         [("省科技厅", "lead"), ("省教育厅", "responsible")]),
        ("完成清理（5月底完成，牵头考核单位：市审批服务局）。", [("市审批服务局", "lead")]),
        ("建设数据中心（牵头单位：省大数据局，参加单位：省生态环境厅、省发展改革委，济南、青岛、济宁市政府）",
         [("省大数据局", "lead"), ("省生态环境厅", "support"), ("省发展改革委", "support"),
          ("济南", "support"), ("青岛", "support"), ("济宁市政府", "support")]),
        ("推动标准建设（配合处室：教学处；协办单位：团委）", [("教学处", "support"), ("团委", "support")]),
        ("一、班主任考核奖（职能部门：德育处）", [("德育处", "responsible")]),
    ],
)
def test_parenthesised_labels(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(u.text, u.role) for u in units_of(text + "\n")] == expected


def test_trailing_deng_bumen_is_dropped_but_names_with_he_are_kept() -> None:
    found = units_of("1.推进改革。\n责任单位：省科技厅等部门、省人力资源和社会保障厅、工业和信息化部\n")
    assert [u.text for u in found] == ["省科技厅", "省人力资源和社会保障厅", "工业和信息化部"]


def test_collectives_are_marked() -> None:
    found = units_of("1.落实任务。\n责任单位：市工业和信息化局、各区县政府、市相关部门、各科室\n")
    assert [(u.name, u.collective) for u in found] == [
        ("市工业和信息化局", False), ("各区县政府", True), ("市相关部门", True), ("各科室", True),
    ]


def test_person_labels_are_not_units() -> None:
    found = units_of("1.组织演练。\n负责人：张三；责任单位：安全处\n")
    assert [u.text for u in found] == ["安全处"]


def test_label_list_stops_at_running_text() -> None:
    found = units_of("1.组织学习。\n责任单位：机关党委，各支部要认真组织。\n")
    assert [u.text for u in found] == ["机关党委"]


def test_labels_separated_by_a_space_on_one_line() -> None:
    found = units_of("1.推进工作。\n牵头单位：市教育局 配合单位：市财政局、各县（市、区）人民政府\n")
    assert [(u.text, u.role) for u in found] == [
        ("市教育局", "lead"), ("市财政局", "support"), ("各县（市、区）人民政府", "support"),
    ]


def test_counted_trailer_and_timing_clause_are_dropped() -> None:
    found = units_of("5.完善制度（责任单位：省教育厅等10个部门；完成时限：2023年12月底）\n")
    assert [u.text for u in found] == ["省教育厅"]


def test_responsible_leader_names_people_not_units() -> None:
    found = units_of("6.建设平台。\n责任领导：张三；责任单位：市大数据局\n")
    assert [u.text for u in found] == ["市大数据局"]


def test_nested_brackets_stay_in_one_name_and_direct_collectives_are_marked() -> None:
    found = units_of("2.加强督导（各县（市、区）人民政府、市直有关部门按职责分工负责）\n")
    assert [(u.text, u.alias, u.collective) for u in found] == [
        ("各县（市、区）人民政府", None, True), ("市直有关部门", None, True),
    ]


def test_role_in_brackets_after_a_unit_is_its_role_not_an_alias() -> None:
    found = units_of("1.推进工作。\n责任单位：市教育局（牵头）、市财政局、机关党委（机关纪委）\n")
    assert [(u.text, u.role, u.alias) for u in found] == [
        ("市教育局", "lead", None), ("市财政局", "responsible", None), ("机关党委（机关纪委）", "responsible", "机关纪委"),
    ]


def test_support_with_duty_wording() -> None:
    found = units_of("（市教育局牵头负责，市财政局、市人社局按职责分工配合）\n")
    assert [(u.text, u.role) for u in found] == [("市教育局", "lead"), ("市财政局", "support"), ("市人社局", "support")]
