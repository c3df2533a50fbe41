"""Responsible units (责任单位): who a plan names as responsible for a task, with their role.

Four sources, all driven by ``data/roles.toml`` and ``data/units.toml``:

- labelled statements, on their own line or in parentheses after a task: ``责任单位：机关党委、办公室``,
  ``（牵头单位：省科技厅，参加单位：省教育厅）``, ``（5月底完成，牵头考核单位：市审批服务局）``;
- role clauses in parentheses: ``（省大数据局牵头，各有关部门、各市政府配合）``, ``（X按职责分工负责）``;
- columns of a task table (tab-separated rows in text, or `Document.tables` cells): 负责处室 / 配合处室;
- phrases in running text: ``由X牵头``, ``X牵头，Y配合``, ``X负责…``, ``X按职责分工负责``, ``X负总责``.

Extraction works on the text line by line and does not need the section tree except to record the id of
the enclosing numbered section. Every unit's ``text`` is ``document.text[start:end]``.

>>> from textkit.model import Document, Section
>>> doc = Document(text="1.突出学习重点。\\n责任单位：机关党委（机关纪委）、办公室\\n")
>>> root = Section(kind="document", start=0, end=len(doc.text))
>>> [(u.text, u.name, u.alias, u.role) for u in extract_units(doc, root)]
[('机关党委（机关纪委）', '机关党委', '机关纪委', 'responsible'), ('办公室', '办公室', None, 'responsible')]
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from textkit._frozen import quick_init
from textkit.model import Document, ResponsibleUnit, Role, Section, section_index
from textkit.patterns import Scanner, first_chars, guarded
from textkit.rules import Field, load_entries

__all__ = ["TableRow", "UnitRules", "extract_units", "load_unit_rules", "split_unit_list", "task_table_rows", "user_rules"]

_ROLES = ("lead", "support", "responsible")
_OPEN = "（("
_CLOSE = "）)"
# separators of a list of units; 和/及/与 only split when both sides look like units (工业和信息化部 is one)
_LIST_SEPS = "、，,；;/／"
_CONJ = "和及与"
_LIST_SEP_RE = re.compile("[" + re.escape(_LIST_SEPS) + "]")
_CLAUSE_SEPS = "，,；;。"
_SENTENCE_PUNCT = set("。！？：:“”《》\"")
_SENTENCE_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(_SENTENCE_PUNCT))) + "]")
_MAX_SUFFIX = 8  # longest unit ending looked up
_TIME_HINT = re.compile(
    r"[0-9０-９]|[月日旬]|季度|[全当本今明]年|年[底初中内末]|每|学期|学年|寒假|暑假|待定|适时|长期|持续|开学|期末|期中|前$|底$"
)


@dataclass(frozen=True, slots=True)
class UnitRules:
    """The compiled rules of ``roles.toml`` and ``units.toml``."""

    label_re: re.Pattern[str]  # a label word followed by a colon; group names ``l0``… index `label_roles`
    label_roles: tuple[tuple[str, str], ...]  # (id, role) per label entry
    verb_re: re.Pattern[str]  # a unit list then a role word at the end of a clause
    verb_only_re: re.Pattern[str]  # just a role word (in brackets after a unit: 市教育局（牵头）)
    verb_roles: tuple[tuple[str, str], ...]
    phrases: tuple[tuple[str, str, re.Pattern[str]], ...]  # (id, trigger word, pattern)
    suffixes: tuple[str, ...]  # longest first
    split_suffixes: tuple[str, ...]
    collective_re: re.Pattern[str]
    trailer_re: re.Pattern[str]
    columns: tuple[tuple[str, re.Pattern[str], str], ...]  # (id, header pattern, kind)
    stop: re.Pattern[str]  # any function word or sentence punctuation: never inside a name in running text
    generic: frozenset[str]
    # derived from the fields above on construction (not cached by the rules: hashing them is slow)
    suffix_set: frozenset[str] = field(init=False, repr=False, compare=False)  # the endings, for slice lookups
    suffix_max: int = field(init=False, repr=False, compare=False)  # length of the longest ending in the set
    suffix_last: frozenset[str] = field(init=False, repr=False, compare=False)  # the last characters of the set
    triggers: tuple[str, ...] = field(init=False, repr=False, compare=False)  # the phrases' trigger words, once each
    wanted_re: re.Pattern[str] = field(init=False, repr=False, compare=False)  # see _wanted_re
    statement_prefilter: bool = field(init=False, repr=False, compare=False)  # see _statement_prefilter
    statements_by_text: bool = field(init=False, repr=False, compare=False)  # see _statements_by_text
    phrase_ahead: tuple[re.Pattern[str] | None, ...] = field(init=False, repr=False, compare=False)  # _ahead_word
    plain_list_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)  # see _plain_list_re
    collective_first: re.Pattern[str] | None = field(init=False, repr=False, compare=False)  # _collective_first
    # label_re and verb_only_re as scanners: searched across every line with a bracket or a colon
    label_scan: Scanner = field(init=False, repr=False, compare=False)
    verb_only_scan: Scanner = field(init=False, repr=False, compare=False)
    # entry group name (l0…, v0…) → its entry's (id, role): the role of a match from its ``lastgroup``
    label_groups: dict[str, tuple[str, str]] = field(init=False, repr=False, compare=False)
    verb_groups: dict[str, tuple[str, str]] = field(init=False, repr=False, compare=False)
    # the trigger words a line holds → the phrases to try there (see _phrases_with), filled as lines need
    phrase_sets: dict[tuple[str, ...], tuple[_Phrase, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = frozenset(w for w in self.suffixes if len(w) <= _MAX_SUFFIX)
        object.__setattr__(self, "suffix_set", words)
        object.__setattr__(self, "suffix_max", max(map(len, words), default=0))
        object.__setattr__(self, "suffix_last", frozenset(w[-1] for w in words if w))
        object.__setattr__(self, "triggers", tuple(dict.fromkeys(trigger for _id, trigger, _pat in self.phrases)))
        object.__setattr__(self, "wanted_re", _wanted_re(self.triggers))
        object.__setattr__(self, "statement_prefilter", _statement_prefilter(self.label_re, self.verb_only_re))
        object.__setattr__(self, "statements_by_text", _statements_by_text(self.label_re, self.verb_only_re))
        object.__setattr__(self, "phrase_ahead", tuple(_ahead_word(pat.pattern) for _id, _t, pat in self.phrases))
        object.__setattr__(self, "plain_list_re", _plain_list_re(self.trailer_re))
        object.__setattr__(self, "collective_first", _collective_first(self.collective_re))
        object.__setattr__(self, "label_scan", Scanner.build(self.label_re.pattern))
        object.__setattr__(self, "verb_only_scan", Scanner.build(self.verb_only_re.pattern))
        object.__setattr__(self, "label_groups", {f"l{i}": entry for i, entry in enumerate(self.label_roles)})
        object.__setattr__(self, "verb_groups", {f"v{i}": entry for i, entry in enumerate(self.verb_roles)})
        object.__setattr__(self, "phrase_sets", {})


_LABEL_SCHEMA = {
    "id": Field(required=True),
    "pattern": Field(required=True, regex=True),
    "role": Field(required=True, choices=(*_ROLES, "person")),
}
_VERB_SCHEMA = {
    "id": Field(required=True),
    "pattern": Field(required=True, regex=True),
    "role": Field(required=True, choices=_ROLES),
}
_PHRASE_SCHEMA = {"id": Field(required=True), "pattern": Field(required=True), "trigger": Field(required=True)}
_WORDS_SCHEMA = {"id": Field(required=True), "words": Field(types=list, required=True), "split": Field(types=bool)}
_PATTERN_SCHEMA = {"id": Field(required=True), "pattern": Field(required=True, regex=True)}
_COLUMN_SCHEMA = {
    "id": Field(required=True),
    "pattern": Field(required=True, regex=True),
    "kind": Field(required=True, choices=(*_ROLES, "person", "time", "number", "text")),
}

# one name inside a phrase: no punctuation, no digits; a list joins names with 、和及与 (names may hold 和)
_NAME_CHARS = r"[^\s，,。；;：:、！？（）()“”《》\"0-9０-９]"
# a name may hold one bracketed part: 机关党委（机关纪委）, 各县（市、区）政府
_NAME = rf"{_NAME_CHARS}{{2,30}}?(?:[（(][^（）()\s，。；]{{1,15}}[）)]{_NAME_CHARS}{{0,12}}?)?"
_UNITS = rf"{_NAME}(?:、{_NAME})*"
# a clause starts at a line start, after punctuation, or right after a numbering marker (1. / 1、 / （一）).
# Written as negative lookbehinds, the same as (?:^|(?<=[，,。；;：:！？\s.．）)])|(?<=[0-9０-９]、)), because a
# search tries it at every character: one failed lookbehind rejects a position instead of a three-way branch
_BOUNDARY = r"(?<![^，,。；;：:！？\s.．）)、])(?<![^0-9０-９]、)(?<!^、)"
# lazily, the characters from the start of a {UNITS} list up to a word after it: a list never holds a space,
# ，。or ； (see _NAME). A lookahead (?={CLAUSE}负责) after {B} rejects a clause start cheaply when the
# word the phrase needs is not ahead in the clause, before the list is tried at every length
_CLAUSE_STOPS = r"\s，。；"
_CLAUSE = rf"[^{_CLAUSE_STOPS}]*?"
_CLAUSE_STOP_RE = re.compile(rf"[{_CLAUSE_STOPS}]")
_BOUNDARY_RE = re.compile(_BOUNDARY, re.M)  # as {B} in a phrase (compiled with re.M)


def _alternation(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=8)
def load_unit_rules(roles: tuple[str, ...] = (), units: tuple[str, ...] = ()) -> UnitRules:
    """Load (and cache) the unit rules, with user files ``roles``/``units`` layered over the defaults."""
    from textkit.errors import RuleError

    role_arrays = ("label", "verb", "phrase")
    unit_arrays = ("suffix", "collective", "trailer", "column", "stop", "generic")

    def entries(name: str, array: str, schema: dict[str, Field], files: tuple[str, ...],
                arrays: tuple[str, ...]) -> list[dict[str, Any]]:
        # a user's file may hold only some of the arrays of the file it extends
        return load_entries(name, array, schema, extra=files, known=tuple(a for a in arrays if a != array))

    labels = entries("roles.toml", "label", _LABEL_SCHEMA, roles, role_arrays)
    verbs = entries("roles.toml", "verb", _VERB_SCHEMA, roles, role_arrays)
    phrases = entries("roles.toml", "phrase", _PHRASE_SCHEMA, roles, role_arrays)

    def unit_entries(array: str, schema: dict[str, Field]) -> list[dict[str, Any]]:
        return entries("units.toml", array, schema, units, unit_arrays)

    suffixes = unit_entries("suffix", _WORDS_SCHEMA)
    collectives = unit_entries("collective", _PATTERN_SCHEMA)
    trailers = unit_entries("trailer", _PATTERN_SCHEMA)
    columns = unit_entries("column", _COLUMN_SCHEMA)
    stops = unit_entries("stop", _WORDS_SCHEMA)
    generic = unit_entries("generic", _WORDS_SCHEMA)

    label_re = re.compile(guarded(
        r"(?:" + "|".join(f"(?P<l{i}>{e['pattern']})" for i, e in enumerate(labels)) + r")\s*[:：]\s*"
    ))
    verb_alternation = r"(?:" + "|".join(f"(?P<v{i}>{e['pattern']})" for i, e in enumerate(verbs)) + r")"
    verb_re = re.compile(r"(?P<list>.+?)" + guarded(verb_alternation) + r"\s*$", re.S)
    verb_only_re = re.compile(guarded(verb_alternation))
    compiled: list[tuple[str, str, re.Pattern[str]]] = []
    for e in phrases:
        source = (str(e["pattern"]).replace("{UNITS}", _UNITS).replace("{B}", _BOUNDARY)
                  .replace("{CLAUSE}", _CLAUSE))
        try:
            pat = re.compile(source, re.M)
        except re.error as exc:
            raise RuleError(f"bad regular expression after expansion: {exc}", file="roles.toml",
                            entry=str(e["id"]), key="pattern") from None
        if not set(pat.groupindex) & set(_ROLES):
            raise RuleError("must define a group named lead, support or responsible", file="roles.toml",
                            entry=str(e["id"]), key="pattern")
        compiled.append((str(e["id"]), str(e["trigger"]), pat))
    words = sorted({str(w) for e in suffixes for w in e["words"]}, key=len, reverse=True)
    split_words = sorted({str(w) for e in suffixes if e.get("split") for w in e["words"]}, key=len, reverse=True)
    return UnitRules(
        label_re=label_re,
        label_roles=tuple((str(e["id"]), str(e["role"])) for e in labels),
        verb_re=verb_re,
        verb_only_re=verb_only_re,
        verb_roles=tuple((str(e["id"]), str(e["role"])) for e in verbs),
        phrases=tuple(compiled),
        suffixes=tuple(words),
        split_suffixes=tuple(split_words),
        collective_re=re.compile(_alternation([str(e["pattern"]) for e in collectives])),
        trailer_re=re.compile(r"(?:" + _alternation([str(e["pattern"]) for e in trailers]) + r")$"),
        columns=tuple((str(e["id"]), re.compile(str(e["pattern"])), str(e["kind"])) for e in columns),
        stop=re.compile("|".join(re.escape(w) for w in sorted(
            {*(str(w) for e in stops for w in e["words"]), "由", *_SENTENCE_PUNCT}, key=len, reverse=True))
            + r"|[0-9０-９]"),
        generic=frozenset(str(w) for e in generic for w in e["words"]),
    )


# ---- names -------------------------------------------------------------------------------------------------


_SPACE_RE = re.compile(r"\s+")
_WS_RE = re.compile(r"\s")
_ALIAS_RE = re.compile(r"(.*?)[（(]([^（）()]*)[）)]$", re.S)  # 机关党委（机关纪委）: name and alias
_ALIAS_ENDS = ("）", ")", "）\n", ")\n")
_CLOSE_ENDS = ("）", ")")


def _compact(s: str) -> str:
    return _SPACE_RE.sub("", s) if not s.isprintable() or " " in s or "\u3000" in s else s


def _has_suffix(name: str, rules: UnitRules) -> bool:
    if not name or name[-1] not in rules.suffix_last:
        return False  # every ending ends with one of these characters (most words end with none)
    words = rules.suffix_set
    for k in range(1, min(len(name), rules.suffix_max) + 1):
        if name[-k:] in words and (len(name) > k or k > 1):
            return True
    return False


def _is_collective(name: str, rules: UnitRules) -> bool:
    return bool(rules.collective_re.match(name)) and len(name) >= 2


def _strict_unit(name: str, rules: UnitRules) -> bool:
    """A name found in running text: ends like a unit and holds no function word."""
    return _strict_shape(name, rules) and rules.stop.search(name) is None


def _strict_shape(name: str, rules: UnitRules) -> bool:
    """`_strict_unit` of a name already known to hold no stop word."""
    return 2 <= len(name) <= 30 and (_has_suffix(name, rules) or (_is_collective(name, rules) and len(name) >= 3))


def _loose_unit(name: str) -> bool:
    """A name in a labelled list: anything short without sentence punctuation."""
    return 1 <= len(name) <= 40 and _SENTENCE_PUNCT_RE.search(name) is None


def _time_like(s: str) -> bool:
    return bool(_TIME_HINT.search(s))


_SPLIT_RES: dict[str, re.Pattern[str]] = {}


def _split_re(seps: str) -> re.Pattern[str]:
    """The brackets and ``seps``: the only characters a split looks at (found by the regex engine, not a loop)."""
    pat = _SPLIT_RES.get(seps)
    if pat is None:
        pat = _SPLIT_RES[seps] = re.compile("[" + re.escape(_OPEN + _CLOSE + seps) + "]")
    return pat


def _depth0_seps(text: str, start: int, end: int, seps: str) -> list[int]:
    """Positions of the ``seps`` characters in ``text[start:end]`` outside brackets (one scan, for both
    list splits and conjunction splits)."""
    out: list[int] = []
    depth = 0
    for m in _split_re(seps).finditer(text, start, end):
        j = m.start()
        ch = text[j]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth:
                depth -= 1
        elif depth == 0:
            out.append(j)
    return out


def _split_depth0(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` on ``seps`` outside brackets."""
    out: list[tuple[int, int]] = []
    last = start
    for j in _depth0_seps(text, start, end, seps):
        out.append((last, j))
        last = j + 1
    out.append((last, end))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # the usual case: nothing to trim
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_conj(text: str, start: int, end: int, rules: UnitRules) -> list[tuple[int, int]]:
    """Split on 和/及/与 only where both sides read as units: 学科组和备课组, not 工业和信息化部."""
    seg = text[start:end]
    if "和" not in seg and "及" not in seg and "与" not in seg:
        return [(start, end)]  # the usual name: no conjunction to try
    out: list[tuple[int, int]] = []
    # a split at j leaves text[j + 1:end] to split the same way; its depth there is 0 as well, so one scan
    # of the whole span serves every piece
    for j in _depth0_seps(text, start, end, _CONJ):
        if start < j < end - 1:
            left = _compact(_strip_alias(text[start:j]))
            right = _compact(text[j + 1:end])
            if _has_suffix(left, rules) and (_has_suffix(_strip_trailer(right, rules), rules)
                                             or _is_collective(right, rules)):
                out.append((start, j))
                start = j + 1
    out.append((start, end))
    return out


def _strip_alias(s: str) -> str:
    r = s.rstrip()
    if not r.endswith(_CLOSE_ENDS):
        return s  # no closing bracket at the end: no alias (the usual name)
    m = _ALIAS_RE.match(r)
    return m.group(1) if m and m.group(1).strip() else s


def _strip_trailer(s: str, rules: UnitRules) -> str:
    m = rules.trailer_re.search(s)
    if m and m.start() > 0:
        return s[: m.start()]
    return s


def _plain_list_re(trailer_re: re.Pattern[str]) -> re.Pattern[str] | None:
    """Any character that makes a list need more than a split on its separators: a bracket, a space, a
    conjunction or connective (和及与由以), or a character a trailer (等部门) can start with. ``None`` when the
    trailers' first characters cannot be told (then every list takes the full path)."""
    first = first_chars(trailer_re.pattern)
    if not first:
        return None
    return re.compile("[" + re.escape(_OPEN + _CLOSE + _CONJ + "由以" + "".join(sorted(first))) + r"]|\s")


def split_unit_list(
    text: str, start: int, end: int, *, rules: UnitRules | None = None, cell: bool = False
) -> list[tuple[int, int]]:
    """Spans of the unit names in ``text[start:end]``, a list joined by 、，,；和及与 (and, in a table
    ``cell``, by spaces or run together: 党政办 总务处, 教学处教科室).

    >>> t = "省大数据局、省政府办公厅和各市政府等部门"
    >>> [t[a:b] for a, b in split_unit_list(t, 0, len(t))]
    ['省大数据局', '省政府办公厅', '各市政府']
    """
    rules = rules or load_unit_rules()
    out: list[tuple[int, int]] = []
    plain = rules.plain_list_re
    if not cell and plain is not None and plain.search(text, start, end) is None:
        # the usual list (省财政厅、省教育厅): no bracket, space, conjunction, connective or trailer, so the
        # steps below change nothing but the split on separators
        last = start
        for hit in _LIST_SEP_RE.finditer(text, start, end):
            if last < hit.start():
                out.append((last, hit.start()))
            last = hit.end()
        if last < end:
            out.append((last, end))
        return out
    trailer = rules.trailer_re.search
    last = start
    seps = _depth0_seps(text, start, end, _LIST_SEPS)
    seps.append(end)
    for sep in seps:
        a, b = last, sep
        last = sep + 1
        a, b = _trim(text, a, b)
        if a >= b:
            continue
        for c, d in _split_conj(text, a, b, rules):
            c, d = _trim(text, c, d)
            # leading connectives left by a split: 由X / 和X / 以及X
            if c < d and text[c] in "由和及与以":
                c0 = c
                while c < d and text[c] in "由和及与以":
                    if text[c] == "以" and text[c + 1: c + 2] != "及":
                        break
                    c += 1
                if c != c0:  # (trimming a trimmed span changes nothing)
                    c, d = _trim(text, c, d)
            # a trailer (等部门) that does not start the name: cut it off (as _strip_trailer)
            m = trailer(text[c:d])
            if m is not None and m.start() > 0:
                c, d = _trim(text, c, c + m.start())
            if c >= d:
                continue
            if cell:
                out.extend(_segment_cell(text, c, d, rules))
            else:
                out.append((c, d))
    return out


_MAX_STATEMENT = 400  # characters of one responsibility statement (a bracket's content or a label's list)
_MAX_CLAUSE = 200
_MAX_CELL = 80  # a longer cell is text, not a list of units
_MAX_NAME = 30


def _segment_cell(text: str, start: int, end: int, rules: UnitRules) -> list[tuple[int, int]]:
    """Split a table cell written without punctuation: spaces (党政办 总务处) or run together (各处室各年段),
    keeping a name written with an inner space (工 会) whole."""
    if _WS_RE.search(text, start, end) is None:  # the usual cell: no spaces, so compact[k] is text[start + k]
        n = end - start
        if n == 0:
            return []
        if n > _MAX_CELL or n < 4:
            return [(start, end)]  # (under 4 characters there is room for one name of two only: no cut)
        compact = text[start:end]
        where: list[int] | None = None
        spaced: set[int] = set()
    else:
        where = [i for i in range(start, end) if not text[i].isspace()]
        n = len(where)
        if n == 0:
            return []
        if n > _MAX_CELL:
            return [(start, end)]
        compact = "".join(text[i] for i in where)
        # boundary k (between compact chars k-1 and k): a space there
        spaced = {k for k in range(1, n) if where[k] != where[k - 1] + 1}

    # precomputed once per cell (the search below tries every segment): the shortest unit ending that ends at
    # each position (0: none); a segment ending there reads as a unit if it is at least that long
    words = rules.suffix_set
    longest = rules.suffix_max
    last_chars = rules.suffix_last
    shortest_end = [0] * (n + 1)
    for k in range(1, n + 1):
        if compact[k - 1] not in last_chars:
            continue  # no ending ends with this character
        for w in range(1, min(k, longest) + 1):
            if compact[k - w:k] in words:
                shortest_end[k] = w
                break
    crossing: dict[int, bool] = {}  # does a unit ending run across cut k (市委办公室); filled on demand
    in_cell: list[str] | None = None  # the endings of two or more characters that occur in the cell at all
    collective_re = rules.collective_re

    def crosses(k: int) -> bool:
        nonlocal in_cell
        hit = crossing.get(k)
        if hit is None:
            if in_cell is None:
                in_cell = [w for w in rules.suffixes if len(w) > 1 and w in compact]
            hit = crossing[k] = any(
                compact.find(w, max(0, k - len(w) + 1), k + len(w) - 1) >= 0
                and any(compact.startswith(w, i) for i in range(k - len(w) + 1, k))
                for w in in_cell)
        return hit

    def run_split(seg_start: int, k: int, right: str) -> bool:
        # a name may end without a space only after a strong suffix (教学处|教科室), and only when it is
        # long enough not to be the head of a longer name (市委办公室 stays whole) or a collective follows
        seg = compact[seg_start:k]
        if not seg.endswith(rules.split_suffixes):
            return False
        if crosses(k):
            return False  # 市委办公室: 办公室 runs across the cut
        return len(seg) >= 3 or bool(collective_re.match(right))

    # best[k] = (segments, run-together splits, start of the last segment) for compact[:k]: most segments,
    # fewest runs; the cuts are read back through the starts at the end
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)
    best[0] = (0, 0, -1)
    reached = [0]  # the k with best[k] set, ascending: only they can start a segment
    # the reached k where a collective name starts: the only starts of a segment ending at no unit ending
    reached_coll = [0] if collective_re.match(compact) else []
    coll_set = set(reached_coll)
    for k in range(2, n + 1):
        ending = shortest_end[k]
        # a segment compact[j:k] needs two characters and a unit ending or a collective start
        pool = reached if ending else reached_coll
        if not pool:
            continue  # nothing can end here (most positions of a cell): best[k] stays unset
        for i in range(bisect.bisect_left(pool, k - _MAX_NAME), len(pool)):
            j = pool[i]
            if j > k - 2:
                break
            prev = best[j]
            if prev is None:  # (never: `reached` holds only the k with best[k] set)
                continue
            if ending and ending > k - j and j not in coll_set:
                continue
            run = j > 0 and j not in spaced
            if run and not run_split(prev[2], j, compact[j:k]):
                continue
            segs = prev[0] + 1
            runs = prev[1] + (1 if run else 0)
            cur = best[k]
            if cur is None or segs > cur[0] or (segs == cur[0] and runs < cur[1]):
                best[k] = (segs, runs, j)
        if best[k] is not None:
            reached.append(k)
            if collective_re.match(compact[k:]):
                reached_coll.append(k)
                coll_set.add(k)
    final = best[n]
    if final is None:
        return [(start, end)]
    cuts = [n]
    k = n
    while k > 0:
        step = best[k]
        assert step is not None  # (every start on the path was reached)
        k = step[2]
        cuts.append(k)
    cuts.reverse()
    if where is None:
        return [(start + cuts[i], start + cuts[i + 1]) for i in range(len(cuts) - 1)]
    return [(where[cuts[i]], where[cuts[i + 1] - 1] + 1) for i in range(len(cuts) - 1)]


# ---- building units ----------------------------------------------------------------------------------------


# a unit found by a rule: (start, end, role, label, rule id), a plain tuple (made for every unit, and
# cheaper to make than any class)
_Found = tuple[int, int, str, str, str]


# The ``l{i}``/``v{i}`` entry group that matched is usually ``lastgroup``, the group that closed last: each
# entry's group encloses any group of its own pattern and nothing after it is a group. A user's pattern may
# name groups of its own, so any other last group falls back to trying each entry's group in turn.


def _label_role(m: re.Match[str], rules: UnitRules) -> tuple[str, str]:
    name = m.lastgroup
    if name is not None:
        entry = rules.label_groups.get(name)
        if entry is not None and m.group(name) is not None:
            return entry
    for i, (rid, role) in enumerate(rules.label_roles):
        if m.group(f"l{i}") is not None:
            return rid, role
    return "", "responsible"  # pragma: no cover - one group always matches


def _verb_role(m: re.Match[str], rules: UnitRules) -> tuple[str, str, str]:
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


def _role_bracket(text: str, s: int, e: int, rules: UnitRules) -> tuple[int, int, tuple[str, str] | None]:
    """A unit written with its role in brackets, 市教育局（牵头）: the unit's span without the bracket and
    (role, verb rule id); a bracket that is not a role word (机关党委（机关纪委）) stays an alias."""
    # (``$`` matches at ``e`` or before a newline there: the bracket must close at one of them)
    m = _ALIAS_RE.match(text, s, e) if text.endswith(_ALIAS_ENDS, s, e) else None
    if m is None or not m.group(1).strip():
        return s, e, None
    vm = rules.verb_only_re.fullmatch(m.group(2).strip())
    if vm is None:
        return s, e, None
    rid, role, _verb = _verb_role(vm, rules)
    s2, e2 = _trim(text, s, m.start(2) - 1)
    return s2, e2, (role, rid)


def _verb_clause(text: str, a: int, b: int, rules: UnitRules) -> tuple[int, int, str, str, str] | None:
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


def _name_fit(written: str, rules: UnitRules) -> int:
    """``_STRICT`` for a name of a statement's list that reads as a unit (`_strict_unit`), ``_SHORT`` for one
    that is merely short (up to 6 characters), ``_UNFIT`` for anything else."""
    name = _compact(_strip_alias(written))
    if not _loose_unit(name) or rules.stop.search(name):
        return _UNFIT
    if _strict_shape(name, rules):  # _strict_unit, knowing the name holds no stop word
        return _STRICT
    return _SHORT if len(name) <= 6 else _UNFIT


def _names_ok(
    text: str, spans: list[tuple[int, int]], rules: UnitRules, *, strict_last: bool, fits: dict[str, int]
) -> bool:
    """Whether every name of ``spans`` fits a statement's list (and the last reads as a unit if
    ``strict_last``). ``fits``: `_name_fit` of the written names seen so far in the document (a plan names
    the same few units in statement after statement)."""
    if not spans:
        return False
    fit = _UNFIT
    for a, b in spans:
        written = text[a:b]
        fit = fits.get(written, -1)
        if fit < 0:
            fit = fits[written] = _name_fit(written, rules)
        if fit == _UNFIT:
            return False
    return not strict_last or fit == _STRICT  # (fit is the last name's)


def _clauses(text: str, start: int, end: int, rules: UnitRules) -> list[tuple[int, int]]:
    """The clauses of a statement: split on ，；。 outside brackets, and before a label that follows a space
    (牵头单位：市教育局 配合单位：市财政局)."""
    spans = _split_depth0(text, start, end, _CLAUSE_SEPS)
    if _WS_RE.search(text, start, end) is None:
        return spans  # no space in the statement for a label to follow (the usual statement)
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if _WS_RE.search(text, a, b - 1) is None:
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
    text: str, start: int, end: int, rules: UnitRules, *, in_paren: bool, fits: dict[str, int]
) -> list[_Found] | None:
    """Units of one responsibility statement ``text[start:end]`` (a parenthesis' content or a label line),
    or ``None`` if it is not one. ``fits``: the document's name checks (see `_names_ok`)."""
    found: list[_Found] = []
    recognised = False
    current: tuple[str, str, str] | None = None  # (role, label, rule id) a continuation clause inherits
    for a, b in _clauses(text, start, end, rules):
        a, b = _trim(text, a, b)
        if a >= b:
            current = None
            continue
        lm = rules.label_re.match(text, a, b)
        if lm is not None:
            rid, role = _label_role(lm, rules)
            label = _compact(text[lm.start():lm.end()]).rstrip(":：")
            recognised = True
            la = lm.end()
            if role == "person":
                current = None
                continue
            vc = _verb_clause(text, la, b, rules)
            listed = split_unit_list(text, vc[0], vc[1], rules=rules) if vc is not None else []
            if vc is not None and _names_ok(text, listed, rules, strict_last=False, fits=fits):
                la, lb, role, vrid, _verb = vc
                rid = f"{rid}+{vrid}"
            else:
                lb = b
                listed = split_unit_list(text, la, lb, rules=rules)
            for s, e in listed:
                s, e, own = _role_bracket(text, s, e, rules)
                if _loose_unit(_compact(text[s:e])):
                    found.append((s, e, own[0] if own else role, label,
                                  f"label:{rid}+{own[1]}" if own else f"label:{rid}"))
            current = (role, label, f"label:{rid}")
            continue
        vc = _verb_clause(text, a, b, rules)
        if vc is not None:
            la, lb, role, rid, verb = vc
            spans = split_unit_list(text, la, lb, rules=rules)
            if _names_ok(text, spans, rules, strict_last=True, fits=fits):
                recognised = True
                rule_id = f"verb:{rid}"
                found.extend([(s, e, role, verb, rule_id) for s, e in spans])
                current = None
                continue
        if current is not None and not _time_like(text[a:b]):
            spans = split_unit_list(text, a, b, rules=rules)
            if _names_ok(text, spans, rules, strict_last=True, fits=fits):
                found.extend([(s, e, current[0], current[1], current[2]) for s, e in spans])
                continue
        current = None
        if not in_paren and recognised:
            break  # a label line: the list ends at the first clause that is not part of it
    return found if recognised else None


# ---- tables ------------------------------------------------------------------------------------------------


def _column_kind(header: str, rules: UnitRules) -> str:
    h = _compact(header)
    for _id, pat, kind in rules.columns:
        if pat.fullmatch(h):
            return kind
    return "text"


class _CellInfo(NamedTuple):
    """What a cell's text looks like, computed once per cell for all alignments tried (a tuple: made often)."""

    empty: bool
    length: int
    timey: bool
    unity: bool  # a list of unit names (党政办 总务处)
    suffixed: bool
    numbery: bool
    person_end: bool


def _collective_first(collective_re: re.Pattern[str]) -> re.Pattern[str] | None:
    """The characters a collective name (各有关部门) can start with, as a class; ``None`` when they cannot be
    told (then `_may_list_units` cannot rule a cell out)."""
    first = first_chars(collective_re.pattern)
    if not first:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(first)) + "]")


def _may_list_units(c: str, rules: UnitRules) -> bool:
    """False when the compact cell ``c`` (not empty) cannot be a list of units, without segmenting it.

    Every name of a list must read as a unit (`_strict_unit`) or a collective, the last one too, and the
    last one ends where the cell ends: so either the cell's last character ends a unit ending, or a
    collective name of two or more characters starts somewhere and runs to the end. Most cells of a task
    table (tasks, dates, numbers, names of people) are neither.
    """
    if c[-1] in rules.suffix_last:
        return True
    first = rules.collective_first
    if first is None:
        return True  # cannot tell where a collective starts: left to the segmentation
    # (a collective pattern may be anchored with ^: matched on the rest of the cell, as _segment_cell does)
    return any(rules.collective_re.match(c[m.start():]) for m in first.finditer(c, 0, len(c) - 1))


def _cell_info(text: str, rules: UnitRules) -> _CellInfo:
    c = _compact(text)
    # segmenting is quadratic in the cell length: only short cells can be unit lists
    unity = 0 < len(c) <= 24 and _may_list_units(c, rules) and all(
        _strict_unit(c[a:b], rules) or _is_collective(c[a:b], rules) for a, b in _segment_cell(c, 0, len(c), rules)
    )
    # (empty, length, timey, unity, suffixed, numbery, person_end)
    return _CellInfo(not c, len(c), len(c) <= 20 and _time_like(c), unity, _has_suffix(c, rules),
                     _NUMBERY.fullmatch(c) is not None, c.endswith(("长", "员")))


_NUMBERY = re.compile(r"[0-9０-９一二三四五六七八九十.．、—\-－()（）]+")


def _cell_score(c: _CellInfo, kind: str) -> int:
    """How well a cell fits a column kind (higher is better)."""
    if c.empty:
        return 0
    if kind in _ROLES:
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
    cells: Sequence[str], kinds: Sequence[str], rules: UnitRules, *, cache: dict[str, _CellInfo] | None = None,
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
    infos: list[_CellInfo] = []
    fits: list[list[int | None]] = []  # the fit of each cell under each column, filled as tried
    for c in cells:
        info = cache.get(c)
        if info is None:
            info = cache[c] = _cell_info(c, rules)
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


@quick_init
@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a task table: its span, cell spans, and the column kind of each cell (or None)."""

    start: int
    end: int
    cells: tuple[tuple[int, int], ...]
    kinds: tuple[str | None, ...]
    header: bool = False


def _text_tables(document: Document) -> list[list[tuple[int, int, list[tuple[int, int]]]]]:
    """Runs of tab-separated lines: each a list of (line start, line end, cell spans)."""
    tables: list[list[tuple[int, int, list[tuple[int, int]]]]] = []
    run: list[tuple[int, int, list[tuple[int, int]]]] = []
    text = document.text
    n = len(text)
    prev_end = -2  # the end of the last line with a tab
    # jump from tab to tab instead of reading every line: most lines of a plan hold none
    j = text.find("\t")
    while j >= 0:
        a = text.rfind("\n", 0, j) + 1
        b = text.find("\n", j)
        if b < 0:
            b = n
        if a != prev_end + 1 and run:  # a line without a tab came between: the run has ended
            tables.append(run)
            run = []
        cells: list[tuple[int, int]] = []
        last = a
        while j >= 0:
            cells.append((last, j))
            last = j + 1
            j = text.find("\t", last, b)
        cells.append((last, b))
        run.append((a, b, cells))
        prev_end = b
        j = text.find("\t", b)
    if run:
        tables.append(run)
    return tables


def _doc_tables(document: Document) -> list[list[tuple[int, int, list[tuple[int, int]]]]]:
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
            rows.append((min(s for s, _ in spans), max(e for _, e in spans), spans))
        out.append(rows)
    return out


def task_table_rows(document: Document, *, rules: UnitRules | None = None) -> list[TableRow]:
    """Rows of the task tables of ``document`` (tables whose header names a unit or time column),
    each cell tagged with its column kind; header rows are included with ``header=True``."""
    return list(_task_table_rows(document, rules or load_unit_rules()))


class _RowsCache:
    """The task-table rows of the last few documents: units and measures both need them.

    Keyed by identity, not equality: hashing a document or the rules (their compiled patterns) costs more
    than the lookups it would save.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: dict[tuple[int, int], tuple[Document, UnitRules, tuple[TableRow, ...]]] = {}
        self._lock = threading.Lock()

    def __call__(self, document: Document, rules: UnitRules) -> tuple[TableRow, ...]:
        key = (id(document), id(rules))
        with self._lock:
            hit = self._items.get(key)
        if hit is not None and hit[0] is document and hit[1] is rules:
            return hit[2]
        rows = _table_rows(document, rules)
        with self._lock:
            self._items.pop(key, None)
            while len(self._items) >= self._size:
                del self._items[next(iter(self._items))]  # the oldest entry
            self._items[key] = (document, rules, rows)  # holding both keeps their ids from being reused
        return rows

    def cache_clear(self) -> None:
        with self._lock:
            self._items.clear()


_task_table_rows = _RowsCache(4)


def _table_rows(document: Document, rules: UnitRules) -> tuple[TableRow, ...]:
    text = document.text
    groups = _doc_tables(document) if document.tables else _text_tables(document)
    cache: dict[str, _CellInfo] = {}
    rows: list[TableRow] = []
    column_kinds: dict[str, str] = {}  # a header candidate's cells (many rows are tried): read each once
    for group in groups:
        kinds: list[str] | None = None
        scores: dict[str, list[int | None]] = {}  # the fit of a cell under each of this table's columns
        for a, b, cells in group:
            texts = [text[s:e] for s, e in cells]
            if kinds is None:
                cand = []
                for t in texts:
                    kind = column_kinds.get(t)
                    if kind is None:
                        kind = column_kinds[t] = _column_kind(t, rules)
                    cand.append(kind)
                if any(k in _ROLES for k in cand) and len([t for t in texts if t.strip()]) >= 2:
                    kinds = cand
                    rows.append(TableRow(a, b, tuple(cells), tuple(cand), header=True))
                continue
            order = align_row(texts, kinds, rules, cache=cache, scores=scores)
            row_kinds = tuple(kinds[c] if 0 <= c < len(kinds) else None for c in order)
            rows.append(TableRow(a, b, tuple(cells), row_kinds))
    return tuple(rows)


def _table_units(document: Document, rows: Sequence[TableRow], rules: UnitRules) -> list[_Found]:
    text = document.text
    found: list[_Found] = []
    header_labels: dict[str, str] = {}
    seen: dict[str, list[tuple[int, int, tuple[str, str] | None]]] = {}
    for row in rows:
        if row.header:
            header_labels = {k: _compact(text[s:e]) for (s, e), k in zip(row.cells, row.kinds, strict=True)
                             if k in _ROLES}
            continue
        for (s, e), kind in zip(row.cells, row.kinds, strict=True):
            if kind not in _ROLES:
                continue
            # a table repeats its cells (党政办): split each once. The split reads the cell and at most the
            # character after it, so that is the key; the names are kept as offsets into the cell
            key = text[s:e + 1]
            names = seen.get(key)
            if names is None:
                names = []
                for a, b in split_unit_list(text, s, e, rules=rules, cell=True):
                    a, b, own = _role_bracket(text, a, b, rules)
                    if _loose_unit(_compact(text[a:b])):
                        names.append((a - s, b - s, own))
                seen[key] = names
            for a, b, own in names:
                found.append((s + a, s + b, own[0] if own else kind, header_labels.get(kind, kind),
                              f"table:{kind}+{own[1]}" if own else f"table:{kind}"))
    return found


# ---- the whole document ------------------------------------------------------------------------------------


_OPEN_RE = re.compile(r"[（(]")
# what may stand right before a label word: a line start, a space, punctuation or a marker (（1）责任单位：)
_LABEL_BEFORE = " \t\u3000，,；;。:：、）).．"


def _bracket_pairs(text: str, a: int, b: int) -> dict[int, int]:
    """Open → close bracket positions in ``text[a:b]`` (one pass; unmatched brackets are left out)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKET_RE.finditer(text, a, b):
        j = m.start()
        if text[j] in _OPEN:
            stack.append(j)
        elif stack:
            pairs[stack.pop()] = j
    return pairs


_BRACKET_RE = re.compile(r"[（(）)]")


# what makes the prefilter unsafe: a pattern that looks for something absent (negative lookaround), anchors
# at an end or a word boundary, or takes text possessively might match a clause and still not be found by a
# search over the whole bracket (more text after it): then the prefilter is off. Positive lookarounds are safe
_LOOKAROUND = re.compile(r"\(\?(?:!|<!|>)|[*+?}]\+|[$^]|\\[bBAZ]")


def _statement_prefilter(label_re: re.Pattern[str], verb_only_re: re.Pattern[str]) -> bool:
    """Whether a bracket without any label or role word can be skipped (it can be no statement)."""
    sources = (label_re.pattern.removesuffix(r"\s*[:：]\s*"), verb_only_re.pattern)
    return not any(_LOOKAROUND.search(src) for src in sources)


# what lets a match depend on the text before the position it is tried at: a look-behind or a word boundary
_LOOKBEHIND = re.compile(r"\(\?<[=!]|\\[bB]")


def _statements_by_text(label_re: re.Pattern[str], verb_only_re: re.Pattern[str]) -> bool:
    """Whether a bracket's statement depends on the bracket's text alone, so that a plan's repeated brackets
    (（省大数据局牵头，各有关部门配合）) can be read once each. Everything else a statement reads lies inside
    the bracket: every search stops at its closing bracket, and the one character a list split may read
    after its end is at most that bracket."""
    return not any(_LOOKBEHIND.search(p.pattern) for p in (label_re, verb_only_re))


# a bracket's statement as found at offset base: (base, its units or None when it is no statement)
_Stated = tuple[int, list[_Found] | None]


def _paren_statements(
    text: str, a: int, b: int, rules: UnitRules, *, prefilter: bool = False, fits: dict[str, int],
    stated: dict[str, _Stated] | None = None,
) -> tuple[list[_Found], list[tuple[int, int]]]:
    """The bracketed statements of the line ``text[a:b]``: their units and the brackets' spans. ``stated``:
    the statements of the brackets read so far in the document by their text (when
    `UnitRules.statements_by_text`)."""
    found: list[_Found] = []
    covered: list[tuple[int, int]] = []
    pairs = _bracket_pairs(text, a, b)
    done = a  # a statement's inner brackets (机关党委（机关纪委）) are part of it, not statements
    for j in sorted(pairs):
        if j < done:
            continue
        k = pairs[j]
        if k - j > _MAX_STATEMENT:
            continue  # a whole passage in brackets is not a responsibility statement
        key = text[j:k + 1]
        seen = stated.get(key) if stated is not None else None
        units: list[_Found] | None
        if seen is not None:
            base, units = seen
            if units is not None and base != j:  # the same statement elsewhere: its units moved along
                shift = j - base
                units = [(fs + shift, fe + shift, role, label, rule_id) for fs, fe, role, label, rule_id in units]
        else:
            if prefilter and rules.verb_only_scan.search(text, j + 1, k) is None \
                    and rules.label_scan.search(text, j + 1, k) is None:
                # every statement has a label word at a clause start or a role word ending a clause
                units = None
            else:
                units = _statement(text, j + 1, k, rules, in_paren=True, fits=fits)
            if stated is not None:
                stated[key] = (j, units)
        if units is not None:
            found.extend(units)
            covered.append((j, k + 1))
            done = k + 1
    return found, covered


def _label_statements(
    text: str, a: int, b: int, covered: list[tuple[int, int]], rules: UnitRules, *, fits: dict[str, int]
) -> tuple[list[_Found], list[tuple[int, int]]]:
    found: list[_Found] = []
    spans: list[tuple[int, int]] = []
    pos = a
    while pos < b:
        m = rules.label_scan.search(text, pos, b)
        if m is None:
            break
        s = m.start()
        if _covered(covered, s) or (s > a and text[s - 1] not in _LABEL_BEFORE):
            pos = m.end()
            continue
        stop = text.find("。", m.end(), b)
        stop = min(b if stop < 0 else stop, m.end() + _MAX_STATEMENT)
        units = _statement(text, s, stop, rules, in_paren=False, fits=fits)
        if units:
            found.extend(units)
            spans.append((s, stop))
        pos = max(m.end(), stop)
    return found, spans


def _covered(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos + 1, -1)) - 1  # the last span starting at or before pos
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _schematic(m: re.Match[str], pat: re.Pattern[str]) -> str:
    """The phrase with its unit lists replaced by …: 由…牵头，…配合."""
    text = m.group(0)
    base = m.start()
    spans = sorted(m.span(g) for g in _ROLES if g in pat.groupindex and m.group(g) is not None)
    out, last = "", base
    for a, b in spans:
        out += text[last - base:a - base] + "…"
        last = b
    return _compact(out + text[last - base:])


class _Phrase(NamedTuple):
    """A phrase rule as `_phrase_units` tries it."""

    rid: str
    pattern: re.Pattern[str]
    ahead: re.Pattern[str] | None  # see _ahead_word
    roles: tuple[str, ...]  # the role groups the pattern defines, in the order of _ROLES


def _phrases_with(present: tuple[str, ...], rules: UnitRules) -> tuple[_Phrase, ...]:
    """The phrases of ``rules`` whose trigger words ``present`` holds, in rule order."""
    phrases = rules.phrase_sets.get(present)
    if phrases is None:  # (the lines of plans hold few combinations of trigger words)
        phrases = rules.phrase_sets[present] = tuple(
            _Phrase(rid, pat, ahead, tuple(role for role in _ROLES if role in pat.groupindex))
            for (rid, trigger, pat), ahead in zip(rules.phrases, rules.phrase_ahead, strict=True)
            if trigger in present)
    return phrases


def _phrase_units(
    text: str, a: int, b: int, covered: list[tuple[int, int]], rules: UnitRules, *, line: str,
    phrases: tuple[_Phrase, ...],
) -> list[_Found]:
    """Units named by ``phrases`` in the line ``text[a:b]`` (``line``)."""
    found: list[_Found] = []
    stops: list[int] | None = None
    for rid, pat, ahead, roles in phrases:
        if ahead is not None and stops is None:
            stops = [m.start() for m in _CLAUSE_STOP_RE.finditer(line)]
        pos = 0
        while pos < len(line):
            m = _phrase_search(pat, ahead, line, pos, stops)
            if m is None:
                break
            accepted: list[_Found] = []
            in_statement = False
            for role in roles:
                if m.group(role) is None:
                    continue
                gs, ge = m.span(role)
                gs, ge = gs + a, ge + a
                if _covered(covered, gs):
                    in_statement = True
                    continue
                spans = split_unit_list(text, gs, ge, rules=rules)
                names = [_compact(_strip_alias(text[s:e])) for s, e in spans]
                if not spans or not all(_strict_unit(n, rules) and n not in rules.generic for n in names):
                    continue
                label = _schematic(m, pat)
                accepted.extend([(s, e, role, label, f"phrase:{rid}") for s, e in spans])
            found.extend(accepted)
            # a rejected match (整改工作由市局 is no unit) may hide a good one starting later (由市局负总责)
            pos = m.end() if accepted or in_statement else m.start() + 1
    return found


def _ahead_word(pattern: str) -> re.Pattern[str] | None:
    """For a phrase compiled from ``{B}(?={CLAUSE}W)…``: the pattern ``W`` (the word every match has ahead
    of its clause start), else None."""
    head = _BOUNDARY + "(?=" + _CLAUSE
    if not pattern.startswith(head):
        return None
    depth = 0
    j = len(head)
    while j < len(pattern):  # find the lookahead's closing parenthesis
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":  # a class: brackets and parentheses inside it are literal
            j += 1
            if pattern.startswith("^", j):
                j += 1
            if pattern.startswith("]", j):
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                try:
                    return re.compile(pattern[len(head):j], re.M)
                except re.error:
                    return None
            depth -= 1
        j += 1
    return None


def _phrase_search(
    pat: re.Pattern[str], ahead: re.Pattern[str] | None, line: str, pos: int, stops: list[int] | None = None
) -> re.Match[str] | None:
    """``pat.search(line, pos)``; when ``pat`` is ``{B}(?={CLAUSE}W)…`` (``ahead`` is W), tried only at the
    clause starts that have a W ahead in their clause (a clause holds no space, ，。；).

    A match at p needs the first W at or after p (at q) with no clause stop between: so p lies between the
    previous W and q, after the last stop before q. Those windows are tried in order, each at its clause
    starts, instead of the regex engine trying every character of the line. ``stops``: the positions of the
    line's clause stops, ascending (found here if not given; a caller trying several phrases passes them).
    """
    if ahead is None:
        return pat.search(line, pos)
    if stops is None:
        stops = [m.start() for m in _CLAUSE_STOP_RE.finditer(line)]
    lo = pos
    w = ahead.search(line, lo)
    while w is not None:
        q = w.start()
        i = bisect.bisect_left(stops, q) - 1  # the last stop before q: the clause starts after it
        start = stops[i] + 1 if i >= 0 and stops[i] >= lo else lo
        for b in _BOUNDARY_RE.finditer(line, start, q + 1):
            if b.start() > q:
                break
            m = pat.match(line, b.start())
            if m is not None:
                return m
        lo = q + 1
        w = ahead.search(line, lo)
    return None


def extract_units(
    document: Document, root: Section, *, rules: UnitRules | None = None
) -> tuple[ResponsibleUnit, ...]:
    """Every unit named as responsible for a task in ``document``, in text order.

    ``root`` is only used to give each unit the id of its enclosing numbered section.

    >>> from textkit.model import Document, Section
    >>> doc = Document(text="推进数据共享（省大数据局牵头，各有关部门、各市政府配合）。\\n")
    >>> root = Section(kind="document", start=0, end=len(doc.text))
    >>> [(u.name, u.role, u.collective) for u in extract_units(doc, root)]
    [('省大数据局', 'lead', False), ('各有关部门', 'support', True), ('各市政府', 'support', True)]
    """
    rules = rules or load_unit_rules()
    text = document.text
    found: list[_Found] = []
    rows = task_table_rows(document, rules=rules)
    table_lines = {(r.start, r.end) for r in rows}
    found.extend(_table_units(document, rows, rules))
    triggers = rules.triggers
    prefilter = rules.statement_prefilter
    verb_search = rules.verb_only_scan.search
    label_search = rules.label_scan.search
    wanted = rules.wanted_re
    n = len(text)
    fits: dict[str, int] = {}  # the name checks of statements, for this document only (see _names_ok)
    # the statements of the document's brackets by their text, when that is all they depend on
    stated: dict[str, _Stated] | None = {} if rules.statements_by_text else None
    hit = wanted.search(text)
    # only lines with a bracket, a colon or a trigger word can name a unit: jump from one such line to the next
    while hit is not None:
        a = text.rfind("\n", 0, hit.start()) + 1
        b = text.find("\n", hit.start())
        if b < 0:
            b = n
        hit = wanted.search(text, b + 1) if b < n else None
        if a >= b or (a, b) in table_lines:
            continue
        line = text[a:b]
        # most lines hold no bracket, no colon and no trigger word: each step below needs one of them
        covered: list[tuple[int, int]] = []
        # with the prefilter on, a line without any role or label word has no bracket that passes it: a
        # match inside a bracket is a match in the line too (the prefilter needs patterns without anchors,
        # word boundaries or negative lookarounds)
        if ("（" in line or "(" in line) and not (
                prefilter and verb_search(text, a, b) is None and label_search(text, a, b) is None):
            paren, covered = _paren_statements(text, a, b, rules, prefilter=prefilter, fits=fits, stated=stated)
            found.extend(paren)
        label_spans: list[tuple[int, int]] = []
        if "：" in line or ":" in line:  # a label needs its colon
            labelled, label_spans = _label_statements(text, a, b, covered, rules, fits=fits)
            found.extend(labelled)
        present = tuple([t for t in triggers if t in line])
        if present:
            found.extend(_phrase_units(text, a, b, sorted(covered + label_spans), rules, line=line,
                                       phrases=_phrases_with(present, rules)))
    units: list[ResponsibleUnit] = []
    last_end = -1
    sections = section_index(root)
    at = sections.at
    alias_match = _ALIAS_RE.match
    names: dict[str, tuple[str, str | None, bool]] = {}  # written form → (name, alias, collective)
    # the first rule to claim a span wins (tables, then statements, then phrases); overlaps are dropped
    found.sort(key=itemgetter(0))  # by start only: a stable sort keeps the rules' order at a start
    for start, end, found_role, label, rule_id in found:
        if start >= end or start < last_end:
            continue
        last_end = end
        utext = text[start:end]
        named = names.get(utext)
        if named is None:  # a plan names the same few units again and again: read each written form once
            # a unit's name and alias (机关党委（机关纪委）); an alias needs a closing bracket at the end
            alias: str | None = None
            name = utext
            m = alias_match(utext) if utext.endswith(_ALIAS_ENDS) else None
            if m and m.group(1).strip():
                name, alias = m.group(1), _compact(m.group(2)) or None
            name = _compact(name)
            named = names[utext] = (name, alias, _is_collective(name, rules))
        sec = at(start)
        role: Role = "lead" if found_role == "lead" else "support" if found_role == "support" else "responsible"
        # (start, end, text, name, role, collective, alias, label, rule_id, section) by position: cheaper
        units.append(ResponsibleUnit(
            start, end, utext, named[0], role, named[2], named[1], label, rule_id,
            sec.id if sec is not None else "",
        ))
    return tuple(units)


def _wanted_re(triggers: tuple[str, ...]) -> re.Pattern[str]:
    """Any character or word a line needs for a unit: a bracket (statement), a colon (label) or a trigger."""
    # an alternation of literals: the regex engine scans for their first characters
    if "" in triggers:
        return re.compile(r"(?m)^")  # a trigger that is in every line: every line is wanted
    return re.compile("|".join(re.escape(w) for w in ("（", "(", "：", ":", *triggers)))


def user_rules(roles: str | Path | None = None, units: str | Path | None = None) -> UnitRules:
    """Unit rules with a user's ``roles``/``units`` TOML file layered over the defaults."""
    return load_unit_rules(tuple([str(roles)] if roles else []), tuple([str(units)] if units else []))
