"""Counted mentions (6个方面, 9项, 8个专题, 三大行动) with their value; dates, money and articles left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.extraction.quantities import extract_quantities
from textkit.model import Document, Quantity, Section, section_at
from textkit.pipeline import parse


def quantities(text: str) -> list[tuple[str, int, str, str]]:
    doc = Document(text=text)
    found = extract_quantities(doc, Section(kind="document", start=0, end=len(text)))
    return [(q.text, q.value, q.classifier, q.noun) for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("着力解决6个方面的突出问题。", [("6个方面", 6, "个", "方面")]),
        ("围绕8个专题开展交流研讨。", [("8个专题", 8, "个", "专题")]),
        ("实施三大行动。", [("三大行动", 3, "大", "行动")]),
        ("等9项专项整治内容。", [("9项专项整治", 9, "项", "专项整治")]),
        ("建设150个骨干专业。", [("150个骨干专业", 150, "个", "骨干专业")]),
        ("建设５０所高水平学校。", [("５０所高水平学", 50, "所", "高水平学")]),
        ("培育十二家龙头企业。", [("十二家龙头企业", 12, "家", "龙头企业")]),
    ],
)
def test_counted_mentions(text: str, expected: list[tuple[str, int, str, str]]) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "集中学习3个月。",  # a duration
        "增长15%，投入300万元。",  # percent and money
        "形成一批经验，组织一次读书班。",  # articles
        "第三批试点单位。",  # an ordinal
        "学习党的二十大精神。",  # a congress, not a count
        "增强“四个意识”。",  # a slogan in quotes
        "2023年9月28日前。",  # a date
        "党的十九届五中全会。",  # a plenary session
        "实施1000项亿元以上项目。",  # 1000 projects, but the noun is money: not a clean count
    ],
)
def test_not_counts(text: str) -> None:
    assert quantities(text) == []


def test_seed000_counts(seed000_path: Path) -> None:
    plan = parse(seed000_path)
    assert ("6个方面", 6) in [(q.text, q.value) for q in plan.quantities]
    for q in plan.quantities:
        assert isinstance(q, Quantity)
        assert q.text == plan.text[q.start:q.end]
        sec = section_at(plan.root, q.start)
        assert q.section == (sec.id if sec else "")


def test_seed001_counts(seed001_path: Path) -> None:
    plan = parse(seed001_path)
    got = [(q.text, q.value) for q in plan.quantities]
    assert ("8个专题", 8) in got
    assert ("9项专项整治", 9) in got
