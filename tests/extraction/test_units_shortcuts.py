"""The shortcuts that make unit extraction fast answer exactly what the plain computation answers."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from textkit.extraction import units as U
from textkit.extraction.units import extract_units, load_unit_rules, user_rules
from textkit.model import Document, Section, SectionIndex, section_at
from textkit.patterns import first_chars, guarded
from textkit.structure import parse_structure


def _seed_lines(*texts: str) -> list[str]:
    return [line for t in texts for line in t.split("\n") if line.strip()]


def test_section_finder_is_section_at(seed000_text: str, seed001_text: str) -> None:
    for text in (seed000_text, seed001_text):
        root, _ = parse_structure(Document(text))
        finder = SectionIndex(root)
        for offset in range(-1, len(text) + 2):
            assert finder.at(offset) is section_at(root, offset)


def test_section_finder_falls_back_on_a_tree_out_of_order(seed001_text: str) -> None:
    root, _ = parse_structure(Document(seed001_text))
    shuffled = dataclasses.replace(root, children=tuple(reversed(root.children)))
    finder = SectionIndex(shuffled)
    assert finder._fallback is shuffled
    for offset in range(0, len(seed001_text), 7):
        assert finder.at(offset) is section_at(shuffled, offset)


def test_first_characters_of_a_pattern() -> None:
    assert first_chars("(?:主要|具体)?牵头单位") == frozenset("主具牵")
    assert first_chars("[a-c]局|处") == frozenset("abc处")
    assert first_chars("[丙-甲]") is None  # a bad range: left to the compiler to report
    assert first_chars(r"\s*责任") is None  # a class like \s is no short list
    assert first_chars("(?i)a") is None
    assert first_chars("(?:负责)?") is None  # can match nothing
    assert guarded("负责|牵头") == "(?=[牵负])(?:负责|牵头)"


def test_guarded_rule_patterns_match_as_the_plain_ones(seed000_text: str, seed001_text: str) -> None:
    rules = load_unit_rules()
    plain_label = re.compile(rules.label_re.pattern.removeprefix(rules.label_re.pattern.split(")", 1)[0] + ")"))
    assert rules.label_re.pattern.startswith("(?=[")
    for line in _seed_lines(seed000_text, seed001_text):
        for pos in range(len(line)):
            a, b = rules.label_re.search(line, pos), plain_label.search(line, pos)
            assert (a and a.span()) == (b and b.span())


def test_phrase_search_is_search(seed000_text: str, seed001_text: str) -> None:
    rules = load_unit_rules()
    assert any(a is not None for a in rules.phrase_ahead)  # the default phrases use {CLAUSE}
    lines = [*_seed_lines(seed000_text, seed001_text), "各有关部门按照职责分工负责，市教育局根据需要牵头。",
             "办公室承担领导小组日常工作；各学校要切实扛起主体责任，区教育局 承担 督导职责。"]
    for (_rid, _trigger, pat), ahead in zip(rules.phrases, rules.phrase_ahead, strict=True):
        for line in lines:
            stops = [m.start() for m in U._CLAUSE_STOP_RE.finditer(line)]
            for pos in range(0, len(line), 3):
                a, b = U._phrase_search(pat, ahead, line, pos), pat.search(line, pos)
                assert (a and a.span()) == (b and b.span())
                c = U._phrase_search(pat, ahead, line, pos, stops)
                assert (c and c.span()) == (b and b.span())


def test_boundary_is_a_clause_start() -> None:
    b = re.compile(U._BOUNDARY, re.M)
    line = "一、市局、1、区局，县局 镇2、"
    starts = [p for p in range(len(line) + 1) if b.match(line, p)]
    # line start, after ， and the space, after 1、 and 2、 — not after a 、 between names
    assert starts == [0, line.index("区局"), line.index("县局"), line.index("镇"), len(line)]


def test_cell_segmentation(seed000_text: str) -> None:
    rules = load_unit_rules()
    for cell in ("党政办 总务处", "教学处教科室", "市委办公室", "工 会", "各处室各年段", ""):
        text = f"\t{cell}\t"
        spans = U._segment_cell(text, 1, 1 + len(cell), rules)
        assert [text[a:b] for a, b in spans] == {
            "党政办 总务处": ["党政办", "总务处"], "教学处教科室": ["教学处", "教科室"], "市委办公室": ["市委办公室"],
            "工 会": ["工 会"], "各处室各年段": ["各处室", "各年段"], "": [],
        }[cell]


def test_statement_prefilter_is_off_for_negative_lookarounds(tmp_path: Path) -> None:
    assert load_unit_rules().statement_prefilter
    extra = tmp_path / "roles.toml"
    extra.write_text("[[verb]]\nid = \"host\"\npattern = '承办(?!费)'\nrole = \"lead\"\n", encoding="utf-8")
    rules = user_rules(roles=extra)
    assert not rules.statement_prefilter
    doc = Document(text="1.办好展会（市会展中心承办）\n")
    root = Section(kind="document", start=0, end=len(doc.text))
    assert [(u.text, u.role) for u in extract_units(doc, root, rules=rules)] == [("市会展中心", "lead")]


@pytest.mark.parametrize("text", ["1.做好工作。\n", "1.做好工作（2024年底前）。\n", ""])
def test_lines_without_a_unit_give_none(text: str) -> None:
    doc = Document(text=text)
    root = Section(kind="document", start=0, end=len(doc.text))
    assert extract_units(doc, root) == ()


def test_plain_list_split_is_the_full_split(seed000_text: str, seed001_text: str) -> None:
    rules = load_unit_rules()
    assert rules.plain_list_re is not None
    full = dataclasses.replace(rules)
    object.__setattr__(full, "plain_list_re", None)  # the same rules with the shortcut off
    lists = ["省财政厅、省教育厅", "省财政厅,省教育厅；省科技厅/市局", "、省财政厅、、省教育厅、", "省财政厅和省教育厅",
             "省科技厅等部门", "由市局负责", "机关党委（机关纪委）、办公室", "党政办 总务处", "工业和信息化部、以及市局", ""]
    # and every clause of the seeds between ，。；：
    lists += [c for line in _seed_lines(seed000_text, seed001_text) for c in re.split("[，。；：]", line)]
    for t in lists:
        assert U.split_unit_list(t, 0, len(t), rules=rules) == U.split_unit_list(t, 0, len(t), rules=full), t
    assert sum(rules.plain_list_re.search(t) is None for t in lists) > 50  # the shortcut was taken


def test_plain_list_shortcut_is_off_when_trailers_can_start_anywhere(tmp_path: Path) -> None:
    units = tmp_path / "units.toml"
    units.write_text('[[trailer]]\nid = "any"\npattern = "[^、]{0,2}部门"\n', encoding="utf-8")
    assert user_rules(units=units).plain_list_re is None
