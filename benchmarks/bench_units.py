#!/usr/bin/env python3
"""Throughput of responsible-unit extraction and of measure building, beside jieba segmentation.

Runs over the dev corpus (../shared/corpus/raw) if present, else the seeds in corpora/. Each text's tree is
parsed once outside the timing (units need it only for section ids). The three measurements are
interleaved document by document, in one process, so that a busy shared machine slows all of them alike;
rounds repeat until at least ``--seconds`` of work is timed. Prints characters per second and the ratio.

    python benchmarks/bench_units.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import time

from _common import corpus_texts  # benchmarks/ is on sys.path when run as a script

from textkit.extraction.measures import build_measures
from textkit.extraction.units import default_extractor, extract_units, task_table_rows
from textkit.model import Document
from textkit.structure import parse_structure
from textkit.tokenize import cut


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="total timed work (default %(default)s)")
    args = ap.parse_args(argv)
    texts = corpus_texts()
    items = [(doc, parse_structure(doc)[0]) for doc in (Document(t) for t in texts)]
    print(f"{len(texts)} documents, {sum(map(len, texts)):,} characters")
    cut(texts[0])  # load jieba's dictionary outside the timing
    default_extractor()  # compile the rules outside the timing
    spent = {"jieba": 0.0, "units": 0.0, "units+measures": 0.0}
    chars = 0
    rounds = 0
    while sum(spent.values()) < args.seconds:
        for doc, root in items:
            t0 = time.perf_counter()
            cut(doc.text)
            t1 = time.perf_counter()
            extract_units(doc, root)  # (the task tables found inside: timed too)
            t2 = time.perf_counter()
            rows = task_table_rows(doc)
            build_measures(doc, root, units=extract_units(doc, root, tables=rows), dates=(), tables=rows)
            t3 = time.perf_counter()
            spent["jieba"] += t1 - t0
            spent["units"] += t2 - t1
            spent["units+measures"] += t3 - t2
            chars += len(doc.text)
        rounds += 1
    rates = {k: chars / v for k, v in spent.items()}
    for k, rate in rates.items():
        label = "baseline: jieba segmentation" if k == "jieba" else k
        print(f"{label:<30} {rate:>12,.0f} chars/s  ({rounds} rounds, {spent[k]:.2f} s)")
    base = rates["jieba"]
    print(f"units are {rates['units'] / base:.1f}x jieba; units + measures {rates['units+measures'] / base:.1f}x jieba")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
