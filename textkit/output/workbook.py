"""Spreadsheets people open: the one place openpyxl is imported, and the cell cleaning CSV shares.

Every sheet gets a bold, frozen header row with a filter, wrapped text, column widths that fit their text
(CJK characters count double), and a print setup (A4 landscape, fit to the page width, the header row
repeated on every page). Cells are cleaned on the way out (`safe_cell`): control characters are removed,
and text starting with ``= + - @`` is written as text, never as a formula.

>>> safe_cell("=HYPERLINK(\\"http://x\\")\\x07", csv=True)
'\\'=HYPERLINK("http://x")'
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Sheet", "display_width", "safe_cell", "write_workbook"]

# C0/C1 controls and DEL, except the line break a wrapped cell keeps; a tab becomes a space first
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@")


def safe_cell(value: str, *, csv: bool = False) -> str:
    """``value`` without control characters; for CSV, a leading ``= + - @`` gets a ``'`` so a
    spreadsheet reads the cell as text (in XLSX `write_workbook` stores such cells as text instead).

    >>> safe_cell("-每月调度一次", csv=True)
    "'-每月调度一次"
    >>> safe_cell("责任单位：\\x00机关党委")
    '责任单位：机关党委'
    """
    cleaned = _CONTROL.sub("", value.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))
    if csv and cleaned.startswith(_FORMULA_START):
        return "'" + cleaned
    return cleaned


def display_width(s: str) -> int:
    """Terminal / spreadsheet columns taken by ``s`` (wide CJK characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet: ``header`` then ``rows`` of cell values (str, int, float, date or None).

    ``max_width`` caps a column's width (characters); longer text wraps inside the cell.
    """

    name: str
    header: tuple[str, ...]
    rows: Sequence[Sequence[object]]
    max_width: int = 50


def _width_of(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return max((display_width(line) for line in str(value).split("\n")), default=0)


def write_workbook(sheets: Sequence[Sheet], path: str | os.PathLike[str]) -> None:
    """Write ``sheets`` to an .xlsx file, each laid out for reading and printing."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    used: set[str] = set()
    for sheet in sheets:
        title = _sheet_title(sheet.name, used)
        ws = wb.create_sheet(title)
        ws.append([safe_cell(h) for h in sheet.header])
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                cell.data_type = "s"
                cell.quotePrefix = True
        for values in sheet.rows:
            ws.append([_value(v) for v in values])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
                v = cell.value
                if isinstance(v, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(v, str) and v.startswith(_FORMULA_START):
                    cell.data_type = "s"  # text as written, never a formula
                    cell.quotePrefix = True
        for i, head in enumerate(sheet.header, start=1):
            widest = max([display_width(head), *(_width_of(r[i - 1]) for r in sheet.rows if i - 1 < len(r))])
            ws.column_dimensions[get_column_letter(i)].width = min(sheet.max_width, max(6, widest + 2))
        ws.freeze_panes = "A2"
        if sheet.header:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{max(1, len(sheet.rows) + 1)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"
    wb.save(os.fspath(path))


def _value(v: object) -> Any:
    if isinstance(v, str):
        return safe_cell(v)
    if v is None or isinstance(v, int | float | dt.date):
        return v
    return safe_cell(str(v))


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, used: set[str]) -> str:
    """A legal, unique sheet title: Excel forbids ``[]:*?/\\`` and more than 31 characters."""
    base = _SHEET_BAD.sub("_", name)[:31] or "Sheet"
    title, n = base, 2
    while title in used:
        suffix = f"_{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title
