"""A clean plan (tests/lint/clean_plan.txt, written for this test) gets no finding from any enabled rule,
while its counts, units, dates and numbering are all exercised."""

from __future__ import annotations

from pathlib import Path

from textkit.lint import lint
from textkit.pipeline import parse

CLEAN = Path(__file__).with_name("clean_plan.txt")


def test_lint_clean_fixture_has_no_findings() -> None:
    plan = parse(CLEAN)
    # the fixture is not trivially clean: it has numbered sections, an announced count, units and deadlines
    assert len(plan.sections()) >= 8
    assert any(q.value == 3 for q in plan.quantities)
    assert len(plan.units) == 3
    assert lint(plan).findings == ()


def test_lint_clean_fixture_with_a_fault_added() -> None:
    text = CLEAN.read_text(encoding="utf-8").replace("建立问题清单", "建立建立问题清单", 1)
    from textkit.pipeline import parse_text

    (f,) = lint(parse_text(text)).findings
    assert (f.rule, f.text) == ("text.doubled-word", "建立建立")
