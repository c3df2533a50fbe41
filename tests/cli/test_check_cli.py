"""`textkit check`: formats, --fail-on exit codes, --against, and one-line errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textkit.cli import main

CHECKLIST = str(Path(__file__).resolve().parents[2] / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml")


def test_table_is_the_default(seed001_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed001_path), "--checklist", CHECKLIST]) == 0
    out = capsys.readouterr().out
    assert "专题民主生活会/组织生活会" in out and "二/（四）/3" in out
    assert "16 已覆盖 covered, 0 部分覆盖 partial, 0 缺失 missing of 16" in out


def test_json_to_file(seed000_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["check", str(seed000_path), "--checklist", CHECKLIST, "--format", "json", "-o", str(out)]) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["schema"] == "textkit.check/1"
    assert {i["id"]: i["status"] for i in d["items"]}["minzhu-shenghuohui"] == "missing"


@pytest.mark.parametrize("fail_on,code_000,code_001", [("missing", 1, 0), ("partial", 1, 0)])
def test_fail_on(seed000_path: Path, seed001_path: Path, fail_on: str, code_000: int, code_001: int,
                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed000_path), "--checklist", CHECKLIST, "--fail-on", fail_on]) == code_000
    assert main(["check", str(seed001_path), "--checklist", CHECKLIST, "--fail-on", fail_on]) == code_001


@pytest.mark.parametrize("fmt,marker", [("md", "# 检查报告"), ("html", "<!DOCTYPE html>")])
def test_other_formats(seed001_path: Path, fmt: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed001_path), "--checklist", CHECKLIST, "--format", fmt]) == 0
    assert capsys.readouterr().out.startswith(marker)


def test_against_a_directive(seed001_path: Path, directive_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed001_path), "--against", str(directive_path), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    sources = {i["source"] for i in d["items"]}
    assert {"三/1", "三/2", "三/3", "三/4", "三/5", "四"} <= sources
    assert not any(s.startswith("一") for s in sources)  # 一、重大意义 is declaratory
    text = directive_path.read_text(encoding="utf-8")
    titled = {text[i["source_start"]:].split("。")[0] for i in d["items"] if i["kind"] == "task"}
    assert {"破难题、促发展", "办实事、解民忧", "开展党性分析", "开展整改整治"} <= titled


def test_against_can_save_the_derived_checklist(seed000_path: Path, directive_path: Path, tmp_path: Path) -> None:
    from textkit.comparison.checklist import load_checklist

    saved = tmp_path / "derived.toml"
    assert main(["check", str(seed000_path), "--against", str(directive_path), "--scope", "工作安排",
                 "--save-checklist", str(saved), "-o", str(tmp_path / "r.txt")]) == 0
    cl = load_checklist(saved)
    tasks = [i.title for i, _ in cl.walk() if not i.children]
    assert {"理论学习", "调查研究", "破难题、促发展", "办实事、解民忧", "开展党性分析", "开展整改整治", "建章立制"} <= set(tasks)
    assert main(["check", str(seed000_path), "--checklist", str(saved), "-o", str(tmp_path / "r2.txt")]) == 0
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == (tmp_path / "r2.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--checklist", "/nonexistent/x.toml"], "no such checklist file"),
        (["--against", "/nonexistent/directive.txt"], "no such file"),
        (["--against", "{seed}", "--scope", "没有这一部分"], "`scope` value = ['没有这一部分'] is invalid"),
    ],
)
def test_bad_input_exits_2_with_one_line(seed000_path: Path, argv: list[str], message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{seed}", str(seed000_path)) for a in argv]
    assert main(["check", str(seed000_path), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and err.startswith("textkit: error:")


def test_bad_checklist_file_exits_2(seed000_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("items:\n  - id: a\n    title: 调研\n    source: 三/2\n    keywords: []\n", encoding="utf-8")
    assert main(["check", str(seed000_path), "--checklist", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:a:keywords" in err


def test_checklist_and_against_are_exclusive(seed000_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed000_path)]) == 2
    assert main(["check", str(seed000_path), "--checklist", CHECKLIST, "--against", str(seed000_path)]) == 2


def test_missing_draft_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/draft.txt", "--checklist", CHECKLIST]) == 2
    assert "no such file" in capsys.readouterr().err


def test_should_items_do_not_fail_the_run(seed000_path: Path, tmp_path: Path) -> None:
    body = ('[[items]]\nid = "shh"\ntitle = "组织生活会"\nsource = "三/4"\nkeywords = [["组织生活会"]]\n'
            'priority = "{p}"\n')
    for priority, code in (("should", 0), ("must", 1)):
        f = tmp_path / f"{priority}.toml"
        f.write_text(body.format(p=priority), encoding="utf-8")
        assert main(["check", str(seed000_path), "--checklist", str(f), "--fail-on", "missing", "-o",
                     str(tmp_path / "out.txt")]) == code


def test_tables_lists_the_rows_of_an_attached_task_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from textkit.comparison.checklist import load_checklist

    directive = tmp_path / "通知.txt"
    directive.write_text("关于做好重点工作的通知\n一、工作要求\n各处室要对照清单抓好落实。\n附件：重点工作清单\n"
                         "序号\t工作任务\t具体内容\t牵头处室\t完成时限\n"
                         "1\t推进家校共育\t举办家长学校，每学期召开家长会\t德育处\t全年\n"
                         "2\t建设智慧校园\t建设校园数据中心，整合应用平台\t信息中心\t12月底前\n", encoding="utf-8")
    plain, rows = tmp_path / "plain.toml", tmp_path / "rows.toml"
    assert main(["checklist", str(directive), "-o", str(plain)]) == 0
    assert main(["checklist", str(directive), "--tables", "-o", str(rows)]) == 0
    assert not [i for i, _ in load_checklist(plain).walk() if i.id.startswith("表")]
    assert [i.title for i, _ in load_checklist(rows).walk() if i.id.startswith("表1/")] == ["推进家校共育", "建设智慧校园"]
    draft = tmp_path / "方案.txt"
    draft.write_text("德育处方案\n一、措施\n（一）推进家校共育。举办家长学校，每学期召开家长会。\n", encoding="utf-8")
    assert main(["check", str(draft), "--against", str(directive), "--tables", "--format", "json",
                 "-o", str(tmp_path / "r.json")]) == 0
    verdicts = {i["id"]: i["status"] for i in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["items"]}
    assert verdicts["表1/1"] == "covered" and verdicts["表1/2"] == "missing"
