"""The rule set of a parse: every stage's rules, loaded and validated once, a user's folder layered over the
shipped files (``textkit --rules DIR``). The stages' own rule files are read with `textkit.rules`; this
module sits above the stages and builds their compiled rules.

>>> rules = load_rules()
>>> rules.files
()
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from textkit.errors import RuleError
from textkit.extraction.time_rules import TimeGrammar, grammar
from textkit.extraction.units.rules import UnitExtractor, as_extractor, load_unit_rules
from textkit.patterns import save_memos
from textkit.structure.parser import StructureRules, load_structure_rules

if TYPE_CHECKING:
    from textkit.lint_rules import LintConfig

__all__ = ["RULE_FILES", "RuleSet", "default_rules", "load_rules"]


# the data files a user's rule folder may hold, each layered over the shipped file of the same name
RULE_FILES = ("numbering.toml", "structure.toml", "roles.toml", "units.toml", "time.toml", "holidays.toml",
              "lint.toml")


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: a rule set is loaded once and passed on
class RuleSet:
    """Every rule family of a parse, loaded and validated once: numbering and structure (`structure`), roles
    and units (`units`, compiled into the extractor), time words and holidays (`time`), lint rules (`lint`).
    ``files`` lists the user files layered over the defaults.

    >>> rules = load_rules()
    >>> rules.files, len(rules.structure.styles) > 10
    ((), True)
    """

    structure: StructureRules
    units: UnitExtractor
    time: TimeGrammar
    lint_config: LintConfig | None = None  # None: the shipped lint rules, loaded when `lint` is first asked for
    files: tuple[Path, ...] = ()
    _shipped_lint: list[LintConfig] = field(default_factory=list, repr=False)

    @property
    def lint(self) -> LintConfig:
        """The lint rules: a user's ``lint.toml`` layered over the shipped rules (loaded and checked with the
        rest), or the shipped rules, loaded on first use (a parse never reads them)."""
        if self.lint_config is not None:
            return self.lint_config
        if not self._shipped_lint:
            from textkit.lint_rules import (
                load_config,  # a parse never reads the lint rules: loaded when asked
            )

            self._shipped_lint.append(load_config(None))
            save_memos()
        return self._shipped_lint[0]


def load_rules(folder: str | Path | None = None) -> RuleSet:
    """The rule set: the shipped rules, layered with the user files of ``folder`` (named as the shipped files:
    ``numbering.toml``, ``roles.toml``, ``units.toml``, ``time.toml``…). Any error names the user's file,
    entry and key.

    Raises:
        RuleError: ``folder`` is no folder, holds a file of another name, or a file is invalid.
    """
    if folder is None:
        return default_rules()
    root = Path(folder)
    if not root.is_dir():
        raise RuleError("no such rule folder", file=str(folder))
    found: dict[str, Path] = {}
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.name not in RULE_FILES:
            raise RuleError(f"unknown rule file {path.name!r}; allowed: {', '.join(RULE_FILES)}", file=str(path))
        found[path.name] = path
    return _build(found)


def _build(user: Mapping[str, Path]) -> RuleSet:
    def extra(name: str) -> tuple[str, ...]:
        return (str(user[name]),) if name in user else ()

    structure = load_structure_rules(numbering=extra("numbering.toml"), parts=extra("structure.toml"))
    units = as_extractor(load_unit_rules(extra("roles.toml"), extra("units.toml")))
    time = grammar(extra("time.toml"), extra("holidays.toml"))
    lint_config = None  # the shipped lint rules are loaded when first used (`RuleSet.lint`); a user's now,
    if "lint.toml" in user:  # so that an error in it is reported with the rest, before any file is read
        from textkit.lint_rules import load_config

        lint_config = load_config(user["lint.toml"])
    rules = RuleSet(structure=structure, units=units, time=time, lint_config=lint_config, files=tuple(user.values()))
    save_memos()  # the regex programs and prefixes worked out for these rules, for the next process
    return rules


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The shipped rule set (loaded once)."""
    return _build({})
