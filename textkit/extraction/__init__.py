"""Extraction: measures, responsible units, time expressions and quantities from a parsed tree.

Each kind has its own module; `extract` runs them in order (times and units first, then measures,
which attach the units and times that fall inside them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textkit.extraction.measures import build_measures
from textkit.extraction.quantities import extract_quantities
from textkit.extraction.timex import extract_times
from textkit.extraction.units import extract_units
from textkit.model import (
    Document,
    Measure,
    ParseWarning,
    Quantity,
    ResponsibleUnit,
    Section,
    TimeExpression,
    TimeValue,
)

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True, slots=True)
class Extraction:
    measures: tuple[Measure, ...] = ()
    units: tuple[ResponsibleUnit, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    period: TimeValue | None = None
    warnings: tuple[ParseWarning, ...] = ()


def extract(document: Document, root: Section, *, reference_date: date | None = None) -> Extraction:
    """Run every extractor over the parsed tree of ``document``."""
    dates, period = extract_times(document, root, reference_date=reference_date)
    units = extract_units(document, root)
    quantities = extract_quantities(document, root)
    measures = build_measures(document, root, units=units, dates=dates)
    return Extraction(measures=measures, units=units, dates=dates, quantities=quantities, period=period)
