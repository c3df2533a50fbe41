"""``textkit tasks FILE… [--format table|md|csv|json|xlsx] [-o FILE]``: the 任务分解表 of plans."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from textkit.cli.common import PlanBatch, add_input_options, emit

FORMATS = ("table", "md", "csv", "json", "xlsx")
EPILOG = """examples:
  textkit tasks 方案.docx                         preview in the terminal
  textkit tasks 方案.docx -o 任务分解表.xlsx        the workbook an office keeps (a second sheet holds fields)
  textkit tasks a.txt b.pdf --format csv -o t.csv CSV for Excel (UTF-8 with BOM)
  textkit tasks 方案.txt --format json            JSON (schema textkit.tasks/1)
"""
_BY_SUFFIX = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".txt": "table"}


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "tasks", help="the task breakdown table (任务分解表): one row per measure with units and deadlines",
        description="任务分解表: one row per measure — 任务, 牵头单位, 配合单位, 完成时限, 频次, 所属章节 "
                    "(and the plan's own task-table columns such as 负责人).",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="plan files (.txt, .docx or .pdf)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default: from the -o suffix, else table)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout (xlsx needs it)")
    add_input_options(p, rules=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from textkit.errors import TextkitError
    from textkit.output.tasks import render_tasks, task_rows, write_tasks_xlsx

    fmt = args.format or (_BY_SUFFIX.get(Path(args.output).suffix.lower(), "table") if args.output else "table")
    if fmt == "xlsx" and (not args.output or args.output == "-"):
        raise TextkitError("--format xlsx writes a workbook file: give -o FILE.xlsx "
                           "(to print to the terminal use --format table, md, csv or json)")
    rows: list[dict[str, Any]] = []
    many = len(args.files) > 1
    batch = PlanBatch(args)
    for result in batch:
        rows.extend(task_rows(result, source=many, start_no=len(rows) + 1))
    failed = batch.failed
    if failed == len(args.files):
        return 2
    if fmt == "xlsx":
        from textkit.output.write import atomic_output

        with atomic_output(args.output, inputs=args.files) as tmp:  # whole or not at all
            write_tasks_xlsx(rows, tmp)
        return 2 if failed else 0
    text = render_tasks(rows, fmt=fmt)
    if fmt == "csv" and args.output and args.output != "-":
        text = "\ufeff" + text  # Excel reads a UTF-8 CSV file as UTF-8 only when it starts with a BOM
    emit(text, args.output)
    return 2 if failed else 0
