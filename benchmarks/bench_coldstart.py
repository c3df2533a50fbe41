"""Cold start of each command: a whole new process, timed from launch to exit, on the plans in corpora/.

    python benchmarks/bench_coldstart.py [--runs 5] [--against DIR]

Each command runs ``--runs`` times (after one untimed run that lets the OS cache the files and writes
textkit's caches — jieba's dictionary, the regex memos — as a user's second call finds them); the minimum,
median and maximum wall times are printed beside the targets of issue 14 and two baselines run the same way:
the bare interpreter, and jieba loading its dictionary the usual way (what every segmenting command used to
pay). Beside each wall time, the CPU time the process used (user + system, from ``getrusage`` of the
children): on a machine shared with other work the wall time waits for a core, the CPU time does not, so
compare code by CPU time and read the wall time as what a user waited under that load.

Python bytecode: with ``PYTHONDONTWRITEBYTECODE`` set (as on the development machine) and no
``__pycache__`` in the checkout, every run compiles textkit's modules from source; an installed package
has its bytecode. ``--bytecode`` runs with a bytecode folder of the benchmark's own
(``PYTHONPYCACHEPREFIX``, written by the untimed run, for both checkouts alike; nothing is written into
them), as a user's installed copy runs. The first line printed says which.

``--against DIR`` (a checkout of another revision, e.g. ``git worktree add /tmp/base main``) runs the same
commands on DIR's code too (its ``textkit.cli.main``, with the same interpreter and packages), alternating
run by run with the working tree so both see the same load, and prints the two side by side.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
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


def run_once(cmd: list[str], tree: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of ``cmd``."""
    cmd = [str(tree or ROOT) if part == TREE else part for part in cmd]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # lint / check exit 1 on findings
        sys.exit(f"bench_coldstart: {' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def spread(values: list[float]) -> str:
    return f"{min(values):5.2f} / {statistics.median(values):5.2f} / {max(values):5.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--against", type=Path, metavar="DIR", help="also time the code of this checkout")
    ap.add_argument("--bytecode", action="store_true",
                    help="run with compiled bytecode, as an installed package (a bytecode folder of its own)")
    ap.add_argument("--only", metavar="WORD", help="only the commands whose label holds WORD")
    args = ap.parse_args(argv)
    if not shutil.which(sys.executable):
        sys.exit("bench_coldstart: no python")
    env = dict(os.environ)
    scratch = None
    if args.bytecode:
        scratch = tempfile.TemporaryDirectory(prefix="bench-pycache-")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = scratch.name
        mode = f"bytecode compiled once into {scratch.name} (PYTHONPYCACHEPREFIX), as an installed package"
    elif env.get("PYTHONDONTWRITEBYTECODE"):
        mode = "PYTHONDONTWRITEBYTECODE is set: modules without __pycache__ are compiled from source every run"
    else:
        mode = "bytecode as the environment has it (written to __pycache__ by the untimed run)"
    print(f"cold start, {args.runs} runs each; {mode}")
    print("seconds, min / median / max: wall (what a user waits) and CPU user+sys (what the code costs; the "
          "machine is shared)")
    head = f"{'':<32} {'wall':^19} {'cpu':^19}"
    if args.against is not None:
        head += f" | {args.against}: {'wall':^19} {'cpu':^19}"
    print(head)
    failed = []
    try:
        for label, cmd, target in commands():
            if args.only and args.only not in label:
                continue
            baseline = "baseline" in label
            trees: list[Path | None] = [ROOT] if args.against is None or baseline else [ROOT, args.against]
            times: dict[Path | None, list[tuple[float, float]]] = {t: [] for t in trees}
            for t in trees:
                run_once(cmd, t, env)  # untimed: file cache, textkit's caches, bytecode
            for _ in range(args.runs):
                for t in trees:  # alternating: both trees see the same load
                    times[t].append(run_once(cmd, t, env))
            cells = [f"{spread([w for w, _ in v])}   {spread([c for _, c in v])}" for v in times.values()]
            med = statistics.median(w for w, _ in times[ROOT])
            cpu = statistics.median(c for _, c in times[ROOT])
            verdict = ""
            if target is not None:
                ok = med < target
                verdict = (f"  target < {target:.1f} s: {'met' if ok else 'NOT met'} (median wall; "
                           f"median cpu {'<' if cpu < target else '>='} {target:.1f})")
                if not ok:
                    failed.append(label)
            print(f"{label:<32} {' | '.join(cells)}{verdict}", flush=True)
    finally:
        if scratch is not None:
            scratch.cleanup()
    if failed:
        print("targets not met: " + ", ".join(failed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
