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
``units`` (who carries the most measures), ``errors`` (inputs that could not be read); per plan
``chars``/``copied`` (normalised characters), ``cluster``, ``scores``, ``distinctive`` passages; per
item ``source``, ``partial_by``; per reuse passage ``kind`` (``directive``/``between``), ``length``,
``a_text``, ``b_text``. Spans index each side's ``Document.text``.
"""

from __future__ import annotations

import html
import json
import os
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textkit.comparison.compare import Comparison
    from textkit.comparison.reuse import Passage

__all__ = [
    "COMPARE_SCHEMA",
    "comparison_frames",
    "comparison_to_dict",
    "render_html",
    "render_summary",
    "write_xlsx",
]

COMPARE_SCHEMA = "textkit.compare/1"


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
    from textkit.comparison.graph import top_units

    texts = _texts(c)
    cov = c.coverage
    plans = []
    for i, (plan, r) in enumerate(zip(c.plans, c.reuse.plans, strict=True)):
        src = plan.document.source
        d: dict[str, Any] = {
            "source": src,
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
        "units": [{"unit": u, "measures": m, "plans": p} for u, m, p in top_units(c.graph(), 20)],
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
        plans.append({"source": p["source"], "chars": p["chars"], "copied": p["copied"],
                      "copy_ratio": p["copy_ratio"], "cluster": p["cluster"], "passages": len(r.passages),
                      "distinctive": len(r.distinctive), **counts})
    sources = d["sources"]
    return {
        "plans": records_frame(plans, ["source", "chars", "copied", "copy_ratio", "cluster", "passages",
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
    """An .xlsx workbook with one sheet per table of `comparison_frames`."""
    from textkit.output.frames import write_xlsx_sheets

    write_xlsx_sheets(comparison_frames(c), path)


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


def render_summary(c: Comparison, *, top: int = 10) -> str:
    """A plain-text summary for the terminal."""
    from textkit.comparison.graph import top_units

    lines = [
        f"{len(c.plans)} plans compared"
        + (f", {len(c.errors)} unreadable" if c.errors else "")
        + (f"; directive {_short(c.directive.document.source)}" if c.directive is not None else "")
        + (f"; checklist {c.checklist.title or c.checklist.id} ({len(c.coverage.items)} items)"
           if c.checklist is not None and c.coverage is not None else "")
    ]
    for e in c.errors:
        lines.append(f"  unreadable: {e}")
    width = min(40, max(_width(_short(s)) for s in c.sources))
    header = f"{_cut('plan', width)}  {'copied':>6}  {'passages':>8}  {'cover':>5}  {'part':>4}  {'miss':>4}  cluster"
    lines += ["", header, "-" * len(header)]
    for i, (plan, r) in enumerate(zip(c.plans, c.reuse.plans, strict=True)):
        row = c.coverage.status[i] if c.coverage is not None else ()
        copied = _pct(r.copy_ratio) if c.directive is not None else "-"
        lines.append(
            f"{_cut(_short(plan.document.source), width)}  {copied:>6}  {len(r.passages):>8}  "
            f"{row.count('covered'):>5}  {row.count('partial'):>4}  {row.count('missing'):>4}  "
            f"{c.similarity.clusters[i]}"
        )
    if c.coverage is not None:
        n = len(c.plans)
        lines += ["", f"{'item':<24}  covered/partial of {n}", "-" * 44]
        for item in c.coverage.items:
            full = c.coverage.covered_by(item.id)
            part = c.coverage.covered_by(item.id, partial=True) - full
            lines.append(f"{_cut(item.title or item.id, 24)}  {full}/{part}")
    pairs = c.similarity.pairs()[:top]
    if pairs:
        lines += ["", "most similar plans:"]
        lines += [f"  {v:.2f}  {_short(a)} ~ {_short(b)}" for a, b, v in pairs]
    if c.directive is not None:
        longest = sorted((p for r in c.reuse.plans for p in r.passages), key=lambda p: -p.length)[:3]
        texts = _texts(c)
        if longest:
            lines += ["", "longest passages taken from the directive:"]
            for p in longest:
                t = texts[p.a][p.a_start:p.a_end].replace("\n", " ")
                lines.append(f"  {_short(p.a)} [{p.a_start}:{p.a_end}] ← [{p.b_start}:{p.b_end}] {t[:50]}…")
    units = top_units(c.graph(), top)
    if units:
        lines += ["", "units carrying the most measures:"]
        lines += [f"  {m:>4}  {u}  ({p} plans)" for u, m, p in units]
    if c.reuse.between:
        lines += ["", f"{len(c.reuse.between)} passages shared between plans"]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ HTML

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px}
th{background:#f3f3f3}.covered{background:#4caf50;color:#fff}.partial{background:#ffc107}
.missing{background:#e57373;color:#fff}.pair td{vertical-align:top;width:45%;white-space:pre-wrap}
.num{text-align:right}h2{margin-top:2em}.muted{color:#777}
"""


def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def _sim_color(v: float) -> str:
    # White (0) to dark blue (1).
    r = int(255 - 200 * v)
    g = int(255 - 150 * v)
    return f"rgb({r},{g},255)"


def _heatmap(sources: Sequence[str], matrix: Any) -> str:
    n = len(sources)
    if n <= 60:
        head = "".join(f"<th title='{_e(s)}'>{k}</th>" for k, s in enumerate(sources))
        rows = []
        for i, s in enumerate(sources):
            cells = "".join(
                f"<td style='background:{_sim_color(float(matrix[i, j]))}' title='{_e(_short(s))} ~ "
                f"{_e(_short(sources[j]))}'>{float(matrix[i, j]):.2f}</td>"
                for j in range(n)
            )
            rows.append(f"<tr><th>{i}</th><td>{_e(_short(s))}</td>{cells}</tr>")
        return f"<table><tr><th></th><th>plan</th>{head}</tr>{''.join(rows)}</table>"
    # Too many plans for a table: draw the matrix on a canvas from embedded numbers (still offline).
    data = json.dumps([[round(float(v), 3) for v in row] for row in matrix]).replace("</", "<\\/")
    size = min(900, 2 * n)
    return (
        f"<canvas id='sim' width='{size}' height='{size}'></canvas>"
        f"<script>(function(){{var m={data};var c=document.getElementById('sim').getContext('2d');"
        f"var n=m.length,s={size}/n;for(var i=0;i<n;i++)for(var j=0;j<n;j++){{var v=m[i][j];"
        "c.fillStyle='rgb('+Math.round(255-200*v)+','+Math.round(255-150*v)+',255)';"
        "c.fillRect(j*s,i*s,Math.ceil(s),Math.ceil(s));}})();</script>"
    )


def render_html(c: Comparison, *, max_passages: int = 300) -> str:
    """A self-contained HTML report (no external resources; all document text escaped)."""
    texts = _texts(c)
    parts = [
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>",
        "<title>textkit compare</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Comparison of {len(c.plans)} plans</h1>",
    ]
    if c.directive is not None:
        parts.append(f"<p>Directive: {_e(c.directive.document.source)}</p>")
    if c.errors:
        parts.append("<h2>Unreadable inputs</h2><ul>" + "".join(f"<li>{_e(e)}</li>" for e in c.errors) + "</ul>")

    # Plans table.
    parts.append("<h2>Plans</h2><table><tr><th>#</th><th>plan</th><th>copied from directive</th>"
                 "<th>passages</th><th>distinctive</th><th>cluster</th></tr>")
    for i, (plan, r) in enumerate(zip(c.plans, c.reuse.plans, strict=True)):
        ratio = _pct(r.copy_ratio) if c.directive is not None else "–"
        parts.append(f"<tr><td>{i}</td><td>{_e(plan.document.source)}</td><td class='num'>{ratio}</td>"
                     f"<td class='num'>{len(r.passages)}</td><td class='num'>{len(r.distinctive)}</td>"
                     f"<td class='num'>{c.similarity.clusters[i]}</td></tr>")
    parts.append("</table>")

    # Coverage heatmap.
    cov = c.coverage
    if cov is not None:
        parts.append("<h2>Coverage</h2><table><tr><th>item</th>"
                     + "".join(f"<th title='{_e(s)}'>{i}</th>" for i, s in enumerate(cov.sources))
                     + "<th>covered by</th></tr>")
        for j, item in enumerate(cov.items):
            cells = "".join(
                f"<td class='{_e(cov.status[i][j])}' title='{_e(_short(cov.sources[i]))}: {_e(cov.status[i][j])} "
                f"{float(cov.scores[i, j]):.2f}'>{float(cov.scores[i, j]):.2f}</td>"
                for i in range(len(cov.sources))
            )
            parts.append(f"<tr><th title='{_e(item.source)}'>{_e(item.title or item.id)}</th>{cells}"
                         f"<td class='num'>{cov.covered_by(item.id)}</td></tr>")
        parts.append("</table><p class='muted'>Columns are the plans by number (see the plans table); "
                     "cells show the score, coloured <span class='covered'>covered</span> "
                     "<span class='partial'>partial</span> <span class='missing'>missing</span>.</p>")

    parts.append("<h2>Similarity</h2>")
    parts.append(_heatmap(c.sources, c.similarity.matrix))

    # Reused passages side by side.
    passages = [(p, "directive") for r in c.reuse.plans for p in r.passages]
    passages += [(p, "between") for p in c.reuse.between]
    if passages:
        parts.append("<h2>Reused passages</h2>")
        if len(passages) > max_passages:
            parts.append(f"<p class='muted'>The {max_passages} longest of {len(passages)} passages.</p>")
            passages = sorted(passages, key=lambda x: -x[0].length)[:max_passages]
        parts.append("<table class='pair'><tr><th>plan</th><th>source</th><th>score</th></tr>")
        for p, _kind in passages:
            a_text = texts.get(p.a, "")[p.a_start:p.a_end]
            b_text = texts.get(p.b, "")[p.b_start:p.b_end]
            parts.append(
                f"<tr><td><div class='muted'>{_e(_short(p.a))} [{p.a_start}:{p.a_end}]</div>{_e(a_text)}</td>"
                f"<td><div class='muted'>{_e(_short(p.b))} [{p.b_start}:{p.b_end}]</div>{_e(b_text)}</td>"
                f"<td class='num'>{p.score:.2f}</td></tr>"
            )
        parts.append("</table>")

    # Each plan's own sentences: neither from the directive nor shared with another plan.
    own = [(plan, r) for plan, r in zip(c.plans, c.reuse.plans, strict=True) if r.distinctive]
    if own:
        parts.append("<h2>Distinctive passages</h2>")
        for plan, r in own[:max_passages]:
            text = plan.document.text
            parts.append(f"<h3>{_e(plan.document.source)}</h3><ul>")
            parts.extend(f"<li><span class='muted'>[{s.start}:{s.end}]</span> {_e(text[s.start:s.end])}</li>"
                         for s in r.distinctive[:20])
            if len(r.distinctive) > 20:
                parts.append(f"<li class='muted'>… {len(r.distinctive) - 20} more</li>")
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
