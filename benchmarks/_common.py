"""What the throughput benchmarks share: the texts they run on and a chars/second timer."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_texts() -> list[str]:
    """The dev corpus (../shared/corpus/raw) if it is beside the project, else the samples in corpora/."""
    raw = ROOT.parent / "shared" / "corpus" / "raw"
    paths = sorted(raw.glob("*.txt")) if raw.is_dir() else sorted((ROOT / "corpora").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def rate(label: str, texts: list[str], fn: Callable[[str], object], *, min_seconds: float = 1.0) -> float:
    """Run ``fn`` over ``texts`` (repeating them) for at least ``min_seconds``; print and return chars/s."""
    chars = rounds = 0
    t0 = time.perf_counter()
    while True:
        for t in texts:
            fn(t)
            chars += len(t)
        rounds += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    per_second = chars / elapsed
    print(f"{label:<36} {per_second:>12,.0f} chars/s  ({rounds} rounds, {chars:,} chars, {elapsed:.2f} s)")
    return per_second
