"""Time expressions (provisional until the extraction work lands)."""

from __future__ import annotations

from datetime import date

from textkit.model import Document, Section, TimeExpression, TimeValue


def extract_times(
    document: Document, root: Section, *, reference_date: date | None = None
) -> tuple[tuple[TimeExpression, ...], TimeValue | None]:
    return (), None
