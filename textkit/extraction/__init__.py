"""Extraction: measures, responsible units, time expressions and quantities from a parsed tree.

Each kind has its own module; `extract` runs them in order (times and units first, then measures,
which attach the units and times that fall inside them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textkit.extraction.measures import build_measures
from textkit.extraction.quantities import extract_quantities
from textkit.extraction.time_rules import TimeGrammar, grammar
from textkit.extraction.timex import extract_times
from textkit.extraction.units import extract_units
from textkit.extraction.units.rules import UnitExtractor, default_extractor
from textkit.model import (
    Document,
    Measure,
    ParseWarning,
    Quantity,
    ResponsibleUnit,
    Section,
    SectionIndex,
    TimeExpression,
    TimeValue,
)
from textkit.structure.tables import TableRow

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    measures: tuple[Measure, ...] = ()
    units: tuple[ResponsibleUnit, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    period: TimeValue | None = None
    warnings: tuple[ParseWarning, ...] = ()


def extract(
    document: Document, root: Section, *, reference_date: date | None = None, time: TimeGrammar | None = None,
    units: UnitExtractor | None = None, tables: tuple[TableRow, ...] | None = None, fast: bool = True,
) -> Extraction:
    """Run every extractor over the parsed tree of ``document``.

    ``time``, ``units``: the compiled time grammar and unit extractor (those of a rule set,
    `textkit.ruleset.load_rules`; the shipped rules when not given). ``tables``: the
    task-table rows, when the caller found them already (`textkit.structure.tables`). ``fast=False`` takes
    the plain path of every stage, which gives the same result.

    >>> from textkit.structure import parse_structure
    >>> doc = Document("一、活动安排\\n文化节由市文化局主办，9月底前完成。\\n")
    >>> found = extract(doc, parse_structure(doc)[0], reference_date=date(2023, 9, 1))
    >>> [(u.name, u.role, u.source) for u in found.units], [t.value.end for t in found.dates]
    ([('市文化局', 'lead', 'phrase')], ['2023-09-30'])
    """
    time = time if time is not None else grammar()
    extractor = units if units is not None else default_extractor()
    sections = SectionIndex(root)  # one index of the tree for every stage's offset → section lookups
    rows = tables if tables is not None else extractor.task_tables(document, fast=fast)
    dates, period = extract_times(document, root, reference_date=reference_date, rules=time, sections=sections,
                                  fast=fast)
    found_units = extract_units(document, root, rules=extractor, tables=rows, sections=sections, fast=fast)
    quantities = extract_quantities(document, root, sections=sections, fast=fast)
    measures = build_measures(document, root, units=found_units, dates=dates, tables=rows, sections=sections)
    return Extraction(measures=measures, units=found_units, dates=dates, quantities=quantities, period=period,
                      warnings=_date_warnings(dates))


def _date_warnings(dates: tuple[TimeExpression, ...]) -> tuple[ParseWarning, ...]:
    """A warning for every date whose year no plan can mean (4549年, 到2121年): kept, but given no value."""
    return tuple(
        ParseWarning(code="impossible-year",
                     message=f"“{t.text}” names a year no plan can mean (a typo or damaged digits?); it is kept "
                             "as text and given no date",
                     start=t.start, end=t.end)
        for t in dates if t.rule_id == "time.year.impossible")
