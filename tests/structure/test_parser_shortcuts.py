"""The shortcuts that make the structure parser fast answer exactly what the plain computation answers."""

from __future__ import annotations

import re

from textkit.structure import inline as I
from textkit.structure.numbering import NumberingStyle, load_styles, marker_matcher, match_marker
from textkit.structure.parser import load_structure_rules

# lines with labelled clauses where a shortcut could go wrong: nested and crossing brackets, two clauses, a
# clause that reaches past the title's end, half-width brackets, a colon outside any clause
_CLAUSE_LINES = [
    "1.建设平台。推进数字校园建设（牵头单位：省科技厅，参加单位：省教育厅）",
    "（三）完善机制（责任单位：市教育局（基教科））。按时完成（完成时限：2023年12月）",
    "2.强化保障（牵头单位：区财政局。配合单位：各学校）落实经费。（责任单位：区教育局）",
    "一、总体要求：坚持（原则：稳中求进）（a（b）c）（组 长：张三）",
    "4.加强督导(责任单位:督导室)。定期通报(工作要求:每月一次)",
    "（一）指导思想。以（x：y）为指导（牵头单位：甲（乙）丙）。",
    "5.落实责任单位考核。建设平台（牵头单位：甲）",  # a label outside any clause, before the body
    "3.统筹推进（牵头单位：市委（责任单位：市政府））",  # a clause inside a clause, found when the body is inside
]


def _seed_lines(*texts: str) -> list[str]:
    return [line for t in texts for line in t.split("\n") if line.strip()]


def _plain_label_clauses(text: str, start: int, end: int, label_re: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """`inline._label_clauses` as first written: a search for any label over the span before the clauses."""
    seg = text[start:end]
    if ("（" not in seg and "(" not in seg) or ("：" not in seg and ":" not in seg):
        return []
    if label_re.search(text, start, end) is None:
        return []
    out: list[tuple[int, int, str]] = []
    taken = start
    for i, close in I._bracket_pairs(text, start, end):
        if i < taken or close - i > I._MAX_CLAUSE:
            continue
        inner = text[i + 1 : close]
        m = label_re.search(inner)
        if m is not None and I._COLON_AHEAD.match(inner, m.end()):
            out.append((i, close + 1, m.group("label")))
            taken = close + 1
    return out


def _label_patterns() -> list[re.Pattern[str]]:
    shipped = load_structure_rules().label
    # a user's rule that looks around its label: found in a clause's own text but not in the line's, so the
    # label position tried first fails and the span search decides
    behind = re.compile(r"(?<![（(])(?P<label>牵头单位|责任单位|完成时限)")
    ahead = re.compile(r"(?P<label>责任单位|牵头单位)(?!：市)")
    return [shipped, behind, ahead]


def test_label_clauses_are_the_plain_ones(seed000_text: str, seed001_text: str) -> None:
    lines = [*_CLAUSE_LINES, *_seed_lines(seed000_text, seed001_text)]
    for label_re in _label_patterns():
        for line in lines:
            for start in range(0, len(line), 3):
                text = "前文\n" + line + "\n后文"
                s, e = 3 + start, 3 + len(line)
                assert I._label_clauses(text, s, e, label_re) == _plain_label_clauses(text, s, e, label_re)
    behind = _label_patterns()[1]
    assert I._label_clauses("建设（牵头单位：甲）", 0, 10, behind) == []  # the label is only in the clause's text


def test_clauses_of_a_heading_body_are_found_from_the_heading_lines(seed000_text: str, seed001_text: str) -> None:
    lines = [*_CLAUSE_LINES, *_seed_lines(seed000_text, seed001_text)]
    for label_re in _label_patterns():
        for line in lines:
            text = line + "\n  \n"
            clauses = I.item_labels(text, 0, len(line), label_re)
            # the body of a heading may start anywhere after the title; it ends with the line's blank tail
            for start in range(1, len(line)):
                for end in (len(line), len(line) + 3):
                    got = I._clauses_within(text, clauses, start, end, label_re)
                    assert got == I._label_clauses(text, start, end, label_re), (line, start, end)


def test_marker_matcher_is_every_style_tried(seed000_text: str, seed001_text: str) -> None:
    # the fast matcher (styles by first character) against the plain one (every style, in data order); a
    # user's style whose first character cannot be told is tried at every position
    loose = NumberingStyle(id="loose", family="loose", regex=re.compile(r"\s*[(（]?(?P<num>\d+)[)）]"),
                           numeral="arabic", inline=True)
    lines = [*_seed_lines(seed000_text, seed001_text), "一是加强。二是落实。第一，统筹；第二是 ① 1) （2） 十、"]
    for styles in (load_styles(), (*load_styles(), loose)):
        for inline in (False, True):
            match = marker_matcher(styles, inline=inline)
            plain = marker_matcher(styles, inline=inline, fast=False)
            for line in lines:
                for pos in range(len(line) + 1):
                    assert match(line, pos) == plain(line, pos)
            last = lines[-1]
            assert [match_marker(last, pos, styles, inline=inline) for pos in range(len(last))] == [
                plain(last, pos) for pos in range(len(last))]
            first = match(last, 0)
            assert first is not None and (first.text, first.value) == ("一是", 1)
