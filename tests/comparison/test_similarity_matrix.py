"""Pairwise TF-IDF cosine of plans and their clustering."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from textkit.comparison.similarity import cluster, ngram_counts, similarity
from textkit.comparison.vectors import char_tfidf, cosine_matrix
from textkit.errors import OptionError
from textkit.reading import read, read_text


def test_similarity_of_seeds_and_an_unrelated_plan(seed000_path: Path, seed001_path: Path, shared_corpus: Path) -> None:
    docs = [read(seed000_path), read(seed001_path), read(shared_corpus / "raw" / "037.txt")]  # 037: a fire drill
    sim = similarity(docs, threshold=0.2)
    m = sim.matrix
    assert m.shape == (3, 3)
    assert np.allclose(m, m.T)
    assert np.allclose(np.diag(m), 1.0)
    # The two 主题教育 plans are closer to each other than either is to the fire drill.
    assert m[0, 1] > 2 * max(m[0, 2], m[1, 2])
    assert sim.clusters[0] == sim.clusters[1] != sim.clusters[2]
    assert sim.nearest(docs[0].source, n=1)[0][0] == docs[1].source
    assert next(p[:2] for p in sim.pairs()) == (docs[0].source, docs[1].source)


def test_identical_texts_have_similarity_one() -> None:
    text = "深入开展调查研究，推动解决发展难题。"
    sim = similarity([read_text(text, source="a"), read_text(text + "\n", source="b")])
    assert sim.matrix[0, 1] == pytest.approx(1.0)


def test_numpy_counts_give_the_same_cosine_as_the_vectorizer() -> None:
    texts = ["开展专题民主生活会", "开展专题组织生活会", "严格控制简报数量"]
    ours = similarity([read_text(t) for t in texts]).matrix
    vec = char_tfidf(texts)
    theirs = cosine_matrix(vec.matrix, vec.matrix)
    assert np.allclose(ours, theirs, atol=1e-6)


def test_ngram_counts_shape() -> None:
    counts = ngram_counts(["甲乙丙", "甲乙"])
    # 甲乙 乙丙 甲乙丙: three distinct n-grams, the first text has all three.
    assert counts.shape == (2, 3)
    assert counts.toarray().sum(axis=1).tolist() == [3, 1]


def test_cluster_threshold_is_validated() -> None:
    with pytest.raises(OptionError, match="threshold"):
        cluster(np.eye(2), threshold=1.5)
    assert cluster(np.eye(1)) == (0,)
