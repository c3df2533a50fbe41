"""Counts rule: a stated count followed by a different number of enumerated items (inline or subsections)."""

from __future__ import annotations

import pytest

from textkit.lint import lint
from textkit.pipeline import parse_text


def _found(text: str) -> list[tuple[str, str]]:
    plan = parse_text(text)
    result = lint(plan, rules=["counts.mismatch"])
    for f in result.findings:
        assert f.text == plan.text[f.start:f.end]
    return [(f.text, f.message) for f in result.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inline items
        ("一、总体要求\n着力解决3个方面的突出问题。一是学风不正。二是作风不实。\n",
         [("3个方面", "数量不符：3个方面，其后列举了2项")]),
        # subsections announced by the section's lead
        ("二、主要任务\n重点抓好以下4项工作：\n（一）抓好学习。\n（二）抓好调研。\n（三）抓好整改。\n",
         [("4项工作", "数量不符：4项工作，其后列举了3项")]),
    ],
)
def test_counts_mismatch(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一、总体要求\n着力解决2个方面的突出问题。一是学风不正。二是作风不实。\n",
        # 等N项 sums up a list it only samples
        "（一）开展专项整治。对违反中央八项规定精神的问题、形式主义官僚主义的问题等9项专项整治内容加以整治。\n",
        # the count sits inside an enumeration that goes on (一是…三项工作…二是…)
        "一是做好招聘、选调和县管校聘三项工作，优化队伍结构。二是加强培训。三是完善考核。四是强化激励。\n",
        # subsections that number on across parents (6. 7. 8. under 二、) still count three
        "一、深化两方面工作\n1.深化改革。\n2.深化党建。\n二、建设三项工程\n3.治理体系建设工程。\n4.智能化支持系统建设工程。\n"
        "5.评价体系建设工程。\n",
    ],
)
def test_counts_consistent(text: str) -> None:
    assert _found(text) == []


def test_counts_seed000_six_aspects_are_six(seed000_text: str) -> None:
    assert _found(seed000_text) == []
