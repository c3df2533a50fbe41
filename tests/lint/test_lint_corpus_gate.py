"""Evaluation gate: on the dev corpus every enabled rule keeps precision >= 0.9 over the findings reviewed in
docs/lint.md, and few findings go unreviewed (new ones mean: review them and add verdicts to docs/lint.md)."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from textkit.lint import load_config

ROOT = Path(__file__).resolve().parent.parent.parent
PRECISION_FLOOR = 0.9
UNREVIEWED_CEILING = 0.2  # share of a rule's findings that may lack a verdict before the gate fails


def _review_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lint_review", ROOT / "scripts" / "lint_review.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def counts(shared_corpus: Path) -> dict[str, Counter[str]]:
    review = _review_script()
    by_rule = review.collect(shared_corpus / "raw", all_rules=True)
    result: dict[str, Counter[str]] = review.tally(by_rule, review.read_verdicts(ROOT / "docs" / "lint.md"))
    return result


def test_lint_corpus_gate(counts: dict[str, Counter[str]]) -> None:
    failures = []
    for rule in load_config().enabled():
        t = counts.get(rule.id)
        if not t:
            continue
        reviewed = t["tp"] + t["fp"]
        total = reviewed + t["unreviewed"]
        if reviewed and t["tp"] / reviewed < PRECISION_FLOOR:
            failures.append(f"{rule.id}: precision {t['tp']}/{reviewed}")
        if t["unreviewed"] > UNREVIEWED_CEILING * total:
            failures.append(f"{rule.id}: {t['unreviewed']} of {total} findings unreviewed")
    assert not failures, "; ".join(failures)


def test_lint_corpus_gate_off_rules_measured_below_the_floor(counts: dict[str, Counter[str]]) -> None:
    """A rule ships off only for a measured reason; keep docs/lint.md and lint.toml agreeing."""
    for rule in load_config().rules:
        if not rule.enabled:
            t = counts.get(rule.id)
            assert t and t["fp"] > 0.1 * (t["tp"] + t["fp"]), f"{rule.id} is off but measured above the floor"
