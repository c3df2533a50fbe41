#!/usr/bin/env python3
"""Is the working tree faster than a git revision? Both run in one process, interleaved document by document.

The machine's speed drifts by more than a third within seconds, so timings taken one after the other cannot
tell a 5% change from noise. This script exports ``REV``'s package as ``textkit_base`` into a temporary
directory (imports rewritten), imports it beside the working tree's ``textkit``, and times one stage of
both on each document of the dev corpus in turn, alternating which goes first, for ``--rounds`` rounds.
It prints the sum over documents of each one's fastest time, and the median over rounds of the ratio.

    python benchmarks/ab_speed.py [REV] [--stage parse|structure|times|units|measures] [--rounds N]

Check that the outputs are unchanged separately (``textkit parse --format json`` before and after).
"""

from __future__ import annotations

import argparse
import importlib
import io
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from _common import ROOT, corpus_texts  # benchmarks/ is on sys.path when run as a script

STAGES = ("parse", "structure", "times", "units", "measures")
_IMPORT = re.compile(r"\b(from|import)\s+textkit\b")


def export(rev: str, into: Path) -> None:
    """``rev``'s ``textkit/`` as the package ``textkit_base`` under ``into``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "textkit"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    pkg = into / "textkit"
    for path in pkg.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        source = _IMPORT.sub(r"\1 textkit_base", source).replace('files("textkit")', 'files("textkit_base")')
        path.write_text(source, encoding="utf-8")
    pkg.rename(into / "textkit_base")


def stage_runner(pkg: str, stage: str, texts: list[str]) -> Callable[[str], object]:
    """A function of one text running ``stage`` of package ``pkg``; the stages after structure get their
    tree (and units/dates for measures) made beforehand, outside the timing."""
    ref = date(2023, 9, 1)

    def mod(name: str) -> ModuleType:
        return importlib.import_module(f"{pkg}.{name}")

    model, pipeline, structure = mod("model"), mod("pipeline"), mod("structure")
    units, timex, measures = mod("extraction.units"), mod("extraction.timex"), mod("extraction.measures")
    if stage == "parse":
        return lambda t: pipeline.parse(model.Document(t), reference_date=ref)
    if stage == "structure":
        return lambda t: structure.parse_structure(model.Document(t))
    docs = {t: model.Document(t) for t in texts}
    roots = {t: structure.parse_structure(docs[t])[0] for t in texts}
    if stage == "times":
        return lambda t: timex.extract_times(docs[t], roots[t], reference_date=ref)
    if stage == "units":
        cached = getattr(units, "_task_table_rows", None)  # (revisions before the tables moved to structure)

        def run_units(t: str) -> object:
            if cached is not None:
                cached.cache_clear()  # time the task tables too, not a cached copy
            return units.extract_units(docs[t], roots[t])  # (finds the task tables itself)
        return run_units
    found: dict[str, tuple[Any, Any]] = {
        t: (units.extract_units(docs[t], roots[t]), timex.extract_times(docs[t], roots[t], reference_date=ref)[0])
        for t in texts}

    cached = getattr(units, "_task_table_rows", None)

    def run_measures(t: str) -> object:
        if cached is not None:
            cached.cache_clear()  # time the task tables too, as the working tree's build_measures does
        return measures.build_measures(docs[t], roots[t], units=found[t][0], dates=found[t][1])
    return run_measures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev", nargs="?", default="HEAD", help="the git revision to compare with (default HEAD)")
    ap.add_argument("--stage", choices=STAGES, default="parse")
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args(argv)
    texts = corpus_texts()
    with tempfile.TemporaryDirectory() as tmp:
        export(args.rev, Path(tmp))
        sys.path.insert(0, tmp)
        runners = {"base": stage_runner("textkit_base", args.stage, texts),
                   "work": stage_runner("textkit", args.stage, texts)}
        for t in texts:  # compile rules and load dictionaries outside the timing
            for run in runners.values():
                run(t)
        times: dict[str, list[list[float]]] = {"base": [], "work": []}
        for r in range(args.rounds):
            for name in times:
                times[name].append([])
            for t in texts:
                for name in (("base", "work") if r % 2 == 0 else ("work", "base")):
                    t0 = time.perf_counter()
                    runners[name](t)
                    times[name][r].append(time.perf_counter() - t0)
    best = {name: sum(min(rounds[r][i] for r in range(args.rounds)) for i in range(len(texts)))
            for name, rounds in times.items()}
    ratio = statistics.median(sum(w) / sum(b) for b, w in zip(times["base"], times["work"], strict=True))
    print(f"{args.stage}: {args.rev} {best['base'] * 1000:.2f} ms, working tree {best['work'] * 1000:.2f} ms "
          f"({(best['work'] / best['base'] - 1) * 100:+.1f}%, sum of per-document best); "
          f"median round ratio {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
