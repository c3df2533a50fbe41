#!/usr/bin/env python3
"""Throughput of time-expression and quantity extraction, beside jieba segmentation of the same text.

Runs over the dev corpus (../shared/corpus/raw) if present, else the seeds in corpora/; repeats the texts
until each measurement takes at least ~1 s (keep it short: the machine is shared). Prints characters per
second for each, in the same process.

    python benchmarks/bench_time.py
"""

from __future__ import annotations

from datetime import date

from _common import corpus_texts, rate  # benchmarks/ is on sys.path when run as a script

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


def main() -> int:
    texts = corpus_texts()
    print(f"{len(texts)} documents, {sum(map(len, texts)):,} characters")
    cut(texts[0])  # load jieba's dictionary outside the timing
    _times(texts[0])  # compile the time grammar outside the timing
    _quantities(texts[0])
    base = rate("baseline: jieba segmentation", texts, cut)
    t = rate("extract_times", texts, _times)
    q = rate("extract_quantities", texts, _quantities)
    print(f"extract_times is {t / base:.1f}x jieba; extract_quantities is {q / base:.1f}x jieba")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
