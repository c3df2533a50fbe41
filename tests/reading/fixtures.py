"""Builders of the .docx and .pdf files the reading tests use: the tests make their own inputs.

- `docx_from_text`: a plan as .docx, its markers typed or produced by a real Word numbering definition
  (``word/numbering.xml``: chineseCounting ``%1、`` / ``（%2）``, decimal ``%3.``, and variants of a level
  with ``startOverride`` where the typed plan changes the form of a marker in mid-list);
- `task_table_docx`: a plan with a task table (merged cells, a two-paragraph cell);
- `pdf_from_text`: a plan as a multi-page A4 PDF in reportlab's built-in CID font ``STSong-Light``, with a
  running header, a ``— N —`` page-number footer, wrapped lines, first-line indents and fake-bold level-1
  headings (each glyph drawn twice);
- small bad inputs: image-only (scanned) PDF, encrypted PDF, zero-page PDF, zip bomb, non-Word zip.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

_CN = "[一二三四五六七八九十]+"
# (regex of a typed marker, list level, Word numFmt, lvlText of that level)
MARKER_FORMS: tuple[tuple[str, int, str, str], ...] = (
    (rf"^({_CN})、", 0, "chineseCounting", "%1、"),
    (rf"^（({_CN})）", 1, "chineseCounting", "（%2）"),
    (rf"^\(({_CN})\)", 1, "chineseCounting", "(%2)"),
    (r"^(\d+)\.(?!\d)", 2, "decimal", "%3."),
    (r"^(\d+)．", 2, "decimal", "%3．"),
    (r"^(\d+)、", 2, "decimal", "%3、"),
)
BASE_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
_CN_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def _cn_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_VALUES[s[1]]
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _CN_VALUES[tens] * 10 + (_CN_VALUES[ones] if ones else 0)
    return _CN_VALUES[s]


def split_marker(line: str) -> tuple[str, int, int, str] | None:
    """``（三）深刻检视问题`` → (marker, level, value, lvlText of its form)."""
    for pattern, level, _fmt, lvl_text in MARKER_FORMS:
        m = re.match(pattern, line)
        if m:
            return m.group(0), level, _cn_value(m.group(1)), lvl_text
    return None


def _level_xml(ilvl: int, fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


@dataclass
class _Lists:
    """Numbering definitions added to a python-docx document, and a simulation of Word's counters."""

    numbering: object
    abstracts: dict[tuple[int, str], int] = field(default_factory=dict)
    counters: dict[int, dict[int, int]] = field(default_factory=dict)
    current: dict[int, int] = field(default_factory=dict)
    overrides: dict[int, dict[int, int]] = field(default_factory=dict)
    applied: set[tuple[int, int]] = field(default_factory=set)
    next_abstract: int = 100
    next_num: int = 100

    def _abstract(self, level: int, lvl_text: str) -> int:
        key = (level, lvl_text) if lvl_text != BASE_LEVELS[level][1] else (-1, "")
        if key not in self.abstracts:
            aid = self.next_abstract
            self.next_abstract += 1
            levels = "".join(
                _level_xml(i, fmt, lvl_text if i == level and key[0] >= 0 else text)
                for i, (fmt, text) in enumerate(BASE_LEVELS)
            )
            el = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                           f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
            first_num = next((c for c in self.numbering if c.tag.endswith("}num")), None)  # type: ignore[attr-defined]
            if first_num is not None:
                first_num.addprevious(el)  # schema order: every abstractNum before the first num
            else:
                self.numbering.append(el)  # type: ignore[attr-defined]
            self.abstracts[key] = aid
            self.counters[aid] = {}
        return self.abstracts[key]

    def _num(self, aid: int, override: tuple[int, int] | None) -> int:
        nid = self.next_num
        self.next_num += 1
        ov = ""
        if override is not None:
            ov = f'<w:lvlOverride w:ilvl="{override[0]}"><w:startOverride w:val="{override[1]}"/></w:lvlOverride>'
            self.overrides[nid] = {override[0]: override[1]}
        self.numbering.append(parse_xml(  # type: ignore[attr-defined]
            f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'))
        self.current[aid] = nid
        return nid

    def _shown(self, aid: int, nid: int, level: int) -> int:
        """The value Word shows for the next paragraph of list ``nid`` at ``level`` (ECMA-376 17.9):
        a startOverride applies the first time its instance is used and whenever the level restarts."""
        override = self.overrides.get(nid, {}).get(level)
        if override is not None and (nid, level) not in self.applied:
            return override
        counters = self.counters[aid]
        if level in counters:
            return counters[level] + 1
        return override if override is not None else 1

    def num_for(self, level: int, value: int, lvl_text: str) -> int:
        """The numId to put on a paragraph so that Word shows ``value`` at ``level`` in form ``lvl_text``."""
        aid = self._abstract(level, lvl_text)
        nid = self.current.get(aid)
        if nid is None or self._shown(aid, nid, level) != value:
            nid = self._num(aid, None if value == self._shown(aid, -1, level) else (level, value))
        self.applied.add((nid, level))
        counters = self.counters[aid]
        counters[level] = value
        for deeper in [d for d in counters if d > level]:
            del counters[deeper]
        return nid


def _set_num(paragraph: object, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def docx_from_text(text: str, *, numbering: str = "typed", extras: bool = True, tables: str = "word") -> bytes:
    """The plan ``text`` as .docx, one paragraph a line; runs of tab-separated lines as Word tables, or with
    ``tables="tabs"`` as paragraphs laid out with tab characters (``<w:tab/>``, one per cell boundary).

    ``numbering="typed"``: markers are characters of the text. ``"auto"``: every line that starts with a
    marker gets its marker from Word list numbering instead (the text keeps only the title and body).
    ``extras`` adds what a reader must leave out or keep without changing the visible text: a running
    header and footer, a comment, a deleted tracked change, an inserted tracked change, hidden text.
    """
    d = docx.Document()
    lists = _Lists(d.part.numbering_part.element) if numbering == "auto" else None
    lines = [ln for ln in text.split("\n") if ln.strip()]
    table_rows: list[list[str]] = []
    for n, line in enumerate(lines):
        if "\t" in line and tables == "tabs":
            d.add_paragraph().add_run(line)  # python-docx writes each \t as <w:tab/>
            continue
        if "\t" in line:
            table_rows.append(line.split("\t"))
            if n + 1 < len(lines) and "\t" in lines[n + 1]:
                continue
            _docx_table(d, table_rows)
            table_rows = []
            continue
        found = split_marker(line)
        body = line
        if lists is not None and found is not None:
            marker, level, value, lvl_text = found
            body = line[len(marker):]
        p = d.add_paragraph(style="Heading 1" if found is not None and found[1] == 0 else None)
        if extras and n == 2 and len(body) > 20:
            # a tracked insertion in the middle of the paragraph, a tracked deletion and hidden text
            p.add_run(body[:10])
            p._p.append(parse_xml(
                f'<w:ins {nsdecls("w")} w:id="901" w:author="t" w:date="2024-01-01T00:00:00Z">'
                f'<w:r><w:t xml:space="preserve">{body[10:20]}</w:t></w:r></w:ins>'))
            p._p.append(parse_xml(
                f'<w:del {nsdecls("w")} w:id="902" w:author="t" w:date="2024-01-01T00:00:00Z">'
                '<w:r><w:delText>这段删除的文字不应出现</w:delText></w:r></w:del>'))
            hidden = p.add_run("隐藏文字")
            hidden.font.hidden = True
            run = p.add_run(body[20:])
            d.add_comment(run, text="批注内容不应出现", author="审核人")
        else:
            p.add_run(body)
        if lists is not None and found is not None:
            _set_num(p, lists.num_for(level, value, lvl_text), level)
    if extras:
        section = d.sections[0]
        section.header.paragraphs[0].text = "某局文件（页眉）"
        section.footer.paragraphs[0].text = "第1页（页脚）"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _docx_table(d: object, rows: list[list[str]]) -> None:
    """Tab-separated lines as a Word table; a row with fewer cells has its last cell merged to the right
    edge (the .txt export of a merged cell)."""
    cols = max(len(r) for r in rows)
    table = d.add_table(rows=len(rows), cols=cols)  # type: ignore[attr-defined]
    for row, values in zip(table.rows, rows, strict=True):
        cells = row.cells  # one lookup per row: table.cell(r, c) rebuilds the whole grid every call
        if len(values) < cols:
            cells[len(values) - 1].merge(cells[cols - 1])
        for cell, value in zip(cells, values, strict=False):
            cell.paragraphs[0].text = value


TASK_ROWS = (
    ("序号", "工作任务", "责任单位", "完成时限"),
    ("1", "制定学习计划", "机关党委", "2023年9月底前"),
    ("2", "开展专题调研", "办公室\n人事科", "2023年10月"),
    ("3", "召开专题民主生活会", "机关党委", "2023年11月底前"),
)


def task_table_docx() -> bytes:
    """A short plan with a numbered heading, a task table (one cell of two paragraphs, a merged title
    row) and a text box anchored in the paragraph after the table."""
    d = docx.Document()
    d.add_paragraph("一、重点任务")
    table = d.add_table(rows=len(TASK_ROWS) + 1, cols=4)
    title = table.cell(0, 0).merge(table.cell(0, 3))
    title.text = "重点任务清单"
    for r, row in enumerate(TASK_ROWS, start=1):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            parts = value.split("\n")
            cell.paragraphs[0].text = parts[0]
            for extra in parts[1:]:
                cell.add_paragraph(extra)
    p = d.add_paragraph("二、保障措施")
    p.runs[0].font.size = Pt(16)
    box = parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        '<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框中的说明</w:t></w:r></w:p></w:txbxContent>'
        '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框中的说明</w:t></w:r></w:p></w:txbxContent>'
        '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    anchor = d.add_paragraph("加强组织领导。")
    anchor._p.append(box)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# -- PDF ------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 80.0, 80.0, 90.0, 80.0
BODY_SIZE, HEADING_SIZE = 12.0, 15.0
LEADING = 1.6
HEADER_TEXT = "某局学习贯彻主题教育实施方案"


@dataclass
class BuiltPdf:
    data: bytes
    pages: int
    line_pages: list[int]  # for each non-empty input line: the page its first characters are on


# Chinese line breaking (kinsoku, GB/T 15834 practice): closing punctuation never starts a line and
# opening brackets never end one; a layout engine carries the character before such a mark along to the
# next line, leaving the line a character or two short of the margin when it is not justified
NO_START = "，。、；：？！）》」』】”’…—%"
NO_END = "（《「『【“‘"


def _wrap(text: str, width: float, size: float, indent: float, *, kinsoku: bool = False) -> list[str]:
    lines: list[str] = []
    cur, cur_w, avail = "", 0.0, width - indent
    for ch in text:
        w = pdfmetrics.stringWidth(ch, FONT, size)
        if cur and cur_w + w > avail + 0.01:
            # like a layout engine, wrap Latin words and numbers whole (CJK text wraps anywhere)
            run = len(cur) - len(cur.rstrip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
            carry = cur[len(cur) - run:] if ch.isascii() and ch.isalnum() and 0 < run < len(cur) else ""
            if kinsoku and not carry:
                n = 0
                if ch in NO_START:  # the mark may not start the line: the character before it goes too
                    n = 1
                    while n < 2 and n < len(cur) - 1 and cur[-n] in NO_START:
                        n += 1
                while n < len(cur) - 1 and cur[-n - 1] in NO_END:  # an opening bracket may not end a line
                    n += 1
                carry = cur[len(cur) - n:] if n else ""
            lines.append(cur[: len(cur) - len(carry)])
            cur, avail = carry, width
            cur_w = pdfmetrics.stringWidth(carry, FONT, size)
        cur += ch
        cur_w += w
    if cur:
        lines.append(cur)
    return lines


def pdf_from_text(text: str, *, header: str | None = HEADER_TEXT, footer: bool = True, indent: str = "all",
                  justify: bool = True, kinsoku: bool = False, tables: str = "ruled") -> BuiltPdf:
    """The plan ``text`` as an A4 PDF: body 12 pt with a two-character first-line indent, level-1
    headings (一、…) 15 pt fake bold (drawn twice, 0.3 pt apart), lines wrapped and justified at the right
    margin, a running header and a ``— N —`` footer on every page; runs of tab-separated lines as ruled
    tables (a short row's last cell spans to the right edge).

    Other layouts: ``indent="body"`` sets lines that start with a marker flush left (only the other
    paragraphs are indented), ``indent="none"`` indents nothing; ``justify=False`` leaves the right edge
    ragged; ``kinsoku=True`` breaks lines by the Chinese rules (`NO_START`, `NO_END`). ``tables="tabs"`` sets
    a table whose rows fit on one line each as a Word user does with tab stops: each cell at its column's
    left edge, 2 characters apart, no ruling (a wider table is still ruled)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width = PAGE_W - LEFT - RIGHT
    page = 1
    y = PAGE_H - TOP
    line_pages: list[int] = []

    def furniture() -> None:
        if header:
            c.setFont(FONT, 10.5)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 50, header)
        if footer:
            c.setFont(FONT, 14)
            c.drawCentredString(PAGE_W / 2, 40, f"— {page} —")

    def new_page() -> None:
        nonlocal page, y
        c.showPage()
        page += 1
        furniture()
        y = PAGE_H - TOP

    def tab_table(rows: list[list[str]]) -> bool:
        """Rows on one line each, cells at tab stops; False when they do not fit the width."""
        nonlocal y
        cols = max(len(r) for r in rows)
        widths = [max(pdfmetrics.stringWidth(r[k], FONT, BODY_SIZE) for r in rows if k < len(r)) + 2 * BODY_SIZE
                  for k in range(cols)]
        if sum(widths) - 2 * BODY_SIZE > width:
            return False
        for row in rows:
            if y < BOTTOM + BODY_SIZE:
                new_page()
            line_pages.append(page)
            c.setFont(FONT, BODY_SIZE)
            for k, value in enumerate(row):
                c.drawString(LEFT + sum(widths[:k]), y, value)
            y -= BODY_SIZE * LEADING
        return True

    def table(rows: list[list[str]]) -> None:
        """Ruled grid, cells wrapped in their column; the font shrinks until the tallest row fits a page."""
        nonlocal y
        if tables == "tabs" and tab_table(rows):
            return
        cols = max(len(r) for r in rows)
        for size in (9.0, 8.0, 7.0, 6.0, 5.0, 4.0):
            natural = [max([pdfmetrics.stringWidth(r[k], FONT, size) + 6 for r in rows if len(r) == cols] + [3 * size])
                       for k in range(cols)]
            least = min(2.5 * size, width / cols)  # every column keeps room for a couple of characters
            widths = [least + (width - cols * least) * w / sum(natural) for w in natural]
            spans = [[sum(widths[:k]) for k in range(len(r))] + [width] for r in rows]
            cells = [[_wrap(v, spans[i][k + 1] - spans[i][k] - 4, size, 0) or [""] for k, v in enumerate(r)]
                     for i, r in enumerate(rows)]
            heights = [max(len(ws) for ws in row) * size * 1.25 + 5 for row in cells]
            if max(heights) <= PAGE_H - TOP - BOTTOM - 10:
                break
        c.setLineWidth(0.6)
        for i, row in enumerate(cells):
            h = heights[i]
            if y - h < BOTTOM:
                new_page()
            line_pages.append(page)
            c.setFont(FONT, size)
            c.line(LEFT, y, LEFT + width, y)
            c.line(LEFT, y - h, LEFT + width, y - h)
            for k, pieces in enumerate(row):
                x = LEFT + spans[i][k]
                c.line(x, y, x, y - h)
                for j, piece in enumerate(pieces):
                    c.drawString(x + 2, y - 2 - (j + 1) * size * 1.25 + 2, piece)
            c.line(LEFT + width, y, LEFT + width, y - h)
            y -= h
        y -= BODY_SIZE * LEADING

    furniture()
    lines = [ln for ln in text.split("\n") if ln.strip()]
    rows: list[list[str]] = []
    for at, line in enumerate(lines):
        if "\t" in line:
            rows.append(line.split("\t"))
            if at + 1 == len(lines) or "\t" not in lines[at + 1]:
                table(rows)
                rows = []
            continue
        found = split_marker(line)
        heading = found is not None and found[1] == 0
        size = HEADING_SIZE if heading else BODY_SIZE
        first_indent = 2 * size if indent == "all" or (indent == "body" and found is None) else 0.0
        wrapped = _wrap(line, width, size, first_indent, kinsoku=kinsoku)
        first = True
        for n, piece in enumerate(wrapped):
            if y < BOTTOM + size:
                new_page()
            if first:
                line_pages.append(page)
            x = LEFT + (first_indent if first else 0)
            # justified, as Word sets Chinese body text: every line but the last is spread to the margin
            spare = LEFT + width - x - pdfmetrics.stringWidth(piece, FONT, size)
            spacing = spare / (len(piece) - 1) if justify and n < len(wrapped) - 1 and len(piece) > 1 else 0.0
            for dx in (0.0, 0.3) if heading else (0.0,):
                t = c.beginText(x + dx, y)
                t.setFont(FONT, size)
                t.setCharSpace(spacing)
                t.textOut(piece)
                c.drawText(t)
            y -= size * LEADING
            first = False
    c.showPage()
    c.save()
    return BuiltPdf(data=buf.getvalue(), pages=page, line_pages=line_pages)


TABLE_INTRO = "各单位要按照下表明确的工作任务、责任单位和完成时限，逐项抓好落实，确保各项任务按期完成，并及时报送进展情况。"


def table_pdf() -> bytes:
    """One page: a heading, a paragraph, a ruled task table, and a closing paragraph."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(FONT, 12)
    y = PAGE_H - TOP
    c.drawString(LEFT + 24, y, "一、重点任务")
    y -= 30
    width = PAGE_W - LEFT - RIGHT
    for n, piece in enumerate(_wrap(TABLE_INTRO, width, 12, 24)):
        c.drawString(LEFT + (24 if n == 0 else 0), y, piece)
        y -= 19.2
    y -= 10
    widths = (40.0, 170.0, 120.0, 105.0)
    row_h = 24.0
    top = y
    rows = [tuple(v.replace("\n", "") for v in row) for row in TASK_ROWS]
    for r, row in enumerate(rows):
        x = LEFT
        for w, value in zip(widths, row, strict=True):
            c.drawString(x + 4, top - (r + 1) * row_h + 8, value)
            x += w
    c.setLineWidth(0.8)
    bottom = top - len(rows) * row_h
    for r in range(len(rows) + 1):
        c.line(LEFT, top - r * row_h, LEFT + sum(widths), top - r * row_h)
    x = LEFT
    for w in (0.0, *widths):
        x += w
        c.line(x, top, x, bottom)
    c.drawString(LEFT + 24, bottom - 30, "二、保障措施")
    c.showPage()
    c.save()
    return buf.getvalue()


def long_table_pdf(rows: int = 45) -> tuple[bytes, list[int]]:
    """A task table of ``rows`` rows that runs over page breaks, its header row repeated on every page
    (as Word does); returns the PDF and the page of each data row."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    widths = (40.0, 200.0, 110.0, 85.0)
    row_h = 24.0
    header = TASK_ROWS[0]
    data = [(str(n), f"第{n}项工作任务", ("机关党委", "办公室", "人事科")[n % 3], f"{n % 12 + 1}月底前")
            for n in range(1, rows + 1)]
    pages: list[int] = []
    page = 1

    def start_page(with_heading: bool) -> float:
        c.setFont(FONT, 12)
        y: float = PAGE_H - TOP
        if with_heading:
            c.drawString(LEFT + 24, y, "附件：重点任务清单")
            y -= 30
        return y

    def draw_row(row: tuple[str, ...], top: float) -> None:
        x = LEFT
        c.setLineWidth(0.8)
        c.line(LEFT, top, LEFT + sum(widths), top)
        c.line(LEFT, top - row_h, LEFT + sum(widths), top - row_h)
        for w, value in zip(widths, row, strict=True):
            c.line(x, top, x, top - row_h)
            c.drawString(x + 4, top - row_h + 8, value)
            x += w
        c.line(x, top, x, top - row_h)

    top = start_page(True)
    draw_row(header, top)
    top -= row_h
    for row in data:
        if top - row_h < BOTTOM:
            c.showPage()
            page += 1
            top = start_page(False)
            draw_row(header, top)
            top -= row_h
        draw_row(row, top)
        pages.append(page)
        top -= row_h
    c.showPage()
    c.save()
    return buf.getvalue(), pages


def titled_pdf(title: str) -> bytes:
    """A first page as GB/T 9704 sets it: a 20 pt title centred on two lines, a centred date in 14 pt,
    then a heading and a justified body paragraph."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width = PAGE_W - LEFT - RIGHT
    y = PAGE_H - TOP
    for piece in _wrap(title, width - 40, 20, 0):
        c.setFont(FONT, 20)
        c.drawCentredString(LEFT + width / 2, y, piece)
        y -= 32
    c.setFont(FONT, 14)
    c.drawCentredString(LEFT + width / 2, y, "（2023年4月）")
    y -= 36
    c.setFont(FONT, 12)
    c.drawString(LEFT + 24, y, "一、总体要求")
    y -= 19.2
    pieces = _wrap(TABLE_INTRO * 2, width, 12, 24)
    for n, piece in enumerate(pieces):
        x = LEFT + (24 if n == 0 else 0)
        t = c.beginText(x, y)
        t.setFont(FONT, 12)
        if n < len(pieces) - 1 and len(piece) > 1:
            t.setCharSpace((LEFT + width - x - pdfmetrics.stringWidth(piece, FONT, 12)) / (len(piece) - 1))
        t.textOut(piece)
        c.drawText(t)
        y -= 19.2
    c.showPage()
    c.save()
    return buf.getvalue()


def latin_words_pdf() -> bytes:
    """Latin words placed apart without space glyphs (as some PDF writers do), inside Chinese text."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = PAGE_H - TOP
    x = LEFT
    for word in ("推动", "IPv6", "规模部署和", "Wi-Fi", "6", "网络建设"):
        c.setFont(FONT, 12)
        c.drawString(x, y, word)
        x += pdfmetrics.stringWidth(word, FONT, 12) + (3.0 if word.isascii() else 0.0)
    c.showPage()
    c.save()
    return buf.getvalue()


def scanned_pdf(pages: int = 2, *, text_first_page: str | None = None) -> bytes:
    """Pages that hold only an image of text, as a scanner makes them: no text layer (except, with
    ``text_first_page``, a first page that also has that line of text)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (400, 200), 255)
    draw = ImageDraw.Draw(img)
    for i in range(8):
        draw.rectangle((20, 20 + i * 20, 380, 30 + i * 20), fill=0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(pages):
        if n == 0 and text_first_page:
            c.setFont(FONT, 12)
            c.drawString(LEFT, PAGE_H - TOP, text_first_page)
        c.drawImage(ImageReader(img), LEFT, PAGE_H - 400, width=400, height=200)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    """A PDF that needs a user password to open."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt="secret")
    c.setFont(FONT, 12)
    c.drawString(LEFT, PAGE_H - TOP, "一、总体要求")
    c.showPage()
    c.save()
    return buf.getvalue()


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (``/Count 0``)."""
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ])


def undecodable_pdf() -> bytes:
    """One page of text in a composite font with no ToUnicode map: the glyphs cannot be turned into text."""
    content = b"BT /F1 12 Tf 72 700 Td <0011002200330044> Tj ET"
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /XYZ /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /XYZ /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /XYZ /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ])


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written by hand: numbered objects, a correct cross-reference table, a trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n" % (len(objects) + 1))
    out.write(b"0000000000 65535 f \n")
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def zip_bomb(uncompressed: int) -> bytes:
    """A .docx-looking zip whose document part inflates to ``uncompressed`` bytes of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            left = uncompressed
            while left > 0:
                fh.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return buf.getvalue()


def non_word_zip() -> bytes:
    """A zip that is an Excel workbook, not a Word document."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


def empty_docx() -> bytes:
    """A valid .docx with no text at all."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    return buf.getvalue()


def pdf_from_lines(pages: list[list[tuple[str, float, float]]], *, size: float = BODY_SIZE) -> bytes:
    """Lines placed exactly as given, one list per page: ``(text, indent, short)`` draws ``text`` from
    ``indent`` characters right of the left margin and spreads it so that it ends ``short`` characters before
    the right margin (0: at the margin, as a justified full line; negative: its natural width)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width = PAGE_W - LEFT - RIGHT
    for lines in pages:
        y = PAGE_H - TOP
        for text, indent, short in lines:
            x = LEFT + indent * size
            t = c.beginText(x, y)
            t.setFont(FONT, size)
            natural = pdfmetrics.stringWidth(text, FONT, size)
            if short >= 0 and len(text) > 1:
                t.setCharSpace((LEFT + width - short * size - x - natural) / (len(text) - 1))
            t.textOut(text)
            c.drawText(t)
            y -= size * LEADING
        c.showPage()
    c.save()
    return buf.getvalue()


def split_header_table_pdf() -> bytes:
    """A ruled task table cut by a page break right after its header row: page 1 ends with the header, whose
    last cell spans the two rightmost grid columns; page 2 holds the rows in the full five-column grid."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    widths = (40.0, 170.0, 110.0, 85.0, 30.0)
    row_h = 24.0
    rows = (("1", "制定学习计划", "机关党委", "2023年9月底前", "是"),
            ("2", "开展专题调研", "办公室", "2023年10月", "否"),
            ("3", "召开专题民主生活会", "机关党委", "2023年11月底前", "是"))

    def draw(cells: tuple[str, ...], spans: tuple[float, ...], top: float) -> None:
        c.setLineWidth(0.8)
        c.line(LEFT, top, LEFT + sum(widths), top)
        c.line(LEFT, top - row_h, LEFT + sum(widths), top - row_h)
        x = LEFT
        for w, value in zip(spans, cells, strict=True):
            c.line(x, top, x, top - row_h)
            c.drawString(x + 4, top - row_h + 8, value)
            x += w
        c.line(x, top, x, top - row_h)

    c.setFont(FONT, 12)
    c.drawString(LEFT + 24, PAGE_H - TOP, "附件：重点任务清单")
    draw(TASK_ROWS[0], (*widths[:3], widths[3] + widths[4]), BOTTOM + 2 * row_h)
    c.showPage()
    c.setFont(FONT, 12)
    top = PAGE_H - TOP
    for row in rows:
        draw(row, widths, top)
        top -= row_h
    c.showPage()
    c.save()
    return buf.getvalue()
