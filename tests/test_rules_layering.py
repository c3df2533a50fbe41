"""Rule data files: validated on load with errors naming file, entry and key; user files layered over."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.errors import RuleError
from textkit.model import Document
from textkit.rules import load_entries
from textkit.structure import load_structure_rules, parse_structure
from textkit.structure.numbering import STYLE_SCHEMA as SCHEMA
from textkit.structure.numbering import load_styles


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "user.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rules_bad_regex_names_file_entry_and_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "[[style]]\nid = 'x'\nfamily = 'x'\npattern = '(unclosed'\nnumeral = 'arabic'\n")
    with pytest.raises(RuleError) as info:
        load_entries("numbering.toml", "style", SCHEMA, extra=[path])
    assert info.value.file == str(path) and info.value.entry == "x" and info.value.key == "pattern"
    assert "bad regular expression" in str(info.value)


@pytest.mark.parametrize(
    ("body", "key", "words"),
    [
        ("[[style]]\nid = 'x'\nfamily = 'x'\npattern = 'a'\nnumeral = 'arabic'\ncolour = 'red'\n", "colour", "unknown key"),
        ("[[style]]\nid = 'x'\nfamily = 'x'\npattern = 'a'\n", "numeral", "required"),
        ("[[style]]\nid = 'x'\nfamily = 'x'\npattern = 'a'\nnumeral = 'roman'\n", "numeral", "must be one of"),
        ("[[style]]\nid = 'x'\nfamily = 'x'\npattern = ''\nnumeral = 'arabic'\n", "pattern", "empty"),
        ("[[style]]\nid = 'x'\nfamily = 3\npattern = 'a'\nnumeral = 'arabic'\n", "family", "must be str"),
    ],
)
def test_rules_schema_errors(tmp_path: Path, body: str, key: str, words: str) -> None:
    with pytest.raises(RuleError) as info:
        load_entries("numbering.toml", "style", SCHEMA, extra=[_write(tmp_path, body)])
    assert info.value.key == key and words in str(info.value)


def test_rules_unknown_array_and_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="unknown array 'styles'"):
        load_entries("numbering.toml", "style", SCHEMA, extra=[_write(tmp_path, "[[styles]]\nid = 'x'\n")])
    with pytest.raises(RuleError, match="not valid TOML"):
        load_entries("numbering.toml", "style", SCHEMA, extra=[_write(tmp_path, "[[style]\n")])
    # another array the same file may hold is fine when named as known
    path = _write(tmp_path, "[[other]]\nid = 'y'\n")
    assert load_entries("numbering.toml", "style", SCHEMA, extra=[path], known=("other",))


def test_rules_user_numbering_style_is_layered_over_defaults(tmp_path: Path) -> None:
    # a drafting office that numbers its level-3 items with capital letters: A. B. C.
    path = _write(tmp_path, (
        "[[style]]\nid = 'latin-dot'\nfamily = 'latin'\npattern = '''(?P<num>[A-Z])\\.'''\nnumeral = 'glyph'\n"
        "[[style]]\nid = 'circled'\nenabled = false\nfamily = 'circled'\npattern = 'x'\nnumeral = 'glyph'\n"
    ))
    styles = load_styles(extra=[path])
    ids = {s.id for s in styles}
    assert "latin-dot" in ids and "circled" not in ids
    rules = load_structure_rules(numbering=[path])
    root, _ = parse_structure(Document("一、要求\n①学习\n"), rules=rules)
    assert [s.marker for s in root.sections()] == ["一、"]


# ---- a folder of user rules: --rules DIR and rules= -------------------------------------------------------

from textkit.cli import main  # noqa: E402
from textkit.pipeline import parse_text  # noqa: E402
from textkit.ruleset import load_rules  # noqa: E402

_PLAN = (
    "一、活动安排\n"
    "第1项 办好展会（承接单位：市会展中心）\n"
    "第2项 筹办论坛。由市会展驿牵头，本月择日举行。\n"
)


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for name, body in files.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


_USER = {
    # level-2 items numbered 第1项 第2项
    "numbering.toml": "[[style]]\nid = 'item-no'\nfamily = 'item-no'\npattern = '第(?P<num>[0-9]+)项 '\n"
                      "numeral = 'arabic'\n",
    # a label word, given as a word list instead of a regex
    "roles.toml": "[[label]]\nid = 'host'\nwords = ['承接单位', '承办方']\nrole = 'lead'\n",
    # 驿 as a unit ending: 市会展驿 reads as a unit
    "units.toml": "[[suffix]]\nid = 'post'\nwords = ['驿']\n",
    # 择日 as a vague time word
    "time.toml": "[[word]]\nid = 'vague.some-day'\nrole = 'vague'\nwords = ['择日']\n",
}


def test_a_rule_folder_changes_numbering_roles_units_and_time_words(tmp_path: Path) -> None:
    plain = parse_text(_PLAN)
    mine = parse_text(_PLAN, rules=load_rules(_folder(tmp_path, _USER)))
    assert [s.marker for s in plain.sections()] == ["一、"]
    assert [s.marker for s in mine.sections()] == ["一、", "第1项 ", "第2项 "]
    assert [(u.name, u.role) for u in plain.units] == []
    assert [(u.name, u.role, u.source) for u in mine.units] == [("市会展中心", "lead", "label"),
                                                              ("市会展驿", "lead", "phrase")]
    assert "择日" not in [t.text for t in plain.dates]
    assert [t.kind for t in mine.dates if t.text == "择日"] == ["vague"]


def test_cli_rules_option_loads_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(_PLAN, encoding="utf-8")
    folder = _folder(tmp_path, _USER)
    assert main(["parse", str(plan), "--format", "json", "--no-tree", "--rules", str(folder)]) == 0
    out = capsys.readouterr().out
    assert '"name": "市会展中心"' in out and '"marker": "第1项 "' in out


def test_a_wrong_key_in_a_user_file_names_that_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, {"roles.toml": "[[label]]\nid = 'host'\npatern = '承接单位'\nrole = 'lead'\n"})
    with pytest.raises(RuleError) as info:
        load_rules(folder)
    assert info.value.file == str(folder / "roles.toml") and info.value.entry == "host"
    assert info.value.key == "patern"
    plan = tmp_path / "plan.txt"
    plan.write_text(_PLAN, encoding="utf-8")
    assert main(["parse", str(plan), "--rules", str(folder)]) == 2
    assert str(folder / "roles.toml") in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "body", "key"),
    [
        # checks made after the schema: each names the user's file, not the shipped one
        ("numbering.toml", "[[style]]\nid = 'x'\nfamily = 'x'\npattern = '[A-Z]\\.'\nnumeral = 'glyph'\n", "pattern"),
        ("roles.toml", "[[phrase]]\nid = 'x'\npattern = '{UNITS}办理'\n", "pattern"),
        ("time.toml", "[[word]]\nid = 'x'\nrole = 'year-part'\nwords = ['前段']\nstart_month = 9\nend_month = 3\n",
         "start_month"),
    ],
)
def test_checks_after_loading_name_the_user_file(tmp_path: Path, name: str, body: str, key: str) -> None:
    folder = _folder(tmp_path, {name: body})
    with pytest.raises(RuleError) as info:
        load_rules(folder)
    assert info.value.file == str(folder / name) and info.value.entry == "x" and info.value.key == key


def test_unknown_file_in_a_rule_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"unknown rule file 'role\.toml'"):
        load_rules(_folder(tmp_path, {"role.toml": ""}))
    with pytest.raises(RuleError, match="no such rule folder"):
        load_rules(tmp_path / "missing")


def test_words_and_a_pattern_together_are_an_error(tmp_path: Path) -> None:
    body = "[[label]]\nid = 'host'\npattern = '承接单位'\nwords = ['承接单位']\nrole = 'lead'\n"
    with pytest.raises(RuleError, match="either 'pattern' or 'words'"):
        load_rules(_folder(tmp_path, {"roles.toml": body}))


def test_a_trigger_that_can_miss_a_match_of_its_pattern_is_refused(tmp_path: Path) -> None:
    # the shipped by-x-lead rule once had trigger 牵头 while its pattern also takes 主办
    body = "[[phrase]]\nid = 'by-x-host'\ntrigger = '牵头'\npattern = '由(?P<lead>{UNITS})(?:牵头|主办)'\n"
    with pytest.raises(RuleError, match="can miss a match") as info:
        load_rules(_folder(tmp_path, {"roles.toml": body}))
    assert info.value.file.endswith("roles.toml") and info.value.key == "trigger"
    fixed = body.replace("trigger = '牵头'", "trigger = ['牵头', '主办']")
    (tmp_path / "fixed").mkdir()
    rules = load_rules(_folder(tmp_path / "fixed", {"roles.toml": fixed}))
    assert rules.units.phrase_triggers["by-x-host"] == ("牵头", "主办")


def test_lint_takes_its_rules_from_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a gap (一、二、四、) is an error by default; the office's lint.toml switches the rule off
    plan = tmp_path / "plan.txt"
    plan.write_text("一、总体要求\n二、主要任务\n四、保障措施\n", encoding="utf-8")
    assert main(["lint", str(plan), "--format", "json"]) == 1
    assert "numbering.gap" in capsys.readouterr().out
    folder = _folder(tmp_path, {"lint.toml": "[[rule]]\nid = 'numbering.gap'\nenabled = false\n"})
    assert main(["lint", str(plan), "--format", "json", "--rules", str(folder)]) == 0
    assert "numbering.gap" not in capsys.readouterr().out
