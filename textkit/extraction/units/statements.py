"""Responsibility statements: a label and its list (``责任单位：机关党委、办公室``), a bracket of role clauses
(``（省大数据局牵头，各有关部门、各市政府配合）``), a unit with its role in brackets (``市教育局（牵头）``), a
bracket of unit names alone closing a task (``…利用率。（装备信息中心、教科院）``).

>>> from textkit.extraction.units.rules import Scratch, default_extractor
>>> t = "推进数据共享（省大数据局牵头，各有关部门配合）。"
>>> found, covered = paren_statements(t, 0, len(t), default_extractor(), scratch=Scratch())
>>> [(t[s:e], role) for s, e, role, *_rule in found]
[('省大数据局', 'lead'), ('各有关部门', 'support')]
"""

from __future__ import annotations

import bisect
import re

from textkit.extraction.units.lists import split_depth0, split_unit_list, strip_alias, trim
from textkit.extraction.units.names import (
    ALIAS_ENDS,
    ALIAS_RE,
    WS_RE,
    compact,
    has_suffix,
    loose_unit,
    strict_shape,
    time_like,
)
from textkit.extraction.units.rules import CLAUSE_SEPS, OPEN, Found, LabelRole, Scratch, UnitExtractor
from textkit.model import UnitSource

__all__ = ["CLOSING_RE", "covered", "label_statements", "paren_statements", "role_bracket"]

MAX_STATEMENT = 400  # characters of one responsibility statement (a bracket's content or a label's list)
_MAX_CLAUSE = 200


# The ``l{i}``/``v{i}`` entry group that matched is usually ``lastgroup``, the group that closed last: each
# entry's group encloses any group of its own pattern and nothing after it is a group. A user's pattern may
# name groups of its own, so any other last group falls back to trying each entry's group in turn.


def _label_role(m: re.Match[str], rules: UnitExtractor) -> LabelRole:
    name = m.lastgroup
    if name is not None:
        entry = rules.label_groups.get(name)
        if entry is not None and m.group(name) is not None:
            return entry
    for i, entry in enumerate(rules.label_roles):
        if m.group(f"l{i}") is not None:
            return entry
    return LabelRole("", "responsible")  # pragma: no cover - one group always matches


def _verb_role(m: re.Match[str], rules: UnitExtractor) -> tuple[str, str, str]:
    name = m.lastgroup
    if name is not None:
        entry = rules.verb_groups.get(name)
        verb = m.group(name) if entry is not None else None
        if entry is not None and verb is not None:
            return entry[0], entry[1], verb
    for i, (rid, role) in enumerate(rules.verb_roles):
        verb = m.group(f"v{i}")
        if verb is not None:
            return rid, role, verb
    return "", "responsible", ""  # pragma: no cover


def role_bracket(text: str, s: int, e: int, rules: UnitExtractor) -> tuple[int, int, tuple[str, str] | None]:
    """A unit written with its role in brackets, 市教育局（牵头）: the unit's span without the bracket and
    (role, verb rule id); a bracket that is not a role word (机关党委（机关纪委）) stays an alias."""
    # (``$`` matches at ``e`` or before a newline there: the bracket must close at one of them)
    m = ALIAS_RE.match(text, s, e) if text.endswith(ALIAS_ENDS, s, e) else None
    if m is None or not m.group(1).strip():
        return s, e, None
    vm = rules.verb_only_re.fullmatch(m.group(2).strip())
    if vm is None:
        return s, e, None
    rid, role, _verb = _verb_role(vm, rules)
    s2, e2 = trim(text, s, m.start(2) - 1)
    return s2, e2, (role, rid)


def _verb_clause(text: str, a: int, b: int, rules: UnitExtractor) -> tuple[int, int, str, str, str] | None:
    """``（省大数据局牵头`` → the list span, role, rule id and verb, if the clause is units + role word."""
    if b - a > _MAX_CLAUSE:
        return None  # a unit list and its role word are short; this also bounds the regex's work
    m = rules.verb_re.match(text, a, b)
    if m is None:
        return None
    la, lb = m.span("list")
    seg = text[la:lb]
    k = seg.rfind("由")  # 技工院校内由人力资源社会保障行政部门负责
    if k >= 0:
        la += k + 1
    rid, role, verb = _verb_role(m, rules)
    return la, lb, role, rid, verb


_UNFIT, _SHORT, _STRICT = 0, 1, 2  # how a written name fits a statement's list (see _name_fit)


def _name_fit(written: str, rules: UnitExtractor) -> int:
    """``_STRICT`` for a name of a statement's list that reads as a unit (`strict_unit`), ``_SHORT`` for one
    that is merely short (up to 6 characters), ``_UNFIT`` for anything else."""
    name = compact(strip_alias(written))
    if not loose_unit(name) or rules.stop.search(name):
        return _UNFIT
    if strict_shape(name, rules):  # strict_unit, knowing the name holds no stop word
        return _STRICT
    return _SHORT if len(name) <= 6 else _UNFIT


def _names_ok(
    text: str, spans: list[tuple[int, int]], rules: UnitExtractor, *, strict_last: bool, scratch: Scratch
) -> bool:
    """Whether every name of ``spans`` fits a statement's list (and the last reads as a unit if
    ``strict_last``). ``scratch.fits``: `_name_fit` of the written names seen so far in the document (a plan
    names the same few units in statement after statement)."""
    if not spans:
        return False
    fit = _UNFIT
    fits = scratch.fits if scratch.fast else None
    for a, b in spans:
        written = text[a:b]
        if fits is None:
            fit = _name_fit(written, rules)
        else:
            fit = fits.get(written, -1)
            if fit < 0:
                fit = fits[written] = _name_fit(written, rules)
        if fit == _UNFIT:
            return False
    return not strict_last or fit == _STRICT  # (fit is the last name's)


def _clauses(text: str, start: int, end: int, rules: UnitExtractor) -> list[tuple[int, int]]:
    """The clauses of a statement: split on ，；。 outside brackets, and before a label that follows a space
    (牵头单位：市教育局 配合单位：市财政局)."""
    spans = split_depth0(text, start, end, CLAUSE_SEPS)
    if WS_RE.search(text, start, end) is None:
        return spans  # no space in the statement for a label to follow (the usual statement)
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if WS_RE.search(text, a, b - 1) is None:
            out.append((a, b))  # no space in the clause for a label to follow
            continue
        pos = a
        for m in rules.label_re.finditer(text, a + 1, b):
            if text[m.start() - 1].isspace():
                out.append((pos, m.start()))
                pos = m.start()
        out.append((pos, b))
    return out


def _statement(
    text: str, start: int, end: int, rules: UnitExtractor, *, in_paren: bool, scratch: Scratch
) -> list[Found] | None:
    """Units of one responsibility statement ``text[start:end]`` (a parenthesis' content or a label line),
    or ``None`` if it is not one."""
    fast = scratch.fast
    found: list[Found] = []
    recognised = False
    current: tuple[str, str, str, UnitSource] | None = None  # (role, label, rule id, source) a continuation
    # clause inherits
    for a, b in _clauses(text, start, end, rules):
        a, b = trim(text, a, b)
        if a >= b:
            current = None
            continue
        lm = rules.label_re.match(text, a, b)
        if lm is not None:
            rid, role = _label_role(lm, rules)
            label = compact(text[lm.start():lm.end()]).rstrip(":：")
            recognised = True
            la = lm.end()
            if role == "person":
                current = None
                continue
            vc = _verb_clause(text, la, b, rules)
            listed = split_unit_list(text, vc[0], vc[1], rules=rules, fast=fast) if vc is not None else []
            if vc is not None and _names_ok(text, listed, rules, strict_last=False, scratch=scratch):
                la, lb, role, vrid, _verb = vc
                rid = f"{rid}+{vrid}"
            else:
                lb = b
                listed = split_unit_list(text, la, lb, rules=rules, fast=fast)
            for s, e in listed:
                s, e, own = role_bracket(text, s, e, rules)
                if loose_unit(compact(text[s:e])):
                    found.append((s, e, own[0] if own else role, label,
                                  f"label:{rid}+{own[1]}" if own else f"label:{rid}", "label"))
            current = (role, label, f"label:{rid}", "label")
            continue
        vc = _verb_clause(text, a, b, rules)
        if vc is not None:
            la, lb, role, rid, verb = vc
            spans = split_unit_list(text, la, lb, rules=rules, fast=fast)
            if _names_ok(text, spans, rules, strict_last=True, scratch=scratch):
                recognised = True
                rule_id = f"verb:{rid}"
                found.extend([(s, e, role, verb, rule_id, "verb") for s, e in spans])
                current = None
                continue
        if current is not None and not time_like(text[a:b]):
            spans = split_unit_list(text, a, b, rules=rules, fast=fast)
            if _names_ok(text, spans, rules, strict_last=True, scratch=scratch):
                found.extend([(s, e, *current) for s, e in spans])
                continue
        current = None
        if not in_paren and recognised:
            break  # a label line: the list ends at the first clause that is not part of it
    return found if recognised else None



# ---- a bracket of unit names alone, closing a task -----------------------------------------------------------


# a closing bracket that ends its line (but spaces) or stands before 。/；: every bracket `closes_task` accepts
# matches here (a line without a match has no closing list, whatever its brackets hold)
CLOSING_RE = re.compile(r"[）)][ \t\u3000]*(?:[。；;]|$)")
_SENTENCE_END = "。；;！？!?"
_CLAUSE_START = "，,。；;：:、！？!?"


def closes_task(text: str, j: int, k: int, a: int, b: int, rules: UnitExtractor) -> bool:
    """Whether the bracket ``text[j:k + 1]`` of the line ``text[a:b]`` closes a task: it ends the line (but
    spaces) or stands before 。/；, and it does not gloss the word before it (园区（集聚区）: a clause ending
    like a unit right before the bracket makes the bracket its alias)."""
    p = k + 1
    while p < b and text[p] in " \t\u3000":
        p += 1
    if p < b and text[p] not in "。；;":
        return False
    if j <= a:
        return False  # a bracket opening its line closes no task on that line
    if text[j - 1] in _SENTENCE_END:
        return True
    c = j - 1
    while c > a and text[c - 1] not in _CLAUSE_START:
        c -= 1
    return not has_suffix(compact(text[c:j]), rules)


def _closing_list(text: str, j: int, k: int, rules: UnitExtractor, *, scratch: Scratch) -> list[Found] | None:
    """The names of the bracket ``text[j:k + 1]`` when it holds unit names and nothing else (every name reads
    as a unit in running text, none is a bare generic word, and a name of two characters is an ending of its
    own, 团委, not 试行): roles.toml ``[[closing-list]]``."""
    entry = rules.rules.closing_list
    if entry is None or j + 1 >= k:
        return None
    spans = split_unit_list(text, j + 1, k, rules=rules, fast=scratch.fast)
    if not spans or not _names_ok(text, spans, rules, strict_last=True, scratch=scratch):
        return None
    for s, e in spans:  # every name strict (`_names_ok` checked only the last) and not generic
        name = compact(strip_alias(text[s:e]))
        if name in rules.generic or _name_fit(text[s:e], rules) != _STRICT:
            return None
        if len(name) < 3 and name not in rules.suffix_set:
            return None  # two characters read as a unit only when they are an ending (团委, 工会), not 试行
    rule_id = f"bracket:{entry.id}"
    return [(s, e, entry.role, "", rule_id, "label") for s, e in spans]


# ---- the whole document ------------------------------------------------------------------------------------


# what may stand right before a label word: a line start, a space, punctuation or a marker (（1）责任单位：)
_LABEL_BEFORE = " \t\u3000，,；;。:：、）).．"


def _bracket_pairs(text: str, a: int, b: int) -> dict[int, int]:
    """Open → close bracket positions in ``text[a:b]`` (one pass; unmatched brackets are left out)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKET_RE.finditer(text, a, b):
        j = m.start()
        if text[j] in OPEN:
            stack.append(j)
        elif stack:
            pairs[stack.pop()] = j
    return pairs


_BRACKET_RE = re.compile(r"[（(）)]")


def paren_statements(
    text: str, a: int, b: int, rules: UnitExtractor, *, scratch: Scratch, closing_only: bool = False
) -> tuple[list[Found], list[tuple[int, int]]]:
    """The bracketed statements of the line ``text[a:b]``: their units and the brackets' spans.
    ``scratch.stated``: the statements of the brackets read so far in the document by their text (when
    `UnitExtractor.statements_by_text`, on the fast path). ``closing_only``: the caller knows the line holds
    no label or role word (the prefilter), so only a bracket of unit names closing a task can be one."""
    prefilter = scratch.fast and rules.statement_prefilter
    stated = scratch.stated if scratch.fast else None
    found: list[Found] = []
    covered: list[tuple[int, int]] = []
    pairs = _bracket_pairs(text, a, b)
    done = a  # a statement's inner brackets (机关党委（机关纪委）) are part of it, not statements
    units: list[Found] | None
    for j in sorted(pairs):
        if j < done:
            continue
        k = pairs[j]
        if k - j > MAX_STATEMENT:
            continue  # a whole passage in brackets is not a responsibility statement
        if closing_only:
            units = _closing_list(text, j, k, rules, scratch=scratch) if closes_task(text, j, k, a, b, rules) \
                else None
            if units is not None:
                found.extend(units)
                covered.append((j, k + 1))
                done = k + 1
            continue
        key = text[j:k + 1]
        seen = stated.get(key) if stated is not None else None
        if seen is not None:
            base, units = seen
            if units is not None and base != j:  # the same statement elsewhere: its units moved along
                shift = j - base
                units = [(fs + shift, fe + shift, role, label, rule_id, source)
                         for fs, fe, role, label, rule_id, source in units]
        else:
            if prefilter and rules.verb_only_scan.search(text, j + 1, k) is None \
                    and rules.label_scan.search(text, j + 1, k) is None:
                # every statement has a label word at a clause start or a role word ending a clause
                units = None
            else:
                units = _statement(text, j + 1, k, rules, in_paren=True, scratch=scratch)
            if stated is not None:
                stated[key] = (j, units)
        if units is None and closes_task(text, j, k, a, b, rules):
            units = _closing_list(text, j, k, rules, scratch=scratch)
        if units is not None:
            found.extend(units)
            covered.append((j, k + 1))
            done = k + 1
    return found, covered


def label_statements(
    text: str, a: int, b: int, spans_done: list[tuple[int, int]], rules: UnitExtractor, *, scratch: Scratch
) -> tuple[list[Found], list[tuple[int, int]]]:
    """The labelled statements of the line ``text[a:b]`` outside the statements ``spans_done``: their units
    and spans."""
    found: list[Found] = []
    spans: list[tuple[int, int]] = []
    pos = a
    while pos < b:
        m = rules.label_scan.search(text, pos, b)
        if m is None:
            break
        s = m.start()
        if covered(spans_done, s) or (s > a and text[s - 1] not in _LABEL_BEFORE):
            pos = m.end()
            continue
        stop = text.find("。", m.end(), b)
        stop = min(b if stop < 0 else stop, m.end() + MAX_STATEMENT)
        units = _statement(text, s, stop, rules, in_paren=False, scratch=scratch)
        if units:
            found.extend(units)
            spans.append((s, stop))
        pos = max(m.end(), stop)
    return found, spans


def covered(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos + 1, -1)) - 1  # the last span starting at or before pos
    return i >= 0 and spans[i][0] <= pos < spans[i][1]

