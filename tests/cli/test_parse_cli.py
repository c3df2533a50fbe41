"""`textkit parse`: tree and JSON output, exit codes, and batches with a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textkit.cli import main


def test_parse_cli_json_contract(seed001_path: Path, seed001_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(seed001_path), "--format", "json", "--reference-date", "2023-04-01"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "textkit.plan/1"
    assert out["title"] == ""  # seed 001 starts with its preamble: it has no title line
    assert out["reference_date"] == "2023-04-01"
    secs = out["sections"]
    assert len(secs) == 26
    by_id = {s["id"]: s for s in secs}
    assert by_id["二/（四）/3"]["parent"] == "二/（四）" and by_id["二/（四）"]["parent"] == "二"
    assert by_id["二"]["parent"] is None and by_id["二/（四）/3"]["number"] == 3
    for s in secs:
        assert seed001_text[s["title_start"] : s["title_end"]] == s["title"]
        assert seed001_text[s["start"] :].startswith(s["marker"])
    assert {"measures", "units", "dates", "quantities", "warnings", "tree"} <= set(out)
    # the tree's leaves tile the text
    leaves: list[dict[str, int]] = []

    def walk(node: dict) -> None:  # type: ignore[type-arg]
        if "children" in node:
            for c in node["children"]:
                walk(c)
        else:
            leaves.append(node)

    walk(out["tree"])
    assert "".join(seed001_text[n["start"] : n["end"]] for n in leaves) == seed001_text


def test_parse_cli_tree(seed000_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(seed000_path)]) == 0
    out = capsys.readouterr().out
    assert "  一、指导思想\n" in out
    assert "    （一）牢牢把握目标任务\n" in out


def test_parse_cli_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty" in err and "Traceback" not in err
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_parse_cli_batch_reports_bad_file_and_goes_on(
    tmp_path: Path, seed000_path: Path, seed001_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    code = main(["parse", str(seed000_path), str(junk), str(seed001_path), "--format", "json", "--no-tree"])
    captured = capsys.readouterr()
    assert code == 2
    assert "junk.txt" in captured.err and "binary" in captured.err
    out = json.loads(captured.out)
    assert [o["source"] for o in out] == [str(seed000_path), str(seed001_path)]


def test_parse_cli_bad_options(seed000_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(seed000_path), "--reference-date", "2023-13-01"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["parse", str(seed000_path), "--max-size", "0"]) == 2
    assert "max-size" in capsys.readouterr().err


def test_parse_cli_json_extracted_items_point_into_the_text(
    seed000_path: Path, seed000_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(seed000_path), "--format", "json", "--no-tree", "--reference-date", "2023-09-01"]) == 0
    out = json.loads(capsys.readouterr().out)
    ids = {s["id"] for s in out["sections"]} | {""}
    for key in ("measures", "units", "dates", "quantities"):
        assert out[key], key
        for item in out[key]:
            assert seed000_text[item["start"] : item["end"]] == item["text"]
            assert item["section"] in ids
    assert out["period"] == {"start": "2023-09-01", "end": "2024-01-31", "freq": None, "count": None,
                             "day": None, "time": None, "interval": None}
    period = out["dates"][0]
    assert period["text"] == "从2023年9月开始，2024年1月基本结束" and period["kind"] == "period"
    assert [d["kind"] for d in out["dates"] if d["text"] == "定期"] == ["vague"]
    assert {u["role"] for u in out["units"]} <= {"lead", "support", "responsible"}
    six = next(q for q in out["quantities"] if q["text"].startswith("6个方面"))
    assert six["value"] == 6
