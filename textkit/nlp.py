"""A bridge to spaCy (the one place spaCy is imported): a `Plan` as a spaCy ``Doc``.

spaCy's Chinese models are not installable here, so this uses ``spacy.blank("zh")`` with its jieba
segmenter. Sections, measures, units and time expressions become span groups on the Doc (``doc.spans``),
units and time expressions also ``doc.ents`` (labels ``UNIT`` and ``TIME``), so a researcher can use
spaCy's Matcher, displaCy and its other tools on plans.

>>> import textkit
>>> doc = to_spacy(textkit.parse_text("一、总体要求\\n（一）指导思想\\n"))
>>> [s.text.strip() for s in doc.spans["sections"]]
['一、总体要求\\n（一）指导思想', '（一）指导思想']
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import spacy
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from textkit.model import Plan

__all__ = ["blank_zh", "to_spacy"]


@lru_cache(maxsize=1)
def blank_zh() -> Any:
    """A blank Chinese pipeline whose tokenizer segments with jieba."""
    logging.getLogger("jieba").setLevel(logging.WARNING)  # it logs its dictionary build to stderr
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    # jieba tokens may not fall on our spans' edges; expand to whole tokens rather than drop the item
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def to_spacy(plan: Plan) -> Doc:
    """The plan's text as a spaCy Doc with its sections, measures, units and dates as spans."""
    doc: Doc = blank_zh()(plan.text)
    groups: dict[str, list[Span]] = {"sections": [], "measures": [], "units": [], "dates": []}
    for s in plan.root.sections():
        if (sp := _span(doc, s.start, s.end, s.id)) is not None:
            groups["sections"].append(sp)
    for m in plan.measures:
        if (sp := _span(doc, m.start, m.end, m.kind)) is not None:
            groups["measures"].append(sp)
    for u in plan.units:
        if (sp := _span(doc, u.start, u.end, u.role)) is not None:
            groups["units"].append(sp)
    for t in plan.dates:
        if (sp := _span(doc, t.start, t.end, t.kind)) is not None:
            groups["dates"].append(sp)
    for name, spans in groups.items():
        doc.spans[name] = spans
    ents = [Span(doc, sp.start, sp.end, label="UNIT") for sp in groups["units"]]
    ents += [Span(doc, sp.start, sp.end, label="TIME") for sp in groups["dates"]]
    doc.ents = filter_spans(ents)
    return doc
