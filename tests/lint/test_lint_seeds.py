"""`lint` on the two seed plans: the real faults they carry are found, with exact spans, and nothing else on 000.

Seed 000 has 。。 at the end of 四、（二） and 污染防止攻坚战; seed 001 has 开展开展 twice, ** / *** placeholders,
1. / 1、 / 1． mixed among siblings, and (三) half-width among （一）（二）（四）.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textkit.lint import LintResult, lint
from textkit.pipeline import parse


@pytest.fixture(scope="module")
def seed000(seed000_path: Path) -> LintResult:
    return lint(parse(seed000_path))


@pytest.fixture(scope="module")
def seed001(seed001_path: Path) -> LintResult:
    return lint(parse(seed001_path))


def _by_rule(result: LintResult, rule: str) -> list[tuple[str, int]]:
    return [(f.text, f.start) for f in result.findings if f.rule == rule]


def test_lint_seeds_spans_are_the_text(seed000: LintResult, seed001: LintResult, seed000_text: str,
                                       seed001_text: str) -> None:
    for result, text in ((seed000, seed000_text), (seed001, seed001_text)):
        assert result.findings
        for f in result.findings:
            assert f.text == text[f.start:f.end]
            assert f.line == text.count("\n", 0, f.start) + 1


def test_lint_seed000_finds_exactly_its_two_faults(seed000: LintResult, seed000_text: str) -> None:
    rules = [(f.rule, f.text) for f in seed000.findings]
    assert rules == [("words.misused", "污染防止攻坚战"), ("text.doubled-punct", "。。")]
    punct = seed000.findings[1]
    assert punct.section == "四/（二）"
    assert seed000_text[punct.start - 4:punct.end] == "质效提升。。"
    misused = seed000.findings[0]
    assert misused.expected == "污染防治攻坚战"
    assert "污染防治攻坚战" in misused.message


def test_lint_seed001_doubled_kaizhan_twice(seed001: LintResult, seed001_text: str) -> None:
    hits = _by_rule(seed001, "text.doubled-word")
    assert [t for t, _ in hits] == ["开展开展", "开展开展"]
    assert [s for _, s in hits] == [seed001_text.find("开展开展"), seed001_text.find("开展开展", hits[0][1] + 4)]


def test_lint_seed001_placeholders(seed001: LintResult, seed001_text: str) -> None:
    hits = _by_rule(seed001, "text.placeholder")
    stars = [t for t, _ in hits]
    assert stars.count("***") == 2  # 局长***同志, ***同志兼任办公室主任
    assert stars.count("**") == 22
    assert [s for _, s in hits] == [m.start() for m in re.finditer(r"\*{2,}", seed001_text)]


def test_lint_seed001_mixed_numbering_at_one_level(seed001: LintResult) -> None:
    style = [(f.text, f.section) for f in seed001.findings if f.rule == "numbering.mixed-style"]
    width = [(f.text, f.section) for f in seed001.findings if f.rule == "numbering.mixed-width"]
    # （二）: 1、 2. 3、 → 2. is the odd one; （四）: 1、 2. 3. → 1、 is
    assert ("2.", "二/（二）/2") in style
    assert ("1、", "二/（四）/1") in style
    # （一）: 1. 2. beside 3．4．5．6．
    assert {t for t, s in width if s.startswith("二/（一）/")} == {"1.", "2."}
    # (三) among （一）（二）（四）
    assert ("(三)", "二/（三）") in width


def test_lint_seed001_half_width_marker_reported_once(seed001: LintResult) -> None:
    on_marker = [f for f in seed001.findings if f.text.startswith("(三)")]
    assert [f.rule for f in on_marker] == ["numbering.mixed-width"]


def test_lint_seed001_other_real_faults(seed001: LintResult) -> None:
    assert _by_rule(seed001, "text.half-width-punct")[0][0] == ","  # 部署,对照
    spaces = _by_rule(seed001, "text.stray-space")
    assert len(spaces) == 2  # 责任单位： 办公室 / 。 9月28日前
