"""Responsible units (责任单位): who a plan names as responsible for a task, with their role.

Four sources, all driven by ``data/roles.toml`` and ``data/units.toml``:

- labelled statements, on their own line or in parentheses after a task: ``责任单位：机关党委、办公室``,
  ``（牵头单位：省科技厅，参加单位：省教育厅）``, ``（5月底完成，牵头考核单位：市审批服务局）``;
- role clauses in parentheses: ``（省大数据局牵头，各有关部门、各市政府配合）``, ``（X按职责分工负责）``, and a
  bracket of unit names alone closing a task: ``…提高核心设备利用率。（装备信息中心、教科院）``;
- columns of a task table (`textkit.structure.tables`): 负责处室 / 配合处室;
- phrases in running text: ``由X牵头``, ``X牵头，Y配合``, ``X负责…``, ``X按职责分工负责``, ``X负总责``,
  ``请X落实…``, ``X对…负责``.

The parts, one module each: ``rules`` (the rule files, and the `UnitExtractor` compiled from them),
``names`` (what a unit's name looks like), ``lists`` (splitting a list of names, a table cell),
``statements`` (labels and bracketed role clauses), ``phrases`` (phrases in running text).

Extraction works on the text line by line and does not need the section tree except to record the id of
the enclosing numbered section. Every unit's ``text`` is ``document.text[start:end]``.

>>> from textkit.model import Document, Section
>>> doc = Document(text="1.突出学习重点。\\n责任单位：机关党委（机关纪委）、办公室\\n")
>>> root = Section(kind="document", start=0, end=len(doc.text))
>>> [(u.text, u.name, u.alias, u.role) for u in extract_units(doc, root)]
[('机关党委（机关纪委）', '机关党委', '机关纪委', 'responsible'), ('办公室', '办公室', None, 'responsible')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from operator import itemgetter

from textkit._frozen import keyword_maker
from textkit.extraction.units.lists import split_unit_list
from textkit.extraction.units.names import ALIAS_ENDS, ALIAS_RE, compact, is_collective, loose_unit
from textkit.extraction.units.phrases import phrase_units
from textkit.extraction.units.rules import (
    ROLES,
    Found,
    Scratch,
    UnitExtractor,
    UnitRules,
    as_extractor,
    default_extractor,
    load_unit_rules,
    user_rules,
)
from textkit.extraction.units.statements import CLOSING_RE, label_statements, paren_statements, role_bracket
from textkit.model import Document, ResponsibleUnit, Role, Section, SectionIndex
from textkit.structure.tables import TableRow

_Unit = keyword_maker(ResponsibleUnit)  # (a plan names hundreds: built without packing the keywords in a dict)

__all__ = [
    "TableRow", "UnitExtractor", "UnitRules", "default_extractor", "extract_units", "load_unit_rules",
    "split_unit_list", "task_table_rows", "user_rules",
]

def task_table_rows(document: Document, *, rules: UnitRules | UnitExtractor | None = None) -> list[TableRow]:
    """Rows of the task tables of ``document`` (tables whose header names a unit or time column),
    each cell tagged with its column kind; header rows are included with ``header=True``."""
    return list(as_extractor(rules).task_tables(document))


def _table_units(text: str, rows: Sequence[TableRow], rules: UnitExtractor, *, fast: bool) -> list[Found]:
    """The units in the unit columns of the task-table ``rows``."""
    found: list[Found] = []
    header_labels: dict[str, str] = {}
    seen: dict[str, list[tuple[int, int, tuple[str, str] | None]]] = {}
    for row in rows:
        if row.header:
            header_labels = {k: compact(text[s:e]) for (s, e), k in zip(row.cells, row.kinds, strict=True)
                             if k in ROLES}
            continue
        for (s, e), kind in zip(row.cells, row.kinds, strict=True):
            if kind not in ROLES:
                continue
            # a table repeats its cells (党政办): split each once. The split reads the cell and at most the
            # character after it, so that is the key; the names are kept as offsets into the cell
            key = text[s:e + 1]
            names = seen.get(key) if fast else None
            if names is None:
                names = []
                for a, b in split_unit_list(text, s, e, rules=rules, cell=True, fast=fast):
                    a, b, own = role_bracket(text, a, b, rules)
                    if loose_unit(compact(text[a:b])):
                        names.append((a - s, b - s, own))
                seen[key] = names
            for a, b, own in names:
                found.append((s + a, s + b, own[0] if own else kind, header_labels.get(kind, kind),
                              f"table:{kind}+{own[1]}" if own else f"table:{kind}", "table"))
    return found


def _line_units(text: str, rules: UnitExtractor, table_lines: set[tuple[int, int]], scratch: Scratch) -> list[Found]:
    """The units of the statements and phrases of every line of ``text`` outside the tables."""
    found: list[Found] = []
    fast = scratch.fast
    n = len(text)
    # the fast path jumps from one line with a bracket, a colon or a trigger word to the next (no other line
    # can name a unit); the plain path reads every line and tries every phrase on it
    wanted = rules.wanted_re
    if fast:
        hit = wanted.search(text)
        pos = hit.start() if hit is not None else -1
    else:
        pos = 0 if n else -1
    verb_search = rules.verb_only_scan.search
    label_search = rules.label_scan.search
    prefilter = fast and rules.statement_prefilter
    closing = rules.rules.closing_list
    while pos >= 0:
        a = text.rfind("\n", 0, pos) + 1
        b = text.find("\n", pos)
        if b < 0:
            b = n
        if b >= n:
            pos = -1
        elif fast:
            hit = wanted.search(text, b + 1)
            pos = hit.start() if hit is not None else -1
        else:
            pos = b + 1
        if a >= b or (a, b) in table_lines:
            continue
        line = text[a:b]
        covered: list[tuple[int, int]] = []
        # with the prefilter on, a line without any role or label word has no bracket that passes it: a
        # match inside a bracket is a match in the line too (the prefilter needs patterns without anchors,
        # word boundaries or negative lookarounds)
        if "（" in line or "(" in line:
            # a line without a role or label word can only hold a bracket of unit names closing a task
            closing_only = prefilter and verb_search(text, a, b) is None and label_search(text, a, b) is None
            if not closing_only or (closing is not None and CLOSING_RE.search(line) is not None):
                paren, covered = paren_statements(text, a, b, rules, scratch=scratch, closing_only=closing_only)
                found.extend(paren)
        label_spans: list[tuple[int, int]] = []
        if "：" in line or ":" in line:  # a label needs its colon
            labelled, label_spans = label_statements(text, a, b, covered, rules, scratch=scratch)
            found.extend(labelled)
        if fast:
            present = tuple([t for t in rules.triggers if t in line])
            phrases = rules.phrases_with(present) if present else ()
        else:
            phrases = rules.all_phrases()
        if phrases:
            found.extend(phrase_units(text, a, b, sorted(covered + label_spans), rules, line=line, phrases=phrases,
                                      fast=fast))
    return found


def extract_units(
    document: Document, root: Section, *, rules: UnitRules | UnitExtractor | None = None,
    tables: Sequence[TableRow] | None = None, sections: SectionIndex | None = None, fast: bool = True,
) -> tuple[ResponsibleUnit, ...]:
    """Every unit named as responsible for a task in ``document``, in text order.

    ``root`` is only used to give each unit the id of its enclosing numbered section (``sections``: its
    index, when the caller has one). ``tables``: the task-table rows when already found. ``fast=False``
    takes the plain path (no prefilter, no memo), which gives the same units.

    >>> from textkit.model import Document, Section
    >>> doc = Document(text="推进数据共享（省大数据局牵头，各有关部门、各市政府配合）。\\n")
    >>> root = Section(kind="document", start=0, end=len(doc.text))
    >>> [(u.name, u.role, u.collective) for u in extract_units(doc, root)]
    [('省大数据局', 'lead', False), ('各有关部门', 'support', True), ('各市政府', 'support', True)]
    """
    ux = as_extractor(rules)
    text = document.text
    rows = tables if tables is not None else ux.task_tables(document, fast=fast)
    scratch = Scratch(fast=fast, stated={} if fast and ux.statements_by_text else None)
    found = _table_units(text, rows, ux, fast=fast)
    found.extend(_line_units(text, ux, {(r.start, r.end) for r in rows}, scratch))
    units: list[ResponsibleUnit] = []
    last_end = -1
    at = (sections or SectionIndex(root)).at
    names: dict[str, tuple[str, str | None, bool]] = {}  # written form → (name, alias, collective)
    # the first rule to claim a span wins (tables, then statements, then phrases); overlaps are dropped
    found.sort(key=itemgetter(0))  # by start only: a stable sort keeps the rules' order at a start
    for start, end, found_role, label, rule_id, source in found:
        if start >= end or start < last_end:
            continue
        last_end = end
        utext = text[start:end]
        named = names.get(utext)
        if named is None:  # a plan names the same few units again and again: read each written form once
            # a unit's name and alias (机关党委（机关纪委）); an alias needs a closing bracket at the end
            alias: str | None = None
            name = utext
            m = ALIAS_RE.match(utext) if utext.endswith(ALIAS_ENDS) else None
            if m and m.group(1).strip():
                name, alias = m.group(1), compact(m.group(2)) or None
            name = compact(name)
            named = names[utext] = (name, alias, is_collective(name, ux))
        sec = at(start)
        role: Role = "lead" if found_role == "lead" else "support" if found_role == "support" else "responsible"
        units.append(_Unit(
            start=start, end=end, text=utext, name=named[0], role=role, collective=named[2], alias=named[1],
            label=label, rule_id=rule_id, section=sec.id if sec is not None else "",
            source=source,
        ))
    note = ux.rules.first_lead_re.search(text) if ux.rules.first_lead_re is not None else None
    if note is not None:
        units = _first_listed_leads(text, units, text.rfind("\n", 0, note.start()) + 1)
    return tuple(units)


_LIST_GAP = re.compile(r"[、，,和及与\s]*")


def _first_listed_leads(text: str, units: list[ResponsibleUnit], since: int) -> list[ResponsibleUnit]:
    """After a note such as 列第一位者为牵头部门，下同 (from offset ``since``): the first unit of each list found
    by one statement (the same line, rule and label, only separators between) leads, if it was responsible."""
    out: list[ResponsibleUnit] = []
    prev: ResponsibleUnit | None = None
    for u in units:
        same_list = (prev is not None and prev.rule_id == u.rule_id and prev.label == u.label
                     and _LIST_GAP.fullmatch(text, prev.end, u.start) is not None)
        if u.start >= since and not same_list and u.role == "responsible":
            u = replace(u, role="lead")
        out.append(u)
        prev = u
    return out
