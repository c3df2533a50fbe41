"""Date forms met in plans the rules were not fitted to (issue 12): years written with a letter O, dotted day
ranges, years no plan can mean, and school-calendar words. Excerpts typed from real plans of those kinds."""

from __future__ import annotations

from datetime import date

import pytest

from textkit.extraction import extract
from textkit.extraction.timex import extract_times
from textkit.model import Document, Section, TimeExpression, TimeValue
from textkit.structure import parse_structure


def times(text: str, ref: date | None) -> tuple[tuple[TimeExpression, ...], TimeValue | None]:
    return extract_times(Document(text=text), Section(kind="document", start=0, end=len(text)), reference_date=ref)


def found(text: str, ref: date | None = date(2018, 9, 1)) -> list[tuple[str, str, str | None, str | None]]:
    return [(t.text, t.kind, t.value.start, t.value.end) for t in times(text, ref)[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a school's plan typed with a letter O for the zero
        ("二O一八年九月起实施。", ("二O一八年九月起", "period", "2018-09-01", None)),
        ("二〇一八年底前完成。", ("二〇一八年底前", "deadline", None, "2018-12-31")),
        ("二零一八年工作要点", ("二零一八年", "point", "2018-01-01", "2018-12-31")),
        ("二Ｏ一八年十二月", ("二Ｏ一八年十二月", "point", "2018-12-01", "2018-12-31")),
    ],
)
def test_year_with_letter_o_or_ling_is_a_year(text: str, expected: tuple[str, str, str | None, str | None]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.16-10.22开展宣传周活动。", ("10.16-10.22", "period", "2018-10-16", "2018-10-22")),
        ("10.16（周二）—10.22（周一）集中学习。", ("10.16（周二）—10.22（周一）", "period", "2018-10-16", "2018-10-22")),
        ("12.28—1.3集中整治。", ("12.28—1.3", "period", "2018-12-28", "2019-01-03")),
        ("5.8-12举办读书班。", ("5.8-12", "period", "2018-05-08", "2018-05-12")),
    ],
)
def test_dotted_day_range_is_a_period(text: str, expected: tuple[str, str, str | None, str | None]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", ["收入提高1.5-2.5倍。", "占比3.5-4.5%。", "增长2.1-3.6个百分点。", "由3.5-2.1调整"])
def test_decimal_ranges_are_not_dates(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "ref", "written"),
    [
        ("4549年，全省服务业数字化转型全面推开。", date(2021, 9, 28), "4549年"),
        ("到2121年，基本建成数字政府。", date(2021, 9, 28), "到2121年"),
        ("0403年底前建设完成。", date(2021, 9, 28), "0403年底前"),
    ],
)
def test_impossible_year_is_kept_without_a_value_and_warned(text: str, ref: date, written: str) -> None:
    doc = Document(text=text)
    root = parse_structure(doc)[0]
    got = extract(doc, root, reference_date=ref)
    [t] = [t for t in got.dates if t.text == written]
    assert (t.value.start, t.value.end, t.rule_id) == (None, None, "time.year.impossible")
    [w] = got.warnings
    assert w.code == "impossible-year" and (w.start, w.end) == (t.start, t.end) and written in w.message


def test_far_but_possible_target_years_keep_their_value() -> None:
    # 2060 carbon neutrality in a 2021 plan; the year of reform and opening up cited as history
    assert found("力争2060年前实现碳中和。", date(2021, 9, 1)) == [("2060年前", "deadline", None, "2060-12-31")]
    assert found("1978年以来", date(2021, 9, 1)) == [("1978年以来", "period", "1978-01-01", None)]


def test_school_year_and_its_terms_resolve_in_the_plans_school_year() -> None:
    text = "绍兴一中2019学年工作计划\n一、工作安排\n第一学期开展读书节，第二学期举办科技节。\n"
    got, period = times(text, None)
    assert period == TimeValue(start="2019-09-01", end="2020-08-31")
    assert [(t.text, t.value.start, t.value.end) for t in got] == [
        ("2019学年", "2019-09-01", "2020-08-31"),
        ("第一学期", "2019-09-01", "2020-01-20"),
        ("第二学期", "2020-02-21", "2020-07-10"),
    ]


def test_week_of_a_term_is_found_but_not_resolved() -> None:
    # the first day of the term is not in the plan, so week 7 cannot be dated
    got, _ = times("2009学年第二学期工作思路\n第7周举行期中考试。\n", None)
    assert [(t.text, t.kind, t.value, t.rule_id) for t in got][1] == ("第7周", "point", TimeValue(), "time.term-week")


def test_this_week_and_next_week_count_from_the_reference_date() -> None:
    # issued on Wednesday 2019-10-09: 本周 is 7–13 October
    assert found("本周五前上报，下周三召开会议，本周开展检查。", date(2019, 10, 9)) == [
        ("本周五前", "deadline", None, "2019-10-11"),
        ("下周三", "point", "2019-10-16", "2019-10-16"),
        ("本周", "point", "2019-10-07", "2019-10-13"),
    ]


def test_weekday_standing_alone_is_a_weekly_recurrence() -> None:
    got, _ = times("对包括周六在内等节假日参与教学的教职工发放补贴。周一至周五下午开放，星期三下午例会。", date(2019, 7, 7))
    assert [(t.text, t.value.freq, t.value.day) for t in got] == [
        ("周六", "weekly", "周六"), ("周一至周五", "weekly", "周一至周五"), ("星期三", "weekly", "周三")]


@pytest.mark.parametrize("text", ["周一鸣同志任组长。", "一周内完成。", "下周期的工作。", "学校四周种植树木。"])
def test_names_durations_and_other_words_with_zhou_are_not_weekdays(text: str) -> None:
    assert found(text) == []


def test_a_date_with_its_weekday_stays_one_date() -> None:
    assert found("于12月29日（周四）中午11:30前书面报送。", date(2022, 12, 20))[0][0].startswith("12月29日（周四）")
