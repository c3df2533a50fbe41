"""The structure parser: a `Document` → the tree of its title block, numbered sections and closing parts.

How it reads a plan, in three passes over its lines:

1. *Classify* each line: blank, table row (tab-separated cells), heading candidate (a numbering marker at
   its start), labelled line (责任单位：…), contents line (a 目录 and its entries ending in leaders and a page
   number: one ``contents`` node, never headings), or text.
2. *Cut into parts*: a 落款 (issuer + date line) ends a part; what follows is the plan a 通知 issues, or an
   attachment (附件N). Each part's numbering starts again at level 1.
3. *Nest* headings by sequence, not by a fixed table of shapes: a marker continues the open level of its
   family whose next expected value it carries; a family not yet open starts a level below the current
   one. So the first numbered level of a body is level 1 whatever its shape, and gaps (一、二、四、) are kept
   as siblings with a warning. Where nesting cannot place a heading (（二） after 1. 2. 3. with no （一）), the
   usual order of levels does (structure.toml ``[[rank]]``), beside an implied first item. Unnumbered
   paragraphs with run-in titles (声学传感器。研发…) that come as a list are ``runin`` items.

Every character ends up in exactly one leaf; the leaves concatenate back to ``Document.text``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from textkit._frozen import keyword_maker
from textkit.model import Document, ParseWarning, Section, SectionKind
from textkit.numerals import int_to_chinese, parse_number
from textkit.patterns import compiled, guarded
from textkit.rules import Field, load_entries
from textkit.structure.inline import Piece, item_labels, split_paragraph
from textkit.structure.numbering import Marker, Markers, NumberingStyle, load_styles, marker_key
from textkit.structure.tables import GroupRows, group_row_starts

__all__ = ["StructureRules", "load_structure_rules", "parse_structure", "plan_title"]

_Section = keyword_maker(Section)  # (thousands per plan: built without packing the keywords in a dict)

_INDENT = " \t\u3000\u2003\u2002\u00a0\ufeff"
_SENTENCE_END = "。；;！？!?，,：:"
_TITLE_STOP = re.compile(r"[。：:]")

_PART_SCHEMA = {
    "id": Field(required=True),
    "kind": Field(required=True, choices=("label", "attachment", "signature-suffix", "date-line", "closing",
                                          "recipient", "notice-title", "plan-title", "box", "file-name",
                                          "table-note", "serial-header", "runin-bullet", "runin-sentence",
                                          "contents-head", "contents-entry")),
    "pattern": Field(required=True, regex=True),
}
_PARAMS = ("runin.min_title", "runin.max_title", "runin.min_body", "runin.min_siblings", "table.group_max",
           "contents.min_entries", "contents.max_wrap")
_PARAM_SCHEMA = {
    "id": Field(required=True, choices=_PARAMS),
    "value": Field(required=True, types=int),
    "note": Field(),
}
_RANK_SCHEMA = {"id": Field(required=True), "families": Field(required=True, types=list), "note": Field()}


@dataclass(frozen=True, slots=True)
class StructureRules:
    """The compiled rules the parser uses: numbering styles and the part patterns of structure.toml."""

    styles: tuple[NumberingStyle, ...]
    markers: Markers  # the styles compiled for matching, once per rule set
    label: re.Pattern[str]
    attachment: re.Pattern[str]
    signature_suffix: re.Pattern[str]
    date_line: re.Pattern[str]
    closing: re.Pattern[str]
    recipient: re.Pattern[str]
    notice_title: re.Pattern[str]
    plan_title: re.Pattern[str]
    box: re.Pattern[str]  # a line opening a boxed list; groups n and title (see `_Box`)
    file_name: re.Pattern[str]  # a line naming an attached file (….docx), in the list of attachment names
    table_note: re.Pattern[str]  # the notes under a table (注：, 说明：); group rest
    serial_header: re.Pattern[str]  # a header cell over a column that numbers a table's rows (序号)
    runin_bullet: re.Pattern[str]  # a bullet before a run-in title (——产业规模快速壮大。…): not part of the title
    runin_sentence: re.Pattern[str]  # a first clause that is a sentence, not a run-in title (要加强领导。…)
    contents_head: re.Pattern[str]  # a line heading a table of contents (目 录)
    contents_entry: re.Pattern[str]  # the end of a contents line: leader dots and a page number (……18)
    runin_title: tuple[int, int] = (2, 16)  # the shortest and longest run-in title, in characters
    runin_body: int = 10  # the shortest body after a run-in title, in characters (stripped)
    runin_siblings: int = 2  # run-in titled paragraphs come as a list of at least this many
    table_group_max: int = 40  # the longest group row of a table (一、知识产权保护方面（共5项）), in characters
    contents_entries: int = 2  # the fewest contents lines in a row that are a contents list without a head
    contents_wrap: int = 60  # the longest first half of a contents entry wrapped over two lines, in characters
    ranks: tuple[tuple[str, int], ...] = ()  # numbering family → its place in the usual order of levels (1 = 一、)

    def rank(self, family: str) -> int | None:
        """The place of a numbering family in the usual order of levels (structure.toml ``[[rank]]``)."""
        return next((r for f, r in self.ranks if f == family), None)


@lru_cache(maxsize=8)
def _load_rules(numbering: tuple[str, ...], parts: tuple[str, ...]) -> StructureRules:
    entries = load_entries("structure.toml", "part", _PART_SCHEMA, extra=parts, known=("param", "rank"))
    params = {str(e["id"]): int(e["value"])
              for e in load_entries("structure.toml", "param", _PARAM_SCHEMA, extra=parts, known=("part", "rank"))}
    order: list[str] = []
    for e in load_entries("structure.toml", "rank", _RANK_SCHEMA, extra=parts, known=("part", "param")):
        order.extend(str(f) for f in e["families"] if str(f) not in order)
    by_kind: dict[str, list[str]] = {}
    for e in entries:
        by_kind.setdefault(e["kind"], []).append(e["pattern"])
    labels = by_kind.get("label", [])
    label_re = compiled("|".join(f"(?:{p})" for p in labels).replace("(?P<label>", "(?:")) if labels else None
    # guarded: searched across every paragraph with a bracket and a colon, and most characters start no label
    label_group = compiled(guarded(f"(?P<label>{label_re.pattern})")) if label_re else compiled(r"(?P<label>(?!x)x)")

    def alt(kind: str) -> re.Pattern[str]:
        pats = by_kind.get(kind) or [r"(?!x)x"]
        return compiled("|".join(f"(?:{p})" for p in pats))

    styles = load_styles(extra=numbering)
    return StructureRules(
        styles=styles,
        markers=Markers(styles),
        label=label_group,
        attachment=alt("attachment"),
        signature_suffix=alt("signature-suffix"),
        date_line=alt("date-line"),
        closing=alt("closing"),
        recipient=alt("recipient"),
        notice_title=alt("notice-title"),
        plan_title=alt("plan-title"),
        box=alt("box"),
        file_name=alt("file-name"),
        table_note=alt("table-note"),
        serial_header=alt("serial-header"),
        runin_bullet=re.compile(guarded(alt("runin-bullet").pattern)),  # tried at every text line's start
        runin_sentence=alt("runin-sentence"),
        contents_head=alt("contents-head"),
        contents_entry=alt("contents-entry"),
        runin_title=(params.get("runin.min_title", 2), params.get("runin.max_title", 16)),
        runin_body=params.get("runin.min_body", 10),
        runin_siblings=params.get("runin.min_siblings", 2),
        table_group_max=params.get("table.group_max", 40),
        contents_entries=params.get("contents.min_entries", 2),
        contents_wrap=params.get("contents.max_wrap", 60),
        ranks=tuple((f, n) for n, f in enumerate(order, start=1)),
    )


def load_structure_rules(
    *, numbering: Sequence[str | Path] = (), parts: Sequence[str | Path] = ()
) -> StructureRules:
    """The shipped structure rules, layered with a user's numbering/part TOML files."""
    return _load_rules(tuple(map(str, numbering)), tuple(map(str, parts)))


# ---------------------------------------------------------------------------------------------------
# pass 1: lines


@dataclass(slots=True)
class _Line:
    start: int  # first character of the line
    content_start: int  # after indentation
    content_end: int  # before "\r\n" / "\n"
    end: int  # after the newline (and, once merged, after following blank lines)
    raw: str  # text[content_start:content_end]
    content: str  # raw.strip(): what the part rules are matched against (kept: each line is tested often)
    kind: str = "text"  # text | blank | table | heading | label | contents-head | contents
    marker: Marker | None = None
    label: str | None = None
    runin: tuple[int, int, int] | None = None  # a run-in titled paragraph: title start, title end, body start


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    rows = text.split("\n")
    for row in rows:
        end = pos + len(row) + 1
        if row[-1:] == "\r":
            row = row[:-1]
        raw = row.lstrip(_INDENT)
        content_end = pos + len(row)
        content = raw.strip()
        lines.append(_Line(pos, content_end - len(raw), content_end, end, raw, content,
                           "text" if content else "blank"))
        pos = end
    if rows[-1]:
        lines[-1].end = len(text)  # the last line has no newline
    else:
        lines.pop()  # the empty row after a final newline (or of an empty text) is no line
    return lines


_COLON_AHEAD = re.compile(r"\s*[：:]")
_SPACES = re.compile(r"\s+")


def _classify(text: str, lines: list[_Line], rules: StructureRules, *, fast: bool = True) -> None:
    match = rules.markers.line_match if fast else rules.markers.line_plain
    for ln in lines:
        if ln.kind == "blank":
            continue
        content = ln.raw
        if "\t" in ln.content and sum(1 for c in content.split("\t") if c.strip()) >= 2:
            ln.kind = "table"
            continue
        m = match(text, ln.content_start)
        if m is not None and m.end <= ln.content_end \
                and not ("专栏" in ln.content and rules.box.fullmatch(ln.content)):
            # (a line that opens a box, 【专栏1】…, is the box's head even where a numbering style reads it)
            # (a bare marker on its own line too: title on the next line, as Word sometimes leaves it)
            ln.kind, ln.marker = "heading", m
            continue
        if "：" not in content and ":" not in content:
            continue  # a labelled line needs its colon
        lab = rules.label.match(content)
        if lab is not None and _COLON_AHEAD.match(content, lab.end()):
            ln.kind, ln.label = "label", _SPACES.sub("", lab.group("label"))
    _confirm_sequence_headings(lines)
    _table_lines(text, lines, rules, match)
    _contents_lines(lines, rules)


_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _contents_lines(lines: list[_Line], rules: StructureRules) -> None:
    """Mark the lines of a table of contents (structure.toml ``contents-*``): a 目录 head line and the
    entries after it, or a run of entries with ``contents_entries`` entries or a numbered one. An entry ends
    in leader dots and a page number (一、总体要求……2); it is no heading, whatever its marker."""

    def entry(ln: _Line) -> bool:
        # (the cheap test first: a contents line ends in its page number, and few other lines end in a digit)
        return ln.kind in ("text", "heading", "label") and ln.content[-1] in _DIGITS \
            and rules.contents_entry.search(ln.content) is not None

    def wrapped(k: int) -> bool:
        """Whether line ``k`` is the first half of an entry whose page number stands on the next line."""
        ln = lines[k]
        if ln.kind not in ("text", "heading", "label") or len(ln.content) > rules.contents_wrap \
                or ln.content[-1] in _SENTENCE_END:
            return False
        nxt = next((x for x in lines[k + 1 :] if x.kind != "blank"), None)
        return nxt is not None and entry(nxt)

    n = len(lines)
    head_match = rules.contents_head.fullmatch
    # (one pass in a comprehension finds the few lines a block can start at: most plans have none)
    starts = [i for i, ln in enumerate(lines)
              if ln.kind != "blank" and (ln.content[-1] in _DIGITS or ln.kind == "text") and (
                  entry(ln) or (ln.kind == "text" and head_match(ln.content) is not None))]
    done = 0  # the index after the last block marked
    for i in starts:
        if i < done:
            continue
        ln = lines[i]
        head = ln.kind == "text" and head_match(ln.content) is not None
        block: list[_Line] = []  # the entries (and the wrapped halves) after the head
        k = i + 1 if head else i
        last = k  # the index after the last line taken
        while k < n:
            x = lines[k]
            if x.kind == "blank":
                k += 1
                continue
            if entry(x) or ((block or head) and wrapped(k)):
                block.append(x)
                k += 1
                last = k
                continue
            break
        entries = [x for x in block if entry(x)]
        if (head and entries) or len(entries) >= rules.contents_entries or any(x.kind == "heading" for x in entries):
            if head:
                ln.kind, ln.marker, ln.label = "contents-head", None, None
            for x in block:
                x.kind, x.marker, x.label = "contents", None, None
            done = last


def _table_lines(text: str, lines: list[_Line], rules: StructureRules, match: Callable[..., Marker | None]) -> None:
    """Lines without a tab that belong to a table, not to the plan's numbering.

    - A table's group rows (一、知识产权保护方面（共5项） between its rows, `tables.group_row_starts`) are table rows.
    - The numbered notes under a table (注： / 说明： right after its last row, then 1. 2. …, or 注：1.… then
      2. …) are the table's notes: paragraphs, not headings.
    """
    if "\t" not in text:
        return  # (no table, nothing to do: most plans)
    groups = group_row_starts(text, GroupRows(rules.serial_header, rules.table_group_max)) \
        if _between_rows(text, lines) else set()
    prev: _Line | None = None  # the last line that is not blank
    notes: tuple[str, int] | None = None  # the open note list: its numbering family, the last number seen
    for ln in lines:
        if ln.kind == "blank":
            continue
        if ln.start in groups:
            ln.kind, ln.marker, ln.label = "table", None, None
        elif notes is not None and ln.kind == "heading" and ln.marker is not None \
                and notes[0] in ("", ln.marker.style.family) and ln.marker.value == notes[1] + 1:
            notes = (notes[0], ln.marker.value)
            ln.kind, ln.marker = "text", None
            prev = ln
            continue
        notes = None
        if prev is not None and prev.kind == "table" and ln.kind in ("text", "label"):
            note = rules.table_note.match(ln.content)
            if note is not None:
                if not note.group("rest"):
                    notes = ("", 0)  # a bare 注：: the first numbered line fixes the family
                else:
                    first = match(text, ln.content_start + note.start("rest"))
                    if first is not None and first.value == 1:
                        notes = (first.style.family, 1)
        prev = ln


def _between_rows(text: str, lines: list[_Line]) -> bool:
    """Whether some lines without a tab stand right between two lines with one (no blank line between): the
    only place a table's group row can be (the tables are read again only then)."""
    state = 0  # 1: right after a line with a tab; 2: in a run of lines without one that began there
    for ln in lines:
        if ln.kind == "blank":
            state = 0
        elif "\t" in text[ln.start : ln.content_end]:
            if state == 2:
                return True
            state = 1
        elif state:
            state = 2
    return False


def _confirm_sequence_headings(lines: list[_Line]) -> None:
    """一是… / 第一，… open a unit only when a neighbouring line continues the sequence."""
    cands = [ln for ln in lines if ln.kind == "heading" and ln.marker and ln.marker.style.heading == "sequence"]
    keep: set[int] = set()
    for a, b in itertools.pairwise(cands):
        assert a.marker and b.marker
        if a.marker.style.family == b.marker.style.family and b.marker.value == a.marker.value + 1:
            keep.update((id(a), id(b)))
    for ln in cands:
        if id(ln) not in keep:
            ln.kind, ln.marker = "text", None


def _merge_blanks(lines: list[_Line]) -> tuple[_Line | None, list[_Line]]:
    """Fold each blank line into the line before it; leading blank lines become one blank block."""
    lead: _Line | None = None
    out: list[_Line] = []
    for ln in lines:
        if ln.kind == "blank":
            if out:
                out[-1].end = ln.end
            elif lead is None:
                lead = ln
            else:
                lead.end = ln.end
            continue
        out.append(ln)
    return lead, out


# ---------------------------------------------------------------------------------------------------
# run-in titled paragraphs

_RUNIN_STOP = re.compile(r"[。：:]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_MARKS = re.compile(r"[，,；;“”「」《》。！？!?]")  # a title is one short clause
_BRACKETS = (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("〔", "〕"))


def _runin_candidate(text: str, ln: _Line, rules: StructureRules) -> tuple[int, int, int] | None:
    """(title start, title end, body start) when the text line ``ln`` opens with a short title phrase closed by
    。 or ： and goes on with its body (声学传感器。研发先进MEMS芯片技术…); None otherwise.

    The title is one clause of ``runin_title`` characters with a Chinese character in it, balanced brackets and
    no sentence word (structure.toml ``runin-sentence``); a bullet before it (——) is not part of it; the body
    is at least ``runin_body`` characters and not a contents line's page number."""
    c = ln.raw
    lo, hi = rules.runin_title
    b = 0
    bullet = rules.runin_bullet.match(c)
    if bullet is not None:
        b = bullet.end()
    stop = _RUNIN_STOP.search(c, b, b + hi + 2)
    if stop is None:
        return None
    title = c[b : stop.start()].rstrip(_INDENT)
    if not lo <= len(title) <= hi or _CJK.search(title) is None or _CLAUSE_MARKS.search(title) is not None:
        return None
    if any(title.count(o) != title.count(cl) for o, cl in _BRACKETS):
        return None  # （负责部门：… : the colon stands inside a bracket
    body = c[stop.end() :].strip()
    if len(body) < rules.runin_body or rules.contents_entry.search(body) is not None:
        return None
    if rules.runin_sentence.fullmatch(title) is not None:
        return None
    ts = ln.content_start + b
    return ts, ts + len(title), ln.content_start + stop.end()


def _mark_runins(text: str, lines: Sequence[_Line], rules: StructureRules, match: Callable[..., object]) -> None:
    """Mark the run-in titled paragraphs among ``lines``: runs of at least ``runin_siblings`` consecutive text
    lines that each open with a run-in title (label lines and table rows between them do not break a run;
    a heading, a box line or a paragraph without a title does). One titled paragraph alone is a statement
    that starts with a short sentence, not an item."""
    run: list[_Line] = []

    def close() -> None:
        if len(run) < rules.runin_siblings:
            for x in run:
                x.runin = None
        run.clear()

    for ln in lines:
        if ln.kind in ("label", "table"):
            continue
        if ln.kind == "text":
            # (the cheap test first: most lines have no short first clause)
            found = _runin_candidate(text, ln, rules)
            if found is not None and match(text, ln.content_start) is None \
                    and not ("专栏" in ln.content and rules.box.fullmatch(ln.content)):
                ln.runin = found
                run.append(ln)
                continue
        if run:
            close()
    close()


# ---------------------------------------------------------------------------------------------------
# pass 2: parts


@dataclass(slots=True)
class _Part:
    kind: str  # body | notice | plan | attachment
    lines: list[_Line]
    title: str = ""
    closing: list[tuple[str, _Line]] = field(default_factory=list)  # trailing 落款/抄送 lines


def _is_short_plain(ln: _Line, limit: int = 40) -> bool:
    content = ln.content
    return 0 < len(content) <= limit and content[-1] not in _SENTENCE_END and ln.kind == "text"


def _is_date_line(ln: _Line, rules: StructureRules) -> bool:
    return ln.kind in ("text", "heading") and rules.date_line.fullmatch(ln.content) is not None


def _is_signature(ln: _Line, rules: StructureRules) -> bool:
    c = ln.content
    return _is_short_plain(ln, 30) and (rules.signature_suffix.search(c) is not None or len(c) <= 12)


_NUMBERED_ATTACHMENT = re.compile(r"附\s*件\s*[0-9０-９一二三四五六七八九十]")


def _attachment_start(ln: _Line, rules: StructureRules) -> str | None:
    """``attachment`` for 附件N / 附件：NAME lines, ``list`` for a bare 附件： heading a list, else None."""
    c = ln.content
    # only a line starting with 附 opens an attachment, whatever the rule matches: tested first, as it
    # rules out nearly every line before the rule is tried
    if not c.startswith("附") or ln.kind not in ("text", "label"):
        return None
    m = rules.attachment.match(c)
    if m is None:
        return None
    rest = c[m.end() :]
    if _NUMBERED_ATTACHMENT.match(c) is not None:
        return "attachment"
    if not rest:
        return "list"
    return "named" if len(rest) <= 60 and rest[-1] not in _SENTENCE_END else None


def _cut_parts(lines: list[_Line], rules: StructureRules) -> list[_Part]:
    parts: list[_Part] = []
    cur: list[_Line] = []
    kind = "body"
    i = 0
    n = len(lines)

    def entry(ln: _Line) -> bool:
        """An entry of a list of attachment names, or a line naming an attached file between them (….docx)."""
        return _is_list_entry(ln) or (ln.kind == "text" and rules.file_name.fullmatch(ln.content) is not None)

    while i < n:
        ln = lines[i]
        att = _attachment_start(ln, rules)
        if att is not None and (att == "attachment" or _has_body_after(lines, i, entry, rules)):
            if att == "list":
                # 附件： followed by the list of attachment names: closing matter, not headings
                j = _take_while(lines, i + 1, entry)
                entries = [("closing", ln)] + [("closing", lines[k]) for k in range(i + 1, j)]
                if cur or not parts:
                    parts.append(_Part(kind, cur))
                parts[-1].closing.extend(entries)
                cur, i = [], j
                continue
            if cur or not parts:
                parts.append(_Part(kind, cur))
            cur, kind = [ln], "attachment"
            i += 1
            continue
        if att is not None and att in ("named", "list") and kind != "attachment":
            # 附件：NAME with nothing after it: the attachment is a separate file
            part = _Part(kind, cur)
            j = _take_while(lines, i + 1, entry)
            part.closing.extend(("closing", x) for x in lines[i : j])
            parts.append(part)
            cur, i = [], j
            kind = "body"
            continue
        # (the cheap tests first: most lines are neither dates nor after a signature)
        if kind != "attachment" and cur and _is_signature(cur[-1], rules) and _is_date_line(ln, rules):
            sig = cur.pop()
            part = _Part(kind, cur)
            part.closing.extend((("signature", sig), ("date", ln)))
            j = _take_while(lines, i + 1, lambda x: rules.closing.fullmatch(x.content) is not None)
            part.closing.extend(("closing", x) for x in lines[i + 1 : j])
            parts.append(part)
            cur, i = [], j
            kind = "body"
            continue
        cur.append(ln)
        i += 1
    parts.append(_Part(kind, cur))
    merged: list[_Part] = []
    for p in parts:
        if not p.lines and merged:
            merged[-1].closing.extend(p.closing)  # trailing matter with no body of its own
        elif p.lines or p.closing:
            merged.append(p)
    parts = merged
    # trailing 抄送/印发 lines of the last part
    for p in parts:
        while p.lines and not p.closing and rules.closing.fullmatch(p.lines[-1].content):
            p.closing.insert(0, ("closing", p.lines.pop()))
    bodies = [p for p in parts if p.kind == "body"]
    if len(bodies) >= 2:
        bodies[0].kind = "notice"
        for p in bodies[1:]:
            p.kind = "plan"
    return parts


def _take_while(lines: list[_Line], j: int, keep: Callable[[_Line], bool]) -> int:
    """The index of the first line from ``j`` on that ``keep`` refuses (or the end)."""
    while j < len(lines) and keep(lines[j]):
        j += 1
    return j


def _is_list_entry(ln: _Line) -> bool:
    c = ln.content
    return ln.kind in ("heading", "text") and ln.marker is not None and len(c) <= 80 and c[-1] not in "。"


def _has_body_after(lines: list[_Line], i: int, entry: Callable[[_Line], bool], rules: StructureRules) -> bool:
    """Whether the attachment line at ``i`` is followed by the attachment's own content (not only by the
    entries of a list of attachment names, as ``entry`` tells them)."""
    j = _take_while(lines, i + 1, entry)
    return (j < len(lines) and j > i + 1 and _attachment_start(lines[j], rules) == "attachment") or (
        j == i + 1 and j < len(lines)
    )


# ---------------------------------------------------------------------------------------------------
# pass 3: nesting


@dataclass(slots=True)
class _Node:
    """A section or a part while the tree is built: its children still grow, its span is settled at the end.

    Everything else (lines, paragraphs, items, labels) is final when made and is made as a `Section` at
    once: a plan has thousands of those, and building each twice was a third of the structure pass.
    """

    kind: SectionKind
    start: int
    end: int
    children: list[_Node | Section]
    level: int = 0
    marker: Marker | None = None
    title: str = ""
    title_start: int | None = None
    title_end: int | None = None
    last_value: int = 0  # for open sections: the value of the last sibling seen at this level
    implied: str = ""  # an implied first item (no marker written): the key of the marker it stands for


def _leaf(kind: SectionKind, start: int, end: int, label: str | None = None) -> Section:
    return _Section(kind=kind, start=start, end=end, label=label)


def _over(kind: SectionKind, start: int, end: int, children: Sequence[Section], *, marker: Marker | None = None,
          label: str | None = None) -> Section:
    """A node over finished ``children``, spanning them (as `_finish` spans a section)."""
    start = min(start, children[0].start)
    end = max([c.end for c in children])
    if marker is None:
        return _Section(kind=kind, start=start, end=end, label=label, children=tuple(children))
    return _Section(kind=kind, start=start, end=end, marker=marker.text, value=marker.value, style=marker.style.id,
                   label=label, children=tuple(children))


_LEAF_KIND: dict[str, SectionKind] = {"table": "table-row", "label": "label"}
_CONTENTS = ("contents-head", "contents")  # the line kinds of a table of contents (`_contents_lines`)


@dataclass(slots=True)
class _Box:
    """A boxed list being filled: its node, its own stack of numbered entries, and the numbering memory of
    the sequence around it (restored when the box closes)."""

    node: _Node
    stack: list[_Node]
    outer_last_at: dict[tuple[int, str], int]


class _Builder:
    def __init__(self, text: str, rules: StructureRules, *, fast: bool = True) -> None:
        self.text = text
        self.rules = rules
        self.fast = fast
        self.warnings: list[ParseWarning] = []
        self.last_at: dict[tuple[int, str], int] = {}  # (depth, family) → value of the last heading there

    # -- leaves -------------------------------------------------------------------------------------
    def paragraph(self, ln: _Line, kind: SectionKind = "paragraph") -> Section:
        if kind in ("paragraph", "preamble"):
            return self._paragraph(kind, ln.start, ln.end, ln.label)
        return _leaf(kind, ln.start, ln.end, ln.label)

    def _paragraph(self, kind: SectionKind, start: int, end: int, label: str | None = None,
                   clauses: list[tuple[int, int, str]] | None = None) -> Section:
        pieces = split_paragraph(self.text, start, end, styles=self.rules.markers, label_re=self.rules.label,
                                 clauses=clauses, fast=self.fast)
        if not pieces:
            return _leaf(kind, start, end, label)
        return _over(kind, start, end, [self._piece_node(p) for p in pieces], label=label)

    def _piece_node(self, p: Piece) -> Section:
        if p.kind == "item":
            assert p.marker is not None
            labs = item_labels(self.text, p.start, p.end, self.rules.label)
            if not labs:
                return _Section(kind="item", start=p.start, end=p.end, marker=p.marker.text, value=p.marker.value,
                               style=p.marker.style.id)
            children: list[Section] = []
            pos = p.start
            for ls, le, word in labs:
                if ls > pos:
                    children.append(_leaf("paragraph", pos, ls))
                children.append(_leaf("label", ls, le, word))
                pos = le
            if pos < p.end:
                children.append(_leaf("paragraph", pos, p.end))
            return _over("item", p.start, p.end, children, marker=p.marker)
        if p.kind == "label":
            return _leaf("label", p.start, p.end, p.label)
        return _leaf("paragraph", p.start, p.end)

    def runin(self, ln: _Line, level: int) -> Section:
        """A run-in titled paragraph (声学传感器。研发先进MEMS芯片技术…): an unnumbered item with its title span,
        its title line part (bullet, title and the 。 or ： after it) as a ``heading`` leaf, then its body."""
        assert ln.runin is not None
        ts, te, body = ln.runin
        head = _leaf("heading", ln.start, body)
        children = (head, self._paragraph("paragraph", body, ln.end)) if body < ln.end else (head,)
        return _Section(kind="runin", start=ln.start, end=ln.end, level=level, title=self.text[ts:te],
                        title_start=ts, title_end=te, children=children)

    def heading(self, ln: _Line, level: int) -> _Node:
        """A numbered section: its heading leaf (marker + title + delimiter) and the run-in body."""
        m = ln.marker
        assert m is not None
        text = self.text
        ts = m.end
        while ts < ln.content_end and text[ts] in _INDENT:
            ts += 1
        stop = _TITLE_STOP.search(text, ts, ln.content_end)
        te = stop.start() if stop else ln.content_end
        head_end = stop.end() if stop else ln.content_end
        clauses = item_labels(text, ts, ln.content_end, self.rules.label)
        if clauses and clauses[0][0] < te:
            # 建设平台（牵头单位：省科技厅）: the labelled clause is not part of the title, and its colon
            # does not end the title either
            te = head_end = clauses[0][0]
        title_end = te
        while title_end > ts and text[title_end - 1] in _INDENT:
            title_end -= 1
        if not text[head_end : ln.content_end].strip():
            children: list[_Node | Section] = [_leaf("heading", ln.start, ln.end)]
        else:
            # the body's labelled clauses are among the heading line's (found above)
            children = [_leaf("heading", ln.start, head_end),
                        self._paragraph("paragraph", head_end, ln.end, clauses=clauses)]
        return _Node("section", ln.start, ln.end, children, level, m, text[ts:title_end], ts, title_end, m.value)

    # -- a part: title block, preamble, sections --------------------------------------------------------
    def part(self, part: _Part) -> list[_Node | Section]:
        out: list[_Node | Section] = []
        lines = part.lines
        # title block: short unpunctuated lines at the top, then a recipient line
        i = self._titles(lines, 0, out)
        if part.kind == "attachment" and not out and i < len(lines):
            out.append(_leaf("title", lines[i].start, lines[i].end))
            i += 1
        while i < len(lines) and lines[i].kind in _CONTENTS:
            # a 目录 after the title lines (or before them): the title may come again after it
            node, i = self.contents(lines, i)
            out.append(node)
            i = self._titles(lines, i, out)
        while i < len(lines) and lines[i].kind in ("text", "label") \
                and self.rules.recipient.fullmatch(lines[i].content):
            out.append(_leaf("recipient", lines[i].start, lines[i].end))
            i += 1
        while i < len(lines) and lines[i].kind != "heading":
            if lines[i].kind in _CONTENTS:
                node, i = self.contents(lines, i)
                out.append(node)
                continue
            out.append(self.paragraph(lines[i], _LEAF_KIND.get(lines[i].kind, "preamble")))
            i += 1
        self.last_at.clear()  # each part numbers afresh
        out.extend(self.sections(lines[i:]))
        for kind_name, ln in part.closing:
            out.append(_leaf(kind_name, ln.start, ln.end))  # type: ignore[arg-type]
        return out

    def _titles(self, lines: list[_Line], i: int, out: list[_Node | Section]) -> int:
        """Append the title lines from ``i`` on (short lines that end no sentence) to ``out``; the index after."""
        while i < len(lines) and lines[i].kind == "text" and _is_short_plain(lines[i], 80) \
                and not self.rules.recipient.fullmatch(lines[i].content):
            out.append(_leaf("title", lines[i].start, lines[i].end))
            i += 1
        return i

    def contents(self, lines: list[_Line], i: int) -> tuple[Section, int]:
        """The table of contents starting at line ``i`` (`_contents_lines` marked it) and the index after it:
        its head line (目 录) as a ``heading`` leaf and its title, each entry a ``paragraph`` leaf."""
        ln = lines[i]
        children: list[Section] = []
        title, ts, te = "", None, None
        if ln.kind == "contents-head":
            children.append(_leaf("heading", ln.start, ln.end))
            title, ts, te = ln.content, ln.content_start, ln.content_start + len(ln.content)
            i += 1
        while i < len(lines) and lines[i].kind == "contents":
            children.append(_leaf("paragraph", lines[i].start, lines[i].end))
            i += 1
        return _Section(kind="contents", start=children[0].start, end=children[-1].end, title=title,
                        title_start=ts, title_end=te, children=tuple(children)), i

    def sections(self, lines: list[_Line]) -> list[_Node | Section]:
        top: list[_Node | Section] = []
        stack: list[_Node] = []
        box: _Box | None = None
        last_box = 0  # the number of the last box of this part (专栏2 after 专栏1)
        markers = self.rules.markers
        _mark_runins(self.text, lines, self.rules, markers.line_match if self.fast else markers.line_plain)
        i = 0
        while i < len(lines):
            ln = lines[i]
            if ln.kind in _CONTENTS:
                # a table of contents among the sections: one node where a paragraph would stand
                toc, i = self.contents(lines, i)
                if box is not None:
                    (box.stack[-1].children if box.stack else box.node.children).append(toc)
                else:
                    (stack[-1].children if stack else top).append(toc)
                continue
            i += 1
            opened = self._box_line(ln)
            if opened is not None:
                if box is not None:
                    self.last_at = box.outer_last_at
                number, node = opened
                if last_box and number != last_box + 1 and number > last_box:
                    self.warnings.append(ParseWarning(
                        code="box-gap", start=ln.content_start, end=ln.content_end,
                        message=f"boxed list 专栏{number} follows 专栏{last_box}: "
                                f"{'、'.join(f'专栏{v}' for v in range(last_box + 1, number))} missing"))
                last_box = number
                # one level below the section it stands in, as its numbered entries are (a box title is not
                # a numbered level of the document)
                node.level = len(stack) + 1
                (stack[-1].children if stack else top).append(node)
                box = _Box(node, [], self.last_at)
                self.last_at = {}  # the box numbers its entries afresh, apart from the sequence around it
                continue
            if box is not None and ln.kind == "heading" and not self._in_box(box, stack, ln):
                self.last_at = box.outer_last_at
                box = None
            if box is not None:
                self._box_entry(box, ln, len(stack))
                continue
            if ln.kind != "heading":
                if ln.runin is not None and stack:
                    leaf = self.runin(ln, len(stack) + 1)
                else:
                    leaf = self.paragraph(ln, _LEAF_KIND.get(ln.kind, "paragraph"))
                (stack[-1].children if stack else top).append(leaf)
                continue
            assert ln.marker is not None
            depth = self._place(stack, ln.marker, ln, top)
            del stack[depth:]
            self.last_at[(depth, ln.marker.style.family)] = ln.marker.value
            sec = self.heading(ln, depth + 1)
            (stack[-1].children if stack else top).append(sec)
            stack.append(sec)
        return top

    # -- a missing first marker ---------------------------------------------------------------------------
    def _implied(self, stack: list[_Node], top: list[_Node | Section], m: Marker) -> int | None:
        """The depth of ``m`` when the writer left out the first item of its sequence, after regrouping.

        三、 → 1. 2. 3. → （二） → 4. 5.: （二） opens no level of its own (a new level starts at 1, and none of
        this family is open to continue), so nesting cannot place it; the usual order of levels can
        (structure.toml ``[[rank]]``: 一、 > （一） > 1. > （1） > ①). （二） ranks above 1. and below 三、, so it stands
        where 1. stands, beside an implied first item that takes the numbered sections before it: 1. 2. 3. move
        one level down, into a section with no marker, no title and the value of the missing number. Nothing
        is made up: the implied node has no text of its own (its children tile it), and it is not a heading.
        A warning says what was inferred. A number that runs on at that level (（三） under 二、 after （二）
        under 一、) takes it too, with nothing to imply. None when the rule does not apply (the parser nests as
        before).
        """
        # (called by `_place` for a number above 1 of a family not open, that does not run on where it stands)
        fam = m.style.family
        rank = self.rules.rank(fam)
        if rank is None:
            return None
        depth = None
        for i, s in enumerate(stack):
            r = self.rules.rank(s.marker.style.family) if s.marker is not None else None
            if r is None or r <= rank:
                continue
            outer = stack[i - 1].marker if i else None
            above = self.rules.rank(outer.style.family) if outer is not None else None
            if i and (above is None or above >= rank):
                continue
            depth = i
            break
        if depth is None:
            return None  # it ranks below every open level: a new level below them, as nesting says
        # numbering at that level starts afresh under each parent, or runs on across parents (then （六） after
        # （四） under the parent before leaves out （五）, not （一）…（五）)
        last = self.last_at.get((depth, fam), 0)
        if m.value == last + 1:
            return depth  # it runs on at the level its rank implies: nothing is missing before it
        first_missing = last + 1 if m.value > last + 1 and last else 1
        siblings = stack[depth - 1].children if depth else top
        below = stack[depth].marker
        assert below is not None
        k = next(j for j, c in enumerate(siblings) if isinstance(c, _Node) and c.kind == "section")
        moved = siblings[k:]
        if any(isinstance(c, _Node) and c.kind == "section" and c.marker is not None
               and c.marker.style.family != below.style.family for c in moved):
            return None  # the level holds numbers of another family too: no single run to regroup
        written = _written_like(m, first_missing)
        node = _Node("section", moved[0].start, moved[-1].end, moved, depth + 1, None, last_value=first_missing,
                     implied=marker_key(written, family=fam))
        del siblings[k:]
        siblings.append(node)
        for c in moved:
            if isinstance(c, _Node) and c.kind == "section" and c.marker is not None:
                self.last_at.pop((depth, c.marker.style.family), None)
        _deepen(moved)
        self._remember(moved)
        self._warn_implied(m, first_missing, moved, below.style.family)
        return depth

    def _remember(self, nodes: Sequence[_Node | Section]) -> None:
        """Record the numbered sections of ``nodes`` (regrouped one level down) in the numbering memory."""
        for c in nodes:
            if isinstance(c, _Node) and c.kind == "section":
                if c.marker is not None:
                    self.last_at[(c.level - 1, c.marker.style.family)] = c.marker.value
                self._remember(c.children)

    def _warn_implied(self, m: Marker, first_missing: int, moved: Sequence[_Node | Section], family: str) -> None:
        """numbering-implied: what was missing, which lines were taken as the implied item, where m stands."""
        text = self.text
        start = moved[0].start
        while start < len(text) and text[start].isspace():
            start += 1
        tail: _Node | Section = moved[-1]
        while isinstance(tail, _Node) and tail.children:
            tail = tail.children[-1]  # (a section's span is settled when it is frozen: its last line ends it)
        end = tail.end
        while end > start and text[end - 1].isspace():
            end -= 1
        first, last = text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1
        lines = f"第{first}行" if first == last else f"第{first}—{last}行"
        numbered = [c.marker.text for c in moved if isinstance(c, _Node) and c.marker is not None
                    and c.marker.style.family == family]
        shown = numbered[0] if len(numbered) == 1 else f"{numbered[0]}至{numbered[-1]}"
        written = _written_like(m, first_missing)
        missing = "、".join(_written_like(m, v) for v in range(first_missing, m.value))
        self.warnings.append(ParseWarning(
            code="numbering-implied", start=m.start, end=m.end,
            message=f"{m.text}前缺少{missing}：推定{lines}（{shown}）属于省略编号的{written}，{m.text}与之同级"))

    # -- boxed lists (专栏) ------------------------------------------------------------------------------
    def _box_line(self, ln: _Line) -> tuple[int, _Node] | None:
        """The number and the node of a box opened by ``ln`` (专栏1：重点突破的技术领域), if it opens one."""
        if ln.kind not in ("text", "label") or "专栏" not in ln.content:
            return None
        m = self.rules.box.fullmatch(ln.content)
        if m is None:
            return None
        number = parse_number(m.group("n")) or 0
        ts = ln.content_start + m.start("title")
        te = ln.content_start + m.end("title")
        title = self.text[ts:te]
        return number, _Node("box", ln.start, ln.end, [_leaf("heading", ln.start, ln.end)], title=title,
                             title_start=ts, title_end=te)

    def _in_box(self, box: _Box, stack: list[_Node], ln: _Line) -> bool:
        """Whether the numbered line ``ln`` is an entry of the open ``box`` rather than the next section
        around it: it continues the box's own numbering or starts it at 1; a number that continues the
        sequence around the box (4﹒ after 3﹒, （二） after （一）) closes the box, and so does any other. A
        number that continues both stays in the box only if it is written like the box's entries and unlike
        the sections around it (1. 2. in the box, 1﹒ 2﹒ around it)."""
        m = ln.marker
        assert m is not None
        fam = m.style.family
        inside = [s.marker for s in box.stack if s.marker and s.marker.style.family == fam
                  and s.last_value + 1 == m.value]
        around = [s.marker for s in stack if s.marker and s.marker.style.family == fam and s.last_value + 1 == m.value]
        if inside and around:
            return any(x.style.id == m.style.id for x in inside) and not any(x.style.id == m.style.id for x in around)
        if inside or around:
            return bool(inside)
        return m.value == 1 and not box.stack

    def _box_entry(self, box: _Box, ln: _Line, outer_depth: int) -> None:
        """Put ``ln`` into the open box: an unnumbered line under the innermost open entry (or the box), a
        numbered one placed in the box's own sequence, one level below the section the box stands in."""
        local = box.stack
        if ln.kind != "heading":
            if ln.runin is not None:
                # one level below the innermost numbered entry, or below the section the box stands in
                leaf = self.runin(ln, outer_depth + len(local) + 1)
            else:
                leaf = self.paragraph(ln, _LEAF_KIND.get(ln.kind, "paragraph"))
            (local[-1].children if local else box.node.children).append(leaf)
            return
        assert ln.marker is not None
        depth = self._place(local, ln.marker, ln)
        del local[depth:]
        self.last_at[(depth, ln.marker.style.family)] = ln.marker.value
        sec = self.heading(ln, outer_depth + depth + 1)
        (local[-1].children if local else box.node.children).append(sec)
        local.append(sec)

    def _place(self, stack: list[_Node], m: Marker, ln: _Line, top: list[_Node | Section] | None = None) -> int:
        """The stack depth at which the heading ``m`` opens (0 = level 1), with sequence warnings; ``top``: the
        part's top-level nodes, when a missing first marker may regroup them (`_implied`)."""
        fam = m.style.family
        positions = [i for i, s in enumerate(stack) if s.marker and s.marker.style.family == fam]
        if not positions:
            # numbering that runs on across parents (职教20条: （五） under 二、 after （四） under 一、)
            # continues the last sequence of this family at this depth, so it is not a bad start
            runs_on = self.last_at.get((len(stack), fam), 0) + 1 == m.value
            if m.value != 1 and stack and not runs_on:
                implied = self._implied(stack, top, m) if top is not None else None
                if implied is not None:
                    return implied
                self._warn("numbering-start", f"{m.text} starts a new level at {m.value}, not 1", m)
            return len(stack)
        for i in reversed(positions):
            if stack[i].last_value + 1 == m.value:
                return i
        deepest = stack[-1]
        if m.value == 1:
            if deepest.marker and deepest.marker.style.family == fam and len(positions) == 1 \
                    and self._body_chars(deepest) <= 60 and not self._holds_plan_title(deepest):
                # 一、X (perhaps with a subtitle line) directly followed by 一、Y: a nested sequence
                # of the same shape, as in a plan whose parts each number their own 一、二、
                return len(stack)
            inner = [p for p in positions if p > 0]
            if not inner:
                return 0  # the outermost sequence starts again: a second document
            i = inner[-1]
            if stack[i].last_value == 1:
                self._warn("numbering-duplicate", f"{m.text} repeats the number of the section before it", m)
            else:
                self._warn("numbering-restart", f"{m.text} starts the numbering again after {_show(stack[i])}", m)
            return i
        # a gap, a duplicate or an out-of-order number: stay at the nearest level of this family
        i = min(positions, key=lambda p: (m.value <= stack[p].last_value, abs(m.value - stack[p].last_value - 1), -p))
        prev = stack[i].last_value
        if m.value > prev + 1:
            missing = "、".join(_numeral_like(m, v) for v in range(prev + 1, m.value))
            self._warn("numbering-gap", f"numbering jumps from {_show(stack[i])} to {m.text}: {missing} missing", m)
        elif m.value == prev:
            self._warn("numbering-duplicate", f"{m.text} repeats the number of the section before it", m)
        else:
            self._warn("numbering-out-of-order", f"{m.text} comes after {_show(stack[i])}", m)
        return i

    def _holds_plan_title(self, sec: _Node) -> bool:
        return any(self.rules.plan_title.fullmatch(self.text[c.start : c.end].strip()) for c in sec.children[1:])

    def _body_chars(self, sec: _Node) -> int:
        if any(c.kind == "section" for c in sec.children):
            return 10**9
        return sum(len(self.text[c.start : c.end].strip()) for c in sec.children[1:])

    def _warn(self, code: str, message: str, m: Marker) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, start=m.start, end=m.end))


def _show(node: _Node) -> str:
    return node.marker.text if node.marker else node.kind


def _deepen(nodes: list[_Node | Section]) -> None:
    """Put ``nodes`` one level further down (their sections, boxes and run-in items)."""
    for j, c in enumerate(nodes):
        if isinstance(c, _Node):
            if c.kind in ("section", "box"):
                c.level += 1
            _deepen(c.children)
        elif c.kind == "runin":
            nodes[j] = replace(c, level=c.level + 1)


def _written_like(m: Marker, value: int) -> str:
    """The marker ``m`` with ``value`` for its number, written the same way (（一） for （二）, 1. for 4.)."""
    g = m.style.regex.match(m.text)
    if g is None:
        return _numeral_like(m, value)
    num = g.group("num")
    if m.style.numeral == "glyph":
        digits = chr(ord(num[0]) - (m.value - value)) if len(num) == 1 else str(value)
    elif m.style.numeral == "chinese":
        digits = int_to_chinese(value)
    elif num and "０" <= num[0] <= "９":
        digits = str(value).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    else:
        digits = str(value)
    return m.text[: g.start("num")] + digits + m.text[g.end("num") :]


def _numeral_like(m: Marker, value: int) -> str:
    """``value`` written the way ``m`` writes its numbers (四 for 一、二、四、, 4 for 1. 2. 4.)."""
    return int_to_chinese(value) if m.style.numeral == "chinese" else str(value)


# ---------------------------------------------------------------------------------------------------
# freezing


def _finish(node: _Node, path: tuple[str, ...], seen: dict[str, int], prefix: str) -> Section:
    """Freeze a built section or part: its id (the path of markers, ``#2`` for a repeat), its children, and
    its span made the union of theirs (blank lines were folded into the line before them)."""
    m = node.marker
    ident = ""
    child_path = path
    if node.kind == "section" and (m is not None or node.implied):
        # an implied first item's key is bracketed, as an editor marks what is not in the text: 三/[（一）]
        key = marker_key(m.text, family=m.style.family) if m is not None else f"[{node.implied}]"
        ident = prefix + "/".join((*path, key))
        n = seen.get(ident, 0) + 1
        seen[ident] = n
        if n > 1:
            ident = f"{ident}#{n}"
        if key:
            child_path = (*path, key)
    children = [c if isinstance(c, Section) else _finish(c, child_path, seen, prefix) for c in node.children]
    start, end = node.start, node.end
    if children:
        start = min(start, children[0].start)
        end = max([c.end for c in children])
        # a heading line that absorbed trailing blank lines: it ends where the section's next child starts
        if node.kind in ("section", "box") and len(children) > 1 and children[0].end > children[1].start:
            children[0] = replace(children[0], end=children[1].start)
    if m is None:
        return _Section(kind=node.kind, start=start, end=end, level=node.level, title=node.title,
                       title_start=node.title_start, title_end=node.title_end, id=ident, children=tuple(children),
                       value=node.last_value if node.implied else None)
    return _Section(kind=node.kind, start=start, end=end, level=node.level, marker=m.text, value=m.value,
                   style=m.style.id, title=node.title, title_start=node.title_start, title_end=node.title_end,
                   id=ident, children=tuple(children))


def parse_structure(
    document: Document, *, rules: StructureRules | None = None, fast: bool = True
) -> tuple[Section, tuple[ParseWarning, ...]]:
    """Segment ``document`` into its tree; return the root and the numbering warnings.

    ``rules``: numbering styles and part patterns (`load_structure_rules`); ``fast=False`` tries every
    numbering style at every line start and every paragraph position instead of only where the first
    character fits (the same tree).

    >>> from textkit.model import Document
    >>> root, warnings = parse_structure(Document("一、总体要求\\n（一）指导思想。坚持…\\n二、主要任务\\n四、保障\\n"))
    >>> [(s.id, s.level, s.title) for s in root.sections()]
    [('一', 1, '总体要求'), ('一/（一）', 2, '指导思想'), ('二', 1, '主要任务'), ('四', 1, '保障')]
    >>> [w.code for w in warnings]
    ['numbering-gap']
    """
    rules = rules or load_structure_rules()
    text = document.text
    lines = _split_lines(text)
    _classify(text, lines, rules, fast=fast)
    lead, lines = _merge_blanks(lines)
    builder = _Builder(text, rules, fast=fast)
    children: list[_Node | Section] = []
    if lead is not None:
        children.append(_leaf("blank", lead.start, lead.end))
    parts = _cut_parts(lines, rules)
    for part in parts:
        nodes = builder.part(part)
        if not nodes:
            continue
        if part.kind == "body":
            children.extend(nodes)
        else:
            container = _Node(part.kind, nodes[0].start, nodes[-1].end, nodes)  # type: ignore[arg-type]
            if part.kind == "attachment":
                container.title = part.lines[0].content if part.lines else ""
            children.append(container)
    frozen_children: list[Section] = []
    seen: dict[str, int] = {}
    att_no = 0
    for c in children:
        if isinstance(c, Section):
            frozen_children.append(c)
            continue
        prefix = ""
        if c.kind == "notice":
            prefix = "通知/"
        elif c.kind == "attachment":
            att_no += 1
            prefix = f"附件{att_no}/"
        frozen_children.append(_finish(c, (), seen, prefix))
    frozen = _Section(kind="document", start=0, end=len(text), children=tuple(frozen_children))
    return frozen, tuple(builder.warnings)


def plan_title(document: Document, root: Section, *, rules: StructureRules | None = None) -> str:
    """The plan's own title: the first title line that reads like one (…实施方案, …的意见), else the first.

    Title lines wrapped over two lines (国务院关于印发国家职业教育改革 / 实施方案的通知) are joined.

    >>> doc = Document("每周一学（5月15日）\\n中共中央关于开展主题教育的意见\\n一、重大意义\\n")
    >>> plan_title(doc, parse_structure(doc)[0])
    '中共中央关于开展主题教育的意见'
    """
    rules = rules or load_structure_rules()
    lines: list[str] = []
    for node in root.walk():
        if node.kind == "title":
            lines.append(document.text[node.start : node.end].strip())
        elif node.kind in ("section", "preamble", "paragraph") and lines:
            break
    def reads_as_title(s: str) -> bool:
        return bool(rules.plan_title.fullmatch(s) or rules.notice_title.fullmatch(s))

    for line in lines:
        if reads_as_title(line):
            return line
    for a, b in itertools.pairwise(lines):
        if reads_as_title(a + b):
            return a + b
    return lines[0] if lines else ""
