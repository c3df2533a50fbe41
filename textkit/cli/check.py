"""``textkit check DRAFT (--checklist FILE | --against DIRECTIVE)``: which required items a draft misses.

Exit status: 0 when nothing at or above ``--fail-on`` is found, 1 when it is, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Literal

from textkit.cli.common import add_input_options, emit, limits_from

FORMATS = ("table", "json", "md", "html")
FAIL_ON = ("missing", "partial")


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "check", help="check a draft plan against a checklist or the directive it implements",
        description="Check a draft plan against required items, with the evidence for every verdict.",
    )
    p.add_argument("draft", metavar="DRAFT", help="the draft plan (.txt, .docx, .pdf)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--checklist", metavar="FILE", help="a checklist file (.toml, .yaml); see docs/check.md")
    src.add_argument("--against", metavar="DIRECTIVE", help="derive the checklist from this directive's measures")
    p.add_argument("--level", default="leaf", metavar="N|leaf|measure",
                   help="--against: which units of the directive become items (a section depth, default: leaf)")
    p.add_argument("--save-checklist", metavar="FILE",
                   help="--against: also write the derived checklist as TOML (a start for a checklist of your own)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--fail-on", choices=FAIL_ON, metavar="missing|partial",
                   help="exit 1 if a `must` item is missing (or, with partial, missing or partial)")
    p.add_argument("--thresholds", metavar="FILE", action="append", default=[],
                   help="a TOML file of [[param]] entries layered over the shipped weights and thresholds")
    add_input_options(p)
    p.set_defaults(run=run)


def _level(value: str) -> int | Literal["leaf", "measure"]:
    from textkit.errors import OptionError

    if value == "leaf":
        return "leaf"
    if value == "measure":
        return "measure"
    if value.isdigit() and int(value) >= 1:
        return int(value)
    raise OptionError("level", value, "a section depth 1, 2, … or 'leaf' or 'measure'")


def run(args: argparse.Namespace) -> int:
    from textkit.comparison.checklist import Checklist, checklist_to_toml, load_checklist
    from textkit.comparison.coverage import check, load_thresholds
    from textkit.output.check_report import check_to_dict, render_html, render_markdown, render_table
    from textkit.pipeline import parse

    limits = limits_from(args)
    thresholds = load_thresholds(extra=args.thresholds)
    if args.checklist:
        checklist = load_checklist(args.checklist)
    else:
        directive = parse(args.against, reference_date=args.reference_date, limits=limits)
        checklist = Checklist.from_plan(directive, level=_level(args.level))
        if args.save_checklist:
            Path(args.save_checklist).write_text(checklist_to_toml(checklist) + "\n", encoding="utf-8")
    draft = parse(args.draft, reference_date=args.reference_date, limits=limits)
    result = check(draft, checklist, thresholds=thresholds)
    if args.format == "json":
        out = json.dumps(check_to_dict(result), ensure_ascii=False, indent=1)
    elif args.format == "md":
        out = render_markdown(result)
    elif args.format == "html":
        out = render_html(result)
    else:
        out = render_table(result)
    emit(out, args.output)
    failing = {"missing": ("missing",), "partial": ("missing", "partial")}.get(args.fail_on or "", ())
    # Only `must` items fail the run: a `should` item is advice, reported but not enforced.
    return 1 if any(r.status in failing and r.item.priority == "must" for r in result.items) else 0
