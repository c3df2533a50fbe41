#!/usr/bin/env python3
"""Throughput of the structure parser and of the full parse, beside jieba segmentation of the same text.

Runs over the dev corpus (../shared/corpus/raw) if present, else the samples in corpora/. The machine is
shared and its speed drifts by more than a third within seconds, so the three measurements are interleaved
document by document (jieba, then the two parses, in alternating order) and repeated for ``--rounds``
rounds. Two estimates are printed for each, both against jieba on the same documents:

- best: the sum over documents of each one's fastest round (``timeit``'s advice: slower rounds measure the
  machine's other work, not the code's), as characters per second and as a ratio to jieba's best;
- median: the median over rounds of the per-round ratio to jieba, which keeps the noise in.

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

BASELINE = "baseline: jieba segmentation"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args(argv)
    texts = corpus_texts()
    chars = sum(map(len, texts))
    print(f"{len(texts)} documents, {chars:,} characters, {args.rounds} rounds interleaved by document")
    ref = date(2023, 9, 1)
    stages: dict[str, Callable[[str], object]] = {
        BASELINE: cut,
        "structure (parse_structure)": lambda t: parse_structure(Document(t)),
        "full parse (structure+extraction)": lambda t: parse(Document(t), reference_date=ref),
    }
    for t in texts:  # load dictionaries and compile rules outside the timing
        for fn in stages.values():
            fn(t)
    # times[stage][round][document]
    times: dict[str, list[list[float]]] = {name: [] for name in stages}
    names = list(stages)
    for r in range(args.rounds):
        for name in names:
            times[name].append([])
        order = [names[0], *(names[1:] if r % 2 == 0 else reversed(names[1:]))]
        for t in texts:
            for name in order:
                t0 = time.perf_counter()
                stages[name](t)
                times[name][r].append(time.perf_counter() - t0)
    best = {name: sum(min(rounds[r][i] for r in range(args.rounds)) for i in range(len(texts)))
             for name, rounds in times.items()}
    per_round = {name: [sum(docs) for docs in rounds] for name, rounds in times.items()}
    for name in names:
        ratio_best = best[BASELINE] / best[name]
        ratio_median = statistics.median(b / s for b, s in zip(per_round[BASELINE], per_round[name], strict=True))
        print(f"{name:<36} {chars / best[name]:>12,.0f} chars/s  {ratio_best:6.2f}x jieba (best)"
              f"  {ratio_median:6.2f}x (median round)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
