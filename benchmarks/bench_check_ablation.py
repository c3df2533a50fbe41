"""Ablation benchmark of `textkit check`: does removing a measure make exactly its item `missing`?

For each plan of the dev corpus (../shared/corpus/raw), derive a checklist of the plan's own tasks
(`derive_checklist(plan)`, as `textkit check --against` does), then for each task in turn:

- remove: delete the task's text (its span) from the plan;
- replace: put in its place a task taken from an unrelated plan (another family in MANIFEST.tsv);

parse the edited text and check it against the derived checklist. A trial's truth: the edited item is
missing, every other item is present. Predicted missing = status ``missing``. Prints precision and
recall of ``missing`` per mode and overall (both must be >= 0.95), the confidence of the verdicts, and,
beside the check throughput, a jieba segmentation baseline of the same text in the same process.

    .venv/bin/python benchmarks/bench_check_ablation.py [--corpus ../shared/corpus] [--limit N] [--scores FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from textkit.comparison.checklist import Checklist, ChecklistItem
from textkit.comparison.coverage import check
from textkit.comparison.itemise import derive_checklist
from textkit.errors import ChecklistError
from textkit.model import Plan
from textkit.pipeline import parse
from textkit.reading import read_text

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    trials: int = 0
    uncovered: int = 0  # trials whose edited task is no longer covered (partial or missing)
    removed_scores: list[float] = field(default_factory=list)  # best score of the edited item (should be low)
    kept_scores: list[float] = field(default_factory=list)  # scores of the untouched items (should be high)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def families(corpus: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    manifest = corpus / "MANIFEST.tsv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                # A plan without a family is its own family.
                out[row["file"]] = row.get("family") or row["file"]
    return out


def task_items(checklist: Checklist) -> list[ChecklistItem]:
    return [i for i, _ in checklist.walk() if not i.children and i.span is not None]


def ancestors(checklist: Checklist, target: str) -> set[str]:
    """The groups that hold ``target``: a group takes its verdict from its tasks, so with its only task
    cut it is rightly missing too; it is not "another item"."""
    parents = {i.id: p.id for i, p in checklist.walk() if p is not None}
    out: set[str] = set()
    while target in parents:
        target = parents[target]
        out.add(target)
    return out


def restated(text: str, start: int, end: int, *, k: int = 8, share: float = 0.5) -> bool:
    """Whether the plan says the task at ``start:end`` again elsewhere: half of its k-character shingles
    occur in the rest of the text (030 repeats every item in its task table). Cutting such a task leaves
    it said, so the trial's truth ("missing") would be wrong; these trials are counted apart."""
    body = re.sub(r"\s+", "", text[start:end])
    rest = re.sub(r"\s+", "", text[:start] + "\n" + text[end:])
    grams = {body[i:i + k] for i in range(len(body) - k + 1)}
    if not grams:
        return False
    return sum(1 for g in grams if g in rest) / len(grams) >= share


def run_trial(text: str, source: str, checklist: Checklist, target: str, tally: Tally, label: str) -> None:
    draft = parse(read_text(text, source=source))
    result = check(draft, checklist)
    tally.trials += 1
    skip = ancestors(checklist, target)
    for r in result.items:
        if r.item.id in skip:
            continue
        if r.item.id == target:
            tally.removed_scores.append(r.score)
            tally.uncovered += r.status != "covered"
            if r.status == "missing":
                tally.tp += 1
            else:
                tally.fn += 1
                tally.misses.append(f"{label}: kept as {r.status} ({r.score:.3f}) via {r.evidence[0].section if r.evidence else ''}")
        else:
            tally.kept_scores.append(r.score)
            if r.status == "missing":
                tally.fp += 1
                tally.misses.append(f"{label}: other item {r.item.id} turned missing ({r.score:.3f})")


def speed(files: list[Path], plans: dict[str, Plan]) -> None:
    """Checking a 20,000-character draft against a 50-item checklist, after loading (target < 0.5 s): the
    checklist compiled once (`CoverageEngine`), the draft parsed; and the same with the checklist's
    concepts read in the call (`check`)."""
    from textkit.comparison.coverage import CoverageEngine
    from textkit.tokenize import cut

    text = "\n".join(f.read_text(encoding="utf-8") for f in files)[:20_000]
    draft = parse(read_text(text, source="speed-draft"))
    items = [i for p in plans.values() for i in _safe_items(p)][:50]
    items = [ChecklistItem(f"{n}-{i.id}", i.title, i.keywords, i.source, i.description) for n, i in enumerate(items)]
    checklist = Checklist(id="speed", title="speed", items=tuple(items))
    engine = CoverageEngine(checklist)
    engine.check(draft)  # warm: jieba's dictionary, the lexicon, the model
    runs = 5
    t0 = time.perf_counter()
    for _ in range(runs):
        engine.check(draft)
    per = (time.perf_counter() - t0) / runs
    t0 = time.perf_counter()
    for _ in range(runs):
        check(draft, checklist)
    whole = (time.perf_counter() - t0) / runs
    t0 = time.perf_counter()
    for _ in range(runs):
        cut(text)
    seg = (time.perf_counter() - t0) / runs
    print(f"check of a {len(text):,}-char draft against {len(checklist)} items: {per:.3f} s with the checklist "
          f"compiled, {whole:.3f} s compiling it in the call (jieba segmentation of the same text: {seg:.3f} s)")


def _safe_items(plan: Plan) -> list[ChecklistItem]:
    try:
        return task_items(derive_checklist(plan))
    except ChecklistError:
        return []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--limit", type=int, default=0, help="at most N measures per plan (0 = all)")
    ap.add_argument("--mode", choices=("remove", "replace", "both"), default="both")
    ap.add_argument("--scores", type=Path, help="write every trial's scores as JSON (for calibration)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong verdict")
    args = ap.parse_args(argv)
    raw = args.corpus / "raw"
    if not raw.is_dir():
        print(f"no corpus at {raw}", file=sys.stderr)
        return 2
    fam = families(args.corpus)
    files = sorted(raw.glob("*.txt"))
    plans = {f.name: parse(f) for f in files}
    tallies = {k: Tally() for k in ("remove", "replace", "remove-restated", "replace-restated")}
    modes = ("remove", "replace") if args.mode == "both" else (args.mode,)
    check_time = 0.0
    check_chars = 0
    for f in files:
        plan = plans[f.name]
        try:
            checklist = derive_checklist(plan)
        except ChecklistError as exc:  # a plan without numbered measures cannot be ablated
            print(f"{f.name}: skipped ({exc})")
            continue
        targets = task_items(checklist)
        if len(targets) < 2:
            print(f"{f.name}: skipped (fewer than 2 measures)")
            continue
        if args.limit:
            step = max(1, len(targets) // args.limit)
            targets = targets[::step][: args.limit]
        # Donor measures from unrelated plans (another family), in a fixed order.
        donor_texts = [(plans[g.name].text, d) for g in files if fam.get(g.name, g.name) != fam.get(f.name, f.name)
                       for d in _safe_items(plans[g.name]) if d.span is not None and d.span[1] - d.span[0] > 20]
        text = plan.text
        for n, s in enumerate(targets):
            # A measure restated elsewhere in the plan (030 repeats every item in its task table) stays
            # found when its section is cut: the trial's truth would be wrong, so it is counted apart.
            assert s.span is not None
            start, end = s.span
            title = s.title.strip()
            again = (len(title) >= 6 and title in text[:start] + "\n" + text[end:]) or restated(text, start, end)
            for mode in modes:
                if mode == "remove":
                    edited = text[:start] + text[end:]
                else:
                    dtext, d = donor_texts[(n * 7 + len(text)) % len(donor_texts)]
                    assert d.span is not None
                    edited = text[:start] + dtext[d.span[0]:d.span[1]] + text[end:]
                t0 = time.perf_counter()
                tally = tallies[f"{mode}-restated" if again else mode]
                run_trial(edited, f"{f.name}#{mode}:{s.id}", checklist, s.id, tally, f"{f.name} {mode} {s.id}")
                check_time += time.perf_counter() - t0
                check_chars += len(edited)
        print(f"{f.name}: {len(checklist)} items, {len(targets)} ablated", flush=True)

    total, everything = Tally(), Tally()
    for key, t in tallies.items():
        if not t.trials:
            continue
        for acc in ((total, everything) if "restated" not in key else (everything,)):
            acc.tp += t.tp
            acc.fp += t.fp
            acc.fn += t.fn
            acc.trials += t.trials
        print(f"{key:17s} trials={t.trials:4d} tp={t.tp} fp={t.fp} fn={t.fn} "
              f"precision={t.precision:.3f} recall={t.recall:.3f}; edited task no longer covered in "
              f"{t.uncovered / t.trials:.3f}")
    print(f"{'overall':17s} trials={total.trials:4d} precision={total.precision:.3f} recall={total.recall:.3f}")
    print(f"{'with restated':17s} trials={everything.trials:4d} precision={everything.precision:.3f} "
          f"recall={everything.recall:.3f}")
    removed = sorted(x for m in modes for x in tallies[m].removed_scores)
    kept = sorted(x for k in tallies for x in tallies[k].kept_scores)
    if removed and kept:

        def q(xs: list[float], p: float) -> float:
            return xs[min(len(xs) - 1, int(p * len(xs)))]

        print(f"edited-item score: median {q(removed, 0.5):.3f}, 95th pct {q(removed, 0.95):.3f}, max {removed[-1]:.3f}")
        print(f"kept-item score:   min {kept[0]:.3f}, 1st pct {q(kept, 0.01):.3f}, median {q(kept, 0.5):.3f}")
    if args.verbose:
        for m in tallies:
            for line in tallies[m].misses:
                print("  ", line)
    # Throughput beside a jieba segmentation baseline of the same text, in the same process.
    from textkit.tokenize import cut

    sample = "\n".join(p.text for p in plans.values())
    t0 = time.perf_counter()
    cut(sample)
    seg = time.perf_counter() - t0
    if check_time:
        print(f"parse+check: {check_chars / check_time / 1000:.1f} kchar/s; jieba segmentation: {len(sample) / seg / 1000:.1f} kchar/s")
    speed(files, plans)
    if args.scores:
        args.scores.write_text(json.dumps({m: {"removed": tallies[m].removed_scores, "kept": tallies[m].kept_scores}
                                           for m in modes}), encoding="utf-8")
    ok = total.precision >= 0.95 and total.recall >= 0.95
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
