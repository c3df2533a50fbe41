"""Word segmentation with character spans (the one place jieba is imported).

>>> [t.text for t in tokenize("开展专项整治")]
['开展', '专项', '整治']
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.analyse

__all__ = ["Token", "add_words", "cut", "cut_for_search", "idf_table", "keywords", "tokenize"]

jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary build to stderr on first use

# Words of plan documents that jieba's default dictionary splits badly.
_DOMAIN_WORDS = (
    "主题教育", "调查研究", "检视整改", "建章立制", "民主生活会", "组织生活会", "专题民主生活会", "理论学习",
    "形式主义", "官僚主义", "责任单位", "牵头单位", "配合单位", "党支部", "机关党委", "机关纪委", "领导小组",
    "以学铸魂", "以学增智", "以学正风", "以学促干", "两个确立", "两个维护", "四个意识", "四个自信",
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word and its half-open span in the text it was cut from."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _ready() -> bool:
    for w in _DOMAIN_WORDS:
        jieba.add_word(w)
    return True


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter extra words (unit names, campaign terms)."""
    _ready()
    for w in words:
        jieba.add_word(w)


def tokenize(text: str) -> list[Token]:
    """Segment ``text`` into words, each with its span; the spans tile ``text``."""
    _ready()
    return [Token(w, s, e) for w, s, e in jieba.tokenize(text)]


def cut(text: str) -> list[str]:
    """The words of ``text`` (no spans): ``cut("开展专项整治") == ["开展", "专项", "整治"]``."""
    _ready()
    return list(jieba.cut(text))


def keywords(text: str, *, top_k: int = 8) -> list[str]:
    """The ``top_k`` most characteristic words of ``text`` by jieba's TF-IDF (IDF from its corpus)."""
    _ready()
    return [str(w) for w in jieba.analyse.extract_tags(text, topK=top_k)]


def cut_for_search(text: str) -> list[str]:
    """``text`` and the shorter words inside its compounds (``数字乡村`` → 数字, 乡村, 数字乡村)."""
    _ready()
    return list(jieba.cut_for_search(text))


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's word IDF table (from its large general corpus) and its median, for words it lacks:
    how specific a word is in Chinese at large (的 0.9, 发展 3.6, 读书班 13.2)."""
    table = jieba.analyse.default_tfidf
    return table.idf_freq, float(table.median_idf)
