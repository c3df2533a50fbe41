"""A small ablation on the seeds: cut one measure out, and exactly its derived item must turn missing.

The full benchmark over the dev corpus is benchmarks/bench_check_ablation.py; this keeps its core
promise under test on the two seeds (every leaf measure of each).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import Checklist
from textkit.comparison.coverage import check


def _leaves(plan: textkit.Plan) -> list[textkit.Section]:
    return [s for s in plan.root.sections() if not any(c.kind == "section" for c in s.walk() if c is not s)]


@pytest.mark.parametrize("seed", ["seed000_path", "seed001_path"])
def test_cutting_a_measure_makes_exactly_its_item_missing(seed: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(seed)
    plan = textkit.parse(path)
    checklist = Checklist.from_plan(plan, level="leaf")
    assert all(r.status == "covered" for r in check(plan, checklist).items)
    text = plan.text
    for s in _leaves(plan):
        draft = textkit.parse(textkit.read_text(text[: s.start] + text[s.end:]))
        missing = [r.item.id for r in check(draft, checklist).items if r.status == "missing"]
        assert missing == [s.id], s.id
