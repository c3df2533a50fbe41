"""Itemising a directive as a careful reader lists its required tasks (textkit.comparison.itemise)."""

from __future__ import annotations

import bisect
import json
import tomllib
from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import checklist_from_dict, checklist_to_toml
from textkit.comparison.itemise import derive_checklist, itemise, load_itemise_rules
from textkit.errors import ChecklistError, OptionError, RuleError

# A directive in the shape of the 2023 意见: a declaratory part, run-in numbered targets followed by a paragraph
# that belongs to the list's parent, run-in titled paragraphs under a numbered item, a source note.
DIRECTIVE = """关于开展主题教育的意见
一、重大意义
开展主题教育意义重大。
二、目标要求
开展主题教育，总要求是学思想、强党性。
1. 凝心铸魂筑牢根本。全面系统深入学习新思想，做到学思用贯通。
2. 锤炼品格强化忠诚。深刻领悟两个确立的决定性意义。
主题教育坚持目标导向和问题导向相统一，着力解决6个方面的突出问题。
三、工作安排
1. 理论学习。坚持读原著学原文悟原理，举办读书班。
2. 推动发展。紧紧围绕高质量发展这个首要任务。
破难题、促发展。领导班子根据自身职责，研究破解发展难题。
办实事、解民忧。积极探索开展为民办实事长效机制。
四、组织领导
加强宣传引导，充分发挥各级党报党刊作用。
开展主题教育要务求实效，坚决反对形式主义。
（来源：共产党员网）
"""


def _tasks(plan: textkit.Plan) -> list[str]:
    return [t.title for top in itemise(plan) for t in top.walk() if t.kind == "task"]


def test_a_readers_list_of_tasks() -> None:
    plan = textkit.parse_text(DIRECTIVE)
    assert _tasks(plan) == [
        "开展主题教育，总要求是学思想、强党性",  # the part's own requirement paragraph
        "凝心铸魂筑牢根本", "锤炼品格强化忠诚",
        "主题教育坚持目标导向和问题导向相统一，着力解决6个方面的突出",  # after the list: the parent's (30 chars)
        "理论学习",
        "破难题、促发展", "办实事、解民忧",  # run-in titled paragraphs split 2. 推动发展
        "加强宣传引导，充分发挥各级党报党刊作用", "开展主题教育要务求实效，坚决反对形式主义",
    ]


def test_groups_hold_their_tasks_and_spans_index_the_directive() -> None:
    plan = textkit.parse_text(DIRECTIVE)
    tops = itemise(plan)
    assert [(t.title, t.kind) for t in tops] == [("目标要求", "group"), ("工作安排", "group"), ("组织领导", "group")]
    push = next(t for t in tops[1].children if t.title == "推动发展")
    assert push.kind == "group" and [c.title for c in push.children] == ["破难题、促发展", "办实事、解民忧"]
    for top in tops:
        for t in top.walk():
            assert DIRECTIVE[t.start:t.end].strip() and not DIRECTIVE[t.start:t.end].endswith("\n")
            if t.kind == "task":
                assert DIRECTIVE[t.start:t.end].startswith(t.title.split("，")[0]) or t.marker


def test_scope_selects_parts_and_brings_back_declaratory_ones() -> None:
    plan = textkit.parse_text(DIRECTIVE)
    assert _tasks(textkit.parse_text(DIRECTIVE)) == _tasks(plan)
    only = [t.title for top in itemise(plan, scope=["三"]) for t in top.walk() if t.kind == "task"]
    assert only == ["理论学习", "破难题、促发展", "办实事、解民忧"]
    assert [t.title for t in itemise(plan, scope=["重大意义"])] == ["重大意义"]
    with pytest.raises(OptionError, match="`scope` value"):
        itemise(plan, scope=["没有这一部分"])


def test_an_all_declaratory_directive_is_refused_with_a_clear_error() -> None:
    plan = textkit.parse_text("一、指导思想\n坚持以人民为中心。\n二、基本原则\n坚持问题导向。\n")
    with pytest.raises(ChecklistError, match="no required tasks"):
        derive_checklist(plan)


def test_derived_checklist_round_trips_through_toml() -> None:
    plan = textkit.parse_text(DIRECTIVE)
    cl = derive_checklist(plan)
    back = checklist_from_dict(tomllib.loads(checklist_to_toml(cl)), file="derived.toml")
    assert [(i.id, i.title, i.span, i.description) for i, _ in back.walk()] == \
        [(i.id, i.title, i.span, i.description) for i, _ in cl.walk()]
    for item, _ in back.walk():
        assert item.span is not None and DIRECTIVE[item.span[0]:item.span[1]].strip()


def test_user_rules_add_a_declaratory_word(tmp_path: Path) -> None:
    user = tmp_path / "itemise.toml"
    user.write_text('[[declaratory]]\nid = "org"\nwords = ["组织领导"]\n', encoding="utf-8")
    plan = textkit.parse_text(DIRECTIVE)
    titles = [t.title for t in itemise(plan, rules=load_itemise_rules(extra=[user]))]
    assert "组织领导" not in titles and "工作安排" in titles
    bad = tmp_path / "bad.toml"
    bad.write_text('[[declaratory]]\nid = "x"\nword = ["a"]\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.toml"):
        load_itemise_rules(extra=[bad])


def test_every_hand_judged_task_is_itemised(shared_corpus: Path) -> None:
    # Each gold task of ../shared/corpus/coverage starts a derived task or group on its directive line.
    for gold_path in sorted((shared_corpus / "coverage").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold["directive"]
        path = shared_corpus / "raw" / name if (shared_corpus / "raw" / name).exists() else shared_corpus / "extra" / name
        plan = textkit.parse(path)
        text = plan.text
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        lines = {bisect.bisect_right(starts, t.start) for top in itemise(plan) for t in top.walk()}
        missing = [t["directive_line"] for t in gold["items"] if t["directive_line"] not in lines]
        assert not missing, (gold_path.name, missing)


def test_each_entry_of_a_boxed_list_is_a_task() -> None:
    # 专栏 boxes (as in the 2021 provincial sensor plan): the box is a group, each run-in entry a task
    text = ("三、重点任务\n（一）突破关键技术\n1. 推进智能传感器研发。加强MEMS工艺研究。\n"
            "专栏1：重点突破的技术领域\n声学传感器。研发先进MEMS芯片技术。\n压力传感器。重点支持研发硅基压力传感器。\n"
            "2. 推进封装测试。建设封装测试平台。\n")
    plan = textkit.parse_text(text)
    tasks = [(t.kind, t.title) for top in itemise(plan) for t in top.walk()]
    assert ("group", "重点突破的技术领域") in tasks
    assert [title for kind, title in tasks if kind == "task"] == ["推进智能传感器研发", "声学传感器", "压力传感器",
                                                                 "推进封装测试"]
    first = next(t for top in itemise(plan) for t in top.walk() if t.kind == "task" and t.title == "推进智能传感器研发")
    assert "专栏" not in text[first.start:first.end]


def test_a_date_line_or_a_row_of_figures_is_not_a_task() -> None:
    # a school event plan (as 037): the 落款 date under the last heading, a table row of figures
    text = "一、活动安排\n各班组织学生参加远足活动，班主任全程带队。\n2\t3\t2\t1\n2019年11月18日\n"
    titles = [t.title for top in itemise(textkit.parse_text(text)) for t in top.walk() if t.kind == "task"]
    assert titles == ["各班组织学生参加远足活动，班主任全程带队"]


def test_context_is_what_lies_outside_every_task_and_round_trips() -> None:
    text = ("一、指导思想\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n"
            "二、主要任务\n（一）加强学习。组织党员集中学习党章党规。\n（二）深入调研。领导班子到基层开展调查研究。\n")
    cl = derive_checklist(textkit.parse_text(text))
    assert cl.context == ("一、指导思想", "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。", "二、主要任务")
    again = checklist_from_dict(tomllib.loads(checklist_to_toml(cl)))
    assert again.context == cl.context
    with pytest.raises(ChecklistError, match="context"):
        checklist_from_dict({"items": [{"id": "a", "title": "学习", "source": "一", "description": "加强学习。"}],
                             "context": "不是列表"})


@pytest.mark.parametrize(("title", "declaratory"), [
    ("总体要求", True), ("发展现状与面临的形势", True), ("背景和意义", True),
    ("产业发展的原则、总体思路、目标及任务", True),
    ("开展以党的十七届五中全会精神为主要内容的形势政策宣传教育", False), ("加强组织领导", False),
])
def test_a_long_title_that_merely_holds_a_declaratory_word_is_a_task(title: str, declaratory: bool) -> None:
    # 2011 绍兴 创先争优 工作思路: 三/（二） is a task though 形势 names a background part elsewhere
    assert load_itemise_rules().is_declaratory(title) is declaratory


# ---- task tables: an attached 任务清单 lists the required tasks themselves ---------------------------------

TABLE_DIRECTIVE = """关于做好2024年重点工作的通知
一、工作要求
各处室要对照清单抓好落实，按时报送进展。
附件：2024年重点工作清单
序号\t工作任务\t具体内容\t牵头处室\t配合处室\t完成时限
1\t规范会议管理\t制定并实施会议管理办法，梳理各类会议名称和议题\t党政办\t教务处\t3月底前
2\t推进家校共育\t举办家长学校，每学期召开家长会不少于两次\t德育处\t年级组\t全年
3\t建设智慧校园\t建设校园数据中心，整合各类应用平台\t信息中心\t总务处\t12月底前
"""


def test_the_rows_of_an_attached_task_table_are_tasks() -> None:
    plan = textkit.parse_text(TABLE_DIRECTIVE)
    text = plan.document.text
    # off by default: such a table often restates the numbered tasks row by row
    assert not any(t.title.startswith("附件") for t in itemise(plan))
    table = next(t for t in itemise(plan, tables=True) if t.kind == "group" and t.title.startswith("附件"))
    assert table.title == "附件：2024年重点工作清单"
    assert [t.title for t in table.children] == ["规范会议管理", "推进家校共育", "建设智慧校园"]
    first = table.children[0]
    # the task is the row's text cells: not its number, units or deadline
    assert first.body == "规范会议管理\n制定并实施会议管理办法，梳理各类会议名称和议题"
    assert text[first.start:first.end].startswith("1\t规范会议管理")
    cl = derive_checklist(plan, tables=True)
    item = next(i for i, _ in cl.walk() if i.title == "建设智慧校园")
    assert item.description == "建设智慧校园\n建设校园数据中心，整合各类应用平台"
    assert "信息中心" not in item.description and "12月底前" not in item.description
    assert item.source == item.id == "表1/3"
    # the rows are no longer context that a plan may restate without carrying out a task
    assert not any("规范会议管理" in c for c in cl.context)
    # a curated file keeps them
    again = checklist_from_dict(tomllib.loads(checklist_to_toml(cl)))
    assert [i.title for i, _ in again.walk() if i.id.startswith("表1/")] == ["规范会议管理", "推进家校共育", "建设智慧校园"]


def test_a_plan_is_checked_against_the_table_rows() -> None:
    from textkit.comparison.coverage import check

    cl = derive_checklist(textkit.parse_text(TABLE_DIRECTIVE), tables=True)
    plan = textkit.parse_text("德育处工作方案\n一、主要措施\n（一）推进家校共育。举办家长学校，每学期召开两次家长会。\n"
                              "（二）规范会议管理。制定会议管理办法，规范会议议题。\n")
    result = check(plan, cl)
    assert result.get("表1/2").status == "covered"
    assert result.get("表1/3").status == "missing"  # nothing on a data centre or platforms


def test_a_table_inside_a_numbered_task_stays_part_of_it() -> None:
    text = ("一、重点任务\n（一）规范会议管理。制定会议管理办法。\n"
            "序号\t工作任务\t具体内容\t牵头处室\t完成时限\n1\t梳理会议\t梳理各类会议名称\t党政办\t3月底前\n"
            "（二）推进家校共育。举办家长学校。\n")
    plan = textkit.parse_text(text)
    titles = [t.title for top in itemise(plan, tables=True) for t in top.walk() if t.kind == "task"]
    assert "梳理会议" not in titles
    assert titles[:2] == ["规范会议管理", "推进家校共育"]


def test_the_attached_schedule_of_a_real_plan_is_itemised(shared_corpus: Path) -> None:
    plan = textkit.parse(shared_corpus / "raw" / "030.txt")
    cl = derive_checklist(plan, tables=True)
    table = next(i for i in cl.items if i.id == "表1")
    rows = [m for m in plan.measures if m.kind == "table-row"]
    assert len(table.children) == len(rows) == 93
    assert [c.title for c in table.children] == [m.title for m in rows]
    assert all(c.span is not None and plan.text[c.span[0]:c.span[1]].count("\n") == 0 for c in table.children)
