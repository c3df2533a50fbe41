"""Pairwise similarity of plans (character n-gram TF-IDF cosine) and a clustering of them.

Plans are compared on the normalised view of `textkit.comparison.reuse` (punctuation and whitespace
left out, full-width folded), as bags of character bigrams and trigrams weighted by TF-IDF
(`textkit.comparison.vectors`). Counting is done with numpy rather than a Python analyzer so a
thousand plans take a second or two; the cosine product puts frequent n-grams in a dense block (one
BLAS call) and the rest in a sparse one, which gives the exact cosine at a fraction of the time of a
sparse product alone.

>>> from textkit.reading import read_text
>>> docs = [read_text(t, source=s) for s, t in [("甲", "深入开展调查研究，推动解决实际问题。"),
...         ("乙", "深入开展调查研究，切实解决实际问题。"), ("丙", "严格控制简报数量和会议活动。")]]
>>> sim = similarity(docs, threshold=0.3)
>>> bool(sim.matrix[0, 1] > sim.matrix[0, 2]), sim.clusters
(True, (0, 0, 1))

Without a ``threshold`` one is fitted to the data (`fit_threshold`): plans cluster only when their
similarity stands out from that of the other pairs, and with too few plans to tell, none do.
TF-IDF weighting and average-link clustering are done here with numpy and scipy (the same formulas as
scikit-learn's ``TfidfTransformer(sublinear_tf=True)`` and ``AgglomerativeClustering``), so `compare`
does not import scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from textkit.comparison.reuse import normalise
from textkit.errors import OptionError
from textkit.model import Document

__all__ = ["Similarity", "cluster", "fit_threshold", "ngram_counts", "similarity", "tfidf_rows"]

FloatMatrix = np.ndarray[Any, np.dtype[np.float64]]
_DENSE_DF = 0.05  # n-grams in more than this share of the plans go to the dense block
_DENSE_BYTES = 64 << 20  # size of one dense slice of the matrix
# Up to this many plans the cosines are computed pair by pair on the sorted n-gram keys, with numpy
# alone: scipy.sparse costs more to import (~0.3 s) than a few plans take (see `similarity`'s ``small``).
SMALL = 16
IntArray = np.ndarray[Any, np.dtype[np.int64]]


@dataclass(frozen=True, slots=True, eq=False)
class Similarity:
    """``matrix[i, j]``: cosine of plans i and j (1.0 on the diagonal); ``clusters[i]``: plan i's group.

    ``threshold``: the similarity at which plans were clustered, or ``None`` when it was to be fitted and
    the data gave none (too few plans, or no pair standing out): then every plan is its own group.
    ``fitted``: the threshold came from the data, not from the caller.
    """

    sources: tuple[str, ...]
    matrix: FloatMatrix
    clusters: tuple[int, ...]
    threshold: float | None
    fitted: bool = False

    @property
    def groups(self) -> list[list[int]]:
        """The clusters of two or more plans (plan indices), largest first."""
        by: dict[int, list[int]] = {}
        for i, c in enumerate(self.clusters):
            by.setdefault(c, []).append(i)
        return sorted((g for g in by.values() if len(g) > 1), key=lambda g: (-len(g), g[0]))

    def pairs(self, *, min_score: float = 0.0) -> list[tuple[str, str, float]]:
        """Every pair of different plans with its similarity, most similar first."""
        iu = np.triu_indices(len(self.sources), k=1)
        vals = self.matrix[iu]
        order = np.argsort(-vals, kind="stable")
        return [
            (self.sources[int(iu[0][k])], self.sources[int(iu[1][k])], float(vals[k]))
            for k in order
            if vals[k] >= min_score
        ]

    def nearest(self, source: str, *, n: int = 3) -> list[tuple[str, float]]:
        """The ``n`` plans most similar to ``source``."""
        i = self.sources.index(source)
        row = self.matrix[i].copy()
        row[i] = -1.0
        order = np.argsort(-row, kind="stable")[:n]
        return [(self.sources[int(k)], float(row[k])) for k in order]


def _ngram_keys(texts: Sequence[str], ngrams: tuple[int, ...] = (2, 3)) -> tuple[list[IntArray], list[IntArray]]:
    """Per text: its sorted distinct n-gram keys and their counts (over the normalised text)."""
    if any(n < 1 or n > 3 for n in ngrams):
        raise OptionError("ngrams", ngrams, "sizes between 1 and 3")
    keys_per_doc: list[IntArray] = []
    counts_per_doc: list[IntArray] = []
    for text in texts:
        c = normalise(text).codes
        parts = []
        for n in ngrams:
            if len(c) < n:
                continue
            # Pack the code points (21 bits each) into one int64. Code point 0 never survives
            # normalising, so bigram keys (< 2**42) and trigram keys (>= 2**42) cannot collide.
            k = np.zeros(len(c) - n + 1, dtype=np.int64)
            for j in range(n):
                k = (k << 21) | c[j : len(c) - n + 1 + j]
            parts.append(k)
        if parts:
            u, cnt = np.unique(np.concatenate(parts), return_counts=True)
        else:
            u, cnt = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        keys_per_doc.append(u)
        counts_per_doc.append(cnt)
    return keys_per_doc, counts_per_doc


def ngram_counts(texts: Sequence[str], *, ngrams: tuple[int, ...] = (2, 3)) -> Any:
    """A plans × n-gram count matrix (scipy CSR) over the normalised texts."""
    import scipy.sparse as sp

    keys_per_doc, counts_per_doc = _ngram_keys(texts, ngrams)
    lengths = np.array([len(u) for u in keys_per_doc], dtype=np.int64)
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum(lengths)
    if indptr[-1] == 0:
        return sp.csr_matrix((len(texts), 1), dtype=np.float64)
    keys = np.concatenate(keys_per_doc)
    # Column ids: the keys are sorted runs (one per plan), which a stable sort (timsort) merges much
    # faster than np.unique's quicksort.
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    new = np.empty(len(keys), dtype=np.bool_)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    cols = np.empty(len(keys), dtype=np.int64)
    cols[order] = np.cumsum(new) - 1
    data = np.concatenate(counts_per_doc).astype(np.float64)
    return sp.csr_matrix((data, cols, indptr), shape=(len(texts), int(new.sum())))


def _cosine_small(keys: Sequence[IntArray], counts: Sequence[IntArray]) -> FloatMatrix:
    """The cosine of every pair of TF-IDF rows (as `tfidf_rows` weighs them), pair by pair on the
    sorted keys: numpy only, for a few plans."""
    n = len(keys)
    every = np.concatenate(keys) if n else np.zeros(0, dtype=np.int64)
    uniq, df = np.unique(every, return_counts=True)
    weights = []
    for k, c in zip(keys, counts, strict=True):
        idf = np.log((1.0 + n) / (1.0 + df[np.searchsorted(uniq, k)])) + 1.0
        w = (1.0 + np.log(c.astype(np.float64))) * idf
        norm = float(np.sqrt(np.dot(w, w)))
        weights.append(w / norm if norm else w)
    out = np.eye(n, dtype=np.float64)
    for i in range(n):
        for j in range(i + 1, n):
            _common, a, b = np.intersect1d(keys[i], keys[j], assume_unique=True, return_indices=True)
            out[i, j] = out[j, i] = float(np.dot(weights[i][a], weights[j][b]))
    return out


def _cosine_self(x: Any) -> FloatMatrix:
    """``x @ x.T`` for L2-normalised rows: frequent columns dense (BLAS), the rest sparse."""
    import scipy.sparse as sp

    n = x.shape[0]
    csc = sp.csc_matrix(x, dtype=np.float32)
    df = np.diff(csc.indptr)
    dense_cols = np.flatnonzero(df > max(2, _DENSE_DF * n))
    sparse_cols = np.flatnonzero(df <= max(2, _DENSE_DF * n))
    out = np.zeros((n, n), dtype=np.float64)
    # Dense columns in slices so the dense copy stays near _DENSE_BYTES whatever the corpus size.
    step = max(1, _DENSE_BYTES // (4 * max(1, n)))
    for lo in range(0, len(dense_cols), step):
        block = csc[:, dense_cols[lo : lo + step]].toarray()
        out += (block @ block.T).astype(np.float64)
    if len(sparse_cols):
        rest = csc[:, sparse_cols].tocsr()
        out += (rest @ rest.T).toarray().astype(np.float64)
    return out


def cluster(matrix: FloatMatrix, *, threshold: float = 0.5) -> tuple[int, ...]:
    """Group plans whose average similarity is at least ``threshold`` (agglomerative, average link).

    >>> cluster(np.array([[1.0, 0.8, 0.1], [0.8, 1.0, 0.2], [0.1, 0.2, 1.0]]))
    (0, 0, 1)
    """
    if not 0.0 <= threshold <= 1.0:
        raise OptionError("threshold", threshold, "a number between 0 and 1")
    n = int(matrix.shape[0])
    if n < 2:
        return (0,) * n
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - matrix, 0.0, 1.0)
    distance = (distance + distance.T) / 2.0
    np.fill_diagonal(distance, 0.0)
    # merge while the average distance is at most 1 - threshold (the small margin absorbs rounding)
    raw = fcluster(linkage(squareform(distance, checks=False), method="average"),
                   t=1.0 - threshold + 1e-9, criterion="distance")
    order: dict[int, int] = {}  # numbered in order of first appearance: stable labels
    return tuple(order.setdefault(int(label), len(order)) for label in raw)


def fit_threshold(matrix: FloatMatrix, *, z: float | None = None, min_plans: int | None = None) -> float | None:
    """The similarity at which plans of this set count as alike: the median similarity of all pairs
    plus ``z`` robust deviations (MAD × 1.4826), or ``None`` with fewer than ``min_plans`` plans
    (defaults from ``textkit/data/compare.toml``: z 3, 4 plans). Pairs above it stand out from the set.
    The deviation is at least ``cluster.min_spread`` (when most pairs are equally alike, a pair a hair
    above them does not stand out).

    >>> m = np.eye(5)
    >>> m[np.triu_indices(5, k=1)] = [0.70, 0.10, 0.12, 0.15, 0.11, 0.13, 0.14, 0.09, 0.16, 0.12]
    >>> m = np.maximum(m, m.T)
    >>> round(fit_threshold(m), 3)
    0.214
    >>> cluster(m, threshold=fit_threshold(m))
    (0, 0, 1, 2, 3)
    """
    zz, least, spread = _cluster_params()
    z = zz if z is None else z
    least = least if min_plans is None else min_plans
    n = matrix.shape[0]
    if n < max(2, least):
        return None
    vals = matrix[np.triu_indices(n, k=1)]
    median = float(np.median(vals))
    mad = max(spread, 1.4826 * float(np.median(np.abs(vals - median))))
    return float(min(1.0, median + z * mad))


def _cluster_params() -> tuple[float, int, float]:
    from textkit.rules import Field, load_entries

    params = {e["id"]: float(e["value"]) for e in load_entries(
        "compare.toml", "param", {"id": Field(required=True), "value": Field((int, float), required=True),
                                  "note": Field()}, known=("stock", "label", "unit-scope"))}
    return params["cluster.z"], int(params["cluster.min_plans"]), params["cluster.min_spread"]


def tfidf_rows(counts: Any) -> Any:
    """Sublinear TF-IDF with smoothed IDF, rows L2-normalised (scikit-learn's ``TfidfTransformer(
    sublinear_tf=True)``): tf → 1 + ln tf, idf = ln((1 + n) / (1 + df)) + 1."""
    import scipy.sparse as sp

    x = sp.csr_matrix(counts, dtype=np.float64, copy=True)
    n = x.shape[0]
    x.data = 1.0 + np.log(x.data)
    df = np.bincount(x.indices, minlength=x.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    x = x @ sp.diags(idf)
    x = sp.csr_matrix(x)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def similarity(documents: Sequence[Document], *, threshold: float | None = None,
               small: bool | None = None) -> Similarity:
    """Cosine similarity of every pair of plans and their clusters (``threshold``: see `cluster`;
    ``None``: fitted to the data by `fit_threshold`, no clusters when it cannot be or nothing stands out).
    ``small``: compute pair by pair with numpy (default: up to `SMALL` plans); the sparse product
    otherwise. Both give the same cosines (tested against each other).

    >>> from textkit.reading import read_text
    >>> s = similarity([read_text("开展专题民主生活会"), read_text("开展专题组织生活会")])
    >>> round(float(s.matrix[0, 1]), 2), s.threshold, s.clusters
    (0.37, None, (0, 1))
    """
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise OptionError("threshold", threshold, "a number between 0 and 1")
    n = len(documents)
    if n == 0:
        return Similarity((), np.zeros((0, 0), dtype=np.float64), (), threshold, threshold is None)
    if small if small is not None else n <= SMALL:
        raw = _cosine_small(*_ngram_keys([d.text for d in documents]))
    else:
        raw = _cosine_self(tfidf_rows(ngram_counts([d.text for d in documents])))
    matrix = np.clip(raw, 0.0, 1.0)
    np.fill_diagonal(matrix, 1.0)
    used = fit_threshold(matrix) if threshold is None else threshold
    if used is not None and threshold is None:
        used = min(1.0, used + 1e-9)  # fitted: a pair must stand above it, not on it
    return Similarity(
        sources=tuple(d.source for d in documents),
        matrix=matrix,
        clusters=cluster(matrix, threshold=used) if used is not None else tuple(range(n)),
        threshold=used,
        fitted=threshold is None,
    )
