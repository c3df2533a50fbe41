"""Measures (provisional until the extraction work lands)."""

from __future__ import annotations

from collections.abc import Sequence

from textkit.model import Document, Measure, ResponsibleUnit, Section, TimeExpression


def build_measures(
    document: Document, root: Section, *, units: Sequence[ResponsibleUnit], dates: Sequence[TimeExpression]
) -> tuple[Measure, ...]:
    return ()
