"""Unnumbered run-in titled paragraphs (声学传感器。研发…) are items of the tree: kind ``runin``, with a title span,
one level below the section they stand in. Excerpts are real text (the file and line named at each)."""

from __future__ import annotations

from textkit.model import Document, Section
from textkit.output.plan import plan_to_dict
from textkit.pipeline import parse_text
from textkit.structure import parse_structure

# extra/p035.txt lines 6–11 (a heading, a lead paragraph, four run-in titled principles, the next heading)
PRINCIPLES = (
    "一、总体要求\n"
    "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，深入推进简政放权。\n"
    "坚持全面覆盖。将“双随机、一公开”作为市场监管的基本手段和方式，除特殊重点领域外，原则上所有行政检查都应通过双随机抽查的方式进行。\n"
    "坚持规范透明。严格依法依规落实市场监管责任，形成科学规范、公平公正、公开透明的“双随机、一公开”监管制度。\n"
    "坚持问题导向。实施信用风险分类监管，针对突出问题和风险开展双随机抽查，提高监管精准度。\n"
    "坚持协同推进。落实地方各级人民政府责任，建立健全工作机制，全面推行部门联合“双随机、一公开”监管。\n"
    "二、主要目标\n"
)

# raw/042.txt lines 28–33: run-in items under numbered items whose heading line runs on with its body
DIRECTIVE = (
    "3. 推动发展。紧紧围绕高质量发展这个全面建设社会主义现代化国家的首要任务，推动党员干部积极投身强国建设。\n"
    "破难题、促发展。县处级以上领导班子和领导干部根据自身职责，结合理论学习和调查研究，研究推动发展的思路举措。\n"
    "办实事、解民忧。牢固树立以人民为中心的发展思想，积极探索开展“民呼我为”活动，切实解决群众急难愁盼问题。\n"
    "4. 检视整改。发扬刀刃向内的自我革命精神，坚持边学习、边对照、边检视、边整改。\n"
    "开展党性分析。领导班子对标对表习近平新时代中国特色社会主义思想，针对存在的问题深刻剖析。\n"
    "开展整改整治。对查摆出的问题，一项一项制定整改措施，能改的马上改。\n"
)

# extra/p022.txt lines 21–26: a label-like lead line, then stages written 第一阶段: / 第二阶段： (both colons)
STAGES = (
    "4.要把群众监督评议贯穿始终。坚持开门搞活动，把群众参与贯穿活动全过程。\n"
    "2011年创先争优活动共分四个阶段：\n"
    "第一阶段:年初至春节前。普遍开展领导点评和民主评议党员活动。\n"
    "第二阶段：春节后至“七一”建党节前。开展“三重三坚定”主题实践活动。\n"
)

# raw/027.txt lines 42–44: bulleted goals (--新型基础设施更加完善。…): the bullet is not part of the title
BULLETED = (
    "（二）发展目标\n"
    "--新型基础设施更加完善。5G网络全面部署，建成全面覆盖城市地区和有条件乡镇的5G网络。\n"
    "--平台建设长足进步。培育3家在国内具有较强影响力的跨行业、跨领域工业互联网平台。\n"
)


def _runins(root: Section) -> list[Section]:
    return [n for n in root.walk() if n.kind == "runin"]


def test_runin_items_under_a_heading_with_title_spans_one_level_below() -> None:
    root, warnings = parse_structure(Document(PRINCIPLES))
    assert warnings == ()
    items = _runins(root)
    assert [n.title for n in items] == ["坚持全面覆盖", "坚持规范透明", "坚持问题导向", "坚持协同推进"]
    assert all(n.level == 2 for n in items)
    for n in items:
        assert n.title_start is not None and n.title_end is not None
        assert PRINCIPLES[n.title_start:n.title_end] == n.title
        # the node is the paragraph's own line: title part (with its 。) as the heading leaf, then the body
        head, body = n.children
        assert (head.kind, PRINCIPLES[head.start:head.end]) == ("heading", n.title + "。")
        assert body.kind == "paragraph" and PRINCIPLES[n.end - 1] == "\n"
    [one] = [s for s in root.sections() if s.id == "一"]
    # the lead paragraph stays a paragraph: it starts with no short title
    assert [c.kind for c in one.children] == ["heading", "paragraph", "runin", "runin", "runin", "runin"]


def test_runin_items_under_numbered_items_and_both_colons() -> None:
    root, _ = parse_structure(Document(DIRECTIVE))
    assert [(n.title, n.level) for n in _runins(root)] == [
        ("破难题、促发展", 2), ("办实事、解民忧", 2), ("开展党性分析", 2), ("开展整改整治", 2)]
    root, _ = parse_structure(Document(STAGES))
    # the lead line (…共分四个阶段：) has a title-like start but a body too short: not an item, and it does
    # not break the run after it
    assert [n.title for n in _runins(root)] == ["第一阶段", "第二阶段"]


def test_runin_bullet_is_outside_the_title() -> None:
    root, _ = parse_structure(Document(BULLETED))
    items = _runins(root)
    assert [n.title for n in items] == ["新型基础设施更加完善", "平台建设长足进步"]
    assert BULLETED[items[0].start:items[0].title_start] == "--"


def test_a_single_titled_paragraph_stays_a_paragraph() -> None:
    # raw/s000.txt line 18: one paragraph starting with a short sentence, alone under its heading
    text = ("（一）压实领导责任。\n"
            "主题教育在局党组领导下开展。成立以党组书记为组长的主题教育领导小组，负责主题教育的组织实施。\n"
            "（二）强化督促指导。要密切跟踪各部门主题教育工作任务落实情况。\n")
    root, _ = parse_structure(Document(text))
    assert _runins(root) == []


def test_sentences_are_not_titles() -> None:
    # extra/p020.txt lines 30 and 32 (line 31 between them left out, so that they stand together): each
    # opens with a short sentence (要…。), not a title
    text = ("1．队伍建设工程\n"
            "要树立典型和榜样。对师德师风好、教学业务精的老师，要大力宣传表彰。\n"
            "要继续加强干部队伍建设。要实行中层干部的全员竞聘上岗，实行干部考核制度。\n")
    root, _ = parse_structure(Document(text))
    assert _runins(root) == []


def test_contents_lines_are_not_items() -> None:
    # extra/p031.txt lines 50–52: a table of contents, page numbers after dot leaders
    text = ("（二）推动“四个重大”落地…………………………………18\n"
            "【重点任务25】重大平台：建设滨海高教园区………………18\n"
            "【重点任务26】重大平台：建设智慧教育平台………………18\n")
    root, _ = parse_structure(Document(text))
    assert _runins(root) == []


def test_runin_items_are_not_headings_in_the_json_and_keep_the_text_whole() -> None:
    plan = parse_text(PRINCIPLES)
    d = plan_to_dict(plan)
    # the scorer reads `sections` (numbered only): the run-in items are not there
    assert [s["marker"] for s in d["sections"]] == ["一、", "二、"]
    tree_items = [c for c in d["tree"]["children"][0]["children"] if c["kind"] == "runin"]
    assert [(c["title"], c["level"]) for c in tree_items][:1] == [("坚持全面覆盖", 2)]
    assert "".join(PRINCIPLES[x.start:x.end] for x in plan.root.leaves()) == PRINCIPLES
    # the same tree on the plain path (every style tried at every position)
    for text in (PRINCIPLES, DIRECTIVE, STAGES, BULLETED):
        assert parse_structure(Document(text), fast=False) == parse_structure(Document(text))
