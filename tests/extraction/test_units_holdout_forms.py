"""Unit forms met in the held-out plans (eval/gold-holdout, issue 12): a bracket of unit names alone closing a
task, 负责 before a word starting with 人 (人工智能), 请X assignments, a short clause before 负责, and X对…负责.
Excerpts typed from plans of those kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.errors import RuleError
from textkit.pipeline import parse_text
from textkit.ruleset import load_rules


def units(text: str) -> list[tuple[str, str, str | None]]:
    return [(u.text, u.role, u.source) for u in parse_text(text).units]


# ---- a bracket of unit names alone, closing a task ----------------------------------------------------------


def test_closing_bracket_of_unit_names_is_a_responsibility_statement() -> None:
    text = ("1.超算中心扩容。全市统筹规划，区市分布实施，为课程全覆盖提供计算能力支撑。加大原有基础设备统筹利用，"
            "鼓励超算中心分时复用，提高核心设备利用率。（装备信息中心、各区、市教体局）\n"
            "2.开展专项培训。建立市、区、校三级培训机制。（装备信息中心、教师处、教科院）\n"
            "3.加强与其他学科互融互通。打造与人工智能相融合的特色精品课程。（教科院）\n")
    assert units(text) == [
        ("装备信息中心", "responsible", "label"), ("各区、市教体局", "responsible", "label"),
        ("装备信息中心", "responsible", "label"), ("教师处", "responsible", "label"),
        ("教科院", "responsible", "label"), ("教科院", "responsible", "label")]
    found = parse_text(text).units
    assert {u.rule_id for u in found} == {"bracket:closing-bracket-list"}
    assert found[1].collective is True  # 各区、市教体局: one entry, a collective


def test_closing_bracket_before_a_full_stop_or_after_a_clause() -> None:
    # the bracket before 。/； and after a clause that does not end like a unit
    assert units("（一）推进课程普及，确保课程开设制度化（基教处、教科院、各区市）。\n") == [
        ("基教处", "responsible", "label"), ("教科院", "responsible", "label"), ("各区市", "responsible", "label")]


@pytest.mark.parametrize(
    "text",
    [
        # a gloss of the word before it: a clause ending like a unit
        "建成10个以上省级特色软件产业园区（集聚区）。\n",
        "3.召开专题民主生活会（组织生活会）。充分运用学习调研成果。\n",
        # not closing: text follows the bracket in the sentence
        "打造“三高”（专业素质高、授课水平高、教研能力高）名师。\n",
        "其他年级（初、高中毕业年级除外）采取常规授课模式。\n",
        "提高利用率。（装备信息中心、教科院）等单位要加强协作。\n",
        # notes, examples, dates, titles, abbreviations, a word that is no unit, a bare generic word
        "开展系列活动。（如讲座、报告会）\n",
        "完成平台建设。（2021年底前）\n",
        "制定课程纲要。（《青岛市中小学人工智能教育课程纲要》）\n",
        "推广辅助驾驶。（ADAS）\n",
        "印发实施细则。（试行）\n",
        "加强统筹协调。（部门）\n",
        # a bracket opening its line
        "（装备信息中心、教科院）\n",
    ],
)
def test_brackets_that_hold_anything_else_name_no_unit(text: str) -> None:
    assert units(text) == []


def test_closing_list_rule_can_be_turned_off_and_is_single(tmp_path: Path) -> None:

    folder = tmp_path
    (folder / "roles.toml").write_text(
        "[[closing-list]]\nid = 'closing-bracket-list'\nrole = 'responsible'\nenabled = false\n", encoding="utf-8")
    rules = load_rules(folder)
    assert rules.units.rules.closing_list is None
    assert parse_text("提高核心设备利用率。（装备信息中心、教科院）\n", rules=rules).units == ()
    other = tmp_path / "second"  # (rules are cached by their files' paths)
    other.mkdir()
    (other / "roles.toml").write_text("[[closing-list]]\nid = 'second'\nrole = 'lead'\n", encoding="utf-8")
    with pytest.raises(RuleError, match="at most one"):
        load_rules(other)


def test_a_title_with_a_bracketed_status_names_no_unit() -> None:
    assert units("青岛市人工智能教育实施方案（试行）\n加强统筹。（团委、工会）\n") == [
        ("团委", "responsible", "label"), ("工会", "responsible", "label")]


# ---- 负责 before a word starting with 人 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("3.推进课程普及。区市负责人工智能教育环境搭建、师资培养。\n", [("区市", "responsible", "phrase")]),
        ("（二）市人社局负责人才引进工作。\n", [("市人社局", "responsible", "phrase")]),
        ("（三）由市委组织部负责人事档案管理。\n", [("市委组织部", "responsible", "phrase")]),
        ("（四）市统计局负责人口普查数据汇总。\n", [("市统计局", "responsible", "phrase")]),
        # the person words stay out: 负责人 / 负责同志, and 负责人 before 民主 / 口头 / 事先
        ("（五）各单位负责人要带头落实。\n", []),
        ("（六）各科室负责同志要靠前指挥。\n", []),
        ("（七）党支部负责人民主测评结果公开。\n", []),
        ("（八）各处室负责人口头汇报进展。\n", []),
        ("（九）各单位负责人事先报告行程。\n", []),
    ],
)
def test_duty_before_a_word_starting_with_person(text: str, found: list[tuple[str, str, str]]) -> None:
    assert units(text) == found


# ---- 请X assignments, a short clause before 负责, X对…负责 -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("项目管理专业机构不再承担有关事项，请科技部、工业和信息化部、农业农村部、卫生健康委等部门在2019年2月底前完成。\n",
         ["科技部", "工业和信息化部", "农业农村部", "卫生健康委"]),
        ("请人力资源社会保障部会同有关部门按照有关通知精神，制定出台具体操作办法。\n", ["人力资源社会保障部"]),
        ("（三）明确管理程序。请财政部落实促进科技成果转化法，提出修订建议。\n", ["财政部"]),
        ("请各单位于3月底前报送总结。\n", ["各单位"]),
        # 请 opening a clause but no unit, or no task verb after the list
        ("现将方案印发给你们，请认真贯彻执行。\n", []),
        ("请各知照。\n", []),
        ("请拟联合申报组织协调高校于9月16日前报送材料。\n", []),
        # 请 inside a word (申请, 邀请) opens no assignment
        ("学校申请市教育局在本月完成验收。\n", []),
    ],
)
def test_request_assigns_a_task_to_the_units_named(text: str, found: list[str]) -> None:
    assert units(text) == [(name, "responsible", "phrase") for name in found]


def test_a_short_clause_with_a_comma_before_duty() -> None:
    text = "各地区、各有关部门根据有关规定，负责指导所属科研单位制定详细可操作的管理制度和办法。\n"
    assert units(text) == [("各地区", "responsible", "phrase"), ("各有关部门", "responsible", "phrase")]
    # two clauses before 负责 are not one short adverbial
    assert units("市教育局根据有关规定，结合实际情况，负责制定细则。\n") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("行政执法承办机构对送审材料的真实性、准确性、完整性，以及执法的事实、证据、法律适用、程序的合法性负责。"
         "法制审核机构对重大执法决定的法制审核意见负责。\n", ["行政执法承办机构", "法制审核机构"]),
        ("各地教育行政部门要对本地区督导结果负责。\n", ["各地教育行政部门"]),
        # a person answers for it, not a unit
        ("行政执法机关主要负责人对本机关作出的行政执法决定负责。\n", []),
        ("学校校长对本校安全工作负责。\n", []),
        # 负责 that opens another clause's task is not this form
        ("市教育局对学校进行督查，市财政局负责经费保障。\n", ["市财政局"]),
        # more than 60 characters between 对 and 负责
        ("市教育局对" + "本地区各级各类学校的办学行为和教育教学质量进行全面督导检查并及时通报结果，" * 2 + "负责。\n", []),
    ],
)
def test_units_answering_for_a_clause(text: str, found: list[str]) -> None:
    assert units(text) == [(name, "responsible", "phrase") for name in found]
