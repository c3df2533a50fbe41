"""Similarity without scikit-learn gives scikit-learn's numbers; clusters come from a fitted threshold."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfTransformer

from textkit.comparison.similarity import cluster, fit_threshold, ngram_counts, similarity, tfidf_rows
from textkit.reading import read, read_text


def test_tfidf_rows_equal_sklearn(seed000_text: str, seed001_text: str) -> None:
    counts = ngram_counts([seed000_text, seed001_text, seed000_text[:3000]])
    ours = tfidf_rows(counts).toarray()
    theirs = TfidfTransformer(sublinear_tf=True).fit_transform(counts).toarray()
    assert np.allclose(ours, theirs, atol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_average_link_clusters_equal_sklearn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.random((12, 3))
    sim = 1.0 - np.sqrt(((x[:, None] - x[None]) ** 2).sum(-1)) / np.sqrt(3)
    for threshold in (0.6, 0.75, 0.9):
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                        distance_threshold=1.0 - threshold + 1e-9)
        raw = model.fit_predict(np.clip(1.0 - sim, 0.0, 1.0))
        order: dict[int, int] = {}
        assert cluster(sim, threshold=threshold) == tuple(order.setdefault(int(v), len(order)) for v in raw)


def test_two_plans_show_no_clusters(seed000_path: Path, seed001_path: Path) -> None:
    sim = similarity([read(seed000_path), read(seed001_path)])
    assert sim.threshold is None and sim.fitted and sim.clusters == (0, 1) and sim.groups == []


def test_a_near_copy_stands_out_among_different_plans(seed000_text: str, seed001_text: str) -> None:
    # six plans: the two seeds, a copy of seed 000 with another office's name, and halves of each
    docs = [
        read_text(seed000_text, source="甲"),
        read_text(seed000_text.replace("机关党委", "党建办公室"), source="甲改"),
        read_text(seed001_text, source="乙"),
        read_text(seed001_text[: len(seed001_text) // 2], source="乙上"),
        read_text(seed001_text[len(seed001_text) // 2:], source="乙下"),
        read_text(seed000_text[len(seed000_text) // 2:], source="甲下"),
    ]
    sim = similarity(docs)
    assert sim.fitted and sim.threshold is not None
    assert any({0, 1} <= set(g) for g in sim.groups)  # the near copy (and 甲's own second half)
    assert sim.clusters[0] != sim.clusters[2]  # 甲 and 乙 are different plans
    assert sim.matrix[0, 1] > sim.threshold > float(np.median(sim.matrix[np.triu_indices(6, k=1)]))
    assert fit_threshold(sim.matrix[:3, :3]) is None  # three plans: too few pairs to fit on


def test_small_path_equals_the_sparse_product(seed000_text: str, seed001_text: str) -> None:
    texts = [seed000_text, seed001_text, seed000_text[:4000], seed001_text[2000:9000], "开展专题民主生活会", ""]
    docs = [read_text(t, source=str(k)) for k, t in enumerate(texts)]
    small = similarity(docs, threshold=0.3, small=True)
    sparse = similarity(docs, threshold=0.3, small=False)
    assert np.allclose(small.matrix, sparse.matrix, atol=1e-5)  # the sparse product runs in float32
    assert small.clusters == sparse.clusters
