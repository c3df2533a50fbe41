"""Hostile rule, config, checklist and word-list files (issue 16): RuleErrors naming the file, never a hang."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textkit.cli import main
from textkit.comparison.checklist import load_checklist
from textkit.errors import ChecklistError, RuleError
from textkit.lint import load_config
from textkit.safe_regex import UnsafePatternError, check_pattern
from textkit.safe_yaml import load_yaml

PLAN = "某局工作方案\n一、总体要求\n（一）加强学习。责任单位：办公室。\n"


def _plan(tmp_path: Path) -> Path:
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


def test_yaml_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    lines.append("items: *a8")
    ck = tmp_path / "bomb.yaml"
    ck.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="alias"):
        load_checklist(ck)


def test_yaml_nested_500_deep_is_refused(tmp_path: Path) -> None:
    ck = tmp_path / "deep.yaml"
    ck.write_text("items: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="max_nesting"):
        load_checklist(ck)


def test_yaml_within_limits_loads() -> None:
    assert load_yaml("items:\n  - id: a\n    keywords: [[学习, 教育]]\n") == {
        "items": [{"id": "a", "keywords": [["学习", "教育"]]}]}


def test_yaml_checklist_on_the_command_line_is_one_line_exit_2(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    ck = tmp_path / "ck.yaml"
    ck.write_text("x: &x [1]\nitems: [*x]\n", encoding="utf-8")
    assert main(["check", str(_plan(tmp_path)), "--checklist", str(ck)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a|aa)+$", r"(?:\w+\s?)*$", r"(x+x+)+y"])
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafePatternError):
        check_pattern(pattern)


@pytest.mark.parametrize("pattern", [r"第(?P<num>[一二三四五六七八九十]+)[，,、]", r"(?:省|市|县)+",
                                     r"一(.)一\1", r"[\u4e00-\u9fff]{2,}(?:局|厅)"])
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    check_pattern(pattern)


def test_user_numbering_rule_with_nested_repeat_is_a_rule_error(tmp_path: Path) -> None:
    from textkit.rules import Field, load_entries

    user = tmp_path / "mine.toml"
    user.write_text("[[style]]\nid = \"evil\"\npattern = '''(a+)+$'''\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unsafe regular expression"):
        load_entries("numbering.toml", "style", {"id": Field(required=True), "pattern": Field(regex=True),
                                                 "family": Field(), "numeral": Field(), "width": Field(),
                                                 "heading": Field(), "inline": Field(types=bool),
                                                 "after": Field(regex=True), "note": Field()},
                     extra=[user])


def test_lint_config_pattern_with_nested_repeat_is_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "lint.toml"
    cfg.write_text("[[rule]]\nid = \"text.stray-space\"\nallow_patterns = ['(a+)+$']\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unsafe"):
        load_config(str(cfg))


@pytest.mark.parametrize("template", ["{text:>4000000000}", "{text.__class__.__mro__}", "{text[0]}", "{text!r}"])
def test_lint_message_templates_allow_only_plain_fields(tmp_path: Path, template: str) -> None:
    cfg = tmp_path / "lint.toml"
    cfg.write_text(f"[[rule]]\nid = \"text.stray-space\"\nmessage_zh = '{template}'\n", encoding="utf-8")
    with pytest.raises(RuleError, match="only plain fields"):
        load_config(str(cfg))


def test_lint_message_template_with_plain_field_renders(tmp_path: Path) -> None:
    cfg = tmp_path / "lint.toml"
    cfg.write_text("[[rule]]\nid = \"text.stray-space\"\nmessage_zh = '多余空格：{text}'\n", encoding="utf-8")
    assert load_config(str(cfg)).rule("text.stray-space").message("zh", text="加 强") == "多余空格：加 强"


@pytest.mark.parametrize("kind", ["folder", "binary"])
def test_misused_word_list_that_is_a_folder_or_binary_is_a_rule_error(tmp_path: Path, kind: str,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "words.jsonl"
    if kind == "folder":
        target.mkdir()
    else:
        target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe" * 20)
    cfg = tmp_path / "lint.toml"
    cfg.write_text('misused = ["words.jsonl"]\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"folder|binary|UTF-8"):
        load_config(str(cfg))
    assert main(["lint", str(_plan(tmp_path)), "--config", str(cfg)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_config_that_is_a_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(_plan(tmp_path)), "--config", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("value", ["Infinity", "NaN", "-Infinity"])
def test_a_coverage_model_of_inf_or_nan_is_refused(tmp_path: Path, value: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from textkit.comparison.coverage import FEATURES, load_model

    data = load_model().to_dict()
    data["covered"]["intercept"] = value  # JSON's non-finite spellings, which json.loads accepts
    model = tmp_path / "model.json"
    model.write_text(json.dumps(data).replace(f'"{value}"', value), encoding="utf-8")
    ck = tmp_path / "ck.toml"
    ck.write_text('[[items]]\nid = "xuexi"\ntitle = "加强学习"\nsource = "一"\nkeywords = [["学习"]]\n', encoding="utf-8")
    assert main(["check", str(_plan(tmp_path)), "--checklist", str(ck), "--model", str(model)]) == 2
    err = capsys.readouterr().err
    assert "finite" in err and err.count("\n") == 1 and len(FEATURES) > 0


@pytest.mark.parametrize("option", ["--max-size", "--max-uncompressed"])
@pytest.mark.parametrize("value", ["inf", "nan"])
def test_max_size_of_inf_or_nan_is_refused(tmp_path: Path, option: str, value: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(_plan(tmp_path)), option, value]) == 2
    assert "finite" in capsys.readouterr().err


def test_compare_threshold_nan_is_refused(tmp_path: Path) -> None:
    assert main(["compare", str(_plan(tmp_path)), "--threshold", "nan", "--no-progress"]) == 2


@pytest.mark.parametrize("item", ["max_pages=inf", "max_xml_depth=nan", "max_pages=0", "nonsense=3", "max_pages"])
def test_limit_option_refuses_bad_values(tmp_path: Path, item: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(_plan(tmp_path)), "--limit", item]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_limit_option_raises_a_limit(tmp_path: Path) -> None:
    import hostile as H

    deep = tmp_path / "deep.docx"
    deep.write_bytes(H.nested_tables_docx(40))
    assert main(["parse", str(deep)]) == 2
    assert main(["parse", str(deep), "--limit", "max_xml_depth=200"]) == 0
