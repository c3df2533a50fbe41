"""Splitting a unit list: separators and 和/及/与 count only outside brackets, and one scan serves a list
joined by several conjunctions."""

from __future__ import annotations

import pytest

from textkit.extraction.units import split_unit_list


@pytest.mark.parametrize(("text", "names"), [
    ("学科组和备课组与教研组", ["学科组", "备课组", "教研组"]),
    ("工业和信息化部、省教育厅（牵头）和各市政府等部门", ["工业和信息化部", "省教育厅（牵头）", "各市政府"]),
    ("机关党委（机关纪委和工会）及办公室", ["机关党委（机关纪委和工会）", "办公室"]),
    ("机关党委（机关纪委、工会），办公室", ["机关党委（机关纪委、工会）", "办公室"]),
    (" 由市财政局 、以及市审计局", ["市财政局", "市审计局"]),
])
def test_split_unit_list(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in split_unit_list(text, 0, len(text))] == names


def test_split_unit_list_inside_a_longer_text() -> None:
    text = "（省科技厅和省教育厅牵头）"
    spans = split_unit_list(text, 1, text.index("牵头"))
    assert [text[a:b] for a, b in spans] == ["省科技厅", "省教育厅"]
