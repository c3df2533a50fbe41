"""Windowed local alignment survives small edits and agrees with plain Smith–Waterman."""

from __future__ import annotations

import numpy as np
import pytest

from textkit.comparison.reuse import ReuseSettings, align, normalise, smith_waterman
from textkit.errors import OptionError

# From the 2023 主题教育 意见 (the directive the seeds implement).
DIRECTIVE = (
    "开展主题教育，总要求是“学思想、强党性、重实践、建新功”，根本任务是坚持学思用贯通、知信行统一，"
    "把习近平新时代中国特色社会主义思想转化为坚定理想、锤炼党性和指导实践、推动工作的强大力量，"
    "使全党始终保持统一的思想、坚定的意志、协调的行动、强大的战斗力。"
)
UNRELATED = "二、工作安排\n局机关各科室要按照年度考核要求，于每季度末报送工作台账，由办公室汇总后报局领导审定。\n"


def _covered(hits: list, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    for h in hits:
        out[h.a_norm[0] : h.a_norm[1]] = True
    return out


def test_align_survives_inserted_words_and_punctuation() -> None:
    edited = (
        "我局开展主题教育，总要求是学思想、强党性、重实践、建新功；根本任务是坚持学思用贯通、知信行统一，"
        "把习近平新时代中国特色社会主义思想转化为本单位坚定理想、锤炼党性和指导实践、推动工作的强大力量。"
    )
    plan = UNRELATED + edited + UNRELATED
    hits = align(plan, DIRECTIVE)
    assert len(hits) == 1
    h = hits[0]
    # Spans on both sides point at the copied text.
    assert plan[h.a_start : h.a_end].startswith("开展主题教育")
    assert plan[h.a_start : h.a_end].endswith("推动工作的强大力量")
    assert DIRECTIVE[h.b_start : h.b_end].startswith("开展主题教育")
    assert "年度考核" not in plan[h.a_start : h.a_end]


def test_align_survives_a_dropped_clause() -> None:
    edited = DIRECTIVE.replace("锤炼党性和指导实践、", "")
    hits = align(UNRELATED + edited, DIRECTIVE)
    copied = sum(h.a_norm[1] - h.a_norm[0] for h in hits)
    assert copied >= len(normalise(edited).text) - 2


def test_align_finds_reordered_sentences_separately() -> None:
    first, second = "坚持问题导向，把检视整改贯穿主题教育始终，对调查研究发现的问题逐项制定整改措施。", "健全学习制度，完善工作机制，把主题教育中形成的好经验好做法用制度固定下来。"
    hits = align(second + UNRELATED + first, first + second)
    assert len(hits) == 2
    assert hits[0].b_start > hits[1].b_start  # the plan's first passage is the directive's second


def test_align_ignores_unrelated_text() -> None:
    assert align(UNRELATED, DIRECTIVE) == []


def test_align_matches_plain_smith_waterman_on_seed(seed000_text: str, directive_path) -> None:
    directive = directive_path.read_text(encoding="utf-8")
    part = seed000_text[400:2600]
    n = len(normalise(part))
    ref = _covered(smith_waterman(part, directive), n)
    win = _covered(align(part, directive), n)
    assert ref.sum() > 500
    assert (ref & win).sum() / ref.sum() >= 0.95
    assert (ref & win).sum() / win.sum() >= 0.95


def test_settings_are_validated() -> None:
    with pytest.raises(OptionError, match="`k` value = 0"):
        ReuseSettings(k=0)
