"""The unit rule files: validated on load, layered with a user's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.errors import RuleError
from textkit.extraction.units import extract_units, load_unit_rules, user_rules
from textkit.model import Document, Section


def _units(text: str, **kw: object) -> list[tuple[str, str]]:
    doc = Document(text=text)
    root = Section(kind="document", start=0, end=len(doc.text))
    return [(u.text, u.role) for u in extract_units(doc, root, **kw)]  # type: ignore[arg-type]


def test_default_rules_load() -> None:
    rules = load_unit_rules()
    assert rules.phrases and rules.suffixes and rules.columns


def test_user_label_is_layered_over_defaults(tmp_path: Path) -> None:
    extra = tmp_path / "roles.toml"
    extra.write_text("[[label]]\nid = \"host\"\npattern = '承接单位'\nrole = \"lead\"\n", encoding="utf-8")
    assert _units("1.办好展会（承接单位：市会展中心）\n") == []
    assert _units("1.办好展会（承接单位：市会展中心）\n", rules=user_rules(roles=extra)) == [("市会展中心", "lead")]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[[label]]\nid = \"x\"\npattern = '牵头('\nrole = \"lead\"\n", "bad regular expression"),
        ("[[label]]\nid = \"x\"\npattern = '主持单位'\nrole = \"boss\"\n", "must be one of"),
        ("[[label]]\nid = \"x\"\npattern = '主持单位'\nrole = \"lead\"\ncolour = \"red\"\n", "unknown key"),
        ("[[phrase]]\nid = \"x\"\ntrigger = \"办\"\npattern = '{UNITS}办理'\n", "must define a group"),
    ],
)
def test_bad_user_rules_are_errors(tmp_path: Path, body: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        user_rules(roles=bad)
