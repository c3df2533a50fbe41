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
