#!/usr/bin/env python3
"""Linear time and memory on large and pathological plans (issue 16): each shape at 1 MB and 5 MB.

Every shape runs in a fresh process (so its peak resident memory is its own) through the whole pipeline:
read the .txt from disk, parse (structure + extraction) and lint. Shapes: real plans repeated (the seeds),
and text built to provoke quadratic time or deep nesting — runs of Chinese numerals (the inline 一是 scan),
CJK characters separated by spaces (the stray-space rule), one character jieba cannot group, sections
nested as deep as the numbering goes (lint's ancestor walk, memory), control characters, （（（（ lines,
一、一、 lines, unclosed labelled brackets, one huge paragraph of 一是…二是….

For each it prints CPU seconds (of the child, after loading dictionaries and rules) and peak memory at both sizes, the growth 1 MB → 5 MB (linear is about 5×) and
the peak per MB of input; beside them, a jieba segmentation of 1 MB of the seeds in this process. Exit 1
if any shape grows more than 6× or peaks at 300 MB or more per MB of input.

    .venv/bin/python benchmarks/bench_pathological.py [--sizes 1 5] [--only SHAPE…] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from _common import ROOT

sys.path.insert(0, str(ROOT / "tests" / "hardening"))

import hostile as H

MB = 1024 * 1024
MAX_GROWTH = 6.0
MAX_PEAK_PER_MB = 300.0


def _seeds() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt")))


def _repeat(unit: str, size: int) -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


def shape_text(name: str, size: int) -> str:
    """``size`` bytes (UTF-8) of the shape ``name``."""
    chars = size // 3  # CJK text: three bytes a character
    makers = {
        "seed plans repeated": lambda: _repeat(_seeds(), size),
        "numeral run": lambda: H.numeral_run(chars),
        "spaced CJK line": lambda: H.stray_spaces(size // 2),
        "unknown-character run": lambda: H.unknown_char_run(chars - 10),
        "nested sections": lambda: H.nested_plan(chars),
        "control characters": lambda: _repeat(H.control_chars_text(), size),
        "（（（（ lines": lambda: _repeat("（（（（\n", size),
        "一、一、 lines": lambda: _repeat("一、一、\n", size),
        "unclosed labelled brackets": lambda: _repeat("1.推进工作（牵头单位：（（（（省科技厅\n", size),
        "one huge paragraph": lambda: "一、总体要求\n" + _repeat("坚持以人民为中心，一是加强学习，二是深入调研，", size),
    }
    return makers[name]()


SHAPES = ("seed plans repeated", "numeral run", "spaced CJK line", "unknown-character run", "nested sections",
          "control characters", "（（（（ lines", "一、一、 lines", "unclosed labelled brackets", "one huge paragraph")


def _child(path: str) -> None:
    """Run in the child process: read, parse and lint ``path``; print the seconds as JSON."""
    from textkit.lint import lint, load_config
    from textkit.pipeline import parse
    from textkit.reading import Limits

    config = load_config()
    lint(parse(str(ROOT / "corpora" / "000_3b4e0d12af4a227f.txt")), config=config)  # dictionaries, rules loaded
    # CPU seconds of this process: the machine is shared, and wall time taken minutes apart under another
    # load cannot show a growth factor; the CPU time of one single-threaded process can
    t0 = time.process_time()
    plan = parse(path, limits=Limits(max_bytes=64 * MB, max_chars=20_000_000))
    lint(plan, config=config)
    print(json.dumps({"seconds": time.process_time() - t0}))


def _run(text: str) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one child process on ``text``."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(text)
        path = fh.name
    try:
        proc = subprocess.Popen([sys.executable, __file__, "--child", path], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        out = proc.stdout.read() if proc.stdout else ""
        err = proc.stderr.read() if proc.stderr else ""
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"child failed ({proc.returncode}): {err.strip().splitlines()[-1:]}")
        return float(json.loads(out)["seconds"]), usage.ru_maxrss / 1024  # KiB → MiB (Linux)
    finally:
        os.unlink(path)


def _jieba_baseline() -> float:
    from textkit.tokenize import cut

    text = _repeat(_seeds(), MB)
    cut(text[:100])  # load the dictionary outside the timing
    t0 = time.perf_counter()
    cut(text)
    return len(text.encode("utf-8")) / MB / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--sizes", type=int, nargs=2, default=(1, 5), metavar=("SMALL", "LARGE"),
                    help="input sizes in MB (default 1 5)")
    ap.add_argument("--only", nargs="*", default=None, help="run only these shapes")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run each size N times and keep the fastest (steadier growth on a busy machine)")
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    small, large = args.sizes
    print(f"jieba baseline (same process): {_jieba_baseline():.2f} MB/s on the seed plans")
    print(f"{'shape':<28} {'s @' + str(small) + 'MB':>9} {'s @' + str(large) + 'MB':>9} {'growth':>7} "
          f"{'MB/s':>6} {'peak MB':>8} {'MB per MB':>10}")
    failed = []
    for name in SHAPES if args.only is None else [s for s in SHAPES if s in args.only]:
        small_text, large_text = shape_text(name, small * MB), shape_text(name, large * MB)
        t_small = min(_run(small_text)[0] for _ in range(max(1, args.repeat)))
        runs = [_run(large_text) for _ in range(max(1, args.repeat))]
        t_large, m_large = min(r[0] for r in runs), max(r[1] for r in runs)
        growth = t_large / max(t_small, 1e-6)
        per_mb = m_large / large
        ok = growth <= MAX_GROWTH * large / small / 5 and per_mb < MAX_PEAK_PER_MB
        print(f"{name:<28} {t_small:9.2f} {t_large:9.2f} {growth:6.1f}x {large / t_large:6.2f} {m_large:8.0f} "
              f"{per_mb:10.0f}{'' if ok else '  <-- FAIL'}", flush=True)
        if not ok:
            failed.append(name)
    if failed:
        print(f"FAILED: {', '.join(failed)} (growth > {MAX_GROWTH}x or peak >= {MAX_PEAK_PER_MB:.0f} MB per MB)")
        return 1
    print(f"all shapes: growth <= {MAX_GROWTH}x and peak < {MAX_PEAK_PER_MB:.0f} MB per MB of input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
