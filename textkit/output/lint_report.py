"""`textkit lint` output: the JSON contract ``textkit.lint/1``, a terminal table and Markdown.

The JSON keys ``schema``, ``source``, ``findings`` and, per finding, ``rule``, ``severity``, ``message``,
``text``, ``start``, ``end`` are a contract: fields may be added, never renamed.

>>> from textkit.lint import Finding, LintResult
>>> r = LintResult("a.txt", (Finding("text.doubled-punct", "error", "标点重复：。。", "。。", 5, 7, line=1),))
>>> result_to_dict(r)["findings"][0]["text"]
'。。'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from textkit.lint import Finding, LintResult

__all__ = ["LINT_SCHEMA", "findings_at_or_above", "render_markdown", "render_table", "result_to_dict"]

LINT_SCHEMA = "textkit.lint/1"

_HEAD = {
    "zh": ("位置", "级别", "规则", "原文", "说明"),
    "en": ("where", "severity", "rule", "text", "message"),
}
_NONE = {"zh": "未发现问题", "en": "no findings"}
_SUMMARY = {"zh": "{error} 个错误，{warning} 个警告，{info} 个提示", "en": "{error} errors, {warning} warnings, {info} notes"}


def result_to_dict(result: LintResult) -> dict[str, Any]:
    """The ``textkit.lint/1`` object for one document."""
    return {
        "schema": LINT_SCHEMA,
        "source": result.source,
        "counts": result.counts(),
        "findings": [asdict(f) for f in result.findings],
    }


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _shown(text: str, limit: int = 24) -> str:
    s = text.replace("\n", "⏎").replace("\t", "⇥")
    if s.strip() == "":
        s = "␣" * len(s)  # a stray space must be visible
    return s if len(s) <= limit else s[: limit - 1] + "…"


def render_table(results: Sequence[LintResult], *, lang: str = "zh") -> str:
    """One block per document: ``line`` ``severity`` ``rule`` ``text`` ``message``, columns aligned."""
    blocks: list[str] = []
    for result in results:
        lines = [result.source]
        rows = [(str(f.line), f.severity, f.rule, _shown(f.text), f.message) for f in result.findings]
        if rows:
            widths = [max(_width(r[i]) for r in (_HEAD[lang], *rows)) for i in range(4)]
            for row in (_HEAD[lang], *rows):
                lines.append("  " + "  ".join(_pad(c, w) for c, w in zip(row[:4], widths, strict=True)) + "  " + row[4])
        lines.append("  " + (_SUMMARY[lang].format(**result.counts()) if rows else _NONE[lang]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _md(s: str) -> str:
    """Text safe inside a Markdown table cell (and as HTML when the Markdown is rendered)."""
    out = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = out.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
    return out.replace("\n", "⏎").replace("\t", "⇥")


def render_markdown(results: Sequence[LintResult], *, lang: str = "zh") -> str:
    """A Markdown report: a heading per document and a table of its findings."""
    parts: list[str] = []
    for result in results:
        parts.append(f"## {_md(result.source)}\n")
        if not result.findings:
            parts.append(_NONE[lang] + "\n")
            continue
        parts.append(_SUMMARY[lang].format(**result.counts()) + "\n")
        head = _HEAD[lang]
        parts.append("| " + " | ".join(head) + " |")
        parts.append("|" + "---|" * len(head))
        for f in result.findings:
            where = f"{f.line}" + (f" ({_md(f.section)})" if f.section else "")
            parts.append(f"| {where} | {f.severity} | `{f.rule}` | {_md(_shown(f.text, 40))} | {_md(f.message)} |")
        parts.append("")
    return "\n".join(parts)


def findings_at_or_above(results: Sequence[LintResult], severity: str) -> list[Finding]:
    """Every finding of ``results`` graded ``severity`` or worse (what ``--fail-on`` counts)."""
    return [f for r in results for f in r.at_or_above(severity)]
