"""``textkit parse FILE… [--format tree|json]``: the section tree and what was extracted."""

from __future__ import annotations

import argparse
import json
from typing import Any

from textkit.cli.common import PlanBatch, add_input_options, emit

FORMATS = ("tree", "json")
EPILOG = """examples:
  textkit parse 方案.docx                        the numbered sections as a tree
  textkit parse 方案.pdf --all                   every node: paragraphs, 责任单位 labels, 一是… items
  textkit parse 方案.txt --format json -o 方案.json
                                               sections, measures, units, dates with their spans
                                               (schema textkit.plan/1; PDF items carry their page)
  textkit parse a.txt b.docx --format json --no-tree   several plans: a JSON list
"""


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("parse", help="show the section tree of plans (txt/docx/pdf)",
                                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="plan files (.txt, .docx or .pdf)")
    p.add_argument("--format", choices=FORMATS, default="tree")
    p.add_argument("--all", action="store_true", help="tree: show every node (paragraphs, labels, items)")
    p.add_argument("--no-tree", action="store_true", help="json: leave out the full node tree")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_input_options(p, rules=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from textkit.output.plan import plan_to_dict, render_tree

    batch = PlanBatch(args)
    if args.format == "json":
        outputs: list[Any] = list(batch.each(lambda plan: plan_to_dict(plan, tree=not args.no_tree)))
    else:
        outputs = list(batch.each(lambda plan: render_tree(plan, show_all=args.all)))
    if outputs:
        if args.format == "json":
            payload = outputs[0] if len(args.files) == 1 else outputs
            emit(json.dumps(payload, ensure_ascii=False, indent=1), args.output)
        else:
            emit("\n\n".join(outputs), args.output)
    return 2 if batch.failed else 0
