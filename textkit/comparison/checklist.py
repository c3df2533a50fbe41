"""Checklists: the items a plan must contain, loaded from TOML/YAML or derived from a directive.

A checklist file (schema ``textkit.checklist/1``, documented in docs/check.md) holds top-level ``id``,
``title``, ``source`` (the directive), ``items`` and optionally ``context`` (the directive's passages that are
no task); each item has ``id``, ``title``, ``source`` (its
place in the directive), ``keywords`` (groups of synonyms; optional when a ``description`` gives the task's
words), and optionally ``description``, ``priority`` (``must``/``should``: a ``should`` item is advice),
``match``, ``scope``, ``span`` (``[start, end]`` in the directive) and ``children`` (a group of tasks).
Everything is validated on load; an error names the file, the item and the key. A checklist derived from a
directive (`textkit.comparison.itemise.derive_checklist`) is written in the same schema, to be curated.

>>> cl = checklist_from_dict({"id": "demo", "title": "示例", "items": [
...     {"id": "dy", "title": "调查研究", "source": "三/2", "keywords": [["调查研究", "调研"]]}]})
>>> cl.items[0].keywords[0].terms
('调查研究', '调研')
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from textkit.errors import ChecklistError

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
_TOP_KEYS = ("schema", "id", "title", "source", "description", "items", "context")
_ITEM_KEYS = ("id", "title", "source", "description", "keywords", "priority", "match", "scope", "children", "span")
_ID_RE = re.compile(r"^\S+$")
MAX_DEPTH = 20  # groups of groups of tasks: a directive has four or five levels


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
    span: tuple[int, int] | None = None  # where the task stands in the directive (derived checklists)

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
    # Passages of the directive that are not required tasks (its preamble, 指导思想, a group's lead-in): a
    # plan passage that restates one of them is restating that passage, not carrying out a task.
    context: tuple[str, ...] = ()

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
        except RecursionError:
            raise ChecklistError(f"nests tables deeper than Python can read (a checklist needs {MAX_DEPTH} levels "
                                 "at most)", file=name) from None
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
    context = data.get("context", [])
    if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
        raise ChecklistError("must be a list of strings (passages of the directive that are not tasks)",
                             file=file, key="context")
    return Checklist(
        id=str(data.get("id") or Path(file).stem),
        title=str(data.get("title") or data.get("id") or Path(file).stem),
        items=items,
        source=str(data.get("source", "")),
        description=str(data.get("description", "")),
        path=file,
        context=tuple(c.strip() for c in context if c.strip()),
    )


def _item(raw: Any, *, file: str, where: str, seen: set[str], depth: int = 1) -> ChecklistItem:
    if depth > MAX_DEPTH:
        raise ChecklistError(f"items nest deeper than {MAX_DEPTH} levels", file=file, entry=where, key="children")
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
    if raw.get("keywords") is None and (str(raw.get("description", "")).strip() or raw.get("children")):
        groups: tuple[KeywordGroup, ...] = ()  # the engine reads the concepts from the description
    else:
        groups = _groups(raw.get("keywords"), file=file, entry=item_id)
    span = _span(raw.get("span"), file=file, entry=item_id)
    children_raw = raw.get("children", [])
    if not isinstance(children_raw, list):
        raise ChecklistError(f"must be a list of items, not {type(children_raw).__name__}", file=file, entry=item_id, key="children")
    children = tuple(
        _item(c, file=file, where=f"{item_id}.children[{n}]", seen=seen, depth=depth + 1)
        for n, c in enumerate(children_raw, start=1)
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
        span=span,
    )


def _span(raw: Any, *, file: str, entry: str) -> tuple[int, int] | None:
    """``span = [start, end]``: character offsets of the task in the directive."""
    if raw is None:
        return None
    if (not isinstance(raw, list) or len(raw) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in raw)
            or not 0 <= raw[0] <= raw[1]):
        raise ChecklistError(f"must be [start, end] with 0 <= start <= end, not {raw!r}", file=file, entry=entry, key="span")
    return int(raw[0]), int(raw[1])


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
        d.update(priority=i.priority, match=i.match, scope=i.scope)
        if i.keywords:
            d["keywords"] = [list(g.terms) for g in i.keywords]
        if i.span is not None:
            d["span"] = list(i.span)
        if i.children:
            d["children"] = [item(c) for c in i.children]
        return d

    out: dict[str, Any] = {"schema": CHECKLIST_SCHEMA, "id": checklist.id, "title": checklist.title,
                           "source": checklist.source}
    if checklist.context:
        out["context"] = list(checklist.context)
    out["items"] = [item(i) for i in checklist.items]
    return out


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def checklist_to_toml(checklist: Checklist) -> str:
    """The checklist as a TOML file in the documented schema (a derived checklist, ready to edit)."""
    lines = [f"schema = {_toml_str(CHECKLIST_SCHEMA)}", f"id = {_toml_str(checklist.id)}",
             f"title = {_toml_str(checklist.title)}", f"source = {_toml_str(checklist.source)}"]
    if checklist.context:
        # passages of the directive that are not tasks: a plan restating them is not carrying out a task
        lines.append("context = [")
        lines.extend(f"  {_toml_str(c)}," for c in checklist.context)
        lines.append("]")
    lines.append("")

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
        if i.keywords:
            groups = ", ".join("[" + ", ".join(_toml_str(t) for t in g.terms) + "]" for g in i.keywords)
            lines.append(f"keywords = [{groups}]")
        if i.span is not None:
            lines.append(f"span = [{i.span[0]}, {i.span[1]}]")
        lines.append("")
        for c in i.children:
            emit(c, f"{table}.children")

    for i in checklist.items:
        emit(i, "items")
    return "\n".join(lines)


def flatten(items: Sequence[ChecklistItem]) -> list[ChecklistItem]:
    """Every item depth first (children after their parent)."""
    return [i for top in items for i in top.walk()]
