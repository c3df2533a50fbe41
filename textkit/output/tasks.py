"""The 任务分解表 (task breakdown table): one row per measure — what it says, who leads, who supports, by when.

The sheet an office keeps has the columns of `SHEET_COLUMNS` (序号, 任务, 牵头单位, 配合单位, 完成时限,
时限原文, 频次, 所属章节), then the source table's own extra columns (负责人, 分管领导…) when the plan has a
task table. The programmer's fields (section id, kind, spans, line, page, ISO dates, frequency code) are
in `FIELD_COLUMNS`: a second sheet of the workbook, and every row of the JSON (schema ``textkit.tasks/1``).

No row twice: when a plan has a task table, a body measure whose title is a cell of the table (the same
project written twice: once in the text, once in the 附件 table) is left to the table's row.

>>> from textkit.pipeline import parse_text
>>> plan = parse_text("一、主要措施\\n1.突出学习重点。9月底前完成。\\n责任单位：机关党委、办公室\\n")
>>> row = task_rows(plan)[0]
>>> row["no"], row["task"], row["lead"], row["path"]
(1, '突出学习重点。9月底前完成。', '机关党委、办公室', '一、主要措施')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

from textkit.errors import OptionError
from textkit.extraction.measures import NUMBER_CELL
from textkit.model import Measure, Plan, Section, TimeExpression

__all__ = [
    "FIELD_COLUMNS",
    "SHEET_COLUMNS",
    "TASKS_SCHEMA",
    "TASK_FORMATS",
    "render_tasks",
    "task_rows",
    "tasks_frame",
    "tasks_to_dict",
    "write_tasks_xlsx",
]

TASKS_SCHEMA = "textkit.tasks/1"

# (key in a row, header): what the office reads
SHEET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("no", "序号"),
    ("task", "任务"),
    ("lead", "牵头单位"),
    ("support", "配合单位"),
    ("due", "完成时限"),
    ("deadline", "时限原文"),
    ("frequency", "频次"),
    ("path", "所属章节"),
)
# the programmer's fields, keyed by 序号 to the sheet's rows
FIELD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("no", "序号"),
    ("id", "编号"),
    ("kind", "类型"),
    ("title", "标题"),
    ("responsible", "责任单位"),
    ("lead_named", "写明的牵头单位"),
    ("deadline_start", "开始日期"),
    ("deadline_end", "截止日期"),
    ("frequency_code", "频次代码"),
    ("start", "起"),
    ("end", "止"),
    ("line", "行"),
    ("page", "页"),
)
TASK_FORMATS = ("table", "md", "csv", "json", "xlsx")
_SOURCE = ("source", "文件")
_JOIN = "、"

# the column kinds of a task table (textkit/data/units.toml [[column]]) that the standard columns hold
_STANDARD_KINDS = frozenset({"number", "text", "time", "lead", "support", "responsible"})
_SPACES = re.compile(r"[ \t\u3000]+")


def _names(measure: Measure, *roles: str) -> str:
    seen: list[str] = []
    for u in measure.units:
        if u.role in roles and u.name not in seen:
            seen.append(u.name)
    return _JOIN.join(seen)


def _timing(times: Sequence[TimeExpression]) -> tuple[str, str | None, str | None, str, str]:
    """(时限 as written, ISO start, ISO end, 频次 as written, frequency codes) of a measure's times.

    The deadline is the latest end date stated (a measure may name a start and a finish); vague words
    (适时) are shown but carry no date. 频次 is the Chinese as the plan writes it (每月, 每季度).
    """
    written: list[str] = []
    freqs: list[str] = []
    codes: list[str] = []
    start: str | None = None
    end: str | None = None
    for t in times:
        if t.kind == "recurrence":
            if t.text not in freqs:
                freqs.append(t.text)
            if t.value.freq and t.value.freq not in codes:
                codes.append(t.value.freq)
            continue
        if t.text not in written:
            written.append(t.text)
        if t.value.start and (start is None or t.value.start < start):
            start = t.value.start
        if t.value.end and (end is None or t.value.end > end):
            end = t.value.end
    return "；".join(written), start, end, "；".join(freqs), "；".join(codes)


class _Layout:
    """What a plan's rows need from its tree and task tables, read once per plan."""

    def __init__(self, plan: Plan) -> None:
        from textkit.extraction.units import task_table_rows

        self.doc = plan.document
        self.chain: dict[str, tuple[str, ...]] = {}  # section id → headings from the top down, itself last
        self.marker: dict[str, str] = {}
        self._walk(plan.root, ())
        self.labels = sorted((leaf.start, leaf.end) for leaf in plan.root.leaves() if leaf.kind == "label")
        # task-table rows by start: (header cells, header kinds, row cells, column of each cell)
        self.table: dict[int, tuple[list[str], list[str], list[str], list[int]]] = {}
        self.extra: list[str] = []  # the source tables' own extra columns, in order of first appearance
        text = self.doc.text
        header: list[str] = []
        kinds: list[str] = []
        for row in task_table_rows(self.doc):
            cells = [text[s:e].strip() for s, e in row.cells]
            if row.header:
                header = [_SPACES.sub("", c) for c in cells]
                kinds = [k or "text" for k in row.kinds]
                for h, k in zip(header, kinds, strict=True):
                    if k not in _STANDARD_KINDS and h and h not in self.extra:
                        self.extra.append(h)
                continue
            self.table[row.start] = (header, kinds, cells, _columns_of(row.kinds, kinds))
        self.table_cells = {_SPACES.sub("", c) for _h, _k, cells, _c in self.table.values() for c in cells if c}

    def _walk(self, node: Section, above: tuple[str, ...]) -> None:
        for child in node.children:
            here = above
            if child.kind == "section":
                heading = f"{child.marker or ''}{child.title}".strip() or (child.id or "")
                here = (*above, heading)
                self.chain[child.id or ""] = here
                self.marker[child.id or ""] = child.marker or ""
            if child.children:
                self._walk(child, here)

    def path(self, m: Measure) -> str:
        chain = self.chain.get(m.section, ())
        if m.kind == "section":
            chain = chain[:-1]  # the measure is the section itself: its place is the sections above
        return " / ".join(chain)

    def body_text(self, m: Measure) -> str:
        """The measure's whole text without its label lines (责任单位：…) and its own number."""
        text = self.doc.text
        parts: list[str] = []
        at = m.start
        for a, b in self.labels:
            if b <= m.start or a >= m.end:
                continue
            if m.start <= a and b <= m.end:
                parts.append(text[at:a])
                at = b
        parts.append(text[at:m.end])
        body = "".join(parts).strip()
        marker = self.marker.get(m.section, "") if m.kind == "section" else ""
        if marker and body.startswith(marker):
            body = body[len(marker):].lstrip()
        lines = [_SPACES.sub(" ", line).strip() for line in body.split("\n")]
        return "\n".join(line for line in lines if line)

    def duplicate(self, m: Measure) -> bool:
        """A body measure the task table writes again (its title is one of the table's cells)."""
        return m.kind != "table-row" and bool(self.table) and _SPACES.sub("", m.title) in self.table_cells


def _columns_of(row_kinds: Sequence[str | None], header_kinds: Sequence[str]) -> list[int]:
    """The header column of each cell of a row (merged cells shift a row: see `align_row`)."""
    n, h = len(row_kinds), len(header_kinds)
    for shift in (h - n, h - n - 1, h - n - 2, 0, *range(-n, h)):
        cols = [j + shift for j in range(n)]
        if all((header_kinds[c] if 0 <= c < h else None) == k for c, k in zip(cols, row_kinds, strict=True)):
            return cols
    return list(range(n))


def task_rows(plan: Plan, *, source: bool = False, start_no: int = 1) -> list[dict[str, Any]]:
    """The task table of ``plan``: one record per measure with the keys of `SHEET_COLUMNS` and
    `FIELD_COLUMNS`, ``extra`` (the source table's own columns), and ``source`` when asked."""
    doc = plan.document
    layout = _Layout(plan)
    rows: list[dict[str, Any]] = []
    no = start_no
    for m in plan.measures:
        if layout.duplicate(m):
            continue
        written, start, end, freq, codes = _timing(m.times)
        extra: dict[str, str] = {}
        task = layout.body_text(m)
        row_id = m.section
        if m.kind == "table-row" and m.start in layout.table:
            header, kinds, cells, cols = layout.table[m.start]
            texts: list[str] = []
            for cell, c in zip(cells, cols, strict=True):
                kind = kinds[c] if 0 <= c < len(kinds) else "text"
                name = header[c] if 0 <= c < len(header) else ""
                if not cell:
                    continue
                if kind in ("text", "number") and not NUMBER_CELL.fullmatch(cell):
                    texts.append(cell)
                elif kind == "time":
                    written = cell  # the time cell as the table writes it (全年，其中…)
                elif kind not in _STANDARD_KINDS and name:
                    extra[name] = cell
            task = "\n".join(texts) or task
            row_id = m.path[-1] if m.path else m.section
        row: dict[str, Any] = {
            "no": no,
            "task": task,
            "lead": _names(m, "lead", "responsible"),
            "support": _names(m, "support"),
            "due": end,
            "deadline": written,
            "frequency": freq,
            "path": layout.path(m),
            "extra": extra,
            "id": row_id,
            "kind": m.kind,
            "title": m.title,
            "responsible": _names(m, "responsible"),
            "lead_named": _names(m, "lead"),
            "deadline_start": start,
            "deadline_end": end,
            "frequency_code": codes,
            "start": m.start,
            "end": m.end,
            "line": doc.line_of(m.start),
            "page": doc.page_of(m.start),
        }
        if source:
            row = {"source": doc.source, **row}
        rows.append(row)
        no += 1
    return rows


def _extra_columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    seen: list[str] = []
    for r in rows:
        for k in r.get("extra", {}):
            if k not in seen:
                seen.append(k)
    return seen


def _sheet_columns(rows: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    cols = list(SHEET_COLUMNS)
    if any("source" in r for r in rows):
        cols.insert(1, _SOURCE)
    return cols


def _field_columns(rows: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    cols = [c for c in FIELD_COLUMNS if c[0] != "page" or any(r.get("page") is not None for r in rows)]
    if any("source" in r for r in rows):
        cols.insert(1, _SOURCE)
    return cols


def _sheet_values(rows: Sequence[dict[str, Any]]) -> tuple[list[str], list[list[object]]]:
    """Header and cells of the office's sheet; 完成时限 a date, the rest as written."""
    cols = _sheet_columns(rows)
    extra = _extra_columns(rows)
    header = [h for _k, h in cols] + extra
    body: list[list[object]] = []
    for r in rows:
        values: list[object] = []
        for k, _h in cols:
            v = r.get(k)
            values.append(dt.date.fromisoformat(v) if k == "due" and v else v)
        values += [r.get("extra", {}).get(e, "") for e in extra]
        body.append(values)
    return header, body


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _render_table(rows: Sequence[dict[str, Any]], *, max_width: int = 36) -> str:
    """An aligned plain-text preview for the terminal (CJK characters count double; long text cut —
    the files (csv, xlsx, json, md) keep every cell whole)."""
    from textkit.output.workbook import display_width

    header, body = _sheet_values(rows)
    keep = [i for i, h in enumerate(header) if h != "时限原文" or not body]

    def clip(s: str) -> str:
        s = s.replace("\n", " ")
        out, w = "", 0
        for ch in s:
            cw = display_width(ch)
            if w + cw > max_width - 1:
                return out + "…"
            out += ch
            w += cw
        return out

    cells = [[clip(_text(row[i])) for i in keep] for row in body]
    heads = [header[i] for i in keep]
    widths = [max([display_width(h)] + [display_width(row[n]) for row in cells]) for n, h in enumerate(heads)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - display_width(v)) for i, v in enumerate(values)).rstrip()

    out = [line(heads), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


def _md_escape(s: str) -> str:
    s = s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\n", "<br>")  # a Markdown table cell is one line


def _render_md(rows: Sequence[dict[str, Any]]) -> str:
    header, body = _sheet_values(rows)
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out.extend("| " + " | ".join(_md_escape(_text(v)) for v in row) + " |" for row in body)
    return "\n".join(out)


def _render_csv(rows: Sequence[dict[str, Any]]) -> str:
    from textkit.output.workbook import safe_cell

    header, body = _sheet_values(rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_cell(h, csv=True) for h in header])
    for row in body:
        writer.writerow([safe_cell(_text(v), csv=True) for v in row])
    return buf.getvalue()


def tasks_to_dict(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The ``textkit.tasks/1`` JSON document: ``columns`` (sheet key → header, in order; ``extra`` the
    source tables' own columns) and ``rows`` (every key of `SHEET_COLUMNS` and `FIELD_COLUMNS`)."""
    return {
        "schema": TASKS_SCHEMA,
        "columns": [{"key": k, "header": h} for k, h in _sheet_columns(rows)],
        "extra": _extra_columns(rows),
        "rows": list(rows),
    }


def render_tasks(rows: Sequence[dict[str, Any]], *, fmt: str = "table") -> str:
    """Render task rows as ``table`` (terminal), ``md``, ``csv`` or ``json`` text.

    >>> print(render_tasks([{"no": 1, "task": "突出学习重点", "lead": "机关党委"}], fmt="csv"))
    序号,任务,牵头单位,配合单位,完成时限,时限原文,频次,所属章节
    1,突出学习重点,机关党委,,,,,
    <BLANKLINE>
    """
    if fmt == "table":
        return _render_table(rows)
    if fmt == "md":
        return _render_md(rows)
    if fmt == "csv":
        return _render_csv(rows)
    if fmt == "json":
        return json.dumps(tasks_to_dict(rows), ensure_ascii=False, indent=1)
    raise OptionError("format", fmt, ("table", "md", "csv", "json"))


def tasks_frame(plans: Plan | Iterable[Plan]) -> Any:
    """The task table of one or more plans as a pandas DataFrame (columns: the row keys; with
    ``source`` for several plans; the source table's extra columns by their headers)."""
    from textkit.output.frames import records_frame

    many = not isinstance(plans, Plan)
    items = [plans] if isinstance(plans, Plan) else list(plans)
    rows: list[dict[str, Any]] = []
    for p in items:
        rows.extend(task_rows(p, source=many, start_no=len(rows) + 1))
    keys = ["source"] if many else []
    keys += [k for k, _ in SHEET_COLUMNS] + [k for k, _ in FIELD_COLUMNS if k != "no"]
    extra = _extra_columns(rows)
    flat = [{**{k: v for k, v in r.items() if k != "extra"}, **r.get("extra", {})} for r in rows]
    return records_frame(flat, keys + extra)


def write_tasks_xlsx(rows: Sequence[dict[str, Any]], path: str | os.PathLike[str], *,
                     sheet: str = "任务分解表") -> None:
    """Write the 任务分解表 to an .xlsx workbook: the office's sheet, then ``字段`` (programmer fields)."""
    from textkit.output.workbook import Sheet, write_workbook

    header, body = _sheet_values(rows)
    fields = _field_columns(rows)
    write_workbook([
        Sheet(sheet, tuple(header), body),
        Sheet("字段", tuple(h for _k, h in fields), [[r.get(k) for k, _h in fields] for r in rows], max_width=30),
    ], path)
