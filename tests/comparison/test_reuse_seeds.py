"""Reuse on the two seeds against the 2023 主题教育 意见: passages with spans on both sides, copy ratios."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.comparison.reuse import Reuse, find_reuse, normalise
from textkit.model import Document
from textkit.reading import read


@pytest.fixture(scope="module")
def reuse(seed000_path: Path, seed001_path: Path, directive_path: Path) -> tuple[Reuse, list[Document], Document]:
    docs = [read(seed000_path), read(seed001_path)]
    directive = read(directive_path)
    return find_reuse(docs, directive=directive), docs, directive


def test_five_goals_passage_found_with_spans_on_both_sides(reuse: tuple[Reuse, list[Document], Document]) -> None:
    r, docs, directive = reuse
    phrase = "凝心铸魂筑牢根本"
    at_plan = docs[0].text.index(phrase)
    at_directive = directive.text.index(phrase)
    hits = [p for p in r.plans[0].passages if p.a_start <= at_plan < p.a_end]
    assert len(hits) == 1
    p = hits[0]
    assert p.b == directive.source
    assert p.b_start <= at_directive < p.b_end
    # The passage runs on through the five 目标任务 (一是 … 五是 廉洁奉公树立新风).
    assert "廉洁奉公树立新风" in docs[0].text[p.a_start : p.a_end]
    assert "廉洁奉公树立新风" in directive.text[p.b_start : p.b_end]


def test_every_passage_text_agrees_on_both_sides(reuse: tuple[Reuse, list[Document], Document]) -> None:
    r, docs, directive = reuse
    for plan_reuse, doc in zip(r.plans, docs, strict=True):
        assert plan_reuse.passages
        for p in plan_reuse.passages:
            a = normalise(doc.text[p.a_start : p.a_end]).text
            b = normalise(directive.text[p.b_start : p.b_end]).text
            assert a[:2] == b[:2] and a[-2:] == b[-2:]  # local alignments start and end on matches
            assert 0.3 < p.score <= 1.0


def test_copy_ratios(reuse: tuple[Reuse, list[Document], Document]) -> None:
    r, _docs, _directive = reuse
    r000, r001 = r.plans
    # Seed 000 takes its 目标要求 and much of its 主要措施 from the 意见; seed 001 writes its own measures.
    assert 0.35 < r000.copy_ratio < 0.65
    assert 0.03 < r001.copy_ratio < 0.2
    assert r000.copied == sum(p.length for p in r000.passages)
    assert r000.copy_ratio == pytest.approx(r000.copied / r000.chars, abs=1e-4)


def test_distinctive_passages_are_not_in_the_directive(reuse: tuple[Reuse, list[Document], Document]) -> None:
    r, docs, _directive = reuse
    own = [docs[1].text[s.start : s.end] for s in r.plans[1].distinctive]
    assert any("机关党委" in t or "走访慰问" in t for t in own)
    for s in r.plans[1].distinctive:
        for p in r.plans[1].passages:
            assert not (s.start < p.a_end and p.a_start < s.end)


def test_passages_between_seeds(reuse: tuple[Reuse, list[Document], Document]) -> None:
    r, docs, _directive = reuse
    assert r.between
    for p in r.between:
        assert (p.a, p.b) == (docs[0].source, docs[1].source)
        assert normalise(docs[0].text[p.a_start : p.a_end]).text[:4] == normalise(docs[1].text[p.b_start : p.b_end]).text[:4]
