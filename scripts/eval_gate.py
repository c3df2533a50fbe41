#!/usr/bin/env python3
"""The accuracy gate: score textkit on the dev corpus with ../shared/corpus/score.py and compare to floors.

Runs the corpus scorer (which calls `textkit parse --format json` on every document) and the coverage
scorer leave-one-pair-out (scripts/eval_coverage.py, which runs ../shared/corpus/coverage_score.py), prints
their summaries, and exits 1 if any metric falls below the floor pinned in eval/floors.json. Raise a floor
when textkit improves; never lower one to make a change pass.

    python scripts/eval_gate.py [--shared ../shared] [--floors eval/floors.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--floors", default=str(ROOT / "eval" / "floors.json"))
    args = ap.parse_args(argv)
    corpus = Path(args.shared) / "corpus"
    textkit = Path(sys.executable).parent / "textkit"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summary.json"
        cmd = [sys.executable, str(corpus / "score.py"), str(corpus / "gold"), str(corpus / "raw"),
               "--textkit", str(textkit), "--json", str(out)]
        proc = subprocess.run(cmd, text=True, capture_output=True)
        print(proc.stdout, end="")
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        summary = json.loads(out.read_text(encoding="utf-8"))
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
    if summary.get("errors"):
        failed.append(f"documents that failed to parse: {summary['errors']}")
    for area, metrics in floors.items():
        for name, floor in metrics.items():
            got = summary[area][name]
            mark = "ok " if got >= floor else "LOW"
            print(f"{mark} {area}.{name}: {got:.3f} (floor {floor:.3f})")
            if got < floor:
                failed.append(f"{area}.{name} {got:.3f} < {floor:.3f}")
    if failed:
        print("eval gate FAILED: " + "; ".join(failed), file=sys.stderr)
        return 1
    print("eval gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
