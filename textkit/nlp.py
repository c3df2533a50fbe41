"""A bridge to spaCy (the one place spaCy is imported): a `Plan` as a spaCy ``Doc``, and a pipeline component.

spaCy's Chinese models are not installable here, so this uses ``spacy.blank("zh")`` with its jieba
segmenter. Sections, measures, units and time expressions become span groups on the Doc (``doc.spans``),
units and time expressions also ``doc.ents`` (labels ``UNIT`` and ``TIME``), so a researcher can use
spaCy's Matcher, displaCy and its other tools on plans. Either convert a parsed plan with `to_spacy`, or
add the component to a pipeline::

    nlp = blank_zh()
    nlp.add_pipe("textkit", config={"reference_date": "2023-09-01"})
    doc = nlp(text)          # doc.ents: UNIT / TIME; doc.spans["sections"], ["measures"], ...

>>> import textkit
>>> doc = to_spacy(textkit.parse_text("一、总体要求\\n（一）指导思想\\n"))
>>> [s.text.strip() for s in doc.spans["sections"]]
['一、总体要求\\n（一）指导思想', '（一）指导思想']
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from textkit.model import Plan

__all__ = ["TextkitComponent", "blank_zh", "to_spacy"]


def blank_zh() -> Any:
    """A new blank Chinese pipeline whose tokenizer segments with jieba (add components to it freely)."""
    from textkit.tokenize import quiet_jieba

    quiet_jieba()  # jieba logs its dictionary build to stderr; spaCy's tokenizer loads it at once
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@lru_cache(maxsize=1)
def _tokenizer_only() -> Any:
    return blank_zh()


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    # jieba tokens may not fall on our spans' edges; expand to whole tokens rather than drop the item
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def to_spacy(plan: Plan) -> Doc:
    """The plan's text as a spaCy Doc with its sections, measures, units and dates as spans."""
    return _annotate(_tokenizer_only()(plan.text), plan)


class TextkitComponent:
    """The ``textkit`` pipeline component: parses ``doc.text`` as a plan and annotates the Doc."""

    def __init__(self, reference_date: str | None = None) -> None:
        self.reference_date = date.fromisoformat(reference_date) if reference_date else None

    def __call__(self, doc: Doc) -> Doc:
        from textkit.pipeline import parse_text

        return _annotate(doc, parse_text(doc.text, reference_date=self.reference_date))


@Language.factory("textkit", default_config={"reference_date": None})
def make_textkit_component(nlp: Language, name: str, reference_date: str | None) -> TextkitComponent:
    """spaCy factory: ``nlp.add_pipe("textkit")``."""
    return TextkitComponent(reference_date)


def _annotate(doc: Doc, plan: Plan) -> Doc:
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
