"""The on-disk memo of `textkit.patterns.prefixes`: what it gives back equals what the parse tree gives."""

from __future__ import annotations

import re
from pathlib import Path

from textkit.patterns import PrefixMemo, Scanner, _prefixes
from textkit.ruleset import default_rules

PATTERNS = [r"[0-9]+月|每[年月]", r"(?<=责任)单位[:：]", r"第[一二三四五六七八九十]+[章节条]", r"a*", r"(?i)ab", r"[^，]+局"]


def test_a_memo_read_back_from_its_file_answers_as_the_parser(tmp_path: Path) -> None:
    path = tmp_path / "prefixes.marshal"
    first = PrefixMemo(path)
    answers = {(p, k): first.get_prefixes(p, k) for p in PATTERNS for k in (1, 3)}
    first.save()
    again = PrefixMemo(path)
    assert not again.dirty and len(again.known) == len(answers)
    for (p, k), answer in answers.items():
        assert again.get_prefixes(p, k) == answer == _prefixes(p, k)


def test_a_broken_memo_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "prefixes.marshal"
    path.write_bytes(b"\x00not marshal")
    memo = PrefixMemo(path)
    assert memo.get_prefixes(PATTERNS[0], 2) == _prefixes(PATTERNS[0], 2)


def test_scanners_of_the_shipped_rules_find_what_their_patterns_find() -> None:
    # the shipped rule set builds its scanners through the memo; each finds the plain pattern's matches
    default_rules()
    text = "2023年9月底前完成。每月开展一次。第三章 责任单位：市教育局"
    for pattern in PATTERNS[:3]:
        scanner = Scanner.build(pattern)
        assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
