"""The normalised view of a text for matching: punctuation, symbols and whitespace dropped, full-width
letters and digits folded to half-width, with an offset map back to the original (used by text reuse,
similarity and the batch comparison).

>>> normalise("一、凝心铸魂，筑牢根本").text
'一凝心铸魂筑牢根本'
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np

from textkit.model import Span

__all__ = ["IntArray", "NormalView", "mix64", "normalise", "shingle_hashes"]

IntArray = np.ndarray[Any, np.dtype[np.int64]]


@functools.cache
def _tables() -> tuple[np.ndarray[Any, np.dtype[np.bool_]], np.ndarray[Any, np.dtype[np.int64]]]:
    """``keep[cp]``: the BMP code point takes part in matching; ``fold[cp]``: what it is compared as."""
    keep = np.ones(0x10000, dtype=np.bool_)
    fold = np.arange(0x10000, dtype=np.int64)
    for cp in range(0x10000):
        cat = unicodedata.category(chr(cp))
        # Punctuation, symbols, separators and controls carry no content: 、 vs ， vs a line break
        # must not break a copied passage.
        if cat[0] in "PZCS":
            keep[cp] = False
    fold[0xFF01:0xFF5F] = np.arange(0x21, 0x7F)  # full-width ASCII → ASCII
    upper = np.arange(ord("A"), ord("Z") + 1)
    fold[upper] = upper + 32
    fold[upper + 0xFEE0] = upper + 32
    return keep, fold


@dataclass(frozen=True, slots=True)
class NormalView:
    """The characters of a text that take part in matching, with where each came from.

    ``codes[i]`` is the (folded) code point of the i-th kept character and ``offsets[i]`` its offset in
    the original text.

    >>> v = normalise("一、凝心铸魂，筑牢根本")
    >>> v.text, v.span(0, 4)
    ('一凝心铸魂筑牢根本', Span(start=0, end=5))
    """

    codes: IntArray
    offsets: IntArray

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def text(self) -> str:
        return "".join(map(chr, self.codes.tolist()))

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalised characters ``[start, end)``."""
        if end <= start:
            at = int(self.offsets[start]) if start < len(self.offsets) else 0
            return Span(at, at)
        return Span(int(self.offsets[start]), int(self.offsets[end - 1]) + 1)


def normalise(text: str) -> NormalView:
    """Drop punctuation/whitespace, fold full-width letters and digits; keep an offset map.

    >>> normalise("ＡＢ， c").text
    'abc'
    """
    if not text:
        empty = np.zeros(0, dtype=np.int64)
        return NormalView(empty, empty)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    keep_t, fold_t = _tables()
    bmp = codes < 0x10000
    keep = np.ones(len(codes), dtype=np.bool_)
    keep[bmp] = keep_t[codes[bmp]]
    folded = codes.copy()
    folded[bmp] = fold_t[codes[bmp]]
    idx = np.flatnonzero(keep).astype(np.int64)
    return NormalView(folded[idx], idx)


_P = np.uint64(0x100000001B3)
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)


def shingle_hashes(codes: IntArray, k: int) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """A well-mixed 64-bit hash of every k-gram of normalised ``codes``, in text order (overflow wraps on
    purpose): the shingles of text reuse and of the batch comparison's MinHash."""
    n = len(codes) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    c = codes.astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _P + c[j : j + n]
    return mix64(h)


def mix64(h: np.ndarray[Any, np.dtype[np.uint64]]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """The 64-bit finaliser of MurmurHash3 over an array (in place): nearby inputs, far-apart outputs."""
    with np.errstate(over="ignore"):
        h ^= h >> np.uint64(33)
        h *= _M1
        h ^= h >> np.uint64(33)
        h *= _M2
        h ^= h >> np.uint64(33)
    return h
