"""User-supplied regular expressions that cannot take exponential time.

Rule files a user layers over the defaults carry regexes that textkit compiles with Python's backtracking
``re``. A pattern such as ``(a+)+$`` takes time exponential in the input on a line of ``a``s that does not
end where it should. `check_pattern` refuses the shapes that backtrack catastrophically, found on the
parsed pattern, not by a text search:

- a repeat that can match unboundedly many times around something that itself repeats unboundedly
  (``(a+)+``, ``(?:\\d*,?)*``: nested quantifiers, "star height" above one);
- an unbounded repeat around alternatives that can match the same text (``(a|aa)+``, ``(ab|ac)*``).

Every other pattern is accepted unchanged, so what it matches is what Python's ``re`` matches.
(RE2 — ``google-re2`` — would run any pattern in linear time, but textkit combines rule patterns into
Python alternations with lookarounds, which RE2 does not support; refusing the few dangerous shapes keeps
one engine.)

>>> check_pattern(r"第(?P<num>[一二三四五六七八九十]+)[，,、]")
>>> try:
...     check_pattern(r"(a+)+$")
... except UnsafePatternError as exc:
...     print(str(exc)[:24])
nested unbounded repeats
"""

from __future__ import annotations

import functools
from re import _constants as _sre_constants  # type: ignore[attr-defined]  # the parser behind re.compile
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any

from textkit.patterns import compiled, default_code_memo, source_digest

__all__ = ["UnsafePatternError", "check_pattern"]

_MAXREPEAT = _sre_constants.MAXREPEAT
_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT}
_POSSESSIVE = {_sre_constants.POSSESSIVE_REPEAT}
_MAX_LENGTH = 2_000  # characters: a rule pattern is a line, not a program


class UnsafePatternError(ValueError):
    """A pattern that would take exponential (or unbounded) time in Python's ``re``; says why."""


def check_pattern(pattern: str) -> None:
    """Raise `UnsafePatternError` when ``pattern`` could backtrack catastrophically (see module doc);
    ``re.error`` when it is not a regex at all.

    >>> check_pattern(r"(?:[一二三]、)+")  # one repeat: accepted
    """
    if len(pattern) > _MAX_LENGTH:
        raise UnsafePatternError(f"is {len(pattern):,} characters long; the limit is {_MAX_LENGTH:,}")
    compiled(pattern)  # re.error first: a broken pattern is reported as broken
    # the verdict is kept between runs (`CodeMemo.checked`), by the digest of this module's source
    default_code_memo().checked(pattern, _check_parsed, version=_version())


def _check_parsed(pattern: str) -> None:
    _walk(_sre_parse.parse(pattern), inside_unbounded=False)


@functools.cache
def _version() -> str:
    """What the checks accept changes only with this file, so its digest names the verdicts kept on disk (the
    memo's file is per Python version, whose parser the checks read)."""
    return f"safe_regex-{source_digest(__file__)}"


def _subpatterns(op: Any, av: Any) -> list[Any]:
    """The nested sub-pattern lists of one parsed node."""
    name = str(op)
    if op in _REPEATS or op in _POSSESSIVE:
        return [av[2]]
    if name == "SUBPATTERN":
        return [av[-1]]
    if name == "BRANCH":
        return list(av[1])
    if name in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if name == "GROUPREF_EXISTS":
        return [p for p in av[1:] if p is not None]
    if name == "ATOMIC_GROUP":
        return [av]
    return []


def _unbounded(op: Any, av: Any) -> bool:
    return op in _REPEATS and av[1] == _MAXREPEAT


def _walk(parsed: Any, *, inside_unbounded: bool) -> None:
    for op, av in parsed:
        name = str(op)
        if op in _POSSESSIVE or name == "ATOMIC_GROUP":
            continue  # possessive repeats and atomic groups never backtrack into themselves
        unbounded = _unbounded(op, av)
        if unbounded and inside_unbounded and _can_repeat_text(av[2]):
            raise UnsafePatternError(
                "nested unbounded repeats such as (a+)+ take exponential time on text that almost "
                "matches; rewrite without the outer or inner repeat")
        if unbounded and _overlapping_branch(av[2]):
            raise UnsafePatternError(
                "an unbounded repeat of alternatives that can match the same text, such as (a|aa)+, "
                "takes exponential time; make the alternatives distinct")
        for sub in _subpatterns(op, av):
            _walk(sub, inside_unbounded=inside_unbounded or unbounded)


def _can_repeat_text(parsed: Any) -> bool:
    """Whether a repeated body can match text (an empty-only body such as ``(?:)*`` cannot)."""
    return any(str(op) not in ("AT",) for op, _ in parsed)


def _first_chars(parsed: Any) -> set[int] | None:
    """The code points a branch may start with, or ``None`` when that is not a small known set."""
    for op, av in parsed:
        name = str(op)
        if name == "LITERAL":
            return {av}
        if name == "IN":
            out: set[int] = set()
            for kind, value in av:
                if str(kind) == "LITERAL":
                    out.add(value)
                elif str(kind) == "RANGE" and value[1] - value[0] < 256:
                    out.update(range(value[0], value[1] + 1))
                else:
                    return None
            return out
        if name == "SUBPATTERN":
            return _first_chars(av[-1])
        if name == "AT":
            continue
        return None
    return set()


def _overlapping_branch(parsed: Any) -> bool:
    """A BRANCH in the repeated body (outside nested repeats) with an empty alternative, or alternatives that
    may start with the same character: ``(a|aa)+`` is parsed as ``a(?:|a)``, both shapes caught here."""
    for op, av in parsed:
        name = str(op)
        if name == "SUBPATTERN" and _overlapping_branch(av[-1]):
            return True
        if name != "BRANCH":
            continue
        seen: set[int] = set()
        for alt in av[1]:
            first = _first_chars(alt)
            if first is None or not first or first & seen:
                return True
            seen |= first
            if _overlapping_branch(alt):
                return True
    return False
