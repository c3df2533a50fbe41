"""What a unit's name looks like: written forms (compact, alias), unit endings, collectives, stop words, and
what a table cell looks like (`cell_info`).

>>> from textkit.extraction.units.rules import default_extractor
>>> ux = default_extractor()
>>> strict_unit("省大数据局", ux), strict_unit("加强数据共享", ux), is_collective("各有关部门", ux)
(True, False, True)
"""

from __future__ import annotations

import re

from textkit.extraction.units.rules import SENTENCE_PUNCT_RE, TIME_HINT, UnitExtractor

SPACE_RE = re.compile(r"\s+")
WS_RE = re.compile(r"\s")
ALIAS_RE = re.compile(r"(.*?)[（(]([^（）()]*)[）)]$", re.S)  # 机关党委（机关纪委）: name and alias
ALIAS_ENDS = ("）", ")", "）\n", ")\n")
CLOSE_ENDS = ("）", ")")


def compact(s: str) -> str:
    return SPACE_RE.sub("", s) if not s.isprintable() or " " in s or "\u3000" in s else s


def has_suffix(name: str, rules: UnitExtractor) -> bool:
    if not name or name[-1] not in rules.suffix_last:
        return False  # every ending ends with one of these characters (most words end with none)
    words = rules.suffix_set
    for k in range(1, min(len(name), rules.suffix_max) + 1):
        if name[-k:] in words and (len(name) > k or k > 1):
            return True
    return False


def is_collective(name: str, rules: UnitExtractor) -> bool:
    return bool(rules.collective_re.match(name)) and len(name) >= 2


def strict_unit(name: str, rules: UnitExtractor) -> bool:
    """A name found in running text: ends like a unit and holds no function word."""
    return strict_shape(name, rules) and rules.stop.search(name) is None


def strict_shape(name: str, rules: UnitExtractor) -> bool:
    """`strict_unit` of a name already known to hold no stop word; a policy verb before it (支持企业) makes it a
    clause, not a name."""
    return 2 <= len(name) <= 30 and (has_suffix(name, rules) or (is_collective(name, rules) and len(name) >= 3)) \
        and not name.startswith(rules.verb_starts)


def loose_unit(name: str) -> bool:
    """A name in a labelled list: anything short without sentence punctuation."""
    return 1 <= len(name) <= 40 and SENTENCE_PUNCT_RE.search(name) is None


def time_like(s: str) -> bool:
    return bool(TIME_HINT.search(s))





def may_list_units(c: str, rules: UnitExtractor) -> bool:
    """False when the compact cell ``c`` (not empty) cannot be a list of units, without segmenting it.

    Every name of a list must read as a unit (`strict_unit`) or a collective, the last one too, and the
    last one ends where the cell ends: so either the cell's last character ends a unit ending, or a
    collective name of two or more characters starts somewhere and runs to the end. Most cells of a task
    table (tasks, dates, numbers, names of people) are neither.
    """
    if c[-1] in rules.suffix_last:
        return True
    first = rules.collective_first
    if first is None:
        return True  # cannot tell where a collective starts: left to the segmentation
    # (a collective pattern may be anchored with ^: matched on the rest of the cell, as _segment_cell does)
    return any(rules.collective_re.match(c[m.start():]) for m in first.finditer(c, 0, len(c) - 1))
