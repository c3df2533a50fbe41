"""Task tables: the rows of a plan's tables, each cell tagged with the kind of its column.

A task table is a run of tab-separated lines in text (or the cells of `Document.tables` from .docx/.pdf)
whose first row with a unit column (负责处室, 牵头单位…) is its header. Rows with merged (row-spanning)
cells have fewer cells than the header: each is aligned to the columns its cells fit best. The column
patterns and what a cell looks like (a list of unit names, a date…) come from the unit rules, passed in:
structure knows tables, extraction knows units.

>>> from textkit.model import Document
>>> doc = Document("任务\\t责任单位\\n办好展会\\t市会展中心\\n")
>>> kinds = {"责任单位": "responsible"}
>>> rows = task_table_rows(doc, columns=[("r", re.compile("责任单位"), "responsible")],
...                        read_cell=lambda t: CellInfo(not t, len(t), False, t.endswith("中心"), False, False, False))
>>> [(doc.text[r.start:r.end], r.kinds, r.header) for r in rows]
[('任务\\t责任单位', ('text', 'responsible'), True), ('办好展会\\t市会展中心', ('text', 'responsible'), False)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from textkit._frozen import quick_init
from textkit.model import Document

__all__ = ["ROLE_KINDS", "CellInfo", "GroupRows", "TableRow", "align_row", "column_kind", "group_row_starts",
           "table_groups", "task_table_rows"]

ROLE_KINDS = ("lead", "support", "responsible")  # the column kinds that hold units
_SPACE_RE = re.compile(r"\s+")


class CellInfo(NamedTuple):
    """What a cell's text looks like, computed once per cell for all alignments tried (a tuple: made often)."""

    empty: bool
    length: int
    timey: bool
    unity: bool  # a list of unit names (党政办 总务处)
    suffixed: bool
    numbery: bool
    person_end: bool


class RawRow(NamedTuple):
    """A row of a table as found: its span and its cells' spans; ``group`` for a group row (a line without a
    tab between the table's rows: 一、知识产权保护方面（共5项）), which heads the rows after it and is no task row."""

    start: int
    end: int
    cells: list[tuple[int, int]]
    group: bool = False


class GroupRows(NamedTuple):
    """What tells a table's group rows (structure.toml: ``serial-header``, ``table.group_max``)."""

    serial_header: re.Pattern[str]  # the first header cell of a column that numbers the rows (序号)
    longest: int  # the longest group row, in characters


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class TableRow:
    """One row of a task table: its span, cell spans, and the column kind of each cell (or None)."""

    start: int
    end: int
    cells: tuple[tuple[int, int], ...]
    kinds: tuple[str | None, ...]
    header: bool = False


ReadCell = Callable[[str], CellInfo]
Columns = Sequence[tuple[str, re.Pattern[str], str]]  # (id, header pattern, kind)


def _compact(s: str) -> str:
    return _SPACE_RE.sub("", s) if not s.isprintable() or " " in s or "\u3000" in s else s


def column_kind(header: str, columns: Columns) -> str:
    """The kind of the column whose header cell reads ``header`` (``text`` when no pattern fits)."""
    h = _compact(header)
    for _id, pat, kind in columns:
        if pat.fullmatch(h):
            return kind
    return "text"


def _cell_score(c: CellInfo, kind: str) -> int:
    """How well a cell fits a column kind (higher is better)."""
    if c.empty:
        return 0
    if kind in ROLE_KINDS:
        return 2 if c.unity else -3 if c.length > 24 else -2 if c.timey else -1
    if kind == "person":
        if c.unity and not c.person_end:
            return -1
        return -2 if c.timey or c.length > 16 else 1
    if kind == "time":
        return -2 if c.unity else 2 if c.timey else -1
    if kind == "number":
        return 2 if c.numbery else -1
    return 1 if c.length > 6 and not c.suffixed else 0


def align_row(
    cells: Sequence[str], kinds: Sequence[str], read_cell: ReadCell, *, cache: dict[str, CellInfo] | None = None,
    scores: dict[str, list[int | None]] | None = None,
) -> list[int]:
    """The column index of each cell of a row whose merged (row-spanning) cells are missing.

    Tries the row flush left and flush right (dropping up to two trailing columns) and keeps the
    alignment whose cells best fit their columns (units under 负责处室, dates under 完成时间…).
    ``scores`` (the fit of a cell under each of ``kinds``) may be shared by the rows of one table only.
    """
    n, h = len(cells), len(kinds)
    cache = {} if cache is None else cache  # a table repeats its cells (党政办, 全年): read each once
    scores = {} if scores is None else scores
    infos: list[CellInfo] = []
    fits: list[list[int | None]] = []  # the fit of each cell under each column, filled as tried
    for c in cells:
        info = cache.get(c)
        if info is None:
            info = cache[c] = read_cell(c)
        infos.append(info)
        fit = scores.get(c)
        if fit is None:
            fit = scores[c] = [None] * h
        fits.append(fit)
    # an alignment puts cell j under column j + shift; in order of preference on equal fit: flush right,
    # right with 1 or 2 trailing columns missing, left
    best_shift = h - n
    best_score: int | None = None
    for shift in (h - n, h - n - 1, h - n - 2, 0):
        score = 0
        for j in range(max(0, -shift), min(n, h - shift)):  # the cells that fall under a column
            col = j + shift
            v = fits[j][col]
            if v is None:
                v = fits[j][col] = _cell_score(infos[j], kinds[col])
            score += v
        if best_score is None or score > best_score:
            best_shift, best_score = shift, score
    return [j + best_shift for j in range(n)]


_SERIAL = re.compile(r"[0-9０-９]{1,4}")
_SENTENCE_END = "。；;！？!?"


def _serial(cell: str) -> int | None:
    """The row number a first cell holds (12, １２), or None."""
    c = cell.strip()
    return int(c) if _SERIAL.fullmatch(c) else None  # (int() reads full-width digits too)


def _last_serial(run: list[RawRow], text: str, serial_header: re.Pattern[str]) -> int | None:
    """The last row number in the first column of ``run``: 0 under a 序号 header with no row yet, None when
    the first column does not number the rows."""
    last: int | None = None
    for k, row in enumerate(run):
        if row.group:
            continue
        s, e = row.cells[0]
        first = text[s:e].strip()
        n = _serial(first)
        if n is not None:
            last = n
        elif k == 0 and serial_header.fullmatch(_compact(first)):
            last = 0
        else:
            return None
    return last


def _group_rows(text: str, start: int, end: int, run: list[RawRow], nxt: int, groups: GroupRows) -> list[RawRow]:
    """The lines ``text[start:end]`` between the rows of ``run`` and the row that starts at ``nxt`` as group rows
    of the table, when they are (see `GroupRows`); else []."""
    if end <= start:
        return []
    b = text.find("\t", nxt)  # (the row at nxt has a tab: its first cell ends there)
    n = _serial(text[nxt:b])
    if n is None:
        return []
    last = _last_serial(run, text, groups.serial_header)
    if last is None or n <= last:
        return []  # the table's numbering does not go on after them: another table, or none
    rows = []
    a = start
    for line in text[start:end].split("\n"):
        c = line.strip()
        if not c or len(c) > groups.longest or c[-1] in _SENTENCE_END:
            return []
        s = a + line.index(c[0])
        rows.append(RawRow(a, a + len(line), [(s, s + len(c))], group=True))
        a += len(line) + 1
    return rows


def _text_tables(text: str, groups: GroupRows | None = None) -> list[list[RawRow]]:
    """Runs of tab-separated lines, with the group rows between them (``groups``: what tells them)."""
    tables: list[list[RawRow]] = []
    run: list[RawRow] = []
    n = len(text)
    prev_end = -2  # the end of the last line with a tab
    # jump from tab to tab instead of reading every line: most lines of a plan hold none
    j = text.find("\t")
    while j >= 0:
        a = text.rfind("\n", 0, j) + 1
        b = text.find("\n", j)
        if b < 0:
            b = n
        if a != prev_end + 1 and run:  # a line without a tab came between: the run has ended, unless a group row
            bridge = _group_rows(text, prev_end + 1, a - 1, run, a, groups) if groups is not None else []
            if bridge:
                run.extend(bridge)
            else:
                tables.append(run)
                run = []
        cells: list[tuple[int, int]] = []
        last = a
        while j >= 0:
            cells.append((last, j))
            last = j + 1
            j = text.find("\t", last, b)
        cells.append((last, b))
        run.append(RawRow(a, b, cells))
        prev_end = b
        j = text.find("\t", b)
    if run:
        tables.append(run)
    return tables


def _doc_tables(document: Document) -> list[list[RawRow]]:
    """`Document.tables` cells (from .docx/.pdf) grouped into rows."""
    by_table: dict[int, dict[int, list[tuple[int, int, int]]]] = {}
    for c in document.tables:
        by_table.setdefault(c.table, {}).setdefault(c.row, []).append((c.col, c.start, c.end))
    out = []
    for t in sorted(by_table):
        rows = []
        for r in sorted(by_table[t]):
            cells = sorted(by_table[t][r])
            spans = [(s, e) for _, s, e in cells]
            rows.append(RawRow(min(s for s, _ in spans), max(e for _, e in spans), spans))
        out.append(rows)
    return out


def _shipped_groups() -> GroupRows:
    from textkit.structure.parser import load_structure_rules  # (the parser reads tables: loaded when used)

    rules = load_structure_rules()
    return GroupRows(rules.serial_header, rules.table_group_max)


def table_groups(document: Document, *, groups: GroupRows | None = None) -> list[list[RawRow]]:
    """The tables of ``document``: its source tables (.docx/.pdf), else its runs of tab-separated lines with
    their group rows (``groups``: what tells them, by default structure.toml's)."""
    if document.tables:
        return _doc_tables(document)
    return _text_tables(document.text, groups or _shipped_groups())


def group_row_starts(text: str, groups: GroupRows) -> set[int]:
    """Where the group rows of the text's tables start (their line starts): lines that are rows of a table.

    >>> text = "序号\\t举措\\t指导部门\\n一、知识产权保护方面（共2项）\\n1\\t三合一审判\\t最高人民法院\\n2\\t专利保险\\t国家知识产权局\\n"
    >>> starts = group_row_starts(text, GroupRows(re.compile("序号"), 40))
    >>> [text[s:text.index("\\n", s)] for s in sorted(starts)]
    ['一、知识产权保护方面（共2项）']
    """
    if "\t" not in text:
        return set()
    return {r.start for run in _text_tables(text, groups) for r in run if r.group}


def task_table_rows(document: Document, *, columns: Columns, read_cell: ReadCell,
                    groups: GroupRows | None = None) -> tuple[TableRow, ...]:
    """Rows of the task tables of ``document`` (tables whose header names a unit column), each cell tagged
    with its column kind (by ``columns``); header rows are included with ``header=True``. ``read_cell``
    tells what a cell looks like, for aligning rows with merged cells. A table's group rows (一、…方面, a
    line between its rows) are no task rows: the rows after them keep the table's header."""
    text = document.text
    cache: dict[str, CellInfo] = {}
    rows: list[TableRow] = []
    column_kinds: dict[str, str] = {}  # a header candidate's cells (many rows are tried): read each once
    for group in table_groups(document, groups=groups):
        kinds: list[str] | None = None
        scores: dict[str, list[int | None]] = {}  # the fit of a cell under each of this table's columns
        for a, b, cells, is_group in group:
            if is_group:
                continue
            texts = [text[s:e] for s, e in cells]
            if kinds is None:
                cand = []
                for t in texts:
                    kind = column_kinds.get(t)
                    if kind is None:
                        kind = column_kinds[t] = column_kind(t, columns)
                    cand.append(kind)
                if any(k in ROLE_KINDS for k in cand) and len([t for t in texts if t.strip()]) >= 2:
                    kinds = cand
                    rows.append(TableRow(start=a, end=b, cells=tuple(cells), kinds=tuple(cand), header=True))
                continue
            order = align_row(texts, kinds, read_cell, cache=cache, scores=scores)
            row_kinds = tuple(kinds[c] if 0 <= c < len(kinds) else None for c in order)
            rows.append(TableRow(start=a, end=b, cells=tuple(cells), kinds=row_kinds))
    return tuple(rows)
