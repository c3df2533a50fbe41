"""The structure parser on the two seed plans, read and checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.model import Section
from textkit.reading import read
from textkit.structure import parse_structure

SEED_001_HEADINGS = [
    (1, "一、", "把握总体要求"),
    (1, "二、", "主要工作措施"),
    (2, "（一）", "扎实开展学习教育"),
    (3, "1.", "突出学习重点"),
    (3, "2.", "强化个人自学"),
    (3, "3．", "集中学习研讨"),
    (3, "4．", "开展述学活动"),
    (3, "5．", "组织开展党性教育"),
    (3, "6．", "开展主题党日活动"),
    (2, "（二）", "深入调查研究"),
    (3, "1、", "加大调查研究力度"),
    (3, "2.", "讲好专题党课"),
    (3, "3、", "开展走访慰问"),
    (2, "(三)", "深刻检视问题"),
    (3, "1、", "广泛征求意见"),
    (3, "2、", "对标检查不足"),
    (3, "3、", "认真检视反思"),
    (2, "（四）", "严格整改落实"),
    (3, "1、", "开展专项整治"),
    (3, "2.", "狠抓整改落实"),
    (3, "3.", "召开专题民主生活会（组织生活会）"),
    (1, "三、", "组织实施"),
    (2, "（一）", "加强组织领导"),
    (2, "（二）", "强化督导落实"),
    (2, "（三）", "杜绝形式主义"),
    (2, "（四）", "搞好统筹安排"),
]

SEED_000_HEADINGS = [
    (1, "一、", "指导思想"),
    (1, "二、", "目标要求"),
    (2, "（一）", "牢牢把握目标任务"),
    (2, "（二）", "着力解决突出问题"),
    (1, "三、", "工作安排"),
    (2, "（一）", "强化理论学习"),
    (2, "（二）", "深入调查研究"),
    (2, "（三）", "推动高质量发展"),
    (2, "（四）", "抓好检视整改"),
    (1, "四、", "组织领导"),
    (2, "（一）", "压实领导责任"),
    (2, "（二）", "强化督促指导"),
    (2, "（三）", "注重统筹兼顾"),
    (2, "（四）", "加强宣传引导"),
]


def _parse(path: Path) -> tuple[str, Section]:
    doc = read(path)
    root, _ = parse_structure(doc)
    return doc.text, root


def _assert_tiles(node: Section, text: str) -> None:
    if node.children:
        assert node.children[0].start == node.start
        assert node.children[-1].end == node.end
        for a, b in zip(node.children, node.children[1:], strict=False):
            assert a.end == b.start
        for c in node.children:
            _assert_tiles(c, text)


@pytest.mark.parametrize("path", ["seed000_path", "seed001_path"])
def test_parser_leaves_concatenate_to_text(path: str, request: pytest.FixtureRequest) -> None:
    text, root = _parse(request.getfixturevalue(path))
    assert "".join(text[leaf.start : leaf.end] for leaf in root.leaves()) == text
    _assert_tiles(root, text)


def test_parser_seed001_headings(seed001_path: Path) -> None:
    _, root = _parse(seed001_path)
    assert [(s.level, s.marker, s.title) for s in root.sections()] == SEED_001_HEADINGS


def test_parser_seed000_headings(seed000_path: Path) -> None:
    text, root = _parse(seed000_path)
    assert [(s.level, s.marker, s.title) for s in root.sections()] == SEED_000_HEADINGS
    # the title block and the preamble are kept, not numbered
    kinds = [c.kind for c in root.children[:2]]
    assert kinds == ["title", "preamble"]
    assert text[root.children[0].start : root.children[0].end].strip() == "某局主题教育实施方案"


def test_parser_seed001_ids_and_spans(seed001_path: Path) -> None:
    text, root = _parse(seed001_path)
    by_id = {s.id: s for s in root.sections()}
    sec = by_id["二/（四）/3"]
    assert sec.title == "召开专题民主生活会（组织生活会）"
    assert sec.title_start is not None and sec.title_end is not None
    assert text[sec.title_start : sec.title_end] == sec.title
    assert text[sec.start :].startswith("3.召开专题民主生活会")
    # (三) written half-width is the same level, and its id uses the full-width form
    assert by_id["二/（三）"].marker == "(三)"
    assert by_id["二/（三）"].style == "cn-paren-half"
    assert by_id["二/（二）"].style == "cn-paren"


def test_parser_seed001_label_lines_belong_to_their_item(seed001_path: Path) -> None:
    text, root = _parse(seed001_path)
    by_id = {s.id: s for s in root.sections()}
    labels = [c for c in by_id["二/（四）/1"].children if c.kind == "label"]
    assert len(labels) == 1
    assert labels[0].label == "责任单位"
    assert text[labels[0].start : labels[0].end].startswith("责任单位：机关党委（机关纪委）")


def test_parser_seed000_run_in_heading_and_inline_items(seed000_path: Path) -> None:
    text, root = _parse(seed000_path)
    sec = next(s for s in root.sections() if s.title == "牢牢把握目标任务")
    heading, body = sec.children[0], sec.children[1]
    assert heading.kind == "heading"
    assert text[heading.start : heading.end] == "（一）牢牢把握目标任务。"
    items = [c for c in body.children if c.kind == "item"]
    assert [text[i.start : i.start + 2] for i in items] == ["一是", "二是", "三是", "四是", "五是"]
    assert text[items[0].start : items[0].end].startswith("一是凝心铸魂筑牢根本。")
    # 着力解决6个方面的突出问题: a lead-in sentence, then six inline items
    sec2 = next(s for s in root.sections() if s.title == "着力解决突出问题")
    body2 = sec2.children[1]
    assert body2.children[0].kind == "paragraph"
    assert text[body2.children[0].start : body2.children[0].end].endswith("着力解决6个方面的突出问题。")
    assert sum(1 for c in body2.children if c.kind == "item") == 6


def test_parser_seeds_have_no_numbering_warnings(seed000_path: Path, seed001_path: Path) -> None:
    for path in (seed000_path, seed001_path):
        _, warnings = parse_structure(read(path))
        assert warnings == ()
