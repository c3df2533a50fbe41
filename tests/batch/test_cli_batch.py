"""`textkit batch parse|compare`: one library call plus a summary line; bad options exit 2 with one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from textkit.batch import read_table
from textkit.cli import main


def test_cli_batch_parse_summary_and_tables(cluster: Any, mixed_batch: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["batch", "parse", str(mixed_batch), "-o", str(tmp_path), "--scheduler", cluster.scheduler_address])
    out = capsys.readouterr().out
    assert code == 0
    # stdout is not a terminal here: the summary line only, no progress bar
    assert out.count("\n") == 1 and "18 files parsed" in out and "2 errors" in out
    assert read_table(tmp_path, "plans").num_rows == 16
    code = main(["batch", "parse", str(mixed_batch), "-o", str(tmp_path), "--quiet",
                 "--scheduler", cluster.scheduler_address])
    assert code == 0 and capsys.readouterr().out == ""


@pytest.mark.parametrize(("argv", "word"), [
    (["batch", "parse", "corpora", "-o", "OUT", "--workers", "0"], "workers"),
    (["batch", "compare", "corpora", "-o", "OUT", "--top-k", "0"], "top_k"),
    (["batch", "compare", "corpora", "-o", "OUT", "--min-similarity", "1.5"], "min_similarity"),
])
def test_cli_batch_bad_option_exits_2_with_one_line(argv: list[str], word: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    argv = [str(tmp_path / a) if a == "OUT" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and word in err and "Traceback" not in err
