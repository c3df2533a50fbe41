"""Structure: a `Document` → its tree of numbered sections (provisional: being written)."""

from __future__ import annotations

from textkit.model import Document, ParseWarning, Section

__all__ = ["parse_structure"]


def parse_structure(document: Document) -> tuple[Section, tuple[ParseWarning, ...]]:
    leaf = Section(kind="paragraph", start=0, end=len(document.text))
    return Section(kind="document", start=0, end=len(document.text), children=(leaf,)), ()
