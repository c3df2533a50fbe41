"""The normalised view: punctuation and whitespace out, full-width folded, offsets back to the text."""

from __future__ import annotations

import pytest

from textkit.comparison.reuse import normalise


def test_normalise_drops_punctuation_and_whitespace() -> None:
    text = "一、凝心铸魂，筑牢根本。\n“两个确立”"
    v = normalise(text)
    assert v.text == "一凝心铸魂筑牢根本两个确立"
    # Every kept character points at itself in the original text.
    assert all(text[int(o)] == ch for o, ch in zip(v.offsets, v.text, strict=True))


def test_normalise_folds_full_width_letters_and_digits() -> None:
    assert normalise("ＡＢＣ１２３ abc").text == "abc123abc"


@pytest.mark.parametrize(("start", "end", "expected"), [(0, 4, "一、凝心铸"), (3, 9, "铸魂，筑牢根本")])
def test_normalise_span_maps_back_to_original(start: int, end: int, expected: str) -> None:
    text = "一、凝心铸魂，筑牢根本。"
    v = normalise(text)
    span = v.span(start, end)
    assert text[span.start : span.end] == expected


def test_normalise_empty_text() -> None:
    v = normalise("")
    assert len(v) == 0
    assert normalise("，。 \n").text == ""
