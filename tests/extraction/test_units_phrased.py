"""Phrased responsibility (由X牵头, X牵头，Y配合, （X负责）, X按职责分工负责, X负总责) and what is not a unit."""

from __future__ import annotations

import pytest

from textkit.extraction.units import extract_units
from textkit.model import Document, ResponsibleUnit, Section
from textkit.structure import parse_structure


def units_of(text: str) -> tuple[ResponsibleUnit, ...]:
    doc = Document(text=text)
    root, _ = parse_structure(doc)
    found = extract_units(doc, root)
    assert all(doc.text[u.start:u.end] == u.text for u in found)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.由市发展改革委牵头，市财政局、市统计局配合，建立工作台账。",
         [("市发展改革委", "lead"), ("市财政局", "support"), ("市统计局", "support")]),
        ("4.市卫生健康委牵头，市医保局配合，完善医保支付。", [("市卫生健康委", "lead"), ("市医保局", "support")]),
        ("加强信息安全（市委网信办负责）。", [("市委网信办", "responsible")]),
        ("推进智慧农业（省农业农村厅、省畜牧局按职责分工负责）", [("省农业农村厅", "responsible"), ("省畜牧局", "responsible")]),
        ("整改工作由局党组书记负总责。", []),  # a person (书记), not a unit
        ("6.市有关部门负总责，确保落实。", [("市有关部门", "lead")]),
        ("推进数据共享（省大数据局牵头，各有关部门、各市政府配合）", [
            ("省大数据局", "lead"), ("各有关部门", "support"), ("各市政府", "support")]),
        ("开展试点（商务部指导，供销合作总社参与）", [("商务部", "responsible"), ("供销合作总社", "support")]),
        ("领导小组下设办公室，负责日常工作。", [("办公室", "responsible")]),
        ("9.学科组和备课组负责组织实施。", [("学科组", "responsible"), ("备课组", "responsible")]),
    ],
)
def test_phrases(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(u.text, u.role) for u in units_of(text + "\n")] == expected


def test_x_fu_zong_ze_is_lead() -> None:
    found = units_of("整改工作由市局负总责。\n")
    assert [(u.text, u.role) for u in found] == [("市局", "lead")]


def test_recipients_and_mentions_are_not_units() -> None:
    text = (
        "1.认真检视反思。9月28日前，要集中梳理出一批突出问题，报局领导小组办公室。党课讲稿报局机关党委备案。\n"
        "2.局机关党委将组织党员干部开展学习。各科室、直属单位主要负责同志汇报学习收获。\n"
    )
    assert units_of(text) == ()


def test_issuer_in_signature_is_not_a_unit() -> None:
    text = "一、工作安排\n1.开展学习。\n责任单位：机关党委\n\n某某市体育局\n2023年9月1日\n"
    assert [u.text for u in units_of(text)] == ["机关党委"]


def test_generic_words_alone_are_not_units() -> None:
    assert units_of("政府主要负责规划战略、制定政策。\n") == ()


def test_ordinary_parentheses_are_not_statements() -> None:
    assert units_of("成立试点工作小组（以下简称工作小组），支持IPv6（互联网协议第6版）改造。\n") == ()


@pytest.mark.parametrize(
    "text",
    ["3.由市教育局会同市财政局负责，2023年底前完成。", "4.市教育局会同市财政局等部门牵头制定细则。"],
)
def test_huitong_gives_lead_and_support(text: str) -> None:
    assert [(u.text, u.role) for u in units_of(text + "\n")] == [("市教育局", "lead"), ("市财政局", "support")]


def test_a_rejected_clause_start_does_not_hide_a_later_phrase() -> None:
    # the clause 整改工作由市局 is no unit; the search goes on and finds 由市局负总责
    assert [(u.text, u.label) for u in units_of("整改工作由市局负总责。\n")] == [("市局", "由…负总责")]


def test_by_x_host_names_a_lead_unit() -> None:
    # regression: the 由X牵头 rule also takes 主办, but its hand-kept trigger 牵头 kept it from lines with 主办
    doc = Document(text="文化节由市文化局主办，各区文化馆协办。\n")
    root = Section(kind="document", start=0, end=len(doc.text))
    assert [(u.text, u.role, u.label) for u in extract_units(doc, root)][:1] == [("市文化局", "lead", "由…主办，…协办")]
