#!/usr/bin/env python3
"""Coverage accuracy, leave-one-pair-out, with the official scorer (``../shared/corpus/coverage_score.py``).

For each hand-judged pair, a model is fitted on the other pairs (``scripts/fit_coverage.py``), and the
scorer runs ``textkit check PLAN --against DIRECTIVE`` on that pair alone with that model (through
``$TEXTKIT_COVERAGE_MODEL``). Prints the per-pair figures and the totals; ``--json`` writes the totals for
the eval gate.

    python scripts/eval_coverage.py [--shared ../shared] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

LABELS = ("covered", "partial", "missing", "not itemised")
RANK = {"covered": 2, "partial": 1, "missing": 0, "not itemised": 0}


def _confusion(stdout: str) -> Counter[tuple[str, str]]:
    conf: Counter[tuple[str, str]] = Counter()
    for line in stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in LABELS[:3] and len(parts) == 5:
            for label, n in zip(LABELS, parts[1:], strict=True):
                conf[(parts[0], label)] += int(n)
    return conf


def summarise(conf: Counter[tuple[str, str]]) -> dict[str, float]:
    from fit_coverage import kappa

    total = sum(conf.values())
    pairs = [(RANK[g], RANK[t]) for (g, t), n in conf.items() for _ in range(n)]
    flags = sum(n for (_g, t), n in conf.items() if t == "missing")
    right = conf[("missing", "missing")]
    gold_missing = sum(n for (g, _t), n in conf.items() if g == "missing")
    return {
        "tasks": total, "accuracy": sum(n for (g, t), n in conf.items() if g == t) / max(1, total),
        "kappa": kappa(pairs), "not_itemised": sum(n for (_g, t), n in conf.items() if t == "not itemised") / max(1, total),
        "missing_precision": right / max(1, flags), "missing_recall": right / max(1, gold_missing),
    }


def evidence_deletion(shared: Path, models: Path) -> tuple[int, int]:
    """Each hand-judged `covered` task, with the plan lines the gold cites as its evidence deleted: how many
    are no longer `covered` (the verdict must follow the evidence, not the rest of the plan). Each pair is
    judged by its leave-one-pair-out model (``models/<pair>.json``): the fit learns from such deletions, so
    the shipped model would be judged on its own training rows."""
    import bisect

    from fit_coverage import corpus_path, gold_files, without_lines

    import textkit
    from textkit.comparison.coverage import CoverageEngine, load_model
    from textkit.comparison.itemise import derive_checklist

    dropped = total = 0

    for gold_path in gold_files(shared, extra=False):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        directive = textkit.parse(corpus_path(shared, gold["directive"]))
        text = directive.text
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        held = models / f"{gold_path.stem}.json"
        engine = CoverageEngine(derive_checklist(directive), model=load_model(held if held.exists() else None))
        by_line = {bisect.bisect_right(starts, i.span[0]): i for i, _ in engine.checklist.walk() if i.span}
        lines = corpus_path(shared, gold["plan"]).read_text(encoding="utf-8").split("\n")
        for task in gold["items"]:
            item = by_line.get(task["directive_line"])
            if task["verdict"] != "covered" or item is None or not task["plan_lines"]:
                continue
            draft = textkit.parse_text(without_lines(lines, task["plan_lines"]))
            total += 1
            dropped += engine.check(draft).get(item.id).status != "covered"
    return dropped, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", type=Path, help="write the totals here")
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus"
    textkit = Path(sys.executable).parent / "textkit"
    from fit_coverage import EXTRA_GOLD, gold_files

    totals: dict[str, Counter[tuple[str, str]]] = {"shared": Counter(), "ours": Counter()}
    with tempfile.TemporaryDirectory() as tmp:
        models = Path(tmp) / "models"
        fit = subprocess.run([sys.executable, str(ROOT / "scripts" / "fit_coverage.py"), "--shared", str(args.shared),
                              "--lopo-dir", str(models)], text=True, capture_output=True)
        if fit.returncode != 0:
            print(fit.stdout, fit.stderr, file=sys.stderr)
            return 1
        for gold in gold_files(args.shared):
            one = Path(tmp) / gold.stem
            one.mkdir()
            shutil.copy(gold, one / gold.name)
            # a pair of ../shared is judged by the model fitted on the other pairs; ours (held out of the
            # fit) by the shipped model
            held = models / f"{gold.stem}.json"
            env = {k: v for k, v in os.environ.items() if k != "TEXTKIT_COVERAGE_MODEL"}
            if held.exists():
                env["TEXTKIT_COVERAGE_MODEL"] = str(held)
            proc = subprocess.run([sys.executable, str(corpus / "coverage_score.py"), str(textkit),
                                   f"{corpus / 'raw'}:{corpus / 'extra'}", str(one)], text=True, capture_output=True, env=env)
            conf = _confusion(proc.stdout)
            if not conf:
                print(proc.stdout, proc.stderr, file=sys.stderr)
                return 1
            totals["ours" if gold.parent == EXTRA_GOLD else "shared"] += conf
            s = summarise(conf)
            line = re.search(r"3-way accuracy.*", proc.stdout)
            print(f"{gold.stem:10} {s['tasks']:3} tasks: accuracy {s['accuracy']:.3f}, "
                  f"missing flags right {conf[('missing', 'missing')]}/{sum(n for (_g, t), n in conf.items() if t == 'missing')}"
                  f"  [{line.group(0) if line else ''}]")
        dropped, total_cov = evidence_deletion(args.shared, models)
    results: dict[str, dict[str, float]] = {}
    for name, title in (("shared", f"../shared's hand verdicts ({corpus / 'coverage'})"),
                        ("ours", f"our own hand verdicts ({EXTRA_GOLD.relative_to(ROOT)}), held out: the shipped model")):
        total = totals[name]
        if not total:
            continue
        s = results[name] = summarise(total)
        print(f"-- {title}")
        print("gold \\ textkit " + "".join(f"{label:>14}" for label in LABELS))
        for g in LABELS[:3]:
            print(f"{g:>14} " + "".join(f"{total[(g, t)]:>14}" for t in LABELS))
        print(f"{'leave-one-pair-out' if name == 'shared' else 'held out'} (official scorer): 3-way accuracy {s['accuracy']:.3f}, weighted kappa {s['kappa']:.3f}, "
              f"missing precision {s['missing_precision']:.3f} recall {s['missing_recall']:.3f}, "
              f"{s['not_itemised']:.1%} not itemised, on {s['tasks']} tasks")
    print(f"evidence deletion (leave-one-pair-out models): {dropped} of {total_cov} covered tasks are no longer covered once the "
          f"plan lines the hand verdict cites are deleted ({dropped / max(1, total_cov):.3f})")
    s = dict(results["shared"])
    s["evidence_deletion"] = dropped / max(1, total_cov)
    if "ours" in results:
        s["ours"] = {**results["ours"], "itemised": 1.0 - results["ours"]["not_itemised"]}  # type: ignore[assignment]
    if args.json:
        args.json.write_text(json.dumps(s, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
