#!/usr/bin/env python3
"""Throughput of the structure parser and of the full parse, beside jieba segmentation of the same text.

Runs over the dev corpus (../shared/corpus/raw) if present, else the samples in corpora/; repeats the
texts until each measurement takes at least ~1 s. Prints characters per second for each.

    python benchmarks/bench_parse.py
"""

from __future__ import annotations

import sys
from datetime import date

from _common import corpus_texts, rate  # benchmarks/ is on sys.path when run as a script

from textkit.model import Document
from textkit.pipeline import parse
from textkit.structure import parse_structure
from textkit.tokenize import cut


def main() -> int:
    texts = corpus_texts()
    print(f"{len(texts)} documents, {sum(map(len, texts)):,} characters")
    cut(texts[0])  # load jieba's dictionary outside the timing
    base = rate("baseline: jieba segmentation", texts, cut)
    s = rate("structure (parse_structure)", texts, lambda t: parse_structure(Document(t)))
    ref = date(2023, 9, 1)
    p = rate("full parse (structure+extraction)", texts, lambda t: parse(Document(t), reference_date=ref))
    print(f"structure is {s / base:.1f}x jieba; full parse is {p / base:.2f}x jieba")
    return 0


if __name__ == "__main__":
    sys.exit(main())
