"""Itemise a directive into its required tasks, the way a careful reader lists them.

The reader's rules (their words and numbers are data: ``textkit/data/itemise.toml``):

- a numbered section with no numbered sections inside is one task, unless it holds a list of unnumbered
  paragraphs with run-in titles (``破难题、促发展。…``, ``开展党性分析。…``): then each of those is a task;
- a section whose heading stands alone on its line (``五、推进措施``) and holds no numbered sections has each
  body paragraph as a task;
- a section with numbered sections inside is a *group*; its own unnumbered paragraphs (a requirement stated
  between the numbered items) are tasks of their own;
- after a list of one-paragraph items (``1. 凝心铸魂筑牢根本。…`` … ``5. …``), a further paragraph belongs to the
  list's parent, not to the last item;
- declaratory parts are not tasks: the preamble, the title, 落款, a section titled 重要意义/指导思想/基本原则…,
  and a label line such as ``相关术语：`` with everything after it in its section.

Every item keeps its span in the directive.

>>> import textkit
>>> d = textkit.parse_text("一、重要意义\\n意义重大。\\n二、主要任务\\n（一）加强学习。组织集中学习。\\n（二）深入调研。到基层开展调研。\\n")
>>> [(i.title, i.kind) for i in itemise(d)]
[('主要任务', 'group')]
>>> [i.title for i in itemise(d)[0].children]
['加强学习', '深入调研']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from textkit.comparison.checklist import Checklist, ChecklistItem
from textkit.errors import ChecklistError, OptionError
from textkit.model import Plan, Section
from textkit.structure.tables import TableRow

__all__ = ["ItemiseRules", "TaskItem", "context_passages", "derive_checklist", "itemise", "load_itemise_rules"]

_PARAMS = ("runin.max_title", "runin.min_body", "runin.min_siblings", "task.min_chars", "declaratory.max_title")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A run-in title: a short clause with no comma, closed by 。 (or ：), then the body on the same line.
_RUNIN_END = re.compile(r"[。：:]")
_CLAUSE_MARKS = re.compile(r"[，,；;“”「」《》]")


@dataclass(frozen=True, slots=True)
class ItemiseRules:
    """The compiled itemising rules: declaratory words and the run-in title limits."""

    declaratory: tuple[str, ...]
    max_title: int = 16
    min_body: int = 10
    min_siblings: int = 2
    min_chars: int = 6
    max_declaratory: int = 10

    def is_declaratory(self, title: str) -> bool:
        """Whether a title names a declaratory part: it ends with a declaratory word (总体要求, 发展现状与面临
        的形势), is a short title holding one (背景和意义), or lists several (产业发展的原则、总体思路、目标及
        任务); a long task title that merely contains one (开展以…为主要内容的形势政策宣传教育) is a task."""
        t = title.strip().rstrip("：:。；;，, ")
        held = [w for w in self.declaratory if w in t]
        if not held:
            return False
        # 基本原则 holds 原则 too: count the words not inside another one held
        distinct = [w for w in held if not any(w != o and w in o for o in held)]
        return len(distinct) >= 2 or len(t) <= self.max_declaratory or any(t.endswith(w) for w in held)


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> ItemiseRules:
    from textkit.rules import Field, load_entries

    words = load_entries(
        "itemise.toml", "declaratory",
        {"id": Field(required=True), "words": Field(types=list, required=True), "note": Field()},
        extra=extra, known=("param",),
    )
    params = load_entries(
        "itemise.toml", "param",
        {"id": Field(required=True, choices=_PARAMS), "value": Field(types=int, required=True), "note": Field()},
        extra=extra, known=("declaratory",),
    )
    values = {str(p["id"]): int(p["value"]) for p in params}
    decl = tuple(sorted({str(w) for e in words for w in e["words"] if str(w).strip()}, key=lambda w: (-len(w), w)))
    return ItemiseRules(
        declaratory=decl,
        max_title=values.get("runin.max_title", 16),
        min_body=values.get("runin.min_body", 10),
        min_siblings=values.get("runin.min_siblings", 2),
        min_chars=values.get("task.min_chars", 6),
        max_declaratory=values.get("declaratory.max_title", 10),
    )


def load_itemise_rules(*, extra: Iterable[str | Path] = ()) -> ItemiseRules:
    """The shipped itemising rules with user files layered over them."""
    return _load(tuple(str(p) for p in extra))


@dataclass(frozen=True, slots=True)
class TaskItem:
    """One required task of a directive (``kind == "task"``) or a heading whose children are tasks
    (``"group"``). ``start``/``end`` is its span in the directive; ``title`` its run-in title, its
    heading's title or its first clause; ``section`` the id of the numbered section it stands in."""

    id: str
    kind: Literal["task", "group"]
    title: str
    start: int
    end: int
    section: str
    marker: str = ""
    children: tuple[TaskItem, ...] = ()
    body: str | None = None  # what the task says when not its whole span (a table row's task cells)

    def walk(self) -> Iterable[TaskItem]:
        yield self
        for c in self.children:
            yield from c.walk()

    def text(self, directive_text: str) -> str:
        return directive_text[self.start:self.end]


# ------------------------------------------------------------------------------------------------ blocks


@dataclass(frozen=True, slots=True)
class _Block:
    """A body paragraph of a section (with the label lines and rows that follow it)."""

    start: int
    end: int
    title: str  # its run-in title, or ""
    declaratory: bool = False


def _runin_title(text: str, start: int, end: int, rules: ItemiseRules) -> str:
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    m = _RUNIN_END.search(line, lead)
    if m is None:
        return ""
    title = line[lead:m.start()].strip()
    body = line[m.end():].strip()
    if not (2 <= len(title) <= rules.max_title) or not _CJK.search(title) or _CLAUSE_MARKS.search(title):
        return ""
    return title if len(body) >= rules.min_body else ""


def _first_clause(text: str, start: int, end: int, limit: int = 30) -> str:
    seg = text[start:end].strip()
    m = re.search(r"[。；;：:\n]", seg)
    head = seg[: m.start()] if m else seg
    return head[:limit]


def _blocks(sec: Section, text: str, rules: ItemiseRules) -> list[_Block]:
    """The body paragraphs of ``sec`` (not its heading, not numbered sub-sections), in order; a declaratory
    label line (``相关术语：``) is kept as a declaratory block that marks where the declaratory part starts."""
    out: list[_Block] = []
    declaratory = False
    for c in sec.children:
        if c.kind in ("heading", "section", "blank", "box"):
            continue
        body = text[c.start:c.end]
        if not body.strip():
            continue
        stripped = body.strip()
        if c.kind == "label" and out and not stripped.endswith(("：", ":")):
            # a 责任单位：… line belongs to the task before it
            last = out[-1]
            out[-1] = _Block(last.start, c.end, last.title, last.declaratory)
            continue
        if stripped.endswith(("：", ":")) and len(stripped) <= 20:
            # 主要措施： introduces the tasks after it; 相关术语： starts definitions that run to the section's end
            if rules.is_declaratory(stripped) and not declaratory:
                declaratory = True
                out.append(_Block(c.start, c.end, "", True))
            continue
        if stripped[0] in "（(" and stripped[-1] in "）)":
            continue  # （来源：共产党员网）: a note, not a task
        if len(_CJK.findall(stripped)) < rules.min_chars:
            continue  # a date line, a row of figures, a list of names: no task is stated
        out.append(_Block(c.start, c.end, _runin_title(text, c.start, c.end, rules), declaratory))
    return out


def _runin_heading(sec: Section, text: str) -> bool:
    """Whether the heading's line goes on with body text (``1. 理论学习。全面深入学习…``)."""
    head = next((c for c in sec.children if c.kind == "heading"), None)
    if head is None:
        return False
    return not text[head.start:head.end].endswith("\n") and head.end < sec.end and text[head.end] != "\n"


def _without_boxes(sec: Section) -> Section:
    """``sec`` with its boxed lists left out (they are itemised as groups of their own)."""
    first = min((c.start for c in sec.children if c.kind == "box"), default=sec.end)
    kept = tuple(c for c in sec.children if c.kind != "box" and c.start < first)
    return replace(sec, children=kept, end=max(first, sec.start))


def _numbered(sec: Section) -> list[Section]:
    return [c for c in sec.children if c.kind == "section"]


# ------------------------------------------------------------------------------------------------ itemise


class _Builder:
    def __init__(self, plan: Plan, rules: ItemiseRules) -> None:
        self.text = plan.document.text
        self.rules = rules
        self.used: set[str] = set()

    def _id(self, base: str) -> str:
        item_id, n = base or "item", 1
        while item_id in self.used:
            n += 1
            item_id = f"{base or 'item'}¶{n}"
        self.used.add(item_id)
        return item_id

    def block_item(self, b: _Block, sec: Section) -> TaskItem:
        title = b.title or _first_clause(self.text, b.start, b.end)
        base = f"{sec.id}¶" if sec.id else "¶"
        return TaskItem(self._id(base + title[:12]), "task", title, b.start, _trim_end(self.text, b.start, b.end),
                        sec.id)

    def section(self, sec: Section, *, lifted: Sequence[_Block] = ()) -> list[TaskItem]:
        """The items of a numbered section (a task, or a group with its tasks)."""
        if sec.title and self.rules.is_declaratory(sec.title):
            return []
        all_blocks = _blocks(sec, self.text, self.rules)
        blocks = [b for b in all_blocks if not b.declaratory]
        cut = next((b.start for b in all_blocks if b.declaratory), sec.end)
        kids = [k for k in _numbered(sec) if k.start < cut]
        end = _trim_end(self.text, sec.start, sec.end)
        boxes = [g for c in sec.children if c.kind == "box" and c.start < cut for g in self.box(c, sec)]
        if boxes:
            # a boxed list (专栏) stands in the section: the section's own text is a task, the box a group
            own = self.section(_without_boxes(sec), lifted=lifted)
            if not kids and own and own[0].kind == "task":
                return [self.group(sec, [*own, *boxes], end)]
            merged = [*own[0].children, *boxes] if own else boxes
            return [self.group(sec, sorted(merged, key=lambda t: t.start), end)]
        if kids:
            children: list[TaskItem] = []
            lifts = _trailing(kids, self.text, self.rules)
            for b in blocks:
                if b.start < kids[0].start:
                    children.append(self.block_item(b, sec))
            for k in kids:
                children.extend(self.section(k, lifted=lifts.get(k.id, ())))
                for b in lifts.get(k.id, ()):
                    children.append(self.block_item(b, sec))
            for b in blocks:
                if b.start > kids[-1].start:
                    children.append(self.block_item(b, sec))
            return [self.group(sec, children, end)] if children else []
        # a leaf numbered section
        body = [b for b in blocks if not any(lb.start == b.start for lb in lifted)]
        titled = [b for b in body if b.title]
        if len(titled) >= self.rules.min_siblings:
            children = [self.block_item(b, sec) for b in body if b.title or b.start > titled[0].start]
            return [self.group(sec, children, end)]
        if not _runin_heading(sec, self.text) and body:
            children = [self.block_item(b, sec) for b in body]
            return [self.group(sec, children, end)]
        if lifted:
            end = _trim_end(self.text, sec.start, lifted[0].start)
        return [TaskItem(self._id(sec.id), "task", sec.title or _first_clause(self.text, sec.start, end),
                         sec.start, end, sec.id, sec.marker or "")]

    def box(self, node: Section, sec: Section) -> list[TaskItem]:
        """A boxed list (专栏N：…): a group of its entries (run-in titled paragraphs or numbered items)."""
        entries = [self.block_item(b, sec) for b in _blocks(node, self.text, self.rules) if not b.declaratory]
        entries += [t for k in _numbered(node) for t in self.section(k)]
        if not entries:
            return []
        title = node.title or _first_clause(self.text, node.start, node.end)
        return [TaskItem(self._id(f"{sec.id}/{title[:12]}"), "group", title, node.start,
                         _trim_end(self.text, node.start, node.end), sec.id, "", tuple(sorted(entries, key=lambda t: t.start)))]

    def group(self, sec: Section, children: list[TaskItem], end: int) -> TaskItem:
        return TaskItem(self._id(sec.id + "/"), "group", sec.title or _first_clause(self.text, sec.start, end),
                        sec.start, end, sec.id, sec.marker or "", tuple(children))


def _trailing(kids: Sequence[Section], text: str, rules: ItemiseRules) -> dict[str, list[_Block]]:
    """After a list of one-paragraph run-in items, the last item's further paragraphs belong to the
    parent (``5. 廉洁奉公树立新风。…`` then ``主题教育坚持目标导向…``)."""
    if len(kids) < 2 or _numbered(kids[-1]):
        return {}
    if not all(_runin_heading(k, text) and not _numbered(k) and len(_blocks(k, text, rules)) == 1 for k in kids[:-1]):
        return {}
    last = kids[-1]
    blocks = _blocks(last, text, rules)
    if not _runin_heading(last, text) or len(blocks) < 2:
        return {}
    if sum(1 for b in blocks[1:] if b.title) >= rules.min_siblings:
        return {}  # 2. 推动发展。… 破难题、促发展。… 办实事、解民忧。…: the item's own run-in titled tasks
    return {last.id: blocks[1:]}


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def itemise(directive: Plan, *, scope: Sequence[str] = (), rules: ItemiseRules | None = None,
            tables: bool = False) -> list[TaskItem]:
    """The required tasks of ``directive``, as a forest of groups and tasks in text order.

    ``scope`` selects the parts that count, each a section id (``三``, ``三/2``) or a word of a section's
    title (``工作安排``); a selected section counts even when its title is declaratory. Without a scope,
    every numbered part but the declaratory ones counts. ``tables``: the rows of attached task tables are tasks
    too (`_table_tasks`); off by default, because such a table often restates the numbered tasks row by row.

    >>> import textkit
    >>> d = textkit.parse_text("一、指导思想\\n坚持以人民为中心。\\n二、组织领导\\n加强领导，明确责任。\\n强化督导，定期通报。\\n")
    >>> [i.title for i in itemise(d)[0].children]
    ['加强领导，明确责任', '强化督导，定期通报']
    >>> [i.title for i in itemise(d, scope=["指导思想"])]
    ['指导思想']
    """
    rules = rules or load_itemise_rules()
    if scope:
        chosen = _scoped(directive.root, scope)
        if not chosen:
            raise OptionError("scope", list(scope), "section ids (三, 三/2) or words of section titles in the directive")
        # the parts chosen count whatever their titles: no declaratory words
        relaxed = _Builder(directive, replace(rules, declaratory=()))
        return [i for s in chosen for i in relaxed.section(s)]
    b = _Builder(directive, rules)
    tops = _top_sections(directive.root)
    out: list[TaskItem] = []
    for sec in tops:
        out.extend(b.section(sec))
    if not tops:
        # a directive without numbered parts: each body paragraph is a task
        for c in directive.root.children:
            if c.kind == "paragraph" and directive.document.text[c.start:c.end].strip():
                blk = _Block(c.start, c.end, _runin_title(directive.document.text, c.start, c.end, rules))
                out.append(b.block_item(blk, directive.root))
    return out + _table_tasks(directive, out, rules) if tables else out


def _table_tasks(directive: Plan, tasks: Sequence[TaskItem], rules: ItemiseRules) -> list[TaskItem]:
    """The rows of the directive's task tables that stand outside every task, each a task: an attached
    任务清单 or 推广清单 lists the required tasks themselves. One group per attachment (or per table outside
    one), titled as it is; a row's task is its text cells (not its unit, person, deadline or number cells),
    titled as its measure is.

    >>> import textkit
    >>> d = textkit.parse_text("一、工作要求\\n各单位抓好落实。\\n附件：重点任务清单\\n序号\\t任务\\t具体内容\\t牵头单位\\t完成时限\\n"
    ...     "1\\t规范会议管理\\t制定会议管理办法\\t党政办\\t3月底前\\n2\\t推进家校共育\\t举办家长学校\\t德育处\\t全年\\n")
    >>> [(t.title, [(c.title, c.body) for c in t.children]) for t in itemise(d, tables=True)[1:]]
    [('附件：重点任务清单', [('规范会议管理', '规范会议管理\\n制定会议管理办法'), ('推进家校共育', '推进家校共育\\n举办家长学校')])]
    """
    from textkit.extraction.measures import row_cells
    from textkit.extraction.units import task_table_rows

    text = directive.document.text
    spans = [(t.start, t.end) for t in tasks]
    titles = {m.start: m.title for m in directive.measures if m.kind == "table-row"}
    rows = [r for r in task_table_rows(directive.document) if not r.header and r.start in titles
            and not any(a <= r.start < b for a, b in spans)]
    if not rows:
        return []
    holders = [c for c in directive.root.children if c.kind == "attachment"]
    by_holder: dict[int, list[TableRow]] = {}
    for r in rows:
        holder = next((k for k, c in enumerate(holders) if c.start <= r.start < c.end), -1)
        by_holder.setdefault(holder, []).append(r)
    out: list[TaskItem] = []
    for g, (holder, members) in enumerate(by_holder.items(), start=1):
        kids: list[TaskItem] = []
        for n, r in enumerate(members, start=1):
            body = "\n".join(row_cells(text, r)[1])
            if len(_CJK.findall(body)) < rules.min_chars:
                continue
            # no numbered section holds the row: its place is its table and row (表1/3)
            kids.append(TaskItem(f"表{g}/{n}", "task", titles[r.start], r.start, r.end, f"表{g}/{n}", body=body))
        if not kids:
            continue
        head = holders[holder] if holder >= 0 else None
        title = (text[head.start:head.end].split("\n", 1)[0].strip() if head is not None else "") or "任务表"
        out.append(TaskItem(f"表{g}", "group", title, kids[0].start, kids[-1].end, f"表{g}", children=tuple(kids)))
    return out


def _top_sections(root: Section) -> list[Section]:
    """The outermost numbered sections of the body (inside a 通知's plan or an attachment when there)."""
    out: list[Section] = []

    def rec(node: Section) -> None:
        for c in node.children:
            if c.kind == "section":
                out.append(c)
            elif c.kind in ("plan", "notice", "attachment"):
                rec(c)

    rec(root)
    return out


def _scoped(root: Section, scope: Sequence[str]) -> list[Section]:
    wanted = [s.strip() for s in scope if s.strip()]
    chosen: list[Section] = []
    for sec in root.sections():
        if any(sec.id == w or (w and w in sec.title) for w in wanted) and not any(
                c.start <= sec.start and sec.end <= c.end for c in chosen):
            chosen.append(sec)
    return chosen


def derive_checklist(
    directive: Plan, *, scope: Sequence[str] = (), rules: ItemiseRules | None = None, tables: bool = False,
) -> Checklist:
    """The directive's required tasks as a checklist: each task's ``description`` is its own words in the
    directive and its ``span`` where they stand; groups carry their tasks as ``children``. ``tables``: the
    rows of attached task tables (任务清单, 推广清单) are tasks too (see `itemise`).

    >>> import textkit
    >>> d = textkit.parse_text("一、主要任务\\n（一）加强学习。组织集中学习。\\n（二）深入调研。到基层开展调研。\\n")
    >>> cl = derive_checklist(d)
    >>> [(i.title, i.span) for i in cl.items[0].children]
    [('加强学习', (7, 22)), ('深入调研', (23, 39))]
    """
    from textkit.structure import plan_title

    text = directive.document.text
    src = directive.document.source
    tasks = itemise(directive, scope=scope, rules=rules, tables=tables)
    if not tasks:
        raise ChecklistError("has no required tasks to derive a checklist from (every part is declaratory); "
                             "choose the parts that count with a scope", file=src, key="scope")

    def convert(t: TaskItem) -> ChecklistItem:
        body = "" if t.kind == "group" else t.body if t.body is not None else text[t.start:t.end].strip()
        return ChecklistItem(
            id=t.id, title=t.title, keywords=(), source=t.section, description=body,
            children=tuple(convert(c) for c in t.children), span=(t.start, t.end),
        )

    title = plan_title(directive.document, directive.root) or Path(src).stem
    return Checklist(id=Path(src).stem or "derived", title=title, items=tuple(convert(t) for t in tasks), source=src,
                     context=context_passages(text, tasks))


def context_passages(text: str, tasks: Sequence[TaskItem], *, min_chars: int = 4) -> tuple[str, ...]:
    """The directive's lines that lie outside every task (its preamble, 指导思想, a group's heading and
    lead-in, the parts outside the scope), each with at least ``min_chars`` CJK characters: what a plan
    may restate without carrying out any task.

    >>> context_passages("一、指导思想\\n坚持以人民为中心的发展思想，推动高质量发展。\\n二、任务\\n加强学习。\\n", [])
    ('一、指导思想', '坚持以人民为中心的发展思想，推动高质量发展。', '加强学习。')
    """
    spans = sorted((t.start, t.end) for top in tasks for t in top.walk() if t.kind == "task")
    out: list[str] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if len(_CJK.findall(line)) < min_chars:
            continue
        if any(s < end and start < e for s, e in spans):
            continue
        out.append(line.strip())
    return tuple(out)
