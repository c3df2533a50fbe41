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

__all__ = ["CHECK_SCHEMA", "check_to_dict", "render_html", "render_markdown", "render_table"]

CHECK_SCHEMA = "textkit.check/1"

_MARK = {"covered": "✔", "partial": "◐", "missing": "✘"}
_LABEL = {"covered": "已覆盖 covered", "partial": "部分 partial", "missing": "缺失 missing"}


def _evidence_dict(e: Evidence, result: CheckResult) -> dict[str, Any]:
    d: dict[str, Any] = {
        "section": e.section, "text": e.text, "start": e.start, "end": e.end,
        "kind": e.kind, "unit_start": e.unit_start, "unit_end": e.unit_end, "heading": e.heading,
        "dedicated": e.dedicated, "score": e.score, "keyword_score": e.keyword_score, "tfidf": e.tfidf,
        "keywords": list(e.keywords), "line": result.plan.document.line_of(e.start),
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
    th = result.thresholds
    items = []
    for r in result.items:
        items.append({
            "id": r.item.id, "title": r.item.title, "source": r.item.source, "status": r.status, "score": r.score,
            "evidence": [_evidence_dict(e, result) for e in r.evidence],
            "coverage": r.coverage, "priority": r.item.priority, "scope": r.item.scope, "parent": r.parent,
            "found": list(r.found), "not_found": list(r.not_found),
        })
    return {
        "schema": CHECK_SCHEMA,
        "source": result.plan.document.source,
        "checklist": {"id": cl.id, "title": cl.title, "source": cl.source, "path": cl.path},
        "summary": {**result.counts(), "total": len(result.items)},
        "thresholds": {"covered": th.covered, "partial": th.partial, "weight_keywords": th.w_keywords,
                       "weight_tfidf": th.w_tfidf, "weight_embedding": th.w_embedding if result.embedded else 0.0,
                       "bonus_dedicated": th.dedicated},
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
    lines.append("  ".join((_fit("", cols[0]), _fit("item", cols[1]), _fit("score", cols[2]), _fit("section", cols[3]),
                            "evidence")))
    lines.append("-" * min(width, sum(cols) + 2 * len(cols) + text_w))
    for r in result.items:
        title = "└ " * min(1, _depth(r, result)) + r.item.title
        e = r.evidence[0] if r.evidence else None
        where = (e.section or "—") if e else "—"
        snippet = e.text if e and r.status != "missing" else ("(closest) " + e.text if e else "")
        lines.append("  ".join((_fit(_MARK[r.status], cols[0]), _fit(title, cols[1]), _fit(f"{r.score:.2f}", cols[2]),
                                _fit(where, cols[3]), _fit(snippet, text_w).rstrip())))
    c = result.counts()
    lines.append("")
    lines.append(f"{c['covered']} covered, {c['partial']} partial, {c['missing']} missing of {len(result.items)} items "
                 f"(✔ covered  ◐ partial  ✘ missing)")
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
           "| | Item | Source | Status | Score | Evidence |", "|---|---|---|---|---|---|"]
    for r in result.items:
        e = r.evidence[0] if r.evidence else None
        where = f"{_md(e.section) or '—'} (line {doc.line_of(e.start)})" if e and r.status != "missing" else "—"
        indent = "&nbsp;&nbsp;" * _depth(r, result)
        out.append(f"| {_MARK[r.status]} | {indent}{_md(r.item.title)} | {_md(r.item.source)} | {r.status} | "
                   f"{r.score:.2f} | {where} |")
    out.append("")
    for r in result.items:
        out.append(f"## {_MARK[r.status]} {_md(r.item.title)} — {r.status} ({r.score:.2f}, {r.coverage})")
        out.append("")
        out.append(f"- id: `{r.item.id}`; source in directive: {_md(r.item.source)}")
        if r.not_found:
            out.append(f"- not found: {', '.join(_md(g) for g in r.not_found)}")
        for e in r.evidence:
            label = "closest" if r.status == "missing" else "evidence"
            out.append(f"- {label} [{_md(e.section) or '—'}, line {doc.line_of(e.start)}, {e.start}–{e.end}, {e.kind}]: "
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
        f'<p class="summary"><span class="covered">✔ {c["covered"]} covered</span><span class="partial">◐ '
        f'{c["partial"]} partial</span><span class="missing">✘ {c["missing"]} missing</span>'
        f"<span>{len(result.items)} items</span></p>",
        "<table><thead><tr><th></th><th>Item</th><th>Source</th><th>Status</th><th>Score</th><th>Evidence</th></tr>"
        "</thead><tbody>",
    ]
    for k, r in enumerate(result.items):
        ev_cells = []
        for e, anchor in zip(r.evidence, links.get(k, []), strict=False):
            label = "closest: " if r.status == "missing" else ""
            ev_cells.append(f'<div><a href="#{anchor}">{esc(label)}{esc(e.section or "—")} · line {doc.line_of(e.start)}</a> '
                            f'<span class="quote">{esc(_clip(e.text, 80))}</span></div>')
        indent = "&nbsp;&nbsp;&nbsp;" * _depth(r, result)
        parts.append(
            f'<tr id="item-{esc(r.item.id)}"><td class="{r.status}">{_MARK[r.status]}</td>'
            f"<td>{indent}{esc(r.item.title)}<div class=small>{esc(r.item.id)}</div></td>"
            f"<td>{esc(r.item.source)}</td><td class=\"{r.status}\">{esc(_LABEL[r.status])}"
            f"<div class=small>{esc(r.coverage)}</div></td><td class=score>{r.score:.2f}</td>"
            f"<td>{''.join(ev_cells)}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(f"<h2>Draft text</h2><div class=\"draft\" id=\"draft\">{_highlighted(text, spans)}</div>")
    parts.append(f'<p class="small">textkit check · schema {CHECK_SCHEMA} · thresholds: covered ≥ '
                 f"{result.thresholds.covered}, partial ≥ {result.thresholds.partial}</p>")
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
