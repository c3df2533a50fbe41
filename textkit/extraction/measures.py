"""Measures: the actionable items of a plan, each with the units and time expressions that belong to it.

A measure is one of

- a numbered item that carries a task: a numbered section with no numbered sections below it (its label
  lines — 责任单位：…, 完成时限：… — are its children in the tree, so a trailing 责任单位 line belongs to the
  item before it); an item that writes several tasks, each closed by its own bracketed statement
  (…（省大数据局牵头）。…（省财政厅牵头，各有关部门配合）。), gives one measure per task;
- an inline enumeration item (一是… 二是…) when a numbered item holds two or more of them: each item is a
  measure, and the units/times of the item's label lines (outside every inline item) apply to all of them;
- a row of a task table (任务分解表): tab-separated rows in text, or `Document.tables` rows, under a header
  that names a unit or time column.

>>> from textkit.pipeline import parse_text
>>> plan = parse_text("一、主要措施\\n1.突出学习重点。认真学习。\\n责任单位：机关党委\\n")
>>> [(m.section, m.title, [u.name for u in m.units]) for m in plan.measures]
[('一/1', '突出学习重点', ['机关党委'])]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from operator import attrgetter

from textkit.model import Document, Measure, ResponsibleUnit, Section, SectionIndex, TimeExpression
from textkit.structure.tables import TableRow

__all__ = ["NUMBER_CELL", "build_measures", "measure_title", "row_cells"]

_FIRST_SENTENCE = re.compile(r"[。；;！？!?]")
_TRAILING_BRACKET = re.compile(r"\s*[（(][^（）()]*[）)]$")
_SPACES = re.compile(r"\s+")
_INLINE_MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、是])\s*")


def measure_title(text: str, *, limit: int = 40) -> str:
    """The title of a measure written as running text: its first sentence without the inline marker.

    >>> measure_title("一是突出调研重点。紧扣贯彻落实…")
    '突出调研重点'
    >>> measure_title("完善统缴平台（省财政厅牵头）。")
    '完善统缴平台'
    """
    t = _INLINE_MARKER.sub("", text.strip())
    m = _FIRST_SENTENCE.search(t)
    t = (t[: m.start()] if m else t).strip()
    t = _TRAILING_BRACKET.sub("", t) or t  # 完善统缴平台（省财政厅牵头） → 完善统缴平台
    t = _SPACES.sub(" ", t)
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _inside(start: int, end: int, a: int, b: int) -> bool:
    return a <= start and end <= b


class _SectionInfo:
    """What `build_measures` needs of a numbered section (made for each one: a plain slotted class)."""

    __slots__ = ("items", "leaf", "path")

    def __init__(self, path: tuple[str, ...]) -> None:
        self.path = path  # the titles of the numbered sections from the outermost down to this one
        self.leaf = True  # no numbered section below it
        self.items: list[Section] = []  # inline items (一是…) below it


def _section_infos(root: Section) -> tuple[dict[int, _SectionInfo], list[Section]]:
    """Path, leafness and inline items of every numbered section (by ``id()``), and the numbered sections
    below ``root`` in text order (as ``root.sections()`` without root), in one walk of the tree."""
    out: dict[int, _SectionInfo] = {}
    order: list[Section] = []

    def visit(node: Section, parent: _SectionInfo | None) -> None:
        # parent: the info of the innermost numbered section enclosing node's children, if any
        for child in node.children:
            kind = child.kind
            if kind == "section":
                if parent is not None:
                    parent.leaf = False
                info = out[id(child)] = _SectionInfo(
                    (*parent.path, child.title) if parent is not None else (child.title,))
                order.append(child)
                if child.children:
                    visit(child, info)
            else:
                if kind == "item" and parent is not None:
                    parent.items.append(child)
                if child.children:
                    visit(child, parent)

    visit(root, None)
    return out, order


NUMBER_CELL = re.compile(r"[0-9０-９一二三四五六七八九十.．、—\-－]+")  # a 序号 cell: 1, 1—1, 一


def row_cells(text: str, row: TableRow) -> tuple[str, list[str]]:
    """A task-table row's first 序号-like cell and its text cells (not its unit, person or time cells), in
    order: what the row says the task is."""
    number = ""
    texts: list[str] = []
    for (s, e), kind in zip(row.cells, row.kinds, strict=True):
        cell = text[s:e].strip()
        if not cell:
            continue
        if NUMBER_CELL.fullmatch(cell):
            number = number or cell
        elif kind in (None, "text"):
            texts.append(cell)
    return number, texts


def _row_title(document: Document, row: TableRow) -> tuple[str, str]:
    """(number, title) of a task-table row: its first 序号-like cell and its first short text cell."""
    number, texts = row_cells(document.text, row)
    short = [t for t in texts if len(t) <= 40]
    title = short[0] if short else measure_title(texts[0]) if texts else ""
    return number, title


def _statement_ends(text: str, sec: Section, units: Sequence[ResponsibleUnit]) -> list[int]:
    """Where each bracketed responsibility statement of a section ends (after its closing bracket and a
    following 。), for sections that write several tasks each closed by its own statement:
    ``任务一……（省大数据局牵头）。任务二……（省财政厅牵头，各有关部门配合）。``"""
    stated = [u for u in units if u.source == "label" or u.source == "verb"]
    if len(stated) < 2:
        return []  # each statement unit gives at most one end, and one end is no split
    ends: list[int] = []
    # the last unit that found its bracket: a later unit of the same bracket (省财政厅 after 省大数据局 in
    # （省大数据局、省财政厅牵头）) finds the same bracket and end, already in `ends`
    found_from, found_close = -1, -1
    for u in stated:
        if found_from <= u.end <= found_close:
            continue
        full, half = text.find("）", u.end, sec.end), text.find(")", u.end, sec.end)
        close = half if full < 0 else full if half < 0 else min(full, half)  # the nearer closing bracket
        if close < 0 or "\n" in text[u.end:close]:
            continue  # a label line, not a bracket: it closes the whole item
        found_from, found_close = u.end, close
        end = close + 1
        while end < sec.end and text[end] in "。；;":
            end += 1
        if not ends or ends[-1] != end:
            ends.append(end)
    # the caller runs the last task to the end of the item: trailing text without a statement stays with it
    return ends if len(ends) >= 2 else []


def build_measures(
    document: Document,
    root: Section,
    *,
    units: Sequence[ResponsibleUnit],
    dates: Sequence[TimeExpression],
    tables: Sequence[TableRow] | None = None,
    sections: SectionIndex | None = None,
) -> tuple[Measure, ...]:
    """The measures of a parsed plan, in text order, each with the units and times inside its span.

    ``tables``: the rows of its task tables (`textkit.structure.tables`), found with the shipped unit rules
    when not given; ``sections``: the tree's `SectionIndex`, when the caller has one.
    """
    if tables is None:
        from textkit.extraction.units import task_table_rows

        tables = task_table_rows(document)
    infos, order = _section_infos(root)
    table = [r for r in tables if not r.header]
    table_spans = [(r.start, r.end) for r in table]
    table_starts = sorted(a for a, _b in table_spans)
    unit_list = sorted(units, key=lambda u: u.start)
    time_list = sorted(dates, key=lambda t: t.start)
    unit_starts = [u.start for u in unit_list]
    time_starts = [t.start for t in time_list]
    measures: list[Measure] = []

    def in_table(start: int) -> bool:
        i = bisect.bisect_right(table_spans, (start, len(document.text) + 1)) - 1
        return i >= 0 and table_spans[i][0] <= start < table_spans[i][1]

    def units_in(a: int, b: int) -> list[ResponsibleUnit]:
        lo, hi = bisect.bisect_left(unit_starts, a), bisect.bisect_left(unit_starts, b)
        if not table_spans:  # the usual document: no task table to leave out
            return [u for u in unit_list[lo:hi] if u.end <= b]
        return [u for u in unit_list[lo:hi] if u.end <= b and not in_table(u.start)]

    def times_in(a: int, b: int) -> list[TimeExpression]:
        lo, hi = bisect.bisect_left(time_starts, a), bisect.bisect_left(time_starts, b)
        if not table_spans:
            return [t for t in time_list[lo:hi] if t.end <= b]
        return [t for t in time_list[lo:hi] if t.end <= b and not in_table(t.start)]

    # root.sections() is root (when numbered) and then `order`; a numbered root has no info, as before
    for sec in (root.sections() if root.kind == "section" else order):
        info = infos[id(sec)]
        if not info.leaf:
            continue
        path = info.path
        sec_units = units_in(sec.start, sec.end)
        sec_times = times_in(sec.start, sec.end)
        i = bisect.bisect_left(table_starts, sec.start)
        holds_table = i < len(table_starts) and table_starts[i] < sec.end
        if holds_table and not sec_units:
            continue  # 一、重点任务 followed by its task table: the table's rows are the measures
        items = info.items
        if len(items) >= 2:

            def outside_items(start: int, end: int, items: list[Section] = items) -> bool:
                return not any(_inside(start, end, it.start, it.end) for it in items)

            shared_units = [u for u in sec_units if outside_items(u.start, u.end)]
            shared_times = [t for t in sec_times if outside_items(t.start, t.end) and not (
                sec.title_start is not None and sec.title_end is not None
                and _inside(t.start, t.end, sec.start, sec.title_end))]
            for it in items:
                own_units = [u for u in sec_units if _inside(u.start, u.end, it.start, it.end)]
                own_times = [t for t in sec_times if _inside(t.start, t.end, it.start, it.end)]
                measures.append(Measure(
                    start=it.start, end=it.end, kind="item", section=sec.id, path=path,
                    title=measure_title(document.text[it.start:it.end]),
                    units=tuple(own_units + shared_units), times=tuple(own_times + shared_times),
                ))
            continue
        cuts = _statement_ends(document.text, sec, sec_units)
        if len(cuts) >= 2:
            # several tasks in one item, each closed by its own （X牵头，Y配合）: one measure per task
            starts = [sec.start, *cuts[:-1]]
            ends = [*cuts[:-1], sec.end]
            for n, (a, b) in enumerate(zip(starts, ends, strict=True)):
                body = document.text[a:b]
                title = sec.title if n == 0 and sec.title else measure_title(body)
                measures.append(Measure(
                    start=a, end=b, kind="item", section=sec.id, path=path, title=title,
                    units=tuple([u for u in sec_units if a <= u.start < b]),
                    times=tuple([t for t in sec_times if a <= t.start < b]),
                ))
            continue
        measures.append(Measure(
            start=sec.start, end=sec.end, kind="section", section=sec.id, path=path,
            title=sec.title or measure_title(document.text[sec.start:sec.end]),
            units=tuple(sec_units), times=tuple(sec_times),
        ))

    if table and sections is None:
        sections = SectionIndex(root)
    for row in table:
        host = sections.at(row.start) if sections is not None else None
        number, title = _row_title(document, row)
        path = (infos[id(host)].path if host is not None else ()) + ((number,) if number else ())
        measures.append(Measure(
            start=row.start, end=row.end, kind="table-row",
            section=host.id if host is not None else "",
            path=path, title=title,
            units=tuple(u for u in unit_list[bisect.bisect_left(unit_starts, row.start):
                                             bisect.bisect_left(unit_starts, row.end)] if u.end <= row.end),
            times=tuple(t for t in time_list[bisect.bisect_left(time_starts, row.start):
                                             bisect.bisect_left(time_starts, row.end)] if t.end <= row.end),
        ))
    measures.sort(key=attrgetter("start", "end"))
    return tuple(measures)
