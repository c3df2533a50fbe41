"""The lazily read jieba dictionary gives jieba's own words: the fast segmenter against the plain one."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.tokenize import Segmenter


@pytest.fixture(scope="module")
def plain() -> Segmenter:
    return Segmenter(fast=False)


@pytest.mark.parametrize("cached", [False, True], ids=["building-the-cache", "reading-the-cache"])
def test_fast_equals_plain_on_the_seeds(plain: Segmenter, seed000_text: str, seed001_text: str,
                                        tmp_path_factory: pytest.TempPathFactory, cached: bool) -> None:
    cache_dir = tmp_path_factory.getbasetemp() / "jieba-cache"
    if cached:
        Segmenter(cache_dir=cache_dir).tokenize("预热")  # builds the cache files
        assert any(Path(cache_dir).glob("*.freq"))
    fast = Segmenter(cache_dir=cache_dir)
    for text in (seed000_text, seed001_text):
        assert fast.tokenize(text) == plain.tokenize(text)
        assert fast.keywords(text, top_k=20) == plain.keywords(text, top_k=20)
    # words added at run time behave the same on both paths
    for seg in (fast, plain):
        seg.add_words(["市工业和信息化局"])
    line = "由市工业和信息化局牵头，开展专项整治"
    assert fast.cut(line) == plain.cut(line) and "市工业和信息化局" in fast.cut(line)


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, plain: Segmenter) -> None:
    Segmenter(cache_dir=tmp_path).tokenize("预热")
    for f in tmp_path.glob("*.freq"):
        f.write_bytes(b"not a cache")
    assert Segmenter(cache_dir=tmp_path).cut("深入开展调查研究") == plain.cut("深入开展调查研究")
