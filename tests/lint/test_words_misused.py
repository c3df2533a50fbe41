"""Misused words: the lexicon finds known wrong forms and suggests the right one; right forms pass."""

from __future__ import annotations

import pytest

from textkit.lint import lint, load_config
from textkit.pipeline import parse_text


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("加强环境基础设施建设，坚决打赢污染防止攻坚战和碧水蓝天净土保卫战。", "污染防止攻坚战", "污染防治攻坚战"),
        ("再接再励，推动各项工作取得新成效。", "再接再励", "再接再厉"),
        ("截止目前，已完成整改问题12个。", "截止目前", "截至目前"),
        ("持续推进全面从严冶党向纵深发展。", "全面从严冶党", "全面从严治党"),
    ],
)
def test_words_misused_found(text: str, wrong: str, right: str) -> None:
    plan = parse_text(text)
    (f,) = lint(plan, rules=["words.misused"]).findings
    assert (f.text, f.expected) == (wrong, right)
    assert f.text == plan.text[f.start:f.end]
    assert right in f.message


def test_words_misused_right_forms_pass() -> None:
    plan = parse_text("坚决打好污染防治攻坚战，再接再厉，截至目前已完成整改；截止到6月底，全面从严治党。按装备清单配备。")
    assert lint(plan, rules=["words.misused"]).findings == ()


def test_words_misused_lexicon_is_unambiguous() -> None:
    lexicon = load_config().misused
    assert len(lexicon) >= 100
    wrongs = [w.wrong for w in lexicon]
    assert len(wrongs) == len(set(wrongs))
    for w in lexicon:
        assert w.wrong != w.right
        # a wrong form never contains its own right form (the substring match would fire on correct text)
        assert w.right not in w.wrong
