"""The unit rules (``data/roles.toml`` and ``data/units.toml``) and the extractor compiled from them.

`UnitRules` is what the data files say, compiled to patterns and word lists: a frozen record, nothing
derived. `UnitExtractor` is made once per rule set (as spaCy's ``SpanRuler`` owns its compiled patterns): it
holds every field derived from the rules for speed (scanners, prefilters, lookup tables) and the memos that
outlive one document (the phrases to try per combination of trigger words). What one document needs
(name checks, statements read so far) lives in a scratch object made per call (`Scratch`).

>>> ux = default_extractor()
>>> sorted(ux.phrase_triggers["by-x-lead"])
['主办', '牵头']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from textkit.errors import RuleError
from textkit.model import Document, UnitSource
from textkit.patterns import Scanner, derived_trigger, first_chars, guarded, prefilter_misses
from textkit.rules import Entry, Field, compile_pattern, load_layered
from textkit.structure.tables import CellInfo, TableRow, task_table_rows

__all__ = ["Found", "PhraseRule", "Scratch", "UnitExtractor", "UnitRules", "default_extractor", "load_unit_rules",
           "user_rules"]

ROLES = ("lead", "support", "responsible")
OPEN = "（("
CLOSE = "）)"
# separators of a list of units; 和/及/与 only split when both sides look like units (工业和信息化部 is one)
LIST_SEPS = "、，,；;/／"
CONJ = "和及与"
LIST_SEP_RE = re.compile("[" + re.escape(LIST_SEPS) + "]")
CLAUSE_SEPS = "，,；;。"
SENTENCE_PUNCT = set("。！？：:“”《》\"")
SENTENCE_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(SENTENCE_PUNCT))) + "]")
MAX_SUFFIX = 8  # longest unit ending looked up
TIME_HINT = re.compile(
    r"[0-9０-９]|[月日旬]|季度|[全当本今明]年|年[底初中内末]|每|学期|学年|寒假|暑假|待定|适时|长期|持续|开学|期末|期中|前$|底$"
)

_LABEL_SCHEMA = {
    "id": Field(required=True),
    "pattern": Field(required=True, regex=True),
    "role": Field(required=True, choices=(*ROLES, "person")),
}
_VERB_SCHEMA = {
    "id": Field(required=True),
    "pattern": Field(required=True, regex=True),
    "role": Field(required=True, choices=ROLES),
}
_PHRASE_SCHEMA = {"id": Field(required=True), "pattern": Field(required=True), "trigger": Field(types=(str, list))}
_WORDS_SCHEMA = {"id": Field(required=True), "words": Field(types=list, required=True), "split": Field(types=bool)}
_CLOSING_SCHEMA = {"id": Field(required=True), "role": Field(required=True, choices=ROLES)}
_PATTERN_SCHEMA = {"id": Field(required=True), "pattern": Field(required=True, regex=True)}
_COLUMN_SCHEMA = {
    "id": Field(required=True),
    "pattern": Field(required=True, regex=True),
    "kind": Field(required=True, choices=(*ROLES, "person", "time", "number", "text")),
}

# one name inside a phrase: no punctuation, no digits; a list joins names with 、和及与 (names may hold 和)
_NAME_CHARS = r"[^\s，,。；;：:、！？（）()“”《》\"0-9０-９]"
# a name may hold one bracketed part: 机关党委（机关纪委）, 各县（市、区）政府
_NAME = rf"{_NAME_CHARS}{{2,30}}?(?:[（(][^（）()\s，。；]{{1,15}}[）)]{_NAME_CHARS}{{0,12}}?)?"
UNITS = rf"{_NAME}(?:、{_NAME})*"
# a clause starts at a line start, after punctuation, or right after a numbering marker (1. / 1、 / （一）).
# Written as negative lookbehinds, the same as (?:^|(?<=[，,。；;：:！？\s.．）)])|(?<=[0-9０-９]、)), because a
# search tries it at every character: one failed lookbehind rejects a position instead of a three-way branch
BOUNDARY = r"(?<![^，,。；;：:！？\s.．）)、])(?<![^0-9０-９]、)(?<!^、)"
# lazily, the characters from the start of a {UNITS} list up to a word after it: a list never holds a space,
# ，。or ； (see _NAME). A lookahead (?={CLAUSE}负责) after {B} rejects a clause start cheaply when the
# word the phrase needs is not ahead in the clause, before the list is tried at every length
_CLAUSE_STOPS = r"\s，。；"
CLAUSE = rf"[^{_CLAUSE_STOPS}]*?"
CLAUSE_STOP_RE = re.compile(rf"[{_CLAUSE_STOPS}]")
BOUNDARY_RE = re.compile(BOUNDARY, re.M)  # as {B} in a phrase (compiled with re.M)


# a unit found by a rule: (start, end, role, label, rule id, source), a plain tuple (made for every unit,
# and cheaper to make than any class)
Found = tuple[int, int, str, str, str, UnitSource]


class PhraseRule(NamedTuple):
    """A ``[[phrase]]`` entry compiled: its id, the words a line needs for it to be tried, its pattern."""

    id: str
    triggers: tuple[str, ...]
    pattern: re.Pattern[str]


class LabelRole(NamedTuple):
    """The id and role of a ``[[label]]`` or ``[[verb]]`` entry."""

    id: str
    role: str


class Column(NamedTuple):
    """A ``[[column]]`` entry: a task-table header pattern and the kind of its cells."""

    id: str
    pattern: re.Pattern[str]
    kind: str


@dataclass(frozen=True, slots=True)
class UnitRules:
    """The compiled rules of ``roles.toml`` and ``units.toml`` (what the files say; nothing derived)."""

    label_re: re.Pattern[str]  # a label word followed by a colon; group names ``l0``… index `label_roles`
    label_roles: tuple[LabelRole, ...]  # per label entry
    verb_re: re.Pattern[str]  # a unit list then a role word at the end of a clause
    verb_only_re: re.Pattern[str]  # just a role word (in brackets after a unit: 市教育局（牵头）)
    verb_roles: tuple[LabelRole, ...]
    phrases: tuple[PhraseRule, ...]
    suffixes: tuple[str, ...]  # longest first
    split_suffixes: tuple[str, ...]
    collective_re: re.Pattern[str]
    trailer_re: re.Pattern[str]
    columns: tuple[Column, ...]
    stop: re.Pattern[str]  # any function word or sentence punctuation: never inside a name in running text
    generic: frozenset[str]
    levels: tuple[str, ...] = ()  # administrative levels that share a list's ending (有关区、市政府), longest first
    verb_starts: tuple[str, ...] = ()  # a name in running text never starts with these (支持企业)
    first_lead_re: re.Pattern[str] | None = None  # 列第一位者为牵头部门，下同: the first unit of each list leads
    # a bracket of unit names alone closing a task (…利用率。（装备信息中心、教科院）): its id and role; None: off
    closing_list: LabelRole | None = None


def _alternation(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _phrase(e: Entry) -> PhraseRule:
    """A ``[[phrase]]`` entry with its placeholders expanded, its groups and its trigger words checked."""
    rid = str(e.data["id"])
    source = (str(e.data["pattern"]).replace("{UNITS}", UNITS).replace("{B}", BOUNDARY).replace("{CLAUSE}", CLAUSE))
    pat = compile_pattern(source, file=e.file, entry=rid, key="pattern", flags=re.M)
    if not set(pat.groupindex) & set(ROLES):
        raise RuleError("must define a group named lead, support or responsible", file=e.file, entry=rid,
                        key="pattern")
    given = e.data.get("trigger")
    if given is None:
        derived = derived_trigger(source, re.M)
        # a pattern that needs no word that can be told is tried on every line
        return PhraseRule(rid, derived if derived is not None else ("",), pat)
    words = (given,) if isinstance(given, str) else tuple(given)
    if not all(isinstance(w, str) and w for w in words):
        raise RuleError("must be a word or a list of words", file=e.file, entry=rid, key="trigger")
    missed = prefilter_misses(source, words, re.M)
    if missed is not None:
        needs = " or ".join(sorted(missed)) if missed else "no word that can be told"
        raise RuleError(f"trigger {list(words)} can miss a match of the pattern: every match holds {needs}",
                        file=e.file, entry=rid, key="trigger")
    return PhraseRule(rid, words, pat)


@lru_cache(maxsize=8)
def load_unit_rules(roles: tuple[str, ...] = (), units: tuple[str, ...] = ()) -> UnitRules:
    """Load (and cache) the unit rules, with user files ``roles``/``units`` layered over the defaults."""
    role_arrays = ("label", "verb", "phrase", "first-lead", "closing-list")
    unit_arrays = ("suffix", "collective", "trailer", "column", "stop", "generic", "level", "verb-start")

    def entries(name: str, array: str, schema: dict[str, Field], files: tuple[str, ...],
                arrays: tuple[str, ...]) -> list[Entry]:
        # a user's file may hold only some of the arrays of the file it extends
        return load_layered(name, array, schema, extra=files, known=tuple(a for a in arrays if a != array))

    labels = entries("roles.toml", "label", _LABEL_SCHEMA, roles, role_arrays)
    verbs = entries("roles.toml", "verb", _VERB_SCHEMA, roles, role_arrays)
    phrases = entries("roles.toml", "phrase", _PHRASE_SCHEMA, roles, role_arrays)
    first_leads = entries("roles.toml", "first-lead", _PATTERN_SCHEMA, roles, role_arrays)
    closing = entries("roles.toml", "closing-list", _CLOSING_SCHEMA, roles, role_arrays)
    if len(closing) > 1:
        raise RuleError("at most one [[closing-list]] entry (give the one you keep the default's id)",
                        file=roles[-1] if roles else "roles.toml", entry=str(closing[1].data["id"]), key="id")

    def unit_entries(array: str, schema: dict[str, Field]) -> list[dict[str, Any]]:
        return [e.data for e in entries("units.toml", array, schema, units, unit_arrays)]

    suffixes = unit_entries("suffix", _WORDS_SCHEMA)
    collectives = unit_entries("collective", _PATTERN_SCHEMA)
    trailers = unit_entries("trailer", _PATTERN_SCHEMA)
    columns = unit_entries("column", _COLUMN_SCHEMA)
    stops = unit_entries("stop", _WORDS_SCHEMA)
    generic = unit_entries("generic", _WORDS_SCHEMA)
    levels = unit_entries("level", _WORDS_SCHEMA)
    verb_starts = unit_entries("verb-start", _WORDS_SCHEMA)
    roles_file = roles[-1] if roles else "roles.toml"  # (a clash between entries: the last file is the suspect)
    units_file = units[-1] if units else "units.toml"

    label_re = compile_pattern(guarded(
        r"(?:" + "|".join(f"(?P<l{i}>{e.data['pattern']})" for i, e in enumerate(labels)) + r")\s*[:：]\s*"
    ), file=roles_file, entry="label", key="pattern")
    verb_alternation = r"(?:" + "|".join(f"(?P<v{i}>{e.data['pattern']})" for i, e in enumerate(verbs)) + r")"
    verb_re = compile_pattern(r"(?P<list>.+?)" + guarded(verb_alternation) + r"\s*$", file=roles_file, entry="verb",
                              key="pattern", flags=re.S)
    verb_only_re = compile_pattern(guarded(verb_alternation), file=roles_file, entry="verb", key="pattern")
    words = sorted({str(w) for e in suffixes for w in e["words"]}, key=len, reverse=True)
    split_words = sorted({str(w) for e in suffixes if e.get("split") for w in e["words"]}, key=len, reverse=True)
    return UnitRules(
        label_re=label_re,
        label_roles=tuple(LabelRole(str(e.data["id"]), str(e.data["role"])) for e in labels),
        verb_re=verb_re,
        verb_only_re=verb_only_re,
        verb_roles=tuple(LabelRole(str(e.data["id"]), str(e.data["role"])) for e in verbs),
        phrases=tuple(_phrase(e) for e in phrases),
        first_lead_re=compile_pattern(_alternation([str(e.data["pattern"]) for e in first_leads]), file=roles_file,
                                      entry="first-lead", key="pattern") if first_leads else None,
        closing_list=LabelRole(str(closing[0].data["id"]), str(closing[0].data["role"])) if closing else None,
        suffixes=tuple(words),
        split_suffixes=tuple(split_words),
        collective_re=compile_pattern(_alternation([str(e["pattern"]) for e in collectives]), file=units_file,
                                      entry="collective", key="pattern"),
        trailer_re=compile_pattern(r"(?:" + _alternation([str(e["pattern"]) for e in trailers]) + r")$",
                                   file=units_file, entry="trailer", key="pattern"),
        columns=tuple(Column(str(e["id"]), compile_pattern(str(e["pattern"]), file=units_file, entry=str(e["id"]),
                                                           key="pattern"), str(e["kind"])) for e in columns),
        stop=re.compile("|".join(re.escape(w) for w in sorted(
            {*(str(w) for e in stops for w in e["words"]), "由", *SENTENCE_PUNCT}, key=len, reverse=True))
            + r"|[0-9０-９]"),
        generic=frozenset(str(w) for e in generic for w in e["words"]),
        levels=tuple(sorted({str(w) for e in levels for w in e["words"]}, key=len, reverse=True)),
        verb_starts=tuple(sorted({str(w) for e in verb_starts for w in e["words"]})),
    )


def user_rules(roles: str | Path | None = None, units: str | Path | None = None) -> UnitRules:
    """Unit rules with a user's ``roles``/``units`` TOML file layered over the defaults."""
    return load_unit_rules(tuple([str(roles)] if roles else []), tuple([str(units)] if units else []))


# ---- what the extractor derives from the rules ------------------------------------------------------------


# what makes the statement prefilter unsafe: a pattern that looks for something absent (negative lookaround),
# anchors at an end or a word boundary, or takes text possessively might match a clause and still not be
# found by a search over the whole bracket (more text after it): then the prefilter is off. Positive
# lookarounds are safe
_LOOKAROUND = re.compile(r"\(\?(?:!|<!|>)|[*+?}]\+|[$^]|\\[bBAZ]")
# what lets a match depend on the text before the position it is tried at: a look-behind or a word boundary
_LOOKBEHIND = re.compile(r"\(\?<[=!]|\\[bB]")


def _statement_prefilter(label_re: re.Pattern[str], verb_only_re: re.Pattern[str]) -> bool:
    """Whether a bracket without any label or role word can be skipped (it can be no statement)."""
    sources = (label_re.pattern.removesuffix(r"\s*[:：]\s*"), verb_only_re.pattern)
    return not any(_LOOKAROUND.search(src) for src in sources)


def _statements_by_text(label_re: re.Pattern[str], verb_only_re: re.Pattern[str]) -> bool:
    """Whether a bracket's statement depends on the bracket's text alone, so that a plan's repeated brackets
    (（省大数据局牵头，各有关部门配合）) can be read once each. Everything else a statement reads lies inside
    the bracket: every search stops at its closing bracket, and the one character a list split may read
    after its end is at most that bracket."""
    return not any(_LOOKBEHIND.search(p.pattern) for p in (label_re, verb_only_re))


def _wanted_re(triggers: Sequence[str]) -> re.Pattern[str]:
    """Any character or word a line needs for a unit: a bracket (statement), a colon (label) or a trigger."""
    # an alternation of literals: the regex engine scans for their first characters
    if "" in triggers:
        return re.compile(r"(?m)^")  # a trigger that is in every line: every line is wanted
    return re.compile("|".join(re.escape(w) for w in ("（", "(", "：", ":", *triggers)))


def _plain_list_re(trailer_re: re.Pattern[str]) -> re.Pattern[str] | None:
    """Any character that makes a list need more than a split on its separators: a bracket, a space, a
    conjunction or connective (和及与由以), or a character a trailer (等部门) can start with. ``None`` when the
    trailers' first characters cannot be told (then every list takes the full path)."""
    first = first_chars(trailer_re.pattern)
    if not first:
        return None
    return re.compile("[" + re.escape(OPEN + CLOSE + CONJ + "由以" + "".join(sorted(first))) + r"]|\s")


def _collective_first(collective_re: re.Pattern[str]) -> re.Pattern[str] | None:
    """The characters a collective name (各有关部门) can start with, as a class; ``None`` when they cannot be
    told (then `may_list_units` cannot rule a cell out)."""
    first = first_chars(collective_re.pattern)
    if not first:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(first)) + "]")


def _ahead_word(pattern: str) -> re.Pattern[str] | None:
    """For a phrase compiled from ``{B}(?={CLAUSE}W)…``: the pattern ``W`` (the word every match has ahead
    of its clause start), else None."""
    head = BOUNDARY + "(?=" + CLAUSE
    if not pattern.startswith(head):
        return None
    # W runs to the ")" that closes the lookahead: the first ")" before which the text compiles on its own
    # (a regex that compiles has its brackets balanced; a ")" escaped or inside a class leaves it unbalanced)
    rest = pattern[len(head):]
    for j, ch in enumerate(rest):
        if ch == ")":
            try:
                return re.compile(rest[:j], re.M)
            except re.error:
                continue
    return None


class Phrase(NamedTuple):
    """A phrase rule as `phrases.phrase_units` tries it."""

    rid: str
    pattern: re.Pattern[str]
    ahead: re.Pattern[str] | None  # see _ahead_word
    roles: tuple[str, ...]  # the role groups the pattern defines, in the order of ROLES


class UnitExtractor:
    """A `UnitRules` compiled for extraction: the rules' fields, the fields derived from them for speed and
    the memos that serve every document. Made once per rule set (`default_extractor`, `RuleSet.units`).
    """

    __slots__ = (
        "_phrase_all",
        "collective_first",
        "collective_re",
        "columns",
        "generic",
        "label_groups",
        "label_re",
        "label_roles",
        "label_scan",
        "levels",
        "phrase_sets",
        "phrase_triggers",
        "phrases",
        "plain_list_re",
        "rules",
        "split_suffixes",
        "statement_prefilter",
        "statements_by_text",
        "stop",
        "suffix_last",
        "suffix_max",
        "suffix_set",
        "suffixes",
        "trailer_re",
        "triggers",
        "verb_groups",
        "verb_only_re",
        "verb_only_scan",
        "verb_re",
        "verb_roles",
        "verb_starts",
        "wanted_re",
    )

    def __init__(self, rules: UnitRules) -> None:
        self.rules = rules
        # the rules' own fields, read directly by the extraction functions
        self.label_re = rules.label_re
        self.label_roles = rules.label_roles
        self.verb_re = rules.verb_re
        self.verb_only_re = rules.verb_only_re
        self.verb_roles = rules.verb_roles
        self.phrases = rules.phrases
        self.suffixes = rules.suffixes
        self.split_suffixes = rules.split_suffixes
        self.collective_re = rules.collective_re
        self.trailer_re = rules.trailer_re
        self.columns = rules.columns
        self.stop = rules.stop
        self.generic = rules.generic
        self.levels = rules.levels
        self.verb_starts = rules.verb_starts
        # derived: the endings as a set for slice lookups, the longest one's length, their last characters
        words = frozenset(w for w in rules.suffixes if len(w) <= MAX_SUFFIX)
        self.suffix_set = words
        self.suffix_max = max(map(len, words), default=0)
        self.suffix_last = frozenset(w[-1] for w in words if w)
        self.phrase_triggers = {p.id: p.triggers for p in rules.phrases}
        self.triggers = tuple(dict.fromkeys(t for p in rules.phrases for t in p.triggers))
        self.wanted_re = _wanted_re(self.triggers)
        self.statement_prefilter = _statement_prefilter(rules.label_re, rules.verb_only_re)
        self.statements_by_text = _statements_by_text(rules.label_re, rules.verb_only_re)
        self.plain_list_re = _plain_list_re(rules.trailer_re)
        self.collective_first = _collective_first(rules.collective_re)
        # label_re and verb_only_re as scanners: searched across every line with a bracket or a colon
        self.label_scan = Scanner.build(rules.label_re.pattern)
        self.verb_only_scan = Scanner.build(rules.verb_only_re.pattern)
        # entry group name (l0…, v0…) → its entry's (id, role): the role of a match from its ``lastgroup``
        self.label_groups = {f"l{i}": entry for i, entry in enumerate(rules.label_roles)}
        self.verb_groups = {f"v{i}": entry for i, entry in enumerate(rules.verb_roles)}
        self._phrase_all = tuple(
            Phrase(p.id, p.pattern, _ahead_word(p.pattern.pattern),
                   tuple(role for role in ROLES if role in p.pattern.groupindex))
            for p in rules.phrases)
        # the trigger words a line holds → the phrases to try there, filled as lines need them
        self.phrase_sets: dict[tuple[str, ...], tuple[Phrase, ...]] = {}

    def phrases_with(self, present: tuple[str, ...]) -> tuple[Phrase, ...]:
        """The phrases whose trigger words ``present`` holds one of, in rule order."""
        phrases = self.phrase_sets.get(present)
        if phrases is None:  # (the lines of plans hold few combinations of trigger words)
            phrases = self.phrase_sets[present] = tuple(
                p for p, rule in zip(self._phrase_all, self.phrases, strict=True)
                if any(t in present for t in rule.triggers))
        return phrases

    def all_phrases(self) -> tuple[Phrase, ...]:
        """Every phrase, in rule order (the plain path tries them all on every line)."""
        return self._phrase_all

    def task_tables(self, document: Document, *, fast: bool = True) -> tuple[TableRow, ...]:
        """The rows of the task tables of ``document`` (`textkit.structure.tables.task_table_rows`), their
        cells read by `lists.cell_info`."""
        from textkit.extraction.units.lists import cell_info

        def read_cell(text: str) -> CellInfo:
            return cell_info(text, self, fast=fast)

        return task_table_rows(document, columns=self.columns, read_cell=read_cell)


@lru_cache(maxsize=1)
def default_extractor() -> UnitExtractor:
    """The extractor of the shipped rules (made once)."""
    return UnitExtractor(load_unit_rules())


def as_extractor(rules: UnitRules | UnitExtractor | None) -> UnitExtractor:
    """``rules`` compiled (the shipped rules when ``None``)."""
    if rules is None:
        return default_extractor()
    if isinstance(rules, UnitExtractor):
        return rules
    if rules is default_extractor().rules:
        return default_extractor()
    return UnitExtractor(rules)


@dataclass(slots=True)
class Scratch:
    """What one extraction call learns about its document, made per call: the fit of each written name in
    statements (a plan names the same few units again and again) and the statements of the brackets read so
    far, by their text (when `UnitExtractor.statements_by_text`). ``fast=False`` keeps neither and turns
    every prefilter off: the plain path that the fast one must equal."""

    fast: bool = True
    fits: dict[str, int] = field(default_factory=dict)
    stated: dict[str, tuple[int, list[Found] | None]] | None = None  # (offset read at, units or None)
