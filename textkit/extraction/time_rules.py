"""The grammar of plan dates, built from the word lists in ``textkit/data/time.toml`` and ``holidays.toml``.

The data files hold the words (month parts, recurrence words, cue words, holiday names); this module
puts them together into two regular expressions: `TimeGrammar.statement` finds whole time statements
(``从2023年9月开始，2024年1月基本结束``, ``9月28日前``, ``每月20日前后``) in one left-to-right pass, and
`TimeGrammar.calendar` finds and names the parts of each calendar reference inside a statement.
Whole documents are scanned with `TimeGrammar.statements`, a `Scanner` that finds the same matches as
``statement.finditer`` but tries the big expression only where its first three characters can occur.

>>> g = grammar()
>>> g.statement.search("9月28日前，要集中梳理").group()
'9月28日前'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from textkit.errors import RuleError
from textkit.patterns import Scanner, compiled, guarded, save_memos
from textkit.rules import Field, compile_pattern, load_layered

__all__ = ["CUE_ROLES", "Choice", "Holiday", "TimeGrammar", "Word", "grammar"]

ROLES = (
    "year-part", "month-part", "relative-year", "term", "recurrence", "vague", "deadline-prefix",
    "deadline-suffix", "eve", "around", "during", "start-suffix", "after-suffix", "end-suffix", "completion",
    "plan-type", "campaign", "clock-prefix", "rate", "range-sep", "relative-week", "five-year-plan",
    "run-start", "range-after", "holiday-cue", "celebrate", "now",
)
# the cue words after a date, in the order they are told apart (前夕 before 前)
CUE_ROLES = ("eve", "around", "during", "deadline-suffix", "start-suffix", "after-suffix")
# what a relative-year word counts from: the reference date's year; the plan's own year when its period is
# one calendar year (else the reference date's); the plan's own year only (else not a date at all)
ANCHORS = ("reference", "plan", "plan-only")
FREQS = ("daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly", "termly")

WORD_SCHEMA: dict[str, Field] = {
    "id": Field(required=True),
    "role": Field(required=True, choices=ROLES),
    "pattern": Field(required=True, regex=True),
    "start_month": Field(types=int), "end_month": Field(types=int),
    "start_day": Field(types=int), "end_day": Field(types=int),
    "offset": Field(types=int),
    "kind": Field(choices=("point", "deadline", "period")),
    "freq": Field(choices=FREQS),
    "needs_count": Field(types=bool),
    "from_md": Field(), "to_md": Field(),
    "term_offset": Field(types=int),
    "part": Field(choices=("whole", "start", "end", "first-day")),
    "pm": Field(types=bool),
    "start_year": Field(types=int),
    "multiple": Field(types=bool),
    "anchor": Field(choices=ANCHORS),
}
HOLIDAY_SCHEMA: dict[str, Field] = {
    "id": Field(required=True),
    "names": Field(types=list, required=True, regex=True),
    "word_names": Field(types=list, regex=True),
    "calendar": Field(required=True, choices=("solar", "lunar", "term")),
    "month": Field(types=int), "day": Field(types=int),
    "term": Field(),
    "days": Field(types=int),
}


@dataclass(frozen=True, slots=True)
class Word:
    """One entry of time.toml, its pattern compiled for matching at a position."""

    id: str
    role: str
    pattern: str
    regex: re.Pattern[str]
    start_month: int = 1
    end_month: int = 12
    start_day: int = 1
    end_day: int = -1
    offset: int | None = None
    kind: str = "point"
    freq: str = ""
    needs_count: bool = False
    from_md: str = ""
    to_md: str = ""
    term_offset: int | None = None
    part: str = "whole"
    pm: bool = False
    start_year: int = 0  # five-year-plan: its first year (十四五: 2021)
    multiple: bool = False  # recurrence: the word holds a number of freq periods (每三年: interval 3)
    anchor: str = "reference"  # relative-year: what it counts from (ANCHORS)


@dataclass(frozen=True, slots=True)
class Holiday:
    """One entry of holidays.toml."""

    id: str
    regex: re.Pattern[str]
    calendar: str
    month: int = 0
    day: int = 0
    term: str = ""
    days: int = 1


@dataclass(frozen=True, slots=True)
class Choice:
    """Words tried in order as one expression, one regex call instead of one per word: each word's pattern
    is a capturing group, and the engine tries the alternatives in order and stops at the first that
    matches (with ``fullmatch``, the first that matches all of the text), so the group that took part
    names the word that a loop over the words would have found."""

    regex: re.Pattern[str]
    words: tuple[Word, ...]
    index: dict[int, int]  # group number → its word's place (a word's own groups, if any, sit inside its group)

    @staticmethod
    def of(words: Sequence[Word]) -> Choice:
        index, n = {}, 1
        for i, w in enumerate(words):
            index[n] = i
            n += 1 + w.regex.groups
        body = "|".join(f"({w.pattern})" for w in words) if words else "(?!)"
        return Choice(compiled(body), tuple(words), index)

    def word(self, m: re.Match[str] | None) -> Word | None:
        """The word whose group took part in ``m``, a match of `regex`."""
        return None if m is None else self.words[self.index[m.lastindex or 0]]


@dataclass(frozen=True, slots=True)
class TimeGrammar:
    """Compiled grammar: the statement scanner, the calendar parser and the word tables by role."""

    statement: re.Pattern[str]
    statements: Scanner  # `statement` behind a candidate filter: use its finditer to scan whole documents
    calendar: re.Pattern[str]
    count: re.Pattern[str]
    words: dict[str, tuple[Word, ...]]
    choices: dict[str, Choice]  # the words of each role as one expression
    cues: Choice  # the words of CUE_ROLES, role after role
    holidays: tuple[Holiday, ...]
    bare_range: re.Pattern[str]
    during: re.Pattern[str]  # 期间 on its own, to find campaign periods (主题教育期间)
    campaign: re.Pattern[str]  # a campaign word ending where 期间 starts
    celebrate: re.Pattern[str]  # a celebrate word ending where a holiday starts (庆祝建党节): an event

    def kind(self, m: re.Match[str]) -> str:
        """The kind of a `statement` match: run, nowrun, range, dotrange, clock, dated, recur, weekday or vague.

        Told by which branch of `statement` took part, each asked for by name: a calendar branch then by
        its tail (a 开始…结束 run, a range, a clock time, or none: a plain dated statement)."""
        whole_range, cal, clock, recur, dots, day = m.group("range", "cal", "clock", "recur", "dotrange", "weekday")
        if m.group("nowrun") is not None:
            return "nowrun"
        if dots is not None:
            return "dotrange"
        if day is not None:
            return "weekday"
        if cal is not None:
            run, rangetail, clocktail = m.group("run", "rangetail", "clocktail")
            if run is not None:
                return "run"
            if rangetail is not None:
                return "range"
            if clocktail is not None:
                return "clock"
            return "dated"
        if whole_range is not None:
            return "range"
        if clock is not None:
            return "clock"
        if recur is not None:
            return "recur"
        return "vague"

    def at(self, role: str, text: str, start: int, end: int) -> Word | None:
        """The first word of ``role`` that matches ``text[start:end]`` exactly, in context (look-arounds
        see the text around it); a year part written after a year (2020年底) may take that 年 back."""
        choice = self.choices.get(role)
        if choice is None:
            return None
        for pos in (start, start - 1):
            if pos < start and (pos < 0 or text[pos] != "年"):
                break
            m = choice.regex.match(text, pos)
            if m is None:
                continue
            i = choice.index[m.lastindex or 0]
            if m.end() == end:
                return choice.words[i]
            # the first word to match ends elsewhere: a later one may still end at ``end``
            for later in choice.words[i + 1:]:
                lm = later.regex.match(text, pos)
                if lm and lm.end() == end:
                    return later
        return None

    def first(self, role: str, text: str) -> Word | None:
        """The first word of ``role`` whose pattern matches all of ``text``."""
        choice = self.choices.get(role)
        return choice.word(choice.regex.fullmatch(text)) if choice is not None else None

    def cue(self, text: str) -> Word | None:
        """The first word of the first of `CUE_ROLES` whose pattern matches all of ``text`` (as `first`, role
        after role)."""
        return self.cues.word(self.cues.regex.fullmatch(text))

    def prefix(self, role: str, text: str, pos: int = 0) -> tuple[Word, int] | None:
        """The first word of ``role`` matching at ``pos`` of ``text``, with its end offset."""
        choice = self.choices.get(role)
        if choice is None:
            return None
        m = choice.regex.match(text, pos)
        word = choice.word(m)
        return None if m is None or word is None else (word, m.end())


SP = r"[ \u3000]*"  # not tabs: a tab separates table cells
DIGIT = "[0-9０-９]"
# a zero in a year is written 〇, 零, ○, or a letter O (Latin, full-width, Greek or Cyrillic: 二O一八年)
CN_YEAR_DIGIT = "[〇零○ＯOoΟО一二三四五六七八九]"
YEAR4 = rf"(?:(?<![0-9０-９]){DIGIT}{{4}}(?![0-9０-９])|{CN_YEAR_DIGIT}{{4}})"
BARE_YEAR = r"(?<![0-9０-９.])(?:19|20|１９|２０)[0-9０-９]{2}(?![0-9０-９%])"
DIGIT_MONTH = r"(?<![0-9０-９.])(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９])(?![0-9０-９])"
CN_MONTH = r"(?:十[一二]?|(?<![十〇零一二三四五六七八九])[一二三四五六七八九])"
MONTH_NUM = f"(?:{DIGIT_MONTH}|{CN_MONTH})"
DAY_NUM = (
    r"(?:(?<![0-9０-９])(?:3[01]|[12][0-9]|0?[1-9]|[０-３]?[０-９])(?![0-9０-９])"
    r"|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
)
WEEKDAY = rf"{SP}[（(]{SP}(?:周|星期|礼拜)[一二三四五六日天]{SP}[）)]"
CLOCK_COLON = r"(?<![0-9０-９.:：])(?:[01]?[0-9]|2[0-3]|[０１]?[０-９]|２[０-３])" + SP + "[:：]" + SP + \
    r"[0-5０-５][0-9０-９](?![0-9０-９万千百亿%:：])"  # not a ratio such as 1:10万
CLOCK_HOUR = r"(?<![0-9０-９])(?:[01]?[0-9]|2[0-3])[时点](?:[0-5]?[0-9]分|半|整)?"
# 每周五: a weekday right after a weekly word (not 每周一次, a count)
WEEKDAY_AFTER = r"(?<=周|期)[一二三四五六日天](?![次回个遍学天])"
COUNT_NUM = r"[0-9０-９]+|[一两二三四五六七八九十]+"
WEEKDAY_CHAR = "[一二三四五六日天]"
TERM_WEEK = r"第(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})周(?![年岁期])"
# 周六, 星期三, 周一至周五 standing alone: a day of every week (a standing rule's 周六在内). After 周 only where a
# word that cannot continue a name follows (周一鸣 is a person), and not after a word that makes 周 something
# else (每周一 is a recurrence word's, 一周 a duration, 四周 the surroundings)
_ONE_DAY = (r"(?:(?<![每本上下这该当一二三四五六七八九十两几第个半同四圆])周|星期|礼拜)"
            rf"{WEEKDAY_CHAR}")
LONE_WEEKDAY = (rf"{_ONE_DAY}(?:{SP}(?:至|到|—+|-|－|~|～|、|和|及|与){SP}(?:周|星期|礼拜)?{WEEKDAY_CHAR})*"
                r"(?=[上下中晚早全放在，。、；：,;.!?！？）)\]」”\"至到和及与或前后\s]|$)")
# 10.16-10.22, 10.16—22: a period of days written month.day; not a decimal range (1.5-2.5倍), so no digit or
# dot before it, and no digit, dot, per cent or counting word after it
DOT_MD = r"(?:1[0-2]|0?[1-9])[.．](?:3[01]|[12][0-9]|0?[1-9])"
DOT_RANGE = (rf"(?<![0-9０-９.．A-Za-z]){DOT_MD}(?:{WEEKDAY})?{SP}(?:—+|–|－|-|~|～|至|到){SP}"
             rf"(?:{DOT_MD}|(?:3[01]|[12][0-9]|0?[1-9]))(?:{WEEKDAY})?"
             r"(?![0-9０-９.．%％‰]|\s*[倍万亿千百元米个人次分秒吨岁项家所件台本])")


def _either(*alts: str) -> str:
    """``(?:a|b|…)`` with each alternative behind a test of its first character (`guarded`: the same
    matches). The engine skips an alternative that cannot start here on that one test instead of
    entering its look-behinds, groups and optional parts; about a quarter off a statement or calendar
    match."""
    return "(?:" + "|".join(guarded(a) for a in alts) + ")"


def _alt(words: Sequence[Word]) -> str:
    return "(?:" + "|".join(w.pattern for w in words) + ")" if words else "(?!)"


def _strip_year(pattern: str) -> str | None:
    """``年底`` written after a year loses its 年 (2020年底): the pattern without its leading 年."""
    if pattern.startswith("年"):
        rest = pattern[1:]
        return rest if rest else None
    return None


def _calendar(w: dict[str, tuple[Word, ...]], hol: str, *, named: bool) -> str:
    """One calendar reference; with ``named`` its parts are named groups (used once per match)."""

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    ypart = _alt(w["year-part"])
    stripped = [s for s in (_strip_year(x.pattern) for x in w["year-part"]) if s]
    ypart_after_year = "(?:" + "|".join([*stripped, *(x.pattern for x in w["year-part"])]) + ")"
    mpart = _alt(w["month-part"])
    rel = _alt(w["relative-year"])
    term = _alt(w["term"])
    sep = r"[.\-/．／]"
    numdate = g("numdate", g("ny", YEAR4) + sep + g("nm", r"1[0-2]|0?[1-9]") + sep + g("nd", r"3[01]|[12][0-9]|0?[1-9]")
                + r"(?![0-9])")
    mdweek = g("mdweek", r"(?<![0-9.])" + g("wm", r"1[0-2]|0?[1-9]") + r"[.．]" + g("wd", r"3[01]|[12][0-9]|0?[1-9]")
               + f"(?={WEEKDAY})")
    ycal = g("ycal", g("y", YEAR4) + SP + "年" + r"(?:年?度)?" + _either(
        SP + g("ym", MONTH_NUM) + SP + "月份?" + "(?:" + SP + g("yd", DAY_NUM) + SP + "[日号]|" + SP + g("ymp", mpart)
        + ")?", SP + g("yyp", ypart_after_year), SP + g("yhol", hol)) + "?")
    # a month without a year: digits (9月, 10月份上中旬); in Chinese numerals only with 份, a day or a part
    # (九月份, 九月二十八日), since 统一月度 also contains 一月
    mcal = g("mcal", "(?:" + g("m", DIGIT_MONTH) + SP + "月份?" + "(?:" + SP + g("md", DAY_NUM) + SP + "[日号]|" + SP
             + g("mmp", mpart) + ")?" + "|" + g("cm", CN_MONTH) + "月(?:份(?:" + SP + g("cmp", mpart) + ")?|" + SP
             + g("cmd", DAY_NUM) + SP + "[日号]|" + SP + g("cmmp", mpart) + "))")
    relcal = g("relcal", g("rel", rel) + "(?:" + SP + g("relm", MONTH_NUM) + SP + "月份?" + "(?:" + SP
               + g("reld", DAY_NUM) + SP + "[日号]|" + SP + g("relmp", mpart) + ")?|" + g("relp", ypart_after_year)
               # 今年“七一”: a relative year before a holiday is the holiday's year
               + "|" + SP + g("relhol", hol) + ")?")
    # 三年内, 每年, 青年中, 周年底: 年 belongs to the word before it
    guard = r"(?<![0-9０-９一二三四五六七八九十两几每个近多数半今明去当本上下学该青老少成中童周往历常连同翌晚早壮幼新整经长终])"
    ycal_sa = g("ypsa", guard + ypart)
    # 2019学年第二学期 (a term of a school year), 2022年秋季学期 (the term of that season in calendar year 2022),
    # 第一学期, or 2019学年 alone (the whole school year)
    termcal = g("termcal", "(?:(?:" + g("ty", YEAR4) + "学年(?:度)?|" + g("cy", YEAR4) + SP + "年(?=" + SP + "[秋春]))"
                + SP + ")?" + g("term", term) + "|" + g("sy", YEAR4) + "学年(?:度)?")
    # 本周, 下周三: a week counted from the reference date's week, with its day if one is named
    relweek = g("relweek", g("rw", _alt(w["relative-week"])) + "(?:" + g("rwd", WEEKDAY_CHAR) + r"(?![次回个遍学天])" + ")?")
    # 第7周: a week of a school term (the term's first day is not known, so it is found but not resolved)
    termweek = g("termweek", TERM_WEEK)
    holcal = g("holcal", hol)
    bare = g("bare", BARE_YEAR + f"(?={SP}(?:年度)?{SP}{_alt(w['plan-type'])})")
    # (termcal before ycal: 2022年秋季学期 is one term, not the year 2022 and then a term)
    return _either(numdate, mdweek, termcal, ycal, mcal, relcal, ycal_sa, relweek, termweek, holcal, bare) \
        + f"(?:{WEEKDAY})?"


_NEEDS: dict[str, tuple[str, ...]] = {
    "year-part": ("start_month", "end_month"),
    "month-part": ("start_day", "end_day"),
    "recurrence": ("freq",),
    "relative-week": ("offset",),
    "five-year-plan": ("start_year",),
}


# a number in a pattern (每[两二三四五六七八九十2-9]年): what a multiple recurrence word counts
_MULTIPLE = re.compile(r"[0-9０-９两二三四五六七八九十]")


def _check_word(role: str, w: Word, file: str) -> None:
    """Role-specific checks the generic schema cannot express."""
    if not (1 <= w.start_month <= w.end_month <= 12):
        raise RuleError(f"months {w.start_month}..{w.end_month} are invalid; need 1 <= start <= end <= 12",
                        file=file, entry=w.id, key="start_month")
    if not (1 <= w.start_day <= 31 and (w.end_day == -1 or w.start_day <= w.end_day <= 31)):
        raise RuleError(f"days {w.start_day}..{w.end_day} are invalid; need 1 <= start <= end <= 31 or end = -1",
                        file=file, entry=w.id, key="start_day")
    if w.multiple and role != "recurrence":
        raise RuleError("multiple is for recurrence words only", file=file, entry=w.id, key="multiple")
    if w.multiple and _MULTIPLE.search(w.pattern) is None:
        raise RuleError("a multiple recurrence word needs a number in its pattern (每[两二三]年)", file=file,
                        entry=w.id, key="pattern")
    if w.anchor != "reference" and (role != "relative-year" or w.offset is None):
        raise RuleError("anchor is for relative-year words with an offset only", file=file, entry=w.id,
                        key="anchor")
    if role == "term":
        if bool(w.from_md) != bool(w.to_md) or (not w.from_md and w.term_offset is None):
            raise RuleError("a term needs from_md and to_md, or term_offset", file=file, entry=w.id)
        for key in ("from_md", "to_md"):
            md = getattr(w, key)
            if md and not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", md):
                raise RuleError(f"value {md!r} is invalid; must be MM-DD", file=file, entry=w.id, key=key)


def _load(extra_time: Sequence[str | Path], extra_holidays: Sequence[str | Path]) -> TimeGrammar:
    raw = load_layered("time.toml", "word", WORD_SCHEMA, extra=extra_time)
    words: dict[str, list[Word]] = {r: [] for r in ROLES}
    files: dict[str, str] = {}  # word id → the file that set it, for the checks below
    for entry in raw:
        e = entry.data
        file = files[e["id"]] = entry.file
        if "(?P<" in e["pattern"] or re.search(r"(?<!\\)\((?!\?)", e["pattern"]):
            raise RuleError("pattern must not have capturing groups; use (?:...)", file=file, entry=e["id"],
                            key="pattern")
        for key in _NEEDS.get(e["role"], ()):
            if key not in e:
                raise RuleError(f"a {e['role']} entry needs {key}", file=file, entry=e["id"], key=key)
        fields: dict[str, Any] = {k: v for k, v in e.items() if k not in ("id", "role", "pattern", "enabled")}
        words[e["role"]].append(Word(id=e["id"], role=e["role"], pattern=e["pattern"], regex=compile_pattern(e["pattern"], file=file, entry=e["id"], key="pattern"),
                                     **fields))
    for role, ws in words.items():
        for w in ws:
            _check_word(role, w, files[w.id])
    wt = {r: tuple(v) for r, v in words.items()}
    hraw = load_layered("holidays.toml", "holiday", HOLIDAY_SCHEMA, extra=extra_holidays)
    holidays = []
    names: list[str] = []  # every name, for a holiday inside a list of them
    strict: list[str] = []  # the names that are a holiday on their own
    holiday_cue = "|".join(_alt(wt[r]) for r in (*CUE_ROLES, "holiday-cue"))
    for hentry in hraw:
        h = hentry.data
        if h["calendar"] in ("solar", "lunar") and not ("month" in h and "day" in h):
            raise RuleError("a solar or lunar holiday needs month and day", file=hentry.file, entry=h["id"])
        if h["calendar"] == "term" and not h.get("term"):
            raise RuleError("a solar-term holiday needs term", file=hentry.file, entry=h["id"], key="term")
        word_names = h.get("word_names", [])
        pat = "(?:" + "|".join([*h["names"], *word_names]) + ")"
        # a name that is also an ordinary word (政治清明) is the holiday only with a holiday cue after it
        # (清明前, 清明假期) or beside another holiday in a list (清明、五一)
        strict.extend(h["names"])
        strict.extend(f"(?:{n})(?=[”\"’]?{SP}(?:{holiday_cue}))" for n in word_names)
        names.append(pat)
        holidays.append(Holiday(id=h["id"], regex=compile_pattern(pat, file=hentry.file, entry=h["id"], key="names"), calendar=h["calendar"], month=h.get("month", 0),
                                day=h.get("day", 0), term=h.get("term", ""), days=h.get("days", 1)))
    one_hol = "[“\"‘]?(?:" + "|".join(names) + ")[”\"’]?"
    one_strict = "[“\"‘]?(?:" + "|".join(strict) + ")[”\"’]?"
    hol = f"(?:{one_strict}|{one_hol}(?=[、和与及]?{one_strict}))(?:[、和与及]?{one_hol})*"

    cal = _calendar(wt, hol, named=False)
    cal_named = _calendar(wt, hol, named=True)
    rsep = _alt(wt["range-sep"])
    start_suf = _alt([*wt["start-suffix"], *wt["run-start"]])
    end_suf = _alt(wt["end-suffix"])
    cue = "|".join(_alt(wt[r]) for r in CUE_ROLES)
    cpre = _alt(wt["clock-prefix"])
    range_end_cue = "|".join(_alt(wt[r]) for r in ("during", "eve", "deadline-suffix"))
    bare_range = rf"{BARE_YEAR}{SP}(?:—+|–|－|-|~|～|至|到){SP}{BARE_YEAR}(?:{SP}年度?)?"
    month_range = rf"(?:{YEAR4}{SP}年{SP})?(?<![0-9０-９])(?:1[0-2]|0?[1-9]){SP}(?:—+|–|－|-|~|～|至|到){SP}{MONTH_NUM}{SP}月份?"
    # 12月26－28日: days of one month, the first written without 日
    day_range = (rf"(?:{YEAR4}{SP}年{SP})?{MONTH_NUM}{SP}月{SP}{DAY_NUM}{SP}(?:—+|–|－|-|~|～|至|到){SP}{DAY_NUM}{SP}[日号]")
    clock = rf"(?:{cpre}{SP}(?:{CLOCK_COLON}|{CLOCK_HOUR})|{CLOCK_COLON})"
    dsep = r"(?:—+|-|－|~|～|至|到)"
    # One branch per way a statement can begin; the calendar branch parses the calendar reference once and
    # then tries the tails that can follow it (a 开始…结束 period, a range, a clock time, a cue word).
    # Kinds are told by which named group took part: run, range (tail or whole), clock (tail or whole),
    # recur, vague; a calendar branch with none of these is a plain dated statement.
    statement = _either(
        rf"(?P<dotrange>{DOT_RANGE})",
        rf"(?P<range>{bare_range}|{month_range}|{day_range})(?:{SP}{_alt(wt['during'])})?",
        rf"(?P<cal>(?:(?:{_alt(wt['deadline-prefix'])}|从|自){SP})?{cal}"
        + _either(
            rf"(?P<run>{SP}{start_suf}{SP}[，,、]?{SP}(?:到|至)?{SP}{cal}{SP}{end_suf})",
            # 春节后至“七一”前: after the left end, before the right end, both inside the period
            rf"(?P<rangetail>{SP}(?:{_alt(wt['range-after'])}{SP})?{rsep}{SP}(?:{cal}|{DAY_NUM}{SP}[日号])"
            rf"(?:{SP}{range_end_cue})?)",
            rf"(?P<clocktail>{SP}{clock}(?:{SP}{dsep}{SP}{clock})?)",
            rf"{SP}(?:{cue})",
        ) + "?)",
        # 从现在开始到2011年“五一”前: a period from an unstated now to a date
        rf"(?P<nowrun>(?:从|自){SP}{_alt(wt['now'])}{SP}(?:{start_suf})?{SP}[，,]?{SP}(?:到|至){SP}{cal}"
        rf"(?:{SP}{range_end_cue})?)",
        rf"(?P<clock>{clock}(?:{SP}{dsep}{SP}{clock})?)",
        rf"(?P<recur>{_alt(wt['recurrence'])}(?:{WEEKDAY_AFTER}|{SP}{DAY_NUM}{SP}[日号](?:{SP}(?:{_alt(wt['around'])}|{_alt(wt['deadline-suffix'])}))?"
        # 每年2月底前, 每年3月15日前: a yearly word before a month (and day or part of it) of every year
        rf"|(?<=年|度){SP}{MONTH_NUM}{SP}月份?(?:{SP}{DAY_NUM}{SP}[日号]|{SP}{_alt(wt['month-part'])})?"
        rf"(?:{SP}(?:{_alt(wt['around'])}|{_alt(wt['deadline-suffix'])}))?)?"
        rf"(?:{SP}(?:至少|不少于|不低于|最少)?{SP}(?:{COUNT_NUM}){SP}(?:次|回)(?![0-9０-９]))?)",
        rf"(?P<weekday>{LONE_WEEKDAY})",
        rf"(?P<vague>{_alt(wt['vague'])})",
    )
    scanner = Scanner.build(statement)
    count = rf"[^，。；;,！？\n]{{0,16}}?(?:至少|不少于|不低于|最少)?(?P<n>{COUNT_NUM}){SP}(?:次|回)"
    return TimeGrammar(
        statement=scanner.pattern,
        statements=scanner,
        calendar=compiled(guarded(cal_named)),
        count=compiled(count),
        words=wt,
        choices={r: Choice.of(ws) for r, ws in wt.items()},
        cues=Choice.of([w for r in CUE_ROLES for w in wt[r]]),
        holidays=tuple(holidays),
        bare_range=compiled(bare_range),
        during=compiled(_alt(wt["during"])),
        campaign=compiled(_alt(wt["campaign"]) + "$"),
        celebrate=compiled(_alt(wt["celebrate"]) + "$"),
    )


@lru_cache(maxsize=8)
def grammar(extra_time: tuple[str, ...] = (), extra_holidays: tuple[str, ...] = ()) -> TimeGrammar:
    """The compiled time grammar from the default data files, layered with user files if given."""
    built = _load(extra_time, extra_holidays)
    save_memos()
    return built
