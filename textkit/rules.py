"""Rules as data: load, validate and layer the TOML/JSONL files in ``textkit/data``.

Each data file holds one or more arrays of entries (``[[style]]``, ``[[word]]``...). A schema names, for
each array, the keys an entry may have, their types, which are required, which are regular expressions
(compiled on load) and which must be one of a fixed set. Loading an invalid file raises `RuleError`
naming the file, the entry and the key. A user's file is layered over the defaults: an entry with the
same ``id`` replaces the default one, ``enabled = false`` removes it, new ids are appended.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from textkit.errors import RuleError
from textkit.safe_regex import UnsafePatternError, check_pattern

__all__ = ["Field", "data_path", "load_entries", "load_jsonl", "read_toml"]


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
    return Path(str(resources.files("textkit") / "data" / name))


def read_toml(path: str | Path) -> dict[str, Any]:
    text = read_rule_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"not valid TOML: {exc}", file=str(path)) from None
    except RecursionError:
        raise RuleError("nests arrays or tables too deeply to be a rule file", file=str(path)) from None


def read_rule_text(path: str | Path) -> str:
    """The UTF-8 text of a rule, config or word-list file; a folder, a binary file or one larger than
    ``Limits.max_rule_bytes`` is a `RuleError` (issue 16)."""
    from textkit.reading import DEFAULT_LIMITS

    p = Path(path)
    try:
        if p.is_dir():
            raise RuleError("is a folder, not a rule file", file=str(path))
        size = p.stat().st_size
        if size > DEFAULT_LIMITS.max_rule_bytes:
            raise RuleError(f"is {size:,} bytes; the limit for a rule file is {DEFAULT_LIMITS.max_rule_bytes:,} "
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


def _check_entry(entry: Any, schema: Mapping[str, Field], *, file: str, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RuleError(f"entry must be a table, not {type(entry).__name__}", file=file, entry=where)
    name = str(entry.get("id", where))
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
                try:
                    re.compile(str(pat))
                    if not Path(file).resolve().is_relative_to(data_path("").resolve()):
                        check_pattern(str(pat))  # a user's pattern must not backtrack exponentially
                except re.error as exc:
                    raise RuleError(f"bad regular expression {pat!r}: {exc}", file=file, entry=name, key=key) from None
                except UnsafePatternError as exc:
                    raise RuleError(f"unsafe regular expression {pat!r}: {exc}", file=file, entry=name,
                                    key=key) from None
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

    >>> styles = load_entries("numbering.toml", "style", {"id": Field(required=True)})  # doctest: +SKIP
    """
    files: list[Path] = [data_path(name), *(Path(p) for p in extra)]
    merged: dict[str, dict[str, Any]] = {}
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
            merged[key] = {**merged.get(key, {}), **entry} if i > 0 else entry
    return list(merged.values())


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
