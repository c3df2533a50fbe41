"""Fit the coverage verdict model on the hand-judged pairs and report leave-one-pair-out accuracy.

    python scripts/fit_coverage.py --shared ../shared [--write] [--lopo-dir DIR]

Data: ``SHARED/corpus/coverage/*.json`` (hand verdicts per directive task). Each gold task is matched to the
derived checklist item that starts on its directive line, as ``coverage_score.py`` does; its features are
the ones `textkit check` computes. Honest negatives: every directive's tasks against the plans of the
other directives' families (a plan on digital government does not implement the 主题教育), labelled
``missing`` and down-weighted.

Two logistic regressions (scikit-learn) on standardised features: "at least partial" and "covered".
Leave-one-pair-out: each pair's verdicts come from a model fitted on the other pairs, never on itself, and
with no negative that uses the held-out pair's directive or plan. The regularisation C is chosen from
a small grid by a leave-one-pair-out run on the training pairs alone (nested), so the figure printed is
that of the whole fitting procedure, choice included; ``--c``/``--negative-weight`` fix them instead.
Evidence deletions teach the "covered" model too: each covered task with the plan lines its verdict cites
cut out is not covered (weight 0.2). ``--lopo-dir`` writes those models
(``<pair>.json``) for ``scripts/eval_coverage.py``, which scores them with the official scorer.
``--write`` fits on all pairs and writes ``textkit/data/coverage_model.json``.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RANK = {"missing": 0, "partial": 1, "covered": 2}
UNCOVERED = -1  # label of a row known only to be not covered (evidence deleted)


def corpus_path(shared: Path, name: str) -> Path:
    """Where a document of a gold pair is: ``SHARED/corpus/raw`` or ``SHARED/corpus/extra``."""
    for folder in ("raw", "extra"):
        p = shared / "corpus" / folder / name
        if p.exists():
            return p
    raise SystemExit(f"{name} is in neither raw/ nor extra/ of {shared}/corpus")


def without_lines(lines: Sequence[str], plan_lines: Iterable[int]) -> str:
    """The plan's text with the 1-based ``plan_lines`` emptied: the evidence a hand verdict cites deleted,
    the other lines keeping their numbers."""
    cut = {n - 1 for n in plan_lines}
    return "\n".join("" if k in cut else line for k, line in enumerate(lines))


def _blank_model() -> Any:
    """A model with no weights: `check` computes the features whatever the model, and the fit reads them."""
    from textkit.comparison.coverage import FEATURES, CoverageModel

    n = len(FEATURES)
    return CoverageModel(FEATURES, (0.0,) * n, (1.0,) * n, (0.0,) * n, 0.0, (0.0,) * n, 0.0)


EXTRA_GOLD = ROOT / "eval" / "coverage-extra"  # our own hand verdicts for pairs of extra/ (eval/coverage-extra/README.md)


def gold_files(shared: Path, *, extra: bool = True) -> list[Path]:
    """The hand-verdict files: ../shared's, then ours (with ``extra``)."""
    files = sorted((shared / "corpus" / "coverage").glob("*.json"))
    if extra and EXTRA_GOLD.is_dir():
        files += sorted(EXTRA_GOLD.glob("*.json"))
    return files


def _row(result: Any) -> dict[str, Any]:
    """What a row keeps of an `ItemResult`: its features, and whether the plan's safeguard part says it."""
    return {"x": [v for _k, v in result.features], "safeguard": bool(result.safeguard)}


def collect(shared: Path, *, extra: bool = False) -> list[dict[str, Any]]:
    """One row per gold task and per negative task: features, label, pair, documents."""
    import textkit
    from textkit.comparison.coverage import check
    from textkit.comparison.itemise import derive_checklist

    blank = _blank_model()
    parsed: dict[str, Any] = {}

    def parse(name: str) -> Any:
        if name not in parsed:
            parsed[name] = textkit.parse(corpus_path(shared, name))
        return parsed[name]

    golds = [json.loads(p.read_text(encoding="utf-8")) | {"pair": p.stem}
             for p in gold_files(shared, extra=extra)]
    rows: list[dict[str, Any]] = []
    checklists: dict[str, Any] = {}
    for g in golds:
        d = parse(g["directive"])
        cl = checklists.setdefault(g["directive"], derive_checklist(d))
        text = d.document.text
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        res = check(parse(g["plan"]), cl, model=blank)
        by_line: dict[int, Any] = {}
        for r in res.items:
            if r.item.span is not None:
                by_line.setdefault(bisect.bisect_right(starts, r.item.span[0]), r)
        for t in g["items"]:
            r = by_line.get(t["directive_line"])
            if r is None or not r.features:
                continue  # not itemised, or a group (its verdict comes from its tasks)
            rows.append({"pair": g["pair"], "directive": g["directive"], "plan": g["plan"], "task": t["id"],
                         "y": RANK[t["verdict"]], "negative": False, **_row(r)})
        # Evidence deleted: a covered task with the plan lines its verdict cites cut out is no longer covered
        # (partial or missing: the gold does not say which, so these rows teach only the "covered" model).
        lines = corpus_path(shared, g["plan"]).read_text(encoding="utf-8").split("\n")
        for t in g["items"]:
            r = by_line.get(t["directive_line"])
            if t["verdict"] != "covered" or r is None or not r.features or not t.get("plan_lines"):
                continue
            draft = textkit.parse_text(without_lines(lines, t["plan_lines"]))
            rows.append({"pair": f"{g['pair']}#cut", "directive": g["directive"], "plan": g["plan"], "task": t["id"],
                         "y": UNCOVERED, "negative": True,
                         **_row(check(draft, cl, model=blank).get(r.item.id))})
    family: dict[str, set[str]] = {}
    for g in golds:
        family.setdefault(g["directive"], set()).add(g["plan"])
    plans = sorted({g["plan"] for g in golds})
    for directive, own in family.items():
        for plan in plans:
            if plan in own:
                continue
            res = check(parse(plan), checklists[directive], model=blank)
            for r in res.items:
                if r.features:
                    rows.append({"pair": f"{directive}>{plan}", "directive": directive, "plan": plan, "task": r.item.id,
                                 "y": 0, "negative": True, "x": [v for _k, v in r.features]})
    return rows


def self_checks(shared: Path, *, exclude: set[str], per_plan: int) -> list[dict[str, Any]]:
    """Honest negatives and positives from plans without gold (``extra/``, none of a gold pair): a plan
    checked against its own derived checklist covers each task (``covered``); with one task's text cut
    out, that task is ``missing`` although the words it shares with its sibling tasks remain."""
    import textkit
    from textkit.comparison.coverage import check
    from textkit.comparison.itemise import derive_checklist
    from textkit.errors import TextkitError

    blank = _blank_model()
    rows: list[dict[str, Any]] = []
    for path in sorted((shared / "corpus" / "extra").glob("*.txt")):
        if path.name in exclude:
            continue
        try:
            plan = textkit.parse(path)
            cl = derive_checklist(plan)
        except TextkitError:
            continue
        tasks = [i for i, _ in cl.walk() if not i.children and i.span is not None]
        if len(tasks) < 3:
            continue
        picked = tasks[:: max(1, len(tasks) // per_plan)][:per_plan]
        whole = check(plan, cl, model=blank)
        text = plan.text
        for t in picked:
            assert t.span is not None
            rows.append({"pair": f"self:{path.name}", "directive": path.name, "plan": path.name, "task": t.id, "y": 2,
                         "negative": True, "x": [v for _k, v in whole.get(t.id).features]})
            cut = textkit.parse_text(text[: t.span[0]] + text[t.span[1]:])
            r = check(cut, cl, model=blank).get(t.id)
            rows.append({"pair": f"self:{path.name}", "directive": path.name, "plan": path.name, "task": t.id, "y": 0,
                         "negative": True, "x": [v for _k, v in r.features]})
    return rows


DELETION_WEIGHT = 0.2  # tried 0.2, 0.5, 1.0 (nested leave-one-pair-out: 0.752, 0.702, 0.669)


def fit(rows: list[dict[str, Any]], *, c: float, negative_weight: float, self_weight: float, fitted_on: str,
        deletion_weight: float = DELETION_WEIGHT) -> dict[str, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from textkit.comparison.coverage import FEATURES, MODEL_SCHEMA

    x = np.array([r["x"] for r in rows], dtype=float)
    y = np.array([r["y"] for r in rows])
    w = np.array([((self_weight if r["pair"].startswith("self:") else deletion_weight if r["y"] == UNCOVERED
                    else negative_weight) if r["negative"] else 1.0) for r in rows])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    out: dict[str, Any] = {"schema": MODEL_SCHEMA, "features": list(FEATURES), "mean": mean.tolist(), "scale": scale.tolist(),
                           "fitted_on": fitted_on}
    known = y != UNCOVERED
    for name, target, use in (("partial", y >= 1, known), ("covered", y >= 2, np.ones_like(known))):
        lr = LogisticRegression(C=c, max_iter=2000).fit(z[use], target[use], sample_weight=w[use])
        out[name] = {"coef": lr.coef_[0].tolist(), "intercept": float(lr.intercept_[0])}
    return out


def kappa(pairs: list[tuple[int, int]]) -> float:
    """Linearly weighted Cohen's kappa, as coverage_score.py computes it."""
    if not pairs:
        return 0.0
    n = len(pairs)
    obs = sum(abs(a - b) for a, b in pairs) / n / 2
    ga = Counter(a for a, _ in pairs)
    ta = Counter(b for _, b in pairs)
    exp = sum(ga[i] * ta[j] * abs(i - j) for i in ga for j in ta) / n / n / 2
    return 1 - obs / exp if exp else 0.0


GRID_C = (0.03, 0.1, 0.3, 1.0)
# The cross-family negatives' weight stays 0.1: at 0.05 the model leans to `partial` so far that a task cut out
# of a plan checked against itself (benchmarks/bench_check_ablation.py) comes out partial, not missing.
GRID_NEGATIVE_WEIGHT = (0.1,)


def select(rows: list[dict[str, Any]], *, self_weight: float) -> tuple[float, float]:
    """C and the negatives' weight with the best leave-one-pair-out accuracy + kappa on ``rows``."""
    best: tuple[float, float, float] | None = None
    for c in GRID_C:
        for nw in GRID_NEGATIVE_WEIGHT:
            res = lopo(rows, c=c, negative_weight=nw, self_weight=self_weight, out_dir=None)
            score = res["accuracy"] + res["kappa"]
            if best is None or score > best[0] + 1e-9:
                best = (score, c, nw)
    assert best is not None
    return best[1], best[2]


def lopo(rows: list[dict[str, Any]], *, c: float | None, negative_weight: float | None, self_weight: float,
         out_dir: Path | None) -> dict[str, Any]:
    """Each pair judged by a model fitted on the other pairs. With ``c`` or ``negative_weight`` None, they are
    chosen for each held-out pair by a leave-one-pair-out run on the other pairs alone (nested), so the held
    pair never informs its own model."""
    from textkit.comparison.coverage import decide, model_from_dict

    pairs = sorted({r["pair"] for r in rows if not r["negative"]})
    judged: list[tuple[int, int]] = []
    per_pair: dict[str, dict[str, Any]] = {}
    for held in pairs:
        test = [r for r in rows if r["pair"] == held]
        d, p = test[0]["directive"], test[0]["plan"]
        train = [r for r in rows if r["pair"] != held and not (r["negative"] and (r["directive"] == d or r["plan"] == p))]
        cc, nw = c, negative_weight
        if cc is None or nw is None:
            cc, nw = select(train, self_weight=self_weight)
        data = fit(train, c=cc, negative_weight=nw, self_weight=self_weight,
                   fitted_on=f"all pairs but {held}; C={cc}, negative weight {nw}")
        model = model_from_dict(data, file=f"<lopo {held}>")
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            (out_dir / f"{held}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        from textkit.comparison.coverage import FEATURES

        got = []
        for r in test:
            status, _conf = decide(model, dict(zip(FEATURES, r["x"], strict=True)), safeguard=r.get("safeguard", False))
            got.append((r["y"], RANK[status]))
        judged += got
        per_pair[held] = {"n": len(got), "accuracy": sum(a == b for a, b in got) / len(got), "c": cc,
                          "negative_weight": nw}
    flags = sum(1 for _g, t in judged if t == 0)
    right = sum(1 for g, t in judged if t == 0 and g == 0)
    gold_missing = sum(1 for g, _t in judged if g == 0)
    return {
        "per_pair": per_pair, "n": len(judged), "accuracy": sum(a == b for a, b in judged) / max(1, len(judged)),
        "kappa": kappa(judged), "missing_precision": right / max(1, flags), "missing_recall": right / max(1, gold_missing),
        "confusion": Counter(judged),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--c", type=float, help="inverse regularisation strength (default: chosen from "
                    f"{GRID_C} by leave-one-pair-out on the training pairs)")
    ap.add_argument("--negative-weight", type=float, help="weight of a negative row (default: chosen from "
                    f"{GRID_NEGATIVE_WEIGHT} likewise)")
    ap.add_argument("--self-checks", type=int, default=0, metavar="N",
                    help="N tasks per extra/ plan checked against the plan itself, whole and with the task cut out "
                         "(0: none)")
    ap.add_argument("--self-weight", type=float, default=0.05, help="weight of a self-check row (default 0.05)")
    ap.add_argument("--with-extra", action="store_true", help="fit on our own hand verdicts (eval/coverage-extra) "
                    "too; by default they are held out: scripts/eval_coverage.py judges them with the shipped model")
    ap.add_argument("--lopo-dir", type=Path, help="write the leave-one-pair-out models here")
    ap.add_argument("--write", action="store_true", help="fit on all pairs and write textkit/data/coverage_model.json")
    args = ap.parse_args(argv)
    rows = collect(args.shared, extra=args.with_extra)
    if args.self_checks:
        gold_docs = {d for r in rows for d in (r["directive"], r["plan"])}
        rows += self_checks(args.shared, exclude=gold_docs, per_plan=args.self_checks)
    real = [r for r in rows if not r["negative"]]
    print(f"{len(real)} hand-judged tasks in {len({r['pair'] for r in real})} pairs, "
          f"{len(rows) - len(real)} negatives")
    res = lopo(rows, c=args.c, negative_weight=args.negative_weight, self_weight=args.self_weight, out_dir=args.lopo_dir)
    for pair, v in res["per_pair"].items():
        print(f"  {pair:12} {v['n']:3} tasks  accuracy {v['accuracy']:.3f}  (C={v['c']}, negative weight "
              f"{v['negative_weight']})")
    names = ["missing", "partial", "covered"]
    print("gold \\ predicted " + " ".join(f"{n:>8}" for n in names))
    for g in (2, 1, 0):
        print(f"{names[g]:>16} " + " ".join(f"{res['confusion'][(g, t)]:>8}" for t in (0, 1, 2)))
    print(f"leave-one-pair-out: accuracy {res['accuracy']:.3f}, weighted kappa {res['kappa']:.3f}, "
          f"missing precision {res['missing_precision']:.3f} recall {res['missing_recall']:.3f} on {res['n']} tasks")
    if args.write:
        c, nw = args.c, args.negative_weight
        if c is None or nw is None:
            c, nw = select(rows, self_weight=args.self_weight)
        data = fit(rows, c=c, negative_weight=nw, self_weight=args.self_weight,
                   fitted_on=f"{len(real)} hand-judged tasks of {len(res['per_pair'])} pairs + {len(rows) - len(real)} "
                             f"negatives (weight {nw}); C={c}; scripts/fit_coverage.py")
        target = ROOT / "textkit" / "data" / "coverage_model.json"
        target.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
