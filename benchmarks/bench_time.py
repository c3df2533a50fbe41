#!/usr/bin/env python3
"""Throughput of time-expression and quantity extraction, beside jieba segmentation of the same text.

Runs over the dev corpus (../shared/corpus/raw) if present, else the seeds in corpora/. The machine is
shared and its speed drifts, so the three measurements are interleaved round by round (each round runs
every stage over the whole corpus) and the ratio to jieba is taken per round; the median round is
reported, beside characters per second. Keep it short: about 2 s in all.

    python benchmarks/bench_time.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date

from _common import corpus_texts  # benchmarks/ is on sys.path when run as a script

from textkit.extraction.quantities import extract_quantities
from textkit.extraction.timex import extract_times
from textkit.model import Document, Section
from textkit.tokenize import cut

REF = date(2023, 9, 1)


def _times(text: str) -> object:
    # a one-leaf tree: the structure parser is measured by bench_parse.py, not here
    return extract_times(Document(text), Section(kind="document", start=0, end=len(text)), reference_date=REF)


def _quantities(text: str) -> object:
    return extract_quantities(Document(text), Section(kind="document", start=0, end=len(text)))


def _seconds(texts: list[str], fn: Callable[[str], object], repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            fn(t)
    return (time.perf_counter() - t0) / repeat


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args(argv)
    texts = corpus_texts()
    chars = sum(map(len, texts))
    print(f"{len(texts)} documents, {chars:,} characters, {args.rounds} interleaved rounds")
    # (stage, function, passes over the corpus per round: the fast stages repeat so each takes ~0.1 s)
    stages: list[tuple[str, Callable[[str], object], int]] = [
        ("baseline: jieba segmentation", cut, 1),
        ("extract_times", _times, 8),
        ("extract_quantities", _quantities, 30),
    ]
    for _, fn, _ in stages:  # load jieba's dictionary and compile the rules outside the timing
        fn(texts[0])
    times: dict[str, list[float]] = {name: [] for name, _, _ in stages}
    for _ in range(args.rounds):
        for name, fn, repeat in stages:
            times[name].append(_seconds(texts, fn, repeat))
    base = times["baseline: jieba segmentation"]
    ratios = {}
    for name, ts in times.items():
        ratios[name] = statistics.median(b / t for b, t in zip(base, ts, strict=True))
        print(f"{name:<36} {chars / statistics.median(ts):>12,.0f} chars/s  {ratios[name]:6.1f}x jieba (median round)")
    print(f"extract_times is {ratios['extract_times']:.1f}x jieba; "
          f"extract_quantities is {ratios['extract_quantities']:.1f}x jieba")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
