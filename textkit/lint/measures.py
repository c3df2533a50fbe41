"""Measures rules: missing responsible units or time frames where the plan otherwise gives them, vague
timing, deadlines outside the plan's own period, dates that do not exist, weekdays that do not match.

``no-unit``, ``no-time`` and ``outside-period`` read what `textkit.extraction` found (``Plan.measures``,
``Plan.units``, ``Plan.dates``, ``Plan.period``); the date rules read the text with the rule's patterns, since a
date that does not exist is exactly what a normaliser cannot turn into a value.

>>> from textkit.pipeline import parse_text
>>> from textkit.lint_rules import load_config
>>> ctx = Context(parse_text("会议定于2023年2月30日召开。"), load_config())
>>> [ctx.text[h.start:h.end] for h in invalid_date(ctx, ctx.config.rule("measures.invalid-date"))]
['2023年2月30日']
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

from textkit.extraction.timex import MAX_YEAR, MIN_YEAR, YEARS_AHEAD, plausible_year, written_years
from textkit.lint.base import Context, Hit
from textkit.lint_rules import RuleConfig
from textkit.model import Measure, Section
from textkit.numerals import parse_number

__all__ = ["CHECKS", "impossible_year", "invalid_date", "no_time", "no_unit", "outside_period", "vague_timing", "weekday_mismatch"]

_WEEKDAYS_ZH = "一二三四五六日"


def _first_line(ctx: Context, start: int, end: int) -> tuple[int, int]:
    line_end = ctx.line_span(start)[1]
    return start, max(start, min(end, line_end))


def _ancestors(root: Section, m: Measure, starts: dict[int, list[int]]) -> list[Section]:
    """Numbered sections that strictly contain the measure ``m``, outermost first.

    Walks down from the root (children tile their parent, so one child holds ``m.start``), finding that
    child by binary search over the children's starts (cached in ``starts`` by node): a walk over the whole
    tree per measure was quadratic on deeply nested plans (issue 16).
    """
    out: list[Section] = []
    node = root
    while node.children:
        kids = node.children
        key = id(node)
        if key not in starts:
            starts[key] = [c.start for c in kids]
        i = bisect.bisect_right(starts[key], m.start) - 1
        if i < 0 or not (kids[i].start <= m.start and m.end <= kids[i].end):
            break
        node = kids[i]
        if node.kind == "section" and (node.start, node.end) != (m.start, m.end):
            out.append(node)
    return out


class _FreeSpans:
    """Spans (``a``, ``b``) that lie inside no peer measure, answering "is one of them inside [lo, hi]?" in
    logarithmic time: sorted by start, with a sparse table of the smallest end over any run of them."""

    def __init__(self, spans: list[tuple[int, int]], peers: list[Measure]) -> None:
        order = sorted((p.start, p.end) for p in peers)
        self._peer_starts = [a for a, _ in order]
        self._peer_reach: list[int] = []  # the furthest end of any peer starting at or before each
        reach = -1
        for _, b in order:
            reach = max(reach, b)
            self._peer_reach.append(reach)
        free = sorted((a, b) for a, b in spans if not self._inside_peer(a, b))
        self._starts = [a for a, _ in free]
        table = [[b for _, b in free]]
        width = 1
        while 2 * width <= len(free):
            prev = table[-1]
            table.append([min(prev[i], prev[i + width]) for i in range(len(prev) - width)])
            width *= 2
        self._min_end = table

    def _inside_peer(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self._peer_starts, a) - 1
        return i >= 0 and self._peer_reach[i] >= b

    def any_within(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_right(self._starts, hi)
        if i >= j:
            return False
        k = (j - i).bit_length() - 1
        row = self._min_end[k]
        return min(row[i], row[j - (1 << k)]) <= hi


def _missing(ctx: Context, rule: RuleConfig, has: Callable[[Measure], bool],
             spans: list[tuple[int, int]]) -> Iterator[Hit]:
    """Measures lacking what ``has`` tests, among peers (same kind, depth and top-level part) that mostly have it.

    A thing stated at a parent level (a span in ``spans`` inside an ancestor but outside every peer) covers
    the measures under that parent.
    """
    # peers: same kind and depth under the same top-level part (二、主要任务 is not judged by 三、保障措施)
    peers: dict[tuple[str, int, str], list[Measure]] = {}
    for m in ctx.plan.measures:
        top = m.path[0] if len(m.path) > 1 else ""
        peers.setdefault((m.kind, len(m.path), top), []).append(m)
    starts: dict[int, list[int]] = {}
    for group in peers.values():
        group = [m for m in group if not any(rule.allowed(t) for t in (*m.path, m.title))]
        if not group:
            continue
        free = _FreeSpans(spans, group)

        def covered(m: Measure, free: _FreeSpans = free) -> bool:
            if has(m):
                return True
            return any(free.any_within(anc.start, anc.end) for anc in _ancestors(ctx.plan.root, m, starts))

        flags = [covered(m) for m in group]
        n_has = sum(flags)
        if n_has < rule.min_count or n_has / len(group) < rule.min_share:
            continue
        for m, ok in zip(group, flags, strict=True):
            if not ok:
                start, end = _first_line(ctx, m.start, m.end)
                yield Hit(start, end, detail=f"{n_has}/{len(group)}")


def no_unit(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """A measure with no responsible unit where at least ``min_share`` of its peers name one."""
    spans = [(u.start, u.end) for u in ctx.plan.units]
    yield from _missing(ctx, rule, lambda m: bool(m.units), spans)


_TIMED = ("point", "deadline", "period", "recurrence", "time", "vague")


def no_time(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """A measure with no time frame where at least ``min_share`` of its peers give one (vague counts as given:
    ``vague-timing`` reports it)."""
    spans = [(t.start, t.end) for t in ctx.plan.dates if t.kind in _TIMED]
    yield from _missing(ctx, rule, lambda m: any(t.kind in _TIMED for t in m.times), spans)


def vague_timing(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """Timing words that set no date: 适时, 择机 (the rule's ``words``)."""
    if not rule.words:
        return
    pattern = re.compile("|".join(re.escape(w) for w in sorted(rule.words, key=len, reverse=True)))
    for m in pattern.finditer(ctx.text):
        if not rule.allowed(m.group(0)):
            yield Hit(m.start(), m.end())


def outside_period(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """A deadline whose last day falls after the end (or before the start) of the plan's own period."""
    period = ctx.plan.period
    if period is None or not period.start or not period.end:
        return
    for t in ctx.plan.dates:
        end = t.value.end
        if t.kind != "deadline" or not end:
            continue
        if end > period.end or end < period.start:
            yield Hit(t.start, t.end, detail=f"{period.start}—{period.end}")


def _ymd(m: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    year = m.group("year")
    y = parse_number(year) if year else None
    return y, parse_number(m.group("month")), parse_number(m.group("day"))


def invalid_date(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """A month outside 1–12 or a day past the month's end; 2月29日 only with a stated non-leap year."""
    for pattern in rule.patterns:
        for m in pattern.finditer(ctx.text):
            y, mo, d = _ymd(m)
            if mo is None or d is None:
                continue
            if not 1 <= mo <= 12:
                yield Hit(m.start(), m.end())
                continue
            last = calendar.monthrange(y if y and 1 <= y <= 9999 else 2000, mo)[1]  # 2000: leap, 2月29日 exists
            if not 1 <= d <= last:
                yield Hit(m.start(), m.end())


def _candidate_years(ctx: Context) -> list[int]:
    """Years a date written without one may be in: the plan's period, its reference date, else the year the
    text names most often."""
    plan = ctx.plan
    if plan.period and plan.period.start and plan.period.end:
        return list(range(int(plan.period.start[:4]), int(plan.period.end[:4]) + 1))
    if plan.reference_date:
        return [plan.reference_date.year]
    years = Counter(re.findall(r"((?:19|20)\d\d)\s*年", ctx.text))
    return [int(years.most_common(1)[0][0])] if years else []


def weekday_mismatch(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """A date followed by a weekday it is not: 2023年9月28日（星期五） (28 September 2023 is a Thursday)."""
    for pattern in rule.patterns:
        for m in pattern.finditer(ctx.text):
            y, mo, d = _ymd(m)
            wd = _WEEKDAYS_ZH.index("日" if m.group("weekday") == "天" else m.group("weekday"))
            years = [y] if y else _candidate_years(ctx)
            days: list[date] = []
            for year in years:
                try:
                    days.append(date(year, mo or 0, d or 0))
                except ValueError:
                    continue  # no such date: measures.invalid-date reports it
            if days and all(day.weekday() != wd for day in days):
                yield Hit(m.start(), m.end(), expected=f"星期{_WEEKDAYS_ZH[days[0].weekday()]}",
                          found=days[0].strftime("%A"))


def _year_reason(year: int | None, ref: date | None) -> tuple[str, str]:
    """Why ``year`` cannot be right, in Chinese and in English."""
    if year is not None and MIN_YEAR <= year <= MAX_YEAR and ref is not None:
        return (f"比成文日期{ref.year}年晚{year - ref.year}年，超过{YEARS_AHEAD}年",
                f"{year - ref.year} years after the plan's date in {ref.year}, more than {YEARS_AHEAD}")
    return f"应在{MIN_YEAR}—{MAX_YEAR}年之间", f"a plan's years lie between {MIN_YEAR} and {MAX_YEAR}"


def impossible_year(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """A year no plan can mean: the dates the parse left without a value for it (rule ``time.year.impossible``:
    4549年, 0402年) and the years of document numbers (the rule's patterns, group ``year``: 〔2121〕)."""
    text = ctx.text
    ref = ctx.plan.reference_date
    hits: list[Hit] = []
    for t in ctx.plan.dates:
        if t.rule_id != "time.year.impossible":
            continue
        for s, e, y in written_years(text, t.start, t.end):
            if not plausible_year(y, ref):
                zh, en = _year_reason(y, ref)
                hits.append(Hit(s, e, detail=zh, found=en))
    for pattern in rule.patterns:
        for m in pattern.finditer(text):
            y = int(m.group("year"))
            if not plausible_year(y, ref):
                zh, en = _year_reason(y, ref)
                hits.append(Hit(m.start("year"), m.end("year"), detail=zh, found=en))
    yield from sorted(hits, key=lambda h: h.start)


CHECKS = {
    "measures.impossible-year": impossible_year,
    "measures.no-unit": no_unit,
    "measures.no-time": no_time,
    "measures.vague-timing": vague_timing,
    "measures.outside-period": outside_period,
    "measures.invalid-date": invalid_date,
    "measures.weekday-mismatch": weekday_mismatch,
}
