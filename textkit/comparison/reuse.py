"""Text reuse: which passages of each plan were taken from the directive (and from each other).

Two plans are compared on a *normalised view*: punctuation, symbols and whitespace removed, full-width
letters and digits folded to half-width, with an offset map back to the original text, so a changed
comma or a line break does not break a match and every passage still gets spans into
``Document.text``.

Finding passages is done in two steps so it scales to thousands of plans:

1. **Candidates.** Every plan is cut into hashed character shingles (k-grams of the normalised view).
   The texts to match against (the directive, or all plans) go into an inverted index of shingle
   hashes (sorted numpy arrays). Shared shingles are *seeds*; seeds on nearby diagonals are chained
   into candidate windows (a range of the plan × a band of diagonals of the other text). Between plans
   only the shingles whose hash is ``0 mod sample`` are indexed (the "0 mod p" fingerprints of
   winnowing / min-hash sketches), which keeps the index small.
2. **Alignment.** Smith–Waterman local alignment, run only inside the candidate windows, batched over
   many windows at once with numpy. It tolerates inserted words (我局, 本单位), dropped clauses and
   changed punctuation. After the best alignment of a window is taken, the rows above and below it are
   searched again (declumping), so one window can yield several passages.

No dynamic programming ever runs over two whole texts; `smith_waterman` (the plain full-matrix
algorithm) is kept as the reference that the quality benchmark measures the windows against.

>>> a = "结合我局实际，一是凝心铸魂筑牢根本。全面、系统、深入学习习近平新时代中国特色社会主义思想。"
>>> b = "一是凝心铸魂筑牢根本。全面系统深入学习习近平新时代中国特色社会主义思想，完整准确掌握。"
>>> [a[h.a_start:h.a_end][:10] for h in align(a, b)]
['一是凝心铸魂筑牢根本']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from textkit.comparison.boilerplate import NO_BOILERPLATE, Boilerplate, load_boilerplate
from textkit.comparison.normal import IntArray, NormalView, normalise, shingle_hashes
from textkit.errors import OptionError
from textkit.model import Document, Span

__all__ = [
    "DEFAULT_SETTINGS",
    "NO_BOILERPLATE",
    "Alignment",
    "Boilerplate",
    "NormalView",
    "Passage",
    "PlanReuse",
    "Reuse",
    "ReuseSettings",
    "align",
    "find_reuse",
    "load_boilerplate",
    "normalise",
    "smith_waterman",
]

# ---------------------------------------------------------------------------------------------------
# Settings and results


@dataclass(frozen=True, slots=True)
class ReuseSettings:
    """How passages are found. Scores: ``match`` per identical character, ``mismatch`` and ``gap``
    (per inserted/deleted character) are penalties; a passage needs ``min_score`` (40 ≈ 20 copied
    characters, longer than a stock phrase such as 习近平新时代中国特色社会主义思想)."""

    k: int = 8  # shingle length (normalised characters)
    match: int = 2
    mismatch: int = 3
    gap: int = 3
    min_score: int = 40
    band: int = 16  # diagonals searched either side of the seeds
    pad: int = 24  # rows searched before the first / after the last seed
    max_gap: int = 64  # seeds further apart than this (in the plan) start a new window
    max_shift: int = 48  # seeds whose diagonals differ more than this start a new window
    max_postings: int = 16  # shingles occurring more often than this in the index are not seeds
    between_sample: int = 4  # between plans: index only shingles with hash ≡ 0 (mod this)
    min_distinct: int = 15  # a distinctive passage has at least this many normalised characters

    def __post_init__(self) -> None:
        for name in ("k", "match", "min_score", "band", "between_sample", "max_postings"):
            if getattr(self, name) < 1:
                raise OptionError(name, getattr(self, name), "a positive integer")
        for name in ("mismatch", "gap", "pad", "max_gap", "max_shift", "min_distinct"):
            if getattr(self, name) < 0:
                raise OptionError(name, getattr(self, name), "a non-negative integer")


DEFAULT_SETTINGS = ReuseSettings()


@dataclass(frozen=True, slots=True)
class Alignment:
    """A local alignment of two texts: original spans on both sides, and the normalised ones.

    ``score`` is the Smith–Waterman score; ``a_norm``/``b_norm`` are ``(start, end)`` in the
    normalised views (what the quality benchmark counts).
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: int
    a_norm: tuple[int, int]
    b_norm: tuple[int, int]

    @property
    def identity(self) -> float:
        """Score relative to a perfect copy of the shorter side (1.0 = identical after normalising)."""
        n = min(self.a_norm[1] - self.a_norm[0], self.b_norm[1] - self.b_norm[0])
        return 0.0 if n <= 0 else min(1.0, self.score / (2.0 * n))


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of plan ``a`` shared with ``b`` (the directive or another plan), spans on both sides.

    ``score`` is 0–1 (1 = copied verbatim after normalising); ``raw_score`` the alignment score.
    """

    a: str
    b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float
    raw_score: int
    length: int  # normalised characters on the plan's side

    @property
    def a_span(self) -> Span:
        return Span(self.a_start, self.a_end)

    @property
    def b_span(self) -> Span:
        return Span(self.b_start, self.b_end)


@dataclass(frozen=True, slots=True)
class PlanReuse:
    """What one plan took from the directive, and what is its own.

    ``copy_ratio`` = ``copied`` / ``chars``: the share of the plan's normalised characters (punctuation
    and whitespace left out) that lie in passages aligned to the directive. ``distinctive`` are the
    plan's sentences found neither in the directive nor in another plan.
    """

    source: str
    chars: int
    copied: int
    copy_ratio: float
    passages: tuple[Passage, ...]
    distinctive: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Reuse:
    """Reuse across a set of plans: per plan against the directive, and passages shared between plans."""

    plans: tuple[PlanReuse, ...]
    between: tuple[Passage, ...] = ()
    directive: str | None = None
    settings: ReuseSettings = field(default=DEFAULT_SETTINGS, repr=False)
    boilerplate: tuple[Passage, ...] = ()  # shared stock language and label lines, left out of the above

    @property
    def passages(self) -> tuple[Passage, ...]:
        """Every passage: each plan's with the directive, then those between plans."""
        return tuple(p for r in self.plans for p in r.passages) + self.between


# ---------------------------------------------------------------------------------------------------
# What most of the compared plans share (the boilerplate rules themselves: textkit.comparison.boilerplate)


def _common_mask(views: Sequence[NormalView], k: int, limit: int) -> list[np.ndarray[Any, np.dtype[np.bool_]]]:
    """Per plan: the normalised positions inside a k-gram found in at least ``limit`` plans."""
    hashes = [np.unique(shingle_hashes(v.codes, k)) for v in views]
    every = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    uniq, counts = np.unique(every, return_counts=True)
    common = uniq[counts >= limit]
    out = []
    for v in views:
        h = shingle_hashes(v.codes, k)
        hit = np.isin(h, common)
        mask = np.zeros(len(v) + 1, dtype=np.int64)
        # a common k-gram at p covers positions p … p+k-1: mark with a difference array
        starts = np.flatnonzero(hit)
        np.add.at(mask, starts, 1)
        np.add.at(mask, np.minimum(starts + k, len(v)), -1)
        out.append(np.cumsum(mask[:-1]) > 0)
    return out


# ---------------------------------------------------------------------------------------------------
# Shingles (`textkit.comparison.normal.shingle_hashes`) and the inverted index


@dataclass(frozen=True, slots=True)
class _Index:
    hashes: np.ndarray[Any, np.dtype[np.uint64]]  # sorted
    doc: IntArray
    pos: IntArray


def _build_index(views: Sequence[NormalView], k: int, sample: int) -> _Index:
    hs, ds, ps = [], [], []
    for d, v in enumerate(views):
        h = shingle_hashes(v.codes, k)
        pos = np.arange(len(h), dtype=np.int64)
        if sample > 1:
            sel = h % np.uint64(sample) == 0
            h, pos = h[sel], pos[sel]
        hs.append(h)
        ps.append(pos)
        ds.append(np.full(len(h), d, dtype=np.int64))
    if not hs:
        z = np.zeros(0, dtype=np.int64)
        return _Index(np.zeros(0, dtype=np.uint64), z, z)
    h_all = np.concatenate(hs)
    order = np.argsort(h_all, kind="stable")
    return _Index(h_all[order], np.concatenate(ds)[order], np.concatenate(ps)[order])


def _seeds(
    view: NormalView, index: _Index, s: ReuseSettings, sample: int, min_doc: int
) -> tuple[IntArray, IntArray, IntArray]:
    """(plan position, indexed doc, doc position) of every shared shingle."""
    h = shingle_hashes(view.codes, s.k)
    pos = np.arange(len(h), dtype=np.int64)
    if sample > 1:
        sel = h % np.uint64(sample) == 0
        h, pos = h[sel], pos[sel]
    lo = np.searchsorted(index.hashes, h, side="left")
    hi = np.searchsorted(index.hashes, h, side="right")
    cnt = hi - lo
    ok = (cnt > 0) & (cnt <= s.max_postings)
    lo, cnt, pos = lo[ok], cnt[ok], pos[ok]
    total = int(cnt.sum())
    if total == 0:
        z = np.zeros(0, dtype=np.int64)
        return z, z, z
    starts = np.cumsum(cnt) - cnt
    post = np.repeat(lo, cnt) + (np.arange(total) - np.repeat(starts, cnt))
    a_pos = np.repeat(pos, cnt)
    doc, b_pos = index.doc[post], index.pos[post]
    keep = doc >= min_doc
    return a_pos[keep], doc[keep], b_pos[keep]


@dataclass(slots=True)
class _Window:
    a_doc: int
    b_doc: int
    a0: int  # rows [a0, a1) of the plan's normalised view
    a1: int
    d0: int  # diagonals (b position − a position) [d0, d1]
    d1: int


def _windows(
    a_doc: int, a_pos: IntArray, b_doc: IntArray, b_pos: IntArray, n_a: int, s: ReuseSettings
) -> list[_Window]:
    """Chain seeds on nearby diagonals into candidate windows."""
    if len(a_pos) == 0:
        return []
    diag = b_pos - a_pos
    dbin = np.floor_divide(diag, max(1, s.band))
    order = np.lexsort((a_pos, dbin, b_doc))
    a_pos, b_doc, diag, dbin = a_pos[order], b_doc[order], diag[order], dbin[order]
    brk = np.ones(len(a_pos), dtype=np.bool_)
    brk[1:] = (b_doc[1:] != b_doc[:-1]) | (dbin[1:] != dbin[:-1]) | (a_pos[1:] - a_pos[:-1] > s.max_gap)
    gid = np.cumsum(brk) - 1
    n_g = int(gid[-1]) + 1
    sizes = np.bincount(gid, minlength=n_g)
    g_a0 = np.full(n_g, np.iinfo(np.int64).max)
    np.minimum.at(g_a0, gid, a_pos)
    g_a1 = np.zeros(n_g, dtype=np.int64)
    np.maximum.at(g_a1, gid, a_pos)
    g_d0 = np.full(n_g, np.iinfo(np.int64).max)
    np.minimum.at(g_d0, gid, diag)
    g_d1 = np.full(n_g, np.iinfo(np.int64).min)
    np.maximum.at(g_d1, gid, diag)
    g_doc = b_doc[brk]
    # A lone seed is k characters: too short to reach min_score unless a neighbour group joins it.
    groups = sorted(
        (int(g_doc[g]), int(g_a0[g]), int(g_a1[g]) + s.k, int(g_d0[g]), int(g_d1[g]), int(sizes[g]))
        for g in range(n_g)
    )
    merged: list[list[int]] = []
    for doc, a0, a1, d0, d1, size in groups:
        for m in reversed(merged[-8:]):
            if (
                m[0] == doc
                and a0 <= m[2] + s.max_gap
                and d0 <= m[4] + s.max_shift
                and m[3] <= d1 + s.max_shift
            ):
                m[2] = max(m[2], a1)
                m[3] = min(m[3], d0)
                m[4] = max(m[4], d1)
                m[5] += size
                break
        else:
            merged.append([doc, a0, a1, d0, d1, size])
    # Seeds spanning fewer characters than a passage needs are a stock phrase (习近平新时代中国特色
    # 社会主义思想), not a copied passage: aligning them would only cost time.
    min_rows = s.min_score // s.match - 2
    wins = [
        _Window(a_doc, doc, max(0, a0 - s.pad), min(n_a, a1 + s.pad), d0 - s.band, d1 + s.band)
        for doc, a0, a1, d0, d1, size in merged
        if size >= 2 and a1 - a0 >= min_rows
    ]
    # Windows that overlap in both rows and diagonals become one (swapped sentences give such
    # pairs): otherwise each would find a part of the same passage and one part would be dropped.
    wins.sort(key=lambda w: (w.b_doc, w.a0))
    out: list[_Window] = []
    for w in wins:
        for o in reversed(out[-8:]):
            if o.b_doc == w.b_doc and w.a0 < o.a1 and w.d0 <= o.d1 and o.d0 <= w.d1:
                o.a1, o.d0, o.d1 = max(o.a1, w.a1), min(o.d0, w.d0), max(o.d1, w.d1)
                break
        else:
            out.append(w)
    return out


# ---------------------------------------------------------------------------------------------------
# Banded Smith–Waterman over many windows at once

_NEG = -(1 << 28)
_CHUNK_CELLS = 1 << 16  # cells per row of a batch: keeps each numpy call in cache


def _run_windows(
    windows: list[_Window],
    a_codes: Sequence[IntArray],
    b_codes: Sequence[IntArray],
    s: ReuseSettings,
) -> list[tuple[_Window, int, int, int, int, int]]:
    """Best local alignment in each window: (window, score, a0, a1, b0, b1) in normalised coordinates.

    H is computed row by row (one row of the plan) for a whole batch of windows; within a row the
    left-gap recurrence is a running maximum (``H[k] = max_k' D[k'] − gap·(k − k')``), so no Python
    loop runs over cells. Each cell carries the start of its best path, so no traceback is needed.
    """
    results: list[tuple[_Window, int, int, int, int, int]] = []
    windows = sorted(windows, key=lambda w: (w.a1 - w.a0, w.d1 - w.d0))
    i = 0
    while i < len(windows):
        band = windows[i].d1 - windows[i].d0 + 1
        rows0 = windows[i].a1 - windows[i].a0
        j = i + 1
        while j < len(windows):
            nb = max(band, windows[j].d1 - windows[j].d0 + 1)
            # Rows are padded to the longest window of the batch: keep lengths alike.
            if (j - i + 1) * nb > _CHUNK_CELLS or windows[j].a1 - windows[j].a0 > 2 * rows0 + 32:
                break
            band = nb
            j += 1
        results.extend(_run_batch(windows[i:j], a_codes, b_codes, s))
        i = j
    return results


def _run_batch(
    batch: list[_Window],
    a_codes: Sequence[IntArray],
    b_codes: Sequence[IntArray],
    s: ReuseSettings,
) -> list[tuple[_Window, int, int, int, int, int]]:
    W = len(batch)
    rows = max(w.a1 - w.a0 for w in batch)
    bands = np.array([w.d1 - w.d0 + 1 for w in batch], dtype=np.int64)
    B = int(bands.max())
    i32 = np.int32
    # Arrays are laid out band × window: the running maximum along the band (the left-gap
    # recurrence) then works on whole rows of windows at once instead of one window at a time.
    # A[r, w]: the plan's character at row r of window w (-1 beyond the window).
    A = np.full((rows, W), -1, dtype=i32)
    # Bs[r + k, w]: the other text's character at row r, band k of window w (-2 outside the text).
    Bs = np.full((rows + B, W), -2, dtype=i32)
    for n, w in enumerate(batch):
        A[: w.a1 - w.a0, n] = a_codes[w.a_doc][w.a0 : w.a1]
        bc = b_codes[w.b_doc]
        first = w.a0 + w.d0  # b position of row 0, band 0
        lo, hi = max(0, first), min(len(bc), first + rows + B)
        if hi > lo:
            Bs[lo - first : hi - first, n] = bc[lo:hi]
    karange = np.arange(B, dtype=i32)
    in_band = karange[:, None] < bands[None, :]
    gap, match, mismatch = i32(s.gap), i32(s.match), i32(-s.mismatch)
    zero, neg = i32(0), i32(_NEG)
    kk = np.ascontiguousarray(np.broadcast_to(karange[:, None], (B, W)))
    g_k = gap * kk
    H = np.zeros((B, W), dtype=i32)
    # org: where the best path ending in a cell starts, packed as row * B + band.
    org = np.zeros((B, W), dtype=i32)
    best = np.zeros(W, dtype=i32)
    best_end = np.zeros(W, dtype=np.int64)
    best_org = np.zeros(W, dtype=np.int64)
    cols = np.arange(W)
    col_base = cols.astype(i32)[None, :]
    up = np.empty((B, W), dtype=i32)
    up_o = np.zeros((B, W), dtype=i32)
    for r in range(rows):
        a = A[r][None, :]
        bseg = Bs[r : r + B]
        valid = in_band & (bseg >= 0) & (a >= 0)
        diag = np.where(valid, H + np.where(bseg == a, match, mismatch), neg)
        d_o = np.where(H <= 0, kk + i32(r * B), org)
        np.subtract(H[1:], gap, out=up[:-1])
        up[-1] = neg
        up_o[:-1] = org[1:]
        take_up = up > diag
        D = np.where(take_up, up, diag)
        np.maximum(D, zero, out=D)
        D_o = np.where(take_up, up_o, d_o)
        val = D + g_k
        run = np.maximum.accumulate(val, axis=0)
        src = np.maximum.accumulate(np.where(val == run, kk, zero), axis=0)
        H = np.where(valid, run - g_k, zero)
        org = D_o.ravel()[(src * i32(W) + col_base).ravel()].reshape(B, W)
        m = H.max(axis=0)
        better = m > best
        if better.any():
            am = H.argmax(axis=0)
            idx = cols[better]
            best[idx] = m[idx]
            best_end[idx] = r * B + am[idx]
            best_org[idx] = org[am[idx], idx]
    out = []
    for n, w in enumerate(batch):
        if best[n] <= 0:
            out.append((w, 0, 0, 0, 0, 0))
            continue
        r0, k0 = divmod(int(best_org[n]), B)
        r1, k1 = divmod(int(best_end[n]), B)
        a0, a1 = w.a0 + r0, w.a0 + r1 + 1
        b0, b1 = w.a0 + w.d0 + r0 + k0, w.a0 + w.d0 + r1 + k1 + 1
        out.append((w, int(best[n]), a0, a1, b0, b1))
    return out


def _align_windows(
    windows: list[_Window],
    a_codes: Sequence[IntArray],
    b_codes: Sequence[IntArray],
    s: ReuseSettings,
) -> list[tuple[int, int, int, int, int, int, int]]:
    """All passages in the windows, declumped: (a_doc, b_doc, score, a0, a1, b0, b1) normalised."""
    found: list[tuple[int, int, int, int, int, int, int]] = []
    todo = windows
    min_rows = max(1, s.min_score // s.match)
    while todo:
        nxt: list[_Window] = []
        for w, score, a0, a1, b0, b1 in _run_windows(todo, a_codes, b_codes, s):
            if score < s.min_score:
                continue
            found.append((w.a_doc, w.b_doc, score, a0, a1, b0, b1))
            # Declump: what lies above and below the passage in the plan may hold more passages.
            if a0 - w.a0 >= min_rows:
                nxt.append(_Window(w.a_doc, w.b_doc, w.a0, a0, w.d0, w.d1))
            if w.a1 - a1 >= min_rows:
                nxt.append(_Window(w.a_doc, w.b_doc, a1, w.a1, w.d0, w.d1))
        todo = nxt
    return _drop_overlaps(found)


def _drop_overlaps(
    found: list[tuple[int, int, int, int, int, int, int]],
) -> list[tuple[int, int, int, int, int, int, int]]:
    """Windows may overlap: keep the best passage where two cover the same plan characters."""
    found.sort(key=lambda f: -f[2])
    kept: list[tuple[int, int, int, int, int, int, int]] = []
    taken: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for f in found:
        spans = taken.setdefault((f[0], f[1]), [])
        if any(f[3] < e and s < f[4] for s, e in spans):
            continue
        spans.append((f[3], f[4]))
        kept.append(f)
    kept.sort(key=lambda f: (f[0], f[1], f[3]))
    return kept


# ---------------------------------------------------------------------------------------------------
# Public functions


def _to_alignment(a: NormalView, b: NormalView, score: int, a0: int, a1: int, b0: int, b1: int) -> Alignment:
    sa, sb = a.span(a0, a1), b.span(b0, b1)
    return Alignment(sa.start, sa.end, sb.start, sb.end, score, (a0, a1), (b0, b1))


def align(a: str, b: str, *, settings: ReuseSettings = DEFAULT_SETTINGS) -> list[Alignment]:
    """Passages of ``a`` found in ``b`` (windowed local alignment), in the order of ``a``.

    >>> a = "我局要认真组织开展专题民主生活会，深入查摆问题，明确整改方向，严肃认真开展批评和自我批评。"
    >>> b = "各级党组织要开展专题民主生活会，深入查摆问题、明确整改方向，开展批评和自我批评。"
    >>> [(h.a_start, h.a_end, h.b_start, h.b_end) for h in align(a, b)]
    [(5, 44, 3, 39)]
    """
    va, vb = normalise(a), normalise(b)
    index = _build_index([vb], settings.k, 1)
    a_pos, b_doc, b_pos = _seeds(va, index, settings, 1, 0)
    wins = _windows(0, a_pos, b_doc, b_pos, len(va), settings)
    found = _align_windows(wins, [va.codes], [vb.codes], settings)
    return [_to_alignment(va, vb, f[2], f[3], f[4], f[5], f[6]) for f in found]


def _sw_full(a: IntArray, b: IntArray, s: ReuseSettings) -> tuple[int, int, int, int, int]:
    """Plain Smith–Waterman over the whole matrix with traceback: (score, a0, a1, b0, b1)."""
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return 0, 0, 0, 0, 0
    H = np.zeros((n + 1, m + 1), dtype=np.int64)
    jg = s.gap * np.arange(m + 1, dtype=np.int64)
    for i in range(1, n + 1):
        sc = np.where(b == a[i - 1], s.match, -s.mismatch)
        D = np.zeros(m + 1, dtype=np.int64)
        D[1:] = np.maximum(np.maximum(H[i - 1, :-1] + sc, H[i - 1, 1:] - s.gap), 0)
        H[i] = np.maximum.accumulate(D + jg) - jg
    flat = int(H.argmax())
    i, j = divmod(flat, m + 1)
    score = int(H[i, j])
    if score <= 0:
        return 0, 0, 0, 0, 0
    i1, j1 = i, j
    while i > 0 and j > 0 and H[i, j] > 0:
        h = H[i, j]
        if h == H[i - 1, j - 1] + (s.match if a[i - 1] == b[j - 1] else -s.mismatch):
            if H[i - 1, j - 1] == 0:
                i, j = i - 1, j - 1
                break
            i, j = i - 1, j - 1
        elif h == H[i - 1, j] - s.gap:
            i -= 1
        else:
            j -= 1
    return score, i, i1, j, j1


def smith_waterman(a: str, b: str, *, settings: ReuseSettings = DEFAULT_SETTINGS) -> list[Alignment]:
    """The reference: plain full-matrix Smith–Waterman, repeated on what is left of ``a`` (declumping).

    Quadratic in time and memory: for tests and the quality benchmark, never for real batches.

    >>> [h.score for h in smith_waterman("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉")]
    [40]
    """
    va, vb = normalise(a), normalise(b)
    todo = [(0, len(va))]
    found: list[Alignment] = []
    min_rows = max(1, settings.min_score // settings.match)
    while todo:
        lo, hi = todo.pop()
        score, a0, a1, b0, b1 = _sw_full(va.codes[lo:hi], vb.codes, settings)
        if score < settings.min_score:
            continue
        found.append(_to_alignment(va, vb, score, lo + a0, lo + a1, b0, b1))
        if a0 >= min_rows:
            todo.append((lo, lo + a0))
        if hi - (lo + a1) >= min_rows:
            todo.append((lo + a1, hi))
    return sorted(found, key=lambda h: h.a_norm)


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _distinctive(
    text: str, view: NormalView, covered: np.ndarray[Any, np.dtype[np.bool_]], min_chars: int
) -> tuple[Span, ...]:
    """Sentences of the plan with at least ``min_chars`` normalised characters outside every passage."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    stop = np.array(ends, dtype=np.int64)
    begin = np.concatenate(([0], stop[:-1]))
    lo = np.searchsorted(view.offsets, begin)
    hi = np.searchsorted(view.offsets, stop)
    cum = np.concatenate(([0], np.cumsum(covered, dtype=np.int64)))
    keep = (hi - lo >= min_chars) & (cum[hi] - cum[lo] == 0)
    # The span runs from the sentence's first to its last content character (no whitespace around).
    return tuple(
        Span(int(view.offsets[a]), int(view.offsets[b - 1]) + 1)
        for a, b in zip(lo[keep].tolist(), hi[keep].tolist(), strict=True)
    )


def find_reuse(
    documents: Sequence[Document],
    *,
    directive: Document | None = None,
    between: bool = True,
    settings: ReuseSettings = DEFAULT_SETTINGS,
    progress: Callable[[Iterable[int]], Iterable[int]] | None = None,
    boilerplate: Boilerplate | None = None,
) -> Reuse:
    """Passages each plan shares with ``directive`` (copy ratio) and, if ``between``, with each other.

    ``progress`` may wrap the loop over plans (e.g. a tqdm bar). Passages that are boilerplate (see
    `Boilerplate`; default: `load_boilerplate`, ``NO_BOILERPLATE`` keeps everything) go to
    ``Reuse.boilerplate`` and count neither as copied nor as shared.

    >>> from textkit.reading import read_text
    >>> d = read_text("一是凝心铸魂筑牢根本。全面系统深入学习，完整准确掌握基本观点、科学体系和实践要求。", source="意见")
    >>> p = read_text("结合我局实际。一是凝心铸魂筑牢根本，全面、系统、深入学习，完整准确掌握基本观点、科学体系和实践要求。",
    ...               source="我局方案")
    >>> r = find_reuse([p], directive=d)
    >>> r.plans[0].passages[0].b, round(r.plans[0].copy_ratio, 2)
    ('意见', 0.86)

    A passage that is a stock phrase and little else is boilerplate, not copying:

    >>> d = read_text("以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。", source="意见")
    >>> p = read_text("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。", source="方案")
    >>> r = find_reuse([p], directive=d)
    >>> r.plans[0].passages, len(r.boilerplate)
    ((), 1)
    """
    s = settings
    views = [normalise(d.text) for d in documents]
    codes = [v.codes for v in views]
    loop: Iterable[int] = range(len(documents))
    if progress is not None:
        loop = progress(loop)
    wins_dir: list[_Window] = []
    wins_between: list[_Window] = []
    dview = normalise(directive.text) if directive is not None else None
    dindex = _build_index([dview], s.k, 1) if dview is not None else None
    pindex = _build_index(views, s.k, s.between_sample) if between and len(documents) > 1 else None
    for n in loop:
        if dindex is not None:
            a_pos, b_doc, b_pos = _seeds(views[n], dindex, s, 1, 0)
            wins_dir.extend(_windows(n, a_pos, b_doc, b_pos, len(views[n]), s))
        if pindex is not None:
            # Each pair once: plan n against the plans after it.
            a_pos, b_doc, b_pos = _seeds(views[n], pindex, s, s.between_sample, n + 1)
            # Sampled seeds are sparse: let a window bridge the larger gaps between them.
            wins_between.extend(
                _windows(n, a_pos, b_doc, b_pos, len(views[n]), _sparse(s))
            )
    dir_found = (
        _align_windows(wins_dir, codes, [dview.codes], s) if dview is not None else []
    )
    btw_found = _align_windows(wins_between, codes, codes, s) if wins_between else []

    by_plan: list[list[Passage]] = [[] for _ in documents]
    covered = [np.zeros(len(v), dtype=np.bool_) for v in views]
    copied = [np.zeros(len(v), dtype=np.bool_) for v in views]
    dsrc = directive.source if directive is not None else ""
    bp = load_boilerplate() if boilerplate is None else boilerplate
    need = max(1, s.min_score // s.match)  # normalised characters of the shortest passage
    masks: dict[int, np.ndarray[Any, np.dtype[np.bool_]]] = {}

    def stock(n: int) -> np.ndarray[Any, np.dtype[np.bool_]]:
        if n not in masks:
            masks[n] = bp.mask(documents[n].text, views[n])
        return masks[n]

    dmask = bp.mask(directive.text, dview) if directive is not None and dview is not None and dir_found else None
    common: list[np.ndarray[Any, np.dtype[np.bool_]]] | None = None
    if btw_found and len(documents) >= bp.min_plans:
        common = _common_mask(views, s.k, max(2, int(np.ceil(bp.df * len(documents)))))
    left_out: list[Passage] = []
    for a_doc, _b, score, a0, a1, b0, b1 in dir_found:
        assert dview is not None and dmask is not None
        al = _to_alignment(views[a_doc], dview, score, a0, a1, b0, b1)
        p = Passage(documents[a_doc].source, dsrc, al.a_start, al.a_end, al.b_start, al.b_end,
                    round(al.identity, 4), score, a1 - a0)
        own = int((~stock(a_doc)[a0:a1]).sum())
        if min(own, int((~dmask[b0:b1]).sum())) < need:
            left_out.append(p)
            covered[a_doc][a0:a1] = True  # not the plan's own words either
            continue
        by_plan[a_doc].append(p)
        copied[a_doc][a0:a1] = True
        covered[a_doc][a0:a1] = True
    between_passages: list[Passage] = []
    for a_doc, o_doc, score, a0, a1, b0, b1 in btw_found:
        al = _to_alignment(views[a_doc], views[o_doc], score, a0, a1, b0, b1)
        p = Passage(documents[a_doc].source, documents[o_doc].source, al.a_start, al.a_end,
                    al.b_start, al.b_end, round(al.identity, 4), score, a1 - a0)
        covered[a_doc][a0:a1] = True
        covered[o_doc][b0:b1] = True
        a_free, b_free = ~stock(a_doc)[a0:a1], ~stock(o_doc)[b0:b1]
        if common is not None:
            a_free, b_free = a_free & ~common[a_doc][a0:a1], b_free & ~common[o_doc][b0:b1]
        if min(int(a_free.sum()), int(b_free.sum())) < need:
            left_out.append(p)
            continue
        between_passages.append(p)
    plans = []
    for n, doc in enumerate(documents):
        total = len(views[n])
        c = int(copied[n].sum())
        plans.append(
            PlanReuse(
                source=doc.source,
                chars=total,
                copied=c,
                copy_ratio=round(c / total, 4) if total else 0.0,
                passages=tuple(by_plan[n]),
                distinctive=_distinctive(doc.text, views[n], covered[n], s.min_distinct),
            )
        )
    return Reuse(
        plans=tuple(plans),
        between=tuple(between_passages),
        directive=directive.source if directive is not None else None,
        settings=s,
        boilerplate=tuple(left_out),
    )


def _sparse(s: ReuseSettings) -> ReuseSettings:
    from dataclasses import replace

    return replace(s, max_gap=s.max_gap * s.between_sample, max_postings=max(s.max_postings, 64))
