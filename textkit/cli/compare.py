"""``textkit compare PLAN… [--checklist FILE | --against DIRECTIVE] [--format …] [-o FILE]``.

Plans are files, folders or glob patterns. A plan that cannot be read is reported on stderr and the
rest are compared (exit 2 at the end, so scripts notice); no readable plan at all is exit 2 too.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from textkit.cli.common import add_input_options, emit, limits_from, report_error, rules_from

FORMATS = ("table", "json", "xlsx", "html")
EPILOG = """examples:
  textkit compare 甲方案.docx 乙方案.pdf                       summary in the terminal
  textkit compare 各单位方案/ --against 上级意见.txt --format html -o 对比报告.html
                                            a report to open in a browser: coverage of the directive's
                                            items, copying, similarity, who carries which tasks
  textkit compare "plans/*.txt" --checklist 清单.toml --format xlsx -o 对比.xlsx
  textkit compare plans/ --format json      JSON (schema textkit.compare/1)
  textkit compare plans/ --graphml units.graphml   the units–tasks graph for Gephi / yEd
"""


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "compare", help="compare plans: coverage matrix, text reuse, similarity, units graph",
        description="Compare plans (方案对比): which required items each covers, what each copied from the "
                    "directive or from another plan, how alike they are, and which units carry which tasks.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("plans", nargs="+", metavar="PLAN",
                   help="plan files (.txt, .docx, .pdf), folders (read recursively) or quoted glob patterns")
    p.add_argument("--checklist", metavar="FILE", help="checklist (TOML/YAML) for the coverage matrix")
    p.add_argument("--against", metavar="DIRECTIVE",
                   help="the directive the plans implement: reuse is measured against it and, without "
                        "--checklist, the checklist is derived from it")
    p.add_argument("--scope", action="append", default=[], metavar="ID|WORD",
                   help="with --against and no --checklist: the parts of the directive that count, by section id "
                        "or a word of their title (repeatable; default: all but the declaratory parts)")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (terminal summary, default), json, xlsx (needs -o) or html (a report for a browser)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (required for xlsx)")
    between = p.add_mutually_exclusive_group()
    between.add_argument("--between", dest="between", action="store_true", default=None,
                         help="also find passages shared between plans (default: up to 50 plans)")
    between.add_argument("--no-between", dest="between", action="store_false")
    p.add_argument("--threshold", type=float, default=None,
                   help="similarity at which plans cluster together (0–1; default: fitted to the plans "
                        "compared, no clusters when nothing stands out)")
    p.add_argument("--graphml", metavar="FILE", help="also write the units–tasks graph as GraphML")
    p.add_argument("--gexf", metavar="FILE", help="also write the units–tasks graph as GEXF (Gephi)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    add_input_options(p, rules=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from textkit.comparison.compare import compare
    from textkit.errors import OptionError
    from textkit.output import compare_report as report

    if args.format == "xlsx" and not args.output:
        raise OptionError("output", None, "a file path (-o FILE.xlsx) with --format xlsx")
    comparison = compare(
        args.plans,
        checklist=args.checklist,
        directive=args.against,
        scope=args.scope,
        between=args.between,
        threshold=args.threshold,
        reference_date=args.reference_date,
        limits=limits_from(args),
        rules=rules_from(args),
        progress=False if args.no_progress else None,
    )
    for err in comparison.errors:
        report_error(err)
    if args.format == "json":
        emit(json.dumps(report.comparison_to_dict(comparison), ensure_ascii=False, indent=1), args.output)
    elif args.format == "xlsx":
        from textkit.output.write import atomic_output

        with atomic_output(args.output) as tmp:  # whole or not at all
            report.write_xlsx(comparison, tmp)
    elif args.format == "html":
        emit(report.render_html(comparison), args.output)
    else:
        emit(report.render_summary(comparison), args.output)
    if args.graphml or args.gexf:
        from textkit.comparison.graph import write_gexf, write_graphml
        from textkit.output.write import atomic_output

        g = comparison.graph()
        if args.graphml:
            with atomic_output(args.graphml) as tmp:
                write_graphml(g, tmp)
        if args.gexf:
            with atomic_output(args.gexf) as tmp:
                write_gexf(g, tmp)
    return 2 if comparison.errors else 0
