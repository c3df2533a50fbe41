"""Options and helpers shared by the commands."""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from textkit.errors import OptionError
from textkit.model import Plan
from textkit.reading import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from textkit.ruleset import RuleSet

__all__ = [
    "OUTPUT_OPTIONS",
    "PlanBatch",
    "add_input_options",
    "emit",
    "escape_controls",
    "guard_outputs",
    "limits_from",
    "parse_date",
    "report_error",
    "rules_from",
]

_T = TypeVar("_T")

# The options through which a command writes files; every other path-valued option is an input.
OUTPUT_OPTIONS = ("output", "save_checklist", "graphml", "gexf")


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
    p.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                   help="raise (or lower) any reading limit, e.g. --limit max_xml_depth=200 "
                        "(names and defaults: docs/errors.md)")


def limits_from(args: argparse.Namespace) -> Limits:
    """The reading limits given on the command line, each checked to be positive."""
    values = {"max-size": float(args.max_size), "max-chars": args.max_chars, "max-pages": args.max_pages,
              "max-uncompressed": float(args.max_uncompressed)}
    for name, value in values.items():
        if not math.isfinite(value) or value <= 0:  # inf and nan would pass `> 0` or fail every comparison
            raise OptionError(name, value, "a positive finite number")
    limits = Limits(
        max_bytes=int(values["max-size"] * 2**20),
        max_chars=int(args.max_chars),
        max_pages=int(args.max_pages),
        max_uncompressed=int(values["max-uncompressed"] * 2**20),
    )
    extra: dict[str, float] = {}
    for item in getattr(args, "limit", None) or []:
        name, sep, value = str(item).partition("=")
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not sep or math.isnan(number):
            raise OptionError("limit", item, "NAME=NUMBER, e.g. max_xml_depth=200")
        extra[name.strip().replace("-", "_")] = number
    return limits.raised(**extra) if extra else limits


def rules_from(args: argparse.Namespace) -> RuleSet:
    """The rule set of ``--rules DIR`` (the shipped rules without it), loaded once for the whole batch."""
    from textkit.ruleset import load_rules

    return load_rules(getattr(args, "rules", None))


def report_error(exc: Exception) -> None:
    """One line on stderr; a file name or message holding control characters is shown escaped."""
    print(f"textkit: error: {escape_controls(str(exc))}", file=sys.stderr)


# C0/C1 control characters other than newline and tab: raw on a terminal they move the cursor, clear the
# screen or retitle the window (ESC sequences), so stdout shows them escaped.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    r"""``text`` with control characters (other than ``\n`` and ``\t``) shown as ``\u001b``-style escapes
    (the JSON spelling, so JSON on stdout stays valid).

    >>> print(escape_controls("一、总体要求\x1b[2J"))
    一、总体要求\u001b[2J
    """
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _path_values(value: object) -> list[str]:
    if isinstance(value, str | os.PathLike):
        return [os.fspath(value)]
    if isinstance(value, list | tuple):
        return [os.fspath(v) for v in value if isinstance(v, str | os.PathLike)]
    return []


def guard_outputs(args: argparse.Namespace) -> None:
    """Refuse a run whose output option (``-o``, ``--save-checklist``, ``--graphml``, ``--gexf``) resolves
    to any of its inputs (plans, directive, checklist, config, thresholds…) or to another output.

    Called once by `textkit.cli.main` before the command runs, so no command can replace its input.
    """
    outputs = [(name, getattr(args, name, None)) for name in OUTPUT_OPTIONS]
    outputs = [(name, v) for name, v in outputs if isinstance(v, str) and v not in ("", "-")]
    if not outputs:
        return
    from textkit.output.write import refuse_clobber

    inputs = [p for key, value in vars(args).items() if key not in OUTPUT_OPTIONS for p in _path_values(value)]
    inputs = [p for p in inputs if os.path.exists(p) or "*" in p or "?" in p or "[" in p]
    for n, (_, out) in enumerate(outputs):
        refuse_clobber(out, inputs=[*inputs, *(o for _, o in outputs[n + 1:])])


def emit(text: str, output: str | None, *, inputs: tuple[str, ...] = ()) -> None:
    """Write ``text`` to ``output`` (a path: whole or not at all, never over one of ``inputs``) or stdout
    (control characters escaped)."""
    text = text if text.endswith("\n") else text + "\n"
    if output and output != "-":
        from textkit.output.write import write_text

        write_text(output, text, inputs=inputs)
    else:
        sys.stdout.write(escape_controls(text))


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

    def each(self, fn: Callable[[Plan], _T]) -> Iterator[_T]:
        """``fn(plan)`` for every plan of the batch; a plan on which ``fn`` fails with anything but a
        `TextkitError` (a bug) is reported as an `InternalError` naming its file, and the batch goes on."""
        from textkit.errors import InternalError, TextkitError

        for plan in self:
            try:
                yield fn(plan)
            except TextkitError:
                raise
            except Exception as exc:  # one plan's bug must not lose the batch
                report_error(InternalError(f"textkit failed on this file ({type(exc).__name__}: {exc}); "
                                           "this is a bug, please report it", source=plan.document.source))
                self.failed += 1
