"""The time data files: validated on load, layered with a user's file, holidays placed by the calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from textkit.errors import RuleError
from textkit.extraction.time_calendar import holiday_date
from textkit.extraction.time_rules import grammar


def test_default_files_load_and_every_role_is_present() -> None:
    g = grammar()
    for role in ("year-part", "month-part", "recurrence", "vague", "deadline-suffix", "eve", "during", "term"):
        assert g.words[role], role
    assert {h.id for h in g.holidays} >= {"spring-festival", "mid-autumn", "national-day", "qingming", "new-year"}


@pytest.mark.parametrize(
    ("calendar", "year", "kw", "expected"),
    [
        ("lunar", 2023, {"month": 8, "day": 15}, date(2023, 9, 29)),  # 中秋
        ("lunar", 2024, {"month": 1, "day": 1}, date(2024, 2, 10)),  # 春节
        ("lunar", 2023, {"month": 5, "day": 5}, date(2023, 6, 22)),  # 端午
        ("lunar", 2023, {"month": 12, "day": 30}, date(2024, 2, 9)),  # 除夕 of lunar 2023
        ("term", 2023, {"term": "清明"}, date(2023, 4, 5)),
        ("solar", 2023, {"month": 10, "day": 1}, date(2023, 10, 1)),
    ],
)
def test_holiday_dates(calendar: str, year: int, kw: dict[str, int | str], expected: date) -> None:
    assert holiday_date(calendar, year, **kw) == expected


def test_unplaceable_holiday_is_none() -> None:
    assert holiday_date("solar", 2023, month=2, day=30) is None
    assert holiday_date("lunar", 0, month=1, day=1) is None


def test_user_file_adds_a_vague_word(tmp_path: Path) -> None:
    extra = tmp_path / "mytime.toml"
    extra.write_text("[[word]]\nid = \"vague.later\"\nrole = \"vague\"\npattern = '视情'\n", encoding="utf-8")
    g = grammar(extra_time=(str(extra),))
    m = g.statement.search("视情召开会议")
    assert m is not None and m.lastgroup == "vague"


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("[[word]]\nid = \"x\"\nrole = \"vague\"\npattern = '(?:适时'\n", "pattern"),
        ("[[word]]\nid = \"x\"\nrole = \"sometimes\"\npattern = '适时'\n", "role"),
        ("[[word]]\nid = \"x\"\nrole = \"vague\"\npattern = '适时'\ncolour = 1\n", "colour"),
        ("[[word]]\nid = \"x\"\nrole = \"vague\"\npattern = '(适时)'\n", "pattern"),
        ("[[word]]\nid = \"x\"\nrole = \"recurrence\"\npattern = '每旬'\n", "freq"),
        ("[[word]]\nid = \"x\"\nrole = \"year-part\"\npattern = '年尾'\nstart_month = 12\n", "end_month"),
        ("[[word]]\nid = \"x\"\nrole = \"month-part\"\npattern = '旬'\nstart_day = 21\nend_day = 11\n", "start_day"),
        ("[[word]]\nid = \"x\"\nrole = \"term\"\npattern = '小学期'\nfrom_md = \"7-1\"\nto_md = \"07-20\"\n", "from_md"),
    ],
)
def test_bad_user_entries_name_file_entry_and_key(tmp_path: Path, body: str, key: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        grammar(extra_time=(str(extra),))
    text = str(err.value)
    assert key in text and "x" in text


def test_holiday_needs_its_date(tmp_path: Path) -> None:
    extra = tmp_path / "hol.toml"
    extra.write_text("[[holiday]]\nid = \"founding\"\nnames = ['校庆']\ncalendar = \"solar\"\n", encoding="utf-8")
    with pytest.raises(RuleError, match="month and day"):
        grammar(extra_holidays=(str(extra),))
