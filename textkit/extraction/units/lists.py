"""Lists of unit names: splitting ``省大数据局、省政府办公厅和各市政府等部门`` into names, and a table cell
written without punctuation (``党政办 总务处``, ``教学处教科室``) into the names it runs together.

>>> t = "省大数据局、省政府办公厅和各市政府等部门"
>>> [t[a:b] for a, b in split_unit_list(t, 0, len(t))]
['省大数据局', '省政府办公厅', '各市政府']
"""

from __future__ import annotations

import bisect
import re

from textkit.extraction.units.names import (
    ALIAS_RE,
    CLOSE_ENDS,
    WS_RE,
    compact,
    has_suffix,
    is_collective,
    may_list_units,
    strict_unit,
    time_like,
)
from textkit.extraction.units.rules import (
    CLOSE,
    CONJ,
    LIST_SEP_RE,
    LIST_SEPS,
    OPEN,
    UnitExtractor,
    UnitRules,
    as_extractor,
)
from textkit.structure.tables import CellInfo

__all__ = ["cell_info", "segment_cell", "share_suffix", "split_unit_list"]


_SPLIT_RES: dict[str, re.Pattern[str]] = {}


def _split_re(seps: str) -> re.Pattern[str]:
    """The brackets and ``seps``: the only characters a split looks at (found by the regex engine, not a loop)."""
    pat = _SPLIT_RES.get(seps)
    if pat is None:
        pat = _SPLIT_RES[seps] = re.compile("[" + re.escape(OPEN + CLOSE + seps) + "]")
    return pat


def depth0_seps(text: str, start: int, end: int, seps: str) -> list[int]:
    """Positions of the ``seps`` characters in ``text[start:end]`` outside brackets (one scan, for both
    list splits and conjunction splits)."""
    out: list[int] = []
    depth = 0
    for m in _split_re(seps).finditer(text, start, end):
        j = m.start()
        ch = text[j]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth:
                depth -= 1
        elif depth == 0:
            out.append(j)
    return out


def split_depth0(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` on ``seps`` outside brackets."""
    out: list[tuple[int, int]] = []
    last = start
    for j in depth0_seps(text, start, end, seps):
        out.append((last, j))
        last = j + 1
    out.append((last, end))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # the usual case: nothing to trim
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_conj(text: str, start: int, end: int, rules: UnitExtractor) -> list[tuple[int, int]]:
    """Split on 和/及/与 only where both sides read as units: 学科组和备课组, not 工业和信息化部."""
    seg = text[start:end]
    if "和" not in seg and "及" not in seg and "与" not in seg:
        return [(start, end)]  # the usual name: no conjunction to try
    out: list[tuple[int, int]] = []
    # a split at j leaves text[j + 1:end] to split the same way; its depth there is 0 as well, so one scan
    # of the whole span serves every piece
    for j in depth0_seps(text, start, end, CONJ):
        if start < j < end - 1:
            # a trailer ends the left side too: 全国总工会等和各省级人民政府 splits after 等
            left = strip_trailer(compact(strip_alias(text[start:j])), rules)
            right = compact(text[j + 1:end])
            if has_suffix(left, rules) and (has_suffix(strip_trailer(right, rules), rules)
                                             or is_collective(right, rules)):
                out.append((start, j))
                start = j + 1
    out.append((start, end))
    return out


def strip_alias(s: str) -> str:
    r = s.rstrip()
    if not r.endswith(CLOSE_ENDS):
        return s  # no closing bracket at the end: no alias (the usual name)
    m = ALIAS_RE.match(r)
    return m.group(1) if m and m.group(1).strip() else s


def strip_trailer(s: str, rules: UnitExtractor) -> str:
    m = rules.trailer_re.search(s)
    if m and m.start() > 0:
        return s[: m.start()]
    return s


def split_unit_list(
    text: str, start: int, end: int, *, rules: UnitRules | UnitExtractor | None = None, cell: bool = False,
    fast: bool = True,
) -> list[tuple[int, int]]:
    """Spans of the unit names in ``text[start:end]``, a list joined by 、，,；和及与 (and, in a table
    ``cell``, by spaces or run together: 党政办 总务处, 教学处教科室).

    >>> t = "省大数据局、省政府办公厅和各市政府等部门"
    >>> [t[a:b] for a, b in split_unit_list(t, 0, len(t))]
    ['省大数据局', '省政府办公厅', '各市政府']
    """
    ux = rules if isinstance(rules, UnitExtractor) else as_extractor(rules)
    out: list[tuple[int, int]] = []
    plain = ux.plain_list_re
    if fast and not cell and plain is not None and plain.search(text, start, end) is None:
        # the usual list (省财政厅、省教育厅): no bracket, space, conjunction, connective or trailer, so the
        # steps below change nothing but the split on separators
        last = start
        for hit in LIST_SEP_RE.finditer(text, start, end):
            if last < hit.start():
                out.append((last, hit.start()))
            last = hit.end()
        if last < end:
            out.append((last, end))
        return share_suffix(text, out, ux)
    trailer = ux.trailer_re.search
    last = start
    seps = depth0_seps(text, start, end, LIST_SEPS)
    seps.append(end)
    for sep in seps:
        a, b = last, sep
        last = sep + 1
        a, b = trim(text, a, b)
        if a >= b:
            continue
        for c, d in _split_conj(text, a, b, ux):
            c, d = trim(text, c, d)
            # leading connectives left by a split: 由X / 和X / 以及X
            if c < d and text[c] in "由和及与以":
                c0 = c
                while c < d and text[c] in "由和及与以":
                    if text[c] == "以" and text[c + 1: c + 2] != "及":
                        break
                    c += 1
                if c != c0:  # (trimming a trimmed span changes nothing)
                    c, d = trim(text, c, d)
            # a trailer (等部门) that does not start the name: cut it off (as strip_trailer)
            m = trailer(text[c:d])
            if m is not None and m.start() > 0:
                c, d = trim(text, c, c + m.start())
            if c >= d:
                continue
            if cell:
                # names run together are cut only in a cell with no separator (教学处教科室): a cell listing
                # 科技部、国务院国资委 separates its names itself
                out.extend(segment_cell(text, c, d, ux, run_together=len(seps) == 1))
            else:
                out.append((c, d))
    return share_suffix(text, out, ux)


def _bare_level(s: str, rules: UnitExtractor) -> bool:
    """有关区, 各省, 自治区: an administrative level with at most a collective word before it, and no name."""
    m = rules.collective_re.match(s)
    return (s[m.end():] if m else s) in rules.levels


def _leads_level(s: str, rules: UnitExtractor) -> bool:
    """市政府, 直辖市人民政府: a level followed by a unit ending (the ending the bare levels before it share)."""
    return any(s.startswith(lv) and len(s) > len(lv) and has_suffix(s[len(lv):], rules) for lv in rules.levels)


def share_suffix(text: str, spans: list[tuple[int, int]], rules: UnitExtractor) -> list[tuple[int, int]]:
    """Join bare levels with the item after them that carries their ending: ``有关区、市政府`` is one entry
    (区政府 and 市政府), as is ``各省、自治区、直辖市人民政府``; only items joined by 、 are joined.

    >>> from textkit.extraction.units.rules import default_extractor
    >>> t = "有关区、市政府，省发展改革委"
    >>> [t[a:b] for a, b in share_suffix(t, [(0, 3), (4, 7), (8, 14)], default_extractor())]
    ['有关区、市政府', '省发展改革委']
    """
    if len(spans) < 2 or not rules.levels:
        return spans
    out: list[tuple[int, int]] = []
    run: int | None = None  # where in ``out`` the bare levels before this item start
    for a, b in spans:
        if run is not None and text[out[-1][1]:a].strip() != "、":
            run = None
        item = compact(text[a:b])
        if len(item) <= 6 and _bare_level(item, rules):
            if run is None:
                run = len(out)
        elif run is not None and _leads_level(item, rules):
            a = out[run][0]
            del out[run:]
            run = None
        else:
            run = None
        out.append((a, b))
    return out


_MAX_CELL = 80  # a longer cell is text, not a list of units
_MAX_NAME = 30


def segment_cell(
    text: str, start: int, end: int, rules: UnitExtractor, *, run_together: bool = True
) -> list[tuple[int, int]]:
    """Split a table cell written without punctuation: spaces (党政办 总务处) or run together (各处室各年段),
    keeping a name written with an inner space (工 会) whole. ``run_together=False``: split at spaces only (a
    cell whose writer separates names with 、 writes 国务院国资委 as one name)."""
    if WS_RE.search(text, start, end) is None:  # the usual cell: no spaces, so compact[k] is text[start + k]
        n = end - start
        if n == 0:
            return []
        if n > _MAX_CELL or n < 4:
            return [(start, end)]  # (under 4 characters there is room for one name of two only: no cut)
        compact = text[start:end]
        where: list[int] | None = None
        spaced: set[int] = set()
    else:
        where = [i for i in range(start, end) if not text[i].isspace()]
        n = len(where)
        if n == 0:
            return []
        if n > _MAX_CELL:
            return [(start, end)]
        compact = "".join(text[i] for i in where)
        # boundary k (between compact chars k-1 and k): a space there
        spaced = {k for k in range(1, n) if where[k] != where[k - 1] + 1}

    # precomputed once per cell (the search below tries every segment): the shortest unit ending that ends at
    # each position (0: none); a segment ending there reads as a unit if it is at least that long
    words = rules.suffix_set
    longest = rules.suffix_max
    last_chars = rules.suffix_last
    shortest_end = [0] * (n + 1)
    for k in range(1, n + 1):
        if compact[k - 1] not in last_chars:
            continue  # no ending ends with this character
        for w in range(1, min(k, longest) + 1):
            if compact[k - w:k] in words:
                shortest_end[k] = w
                break
    crossing: dict[int, bool] = {}  # does a unit ending run across cut k (市委办公室); filled on demand
    in_cell: list[str] | None = None  # the endings of two or more characters that occur in the cell at all
    collective_re = rules.collective_re

    def crosses(k: int) -> bool:
        nonlocal in_cell
        hit = crossing.get(k)
        if hit is None:
            if in_cell is None:
                in_cell = [w for w in rules.suffixes if len(w) > 1 and w in compact]
            hit = crossing[k] = any(
                compact.find(w, max(0, k - len(w) + 1), k + len(w) - 1) >= 0
                and any(compact.startswith(w, i) for i in range(k - len(w) + 1, k))
                for w in in_cell)
        return hit

    def run_split(seg_start: int, k: int, right: str) -> bool:
        # a name may end without a space only after a strong suffix (教学处|教科室), and only when it is
        # long enough not to be the head of a longer name (市委办公室 stays whole) or a collective follows
        seg = compact[seg_start:k]
        if not run_together or not seg.endswith(rules.split_suffixes):
            return False
        if crosses(k):
            return False  # 市委办公室: 办公室 runs across the cut
        return len(seg) >= 3 or bool(collective_re.match(right))

    # best[k] = (segments, run-together splits, start of the last segment) for compact[:k]: most segments,
    # fewest runs; the cuts are read back through the starts at the end
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)
    best[0] = (0, 0, -1)
    reached = [0]  # the k with best[k] set, ascending: only they can start a segment
    # the reached k where a collective name starts: the only starts of a segment ending at no unit ending
    reached_coll = [0] if collective_re.match(compact) else []
    coll_set = set(reached_coll)
    for k in range(2, n + 1):
        ending = shortest_end[k]
        # a segment compact[j:k] needs two characters and a unit ending or a collective start
        pool = reached if ending else reached_coll
        if not pool:
            continue  # nothing can end here (most positions of a cell): best[k] stays unset
        for i in range(bisect.bisect_left(pool, k - _MAX_NAME), len(pool)):
            j = pool[i]
            if j > k - 2:
                break
            prev = best[j]
            if prev is None:  # (never: `reached` holds only the k with best[k] set)
                continue
            if ending and ending > k - j and j not in coll_set:
                continue
            run = j > 0 and j not in spaced
            if run and not run_split(prev[2], j, compact[j:k]):
                continue
            segs = prev[0] + 1
            runs = prev[1] + (1 if run else 0)
            cur = best[k]
            if cur is None or segs > cur[0] or (segs == cur[0] and runs < cur[1]):
                best[k] = (segs, runs, j)
        if best[k] is not None:
            reached.append(k)
            if collective_re.match(compact[k:]):
                reached_coll.append(k)
                coll_set.add(k)
    final = best[n]
    if final is None:
        return [(start, end)]
    cuts = [n]
    k = n
    while k > 0:
        step = best[k]
        assert step is not None  # (every start on the path was reached)
        k = step[2]
        cuts.append(k)
    cuts.reverse()
    if where is None:
        return [(start + cuts[i], start + cuts[i + 1]) for i in range(len(cuts) - 1)]
    return [(where[cuts[i]], where[cuts[i + 1] - 1] + 1) for i in range(len(cuts) - 1)]


_NUMBERY = re.compile(r"[0-9０-９一二三四五六七八九十.．、—\-－()（）]+")


def cell_info(text: str, rules: UnitExtractor, *, fast: bool = True) -> CellInfo:
    """What the table cell ``text`` looks like: empty, its length, time-like, a list of units…"""
    c = compact(text)
    # segmenting is quadratic in the cell length: only short cells can be unit lists
    unity = 0 < len(c) <= 24 and (not fast or may_list_units(c, rules)) and all(
        strict_unit(c[a:b], rules) or is_collective(c[a:b], rules) for a, b in segment_cell(c, 0, len(c), rules)
    )
    return CellInfo(not c, len(c), len(c) <= 20 and time_like(c), unity, has_suffix(c, rules),
                    _NUMBERY.fullmatch(c) is not None, c.endswith(("长", "员")))
