"""Faults met in plans the rules were not fitted to (issue 12): private-use characters where a marker or a
character should be, and years no plan can mean. Excerpts typed after real plans of those kinds."""

from __future__ import annotations

from datetime import date

from textkit.lint import lint
from textkit.pipeline import parse_text


def findings(text: str, rule: str, *, ref: date | None = date(2021, 9, 28), lang: str = "zh") -> list[tuple[str, str]]:
    plan = parse_text(text, reference_date=ref)
    return [(f.text, f.message) for f in lint(plan, rules=[rule], lang=lang).findings]


def test_private_use_character_standing_for_a_marker_and_for_a_character() -> None:
    # a converter mapped the list bullet and one character of a font to the private-use area
    text = "一、总体要求\n\ue06c加强组织领导，提高认识。\n二、主要任务\n推进数\ue000共享。\n"
    got = findings(text, "text.private-use")
    assert [t for t, _ in got] == ["\ue06c", "\ue000"]
    assert "U+E06C, 行首" in got[0][1] and "应为编号或文字" in got[0][1]
    assert "U+E000, 句中" in got[1][1]


def test_no_private_use_finding_on_clean_text() -> None:
    assert findings("一、总体要求\n（一）加强组织领导。\n", "text.private-use") == []


def test_impossible_years_in_dates_and_document_numbers() -> None:
    text = ("关于印发行动方案的通知\n鲁政办字〔2121〕12号\n一、发展目标\n"
            "0402年，全省服务业数字化转型全面推开。到2121年，基本建成。4549年底前完成。力争2060年前实现碳中和。\n")
    got = findings(text, "measures.impossible-year")
    assert [t for t, _ in got] == ["2121", "0402年", "2121年", "4549年"]
    assert "应在1949—2100年之间" in got[0][1]


def test_a_year_too_far_after_the_plans_date_says_so() -> None:
    got = findings("一、目标\n到2075年，全面建成。\n", "measures.impossible-year", ref=date(2021, 9, 28), lang="en")
    assert got == [("2075年", "impossible year: 2075年 (54 years after the plan's date in 2021, more than 40); "
                              "check for a typo or damaged digits")]


def test_plausible_document_numbers_and_years_pass() -> None:
    text = "鲁政办字〔2021〕12号\n一、目标\n到2025年，基本建成；2035年远景目标。\n"
    assert findings(text, "measures.impossible-year") == []
