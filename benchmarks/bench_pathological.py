#!/usr/bin/env python3
"""Linear time on large and pathological plans: parse 1 MB and 5 MB of each input and compare the times.

Inputs: a real plan repeated (the seeds), and lines built to provoke backtracking or deep nesting
(`（（（（`, `一、一、`, unclosed labelled brackets…). For linear behaviour the 5 MB run takes about 5× the
1 MB run; the script prints that factor and exits 1 if any input grows worse than 8×.

    python benchmarks/bench_pathological.py [--full]    # --full: also time structure + extraction
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from _common import ROOT

from textkit.model import Document
from textkit.pipeline import parse
from textkit.structure import parse_structure

MB = 1024 * 1024


def _inputs() -> dict[str, str]:
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt")))
    return {
        "seed plans repeated": seeds,
        "（（（（ lines": "（（（（\n",
        "一、一、 lines": "一、一、\n",
        "unclosed labelled brackets": "1.推进工作（牵头单位：（（（（省科技厅\n",
        "one huge paragraph": "坚持以人民为中心，一是加强学习，二是深入调研，",
    }


def _sized(unit: str, size: int) -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


def _time(fn: Callable[[str], object], text: str) -> float:
    t0 = time.perf_counter()
    fn(text)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="also time the full parse (structure + extraction)")
    args = ap.parse_args(argv)
    stages: dict[str, Callable[[str], object]] = {"structure": lambda t: parse_structure(Document(t))}
    if args.full:
        stages["full parse"] = lambda t: parse(Document(t))
    worst = 0.0
    for name, unit in _inputs().items():
        small, large = _sized(unit, MB), _sized(unit, 5 * MB)
        for stage, fn in stages.items():
            t1, t5 = _time(fn, small), _time(fn, large)
            growth = t5 / max(t1, 1e-9)
            worst = max(worst, growth)
            print(f"{name:<28} {stage:<11} 1 MB {t1:6.2f} s   5 MB {t5:6.2f} s   "
                  f"growth {growth:4.1f}x   {len(large) / t5:>11,.0f} chars/s")
    print(f"worst growth from 1 MB to 5 MB: {worst:.1f}x (linear is ~5x)")
    return 0 if worst < 8 else 1


if __name__ == "__main__":
    sys.exit(main())
