#!/usr/bin/env python3
"""Parse every plan in ../shared/corpus/extra (plans the rules were not fitted to) and list each file's warnings.

A file that fails to parse is an error: it is listed and the script exits 1 after the rest are done. Each
warning is printed with its line number and the text it points at, so that a reader can judge whether it is
worth a drafter's attention; a count by warning code closes the listing.

    python scripts/extra_warnings.py [--shared ../shared] [--codes numbering-gap,impossible-year]
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from pathlib import Path

from textkit.errors import TextkitError
from textkit.pipeline import parse

ROOT = Path(__file__).resolve().parent.parent


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--codes", default="", help="only these warning codes (comma-separated)")
    args = ap.parse_args(argv)
    folder = Path(args.shared) / "corpus" / "extra"
    files = sorted(folder.glob("*.txt"))
    if not files:
        print(f"no .txt files in {folder}", file=sys.stderr)
        return 2
    wanted = {c for c in args.codes.split(",") if c}
    by_code: Counter[str] = Counter()
    errors: list[str] = []
    for path in files:
        try:
            plan = parse(path)
        except TextkitError as exc:
            errors.append(f"{path.name}: {exc}")
            print(f"== {path.name}: ERROR {exc}")
            continue
        text = plan.document.text
        starts = _line_starts(text)
        shown = [w for w in plan.warnings if not wanted or w.code in wanted]
        print(f"== {path.name}: {len(shown)} warning(s)")
        for w in shown:
            by_code[w.code] += 1
            line = bisect.bisect_right(starts, w.start)
            at = text[w.start:w.end].replace("\n", "⏎")[:30]
            print(f"  line {line:>4}  {w.code:<24} {at!r:<20} {w.message}")
    print("== warnings by code: " + (", ".join(f"{c} {n}" for c, n in by_code.most_common()) or "none"))
    if errors:
        print(f"== {len(errors)} file(s) failed to parse", file=sys.stderr)
        return 1
    print(f"== {len(files)} files parsed without an error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
