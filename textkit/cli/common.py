"""Options and helpers shared by the commands."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from textkit.errors import OptionError
from textkit.reading import DEFAULT_LIMITS, Limits

__all__ = ["add_input_options", "emit", "limits_from", "parse_date", "report_error"]


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"reference date {value!r} is invalid; use YYYY-MM-DD") from None


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reference-date", type=parse_date, metavar="YYYY-MM-DD",
                   help="date that anchors dates written without a year (default: the plan's own)")
    p.add_argument("--max-size", type=float, metavar="MB", default=DEFAULT_LIMITS.max_bytes / 2**20,
                   help="refuse input files larger than this many megabytes (default %(default).0f)")


def limits_from(args: argparse.Namespace) -> Limits:
    mb = float(args.max_size)
    if mb <= 0:
        raise OptionError("max-size", mb, "a positive number of megabytes")
    return Limits(max_bytes=int(mb * 2**20))


def report_error(exc: Exception) -> None:
    print(f"textkit: error: {exc}", file=sys.stderr)


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (a path) or stdout."""
    if output and output != "-":
        Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
