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

__all__ = ["CharVectors", "char_tfidf", "cosine_matrix"]


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
