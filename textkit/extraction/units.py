"""Responsible units (provisional until the extraction work lands)."""

from __future__ import annotations

from textkit.model import Document, ResponsibleUnit, Section


def extract_units(document: Document, root: Section) -> tuple[ResponsibleUnit, ...]:
    return ()
