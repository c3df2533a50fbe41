"""`Checklist.from_plan`: a directive's sections/measures become items with keywords and section paths."""

from __future__ import annotations

from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import Checklist
from textkit.comparison.coverage import check
from textkit.errors import ChecklistError

PLAN = """关于开展主题教育的实施方案
一、工作措施
1.理论学习。坚持读原著学原文悟原理，举办读书班，理论学习中心组开展专题研讨。
2.调查研究。领导班子成员每人领题调研，深入农村社区企业，采取“四不两直”方式解剖麻雀。
3.检视整改。对照党章党规查摆问题，列出问题清单，制定整改措施，开展专项整治。
二、组织领导
成立领导小组，主要负责同志履行第一责任人职责。
"""


@pytest.fixture(scope="module")
def directive() -> textkit.Plan:
    return textkit.parse_text(PLAN, source="directive.txt")


def test_leaf_measures_become_items(directive: textkit.Plan) -> None:
    cl = Checklist.from_plan(directive)
    assert [(i.id, i.title, i.source) for i in cl.items] == [
        ("一/1", "理论学习", "一/1"), ("一/2", "调查研究", "一/2"), ("一/3", "检视整改", "一/3"), ("二", "组织领导", "二")]
    assert cl.source == "directive.txt"
    research = cl.items[1]
    terms = {t for g in research.keywords for t in g.terms}
    assert research.keywords[0].terms == ("调查研究",)  # the heading, as written
    assert {"四不两直", "解剖麻雀"} & terms
    # Keywords tell measures apart: none of 调查研究's words is a keyword of 理论学习.
    assert not terms & {t for g in cl.items[0].keywords for t in g.terms}


def test_level_picks_a_depth(directive: textkit.Plan) -> None:
    assert [i.source for i in Checklist.from_plan(directive, level=1).items] == ["一", "二"]
    assert [i.title for i in Checklist.from_plan(directive, level=2).items] == ["理论学习", "调查研究", "检视整改"]


def test_top_k_caps_the_keywords(directive: textkit.Plan) -> None:
    cl = Checklist.from_plan(directive, top_k=3)
    assert all(len(i.keywords) <= 4 for i in cl.items)  # the heading group + 3 words


def test_bad_level_and_empty_level(directive: textkit.Plan) -> None:
    with pytest.raises(ChecklistError, match="`level` value = 'all' is invalid"):
        Checklist.from_plan(directive, level="all")  # type: ignore[arg-type]
    with pytest.raises(ChecklistError, match="no sections at level 5"):
        Checklist.from_plan(directive, level=5)


def test_a_plan_checked_against_itself_covers_every_item(directive: textkit.Plan) -> None:
    cl = Checklist.from_plan(directive)
    result = check(directive, cl)
    assert [r.status for r in result.items] == ["covered"] * 4
    assert [r.evidence[0].section for r in result.items] == ["一/1", "一/2", "一/3", "二"]


def test_removing_a_measure_makes_exactly_its_item_missing(directive: textkit.Plan) -> None:
    cl = Checklist.from_plan(directive)
    text = directive.text
    cut = text.index("2.调查研究")
    draft = textkit.parse_text(text[:cut] + text[text.index("3.检视整改"):])
    statuses = {r.item.id: r.status for r in check(draft, cl).items}
    assert statuses["一/2"] == "missing"
    assert [s for k, s in statuses.items() if k != "一/2"] == ["covered"] * 3


def test_directive_042_measures(directive_path: Path) -> None:
    cl = Checklist.from_plan(textkit.parse(directive_path), level=2)
    by_title = {i.title: i for i in cl.items}
    assert {"理论学习", "调查研究", "推动发展", "检视整改", "建章立制"} <= set(by_title)
    assert by_title["建章立制"].source == "三/5"
    assert by_title["调查研究"].source == "三/2"


def test_measures_level_uses_extracted_measures(seed001_path: Path) -> None:
    plan = textkit.parse(seed001_path)
    cl = Checklist.from_plan(plan, level="measure")
    assert len(cl.items) == len(plan.measures)
    assert len({i.id for i in cl.items}) == len(cl.items)  # three 一是… items of 二/（二）/1 get distinct ids
    sources = [i.source for i in cl.items]
    assert "二/（四）/3" in sources and "二/（一）/1" in sources
    assert check(plan, cl).counts()["missing"] == 0
