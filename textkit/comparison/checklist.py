"""Checklists: the items a plan must contain, loaded from TOML/YAML or derived from a directive.

A checklist file (schema ``textkit.checklist/1``, documented in docs/check.md) holds top-level ``id``,
``title``, ``source`` (the directive) and ``items``; each item has ``id``, ``title``, ``source`` (its
place in the directive), ``keywords`` (groups of synonyms), and optionally ``description``, ``priority``
(``must``/``should``), ``match`` (``all``/``any`` groups), ``scope`` (``section``/``statement``) and
``children``. Everything is validated on load; an error names the file, the item and the key.

>>> cl = checklist_from_dict({"id": "demo", "title": "示例", "items": [
...     {"id": "dy", "title": "调查研究", "source": "三/2", "keywords": [["调查研究", "调研"]]}]})
>>> cl.items[0].keywords[0].terms
('调查研究', '调研')
"""

from __future__ import annotations

import itertools
import math
import re
import tomllib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from textkit.errors import ChecklistError
from textkit.model import Measure, Plan, Section
from textkit.structure import plan_title

__all__ = [
    "CHECKLIST_SCHEMA",
    "Checklist",
    "ChecklistItem",
    "KeywordGroup",
    "checklist_from_dict",
    "checklist_to_dict",
    "checklist_to_toml",
    "load_checklist",
]

CHECKLIST_SCHEMA = "textkit.checklist/1"

Priority = Literal["must", "should"]
Match = Literal["all", "any"]
Scope = Literal["section", "statement"]

PRIORITIES: tuple[str, ...] = ("must", "should")
MATCHES: tuple[str, ...] = ("all", "any")
SCOPES: tuple[str, ...] = ("section", "statement")
_TOP_KEYS = ("schema", "id", "title", "source", "description", "items")
_ITEM_KEYS = ("id", "title", "source", "description", "keywords", "priority", "match", "scope", "children")
_ID_RE = re.compile(r"^\S+$")


@dataclass(frozen=True, slots=True)
class KeywordGroup:
    """Synonyms for one thing an item must say: any one of ``terms`` found counts as a hit."""

    terms: tuple[str, ...]

    @property
    def label(self) -> str:
        return "|".join(self.terms)


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One required item.

    ``match == "all"``: each keyword group adds its share to the keyword score; ``"any"``: one group
    hit is a full keyword score. ``scope == "section"``: only a dedicated section or measure (its
    heading names the item) can cover it, a mention elsewhere is at most partial; ``"statement"``: a
    sentence or paragraph that says it is enough.
    """

    id: str
    title: str
    keywords: tuple[KeywordGroup, ...]
    source: str = ""
    description: str = ""
    priority: Priority = "must"
    match: Match = "all"
    scope: Scope = "section"
    children: tuple[ChecklistItem, ...] = ()

    def walk(self) -> Iterator[ChecklistItem]:
        """This item and its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def text(self) -> str:
        """What the item says, for similarity: title, description and every keyword."""
        terms = " ".join(t for g in self.keywords for t in g.terms)
        return "\n".join(p for p in (self.title, self.description, terms) if p)


@dataclass(frozen=True, slots=True)
class Checklist:
    """A named list of required items; ``path`` is the file it came from (empty if built in memory)."""

    id: str
    title: str
    items: tuple[ChecklistItem, ...]
    source: str = ""
    description: str = ""
    path: str = ""

    def walk(self) -> Iterator[tuple[ChecklistItem, ChecklistItem | None]]:
        """Every item with its parent (``None`` at top level), depth first."""

        def rec(item: ChecklistItem, parent: ChecklistItem | None) -> Iterator[tuple[ChecklistItem, ChecklistItem | None]]:
            yield item, parent
            for child in item.children:
                yield from rec(child, item)

        for item in self.items:
            yield from rec(item, None)

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())

    @classmethod
    def load(cls, path: str | Path) -> Checklist:
        """Load and validate a checklist file (``.toml``, ``.yaml`` or ``.yml``)."""
        return load_checklist(path)

    @classmethod
    def from_plan(
        cls,
        directive: Plan,
        *,
        level: int | Literal["leaf", "measure"] = "leaf",
        top_k: int = 8,
        priority: Priority = "must",
    ) -> Checklist:
        """Derive a checklist from a directive: each section (or measure) at ``level`` becomes an item.

        ``level`` is a section depth (1 = 一、), ``"leaf"`` (numbered sections with no numbered
        sections inside: the directive's measures) or ``"measure"`` (the plan's extracted measures).
        Keywords are the ``top_k`` words of the heading and text by TF-IDF over the chosen units (so
        they tell the units apart); ``source`` is the section path (``三/4``).

        >>> import textkit
        >>> d = textkit.parse_text("一、工作措施\\n1.理论学习。读原著学原文悟原理。\\n2.调查研究。深入基层开展调研。\\n")
        >>> [i.title for i in Checklist.from_plan(d, level=2).items]
        ['理论学习', '调查研究']
        """
        return _from_plan(directive, level=level, top_k=top_k, priority=priority)


# ---------------------------------------------------------------------------------------------- loading


def load_checklist(path: str | Path) -> Checklist:
    """Read a checklist file, TOML or YAML by its extension, and validate it.

    >>> cl = load_checklist("corpora/checklists/zhuti-jiaoyu-2023.toml")  # doctest: +SKIP
    >>> cl.items[0].title  # doctest: +SKIP
    '总要求'
    """
    p = Path(path)
    name = str(path)
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml"):
        raise ChecklistError(
            f"extension {suffix or '(none)'!r} is invalid; value must be one of ('.toml', '.yaml', '.yml')", file=name
        )
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ChecklistError("no such checklist file", file=name) from None
    except OSError as exc:
        raise ChecklistError(f"cannot be read: {exc.strerror}", file=name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ChecklistError("is not UTF-8 text", file=name) from None
    data: Any
    if suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ChecklistError(f"not valid TOML: {exc}", file=name) from None
    else:
        from textkit.safe_yaml import load_yaml  # no alias expansion, a nesting limit (issue 16)

        data = load_yaml(text, source=name, error=ChecklistError)
    return checklist_from_dict(data, file=name)


def checklist_from_dict(data: Any, *, file: str = "<checklist>") -> Checklist:
    """Validate a parsed checklist (the dict a TOML/YAML file holds) and build the `Checklist`."""
    if not isinstance(data, Mapping):
        raise ChecklistError(f"must be a table/mapping at top level, not {type(data).__name__}", file=file)
    unknown = sorted(set(map(str, data)) - set(_TOP_KEYS))
    if unknown:
        raise ChecklistError(
            f"unknown key {unknown[0]!r}; allowed keys: {', '.join(_TOP_KEYS)}", file=file, key=unknown[0]
        )
    schema = data.get("schema", CHECKLIST_SCHEMA)
    if schema != CHECKLIST_SCHEMA:
        raise ChecklistError(f"schema {schema!r} is invalid; value must be {CHECKLIST_SCHEMA!r}", file=file, key="schema")
    for key in ("id", "title", "source", "description"):
        if key in data and not isinstance(data[key], str):
            raise ChecklistError(f"must be a string, not {type(data[key]).__name__}", file=file, key=key)
    items_raw = data.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise ChecklistError("needs a non-empty list of items ([[items]] in TOML, items: in YAML)", file=file, key="items")
    seen: set[str] = set()
    items = tuple(_item(raw, file=file, where=f"items[{n}]", seen=seen) for n, raw in enumerate(items_raw, start=1))
    return Checklist(
        id=str(data.get("id") or Path(file).stem),
        title=str(data.get("title") or data.get("id") or Path(file).stem),
        items=items,
        source=str(data.get("source", "")),
        description=str(data.get("description", "")),
        path=file,
    )


def _item(raw: Any, *, file: str, where: str, seen: set[str]) -> ChecklistItem:
    if not isinstance(raw, Mapping):
        raise ChecklistError(f"item must be a table/mapping, not {type(raw).__name__}", file=file, entry=where)
    name = str(raw["id"]) if isinstance(raw.get("id"), str) and raw["id"] else where
    unknown = sorted(set(map(str, raw)) - set(_ITEM_KEYS))
    if unknown:
        raise ChecklistError(
            f"unknown key {unknown[0]!r}; allowed keys: {', '.join(_ITEM_KEYS)}", file=file, entry=name, key=unknown[0]
        )
    for key in ("id", "title", "source"):
        if key not in raw:
            raise ChecklistError("required key is missing", file=file, entry=name, key=key)
    for key in ("id", "title", "source", "description", "priority", "match", "scope"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, str):
                raise ChecklistError(f"must be a string, not {type(value).__name__} {value!r}", file=file, entry=name, key=key)
            if key != "description" and not value.strip():
                raise ChecklistError("must not be empty", file=file, entry=name, key=key)
    item_id = str(raw["id"])
    if not _ID_RE.match(item_id):
        raise ChecklistError(f"id {item_id!r} is invalid; an id must not contain spaces", file=file, entry=name, key="id")
    if item_id in seen:
        raise ChecklistError("duplicate id", file=file, entry=item_id, key="id")
    seen.add(item_id)
    for key, allowed in (("priority", PRIORITIES), ("match", MATCHES), ("scope", SCOPES)):
        if key in raw and raw[key] not in allowed:
            raise ChecklistError(f"value {raw[key]!r} is invalid; value must be one of {allowed}", file=file, entry=name, key=key)
    groups = _groups(raw.get("keywords"), file=file, entry=item_id)
    children_raw = raw.get("children", [])
    if not isinstance(children_raw, list):
        raise ChecklistError(f"must be a list of items, not {type(children_raw).__name__}", file=file, entry=item_id, key="children")
    children = tuple(
        _item(c, file=file, where=f"{item_id}.children[{n}]", seen=seen) for n, c in enumerate(children_raw, start=1)
    )
    return ChecklistItem(
        id=item_id,
        title=str(raw["title"]).strip(),
        keywords=groups,
        source=str(raw["source"]).strip(),
        description=str(raw.get("description", "")).strip(),
        priority=raw.get("priority", "must"),
        match=raw.get("match", "all"),
        scope=raw.get("scope", "section"),
        children=children,
    )


def _groups(raw: Any, *, file: str, entry: str) -> tuple[KeywordGroup, ...]:
    """``keywords``: a list of groups; a group is a list of synonyms or one string."""
    if raw is None:
        raise ChecklistError("required key is missing", file=file, entry=entry, key="keywords")
    if not isinstance(raw, list) or not raw:
        raise ChecklistError("must be a non-empty list of synonym groups, e.g. [[\"调查研究\", \"调研\"]]",
                             file=file, entry=entry, key="keywords")
    groups: list[KeywordGroup] = []
    for n, g in enumerate(raw, start=1):
        terms = [g] if isinstance(g, str) else g
        if not isinstance(terms, list) or not terms:
            raise ChecklistError(f"group {n} must be a non-empty list of strings, not {g!r}", file=file, entry=entry, key="keywords")
        clean: list[str] = []
        for t in terms:
            if not isinstance(t, str) or not t.strip():
                raise ChecklistError(f"group {n} has an empty or non-string term {t!r}", file=file, entry=entry, key="keywords")
            clean.append(t.strip())
        groups.append(KeywordGroup(tuple(dict.fromkeys(clean))))
    return tuple(groups)


# ---------------------------------------------------------------------------------------------- writing


def checklist_to_dict(checklist: Checklist) -> dict[str, Any]:
    """The checklist as a plain dict in the file schema (for YAML/JSON dumps)."""

    def item(i: ChecklistItem) -> dict[str, Any]:
        d: dict[str, Any] = {"id": i.id, "title": i.title, "source": i.source}
        if i.description:
            d["description"] = i.description
        d.update(priority=i.priority, match=i.match, scope=i.scope, keywords=[list(g.terms) for g in i.keywords])
        if i.children:
            d["children"] = [item(c) for c in i.children]
        return d

    return {"schema": CHECKLIST_SCHEMA, "id": checklist.id, "title": checklist.title, "source": checklist.source,
            "items": [item(i) for i in checklist.items]}


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def checklist_to_toml(checklist: Checklist) -> str:
    """The checklist as a TOML file in the documented schema (a derived checklist, ready to edit)."""
    lines = [f"schema = {_toml_str(CHECKLIST_SCHEMA)}", f"id = {_toml_str(checklist.id)}",
             f"title = {_toml_str(checklist.title)}", f"source = {_toml_str(checklist.source)}", ""]

    def emit(i: ChecklistItem, table: str) -> None:
        lines.append(f"[[{table}]]")
        lines.append(f"id = {_toml_str(i.id)}")
        lines.append(f"title = {_toml_str(i.title)}")
        lines.append(f"source = {_toml_str(i.source)}")
        if i.description:
            lines.append(f"description = {_toml_str(i.description)}")
        lines.append(f"priority = {_toml_str(i.priority)}")
        lines.append(f"match = {_toml_str(i.match)}")
        lines.append(f"scope = {_toml_str(i.scope)}")
        groups = ", ".join("[" + ", ".join(_toml_str(t) for t in g.terms) + "]" for g in i.keywords)
        lines.append(f"keywords = [{groups}]")
        lines.append("")
        for c in i.children:
            emit(c, f"{table}.children")

    for i in checklist.items:
        emit(i, "items")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- deriving

# Words that name no content of a measure: plan boilerplate and function words jieba keeps.
_STOP = frozenset((
    "加强", "推进", "推动", "开展", "进一步", "深入", "坚持", "工作", "积极", "全面", "切实", "不断", "按照", "有关", "相关", "实施", "组织",
    "要求", "落实", "做好", "各级", "重点", "主要", "建立", "完善", "健全", "提升", "提高", "强化", "着力", "持续", "进行", "以及", "通过",
    "根据", "结合", "围绕", "及时", "确保", "实现", "形成", "发挥", "作用", "方面", "情况", "问题", "单位", "部门", "我们", "他们", "其中",
    "同时", "对于", "关于", "为了", "已经", "可以", "需要", "应当", "必须", "负责", "牵头", "配合", "责任", "年底", "年度", "以上", "以下",
    "之一", "一批", "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
))
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _content_word(w: str) -> bool:
    return len(w) >= 2 and bool(_CJK.search(w)) and w not in _STOP and not any(ch.isdigit() for ch in w)


@dataclass(frozen=True, slots=True)
class _Unit:
    id: str
    title: str
    start: int
    end: int
    title_start: int | None


def _units(directive: Plan, level: int | str) -> list[_Unit]:
    if level == "measure":
        return [_Unit(m.section or f"m{n}", m.title, m.start, m.end, None) for n, m in enumerate(directive.measures, 1)
                if isinstance(m, Measure)]
    sections: list[Section] = list(directive.root.sections())
    if level == "leaf":
        chosen = [s for s in sections if not any(c.kind == "section" for c in s.walk() if c is not s)]
    elif isinstance(level, int) and not isinstance(level, bool) and level >= 1:
        chosen = [s for s in sections if s.level == level]
    else:
        raise ChecklistError(f"`level` value = {level!r} is invalid; value must be one of (1, 2, …, 'leaf', 'measure')",
                             file=directive.document.source, key="level")
    return [_Unit(s.id, s.title, s.start, s.end, s.title_start) for s in chosen]


def _candidates(tokens: Sequence[str]) -> list[str]:
    """Content words and two-word phrases (建筑垃圾, 源头减量): phrases tell measures apart better."""
    out = [w for w in tokens if _content_word(w)]
    for a, b in itertools.pairwise(tokens):
        if _content_word(a) and _content_word(b):
            out.append(a + b)
    return out


def _found(term: str, text: str) -> bool:
    """Whether `textkit.comparison.coverage` would find ``term`` in ``text``: as written, or its words
    in any order close together."""
    if term in text:
        return True
    from textkit.comparison.coverage import _near, _term_tokens

    tokens = _term_tokens(term)
    if not tokens or any(t not in text for t in tokens):
        return False
    positions = [[m.start() for m in re.finditer(re.escape(t), text)] for t in tokens]
    return _near(positions, len(term) + 4, text, [len(t) for t in tokens])


def _weight(w: str, counts: Counter[str], k: int, bodies: Sequence[str], outside: str) -> float:
    """TF-IDF of ``w`` in unit ``k``, IDF over the sibling units and the text around them: a keyword
    should occur in this measure only, so that the measure's absence leaves no keyword behind."""
    n = len(bodies)
    df = sum(1 for j, b in enumerate(bodies) if j != k and w in b) + (1 if w in outside else 0)
    idf = math.log((n + 2) / (df + 1)) + 1.0
    return (1.0 + math.log(counts[w])) * idf * (1.25 if len(w) >= 4 else 1.0)


def _from_plan(directive: Plan, *, level: int | str, top_k: int, priority: Priority) -> Checklist:
    from textkit.tokenize import cut, keywords

    src = directive.document.source
    if priority not in PRIORITIES:
        raise ChecklistError(f"`priority` value = {priority!r} is invalid; value must be one of {PRIORITIES}",
                             file=src, key="priority")
    if top_k < 1:
        raise ChecklistError(f"`top_k` value = {top_k!r} is invalid; value must be a positive integer", file=src, key="top_k")
    units = _units(directive, level)
    if not units:
        raise ChecklistError(f"has no sections at level {level!r} to derive items from", file=src, key="level")
    text = directive.document.text
    bodies = [text[u.start:u.end] for u in units]
    counts: list[Counter[str]] = []
    single: set[str] = set()
    for u, body in zip(units, bodies, strict=True):
        cut_words = cut(body)
        single.update(w for w in cut_words if _content_word(w))
        c: Counter[str] = Counter(_candidates(cut_words))
        # The heading names the measure: its words count double.
        if u.title:
            c.update(_candidates(cut(u.title)))
        counts.append(c)
    items: list[ChecklistItem] = []
    used: set[str] = set()
    for k, (u, c) in enumerate(zip(units, counts, strict=True)):
        outside = text[: u.start] + "\n" + text[u.end:]
        weights = {w: _weight(w, c, k, bodies, outside) for w in c}
        # Only words found nowhere else in the directive: a word the other measures share would still
        # be found when this measure is missing. First the words jieba's own TF-IDF (IDF from its large
        # corpus) ranks among the measure's keywords — it knows 一种/什么/成为 say nothing — then two-word
        # phrases, then other words; within each, by TF-IDF over the sibling measures.
        salient = set(keywords(bodies[k], top_k=max(40, 4 * top_k)))

        category = {w: 0 if w in salient else 1 if w not in single else 2 for w in c}
        ranked = sorted((w for w in c if not _found(w, outside)),
                        key=lambda w: (category[w], -weights[w], -len(w), w))
        words: list[str] = []
        for w in ranked:
            # Skip a word already inside a chosen phrase (or a phrase around a chosen word): one idea, one group.
            if any(w in x or x in w for x in words):
                continue
            words.append(w)
            if len(words) == top_k:
                break
        groups = [KeywordGroup((w,)) for w in words]
        heading = u.title.strip()
        if 2 <= len(heading) <= 20 and _CJK.search(heading) and not any(heading in w for w in words):
            # The heading as written is how a draft names the same measure and makes its section
            # dedicated — even when the directive names it elsewhere too (理论学习 in 三's preamble).
            groups.insert(0, KeywordGroup((heading,)))
        if not groups:
            # Nothing in this measure is its own: fall back on its most characteristic shared words.
            shared = sorted(c, key=lambda w: (-weights[w], -len(w), w))[:top_k]
            groups = [KeywordGroup((w,)) for w in shared]
        if not groups:
            continue
        base = u.id or f"item-{len(items) + 1}"
        item_id, dup = base, 1
        while item_id in used:  # several measures of one section (一是… 二是…): 二/（二）/1#2, #3
            dup += 1
            item_id = f"{base}#{dup}"
        used.add(item_id)
        body = text[u.start:u.end].strip()
        items.append(ChecklistItem(
            id=item_id,
            title=u.title or body[:20],
            keywords=tuple(groups),
            source=u.id,
            description=body,
            priority=priority,
            match="all",
            scope="section",
        ))
    if not items:
        raise ChecklistError("has no words to derive checklist items from", file=src, key="level")
    title = plan_title(directive.document, directive.root) or Path(src).stem
    return Checklist(id=Path(src).stem or "derived", title=title, items=tuple(items), source=src, path="")


def flatten(items: Sequence[ChecklistItem]) -> list[ChecklistItem]:
    """Every item depth first (children after their parent)."""
    return [i for top in items for i in top.walk()]
