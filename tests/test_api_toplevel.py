"""The Python API a researcher types first: plan.title, textkit.check / compare / lint on paths."""

from __future__ import annotations

import importlib
from pathlib import Path

import textkit


def test_plan_title_is_the_json_title(seed000_path: Path) -> None:
    from textkit.output.plan import plan_to_dict

    plan = textkit.parse(seed000_path)
    assert plan.title == "某局主题教育实施方案" == plan_to_dict(plan, tree=False)["title"]


def test_check_compare_lint_take_paths(seed000_path: Path, seed001_path: Path) -> None:
    checklist = Path("corpora/checklists/zhuti-jiaoyu-2023.toml")
    result = textkit.check(seed001_path, checklist)
    assert {r.status for r in result.items} <= {"covered", "partial", "missing"} and result.items
    comparison = textkit.compare([seed000_path, seed001_path])
    assert comparison.sources == (str(seed000_path), str(seed001_path))
    found = textkit.lint(seed001_path)
    text = seed001_path.read_text(encoding="utf-8")
    assert "开展开展" in [text[f.start:f.end] for f in found.findings]
    # importing the lint subpackage does not hide the function
    importlib.import_module("textkit.lint_rules")

    assert callable(textkit.lint) and textkit.lint(seed001_path).findings == found.findings
