"""Inside one paragraph: inline enumerations (一是…二是…, 第一，…, ①…②…) and labelled clauses.

A paragraph that holds either becomes a node whose children tile it: ``text`` runs, ``item`` nodes and
``label`` nodes. A paragraph with neither stays a leaf.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from textkit._frozen import quick_init
from textkit.structure.numbering import Marker, Markers, NumberingStyle

__all__ = ["Piece", "split_paragraph"]

# An inline marker opens an item only at a clause boundary; this keeps 统一是… or 唯一是… from reading
# as 一是, and 第一，as a marker only where a clause starts.
_BOUNDARY = frozenset("。；;：:，,！？!?）)”」』 \t\u3000")
_BOUNDARY_RE = re.compile("[" + re.escape("".join(sorted(_BOUNDARY))) + "]")


@quick_init
@dataclass(frozen=True, slots=True)
class Piece:
    """A child of a paragraph: kind ``text``, ``item`` (with its marker) or ``label``."""

    kind: str
    start: int
    end: int
    marker: Marker | None = None
    label: str | None = None


# A run of Chinese numerals longer than this is not (part of) an inline marker: no 一是 numbers past 九十九.
# Inside such a run no position can start a marker (the character before it is a numeral, not a clause
# boundary), so the scan skips it; trying the 是-pattern at each position of a long run, each try
# consuming the rest of the run, took time quadratic in its length (issue 16).
_MAX_NUMERALS = 12
_NUMERAL_RUN = re.compile(f"[〇零一二两三四五六七八九十百千]{{{_MAX_NUMERALS + 1},}}")


def _inline_markers(text: str, start: int, end: int, markers: Markers, *, fast: bool = True) -> list[Marker]:
    found: list[Marker] = []
    match_at = markers.inline_match if fast else markers.inline_plain
    pos = start
    first = match_at(text, start)
    if first is not None and first.end <= end:
        found.append(first)
        pos = first.end
    run = _NUMERAL_RUN.search(text, pos, end)
    while True:
        if fast:
            while run is not None and run.end() <= pos:
                run = _NUMERAL_RUN.search(text, max(pos, run.end()), end)
            if run is not None and run.start() < pos:  # pos inside a long run: resume after it
                pos = run.end()
                continue
            hit = markers.inline_scan.search(text, pos, run.start() + 1 if run is not None else end)
            if hit is None:
                if run is None:
                    return found
                pos = run.end()
                continue
            i = hit.start()
        else:  # the plain path: every clause start is a candidate
            if pos >= end:
                return found
            if pos == start:
                i = start
            else:
                b = _BOUNDARY_RE.search(text, pos - 1, end - 1)
                if b is None:
                    return found
                i = b.start() + 1
        # the paragraph's own start is a boundary even when it is not a line start (a run-in body)
        if i > start and text[i - 1] not in _BOUNDARY:
            pos = i + 1
            continue
        m = match_at(text, i)
        if m is not None and m.end <= end:
            found.append(m)
            pos = m.end
        else:
            pos = i + 1


def _enumeration(markers: list[Marker]) -> list[Marker]:
    """The longest run of one family numbered 1, 2, 3… (at least two items), in one pass.

    Markers of other families may stand between the items of a run; a marker of the run's family that
    does not continue it ends it (a new 一是 starts a new run).
    """
    best: list[Marker] = []
    runs: dict[str, list[Marker]] = {}
    for m in markers:
        fam = m.style.family
        run = runs.get(fam)
        if run is not None and m.value == run[-1].value + 1:
            run.append(m)
        elif m.value == 1:
            runs[fam] = run = [m]
        else:
            runs.pop(fam, None)
            continue
        if len(run) >= 2 and len(run) > len(best):
            best = run
    return list(best)


_BRACKET = re.compile(r"[（()）]")
_COLON_AHEAD = re.compile(r"\s*[：:]")
_MAX_CLAUSE = 300  # a labelled clause is short; longer bracketed runs are not inspected (keeps it linear)


def _bracket_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Matching (open, close) bracket positions in ``text[start:end]``, outer pairs first, in one pass."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for b in _BRACKET.finditer(text, start, end):
        j = b.start()
        if text[j] in "（(":
            stack.append(j)
        elif stack:
            pairs.append((stack.pop(), j))
    pairs.sort()
    return pairs


def _label_clauses(text: str, start: int, end: int, label_re: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """Parenthesised clauses that carry a label: （牵头单位：省科技厅，责任单位：省教育厅）; none unless a label
    is found in the span itself."""
    out: list[tuple[int, int, str]] = []
    # the common case, cheaply: no bracket or no colon means no labelled clause (`in` on the slice is quicker
    # than a regex or `find` call with bounds; brackets are the rarer)
    seg = text[start:end]
    if ("（" not in seg and "(" not in seg) or ("：" not in seg and ":" not in seg):
        return out
    taken = start
    first_label = -1
    for i, close in _bracket_pairs(text, start, end):
        if i < taken or close - i > _MAX_CLAUSE:
            continue
        inner = text[i + 1 : close]
        m = label_re.search(inner)
        if m is not None and _COLON_AHEAD.match(inner, m.end()):
            out.append((i, close + 1, m.group("label")))
            taken = close + 1
            if first_label < 0:
                first_label = i + 1 + m.start()
    # A label must be found in the span, not only in a clause's own text (the two differ where a rule looks
    # behind or around it). Where a clause was found, the span search would scan up to its label: trying
    # that position first settles it without the scan, short of such a rule.
    if out and label_re.match(text, first_label, end) is None and label_re.search(text, start, end) is None:
        return []
    return out


def _clauses_within(
    text: str, clauses: list[tuple[int, int, str]], start: int, end: int, label_re: re.Pattern[str]
) -> list[tuple[int, int, str]]:
    """``_label_clauses(text, start, end, label_re)``, taken from ``clauses``: those found over a span that
    starts before ``start`` and ends at ``end`` but for blank space (a heading line, whose run-in body this is).

    Bracket pairs opening at or after ``start`` are the same in both spans (a close that finds no open of
    its own within the shorter span pairs with an earlier one in the longer), and so is what their text
    holds; clauses accepted before ``start`` only matter if one reaches past it, and then the clauses are
    found afresh. The search for any label over the span is the span's own, as in `_label_clauses`.
    """
    if not clauses or any(ls < start < le for ls, le, _ in clauses):
        return _label_clauses(text, start, end, label_re)
    inside = [c for c in clauses if c[0] >= start]
    if inside and label_re.search(text, start, end) is None:
        return []
    return inside


def split_paragraph(
    text: str,
    start: int,
    end: int,
    *,
    styles: Markers | Sequence[NumberingStyle],
    label_re: re.Pattern[str],
    clauses: list[tuple[int, int, str]] | None = None,
    fast: bool = True,
) -> list[Piece]:
    """Split ``text[start:end]`` into pieces; an empty list means the paragraph has no inner structure.

    ``clauses``: the labelled clauses (`item_labels`) of a span that starts before the paragraph and ends
    with it but for blank space, if the caller has them: reused rather than found again.
    """
    content_end = end
    while content_end > start and text[content_end - 1] in "\r\n":
        content_end -= 1
    compiled = styles if isinstance(styles, Markers) else Markers(styles)
    markers = _inline_markers(text, start, content_end, compiled, fast=fast)
    items = _enumeration(markers) if len(markers) > 1 else []  # (an enumeration has two items at least)
    if clauses is None:
        labels = _label_clauses(text, start, content_end, label_re)
    else:
        labels = _clauses_within(text, clauses, start, content_end, label_re)
    if not items and not labels:
        return []
    # Item boundaries first, then cut labels out of whatever run they fall in.
    pieces: list[Piece] = []
    if items:
        if items[0].start > start:
            pieces.append(Piece("text", start, items[0].start))
        for k, m in enumerate(items):
            stop = items[k + 1].start if k + 1 < len(items) else end
            pieces.append(Piece("item", m.start, stop, marker=m))
    else:
        pieces.append(Piece("text", start, end))
    if not labels:
        return pieces
    out: list[Piece] = []
    for piece in pieces:
        inside = [lab for lab in labels if piece.start <= lab[0] and lab[1] <= piece.end]
        if not inside:
            out.append(piece)
            continue
        if piece.kind == "item":
            # an item keeps its labels as its own children; the caller nests them
            out.append(piece)
            continue
        pos = piece.start
        for ls, le, word in inside:
            if ls > pos:
                out.append(Piece("text", pos, ls))
            out.append(Piece("label", ls, le, label=word))
            pos = le
        if pos < piece.end:
            out.append(Piece("text", pos, piece.end))
    return out


def item_labels(text: str, start: int, end: int, label_re: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """Labelled clauses inside one inline item (used to nest them under the item)."""
    return _label_clauses(text, start, end, label_re)
