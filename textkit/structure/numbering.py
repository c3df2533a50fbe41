"""Numbering markers: the styles (loaded from ``data/numbering.toml``) and matching them in text.

>>> styles = load_styles()
>>> m = match_marker("（三）深刻检视问题", 0, styles)
>>> (m.text, m.value, m.style.family)
('（三）', 3, 'cn-paren')
>>> match_marker("1.5倍于去年", 0, styles) is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from textkit._frozen import quick_init
from textkit.errors import RuleError
from textkit.numerals import parse_number
from textkit.patterns import Scanner, first_chars
from textkit.rules import Field, compile_pattern, load_layered

__all__ = [
    "STYLE_SCHEMA",
    "Marker",
    "MarkerMatch",
    "Markers",
    "NumberingStyle",
    "any_marker",
    "load_styles",
    "marker_key",
    "marker_matcher",
    "marker_scanner",
    "match_marker",
]

STYLE_SCHEMA = {
    "id": Field(required=True),
    "family": Field(required=True),
    "pattern": Field(required=True, regex=True),
    "numeral": Field(required=True, choices=("chinese", "arabic", "glyph")),
    "width": Field(choices=("full", "half")),
    "heading": Field(choices=("line", "sequence")),
    "inline": Field(types=bool),
}


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: styles are loaded once
class NumberingStyle:
    """One written form of numbering (``一、``, ``（一）``, ``1．``…) and the family (level kind) it belongs to."""

    id: str
    family: str
    regex: re.Pattern[str]
    numeral: str
    width: str | None = None
    heading: str = "line"
    inline: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker found in text: ``text`` as written, its ``value`` and absolute span."""

    style: NumberingStyle
    text: str
    value: int
    start: int
    end: int


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> tuple[NumberingStyle, ...]:
    out = []
    for entry in load_layered("numbering.toml", "style", STYLE_SCHEMA, extra=extra):
        e = entry.data
        regex = compile_pattern(e["pattern"], file=entry.file, entry=e["id"], key="pattern")
        if "num" not in regex.groupindex:
            raise RuleError("pattern must define the group (?P<num>…)", file=entry.file, entry=e["id"],
                            key="pattern")
        out.append(NumberingStyle(id=e["id"], family=e["family"], regex=regex, numeral=e["numeral"],
                                  width=e.get("width"), heading=e.get("heading", "line"),
                                  inline=bool(e.get("inline", False))))
    return tuple(out)


def load_styles(*, extra: Sequence[str | Path] = ()) -> tuple[NumberingStyle, ...]:
    """The numbering styles: the shipped ones layered with the user's ``extra`` TOML files."""
    return _load(tuple(str(p) for p in extra))


def _ungrouped(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def any_marker(styles: tuple[NumberingStyle, ...], *, inline: bool = False) -> Scanner:
    """Where any of ``styles`` (only the inline ones with ``inline``) could start: one scanner over them all.

    Most lines and positions hold no marker; the scanner's C-level filter skips them before the styles are
    tried one by one.
    """
    pats = [_ungrouped(s.regex.pattern) for s in styles if s.inline or not inline]
    return Scanner.build("|".join(f"(?:{p})" for p in pats) or r"(?!x)x")


MarkerMatch = Callable[[str, int], Marker | None]


def _matcher(styles: tuple[NumberingStyle, ...], inline: bool) -> MarkerMatch:
    """`match_marker` for these styles: for each character a marker can start with, the styles worth trying
    there (in data order, so ties still go to the earlier style); styles whose first character cannot be
    told are tried everywhere."""
    usable = [s for s in styles if s.inline or not inline]
    firsts = {id(s): first_chars(s.regex.pattern) for s in usable}
    # per style what a try needs, looked up once: its bound match and the index of its group `num` (a style
    # made by hand without that group fails when it matches, as `match_marker` always did)
    tries = {id(s): (s, s.regex.match, s.regex.groupindex.get("num", "num")) for s in usable}
    elsewhere = tuple(tries[id(s)] for s in usable if firsts[id(s)] is None)
    chars = set().union(*(f for f in firsts.values() if f is not None))
    by_first = {
        c: tuple(tries[id(s)] for s in usable if firsts[id(s)] is None or c in (firsts[id(s)] or ()))
        for c in chars
    }

    def match(text: str, pos: int) -> Marker | None:
        if pos >= len(text):
            return None
        best: Marker | None = None
        for style, try_at, num in by_first.get(text[pos], elsewhere):
            m = try_at(text, pos)
            if m is None:
                continue
            end = m.end()
            if best is not None and end <= best.end:
                continue
            value = parse_number(m.group(num))
            if value is None or value <= 0:
                continue
            best = Marker(style, m.group(0), value, pos, end)
        return best

    return match


def marker_matcher(styles: Sequence[NumberingStyle], *, inline: bool = False, fast: bool = True) -> MarkerMatch:
    """``lambda text, pos: match_marker(text, pos, styles, inline=inline)``, for a caller trying many
    positions with the same styles (keep it: it is built anew each call; `Markers` keeps one per rule set).
    ``fast=False``: the plain matcher, every style tried at every position."""
    if not fast:
        usable = tuple(s for s in styles if s.inline or not inline)
        return lambda text, pos: _plain_match(text, pos, usable)
    return _matcher(tuple(styles), inline)


def _plain_match(text: str, pos: int, styles: Sequence[NumberingStyle]) -> Marker | None:
    """The longest marker of ``styles`` at ``pos`` (ties to the earlier style), each style tried in turn."""
    if pos >= len(text):
        return None
    best: Marker | None = None
    for style in styles:
        m = style.regex.match(text, pos)
        if m is None or (best is not None and m.end() <= best.end):
            continue
        value = parse_number(m.group("num"))
        if value is None or value <= 0:
            continue
        best = Marker(style, m.group(0), value, pos, m.end())
    return best


def marker_scanner(styles: Sequence[NumberingStyle], *, inline: bool = False) -> Scanner:
    """`any_marker` of ``styles``."""
    return any_marker(tuple(styles), inline=inline)


class Markers:
    """The numbering styles of a rule set compiled once for the parser: a matcher for line starts, and a
    matcher and a scanner for markers inside paragraphs (fast and plain)."""

    __slots__ = ("inline_match", "inline_plain", "inline_scan", "line_match", "line_plain", "styles")

    def __init__(self, styles: Sequence[NumberingStyle]) -> None:
        self.styles = tuple(styles)
        self.line_match = marker_matcher(self.styles)
        self.line_plain = marker_matcher(self.styles, fast=False)
        self.inline_match = marker_matcher(self.styles, inline=True)
        self.inline_plain = marker_matcher(self.styles, inline=True, fast=False)
        self.inline_scan = marker_scanner(self.styles, inline=True)


def match_marker(text: str, pos: int, styles: Sequence[NumberingStyle], *, inline: bool = False) -> Marker | None:
    """The longest numbering marker starting exactly at ``text[pos]``, or ``None`` (a one-off: a caller
    trying many positions keeps a `marker_matcher`, or the parser's `Markers`).

    With ``inline`` only styles that may appear inside a paragraph (一是, 第一，, ①) are tried.
    """
    return marker_matcher(styles, inline=inline)(text, pos)


_TRAILING = "、.．﹒,，"


@lru_cache(maxsize=1024)  # a plan repeats a few dozen markers, each keyed once per section
def marker_key(marker: str, *, family: str = "") -> str:
    """The marker as it appears in a section id: ``一、`` → ``一``, ``(三)`` → ``（三）``, ``1．`` → ``1``."""
    if family == "circled":
        return marker.strip()
    folded = unicodedata.normalize("NFKC", marker)
    folded = re.sub(r"\s+", "", folded).rstrip(_TRAILING)
    if folded.startswith("(") and folded.endswith(")"):
        folded = f"（{folded[1:-1]}）"
    return folded
