"""Options and helpers shared by the commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textkit.errors import OptionError
from textkit.model import Plan
from textkit.reading import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from textkit.rules import RuleSet

__all__ = ["PlanBatch", "add_input_options", "emit", "limits_from", "parse_date", "report_error", "rules_from"]


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"reference date {value!r} is invalid; use YYYY-MM-DD") from None


def add_input_options(p: argparse.ArgumentParser, *, rules: bool = False) -> None:
    """The options of reading and parsing input files; with ``rules``, also ``--rules DIR`` (for a command
    that passes `rules_from(args)` on to every parse: `PlanBatch` does)."""
    p.add_argument("--reference-date", type=parse_date, metavar="YYYY-MM-DD",
                   help="date that anchors dates written without a year (default: the plan's own)")
    if rules:
        p.add_argument("--rules", metavar="DIR",
                       help="a folder of rule files (numbering.toml, roles.toml, units.toml, time.toml, "
                            "lint.toml…) layered over the shipped rules")
    p.add_argument("--max-size", type=float, metavar="MB", default=DEFAULT_LIMITS.max_bytes / 2**20,
                   help="refuse input files larger than this many megabytes (default %(default).0f)")
    p.add_argument("--max-chars", type=int, metavar="N", default=DEFAULT_LIMITS.max_chars,
                   help="refuse documents with more characters than this (default %(default)d)")
    p.add_argument("--max-pages", type=int, metavar="N", default=DEFAULT_LIMITS.max_pages,
                   help="refuse PDFs with more pages than this (default %(default)d)")
    p.add_argument("--max-uncompressed", type=float, metavar="MB",
                   default=DEFAULT_LIMITS.max_uncompressed / 2**20,
                   help="refuse .docx files that unpack to more than this many megabytes (default %(default).0f)")


def limits_from(args: argparse.Namespace) -> Limits:
    """The reading limits given on the command line, each checked to be positive."""
    values = {"max-size": float(args.max_size), "max-chars": args.max_chars, "max-pages": args.max_pages,
              "max-uncompressed": float(args.max_uncompressed)}
    for name, value in values.items():
        if value <= 0:
            raise OptionError(name, value, "a positive number")
    return Limits(
        max_bytes=int(values["max-size"] * 2**20),
        max_chars=int(args.max_chars),
        max_pages=int(args.max_pages),
        max_uncompressed=int(values["max-uncompressed"] * 2**20),
    )


def rules_from(args: argparse.Namespace) -> RuleSet:
    """The rule set of ``--rules DIR`` (the shipped rules without it), loaded once for the whole batch."""
    from textkit.rules import load_rules

    return load_rules(getattr(args, "rules", None))


def report_error(exc: Exception) -> None:
    print(f"textkit: error: {exc}", file=sys.stderr)


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (a path) or stdout."""
    if output and output != "-":
        Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


@dataclass(slots=True)
class PlanBatch:
    """The plans of a command's FILE arguments, parsed one by one; a file that cannot be read is reported
    on stderr, counted in ``failed``, and the batch goes on."""

    args: argparse.Namespace
    failed: int = 0

    def __iter__(self) -> Iterator[Plan]:
        from textkit.errors import InputError
        from textkit.pipeline import parse_many

        for result in parse_many(self.args.files, reference_date=self.args.reference_date,
                                 limits=limits_from(self.args), rules=rules_from(self.args)):
            if isinstance(result, InputError):
                report_error(result)
                self.failed += 1
            else:
                yield result
