"""Time expressions of the two seed plans, through the whole pipeline (no reference date: the plan's
own period anchors dates written without a year)."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.model import Plan, TimeExpression, section_at
from textkit.pipeline import parse


@pytest.fixture(scope="module")
def plan000(seed000_path: Path) -> Plan:
    return parse(seed000_path)


@pytest.fixture(scope="module")
def plan001(seed001_path: Path) -> Plan:
    return parse(seed001_path)


def _one(plan: Plan, text: str) -> TimeExpression:
    found = [t for t in plan.dates if t.text == text]
    assert len(found) == 1, [t.text for t in plan.dates]
    return found[0]


def test_seed000_plan_period_is_read_from_its_text(plan000: Plan) -> None:
    assert plan000.period is not None
    assert (plan000.period.start, plan000.period.end) == ("2023-09-01", "2024-01-31")
    t = _one(plan000, "从2023年9月开始，2024年1月基本结束")
    assert t.kind == "period"
    assert (t.value.start, t.value.end) == ("2023-09-01", "2024-01-31")


def test_seed000_has_no_durations_or_names_as_dates(plan000: Plan) -> None:
    scored = [t.text for t in plan000.dates if t.kind not in ("vague", "duration")]
    assert scored == ["从2023年9月开始，2024年1月基本结束"]  # 新时代, 二十大, 年度考核 are not dates
    assert [t.text for t in plan000.dates if t.kind == "vague"] == ["定期"]


def test_seed001_plan_period_ends_with_the_month_written_without_year(plan001: Plan) -> None:
    t = _one(plan001, "自2023年4月开始，11月底基本结束")
    assert (t.kind, t.value.start, t.value.end) == ("period", "2023-04-01", "2023-11-30")
    assert plan001.period is not None and plan001.period.end == "2023-11-30"


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("9月28日前", "deadline", None, "2023-09-28"),
        ("10月下旬", "point", "2023-10-21", "2023-10-31"),
        ("10月份上中旬", "point", "2023-10-01", "2023-10-20"),
        ("9月中下旬", "point", "2023-09-11", "2023-09-30"),
        ("“中秋”“国庆”前夕", "deadline", None, "2023-09-28"),  # 2023 中秋 is 09-29: the eve is 09-28
        ("主题教育期间", "period", "2023-04-01", "2023-11-30"),
    ],
)
def test_seed001_dates(plan001: Plan, text: str, kind: str, start: str | None, end: str | None) -> None:
    t = _one(plan001, text)
    assert (t.kind, t.value.start, t.value.end) == (kind, start, end)


def test_seed001_recurrences_with_day_and_count(plan001: Plan) -> None:
    rec = [t for t in plan001.dates if t.kind == "recurrence"]
    assert [(t.text, t.value.freq, t.value.count, t.value.day) for t in rec] == [
        ("每月20日前后", "monthly", 1, "20"),  # 每月20日前后组织1次集体学习
        ("每周", "weekly", 1, None),  # 每周开展1次集体学习
        ("每月", "monthly", 1, None),  # 每月集中研讨交流不少于1次
    ]


def test_seed001_one_week_of_study_is_not_a_date(plan001: Plan) -> None:
    line = next(ln for ln in plan001.text.splitlines() if "集中1周时间" in ln)
    start = plan001.text.index(line)
    inside = [t for t in plan001.dates if start <= t.start < start + len(line)]
    assert all("周时间" not in t.text for t in inside)


@pytest.mark.parametrize("name", ["plan000", "plan001"])
def test_every_expression_points_into_the_text(name: str, request: pytest.FixtureRequest) -> None:
    plan: Plan = request.getfixturevalue(name)
    starts = [t.start for t in plan.dates]
    assert starts == sorted(starts)
    for t in plan.dates:
        assert t.text == plan.text[t.start:t.end]
        assert t.rule_id.startswith("time.")
        sec = section_at(plan.root, t.start)
        assert t.section == (sec.id if sec else "")
