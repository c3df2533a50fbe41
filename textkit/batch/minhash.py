"""MinHash signatures and LSH banding, in numpy: near-duplicate candidates without comparing all pairs.

A plan's set is its character k-shingles on the normalised view of `textkit.comparison.reuse`
(punctuation and whitespace dropped, full-width folded), so a changed comma does not change the set.
The signature keeps, for each of ``num_perm`` hash functions ``h(x) = (a·x + b) >> 32`` over the 64-bit
shingle hashes, the minimum; two plans agree on one position with probability equal to their Jaccard
similarity. LSH cuts the signature into ``bands`` of ``num_perm / bands`` rows; plans that agree on a
whole band share a bucket and become a candidate pair. With the defaults (128 = 32 × 4) a pair of
Jaccard 0.5 is a candidate with probability 0.87, one of 0.2 with 0.05, one of 0.05 with 0.0002.

>>> from textkit.comparison.reuse import normalise
>>> mh = MinHasher()
>>> a = mh.signature(normalise("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。").codes)
>>> b = mh.signature(normalise("坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神。").codes)
>>> 0.4 < float(similarity(a[None], b[None])[0]) < 0.9
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from textkit.comparison.normal import mix64, shingle_hashes
from textkit.errors import OptionError

__all__ = ["MinHashSettings", "MinHasher", "band_keys", "candidate_pairs", "similarity"]

U32 = np.ndarray[Any, np.dtype[np.uint32]]
U64 = np.ndarray[Any, np.dtype[np.uint64]]
I64 = np.ndarray[Any, np.dtype[np.int64]]
EMPTY = np.uint32(0xFFFFFFFF)  # every position of a plan too short for one shingle

_P = np.uint64(0x100000001B3)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_CHUNK = 256  # shingles per step: keeps the (chunk × num_perm) product in cache (measured: 256 < 1024 < 4096)


@dataclass(frozen=True, slots=True)
class MinHashSettings:
    """``k``: shingle length in normalised characters; ``num_perm`` hash functions in ``bands`` bands;
    a bucket holding more than ``max_bucket`` plans pairs each only with its next ``max_bucket``
    (boilerplate shared by thousands of plans must not produce millions of pairs)."""

    k: int = 8
    num_perm: int = 128
    bands: int = 32
    seed: int = 20231
    max_bucket: int = 50

    def __post_init__(self) -> None:
        for name in ("k", "num_perm", "bands", "max_bucket"):
            if getattr(self, name) < 1:
                raise OptionError(name, getattr(self, name), "a positive integer")
        if self.num_perm % self.bands:
            raise OptionError("bands", self.bands, f"a divisor of num_perm ({self.num_perm})")


class MinHasher:
    """The hash functions of one `MinHashSettings`, drawn once (signatures are comparable only between
    plans hashed by equal settings)."""

    __slots__ = ("_a", "_b", "settings")

    def __init__(self, settings: MinHashSettings | None = None) -> None:
        self.settings = settings or MinHashSettings()
        rng = np.random.default_rng(self.settings.seed)
        hi = np.iinfo(np.uint64).max
        self._a: U64 = rng.integers(1, hi, size=self.settings.num_perm, dtype=np.uint64) | np.uint64(1)
        self._b: U64 = rng.integers(0, hi, size=self.settings.num_perm, dtype=np.uint64)

    def shingles(self, codes: I64) -> U64:
        """The 64-bit hashes of the k-grams of normalised ``codes``, in text order (repeats kept: a minimum
        does not change when a value repeats, and sorting them away would cost more than it saves)."""
        return shingle_hashes(codes, self.settings.k)

    def signature(self, codes: I64) -> U32:
        """The MinHash signature (``num_perm`` uint32) of normalised ``codes``; all `EMPTY` when the text
        is shorter than one shingle."""
        x = self.shingles(codes)
        low = np.full(self.settings.num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(0, len(x), _CHUNK):
                part = x[i : i + _CHUNK, None] * self._a[None, :]
                part += self._b[None, :]
                np.minimum(low, part.min(axis=0), out=low)
        # The top 32 bits of the minimum are the minimum of the top 32 bits (the shift is monotone).
        sig = (low >> np.uint64(32)).astype(np.uint32)
        sig[sig == EMPTY] = EMPTY - np.uint32(1)  # EMPTY stays the mark of a plan without shingles
        if len(x) == 0:
            sig[:] = EMPTY
        return sig


def band_keys(signatures: U32, bands: int) -> U64:
    """One 64-bit key per plan and band (shape ``n × bands``): equal keys = equal rows in that band."""
    n, num_perm = signatures.shape
    rows = num_perm // bands
    s = signatures.reshape(n, bands, rows).astype(np.uint64)
    h = np.zeros((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            h = h * _P + s[:, :, r]
        h += np.arange(bands, dtype=np.uint64)[None, :] * _M2  # a band's keys never meet another band's
    return mix64(h)


def candidate_pairs(keys: U64, *, valid: np.ndarray[Any, np.dtype[np.bool_]], max_bucket: int) -> I64:
    """Pairs of plans sharing a bucket in any of the given bands' key columns, as codes ``lo * n + hi``
    (``lo < hi``), unique. Plans with ``valid`` false (empty text) take no part."""
    n = keys.shape[0]
    ids = np.flatnonzero(valid).astype(np.int64)
    found: list[I64] = []
    for band in range(keys.shape[1]):
        k = keys[ids, band]
        order = np.argsort(k, kind="stable")
        ks, members = k[order], ids[order]
        # Equal keys are contiguous once sorted: members d apart share a bucket iff their keys match.
        for d in range(1, max_bucket + 1):
            same = np.flatnonzero(ks[d:] == ks[:-d])
            if len(same) == 0:
                break
            a, b = members[same], members[same + d]
            found.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not found:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(found))


def similarity(a: U32, b: U32) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Estimated Jaccard similarity of row-aligned signatures ``a[i]`` and ``b[i]``."""
    return np.asarray((a == b).mean(axis=1), dtype=np.float64)
