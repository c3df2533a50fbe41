"""Text rules: doubled words and punctuation, unbalanced brackets, half-width punctuation, stray spaces,
placeholders. They read the text (and jieba tokens); the section tree only tells them where markers are.

>>> from textkit.pipeline import parse_text
>>> from textkit.lint_rules import load_config
>>> ctx = Context(parse_text("要在全党开展开展学习。"), load_config())
>>> [ctx.text[h.start:h.end] for h in doubled_word(ctx, ctx.config.rule("text.doubled-word"))]
['开展开展']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from textkit.lint.base import Context, Hit, is_han
from textkit.lint_rules import RuleConfig

__all__ = ["CHECKS", "doubled_punct", "doubled_word", "half_width_punct", "placeholder", "private_use", "stray_space",
           "unbalanced"]

_MAX_UNIT = 3  # a doubled unit is at most three tokens (主题教育主题教育 is two)


def doubled_word(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """A token (or run of up to three tokens) written twice in a row: 开展开展, 主题教育主题教育.

    Works on jieba tokens, so reduplicated words the dictionary knows (清清爽爽, 层层, 一件一件 → allowed)
    are one token or allowed; a single character doubled counts only if it is in the rule's ``words``
    (function characters that never reduplicate: 的的, 和和).
    """
    tokens = ctx.tokens
    singles = frozenset(rule.words)
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(1, _MAX_UNIT + 1):
            if i + 2 * n > len(tokens):
                break
            unit, again = tokens[i : i + n], tokens[i + n : i + 2 * n]
            word = "".join(t.text for t in unit)
            if word != "".join(t.text for t in again) or not all(is_han(ch) for ch in word):
                continue
            if len(word) == 1 and word not in singles:
                continue
            start, end = unit[0].start, again[-1].end
            if not rule.allowed(ctx.text[start:end]):
                hit = Hit(start, end, expected=word)
            break
        if hit is not None:
            yield hit
            i = next((k for k in range(i, len(tokens)) if tokens[k].start >= hit.end), len(tokens))
        else:
            i += 1


def doubled_punct(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """Two sentence marks in a row: 。。 ，， ，。 、、 (the rule's ``patterns``)."""
    for pattern in rule.patterns:
        for m in pattern.finditer(ctx.text):
            yield Hit(m.start(), m.end(), expected=m.group(0)[-1])


def _pairs(rule: RuleConfig) -> tuple[set[str], dict[str, str], dict[str, str]]:
    """The allowed opener+closer pairs, each opener's canonical closer and each closer's canonical opener."""
    pairs = {p for p in rule.words if len(p) == 2}
    closes_with: dict[str, str] = {}
    opens_with: dict[str, str] = {}
    for p in rule.words:  # the first pair naming a mark gives its canonical partner
        if len(p) == 2:
            closes_with.setdefault(p[0], p[1])
            opens_with.setdefault(p[1], p[0])
    return pairs, closes_with, opens_with


def unbalanced(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """An opening bracket or quote left open (or a closing one never opened) within ``max_lines`` lines.

    Pairs are the rule's ``words`` (opener + closer). A closer right after an enumerator at a clause start
    (``1）``, ``a)``; the rule's ``patterns``) or inside a section marker is numbering, not a bracket.
    """
    text = ctx.text
    pairs, closes_with, opens_with = _pairs(rule)
    exempt = {m.end() - 1 for p in rule.patterns for m in p.finditer(text)}
    stack: list[tuple[str, int, int]] = []  # open marks: (mark, offset, line number)
    found: list[Hit] = []
    line = 1
    for i, ch in enumerate(text):
        if ch == "\n":
            line += 1
            while stack and stack[0][2] < line - rule.max_lines:
                mark, pos, _ = stack.pop(0)
                found.append(Hit(pos, pos + 1, expected=closes_with[mark]))
            continue
        if ch in closes_with:  # an opener
            if not ctx.in_marker(i, i + 1):
                stack.append((ch, i, line))
        elif ch in opens_with:  # a closer
            if i in exempt or ctx.in_marker(i, i + 1):
                continue
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] + ch in pairs), None)
            if depth is None:
                found.append(Hit(i, i + 1, expected=opens_with[ch]))
                continue
            for mark, pos, _ in stack[depth + 1 :]:  # opened inside the pair and never closed
                found.append(Hit(pos, pos + 1, expected=closes_with[mark]))
            del stack[depth:]
    found.extend(Hit(pos, pos + 1, expected=closes_with[mark]) for mark, pos, _ in stack)
    yield from sorted(found, key=lambda h: h.start)


_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}


def half_width_punct(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """Half-width , ; : ? ! . between Chinese characters, or ( ) / " " around Chinese text (the rule's patterns)."""
    for pattern in rule.patterns:
        for m in pattern.finditer(ctx.text):
            s = m.group(0)
            if ctx.in_marker(m.start(), m.end()):
                continue
            if s.startswith("("):
                expected = f"（{s[1:-1]}）"
            elif s.startswith('"'):
                expected = f"“{s[1:-1]}”"
            else:
                expected = _FULL.get(s, s)
            yield Hit(m.start(), m.end(), expected=expected)


_PROSE = re.compile("[，。；]")
_AFTER_MARK = "，。；：、"


def stray_space(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """Spaces inside Chinese prose: after or before full-width punctuation anywhere, between two Chinese
    characters only on prose lines (with ，。；) that are not table rows — name lists and spaced titles pass.
    """
    text = ctx.text
    prose: dict[int, bool] = {}  # per line: whether it is prose, found once (not once per space: issue 16)
    for pattern in rule.patterns:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            line_start, line_end = ctx.line_span(start)
            # a space after a marker (第一条  总则, 二、 组织分工) is layout, not prose
            if line_start in ctx.table_lines or start in ctx.marker_ends:
                continue
            beside_mark = text[start - 1] in _AFTER_MARK or text[end] in _AFTER_MARK
            if not beside_mark and line_start not in prose:
                prose[line_start] = _PROSE.search(text, line_start, line_end) is not None
            if beside_mark or prose[line_start]:
                yield Hit(start, end)


def placeholder(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """Template filler left in: ** *** XX ×× ＿＿ 【待定】 X月X日 (the rule's patterns)."""
    seen: set[tuple[int, int]] = set()
    for pattern in rule.patterns:
        for m in pattern.finditer(ctx.text):
            if (m.start(), m.end()) not in seen and not rule.allowed(m.group(0)):
                seen.add((m.start(), m.end()))
                yield Hit(m.start(), m.end())


def private_use(ctx: Context, rule: RuleConfig) -> Iterator[Hit]:
    """Private-use characters (the rule's patterns: U+E000–U+F8FF) standing where a marker or a character
    should be; ``detail`` names the code points and where they stand (行首/line start, where a numbering marker
    goes, or 句中/in a sentence)."""
    text = ctx.text
    for pattern in rule.patterns:
        for m in pattern.finditer(text):
            points = " ".join(f"U+{ord(ch):04X}" for ch in m.group(0))
            line_start = ctx.line_span(m.start())[0]
            where = "行首/line start" if not text[line_start:m.start()].strip() else "句中/in a sentence"
            yield Hit(m.start(), m.end(), detail=f"{points}, {where}")


CHECKS = {
    "text.doubled-word": doubled_word,
    "text.doubled-punct": doubled_punct,
    "text.unbalanced": unbalanced,
    "text.half-width-punct": half_width_punct,
    "text.stray-space": stray_space,
    "text.placeholder": placeholder,
    "text.private-use": private_use,
}
