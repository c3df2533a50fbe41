"""Date forms the second held-out gold (eval/gold-holdout2) found missed (issue 12): holiday spans in stage
schedules, a 从…启动，到…结束 period, 今年“七一”前夕, dotted holiday numerals, 清明 as an ordinary word, 每三年,
新的一年 and 本年度 in a plan whose year is not its 落款's, and a stated weekday choosing the year. The texts are
excerpts typed from those plans (a 2011 party work plan, a 2010 school plan, a 2024 appraisal plan issued in
January 2025, a 十四五 education plan)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from textkit.errors import RuleError
from textkit.extraction.time_rules import grammar
from textkit.extraction.timex import extract_times
from textkit.model import Document, Section, TimeExpression

REF_2011 = date(2011, 3, 22)  # a 2011 plan posted in March (春节 2011 = 02-03)

TITLE_2011 = "绍兴市教育局党委2011年创先争优活动工作思路\n"
Found = tuple[str, str, str | None, str | None]


def times(text: str, ref: date | None) -> tuple[TimeExpression, ...]:
    return extract_times(Document(text=text), Section(kind="document", start=0, end=len(text)), reference_date=ref)[0]


def found(text: str, ref: date | None = REF_2011) -> list[Found]:
    return [(t.text, t.kind, t.value.start, t.value.end) for t in times(text, ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X后至Y前: one period; a holiday is its own date (the corpus guide), so 春节后 starts on 春节 and 七一前 ends on 七一
        ("第二阶段：春节后至“七一”建党节前。开展系列活动；",
         ("春节后至“七一”建党节前", "period", "2011-02-03", "2011-07-01")),
        ("第三阶段：“七一”后至年底前。学习贯彻讲话精神；", ("“七一”后至年底前", "period", "2011-07-01", "2011-12-31")),
        # 前 after the second end of a range applies to that end: before the holiday, not its last day
        ("第一阶段:年初至春节前。普遍开展领导点评；", ("年初至春节前", "period", "2011-01-01", "2011-02-03")),
        # after a date 前 keeps that day, as a lone 5月1日前 does
        ("第一阶段：2月中旬到5月1日前，主题是", ("2月中旬到5月1日前", "period", "2011-02-11", "2011-05-01")),
        ("2011年4月下旬至5月", ("2011年4月下旬至5月", "period", "2011-04-21", "2011-05-31")),
    ],
)
def test_holiday_stage_spans_are_one_period(text: str, expected: Found) -> None:
    # under the plan's title, which puts 春节 in 2011 although it is past at the reference date
    got = found(TITLE_2011 + text)
    assert got[0] == ("2011年", "point", "2011-01-01", "2011-12-31")
    assert got[1:] == [expected]


def test_start_and_end_across_a_comma_with_qidong_is_one_period() -> None:
    text = "形势政策集中宣传教育活动从2010年12月启动，到2011 年5月结束，分三个阶段："
    assert found(text) == [("从2010年12月启动，到2011 年5月结束", "period", "2010-12-01", "2011-05-31")]


def test_qidong_alone_does_not_open_a_period() -> None:
    # only inside a 从…，到…结束 run: 启动 after a lone date leaves it a point
    assert found("2011年3月启动评选工作。") == [("2011年3月", "point", "2011-03-01", "2011-03-31")]


def test_relative_year_before_a_holiday_is_one_expression() -> None:
    text = "今年“七一”前夕要着重围绕迎接中国共产党成立90周年开展创先争优活动"
    assert found(text) == [("今年“七一”前夕", "deadline", None, "2011-06-30")]
    assert found("明年春节期间", REF_2011) == [("明年春节期间", "period", "2012-01-23", "2012-01-29")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在“七·一”期间开展选树“教坛红烛”典型活动。", ("“七·一”期间", "period", "2011-07-01", "2011-07-01")),
        ("“五·一”前完成推荐。", ("“五·一”前", "deadline", None, "2011-05-01")),
        ("“五.一”期间", ("“五.一”期间", "period", "2011-05-01", "2011-05-05")),
        ("“八・一”建军节慰问", ("“八・一”建军节", "point", "2011-08-01", "2011-08-01")),
        ("“十·一”期间值班", ("“十·一”期间", "period", "2011-10-01", "2011-10-07")),
        ("“十一”期间值班", ("“十一”期间", "period", "2011-10-01", "2011-10-07")),
    ],
)
def test_dotted_numeral_holidays(text: str, expected: Found) -> None:
    assert found(text) == [expected]


def test_shiyi_five_year_plan_is_not_national_day() -> None:
    assert found("广泛开展绍兴教育“十一五”的辉煌成果宣教") == []


@pytest.mark.parametrize(
    "text",
    [
        "全面加强党的建设，大力营造清明政风、清静校风。",
        "推进政治清明、政府清廉。",
        "吃元宵、猜灯谜，弘扬传统文化。",
    ],
)
def test_holiday_names_that_are_ordinary_words_are_not_dates(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("清明节前后祭扫烈士墓。", ("清明节前后", "point", "2011-04-05", "2011-04-05")),
        ("清明前组织祭扫。", ("清明前", "deadline", None, "2011-04-05")),
        ("清明期间开展文明祭扫。", ("清明期间", "period", "2011-04-05", "2011-04-05")),
        ("清明假期安排值班。", ("清明", "point", "2011-04-05", "2011-04-05")),
        ("元旦、清明期间加强值守。", ("元旦、清明期间", "period", "2011-01-01", "2011-04-05")),
        ("元宵节期间", ("元宵节期间", "period", "2011-02-17", "2011-02-17")),
        ("元宵前后", ("元宵前后", "point", "2011-02-17", "2011-02-17")),
    ],
)
def test_ordinary_word_holidays_with_a_cue_are_dates(text: str, expected: Found) -> None:
    assert found(text, date(2011, 1, 10)) == [expected]


def test_celebrated_holiday_is_an_event_not_a_time() -> None:
    assert found("学习贯彻国家领导人庆祝建党节重要讲话精神") == []
    assert found("开展纪念五四青年节系列活动") == []
    # with a cue word it is a time again
    assert found("庆祝国庆前完成布置。") == [("国庆前", "deadline", None, "2011-10-01")]
    assert found("庆祝建党节期间") == [("建党节期间", "period", "2011-07-01", "2011-07-01")]


def test_every_n_years_is_yearly_with_an_interval() -> None:
    ts = times("确保教师开展信息技术应用能力提升工程培训每三年不少于50学时。", REF_2011)
    assert [(t.text, t.value.freq, t.value.interval) for t in ts] == [("每三年", "yearly", 3)]
    ts = times("省级标准每5年修订1次，市级标准每3年修订1次，每年评估1次。", REF_2011)
    assert [(t.text, t.value.freq, t.value.interval, t.value.count) for t in ts] == [
        ("每5年", "yearly", 5, 1), ("每3年", "yearly", 3, 1), ("每年", "yearly", None, 1)]


YEAR_PLAN = "绍兴一中党委2010年工作思路\n一、指导思想\n在新的一年中，学校全体党员要继续以昂扬的斗志投入到工作中去。\n"
TERM_PLAN = "绍兴一中2009学年第二学期工作思路\n一、指导思想\n总之，在新的一年中，我们要心中有学校、有教师、有学生。\n"


def test_new_year_is_the_plan_year_of_a_yearly_plan() -> None:
    got = [f for f in found(YEAR_PLAN, date(2010, 3, 15)) if "新" in f[0]]
    assert got == [("新的一年中", "point", "2010-01-01", "2010-12-31")]


def test_new_year_in_a_term_plan_is_not_a_date() -> None:
    assert [f for f in found(TERM_PLAN, date(2010, 3, 9)) if "新" in f[0]] == []


APPRAISAL = (
    "绍兴一中2024年度考核工作方案\n"
    "根据文件精神，结合学校实际，制定本年度考核工作方案。\n"
    "4.当年度有师德师风问题的，不得评为优秀。今年的考核于1月完成。\n"
    "请于1月5日下班前将推荐表发至邮箱。\n"
    "请于1月9日（周四）下午15:00前报送。\n"
    "2025年1月3日\n"
)


def test_plan_anchored_relative_years_take_the_plan_year() -> None:
    got = {f[0]: f for f in found(APPRAISAL, date(2025, 1, 3))}
    assert got["本年度"] == ("本年度", "point", "2024-01-01", "2024-12-31")
    assert got["当年度"] == ("当年度", "point", "2024-01-01", "2024-12-31")
    # 今年 is the writer's year, the reference date's
    assert got["今年"] == ("今年", "point", "2025-01-01", "2025-12-31")


def test_stated_weekday_chooses_the_year() -> None:
    ts = times(APPRAISAL, date(2025, 1, 3))
    clock = [t for t in ts if t.text.startswith("1月9日")]
    # placed in the plan year 2024 first, where 1月9日 is a Tuesday; in 2025 it is the stated Thursday
    assert [(t.kind, t.value.end, t.value.time) for t in clock] == [("deadline", "2025-01-09", "15:00")]


def test_stated_weekday_that_fits_keeps_the_year() -> None:
    # 2023-12-26 is a Tuesday: the year the plan gives is kept
    assert found("12月26日（周二）放学前上交。", date(2023, 12, 20)) == [
        ("12月26日（周二）放学前", "deadline", None, "2023-12-26")]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("[[word]]\nid = \"x\"\nrole = \"vague\"\npattern = '适时'\nmultiple = true\n", "multiple"),
        ("[[word]]\nid = \"x\"\nrole = \"recurrence\"\npattern = '每年'\nfreq = \"yearly\"\nmultiple = true\n",
         "pattern"),
        ("[[word]]\nid = \"x\"\nrole = \"relative-year\"\npattern = '往年'\nanchor = \"plan\"\n", "anchor"),
        ("[[word]]\nid = \"x\"\nrole = \"relative-year\"\npattern = '往年'\noffset = -1\nanchor = \"past\"\n",
         "anchor"),
    ],
)
def test_new_word_fields_are_validated(tmp_path: Path, body: str, key: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        grammar(extra_time=(str(extra),))
    assert key in str(err.value) and "x" in str(err.value)


def test_holiday_word_names_are_validated(tmp_path: Path) -> None:
    extra = tmp_path / "hol.toml"
    extra.write_text("[[holiday]]\nid = \"x\"\nnames = ['校庆日']\nword_names = ['(?:校庆']\ncalendar = \"solar\"\n"
                     "month = 5\nday = 20\n", encoding="utf-8")
    with pytest.raises(RuleError, match="word_names"):
        grammar(extra_holidays=(str(extra),))


def test_user_holiday_word_name_needs_a_cue(tmp_path: Path) -> None:
    extra = tmp_path / "hol.toml"
    extra.write_text("[[holiday]]\nid = \"founding\"\nnames = ['校庆日']\nword_names = ['校庆']\ncalendar = \"solar\"\n"
                     "month = 5\nday = 20\n", encoding="utf-8")
    g = grammar(extra_holidays=(str(extra),))
    ctx = Section(kind="document", start=0, end=0)
    for text, expected in (("校庆前完成修缮。", ["校庆前"]), ("筹备校庆活动。", []), ("校庆日举行典礼。", ["校庆日"])):
        doc = Document(text=text)
        got = extract_times(doc, ctx, reference_date=REF_2011, rules=g)[0]
        assert [t.text for t in got] == expected


def test_deadline_just_after_the_reference_date_takes_its_year() -> None:
    # the plan's year 2024 would put 1月5日 a year before the 2025-01-03 落款; a deadline follows its document
    got = [f for f in found(APPRAISAL, date(2025, 1, 3)) if f[0].startswith("1月5日")]
    assert got == [("1月5日下班前", "deadline", None, "2025-01-05")]
    # a January deadline in a December notice without a plan period: the next January
    assert found("请于1月5日前上报。", date(2023, 12, 20)) == [("1月5日前", "deadline", None, "2024-01-05")]


def test_deadline_well_before_the_reference_date_stays_in_the_plan_year() -> None:
    # more than a month away in the reference year: not moved (a past stage of the 2024 plan)
    got = [f for f in found("绍兴一中2024年度考核工作方案\n6月30日前完成自评。\n", date(2025, 1, 3)) if "6月" in f[0]]
    assert got == [("6月30日前", "deadline", None, "2024-06-30")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the start is the moment the text speaks of (a decision taken before the plan): not stated
        ("中央决定从现在开始到2011年“五一”前，集中开展形势政策宣传教育。",
         ("从现在开始到2011年“五一”前", "period", None, "2011-05-01")),
        ("自即日起至2011年12月31日，开展专项整治。", ("自即日起至2011年12月31日", "period", None, "2011-12-31")),
    ],
)
def test_from_now_to_a_date_is_one_period(text: str, expected: Found) -> None:
    assert found(text) == [expected]


def test_now_without_an_end_is_not_a_date() -> None:
    assert found("从现在做起，从身边小事做起。") == []
