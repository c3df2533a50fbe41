"""Inside one paragraph: inline enumerations (一是…二是…, 第一，…, ①…②…) and labelled clauses.

A paragraph that holds either becomes a node whose children tile it: ``text`` runs, ``item`` nodes and
``label`` nodes. A paragraph with neither stays a leaf.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from textkit._frozen import quick_init
from textkit.patterns import Scanner
from textkit.structure.numbering import Marker, NumberingStyle, any_marker, match_marker

__all__ = ["Piece", "split_paragraph"]

# An inline marker opens an item only at a clause boundary; this keeps 统一是… or 唯一是… from reading
# as 一是, and 第一，as a marker only where a clause starts.
_BOUNDARY = frozenset("。；;：:，,！？!?）)”」』 \t\u3000")


@quick_init
@dataclass(frozen=True, slots=True)
class Piece:
    """A child of a paragraph: kind ``text``, ``item`` (with its marker) or ``label``."""

    kind: str
    start: int
    end: int
    marker: Marker | None = None
    label: str | None = None


# the inline scanner of the styles used last, read and replaced as one tuple (safe across threads)
_last_scanner: tuple[Sequence[NumberingStyle], Scanner] | None = None


def _remember(styles: Sequence[NumberingStyle], scanner: Scanner) -> None:
    global _last_scanner
    _last_scanner = (styles, scanner)


def _inline_markers(text: str, start: int, end: int, styles: Sequence[NumberingStyle]) -> list[Marker]:
    found: list[Marker] = []
    last = _last_scanner
    if last is not None and last[0] is styles:
        scanner = last[1]  # the same rules as the paragraph before (hashing 20-odd styles costs more)
    else:
        scanner = any_marker(tuple(styles), inline=True)
        if isinstance(styles, tuple):  # (a list could change under the same identity)
            _remember(styles, scanner)
    pos = start
    first = match_marker(text, start, styles, inline=True)
    if first is not None and first.end <= end:
        found.append(first)
        pos = first.end
    while True:
        hit = scanner.search(text, pos, end)
        if hit is None:
            return found
        i = hit.start()
        # the paragraph's own start is a boundary even when it is not a line start (a run-in body)
        if i > start and text[i - 1] not in _BOUNDARY:
            pos = i + 1
            continue
        m = match_marker(text, i, styles, inline=True)
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


_OPEN = re.compile(r"[（(]")
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
    """Parenthesised clauses that carry a label: （牵头单位：省科技厅，责任单位：省教育厅）."""
    out: list[tuple[int, int, str]] = []
    # the common case, cheaply: no colon or no bracket means no labelled clause
    if (text.find("：", start, end) < 0 and text.find(":", start, end) < 0) or _OPEN.search(text, start, end) is None:
        return out
    if label_re.search(text, start, end) is None:
        return out
    taken = start
    for i, close in _bracket_pairs(text, start, end):
        if i < taken or close - i > _MAX_CLAUSE:
            continue
        inner = text[i + 1 : close]
        m = label_re.search(inner)
        if m is not None and _COLON_AHEAD.match(inner, m.end()):
            out.append((i, close + 1, m.group("label")))
            taken = close + 1
    return out


def split_paragraph(
    text: str,
    start: int,
    end: int,
    *,
    styles: Sequence[NumberingStyle],
    label_re: re.Pattern[str],
) -> list[Piece]:
    """Split ``text[start:end]`` into pieces; an empty list means the paragraph has no inner structure."""
    content_end = end
    while content_end > start and text[content_end - 1] in "\r\n":
        content_end -= 1
    items = _enumeration(_inline_markers(text, start, content_end, styles))
    labels = _label_clauses(text, start, content_end, label_re)
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
