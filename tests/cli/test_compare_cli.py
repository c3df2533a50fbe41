"""`textkit compare`: JSON contract, HTML escaping, XLSX sheets, GraphML, exit codes."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from textkit.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["compare", "--no-progress", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_contract(capsys: pytest.CaptureFixture[str], seed000_path: Path, seed001_path: Path,
                       directive_path: Path) -> None:
    code, out, _ = _run(capsys, str(seed000_path), str(seed001_path), "--against", str(directive_path),
                        "--format", "json")
    assert code == 0
    d = json.loads(out)
    assert d["schema"] == "textkit.compare/1"
    assert [p["source"] for p in d["plans"]] == [str(seed000_path), str(seed001_path)]
    for p in d["plans"]:
        assert isinstance(p["copy_ratio"], float)
        assert set(p["coverage"]) == {i["id"] for i in d["items"]}
        assert set(p["coverage"].values()) <= {"covered", "partial", "missing"}
    for i in d["items"]:
        assert {"id", "title", "covered_by"} <= set(i)
    assert d["reuse"]
    for r in d["reuse"]:
        assert {"a", "b", "a_start", "a_end", "b_start", "b_end", "score"} <= set(r)
        assert r["b"] in (str(directive_path), str(seed001_path))
    directive = directive_path.read_text(encoding="utf-8")
    r = next(r for r in d["reuse"] if "凝心铸魂筑牢根本" in r["a_text"])
    assert "凝心铸魂筑牢根本" in directive[r["b_start"] : r["b_end"]]
    assert len(d["similarity"]) == 2 and d["similarity"][0][0] == 1.0


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_plan_text(capsys: pytest.CaptureFixture[str], tmp_path: Path, directive_path: Path) -> None:
    directive = directive_path.read_text(encoding="utf-8")
    start = directive.index("凝心铸魂筑牢根本")
    copied = directive[start : start + 200]
    evil = tmp_path / "<b>x&amp;.txt"
    evil.write_text("一、<script>alert(1)</script> A&B\n" + copied + "\n", encoding="utf-8")
    out_file = tmp_path / "report.html"
    code, _, _ = _run(capsys, str(evil), "--against", str(directive_path), "--format", "html", "-o", str(out_file))
    assert code == 0
    page = out_file.read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags  # ≤ 60 plans: no script; the text stays text
    assert any("<script>alert(1)</script> A&B" in t for t in parser.text)
    assert any("<b>x&amp;.txt" in t for t in parser.text)  # the file name too
    assert "http://" not in page and "https://" not in page  # self-contained
    assert "凝心铸魂筑牢根本" in page  # the reused passage, side by side


def test_xlsx_sheets_and_graph(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed000_path: Path,
                               seed001_path: Path, directive_path: Path) -> None:
    import openpyxl

    xlsx, graphml, gexf = tmp_path / "c.xlsx", tmp_path / "g.graphml", tmp_path / "g.gexf"
    code, _, _ = _run(capsys, str(seed000_path.parent), "--against", str(directive_path), "--format", "xlsx",
                      "-o", str(xlsx), "--graphml", str(graphml), "--gexf", str(gexf))
    assert code == 0
    wb = openpyxl.load_workbook(xlsx)
    assert {"plans", "coverage", "items", "reuse", "similarity", "distinctive", "units"} <= set(wb.sheetnames)
    assert wb["plans"].max_row == 3  # header + two seeds
    g = nx.read_graphml(graphml)
    assert {d["kind"] for _, d in g.nodes(data=True)} >= {"plan", "item"}
    assert gexf.stat().st_size > 0


def test_table_and_bad_inputs(capsys: pytest.CaptureFixture[str], seed000_path: Path, tmp_path: Path) -> None:
    code, out, err = _run(capsys, str(seed000_path), str(tmp_path / "nope.txt"))
    assert code == 2  # the unreadable file is reported, the rest compared
    assert out.startswith("共比较 1 份方案，1 份无法读取")
    assert "nope.txt" in err
    code, out, err = _run(capsys, str(tmp_path / "nope.txt"))
    assert code == 2 and "no plan could be read" in err and "Traceback" not in err
    code, _, err = _run(capsys, str(seed000_path), "--format", "xlsx")
    assert code == 2 and "output" in err
    code, _, err = _run(capsys, str(seed000_path), "--against", str(seed000_path), "--level", "x")
    assert code == 2 and "level" in err


def test_html_page_a_supervisor_reads(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed000_path: Path,
                                      seed001_path: Path, directive_path: Path) -> None:
    out_file = tmp_path / "report.html"
    code, _, _ = _run(capsys, str(seed000_path), str(seed001_path), "--against", str(directive_path),
                      "--checklist", "corpora/checklists/zhuti-jiaoyu-2023.toml", "--format", "html",
                      "-o", str(out_file))
    assert code == 0
    page = out_file.read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    text = "".join(parser.text)
    # headings in Chinese, English beside
    for heading in ("方案一览", "清单要求覆盖情况", "方案之间的相似度", "单位与任务", "相同的段落"):
        assert heading in text
    # plans named by title and file name; matrix columns labelled with them, not 0, 1
    assert "某局主题教育实施方案（000_3b4e0d12af4a227f.txt）" in text
    assert page.count("<th class='plan'") >= 3 * 2  # coverage, similarity and units views label both plans
    assert "width:100%" in page
    assert "covered missing" not in text and "已覆盖" in text
    # two plans: no threshold can be fitted, so no clusters are claimed
    assert "不分组" in text
    # reuse leaves out the stock phrase and label lines
    reused = page[page.index("相同的段落"):]
    assert "另有" in reused and "套话" in reused
    assert not any(line.strip().startswith("责任单位") for line in reused.split("</td>"))


def test_json_names_plans_and_threshold(capsys: pytest.CaptureFixture[str], seed000_path: Path,
                                        seed001_path: Path) -> None:
    code, out, _ = _run(capsys, str(seed000_path), str(seed001_path), "--format", "json")
    assert code == 0
    d = json.loads(out)
    assert d["plans"][0]["title"] == "某局主题教育实施方案"
    assert d["plans"][1]["label"] == "001_ea77caf3222f4d4a.txt"  # no title: the file name
    assert d["cluster_threshold"] is None and d["threshold_fitted"] is True and d["clusters"] == [0, 1]
    code, out, _ = _run(capsys, str(seed000_path), str(seed001_path), "--format", "json", "--threshold", "0.2")
    assert code == 0
    d = json.loads(out)
    assert d["cluster_threshold"] == 0.2 and d["threshold_fitted"] is False and d["clusters"] == [0, 0]


def test_xlsx_cells_are_neutralised(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    monkeypatch.chdir(tmp_path)  # the plan is named "=cmd.txt": its source cell starts like a formula
    a = tmp_path / "=cmd.txt"
    body = "深入查摆问题，明确整改方向，严肃认真开展批评和自我批评，切实把问题找准找实，把根源挖深挖透。" * 4
    a.write_text(f"一、主要措施\n=HYPERLINK(\"http://x\")开展专项整治\x07，{body}\n", encoding="utf-8")
    xlsx = tmp_path / "c.xlsx"
    code, _, _ = _run(capsys, a.name, "--format", "xlsx", "-o", str(xlsx))
    assert code == 0
    wb = openpyxl.load_workbook(xlsx)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any("\x07" in c.value for c in cells)
    formula_like = [c for c in cells if c.value.startswith("=")]
    assert formula_like and all(c.data_type == "s" for c in formula_like)
    assert all(ws.freeze_panes == "A2" for ws in wb)


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "--against" in out and "folders" in out
