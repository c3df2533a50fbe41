"""Structure: a `Document` → its tree of numbered sections, paragraphs, labelled lines and inline items.

>>> from textkit.model import Document
>>> root, warnings = parse_structure(Document("一、总体要求\\n（一）牢牢把握目标任务。一是凝心铸魂。二是锤炼品格。\\n"))
>>> [s.title for s in root.sections()]
['总体要求', '牢牢把握目标任务']
"""

from __future__ import annotations

from textkit.structure.numbering import Marker, NumberingStyle, load_styles, marker_key, match_marker
from textkit.structure.parser import StructureRules, load_structure_rules, parse_structure, plan_title

__all__ = [
    "Marker",
    "NumberingStyle",
    "StructureRules",
    "load_structure_rules",
    "load_styles",
    "marker_key",
    "match_marker",
    "parse_structure",
    "plan_title",
]
