"""Scale of `textkit compare`: 100 → 1,000 plans built by perturbing real plans of ../shared/corpus.

Each plan is a corpus plan (not the directive) with lines dropped, lines from another plan spliced in,
words inserted (我局, 本单位…), punctuation changed and neighbouring lines swapped. The plans are compared
against the 2023 主题教育 意见 (raw/042.txt): coverage matrix (the `check` engine, on the tasks derived
from the directive as `compare --against` derives them), reuse against the directive and similarity.
Each size runs in a fresh process so its peak memory (max RSS) is its own. Parsing is timed
separately. The coverage engine is measured on up to ``--coverage-max`` plans; above that its time is
projected from the measured per-plan rate and marked as projected.

    .venv/bin/python benchmarks/bench_compare_scale.py [--sizes 100,300,1000] [--coverage-max 200]

Budget: matrix + reuse + similarity of 1,000 plans under 60 s with peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT.parent / "shared" / "corpus" / "raw"
DIRECTIVE = RAW / "042.txt"
INSERTS = ("我局", "本单位", "结合实际", "认真", "进一步", "切实", "局机关", "各党支部")


def perturbed_plans(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` (name, text) plans made from the corpus plans, deterministic for a seed."""
    bases = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")) if p.name != DIRECTIVE.name]
    rng = random.Random(seed)
    out = []
    for k in range(n):
        lines = bases[k % len(bases)].split("\n")
        other = bases[rng.randrange(len(bases))].split("\n")
        new: list[str] = []
        for line in lines:
            r = rng.random()
            if r < 0.12:
                continue  # a dropped line
            if r < 0.2:
                new.append(rng.choice(other))  # a line from another plan
            if line and rng.random() < 0.3:
                at = rng.randrange(len(line) + 1)
                line = line[:at] + rng.choice(INSERTS) + line[at:]
            if rng.random() < 0.2:
                line = line.replace("，", "、", 1)
            new.append(line)
        for i in range(len(new) - 1):
            if rng.random() < 0.05:
                new[i], new[i + 1] = new[i + 1], new[i]
        out.append((f"plan{k:04d}.txt", "\n".join(new)))
    return out


def child(n: int, coverage_max: int) -> dict[str, float]:
    from textkit.comparison.compare import compare
    from textkit.comparison.itemise import derive_checklist
    from textkit.pipeline import parse
    from textkit.reading import read_text

    texts = perturbed_plans(n)
    t = time.perf_counter()
    plans = [parse(read_text(text, source=name)) for name, text in texts]
    directive = parse(DIRECTIVE)
    t_parse = time.perf_counter() - t
    checklist = derive_checklist(directive)
    measured = n <= coverage_max
    t = time.perf_counter()
    c = compare(plans, directive=directive, checklist=checklist, coverage=measured, between=False, progress=False)
    t_total = time.perf_counter() - t
    timings = dict(c.timings)
    if not measured:
        # Project the coverage engine from its per-plan rate on a sample.
        sample = min(max(coverage_max, 50), n)
        compare(plans[:1], checklist=checklist, between=False, progress=False)  # warm up (jieba, rules)
        t = time.perf_counter()
        compare(plans[:sample], checklist=checklist, between=False, progress=False)
        rate = (time.perf_counter() - t) / sample
        timings["coverage"] = rate * n
    chars = sum(len(text) for _, text in texts)
    import jieba

    jieba.setLogLevel(60)
    jieba.lcut("预热")
    sample_texts = [text for _, text in texts[:100]]
    t = time.perf_counter()
    for text in sample_texts:
        jieba.lcut(text)
    jieba_rate = sum(map(len, sample_texts)) / (time.perf_counter() - t)
    return {
        "n": n, "chars": chars, "parse": t_parse, "coverage": timings.get("coverage", 0.0),
        "coverage_measured": float(measured), "reuse": timings["reuse"], "similarity": timings["similarity"],
        "compare_wall": t_total, "items": len(checklist),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "jieba_chars_per_s": jieba_rate,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,300,1000")
    ap.add_argument("--coverage-max", type=int, default=1000,
                    help="measure the coverage engine up to this many plans, project above")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not RAW.is_dir():
        print(f"corpus not found at {RAW}", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(child(args.child, args.coverage_max)))
        return 0
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n), "--coverage-max", str(args.coverage_max)],
            check=True, capture_output=True, text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"… {n} plans done", file=sys.stderr)
    print(f"{'plans':>6} {'chars':>10} {'parse':>7} {'coverage':>10} {'reuse':>7} {'similar':>8} "
          f"{'total':>8} {'peak MB':>8}  chars/s (jieba.lcut)")
    for r in rows:
        cov = f"{r['coverage']:.1f}" + ("" if r["coverage_measured"] else "*")
        total = r["coverage"] + r["reuse"] + r["similarity"]
        rate = r["chars"] / max(1e-9, r["reuse"] + r["similarity"])
        print(f"{r['n']:>6} {r['chars']:>10,} {r['parse']:>7.1f} {cov:>10} {r['reuse']:>7.1f} "
              f"{r['similarity']:>8.1f} {total:>8.1f} {r['rss_mb']:>8.0f}  "
              f"reuse+similarity {rate:,.0f} ({r['jieba_chars_per_s']:,.0f})")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        grow = b["n"] / a["n"]
        print(f"growth {a['n']} → {b['n']} plans (×{grow:.0f}): "
              f"reuse ×{b['reuse'] / a['reuse']:.1f}, similarity ×{b['similarity'] / a['similarity']:.1f}, "
              f"coverage ×{b['coverage'] / max(1e-9, a['coverage']):.1f}")
    if not all(r["coverage_measured"] for r in rows):
        print("* projected from the per-plan rate measured on a sample (--coverage-max)")
    print("coverage includes the one-off loading of jieba's dictionary (about 1 s) at every size")
    last = rows[-1]
    total = last["coverage"] + last["reuse"] + last["similarity"]
    ok = total < 60 and last["rss_mb"] < 2048
    print(f"{last['n']} plans: matrix + reuse + similarity {total:.1f} s (budget 60 s), "
          f"peak {last['rss_mb']:.0f} MB (budget 2048 MB): {'PASS' if ok else 'FAIL'}")
    print(f"  without the coverage matrix: reuse + similarity {last['reuse'] + last['similarity']:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
