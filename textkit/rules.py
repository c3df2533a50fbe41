"""Rules as data: load, validate and layer the TOML/JSONL files in ``textkit/data``.

Each data file holds one or more arrays of entries (``[[style]]``, ``[[word]]``...). A schema names, for
each array, the keys an entry may have, their types, which are required, which are regular expressions
(compiled on load) and which must be one of a fixed set. Loading an invalid file raises `RuleError`
naming the file, the entry and the key. A user's file is layered over the defaults: an entry with the
same ``id`` replaces the default one, ``enabled = false`` removes it, new ids are appended.

Wherever an entry takes a regular expression it may give a word list instead (``words = ["牵头", "主办"]``):
the words become an alternation of literals, longest first, so a domain expert rarely writes a regex. Every
regex of a rule file is compiled by `compile_pattern`, the one place a user's pattern meets the regex engine.

This module reads the files; `textkit.ruleset.RuleSet` bundles what the stages compile from them (numbering,
structure, roles, units, time words, lint), loaded and validated once (`textkit.ruleset.load_rules`,
optionally from a folder of user files) and passed along as ``rules=``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from textkit.errors import RuleError
from textkit.patterns import default_code_memo, default_data_memo, text_digest
from textkit.safe_regex import UnsafePatternError, check_pattern

__all__ = [
    "MAX_RULE_BYTES", "Entry", "Field", "compile_pattern", "data_path", "load_entries", "load_jsonl", "load_layered",
    "read_toml", "words_pattern",
]


MAX_RULE_BYTES = 2 * 1024 * 1024  # checklists, configs, word lists, rule files (`Limits.max_rule_bytes`)


@dataclass(frozen=True, slots=True)
class Field:
    """The schema of one key: its type(s), whether required, a regex, or a fixed set of values."""

    types: type | tuple[type, ...] = str
    required: bool = False
    regex: bool = False
    choices: tuple[Any, ...] | None = None
    nonempty: bool = True


def data_path(name: str) -> Path:
    """The path of a default data file shipped in ``textkit/data``."""
    return _data_dir() / name


@lru_cache(maxsize=1)
def _data_dir() -> Path:
    # the package's own folder (what importlib.resources.files("textkit") names for an installed package,
    # without importing its zip readers at every start)
    return Path(__file__).parent / "data"


@lru_cache(maxsize=256)
def _is_shipped(file: str, cwd: str) -> bool:
    """Whether the rule file ``file`` (relative to ``cwd``) is one of textkit's own data files."""
    return (Path(cwd) / file).resolve().is_relative_to(_data_dir().resolve())


def read_toml(path: str | Path) -> dict[str, Any]:
    """The parsed TOML of a rule, config or word-list file (`read_rule_text`); a parse is kept on disk by a
    digest of the text (`textkit.patterns.default_data_memo`), since parsing the shipped files is a good
    part of a command's start."""
    text = read_rule_text(path)
    parsed: dict[str, Any] = default_data_memo().get(("toml", text_digest(text)), lambda: _parse_toml(text, path))
    return parsed


def _parse_toml(text: str, path: str | Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"not valid TOML: {exc}", file=str(path)) from None
    except RecursionError:
        raise RuleError("nests arrays or tables too deeply to be a rule file", file=str(path)) from None


def read_rule_text(path: str | Path) -> str:
    """The UTF-8 text of a rule, config or word-list file; a folder, a binary file or one larger than
    ``MAX_RULE_BYTES`` is a `RuleError` (issue 16)."""
    p = Path(path)
    try:
        if p.is_dir():
            raise RuleError("is a folder, not a rule file", file=str(path))
        size = p.stat().st_size
        if size > MAX_RULE_BYTES:
            raise RuleError(f"is {size:,} bytes; the limit for a rule file is {MAX_RULE_BYTES:,} "
                            "(max_rule_bytes)", file=str(path))
        data = p.read_bytes()
    except FileNotFoundError:
        raise RuleError("no such rule file", file=str(path)) from None
    except OSError as exc:
        raise RuleError(f"cannot be read: {exc.strerror or exc}", file=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(f"is not UTF-8 text (bad byte at {exc.start}): a binary file?", file=str(path)) from None
    if "\x00" in text:
        raise RuleError("contains NUL characters: a binary file, not a rule file", file=str(path))
    return text


def compile_pattern(pattern: str, *, file: str = "", entry: str = "", key: str = "", flags: int = 0) -> re.Pattern[str]:
    """Compile one regular expression of a rule file; a bad one is a `RuleError` naming file, entry and key.

    Every pattern a user can write goes through here (the one choke point for checks on user regexes).

    >>> compile_pattern("牵头|主办").pattern
    '牵头|主办'
    """
    try:
        compiled = default_code_memo().compile(pattern, flags)
        if file and not _is_shipped(file, os.getcwd()):
            check_pattern(pattern)  # a user's pattern must not backtrack exponentially
        return compiled
    except re.error as exc:
        raise RuleError(f"bad regular expression {pattern!r}: {exc}", file=file, entry=entry, key=key) from None
    except UnsafePatternError as exc:
        raise RuleError(f"unsafe regular expression {pattern!r}: {exc}", file=file, entry=entry, key=key) from None


def words_pattern(words: Iterable[str]) -> str:
    """A word list as a regex: the words escaped, longest first (so 牵头负责 wins over 牵头).

    >>> words_pattern(["牵头", "主办", "牵头负责"])
    '牵头负责|牵头|主办'
    """
    unique = sorted(dict.fromkeys(words), key=len, reverse=True)  # (stable: equal lengths keep their order)
    return "|".join(re.escape(w) for w in unique)


def _words_for_regex(entry: dict[str, Any], schema: Mapping[str, Field], *, file: str, name: str) -> dict[str, Any]:
    """``words = [...]`` in place of the entry's one regex key (when the schema has no ``words`` key itself)."""
    if "words" not in entry or "words" in schema:
        return entry
    regex_keys = [k for k, spec in schema.items() if spec.regex and not isinstance(spec.types, tuple)
                  and spec.types is str]
    if len(regex_keys) != 1:
        return entry  # (then `words` is an unknown key, reported as such)
    key = regex_keys[0]
    words = entry["words"]
    if key in entry:
        raise RuleError(f"give either {key!r} or 'words', not both", file=file, entry=name, key="words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise RuleError("must be a non-empty list of non-empty strings", file=file, entry=name, key="words")
    out = {k: v for k, v in entry.items() if k != "words"}
    out[key] = words_pattern(words)
    return out


def _check_entry(entry: Any, schema: Mapping[str, Field], *, file: str, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RuleError(f"entry must be a table, not {type(entry).__name__}", file=file, entry=where)
    name = str(entry.get("id", where))
    entry = _words_for_regex(entry, schema, file=file, name=name)
    unknown = sorted(set(entry) - set(schema) - {"enabled"})
    if unknown:
        raise RuleError(
            f"unknown key {unknown[0]!r}; allowed keys: {', '.join(sorted(schema))}", file=file, entry=name,
            key=unknown[0],
        )
    out: dict[str, Any] = {}
    for key, spec in schema.items():
        if key not in entry:
            if spec.required:
                raise RuleError("required key is missing", file=file, entry=name, key=key)
            continue
        value = entry[key]
        if not isinstance(value, spec.types) or (isinstance(value, bool) and bool not in _as_tuple(spec.types)):
            allowed = " or ".join(t.__name__ for t in _as_tuple(spec.types))
            raise RuleError(f"must be {allowed}, not {type(value).__name__} {value!r}", file=file, entry=name, key=key)
        if isinstance(value, float) and not math.isfinite(value):  # TOML allows inf and nan; no rule value is
            raise RuleError(f"must be a finite number, not {value!r}", file=file, entry=name, key=key)
        if spec.nonempty and isinstance(value, str | list) and not value:
            raise RuleError("must not be empty", file=file, entry=name, key=key)
        if spec.choices is not None:
            items = value if isinstance(value, list) else [value]
            for item in items:
                if item not in spec.choices:
                    raise RuleError(
                        f"value {item!r} is invalid; value must be one of {spec.choices}", file=file, entry=name, key=key
                    )
        if spec.regex:
            patterns = value if isinstance(value, list) else [value]
            for pat in patterns:
                compile_pattern(str(pat), file=file, entry=name, key=key)
        out[key] = value
    if "enabled" in entry:
        if not isinstance(entry["enabled"], bool):
            raise RuleError("must be true or false", file=file, entry=name, key="enabled")
        out["enabled"] = entry["enabled"]
    return out


def _is_table_array(value: Any) -> bool:
    """``[[name]]`` arrays of tables, as opposed to plain lists of values (``misused = ["a.jsonl"]``)."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _as_tuple(t: type | tuple[type, ...]) -> tuple[type, ...]:
    return t if isinstance(t, tuple) else (t,)


class Entry(NamedTuple):
    """One validated entry and the file that last set it (a user's file, or the shipped one)."""

    data: dict[str, Any]
    file: str


def load_layered(
    name: str,
    array: str,
    schema: Mapping[str, Field],
    *,
    extra: Sequence[str | Path] = (),
    known: Sequence[str] = (),
) -> list[Entry]:
    """`load_entries`, each entry with the file it comes from: a check made after loading names that file."""
    files: list[Path] = [data_path(name), *(Path(p) for p in extra)]
    merged: dict[str, Entry] = {}
    for i, path in enumerate(files):
        doc = read_toml(path)
        entries = doc.get(array, [])
        if i == 0 and not entries:
            raise RuleError(f"has no [[{array}]] entries", file=str(path))
        if not isinstance(entries, list):
            raise RuleError(f"[[{array}]] must be an array of tables", file=str(path))
        unknown_tables = sorted(
            k for k, v in doc.items()
            if _is_table_array(v) and k != array and k not in known
        )
        if i > 0 and unknown_tables:
            allowed = ", ".join(f"[[{a}]]" for a in (array, *known))
            raise RuleError(f"unknown array {unknown_tables[0]!r}; allowed: {allowed}", file=str(path))
        for n, raw in enumerate(entries, start=1):
            entry = _check_entry(raw, schema, file=str(path), where=f"{array}[{n}]")
            key = str(entry.get("id", f"{path}:{n}"))
            if entry.get("enabled") is False:
                merged.pop(key, None)
                continue
            if key in merged and i == 0:
                raise RuleError("duplicate id", file=str(path), entry=key, key="id")
            before = merged.get(key)
            data = {**before.data, **entry} if i > 0 and before is not None else entry
            merged[key] = Entry(data, str(path) if i > 0 else name)
    return list(merged.values())


def load_entries(
    name: str,
    array: str,
    schema: Mapping[str, Field],
    *,
    extra: Sequence[str | Path] = (),
    known: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Load the ``[[array]]`` entries of the default data file ``name``, layered with ``extra`` files.

    ``known`` names the other arrays the same file may hold (a user's roles file may carry only
    ``[[label]]`` while ``[[verb]]`` is being loaded); any other array in a user file is an error.

    >>> from textkit.structure.numbering import STYLE_SCHEMA
    >>> [e["id"] for e in load_entries("numbering.toml", "style", STYLE_SCHEMA)][:2]
    ['chapter', 'part']
    """
    return [e.data for e in load_layered(name, array, schema, extra=extra, known=known)]


def load_jsonl(name: str, schema: Mapping[str, Field], *, extra: Iterable[str | Path] = ()) -> list[dict[str, Any]]:
    """Load a JSONL lexicon (one JSON object a line; ``#`` lines are comments), layered like TOML."""
    out: list[dict[str, Any]] = []
    for path in [data_path(name), *(Path(p) for p in extra)]:
        lines = read_rule_text(path).splitlines()
        for n, line in enumerate(lines, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RuleError(f"not valid JSON: {exc.msg}", file=str(path), entry=f"line {n}") from None
            out.append(_check_entry(raw, schema, file=str(path), where=f"line {n}"))
    return out
