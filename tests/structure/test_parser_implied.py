"""A missing first marker: 二、 → 1. … → （二） (the writer forgot （一）). The usual order of levels (numbering.toml
``rank``) puts （二） where its rank says; the numbered sections before it go under an implied first item that
has no text of its own and is no heading.

No plan of the corpus leaves out a first marker at a line start (searched: every ranked family whose first number
under a parent is above 1 and does not run on). The excerpt is raw/015.txt lines 3–5 and 9–24 (each line cut after
its first sentence) with line 10, ``（一）推进数字产业化，激发经济发展新动能。``, left out: what the plan would be
had its writer forgotten that marker. The dev gold of 015 gives every other heading's level.
"""

from __future__ import annotations

from pathlib import Path

from textkit.model import Document, Section
from textkit.output.plan import plan_to_dict, render_tree
from textkit.pipeline import parse_text
from textkit.structure import load_structure_rules, parse_structure

FORGOT = (
    "一、总体要求\n"
    "（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导。\n"
    "（二）主要目标。到2025年，数字经济产业能级达到万亿级。\n"
    "二、主要任务\n"
    "1.打造数字经济核心产业新高地。\n"
    "（1）打造世界级信息技术装备产业高地。依托中国算谷建设。\n"
    "（2）打造国内一流的软件产业集群。加快中国软件名城建设。\n"
    "（3）打造全国领先的信息技术应用创新产业基地。围绕信创产业链。\n"
    "（4）培育壮大数字产业新增长点。推动碳化硅衬底材料产业化。\n"
    "2.建设数字经济高能级创新平台。\n"
    "（5）突破核心关键技术。组织实施一批省级重点领域研发计划。\n"
    "（6）建设科技创新支撑平台。支持EDA（电子设计自动化）平台建设。\n"
    "（二）推进产业数字化，促进产业结构优化升级。\n"
    "3.加快发展智能制造。\n"
    "（7）推动工业互联网创新发展。推进“星火·链网”超级节点建设。\n"
    "（8）推动重点行业数字化转型。围绕37条产业链和40个产业集群。\n"
    "（9）深化企业数字化转型。加快实施技改“双千”工程。\n"
    "4.深化行业数字赋能。\n"
)

# gold/015.json levels of these headings, by (line in FORGOT, marker): the gold's line minus 1 from line 11 on
GOLD = [(1, 1, "一、"), (2, 2, "（一）"), (3, 2, "（二）"), (4, 1, "二、"), (5, 3, "1."), (6, 4, "（1）"),
        (7, 4, "（2）"), (8, 4, "（3）"), (9, 4, "（4）"), (10, 3, "2."), (11, 4, "（5）"), (12, 4, "（6）"),
        (13, 2, "（二）"), (14, 3, "3."), (15, 4, "（7）"), (16, 4, "（8）"), (17, 4, "（9）"), (18, 3, "4.")]


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_missing_first_marker_gets_the_level_its_rank_implies() -> None:
    root, warnings = parse_structure(Document(FORGOT))
    numbered = [(_line(FORGOT, s.start), s.level, s.marker) for s in root.sections() if s.marker]
    assert numbered == GOLD
    [implied] = [s for s in root.sections() if s.marker is None]
    # the implied item: no marker, no title, the missing number's value, a bracketed key; it spans 1. and 2.
    # with their items, and has no text of its own (its first child is 1., not a heading leaf)
    assert (implied.id, implied.level, implied.value, implied.title, implied.title_span) == (
        "二/[（一）]", 2, 1, "", None)
    assert [c.marker for c in implied.children] == ["1.", "2."]
    assert implied.start == FORGOT.index("1.打造") and implied.end == FORGOT.index("（二）推进")
    assert [s.id for s in root.sections() if s.marker in ("1.", "（1）", "（二）", "3.")][1:] == [
        "二/[（一）]/1", "二/[（一）]/1/（1）", "二/（二）", "二/（二）/3"]
    [w] = warnings
    assert w.code == "numbering-implied"
    assert w.message == "（二）前缺少（一）：推定第5—12行（1.至2.）属于省略编号的（一），（二）与之同级"


def test_implied_item_is_not_a_heading_and_the_text_stays_whole() -> None:
    plan = parse_text(FORGOT)
    d = plan_to_dict(plan)
    # what score.py reads: sections with a marker, by (line, marker, level); the implied one has none
    scored = [(_line(FORGOT, s["start"]), s["level"], s["marker"]) for s in d["sections"] if s.get("marker")]
    assert scored == GOLD
    assert next(s for s in d["sections"] if not s.get("marker"))["id"] == "二/[（一）]"
    assert "".join(FORGOT[x.start:x.end] for x in plan.root.leaves()) == FORGOT
    assert "\n    [（一）]\n      1.打造数字经济核心产业新高地" in render_tree(plan)
    assert parse_structure(Document(FORGOT), fast=False) == parse_structure(Document(FORGOT))


def test_numbering_that_runs_on_is_not_a_missing_marker() -> None:
    # raw/001.txt (职教20条): （五） under 二、 continues （四） under 一、; nothing is missing
    text = ("一、完善国家职业教育制度体系\n（一）健全国家职业教育制度框架。\n（四）推进高等职业教育高质量发展。\n"
            "二、构建职业教育国家标准\n（五）完善教育教学相关标准。\n")
    root, warnings = parse_structure(Document(text))
    assert [(s.id, s.level) for s in root.sections()][-1] == ("二/（五）", 2)
    assert all(s.marker for s in root.sections())
    assert [w.code for w in warnings] == ["numbering-gap"]  # （二）（三） left out of the excerpt


def _shape(root: Section) -> list[tuple[str, int]]:
    return [(s.marker or "", s.level) for s in root.sections()]


def test_rank_decides_only_where_nesting_cannot() -> None:
    # a first number of 1 opens a level below, whatever its rank (1. then （一）: nested, as written)
    root, warnings = parse_structure(Document("一、总体要求\n1.加强领导。\n（一）成立领导小组。\n（二）明确分工。\n"))
    assert _shape(root) == [("一、", 1), ("1.", 2), ("（一）", 3), ("（二）", 3)]
    assert warnings == ()
    # a family ranked below the open one nests below it, with the usual warning (1. then （2）)
    root, warnings = parse_structure(Document("一、总体要求\n1.加强领导。\n（2）明确分工。\n"))
    assert _shape(root) == [("一、", 1), ("1.", 2), ("（2）", 3)]
    assert [w.code for w in warnings] == ["numbering-start"]
    # an open family: a gap, not a missing first item (（一） … （三）)
    root, warnings = parse_structure(Document("一、总体要求\n（一）加强领导。\n1.成立小组。\n（三）明确分工。\n"))
    assert _shape(root) == [("一、", 1), ("（一）", 2), ("1.", 3), ("（三）", 2)]
    assert [w.code for w in warnings] == ["numbering-gap"]


def test_a_number_that_runs_on_takes_its_rank_level_without_an_implied_item() -> None:
    # （三） under 二、 continues （二） under 一、 (numbering that runs on across parents): nothing is missing, so
    # no implied item; but it still stands where its rank says, beside 1. 2., not under 2.
    root, warnings = parse_structure(Document(
        "一、总体要求\n（一）指导思想。\n（二）主要目标。\n二、主要任务\n1.加强领导。\n2.强化保障。\n（三）营造氛围\n3.加强宣传。\n"))
    assert [(s.id, s.level) for s in root.sections()][3:] == [
        ("二", 1), ("二/1", 2), ("二/2", 2), ("二/（三）", 2), ("二/（三）/3", 3)]
    assert all(s.marker for s in root.sections())
    assert [w.code for w in warnings] == ["numbering-start"]  # 3. under （三） starts at 3: worth a look


def test_the_order_of_levels_is_data(tmp_path: Path) -> None:
    # a house style whose order puts 1. above （一） (a user's structure.toml, layered by id): （二） after 1. ranks
    # below it, so nothing is placed by rank and the parser nests as before
    user = tmp_path / "structure.toml"
    user.write_text('[[rank]]\nid = "usual"\nfamilies = ["cn", "arabic", "cn-paren"]\n', encoding="utf-8")
    root, warnings = parse_structure(Document(FORGOT), rules=load_structure_rules(parts=[user]))
    assert all(s.marker for s in root.sections())
    assert [(s.id, s.level) for s in root.sections() if s.marker == "（二）"][-1] == ("二/2/（6）/（二）", 4)
    assert [w.code for w in warnings] == ["numbering-start"]


def test_regrouping_carries_run_in_items_down_with_their_item() -> None:
    # run-in items (extra/p035.txt lines 8–9) under 1., before a （二） whose （一） is missing: they move down with 1.
    root, _ = parse_structure(Document(
        "三、保障措施\n1.加强组织领导。\n"
        "坚持全面覆盖。将“双随机、一公开”作为市场监管的基本手段和方式。\n"
        "坚持规范透明。严格依法依规落实市场监管责任，形成科学规范的监管制度。\n"
        "（二）营造良好氛围\n2.加强宣传。\n"))
    assert [(n.kind, n.level, n.id or n.title) for n in root.walk() if n.kind in ("section", "runin")] == [
        ("section", 1, "三"), ("section", 2, "三/[（一）]"), ("section", 3, "三/[（一）]/1"),
        ("runin", 4, "坚持全面覆盖"), ("runin", 4, "坚持规范透明"), ("section", 2, "三/（二）"),
        ("section", 3, "三/（二）/2")]
