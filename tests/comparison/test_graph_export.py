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
    assert {n for n, k in kinds.items() if k == "unit"} == {"unit:机关党委", "unit:办公室"}
    assert g.nodes["plan:甲.txt"]["copy_ratio"] == 0.25
    assert g.edges["measure:甲.txt#1", "unit:办公室"]["role"] == "responsible"
    assert top_units(g) == [("机关党委", 4, 2), ("办公室", 2, 2)]


def test_graphml_round_trip(tmp_path: Path) -> None:
    g = build_graph([_plan("甲.txt"), _plan("乙.txt")])
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    back = read_graphml(path)
    assert set(back.nodes) == set(g.nodes)
    assert set(back.edges) == set(g.edges)
    assert back.nodes["measure:乙.txt#1"]["title"] == "讲好专题党课"
    assert back.edges["measure:乙.txt#0", "unit:机关党委"]["relation"] == "carried_by"


def test_gexf_written(tmp_path: Path) -> None:
    g = build_graph([_plan("甲.txt")])
    path = tmp_path / "g.gexf"
    write_gexf(g, path)
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
