"""The fast start changes no output: ``textkit parse`` (and ``lint``) print the same JSON with the disk memos
off (``TEXTKIT_NO_CACHE``: every regex compiled and every prefix worked out afresh, plain ``re.compile``),
with an empty cache folder (the run that writes the memos) and with the memos written (the run that reads
them). Each mode is a new process, as a user's command is."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "corpora" / "000_3b4e0d12af4a227f.txt"
SEED_001 = ROOT / "corpora" / "001_ea77caf3222f4d4a.txt"
SHARED_FILES = ("013.txt", "030.txt", "042.txt")  # a digital-transformation plan, a task-table plan, a directive


def run(args: list[str], *, cache: Path | None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTKIT_NO_CACHE", "XDG_CACHE_HOME")}
    if cache is None:
        env["TEXTKIT_NO_CACHE"] = "1"
    else:
        env["XDG_CACHE_HOME"] = str(cache)
    done = subprocess.run([sys.executable, "-m", "textkit", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.strip()
    return done.stdout


def three_ways(args: list[str], tmp_path: Path) -> tuple[str, str, str]:
    plain = run(args, cache=None)
    cold = run(args, cache=tmp_path)
    memo_files = sorted(p.name for p in (tmp_path / "textkit").iterdir())
    for kind in ("regex-", "patterns-", "data-"):  # compiled programs, parse-tree answers, parsed TOML
        assert any(n.startswith(kind) for n in memo_files), memo_files
    warm = run(args, cache=tmp_path)
    return plain, cold, warm


def test_parse_json_of_the_seeds_is_the_same_with_the_memos_off_cold_and_warm(tmp_path: Path) -> None:
    plain, cold, warm = three_ways(["parse", str(SEED_000), str(SEED_001), "--format", "json"], tmp_path)
    assert plain == cold == warm
    plans = json.loads(plain)
    assert len(plans) == 2 and all(p["dates"] and p["units"] and p["sections"] for p in plans)


def test_parse_json_of_shared_corpus_files_is_the_same(shared_corpus: Path, tmp_path: Path) -> None:
    files = [str(shared_corpus / "raw" / name) for name in SHARED_FILES]
    plain, cold, warm = three_ways(["parse", *files, "--format", "json"], tmp_path)
    assert plain == cold == warm
    assert sum(len(p["dates"]) for p in json.loads(plain)) > 50


def test_lint_json_is_the_same(tmp_path: Path) -> None:
    plain, cold, warm = three_ways(["lint", str(SEED_001), "--format", "json"], tmp_path)
    assert plain == cold == warm
    assert "findings" in json.loads(plain)


@pytest.mark.parametrize("command", ["parse", "lint"])
def test_a_warm_run_compiles_none_of_the_rule_sets_regexes_again(command: str, tmp_path: Path) -> None:
    # the memo is what the speed comes from: after one run, a second one finds every program it needs
    args = [command, str(SEED_001), "--format", "json"]
    run(args, cache=tmp_path)
    probe = (
        "import runpy, sys\n"
        "import textkit.patterns as p\n"
        "m = p.default_code_memo()\n"
        "before = set(m.known)\n"
        f"sys.argv = ['textkit', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('textkit', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(f'USED {len(m.used)} MISSED {len([k for k in m.used if k not in before])}')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TEXTKIT_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=600)
    found = re.search(r"USED (\d+) MISSED (\d+)", done.stderr)
    assert found is not None, done.stderr[-500:]
    used, missed = found.groups()
    assert int(used) > 100 and int(missed) == 0


def test_parse_reads_no_lint_rules_and_lint_reads_them_once(tmp_path: Path) -> None:
    # the shipped lint rules are loaded when `RuleSet.lint` is first asked for: never by a parse
    probe = (
        "import sys\n"
        "from textkit.ruleset import load_rules\n"
        "from textkit.pipeline import parse\n"
        f"rules = load_rules(); parse({str(SEED_001)!r}, rules=rules)\n"
        "print('textkit.lint_rules' in sys.modules)\n"
        "first = rules.lint\n"
        "print('textkit.lint_rules' in sys.modules, rules.lint is first, first.rule('text.doubled-word').severity)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TEXTKIT_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=600)
    assert done.stdout.split() == ["False", "True", "True", "error"], done.stderr[-500:]
