"""textkit: read Chinese government plan documents (实施方案, 工作方案, 行动方案, 工作要点) into data.

>>> import textkit
>>> plan = textkit.parse_text("一、总体要求\\n（一）指导思想\\n")
>>> [(s.level, s.marker, s.title) for s in plan.sections()]
[(1, '一、', '总体要求'), (2, '（一）', '指导思想')]
"""

from __future__ import annotations

import logging

from textkit.errors import InputError, TextkitError
from textkit.model import (
    Document,
    Measure,
    ParseWarning,
    Plan,
    Quantity,
    ResponsibleUnit,
    Section,
    Span,
    TimeExpression,
    TimeValue,
)
from textkit.pipeline import parse, parse_many, parse_text
from textkit.reading import Limits, read, read_text

__all__ = [
    "Document",
    "InputError",
    "Limits",
    "Measure",
    "ParseWarning",
    "Plan",
    "Quantity",
    "ResponsibleUnit",
    "Section",
    "Span",
    "TextkitError",
    "TimeExpression",
    "TimeValue",
    "parse",
    "parse_many",
    "parse_text",
    "read",
    "read_text",
]

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
