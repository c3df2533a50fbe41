"""The one switch for the fast paths: ``fast=True`` (prefilters, memos, windowed searches, first-character
dispatch) gives exactly the plan that ``fast=False`` (every rule tried everywhere) gives, on every document
of the dev corpus and the extra corpus, and with user rules that turn some shortcuts off."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from textkit.model import Document
from textkit.pipeline import parse
from textkit.reading import read
from textkit.ruleset import load_rules

REF = date(2023, 9, 1)


def _corpus_files(shared: Path) -> list[Path]:
    return sorted((shared / "raw").glob("*.txt")) + sorted((shared / "extra").glob("*.txt"))


def test_fast_equals_plain_on_every_corpus_document(shared_corpus: Path) -> None:
    files = _corpus_files(shared_corpus)
    assert len(files) >= 40  # the dev set (18) and the extra set (27)
    for path in files:
        doc = read(path)
        fast, plain = parse(doc, reference_date=REF, fast=True), parse(doc, reference_date=REF, fast=False)
        assert fast.root == plain.root, path.name
        assert fast.units == plain.units, path.name
        assert fast.measures == plain.measures, path.name
        assert fast == plain, path.name


def test_fast_equals_plain_with_rules_that_turn_shortcuts_off(tmp_path: Path, seed000_text: str,
                                                             seed001_text: str) -> None:
    # a label with a negative look-ahead (no bracket prefilter), a look-behind (no statement memo), a trailer
    # that can start with any character (no plain list split)
    (tmp_path / "roles.toml").write_text(
        "[[label]]\nid = 'host'\npattern = '(?<!非)承接单位(?!人)'\nrole = 'lead'\n", encoding="utf-8")
    (tmp_path / "units.toml").write_text("[[trailer]]\nid = 'any'\npattern = '.{0,2}等单位'\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert not rules.units.statement_prefilter and not rules.units.statements_by_text
    assert rules.units.plain_list_re is None
    for text in (seed000_text, seed001_text, "1.办好展会（承接单位：市会展中心、市文旅局等单位）\n"):
        doc = Document(text)
        assert parse(doc, rules=rules, fast=True) == parse(doc, rules=rules, fast=False)


@pytest.mark.parametrize("text", ["", "\n", "无单位的一行", "（）：\n（牵头", "由（牵头）负责\n\n",
                                  "提高利用率。（装备信息中心、教科院）", "完成（各区市）；\n（教科院）\n（）。"])
def test_fast_equals_plain_on_edge_lines(text: str) -> None:
    doc = Document(text)
    assert parse(doc, fast=True) == parse(doc, fast=False)
