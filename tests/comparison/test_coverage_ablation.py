"""Self-check ablation on the seeds: a plan checked against its own derived tasks covers them all; cut one
task's text out, and that task is judged missing while no other task turns missing (the groups that hold
it take their verdict from it).

The full benchmark over the dev corpus is benchmarks/bench_check_ablation.py (which also counts how often the
cut task is judged `missing` rather than `partial`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import textkit
from textkit.comparison.coverage import check
from textkit.comparison.itemise import derive_checklist


@pytest.mark.parametrize("seed", ["seed000_path", "seed001_path"])
def test_cutting_a_task_uncovers_exactly_it(seed: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(seed)
    plan = textkit.parse(path)
    checklist = derive_checklist(plan)
    assert all(r.status == "covered" for r in check(plan, checklist).items)
    text = plan.text
    tasks = [i for i, _ in checklist.walk() if not i.children]
    parents = {i.id: p.id for i, p in checklist.walk() if p is not None}
    still_covered, not_missing = [], []
    for t in tasks:
        assert t.span is not None
        draft = textkit.parse(textkit.read_text(text[: t.span[0]] + text[t.span[1]:]))
        result = check(draft, checklist)
        status = result.get(t.id).status
        if status == "covered":
            still_covered.append(t.id)
        if status != "missing":
            not_missing.append(t.id)
        holders, node = set(), t.id
        while node in parents:
            node = parents[node]
            holders.add(node)
        assert not [r.item.id for r in result.items
                    if r.item.id != t.id and r.item.id not in holders and r.status == "missing"], t.id
    # The plan's other passages copy other parts of the directive (tasks, its 指导思想): their words shared
    # with the cut task are no evidence for it, so it is missing, not partial.
    assert len(not_missing) <= max(1, len(tasks) // 20), not_missing
    # A task the plan says twice stays covered when one copy is cut (seed 000 restates its 总要求 in 一、指导思想;
    # seed 001's 主要措施 repeat its lead paragraphs): at most one task in ten.
    assert len(still_covered) <= max(1, len(tasks) // 10), still_covered
