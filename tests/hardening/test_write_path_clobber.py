"""Outputs never replace inputs; writes are whole or nothing; a bad output place is one line, exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from textkit.cli import main
from textkit.errors import OutputError
from textkit.output.write import atomic_output, refuse_clobber, write_text

PLAN = "某局工作方案\n一、总体要求\n（一）指导思想。坚持问题导向。\n二、重点任务\n（一）加强学习。责任单位：办公室。\n"


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


@pytest.mark.parametrize("command", [["parse"], ["parse", "--format", "json"], ["lint"], ["tasks"],
                                     ["tasks", "--format", "csv"]])
def test_output_equal_to_input_is_refused_and_input_kept(plan: Path, command: list[str],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code = main([command[0], str(plan), *command[1:], "-o", str(plan)])
    assert code == 2
    assert plan.read_text(encoding="utf-8") == PLAN
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is an input of this run" in err


def test_output_through_symlink_to_input_is_refused(plan: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(plan)
    assert main(["parse", str(plan), "-o", str(link)]) == 2
    assert plan.read_text(encoding="utf-8") == PLAN


def test_output_hard_link_to_input_is_refused(plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "same.txt"
    os.link(plan, other)
    assert main(["lint", str(plan), "-o", str(other)]) == 2
    assert plan.read_text(encoding="utf-8") == PLAN


def test_check_output_equal_to_checklist_is_refused(plan: Path, tmp_path: Path) -> None:
    ck = tmp_path / "ck.toml"
    body = '[[item]]\nid = "xuexi"\ntitle = "加强学习"\nkeywords = ["学习"]\n'
    ck.write_text(body, encoding="utf-8")
    assert main(["check", str(plan), "--checklist", str(ck), "-o", str(ck)]) == 2
    assert ck.read_text(encoding="utf-8") == body


def test_save_checklist_over_directive_is_refused(plan: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(PLAN, encoding="utf-8")
    assert main(["check", str(draft), "--against", str(plan), "--save-checklist", str(plan)]) == 2
    assert plan.read_text(encoding="utf-8") == PLAN


def test_compare_output_inside_an_input_folder_is_refused(plan: Path, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text(PLAN.replace("办公室", "人事处"), encoding="utf-8")
    assert main(["compare", str(tmp_path), "--no-progress", "-o", str(second)]) == 2
    assert "人事处" in second.read_text(encoding="utf-8")


def test_compare_output_matching_an_input_glob_is_refused(plan: Path, tmp_path: Path) -> None:
    assert main(["compare", str(tmp_path / "*.txt"), "--no-progress", "-o", str(plan)]) == 2
    assert plan.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize("where", ["missing-folder", "folder", "under-a-file"])
def test_bad_output_place_is_one_line_exit_2(plan: Path, tmp_path: Path, where: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = {"missing-folder": tmp_path / "nope" / "out.json", "folder": tmp_path,
              "under-a-file": plan / "out.json"}[where]
    assert main(["parse", str(plan), "--format", "json", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("textkit: error: ") and err.count("\n") == 1


def test_read_only_place_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="Permission denied"):
        write_text(tmp_path / "out.md", "一、总体要求\n")


def test_interrupted_writer_leaves_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(KeyError), atomic_output(out) as tmp:
        tmp.write_bytes(b"partial")
        raise KeyError("writer failed half-way")
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_successful_write_replaces_whole_file(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("旧内容" * 100, encoding="utf-8")
    write_text(out, "一、总体要求\n", inputs=[tmp_path / "plan.txt"])
    assert out.read_text(encoding="utf-8") == "一、总体要求\n"


def test_lone_surrogate_is_written_as_replacement_not_a_crash(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    write_text(out, "一、\ud800总体要求\n")
    assert out.read_text(encoding="utf-8") == "一、\ufffd总体要求\n"


def test_stdout_is_not_an_input(plan: Path) -> None:
    refuse_clobber("-", inputs=[plan])
    refuse_clobber(None, inputs=[plan])
