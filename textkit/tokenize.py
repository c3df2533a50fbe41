"""Word segmentation with character spans (the one place jieba is imported).

>>> [t.text for t in tokenize("开展专项整治")]
['开展', '专项', '整治']
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.analyse

__all__ = ["Token", "add_words", "cut", "keywords", "tokenize"]

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


# jieba's HMM takes time quadratic in the length of a run of characters it cannot group into words (a
# 32,000-character run of one character: 6 s, issue 16). Text is therefore segmented in chunks: cut after
# sentence punctuation or a line break, which jieba treats as a boundary anyway (same words), and a run
# longer than _CHUNK with no such break is cut every _CHUNK characters (words at the cut may differ; no
# real sentence is that long).
_CHUNK = 2_000
_BREAK = re.compile(r"[。；！？!?;\n]")


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pieces of at most ``_CHUNK`` characters that tile ``text``."""
    start, n = 0, len(text)
    while n - start > _CHUNK:
        cut_at = -1
        for m in _BREAK.finditer(text, start, start + _CHUNK):
            cut_at = m.end()
        end = cut_at if cut_at > start else start + _CHUNK
        yield start, text[start:end]
        start = end
    if start < n:
        yield start, text[start:]


def tokenize(text: str) -> list[Token]:
    """Segment ``text`` into words, each with its span; the spans tile ``text``.

    >>> [(t.text, t.start) for t in tokenize("加强学习。")]
    [('加强', 0), ('学习', 2), ('。', 4)]
    """
    _ready()
    return [Token(w, off + s, off + e) for off, piece in _chunks(text) for w, s, e in jieba.tokenize(piece)]


def cut(text: str) -> list[str]:
    """The words of ``text`` (no spans): ``cut("开展专项整治") == ["开展", "专项", "整治"]``."""
    _ready()
    return [w for _, piece in _chunks(text) for w in jieba.cut(piece)]


def keywords(text: str, *, top_k: int = 8) -> list[str]:
    """The ``top_k`` most characteristic words of ``text`` by jieba's TF-IDF (IDF from its corpus)."""
    _ready()
    return [str(w) for w in jieba.analyse.extract_tags(text, topK=top_k)]
