"""Lint a draft plan: mechanical faults found before it goes out, each a `Finding` with a rule id, severity,
message (Chinese by default, English with ``lang="en"``) and span into ``Document.text``.

Rules are data (``data/lint.toml``, ``data/misused.jsonl``); the code of each family lives in its own module
(numbering, text, words, measures, counts). A user config layered over the defaults switches rules off or
re-grades them (`load_config`).

>>> from textkit.pipeline import parse_text
>>> result = lint(parse_text("要坚决打赢污染防止攻坚战。。"))
>>> [(f.rule, f.text) for f in result.findings]
[('words.misused', '污染防止攻坚战'), ('text.doubled-punct', '。。')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textkit.errors import OptionError
from textkit.lint import counts, measures, numbering, text, words
from textkit.lint.base import Check, Context
from textkit.lint_rules import SEVERITIES, LintConfig, RuleConfig, Severity, load_config, severity_rank
from textkit.model import Plan, section_index
from textkit.ruleset import RuleSet

__all__ = ["CHECKS", "Finding", "LintConfig", "LintResult", "RuleConfig", "Severity", "lint", "load_config"]

LANGS = ("zh", "en")

CHECKS: dict[str, Check] = {**numbering.CHECKS, **text.CHECKS, **words.CHECKS, **measures.CHECKS, **counts.CHECKS}


@dataclass(frozen=True, slots=True)
class Finding:
    """One fault: ``text == document.text[start:end]``; ``section`` is the id of the enclosing numbered
    section (``二/（四）``), ``line`` the 1-based line of ``start``, ``expected`` the suggested form if any."""

    rule: str
    severity: Severity
    message: str
    text: str
    start: int
    end: int
    line: int = 0
    section: str = ""
    expected: str = ""


@dataclass(frozen=True, slots=True)
class LintResult:
    """The findings for one document, in text order."""

    source: str
    findings: tuple[Finding, ...]

    def at_or_above(self, severity: str) -> tuple[Finding, ...]:
        """The findings graded ``severity`` or worse (``warning`` → warnings and errors)."""
        if severity not in SEVERITIES:
            raise OptionError("severity", severity, SEVERITIES)
        floor = severity_rank(severity)
        return tuple(f for f in self.findings if severity_rank(f.severity) >= floor)

    def counts(self) -> dict[str, int]:
        """How many findings of each severity: ``{"error": 2, "warning": 1, "info": 0}``."""
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}


def _check_rules(config: LintConfig) -> None:
    missing = sorted(r.id for r in config.rules if r.id not in CHECKS)
    if missing:
        from textkit.errors import RuleError

        raise RuleError(f"rule {missing[0]!r} has no implementation; implemented: {', '.join(sorted(CHECKS))}")


def lint(
    plan: Plan,
    *,
    config: LintConfig | None = None,
    lang: str = "zh",
    rules: RuleSet | Iterable[str] | None = None,
) -> LintResult:
    """Run the enabled rules of ``config`` (default: the shipped rule set) over a parsed plan.

    ``rules`` is either a rule set (`textkit.ruleset.load_rules`: its lint rules are the config, unless
    ``config`` is given) or rule ids that narrow the run (each must exist; switched-off ones run too when
    named).

    >>> from textkit.pipeline import parse_text
    >>> lint(parse_text("结合**工作实际。"), lang="en").findings[0].message
    'placeholder left in: **'
    """
    if lang not in LANGS:
        raise OptionError("lang", lang, LANGS)
    rule_set = rules if isinstance(rules, RuleSet) else None
    ids = None if rules is None or rule_set is not None else list(rules)  # type: ignore[arg-type]
    cfg = config if config is not None else rule_set.lint if rule_set is not None else load_config()
    _check_rules(cfg)
    selected = [cfg.rule(r) for r in ids] if ids is not None else list(cfg.enabled())
    families = {s.id: s.family for s in rule_set.structure.styles} if rule_set is not None else None
    ctx = Context(plan, cfg, families)
    doc_text = plan.document.text
    found: list[Finding] = []
    sections = section_index(plan.root)  # one binary search per finding, not a walk down the tree
    texts: dict[str, str] = {}
    messages: dict[tuple[str, str, str, str, str], str] = {}
    for rule in selected:
        for hit in CHECKS[rule.id](ctx, rule):
            flagged = doc_text[hit.start:hit.end]
            message = hit.message
            if not message and len(flagged) <= 16:
                # a plan of 400,000 stray brackets: one string per distinct short text and message, not per hit
                flagged = texts.setdefault(flagged, flagged)
                key = (rule.id, flagged, hit.expected, hit.found, hit.detail)
                message = messages.get(key) or messages.setdefault(key, rule.message(
                    lang, text=flagged, expected=hit.expected, found=hit.found, detail=hit.detail))
            elif not message:
                message = rule.message(lang, text=flagged, expected=hit.expected, found=hit.found, detail=hit.detail)
            section = sections.at(hit.start)
            found.append(Finding(
                rule=rule.id, severity=rule.severity, message=message, text=flagged, start=hit.start,
                end=hit.end, line=ctx.line_no(hit.start), section=section.id if section else "",
                expected=hit.expected,
            ))
    found.sort(key=lambda f: (f.start, f.end, f.rule))
    return LintResult(source=plan.document.source, findings=tuple(found))
