"""Boxed lists (专栏N：…) inside a plan's task sections (issue 12): the box nests under the section it stands in,
its entries under the box, and its numbering neither continues nor restarts the sequence around it. Excerpts
typed after a provincial sensor-industry plan (专栏1：重点突破的技术领域) and an industrial-internet plan."""

from __future__ import annotations

from itertools import pairwise

from textkit.model import Document, Section
from textkit.structure import parse_structure

RUN_IN = (
    "四、重点任务\n"
    "（一）提升设计、制造、封测能力\n"
    "1﹒推进智能传感器芯片设计。加强对核心芯片的研发。\n"
    "2﹒推进智能传感器封装测试。持续攻关倒装互连。\n"
    "专栏1：重点突破的技术领域\n"
    "声学传感器。研发先进MEMS芯片技术。\n"
    "压力传感器。重点支持研发硅基结构。\n"
    "（二）补齐配套环节短板\n"
    "3﹒强化关键基础材料支撑。发挥资源优势。\n"
    "专栏2：智能传感器推广示范工程\n"
    "汽车电子领域。推广车联网应用。\n"
    "4﹒强化先进工艺技术支撑。依托龙头企业。\n"
)

NUMBERED = (
    "一、重点任务\n"
    "1﹒加快标识解析体系建设。引导龙头企业。\n"
    "2﹒推进工业大数据能力建设。推动数据中心。\n"
    "专栏1  工业大数据能力提升工程\n"
    "1.建设数据中心。支持合肥等地。\n"
    "2.培育数据服务商。\n"
    "3.开展试点示范。\n"
    "3﹒建设跨行业平台。发挥龙头企业作用。\n"
    "专栏3  平台培育工程\n"
    "培育综合型平台。\n"
)


def _parse(text: str) -> tuple[Section, list[str]]:
    root, warnings = parse_structure(Document(text))
    return root, [f"{w.code}: {w.message}" for w in warnings]


def _boxes(root: Section) -> list[Section]:
    return [n for n in root.walk() if n.kind == "box"]


def test_box_nests_under_the_item_it_stands_in_and_holds_its_entries() -> None:
    root, warnings = _parse(RUN_IN)
    assert warnings == []
    item2 = next(s for s in root.sections() if s.id == "四/（一）/2")
    [box] = [c for c in item2.children if c.kind == "box"]
    assert (box.title, box.level) == ("重点突破的技术领域", 4)
    # its run-in titled entries are items of the box (tests/structure/test_parser_runin.py)
    entries = [(c.kind, c.title) for c in box.children if c.kind != "heading"]
    assert entries == [("runin", "声学传感器"), ("runin", "压力传感器")]
    # the sequence around the box runs on: 3﹒ under （二）, 4﹒ after the second box, no gap or restart
    assert [s.id for s in root.sections()] == ["四", "四/（一）", "四/（一）/1", "四/（一）/2", "四/（二）",
                                               "四/（二）/3", "四/（二）/4"]
    box2 = _boxes(root)[1]
    assert RUN_IN[box2.start:box2.end] == "专栏2：智能传感器推广示范工程\n汽车电子领域。推广车联网应用。\n"


def test_numbered_box_entries_keep_their_own_sequence() -> None:
    root, warnings = _parse(NUMBERED)
    first = _boxes(root)[0]
    entries = [c for c in first.children if c.kind == "section"]
    assert [(c.marker, c.level, c.title) for c in entries] == [
        ("1.", 3, "建设数据中心"), ("2.", 3, "培育数据服务商"), ("3.", 3, "开展试点示范")]
    # the box stands under 2﹒ (level 2), its entries one level below; 3﹒ after the box's own 3. continues
    # the sequence around the box, written as it is
    top = [s.marker for s in root.sections() if s.level == 2 and not any(s is e for e in entries)]
    assert top == ["1﹒", "2﹒", "3﹒"]
    assert warnings == ["box-gap: boxed list 专栏3 follows 专栏1: 专栏2 missing"]


def test_box_tree_tiles_the_text() -> None:
    for text in (RUN_IN, NUMBERED):
        root, _ = _parse(text)
        leaves = list(root.leaves())
        assert "".join(text[n.start:n.end] for n in leaves) == text
        assert all(a.end == b.start for a, b in pairwise(leaves))
