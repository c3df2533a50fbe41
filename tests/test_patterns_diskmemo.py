"""`textkit.patterns.DiskMemo`, the file of answers a command's start reads instead of computing them: what it
hands back equals what is computed afresh (parse-tree answers, a Scanner's sources, a data file's TOML)."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

import textkit.patterns as patterns
from textkit.errors import RuleError
from textkit.extraction.time_rules import grammar
from textkit.patterns import DiskMemo, PrefixMemo, _required_words, _scanner_sources
from textkit.rules import data_path, read_toml

DATA_FILES = ("numbering.toml", "structure.toml", "roles.toml", "units.toml", "time.toml", "holidays.toml", "lint.toml")


def test_answers_read_back_equal_the_computed_ones(tmp_path: Path) -> None:
    path = tmp_path / "memo.marshal"
    g = grammar()
    statement = g.statement.pattern.split("(?:", 1)[1][:-1]  # the pattern inside guarded()'s look-ahead
    unit = r"(?:由|请)(?P<list>[^，。]+?)(?:牵头|负责|主办)"
    first = PrefixMemo(path)
    words = first.get(("required", unit, 0), lambda: _required_words(unit, 0))
    sources = first.get(("scanner", statement, 3), lambda: _scanner_sources(statement, 3))
    prefixes = first.get_prefixes(unit, 2)
    first.save()
    again = PrefixMemo(path)
    assert again.get(("required", unit, 0), lambda: pytest.fail("computed again")) == words \
        == _required_words(unit, 0) == [frozenset({"牵头", "负责", "主办"})]  # (由|请 parses as a class)
    assert again.get(("scanner", statement, 3), lambda: pytest.fail("computed again")) == sources \
        == _scanner_sources(statement, 3)
    assert again.get_prefixes(unit, 2) == prefixes == patterns._prefixes(unit, 2)


def test_an_answer_that_cannot_be_marshalled_is_computed_each_time(tmp_path: Path) -> None:
    memo = DiskMemo(tmp_path / "memo.marshal")
    calls = []

    def compute() -> object:
        calls.append(1)
        return datetime.date(2023, 9, 28)

    assert memo.get(("d",), compute) == memo.get(("d",), compute) == datetime.date(2023, 9, 28)
    assert len(calls) == 2 and not memo.dirty


def test_a_broken_file_or_a_damaged_answer_is_computed_afresh(tmp_path: Path) -> None:
    path = tmp_path / "memo.marshal"
    path.write_bytes(b"\xffnot marshal")
    assert DiskMemo(path).known == {}
    memo = DiskMemo(path)
    memo.get(("x",), lambda: [1, 2, 3])
    memo.known[("x",)] = b"\xff"  # not a marshalled value
    assert memo.get(("x",), lambda: [1, 2, 3]) == [1, 2, 3]


def test_the_file_keeps_at_most_max_bytes_those_used_last_first(tmp_path: Path) -> None:
    path = tmp_path / "memo.marshal"
    memo = DiskMemo(path)
    for i in range(6):
        memo.get(("n", i), lambda i=i: "值" * 100 + str(i))  # type: ignore[misc]
    one = len(memo.known[("n", 0)])
    memo.MAX_BYTES = 3 * one
    memo.save()
    assert set(DiskMemo(path).known) == {("n", 3), ("n", 4), ("n", 5)}


def test_without_a_file_nothing_is_kept() -> None:
    memo = DiskMemo(None)
    assert memo.get(("x",), lambda: 1) == 1
    assert not memo.known


@pytest.mark.parametrize("name", DATA_FILES)
def test_read_toml_gives_tomllibs_parse_of_every_shipped_file_cold_and_warm(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = DiskMemo(tmp_path / "data.marshal")
    monkeypatch.setattr(patterns, "default_data_memo", lambda: memo)
    import textkit.rules as rules

    monkeypatch.setattr(rules, "default_data_memo", lambda: memo)
    path = data_path(name)
    expected = tomllib.loads(path.read_text(encoding="utf-8"))
    assert read_toml(path) == expected  # computed, kept
    memo.save()
    warm = DiskMemo(tmp_path / "data.marshal")
    monkeypatch.setattr(rules, "default_data_memo", lambda: warm)
    assert len(warm.known) == 1
    found = read_toml(path)
    assert found == expected and list(found) == list(expected)  # same tables, same order
    found.clear()  # a caller's change to its copy does not reach the memo
    assert read_toml(path) == expected


def test_a_bad_toml_file_is_refused_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo = DiskMemo(tmp_path / "data.marshal")
    import textkit.rules as rules

    monkeypatch.setattr(rules, "default_data_memo", lambda: memo)
    bad = tmp_path / "time.toml"
    bad.write_text("[[word]]\nid = 'x\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError, match="not valid TOML"):
            read_toml(bad)
    assert not memo.known
    dated = tmp_path / "dated.toml"
    dated.write_text("when = 2023-09-28\n", encoding="utf-8")
    assert read_toml(dated) == {"when": datetime.date(2023, 9, 28)}  # not marshallable: parsed every time
