"""The 任务分解表 (task breakdown table): one row per measure — who leads, who supports, by when.

The same rows render as a terminal table, Markdown, CSV, JSON, a pandas DataFrame or an .xlsx sheet.

>>> from textkit.pipeline import parse_text
>>> plan = parse_text("一、主要措施\\n1.突出学习重点。9月底前完成。\\n责任单位：机关党委、办公室\\n")
>>> row = task_rows(plan)[0]
>>> row["id"], row["task"], row["responsible"]
('一/1', '突出学习重点', '机关党委、办公室')
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from textkit.errors import OptionError
from textkit.model import Measure, Plan, TimeExpression

__all__ = [
    "TASK_COLUMNS",
    "TASK_FORMATS",
    "render_tasks",
    "task_rows",
    "tasks_frame",
    "write_tasks_xlsx",
]

# (key in JSON / DataFrame, header in the rendered table)
TASK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "序号"),
    ("path", "所属章节"),
    ("task", "任务"),
    ("lead", "牵头单位"),
    ("responsible", "责任单位"),
    ("support", "配合单位"),
    ("deadline", "时限"),
    ("deadline_start", "开始日期"),
    ("deadline_end", "截止日期"),
    ("frequency", "频次"),
    ("kind", "类型"),
    ("start", "起"),
    ("end", "止"),
    ("line", "行"),
)
TASK_FORMATS = ("table", "md", "csv", "json", "xlsx")
_SOURCE = ("source", "文件")
_JOIN = "、"


def _names(measure: Measure, role: str) -> str:
    seen: list[str] = []
    for u in measure.units:
        if u.role == role and u.name not in seen:
            seen.append(u.name)
    return _JOIN.join(seen)


def _timing(times: Sequence[TimeExpression]) -> tuple[str, str | None, str | None, str]:
    """(时限 as written, ISO start, ISO end, 频次) of a measure's time expressions.

    The deadline is the latest end date stated (a measure may name a start and a finish); vague words
    (适时) are shown but carry no date.
    """
    written: list[str] = []
    freqs: list[str] = []
    start: str | None = None
    end: str | None = None
    for t in times:
        if t.kind == "recurrence":
            label = t.text if not t.value.freq else f"{t.text}（{t.value.freq}）"
            if label not in freqs:
                freqs.append(label)
            continue
        if t.text not in written:
            written.append(t.text)
        if t.value.start and (start is None or t.value.start < start):
            start = t.value.start
        if t.value.end and (end is None or t.value.end > end):
            end = t.value.end
    return "；".join(written), start, end, "；".join(freqs)


def task_rows(plan: Plan, *, source: bool = False) -> list[dict[str, Any]]:
    """The task table of ``plan`` as records with the keys of `TASK_COLUMNS` (plus ``source``)."""
    doc = plan.document
    rows: list[dict[str, Any]] = []
    for m in plan.measures:
        written, start, end, freq = _timing(m.times)
        row: dict[str, Any] = {
            "id": m.section if m.kind != "table-row" else (m.path[-1] if m.path else m.section),
            "path": " / ".join(p for p in m.path if p),
            "task": m.title,
            "lead": _names(m, "lead"),
            "responsible": _names(m, "responsible"),
            "support": _names(m, "support"),
            "deadline": written,
            "deadline_start": start,
            "deadline_end": end,
            "frequency": freq,
            "kind": m.kind,
            "start": m.start,
            "end": m.end,
            "line": doc.line_of(m.start),
        }
        if doc.pages:
            row["page"] = doc.page_of(m.start)
        if source:
            row = {"source": doc.source, **row}
        rows.append(row)
    return rows


def _columns(rows: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    cols = list(TASK_COLUMNS)
    if any("source" in r for r in rows):
        cols.insert(0, _SOURCE)
    if any("page" in r for r in rows):
        cols.append(("page", "页"))
    return cols


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clip(s: str, limit: int) -> str:
    out, w = "", 0
    for ch in s:
        cw = _width(ch)
        if w + cw > limit - 1:
            return out + "…"
        out += ch
        w += cw
    return out


def _render_table(rows: Sequence[dict[str, Any]], cols: Sequence[tuple[str, str]], *, max_width: int = 28) -> str:
    """An aligned plain-text table for the terminal (CJK characters count double)."""
    shown = [c for c in cols if c[0] not in ("start", "end", "kind", "deadline_start")]
    cells = [[_clip(_cell(r.get(k)).replace("\n", " "), max_width) for k, _ in shown] for r in rows]
    heads = [h for _, h in shown]
    widths = [max([_width(h)] + [_width(row[i]) for row in cells]) for i, h in enumerate(heads)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(values)).rstrip()

    out = [line(heads), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


def _md_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def _render_md(rows: Sequence[dict[str, Any]], cols: Sequence[tuple[str, str]]) -> str:
    heads = [h for _, h in cols]
    out = ["| " + " | ".join(heads) + " |", "|" + "|".join(" --- " for _ in heads) + "|"]
    out.extend("| " + " | ".join(_md_escape(_cell(r.get(k))) for k, _ in cols) + " |" for r in rows)
    return "\n".join(out)


def _render_csv(rows: Sequence[dict[str, Any]], cols: Sequence[tuple[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([h for _, h in cols])
    for r in rows:
        writer.writerow([_cell(r.get(k)) for k, _ in cols])
    return buf.getvalue()


def render_tasks(rows: Sequence[dict[str, Any]], *, fmt: str = "table") -> str:
    """Render task rows as ``table`` (terminal), ``md``, ``csv`` or ``json`` text.

    >>> print(render_tasks([{"id": "一/1", "task": "突出学习重点", "responsible": "机关党委"}], fmt="csv"))
    序号,所属章节,任务,牵头单位,责任单位,配合单位,时限,开始日期,截止日期,频次,类型,起,止,行
    一/1,,突出学习重点,,机关党委,,,,,,,,,
    <BLANKLINE>
    """
    cols = _columns(rows)
    if fmt == "table":
        return _render_table(rows, cols)
    if fmt == "md":
        return _render_md(rows, cols)
    if fmt == "csv":
        return _render_csv(rows, cols)
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=1)
    raise OptionError("format", fmt, ("table", "md", "csv", "json"))


def tasks_frame(plans: Plan | Iterable[Plan]) -> Any:
    """The task table of one or more plans as a pandas DataFrame (headers as in `TASK_COLUMNS` keys)."""
    from textkit.output.frames import records_frame

    many = not isinstance(plans, Plan)
    items = list(plans) if not isinstance(plans, Plan) else [plans]
    rows = [r for p in items for r in task_rows(p, source=many)]
    return records_frame(rows, [k for k, _ in _columns(rows)])


def write_tasks_xlsx(rows: Sequence[dict[str, Any]], path: str | os.PathLike[str], *, sheet: str = "任务分解表") -> None:
    """Write task rows to an .xlsx workbook with Chinese headers."""
    from textkit.output.frames import records_frame, write_xlsx

    cols = _columns(rows)
    frame = records_frame(({h: r.get(k) for k, h in cols} for r in rows), [h for _, h in cols])
    write_xlsx(frame, path, sheet=sheet)
