"""What every lint rule gets (`Context`) and gives back (`Hit`), shared by the rule-family modules."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from textkit.lint_rules import LintConfig, RuleConfig
from textkit.model import Plan, Section
from textkit.tokenize import Token, tokenize

__all__ = ["HAN", "Check", "Context", "Hit", "is_han"]

HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_HAN_RE = re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    return bool(ch) and _HAN_RE.match(ch) is not None


@dataclass(frozen=True, slots=True)
class Hit:
    """One fault a rule found: its span and the fields its message needs (``expected``, ``found``…)."""

    start: int
    end: int
    expected: str = ""
    found: str = ""
    detail: str = ""
    message: str = ""  # used as is instead of the rule's template (a structure parser warning's own text)


@dataclass(eq=False)
class Context:
    """The plan being linted plus lazily computed views the rules share (lines, tokens, marker spans).

    Not frozen: it is a per-run cache (``cached_property`` needs an instance ``__dict__``); the plan itself is
    never changed.
    """

    plan: Plan
    config: LintConfig
    families: dict[str, str] | None = None  # numbering style id → family, of the rule set the plan was parsed with

    @property
    def text(self) -> str:
        return self.plan.document.text

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.text))
        return starts

    def line_span(self, offset: int) -> tuple[int, int]:
        """The ``[start, end)`` of the line holding ``offset`` (without its newline)."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, offset) - 1
        # the next line's start, not a search for the newline: a rule asking once per space of a 100 KB
        # line would rescan the line each time (issue 16)
        if i + 1 < len(starts):
            return starts[i], starts[i + 1] - 1
        return starts[i], len(self.text)

    def line_no(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def sections(self) -> list[Section]:
        return list(self.plan.root.sections())

    @cached_property
    def marker_spans(self) -> list[tuple[int, int]]:
        """The spans of the numbering markers of the parsed sections (一、 （三） 1．), in text order."""
        spans: list[tuple[int, int]] = []
        for s in self.sections:
            if s.marker:
                pos = self.text.find(s.marker, s.start, s.start + len(s.marker) + 8)
                if pos >= 0:
                    spans.append((pos, pos + len(s.marker)))
        return sorted(spans)

    def in_marker(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside the numbering marker of a parsed section."""
        i = bisect.bisect_right(self.marker_spans, (start, len(self.text))) - 1
        return i >= 0 and self.marker_spans[i][0] <= start and end <= self.marker_spans[i][1]

    @cached_property
    def marker_ends(self) -> frozenset[int]:
        return frozenset(end for _, end in self.marker_spans)

    @cached_property
    def table_lines(self) -> frozenset[int]:
        """Start offsets of lines that are table rows (tab-separated cells)."""
        return frozenset(s for s in self.line_starts if "\t" in self.text[s:self.line_span(s)[1]])


Check = Callable[[Context, RuleConfig], Iterator[Hit]]
