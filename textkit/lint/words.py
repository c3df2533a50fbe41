"""Words rules: known misused words and phrases from ``data/misused.jsonl``.

>>> from textkit.pipeline import parse_text
>>> from textkit.lint_rules import load_config
>>> ctx = Context(parse_text("坚决打赢污染防止攻坚战。"), load_config())
>>> [(ctx.text[h.start:h.end], h.expected) for h in misused(ctx, ctx.config.rule("words.misused"))]
[('污染防止攻坚战', '污染防治攻坚战')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from textkit.lint.base import Context, Hit
from textkit.lint_rules import MisusedWord, RuleConfig

__all__ = ["CHECKS", "misused"]


@lru_cache(maxsize=8)
def _matcher(lexicon: tuple[MisusedWord, ...]) -> tuple[re.Pattern[str], dict[str, MisusedWord]]:
    by_wrong = {w.wrong: w for w in lexicon}
    # longest first, so 全面从严冶党 wins over a shorter entry inside it
    alternatives = sorted(by_wrong, key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in alternatives)), by_wrong


def misused(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """Every occurrence of a known misused form; ``expected`` is its correction."""
    if not ctx.config.misused:
        return
    pattern, by_wrong = _matcher(ctx.config.misused)
    for m in pattern.finditer(ctx.text):
        if rule.allowed(m.group(0)):
            continue
        word = by_wrong[m.group(0)]
        yield Hit(m.start(), m.end(), expected=word.right, detail=word.note)


CHECKS = {"words.misused": misused}
