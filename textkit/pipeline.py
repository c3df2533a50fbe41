"""The one-way pipeline: reading → structure → extraction, as one call.

>>> plan = parse(read_text("一、总体要求\\n（一）指导思想。坚持…\\n"))
>>> [s.marker for s in plan.sections()]
['一、', '（一）']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date

from textkit.errors import InputError, InternalError
from textkit.extraction import extract
from textkit.model import Document, Plan
from textkit.reading import DEFAULT_LIMITS, Limits, read, read_text
from textkit.ruleset import RuleSet, default_rules
from textkit.structure import parse_structure, plan_title

__all__ = ["parse", "parse_many", "parse_text"]


def parse(
    source: str | os.PathLike[str] | Document,
    *,
    reference_date: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    rules: RuleSet | None = None,
    fast: bool = True,
) -> Plan:
    """Read (if given a path), segment and extract a plan.

    ``reference_date`` anchors dates written without a year (``9月28日前``); without it the year is
    taken from the plan's own text where it states one. ``rules``: a rule set from `textkit.ruleset.load_rules`
    (a user's folder layered over the shipped rules); the shipped rules when not given. ``fast=False`` takes
    the plain path of every stage (no prefilter, no memo): slower, and the same plan.

    >>> plan = parse(read_text("一、工作安排\\n9月底前完成。\\n"), reference_date=date(2023, 9, 1))
    >>> plan.sections()[0].title
    '工作安排'
    """
    rs = rules if rules is not None else default_rules()
    doc = source if isinstance(source, Document) else read(source, limits=limits)
    # 1. structure: the section tree, and the task tables (found once; extraction reads them)
    root, warnings = parse_structure(doc, rules=rs.structure, fast=fast)
    tables = rs.units.task_tables(doc, fast=fast)
    # 2. extraction: times, units, quantities, then the measures that hold them
    found = extract(doc, root, reference_date=reference_date, time=rs.time, units=rs.units, tables=tables, fast=fast)
    return Plan(
        document=doc,
        root=root,
        warnings=warnings + found.warnings,
        reference_date=reference_date,
        period=found.period,
        measures=found.measures,
        units=found.units,
        dates=found.dates,
        quantities=found.quantities,
        title=plan_title(doc, root),
    )


def parse_many(
    sources: Iterable[str | os.PathLike[str]],
    *,
    reference_date: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    rules: RuleSet | None = None,
) -> Iterator[Plan | InputError]:
    """Parse a batch; a file that cannot be read yields its `InputError` and the batch goes on.

    Any other failure on one file (a bug) is yielded as an `InternalError` naming the file, so it never
    loses the results of the good files of the batch.
    """
    for src in sources:
        try:
            yield parse(src, reference_date=reference_date, limits=limits, rules=rules)
        except InputError as exc:
            yield exc
        except Exception as exc:  # one file's bug must not lose the batch; reported by name
            yield InternalError(f"textkit failed on this file ({type(exc).__name__}: {exc}); "
                                "this is a bug, please report it", source=str(src))


def parse_text(
    text: str, *, reference_date: date | None = None, source: str = "<text>", rules: RuleSet | None = None
) -> Plan:
    """Parse a plan already in memory as a string."""
    return parse(read_text(text, source=source), reference_date=reference_date, rules=rules)
