"""Forms the hand gold of the extra plans (eval/gold-extra, issue 12) showed the extraction missing: a list
ending in 等和 before a collective, the 指导部门 column of a 推广清单, a yearly
date (每年2月底前), a count per year (一年两次), and a completion verb after a year already past. Excerpts
typed from plans of those kinds."""

from __future__ import annotations

from datetime import date

from textkit.extraction.timex import extract_times
from textkit.extraction.units.lists import split_unit_list
from textkit.model import Document, Section
from textkit.pipeline import parse_text


def units(text: str) -> list[tuple[str, str, str | None]]:
    return [(u.text, u.role, u.source) for u in parse_text(text).units]


def found(text: str, ref: date) -> list[tuple[str, str, str | None, str | None, str | None]]:
    got, _ = extract_times(Document(text=text), Section(kind="document", start=0, end=len(text)), reference_date=ref)
    return [(t.text, t.kind, t.value.start, t.value.end, t.value.freq) for t in got]


def test_list_ending_in_deng_he_splits_before_the_collective() -> None:
    listed = "商务部、发展改革委、农业农村部等和各有关省级人民政府"
    assert [listed[a:b] for a, b in split_unit_list(listed, 0, len(listed))] == [
        "商务部", "发展改革委", "农业农村部", "各有关省级人民政府"]
    text = "（四）打通供应链条。形成农产品从田间到餐桌的全链条联动。（商务部、文化和旅游部等和各省级人民政府负责）\n"
    assert units(text) == [("商务部", "responsible", "verb"),
                           ("文化和旅游部", "responsible", "verb"),
                           ("各省级人民政府", "responsible", "verb")]


def test_hui_tong_with_a_task_verb_is_not_read_as_responsibility() -> None:
    # the dev gold leaves X会同Y + a task verb unannotated (the guide's phrases do not list 会同; 002, 001, 003),
    # and so does the extra gold: only 由X会同Y负责 / X会同Y牵头 assign the task
    text = "（一）完善工作机制。省工业和信息化厅会同省发展改革委、省科技厅等部门做好行动计划的组织实施和监督评估等工作。\n"
    assert units(text) == []
    assert [(n, r) for n, r, _ in units("（二）由市教育局会同市财政局负责制定细则。\n")] == [
        ("市教育局", "lead"), ("市财政局", "support")]


def test_guiding_department_column_of_a_rollout_list() -> None:
    table = ("附件\n推广清单\n序号\t改革举措\t主要内容\t指导部门\t推广范围\n"
             "1\t科技成果转化服务模式\t技术经理人全程参与成果转化。\t科技部、国务院国资委\t全国\n")
    assert units(table) == [("科技部", "responsible", "table"), ("国务院国资委", "responsible", "table")]


def test_every_year_before_a_month_end_is_one_yearly_statement() -> None:
    text = "2020年起，每年2月底前各省份完成辖区内考核工作。"
    assert found(text, date(2019, 1, 16)) == [
        ("2020年起", "period", "2020-01-01", None, None), ("每年2月底前", "recurrence", None, None, "yearly")]
    got, _ = extract_times(Document(text=text), Section(kind="document", start=0, end=len(text)),
                           reference_date=date(2019, 1, 16))
    assert got[1].value.day == "2月底"


def test_count_per_year_is_a_yearly_recurrence() -> None:
    got, _ = extract_times(Document(text="全力举办好一年两次的田径运动会。"),
                           Section(kind="document", start=0, end=16), reference_date=date(2010, 8, 20))
    assert [(t.text, t.kind, t.value.freq, t.value.count) for t in got] == [("一年两次", "recurrence", "yearly", 2)]
    # a year without a count right after it is no recurrence
    assert found("近一年来开展培训三次。", date(2010, 8, 20)) == []


def test_completion_verb_after_a_past_year_reports_a_fact_not_a_deadline() -> None:
    text = "拥有企业70余家，2020年实现主营业务收入109.1亿元。到2023年，主营业务收入达到300亿元。"
    assert found(text, date(2021, 7, 12)) == [
        ("2020年", "point", "2020-01-01", "2020-12-31", None), ("到2023年", "deadline", None, "2023-12-31", None)]
    # the reference year itself, or a later one, is still a target
    assert found("2021年实现主营业务收入100亿元。", date(2021, 7, 12)) == [
        ("2021年", "deadline", None, "2021-12-31", None)]


def test_relative_year_inside_a_formula_is_a_variable_not_a_time() -> None:
    cell = "医疗收入增幅\t定量\t计算方法：（本年度医疗收入－上一年度医疗收入）/上一年度医疗收入×100%。 指标来源：财务年报表。"
    assert found(cell, date(2019, 1, 16)) == []
    # outside a formula the same words are times, and a written year inside one is kept
    assert found("完成对上一年度医院绩效情况的分析评估。", date(2019, 1, 16)) == [
        ("上一年度", "point", "2018-01-01", "2018-12-31", None)]
    assert [t[0] for t in found("增幅=2019年收入/2018年收入。", date(2019, 1, 16))] == ["2019年", "2018年"]


def test_month_after_every_year_in_the_same_sentence_is_every_year_too() -> None:
    text = "2020年起，每年2月底前各省份完成考核工作，3月底前国家卫生健康委完成分析工作。4月底前报送总结。"
    got, _ = extract_times(Document(text=text), Section(kind="document", start=0, end=len(text)),
                           reference_date=date(2019, 1, 16))
    assert [(t.text, t.kind, t.value.freq, t.value.day, t.value.end) for t in got] == [
        ("2020年起", "period", None, None, None), ("每年2月底前", "recurrence", "yearly", "2月底", None),
        ("3月底前", "recurrence", "yearly", "3月底", None),
        # a new sentence: this year's deadline
        ("4月底前", "deadline", None, None, "2019-04-30")]


def test_school_schedule_forms() -> None:
    # days of one month, the first written without 日, in a schedule table's time column
    assert found("校长室、党政办、财务\t12月26－28日\t树兰楼会议室（三）", date(2022, 12, 21)) == [
        ("12月26－28日", "period", "2022-12-26", "2022-12-28", None)]
    # before school ends that day; a clock time with 前
    assert found("此项工作在12月26日（周一）放学前完成。", date(2022, 12, 21)) == [
        ("12月26日（周一）放学前", "deadline", None, "2022-12-26", None)]
    got, _ = extract_times(Document(text="于12月29日（周四）中午11:30前书面报送党政办。"),
                           Section(kind="document", start=0, end=24), reference_date=date(2022, 12, 21))
    assert [(t.kind, t.value.end, t.value.time) for t in got] == [("deadline", "2022-12-29", "11:30")]
    # an event and a bonus, not times
    assert found("出勤考核（包括升旗仪式、开学典礼、教工会议等）。年度考核结果与年终奖发放挂钩。", date(2022, 12, 21)) == []
    assert [t[0] for t in found("年终结算，开学前完成。", date(2022, 12, 21))] == ["年终", "开学前"]


def test_note_that_the_first_listed_unit_leads() -> None:
    text = ("（一）构建思政工作体系。推进大中小学思政课一体化建设。（省委教育工委、省委宣传部、团省委负责，列第一位者为牵头部门，下同）\n"
            "（二）加强学校体育。实施学校体育固本行动。（省教育厅、省体育局负责）\n")
    assert [(n, r) for n, r, _ in units(text)] == [
        ("省委教育工委", "lead"), ("省委宣传部", "responsible"), ("团省委", "responsible"),
        ("省教育厅", "lead"), ("省体育局", "responsible")]
    # without the note every unit of such a list is responsible
    assert {r for _, r, _ in units("（二）加强学校体育。实施学校体育固本行动。（省教育厅、省体育局负责）\n")} == {"responsible"}


def test_calendar_year_and_season_term_is_one_term() -> None:
    assert found("自2022年秋季学期初中一年级学生开始计入成绩。", date(2021, 10, 21)) == [
        ("自2022年秋季学期", "period", "2022-09-01", None, None)]
    assert found("2022年春季学期开展。", date(2021, 10, 21)) == [
        ("2022年春季学期", "point", "2022-02-21", "2022-07-10", None)]


def test_five_year_plan_named_by_the_title_is_the_plans_period() -> None:
    text = "山东省“十四五”教育事业发展规划\n“十四五”时期是开启现代化强省建设新征程的关键时期。\n"
    assert found(text, date(2021, 10, 21)) == [("十四五", "period", "2021-01-01", "2025-12-31", None)] * 2
    # in a plan whose title names no five-year plan, 十四五 is the country's plan, not a date
    assert found("绍兴一中2021年度工作要点\n2021年是国家十四五规划开局之年。\n", date(2021, 1, 20)) == [
        ("2021年度", "point", "2021-01-01", "2021-12-31", None), ("2021年", "point", "2021-01-01", "2021-12-31", None)]
