"""Measures rules: missing units and time frames among peers that have them, vague timing, deadlines outside
the plan's period, dates that do not exist and weekdays that do not match."""

from __future__ import annotations

from dataclasses import replace

import pytest

from textkit.lint import lint, load_config
from textkit.model import Measure, Plan, ResponsibleUnit, TimeExpression, TimeValue
from textkit.pipeline import parse_text


def _found(plan: Plan, rule: str) -> list[str]:
    result = lint(plan, rules=[rule])
    for f in result.findings:
        assert f.text == plan.text[f.start:f.end]
    return [f.text for f in result.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议定于2月30日召开。", ["2月30日"]),
        ("于2023年2月29日前报送。", ["2023年2月29日"]),
        ("于二〇二三年二月三十日前报送。", ["二〇二三年二月三十日"]),
        ("4月31日前完成，13月1日启动。", ["4月31日", "13月1日"]),
        ("于2024年2月29日前报送，2月29日前完成。", []),
        ("9月28日前，要集中梳理出一批突出问题；12月31日前完成整改。", []),
    ],
)
def test_measures_invalid_date(text: str, expected: list[str]) -> None:
    assert _found(parse_text(text), "measures.invalid-date") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议定于2023年9月28日（星期五）召开。", ["2023年9月28日（星期五）"]),
        ("时间：2019年 11月 21日(星期四)晚上17:50。", []),
        ("演练定于2019年11月21日周四下午举行。", []),
    ],
)
def test_measures_weekday_mismatch(text: str, expected: list[str]) -> None:
    assert _found(parse_text(text), "measures.weekday-mismatch") == expected


def test_measures_weekday_message_names_the_right_day() -> None:
    plan = parse_text("会议定于2023年9月28日（星期五）召开。")
    (f,) = lint(plan, rules=["measures.weekday-mismatch"]).findings
    assert f.expected == "星期四"
    (en,) = lint(plan, rules=["measures.weekday-mismatch"], lang="en").findings
    assert en.message.endswith("that day is a Thursday")


def test_measures_weekday_without_year_uses_the_plan_period() -> None:
    plan = replace(parse_text("9月28日（星期五）召开推进会。9月29日（星期五）放假。"),
                   period=TimeValue(start="2023-04-01", end="2023-11-30"))
    assert _found(plan, "measures.weekday-mismatch") == ["9月28日（星期五）"]


def test_measures_vague_timing() -> None:
    plan = parse_text("适时组织党建基础知识测试，择机召开通报会；视情况采用述职方式。")
    assert _found(plan, "measures.vague-timing") == ["适时", "择机"]


TASKS = (
    "二、主要任务\n"
    "（一）开展隐患排查。全面排查校舍和消防设施。\n"
    "（二）加强安全教育。每学期组织应急疏散演练。\n"
    "（三）强化督导检查。开展联合检查。\n"
    "（四）整治周边环境。清理校园周边无证摊点。\n"
    "（五）加强食品安全。落实食堂原料索证制度。\n"
    "（六）规范校车管理。开展校车安全专项检查。\n"
    "（七）完善长效机制。建立健全安全管理制度。\n"
)


def _tasks_plan(*, units_for: int, times_for: int) -> Plan:
    """The seven 主要任务 above as measures; the first ``units_for`` get a unit, the first ``times_for`` a date."""
    plan = parse_text(TASKS)
    text = plan.text
    measures: list[Measure] = []
    units: list[ResponsibleUnit] = []
    for n, sec in enumerate(plan.sections()[1:]):
        u: tuple[ResponsibleUnit, ...] = ()
        if n < units_for:
            pos = sec.title_start or sec.start
            u = (ResponsibleUnit(start=pos, end=pos + 2, text=text[pos:pos + 2], name="安全科", role="responsible"),)
            units.extend(u)
        t: tuple[TimeExpression, ...] = ()
        if n < times_for:
            pos = sec.title_start or sec.start
            t = (TimeExpression(start=pos, end=pos + 2, text=text[pos:pos + 2], kind="deadline",
                                value=TimeValue(end="2023-06-30")),)
        measures.append(Measure(start=sec.start, end=sec.end, kind="section", section=sec.id,
                                path=("主要任务", sec.title), title=sec.title, units=u, times=t))
    return replace(plan, measures=tuple(measures), units=tuple(units))


def test_measures_no_unit_where_peers_have_one() -> None:
    plan = _tasks_plan(units_for=6, times_for=0)
    assert _found(plan, "measures.no-unit") == ["（七）完善长效机制。建立健全安全管理制度。"]
    (f,) = lint(plan, rules=["measures.no-unit"]).findings
    assert f.message == "本项措施未明确责任单位（同级措施中6/7已明确）"


def test_measures_no_unit_silent_when_peers_lack_them_too() -> None:
    # 5 of 7 is not "the plan otherwise assigns them" (min_share 0.85)
    assert _found(_tasks_plan(units_for=5, times_for=0), "measures.no-unit") == []


def test_measures_no_time_where_peers_give_one() -> None:
    assert _found(_tasks_plan(units_for=0, times_for=6), "measures.no-time") == [
        "（七）完善长效机制。建立健全安全管理制度。"
    ]


def test_measures_no_unit_from_extraction() -> None:
    lines = TASKS.splitlines()
    units = ["安全科", "德育科", "督导室", "基建科", "后勤科", "装备科"]
    text = "\n".join([lines[0], *(f"{line}\n责任单位：区教育局{u}" for line, u in zip(lines[1:-1], units, strict=True)),
                      lines[-1]]) + "\n"
    plan = parse_text(text)
    assert len(plan.units) == 6
    assert _found(plan, "measures.no-unit") == ["（七）完善长效机制。建立健全安全管理制度。"]


def test_measures_outside_period_is_off_by_default_and_works_when_named() -> None:
    assert not load_config().rule("measures.outside-period").enabled
    plan = parse_text("（一）完成整改。12月31日前完成全部整改任务。")
    pos = plan.text.index("12月31日前")
    dates = (
        TimeExpression(start=pos, end=pos + 7, text="12月31日前", kind="deadline", value=TimeValue(end="2023-12-31")),
    )
    plan = replace(plan, period=TimeValue(start="2023-04-01", end="2023-11-30"), dates=dates)
    assert all(f.rule != "measures.outside-period" for f in lint(plan).findings)
    (f,) = lint(plan, rules=["measures.outside-period"]).findings
    assert f.text == "12月31日前"
    assert "2023-04-01" in f.message
