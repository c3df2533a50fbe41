"""Normalised views of a text for matching, with an offset map back to the original.

The original ``Document.text`` is never changed; matching runs on a folded copy (full-width → half-width,
whitespace removed, optionally punctuation removed) and every hit is mapped back before a span is made.

>>> view = normalize("（一）深入  调查研究。", drop_punctuation=True)
>>> view.text
'一深入调查研究'
>>> view.to_original(1, 7)
(3, 11)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["NormalizedText", "is_punctuation", "normalize"]


def is_punctuation(ch: str) -> bool:
    """Unicode punctuation or symbol (。，、“”《》（）…—·), the characters plans vary most."""
    return unicodedata.category(ch)[0] in "PS"


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is the folded view; ``offsets[i]`` is the original index of ``text[i]``."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``[a, b)`` covering the view span ``[start, end)``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"view span [{start}, {end}) is outside [0, {len(self.text)}]")
        if start == end:
            a = self.offsets[start] if start < len(self.offsets) else self.original_length
            return a, a
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(
    text: str, *, fold_width: bool = True, drop_whitespace: bool = True, drop_punctuation: bool = False
) -> NormalizedText:
    """Fold ``text`` for matching and keep where each folded character came from."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if drop_whitespace and ch.isspace():
            continue
        if drop_punctuation and is_punctuation(ch):
            continue
        folded = unicodedata.normalize("NFKC", ch) if fold_width and not ch.isascii() else ch
        for f in folded:
            if drop_whitespace and f.isspace():
                continue
            if drop_punctuation and is_punctuation(f):
                continue
            out.append(f)
            offsets.append(i)
    return NormalizedText("".join(out), tuple(offsets), len(text))
