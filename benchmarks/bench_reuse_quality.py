"""Alignment quality of `textkit.comparison.reuse.align` against plain Smith–Waterman.

Pairs are made by editing real passages of ../shared/corpus: words inserted (我局, 本单位, 结合实际…),
clauses dropped, punctuation changed, neighbouring sentences swapped; the edited passage sits between
unrelated text from another plan, and is aligned against its original context. The reference is the
full-matrix Smith–Waterman with declumping (`reuse.smith_waterman`, same scores); we count, on each
side, the normalised characters inside aligned passages and print precision and recall of the
windowed alignment against the reference (both must be ≥ 0.95), plus throughput beside jieba.

    .venv/bin/python benchmarks/bench_reuse_quality.py [--pairs 80] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

from textkit.comparison.reuse import Alignment, align, normalise, smith_waterman

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
INSERTS = ("我局", "本单位", "结合实际", "认真", "进一步", "切实", "局机关", "各党支部")
SENT = re.compile(r"[^。；！？\n]+[。；！？]?")


def sentences(text: str) -> list[str]:
    return [m.group(0) for m in SENT.finditer(text) if len(m.group(0).strip()) > 4]


def edit(passage: str, rng: random.Random) -> str:
    """Insert words, drop a clause, change punctuation, swap neighbouring sentences."""
    sents = sentences(passage)
    for i in range(len(sents) - 1):
        if rng.random() < 0.25:
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
    out = []
    for s in sents:
        clauses = s.split("，")
        if len(clauses) > 2 and rng.random() < 0.35:
            del clauses[rng.randrange(1, len(clauses))]
        s = "，".join(clauses)
        if rng.random() < 0.5:
            at = rng.randrange(len(s) + 1)
            s = s[:at] + rng.choice(INSERTS) + s[at:]
        if rng.random() < 0.4:
            s = s.replace("，", rng.choice(["、", " ", "；", ""]), 1)
        if rng.random() < 0.3:
            s = s.replace("、", "，")
        out.append(s)
    return "\n".join(out)


def make_pairs(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts = [t for t in texts if len(t) > 2000]
    pairs = []
    while len(pairs) < n:
        x, y = rng.sample(range(len(texts)), 2)
        src = texts[x]
        length = rng.randrange(150, 600)
        start = rng.randrange(200, len(src) - length - 200)
        passage = src[start : start + length]
        b = src[start - 200 : start + length + 200]
        filler = texts[y]
        f0 = rng.randrange(0, len(filler) - 600)
        a = filler[f0 : f0 + rng.randrange(80, 300)] + edit(passage, rng) + filler[f0 + 300 : f0 + 300 + rng.randrange(80, 300)]
        pairs.append((a, b))
    return pairs


def covered(hits: list[Alignment], n_a: int, n_b: int) -> tuple[np.ndarray, np.ndarray]:
    ca, cb = np.zeros(n_a, dtype=bool), np.zeros(n_b, dtype=bool)
    for h in hits:
        ca[h.a_norm[0] : h.a_norm[1]] = True
        cb[h.b_norm[0] : h.b_norm[1]] = True
    return ca, cb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=80)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    pairs = make_pairs(args.pairs, args.seed)
    tp = fp = fn = 0
    tp_b = fp_b = fn_b = 0
    t_ref = t_win = 0.0
    worst: list[tuple[float, int]] = []
    for n, (a, b) in enumerate(pairs):
        na, nb = len(normalise(a)), len(normalise(b))
        t = time.perf_counter()
        ref = smith_waterman(a, b)
        t_ref += time.perf_counter() - t
        t = time.perf_counter()
        win = align(a, b)
        t_win += time.perf_counter() - t
        ra, rb = covered(ref, na, nb)
        wa, wb = covered(win, na, nb)
        tp += int((ra & wa).sum())
        fp += int((~ra & wa).sum())
        fn += int((ra & ~wa).sum())
        tp_b += int((rb & wb).sum())
        fp_b += int((~rb & wb).sum())
        fn_b += int((rb & ~wb).sum())
        denom = int(ra.sum())
        if denom:
            worst.append((int((ra & wa).sum()) / denom, n))
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    pb, rb_ = tp_b / max(1, tp_b + fp_b), tp_b / max(1, tp_b + fn_b)
    chars = sum(len(a) for a, _ in pairs)
    import jieba

    jieba.setLogLevel(60)
    jieba.lcut("预热")
    t = time.perf_counter()
    for a, _ in pairs:
        jieba.lcut(a)
    t_jieba = time.perf_counter() - t
    print(f"pairs: {len(pairs)} (edited passages of real plans; seed {args.seed})")
    print(f"plan side      precision {p:.4f}  recall {r:.4f}  (reused characters: reference {tp + fn}, windowed {tp + fp})")
    print(f"directive side precision {pb:.4f}  recall {rb_:.4f}")
    worst.sort()
    print("lowest per-pair recall:", ", ".join(f"#{n} {v:.2f}" for v, n in worst[:5]))
    print(f"time: windowed {t_win:.2f} s ({chars / t_win:,.0f} chars/s), full Smith–Waterman {t_ref:.2f} s, "
          f"jieba.lcut of the same plan-side text {t_jieba:.3f} s ({chars / t_jieba:,.0f} chars/s)")
    ok = min(p, r, pb, rb_) >= 0.95
    print("PASS" if ok else "FAIL", "(floor 0.95)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
