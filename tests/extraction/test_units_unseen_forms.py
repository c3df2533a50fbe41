"""Unit forms met in plans the rules were not fitted to (issue 12): a shared ending over a list of levels, the
column labels and offices of schools and hospitals, and policy verbs before 企业. Excerpts typed from plans of
those kinds."""

from __future__ import annotations

import pytest

from textkit.extraction.units.lists import split_unit_list
from textkit.pipeline import parse_text


def units(text: str) -> list[tuple[str, str, str | None]]:
    return [(u.text, u.role, u.source) for u in parse_text(text).units]


@pytest.mark.parametrize(
    ("listed", "names"),
    [
        ("有关区、市政府，省发展改革委", ["有关区、市政府", "省发展改革委"]),
        ("各省、自治区、直辖市人民政府", ["各省、自治区、直辖市人民政府"]),
        ("市教育局、区、县教育局", ["市教育局", "区、县教育局"]),
        # place names are names, not levels: each is its own entry, as the gold splits them
        ("济南、青岛、烟台市政府", ["济南", "青岛", "烟台市政府"]),
        # levels joined by other separators or with no unit after them are left as written
        ("有关区；市政府", ["有关区", "市政府"]),
        ("省、市、县", ["省", "市", "县"]),
    ],
)
def test_levels_share_the_ending_of_the_item_after_them(listed: str, names: list[str]) -> None:
    assert [listed[a:b] for a, b in split_unit_list(listed, 0, len(listed))] == names


def test_shared_ending_is_one_entry_in_a_label_and_a_table() -> None:
    assert units("（三）推进园区建设。责任单位：有关区、市政府，省发展改革委\n") == [
        ("有关区、市政府", "responsible", "label"), ("省发展改革委", "responsible", "label")]
    table = "一、重点任务\n序号\t工作任务\t责任单位\t完成时限\n1\t制定实施细则\t有关区、市政府\t3月底前\n"
    assert units(table) == [("有关区、市政府", "responsible", "table")]


def test_school_and_hospital_column_labels_and_offices() -> None:
    table = ("一、重点任务\n序号\t工作任务\t责任处室\t完成时限\n1\t制定细则\t校办 德育处\t3月底前\n"
             "2\t开展督查\t总务处医务室\t6月底前\n3\t体质监测\t体育组\t每学期\n")
    assert units(table) == [("校办", "responsible", "table"), ("德育处", "responsible", "table"),
                            ("总务处", "responsible", "table"), ("医务室", "responsible", "table"),
                            ("体育组", "responsible", "table")]
    labelled = "（一）阳光体育。负责部门：体育组\n（二）医疗质量。牵头科室：医务科；配合科室：护理部\n"
    assert units(labelled) == [("体育组", "responsible", "label"), ("医务科", "lead", "label"),
                               ("护理部", "support", "label")]
    headed = "序号\t工作内容\t负责部门\n1\t健康教育\t医务室\n"
    assert units(headed) == [("医务室", "responsible", "table")]


@pytest.mark.parametrize(
    "text",
    ["（二）鼓励骨干企业牵头组建创新联合体。\n", "（三）支持企业负责建设数据开放平台。\n",
     "（四）引导企业牵头制定团体标准。\n"],
)
def test_policy_verb_before_enterprise_is_not_a_unit(text: str) -> None:
    assert units(text) == []


def test_units_starting_like_a_verb_are_kept() -> None:
    # 组织部, 发展改革委: words that start both verbs and unit names are not on the list
    assert units("（五）由省发展改革委牵头，组织部配合。\n") == [
        ("省发展改革委", "lead", "phrase"), ("组织部", "support", "phrase")]
