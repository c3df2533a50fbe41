"""A bracketed label with a running number (【重点任务1】加强学校德育工作。…) is a numbering style (numbering.toml
``bracket-label``): its level comes by nesting, its number may run on across parts, and a 【专栏N】 line is
still a box (issue 12, eval/gold-holdout2 p031). Excerpts typed after the shape of a city 十四五 plan."""

from __future__ import annotations

from pathlib import Path

from textkit.model import Document, Section
from textkit.structure import parse_structure

PLAN = (
    "三、落实立德树人根本任务\n"
    "把立德树人融入思想道德教育、文化知识教育、社会实践教育各环节。\n"
    "【重点任务1】加强学校德育工作。完善党组织领导下的校长负责制。\n"
    "【重点任务2】促进学生德智体美劳全面发展。全面加强和改进学校体育。\n"
    "四、发展幼有善育的学前教育\n"
    "【重点任务3】优化学前教育公共服务体系。实施学前教育发展提升行动。\n"
    "五、保障措施\n"
    "（一）加强党的全面领导。各级党委加强对教育工作的领导。\n"
    "（二）推动“四个重大”落地。坚持问题导向和目标导向。\n"
    "【重点任务4】重大平台：建设滨海高教园区。按照“办好一所大学”的目标推进。\n"
    "【重点任务5】重大项目:改扩建154个学校项目。“十四五”期间完成投资。\n"
    "（三）提升教育投入水平。全面实施教育网点布局优化行动计划。\n"
    "【重点任务6】建立符合地方实际的教育投入机制。完善学前教育成本分担机制。\n"
)


def _sections(root: Section) -> list[tuple[str, int, str, str]]:
    return [(s.id, s.level, s.marker or "", s.title) for s in root.sections()]


def test_labels_nest_under_the_section_they_stand_in_and_run_on() -> None:
    root, warnings = parse_structure(Document(PLAN))
    assert _sections(root) == [
        ("三", 1, "三、", "落实立德树人根本任务"),
        ("三/【重点任务1】", 2, "【重点任务1】", "加强学校德育工作"),
        ("三/【重点任务2】", 2, "【重点任务2】", "促进学生德智体美劳全面发展"),
        ("四", 1, "四、", "发展幼有善育的学前教育"),
        ("四/【重点任务3】", 2, "【重点任务3】", "优化学前教育公共服务体系"),
        ("五", 1, "五、", "保障措施"),
        ("五/（一）", 2, "（一）", "加强党的全面领导"),
        ("五/（二）", 2, "（二）", "推动“四个重大”落地"),
        # the title ends at the first ： or : as every heading's does
        ("五/（二）/【重点任务4】", 3, "【重点任务4】", "重大平台"),
        ("五/（二）/【重点任务5】", 3, "【重点任务5】", "重大项目"),
        ("五/（三）", 2, "（三）", "提升教育投入水平"),
        ("五/（三）/【重点任务6】", 3, "【重点任务6】", "建立符合地方实际的教育投入机制"),
    ]
    values = [s.value for s in root.sections() if s.style == "bracket-label"]
    assert values == [1, 2, 3, 4, 5, 6]
    # 3 under 四、 runs on from 2 under 三、 (no warning); 4 is the first at a deeper level, which is worth a look
    assert [(w.code, PLAN[w.start : w.end]) for w in warnings] == [("numbering-start", "【重点任务4】")]


def test_a_label_needs_its_number_and_two_to_six_characters() -> None:
    text = ("一、总体要求\n"
            "【重点任务1】加强学校德育工作。完善校长负责制。\n"
            "【重点任务】不是编号。\n"  # no number
            "【注1】说明。\n"  # one character
            "【十四五规划纲要解读1】太长。\n"  # seven characters
            "【重点任务二】促进学生全面发展。全面加强学校体育。\n")  # a Chinese numeral is a number too
    root, _ = parse_structure(Document(text))
    assert _sections(root) == [
        ("一", 1, "一、", "总体要求"),
        ("一/【重点任务1】", 2, "【重点任务1】", "加强学校德育工作"),
        ("一/【重点任务二】", 2, "【重点任务二】", "促进学生全面发展"),
    ]


def test_a_bracketed_box_is_still_a_box() -> None:
    for head in ("【专栏1】重点突破的技术领域", "【专栏1】：重点突破的技术领域", "专栏1  重点突破的技术领域"):
        text = f"一、重点任务\n1﹒加快标识解析体系建设。引导龙头企业。\n{head}\n1.建设数据中心。\n2.培育数据服务商。\n二、保障措施\n"
        root, warnings = parse_structure(Document(text))
        [box] = [n for n in root.walk() if n.kind == "box"]
        assert (box.title, box.level) == ("重点突破的技术领域", 3), head  # under 1﹒, its entries in it
        assert [(s.id, s.level) for s in root.sections()] == [
            ("一", 1), ("一/1", 2), ("一/1/1", 3), ("一/1/2", 3), ("二", 1)], head
        assert all(box.start <= s.start < box.end for s in root.sections() if s.id in ("一/1/1", "一/1/2"))
        assert warnings == ()


def test_the_labelled_tasks_of_a_real_plan(shared_corpus: Path) -> None:
    # extra/p031: 40 labelled tasks, level 2 under 三、–九、 and level 3 under 十、's （二）–（六）; the 目录 lists
    # them too, but its entries are a contents node (tests/structure/test_parser_contents.py)
    doc = Document((shared_corpus / "extra" / "p031.txt").read_text(encoding="utf-8"))
    root, _ = parse_structure(doc)
    labels = [s for s in root.sections() if s.style == "bracket-label"]
    assert [s.value for s in labels] == list(range(1, 41))
    assert {s.level for s in labels[:24]} == {2} and {s.level for s in labels[24:]} == {3}
    lines = [doc.text.count("\n", 0, s.start) + 1 for s in labels]
    assert (lines[0], lines[-1]) == (139, 197)
