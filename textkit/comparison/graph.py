"""The units–tasks graph (the one place networkx is imported).

Nodes, each with a ``kind`` attribute:

- ``plan:<source>`` — a plan (``label`` its file name, ``copy_ratio`` when known);
- ``measure:<source>#<n>`` — the plan's n-th measure (``title``, ``section``, ``start``, ``end``);
- ``unit:<name>`` — a responsible unit whose name is the same body in every plan (绍兴市教育局, 教育部:
  a place or central body in front, see ``[[unit-scope]]`` in ``textkit/data/compare.toml``), shared
  across plans; ``unit:<name>@<source>`` — a name that is a body of the plan that names it (办公室,
  机关党委, 市工业和信息化局: two cities' plans mean two bodies), kept apart per plan (``scope`` "plan");
- ``item:<id>`` — a checklist item (``title``, ``source`` in the directive).

Edges (directed): plan → measure (``has``); measure → unit (``carried_by``, with ``role``);
plan → item (``covers``, with ``status`` and ``score``, for covered and partial items); measure → item
(``implements``) when the item's evidence lies inside the measure. Export with `write_graphml` /
`write_gexf` (Gephi); attributes are plain strings and numbers so both formats keep them.

>>> import textkit
>>> from textkit.model import Measure, ResponsibleUnit
>>> plan = textkit.parse_text("开展专题党课。责任单位：机关党委\\n", source="甲")
>>> u = ResponsibleUnit(start=11, end=15, text="机关党委", name="机关党委", role="responsible")
>>> m = Measure(start=0, end=7, kind="item", section="", path=("开展专题党课",), title="开展专题党课", units=(u,))
>>> from dataclasses import replace
>>> g = build_graph([replace(plan, measures=(m,))])
>>> top_units(g)
[('机关党委', 1, 1)]
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textkit.model import Plan

if TYPE_CHECKING:
    from textkit.comparison.coverage import CoverageMatrix

__all__ = [
    "UnitsView",
    "build_graph",
    "read_graphml",
    "shared_name",
    "top_units",
    "unit_loads",
    "unit_node",
    "units_view",
    "write_gexf",
    "write_graphml",
]

Graph = Any  # networkx.DiGraph (networkx ships no type hints)


def _clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """GraphML/GEXF take str, int, float and bool only: drop None, join tuples."""
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, tuple | list):
            v = " / ".join(str(x) for x in v)
        elif not isinstance(v, str | int | float | bool):
            v = str(v)
        out[k] = v
    return out


def plan_node(source: str) -> str:
    return f"plan:{source}"


@functools.cache
def _scope_re() -> re.Pattern[str]:
    from textkit.rules import Field, load_entries

    entries = load_entries("compare.toml", "unit-scope", {"id": Field(required=True),
                                                          "pattern": Field(required=True, regex=True),
                                                          "note": Field()},
                           known=("stock", "label", "param"))
    return re.compile("|".join(f"(?:{e['pattern']})" for e in entries))


def shared_name(name: str) -> bool:
    """Whether a unit name means the same body in every plan (it is a full name: a place or a central
    body in front), so that plans naming it are linked through one node.

    >>> shared_name("绍兴市教育局"), shared_name("教育部"), shared_name("市工业和信息化局"), shared_name("办公室")
    (True, True, False, False)
    """
    return _scope_re().fullmatch(name) is not None


def build_graph(
    plans: Sequence[Plan],
    *,
    coverage: CoverageMatrix | None = None,
    copy_ratios: Mapping[str, float] | None = None,
) -> Graph:
    """Plans, their measures, the units that carry them and the checklist items they cover.

    ``coverage`` (from `textkit.comparison.compare`) adds the item nodes and ``covers`` edges;
    ``copy_ratios`` (source → ratio) is stored on the plan nodes.
    """
    import networkx as nx  # imported when a graph is made: the terminal summary needs none (`unit_loads`)

    g = nx.DiGraph()
    for plan in plans:
        src = plan.document.source
        p = plan_node(src)
        g.add_node(p, **_clean({"kind": "plan", "label": os.path.basename(src) or src, "source": src,
                                "copy_ratio": (copy_ratios or {}).get(src)}))
        for n, m in enumerate(plan.measures):
            mid = f"measure:{src}#{n}"
            g.add_node(mid, **_clean({"kind": "measure", "label": m.title[:40], "title": m.title,
                                      "section": m.section, "path": m.path, "start": m.start,
                                      "end": m.end, "source": src}))
            g.add_edge(p, mid, relation="has")
            for u in m.units:
                uid, shared = unit_node(u.name, src)
                if uid not in g:
                    g.add_node(uid, kind="unit", label=u.name, name=u.name, scope="shared" if shared else "plan",
                               source="" if shared else src)
                if g.has_edge(mid, uid):
                    continue
                g.add_edge(mid, uid, **_clean({"relation": "carried_by", "role": u.role, "text": u.text}))
    if coverage is not None:
        for item in coverage.items:
            g.add_node(f"item:{item.id}", **_clean({"kind": "item", "label": item.title, "title": item.title,
                                                     "source": item.source, "priority": item.priority}))
        by_source = {plan.document.source: plan for plan in plans}
        for i, src in enumerate(coverage.sources):
            owner = by_source.get(src)
            for j, item in enumerate(coverage.items):
                status = coverage.status[i][j]
                if status == "missing":
                    continue
                iid = f"item:{item.id}"
                g.add_edge(plan_node(src), iid, relation="covers", status=status,
                           score=float(coverage.scores[i, j]))
                if owner is None:
                    continue
                for start, end in coverage.evidence_spans(i, j):
                    for n, m in enumerate(owner.measures):
                        if m.start <= start and end <= m.end:
                            g.add_edge(f"measure:{src}#{n}", iid, relation="implements")
    return g


def unit_node(name: str, source: str) -> tuple[str, bool]:
    """The graph node of unit ``name`` as named in plan ``source``, and whether plans share it."""
    shared = shared_name(name)
    return (f"unit:{name}" if shared else f"unit:{name}@{source}"), shared


def unit_loads(plans: Sequence[Plan], n: int = 10) -> list[tuple[str, int, int]]:
    """`top_units` of the graph of ``plans``, counted without building it (no networkx import).

    >>> import textkit
    >>> unit_loads([textkit.parse_text("1.开展专题党课。\\n责任单位：机关党委\\n", source="甲")])
    [('机关党委', 1, 1)]
    """
    measures: dict[str, int] = {}
    in_plans: dict[str, set[str]] = {}
    label: dict[str, str] = {}
    for plan in plans:
        src = plan.document.source
        for m in plan.measures:
            for uid in dict.fromkeys(unit_node(u.name, src)[0] for u in m.units):  # a unit once per measure
                measures[uid] = measures.get(uid, 0) + 1
                in_plans.setdefault(uid, set()).add(src)
                name = uid.removeprefix("unit:").rsplit("@", 1)[0] if "@" in uid else uid.removeprefix("unit:")
                if "@" in uid and len(plans) > 1:
                    name = f"{name}（{os.path.basename(src) or src}）"
                label[uid] = name
    rows = [(label[u], measures[u], len(in_plans[u])) for u in measures]
    rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
    return rows[:n]


def top_units(graph: Graph, n: int = 10) -> list[tuple[str, int, int]]:
    """Who carries the most measures: (unit name, measures, plans), most measures first. A unit of one
    plan's own (办公室) is named with its plan's file name when the graph holds several plans."""
    rows = []
    many = sum(1 for _n, d in graph.nodes(data=True) if d.get("kind") == "plan") > 1
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "unit":
            continue
        measures = [m for m in graph.predecessors(node) if graph.nodes[m].get("kind") == "measure"]
        plans = {p for m in measures for p in graph.predecessors(m) if graph.nodes[p].get("kind") == "plan"}
        name = str(data.get("name", node))
        if many and data.get("scope") == "plan":
            name = f"{name}（{os.path.basename(str(data.get('source', ''))) or data.get('source', '')}）"
        rows.append((name, len(measures), len(plans)))
    rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
    return rows[:n]


@dataclass(frozen=True, slots=True)
class UnitsView:
    """The units–tasks graph folded for drawing: plans and units as points (``nodes``: id, label, kind,
    x, y), an edge per unit and plan weighted by the measures the unit carries there (``edges``)."""

    nodes: tuple[tuple[str, str, str, float, float], ...]
    edges: tuple[tuple[str, str, int], ...]


def units_view(graph: Graph, *, top: int = 25, seed: int = 7) -> UnitsView:
    """The ``top`` units carrying the most measures and the plans they work in, laid out (spring layout
    with a fixed ``seed``, so the picture is the same every run) for any plotting library.

    >>> import textkit
    >>> from textkit.model import Measure, ResponsibleUnit
    >>> from dataclasses import replace
    >>> plan = textkit.parse_text("开展专题党课。责任单位：机关党委\\n", source="甲")
    >>> unit = ResponsibleUnit(start=11, end=15, text="机关党委", name="机关党委", role="responsible")
    >>> m = Measure(start=0, end=7, kind="item", section="", path=("开展专题党课",), title="开展专题党课",
    ...             units=(unit,))
    >>> v = units_view(build_graph([replace(plan, measures=(m,))]))
    >>> [(k, label) for _i, label, k, _x, _y in v.nodes], v.edges
    ([('plan', '甲'), ('unit', '机关党委')], (('unit:机关党委@甲', 'plan:甲', 1),))
    """
    weights: dict[tuple[str, str], int] = {}
    load: dict[str, int] = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "unit":
            continue
        for m in graph.predecessors(node):
            for p in graph.predecessors(m):
                if graph.nodes[p].get("kind") == "plan":
                    weights[(node, p)] = weights.get((node, p), 0) + 1
                    load[node] = load.get(node, 0) + 1
    units = sorted(load, key=lambda u: (-load[u], u))[:top]
    keep = set(units)
    edges = tuple((u, p, w) for (u, p), w in sorted(weights.items()) if u in keep)
    plans = sorted({p for _u, p, _w in edges} | {n for n, d in graph.nodes(data=True) if d.get("kind") == "plan"})
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(plans + units)
    g.add_weighted_edges_from(edges)
    pos = nx.spring_layout(g, seed=seed, weight="weight") if len(g) else {}
    nodes = tuple(
        (n, str(graph.nodes[n].get("label", n)), str(graph.nodes[n].get("kind", "")),
         float(pos[n][0]), float(pos[n][1]))
        for n in plans + units
    )
    return UnitsView(nodes=nodes, edges=edges)


def write_graphml(graph: Graph, path: str | os.PathLike[str]) -> None:
    """Write GraphML (opens in networkx, Gephi, yEd, Cytoscape)."""
    import networkx as nx

    nx.write_graphml(graph, Path(path))


def write_gexf(graph: Graph, path: str | os.PathLike[str]) -> None:
    """Write GEXF for Gephi."""
    import networkx as nx

    nx.write_gexf(graph, Path(path))


def read_graphml(path: str | os.PathLike[str]) -> Graph:
    """Read a GraphML file back (as written by `write_graphml`)."""
    import networkx as nx

    return nx.read_graphml(Path(path))
