"""`textkit parse` output: the plan as a JSON-ready dict (schema ``textkit.plan/1``) and as a tree."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from textkit.model import Measure, ParseWarning, Plan, Section, sections_with_parent
from textkit.structure import plan_title

__all__ = ["PLAN_SCHEMA", "plan_to_dict", "render_tree"]

PLAN_SCHEMA = "textkit.plan/1"


def _node_dict(node: Section) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": node.kind, "start": node.start, "end": node.end}
    if node.kind == "section":
        d.update(
            id=node.id, level=node.level, marker=node.marker, value=node.value, style=node.style,
            title=node.title, title_start=node.title_start, title_end=node.title_end,
        )
    elif node.kind in ("runin", "box"):  # unnumbered items and boxed lists: a title, no marker
        d.update(level=node.level, title=node.title, title_start=node.title_start, title_end=node.title_end)
    if node.label:
        d["label"] = node.label
    if node.children:
        d["children"] = [_node_dict(c) for c in node.children]
    return d


def plan_to_dict(plan: Plan, *, tree: bool = True) -> dict[str, Any]:
    """The JSON contract of ``textkit parse --format json``.

    ``sections`` lists the numbered sections flat, in text order; ``tree`` (optional) is the full
    node tree whose leaves tile the text; every item has ``start``/``end`` into ``document.text``.
    """
    doc = plan.document
    sections = []
    for s, parent in sections_with_parent(plan.root):
        item: dict[str, Any] = {
            "id": s.id, "parent": parent, "level": s.level, "marker": s.marker, "number": s.value,
            "style": s.style, "title": s.title, "start": s.start, "end": s.end,
            "title_start": s.title_start, "title_end": s.title_end,
        }
        if doc.pages:
            item["page"] = doc.page_of(s.start)
        sections.append(item)

    def paged(d: dict[str, Any]) -> dict[str, Any]:
        if doc.pages:
            d["page"] = doc.page_of(d["start"])
        return d

    out: dict[str, Any] = {
        "schema": PLAN_SCHEMA,
        "title": plan_title(doc, plan.root),
        "source": doc.source,
        "format": doc.format,
        "encoding": doc.encoding,
        "length": len(doc.text),
        "reference_date": plan.reference_date.isoformat() if plan.reference_date else None,
        "period": asdict(plan.period) if plan.period else None,
        "sections": sections,
        "measures": [paged(_measure_dict(m, doc.text)) for m in plan.measures],
        "units": [paged(asdict(u)) for u in plan.units],
        "dates": [paged(_time_dict(t)) for t in plan.dates],
        "quantities": [paged(asdict(q)) for q in plan.quantities],
        "warnings": [asdict(w) for w in (*_doc_warnings(plan), *plan.warnings)],
    }
    if doc.pages:
        out["pages"] = [asdict(p) for p in doc.pages]
        out["furniture"] = [asdict(f) for f in doc.furniture]
    if tree:
        out["tree"] = _node_dict(plan.root)
    return out


def _doc_warnings(plan: Plan) -> list[ParseWarning]:
    return [ParseWarning(code="reading", message=w, start=0, end=0) for w in plan.document.warnings]


def _measure_dict(m: Measure, text: str) -> dict[str, Any]:
    d = {
        "text": text[m.start : m.end], "start": m.start, "end": m.end, "kind": m.kind, "section": m.section,
        "path": list(m.path), "title": m.title,
        "units": [{"name": u.name, "role": u.role, "start": u.start, "end": u.end} for u in m.units],
        "dates": [{"text": t.text, "kind": t.kind, "start": t.start, "end": t.end} for t in m.times],
    }
    return d


def _time_dict(t: Any) -> dict[str, Any]:
    return {
        "text": t.text, "start": t.start, "end": t.end, "kind": t.kind, "section": t.section,
        "rule_id": t.rule_id, "value": asdict(t.value),
    }


def render_tree(plan: Plan, *, show_all: bool = False, width: int = 60) -> str:
    """The section tree, indented by level, for the terminal.

    With ``show_all`` every node is shown (paragraphs, labels, inline items), each with its span.
    """
    lines: list[str] = [f"{plan.document.source}  ({len(plan.text):,} chars, {plan.document.format})"]
    text = plan.text

    def snippet(node: Section) -> str:
        s = text[node.start:node.end].strip().replace("\n", " ")
        return s if len(s) <= width else s[: width - 1] + "…"

    def visit(node: Section, depth: int) -> None:
        for child in node.children:
            if child.kind == "section":
                page = f"  p.{plan.document.page_of(child.start)}" if plan.document.pages else ""
                # an implied first item (the writer left out its marker): its bracketed key, 三/[（一）] → [（一）]
                marker = child.marker if child.marker is not None else child.id.rsplit("/", 1)[-1]
                lines.append(f"{'  ' * depth}{marker}{child.title}{page}")
                visit(child, depth + 1)
            elif child.kind in ("box", "runin") and not show_all:
                lines.append(f"{'  ' * depth}{'[专栏] ' if child.kind == 'box' else '· '}{child.title}")
                visit(child, depth + 1)
            elif child.kind in ("notice", "plan", "attachment"):
                lines.append(f"{'  ' * depth}[{child.kind}] {child.title or snippet(child)[:30]}")
                visit(child, depth + 1)
            elif show_all and child.kind != "heading":
                tag = f"{child.kind}:{child.label}" if child.label else child.kind
                lines.append(f"{'  ' * depth}· {tag} [{child.start},{child.end}) {snippet(child)}")
                visit(child, depth + 1)

    visit(plan.root, 1)
    if plan.warnings:
        lines.append("warnings:")
        lines.extend(f"  line {plan.document.line_of(w.start)}: {w.message}" for w in plan.warnings)
    return "\n".join(lines)
