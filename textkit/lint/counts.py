"""Counts rules: a stated count (着力解决6个方面的突出问题) followed by a different number of enumerated items.

The counts come from ``Plan.quantities`` (`textkit.extraction`); the items that follow are the inline items
(一是…二是…) of the same paragraph, or else the numbered subsections of the section whose lead announces them.
A count after 等 (…等9项专项整治) sums up a list it only samples, so it is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from textkit.lint.base import Context, Hit
from textkit.lint_rules import RuleConfig
from textkit.model import Quantity, Section, section_index

__all__ = ["CHECKS", "count_mismatch"]

# between the count and the first item: the rest of one sentence, ending in 。 or ：
_ONE_SENTENCE = re.compile(r"[^。；;！？!?\n]*[。：:]?\s*")


def _announces(q: Quantity, words: tuple[str, ...]) -> bool:
    phrase = q.classifier + q.noun
    return any(phrase.startswith(w) or q.noun.startswith(w) for w in words)


def _run_length(nodes: list[Section]) -> int:
    """Length of the run of consecutive numbers the first node starts (1, 2, 3… or, when numbering runs on
    across parents, 6, 7, 8…); 0 if the first node has no number."""
    if not nodes or nodes[0].value is None:
        return 0
    first = nodes[0].value
    n = 0
    for node in nodes:
        if node.value != first + n:
            break
        n += 1
    return n


def _container(root: Section, offset: int) -> Section:
    """The innermost node with children that holds ``offset`` (the paragraph or item around a count)."""
    node = root
    while True:
        nxt = next((c for c in node.children if c.start <= offset < c.end), None)
        if nxt is None or not nxt.children:
            return node
        node = nxt


def _followers(ctx: Context, q: Quantity) -> int | None:
    """How many items the enumeration right after ``q`` has, or ``None`` if no enumeration follows it."""
    text = ctx.text
    box = _container(ctx.plan.root, q.start)
    items = sorted((n for n in box.walk() if n.kind == "item" and n.start >= q.end), key=lambda n: n.start)
    if items and _ONE_SENTENCE.fullmatch(text, q.end, items[0].start):
        # inline items must start a new enumeration: after 一是…三项工作，…二是 the count sits inside one
        return _run_length(items) if items[0].value == 1 else None
    section = section_index(ctx.plan.root).at(q.start)
    if section is None:
        return None
    subs = [c for c in section.children if c.kind == "section"]
    if not subs or subs[0].start < q.end or not _ONE_SENTENCE.fullmatch(text, q.end, subs[0].start):
        return None
    return _run_length(subs)


def count_mismatch(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """``N个方面`` / ``N项`` announcing an enumeration of a different length."""
    words = rule.words
    for q in ctx.plan.quantities:
        if not _announces(q, words) or ctx.text[max(0, q.start - 1):q.start] == "等":
            continue
        n = _followers(ctx, q)
        if n is not None and n >= 2 and n != q.value:
            yield Hit(q.start, q.end, found=str(n), expected=str(q.value))


CHECKS = {"counts.mismatch": count_mismatch}
