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
    assert "1 plans compared, 1 unreadable" in out
    assert "nope.txt" in err
    code, out, err = _run(capsys, str(tmp_path / "nope.txt"))
    assert code == 2 and "no plan could be read" in err and "Traceback" not in err
    code, _, err = _run(capsys, str(seed000_path), "--format", "xlsx")
    assert code == 2 and "output" in err
    code, _, err = _run(capsys, str(seed000_path), "--against", str(seed000_path), "--level", "x")
    assert code == 2 and "level" in err
