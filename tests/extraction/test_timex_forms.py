"""Every written form of a plan date, on small fixtures, with its normalised value."""

from __future__ import annotations

from datetime import date

import pytest

from textkit.extraction.timex import extract_times
from textkit.model import Document, Section, TimeExpression, TimeValue

REF = date(2023, 9, 1)


def times(text: str, ref: date | None = REF) -> tuple[tuple[TimeExpression, ...], TimeValue | None]:
    doc = Document(text=text)
    return extract_times(doc, Section(kind="document", start=0, end=len(text)), reference_date=ref)


def only(text: str, ref: date | None = REF) -> TimeExpression:
    found, _ = times(text, ref)
    assert len(found) == 1, [(t.text, t.kind) for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "expr", "kind", "start", "end"),
    [
        ("会议定于2023年9月28日召开。", "2023年9月28日", "point", "2023-09-28", "2023-09-28"),
        ("9月28日召开动员会。", "9月28日", "point", "2023-09-28", "2023-09-28"),
        ("二〇二三年九月启动。", "二〇二三年九月", "point", "2023-09-01", "2023-09-30"),
        ("九月二十八日前报送。", "九月二十八日前", "deadline", None, "2023-09-28"),
        ("十月份开展。", "十月份", "point", "2023-10-01", "2023-10-31"),
        ("2023.9.28前报送。", "2023.9.28前", "deadline", None, "2023-09-28"),
        ("10.16（周一）集中学习。", "10.16（周一）", "point", "2023-10-16", "2023-10-16"),
        ("10月份上中旬举办读书班。", "10月份上中旬", "point", "2023-10-01", "2023-10-20"),
        ("10月下旬组织述学。", "10月下旬", "point", "2023-10-21", "2023-10-31"),
        ("11月上旬完成。", "11月上旬", "deadline", None, "2023-11-10"),
        ("2月中下旬开展。", "2月中下旬", "point", "2023-02-11", "2023-02-28"),
        ("12月初部署。", "12月初", "point", "2023-12-01", "2023-12-10"),
        ("2024年第一季度开展评估。", "2024年第一季度", "point", "2024-01-01", "2024-03-31"),
        ("三季度召开推进会。", "三季度", "point", "2023-07-01", "2023-09-30"),
        ("2019年上半年启动。", "2019年上半年", "point", "2019-01-01", "2019-06-30"),
        ("2021年下半年退休。", "2021年下半年", "point", "2021-07-01", "2021-12-31"),
        ("2019年初印发。", "2019年初", "point", "2019-01-01", "2019-01-31"),
        ("年中开展评估。", "年中", "point", "2023-06-01", "2023-07-31"),
        ("力争年底考核加分。", "年底", "point", "2023-12-01", "2023-12-31"),
        ("年底前，基本实现全覆盖。", "年底前", "deadline", None, "2023-12-31"),
        ("年内培育50家企业。", "年内", "deadline", None, "2023-12-31"),
        ("全年推进。", "全年", "point", "2023-01-01", "2023-12-31"),
        ("到2020年底前，集中力量推动。", "到2020年底前", "deadline", None, "2020-12-31"),
        ("12月31日之前上报。", "12月31日之前", "deadline", None, "2023-12-31"),
        ("截至2023年6月30日共有职工216名。", "截至2023年6月30日", "deadline", None, "2023-06-30"),
        ("截止2021年6月15日共有在编教职工。", "截止2021年6月15日", "deadline", None, "2021-06-15"),
        ("到2025年，基本建成。", "到2025年", "deadline", None, "2025-12-31"),
        ("不晚于11月15日报送。", "不晚于11月15日", "deadline", None, "2023-11-15"),
        ("2025年初步建成300个集团。", "2025年", "deadline", None, "2025-12-31"),  # (a past year: test_extra_gold_forms)
        ("5月底完成。", "5月底", "deadline", None, "2023-05-31"),
        ("自2023年4月至6月开展。", "自2023年4月至6月", "period", "2023-04-01", "2023-06-30"),
        ("行动计划（2021—2023年）", "2021—2023年", "period", "2021-01-01", "2023-12-31"),
        ("行动计划（2021-2023年）", "2021-2023年", "period", "2021-01-01", "2023-12-31"),
        ("2021至2023年实施。", "2021至2023年", "period", "2021-01-01", "2023-12-31"),
        ("三年规划（2021-2023）", "2021-2023", "period", "2021-01-01", "2023-12-31"),
        ("学习安排（2023年5月15日-5月21日）", "2023年5月15日-5月21日", "period", "2023-05-15", "2023-05-21"),
        ("2023年11月—2024年2月开展。", "2023年11月—2024年2月", "period", "2023-11-01", "2024-02-29"),
        ("2019年9月至次年1月开展。", "2019年9月至次年1月", "period", "2019-09-01", "2020-01-31"),
        ("明年3月底前完成。", "明年3月底前", "deadline", None, "2024-03-31"),
        ("10月8日至12日集中培训。", "10月8日至12日", "period", "2023-10-08", "2023-10-12"),
        ("5—6月开展自查。", "5—6月", "period", "2023-05-01", "2023-06-30"),
        ("从2019年开始，开展试点。", "从2019年开始", "period", "2019-01-01", None),
        ("2020年起实施。", "2020年起", "period", "2020-01-01", None),
    ],
)
def test_calendar_forms(text: str, expr: str, kind: str, start: str | None, end: str | None) -> None:
    t = only(text)
    assert (t.text, t.kind, t.value.start, t.value.end) == (expr, kind, start, end)


def test_start_end_sentence_is_one_period_and_the_plan_period() -> None:
    found, period = times("按照部署，从2023年9月开始，2024年1月基本结束。1月底前完成总结，10月开展调研。", ref=None)
    assert [(t.text, t.kind) for t in found] == [
        ("从2023年9月开始，2024年1月基本结束", "period"), ("1月底前", "deadline"), ("10月", "point"),
    ]
    assert period == TimeValue(start="2023-09-01", end="2024-01-31")
    # the plan runs 2023-09 to 2024-01: January is 2024, October 2023
    assert found[1].value.end == "2024-01-31"
    assert (found[2].value.start, found[2].value.end) == ("2023-10-01", "2023-10-31")


def test_title_year_is_the_plan_period() -> None:
    found, period = times("绍兴一中2021年度工作要点\n7月底前完成，1月中旬启动。\n", ref=date(2020, 12, 20))
    assert period == TimeValue(start="2021-01-01", end="2021-12-31")
    assert [(t.text, t.value.end) for t in found][1:] == [("7月底前", "2021-07-31"), ("1月中旬", "2021-01-20")]


def test_bare_year_before_plan_type_in_title() -> None:
    _, period = times("数字山东2021行动方案\n为贯彻落实《数字山东发展规划（2018—2022年）》，制定本方案。\n")
    assert period == TimeValue(start="2021-01-01", end="2021-12-31")


@pytest.mark.parametrize(
    ("text", "expr", "kind", "start", "end"),
    [
        # 2023 中秋 = 09-29, 国庆 = 10-01; 前夕 ends the day before the first of them
        ("“中秋”“国庆”前夕，走访慰问老党员。", "“中秋”“国庆”前夕", "deadline", None, "2023-09-28"),
        ("中秋节前夕慰问。", "中秋节前夕", "deadline", None, "2023-09-28"),
        ("国庆前后开展检查。", "国庆前后", "point", "2023-10-01", "2023-10-07"),
        ("国庆期间值班。", "国庆期间", "period", "2023-10-01", "2023-10-07"),
        # 春节 after a reference date in autumn 2023 is the 春节 of 2024 (02-10), not a past one; a holiday's 前 ends
        # on its own date (the corpus guide resolves a holiday to its date and keeps the day before for 前夕)
        ("春节前走访。", "春节前", "deadline", None, "2024-02-10"),
        ("春节期间值班。", "春节期间", "period", "2024-02-10", "2024-02-16"),
        ("2024年春节", "2024年春节", "point", "2024-02-10", "2024-02-10"),
        ("元旦前完成。", "元旦前", "deadline", None, "2024-01-01"),
        ("清明节前后祭扫。", "清明节前后", "point", "2024-04-04", "2024-04-04"),
        ("端午节期间", "端午节期间", "period", "2024-06-10", "2024-06-10"),
        ("重阳节前夕", "重阳节前夕", "deadline", None, "2023-10-22"),
    ],
)
def test_holidays_resolve_to_that_years_real_date(
    text: str, expr: str, kind: str, start: str | None, end: str | None
) -> None:
    t = only(text)
    assert (t.text, t.kind, t.value.start, t.value.end) == (expr, kind, start, end)


def test_holiday_falls_in_the_plan_period_not_in_a_past_year() -> None:
    # reference date long before: the plan period (2023-04 to 2023-11) places 中秋 in 2023
    found, _ = times("自2023年4月开始，11月底基本结束。中秋前夕走访。", ref=date(2022, 12, 1))
    assert found[-1].value.end == "2023-09-28"


@pytest.mark.parametrize(
    ("text", "expr", "freq", "count", "day"),
    [
        ("每周1次集体学习。", "每周1次", "weekly", 1, None),
        ("各党支部每周开展1次集体学习。", "每周", "weekly", 1, None),
        ("每月20日前后组织1次集体学习。", "每月20日前后", "monthly", 1, "20"),
        ("每季度召开一次推进会。", "每季度", "quarterly", 1, None),
        ("每半年报告一次。", "每半年", "half-yearly", 1, None),
        ("每年召开两次会议。", "每年", "yearly", 2, None),
        ("每学期一次，一般安排在期中。", "每学期一次", "termly", 1, None),
        ("一个学期至少举行两次学术沙龙活动。", "一个学期", "termly", 2, None),
        ("每5年修订1次专业目录。", "每5年", "yearly", 1, None),
        ("每日常规性工作清单", "每日", "daily", None, None),
        ("按月预发绩效奖。", "按月", "monthly", None, None),
        ("每周五下午召开例会。", "每周五", "weekly", None, "周五"),
        ("每周一次集体备课。", "每周一次", "weekly", 1, None),
    ],
)
def test_recurrences(text: str, expr: str, freq: str, count: int | None, day: str | None) -> None:
    t = only(text)
    assert (t.text, t.kind, t.value.freq, t.value.count, t.value.day) == (expr, "recurrence", freq, count, day)
    assert (t.value.start, t.value.end) == (None, None)


@pytest.mark.parametrize("text", ["按每月1500 元核定总量。", "教研组长每月津贴400元。", "事假每天扣100元。"])
def test_rates_are_not_recurrences(text: str) -> None:
    found, _ = times(text)
    assert found == ()


def test_clock_time_takes_the_date_before_it() -> None:
    t = only("10月28日（周一）上午9：30开始", ref=date(2019, 10, 25))
    assert (t.text, t.kind, t.value.start, t.value.time) == ("10月28日（周一）上午9：30", "time", "2019-10-28", "09:30")


def test_schedule_rows_take_the_event_date() -> None:
    text = "时间：2019年 11月 21日(星期四)晚上17:50\n17：50\t消防安全知识讲座\n18：30\t演练程序介绍\n"
    found, _ = times(text, ref=date(2019, 11, 18))
    assert [(t.text, t.kind, t.value.start, t.value.time) for t in found] == [
        ("2019年 11月 21日(星期四)晚上17:50", "time", "2019-11-21", "17:50"),
        ("17：50", "time", "2019-11-21", "17:50"),
        ("18：30", "time", "2019-11-21", "18:30"),
    ]


def test_pm_words_shift_the_hour() -> None:
    assert only("下午3:00召开").value.time == "15:00"


@pytest.mark.parametrize("word", ["适时", "定期", "择机", "不定期"])
def test_vague_timing(word: str) -> None:
    t = only(f"要{word}召开通报会。")
    assert (t.text, t.kind, t.value) == (word, "vague", TimeValue())


@pytest.mark.parametrize(
    ("text", "expr", "kind", "start", "end"),
    [
        # a school year starts in September: in autumn 2023 the winter vacation is January 2024
        ("寒假前完成。", "寒假前", "deadline", None, "2024-01-20"),
        ("暑假期间组织研学。", "暑假期间", "period", "2024-07-11", "2024-08-31"),
        ("制定2020学年第二学期教学计划。", "2020学年第二学期", "point", "2021-02-21", "2021-07-10"),
        ("开学前", "开学前", "deadline", None, "2024-02-20"),
    ],
)
def test_school_terms(text: str, expr: str, kind: str, start: str | None, end: str | None) -> None:
    t = only(text)
    assert (t.text, t.kind, t.value.start, t.value.end) == (expr, kind, start, end)


def test_next_term_from_a_summer_reference() -> None:
    t = only("下学期始调整为7正6副。", ref=date(2019, 7, 7))
    assert (t.text, t.kind, t.value.start, t.value.end) == ("下学期始", "period", "2019-09-01", None)


@pytest.mark.parametrize(
    "text",
    [
        "根据国发〔2019〕4号文件精神。",
        "学习《2021年工作要点》《学校体育工作条例》（2017年修订）。",
        "年满60岁的教师。",
        "具有3年以上企业工作经历。",
        "集中1周时间组织学习研讨。",
        "近年来，新时代，十四五规划开局。",
        "组织系列建党100周年纪念活动，2021届高考。",
        "三年内退休教师，待岗培训时间不超过12个月。",
        "全年级学生参加。",
        "实行统一月度考核。",  # 一月 inside 统一月度
        "从优秀青年中选拔后备干部。",  # 年中 inside 青年中
        "绘制1:10万比例尺地图，按1.5倍计算。",  # a ratio and a decimal, not a clock time or a date
    ],
)
def test_not_dates(text: str) -> None:
    found, _ = times(text)
    assert [t.text for t in found if t.kind not in ("vague", "duration")] == []


def test_longest_statement_wins_over_its_parts() -> None:
    found, _ = times("局系统各理论学习中心组每月20日前后组织1次集体学习，2023年9月28日前报送。")
    assert [t.text for t in found] == ["每月20日前后", "2023年9月28日前"]


def test_damaged_year_is_found_but_left_unresolved() -> None:
    t = only("0403年底前建设完成省级平台。")
    assert (t.text, t.kind, t.value.start, t.value.end) == ("0403年底前", "deadline", None, None)


def test_without_any_anchor_yearless_dates_stay_unresolved() -> None:
    t = only("9月28日前报送。", ref=None)
    assert (t.kind, t.value.end) == ("deadline", None)


def test_reference_date_is_taken_from_the_date_line_when_not_given() -> None:
    found, _ = times("会议安排\n10月28日上午9：30开始\n某某办公室\n2019年10月25日\n", ref=None)
    assert found[0].value.start == "2019-10-28"
