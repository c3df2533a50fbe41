#!/usr/bin/env python3
"""Throughput of the structure parser and of the full parse, beside jieba segmentation of the same text.

Runs over the dev corpus (../shared/corpus/raw) if present, else the samples in corpora/. The machine
is shared and its speed drifts, so the three measurements are interleaved round by round and the ratio
to jieba is taken per round; the median round is reported.

    python benchmarks/bench_parse.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from _common import corpus_texts  # benchmarks/ is on sys.path when run as a script

from textkit.model import Document
from textkit.pipeline import parse
from textkit.structure import parse_structure
from textkit.tokenize import cut


def _seconds(texts: list[str], fn: Callable[[str], object]) -> float:
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args(argv)
    texts = corpus_texts()
    chars = sum(map(len, texts))
    print(f"{len(texts)} documents, {chars:,} characters, {args.rounds} interleaved rounds")
    ref = date(2023, 9, 1)
    stages: dict[str, Callable[[str], object]] = {
        "baseline: jieba segmentation": cut,
        "structure (parse_structure)": lambda t: parse_structure(Document(t)),
        "full parse (structure+extraction)": lambda t: parse(Document(t), reference_date=ref),
    }
    for fn in stages.values():  # load dictionaries and compile rules outside the timing
        fn(texts[0])
    times: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(args.rounds):
        for name, fn in stages.items():
            times[name].append(_seconds(texts, fn))
    base = times["baseline: jieba segmentation"]
    for name, ts in times.items():
        ratio = statistics.median(b / t for b, t in zip(base, ts, strict=True))
        print(f"{name:<36} {chars / statistics.median(ts):>12,.0f} chars/s  {ratio:6.2f}x jieba (median round)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
