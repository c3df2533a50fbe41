"""The fast paths of time and quantity extraction give exactly what the plain ones give: the candidate-filtered
scanner against ``re.finditer``, the section index against `textkit.model.section_at`, the excluded-span
test against a linear scan, the first calendar reference against the full list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textkit.extraction import timex
from textkit.extraction.quantities import _pattern
from textkit.extraction.time_rules import grammar
from textkit.model import Document, Section, SectionIndex, section_at
from textkit.patterns import Scanner, prefixes
from textkit.structure import parse_structure

# statements that touch, nest and repeat: a match must resume exactly where the previous one ended
TRICKY = (
    "从2023年9月开始，2024年1月基本结束。2023年9月28日前，每月20日前后组织1次学习；每周五下午3:30—5:00开会。"
    "2021—2023年，5—6月，10月8日至12日，国庆前，“五一”期间，寒假前，第二学期开学前，2020年底前初步建成。"
    "2019.10.1，9.30（周六），上午9时，1:10万比例尺，2023年度工作要点，数字山东2021行动方案，20232024年，"
    "定期不定期适时，三年内，青年中，每月1500元，100000元，12—，2—2，“教师节”，年内退"
)


def _matches(it: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in it]  # type: ignore[attr-defined]


def _texts(seed000_text: str, seed001_text: str) -> list[str]:
    return [seed000_text, seed001_text, TRICKY, TRICKY[7:], "", "2023", "每"]


def test_statement_scanner_has_a_filter_and_finds_what_finditer_finds(seed000_text: str, seed001_text: str) -> None:
    g = grammar()
    assert g.statements.candidates is not None
    plain = re.compile(g.statement.pattern)
    for text in _texts(seed000_text, seed001_text):
        assert _matches(g.statements.finditer(text)) == _matches(plain.finditer(text))


def test_quantity_scanner_finds_what_finditer_finds(seed000_text: str, seed001_text: str) -> None:
    scanner = Scanner.build(_pattern().pattern)
    assert scanner.candidates is not None
    extra = "共3个方面、9项任务，第三批，一个，“四个意识”，3个月，十九大，三大行动，２０个专题"
    for text in [*_texts(seed000_text, seed001_text), extra]:
        assert _matches(scanner.finditer(text)) == _matches(_pattern().finditer(text))


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a)\1",  # a back-reference: prefixes cannot be told
        r"x*",  # may match empty
        r".b",  # may start with anything
        r"(?<!a)b+c|d[^e]f",
    ],
)
def test_scanner_falls_back_or_filters_without_changing_matches(pattern: str) -> None:
    text = "aab abbc dxf aabbbcc d\nf xx b"
    assert _matches(Scanner.build(pattern).finditer(text)) == _matches(re.finditer(pattern, text))


@pytest.mark.parametrize("pattern", [r"一是|第[一二三]，|①|二十是", r"(?<!a)b+c|d[^e]f", r"x*"])
def test_scanner_search_in_a_window_finds_what_pattern_search_finds(pattern: str) -> None:
    # windows that cut a match short, start inside one, or end right after its first character
    text = "统一是指一是坚持，二十是落实；第二，①推进 aab abbc dxf bbc d\nf"
    plain, scanner = re.compile(pattern), Scanner.build(pattern)
    for pos in range(len(text) + 1):
        for end in range(pos, len(text) + 1):
            got, want = scanner.search(text, pos, end), plain.search(text, pos, end)
            assert (got and (got.span(), got.group())) == (want and (want.span(), want.group())), (pos, end)


def test_prefixes_are_the_first_characters_of_every_match() -> None:
    found = prefixes("ab|c[de]f*", 2)
    assert found == {
        (frozenset("a"), frozenset("b")),
        (frozenset("c"), frozenset("de")),
    }
    assert prefixes(r"(a)\1", 2) is None


def _tree(path: Path) -> tuple[str, Section]:
    text = path.read_text(encoding="utf-8")
    root, _ = parse_structure(Document(text))
    return text, root


def test_section_index_agrees_with_section_at_everywhere(seed000_path: Path, seed001_path: Path) -> None:
    for path in (seed000_path, seed001_path):
        text, root = _tree(path)
        index = SectionIndex(root)
        for offset in range(-1, len(text) + 2):
            sec = section_at(root, offset)
            assert index.id_at(offset) == (sec.id if sec else ""), (path.name, offset)


def test_section_index_walks_the_tree_when_children_overlap() -> None:
    inner = Section(kind="section", start=2, end=5, id="一/1")
    odd = Section(kind="document", start=0, end=8, children=(
        Section(kind="section", start=0, end=6, id="一", children=(inner,)),
        Section(kind="section", start=4, end=8, id="二"),  # overlaps 一: the first child wins
    ))
    index = SectionIndex(odd)
    assert [index.id_at(i) for i in range(9)] == [
        (s.id if (s := section_at(odd, i)) else "") for i in range(9)
    ] == ["一", "一", "一/1", "一/1", "一/1", "一", "二", "二", ""]


def test_excluded_span_test_matches_a_linear_scan() -> None:
    spans = [(10, 20), (3, 6), (15, 30), (40, 41), (5, 8)]
    keep = timex._outside(spans)
    for pos in range(-1, 45):
        assert keep(pos) == (not timex._inside(spans, pos)), pos


def test_first_calendar_reference_is_the_first_of_all(seed000_text: str) -> None:
    g = grammar()
    for text in (seed000_text, TRICKY):
        for m in g.statements.finditer(text):
            cals = timex._cals(g, text, m.start(), m.end())
            first = timex._first_cal(g, text, m.start(), m.end())
            assert (first is None) == (not cals)
            if first is not None:
                assert first == cals[0]


def test_the_calendar_branch_that_matched_is_the_last_group(seed000_text: str, seed001_text: str) -> None:
    # _parse_cal reads m.lastgroup instead of every group: that is the one branch group that took part
    g = grammar()
    branches = ("numdate", "mdweek", "ycal", "mcal", "relcal", "ypsa", "termcal", "holcal", "bare")
    seen = set()
    for text in (seed000_text, seed001_text, TRICKY):
        for m in g.calendar.finditer(text):
            took_part = [b for b in branches if m.group(b) is not None]
            assert took_part == [m.lastgroup], (m.group(), took_part, m.lastgroup)
            seen.add(m.lastgroup)
    assert {"numdate", "mdweek", "ycal", "mcal", "holcal"} <= seen
