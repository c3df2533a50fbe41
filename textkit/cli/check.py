"""``textkit check DRAFT (--checklist FILE | --against DIRECTIVE)``: which required tasks a draft misses.

Exit status: 0 when nothing at or above ``--fail-on`` is found, 1 when it is, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from textkit.cli.common import add_input_options, emit, limits_from, rules_from

FORMATS = ("table", "json", "md", "html")
FAIL_ON = ("missing", "partial")

EXAMPLES = """\
examples:
  textkit check 草案.docx --against 上级意见.txt              judge the draft against the directive's tasks
  textkit check 草案.docx --checklist 清单.toml --format html -o 报告.html
  textkit checklist 上级意见.txt --scope 主要任务 -o 清单.toml  derive a checklist to curate once
  textkit check 草案.pdf --against 上级意见.txt --fail-on missing   exit 1 when a required task is missing
"""


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "check", help="check a draft plan against a checklist or the directive it implements",
        description="Judge, task by task, whether a draft implements a directive's required tasks (covered, "
                    "partial, missing), by meaning, with the concepts found and not found and the evidence.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("draft", metavar="DRAFT", help="the draft plan (.txt, .docx, .pdf)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--checklist", metavar="FILE", help="a checklist file (.toml, .yaml); see docs/check.md")
    src.add_argument("--against", metavar="DIRECTIVE", help="derive the checklist from this directive's required tasks")
    p.add_argument("--scope", action="append", default=[], metavar="ID|WORD",
                   help="--against: the parts of the directive that count, by section id (三, 三/2) or a word of "
                        "their title (主要任务); repeatable (default: all but the declaratory parts)")
    p.add_argument("--tables", action="store_true",
                   help="--against: also list the rows of the directive's attached task tables as tasks")
    p.add_argument("--save-checklist", metavar="FILE",
                   help="--against: also write the derived checklist as TOML (to curate; see `textkit checklist`)")
    p.add_argument("--model", metavar="FILE",
                   help="a coverage model fitted by scripts/fit_coverage.py (default: the shipped one)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--fail-on", choices=FAIL_ON, metavar="missing|partial",
                   help="exit 1 if a `must` item is missing (or, with partial, missing or partial)")
    add_input_options(p, rules=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from textkit.comparison.checklist import checklist_to_toml, load_checklist
    from textkit.comparison.coverage import check, load_model
    from textkit.comparison.itemise import derive_checklist
    from textkit.output.check_report import check_to_dict, render_html, render_markdown, render_table
    from textkit.pipeline import parse

    limits = limits_from(args)
    rules = rules_from(args)
    model = load_model(args.model)
    if args.checklist:
        checklist = load_checklist(args.checklist)
    else:
        directive = parse(args.against, reference_date=args.reference_date, limits=limits, rules=rules)
        checklist = derive_checklist(directive, scope=args.scope, tables=args.tables)
        if args.save_checklist:
            emit(checklist_to_toml(checklist), args.save_checklist)
    draft = parse(args.draft, reference_date=args.reference_date, limits=limits, rules=rules)
    result = check(draft, checklist, model=model)
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
    # Only `must` tasks fail the run: a `should` task is advice, reported but not enforced.
    return 1 if any(r.status in failing and r.item.priority == "must" and not r.item.children
                    for r in result.items) else 0
