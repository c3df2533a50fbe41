"""`textkit check` reports: the JSON contract ``textkit.check/1``, a terminal table, Markdown and HTML.

The HTML report is one self-contained file (no scripts, styles inline, works offline). Every text taken
from a document or a checklist is HTML-escaped; each verdict links to its evidence, highlighted in the
full text of the draft.

>>> import textkit
>>> from textkit.comparison.checklist import load_checklist
>>> from textkit.comparison.coverage import check
>>> r = check(textkit.parse("corpora/000_3b4e0d12af4a227f.txt"),
...           load_checklist("corpora/checklists/zhuti-jiaoyu-2023.toml"))  # doctest: +SKIP
>>> check_to_dict(r)["items"][0]["status"]  # doctest: +SKIP
'covered'
"""

from __future__ import annotations

import html
import itertools
import unicodedata
from typing import Any

from textkit.comparison.coverage import CheckResult, Evidence, ItemResult

__all__ = ["CHECK_SCHEMA", "check_to_dict", "explanation", "render_html", "render_markdown", "render_table"]

CHECK_SCHEMA = "textkit.check/1"

_MARK = {"covered": "✔", "partial": "◐", "missing": "✘"}
_LABEL = {"covered": "已覆盖", "partial": "部分覆盖", "missing": "缺失"}
_WHY = {"covered": "the plan says most of what the task says", "partial": "the plan says part of it",
        "missing": "the plan does not say it"}


def _where(e: Evidence, result: CheckResult) -> str:
    """``二/（四）/3 · 第3页`` for a PDF, ``二/（四）/3 · 第12行`` otherwise."""
    doc = result.plan.document
    page = doc.page_of(e.start)
    return f"{e.section or '—'} · " + (f"第{page}页" if page is not None else f"第{doc.line_of(e.start)}行")


def explanation(r: ItemResult, *, limit: int = 6) -> str:
    """One line a drafter reads: the concepts found, those not found, and the confidence.

    >>> from textkit.comparison.checklist import ChecklistItem
    >>> from textkit.comparison.coverage import ConceptHit
    >>> r = ItemResult(item=ChecklistItem("dy", "调查研究", ()), status="partial", score=0.4, coverage="mention",
    ...     evidence=(), confidence=0.7, concepts=(ConceptHit("调研", 9.0, 1.0, 5, 7, "调研"), ConceptHit("报告", 6.0, 0)))
    >>> explanation(r)
    '找到 found: 调研 · 未找到 not found: 报告 · 把握 confidence 0.70'
    """
    found = [h.label + ("(部分)" if h.credit < 1 else "") for h in r.concepts if h.found][:limit]
    missing = [h.label for h in r.concepts if not h.found][:limit]
    if not r.concepts:  # a group: its tasks
        found, missing = list(r.found[:limit]), list(r.not_found[:limit])
    # the plan's safeguard part decided the verdict (`coverage.decide`): the reason first
    parts = [f"保障措施 safeguard part: {r.safeguard}"] if r.safeguard else []
    if found:
        parts.append("找到 found: " + "、".join(found))
    if missing:
        parts.append("未找到 not found: " + "、".join(missing))
    parts.append(f"把握 confidence {r.confidence:.2f}")
    return " · ".join(parts)


def _evidence_dict(e: Evidence, result: CheckResult) -> dict[str, Any]:
    d: dict[str, Any] = {
        "section": e.section, "text": e.text, "start": e.start, "end": e.end,
        "kind": e.kind, "unit_start": e.unit_start, "unit_end": e.unit_end, "heading": e.heading,
        "dedicated": e.dedicated, "score": e.score, "keyword_score": e.keyword_score, "tfidf": e.tfidf,
        "keywords": list(e.keywords), "line": result.plan.document.line_of(e.start),
        "paragraph_start": e.unit_start, "paragraph_end": e.unit_end,
    }
    if e.embedding is not None:
        d["embedding"] = e.embedding
    page = result.plan.document.page_of(e.start)
    if page is not None:
        d["page"] = page
    return d


def check_to_dict(result: CheckResult) -> dict[str, Any]:
    """The JSON contract of ``textkit check --format json`` (schema ``textkit.check/1``, docs/check.md).

    ``source`` is the draft checked; each item's ``source`` its place in the directive; evidence spans
    index the draft's ``Document.text``. Fields may be added, never renamed.
    """
    cl = result.checklist
    doc = result.plan.document
    items = []
    for r in result.items:
        d: dict[str, Any] = {
            "id": r.item.id, "title": r.item.title, "source": r.item.source, "status": r.status, "score": r.score,
            "confidence": r.confidence, "kind": "group" if r.item.children else "task",
            "evidence": [_evidence_dict(e, result) for e in r.evidence],
            "coverage": r.coverage, "priority": r.item.priority, "scope": r.item.scope, "parent": r.parent,
            "found": list(r.found), "not_found": list(r.not_found),
            "concepts": [{"label": h.label, "weight": h.weight, "credit": h.credit, "start": h.start, "end": h.end,
                          "text": h.text, **({"page": doc.page_of(h.start)} if h.start >= 0 and doc.pages else {})}
                         for h in r.concepts],
            "features": dict(r.features),
            "safeguard": r.safeguard,
            "explanation": explanation(r),
        }
        if r.item.span is not None:
            d["source_start"], d["source_span"] = r.item.span[0], list(r.item.span)
        items.append(d)
    return {
        "schema": CHECK_SCHEMA,
        "source": doc.source,
        "checklist": {"id": cl.id, "title": cl.title, "source": cl.source, "path": cl.path},
        "summary": {**result.counts(), "total": len(result.items)},
        "model": {"source": result.model.source, "fitted_on": result.model.fitted_on},
        "items": items,
    }


# ------------------------------------------------------------------------------------------------ table


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def _fit(s: str, width: int) -> str:
    """``s`` cut and padded to ``width`` terminal columns (CJK characters take two)."""
    s = " ".join(s.split())
    out, w = "", 0
    for ch in s:
        cw = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if w + cw > width - (1 if _width(s) > width else 0):
            out += "…"
            w += 1
            break
        out += ch
        w += cw
    return out + " " * max(0, width - w)


def _depth(r: ItemResult, result: CheckResult) -> int:
    depth, parent = 0, r.parent
    while parent is not None:
        depth += 1
        parent = next((x.parent for x in result.items if x.item.id == parent), None)
    return depth


def render_table(result: CheckResult, *, width: int = 120) -> str:
    """A readable table for the terminal: one line per item, the evidence's section and sentence."""
    doc = result.plan.document
    head = f"{doc.source} — {result.checklist.title}"
    cols = (2, 30, 6, 14)
    text_w = max(20, width - sum(cols) - 2 * len(cols))
    lines = [head, ""]
    lines.append("  ".join((_fit("", cols[0]), _fit("任务 task", cols[1]), _fit("把握", cols[2]),
                            _fit("章节 section", cols[3]), "依据 evidence")))
    lines.append("-" * min(width, sum(cols) + 2 * len(cols) + text_w))
    for r in result.items:
        title = "└ " * min(1, _depth(r, result)) + r.item.title
        e = r.evidence[0] if r.evidence else None
        where = (e.section or "—") if e else "—"
        snippet = e.text if e and r.status != "missing" else ("(closest) " + e.text if e else "")
        lines.append("  ".join((_fit(_MARK[r.status], cols[0]), _fit(title, cols[1]), _fit(f"{r.confidence:.2f}", cols[2]),
                                _fit(where, cols[3]), _fit(snippet, text_w).rstrip())))
        if (r.status != "covered" or r.safeguard) and not r.item.children:
            lines.append(" " * (cols[0] + 2) + _fit(explanation(r, limit=5), width - cols[0] - 2).rstrip())
    c = result.counts()
    lines.append("")
    lines.append(f"{c['covered']} 已覆盖 covered, {c['partial']} 部分覆盖 partial, {c['missing']} 缺失 missing "
                 f"of {len(result.items)} (✔ ◐ ✘; 把握 = the model's confidence in the verdict)")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ markdown


def _md(s: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(s.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(result: CheckResult) -> str:
    """The verdicts as a Markdown report: a summary table, then each item's evidence."""
    doc = result.plan.document
    c = result.counts()
    out = [f"# 检查报告 Check report: {_md(doc.source)}", "",
           f"Checklist: **{_md(result.checklist.title)}**" + (f" ({_md(result.checklist.source)})" if result.checklist.source else ""),
           "", f"{c['covered']} covered · {c['partial']} partial · {c['missing']} missing · {len(result.items)} items", "",
           "| | 任务 Task | 出处 Source | 结论 Status | 把握 Confidence | 依据 Evidence |", "|---|---|---|---|---|---|"]
    for r in result.items:
        e = r.evidence[0] if r.evidence else None
        where = _md(_where(e, result)) if e and r.status != "missing" else "—"
        indent = "&nbsp;&nbsp;" * _depth(r, result)
        out.append(f"| {_MARK[r.status]} | {indent}{_md(r.item.title)} | {_md(r.item.source)} | {_LABEL[r.status]} | "
                   f"{r.confidence:.2f} | {where} |")
    out.append("")
    for r in result.items:
        out.append(f"## {_MARK[r.status]} {_md(r.item.title)} — {_LABEL[r.status]} {r.status} "
                   f"(把握 confidence {r.confidence:.2f})")
        out.append("")
        out.append(f"- id: `{r.item.id}`; source in directive: {_md(r.item.source)}; {_WHY[r.status]}")
        out.append(f"- {_md(explanation(r, limit=12))}")
        for e in r.evidence:
            label = "closest" if r.status == "missing" else "evidence"
            out.append(f"- {label} [{_md(_where(e, result))}, {e.start}–{e.end}, concept share {e.score:.2f}]: "
                       f"“{_md(e.text)}”")
        out.append("")
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------ html

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:70em;
 color:#222;line-height:1.6;padding:0 1em}
h1{font-size:1.4em}table{border-collapse:collapse;width:100%;margin:1em 0}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}.covered{color:#137333}.partial{color:#b06000}.missing{color:#c5221f}
td.score{text-align:right;font-variant-numeric:tabular-nums}
.draft{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fafafa}
.draft mark{background:#fff3b0}.draft mark.m-missing{background:#eee}
.summary span{margin-right:1.5em}.quote{color:#555}.small{font-size:.85em;color:#666}
"""


def render_html(result: CheckResult) -> str:
    """A self-contained offline HTML report; each verdict links to its evidence highlighted in the draft."""
    esc = html.escape
    doc = result.plan.document
    text = doc.text
    # Number every evidence span; a link #ev-N jumps to it and `:target` highlights it.
    spans: list[tuple[int, int, str, str]] = []  # start, end, anchor, status
    links: dict[int, list[str]] = {}
    for k, r in enumerate(result.items):
        for e in r.evidence:
            anchor = f"ev-{len(spans)}"
            spans.append((e.start, e.end, anchor, r.status))
            links.setdefault(k, []).append(anchor)
    c = result.counts()
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>检查报告 {esc(doc.source)}</title>", '<meta name="viewport" content="width=device-width,initial-scale=1">',
        "<style>", _CSS, _target_css(spans), "</style></head><body>",
        f"<h1>检查报告 Check report: {esc(doc.source)}</h1>",
        f"<p>Checklist: <b>{esc(result.checklist.title)}</b>"
        + (f" <span class=small>({esc(result.checklist.source)})</span>" if result.checklist.source else "") + "</p>",
        f'<p class="summary"><span class="covered">✔ 已覆盖 {c["covered"]}</span><span class="partial">◐ '
        f'部分覆盖 {c["partial"]}</span><span class="missing">✘ 缺失 {c["missing"]}</span>'
        f"<span>共 {len(result.items)} 项</span></p>",
        "<table><thead><tr><th></th><th>任务 Task</th><th>出处 Source</th><th>结论 Status</th><th>把握 Confidence</th>"
        "<th>依据 Evidence</th></tr>"
        "</thead><tbody>",
    ]
    for k, r in enumerate(result.items):
        ev_cells = []
        for e, anchor in zip(r.evidence, links.get(k, []), strict=False):
            label = "closest: " if r.status == "missing" else ""
            ev_cells.append(f'<div><a href="#{anchor}">{esc(label)}{esc(_where(e, result))}</a> '
                            f'<span class="quote">{esc(_clip(e.text, 80))}</span></div>')
        ev_cells.append(f'<div class="small">{esc(explanation(r, limit=8))}</div>')
        indent = "&nbsp;&nbsp;&nbsp;" * _depth(r, result)
        parts.append(
            f'<tr id="item-{esc(r.item.id)}"><td class="{r.status}">{_MARK[r.status]}</td>'
            f"<td>{indent}{esc(r.item.title)}<div class=small>{esc(r.item.id)}</div></td>"
            f"<td>{esc(r.item.source)}</td><td class=\"{r.status}\">{esc(_LABEL[r.status])}"
            f"<div class=small>{esc(_WHY[r.status])}</div></td><td class=score>{r.confidence:.2f}</td>"
            f"<td>{''.join(ev_cells)}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(f"<h2>Draft text</h2><div class=\"draft\" id=\"draft\">{_highlighted(text, spans)}</div>")
    parts.append(f'<p class="small">textkit check · schema {CHECK_SCHEMA} · verdicts by meaning from the concepts '
                 f"found (model: {esc(result.model.fitted_on or result.model.source)})</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _target_css(spans: list[tuple[int, int, str, str]]) -> str:
    # The anchor is an empty element before the marked text; `:target ~ .ev-N` lights every piece of N.
    return "\n".join(f"#{a}:target~mark.{a}{{background:#ffb347;outline:2px solid #e8710a}}" for _, _, a, _ in spans)


def _highlighted(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """The whole draft, escaped, cut at every evidence boundary; pieces inside evidence are <mark>ed."""
    esc = html.escape
    bounds = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[str]] = {}
    for s, _, a, _ in spans:
        starts.setdefault(s, []).append(a)
    out: list[str] = []
    for lo, hi in itertools.pairwise(bounds):
        for anchor in starts.get(lo, []):
            out.append(f'<a class="anchor" id="{anchor}"></a>')
        piece = esc(text[lo:hi])
        covering = [(anchor, status) for s, e, anchor, status in spans if s <= lo and hi <= e]
        if covering:
            classes = " ".join(anchor for anchor, _ in covering)
            only_missing = all(status == "missing" for _, status in covering)
            out.append(f'<mark class="{classes}{" m-missing" if only_missing else ""}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)
