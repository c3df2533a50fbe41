"""The immutable core: a `Document` owns the one text; everything else points into it by span.

Spans are half-open character offsets ``[start, end)`` into ``Document.text``, which is never changed
after reading. Nodes and mentions keep only offsets plus small derived values (a normalised title, a
canonical unit name); the surface text is always ``document.text[start:end]``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from textkit._frozen import quick_init

__all__ = [
    "Document",
    "Furniture",
    "LineHint",
    "Measure",
    "PageRange",
    "ParseWarning",
    "Plan",
    "Quantity",
    "ResponsibleUnit",
    "Section",
    "SectionIndex",
    "SectionKind",
    "Span",
    "TableCell",
    "TimeExpression",
    "TimeValue",
    "UnitSource",
    "section_at",
    "section_index",
    "sections_with_parent",
]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span [{self.start}, {self.end}) is invalid; need 0 <= start <= end")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class PageRange:
    """The characters of one PDF page (1-based ``number``) in ``Document.text``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Furniture:
    """Page furniture kept out of the body: running headers, footers, page numbers (``— 3 —``)."""

    page: int
    kind: Literal["header", "footer", "page-number"]
    text: str


@dataclass(frozen=True, slots=True)
class LineHint:
    """What the source format says about a line: a Word heading style / outline level, a PDF font.

    ``start``/``end`` is the line's span in ``Document.text``. The structure parser uses these as hints
    only; the numbering in the text decides.
    """

    start: int
    end: int
    outline_level: int | None = None
    style: str | None = None
    bold: bool = False
    font: str | None = None
    size: float | None = None
    numbered: bool = False  # the marker was produced by Word automatic numbering, not typed


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a table in the source, by position, with its span in ``Document.text``."""

    table: int
    row: int
    col: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A plan exactly as read.

    ``text`` is the decoded content unchanged for .txt; for .docx/.pdf it is the reading-order text the
    reader produced (rendered numbering included), and ``pages``/``tables``/``hints`` tie it back to
    the source.

    >>> doc = Document(text="一、总体要求\\n", source="<text>")
    >>> doc.text[0:2]
    '一、'
    """

    text: str
    source: str = "<text>"
    format: Literal["txt", "docx", "pdf", "text"] = "text"
    encoding: str | None = None
    pages: tuple[PageRange, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    hints: tuple[LineHint, ...] = ()
    tables: tuple[TableCell, ...] = ()
    warnings: tuple[str, ...] = ()
    _page_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.pages and not self._page_starts:
            object.__setattr__(self, "_page_starts", tuple(p.start for p in self.pages))

    def span_text(self, span: Span | tuple[int, int]) -> str:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return self.text[start:end]

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding ``offset`` (PDF only; ``None`` for other formats)."""
        if not self.pages:
            return None
        i = bisect.bisect_right(self._page_starts, offset) - 1
        return self.pages[max(i, 0)].number

    def line_of(self, offset: int) -> int:
        """The 1-based line number of ``offset`` (lines split on ``\\n``)."""
        return self.text.count("\n", 0, offset) + 1


SectionKind = Literal[
    "document",  # the root
    "notice",  # a 通知 wrapper that issues the plan
    "plan",  # the plan issued by a notice (its numbering starts again at level 1)
    "attachment",  # 附件N: its own subtree
    "section",  # a numbered unit: 一、 （一） 1. （1） ① 第一条 ...
    "heading",  # the heading line of a section: marker + title (+ the delimiter after the title)
    "title",  # the document's title block
    "recipient",  # 主送: 各科室、直属单位：
    "preamble",  # the paragraphs before the first numbered section
    "paragraph",  # an un-numbered paragraph
    "item",  # an inline enumeration item (一是… 第一，…) inside a paragraph
    "box",  # a boxed list (专栏1：…) inside a section: its heading line, then its entries
    "contents",  # a table of contents (目录): its head line as "heading", then one "paragraph" per entry
    "runin",  # an unnumbered item with a run-in title (声学传感器。研发…): title part as "heading", then its body
    "label",  # a labelled line or clause: 责任单位：… 完成时限：…
    "table-row",  # a tab-separated (or source-table) row
    "signature",  # 落款: the issuing unit
    "date",  # a date line (落款 date)
    "closing",  # 印发/抄送 lines and similar trailing matter
    "blank",  # whitespace that belongs to no line (e.g. leading blank lines)
]


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A node of the plan tree.

    Either a leaf, or its ``children`` tile ``[start, end)`` exactly: the leaves in order concatenate to
    ``Document.text``. Numbered sections (``kind == "section"``) carry ``level`` (1 = outermost numbered
    level of their body), ``marker`` as written (``（一）``), its numeric ``value`` (1), ``style`` (the
    numbering style id) and the ``title`` with its span. ``id`` is the path of markers, e.g. ``二/（四）/3``.
    """

    kind: SectionKind
    start: int
    end: int
    level: int = 0
    marker: str | None = None
    value: int | None = None
    style: str | None = None
    title: str = ""
    title_start: int | None = None
    title_end: int | None = None
    label: str | None = None  # for kind == "label": the label word (责任单位)
    id: str = ""
    children: tuple[Section, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def title_span(self) -> Span | None:
        if self.title_start is None or self.title_end is None:
            return None
        return Span(self.title_start, self.title_end)

    def walk(self) -> Iterator[Section]:
        """This node and all its descendants, depth first, in text order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[Section]:
        for node in self.walk():
            if not node.children:
                yield node

    def sections(self) -> Iterator[Section]:
        """The numbered sections under (and including) this node, in text order."""
        return (n for n in self.walk() if n.kind == "section")


def sections_with_parent(node: Section, parent: str | None = None) -> Iterator[tuple[Section, str | None]]:
    """Every numbered section under ``node`` with the id of the numbered section it stands in (``None`` at
    the top), in text order."""
    for child in node.children:
        if child.kind == "section":
            yield child, parent
            yield from sections_with_parent(child, child.id)
        else:
            yield from sections_with_parent(child, parent)


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ParseWarning:
    """A recoverable oddity found while reading or parsing (a numbering gap, a skipped level...)."""

    code: str  # e.g. "numbering-gap"
    message: str
    start: int
    end: int


Role = Literal["lead", "support", "responsible"]
UnitSource = Literal["table", "label", "verb", "phrase"]  # what named a unit: a table column, a label…


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ResponsibleUnit:
    """A unit named as responsible for a task (责任单位), with its role.

    ``text`` is the surface form (``机关党委（机关纪委）``); ``name`` the canonical name (``机关党委``);
    ``alias`` the parenthetical alias (``机关纪委``).
    """

    start: int
    end: int
    text: str
    name: str
    role: Role
    collective: bool = False
    alias: str | None = None
    label: str | None = None  # the label or phrase that assigned it (牵头单位, 由…牵头)
    rule_id: str = ""
    section: str = ""  # id of the enclosing numbered section
    source: UnitSource | None = None  # a task-table column, a label, a role word after a list, a phrase


TimeKind = Literal["point", "deadline", "period", "recurrence", "time", "vague", "duration"]


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class TimeValue:
    """A normalised time: ISO ``start``/``end`` dates, or a recurrence ``freq``/``count``/``day``."""

    start: str | None = None
    end: str | None = None
    freq: str | None = None  # daily|weekly|monthly|quarterly|half-yearly|yearly|termly
    count: int | None = None
    day: str | None = None
    time: str | None = None  # clock time HH:MM
    interval: int | None = None  # a recurrence every N freq periods (每三年: yearly, interval 3)


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpression:
    """A date, deadline, period, recurrence, clock time or vague timing word, normalised."""

    start: int
    end: int
    text: str
    kind: TimeKind
    value: TimeValue
    rule_id: str = ""
    section: str = ""


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A counted mention: ``6个方面`` → value 6, classifier 个, noun 方面."""

    start: int
    end: int
    text: str
    value: int
    classifier: str
    noun: str
    section: str = ""


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Measure:
    """An actionable item of a plan: a numbered item, an inline enumeration item or a task-table row."""

    start: int
    end: int
    kind: Literal["section", "item", "table-row"]
    section: str  # id of the section it is or belongs to
    path: tuple[str, ...]  # titles from the outermost section down
    title: str
    units: tuple[ResponsibleUnit, ...] = ()
    times: tuple[TimeExpression, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    """The result of parsing: the document, its tree, and what was extracted from it."""

    document: Document
    root: Section
    warnings: tuple[ParseWarning, ...] = ()
    reference_date: date | None = None
    period: TimeValue | None = None  # the plan's own time frame, when it states one
    measures: tuple[Measure, ...] = ()
    units: tuple[ResponsibleUnit, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    title: str = ""  # the plan's title, as ``parse --format json`` gives it (``某局主题教育实施方案``)

    @property
    def text(self) -> str:
        return self.document.text

    def sections(self) -> list[Section]:
        """All numbered sections in text order."""
        return list(self.root.sections())

    def section_at(self, offset: int) -> Section | None:
        """The innermost numbered section containing ``offset``."""
        return section_at(self.root, offset)


def section_at(root: Section, offset: int) -> Section | None:
    """The innermost numbered section of the tree ``root`` that contains ``offset``."""
    found: Section | None = None
    node = root
    while True:
        nxt = next((c for c in node.children if c.start <= offset < c.end), None)
        if nxt is None:
            return found
        if nxt.kind == "section":
            found = nxt
        node = nxt


class SectionIndex:
    """`section_at` for many offsets of one tree: the tree is painted once into runs of text, each with its
    innermost numbered section, then each lookup is a binary search instead of a walk down the tree (a plan
    has hundreds of dates and units).

    Painting needs every node's children in order, apart and inside it (as the parser makes them); for any
    other tree each offset is looked up with `section_at` itself.

    >>> root = Section(kind="document", start=0, end=6, children=(
    ...     Section(kind="paragraph", start=0, end=2),
    ...     Section(kind="section", start=2, end=6, id="一"),))
    >>> ix = SectionIndex(root)
    >>> [ix.id_at(i) for i in (0, 3, 9)]
    ['', '一', '']
    """

    __slots__ = ("_fallback", "_sections", "_starts")

    def __init__(self, root: Section) -> None:
        self._starts: list[int] = []  # run starts, ascending; a later run at the same offset is the deeper one
        self._sections: list[Section | None] = []
        self._fallback: Section | None = None
        if not self._paint(root, None, top=True):
            self._fallback = root

    def _paint(self, node: Section, current: Section | None, *, top: bool) -> bool:
        starts, sections = self._starts, self._sections
        lo, hi = node.start, node.end
        prev_end = -1
        for c in node.children:
            cs, ce = c.start, c.end
            if cs > ce or cs < prev_end:
                return False
            prev_end = ce
            if cs == ce:
                continue  # contains no offset
            if not top and (cs < lo or ce > hi):
                return False  # section_at never reaches the part outside its parent
            if c.kind == "section":
                starts.append(cs)
                sections.append(c)
                if c.children and not self._paint(c, c, top=False):
                    return False
                starts.append(ce)
                sections.append(current)
            elif c.children and not self._paint(c, current, top=False):
                return False
        return True

    def at(self, offset: int) -> Section | None:
        """The innermost numbered section containing ``offset`` (as `section_at`)."""
        if self._fallback is not None:
            return section_at(self._fallback, offset)
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._sections[i] if i >= 0 else None

    def id_at(self, offset: int) -> str:
        """The id of the innermost numbered section containing ``offset``; ``""`` outside any."""
        sec = self.at(offset)
        return sec.id if sec is not None else ""


def section_index(root: Section) -> SectionIndex:
    """The `SectionIndex` of ``root`` (made anew: a caller looking up many offsets keeps it)."""
    return SectionIndex(root)
