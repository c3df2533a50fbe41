"""Cold start of each command: a whole new process, timed from launch to exit, on the plans in corpora/.

    python benchmarks/bench_coldstart.py [--runs 5] [--against DIR]

Each command runs ``--runs`` times (after one untimed run that lets the OS cache the files and writes
textkit's jieba dictionary cache, as a user's second call finds it); the minimum, median and maximum
wall times are printed beside the targets of issue 14 and two baselines run the same way: the bare
interpreter, and jieba loading its dictionary the usual way (what every segmenting command used to pay).
The machine is shared, so read the minimum as what the code costs and the spread as the noise.

``--against DIR`` (a checkout of another revision, e.g. ``git worktree add /tmp/base main``) runs the same
commands on DIR's code too (its ``textkit.cli.main``, with the same interpreter and packages), alternating
run by run with the working tree so both see the same load, and prints the two side by side.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "corpora").glob("*.txt"))
CHECKLIST = str(ROOT / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml")


# Runs the CLI of the checkout given as the first argument. An editable install's import hook would
# otherwise answer `import textkit` with the installed tree whatever PYTHONPATH says, so it is removed.
LAUNCH = (
    "import sys; tree = sys.argv.pop(1); "
    "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in type(f).__module__.lower()]; "
    "sys.path.insert(0, tree); from textkit.cli import main; sys.exit(main(sys.argv[1:]))"
)
TREE = "{tree}"  # replaced by the checkout each run uses


def textkit() -> list[str]:
    return [sys.executable, "-c", LAUNCH, TREE]


def commands() -> list[tuple[str, list[str], float | None]]:
    tk = textkit()
    return [
        ("python -c pass (baseline)", [sys.executable, "-c", "pass"], None),
        ("jieba.initialize() (baseline)",
         [sys.executable, "-c", "import jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.initialize()"], None),
        ("parse 1 plan --format json", [*tk, "parse", SEEDS[-1], "--format", "json"], 0.4),
        ("tasks 1 plan", [*tk, "tasks", SEEDS[-1]], None),
        ("lint 1 plan", [*tk, "lint", SEEDS[-1]], 0.8),
        ("check 1 plan --checklist", [*tk, "check", SEEDS[-1], "--checklist", CHECKLIST], 1.5),
        ("compare 2 plans", [*tk, "compare", "--no-progress", *SEEDS], 1.5),
        ("compare 2 plans --checklist", [*tk, "compare", "--no-progress", *SEEDS, "--checklist", CHECKLIST], None),
    ]


def run_once(cmd: list[str], tree: Path | None = None) -> float:
    cmd = [str(tree or ROOT) if part == TREE else part for part in cmd]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if done.returncode not in (0, 1):  # lint / check exit 1 on findings
        sys.exit(f"bench_coldstart: {' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--against", type=Path, metavar="DIR", help="also time the code of this checkout")
    args = ap.parse_args(argv)
    if not shutil.which(sys.executable):
        sys.exit("bench_coldstart: no python")
    print(f"cold start, {args.runs} runs each (seconds: min / median / max; target from issue 14)")
    if args.against is not None:
        print(f"{'':<32} {'this tree':>22}   {args.against}")
    failed = []
    for label, cmd, target in commands():
        baseline = "baseline" in label
        trees: list[Path | None] = [ROOT] if args.against is None or baseline else [ROOT, args.against]
        times: dict[Path | None, list[float]] = {t: [] for t in trees}
        for t in trees:
            run_once(cmd, t)  # untimed: file cache, jieba dictionary cache
        for _ in range(args.runs):
            for t in trees:  # alternating: both trees see the same load
                times[t].append(run_once(cmd, t))
        cells = [f"{min(v):6.2f} / {statistics.median(v):6.2f} / {max(v):6.2f}" for v in times.values()]
        med = statistics.median(times[ROOT])
        verdict = ""
        if target is not None:
            ok = med < target
            verdict = f"  target < {target:.1f} s: {'met' if ok else 'NOT met'} (median)"
            if not ok:
                failed.append(label)
        print(f"{label:<32} {'   '.join(cells)}{verdict}")
    if failed:
        print("targets not met: " + ", ".join(failed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
