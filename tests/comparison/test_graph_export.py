"""The units–tasks graph: GraphML opens back with the same nodes and edges; who carries most measures."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx

from textkit.comparison.graph import build_graph, read_graphml, top_units, write_gexf, write_graphml
from textkit.model import Measure, Plan, ResponsibleUnit
from textkit.pipeline import parse_text

TEXT = (
    "1.强化个人自学。制定自学计划。\n责任单位：机关党委\n"
    "2.讲好专题党课。局党组书记带头讲党课。\n责任单位：机关党委、办公室\n"
)


def _plan(source: str) -> Plan:
    plan = parse_text(TEXT, source=source)
    t = plan.document.text

    def unit(name: str, after: int) -> ResponsibleUnit:
        at = t.index(name, after)
        return ResponsibleUnit(start=at, end=at + len(name), text=name, name=name, role="responsible", label="责任单位")

    first_end = t.index("\n2.")
    m1 = Measure(start=0, end=first_end, kind="section", section="1", path=("强化个人自学",), title="强化个人自学",
                 units=(unit("机关党委", 0),))
    m2 = Measure(start=first_end + 1, end=len(t), kind="section", section="2", path=("讲好专题党课",),
                 title="讲好专题党课", units=(unit("机关党委", first_end), unit("办公室", first_end)))
    return replace(plan, measures=(m1, m2))


def test_graph_nodes_and_edges() -> None:
    g = build_graph([_plan("甲.txt"), _plan("乙.txt")], copy_ratios={"甲.txt": 0.25})
    kinds = nx.get_node_attributes(g, "kind")
    assert sorted(kinds.values()).count("plan") == 2
    assert sorted(kinds.values()).count("measure") == 4
    # 机关党委 and 办公室 are each plan's own bodies: two plans, two of each
    assert {n for n, k in kinds.items() if k == "unit"} == {
        "unit:机关党委@甲.txt", "unit:办公室@甲.txt", "unit:机关党委@乙.txt", "unit:办公室@乙.txt"}
    assert g.nodes["plan:甲.txt"]["copy_ratio"] == 0.25
    assert g.edges["measure:甲.txt#1", "unit:办公室@甲.txt"]["role"] == "responsible"
    assert top_units(g) == [("机关党委（乙.txt）", 2, 1), ("机关党委（甲.txt）", 2, 1),
                            ("办公室（乙.txt）", 1, 1), ("办公室（甲.txt）", 1, 1)]


def test_units_merge_only_on_the_same_full_name() -> None:
    def plan(source: str, names: tuple[str, ...]) -> Plan:
        text = "1.推进数字化改革。\n责任单位：" + "、".join(names) + "\n"
        base = parse_text(text, source=source)
        units = tuple(ResponsibleUnit(start=text.index(n), end=text.index(n) + len(n), text=n, name=n, role="responsible") for n in names)
        return replace(base, measures=(Measure(start=0, end=len(text), kind="section", section="1",
                                               path=("推进数字化改革",), title="推进数字化改革", units=units),))

    g = build_graph([plan("绍兴.txt", ("市工业和信息化局", "浙江省经济和信息化厅", "工业和信息化部")),
                     plan("杭州.txt", ("市工业和信息化局", "浙江省经济和信息化厅", "工业和信息化部"))])
    units = {n for n, d in g.nodes(data=True) if d.get("kind") == "unit"}
    assert units == {"unit:市工业和信息化局@绍兴.txt", "unit:市工业和信息化局@杭州.txt",
                     "unit:浙江省经济和信息化厅", "unit:工业和信息化部"}


def test_graphml_round_trip(tmp_path: Path) -> None:
    g = build_graph([_plan("甲.txt"), _plan("乙.txt")])
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    back = read_graphml(path)
    assert set(back.nodes) == set(g.nodes)
    assert set(back.edges) == set(g.edges)
    assert back.nodes["measure:乙.txt#1"]["title"] == "讲好专题党课"
    assert back.edges["measure:乙.txt#0", "unit:机关党委@乙.txt"]["relation"] == "carried_by"


def test_gexf_written(tmp_path: Path) -> None:
    g = build_graph([_plan("甲.txt")])
    path = tmp_path / "g.gexf"
    write_gexf(g, path)
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()


def test_unit_loads_equal_the_graph_count(seed000_path: Path, seed001_path: Path) -> None:
    from textkit.comparison.graph import unit_loads
    from textkit.pipeline import parse

    plans = [parse(seed000_path), parse(seed001_path)]
    assert unit_loads(plans, 50) == top_units(build_graph(plans), 50)
    assert unit_loads(plans[1:], 50) == top_units(build_graph(plans[1:]), 50)
