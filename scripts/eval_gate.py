#!/usr/bin/env python3
"""The accuracy gate: score textkit on the dev corpus with ../shared/corpus/score.py and compare to floors.

Runs the corpus scorer (which calls `textkit parse --format json` on every document) four times: on the dev
gold (../shared/corpus/gold against ../shared/corpus/raw), on our own gold for extra plans (eval/gold-extra
against ../shared/corpus/extra, see docs/eval.md) and on the held-out gold for six other extra plans
(eval/gold-holdout, annotated blind; see its README) and on a second such set (eval/gold-holdout2); then the coverage scorer leave-one-pair-out
(scripts/eval_coverage.py, which runs ../shared/corpus/coverage_score.py). It prints their summaries and
exits 1 if any metric falls below the floor pinned in eval/floors.json (the extra gold's floors under
"extra", the held-out gold's under "holdout" and "holdout2"), or if the shared corpus is not there. Raise a floor when textkit improves; never lower one to make
a change pass.

    python scripts/eval_gate.py [--shared ../shared] [--floors eval/floors.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


GOLD_EXTRA = ROOT / "eval" / "gold-extra"
GOLD_HOLDOUT = ROOT / "eval" / "gold-holdout"
GOLD_HOLDOUT2 = ROOT / "eval" / "gold-holdout2"


def _score(corpus: Path, gold: Path, raw: Path, textkit: Path, out: Path) -> dict[str, Any] | None:
    """Run the official scorer on ``gold`` against the texts in ``raw``; its summary, or None if it failed."""
    cmd = [sys.executable, str(corpus / "score.py"), str(gold), str(raw), "--textkit", str(textkit), "--json", str(out)]
    proc = subprocess.run(cmd, text=True, capture_output=True)
    print(proc.stdout, end="")
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return None
    summary: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return summary


def _missing(corpus: Path) -> list[str]:
    """What the gate needs and does not find: the shared corpus's scorer, dev gold and texts, the extra texts,
    and our own extra and held-out gold."""
    need = [corpus / "score.py", corpus / "gold", corpus / "raw", corpus / "extra", GOLD_EXTRA, GOLD_HOLDOUT,
            GOLD_HOLDOUT2]
    return [str(p) for p in need if not p.exists()]


def _check(summary: dict[str, Any], floors: dict[str, Any], prefix: str = "") -> list[str]:
    """Compare each floor (nested the way the summary is) with the measured figure; the failures."""
    failed = []
    for area, metrics in floors.items():
        for name, floor in metrics.items():
            if isinstance(floor, dict):
                failed += _check(summary[area], {name: floor}, f"{prefix}{area}.")
                continue
            got = summary[area][name]
            mark = "ok " if got >= floor else "LOW"
            print(f"{mark} {prefix}{area}.{name}: {got:.3f} (floor {floor:.3f})")
            if got < floor:
                failed.append(f"{prefix}{area}.{name} {got:.3f} < {floor:.3f}")
    return failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--floors", default=str(ROOT / "eval" / "floors.json"))
    args = ap.parse_args(argv)
    corpus = Path(args.shared) / "corpus"
    missing = _missing(corpus)
    if missing:
        print("eval gate FAILED: the corpus it scores against is not there: " + ", ".join(missing)
              + " (the shared corpus lives in ../shared next to the project; give another with --shared DIR)",
              file=sys.stderr)
        return 1
    textkit = Path(sys.executable).parent / "textkit"
    with tempfile.TemporaryDirectory() as tmp:
        # (summary key, header, gold, texts): the dev gold's figures are the summary's top level
        sets = (("dev", "dev gold", corpus / "gold", corpus / "raw"),
                ("extra", "extra gold (ours, issue 12)", GOLD_EXTRA, corpus / "extra"),
                ("holdout", "held-out gold (ours, issue 12, annotated blind)", GOLD_HOLDOUT, corpus / "extra"),
                ("holdout2", "second held-out gold (ours, annotated blind)", GOLD_HOLDOUT2, corpus / "extra"))
        parts: dict[str, dict[str, Any]] = {}
        for name, header, gold, raw in sets:
            print(f"== {header}: {gold} against {raw}")
            part = _score(corpus, gold, raw, textkit, Path(tmp) / f"{name}.json")
            if part is None:
                return 1
            parts[name] = part
        summary: dict[str, Any] = {**parts["dev"], **{n: p for n, p in parts.items() if n != "dev"}}
        print("== coverage")
        cov_out = Path(tmp) / "coverage.json"
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_coverage.py"), "--shared", args.shared,
                               "--json", str(cov_out)], text=True, capture_output=True)
        print(proc.stdout, end="")
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        coverage = json.loads(cov_out.read_text(encoding="utf-8"))
        summary["coverage"] = {**coverage, "itemised": 1.0 - coverage["not_itemised"]}
    floors = json.loads(Path(args.floors).read_text(encoding="utf-8"))
    failed = []
    for name, part in parts.items():
        if part.get("errors"):
            failed.append(f"{name}: documents that failed to parse: {part['errors']}")
    failed += _check(summary, floors)
    if failed:
        print("eval gate FAILED: " + "; ".join(failed), file=sys.stderr)
        return 1
    print("eval gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
