"""``textkit lint FILE… [--format table|json|md] [--config FILE] [--rules DIR] [--fail-on error|warning] [--lang zh|en]``.

Exit status: 0 when no finding is at or above ``--fail-on``, 1 when one is, 2 when an input could not be read
(the other files are still linted and reported) or the config is invalid.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from textkit.cli.common import PlanBatch, add_input_options, emit, rules_from

FORMATS = ("table", "json", "md")
FAIL_ON = ("error", "warning", "info")
LANGS = ("zh", "en")
EPILOG = """examples:
  textkit lint 草稿.docx                   doubled words, ** placeholders, numbering gaps, misused words
  textkit lint 草稿.txt --lang en          the same, messages in English
  textkit lint 草稿.pdf --format md -o 问题清单.md
  textkit lint 草稿/*.txt --fail-on warning   exit 1 on any warning (for a pre-submission check)
  textkit lint 草稿.txt --config 本单位规则.toml   switch rules off or re-grade them
"""


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("lint", help="find mechanical faults in draft plans (txt/docx/pdf)",
                                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="draft plans (.txt, .docx or .pdf)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--config", metavar="FILE", help="TOML that switches rules off/on or re-grades them")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error",
                   help="exit 1 when a finding is this severe or worse (default: %(default)s)")
    p.add_argument("--lang", choices=LANGS, default="zh", help="language of the messages (default: %(default)s)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_input_options(p, rules=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from textkit.lint import LintResult, lint, load_config
    from textkit.output.lint_report import findings_at_or_above, render_markdown, render_table, result_to_dict

    rules = rules_from(args)  # a bad rule folder or config is a RuleError: exit 2 before any file is read
    config = load_config(args.config) if args.config else rules.lint
    batch = PlanBatch(args)
    results: list[LintResult] = list(batch.each(lambda plan: lint(plan, config=config, rules=rules, lang=args.lang)))
    failed = batch.failed
    if results or args.format == "json":
        if args.format == "json":
            payload: Any = [result_to_dict(r) for r in results]
            if len(args.files) == 1 and results:
                payload = payload[0]
            emit(json.dumps(payload, ensure_ascii=False, indent=1), args.output)
        elif args.format == "md":
            emit(render_markdown(results, lang=args.lang), args.output)
        else:
            emit(render_table(results, lang=args.lang), args.output)
    if failed:
        return 2
    return 1 if findings_at_or_above(results, args.fail_on) else 0
