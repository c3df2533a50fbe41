"""Numbering rules, on the section tree of `textkit.structure`: gaps, duplicates, order, mixed styles and
widths among siblings, skipped levels; plus the structure parser's own numbering warnings.

Siblings are the numbered sections directly under one node, grouped by numbering family (``1.`` ``1、``
``1．`` are one family; ``（一）`` and ``(一)`` another), the family coming from the style the parser
recorded (``data/numbering.toml``). Two markers differ in *style* when they differ after NFKC folding with
the numeral taken out (``1.`` / ``1、``), and only in *width* when they differ before it (``(三)`` / ``（三）``).

>>> shape("（三）"), shape("(三)"), shape("1．")
('(N)', '(N)', 'N.')
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from textkit.lint.base import Context, Hit
from textkit.lint_rules import RuleConfig
from textkit.model import Section
from textkit.numerals import int_to_chinese

__all__ = ["CHECKS", "raw_shape", "render_marker", "shape"]

_NUMERAL = re.compile(r"[一二三四五六七八九十百零〇两]+|[0-9０-９]+|[①-⑳⑴-⒇⒈-⒛㈠-㈩Ⅰ-Ⅻ]")
_GLYPH_BASE = {"①": 0x2460, "⑴": 0x2474, "⒈": 0x2488, "㈠": 0x3220, "Ⅰ": 0x2160}
_SCOPES = ("document", "notice", "plan", "attachment")


def raw_shape(marker: str) -> str:
    """The marker with its numeral replaced by ``N`` and spaces removed: ``（ 三 ）`` → ``（N）``."""
    return _NUMERAL.sub("N", re.sub(r"\s+", "", marker), count=1)


def shape(marker: str) -> str:
    """`raw_shape` after NFKC folding, so full-width and half-width forms agree: ``（三）`` → ``(N)``."""
    return raw_shape(unicodedata.normalize("NFKC", re.sub(r"\s+", "", marker)))


def render_marker(marker: str, value: int) -> str:
    """``marker`` renumbered to ``value`` in its own numeral system: (``（三）``, 4) → ``（四）``."""
    m = _NUMERAL.search(marker)
    if m is None or value <= 0:
        return marker
    num = m.group(0)
    if num[0] in "0123456789":
        new = str(value)
    elif num[0] in "０１２３４５６７８９":
        new = "".join(chr(ord(c) - ord("0") + ord("０")) for c in str(value))
    elif len(num) == 1 and not ("一" <= num <= "龥"):
        base = next((b for g, b in _GLYPH_BASE.items() if b <= ord(num) < b + 20), None)
        new = chr(base + value - 1) if base is not None and value <= 20 else str(value)
    else:
        new = int_to_chinese(value) if value < 10000 else str(value)
    return marker[: m.start()] + new + marker[m.end() :]


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    from textkit.structure.numbering import load_styles

    return {s.id: s.family for s in load_styles()}


def _family(section: Section, families: dict[str, str] | None = None) -> str:
    fam = (families if families is not None else _families()).get(section.style or "")
    return fam if fam is not None else shape(section.marker or "")


@dataclass(frozen=True, slots=True)
class _Group:
    """Numbered siblings of one family under one node, in text order, with their parent section and scope."""

    family: str
    members: tuple[Section, ...]
    parent: Section | None
    scope: int  # start offset of the enclosing document/notice/plan/attachment node


def _groups(root: Section, families: dict[str, str] | None = None) -> list[_Group]:
    out: list[_Group] = []

    def visit(node: Section, parent: Section | None, scope: int) -> None:
        if node.kind in _SCOPES:
            scope = node.start
        here = node if node.kind == "section" else parent
        by_family: dict[str, list[Section]] = {}
        for child in node.children:
            if child.kind == "section" and child.marker:
                by_family.setdefault(_family(child, families), []).append(child)
        out.extend(_Group(f, tuple(ms), here, scope) for f, ms in by_family.items())
        for child in node.children:
            visit(child, here, scope)

    visit(root, None, root.start)
    return out


def _marker_span(ctx: Context, s: Section) -> tuple[int, int]:
    marker = s.marker or ""
    pos = ctx.text.find(marker, s.start, s.start + len(marker) + 8) if marker else -1
    return (pos, pos + len(marker)) if pos >= 0 else (s.start, s.start)


def _runs(members: Sequence[Section]) -> Iterator[list[Section]]:
    """Split siblings at restarts (a 1 after higher numbers: a second list under the same parent)."""
    run: list[Section] = []
    for s in members:
        if run and s.value == 1 and run[-1].value not in (None, 1):
            yield run
            run = []
        run.append(s)
    if run:
        yield run


def _sequence(ctx: Context, kind: str) -> Iterator[Hit]:
    # the last value of each (scope, depth, family): numbering may run on across parents (职教20条 puts
    # （五） under 二、 after （四） under 一、), so a first sibling continuing it is no gap
    last: dict[tuple[int, int, str], int] = {}
    for group in _groups(ctx.plan.root, ctx.families):
        key = (group.scope, group.parent.level if group.parent else 0, group.family)
        for n, run in enumerate(_runs(group.members)):
            present = {s.value for s in run}
            prev: Section | None = None
            carried = last.get(key, 0)
            runs_on = n == 0 and run[0].value is not None and run[0].value == carried + 1 > 1
            high = carried if runs_on else 0
            for s in run:
                if s.value is None:
                    continue
                start, end = _marker_span(ctx, s)
                marker = s.marker or ""
                if prev is not None and s.value == prev.value:
                    if kind == "duplicate":
                        yield Hit(start, end, found=marker)
                elif prev is not None and s.value < high:
                    if kind == "out-of-order":
                        yield Hit(start, end, found=marker, detail=render_marker(marker, high))
                elif s.value > high + 1 and kind == "gap":
                    low = high + 1 if prev is not None else 1
                    # at most _MAX_LISTED: 1. then 99999999. must not list (or loop over) every number between
                    missing = list(itertools.islice((v for v in range(low, s.value) if v not in present),
                                                    _MAX_LISTED + 1))
                    if missing:
                        yield Hit(start, end, found=marker, expected=_listed(marker, missing))
                prev = s
                high = max(high, s.value)
            last[key] = high


_MAX_LISTED = 20


def _listed(marker: str, values: Sequence[int]) -> str:
    """Missing markers as a reader lists them: 三、四、 / （三）（四） / 3.、4. (the first 20, then …)."""
    sep = "" if marker.endswith(("、", "）", ")", "】")) else "、"
    shown = sep.join(render_marker(marker, v) for v in values[:_MAX_LISTED])
    return shown + ("…" if len(values) > _MAX_LISTED else "")


def gap(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """一、二、四、: a value missing from a run of siblings (or a run that does not start at 1)."""
    yield from _with_warnings(ctx, rule, _sequence(ctx, "gap"))


def duplicate(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """（二）（二）: two consecutive siblings with the same number."""
    yield from _with_warnings(ctx, rule, _sequence(ctx, "duplicate"))


def out_of_order(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """3. after 4.: a number lower than one before it that is not a restart at 1."""
    yield from _with_warnings(ctx, rule, _sequence(ctx, "out-of-order"))


def _majority(values: Sequence[str]) -> str:
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)  # a tie goes to the form used first


def _mixed(ctx: Context, kind: str) -> Iterator[Hit]:
    for group in _groups(ctx.plan.root, ctx.families):
        members = [s for s in group.members if s.marker]
        if len(members) < 2:
            continue
        shapes = [shape(s.marker or "") for s in members]
        main = _majority(shapes)
        example = next(s.marker or "" for s, sh in zip(members, shapes, strict=True) if sh == main)
        same = [s for s, sh in zip(members, shapes, strict=True) if sh == main]
        raws = [raw_shape(s.marker or "") for s in same]
        main_raw = _majority(raws)
        example_raw = next(s.marker or "" for s, r in zip(same, raws, strict=True) if r == main_raw)
        for s, sh in zip(members, shapes, strict=True):
            start, end = _marker_span(ctx, s)
            if sh != main:
                if kind == "style":
                    yield Hit(start, end, found=s.marker or "", expected=example)
            elif raw_shape(s.marker or "") != main_raw and kind == "width":
                yield Hit(start, end, found=s.marker or "", expected=example_raw)


def mixed_style(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """1. beside 1、 among siblings of one family (the minority form is reported)."""
    yield from _with_warnings(ctx, rule, _mixed(ctx, "style"))


def mixed_width(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """(三) among （一）（二）（四）, 1. beside 1．: siblings that differ only in width."""
    yield from _with_warnings(ctx, rule, _mixed(ctx, "width"))


def skipped_level(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """一、 straight to 1. where a sibling of that 一、 puts （一） between them (二、 → （一） → 1.).

    The order of families is the rule's ``words`` (outermost first); a family missing from it is not judged.
    Only the parent's own siblings are compared, so one attached plan's habits do not judge another's.
    """
    order = {f: i for i, f in enumerate(rule.words)}
    groups = _groups(ctx.plan.root, ctx.families)
    group_of: dict[int, _Group] = {s.start: g for g in groups for s in g.members}
    child_families: dict[int, set[str]] = {}
    for g in groups:
        if g.parent is not None:
            child_families.setdefault(g.parent.start, set()).add(g.family)

    # the child families of each group's members, gathered once per group (not once per nephew group:
    # quadratic in the number of siblings, issue 16)
    families_under: dict[int, list[str]] = {}
    examples: dict[tuple[int, frozenset[str]], str] = {}

    def under(group: _Group) -> list[str]:
        key = id(group)
        if key not in families_under:
            families_under[key] = [f for q in group.members for f in sorted(child_families.get(q.start, ()))]
        return families_under[key]

    def hits() -> Iterator[Hit]:
        for g in groups:
            if g.parent is None or g.family not in order:
                continue
            pfam = _family(g.parent, ctx.families)
            if pfam not in order or order[g.family] <= order[pfam] + 1:
                continue
            skipped = set(rule.words[order[pfam] + 1 : order[g.family]])
            uncles = group_of[g.parent.start].members
            used = [f for f in under(group_of[g.parent.start]) if f in skipped]
            if not used:
                continue
            memo_key = (id(uncles), frozenset(skipped))
            if memo_key not in examples:
                examples[memo_key] = next(
                    (c.marker or "" for q in uncles for c in q.children
                     if c.kind == "section" and _family(c, ctx.families) in skipped),
                    used[0],
                )
            example = examples[memo_key]
            first = g.members[0]
            start, end = _marker_span(ctx, first)
            yield Hit(start, end, found=first.marker or "", expected=example, detail=g.parent.marker or "")

    yield from _with_warnings(ctx, rule, hits())


def _with_warnings(ctx: Context, rule: RuleConfig, hits: Iterator[Hit]) -> Iterator[Hit]:
    """The rule's own hits, then the parser's warnings with the rule's ``warning_codes`` about markers the
    tree does not show as sections (the checks above already judge every marker that is one)."""
    own = list(hits)
    yield from own
    judged = {start for start, _ in ctx.marker_spans}
    for w in ctx.plan.warnings:
        if w.code not in rule.warning_codes or w.end <= w.start or w.start in judged:
            continue
        if any(h.start < w.end and w.start < h.end for h in own):
            continue
        # the parser's own (English) message: the rule's template needs fields a warning does not carry
        yield Hit(w.start, w.end, found=ctx.text[w.start:w.end], detail=w.message, message=w.message)


CHECKS = {
    "numbering.gap": gap,
    "numbering.duplicate": duplicate,
    "numbering.out-of-order": out_of_order,
    "numbering.mixed-style": mixed_style,
    "numbering.mixed-width": mixed_width,
    "numbering.skipped-level": skipped_level,
}
