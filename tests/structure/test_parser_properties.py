"""Properties of the structure parser on arbitrary and damaged text: it never raises, and nothing is lost."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textkit
from textkit.model import Document, Section
from textkit.structure import parse_structure

# Characters that drive the parser's decisions, mixed with ordinary text.
_PIECES = ["一、", "二、", "四、", "（一）", "(二)", "（三", "1.", "1、", "2．", "1.5倍", "（1）", "①", "②", "㈠",
           "第一章", "第一条", "第二条 ", "一是", "二是", "第一，", "附件", "附件1", "附件：", "责任单位：", "（牵头单位：",
           "）", "（", "。", "：", "；", "\n", "\n\n", "\r\n", "\t", "　", " ", "2023年9月28日", "某局", "关于印发", "的通知",
           "实施方案", "推进工作", "各科室：", "抄送：", "印发"]
_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=60).map("".join)


def _assert_lossless(root: Section, text: str) -> None:
    assert root.start == 0 and root.end == len(text)
    assert "".join(text[leaf.start : leaf.end] for leaf in root.leaves()) == text
    stack = [root]
    while stack:
        node = stack.pop()
        if node.children:
            assert node.children[0].start == node.start and node.children[-1].end == node.end
            for a, b in zip(node.children, node.children[1:], strict=False):
                assert a.end == b.start
            stack.extend(node.children)
        if node.title_start is not None and node.title_end is not None:
            assert text[node.title_start : node.title_end] == node.title


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text)
def test_parser_properties_arbitrary_text_is_lossless(text: str) -> None:
    root, warnings = parse_structure(Document(text))
    _assert_lossless(root, text)
    for w in warnings:
        assert 0 <= w.start <= w.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text)
def test_parser_properties_full_pipeline_never_raises(text: str) -> None:
    plan = textkit.parse_text(text)
    _assert_lossless(plan.root, text)
    for item in (*plan.units, *plan.dates, *plan.quantities):
        assert text[item.start : item.end] == item.text


def _damaged(text: str, rng: random.Random, how: str) -> str:
    lines = text.split("\n")
    if how == "shuffle":
        rng.shuffle(lines)
    elif how == "delete-markers":
        lines = [ln.lstrip("一二三四五六七八九十、（）().．123456789") if rng.random() < 0.5 else ln for ln in lines]
    elif how == "duplicate":
        lines = [x for ln in lines for x in ([ln, ln] if rng.random() < 0.3 else [ln])]
    return "\n".join(lines)


@pytest.mark.parametrize("how", ["shuffle", "delete-markers", "duplicate"])
@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("path", ["seed000_path", "seed001_path"])
def test_parser_properties_damaged_seeds(path: str, seed: int, how: str, request: pytest.FixtureRequest) -> None:
    text = _damaged(Path(request.getfixturevalue(path)).read_text(encoding="utf-8"), random.Random(seed), how)
    plan = textkit.parse_text(text)
    _assert_lossless(plan.root, text)


@pytest.mark.parametrize("line", ["（（（（", "一、一、", "1.1.1.1.", "（一）（一）", "责任单位：（（（：", "一是二是三是"])
def test_parser_properties_pathological_repetition(line: str) -> None:
    # 20,000 repeated lines: must finish (no backtracking blow-up, no unbounded nesting) and stay lossless;
    # how the time grows with size is measured in benchmarks/bench_pathological.py, not here
    text = (line + "\n") * 20_000
    root, _ = parse_structure(Document(text))
    _assert_lossless(root, text)
    depth, node = 0, root
    while node.children:
        node, depth = node.children[-1], depth + 1
    assert depth < 50
