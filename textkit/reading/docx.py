"""Reading .docx plans: the body in reading order, Word numbering rendered, tables as tab-separated rows.

The text follows the .txt convention so the structure parser reads it like a .txt: one paragraph a
line; a table row a line with its cells separated by ``\\t`` (a Word table, or two or more paragraphs in a
row laid out with tab characters). Word automatic numbering is rendered as a
reader sees it (``一、`` ``（一）`` ``1.``), and each paragraph's style, outline level, font and whether its
marker came from list numbering are kept as `LineHint`s; every table cell is a `TableCell`.

Left out: headers, footers, footnotes and comments (they are other parts of the package), deleted
tracked changes (``w:del``, ``w:moveFrom``) and hidden text. Kept: inserted tracked changes
(``w:ins``, ``w:moveTo``), field results, content controls, and text boxes, which follow the paragraph
they are anchored in.

The package is read with zipfile + ElementTree under a cap on its uncompressed size (zip bombs).

>>> doc = read_docx_bytes(open("plan.docx", "rb").read(), source="plan.docx",
...                       limits=Limits())  # doctest: +SKIP
>>> doc.text.splitlines()[0]  # doctest: +SKIP
'一、总体要求'
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from textkit.errors import CorruptFileError, EmptyInputError, InputTooLargeError, UnsupportedFormatError
from textkit.model import Document, LineHint, TableCell
from textkit.reading.markers import line_start_marker
from textkit.reading.numbering import (
    NumberingCounter,
    parse_numbering,
    wml_attr,
    wml_child,
    wml_name,
)

if TYPE_CHECKING:
    from textkit.reading import Limits

__all__ = ["read_docx_bytes"]

_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_OTHER_PACKAGES = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt/.ods); save it as .docx"),
)
# Files saved with a .docx name that are something else, and what to do about it.
_NOT_ZIP = (
    (b"\xd0\xcf\x11\xe0", "an OLE compound file: a legacy .doc, or a password-protected .docx "
                           "(remove the password and save it as .docx)"),
    (b"{\\rtf", "an RTF file (save it as .docx)"),
    (b"<html", "an HTML page (Word 'web page'; save it as .docx)"),
    (b"<!doctype html", "an HTML page (Word 'web page'; save it as .docx)"),
    (b"mime-version:", "a single-file web page (.mht; save it as .docx)"),
    (b"<?xml", "a flat XML file (Word 2003 XML or .fodt; save it as .docx)"),
    (b"%pdf", "a PDF file (use a .pdf extension)"),
)
# Containers descended into as if their content stood in their place.
_TRANSPARENT = frozenset({
    "w:ins", "w:moveTo", "w:hyperlink", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo",
    "w:sdtContent",
})
_REVISIONS = frozenset({"w:del", "w:ins", "w:moveFrom", "w:moveTo"})
_TRUE = frozenset({None, "1", "true", "on"})
_HEADING_NAMES = ("heading ", "标题 ")


@dataclass(frozen=True, slots=True)
class _Style:
    """What a paragraph or character style contributes, after ``w:basedOn`` inheritance."""

    name: str | None = None
    based_on: str | None = None
    outline: int | None = None  # 0-based w:outlineLvl; 9 = body text
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    font: str | None = None
    size: float | None = None
    vanish: bool | None = None


@dataclass(frozen=True, slots=True)
class _RunProps:
    bold: bool | None = None
    font: str | None = None
    size: float | None = None
    vanish: bool | None = None


def _small_int(value: str | None) -> int | None:
    """A non-negative attribute value of up to 6 ASCII digits, else ``None``: ``int()`` of a 5,000-digit
    string raises, and a column span of 10^9 would make a grid of that width."""
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 6:
        return None
    return int(value)


def _hex4(value: str | None) -> int | None:
    """The code point of a ``w:sym`` ``w:char`` (four hex digits), else ``None``."""
    if value is None or len(value) != 4:
        return None
    try:
        return int(value, 16)
    except ValueError:
        return None


def _toggle(el: ET.Element | None) -> bool | None:
    if el is None:
        return None
    return wml_attr(el, "val") in _TRUE


def _run_props(rpr: ET.Element | None) -> _RunProps:
    if rpr is None:
        return _RunProps()
    fonts = wml_child(rpr, "w:rFonts")
    font = wml_attr(fonts, "eastAsia") or wml_attr(fonts, "ascii") or wml_attr(fonts, "hAnsi")
    sz = wml_attr(wml_child(rpr, "w:sz"), "val")
    size: float | None = None
    half_points = _small_int(sz)
    if half_points is not None:
        size = half_points / 2  # half-points → points
    return _RunProps(bold=_toggle(wml_child(rpr, "w:b")), font=font, size=size,
                     vanish=_toggle(wml_child(rpr, "w:vanish")))


def _merge(base: _RunProps, over: _RunProps) -> _RunProps:
    return _RunProps(
        bold=over.bold if over.bold is not None else base.bold,
        font=over.font or base.font,
        size=over.size if over.size is not None else base.size,
        vanish=over.vanish if over.vanish is not None else base.vanish,
    )


class _Styles:
    """styles.xml: paragraph/character styles resolved through ``basedOn``, and the document defaults."""

    def __init__(self, root: ET.Element | None) -> None:
        self.raw: dict[str, _Style] = {}
        self.defaults = _RunProps()
        self.default_paragraph: str | None = None
        self._resolved: dict[str, _Style] = {}
        if root is None:
            return
        for el in root:
            name = wml_name(el.tag)
            if name == "w:docDefaults":
                rpr_default = wml_child(el, "w:rPrDefault")
                if rpr_default is not None:
                    self.defaults = _run_props(wml_child(rpr_default, "w:rPr"))
            elif name == "w:style":
                sid = wml_attr(el, "styleId")
                if sid is None:
                    continue
                if wml_attr(el, "type") == "paragraph" and wml_attr(el, "default") in ("1", "true", "on"):
                    self.default_paragraph = sid
                self.raw[sid] = self._parse(el)

    @staticmethod
    def _parse(el: ET.Element) -> _Style:
        ppr = wml_child(el, "w:pPr")
        outline = num_id = ilvl = None
        if ppr is not None:
            lvl = wml_attr(wml_child(ppr, "w:outlineLvl"), "val")
            outline = _small_int(lvl)
            numpr = wml_child(ppr, "w:numPr")
            if numpr is not None:
                num_id = wml_attr(wml_child(numpr, "w:numId"), "val")
                il = wml_attr(wml_child(numpr, "w:ilvl"), "val")
                ilvl = _small_int(il)
        rp = _run_props(wml_child(el, "w:rPr"))
        return _Style(
            name=wml_attr(wml_child(el, "w:name"), "val"),
            based_on=wml_attr(wml_child(el, "w:basedOn"), "val"),
            outline=outline, num_id=num_id, ilvl=ilvl,
            bold=rp.bold, font=rp.font, size=rp.size, vanish=rp.vanish,
        )

    def get(self, sid: str | None) -> _Style:
        if sid is None:
            return _Style()
        if sid in self._resolved:
            return self._resolved[sid]
        chain: list[_Style] = []
        seen: set[str] = set()
        cur: str | None = sid
        while cur is not None and cur in self.raw and cur not in seen:  # basedOn loops exist in the wild
            seen.add(cur)
            chain.append(self.raw[cur])
            cur = self.raw[cur].based_on
        out = _Style()
        for st in reversed(chain):
            out = _Style(
                name=st.name, based_on=st.based_on,
                outline=st.outline if st.outline is not None else out.outline,
                num_id=st.num_id if st.num_id is not None else out.num_id,
                ilvl=st.ilvl if st.ilvl is not None else out.ilvl,
                bold=st.bold if st.bold is not None else out.bold,
                font=st.font or out.font,
                size=st.size if st.size is not None else out.size,
                vanish=st.vanish if st.vanish is not None else out.vanish,
            )
        self._resolved[sid] = out
        return out

    def run_props(self, sid: str | None) -> _RunProps:
        st = self.get(sid)
        return _RunProps(bold=st.bold, font=st.font, size=st.size, vanish=st.vanish)

    def numbering_styles(self) -> dict[str, str]:
        """Numbering styles' numIds, for ``w:numStyleLink`` indirection."""
        return {sid: st.num_id for sid, st in self.raw.items() if st.num_id is not None}


@dataclass(slots=True)
class _Para:
    """One paragraph as collected: its text pieces, text boxes anchored in it, and its formatting."""

    text: str
    boxes: list[ET.Element]
    props: _RunProps  # of the first visible text run
    all_bold: bool


class _Builder:
    """Accumulates lines into the document text with their hints and table cells."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.offset = 0
        self.hints: list[LineHint] = []
        self.cells: list[TableCell] = []

    def add_line(self, text: str) -> int:
        start = self.offset
        self.lines.append(text)
        self.offset += len(text) + 1
        return start


class _Reader:
    def __init__(self, styles: _Styles, counter: NumberingCounter) -> None:
        self.styles = styles
        self.counter = counter
        self.out = _Builder()
        self.tables = 0
        self.pending = ""  # text of a paragraph whose mark was deleted: it joins the next paragraph
        self.tab_rows: list[tuple[str, ET.Element | None, _Style, _Para]] = []  # held until the run ends
        self.plain_default = styles.get(styles.default_paragraph).num_id is None

    # -- block level -------------------------------------------------------------------------------

    def blocks(self, parent: ET.Element) -> None:
        for el in parent:
            name = wml_name(el.tag)
            if name == "w:p":
                self.paragraph(el)
            elif name == "w:tbl":
                self.flush_tab_rows()  # a Word table ends a run of rows laid out with tabs
                self.table(el)
            elif name == "w:sdt":
                content = wml_child(el, "w:sdtContent")
                if content is not None:
                    self.blocks(content)
            elif name in ("w:customXml", "w:sdtContent", "w:ins", "w:moveTo"):
                self.blocks(el)
            elif name == "mc:AlternateContent":
                self.blocks(_choice(el))

    def paragraph(self, p: ET.Element) -> None:
        if not len(p) and not self.pending and self.plain_default:
            return  # an empty <w:p/> of an unnumbered default style shows nothing (and a file may hold 10^5)
        ppr = wml_child(p, "w:pPr")
        style_id = wml_attr(wml_child(ppr, "w:pStyle"), "val") if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        style = self.styles.get(style_id)
        para = self._collect(p, _merge(self.styles.defaults, self.styles.run_props(style_id)))
        if ppr is not None and _mark_deleted(ppr):
            # the paragraph mark is a tracked deletion: once accepted, this text runs on into the next
            self.pending += para.text
            self._boxes(para.boxes)
            return
        text = self.pending + para.text
        self.pending = ""
        # a numbered paragraph with no text still shows its number in Word, so it is a line
        marker = self._marker(ppr, style) or None
        if not marker and not para.boxes and _tab_row(text):
            self.tab_rows.append((text, ppr, style, para))
            return
        self.flush_tab_rows()
        self._line(text, marker, ppr, style, para)

    def flush_tab_rows(self) -> None:
        """Two or more paragraphs in a row laid out with tabs are a table (as in a .txt: a row a line, its
        cells split by ``\\t``, each a `TableCell`); one alone is a paragraph whose tabs are spacing."""
        rows, self.tab_rows = self.tab_rows, []
        if len(rows) == 1:
            text, ppr, style, para = rows[0]
            self._line(text, None, ppr, style, para)
        if len(rows) < 2:
            return
        index = self.tables
        self.tables += 1
        for r, (text, _ppr, _style, _para) in enumerate(rows):
            row = text.strip()
            pos = self.out.offset
            for c, cell in enumerate(row.split("\t")):
                if c:
                    pos += 1  # the \t
                self.out.cells.append(TableCell(table=index, row=r, col=c, start=pos, end=pos + len(cell)))
                pos += len(cell)
            self.out.add_line(row)

    def _line(self, text: str, marker: str | None, ppr: ET.Element | None, style: _Style, para: _Para) -> None:
        """Add a paragraph's line(s) with their hints (a tab in a paragraph is spacing: ``\\t`` is for cells)."""
        text = text.replace("\t", " ")
        if text.strip() or marker:
            line = (marker or "") + text
            start = self.out.add_line(line)
            outline = _outline(ppr, style)
            # a line break (w:br) inside the paragraph makes several lines: one hint each, the marker
            # on the first
            for n, piece in enumerate(line.split("\n")):
                self.out.hints.append(LineHint(
                    start=start, end=start + len(piece), outline_level=outline, style=style.name,
                    bold=para.all_bold, font=para.props.font, size=para.props.size,
                    numbered=bool(marker) and n == 0,
                ))
                start += len(piece) + 1
        self._boxes(para.boxes)

    def _boxes(self, boxes: list[ET.Element]) -> None:
        for box in boxes:
            self.blocks(box)

    def _marker(self, ppr: ET.Element | None, style: _Style) -> str | None:
        num_id, ilvl = style.num_id, style.ilvl
        numpr = wml_child(ppr, "w:numPr") if ppr is not None else None
        if numpr is not None:
            nid = wml_attr(wml_child(numpr, "w:numId"), "val")
            il = wml_attr(wml_child(numpr, "w:ilvl"), "val")
            if nid is not None:
                num_id = nid
            if _small_int(il) is not None:
                ilvl = _small_int(il)
        if num_id is None or num_id == "0":  # numId 0 switches numbering off (even a style's)
            return None
        return self.counter.next(num_id, ilvl or 0)

    def table(self, tbl: ET.Element) -> None:
        index = self.tables
        self.tables += 1
        for r, tr in enumerate(el for el in _flatten(tbl) if wml_name(el.tag) == "w:tr"):
            trpr = wml_child(tr, "w:trPr")
            col = 0
            if trpr is not None:
                before = wml_attr(wml_child(trpr, "w:gridBefore"), "val")
                col = _small_int(before) or 0
            cells: list[tuple[int, str]] = []
            for tc in (el for el in _flatten(tr) if wml_name(el.tag) == "w:tc"):
                tcpr = wml_child(tc, "w:tcPr")
                span = wml_attr(wml_child(tcpr, "w:gridSpan"), "val") if tcpr is not None else None
                vmerge = wml_child(tcpr, "w:vMerge") if tcpr is not None else None
                # a cell merged into the one above it has no content of its own: like a cell spanned by
                # its left neighbour, it is not a cell of this row (`col` keeps the grid position)
                if vmerge is None or wml_attr(vmerge, "val") == "restart":
                    cells.append((col, self._cell_text(tc)))
                col += _small_int(span) or 1
            if not any(t.strip() for _, t in cells):
                continue
            start = self.out.offset
            pos = start
            for c, (grid_col, text) in enumerate(cells):
                if c:
                    pos += 1  # the \t
                self.out.cells.append(TableCell(table=index, row=r, col=grid_col, start=pos, end=pos + len(text)))
                pos += len(text)
            self.out.add_line("\t".join(t for _, t in cells))

    def _cell_text(self, tc: ET.Element) -> str:
        """A cell's paragraphs (and nested tables) on one line, separated by spaces."""
        sub = _Reader(self.styles, self.counter)  # one counter: lists continue through tables
        sub.blocks(tc)
        sub.flush_tab_rows()
        return " ".join(line.replace("\t", " ").replace("\n", " ").strip() for line in sub.out.lines if line.strip())

    # -- inline level ------------------------------------------------------------------------------

    def _collect(self, p: ET.Element, para_props: _RunProps) -> _Para:
        pieces: list[str] = []
        boxes: list[ET.Element] = []
        first: _RunProps | None = None
        all_bold = True
        for run in _runs(p):
            rpr = wml_child(run, "w:rPr")
            run_style = wml_attr(wml_child(rpr, "w:rStyle"), "val") if rpr is not None else None
            props = _merge(_merge(para_props, self.styles.run_props(run_style)), _run_props(rpr))
            if props.vanish:
                continue
            text = _run_text(run, boxes)
            if text.strip():
                if first is None:
                    first = props
                all_bold = all_bold and bool(props.bold)
            pieces.append(text)
        return _Para(text="".join(pieces), boxes=boxes, props=first or para_props,
                     all_bold=all_bold and first is not None)


def _tab_row(text: str) -> bool:
    """Is this paragraph a row of a table laid out with tabs: a tab between two pieces of text (tabs that
    only indent or trail do not count), and not a typed list item ``1.<tab>标题`` (one tab after a marker)?"""
    body = text.strip()
    if "\t" not in body or "\n" in body:
        return False
    first, _, rest = body.partition("\t")
    if "\t" in rest:
        return True
    m = line_start_marker().match(first)
    return not (m is not None and not first[m.end():].strip())


def _choice(el: ET.Element) -> ET.Element:
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` (its ``mc:Fallback`` repeats it)."""
    for c in el:
        if wml_name(c.tag) == "mc:Choice":
            return c
    fallback = next((c for c in el if wml_name(c.tag) == "mc:Fallback"), None)
    return fallback if fallback is not None else ET.Element("empty")


def _flatten(el: ET.Element) -> Iterator[ET.Element]:
    """Children of ``el``, looking through content controls, custom XML and inserted rows."""
    for c in el:
        name = wml_name(c.tag)
        if name in ("w:sdt",):
            content = wml_child(c, "w:sdtContent")
            if content is not None:
                yield from _flatten(content)
        elif name in ("w:customXml", "w:ins", "w:moveTo", "w:sdtContent"):
            yield from _flatten(c)
        elif name in ("w:del", "w:moveFrom"):
            continue
        else:
            yield c


def _runs(el: ET.Element) -> Iterator[ET.Element]:
    """The ``w:r`` elements of a paragraph in order, through hyperlinks, insertions, fields, controls."""
    for c in el:
        name = wml_name(c.tag)
        if name == "w:r":
            yield c
        elif name == "w:sdt":
            content = wml_child(c, "w:sdtContent")
            if content is not None:
                yield from _runs(content)
        elif name == "mc:AlternateContent":
            yield from _runs(_choice(c))
        elif name in _TRANSPARENT:
            yield from _runs(c)
        # w:del, w:moveFrom, w:pPr, bookmarks, comment ranges, proofing marks: nothing to read


def _run_text(run: ET.Element, boxes: list[ET.Element]) -> str:
    out: list[str] = []
    for c in run:
        name = wml_name(c.tag)
        if name == "w:t":
            out.append(c.text or "")
        elif name == "w:tab":
            out.append("\t")  # spacing, or a cell boundary of a table laid out with tabs (see _tab_row)
        elif name in ("w:br", "w:cr"):
            if wml_attr(c, "type") not in ("page", "column"):
                out.append("\n")
        elif name == "w:noBreakHyphen":
            out.append("-")
        elif name == "w:sym":
            char = wml_attr(c, "char")
            code = _hex4(char)
            if code is not None and not 0xE000 <= code <= 0xF8FF and not 0xF000 <= code <= 0xF0FF:
                out.append(chr(code))
        elif name in ("w:drawing", "w:pict", "w:object", "mc:AlternateContent"):
            _find_boxes(c, boxes)
        # w:delText, w:instrText (field codes), w:footnoteReference, w:commentReference: not body text
    return "".join(out)


def _find_boxes(el: ET.Element, boxes: list[ET.Element]) -> None:
    """Collect ``w:txbxContent`` under a drawing, once (``mc:Fallback`` repeats the ``mc:Choice``)."""
    name = wml_name(el.tag)
    if name == "w:txbxContent":
        boxes.append(el)
        return
    if name == "mc:AlternateContent":
        _find_boxes(_choice(el), boxes)
        return
    for c in el:
        _find_boxes(c, boxes)


def _mark_deleted(ppr: ET.Element) -> bool:
    rpr = wml_child(ppr, "w:rPr")
    return rpr is not None and wml_child(rpr, "w:del") is not None


def _outline(ppr: ET.Element | None, style: _Style) -> int | None:
    """The 1-based outline level (Word's Level 1 = 1); ``None`` for body text."""
    level = style.outline
    if ppr is not None:
        direct = wml_attr(wml_child(ppr, "w:outlineLvl"), "val")
        if _small_int(direct) is not None:
            level = _small_int(direct)
    if level is None and style.name:
        low = style.name.lower()
        for prefix in _HEADING_NAMES:
            if low.startswith(prefix) and _small_int(low[len(prefix):].strip()) is not None:
                return _small_int(low[len(prefix):].strip())
    if level is None or level >= 9:
        return None
    return level + 1


# -- the package ----------------------------------------------------------------------------------


def _too_deep(root: ET.Element, limit: int) -> bool:
    """Whether elements nest deeper than ``limit`` (walked with an explicit stack, not recursion)."""
    stack: list[tuple[ET.Element, int]] = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if len(el):
            if depth >= limit:
                return True
            stack.extend((c, depth + 1) for c in el)
    return False


class _Package:
    """The zip container, read under a budget of uncompressed bytes."""

    def __init__(self, data: bytes, *, source: str, budget: int, max_depth: int = 100,
                 max_elements: int = 300_000) -> None:
        self.source = source
        self.max_depth = max_depth
        self.max_elements = max_elements
        self.budget = budget
        self.limit = budget
        for magic, what in _NOT_ZIP:
            if data.lstrip()[: len(magic)].lower() == magic:
                raise UnsupportedFormatError(f"is {what}, not a .docx (zip) file", source=source)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise CorruptFileError(f"is not a valid .docx (zip container unreadable: {exc})", source=source) from None
        declared = sum(i.file_size for i in infos)
        if declared > budget:
            raise InputTooLargeError(
                f"unpacks to {declared:,} bytes; the limit is {budget:,} (a zip bomb, or raise max_uncompressed)",
                source=source)
        self.names = {i.filename for i in infos}

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        try:
            with self.zip.open(name) as fh:
                # the central directory can lie about sizes: never inflate more than the budget left
                data = fh.read(self.budget + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            raise CorruptFileError(f"part {name} cannot be unpacked: {exc}", source=self.source) from None
        if len(data) > self.budget:
            raise InputTooLargeError(
                f"unpacks to more than the limit of {self.limit:,} bytes (a zip bomb, or raise max_uncompressed)",
                source=self.source)
        self.budget -= len(data)
        return data

    def xml(self, name: str) -> ET.Element | None:
        data = self.read(name)
        if data is None:
            return None
        tags = data.count(b"<")  # an upper bound on the elements, counted in C before any tree is built
        if tags > self.max_elements:
            raise InputTooLargeError(
                f"part {name} has up to {tags:,} XML elements; the limit is {self.max_elements:,} "
                "(max_xml_elements; raise it with --limit max_xml_elements=N)", source=self.source)
        try:
            root = ET.fromstring(data)
        except ET.ParseError as exc:
            raise CorruptFileError(f"part {name} is not well-formed XML ({exc})", source=self.source) from None
        # the reader walks tables, content controls and hyperlinks recursively; no real document nests
        # anywhere near the limit, a hostile one nests thousands deep
        if _too_deep(root, self.max_depth):
            raise InputTooLargeError(
                f"part {name} nests XML elements more than {self.max_depth} deep (tables in tables, content "
                "controls in controls); the limit is max_xml_depth (raise it with --limit max_xml_depth=N)",
                source=self.source)
        return root

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship type suffix (``/styles``) → target part name, for ``part``."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        if rels is None:
            return out
        for rel in rels.iter(_REL_NS + "Relationship"):
            rtype, target = rel.get("Type", ""), rel.get("Target", "")
            if not target or rel.get("TargetMode") == "External":
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.setdefault("/" + rtype.rsplit("/", 1)[-1], name)
        return out


def read_docx_bytes(data: bytes, *, source: str, limits: Limits) -> Document:
    """Build a `Document` from the bytes of a .docx plan.

    Raises `EmptyInputError` (no bytes, or no text), `CorruptFileError` (not a zip, no
    ``word/document.xml``, malformed XML), `InputTooLargeError` (uncompressed size over
    ``limits.max_uncompressed``).

    >>> doc = read_docx_bytes(data, source="方案.docx", limits=Limits())  # doctest: +SKIP
    >>> doc.text.splitlines()[:2]  # doctest: +SKIP
    ['一、总体要求', '（一）指导思想']
    """
    if not data:
        raise EmptyInputError("the file is empty", source=source)
    pkg = _Package(data, source=source, budget=limits.max_uncompressed, max_depth=limits.max_xml_depth,
                   max_elements=limits.max_xml_elements)
    main = pkg.relationships("").get(_OFFICE_DOCUMENT, "word/document.xml")
    if main not in pkg.names:
        main = "word/document.xml"
    if main not in pkg.names:
        what = next((w for n, w in _OTHER_PACKAGES if n in pkg.names), "a zip archive")
        raise CorruptFileError(f"is {what}, not a Word document: it has no word/document.xml", source=source)
    root = pkg.xml(main)
    body = wml_child(root, "w:body") if root is not None else None
    if body is None:
        raise CorruptFileError(f"part {main} has no w:body: not a WordprocessingML document", source=source)
    rels = pkg.relationships(main)
    styles = _Styles(pkg.xml(rels["/styles"]) if "/styles" in rels else None)
    numbering = parse_numbering(pkg.xml(rels["/numbering"]) if "/numbering" in rels else None)
    counter = NumberingCounter(numbering, style_num=styles.numbering_styles(), max_value=limits.max_list_number,
                               source=source)
    reader = _Reader(styles, counter)
    reader.blocks(body)
    reader.flush_tab_rows()
    if reader.pending.strip():
        reader.out.add_line(reader.pending.replace("\t", " "))
    lines = reader.out.lines
    if not any(line.strip() for line in lines):
        raise EmptyInputError("the document has no text (no paragraphs, tables or text boxes)", source=source)
    text = "\n".join(lines) + "\n"
    warnings: list[str] = []
    if any(wml_name(el.tag) in _REVISIONS for el in body.iter()):
        warnings.append("has tracked changes: read as if accepted (insertions kept, deletions left out)")
    if "/comments" in rels:
        warnings.append("has comments: left out of the text")
    return Document(text=text, source=source, format="docx", hints=tuple(reader.out.hints),
                    tables=tuple(reader.out.cells), warnings=tuple(warnings))

