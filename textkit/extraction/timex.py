"""Time expressions: dates, deadlines, periods, recurrences, clock times and vague timing, normalised.

One left-to-right pass of the statement grammar (`textkit.extraction.time_rules`) finds the longest
time statements; each is then resolved to ISO dates against the plan's own period (found in its title
or in a ``从…开始，…结束`` sentence) and the reference date, so that a plan running 2023-09 to 2024-01
puts ``1月`` in 2024 and ``10月`` in 2023.

>>> from textkit.model import Document, Section
>>> doc = Document(text="从2023年9月开始，2024年1月基本结束。1月底前完成。")
>>> times, period = extract_times(doc, Section(kind="document", start=0, end=len(doc.text)))
>>> [(t.text, t.kind, t.value.start, t.value.end) for t in times]
[('从2023年9月开始，2024年1月基本结束', 'period', '2023-09-01', '2024-01-31'), ('1月底前', 'deadline', None, '2024-01-31')]
"""

from __future__ import annotations

import calendar as _calendar
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from textkit._frozen import keyword_maker
from textkit.extraction.time_calendar import holiday_date
from textkit.extraction.time_rules import Holiday, TimeGrammar, Word, grammar
from textkit.model import Document, Section, SectionIndex, TimeExpression, TimeValue
from textkit.numerals import parse_number

_Time = keyword_maker(TimeExpression)  # (hundreds per plan: built without packing the keywords in a dict)

__all__ = ["MAX_YEAR", "MIN_YEAR", "YEARS_AHEAD", "extract_times", "plausible_year", "written_years"]

# A year outside these bounds cannot be this plan's (4549年, the damaged 0402年): its statement is kept as
# text with no value and rule "time.year.impossible" (a warning of the parse and of lint). 1949 and 2100 as
# the product owner set them; YEARS_AHEAD past the reference year leaves room for 2060 carbon-neutrality
# targets in 2021 plans and refuses 2121. Years before the reference date get no relative bound: plans
# cite history (1978年改革开放以来).
MIN_YEAR, MAX_YEAR, YEARS_AHEAD = 1949, 2100, 40
_WEEKDAY = re.compile(r"[一二三四五六日天](?![次回个遍学天])")  # 每周五, not 每周一次
# how far after the reference date a deadline without a year may be moved (`_ahead`)
_DEADLINE_AHEAD = timedelta(days=31)
_CELEBRATE_WIDTH = 6  # characters before a holiday searched for a celebrate word (庆祝, 纪念)
_LOOKAHEAD = 24  # characters the calendar grammar may look past the end of a statement
_TITLE_WORDS = re.compile(r"方案|计划|要点|规划|安排|思路")
_BOOK_TITLE = re.compile(r"《[^《》\n]*》")
_VERSION_NOTE = re.compile(r"[（(][^（）()\n]{0,16}(?:修订|修正|版|试行)[^（）()\n]{0,4}[）)]")
_DOC_LINE_DATE = re.compile(r"^[ \t\u3000]*([0-9０-９]{4}|[〇零○一二三四五六七八九]{4})年"
                            r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月"
                            r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日[ \t\u3000]*$", re.M)

# compiled once (not looked up in re's cache per statement)
_YEAR_DIGITS = re.compile(r"[0-9０-９]{4}")
# 12月26－28日: the two days after the month (the first without 日)
_DAY_PAIR = re.compile(r"月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:—+|–|－|-|~|～|至|到)\s*"
                       r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]$")
_DAY_AT_END = re.compile(r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]$")
_LEFT_MONTH = re.compile(r"(1[0-2]|0?[1-9])\s*(?:—+|–|－|-|~|～|至|到)")
# an arithmetic formula (计算方法：（本年度收入－上一年度收入）/上一年度收入×100%): a year named relatively inside
# it is a variable of the formula, not a time
_FORMULA_OP = re.compile(r"[/／÷×＝=]")
_CLAUSE_END = "。；;\n\t"
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_DAY = re.compile(r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]")
_WRITTEN_YEAR = re.compile(r"([0-9０-９]{4}|[〇零○ＯOoΟО一二三四五六七八九]{4})[ \u3000]*年")
_ZEROS = str.maketrans("OoΟО", "〇〇〇〇")  # a letter O written for a zero in a year (二O一八年)
_WEEKDAYS = "一二三四五六日天"  # 周日 and 周天 are both Sunday
_DOT_MD = re.compile(r"(1[0-2]|0?[1-9])[.．](3[01]|[12][0-9]|0?[1-9])")
_DOT_DAY = re.compile(r"(?<![0-9.．])(3[01]|[12][0-9]|0?[1-9])(?![0-9.．])")
_DOT_RANGE_DAYS = 92  # the longest dotted day range taken as a period (a quarter); longer is not a schedule
_STATED_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])\s*[）)]$")
# how far a stated weekday may move a date without a written year: to the year before or after
_WEEKDAY_YEARS = (1, -1)
_MULTIPLE_N = re.compile(r"[0-9０-９]+|[一两二三四五六七八九十]+")  # the N of 每N年
_CLOCK = re.compile(r"([0-9０-９]{1,2})\s*[:：时点]\s*([0-9０-９]{1,2}|半)?")

Interval = tuple[date, date]


@dataclass(slots=True)
class _Cal:
    """One calendar reference inside a statement, parsed into its parts."""

    start: int
    end: int
    year: int | None = None  # as written; may be implausible (damaged digits)
    month: int | None = None
    day: int | None = None
    mpart: Word | None = None
    ypart: Word | None = None
    rel: Word | None = None
    term: Word | None = None
    term_year: int | None = None
    school_year: bool = False  # 2019学年: the school year term_year, September to August
    week: Word | None = None  # 本周, 下周: a week relative to the reference date's
    weekday: int | None = None  # 1..7 (下周三)
    term_week: bool = False  # 第7周: a week of a school term, not resolved
    holidays: tuple[Holiday, ...] = ()
    stated_weekday: int | None = None  # 1..7: 1月9日（周四）, the weekday written after the date


@dataclass(slots=True)
class _Context:
    ref: date | None
    period: Interval | None = None
    last_day: date | None = None  # the last single day resolved so far (for clock times in a schedule)


@lru_cache(maxsize=4096)
def _num(s: str | None) -> int | None:
    # a pure function of a short string (2023, 九, 28) that plans repeat many times over
    if not s:
        return None
    return parse_number(unicodedata.normalize("NFKC", s).strip().translate(_ZEROS))


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(y: int, m: int) -> int:
    # as calendar.monthrange(y, m)[1], without working out the weekday it also returns
    if not 1 <= m <= 12:
        raise ValueError(f"month {m} is not 1..12")  # (the grammar's months and the rules' are; kept safe)
    return _MONTH_DAYS[m] + (m == 2 and _calendar.isleap(y))


def plausible_year(y: int | None, ref: date | None = None) -> bool:
    """A year a plan can mean: within MIN_YEAR..MAX_YEAR and not more than YEARS_AHEAD after ``ref``.

    >>> plausible_year(2060, date(2021, 9, 1)), plausible_year(2121, date(2021, 9, 1)), plausible_year(402)
    (True, False, False)
    """
    return y is not None and MIN_YEAR <= y <= MAX_YEAR and (ref is None or y <= ref.year + YEARS_AHEAD)


_plausible = plausible_year


def written_years(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int | None]]:
    """(start, end, value) of each year written with 年 in ``text[start:end]``: 2023年, 二O一八年, 4549年.

    >>> written_years("到二O一八年底，4549年")
    [(1, 6, 2018), (8, 13, 4549)]
    """
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), _num(m.group(1))) for m in _WRITTEN_YEAR.finditer(text, start, stop)]


def _impossible_year(text: str, s: int, e: int, ref: date | None) -> bool:
    """Whether a year written in ``text[s:e]`` (4549年, 二O一八年) is one no plan can mean."""
    return any(not _plausible(y, ref) for _, _, y in written_years(text, s, e))


def _holidays(g: TimeGrammar, written: str) -> tuple[Holiday, ...]:
    """The holidays named in ``written`` (“中秋”“国庆”), in the order written."""
    found = []
    for h in g.holidays:
        m = h.regex.search(written)
        if m:
            found.append((m.start(), h))
    return tuple(h for _, h in sorted(found, key=lambda x: x[0]))


def _word(g: TimeGrammar, role: str, m: re.Match[str], group: str) -> Word | None:
    return g.at(role, m.string, *m.span(group))


def _parse_cal(g: TimeGrammar, m: re.Match[str]) -> _Cal:
    """The parts of one calendar match (``m`` from `TimeGrammar.calendar`)."""
    # the branch that matched is the last group to close (the calendar's other groups sit inside its
    # branches), so read only that branch's parts rather than all ~45 groups
    kind, grp = m.lastgroup, m.group
    c = _Cal(*m.span())
    if kind == "numdate":
        c.year, c.month, c.day = _num(grp("ny")), _num(grp("nm")), _num(grp("nd"))
    elif kind == "mdweek":
        c.month, c.day = _num(grp("wm")), _num(grp("wd"))
    elif kind == "ycal":
        y, ym, yd, ymp, yhol, yyp = grp("y", "ym", "yd", "ymp", "yhol", "yyp")
        c.year = _num(y)
        c.month = _num(ym)
        c.day = _num(yd)
        if ymp:
            c.mpart = _word(g, "month-part", m, "ymp")
        if yhol:
            c.holidays = _holidays(g, yhol)
        if yyp:
            c.ypart = _word(g, "year-part", m, "yyp")
    elif kind == "mcal":
        mo, cm, md, cmd, mmp, cmp, cmmp = grp("m", "cm", "md", "cmd", "mmp", "cmp", "cmmp")
        c.month = _num(mo or cm)
        c.day = _num(md or cmd)
        part = "mmp" if mmp else "cmp" if cmp else "cmmp" if cmmp else None
        if part:
            c.mpart = _word(g, "month-part", m, part)
    elif kind == "relcal":
        c.rel = _word(g, "relative-year", m, "rel")
        relm, reld, relmp, relp = grp("relm", "reld", "relmp", "relp")
        c.month, c.day = _num(relm), _num(reld)
        if relmp:
            c.mpart = _word(g, "month-part", m, "relmp")
        if relp:
            c.ypart = _word(g, "year-part", m, "relp")
        relhol = grp("relhol")
        if relhol:
            c.holidays = _holidays(g, relhol)
    elif kind == "ypsa":
        c.ypart = _word(g, "year-part", m, "ypsa")
    elif kind == "termcal":
        sy = grp("sy")
        if sy:
            c.school_year, c.term_year = True, _num(sy)
        else:
            c.term = _word(g, "term", m, "term")
            c.term_year = _num(grp("ty"))
            cy = _num(grp("cy"))
            if cy is not None and c.term is not None and c.term.from_md:
                # 2022年秋季学期: the autumn term of school year 2022; 2022年春季学期: the spring term of 2021's
                c.term_year = cy if int(c.term.from_md[:2]) >= 8 else cy - 1
    elif kind == "relweek":
        c.week = _word(g, "relative-week", m, "rw")
        rwd = grp("rwd")
        c.weekday = _WEEKDAYS.index(rwd) % 7 + 1 if rwd else None
    elif kind == "termweek":
        c.term_week = True
    elif kind == "holcal":
        c.holidays = _holidays(g, grp("holcal"))
    elif kind == "bare":
        c.year = _num(grp("bare"))
    if m.string[m.end() - 1] in "）)":
        wd = _STATED_WEEKDAY.search(m.string, m.start(), m.end())
        if wd is not None:
            c.stated_weekday = _WEEKDAYS.index(wd.group(1)) % 7 + 1
    return c


def _needs_year(c: _Cal) -> bool:
    return (c.year is None and c.rel is None and c.term is None and not c.school_year and c.week is None
            and not c.term_week)


def _week_interval(c: _Cal, ctx: _Context) -> Interval | None:
    """本周 → Monday to Sunday of the reference date's week; 下周三 → that day of the next week."""
    if ctx.ref is None or c.week is None or c.week.offset is None:
        return None
    monday = ctx.ref - timedelta(days=ctx.ref.weekday()) + timedelta(weeks=c.week.offset)
    if c.weekday is not None:
        d = monday + timedelta(days=c.weekday - 1)
        return d, d
    return monday, monday + timedelta(days=6)


def _holiday_interval(c: _Cal, y: int) -> Interval | None:
    days: list[Interval] = []
    for h in c.holidays:
        d = holiday_date(h.calendar, y, month=h.month, day=h.day, term=h.term)
        if d is None:
            return None
        days.append((d, d + timedelta(days=h.days - 1)))
    if not days:
        return None
    return min(d[0] for d in days), max(d[1] for d in days)


def _school_year(d: date) -> int:
    """The school year (named by its autumn) that ``d`` falls in; summer belongs to the ending one."""
    return d.year if d.month >= 9 else d.year - 1


def _md(s: str, sy: int) -> date:
    mm, dd = (int(x) for x in s.split("-"))
    return date(sy if mm >= 9 else sy + 1, mm, dd)


def _term_interval(c: _Cal, ctx: _Context) -> Interval | None:
    w = c.term
    anchor = ctx.ref or (ctx.period[0] if ctx.period else None)
    if w is None or (anchor is None and c.term_year is None):
        return None
    if w.from_md and w.to_md:
        sy = c.term_year if c.term_year is not None else _school_year(anchor)  # type: ignore[arg-type]
        sy += w.term_offset or 0
        return _md(w.from_md, sy), _md(w.to_md, sy)
    assert anchor is not None
    # terms numbered 2*school_year (autumn) and 2*school_year+1 (spring)
    sy = _school_year(anchor)
    idx = 2 * sy + (0 if anchor <= date(sy + 1, 1, 20) else 1)
    idx += w.term_offset or 0
    sy2, half = divmod(idx, 2)
    start, end = (date(sy2, 9, 1), date(sy2 + 1, 1, 20)) if half == 0 else (date(sy2 + 1, 2, 21), date(sy2 + 1, 7, 10))
    if w.part == "first-day":
        return start, start
    if w.part == "start":
        return start, start + timedelta(days=13)
    if w.part == "end":
        return end - timedelta(days=20), end
    return start, end


def _interval_in(c: _Cal, y: int) -> Interval | None:
    """The days ``c`` covers in year ``y`` (for everything but terms)."""
    if c.holidays:
        return _holiday_interval(c, y)
    try:
        if c.month is not None:
            last = _last_day(y, c.month)
            if c.day is not None:
                d = date(y, c.month, c.day)
                return d, d
            if c.mpart is not None:
                end = last if c.mpart.end_day == -1 else min(c.mpart.end_day, last)
                return date(y, c.month, c.mpart.start_day), date(y, c.month, end)
            return date(y, c.month, 1), date(y, c.month, last)
        if c.ypart is not None:
            w = c.ypart
            return date(y, w.start_month, 1), date(y, w.end_month, _last_day(y, w.end_month))
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        # 2月30日 and the like: written, but no such day
        return None


def _ahead(c: _Cal, ctx: _Context, end: date | None) -> date | None:
    """A deadline day written without a year (1月5日下班前) that the plan's period put before the reference
    date, moved to the reference date's year when it falls there within `_DEADLINE_AHEAD` days after the
    reference date: a document sets deadlines after its own date (a 2024 appraisal plan issued 2025-01-03)."""
    ref = ctx.ref
    if (end is None or ref is None or end >= ref or c.day is None or c.month is None or not _needs_year(c)
            or c.holidays):
        return end
    for year in (ref.year, ref.year + 1):  # (1月5日前 in a document of 20 December: the next January)
        try:
            moved = end.replace(year=year)
        except ValueError:  # 2月29日
            continue
        if ref <= moved <= ref + _DEADLINE_AHEAD:
            return moved
    return end


def _plan_year(ctx: _Context) -> int | None:
    """The plan's own year when its period is one calendar year (2024年度考核工作方案), else ``None``."""
    p = ctx.period
    if p is None or p[0] != date(p[0].year, 1, 1) or p[1] != date(p[0].year, 12, 31):
        return None
    return p[0].year


def _place(c: _Cal, ctx: _Context, inherited: int | None) -> Interval | None:
    """`_place_year`, moved to the year before or after when a weekday is written after the date
    (1月9日（周四）) and falls on that weekday there but not in the year first chosen."""
    iv = _place_year(c, ctx, inherited)
    wd = c.stated_weekday
    if (wd is None or iv is None or iv[0] != iv[1] or iv[0].isoweekday() == wd or c.year is not None
            or c.rel is not None or c.day is None or c.month is None):
        return iv
    for step in _WEEKDAY_YEARS:
        try:
            d = iv[0].replace(year=iv[0].year + step)
        except ValueError:  # 2月29日
            continue
        if d.isoweekday() == wd:
            return d, d
    return iv


def _place_year(c: _Cal, ctx: _Context, inherited: int | None) -> Interval | None:
    """The days ``c`` covers in the year it is put in (for everything but terms): its own year, a year
    relative to ``inherited``, the plan's year (本年度) or the reference date, else the first year of the
    plan's period it falls in (the reference year if that is one), else the reference year."""
    if c.year is not None:
        return _interval_in(c, c.year) if _plausible(c.year, ctx.ref) else None
    if c.rel is not None:
        # 2023年9月至次年1月: 次年 counts from the left end's year when there is one
        base = inherited
        if base is None and c.rel.anchor != "reference":
            base = _plan_year(ctx)
        if base is None:
            base = ctx.ref.year if ctx.ref else (ctx.period[0].year if ctx.period else None)
        return None if base is None or c.rel.offset is None else _interval_in(c, base + c.rel.offset)
    if inherited is not None:
        return _interval_in(c, inherited)
    if ctx.period is not None:
        ps, pe = ctx.period
        ref_year = ctx.ref.year if ctx.ref else None
        first: Interval | None = None
        for y in range(ps.year, pe.year + 1):
            iv = _interval_in(c, y)
            if iv is not None and iv[0] <= pe and iv[1] >= ps:
                if y == ref_year:
                    return iv
                if first is None:
                    first = iv
        if first is not None:
            return first
    if ctx.ref is None:
        return None
    iv = _interval_in(c, ctx.ref.year)
    # a holiday already well past at the reference date is next year's
    if c.holidays and iv is not None and iv[1] < ctx.ref - timedelta(days=30):
        return _interval_in(c, ctx.ref.year + 1)
    return iv


def _resolve(c: _Cal, ctx: _Context, inherited: int | None = None) -> Interval | None:
    if c.school_year:
        return None if c.term_year is None else (date(c.term_year, 9, 1), date(c.term_year + 1, 8, 31))
    if c.term_week:
        return None
    if c.week is not None:
        return _week_interval(c, ctx)
    if c.term is not None:
        return _term_interval(c, ctx)
    return _place(c, ctx, inherited)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _cals(g: TimeGrammar, text: str, start: int, end: int) -> list[_Cal]:
    # look-aheads such as 2021(?=行动方案) must see a little past ``end``
    out = []
    for m in g.calendar.finditer(text, start, min(len(text), end + _LOOKAHEAD)):
        if m.start() >= end:
            break
        out.append(_parse_cal(g, m))
    return out


def _first_cal(g: TimeGrammar, text: str, start: int, end: int) -> _Cal | None:
    """The first of `_cals` (one search instead of all of them)."""
    m = g.calendar.search(text, start, min(len(text), end + _LOOKAHEAD))
    return None if m is None or m.start() >= end else _parse_cal(g, m)


def _cue_after(g: TimeGrammar, text: str, pos: int, end: int) -> Word | None:
    seg = text[pos:end].strip(" \t\u3000")
    return g.cue(seg) if seg else None


def _count(g: TimeGrammar, text: str, pos: int) -> int | None:
    m = g.count.match(text, pos)
    if not m:
        return None
    return _num(m.group("n"))


def _range_value(g: TimeGrammar, text: str, s: int, e: int, ctx: _Context) -> TimeValue:
    bare = g.bare_range.search(text, s, e)
    if bare:
        ys = [int(unicodedata.normalize("NFKC", x)) for x in _YEAR_DIGITS.findall(bare.group())]
        return TimeValue(start=f"{ys[0]:04d}-01-01", end=f"{ys[-1]:04d}-12-31")
    cals = _cals(g, text, s, e)
    pair = _DAY_PAIR.search(text, s, e) if len(cals) == 1 and cals[0].day is None else None
    if pair is not None:
        d1, d2 = _num(pair.group(1)), _num(pair.group(2))
        liv = _resolve(replace(cals[0], day=d1), ctx) if d1 and d2 and d2 >= d1 else None
        if liv is None or d2 is None:
            return TimeValue()
        try:
            return TimeValue(start=liv[0].isoformat(), end=liv[0].replace(day=d2).isoformat())
        except ValueError:
            return TimeValue(start=liv[0].isoformat())
    if len(cals) == 1 and cals[0].start == s + (1 if text[s] in "从自" else 0) and cals[0].day is not None:
        # 10月8日至12日: the right end is a bare day in the left end's month
        left = cals[0]
        day_m = _DAY_AT_END.search(text[left.end:e])
        liv = _resolve(left, ctx)
        rd = _num(day_m.group(1)) if day_m else None
        if liv is None or rd is None or rd < liv[0].day:
            return TimeValue()
        try:
            return TimeValue(start=liv[0].isoformat(), end=liv[0].replace(day=rd).isoformat())
        except ValueError:
            return TimeValue(start=liv[0].isoformat())
    if len(cals) == 1:
        # 5—6月: the left end is a bare month number sharing the right end's year
        right = cals[0]
        left_m = _LEFT_MONTH.search(text[s:right.start])
        if left_m is None:
            return TimeValue()
        riv = _resolve(right, ctx)
        if riv is None:
            return TimeValue()
        lm = int(left_m.group(1))
        ly = riv[0].year if lm <= riv[0].month else riv[0].year - 1
        return TimeValue(start=date(ly, lm, 1).isoformat(), end=riv[1].isoformat())
    if len(cals) < 2:
        return TimeValue()
    left, right = cals[0], cals[-1]
    liv = _resolve(left, ctx)
    if liv is None:
        return TimeValue()
    after = g.prefix("range-after", text, _skip_space(text, left.end, e))
    if after is not None and g.prefix("range-sep", text, _skip_space(text, after[1], e)) is not None:
        # 春节后至“七一”前: from the day after the left end; a holiday is its own date, as the corpus guide
        # resolves it (春节后 starts on 春节, as 春节前 ends on it)
        nxt = liv[0] if left.holidays else liv[1] + timedelta(days=1)
        liv = (nxt, nxt)
    inherit = None
    if right.rel is not None:
        inherit = liv[0].year
    elif _needs_year(right):
        inherit = liv[0].year
        riv0 = _interval_in(right, inherit)
        if riv0 is not None and riv0[1] < liv[0]:
            inherit += 1
    return TimeValue(start=_iso(liv[0]), end=_iso(_right_end(g, text, right, e, ctx, inherit)))


def _right_end(g: TimeGrammar, text: str, right: _Cal, e: int, ctx: _Context, inherit: int | None) -> date | None:
    """The last day of a period whose right end is ``right``: its last day; the holiday's own date when a 前
    follows a holiday (年初至春节前 ends on 春节, as a lone 春节前 does); the day before it begins when 前夕
    follows it, or 前 follows a term (寒假前)."""
    riv = _resolve(right, ctx, inherit)
    if riv is None:
        return None
    cue = _cue_after(g, text, right.end, e)
    if cue is not None and (cue.role == "eve" or (cue.role == "deadline-suffix" and _begins_before(right))):
        return riv[0] - timedelta(days=1)
    if cue is not None and cue.role == "deadline-suffix" and right.holidays:
        return riv[0]
    return riv[1]


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\u3000":
        pos += 1
    return pos


def _begins_before(c: _Cal) -> bool:
    """Whether ``X前`` ends the day before ``c`` begins (a term other than its end: 寒假前, 开学前) rather than on
    its last day (9月28日前, 年底前). A holiday's 前 ends on the holiday's own date (国庆前 → 10-01): the corpus
    guide resolves a holiday to its date and keeps "the day before" for 前夕."""
    return c.term is not None and c.term.part != "end"


def _infer_reference(text: str) -> date | None:
    """The document's own date: the last line that is only a full date (the 落款 date)."""
    found = None
    for m in _DOC_LINE_DATE.finditer(text):
        y, mo, d = _num(m.group(1)), _num(m.group(2)), _num(m.group(3))
        if y and mo and d and _plausible(y):
            try:
                found = date(y, mo, d)
            except ValueError:
                continue
    return found


def _excluded(text: str) -> list[tuple[int, int]]:
    """Spans whose dates are not this plan's: titles of other documents in 《》 with a following version
    note (《学校体育工作条例》（2017年修订）). A 《》 title that repeats this document's own title (a notice
    issuing 《…行动计划（2021-2023年）》) is the plan itself and keeps its dates."""
    head = "\n".join(line for line in text[:2000].splitlines()[:5] if "。" not in line)
    out = []
    for m in _BOOK_TITLE.finditer(text):
        inner = m.group()[1:-1]
        if m.start() > 0 and len(inner) >= 6 and inner in head:
            continue
        end = m.end()
        note = _VERSION_NOTE.match(text, end)
        if note:
            end = note.end()
        out.append((m.start(), end))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _outside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test that ``pos`` is in none of ``spans`` (as ``not _inside``), by binary search: spans sorted by
    start, with the furthest end reached so far."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach: list[int] = []
    for _, b in ordered:
        reach.append(max(b, reach[-1]) if reach else b)

    def test(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i < 0 or reach[i] <= pos

    return test


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the first three non-empty lines that look like a plan title (short, no 。, a plan word)."""
    out: list[tuple[int, int]] = []
    pos, seen = 0, 0
    while pos < len(text) and seen < 3:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        line = text[pos:end]
        if line.strip():
            seen += 1
            if len(line) <= 80 and "。" not in line and _TITLE_WORDS.search(line):
                out.append((pos, end))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _plan_period(g: TimeGrammar, text: str, matches: list[tuple[int, int, str]], ctx: _Context) -> Interval | None:
    """The plan's own period: from its title (（2021—2023年）, 2021年度工作要点, 数字山东2021行动方案),
    else from the first 从…开始，…基本结束 sentence that resolves."""
    titles = _title_lines(text)
    for ms, me, kind in matches:
        if not titles or ms >= titles[-1][1]:
            break  # matches are in text order: none later is on a title line
        if not any(a <= ms < b for a, b in titles):
            continue
        if kind == "range":
            v = _range_value(g, text, ms, me, ctx)
            if v.start and v.end:
                return date.fromisoformat(v.start), date.fromisoformat(v.end)
        elif kind == "dated":
            cals = _cals(g, text, ms, me)
            if cals and ((cals[0].year is not None and cals[0].month is None and cals[0].ypart is None
                          and not cals[0].holidays) or cals[0].term_year is not None):
                # 2021年度工作要点, 2019学年工作计划, 2009学年第二学期工作思路
                iv = _resolve(cals[0], ctx)
                if iv:
                    return iv
    for ms, me, kind in matches:
        if kind == "run":
            v = _range_value(g, text, ms, me, ctx)
            if v.start and v.end:
                return date.fromisoformat(v.start), date.fromisoformat(v.end)
    return None


def _scan(
    g: TimeGrammar, text: str, excluded: list[tuple[int, int]], *, fast: bool = True
) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every statement in text order: one pass of the statement grammar (behind its
    candidate filter when ``fast``, else the plain regex), then 主题教育期间-style campaign periods, looked
    for from the (rare) word 期间 backwards."""
    matches = g.statements.finditer(text) if fast else g.statement.finditer(text)
    found = [(m.start(), m.end(), g.kind(m)) for m in matches]
    taken = [(s, e) for s, e, _ in found]
    extra = []
    for m in g.during.finditer(text):
        c = g.campaign.search(text, max(0, m.start() - 8), m.start())
        if c is None or any(s < m.end() and c.start() < e for s, e in taken):
            continue
        extra.append((c.start(), m.end(), "campaign"))
    extra.extend(_plan_period_names(g, text, taken))
    if extra:
        found = sorted(found + extra)
    if not excluded:
        return found
    keep = _outside(excluded)
    return [t for t in found if keep(t[0])]


def _plan_period_names(g: TimeGrammar, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The mentions of the five-year plan the title (the first line) names: the plan's own period
    (山东省“十四五”教育事业发展规划 … “十四五”时期是…). Elsewhere 十四五 is the country's plan, not a date."""
    choice = g.choices.get("five-year-plan")
    if choice is None or not choice.words:
        return []
    body = text.lstrip()
    title = body[: body.find("\n")] if "\n" in body else ""
    if not title or any(ch in title for ch in "。；;！？!?"):
        return []  # no title line: a sentence, or a text of one line
    out = []
    for w in choice.words:
        if w.regex.search(title) is None:
            continue
        for m in w.regex.finditer(text):
            end = m.end() + (2 if text.startswith(("时期", "期间"), m.end()) else 0)
            if not any(s < end and m.start() < e for s, e in taken):
                out.append((m.start(), end, "five-year-plan"))
    return out


def extract_times(
    document: Document, root: Section, *, reference_date: date | None = None, rules: TimeGrammar | None = None,
    sections: SectionIndex | None = None, fast: bool = True,
) -> tuple[tuple[TimeExpression, ...], TimeValue | None]:
    """All time expressions of ``document`` in text order, and the plan's own period (or ``None``).

    Dates without a year are placed inside the plan's period when it states one, else in the year of
    ``reference_date`` (or of the document's own date line when no reference date is given). ``rules``: the
    time grammar (the shipped one when not given); ``sections``: the tree's `SectionIndex`, if at hand;
    ``fast=False``: the statement grammar searched without its candidate filter (the same expressions).

    >>> from textkit.model import Document, Section
    >>> doc = Document(text="9月28日前，要集中梳理出一批突出问题。每月20日前后组织1次集体学习。")
    >>> times, _ = extract_times(doc, Section(kind="document", start=0, end=len(doc.text)),
    ...                          reference_date=date(2023, 9, 1))
    >>> [(t.text, t.kind, t.value.end or t.value.freq) for t in times]
    [('9月28日前', 'deadline', '2023-09-28'), ('每月20日前后', 'recurrence', 'monthly')]
    """
    g = rules if rules is not None else grammar()
    text = document.text
    excluded = _excluded(text)
    ctx = _Context(ref=reference_date or _infer_reference(text))
    matches = _scan(g, text, excluded, fast=fast)
    period = _plan_period(g, text, matches, ctx)
    ctx.period = period
    if ctx.ref is None and period is not None:
        ctx.ref = period[0]

    out: list[TimeExpression] = []
    if sections is None:
        sections = SectionIndex(root)
    yearly_end = -1  # the end of the last 每年M月… statement: a month without a year after it in the sentence
    for s, e, kind in matches:
        while e > s and text[e - 1] in " \t\u3000":
            e -= 1
        while s < e and text[s] in " \t\u3000":
            s += 1
        if kind == "dated" and _in_formula(g, text, s, e):
            continue
        made = _statement(g, text, s, e, kind, ctx)
        if made is None:
            continue
        tkind, value, rule = made
        if tkind == "recurrence" and value.freq == "yearly" and value.day and "月" in value.day:
            yearly_end = e
        elif yearly_end >= 0 and kind == "dated" and _same_sentence(text, yearly_end, s) and "年" not in text[s:e]:
            # 每年2月底前…完成，3月底前…完成: the second month is every year's too
            md = g.calendar.match(text, s, e)
            if md is not None and "月" in md.group():
                tkind, rule = "recurrence", "time.recurrence.yearly"
                value = TimeValue(freq="yearly", day=re.sub(r"\s", "", md.group()))
        if kind not in ("recur", "vague") and _impossible_year(text, s, e, ctx.ref):
            value, rule = TimeValue(), "time.year.impossible"
        out.append(_Time(start=s, end=e, text=text[s:e], kind=tkind, value=value,  # type: ignore[arg-type]
                                  rule_id=rule, section=sections.id_at(s)))
    plan_period = TimeValue(start=_iso(period[0]), end=_iso(period[1])) if period else None
    return tuple(out), plan_period


def _same_sentence(text: str, a: int, b: int) -> bool:
    """No sentence end (。；! ? or a line break) between offsets ``a`` and ``b``."""
    return _SENTENCE_END.search(text, a, b) is None


def _in_formula(g: TimeGrammar, text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a year named by a word alone (本年度, 上一年度, 全年) inside a clause holding an
    arithmetic operator, i.e. a variable of a formula?"""
    if not any((hit := g.prefix(role, text, s)) is not None and hit[1] == e for role in ("relative-year", "year-part")):
        return False
    a = max(text.rfind(ch, 0, s) for ch in _CLAUSE_END) + 1
    ends = [i for i in (text.find(ch, e) for ch in _CLAUSE_END) if i >= 0]
    return _FORMULA_OP.search(text, a, min(ends) if ends else len(text)) is not None


def _statement(
    g: TimeGrammar, text: str, s: int, e: int, kind: str, ctx: _Context
) -> tuple[str, TimeValue, str] | None:
    """Kind, value and rule id of one statement match; ``None`` when it is not a date after all."""
    if kind == "run":
        return "period", _range_value(g, text, s, e, ctx), "time.period.start-end"
    if kind == "range":
        v = _range_value(g, text, s, e, ctx)
        return "period", v, "time.period.range"
    if kind == "nowrun":
        right = _first_cal(g, text, s, e)
        end = _right_end(g, text, right, e, ctx, None) if right is not None else None
        return "period", TimeValue(end=_iso(end)), "time.period.from-now"
    if kind == "dotrange":
        return _dot_range(text, s, e, ctx)
    if kind == "weekday":
        # 周六在内, 周一至周五: a standing rule's day of every week
        day = "周" + text[e - 1] if e - s <= 3 else text[s:e]
        return "recurrence", TimeValue(freq="weekly", day=day), "time.recurrence.weekday"
    if kind == "vague":
        return "vague", TimeValue(), "time.vague"
    if kind == "campaign":
        p = ctx.period
        return "period", TimeValue(start=_iso(p[0]) if p else None, end=_iso(p[1]) if p else None), "time.period.campaign"
    if kind == "five-year-plan":
        hit = g.prefix("five-year-plan", text, s)
        if hit is None:
            return None
        y = hit[0].start_year
        return "period", TimeValue(start=f"{y:04d}-01-01", end=f"{y + 4:04d}-12-31"), "time.period.five-year-plan"
    if kind == "recur":
        return _recurrence(g, text, s, e)
    if kind == "clock":
        return _clock(g, text, s, e, ctx)
    if kind == "dated":
        return _dated(g, text, s, e, ctx)
    return None


def _dot_range(text: str, s: int, e: int, ctx: _Context) -> tuple[str, TimeValue, str] | None:
    """10.16-10.22 (or 10.16—22): a period of days, the right end in the left end's year or the next; not
    a date after all when the ends are not days in order within a quarter (3.5-2.1)."""
    left = _DOT_MD.match(text, s)
    if left is None:
        return None
    right = _DOT_MD.search(text, left.end(), e)
    lm, ld = int(left.group(1)), int(left.group(2))
    if right is not None:
        rm, rd = int(right.group(1)), int(right.group(2))
    else:
        day = _DOT_DAY.search(text, left.end(), e)
        if day is None:
            return None
        rm, rd = lm, int(day.group(1))
    liv = _resolve(_Cal(s, left.end(), month=lm, day=ld), ctx)
    if liv is None:
        return None
    year = liv[0].year + (1 if (rm, rd) < (lm, ld) else 0)  # 12.28-1.3 runs into the next year
    try:
        end = date(year, rm, rd)
    except ValueError:
        return None
    if not timedelta(0) <= end - liv[0] <= timedelta(days=_DOT_RANGE_DAYS):
        return None
    return "period", TimeValue(start=liv[0].isoformat(), end=end.isoformat()), "time.period.dotted"


def _recurrence(g: TimeGrammar, text: str, s: int, e: int) -> tuple[str, TimeValue, str] | None:
    hit = g.prefix("recurrence", text, s)
    if hit is None:
        return None
    w, wend = hit
    # 每月1500元, 每月津贴400元: a rate, not a repetition in time
    if g.prefix("rate", text, wend) is not None:
        return None
    count = _count(g, text, wend)
    if w.needs_count and count is None:
        return None
    day = None
    dm = _DAY.search(text[wend:e])
    wd = _WEEKDAY.match(text, wend, e) if w.freq == "weekly" else None
    md = g.calendar.match(text, wend, e) if w.freq == "yearly" and wend < e else None
    if wd:
        day = "周" + wd.group()
    elif md:
        day = re.sub(r"\s", "", md.group())  # 每年2月底前: the day of the year, 2月底
    elif dm:
        d = _num(dm.group(1))
        day = str(d) if d else None
    interval = None
    if w.multiple:
        n = _MULTIPLE_N.search(text, s, wend)
        interval = _num(n.group()) if n else None
    return ("recurrence", TimeValue(freq=w.freq, count=count, day=day, interval=interval),
            f"time.recurrence.{w.freq}")


def _clock(g: TimeGrammar, text: str, s: int, e: int, ctx: _Context) -> tuple[str, TimeValue, str] | None:
    first = _first_cal(g, text, s, e)
    day: date | None = None
    if first is not None:
        iv = _resolve(first, ctx)
        if iv is not None and iv[0] == iv[1]:
            day = iv[0]
            ctx.last_day = day
    else:
        day = ctx.last_day
    seg = text[first.end if first is not None else s:e]
    cm = _CLOCK.search(seg)
    hhmm = None
    if cm:
        h = _num(cm.group(1)) or 0
        mi = 30 if cm.group(2) == "半" else (_num(cm.group(2)) or 0)
        pre = g.prefix("clock-prefix", seg.lstrip(" \t\u3000"))
        if pre is not None and pre[0].pm and h < 12:
            h += 12
        hhmm = f"{h:02d}:{mi:02d}"
    if g.prefix("deadline-suffix", text, e) is not None:
        # 12月29日中午11:30前报送: a deadline on that day, at that time
        return "deadline", TimeValue(end=_iso(day), time=hhmm), "time.deadline.clock"
    return "time", TimeValue(start=_iso(day), end=_iso(day), time=hhmm), "time.clock"


def _dated(g: TimeGrammar, text: str, s: int, e: int, ctx: _Context) -> tuple[str, TimeValue, str] | None:
    c = _first_cal(g, text, s, e)
    if c is None:
        return None
    if c.rel is not None and c.rel.anchor == "plan-only" and _plan_year(ctx) is None:
        return None  # 在新的一年中 in a term plan: a wish, not a year
    prefix = text[s:c.start].strip(" \t\u3000")
    pre = g.first("deadline-prefix", prefix) if prefix else None
    cue = _cue_after(g, text, c.end, e)
    if (c.holidays and cue is None and pre is None and c.year is None and c.rel is None
            and g.celebrate.search(text, max(0, s - _CELEBRATE_WIDTH), s) is not None):
        return None  # 庆祝建党节重要讲话: the holiday is what is celebrated, an event
    iv = _resolve(c, ctx)
    start, end = (iv[0], iv[1]) if iv else (None, None)
    if iv is not None and iv[0] == iv[1]:
        ctx.last_day = iv[0]
    if cue is not None and cue.role == "eve":
        return "deadline", TimeValue(end=_iso(start - timedelta(days=1)) if start else None), "time.deadline.eve"
    if cue is not None and cue.role == "deadline-suffix":
        if _begins_before(c) and start is not None:
            # 寒假前, 开学前: before the term begins
            return "deadline", TimeValue(end=_iso(start - timedelta(days=1))), "time.deadline.before-start"
        if c.holidays and start is not None:
            # 国庆前: by the holiday's own date, as 9月28日前 is by 9月28日 (前夕 is the day before)
            return "deadline", TimeValue(end=_iso(start)), "time.deadline.before-holiday"
        return "deadline", TimeValue(end=_iso(_ahead(c, ctx, end))), "time.deadline.before"
    if pre is not None:
        return "deadline", TimeValue(end=_iso(_ahead(c, ctx, end))), "time.deadline.by"
    if cue is not None and cue.role == "during":
        return "period", TimeValue(start=_iso(start), end=_iso(end)), "time.period.during"
    if (cue is not None and cue.role == "start-suffix") or prefix in ("从", "自"):
        return "period", TimeValue(start=_iso(start)), "time.period.from"
    if cue is not None and cue.role == "after-suffix":
        # 9月28日后: from the day after; a holiday is its own date (国庆后 starts on 国庆, as 国庆前 ends on it)
        after = start if c.holidays else end + timedelta(days=1) if end else None
        return "period", TimeValue(start=_iso(after)), "time.period.after"
    if cue is not None and cue.role == "around":
        return "point", TimeValue(start=_iso(start), end=_iso(end)), "time.point.around"
    # 2020年初步建成…: a bare date followed by a completion verb is a deadline, unless its year is already
    # past at the reference date (2020年实现主营业务收入109.1亿元 in a 2021 plan reports a result)
    past = end is not None and ctx.ref is not None and end.year < ctx.ref.year
    if g.prefix("completion", text, e) is not None and c.day is None and not past:
        return "deadline", TimeValue(end=_iso(end)), "time.deadline.completion"
    if c.ypart is not None and c.ypart.kind == "deadline":
        return "deadline", TimeValue(end=_iso(end)), f"time.deadline.{c.ypart.id}"
    if c.term is not None:
        return "point", TimeValue(start=_iso(start), end=_iso(end)), f"time.{c.term.id}"
    if c.school_year:
        return "point", TimeValue(start=_iso(start), end=_iso(end)), "time.school-year"
    if c.week is not None:
        return "point", TimeValue(start=_iso(start), end=_iso(end)), f"time.{c.week.id}"
    if c.term_week:
        return "point", TimeValue(), "time.term-week"
    if c.holidays:
        return "point", TimeValue(start=_iso(start), end=_iso(start)), "time.point.holiday"
    return "point", TimeValue(start=_iso(start), end=_iso(end)), "time.point"
