"""A table of contents (目录) is one node of the tree, not headings (issue 12, eval/gold-holdout2 p031).

Its numbered entries (一、现实基础和发展形势……1, （一）指导思想……2) end in leader dots and a page number; before,
each became a section and the body's own 一、 then "restarted" the numbering, and a 附件1：…25 entry opened an
attachment that swallowed the whole body. The excerpt below is typed after the shape of a city 十四五 plan's
contents page (shortened), with the usual ways contents pages are written: …… leaders, a bracketed label
(【重点任务1】), 附件 entries, a title repeated after the contents.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from textkit.errors import RuleError
from textkit.model import Document, Section
from textkit.structure import load_structure_rules, parse_structure

PLAN = (
    "某市教育事业十四五发展规划\n"
    "（征求意见稿）\n"
    "目 录\n"
    "一、现实基础和发展形势………………………………………1\n"
    "二、总体要求……………………………………………………2\n"
    "（一）指导思想…………………………………………………2\n"
    "（二）基本原则…………………………………………………3\n"
    "1.坚持党的领导……………………………………………………3\n"
    "2.坚持优先发展……………………………………………………3\n"
    "三、落实立德树人根本任务……………………………………6\n"
    "【重点任务1】加强学校德育工作………………………………6\n"
    "\n"
    "附件1：某市教育现代化建设政策体系……………25\n"
    "附件2：某市学校重大建设项目一览表………26\n"
    "某市教育事业“十四五”发展规划\n"
    "为率先高水平实现教育现代化，制订本规划。\n"
    "一、现实基础和发展形势\n"
    "“十三五”时期，教育现代化程度大幅提升。\n"
    "二、总体要求\n"
    "（一）指导思想\n"
    "坚持立德树人，努力建设高质量教育体系。\n"
    "（二）基本原则\n"
    "1.坚持党的领导。全面加强党对教育工作的领导。\n"
    "2.坚持优先发展。把教育摆在优先发展的战略地位。\n"
    "三、落实立德树人根本任务\n"
    "【重点任务1】加强学校德育工作。完善党组织领导下的校长负责制。\n"
    "附件1\n"
    "某市教育现代化建设政策体系\n"
)


def _parse(text: str, **kw: object) -> tuple[Section, list[str]]:
    root, warnings = parse_structure(Document(text), **kw)  # type: ignore[arg-type]
    return root, [w.code for w in warnings]


def _contents(root: Section) -> list[Section]:
    return [n for n in root.walk() if n.kind == "contents"]


def _leaves(root: Section) -> list[Section]:
    return [n for n in root.walk() if not n.children]


def _text(text: str, node: Section) -> str:
    return text[node.start : node.end]


def test_a_contents_page_is_one_node_and_its_entries_are_not_headings() -> None:
    root, warnings = _parse(PLAN)
    [toc] = _contents(root)
    assert (toc.title, toc.level, toc.marker) == ("目 录", 0, None)
    assert _text(PLAN, toc).startswith("目 录\n一、现实基础和发展形势……")
    assert _text(PLAN, toc).endswith("附件2：某市学校重大建设项目一览表………26\n")
    # the head line, then one paragraph per entry (the blank line folded into the entry before it)
    kinds = [c.kind for c in toc.children]
    assert kinds == ["heading"] + ["paragraph"] * 10
    assert _text(PLAN, toc.children[8]) == "【重点任务1】加强学校德育工作………………………………6\n\n"
    # the sections are the body's, each once: no restart, no duplicate ids, nothing of the contents
    assert [(s.id, s.level, s.title) for s in root.sections()] == [
        ("一", 1, "现实基础和发展形势"), ("二", 1, "总体要求"), ("二/（一）", 2, "指导思想"),
        ("二/（二）", 2, "基本原则"), ("二/（二）/1", 3, "坚持党的领导"), ("二/（二）/2", 3, "坚持优先发展"),
        ("三", 1, "落实立德树人根本任务"), ("三/【重点任务1】", 2, "加强学校德育工作")]
    assert all(not (toc.start <= s.start < toc.end) for s in root.sections())
    assert warnings == []


def test_contents_entries_naming_attachments_open_no_attachment() -> None:
    root, _ = _parse(PLAN)
    # 附件1：…25 is an entry; the one attachment is the real 附件1 at the end
    attachments = [c for c in root.children if c.kind == "attachment"]
    assert [_text(PLAN, a).split("\n")[0] for a in attachments] == ["附件1"]
    # the title block, the contents, then the title again before the preamble
    top = [c for c in root.walk() if c.kind in ("title", "contents", "preamble")]
    assert [(c.kind, _text(PLAN, c).split("\n")[0]) for c in top][:4] == [
        ("title", "某市教育事业十四五发展规划"), ("title", "（征求意见稿）"), ("contents", "目 录"),
        ("title", "某市教育事业“十四五”发展规划")]


def test_nothing_is_lost_the_leaves_tile_the_text() -> None:
    for text in (PLAN, PLAN.replace("\n", "\r\n"), "  目录\n\n  一、总则……1\n  二、任务……2\n\n一、总则\n正文。\n"):
        root, _ = _parse(text)
        leaves = _leaves(root)
        assert "".join(_text(text, n) for n in leaves) == text
        assert all(a.end == b.start for a, b in pairwise(leaves))
        assert _contents(root)


def test_a_run_of_entries_without_a_head_is_a_contents_list() -> None:
    # dots, full-width dots and middle dots with spaces: each a leader; two entries in a row make a list
    text = ("关于推进某项工作的实施方案\n"
            "一、总体要求 . . . . . . . . 1\n"
            "二、主要任务．．．．．．．．3\n"
            "三、保障措施·· ·· ·· 5\n"
            "一、总体要求\n坚持问题导向。\n二、主要任务\n（一）加强统筹。\n三、保障措施\n加强领导。\n")
    root, warnings = _parse(text)
    [toc] = _contents(root)
    assert toc.title == "" and [c.kind for c in toc.children] == ["paragraph"] * 3
    assert [s.id for s in root.sections()] == ["一", "二", "二/（一）", "三"]
    assert warnings == []


def test_one_numbered_entry_alone_is_no_heading_but_other_lines_are_kept() -> None:
    text = ("一、总体要求\n"
            "（一）指导思想……………2\n"  # a stray contents line: never a heading
            "（一）指导思想\n坚持高质量发展。\n"
            "（二）发展目标\n到2025年，新增学位1000个。\n"
            "目标值……5\n"  # unnumbered, alone: an ordinary paragraph
            "3.到2025年建成示范校12\n")  # ends in a number without leaders: a heading
    root, _ = _parse(text)
    [toc] = _contents(root)
    assert _text(text, toc) == "（一）指导思想……………2\n"
    assert [(s.id, s.title) for s in root.sections()] == [
        ("一", "总体要求"), ("一/（一）", "指导思想"), ("一/（二）", "发展目标"), ("一/（二）/3", "到2025年建成示范校12")]
    para = next(n for n in root.walk() if n.kind == "paragraph" and _text(text, n).startswith("目标值"))
    assert _text(text, para) == "目标值……5\n"


def test_an_entry_wrapped_over_two_lines_stays_in_the_contents() -> None:
    text = ("目录\n"
            "一、关于全面加强新时代大中小学劳动教育的\n"
            "实施意见……………………1\n"
            "二、保障措施……………………9\n"
            "一、关于全面加强新时代大中小学劳动教育的实施意见\n正文。\n二、保障措施\n加强领导。\n")
    root, _ = _parse(text)
    [toc] = _contents(root)
    assert len(toc.children) == 4 and _text(text, toc.children[1]) == "一、关于全面加强新时代大中小学劳动教育的\n"
    assert [s.id for s in root.sections()] == ["一", "二"]


def test_a_head_without_entries_is_no_contents() -> None:
    # 目录 followed by lines without page numbers: nothing tells them from the body, so nothing changes
    text = "目录\n一、总体要求\n二、主要任务\n"
    root, _ = _parse(text)
    assert _contents(root) == []
    assert [s.id for s in root.sections()] == ["一", "二"]


def test_the_plain_path_reads_contents_the_same() -> None:
    assert parse_structure(Document(PLAN), fast=False) == parse_structure(Document(PLAN))


def test_the_leaders_are_data(tmp_path: Path) -> None:
    # a house style writing its leaders as underscores (a user's structure.toml, layered by id)
    text = "目录\n一、总体要求____1\n二、主要任务____3\n一、总体要求\n正文。\n二、主要任务\n正文。\n"
    assert _contents(_parse(text)[0]) == []
    user = tmp_path / "structure.toml"
    user.write_text("[[part]]\nid = \"contents-entry\"\nkind = \"contents-entry\"\npattern = '''_{3,}[0-9]{1,4}$'''\n",
                    encoding="utf-8")
    root, _ = _parse(text, rules=load_structure_rules(parts=[user]))
    [toc] = _contents(root)
    assert len(toc.children) == 3
    assert [s.id for s in root.sections()] == ["一", "二"]


def test_the_run_length_is_data_and_checked(tmp_path: Path) -> None:
    # unnumbered entries: two in a row are a list; with contents.min_entries = 3, they stay paragraphs
    text = "总体要求……1\n主要任务……3\n一、总体要求\n正文。\n"
    user = tmp_path / "structure.toml"
    user.write_text('[[param]]\nid = "contents.min_entries"\nvalue = 3\n', encoding="utf-8")
    assert [len(c.children) for c in _contents(_parse(text)[0])] == [2]
    root, _ = _parse(text, rules=load_structure_rules(parts=[user]))
    assert _contents(root) == [] and [s.id for s in root.sections()] == ["一"]
    # a numbered entry makes a run a list whatever its length: it is never a heading
    numbered = "一、总体要求……1\n二、主要任务……3\n一、总体要求\n正文。\n"
    root, _ = _parse(numbered, rules=load_structure_rules(parts=[user]))
    assert [len(c.children) for c in _contents(root)] == [2] and [s.id for s in root.sections()] == ["一"]
def test_a_bad_contents_param_is_a_rule_error(tmp_path: Path) -> None:
    user = tmp_path / "structure.toml"
    user.write_text('[[param]]\nid = "contents.min_entries"\nvalue = "two"\n', encoding="utf-8")
    with pytest.raises(RuleError):
        load_structure_rules(parts=[user])


def test_the_contents_page_of_a_real_plan(shared_corpus: Path) -> None:
    # extra/p031: a 目录 of 66 entries (l.5-72) before the body; none is a heading, none opens an attachment
    doc = Document((shared_corpus / "extra" / "p031.txt").read_text(encoding="utf-8"))
    root, _ = parse_structure(doc)
    [toc] = _contents(root)
    first, last = doc.text.count("\n", 0, toc.start) + 1, doc.text.count("\n", 0, toc.end - 1) + 1
    assert (toc.title, first, last, len(toc.children)) == ("目 录", 5, 72, 68)
    sections = list(root.sections())
    assert not any(toc.start <= s.start < toc.end for s in sections)
    assert len({s.id for s in sections}) == len(sections)  # no second 一、 from the contents
    assert doc.text.count("\n", 0, sections[0].start) + 1 == 75
    assert sum(1 for c in root.children if c.kind == "attachment") == 2
