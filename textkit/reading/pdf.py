"""Reading .pdf plans with pdfplumber: body text in reading order, page furniture set aside, pages mapped.

Per page the reader takes the characters (doubled glyphs of fake bold removed), sets ruled tables apart,
groups the rest into lines top to bottom, and records running headers, footers and page numbers
(``— 3 —``, ``-3-``, ``第3页``, ``3/10``) as `Furniture` instead of body text. Lines wrapped by the
layout are joined back into paragraphs, so the text follows the .txt convention (one paragraph a line;
a table row a line with ``\\t`` between cells) and the structure parser reads it like a .txt.
``Document.pages`` maps every character to its page; each paragraph has a `LineHint` with its font,
size and weight (GB/T 9704 sets level-1 headings in 黑体, level-2 in 楷体).

A line ends its paragraph when it stops short of the right margin (unless a character or two went over to
the next line with a mark that may not start a line: ``…事迹经`` / ``验。``), when the next line is indented
or set in another size, or when it closes a clause (``。；：）``) and the next line starts with a numbering
marker (or, in a layout without first-line indents, whenever it ends a sentence outside brackets).

Tables are read from their ruling lines (pdfplumber), and a table cut by a page break goes on when the next
page starts with a table of as many columns or the same frame. Two or more lines in a row laid out in
columns with no ruling (cells set apart by tab-stop gaps) are a table too, each cell in the column whose
left edge it starts at. The rules of paragraph ends are data (textkit/data/pdf.toml).

>>> doc = read_pdf_bytes(open("plan.pdf", "rb").read(), source="plan.pdf", limits=Limits())  # doctest: +SKIP
>>> doc.page_of(doc.text.index("（二）"))  # doctest: +SKIP
3
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import io
import itertools
import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from textkit.errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedPdfError,
    InputTooLargeError,
    RuleError,
    ScannedPdfError,
)
from textkit.model import Document, Furniture, LineHint, PageRange, TableCell
from textkit.reading.markers import line_start_marker
from textkit.rules import Field, load_entries

if TYPE_CHECKING:
    from textkit.reading import Limits

__all__ = ["read_pdf_bytes"]

_FURNITURE_SCHEMA = {
    "id": Field(required=True),
    "kind": Field(required=True, choices=("page-number",)),
    "pattern": Field(required=True, regex=True),
}
_PARAGRAPH_END_SCHEMA = {"id": Field(required=True), "pattern": Field(required=True, regex=True)}
_MARKER_BREAK_SCHEMA = _PARAGRAPH_END_SCHEMA
_CARRIED_SCHEMA = _PARAGRAPH_END_SCHEMA
_MID_CLAUSE_SCHEMA = _PARAGRAPH_END_SCHEMA
_BRACKET_SCHEMA = {"id": Field(required=True), "open": Field(required=True), "close": Field(required=True)}

# Layout thresholds, in units of the body character size (em) unless said otherwise.
_LINE_TOLERANCE = 0.45  # chars whose tops differ by less than this share a line
_SPACE_GAP = 0.6  # a gap this wide between two glyphs with no space glyph is a word space
_LATIN_SPACE_GAP = 0.15  # … between two Latin letters or digits (a space is 0.25-0.33 em)
_SHORT_LINE = 1.5  # a line ending this far before the right margin ends its paragraph
_CELL_GAP = 1.5  # a gap this wide between glyphs (spaces not counted) sets cells of a tab-laid row apart
_INDENT = 0.8  # a line starting this far right of the left margin is a first line (or centred)
_SIZE_CHANGE = 0.5  # points: a change of size between lines starts a new paragraph
_FURNITURE_ZONE = 0.15  # share of the page height at top and bottom where furniture may sit
_FURNITURE_GAP = 1.8  # a header/footer is set apart from the body by this many body line gaps
_REPEAT_SHARE = 0.5  # a running header/footer repeats on at least this share of pages (and 2)
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold")
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_DIGITS = re.compile(r"\d+")
_FORM_COST = 20  # objects a form XObject counts for (see _CountingDevice.begin_figure)
_GRID_COST = 8  # objects a ruling-line crossing counts for in the document budget (table finding is slow)
_SNAP = 3.0  # pdfplumber's snap tolerance: ruling lines closer than this are merged into one


@dataclass(frozen=True, slots=True)
class _Rules:
    page_numbers: tuple[re.Pattern[str], ...]
    paragraph_end: re.Pattern[str]
    marker: re.Pattern[str]
    marker_break: re.Pattern[str]  # a line ending so, before a marker line, ends its paragraph
    mid_clause: re.Pattern[str]  # a line ending so goes on: a marker-like start of the next line is text
    carried: tuple[re.Pattern[str], ...]  # the start of a line that took characters over from a short line
    brackets: tuple[tuple[str, str], ...]  # (opening, closing) characters of each bracket kind


@functools.cache
def _rules() -> _Rules:
    furniture = load_entries("pdf.toml", "furniture", _FURNITURE_SCHEMA)
    ends = load_entries("pdf.toml", "paragraph_end", _PARAGRAPH_END_SCHEMA)
    breaks = load_entries("pdf.toml", "marker_break", _MARKER_BREAK_SCHEMA)
    carry = load_entries("pdf.toml", "carried", _CARRIED_SCHEMA)
    carried = tuple(re.compile(e["pattern"]) for e in carry)
    for rx, entry in zip(carried, carry, strict=True):
        if "carried" not in rx.groupindex:
            raise RuleError('the pattern has no group named "carried" (the characters moved to the next line)',
                            file="pdf.toml", entry=entry["id"], key="pattern")
    return _Rules(
        page_numbers=tuple(re.compile(e["pattern"]) for e in furniture),
        paragraph_end=re.compile("(?:" + "|".join(e["pattern"] for e in ends) + r")\s*$"),
        marker_break=re.compile("(?:" + "|".join(e["pattern"] for e in breaks) + r")\s*$"),
        mid_clause=re.compile("(?:" + "|".join(
            e["pattern"] for e in load_entries("pdf.toml", "mid_clause", _MID_CLAUSE_SCHEMA)) + r")\s*$"),
        carried=carried,
        brackets=tuple((e["open"], e["close"]) for e in load_entries("pdf.toml", "bracket", _BRACKET_SCHEMA)),
        marker=line_start_marker(),
    )


@dataclass(slots=True)
class _Line:
    """A line of glyphs on one page, in PDF points (top from the page top)."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str | None
    bold: bool
    space_after: bool = False  # a space glyph was drawn at the end of the line (a wrap at a space)
    cells: tuple[tuple[float, str], ...] = ()  # (x0, text) of each piece set apart by a tab-like gap, if 2+


@dataclass(slots=True)
class _Table:
    page: int
    top: float
    rows: list[list[tuple[int, str]]]  # per row: (grid column, cell text) of each cell
    columns: int = 0  # grid columns
    x0: float = 0.0  # left and right edge of the frame
    x1: float = 0.0


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    blocks: list[_Line | _Table] = field(default_factory=list)
    has_text: bool = False
    undecodable: int = 0  # glyphs without a Unicode mapping, left out
    skipped_grid: int = 0  # ruling-line crossings not looked at for tables (more than max_table_grid)


# -- page → lines and tables ----------------------------------------------------------------------


def _font_name(name: Any) -> str | None:
    if not isinstance(name, str) or not name:
        return None
    return _SUBSET_PREFIX.sub("", name)


def _is_bold(font: str | None) -> bool:
    low = (font or "").lower()
    return any(w in low for w in _BOLD_WORDS)


def _dedupe(chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Drop doubled glyphs (fake bold draws each glyph twice, a fraction of a point apart).

    Same rule as pdfplumber's ``dedupe_chars(tolerance=1)`` — same text, font and size within 1 pt —
    computed by grid buckets in linear time. Returns ``(kept, dropped)``.
    """
    kept: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    grid: dict[tuple[Any, ...], list[tuple[float, float]]] = {}
    for ch in chars:
        key = (ch.get("text"), ch.get("fontname"), round(float(ch.get("size", 0)), 1), ch.get("upright"))
        x, y = float(ch["x0"]), float(ch["top"])
        gx, gy = int(x), int(y)
        if any(
            abs(x - px) <= 1 and abs(y - py) <= 1
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for px, py in grid.get((*key, gx + dx, gy + dy), ())
        ):
            dropped.append(ch)
            continue
        grid.setdefault((*key, gx, gy), []).append((x, y))
        kept.append(ch)
    return kept, dropped


def _inside(ch: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    cx = (float(ch["x0"]) + float(ch["x1"])) / 2
    cy = (float(ch["top"]) + float(ch["bottom"])) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _cell_text(value: str | None) -> str:
    """A table cell's text on one line: wrapped lines joined (with a space only between Latin words)."""
    if not value:
        return ""
    out = ""
    for part in (p.strip() for p in value.replace("\t", " ").split("\n")):
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and part[0].isascii() and part[0].isalpha():
            out += " "
        out += part
    return out


def _lines(chars: list[dict[str, Any]], dropped: list[dict[str, Any]], page: int) -> list[_Line]:
    """Group glyphs into lines (top to bottom, left to right) and build each line's text."""
    glyphs = sorted((c for c in chars if c.get("upright", True) and c.get("text")),
                    key=lambda c: (float(c["top"]), float(c["x0"])))
    groups: list[list[dict[str, Any]]] = []
    for ch in glyphs:
        size = float(ch.get("size") or 10)
        if groups and abs(float(ch["top"]) - float(groups[-1][0]["top"])) <= _LINE_TOLERANCE * size:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    out: list[_Line] = []
    for group in groups:
        group.sort(key=lambda c: float(c["x0"]))
        size = statistics.median(float(c.get("size") or 10) for c in group)
        text = ""
        prev: dict[str, Any] | None = None
        ink: dict[str, Any] | None = None  # the last glyph that is not a space
        cuts: list[tuple[int, float]] = []  # (offset in text, x0) where a cell of a tab-laid row starts
        for ch in group:
            t = str(ch["text"])
            if ink is not None and not t.isspace() and float(ch["x0"]) - float(ink["x1"]) > _CELL_GAP * size:
                cuts.append((len(text), float(ch["x0"])))
            if prev is not None:
                gap = float(ch["x0"]) - float(prev["x1"])
                p = str(prev["text"])
                # Latin words are often placed apart without a space glyph; CJK text is only ever
                # spaced by justification, so there a gap must be much wider to mean a space
                latin = p[-1:].isascii() and p[-1:].isalnum() and t[:1].isascii() and t[:1].isalnum()
                if gap > (_LATIN_SPACE_GAP if latin else _SPACE_GAP) * size and not t.isspace() and not p.isspace():
                    text += " "
            text += t
            prev = ch
            if not t.isspace():
                ink = ch
        if not text.strip():
            continue
        font = Counter(_font_name(c.get("fontname")) for c in group).most_common(1)[0][0]
        top = min(float(c["top"]) for c in group)
        x0, x1 = float(group[0]["x0"]), float(group[-1]["x1"])
        doubled = sum(1 for d in dropped
                      if abs(float(d["top"]) - top) <= _LINE_TOLERANCE * size and x0 - 1 <= float(d["x0"]) <= x1 + 1)
        fake_bold = doubled >= len(group) / 2  # most glyphs drawn twice: bold faked by overprinting
        # leading/trailing spaces are layout, not text; inner spaces are kept as drawn
        stripped = text.strip()
        cells: tuple[tuple[float, str], ...] = ()
        if cuts:
            bounds = [(0, min(float(c["x0"]) for c in group if not str(c["text"]).isspace())), *cuts]
            cells = tuple((x, text[a:b].strip()) for (a, x), (b, _) in
                          itertools.pairwise([*bounds, (len(text), 0.0)]))
        out.append(_Line(
            page=page, text=stripped,
            x0=min(float(c["x0"]) for c in group if not str(c["text"]).isspace()),
            x1=max(float(c["x1"]) for c in group if not str(c["text"]).isspace()),
            top=top, bottom=max(float(c["bottom"]) for c in group),
            size=round(size, 1), font=font, bold=fake_bold or _is_bold(font),
            space_after=text[-1].isspace(), cells=cells,
        ))
    return out


def _tab_tables(blocks: list[_Line | _Table]) -> list[_Line | _Table]:
    """Runs of two or more lines laid out in columns (cells set apart by gaps of `_CELL_GAP`, as tab stops
    place them, with no ruling) become tables: each cell goes to the column whose left edge it starts at."""
    out: list[_Line | _Table] = []
    run: list[_Line] = []

    def close() -> None:
        if len(run) < 2:
            out.extend(run)
            run.clear()
            return
        em = statistics.median(ln.size for ln in run)
        starts = sorted(x for ln in run for x, _ in ln.cells)
        edges = [starts[0]]
        for x in starts[1:]:
            if x - edges[-1] > em:  # cells of one column start within an em of each other
                edges.append(x)
        rows = [[(bisect.bisect_right(edges, x + em) - 1, t) for x, t in ln.cells] for ln in run]
        if any(len({c for c, _ in row}) < len(row) for row in rows):
            out.extend(run)  # two cells of a row in one column: not columns, text with wide gaps
        else:
            # a column skipped between two cells is an empty cell (``\t\t`` in a .txt); one skipped at
            # the start or end is a cell merged with the row above or left open: not a cell of this row
            rows = [[(c, dict(row).get(c, "")) for c in range(row[0][0], row[-1][0] + 1)] for row in rows]
            out.append(_Table(page=run[0].page, top=run[0].top, rows=rows, columns=len(edges),
                              x0=min(ln.x0 for ln in run), x1=max(ln.x1 for ln in run)))
        run.clear()

    for block in blocks:
        # a row has two cells or more and some cell of two characters (a justified line of single
        # characters spread wide is not a row)
        if isinstance(block, _Line) and len(block.cells) >= 2 and any(len(t) >= 2 for _, t in block.cells):
            if run and abs(run[-1].size - block.size) > _SIZE_CHANGE:
                close()
            run.append(block)
            continue
        close()
        out.append(block)
    close()
    return out


class _OverBudget(Exception):  # an internal signal, turned into InputTooLargeError
    """Raised by `_CountingDevice` the moment a page draws more than a limit allows."""

    def __init__(self, limit: str, value: int) -> None:
        super().__init__(limit)
        self.limit = limit
        self.value = value

    def error(self, page: int, source: str) -> InputTooLargeError:
        where = "the document" if self.limit == "max_pdf_objects" else f"page {page}"
        what = "glyphs" if self.limit == "max_page_chars" else "objects"
        return InputTooLargeError(
            f"{where} draws more than {self.value:,} {what}; the limit is {self.limit} "
            f"(raise it with --limit {self.limit}=N)", source=source)


class _CountingDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's own layout device, stopping the interpreter as soon as a page has drawn more glyphs or
    objects than allowed: a few hundred bytes of nested form XObjects can draw billions of glyphs, so
    the budget is checked while drawing, not after."""

    def __init__(self, rsrcmgr: Any, *, pageno: int, laparams: Any, budget: _Budget) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=laparams)
        self.budget = budget

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self.budget.glyph()
        return float(super().render_char(*args, **kwargs))

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self.budget.object()
        super().paint_path(*args, **kwargs)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        self.budget.object()
        super().render_image(*args, **kwargs)

    def begin_figure(self, *args: Any, **kwargs: Any) -> None:
        # a form XObject is parsed and interpreted again at every use: it costs as much as ~20 glyphs
        self.budget.object(_FORM_COST)
        super().begin_figure(*args, **kwargs)


@dataclass(slots=True)
class _Budget:
    """Glyphs and objects left: per page (reset by `page`) and for the whole document."""

    max_chars: int
    max_objects: int
    max_doc: int
    doc_left: int
    chars: int = 0
    objects: int = 0

    def page(self) -> None:
        self.chars = self.objects = 0

    def glyph(self) -> None:
        self.chars += 1
        if self.chars > self.max_chars:
            raise _OverBudget("max_page_chars", self.max_chars)
        self.object()

    def object(self, cost: int = 1, *, page_too: bool = True) -> None:
        self.objects += cost if page_too else 0
        self.doc_left -= cost
        if self.objects > self.max_objects:
            raise _OverBudget("max_page_objects", self.max_objects)
        if self.doc_left < 0:
            raise _OverBudget("max_pdf_objects", self.max_doc)


def _interpret(page: Any, number: int, budget: _Budget, limits: Limits, source: str) -> None:
    """Interpret ``page`` under ``budget`` and hand the result to pdfplumber (which would otherwise
    interpret it without one); refuse a page too large before any drawing is done."""
    area = float(page.width) * float(page.height)
    if not area <= limits.max_page_area:  # `not <=`: a NaN-sized page is refused too
        raise InputTooLargeError(
            f"page {number} is {float(page.width):,.0f} × {float(page.height):,.0f} points; the limit is "
            f"{limits.max_page_area:,.0f} square points (max_page_area; raise it with --limit max_page_area=N)",
            source=source)
    budget.page()
    device = _CountingDevice(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams,
                             budget=budget)
    try:
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except _OverBudget as exc:
        raise exc.error(number, source) from None
    except (RecursionError, MemoryError, PSException, ValueError, TypeError, KeyError, IndexError,
            AttributeError, ZeroDivisionError, OverflowError, AssertionError, EOFError) as exc:
        raise PdfminerException(exc) from None
    page._layout = device.get_result()  # pdfplumber's cache of the interpreted page


def _ruling_grid(page: Any) -> int:
    """Vertical × horizontal ruling lines on ``page`` after pdfplumber's snapping, estimated in one pass:
    how many crossings its table finder would compare (its cost grows much faster than that)."""
    xs: set[int] = set()
    ys: set[int] = set()
    for e in page.edges:
        if e.get("orientation") == "v":
            xs.add(int(float(e["x0"]) // _SNAP))
        elif e.get("orientation") == "h":
            ys.add(int(float(e["top"]) // _SNAP))
    return len(xs) * len(ys)


def _read_page(page: Any, number: int, budget: _Budget | None = None, limits: Limits | None = None,
               source: str = "<pdf>") -> _Page:
    if budget is not None and limits is not None:
        _interpret(page, number, budget, limits, source)
    raw: list[dict[str, Any]] = list(page.chars)
    # a glyph of a font with no Unicode map comes out as "(cid:123)": it cannot be read, only counted
    undecodable = sum(1 for c in raw if str(c.get("text", "")).startswith("(cid:"))
    if undecodable:
        raw = [c for c in raw if not str(c.get("text", "")).startswith("(cid:")]
    chars, dropped = _dedupe(raw)
    out = _Page(number=number, height=float(page.height), undecodable=undecodable,
                has_text=any(str(c.get("text", "")).strip() for c in raw))
    if not out.has_text:
        return out
    tables: list[tuple[tuple[float, float, float, float], list[list[tuple[int, str]]], int]] = []
    crossings = _ruling_grid(page) if (page.rects or page.lines or page.curves) else 0
    too_many = limits is not None and crossings > limits.max_table_grid
    if not too_many and budget is not None:
        try:
            budget.object(_GRID_COST * crossings, page_too=False)
        except _OverBudget as exc:
            raise exc.error(number, source) from None
    # pdfplumber finds tables by their ruling lines, comparing every vertical with every horizontal one and
    # every crossing with the others: past the limit the page is read as text without tables
    if crossings and not too_many:
        kept = {id(c) for c in chars}
        deduped = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in kept)
        for table in deduped.find_tables():
            # None marks a grid position covered by a merged cell: not a cell of its own (as in .docx)
            grid: list[list[str | None]] = table.extract()
            rows = [[(c, _cell_text(v)) for c, v in enumerate(row) if v is not None] for row in grid]
            rows = [r for r in rows if any(t for _, t in r)]
            columns = max((len(row) for row in grid), default=0)
            if rows and columns >= 2:  # a framed paragraph or a boxed list (one column) is text
                x0, top, x1, bottom = (float(v) for v in table.bbox)
                tables.append(((x0, top, x1, bottom), rows, columns))
    if tables:
        chars = [c for c in chars if not any(_inside(c, bbox) for bbox, _, _ in tables)]
    blocks: list[_Line | _Table] = list(_lines(chars, dropped, number))
    blocks.extend(_Table(page=number, top=bbox[1], rows=rows, columns=cols, x0=bbox[0], x1=bbox[2])
                  for bbox, rows, cols in tables)
    blocks.sort(key=lambda b: b.top)
    out.blocks = blocks
    out.skipped_grid = crossings if too_many else 0
    return out


# -- furniture ------------------------------------------------------------------------------------


def _median_gap(pages: Sequence[_Page]) -> float:
    gaps = [
        b.top - a.bottom
        for p in pages
        for a, b in itertools.pairwise(p.blocks)
        if isinstance(a, _Line) and isinstance(b, _Line) and b.top > a.bottom
    ]
    return statistics.median(gaps) if gaps else 0.0


def _furniture(pages: list[_Page], rules: _Rules) -> list[Furniture]:
    """Take page numbers and running headers/footers out of ``pages``; return them as furniture."""
    gap = _median_gap(pages)
    found: dict[tuple[int, int], Furniture] = {}  # (page, id of line) → furniture

    def candidates(p: _Page) -> list[tuple[_Line, str, float]]:
        """(line, zone, distance to the nearest body block) for the first and last two lines of a page."""
        lines = [b for b in p.blocks if isinstance(b, _Line)]
        out: list[tuple[_Line, str, float]] = []
        for i, ln in enumerate(lines[:2]):
            if ln.bottom <= p.height * _FURNITURE_ZONE:
                nxt = lines[i + 1].top if i + 1 < len(lines) else p.height
                out.append((ln, "header", nxt - ln.bottom))
        for i in range(max(len(lines) - 2, 0), len(lines)):
            ln = lines[i]
            if ln.top >= p.height * (1 - _FURNITURE_ZONE) and all(ln is not c[0] for c in out):
                prev = lines[i - 1].bottom if i > 0 else 0.0
                out.append((ln, "footer", ln.top - prev))
        return out

    per_page = [candidates(p) for p in pages]
    for p, cands in zip(pages, per_page, strict=True):
        for ln, _zone, _dist in cands:
            if any(rx.fullmatch(ln.text.strip()) for rx in rules.page_numbers):
                found[(p.number, id(ln))] = Furniture(page=p.number, kind="page-number", text=ln.text)
    if len(pages) >= 2:
        seen: Counter[tuple[str, str]] = Counter()
        for cands in per_page:
            for key in {(zone, _DIGITS.sub("#", ln.text)) for ln, zone, _ in cands}:
                seen[key] += 1
        need = max(2, _REPEAT_SHARE * len(pages))
        for p, cands in zip(pages, per_page, strict=True):
            for ln, zone, dist in cands:
                if (p.number, id(ln)) in found or seen[(zone, _DIGITS.sub("#", ln.text))] < need:
                    continue
                if dist >= _FURNITURE_GAP * gap:  # set apart from the body, not a repeated body line
                    found[(p.number, id(ln))] = Furniture(
                        page=p.number, kind="header" if zone == "header" else "footer", text=ln.text)
    for p in pages:
        p.blocks = [b for b in p.blocks if (p.number, id(b)) not in found]
    return sorted(found.values(), key=lambda f: (f.page, f.kind != "header"))


# -- lines → paragraphs ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    left: float
    right: float
    em: float
    gap: float
    indents: bool  # does this document mark paragraphs by a first-line indent?


def _layout(pages: Sequence[_Page]) -> _Layout:
    lines = [b for p in pages for b in p.blocks if isinstance(b, _Line)]
    em = statistics.median(ln.size for ln in lines)
    left = _left_edge([ln.x0 for ln in lines], em)
    right = _right_edge([ln.x1 for ln in lines], em)
    indents = sum(1 for ln in lines if ln.x0 > left + _INDENT * em) >= max(1, len(lines) // 50)
    return _Layout(left=float(left), right=right, em=em, gap=_median_gap(pages), indents=indents)


def _left_edge(x0s: list[float], em: float) -> float:
    """The left edge of the text block: the leftmost line start that a few other lines share.

    Not the most common start: in a plan of short one-line paragraphs the indented first lines
    outnumber the continuation lines that start at the margin.
    """
    xs = sorted(x0s)
    need = max(2, len(xs) * 3 // 100) if len(xs) >= 10 else 1
    for x in xs:
        if bisect.bisect_right(xs, x + 0.25 * em) - bisect.bisect_left(xs, x) >= need:
            return x
    return xs[0]


def _right_edge(x1s: list[float], em: float) -> float:
    """The right edge of the text block: where wrapped lines end.

    The rightmost line end that at least a few other lines share (within 1 em), so that one line running
    into the margin (a long URL) does not make every full line look short; with few lines, the rightmost.
    """
    xs = sorted(x1s)
    if len(xs) >= 10:
        need = max(2, len(xs) * 3 // 100)
        for x in reversed(xs):
            if bisect.bisect_right(xs, x) - bisect.bisect_left(xs, x - em) >= need:
                return x
    return xs[-1]


def _centred_title(ln: _Line, lay: _Layout) -> bool:
    """Set larger than the body and centred between the margins (not merely indented)."""
    middle = (lay.left + lay.right) / 2
    return (ln.size > lay.em + _SIZE_CHANGE and ln.x0 > lay.left + _INDENT * lay.em
            and abs((ln.x0 + ln.x1) / 2 - middle) < lay.em)


def _continues(a: _Line, b: _Line, lay: _Layout, rules: _Rules) -> bool:
    """Does line ``b`` continue the paragraph of line ``a``?"""
    if abs(a.size - b.size) > _SIZE_CHANGE:
        return False
    if _centred_title(a, lay) and _centred_title(b, lay):
        # a title in a large size wraps onto centred lines (GB/T 9704: 2号小标宋)
        return not rules.paragraph_end.search(a.text) and not rules.marker.match(b.text)
    marker = rules.marker.match(b.text) is not None
    if a.x1 < lay.right - _SHORT_LINE * lay.em and (marker or not _carried_over(a, b, lay, rules)):
        return False  # stopped short of the margin: the paragraph ended
    if b.x0 > lay.left + _INDENT * lay.em:
        return False  # first-line indent (or a centred line)
    if a.page == b.page and lay.gap > 0 and b.top - a.bottom > 2.5 * lay.gap + 0.5 * lay.em:
        return False  # paragraph spacing
    if marker and rules.marker_break.search(a.text):
        return False  # a clause closed (。；：）) and a numbered item starts, even at the margin
    if marker and not lay.indents and not rules.mid_clause.search(a.text):
        return False  # without first-line indents a marker starts an item, unless the line before runs on
    # (…01、02、 / 03、04、…: a list of numbers that happens to wrap); else a sentence end is the only sign
    return not (rules.paragraph_end.search(a.text) and not lay.indents and not _open_bracket(a.text, rules))


def _open_bracket(text: str, rules: _Rules) -> bool:
    """Does ``text`` leave a bracket open (``（负责部门：``)? A sentence does not end inside one."""
    return any(sum(map(text.count, o)) > sum(map(text.count, c)) for o, c in rules.brackets)


def _carried_over(a: _Line, b: _Line, lay: _Layout, rules: _Rules) -> bool:
    """Did line ``a`` stop short because its last characters went over to ``b`` with a mark that may not
    start a line (``业。``) or an opening bracket that may not end one? Then ``a`` is short by about as many
    characters as moved, plus the slack that did not fit a whole character."""
    short = (lay.right - a.x1) / lay.em
    for rx in rules.carried:
        m = rx.match(b.text)
        if m is not None and short <= len(m.group("carried")) + 1:
            return True
    return False


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b  # Latin words wrap at a space; CJK text (and numbers in it) wraps anywhere
    return a + b


class _Text:
    """Builds the document text, page ranges, hints and table cells."""

    def __init__(self, limit: int, source: str) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page_starts: dict[int, int] = {}
        self.hints: list[LineHint] = []
        self.cells: list[TableCell] = []
        self.tables = 0
        self.limit = limit
        self.source = source

    def mark_page(self, page: int) -> None:
        self.page_starts.setdefault(page, self.length)

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)
        if self.length > self.limit:
            raise InputTooLargeError(
                f"has more than {self.limit:,} characters of text; the limit is {self.limit:,}", source=self.source)

    def paragraph(self, lines: list[_Line]) -> None:
        start = self.length
        self.mark_page(lines[0].page)
        self.add(lines[0].text)
        for prev, ln in itertools.pairwise(lines):
            if ln.page != prev.page:
                self.mark_page(ln.page)
            if prev.space_after or _join(prev.text, ln.text) != prev.text + ln.text:
                self.add(" ")
            self.add(ln.text)
        first = lines[0]
        self.hints.append(LineHint(start=start, end=self.length, bold=first.bold, font=first.font, size=first.size))
        self.add("\n")

    def table(self, table: _Table, *, continues: _Table | None = None) -> None:
        """Rows of ``table``; a table that ``continues`` one cut by a page break keeps its index and row
        count, and drops the header row Word repeats at the top of each page."""
        rows = table.rows
        if continues is not None and self.tables:
            index = self.tables - 1
            first = 1 + max((c.row for c in self.cells if c.table == index), default=-1)
            if rows and continues.rows and rows[0] == continues.rows[0]:
                rows = rows[1:]
        else:
            index = self.tables
            self.tables += 1
            first = 0
        for r, row in enumerate(rows, start=first):
            self.mark_page(table.page)
            for n, (col, cell) in enumerate(row):
                if n:
                    self.add("\t")
                self.cells.append(TableCell(table=index, row=r, col=col, start=self.length, end=self.length + len(cell)))
                self.add(cell)
            self.add("\n")


def _assemble(pages: list[_Page], rules: _Rules, limit: int, source: str) -> _Text:
    out = _Text(limit, source)
    lines = [b for p in pages for b in p.blocks if isinstance(b, _Line)]
    if not lines and not any(isinstance(b, _Table) for p in pages for b in p.blocks):
        return out
    lay = _layout(pages) if lines else _Layout(0.0, 0.0, 10.0, 0.0, False)
    para: list[_Line] = []
    last: _Line | _Table | None = None
    for p in pages:
        for n, block in enumerate(p.blocks):
            previous, last = last, block
            if isinstance(block, _Table):
                if para:
                    out.paragraph(para)
                    para = []
                # a table at the top of a page right after a table that ended the previous page, with as
                # many columns or the same frame, is that table going on (a header row left alone at the foot
                # of a page shows fewer grid columns than the rows below it when they split a cell)
                cont = (isinstance(previous, _Table) and n == 0 and previous.page == p.number - 1
                        and (previous.columns == block.columns
                             or (abs(previous.x0 - block.x0) <= _SNAP and abs(previous.x1 - block.x1) <= _SNAP)))
                out.table(block, continues=previous if cont and isinstance(previous, _Table) else None)
                continue
            if para and not _continues(para[-1], block, lay, rules):
                out.paragraph(para)
                para = []
            para.append(block)
        out.mark_page(p.number)  # a page with no body text starts where the next one does
    if para:
        out.paragraph(para)
    return out


# -- the file -------------------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs recoverable damage as warnings; while reading, only real errors may reach stderr
    (the CLI promises one line per bad file). The level is restored afterwards."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _page_count(pdf: Any) -> int | None:
    """The page count the page tree declares (``/Count``), without building every page."""
    pages = resolve1(pdf.doc.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    return count if isinstance(count, int) else None


def _refuse(exc: BaseException, source: str) -> Exception:
    """Turn an exception of pdfminer/pdfplumber into the textkit error saying what is wrong."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return EncryptedPdfError(
            "is encrypted (password-protected); remove the password (e.g. print it to a new PDF) and try again",
            source=source)
    detail = str(inner) or type(inner).__name__
    return CorruptFileError(f"is not a readable PDF ({type(inner).__name__}: {detail})", source=source)


def read_pdf_bytes(data: bytes, *, source: str, limits: Limits) -> Document:
    """Build a `Document` from the bytes of a .pdf plan.

    Raises `ScannedPdfError` when no page has a text layer (OCR it first), `EncryptedPdfError`,
    `CorruptFileError` (not a PDF, damaged, zero pages), `InputTooLargeError` (more pages than
    ``limits.max_pages`` or more characters than ``limits.max_chars``).

    >>> doc = read_pdf_bytes(data, source="方案.pdf", limits=Limits())  # doctest: +SKIP
    >>> doc.furniture[0]  # doctest: +SKIP
    Furniture(page=1, kind='page-number', text='— 1 —')
    """
    if not data.strip():
        raise EmptyInputError("the file is empty", source=source)
    if not data.lstrip()[:1024].find(b"%PDF") >= 0:
        raise CorruptFileError("is not a PDF (no %PDF header)", source=source)
    rules = _rules()
    try:
        with _quiet_pdfminer(), pdfplumber.open(io.BytesIO(data)) as pdf:
            declared = _page_count(pdf)
            if declared is not None and declared > limits.max_pages:
                raise InputTooLargeError(f"has {declared:,} pages; the limit is {limits.max_pages:,}", source=source)
            plumber_pages = pdf.pages
            if not plumber_pages:
                raise CorruptFileError("has no pages", source=source)
            if len(plumber_pages) > limits.max_pages:
                raise InputTooLargeError(
                    f"has {len(plumber_pages):,} pages; the limit is {limits.max_pages:,}", source=source)
            budget = _Budget(max_chars=limits.max_page_chars, max_objects=limits.max_page_objects,
                             max_doc=limits.max_pdf_objects, doc_left=limits.max_pdf_objects)
            pages = [_read_page(p, n, budget, limits, source) for n, p in enumerate(plumber_pages, start=1)]
    except (PdfminerException, MalformedPDFException, PSException) as exc:
        raise _refuse(exc, source) from None
    blank = [p.number for p in pages if not p.has_text]
    undecodable = sum(p.undecodable for p in pages)
    if len(blank) == len(pages) and undecodable:
        raise ScannedPdfError(
            f"has a text layer that cannot be decoded ({undecodable:,} glyphs in fonts without a Unicode map): "
            "it needs OCR (e.g. ocrmypdf) before textkit can read it", source=source)
    if len(blank) == len(pages):
        raise ScannedPdfError(
            f"has no text layer on any of its {len(pages)} page(s): it is scanned or made of images and "
            "needs OCR (e.g. ocrmypdf) before textkit can read it", source=source)
    furniture = _furniture(pages, rules)
    for p in pages:
        p.blocks = _tab_tables(p.blocks)
    built = _assemble(pages, rules, limits.max_chars, source)
    text = "".join(built.parts)
    if not text.strip():
        raise EmptyInputError("has only page headers, footers and page numbers, no body text", source=source)
    ranges = []
    for n, p in enumerate(pages):
        start = built.page_starts.get(p.number, len(text))
        end = built.page_starts.get(pages[n + 1].number, len(text)) if n + 1 < len(pages) else len(text)
        ranges.append(PageRange(number=p.number, start=start, end=max(start, end)))
    warnings: tuple[str, ...] = ()
    if undecodable:
        warnings += (f"{undecodable:,} glyphs in fonts without a Unicode map were left out",)
    skipped = [p.number for p in pages if p.skipped_grid]
    if skipped:
        warnings += (f"page(s) {', '.join(map(str, skipped))} have more than {limits.max_table_grid:,} ruling-line "
                     "crossings: read as text without looking for tables (max_table_grid)",)
    if blank:
        which = f"page {blank[0]} has" if len(blank) == 1 else f"pages {', '.join(map(str, blank))} have"
        warnings += (f"{which} no readable text layer (scanned or damaged); its content is missing",)
    return Document(text=text, source=source, format="pdf", pages=tuple(ranges), furniture=tuple(furniture),
                    hints=tuple(built.hints), tables=tuple(built.cells), warnings=warnings)
