"""Character n-gram TF-IDF vectors and cosine similarity (the one place scikit-learn is imported).

>>> v = char_tfidf(["开展调查研究", "深入调查研究", "召开民主生活会"])
>>> sims = cosine_matrix(v.matrix, v.matrix)
>>> bool(sims[0, 1] > sims[0, 2])
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

__all__ = [
    "CharVectors",
    "IdfModel",
    "agglomerative",
    "char_tfidf",
    "cosine_matrix",
    "fit_idf",
    "hashed_char_counts",
    "range_sums",
    "sum_rows",
    "tfidf_weight",
]


@dataclass(frozen=True, slots=True)
class CharVectors:
    """Fitted vectors: ``matrix`` (rows = the fitted texts, L2-normalised) and the fitted vectorizer."""

    matrix: Any  # scipy.sparse.csr_matrix
    vectorizer: Any

    def transform(self, texts: Sequence[str]) -> Any:
        return self.vectorizer.transform(list(texts))


def char_tfidf(
    texts: Sequence[str], *, ngram_range: tuple[int, int] = (2, 3), min_df: int = 1, sublinear_tf: bool = True
) -> CharVectors:
    """Fit character n-gram TF-IDF on ``texts`` (Chinese needs no word segmentation for this)."""
    vec = TfidfVectorizer(analyzer="char", ngram_range=ngram_range, min_df=min_df, sublinear_tf=sublinear_tf)
    matrix = vec.fit_transform(list(texts))
    return CharVectors(matrix=matrix, vectorizer=vec)


def cosine_matrix(a: Any, b: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Dense cosine similarities between the rows of ``a`` and of ``b``."""
    return np.asarray(cosine_similarity(a, b), dtype=np.float64)


def tfidf_weight(counts: Any, *, sublinear_tf: bool = True) -> Any:
    """TF-IDF weight a document × feature count matrix (rows L2-normalised), as `char_tfidf` does.

    For callers that count n-grams themselves (``textkit.comparison.similarity`` counts them with
    numpy, which is much faster than a Python analyzer over thousands of plans).
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    return TfidfTransformer(sublinear_tf=sublinear_tf).fit_transform(counts)


def agglomerative(distance: np.ndarray[Any, np.dtype[np.float64]], *, threshold: float, linkage: str = "average") -> list[int]:
    """Cluster labels from a square distance matrix, merging while the linkage distance < ``threshold``.

    >>> agglomerative(np.array([[0.0, 0.1, 0.9], [0.1, 0.0, 0.8], [0.9, 0.8, 0.0]]), threshold=0.5)
    [0, 0, 1]
    """
    n = distance.shape[0]
    if n < 2:
        return [0] * n
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage=linkage, distance_threshold=threshold
    )
    raw = [int(x) for x in model.fit_predict(distance)]
    # Number clusters in order of first appearance so labels are stable across runs.
    order: dict[int, int] = {}
    return [order.setdefault(label, len(order)) for label in raw]


# ---- hashed counts: TF-IDF of nested units (sentences → paragraphs → sections) without re-reading text ----


def hashed_char_counts(texts: Sequence[str], *, ngram_range: tuple[int, int] = (2, 3), n_features: int = 2**18) -> Any:
    """Character n-gram counts of ``texts`` (rows), hashed: no vocabulary to build or sort.

    Counts add up, so the counts of a section are the sum of its sentences' (`range_sums`): each
    character is analysed once however many units contain it (``textkit check`` scores every section,
    paragraph and sentence of a draft).
    """
    from sklearn.feature_extraction.text import HashingVectorizer

    vec = HashingVectorizer(analyzer="char", ngram_range=ngram_range, n_features=n_features, alternate_sign=False,
                            norm=None)
    return vec.transform(list(texts)).tocsr()


def range_sums(counts: Any, ranges: Sequence[tuple[int, int]]) -> Any:
    """A matrix whose row i is the sum of the rows ``ranges[i] = (first, end)`` of ``counts``."""
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped, unused-ignore]

    indptr = [0]
    indices: list[int] = []
    for a, b in ranges:
        indices.extend(range(a, b))
        indptr.append(len(indices))
    agg = csr_matrix((np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                     shape=(len(ranges), counts.shape[0]))
    return (agg @ counts).tocsr()


def sum_rows(counts: Any, rows: Sequence[int]) -> Any:
    """One row: the sum of the given rows of ``counts`` (kept sparse)."""
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped, unused-ignore]

    pick = csr_matrix((np.ones(len(rows)), (np.zeros(len(rows), dtype=np.int64), np.asarray(rows, dtype=np.int64))),
                      shape=(1, counts.shape[0]))
    return (pick @ counts).tocsr()


@dataclass(frozen=True, slots=True)
class IdfModel:
    """IDF fitted on count rows; ``weigh`` turns any count rows into L2-normalised TF-IDF rows."""

    transformer: Any

    def weigh(self, counts: Any) -> Any:
        return self.transformer.transform(counts)


def fit_idf(*counts: Any, sublinear_tf: bool = True) -> IdfModel:
    """Fit IDF on the rows of one or more count matrices (e.g. a draft's sentences and the checklist items)."""
    from scipy.sparse import vstack  # type: ignore[import-untyped, unused-ignore]
    from sklearn.feature_extraction.text import TfidfTransformer

    return IdfModel(TfidfTransformer(sublinear_tf=sublinear_tf).fit(vstack(list(counts)) if len(counts) > 1 else counts[0]))
