"""Numbering rules on the parsed section tree: gaps, duplicates, order, mixed styles and widths, skipped levels."""

from __future__ import annotations

import pytest

from textkit.lint import lint
from textkit.lint.numbering import raw_shape, render_marker, shape
from textkit.pipeline import parse_text

RULES = [
    "numbering.gap", "numbering.duplicate", "numbering.out-of-order", "numbering.mixed-style",
    "numbering.mixed-width", "numbering.skipped-level",
]


def _found(text: str) -> list[tuple[str, str]]:
    plan = parse_text(text)
    result = lint(plan, rules=RULES)
    for f in result.findings:
        assert f.text == plan.text[f.start:f.end]
    return [(f.rule, f.text) for f in result.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体要求\n坚持问题导向。\n二、主要任务\n抓好落实。\n四、保障措施\n加强领导。\n",
         [("numbering.gap", "四、")]),
        ("一、总体要求\n坚持问题导向。\n二、主要任务\n抓好落实。\n二、保障措施\n加强领导。\n",
         [("numbering.duplicate", "二、")]),
        ("一、总体要求\n（一）指导思想。坚持。\n（三）基本原则。坚持。\n（二）工作目标。完成。\n二、主要任务\n抓好落实。\n",
         [("numbering.out-of-order", "（二）")]),
        ("一、主要任务\n1.抓好学习。\n2、抓好调研。\n3.抓好整改。\n", [("numbering.mixed-style", "2、")]),
        ("一、主要任务\n（一）抓好学习。\n(二)抓好调研。\n（三）抓好整改。\n", [("numbering.mixed-width", "(二)")]),
        ("一、主要任务\n1.抓好学习。\n2．抓好调研。\n3.抓好整改。\n", [("numbering.mixed-width", "2．")]),
        ("一、总体要求\n（一）指导思想。坚持。\n（二）工作目标。完成。\n二、主要任务\n1.抓好学习。\n2.抓好调研。\n",
         [("numbering.skipped-level", "1.")]),
    ],
)
def test_numbering_faults(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 一、 → 1. throughout is a choice, not a skipped level
        "一、总体要求\n1.指导思想。坚持。\n2.工作目标。完成。\n二、主要任务\n1.抓好学习。\n2.抓好调研。\n",
        # numbering that runs on across parents (职教20条)
        "一、总体要求\n（一）指导思想。坚持。\n（二）工作目标。完成。\n二、主要任务\n（三）抓好学习。\n（四）抓好调研。\n",
        # a second list under one parent starts again at 1
        "一、主要任务\n主要措施：\n1.抓好学习。\n2.抓好调研。\n具体要求：\n1.严格标准。\n2.按时完成。\n",
    ],
)
def test_numbering_clean(text: str) -> None:
    assert _found(text) == []


def test_numbering_gap_message_names_the_missing_number() -> None:
    plan = parse_text("一、总体要求\n坚持。\n二、主要任务\n落实。\n五、保障措施\n领导。\n")
    (f,) = lint(plan, rules=["numbering.gap"]).findings
    assert f.message == "编号跳号：五、之前缺少三、四、"
    (en,) = lint(plan, rules=["numbering.gap"], lang="en").findings
    assert en.message == "numbering gap: 三、四、 is missing before 五、"


@pytest.mark.parametrize(
    ("marker", "folded", "raw"),
    [("（三）", "(N)", "（N）"), ("(三)", "(N)", "(N)"), ("1．", "N.", "N．"), ("1、", "N、", "N、"), ("①", "N", "N")],
)
def test_numbering_shapes(marker: str, folded: str, raw: str) -> None:
    assert shape(marker) == folded
    assert raw_shape(marker) == raw


@pytest.mark.parametrize(
    ("marker", "value", "expected"),
    [("（三）", 4, "（四）"), ("9.", 10, "10."), ("１．", 2, "２．"), ("①", 3, "③"), ("十、", 11, "十一、")],
)
def test_numbering_render_marker(marker: str, value: int, expected: str) -> None:
    assert render_marker(marker, value) == expected
