"""textkit: read Chinese government plan documents (实施方案, 工作方案, 行动方案, 工作要点) into data.

>>> import textkit
>>> plan = textkit.parse_text("一、总体要求\\n（一）指导思想\\n")
>>> [(s.level, s.marker, s.title) for s in plan.sections()]
[(1, '一、', '总体要求'), (2, '（一）', '指导思想')]

`check`, `checklist`, `compare` and `lint` are here too; they import what they need (scikit-learn, jieba) when
called, so ``import textkit`` stays light.
"""

from __future__ import annotations

import logging
import os
import sys
import types
from typing import TYPE_CHECKING, Any

from textkit.errors import InputError, TextkitError
from textkit.model import (
    Document,
    Measure,
    ParseWarning,
    Plan,
    Quantity,
    ResponsibleUnit,
    Section,
    Span,
    TimeExpression,
    TimeValue,
)
from textkit.pipeline import parse, parse_many, parse_text
from textkit.reading import Limits, read, read_text

if TYPE_CHECKING:
    from textkit.comparison.checklist import Checklist
    from textkit.comparison.compare import Comparison
    from textkit.comparison.coverage import CheckResult
    from textkit.lint import LintResult

__all__ = [
    "Document",
    "InputError",
    "Limits",
    "Measure",
    "ParseWarning",
    "Plan",
    "Quantity",
    "ResponsibleUnit",
    "Section",
    "Span",
    "TextkitError",
    "TimeExpression",
    "TimeValue",
    "check",
    "checklist",
    "compare",
    "lint",
    "parse",
    "parse_many",
    "parse_text",
    "read",
    "read_text",
]

__version__ = "0.1.0"


def _plan(source: Plan | Document | str | os.PathLike[str]) -> Plan:
    return source if isinstance(source, Plan) else parse(source)


def check(plan: Plan | Document | str | os.PathLike[str], checklist: Checklist | str | os.PathLike[str],
          **options: Any) -> CheckResult:
    """Which required items of ``checklist`` a draft covers, with evidence (`textkit.comparison.coverage.check`).

    ``plan`` and ``checklist`` may be paths; ``options`` go to the engine (``model``, ``lexicon``, ``top``).

    >>> r = check("corpora/001_ea77caf3222f4d4a.txt", "corpora/checklists/zhuti-jiaoyu-2023.toml")  # doctest: +SKIP
    >>> r.get("minzhu-shenghuohui").status  # doctest: +SKIP
    'covered'
    """
    from pathlib import Path

    from textkit.comparison.checklist import Checklist
    from textkit.comparison.coverage import check as _check

    cl = checklist if isinstance(checklist, Checklist) else Checklist.load(Path(checklist))
    return _check(_plan(plan), cl, **options)


def checklist(directive: Plan | Document | str | os.PathLike[str], *, scope: Any = ()) -> Checklist:
    """A directive's required tasks as a checklist, the way a careful reader lists them
    (`textkit.comparison.itemise.derive_checklist`); ``scope`` picks parts by section id or title word.

    >>> cl = checklist(parse_text("一、主要任务\\n（一）加强学习。组织集中学习。\\n（二）深入调研。到基层开展调研。\\n"))
    >>> [i.title for i in cl.items[0].children]
    ['加强学习', '深入调研']
    """
    from textkit.comparison.itemise import derive_checklist

    return derive_checklist(_plan(directive), scope=tuple(scope))


def compare(plans: Any, **options: Any) -> Comparison:
    """Compare plans (files, folders, globs or parsed plans): coverage, reuse, similarity, units graph.

    The options are those of `textkit.comparison.compare.compare` (``checklist``, ``directive``…).

    >>> c = compare(["corpora/000_3b4e0d12af4a227f.txt", "corpora/001_ea77caf3222f4d4a.txt"])  # doctest: +SKIP
    >>> len(c.plans)  # doctest: +SKIP
    2
    """
    from textkit.comparison.compare import compare as _compare

    return _compare(plans, **options)


def lint(plan: Plan | Document | str | os.PathLike[str], **options: Any) -> LintResult:
    """Drafting faults of a plan (doubled words, numbering gaps, misused words…): `textkit.lint.lint`.

    >>> [f.rule for f in lint(parse_text("结合**工作实际。")).findings]  # doctest: +SKIP
    ['text.placeholder']
    """
    from textkit.lint import lint as _lint

    return _lint(_plan(plan), **options)




class _Package(types.ModuleType):
    """``textkit.lint`` is both a subpackage and the top-level function: importing the subpackage sets
    the package attribute ``lint`` to the module, which would hide the function. This data descriptor
    keeps the name on the function (``from textkit.lint import …`` still reads the subpackage)."""

    @property
    def lint(self) -> Any:
        return _lint_function

    @lint.setter
    def lint(self, value: Any) -> None:
        pass  # the import system announcing the subpackage: it stays in sys.modules


_lint_function = lint
sys.modules[__name__].__class__ = _Package

logging.getLogger(__name__).addHandler(logging.NullHandler())
