#!/usr/bin/env python3
"""Throughput of the structure parser and of the full parse, beside jieba segmentation of the same text.

Runs over the dev corpus (../shared/corpus/raw) if present, else the samples in corpora/; repeats the
texts until each measurement takes at least ~1 s. Prints characters per second for each.

    python benchmarks/bench_parse.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from textkit.model import Document
from textkit.pipeline import parse
from textkit.structure import parse_structure
from textkit.tokenize import cut

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    raw = ROOT.parent / "shared" / "corpus" / "raw"
    paths = sorted(raw.glob("*.txt")) if raw.is_dir() else sorted((ROOT / "corpora").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _rate(label: str, texts: list[str], fn: Callable[[str], object], *, min_seconds: float = 1.0) -> float:
    chars = 0
    rounds = 0
    t0 = time.perf_counter()
    while True:
        for t in texts:
            fn(t)
            chars += len(t)
        rounds += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    rate = chars / elapsed
    print(f"{label:<34} {rate:>12,.0f} chars/s  ({rounds} rounds, {chars:,} chars, {elapsed:.2f} s)")
    return rate


def main() -> int:
    texts = _texts()
    print(f"{len(texts)} documents, {sum(map(len, texts)):,} characters")
    cut(texts[0])  # load jieba's dictionary outside the timing
    base = _rate("baseline: jieba segmentation", texts, cut)
    s = _rate("structure (parse_structure)", texts, lambda t: parse_structure(Document(t)))
    ref = date(2023, 9, 1)
    p = _rate("full parse (structure+extraction)", texts, lambda t: parse(Document(t), reference_date=ref))
    print(f"structure is {s / base:.1f}x jieba; full parse is {p / base:.2f}x jieba")
    return 0


if __name__ == "__main__":
    sys.exit(main())
