"""Normalised views map every character back to the original text."""

from __future__ import annotations

import pytest

from textkit.normalize import normalize


def test_normalize_maps_hits_back_to_original_spans(seed001_text: str) -> None:
    view = normalize(seed001_text, drop_punctuation=True)
    needle = "召开专题民主生活会组织生活会"
    i = view.text.index(needle)
    a, b = view.to_original(i, i + len(needle))
    # the closing bracket is not part of the hit, the inner one is spanned over
    assert seed001_text[a:b] == "召开专题民主生活会（组织生活会"


def test_normalize_folds_full_width_and_circled() -> None:
    view = normalize("１２３ＡＢ　(三)")
    assert view.text == "123AB(三)"
    assert view.to_original(0, 3) == (0, 3)


def test_normalize_rejects_spans_outside_the_view() -> None:
    with pytest.raises(ValueError, match="outside"):
        normalize("一二").to_original(0, 5)
