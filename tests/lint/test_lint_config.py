"""Config: the shipped rule set validates, and a user TOML switches rules off/on, re-grades them, replaces
their data and adds misused words; bad configs are RuleErrors that name the file, entry and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.errors import OptionError, RuleError
from textkit.lint import CHECKS, lint, load_config
from textkit.pipeline import parse_text

DRAFT = "结合**工作实际，坚决打赢污染防止攻坚战。。适时召开通报会。"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_lint_config_defaults_cover_every_check() -> None:
    cfg = load_config()
    assert {r.id for r in cfg.rules} == set(CHECKS)
    for r in cfg.rules:
        assert r.id.startswith(r.family + ".")
        assert r.message_zh and r.message_en and r.description
    assert not cfg.rule("measures.outside-period").enabled


def test_lint_config_switch_off_and_regrade(tmp_path: Path) -> None:
    user = _write(tmp_path, "lint.toml", """
[[rule]]
id = "text.placeholder"
enabled = false

[[rule]]
id = "measures.vague-timing"
severity = "error"
""")
    result = lint(parse_text(DRAFT), config=load_config(user))
    rules = {f.rule: f.severity for f in result.findings}
    assert "text.placeholder" not in rules
    assert rules["measures.vague-timing"] == "error"
    assert rules["words.misused"] == "error"


def test_lint_config_switch_on_a_default_off_rule(tmp_path: Path) -> None:
    user = _write(tmp_path, "on.toml", '[[rule]]\nid = "measures.outside-period"\nenabled = true\n')
    assert load_config(user).rule("measures.outside-period").enabled


def test_lint_config_replaces_data_and_adds_misused_words(tmp_path: Path) -> None:
    _write(tmp_path, "more.jsonl", '{"wrong": "通报会", "right": "通报大会", "kind": "term"}\n')
    user = _write(tmp_path, "data.toml", """
misused = ["more.jsonl"]

[[rule]]
id = "measures.vague-timing"
words = ["择机"]
""")
    result = lint(parse_text(DRAFT), config=load_config(user))
    assert [f.text for f in result.findings if f.rule == "measures.vague-timing"] == []
    assert "通报会" in [f.text for f in result.findings if f.rule == "words.misused"]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('[[rule]]\nid = "text.nonsense"\n', "unknown rule id 'text.nonsense'"),
        ('[[rule]]\nid = "text.placeholder"\nseverity = "fatal"\n', "severity"),
        ('[[rule]]\nid = "text.placeholder"\npatterns = ["[unclosed"]\n', "bad regular expression"),
        ('[[rule]]\nid = "text.placeholder"\ncolour = "red"\n', "unknown key 'colour'"),
        ('[[rule]]\nid = "text.placeholder"\nfamily = "words"\n', "family cannot be changed"),
        ('[[rules]]\nid = "text.placeholder"\n', "unknown top-level key 'rules'"),
        ('[[rule]\n', "not valid TOML"),
    ],
)
def test_lint_config_bad_user_file(tmp_path: Path, text: str, needle: str) -> None:
    user = _write(tmp_path, "bad.toml", text)
    with pytest.raises(RuleError) as exc:
        load_config(user)
    assert needle in str(exc.value)
    assert str(user) in str(exc.value)


def test_lint_config_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


def test_lint_bad_lang_and_rule() -> None:
    plan = parse_text(DRAFT)
    with pytest.raises(OptionError):
        lint(plan, lang="fr")
    with pytest.raises(RuleError, match="unknown rule id"):
        lint(plan, rules=["text.nope"])
