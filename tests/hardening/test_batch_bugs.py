"""A bug that one file triggers after reading (in lint, in rendering) loses no other file's result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textkit.cli import main

GOOD = "某局工作方案\n一、总体要求\n（一）加强学习。责任单位：办公室。\n"


def _files(tmp_path: Path) -> tuple[Path, Path]:
    bad = tmp_path / "bad.txt"
    bad.write_text("某局工作方案\n一、炸\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    return bad, good


def test_lint_bug_on_one_plan_keeps_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    import textkit.lint  # noqa: F401  (the name textkit.lint is the function; the module is in sys.modules)

    lint_mod = sys.modules["textkit.lint"]
    real = lint_mod.lint

    def flaky(plan, **kw):  # type: ignore[no-untyped-def]
        if "炸" in plan.document.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(plan, **kw)

    monkeypatch.setattr(lint_mod, "lint", flaky)
    bad, good = _files(tmp_path)
    out = tmp_path / "out.json"
    assert main(["lint", str(bad), str(good), "--format", "json", "-o", str(out)]) == 2
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(r["source"]).name for r in results] == ["good.txt"]
    err = capsys.readouterr().err
    assert "bad.txt" in err and "RecursionError" in err and err.count("\n") == 1


def test_render_bug_on_one_plan_keeps_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import textkit.output.plan as plan_out

    real = plan_out.render_tree

    def flaky(plan, **kw):  # type: ignore[no-untyped-def]
        if "炸" in plan.document.text:
            raise ValueError("cannot render")
        return real(plan, **kw)

    monkeypatch.setattr(plan_out, "render_tree", flaky)
    bad, good = _files(tmp_path)
    out = tmp_path / "out.txt"
    assert main(["parse", str(bad), str(good), "-o", str(out)]) == 2
    assert "good.txt" in out.read_text(encoding="utf-8")
