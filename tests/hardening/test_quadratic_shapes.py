"""Shapes that used to take quadratic time (issue 16) still give the same answers after the linear fixes.

The timings live in benchmarks/bench_pathological.py; these tests pin behaviour on the generated shapes and
compare the fast paths with the plain computation they replace.
"""

from __future__ import annotations

import itertools

import hostile as H
import jieba

from textkit.lint import lint, load_config
from textkit.lint.base import Context
from textkit.lint.measures import _ancestors
from textkit.pipeline import parse_text
from textkit.tokenize import _CHUNK, _DOMAIN_WORDS, tokenize


def test_long_numeral_run_is_not_an_inline_marker_but_real_items_still_are() -> None:
    text = "一、总体要求\n加强学习，" + "一二三四五六七八九十" * 300 + "。一是查摆问题；二是整改落实。\n"
    plan = parse_text(text)
    items = [n for n in plan.root.walk() if n.kind == "item"]
    assert [text[i.start:i.start + 2] for i in items] == ["一是", "二是"]


def test_numeral_run_keeps_every_character_in_the_tree() -> None:
    text = H.numeral_run(5_000)
    plan = parse_text(text)
    leaves = [n for n in plan.root.walk() if not n.children]
    assert sum(n.end - n.start for n in leaves) == len(text)


def test_tokenize_in_chunks_tiles_text_and_matches_jieba_on_prose(seed000_text: str) -> None:
    assert len(seed000_text) > _CHUNK
    # jieba on the whole text at once, with the same domain words
    whole = jieba.Tokenizer()
    for w in _DOMAIN_WORDS:
        whole.add_word(w)
    assert [(t.text, t.start, t.end) for t in tokenize(seed000_text)] == list(whole.tokenize(seed000_text))


def test_tokenize_of_a_long_unknown_run_tiles_it() -> None:
    text = H.unknown_char_run(3 * _CHUNK)
    tokens = tokenize(text)
    assert tokens[0].start == 0 and tokens[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(tokens))


def test_ancestors_by_descent_equal_the_full_walk(seed000_text: str) -> None:
    plan = parse_text(H.nested_plan(3_000) + seed000_text)
    starts: dict[int, list[int]] = {}
    for m in plan.measures:
        plain = [s for s in plan.root.sections()
                 if s.start <= m.start and m.end <= s.end and (s.start, s.end) != (m.start, m.end)]
        assert _ancestors(plan.root, m, starts) == plain


def test_stray_space_on_a_long_spaced_line_reports_every_space() -> None:
    text = "一、总体要求\n" + "加 强 学 习，" * 200 + "\n"
    found = [f for f in lint(parse_text(text), config=load_config()).findings if f.rule == "text.stray-space"]
    assert len(found) == 600


def test_line_span_without_a_search_matches_the_newline_search(seed000_text: str) -> None:
    ctx = Context(parse_text(seed000_text), load_config())
    for offset in range(0, len(seed000_text), 97):
        start, end = ctx.line_span(offset)
        stop = seed000_text.find("\n", start)
        assert (start, end) == (start, len(seed000_text) if stop < 0 else stop)


def test_numbering_gap_to_a_large_number_is_listed_briefly() -> None:
    text = "某局工作方案\n一、总体要求\n1.加强学习。\n90.深入调研。\n"
    found = [f for f in lint(parse_text(text), config=load_config()).findings if f.rule == "numbering.gap"]
    assert found and found[0].expected.endswith("…") and found[0].expected.startswith("2.")
    assert len(found[0].expected) < 200
