"""Run `textkit lint` over a corpus and print every finding per rule per document, for review.

    .venv/bin/python scripts/lint_review.py [/work/shared/corpus/raw] [--rules all|enabled] [--context 18]
        [--verdicts FILE]

Every rule runs (switched-off ones too, unless ``--rules enabled``), so a rule's precision can be measured
before it is switched on. Each finding prints as one tab-separated line: rule, file, line, text (spaces shown
as ␣, at most 30 characters), the text around it with the finding in 【】, and its verdict if one is known.

``--verdicts FILE`` reads reviewed verdicts: tab-separated rows ``rule, file, line, text, tp|fp, note`` (the
first four columns exactly as printed here), either a plain TSV file or the first ```tsv block of a Markdown
file (docs/lint.md keeps the reviewed dev-corpus verdicts that way). The script then prints precision per rule
over the reviewed findings and counts the findings still unreviewed.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from textkit.errors import InputError
from textkit.lint import Finding, lint, load_config
from textkit.pipeline import parse

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "raw"


def _context(text: str, f: Finding, width: int) -> str:
    before = text[max(0, f.start - width):f.start]
    after = text[f.end:f.end + width]
    return f"{before}【{f.text}】{after}".replace("\n", "⏎").replace("\t", "⇥")


def _key_text(text: str) -> str:
    s = text.replace(" ", "␣").replace("\u3000", "□").replace("\n", "⏎").replace("\t", "⇥")
    return s if len(s) <= 30 else s[:29] + "…"


def _tsv_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix != ".md":
        return lines
    try:
        start = lines.index("```tsv") + 1
    except ValueError:
        raise SystemExit(f"{path}: no ```tsv block") from None
    end = lines.index("```", start)
    return lines[start:end]


def read_verdicts(path: Path) -> dict[tuple[str, str, str, str], str]:
    out: dict[tuple[str, str, str, str], str] = {}
    for row in csv.reader(_tsv_lines(path), delimiter="\t", quoting=csv.QUOTE_NONE):
        if not row or row[0].startswith("#"):
            continue
        if len(row) < 5 or row[4] not in ("tp", "fp"):
            raise SystemExit(f"{path}: bad verdict row {row!r}; need rule, file, line, text, tp|fp")
        out[(row[0], row[1], row[2], row[3])] = row[4]
    return out


Key = tuple[str, str, str, str]


def collect(corpus: Path, *, all_rules: bool = True, context: int = 18) -> dict[str, list[tuple[str, Finding, str]]]:
    """Every finding on the corpus, by rule: (file name, finding, context) in file order."""
    config = load_config()
    rules = [r.id for r in config.rules] if all_rules else None
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
    by_rule: dict[str, list[tuple[str, Finding, str]]] = defaultdict(list)
    for path in files:
        try:
            plan = parse(path)
        except InputError as exc:
            print(f"# {exc}", file=sys.stderr)
            continue
        for f in lint(plan, config=config, rules=rules).findings:
            by_rule[f.rule].append((path.name, f, _context(plan.text, f, context)))
    return by_rule


def key(name: str, f: Finding) -> Key:
    return (f.rule, name, str(f.line), _key_text(f.text))


def tally(by_rule: dict[str, list[tuple[str, Finding, str]]], verdicts: dict[Key, str]) -> dict[str, Counter[str]]:
    """Per rule: how many findings are ``tp``, ``fp`` and ``unreviewed``."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for rule, found in by_rule.items():
        for name, f, _ in found:
            out[rule][verdicts.get(key(name, f), "unreviewed")] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rules", choices=("all", "enabled"), default="all")
    ap.add_argument("--context", type=int, default=18, metavar="CHARS")
    ap.add_argument("--verdicts", type=Path, metavar="FILE")
    args = ap.parse_args(argv)

    config = load_config()
    by_rule = collect(args.corpus, all_rules=args.rules == "all", context=args.context)
    verdicts = read_verdicts(args.verdicts) if args.verdicts else {}
    for rule in (r.id for r in config.rules):
        found = by_rule.get(rule, [])
        state = "on" if config.rule(rule).enabled else "off"
        print(f"\n## {rule} ({state}, {config.rule(rule).severity}): {len(found)} findings")
        per_doc = Counter(name for name, _, _ in found)
        if per_doc:
            print("#  per document: " + ", ".join(f"{n} {c}" for n, c in sorted(per_doc.items())))
        for name, f, ctx in found:
            print("\t".join((*key(name, f), ctx, verdicts.get(key(name, f), ""))))
    if verdicts:
        counts = tally(by_rule, verdicts)
        print("\n## precision (reviewed findings)")
        for rule in (r.id for r in config.rules):
            t = counts.get(rule, Counter())
            reviewed = t["tp"] + t["fp"]
            prec = f"{t['tp'] / reviewed:.3f}" if reviewed else "n/a"
            print(f"{rule:28} tp {t['tp']:4}  fp {t['fp']:4}  unreviewed {t['unreviewed']:4}  precision {prec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
