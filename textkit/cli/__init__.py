"""The command line: ``textkit parse|check|compare|lint``. Each command is one library call plus formatting."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from textkit.errors import TextkitError

__all__ = ["main"]

# Each name is a module of this package defining `add_parser(subparsers)`; heavy imports stay inside
# the command's run function so `textkit parse` does not load scikit-learn.
COMMANDS: tuple[str, ...] = ("parse", "check", "checklist", "tasks", "compare", "lint", "batch")
EPILOG = """examples:
  textkit parse 方案.docx                                   the section tree
  textkit check 草稿.docx --checklist 清单.toml              which required items the draft covers
  textkit checklist 上级意见.txt -o 清单.toml                 the directive's required tasks, to curate
  textkit tasks 方案.docx -o 任务分解表.xlsx                  the task breakdown table for Excel
  textkit compare 各单位方案/ --against 上级意见.txt --format html -o 对比报告.html
  textkit lint 草稿.docx                                    drafting faults
  textkit batch parse 全省方案/ -o 结果/                     thousands of plans to Parquet tables, on Dask

`textkit COMMAND --help` shows each command's options and more examples.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textkit", description="Read Chinese plan documents (实施方案/工作方案/行动方案/工作要点) into data.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from textkit import __version__

    parser.add_argument("--version", action="version", version=f"textkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"textkit.cli.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 findings at or above --fail-on, 2 bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse reports usage errors itself, with exit code 2
        return int(exc.code or 0)
    from textkit.cli.common import guard_outputs, report_error

    try:
        guard_outputs(args)  # no output may replace an input: refused before anything is read or written
        code: int = args.run(args)
        return code
    except TextkitError as exc:
        report_error(exc)
        return 2
    except BrokenPipeError:  # `textkit parse … | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the boundary: any failure is one line, never a traceback
        # the last line of defence: a failure textkit does not report properly yet is a bug, but the user
        # gets one line and exit 2, not a traceback (see docs/errors.md)
        report_error(RuntimeError(f"internal error ({type(exc).__name__}: {exc}); please report this as a bug"))
        return 2


if __name__ == "__main__":
    sys.exit(main())
