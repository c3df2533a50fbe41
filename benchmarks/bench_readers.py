"""Throughput of the .docx and .pdf readers, beside a jieba segmentation baseline of the same text.

Builds the seed plans as .docx (Word automatic numbering) and as multi-page .pdf with the test fixture
builders, reads each several times, and prints .docx paragraphs/second and PDF pages/second, with
characters/second for both and for `textkit.tokenize.cut` over the same text in the same process (so the
figures can be compared across machines: the ratio to jieba matters, not the absolute number).

    .venv/bin/python benchmarks/bench_readers.py [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from textkit.model import Document
from textkit.reading import DEFAULT_LIMITS
from textkit.reading.docx import read_docx_bytes
from textkit.reading.pdf import read_pdf_bytes
from textkit.tokenize import cut

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora").glob("*.txt"))


def _builders() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_reading_fixtures", ROOT / "tests" / "reading" / "fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _best(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` runs (the median resists a neighbour's burst on a shared machine)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    build = _builders()
    cut("预热分词词典")  # load jieba's dictionary outside the timings

    docx_files = [build.docx_from_text(p.read_text(encoding="utf-8"), numbering="auto") for p in SEEDS]
    pdf_files = [build.pdf_from_text(p.read_text(encoding="utf-8")) for p in SEEDS]

    docx_docs: list[Document] = []
    pdf_docs: list[Document] = []
    t_docx = _best(lambda: docx_docs.__setitem__(slice(None), [
        read_docx_bytes(d, source="bench.docx", limits=DEFAULT_LIMITS) for d in docx_files]), args.repeat)
    t_pdf = _best(lambda: pdf_docs.__setitem__(slice(None), [
        read_pdf_bytes(b.data, source="bench.pdf", limits=DEFAULT_LIMITS) for b in pdf_files]), args.repeat)

    docx_text = "".join(d.text for d in docx_docs)
    pdf_text = "".join(d.text for d in pdf_docs)
    t_jieba = _best(lambda: cut(docx_text), args.repeat)

    paragraphs = sum(len(d.hints) for d in docx_docs)  # one hint per body paragraph (table rows excluded)
    pages = sum(b.pages for b in pdf_files)
    jieba_cps = len(docx_text) / t_jieba
    rows = [
        (".docx read", f"{paragraphs / t_docx:,.0f} paragraphs/s", len(docx_text) / t_docx),
        (".pdf read", f"{pages / t_pdf:,.1f} pages/s", len(pdf_text) / t_pdf),
        ("jieba cut (baseline)", "", jieba_cps),
    ]
    print(f"seeds: {len(SEEDS)} plans; .docx {paragraphs} paragraphs, .pdf {pages} pages, "
          f"{len(docx_text):,} chars; median of {args.repeat} runs")
    for name, unit, cps in rows:
        print(f"  {name:<22} {unit:>20}  {cps:>12,.0f} chars/s  ({cps / jieba_cps:5.2f}x jieba)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
