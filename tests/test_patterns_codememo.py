"""The on-disk memo of compiled regex programs (`textkit.patterns.CodeMemo`): a pattern it hands back is the
pattern ``re.compile`` makes — equal to it (CPython compares the engine's program), with the same groups and
flags, finding the same matches — whether compiled now or read back from the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textkit.extraction.time_rules import grammar
from textkit.patterns import CodeMemo

PATTERNS: list[tuple[str, int]] = [
    (r"[0-9]+月|每[年月]", 0),
    (r"(?P<year>\d{4})年(?P<month>1[0-2]|0?[1-9])月(?:底|末)?前", 0),
    (r"^第(?P<num>[一二三四五六七八九十]+)[章节条]", re.M),
    (r"(?<=责任)单位[:：](?P<units>[^。\n]+)", 0),
    (r"(?i)deadline|截止", 0),
    (r"(?s)开始.*?结束", 0),
    (r"(?:(?<![0-9])(?:3[01]|[12][0-9]|0?[1-9]))日", 0),
]
TEXT = "2023年9月底前完成。\n第三章 责任单位：市教育局、市财政局\n每月20日开始自查，到12月结束。Deadline 9月28日"


def same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b  # same source, flags and program
    assert (a.flags, a.groups, dict(a.groupindex)) == (b.flags, b.groups, dict(b.groupindex))
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]
    assert [m.groupdict() for m in a.finditer(TEXT)] == [m.groupdict() for m in b.finditer(TEXT)]


def test_patterns_compiled_and_read_back_are_re_compiles_own(tmp_path: Path) -> None:
    path = tmp_path / CodeMemo.file_name()
    first = CodeMemo(path)
    for pattern, flags in PATTERNS:
        same(first.compile(pattern, flags), re.compile(pattern, flags))
    assert first.dirty
    first.save()
    again = CodeMemo(path)
    assert not again.dirty and set(again.known) == {(p, f) for p, f in PATTERNS}
    for pattern, flags in PATTERNS:
        same(again.compile(pattern, flags), re.compile(pattern, flags))
    assert not again.dirty  # every one was read back, none compiled again


def test_the_time_grammars_big_patterns_read_back_equal(tmp_path: Path) -> None:
    g = grammar()
    big = [g.statement.pattern, g.statements.candidates.pattern if g.statements.candidates else "", g.calendar.pattern]
    path = tmp_path / "memo.marshal"
    memo = CodeMemo(path)
    for p in big:
        memo.compile(p)
    memo.save()
    again = CodeMemo(path)
    for p in big:
        same(again.compile(p), re.compile(p))
    text = "从2023年9月开始，2024年1月基本结束；每月20日前后报送；国庆节期间值班；10.16-10.22集中培训。"
    assert [m.group() for m in again.compile(g.statement.pattern).finditer(text)] == \
        [m.group() for m in g.statement.finditer(text)]


def test_a_bad_pattern_raises_re_error_and_is_not_kept(tmp_path: Path) -> None:
    memo = CodeMemo(tmp_path / "memo.marshal")
    with pytest.raises(re.error):
        memo.compile("(?P<a>x")
    assert not memo.known


def test_a_broken_file_or_a_damaged_entry_is_compiled_afresh(tmp_path: Path) -> None:
    path = tmp_path / "memo.marshal"
    path.write_bytes(b"\x00not marshal")
    assert CodeMemo(path).known == {}
    memo = CodeMemo(path)
    pattern = PATTERNS[1][0]
    memo.compile(pattern)
    final, code, groups, gi, names = memo.known[(pattern, 0)]
    memo.known[(pattern, 0)] = (final, code[: len(code) // 2] + b"\xff\xff\xff\x7f", groups, gi, names)
    memo.save()
    damaged = CodeMemo(path)
    same(damaged.compile(pattern), re.compile(pattern))  # the engine refused the program; compiled again
    assert damaged.dirty


def test_without_a_file_it_is_plain_re_compile(tmp_path: Path) -> None:
    memo = CodeMemo(None)
    same(memo.compile(PATTERNS[0][0]), re.compile(PATTERNS[0][0]))
    memo.save()
    assert not memo.known and not list(tmp_path.iterdir())


def test_checked_keeps_acceptances_by_version_and_never_refusals(tmp_path: Path) -> None:
    path = tmp_path / "memo.marshal"
    calls: list[str] = []

    def check(pattern: str) -> None:
        calls.append(pattern)
        if "+)+" in pattern:
            raise ValueError("nested")

    memo = CodeMemo(path)
    memo.checked("a+b", check, version="v1")
    with pytest.raises(ValueError):
        memo.checked("(a+)+", check, version="v1")
    memo.save()
    again = CodeMemo(path)
    again.checked("a+b", check, version="v1")  # accepted before: not checked again
    with pytest.raises(ValueError):
        again.checked("(a+)+", check, version="v1")  # refused before: checked, refused again
    again.checked("a+b", check, version="v2")  # another version of the check: checked
    assert calls == ["a+b", "(a+)+", "(a+)+", "a+b"]


def test_the_file_keeps_at_most_max_entries_and_those_used_first(tmp_path: Path) -> None:
    path = tmp_path / "memo.marshal"
    memo = CodeMemo(path)
    memo.MAX_ENTRIES = 5
    for i in range(8):
        memo.compile(f"第{i}[章节]")
    memo.save()
    later = CodeMemo(path)
    later.MAX_ENTRIES = 5
    assert len(later.known) == 5
    later.compile("第0[章节]")  # used by this run: kept although oldest
    for i in range(3):
        later.compile(f"条{i}")
    later.save()
    kept = set(CodeMemo(path).known)
    assert len(kept) == 5 and ("第0[章节]", 0) in kept and {(f"条{i}", 0) for i in range(3)} <= kept


def test_the_file_keeps_at_most_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "memo.marshal"
    memo = CodeMemo(path)
    for i in range(6):
        memo.compile(f"第{i}[章节]")
    size = len("第0[章节]") + len(memo.known[("第0[章节]", 0)][1])
    memo.MAX_BYTES = 3 * size
    memo.save()
    assert set(CodeMemo(path).known) == {(f"第{i}[章节]", 0) for i in (3, 4, 5)}


def test_a_memo_that_cannot_be_written_still_compiles(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    memo = CodeMemo(blocker / "memo.marshal")
    same(memo.compile(PATTERNS[1][0]), re.compile(PATTERNS[1][0]))
    memo.save()  # cannot create the folder: nothing written, nothing raised
    assert memo.dirty and blocker.is_file()


def test_an_engine_that_refuses_the_memos_programs_turns_the_memo_off(tmp_path: Path) -> None:
    memo = CodeMemo(tmp_path / "memo.marshal")

    class Refusing:
        CODESIZE = 4

        @staticmethod
        def compile(*args: object) -> None:
            raise TypeError("compile() takes another signature here")

    memo._sre = Refusing()  # as on a Python whose _sre.compile changed
    same(memo.compile(PATTERNS[0][0]), re.compile(PATTERNS[0][0]))
    assert memo.path is None and not memo.known  # from now on plain re.compile, nothing kept
    same(memo.compile(PATTERNS[1][0]), re.compile(PATTERNS[1][0]))


def test_entries_of_the_wrong_shape_are_dropped_on_reading(tmp_path: Path) -> None:
    import marshal

    path = tmp_path / "memo.marshal"
    memo = CodeMemo(path)
    memo.compile(PATTERNS[0][0])
    memo.save()
    data = marshal.loads(path.read_bytes())
    data["programs"][("第[一二]章", 0)] = 7  # not a program
    data["programs"]["no key"] = (0, b"", 0, {}, ())
    path.write_bytes(marshal.dumps(data))
    again = CodeMemo(path)
    assert set(again.known) == {(PATTERNS[0][0], 0)}
    same(again.compile("第[一二]章"), re.compile("第[一二]章"))
    again.save()
    assert set(CodeMemo(path).known) == {(PATTERNS[0][0], 0), ("第[一二]章", 0)}
