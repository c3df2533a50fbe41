"""``textkit lint FILE… [--format table|json|md] [--config FILE] [--fail-on error|warning] [--lang zh|en]``.

Exit status: 0 when no finding is at or above ``--fail-on``, 1 when one is, 2 when an input could not be read
(the other files are still linted and reported) or the config is invalid.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from textkit.cli.common import PlanBatch, add_input_options, emit

FORMATS = ("table", "json", "md")
FAIL_ON = ("error", "warning", "info")
LANGS = ("zh", "en")


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("lint", help="find mechanical faults in draft plans (txt/docx/pdf)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--config", metavar="FILE", help="TOML that switches rules off/on or re-grades them")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error",
                   help="exit 1 when a finding is this severe or worse (default: %(default)s)")
    p.add_argument("--lang", choices=LANGS, default="zh", help="language of the messages (default: %(default)s)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_input_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from textkit.lint import LintResult, lint, load_config
    from textkit.output.lint_report import findings_at_or_above, render_markdown, render_table, result_to_dict

    config = load_config(args.config)  # a bad config is a RuleError: exit 2 before any file is read
    batch = PlanBatch(args)
    results: list[LintResult] = list(batch.each(lambda plan: lint(plan, config=config, lang=args.lang)))
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
