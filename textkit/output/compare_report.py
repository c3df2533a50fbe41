"""`textkit compare` reports: terminal summary, JSON (``textkit.compare/1``), XLSX, HTML, DataFrames.

JSON contract (fields may be added, these are never renamed)::

    {"schema": "textkit.compare/1",
     "plans": [{"source": "…", "copy_ratio": 0.0, "coverage": {"<item id>": "covered|partial|missing"}}],
     "items": [{"id": "…", "title": "…", "covered_by": 0}],
     "reuse": [{"a": "<source>", "b": "<source or directive>", "a_start": 0, "a_end": 0,
                "b_start": 0, "b_end": 0, "score": 0.0}],
     "similarity": [[1.0]]}

Added fields: top-level ``directive`` (its source, or null: then every ``copy_ratio`` is 0.0 and means
"not measured"), ``checklist``, ``sources`` (the order of the similarity rows), ``clusters``,
``cluster_threshold`` (null: no threshold could be fitted, every plan its own cluster) and
``threshold_fitted``, ``units`` (who carries the most measures), ``boilerplate`` (passages left out of
``reuse`` as stock language), ``errors`` (inputs that could not be read); per plan ``title``, ``label``
(title and file name, as the reports name it), ``chars``/``copied`` (normalised characters),
``cluster``, ``scores``, ``distinctive`` passages; per item ``source``, ``partial_by``; per reuse
passage ``kind`` (``directive``/``between``), ``length``, ``a_text``, ``b_text``. Spans index each
side's ``Document.text``.
"""

from __future__ import annotations

import html
import json
import os
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textkit.model import Plan

if TYPE_CHECKING:
    from textkit.comparison.compare import Comparison
    from textkit.comparison.reuse import Passage

__all__ = [
    "COMPARE_SCHEMA",
    "comparison_frames",
    "comparison_to_dict",
    "plan_label",
    "render_html",
    "render_summary",
    "write_xlsx",
]

COMPARE_SCHEMA = "textkit.compare/1"


def plan_label(plan: Plan) -> str:
    """How the reports name a plan: its title and file name (``某局主题教育实施方案（000.txt）``), or the
    file name alone when it has no title."""
    name = os.path.basename(plan.document.source) or plan.document.source
    title = plan.title.strip()
    return f"{title}（{name}）" if title else name


def _texts(c: Comparison) -> dict[str, str]:
    texts = {p.document.source: p.document.text for p in c.plans}
    if c.directive is not None:
        texts.setdefault(c.directive.document.source, c.directive.document.text)
    return texts


def _passage_dict(p: Passage, kind: str, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "a": p.a, "b": p.b, "a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end,
        "score": p.score, "kind": kind, "length": p.length,
        "a_text": texts.get(p.a, "")[p.a_start:p.a_end], "b_text": texts.get(p.b, "")[p.b_start:p.b_end],
    }


def comparison_to_dict(c: Comparison) -> dict[str, Any]:
    """The ``textkit.compare/1`` JSON document."""
    from textkit.comparison.graph import unit_loads

    texts = _texts(c)
    cov = c.coverage
    plans = []
    for i, (plan, r) in enumerate(zip(c.plans, c.reuse.plans, strict=True)):
        src = plan.document.source
        d: dict[str, Any] = {
            "source": src,
            "title": plan.title,
            "label": plan_label(plan),
            "copy_ratio": r.copy_ratio if c.directive is not None else 0.0,
            "coverage": {},
            "chars": r.chars,
            "copied": r.copied,
            "cluster": c.similarity.clusters[i],
            "scores": {},
            "distinctive": [{"start": s.start, "end": s.end, "text": plan.document.text[s.start:s.end]}
                            for s in r.distinctive],
        }
        if cov is not None:
            d["coverage"] = {item.id: cov.status[i][j] for j, item in enumerate(cov.items)}
            d["scores"] = {item.id: round(float(cov.scores[i, j]), 4) for j, item in enumerate(cov.items)}
        plans.append(d)
    items = []
    if cov is not None:
        for item in cov.items:
            items.append({"id": item.id, "title": item.title, "source": item.source,
                          "covered_by": cov.covered_by(item.id),
                          "partial_by": cov.covered_by(item.id, partial=True) - cov.covered_by(item.id)})
    reuse = [_passage_dict(p, "directive", texts) for r in c.reuse.plans for p in r.passages]
    reuse += [_passage_dict(p, "between", texts) for p in c.reuse.between]
    return {
        "schema": COMPARE_SCHEMA,
        "directive": c.directive.document.source if c.directive is not None else None,
        "checklist": (c.checklist.id or c.checklist.title) if c.checklist is not None else None,
        "sources": list(c.sources),
        "plans": plans,
        "items": items,
        "reuse": reuse,
        "similarity": [[round(float(v), 4) for v in row] for row in c.similarity.matrix],
        "clusters": list(c.similarity.clusters),
        "cluster_threshold": c.similarity.threshold,
        "threshold_fitted": c.similarity.fitted,
        "boilerplate": [_passage_dict(p, "boilerplate", texts) for p in c.reuse.boilerplate],
        "units": [{"unit": u, "measures": m, "plans": p} for u, m, p in unit_loads(c.plans, 20)],
        "errors": [{"source": getattr(e, "source", ""), "error": str(e)} for e in c.errors],
    }


def comparison_frames(c: Comparison) -> dict[str, Any]:
    """One DataFrame per table: plans, coverage, coverage_scores, items, reuse, similarity,
    distinctive, units, errors."""
    from textkit.output.frames import records_frame

    d = comparison_to_dict(c)
    cov = c.coverage
    item_ids = [i.id for i in cov.items] if cov is not None else []
    plans = []
    for p, r in zip(d["plans"], c.reuse.plans, strict=True):
        counts = {s: sum(1 for v in p["coverage"].values() if v == s) for s in ("covered", "partial", "missing")}
        plans.append({"source": p["source"], "title": p["title"], "chars": p["chars"], "copied": p["copied"],
                      "copy_ratio": p["copy_ratio"], "cluster": p["cluster"], "passages": len(r.passages),
                      "distinctive": len(r.distinctive), **counts})
    sources = d["sources"]
    return {
        "plans": records_frame(plans, ["source", "title", "chars", "copied", "copy_ratio", "cluster", "passages",
                                       "distinctive", "covered", "partial", "missing"]),
        "coverage": records_frame(({"source": p["source"], **p["coverage"]} for p in d["plans"]),
                                  ["source", *item_ids]),
        "coverage_scores": records_frame(({"source": p["source"], **p["scores"]} for p in d["plans"]),
                                         ["source", *item_ids]),
        "items": records_frame(d["items"], ["id", "title", "source", "covered_by", "partial_by"]),
        "reuse": records_frame(d["reuse"], ["kind", "a", "a_start", "a_end", "b", "b_start", "b_end", "score",
                                            "length", "a_text", "b_text"]),
        "similarity": records_frame(({"source": s, **dict(zip(sources, row, strict=True))}
                                     for s, row in zip(sources, d["similarity"], strict=True)),
                                    ["source", *sources]),
        "distinctive": records_frame(({"source": p["source"], **x} for p in d["plans"] for x in p["distinctive"]),
                                     ["source", "start", "end", "text"]),
        "units": records_frame(d["units"], ["unit", "measures", "plans"]),
        "errors": records_frame(d["errors"], ["source", "error"]),
    }


def write_xlsx(c: Comparison, path: str | os.PathLike[str]) -> None:
    """An .xlsx workbook with one sheet per table of `comparison_frames` (cells cleaned, formulas
    neutralised, header bold and frozen, filters set)."""
    from textkit.output.workbook import Sheet, write_workbook

    sheets = []
    for name, frame in comparison_frames(c).items():
        rows = [[None if _missing(v) else v for v in row] for row in frame.itertuples(index=False, name=None)]
        sheets.append(Sheet(name, tuple(str(col) for col in frame.columns), rows))
    write_workbook(sheets, path)


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and v != v)  # NaN from pandas


def _short(source: str) -> str:
    return os.path.basename(source) or source


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cut(s: str, width: int) -> str:
    """``s`` cut and padded to ``width`` terminal columns (CJK characters take two)."""
    out, w = [], 0
    for ch in s:
        cw = _width(ch)
        if w + cw > width:
            break
        out.append(ch)
        w += cw
    return "".join(out) + " " * (width - w)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


_STATUS_ZH = {"covered": "已覆盖", "partial": "部分覆盖", "missing": "缺失"}


def _cluster_names(c: Comparison) -> list[str]:
    """相似组 of each plan: 甲组, 乙组… for clusters of two or more plans, "—" for a plan on its own."""
    names = "甲乙丙丁戊己庚辛壬癸"
    label: dict[int, str] = {}
    for n, group in enumerate(c.similarity.groups):
        label[c.similarity.clusters[group[0]]] = f"{names[n]}组" if n < len(names) else f"第{n + 1}组"
    return [label.get(k, "—") for k in c.similarity.clusters]


def _threshold_note(c: Comparison) -> str:
    sim = c.similarity
    if sim.threshold is None:
        return "方案太少，无法从数据中确定相似阈值，不分组（no clusters: too few plans to fit a threshold）"
    how = "由数据拟合：所有方案两两相似度的中位数加 3 倍稳健离差" if sim.fitted else "由用户指定"
    if not sim.groups:
        return f"相似阈值 {sim.threshold:.2f}（{how}）；没有方案对明显高于其余，不分组"
    return f"相似阈值 {sim.threshold:.2f}（{how}）；高于阈值的方案归为一组"


def render_summary(c: Comparison, *, top: int = 10) -> str:
    """A plain-text summary for the terminal, in Chinese."""
    from textkit.comparison.graph import unit_loads

    labels = [plan_label(p) for p in c.plans]
    head = f"共比较 {len(c.plans)} 份方案"
    if c.errors:
        head += f"，{len(c.errors)} 份无法读取"
    if c.directive is not None:
        head += f"；上级文件：{plan_label(c.directive)}"
    if c.checklist is not None and c.coverage is not None:
        head += f"；对照清单：{c.checklist.title or c.checklist.id}（{len(c.coverage.items)} 项）"
    lines = [head]
    lines += [f"  无法读取：{e}" for e in c.errors]
    width = min(44, max(_width(x) for x in labels))
    clusters = _cluster_names(c)
    header = f"{_cut('方案', width)}  {'照抄上级':>8}  {'相同段落':>8}  {'覆盖':>4}  {'部分':>4}  {'缺失':>4}  相似组"
    lines += ["", header, "-" * (_width(header))]
    for i, r in enumerate(c.reuse.plans):
        row = c.coverage.status[i] if c.coverage is not None else None
        copied = _pct(r.copy_ratio) if c.directive is not None else "-"
        same = str(len(r.passages)) if c.directive is not None else "-"
        counts = [str(row.count(k)) if row is not None else "-" for k in ("covered", "partial", "missing")]
        lines.append(
            f"{_cut(labels[i], width)}  {copied:>12}  {same:>12}  "
            f"{counts[0]:>6}  {counts[1]:>6}  {counts[2]:>6}  {clusters[i]}"
        )
    lines += ["", _threshold_note(c)]
    if c.coverage is not None:
        n = len(c.plans)
        lines += ["", f"{_cut('清单要求', 30)}  已覆盖/部分覆盖（共 {n} 份）", "-" * 50]
        for item in c.coverage.items:
            full = c.coverage.covered_by(item.id)
            part = c.coverage.covered_by(item.id, partial=True) - full
            lines.append(f"{_cut(item.title or item.id, 30)}  {full}/{part}")
    by_source = dict(zip(c.sources, labels, strict=True))
    pairs = c.similarity.pairs()[:top]
    if pairs:
        lines += ["", "最相似的方案（文字相似度 0–1）："]
        lines += [f"  {v:.2f}  {by_source[a]} ~ {by_source[b]}" for a, b, v in pairs]
    if c.directive is not None:
        longest = sorted((p for r in c.reuse.plans for p in r.passages), key=lambda p: -p.length)[:3]
        texts = _texts(c)
        if longest:
            lines += ["", "照抄上级文件最长的段落："]
            for p in longest:
                t = texts[p.a][p.a_start:p.a_end].replace("\n", " ")
                lines.append(f"  {by_source.get(p.a, _short(p.a))} [{p.a_start}:{p.a_end}] {t[:50]}…")
    units = unit_loads(c.plans, top)
    if units:
        lines += ["", "承担任务最多的单位："]
        lines += [f"  {m:>4} 项  {u}（{p} 份方案）" for u, m, p in units]
    if c.reuse.between:
        lines += ["", f"方案之间相同的段落：{len(c.reuse.between)} 处"]
    if c.reuse.boilerplate:
        lines += [f"套话与标签行（不计为照抄）：{len(c.reuse.boilerplate)} 处"]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ HTML

_CSS = """
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:0;padding:16px 24px;color:#222;line-height:1.5}
h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:28px 0 6px;border-bottom:2px solid #3f6fb5;
padding-bottom:3px}h2 .en,h1 .en{font-size:13px;color:#777;font-weight:normal;margin-left:8px}
table{border-collapse:collapse;width:100%;margin:8px 0}
td,th{border:1px solid #d0d0d0;padding:4px 6px;font-size:13px;vertical-align:top}
th{background:#f1f4f8;font-weight:600;text-align:left}
.matrix{table-layout:fixed}.matrix td{text-align:center;vertical-align:middle}
.matrix th.plan{text-align:center;font-weight:normal;word-break:break-all;font-size:12px}
.matrix th.row{width:26%}.plan-code{font-weight:700;color:#3f6fb5}
.covered{background:#3b9c4a;color:#fff}.partial{background:#f2c14e}.missing{background:#e06c6c;color:#fff}
.pair td{width:46%;white-space:pre-wrap}.num{text-align:right}.muted{color:#777;font-size:12px}
.note{background:#f7f7f7;border-left:4px solid #3f6fb5;padding:6px 10px;margin:8px 0;font-size:13px}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:3px}
"""


def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def _sim_color(v: float) -> str:
    # White (0) to dark blue (1).
    r = int(255 - 200 * v)
    g = int(255 - 150 * v)
    return f"rgb({r},{g},255)"


def _text_color(v: float) -> str:
    return "#fff" if v > 0.6 else "#222"


# Above this many plans a matrix column is headed by the plan's number alone (its name in the tooltip and
# in the row headings and the plans table), so the columns still fit the page.
_NAMED_COLUMNS = 8


def _plan_heads(labels: Sequence[str]) -> str:
    named = len(labels) <= _NAMED_COLUMNS
    return "".join(f"<th class='plan' title='{_e(x)}'><span class='plan-code'>P{k + 1}</span>"
                   + (f"<br>{_e(x)}" if named else "") + "</th>"
                   for k, x in enumerate(labels))


def _heatmap(labels: Sequence[str], matrix: Any) -> str:
    n = len(labels)
    if n <= 60:
        rows = []
        for i in range(n):
            cells = "".join(
                f"<td style='background:{_sim_color(float(matrix[i, j]))};color:{_text_color(float(matrix[i, j]))}'"
                f" title='{_e(labels[i])} ~ {_e(labels[j])}'>{float(matrix[i, j]):.2f}</td>"
                for j in range(n)
            )
            rows.append(f"<tr><th class='row'><span class='plan-code'>P{i + 1}</span> {_e(labels[i])}</th>{cells}</tr>")
        return (f"<table class='matrix'><tr><th class='row'>方案</th>{_plan_heads(labels)}</tr>"
                f"{''.join(rows)}</table>")
    # Too many plans for a table: draw the matrix on a canvas from embedded numbers (still offline).
    data = json.dumps([[round(float(v), 3) for v in row] for row in matrix]).replace("</", "<\\/")
    size = min(900, 2 * n)
    names = "".join(f"<li>P{k + 1} {_e(x)}</li>" for k, x in enumerate(labels))
    return (
        f"<canvas id='sim' width='{size}' height='{size}'></canvas>"
        f"<script>(function(){{var m={data};var c=document.getElementById('sim').getContext('2d');"
        f"var n=m.length,s={size}/n;for(var i=0;i<n;i++)for(var j=0;j<n;j++){{var v=m[i][j];"
        "c.fillStyle='rgb('+Math.round(255-200*v)+','+Math.round(255-150*v)+',255)';"
        "c.fillRect(j*s,i*s,Math.ceil(s),Math.ceil(s));}})();</script>"
        f"<details><summary>方案编号</summary><ol class='muted'>{names}</ol></details>"
    )


def _units_view(c: Comparison, labels: Sequence[str], *, top: int = 20) -> str:
    """Units × plans: how many measures each unit carries in each plan (the units–tasks graph as a grid)."""
    g = c.graph()
    index = {f"plan:{s}": i for i, s in enumerate(c.sources)}
    rows: list[tuple[int, str, list[int]]] = []
    for node, data in g.nodes(data=True):
        if data.get("kind") != "unit":
            continue
        counts = [0] * len(labels)
        for m in g.predecessors(node):
            for p in g.predecessors(m):
                if p in index:
                    counts[index[p]] += 1
        name = str(data.get("name", node))
        if data.get("scope") == "plan" and len(labels) > 1:
            name += "（本方案）"
        rows.append((sum(counts), name, counts))
    if not rows:
        return "<p class='muted'>没有找到责任单位。</p>"
    rows.sort(key=lambda r: (-r[0], r[1]))
    shown = rows[:top]
    most = max(max(r[2]) for r in shown) or 1
    if len(labels) > 30:
        items = "".join(f"<li>{_e(name)}：{total} 项</li>" for total, name, _c in shown)
        return f"<ol>{items}</ol>"
    body = []
    for total, name, counts in shown:
        cells = "".join(
            f"<td style='background:{_sim_color(k / most)};color:{_text_color(k / most)}'>{k or ''}</td>"
            for k in counts)
        body.append(f"<tr><th class='row'>{_e(name)}</th>{cells}<td class='num'>{total}</td></tr>")
    more = f"<p class='muted'>另有 {len(rows) - top} 个单位未列出。</p>" if len(rows) > top else ""
    return (f"<table class='matrix'><tr><th class='row'>单位</th>{_plan_heads(labels)}<th>合计</th></tr>"
            f"{''.join(body)}</table>{more}")


def render_html(c: Comparison, *, max_passages: int = 300) -> str:
    """A self-contained HTML report in Chinese (no external resources; all document text escaped)."""
    texts = _texts(c)
    labels = [plan_label(p) for p in c.plans]
    by_source = dict(zip(c.sources, labels, strict=True))
    if c.directive is not None:
        by_source.setdefault(c.directive.document.source, plan_label(c.directive))
    parts = [
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>方案对比报告（{len(c.plans)} 份）</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>方案对比报告<span class='en'>Comparison of {len(c.plans)} plans</span></h1>",
    ]
    facts = [f"共比较 {len(c.plans)} 份方案"]
    if c.directive is not None:
        facts.append(f"上级文件：{_e(plan_label(c.directive))}")
    if c.checklist is not None and c.coverage is not None:
        facts.append(f"对照清单：{_e(c.checklist.title or c.checklist.id)}（{len(c.coverage.items)} 项要求）")
    parts.append(f"<p>{'；'.join(facts)}。</p>")
    if c.errors:
        parts.append("<h2>无法读取的文件<span class='en'>Unreadable inputs</span></h2><ul>"
                     + "".join(f"<li>{_e(e)}</li>" for e in c.errors) + "</ul>")

    clusters = _cluster_names(c)
    parts.append("<h2>方案一览<span class='en'>Plans</span></h2><table><tr><th>编号</th><th>方案（标题与文件名）</th>"
                 "<th>照抄上级文件比例</th><th>与上级文件相同的段落</th><th>独有的句子</th><th>相似组</th></tr>")
    for i, (plan, r) in enumerate(zip(c.plans, c.reuse.plans, strict=True)):
        ratio = _pct(r.copy_ratio) if c.directive is not None else "未比较"
        same = str(len(r.passages)) if c.directive is not None else "未比较"
        parts.append(f"<tr><td class='plan-code'>P{i + 1}</td><td>{_e(plan.title or '（无标题）')}"
                     f"<div class='muted'>{_e(plan.document.source)}</div></td><td class='num'>{ratio}</td>"
                     f"<td class='num'>{same}</td><td class='num'>{len(r.distinctive)}</td>"
                     f"<td>{clusters[i]}</td></tr>")
    parts.append("</table>")
    parts.append("<p class='note'>照抄上级文件比例：方案中与上级文件逐字相同（标点、空格不计）的文字所占比例；"
                 "套话（如“以习近平新时代中国特色社会主义思想为指导”）和“责任单位：”之类的标签行不计。</p>")

    cov = c.coverage
    if cov is not None:
        parts.append("<h2>清单要求覆盖情况<span class='en'>Coverage of required items</span></h2>"
                     f"<table class='matrix'><tr><th class='row'>清单要求</th>{_plan_heads(labels)}"
                     "<th>覆盖份数</th></tr>")
        for j, item in enumerate(cov.items):
            cells = "".join(
                f"<td class='{_e(cov.status[i][j])}' title='{_e(labels[i])}：{_STATUS_ZH.get(cov.status[i][j], '')}"
                f"，得分 {float(cov.scores[i, j]):.2f}'>{_STATUS_ZH.get(cov.status[i][j], _e(cov.status[i][j]))}"
                f"<div class='muted' style='color:inherit'>{float(cov.scores[i, j]):.2f}</div></td>"
                for i in range(len(cov.sources))
            )
            parts.append(f"<tr><th class='row' title='{_e(item.source)}'>{_e(item.title or item.id)}</th>{cells}"
                         f"<td class='num'>{cov.covered_by(item.id)}</td></tr>")
        parts.append("</table><p class='legend muted'><span class='covered'>已覆盖</span>"
                     "<span class='partial'>部分覆盖</span><span class='missing'>缺失</span>"
                     "数字为匹配得分（0–1），越高说明方案中越明确地写到了这项要求。</p>")

    parts.append("<h2>方案之间的相似度<span class='en'>Similarity</span></h2>")
    parts.append("<p class='note'>两份方案用字的相似程度（0 表示毫不相同，1 表示完全相同）。"
                 f"{_e(_threshold_note(c))}。</p>")
    parts.append(_heatmap(labels, c.similarity.matrix))

    parts.append("<h2>单位与任务<span class='en'>Units and tasks</span></h2>"
                 "<p class='note'>各单位在每份方案中牵头或负责的任务数。只有全称相同（带地名或为中央单位）"
                 "的单位才跨方案合并；“办公室”“市工业和信息化局”等是各方案自己的单位，标“本方案”。</p>")
    parts.append(_units_view(c, labels))

    passages = [(p, "directive") for r in c.reuse.plans for p in r.passages]
    passages += [(p, "between") for p in c.reuse.between]
    if passages:
        parts.append("<h2>相同的段落<span class='en'>Reused passages</span></h2>")
        if len(passages) > max_passages:
            parts.append(f"<p class='muted'>共 {len(passages)} 处，列出最长的 {max_passages} 处。</p>")
            passages = sorted(passages, key=lambda x: -x[0].length)[:max_passages]
        if c.reuse.boilerplate:
            parts.append(f"<p class='muted'>另有 {len(c.reuse.boilerplate)} 处套话或标签行相同，未列出。</p>")
        parts.append("<table class='pair'><tr><th>方案中的段落</th><th>来源（上级文件或另一方案）</th><th>相似度</th></tr>")
        for p, _kind in passages:
            a_text = texts.get(p.a, "")[p.a_start:p.a_end]
            b_text = texts.get(p.b, "")[p.b_start:p.b_end]
            parts.append(
                f"<tr><td><div class='muted'>{_e(by_source.get(p.a, _short(p.a)))} 第 {p.a_start}–{p.a_end} 字</div>"
                f"{_e(a_text)}</td><td><div class='muted'>{_e(by_source.get(p.b, _short(p.b)))} "
                f"第 {p.b_start}–{p.b_end} 字</div>{_e(b_text)}</td><td class='num'>{p.score:.2f}</td></tr>"
            )
        parts.append("</table>")

    own = [(i, plan, r) for i, (plan, r) in enumerate(zip(c.plans, c.reuse.plans, strict=True)) if r.distinctive]
    if own:
        parts.append("<h2>各方案独有的内容<span class='en'>Distinctive passages</span></h2>"
                     "<p class='note'>既不见于上级文件、也不见于其他方案的句子：各单位结合自身实际写的内容。</p>")
        for i, plan, r in own[:max_passages]:
            text = plan.document.text
            parts.append(f"<h3><span class='plan-code'>P{i + 1}</span> {_e(labels[i])}</h3><ul>")
            parts.extend(f"<li>{_e(text[s.start:s.end])}</li>" for s in r.distinctive[:20])
            if len(r.distinctive) > 20:
                parts.append(f"<li class='muted'>…… 另有 {len(r.distinctive) - 20} 句</li>")
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
