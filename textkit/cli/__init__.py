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
COMMANDS: tuple[str, ...] = ("parse", "check", "tasks", "compare", "lint", "batch")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textkit", description="Read Chinese plan documents (实施方案/工作方案/行动方案/工作要点) into data."
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
    try:
        code: int = args.run(args)
        return code
    except TextkitError as exc:
        print(f"textkit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `textkit parse … | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
