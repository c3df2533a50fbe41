"""The quick paths of the time grammar give exactly what the plain ones give: the scanner's prefix filter
against the prefixes themselves, the words of a role tried as one expression against trying them one by
one, and the grammar with its first-character guards against the same grammar without them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from textkit.extraction import time_rules
from textkit.extraction.quantities import _pattern
from textkit.extraction.time_rules import CUE_ROLES, Choice, TimeGrammar, Word, grammar
from textkit.patterns import Scanner, prefixes

# statements that touch, nest and repeat, and near misses (1:10万, 2—2, 三年内, 每月1500元, 年内退)
TRICKY = (
    "从2023年9月开始，2024年1月基本结束。2023年9月28日前，每月20日前后组织1次学习；每周五下午3:30—5:00开会。"
    "2021—2023年，5—6月，10月8日至12日，国庆前，“五一”期间，寒假前，第二学期开学前，2020年底前初步建成。"
    "2019.10.1，9.30（周六），上午9时，1:10万比例尺，2023年度工作要点，数字山东2021行动方案，20232024年，"
    "定期不定期适时，三年内，青年中，每月1500元，100000元，12—，2—2，“教师节”，年内退，截止到2025年底，"
    "上半年，第三季度末，本学期，下一学年度，今年10月，明年上半年，九月份下旬，1  工作，共3个方面、9项任务"
)


def _texts(seed000_text: str, seed001_text: str) -> list[str]:
    return [seed000_text, seed001_text, TRICKY, TRICKY[7:], "", "2023", "每"]


def _starts(filt: re.Pattern[str] | None, text: str) -> list[int]:
    """Every position the filter accepts (overlapping), by searching on from one past each."""
    assert filt is not None
    out, pos = [], 0
    while (m := filt.search(text, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


def _matches(it: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in it]  # type: ignore[attr-defined]


def _fitting(pattern: str, text: str) -> list[int]:
    """Every position where one of the pattern's prefixes (first three characters) fits, one by one."""
    found = prefixes(pattern, 3)
    assert found is not None
    by_first: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for p in found:
        for c in p[0]:
            by_first.setdefault(c, []).append(p[1:])

    def fits(rest: tuple[frozenset[str], ...], i: int) -> bool:  # ({""} stands for any character)
        return len(rest) < len(text) - i and all(
            chars == {""} or text[i + 1 + j] in chars for j, chars in enumerate(rest))

    return [i for i, c in enumerate(text) if any(fits(rest, i) for rest in by_first.get(c, ()))]


def test_prefix_filter_accepts_where_a_prefix_fits(seed000_text: str, seed001_text: str) -> None:
    for pattern in (grammar().statement.pattern, _pattern().pattern):
        scanner = Scanner.build(pattern)
        for text in _texts(seed000_text, seed001_text):
            assert _starts(scanner.candidates, text) == _fitting(pattern, text)
            assert _matches(scanner.finditer(text)) == _matches(re.finditer(pattern, text))


@pytest.mark.parametrize(
    "pattern",
    [
        r"a|bc|de?f|g.h",  # matches one, two and three characters long; any character in the middle
        r"(?<!x)[ab]c|ab\d+",
        r"年初|年底前|[0-9]{4}年",
        r"(a)\1",  # a back-reference: no prefixes, no filter
        r"x*",  # may match empty: no filter
        r".b",  # may start with anything: no filter
    ],
)
def test_scanner_finds_what_finditer_finds(pattern: str) -> None:
    text = "abc ade df gxh xbc ab12 年初年底前 2023年 aab abbc dxf aabbbcc d\nf xx b bc gh"
    scanner = Scanner.build(pattern)
    if scanner.candidates is not None:
        for pos in range(len(text)):
            assert _starts(scanner.candidates, text[pos:]) == _fitting(pattern, text[pos:])
    assert _matches(scanner.finditer(text)) == _matches(re.finditer(pattern, text))


def _at(words: tuple[Word, ...], text: str, start: int, end: int) -> Word | None:
    for pos in (start, start - 1):
        if pos < start and (pos < 0 or text[pos] != "年"):
            break
        for w in words:
            m = w.regex.match(text, pos)
            if m and m.end() == end:
                return w
    return None


def _first(words: tuple[Word, ...], text: str) -> Word | None:
    return next((w for w in words if w.regex.fullmatch(text)), None)


def _prefix(words: tuple[Word, ...], text: str, pos: int) -> tuple[Word, int] | None:
    for w in words:
        m = w.regex.match(text, pos)
        if m:
            return w, m.end()
    return None


def _check_role(g: TimeGrammar, role: str, text: str) -> None:
    words = g.words[role]
    for pos in range(len(text) + 1):
        assert g.prefix(role, text, pos) == _prefix(words, text, pos), (role, pos)
        for end in range(pos, min(len(text), pos + 6) + 1):
            assert g.at(role, text, pos, end) is _at(words, text, pos, end), (role, pos, end)
            assert g.first(role, text[pos:end]) is _first(words, text[pos:end]), (role, text[pos:end])


def test_words_of_a_role_as_one_expression_choose_as_one_by_one(seed000_text: str) -> None:
    g = grammar()
    text = TRICKY + seed000_text[:600]
    for role in g.words:
        _check_role(g, role, text)
    cue_words = tuple(w for r in CUE_ROLES for w in g.words[r])
    for pos in range(len(text)):
        for end in range(pos + 1, min(len(text), pos + 5) + 1):
            assert g.cue(text[pos:end]) is _first(cue_words, text[pos:end])


def _word(i: int, pattern: str) -> Word:
    return Word(id=f"w{i}", role="year-part", pattern=pattern, regex=re.compile(pattern))


def test_a_later_word_ending_at_the_end_and_words_with_groups_of_their_own() -> None:
    # 年底 matches first but ends before 前; a word with its own group still maps to itself
    words = (_word(0, "年底"), _word(1, "(年)(底)前"), _word(2, "年底前"), _word(3, "底前?"))
    mine = replace(grammar(), words={"year-part": words}, choices={"year-part": Choice.of(words)})
    for text in ("2020年底前完成", "年底前", "年底", "底前", "前年底"):
        _check_role(mine, "year-part", text)
    assert mine.at("year-part", "2020年底前", 4, 7) is words[1]  # 年底 matches first, but ends at 底
    assert mine.at("year-part", "2020年底前", 5, 6) is words[0]  # 底前 ends after 底: 年 taken back


def test_first_character_guards_change_no_match(
    seed000_text: str, seed001_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    guarded = grammar()
    monkeypatch.setattr(time_rules, "guarded", lambda pattern, first=None: pattern)
    plain = time_rules._load((), ())
    assert plain.calendar.pattern != guarded.calendar.pattern
    for text in _texts(seed000_text, seed001_text):
        assert _matches(guarded.statement.finditer(text)) == _matches(plain.statement.finditer(text))
        assert _matches(guarded.calendar.finditer(text)) == _matches(plain.calendar.finditer(text))
