"""The lint rule set: the defaults in ``data/lint.toml`` + ``data/misused.jsonl``, layered with a user's TOML.

A user config holds ``[[rule]]`` tables keyed by ``id``: ``enabled = false`` switches a rule off,
``enabled = true`` switches on one that ships off, ``severity = "info"`` re-grades it, and any other key of
the schema replaces the default value. A top-level ``misused = ["more.jsonl"]`` adds misused-word lexicons
(paths relative to the config file).

>>> cfg = load_config()
>>> cfg.rule("text.doubled-word").severity
'error'
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

from textkit.errors import RuleError
from textkit.rules import Field, data_path, load_entries, load_jsonl, read_toml

__all__ = [
    "FAMILIES",
    "SEVERITIES",
    "LintConfig",
    "MisusedWord",
    "RuleConfig",
    "Severity",
    "load_config",
    "severity_rank",
]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
FAMILIES = ("numbering", "text", "words", "measures", "counts")
_RANK = {"info": 0, "warning": 1, "error": 2}

_RULE_FILE = "lint.toml"
_MISUSED_FILE = "misused.jsonl"

# Only `id` is required here so that a user's partial table (id + severity) validates; the defaults are
# checked for completeness separately (_REQUIRED_IN_DEFAULTS).
_SCHEMA: dict[str, Field] = {
    "id": Field(required=True),
    "family": Field(choices=FAMILIES),
    "severity": Field(choices=SEVERITIES),
    "on_by_default": Field(types=bool),
    "message_zh": Field(),
    "message_en": Field(),
    "description": Field(),
    "patterns": Field(types=list, regex=True),
    "words": Field(types=list),
    "allow": Field(types=list, nonempty=False),
    "allow_patterns": Field(types=list, regex=True, nonempty=False),
    "max_lines": Field(types=int),
    "min_share": Field(types=(float, int)),
    "min_count": Field(types=int),
    "warning_codes": Field(types=list, nonempty=False),
}
_REQUIRED_IN_DEFAULTS = ("family", "severity", "on_by_default", "message_zh", "message_en", "description")
_LIST_KEYS = ("patterns", "words", "allow", "allow_patterns", "warning_codes")

_MISUSED_SCHEMA: dict[str, Field] = {
    "wrong": Field(required=True),
    "right": Field(required=True),
    "kind": Field(required=True, choices=("idiom", "term", "word")),
    "note": Field(),
}


def severity_rank(severity: str) -> int:
    """``info`` < ``warning`` < ``error``, as 0 < 1 < 2."""
    return _RANK[severity]


@dataclass(frozen=True, slots=True)
class RuleConfig:
    """One lint rule as configured: its id, grade, messages and the data it searches with."""

    id: str
    family: str
    severity: Severity
    enabled: bool
    message_zh: str
    message_en: str
    description: str
    patterns: tuple[re.Pattern[str], ...] = ()
    words: tuple[str, ...] = ()
    allow: frozenset[str] = frozenset()
    allow_patterns: tuple[re.Pattern[str], ...] = ()
    max_lines: int = 2
    min_share: float = 0.75
    min_count: int = 3
    warning_codes: tuple[str, ...] = ()

    def message(self, lang: str, **fields: object) -> str:
        """The message in ``lang`` (``zh`` or ``en``) with its ``{text}``/``{expected}``… fields filled."""
        template = self.message_en if lang == "en" else self.message_zh
        values: dict[str, object] = {"text": "", "expected": "", "found": "", "detail": "", **fields}
        pieces = _template_pieces(template, entry=self.id, key=f"message_{lang}")
        out: list[str] = []
        for literal, name in pieces:
            out.append(literal)
            if name is not None:
                if name not in values:
                    raise RuleError(f"message template {template!r} is invalid: unknown field {{{name}}}",
                                    entry=self.id, key=f"message_{lang}")
                out.append(str(values[name]))
        return "".join(out)

    def allowed(self, text: str) -> bool:
        """Whether ``text`` is on this rule's allow list (exactly, or matching an allow pattern in full)."""
        return text in self.allow or any(p.fullmatch(text) for p in self.allow_patterns)


@dataclass(frozen=True, slots=True)
class MisusedWord:
    """A known misused form and its correction: 污染防止攻坚战 → 污染防治攻坚战."""

    wrong: str
    right: str
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class LintConfig:
    """The whole rule set: every known rule (enabled or not) and the misused-word lexicon."""

    rules: tuple[RuleConfig, ...]
    misused: tuple[MisusedWord, ...] = ()
    _by_id: Mapping[str, RuleConfig] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._by_id:
            object.__setattr__(self, "_by_id", {r.id: r for r in self.rules})

    def rule(self, rule_id: str) -> RuleConfig:
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise RuleError(f"unknown rule id {rule_id!r}; known ids: {', '.join(sorted(self._by_id))}") from None

    def enabled(self) -> tuple[RuleConfig, ...]:
        return tuple(r for r in self.rules if r.enabled)


_TEMPLATE_FIELDS = ("text", "expected", "found", "detail")


def _template_pieces(template: str, *, entry: str, key: str, file: str = "") -> list[tuple[str, str | None]]:
    """``template`` as (literal, field name) pieces. Only plain named fields (``{text}``) are allowed: no
    attribute or index access (``{text.__class__}`` reads object internals) and no format spec or
    conversion (``{text:>4000000000}`` allocates gigabytes)."""
    pieces: list[tuple[str, str | None]] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise RuleError(f"message template {template!r} is invalid: {exc}", file=file, entry=entry, key=key) from None
    for literal, name, spec, conversion in parsed:
        if name is not None and (not name.isidentifier() or spec or conversion):
            raise RuleError(
                f"message template field {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                f" is invalid; only plain fields are allowed: {', '.join('{' + f + '}' for f in _TEMPLATE_FIELDS)}",
                file=file, entry=entry, key=key)
        pieces.append((literal, name))
    return pieces


def _strings(entry: Mapping[str, Any], key: str, *, file: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    for v in values:
        if not isinstance(v, str) or not v:
            raise RuleError(f"every item must be a non-empty string, not {v!r}", file=file, entry=str(entry["id"]),
                            key=key)
    return tuple(cast(list[str], values))


def _rule(entry: Mapping[str, Any], *, file: str) -> RuleConfig:
    rid = str(entry["id"])
    missing = [k for k in _REQUIRED_IN_DEFAULTS if k not in entry]
    if missing:
        raise RuleError(f"unknown rule id (not in the defaults), or the default lacks {missing[0]!r}", file=file,
                        entry=rid, key=missing[0])
    family, _, name = rid.partition(".")
    if family != entry["family"] or not name:
        raise RuleError(f"rule id must be '<family>.<name>' with family {entry['family']!r}", file=file, entry=rid,
                        key="id")
    share = float(entry.get("min_share", 0.75))
    if not 0.0 < share <= 1.0:
        raise RuleError(f"min_share = {share} is invalid; must be in (0, 1]", file=file, entry=rid, key="min_share")
    for key in ("max_lines", "min_count"):
        if key in entry and int(entry[key]) < 0:
            raise RuleError(f"{key} must be >= 0, not {entry[key]}", file=file, entry=rid, key=key)
    lists = {k: _strings(entry, k, file=file) for k in _LIST_KEYS}
    for key in ("message_zh", "message_en"):  # refused on load, not when the first finding is reported
        _template_pieces(str(entry[key]), entry=rid, key=key, file=file)
    enabled = bool(entry.get("enabled", entry["on_by_default"]))
    return RuleConfig(
        id=rid,
        family=str(entry["family"]),
        severity=cast(Severity, entry["severity"]),
        enabled=enabled,
        message_zh=str(entry["message_zh"]),
        message_en=str(entry["message_en"]),
        description=str(entry["description"]),
        patterns=tuple(re.compile(p, re.MULTILINE) for p in lists["patterns"]),
        words=lists["words"],
        allow=frozenset(lists["allow"]),
        allow_patterns=tuple(re.compile(p) for p in lists["allow_patterns"]),
        max_lines=int(entry.get("max_lines", 2)),
        min_share=share,
        min_count=int(entry.get("min_count", 3)),
        warning_codes=lists["warning_codes"],
    )


def _check_user_file(path: Path, known: set[str]) -> list[Path]:
    """Validate what `load_entries` does not: top-level keys, unknown rule ids, a changed family."""
    doc = read_toml(path)
    unknown = sorted(set(doc) - {"rule", "misused"})
    if unknown:
        raise RuleError(f"unknown top-level key {unknown[0]!r}; allowed: rule, misused", file=str(path),
                        key=unknown[0])
    rules = doc.get("rule", [])
    if not isinstance(rules, list):
        raise RuleError("[[rule]] must be an array of tables", file=str(path))
    for n, raw in enumerate(rules, start=1):
        if not isinstance(raw, dict) or "id" not in raw:
            raise RuleError("required key is missing", file=str(path), entry=f"rule[{n}]", key="id")
        if raw["id"] not in known:
            raise RuleError(f"unknown rule id {raw['id']!r}; known ids: {', '.join(sorted(known))}", file=str(path),
                            entry=f"rule[{n}]", key="id")
        if "family" in raw:
            raise RuleError("a rule's family cannot be changed", file=str(path), entry=str(raw["id"]), key="family")
    extra = doc.get("misused", [])
    if not isinstance(extra, list) or not all(isinstance(p, str) and p for p in extra):
        raise RuleError("must be a list of file paths", file=str(path), key="misused")
    return [(path.parent / p) for p in extra]


@lru_cache(maxsize=8)
def _load(user: str | None, stamp: float = 0.0) -> LintConfig:
    """The rule set for the user file ``user`` (cached; ``stamp``, its mtime, makes an edited file reload)."""
    defaults = load_entries(_RULE_FILE, "rule", _SCHEMA)
    known = {str(e["id"]) for e in defaults}
    extra_rules: list[Path] = []
    extra_misused: list[Path] = []
    if user is not None:
        path = Path(user)
        extra_misused = _check_user_file(path, known)
        extra_rules = [path]
    entries = load_entries(_RULE_FILE, "rule", _SCHEMA, extra=extra_rules) if extra_rules else defaults
    # `enabled = false` in a user file removes the entry in load_entries; keep the rule, switched off
    present = {str(e["id"]) for e in entries}
    by_id = {str(e["id"]): e for e in defaults}
    entries = [*entries, *({**by_id[i], "enabled": False} for i in sorted(known - present))]
    file = str(user or data_path(_RULE_FILE))
    rules = tuple(sorted((_rule(e, file=file) for e in entries), key=lambda r: (FAMILIES.index(r.family), r.id)))
    lexicon = load_jsonl(_MISUSED_FILE, _MISUSED_SCHEMA, extra=extra_misused)
    misused = tuple(
        MisusedWord(wrong=str(e["wrong"]), right=str(e["right"]), kind=str(e["kind"]), note=str(e.get("note", "")))
        for e in lexicon
    )
    return LintConfig(rules=rules, misused=misused)


def load_config(path: str | Path | None = None) -> LintConfig:
    """The rule set: defaults, or defaults layered with the user TOML at ``path``.

    >>> load_config().rule("words.misused").enabled
    True
    """
    if path is None:
        return _load(None)
    p = Path(path)
    if not p.is_file():
        raise RuleError("no such config file", file=str(path))
    return _load(str(p.resolve()), p.stat().st_mtime)
