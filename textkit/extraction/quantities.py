"""Quantities (provisional until the extraction work lands)."""

from __future__ import annotations

from textkit.model import Document, Quantity, Section


def extract_quantities(document: Document, root: Section) -> tuple[Quantity, ...]:
    return ()
