"""`parse_batch` on a 2-worker LocalCluster writes, row for row, what serial `parse_many` finds — also on a
rerun (nothing parsed twice) and when a worker is killed half-way (nothing lost, nothing duplicated)."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from textkit.batch import parse_batch, read_table
from textkit.batch.tables import PARSE_TABLES
from textkit.errors import InputError
from textkit.output.plan import plan_to_dict
from textkit.pipeline import parse_many

Rows = dict[str, list[tuple[Any, ...]]]


def _inputs(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.suffix in (".txt", ".docx", ".pdf"))


def _serial(folder: Path) -> Rows:
    """The expected rows, from serial `parse_many` through the JSON contract of `textkit parse`."""
    rows: Rows = {name: [] for name in PARSE_TABLES}
    files = _inputs(folder)
    for file, result in zip(files, parse_many(files), strict=True):
        if isinstance(result, InputError):
            rows["errors"].append((file, type(result).__name__))
            continue
        d = plan_to_dict(result, tree=False)
        rows["plans"].append((file, d["title"], d["format"], d["length"], len(d["sections"]), len(d["units"])))
        rows["sections"] += [(file, s["id"], s["parent"], s["level"], s["marker"], s["number"], s["style"],
                              s["title"], s["start"], s["end"], s["title_start"], s["title_end"], s.get("page"))
                             for s in d["sections"]]
        rows["measures"] += [(file, m["section"], m["kind"], m["start"], m["end"], m.get("page"), m["title"],
                              tuple(m["path"]), m["text"], tuple(u["name"] for u in m["units"]), len(m["dates"]))
                             for m in d["measures"]]
        rows["units"] += [(file, u["start"], u["end"], u.get("page"), u["text"], u["name"], u["role"],
                           u["collective"], u["alias"], u["label"], u["rule_id"], u["section"]) for u in d["units"]]
        rows["dates"] += [(file, t["start"], t["end"], t.get("page"), t["text"], t["kind"], t["rule_id"],
                           t["section"], t["value"]["start"], t["value"]["end"], t["value"]["freq"],
                           t["value"]["count"], t["value"]["day"], t["value"]["time"]) for t in d["dates"]]
    return {name: sorted(r, key=repr) for name, r in rows.items()}


def _written(outdir: Path) -> Rows:
    """The rows of the Parquet tables, in the shape of `_serial`."""
    t = {name: read_table(outdir, name).to_pylist() for name in PARSE_TABLES}
    rows: Rows = {
        "plans": [(r["file"], r["title"], r["format"], r["length"], r["sections"], r["units"]) for r in t["plans"]],
        "sections": [(r["file"], r["id"], r["parent"], r["level"], r["marker"], r["number"], r["style"], r["title"],
                      r["start"], r["end"], r["title_start"], r["title_end"], r["page"]) for r in t["sections"]],
        "measures": [(r["file"], r["section"], r["kind"], r["start"], r["end"], r["page"], r["title"],
                      tuple(r["path"]), r["text"], tuple(r["unit_names"]), r["dates"]) for r in t["measures"]],
        "units": [(r["file"], r["start"], r["end"], r["page"], r["text"], r["name"], r["role"], r["collective"],
                   r["alias"], r["label"], r["rule_id"], r["section"]) for r in t["units"]],
        "dates": [(r["file"], r["start"], r["end"], r["page"], r["text"], r["kind"], r["rule_id"], r["section"],
                   r["value_start"], r["value_end"], r["freq"], r["count"], r["day"], r["time"]) for r in t["dates"]],
        "errors": [(r["file"], r["error"]) for r in t["errors"]],
    }
    return {name: sorted(r, key=repr) for name, r in rows.items()}


@pytest.fixture(scope="module")
def expected(mixed_batch: Path) -> Rows:
    return _serial(mixed_batch)


def test_parse_batch_tables_equal_serial_parse_many(cluster: Any, mixed_batch: Path, expected: Rows,
                                                    tmp_path: Path) -> None:
    s = parse_batch([mixed_batch], tmp_path, scheduler=cluster.scheduler_address, quiet=True, partition_size=3)
    assert (s.files, s.parsed, s.skipped, s.workers) == (18, 18, 0, 2)
    got = _written(tmp_path)
    assert {e for _, e in got["errors"]} == {"CorruptFileError", "EmptyInputError"}
    assert len(got["plans"]) == 16 and len(got["sections"]) > 200 and len(got["units"]) > 20
    for name in PARSE_TABLES:
        assert got[name] == expected[name], name
    pdf_pages = {r[-1] for r in got["sections"] if r[0].endswith(".pdf")}
    assert None not in pdf_pages and max(pdf_pages) > 1  # PDF rows carry their page
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"] == 18 and manifest["rows"]["sections"] == len(expected["sections"])


def test_parse_batch_rerun_skips_done_files_and_drops_orphan_parts(
        cluster: Any, mixed_batch: Path, expected: Rows, tmp_path: Path, seed001_text: str) -> None:
    parse_batch([mixed_batch], tmp_path, scheduler=cluster.scheduler_address, quiet=True)
    # A part file whose partition never wrote its entry (its worker died in between) is not a result.
    orphan = tmp_path / "sections.parquet" / "part-0123456789abcdef0123.parquet"
    orphan.write_bytes((next((tmp_path / "sections.parquet").glob("part-*.parquet"))).read_bytes())
    s = parse_batch([mixed_batch], tmp_path, scheduler=cluster.scheduler_address, quiet=True)
    assert (s.parsed, s.skipped) == (0, 18)
    assert not orphan.exists()
    assert _written(tmp_path) == expected
    extra = tmp_path.parent / f"{tmp_path.name}-in"
    extra.mkdir()
    (extra / "new.txt").write_text(seed001_text.replace("主题教育", "专题教育"), encoding="utf-8")
    (extra / "copy-of-seed.txt").write_text(seed001_text, encoding="utf-8")  # same content: already done
    s = parse_batch([mixed_batch, extra], tmp_path, scheduler=cluster.scheduler_address, quiet=True)
    assert (s.parsed, s.skipped) == (1, 19)
    assert len(_written(tmp_path)["plans"]) == 17


def test_parse_batch_worker_killed_halfway_loses_and_duplicates_nothing(
        cluster: Any, mixed_batch: Path, expected: Rows, tmp_path: Path) -> None:
    from distributed import Client

    killed: list[int] = []
    with Client(cluster) as client:  # closed before the batch: one client per process at a time
        pids = list(client.run(os.getpid).values())

    def kill_halfway() -> None:
        entries = tmp_path / "_partitions"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if entries.is_dir() and len(list(entries.glob("*.json"))) >= 9:
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])
                return
            time.sleep(0.005)

    watcher = threading.Thread(target=kill_halfway)
    watcher.start()
    s = parse_batch([mixed_batch], tmp_path, scheduler=cluster.scheduler_address, quiet=True, partition_size=1)
    watcher.join()
    assert killed, "the batch finished before a worker could be killed"
    assert s.parsed == 18
    failed = [r["message"] for r in read_table(tmp_path, "errors").to_pylist() if r["error"] == "TaskFailed"]
    assert failed == []  # a task on the killed worker is run again, not reported as an error
    assert _written(tmp_path) == expected
    with Client(cluster) as client:  # the nanny restarted the killed worker
        client.wait_for_workers(2, timeout=60)
        assert pids[0] not in client.run(os.getpid).values()
