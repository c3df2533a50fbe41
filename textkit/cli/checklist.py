"""``textkit checklist DIRECTIVE -o items.toml``: the directive's required tasks as an editable checklist.

A supervisor derives the checklist once, curates it (drops a task, merges two, marks one ``priority =
"should"``, adds synonym ``keywords``) and checks every unit's plan against the curated file with
``textkit check PLAN --checklist items.toml``.
"""

from __future__ import annotations

import argparse
from typing import Any

from textkit.cli.common import add_input_options, emit, limits_from, rules_from

EXAMPLES = """\
examples:
  textkit checklist 上级意见.txt -o 清单.toml                   every required task (declaratory parts left out)
  textkit checklist 上级意见.txt --scope 三 --scope 四 -o 清单.toml  only sections 三 and 四
  textkit checklist 上级意见.txt --scope 主要任务                  the part titled 主要任务, printed
  textkit checklist 推广通知.txt --tables -o 清单.toml             the rows of its attached 推广清单 as tasks too
"""


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "checklist", help="derive an editable checklist of required tasks from a directive",
        description="List a directive's required tasks the way a careful reader does (leaf tasks, run-in titled "
                    "paragraphs, groups) and write them as a checklist file (schema textkit.checklist/1) to curate.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("directive", metavar="DIRECTIVE", help="the directive (.txt, .docx, .pdf)")
    p.add_argument("--scope", action="append", default=[], metavar="ID|WORD",
                   help="the parts that count, by section id (三, 三/2) or a word of their title; repeatable")
    p.add_argument("--tables", action="store_true",
                   help="also list the rows of attached task tables (任务清单, 推广清单) as tasks")
    p.add_argument("-o", "--output", metavar="FILE", help="write the TOML checklist to FILE instead of stdout")
    add_input_options(p, rules=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from textkit.comparison.checklist import checklist_to_toml
    from textkit.comparison.itemise import derive_checklist
    from textkit.pipeline import parse

    directive = parse(args.directive, reference_date=args.reference_date, limits=limits_from(args),
                      rules=rules_from(args))
    emit(checklist_to_toml(derive_checklist(directive, scope=args.scope, tables=args.tables)), args.output)
    return 0
