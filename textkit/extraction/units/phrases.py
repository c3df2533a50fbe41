"""Responsibility phrases in running text: ``由X牵头``, ``X牵头，Y配合``, ``X负责…``, ``X按职责分工负责``.

>>> from textkit.extraction.units.rules import default_extractor
>>> ux = default_extractor()
>>> t = "文化节由市文化局主办"
>>> [(t[s:e], role, label) for s, e, role, label, _rule, _source in phrase_units(t, 0, len(t), [], ux, line=t,
...                                                                   phrases=ux.phrases_with(("主办",)))]
[('市文化局', 'lead', '由…主办')]
"""

from __future__ import annotations

import bisect
import re

from textkit.extraction.units.lists import split_unit_list, strip_alias
from textkit.extraction.units.names import compact, strict_unit
from textkit.extraction.units.rules import BOUNDARY_RE, CLAUSE_STOP_RE, ROLES, Found, Phrase, UnitExtractor
from textkit.extraction.units.statements import covered

__all__ = ["phrase_search", "phrase_units"]


def _schematic(m: re.Match[str], pat: re.Pattern[str]) -> str:
    """The phrase with its unit lists replaced by …: 由…牵头，…配合."""
    text = m.group(0)
    base = m.start()
    spans = sorted(m.span(g) for g in ROLES if g in pat.groupindex and m.group(g) is not None)
    out, last = "", base
    for a, b in spans:
        out += text[last - base:a - base] + "…"
        last = b
    return compact(out + text[last - base:])


def phrase_units(
    text: str, a: int, b: int, spans_done: list[tuple[int, int]], rules: UnitExtractor, *, line: str,
    phrases: tuple[Phrase, ...], fast: bool = True,
) -> list[Found]:
    """Units named by ``phrases`` in the line ``text[a:b]`` (``line``), outside the statements ``spans_done``
    (sorted). ``fast``: search a phrase ``{B}(?={CLAUSE}W)…`` only at the clause starts with a W ahead."""
    found: list[Found] = []
    stops: list[int] | None = None
    for rid, pat, ahead, roles in phrases:
        if not fast:
            ahead = None
        if ahead is not None and stops is None:
            stops = [m.start() for m in CLAUSE_STOP_RE.finditer(line)]
        pos = 0
        while pos < len(line):
            m = phrase_search(pat, ahead, line, pos, stops)
            if m is None:
                break
            accepted: list[Found] = []
            in_statement = False
            for role in roles:
                if m.group(role) is None:
                    continue
                gs, ge = m.span(role)
                gs, ge = gs + a, ge + a
                if covered(spans_done, gs):
                    in_statement = True
                    continue
                spans = split_unit_list(text, gs, ge, rules=rules, fast=fast)
                names = [compact(strip_alias(text[s:e])) for s, e in spans]
                if not spans or not all(strict_unit(n, rules) and n not in rules.generic for n in names):
                    continue
                label = _schematic(m, pat)
                accepted.extend([(s, e, role, label, f"phrase:{rid}", "phrase") for s, e in spans])
            found.extend(accepted)
            # a rejected match (整改工作由市局 is no unit) may hide a good one starting later (由市局负总责)
            pos = m.end() if accepted or in_statement else m.start() + 1
    return found


def phrase_search(
    pat: re.Pattern[str], ahead: re.Pattern[str] | None, line: str, pos: int, stops: list[int] | None = None
) -> re.Match[str] | None:
    """``pat.search(line, pos)``; when ``pat`` is ``{B}(?={CLAUSE}W)…`` (``ahead`` is W), tried only at the
    clause starts that have a W ahead in their clause (a clause holds no space, ，。；).

    A match at p needs the first W at or after p (at q) with no clause stop between: so p lies between the
    previous W and q, after the last stop before q. Those windows are tried in order, each at its clause
    starts, instead of the regex engine trying every character of the line. ``stops``: the positions of the
    line's clause stops, ascending (found here if not given; a caller trying several phrases passes them).
    """
    if ahead is None:
        return pat.search(line, pos)
    if stops is None:
        stops = [m.start() for m in CLAUSE_STOP_RE.finditer(line)]
    lo = pos
    w = ahead.search(line, lo)
    while w is not None:
        q = w.start()
        i = bisect.bisect_left(stops, q) - 1  # the last stop before q: the clause starts after it
        start = stops[i] + 1 if i >= 0 and stops[i] >= lo else lo
        for b in BOUNDARY_RE.finditer(line, start, q + 1):
            if b.start() > q:
                break
            m = pat.match(line, b.start())
            if m is not None:
                return m
        lo = q + 1
        w = ahead.search(line, lo)
    return None


