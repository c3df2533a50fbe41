"""Measures: numbered items, inline items and task-table rows, with the units and times that belong to them."""

from __future__ import annotations

from textkit.extraction.measures import build_measures, measure_title
from textkit.extraction.units import extract_units
from textkit.model import Document, Measure, TimeExpression, TimeValue
from textkit.structure import parse_structure


def _measures(text: str, dates: tuple[TimeExpression, ...] = ()) -> tuple[Document, tuple[Measure, ...]]:
    doc = Document(text=text)
    root, _ = parse_structure(doc)
    return doc, build_measures(doc, root, units=extract_units(doc, root), dates=dates)


def test_trailing_label_line_belongs_to_the_item_before_it(seed001_text: str) -> None:
    doc, measures = _measures(seed001_text)
    by_id = {m.section: m for m in measures if m.kind == "section"}
    first = by_id["二/（一）/1"]
    assert first.title == "突出学习重点"
    assert first.path == ("主要工作措施", "扎实开展学习教育", "突出学习重点")
    assert [u.name for u in first.units] == ["机关党委"]
    assert [u.name for u in by_id["二/（三）/1"].units] == ["机关党委", "办公室", "人事科"]
    # the label line is inside the measure's span, the next item is not
    assert doc.text[first.start:first.end].rstrip().endswith("责任单位：机关党委")
    assert "2.强化个人自学" not in doc.text[first.start:first.end]


def test_inline_items_become_measures_sharing_the_label_units(seed001_text: str) -> None:
    _doc, measures = _measures(seed001_text)
    items = [m for m in measures if m.section == "二/（二）/1"]
    assert [m.kind for m in items] == ["item", "item", "item"]
    assert [m.title for m in items] == ["突出调研重点", "科学安排调研计划", "落实“一线工作法”"]
    assert all([u.name for u in m.units] == ["办公室"] for m in items)


def test_inline_item_keeps_its_own_phrased_unit(seed001_text: str) -> None:
    _doc, measures = _measures(seed001_text)
    second = [m for m in measures if m.section == "二/（四）/2"][1]
    assert [(u.name, u.role) for u in second.units][:1] == [("市局", "lead")]


def test_times_inside_a_measure_are_attached() -> None:
    text = "一、工作安排\n1.广泛征求意见。9月中下旬召开座谈会。\n责任单位：办公室\n2.开展述学。\n"
    start = text.index("9月中下旬")
    when = TimeExpression(start=start, end=start + 5, text="9月中下旬", kind="point",
                          value=TimeValue(start="2023-09-11", end="2023-09-30"))
    _doc, measures = _measures(text, (when,))
    assert [(m.section, [t.text for t in m.times]) for m in measures] == [("一/1", ["9月中下旬"]), ("一/2", [])]


def test_task_table_rows_are_measures() -> None:
    text = (
        "一、工作要点\n1.深化民主办学。\n附件：任务清单\n"
        "序号\t子项目名称\t完成时间\t负责处室\t配合处室\n"
        "1—1\t完善学校章程\t7月底前\t工会\t党政办\n"
        "1—2\t相关制度完善\t6月底前\t党政办\t\n"
    )
    _doc, measures = _measures(text)
    rows = [m for m in measures if m.kind == "table-row"]
    assert [(m.path[-1], m.title, [(u.name, u.role) for u in m.units]) for m in rows] == [
        ("1—1", "完善学校章程", [("工会", "responsible"), ("党政办", "support")]),
        ("1—2", "相关制度完善", [("党政办", "responsible")]),
    ]


def test_measure_title_is_the_first_sentence() -> None:
    assert measure_title("二是科学安排调研计划。主题教育期间…") == "科学安排调研计划"
    assert measure_title("坚持标本兼治，注重举一反三，总结提炼主题教育中形成的好经验好做法，用制度形式运用好")[-1] == "…"


def test_item_with_several_bracketed_statements_gives_one_measure_per_task() -> None:
    text = (
        "一、数字政府\n"
        "1.推动政务服务数字化转型。整合政务信息系统（省大数据局牵头，各有关部门配合）。"
        "完善非税收入统缴平台（省财政厅牵头）。年底前实现全覆盖，减少办事材料。\n"
        "2.全面推广移动办公。扩大覆盖范围（省大数据局牵头）。\n"
    )
    doc, measures = _measures(text)
    assert [(m.section, m.kind, m.title, [(u.name, u.role) for u in m.units]) for m in measures] == [
        ("一/1", "item", "推动政务服务数字化转型", [("省大数据局", "lead"), ("各有关部门", "support")]),
        ("一/1", "item", "完善非税收入统缴平台", [("省财政厅", "lead")]),
        ("一/2", "section", "全面推广移动办公", [("省大数据局", "lead")]),
    ]
    # the text after the last statement stays with the last task of its item
    assert doc.text[measures[1].start:measures[1].end].endswith("减少办事材料。\n")
