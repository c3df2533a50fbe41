"""`compare_batch` on a 2-worker LocalCluster: MinHash LSH finds the near-duplicates, the aligned passages
point at the same text on both sides, top-k neighbours are ranked, and the coverage matrix equals `check`
run plan by plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from textkit.batch import compare_batch, read_table
from textkit.batch.minhash import MinHasher, MinHashSettings, band_keys, candidate_pairs, similarity
from textkit.comparison.checklist import load_checklist
from textkit.comparison.coverage import check
from textkit.comparison.reuse import normalise
from textkit.pipeline import parse

CHECKLIST = Path(__file__).resolve().parents[2] / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml"


def test_minhash_estimate_follows_jaccard_of_shingle_sets(seed001_text: str) -> None:
    mh = MinHasher(MinHashSettings(num_perm=256, bands=64))
    lines = seed001_text.split("\n")
    a, b = "\n".join(lines[:40]), "\n".join(lines[10:53])
    sa, sb = (set(mh.shingles(normalise(t).codes).tolist()) for t in (a, b))
    true = len(sa & sb) / len(sa | sb)
    sig = np.stack([mh.signature(normalise(t).codes) for t in (a, b)])
    est = float(similarity(sig[:1], sig[1:])[0])
    assert 0.3 < true < 0.8 and abs(est - true) < 0.1


def test_lsh_bucket_larger_than_cap_is_chained_not_squared() -> None:
    sigs = np.zeros((200, 8), dtype=np.uint32)  # 200 identical plans: one bucket in every band
    keys = band_keys(sigs, 2)
    pairs = candidate_pairs(keys, valid=np.ones(200, dtype=np.bool_), max_bucket=5)
    n = 200
    assert len(pairs) == sum(min(5, n - 1 - i) for i in range(n))  # each with its next 5, not 19,900 pairs
    lo, hi = pairs // n, pairs % n
    assert (lo < hi).all() and ((hi - lo) <= 5).all()


def test_compare_batch_near_duplicates_reuse_and_coverage(cluster: Any, mixed_batch: Path, tmp_path: Path) -> None:
    c = compare_batch([mixed_batch], tmp_path, scheduler=cluster.scheduler_address, quiet=True, top_k=3,
                      checklist=CHECKLIST)
    assert c.plans == 16 and c.errors == 2 and c.candidates > 0
    nb = read_table(tmp_path, "neighbours").to_pylist()
    by_file: dict[str, list[dict[str, Any]]] = {}
    for r in nb:
        by_file.setdefault(Path(r["file"]).name, []).append(r)
    # The .docx and .pdf hold the seeds' text: their nearest neighbour is the seed itself.
    assert Path(by_file["seed001.docx"][0]["neighbour"]).name in {"seed001.txt", "cut001-095.txt"}
    assert by_file["seed001.docx"][0]["similarity"] > 0.9
    for rows in by_file.values():
        assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1)) and len(rows) <= 3
        assert [r["similarity"] for r in rows] == sorted((r["similarity"] for r in rows), reverse=True)
    reuse = read_table(tmp_path, "reuse").to_pylist()
    assert reuse
    texts: dict[str, str] = {}
    for r in reuse[:50]:
        for f in (r["file"], r["other"]):
            texts.setdefault(f, parse(f).text)
        a = normalise(texts[r["file"]][r["start"] : r["end"]]).text
        b = normalise(texts[r["other"]][r["other_start"] : r["other_end"]]).text
        if r["score"] == 1.0:
            assert a == b
        assert len(a) >= 15 and (a[:8] in b or b[:8] in a)
    cov = read_table(tmp_path, "coverage").to_pylist()
    cl = load_checklist(CHECKLIST)
    some = sorted({r["file"] for r in cov})[:3]
    for f in some:
        want = {(r.item.id, r.status) for r in check(parse(f), cl).items}
        assert {(r["item"], r["status"]) for r in cov if r["file"] == f} == want
    assert len(cov) == 16 * len({r["item"] for r in cov})
