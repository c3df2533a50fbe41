"""The shortcuts of unit extraction and measure building answer exactly what the plain computation answers,
and fall back to it when a user's rules break what they rely on."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from itertools import product
from pathlib import Path

from textkit.extraction import measures as M
from textkit.extraction import units as U
from textkit.extraction.units import extract_units, load_unit_rules, user_rules
from textkit.model import Document, ResponsibleUnit, Section
from textkit.structure import parse_structure

# a task table (as in test_units_tables) and cells of the kinds a table holds
TABLE = (
    "序号\t项目名称\t子项目名称\t任务落实及措施目标细化\t完成时间\t负责处室/年段\t配合处室\t负责人\t分管领导\n"
    "1\t深化民主办学\t1—1\t完善学校章程\t7月底前\t工 会\t党政办\t刘夏进\t蒋 明\n"
    "1—2\t相关制度完善\t制定或完善相关制度\t6月底前\t党政办 德育处\t教学处团 委 各年段\t刘明玉\t孙洪亮\n"
    "1—3\t年度重点工作\t学校年度重点工作清单\t全年\t教科室\t各处室各年段\t苏卫军\n"
)
CELLS = ["党政办 总务处", "教学处教科室", "市委办公室", "工 会", "各处室各年段", "各处室", "相关部门", "校各处室",
         "有关科室", "市教育局各有关单位", "加强学校设施设备管理", "2021年7月底前", "全年", "19—5", "朱水军",
         "各年段", "其他", "各", "省直各有关单位", "学校纪检工作", "校长", "教务员", "中层以上干部", "区域协作"]


def _cells(*texts: str) -> list[str]:
    """The given cells, the table's cells, and every clause of ``texts`` (between ，。；：、 and tabs)."""
    out = [*CELLS, *TABLE.replace("\n", "\t").split("\t")]
    for t in texts:
        out += [c for c in re.split(r"[，。；：、\t\n（）]", t) if c]
    return out


def _unity(c: str, rules: U.UnitRules) -> bool:
    """`_CellInfo.unity` without the `_may_list_units` shortcut: the cell segmented and every name read."""
    return 0 < len(c) <= 24 and all(U._strict_unit(c[a:b], rules) or U._is_collective(c[a:b], rules)
                                    for a, b in U._segment_cell(c, 0, len(c), rules))


def test_a_cell_ruled_out_is_no_list_of_units(seed000_text: str, seed001_text: str) -> None:
    rules = load_unit_rules()
    assert rules.collective_first is not None  # the default collectives start with a known character
    cells = [c for c in (U._compact(t) for t in _cells(seed000_text, seed001_text)) if 0 < len(c) <= 24]
    ruled_out = [c for c in cells if not U._may_list_units(c, rules)]
    assert len(ruled_out) > 100  # the shortcut is taken
    assert not [c for c in ruled_out if _unity(c, rules)]
    for c in cells:
        assert U._cell_info(c, rules).unity == _unity(c, rules), c


def test_cells_are_not_ruled_out_when_collectives_can_start_anywhere(tmp_path: Path) -> None:
    units = tmp_path / "units.toml"
    units.write_text('[[collective]]\nid = "any"\npattern = ".{0,2}各"\n', encoding="utf-8")
    rules = user_rules(units=units)
    assert rules.collective_first is None
    for c in ("加强学校设施设备管理", "全年", "朱水军"):
        assert U._may_list_units(c, rules)
        assert U._cell_info(c, rules).unity == _unity(c, rules)


def _align_plain(cells: Sequence[str], kinds: Sequence[str], rules: U.UnitRules) -> list[int]:
    """`align_row` as first written: every candidate alignment listed and scored in full."""
    n, h = len(cells), len(kinds)
    infos = [U._cell_info(c, rules) for c in cells]
    candidates = [[j + h - t - n for j in range(n)] for t in range(3)] + [list(range(n))]
    best, best_score = candidates[0], None
    for cand in candidates:
        score = sum(U._cell_score(infos[j], kinds[col]) for j, col in enumerate(cand) if 0 <= col < h)
        if best_score is None or score > best_score:
            best, best_score = cand, score
    return best


def test_align_row_is_the_plain_alignment() -> None:
    rules = load_unit_rules()
    header = TABLE.split("\n")[0].split("\t")
    kinds = [U._column_kind(h, rules) for h in header]
    pool = ["1—2", "相关制度完善", "制定或完善相关制度", "6月底前", "党政办 德育处", "各年段", "刘明玉", "", "全年"]
    for n in range(1, len(kinds) + 2):
        for start in range(len(pool)):
            cells = [pool[(start + i) % len(pool)] for i in range(n)]
            for h in (len(kinds), 3, 1):
                assert U.align_row(cells, kinds[:h], rules) == _align_plain(cells, kinds[:h], rules)


def _text_tables_plain(text: str) -> list[list[tuple[int, int, list[tuple[int, int]]]]]:
    """`_text_tables` line by line."""
    tables, run, pos = [], [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if "\t" in line:
            cells, last = [], a
            for j in [a + i for i, ch in enumerate(line) if ch == "\t"]:
                cells.append((last, j))
                last = j + 1
            cells.append((last, b))
            run.append((a, b, cells))
        elif run:
            tables.append(run)
            run = []
    if run:
        tables.append(run)
    return tables


def test_text_tables_are_the_runs_of_lines_with_tabs() -> None:
    texts = [TABLE, "", "\t", "a\tb", "\n\ta\n", "x\ty\n\nz\tw\n", "前言\n" + TABLE + "说明\n" + TABLE,
             "a\t\tb\nc\t\n\t\n\n", "no tab\nat all\n"]
    for text in texts:
        assert U._text_tables(Document(text=text)) == _text_tables_plain(text), text


def test_roles_by_last_group_are_the_roles_by_each_group(seed000_text: str, seed001_text: str,
                                                         tmp_path: Path) -> None:
    extra = tmp_path / "roles.toml"
    # a user's entries with groups of their own (named and numbered)
    extra.write_text("[[verb]]\nid = \"host\"\npattern = '(?P<how>主|承)办(会议)?'\nrole = \"lead\"\n"
                     "[[label]]\nid = \"host-unit\"\npattern = '(?P<what>承办)单位'\nrole = \"lead\"\n",
                     encoding="utf-8")
    lines = [*seed000_text.split("\n"), *seed001_text.split("\n"), "（市会展中心承办会议）", "承办单位：市会展中心"]
    for rules in (load_unit_rules(), user_rules(roles=extra)):
        plain_labels = [(rid, role) for rid, role in rules.label_roles]
        tried = 0
        for line in lines:
            for m in rules.label_re.finditer(line):
                i = next(i for i in range(len(plain_labels)) if m.group(f"l{i}") is not None)
                assert U._label_role(m, rules) == plain_labels[i]
                tried += 1
            for m in rules.verb_only_re.finditer(line):
                i = next(i for i in range(len(rules.verb_roles)) if m.group(f"v{i}") is not None)
                assert U._verb_role(m, rules) == (*rules.verb_roles[i], m.group(f"v{i}"))
                tried += 1
        assert tried > 50


def test_phrases_with_are_the_phrases_whose_trigger_is_present() -> None:
    rules = load_unit_rules()
    triggers = tuple(dict.fromkeys(t for _rid, t, _pat in rules.phrases))
    for mask in product((False, True), repeat=len(triggers)):
        present = tuple(t for t, on in zip(triggers, mask, strict=True) if on)
        chosen = U._phrases_with(present, rules)
        assert [p.rid for p in chosen] == [rid for rid, t, _pat in rules.phrases if t in present]
        assert U._phrases_with(present, rules) is chosen  # made once per combination


def _without_statement_memo(rules: U.UnitRules) -> U.UnitRules:
    plain = dataclasses.replace(rules)
    object.__setattr__(plain, "statements_by_text", False)
    return plain


def test_statements_read_once_per_text_are_the_statements_read_each_time(seed000_text: str,
                                                                          seed001_text: str) -> None:
    rules = load_unit_rules()
    assert rules.statements_by_text
    repeated = "\n".join(["1.推进数据共享（省大数据局牵头，各有关部门配合）。", "2.完善平台（省大数据局牵头，各有关部门配合）。",
                          "3.做好工作（2024年底前）。4.做好工作（2024年底前）（责任单位：市局、区局）。",
                          "5.（责任单位：市局、区局）"])
    for text in (seed000_text, seed001_text, repeated):
        doc = Document(text=text)
        root, _ = parse_structure(doc)
        assert extract_units(doc, root, rules=rules) == extract_units(doc, root, rules=_without_statement_memo(rules))


def test_statements_are_read_each_time_when_a_rule_looks_behind(tmp_path: Path) -> None:
    extra = tmp_path / "roles.toml"
    extra.write_text("[[verb]]\nid = \"host\"\npattern = '(?<!不)承办'\nrole = \"lead\"\n", encoding="utf-8")
    rules = user_rules(roles=extra)
    assert not rules.statements_by_text
    doc = Document(text="1.办好展会（市会展中心承办）\n2.办好论坛（市会展中心承办）\n")
    root = Section(kind="document", start=0, end=len(doc.text))
    assert [(u.start, u.text, u.role) for u in extract_units(doc, root, rules=rules)] == [
        (7, "市会展中心", "lead"), (23, "市会展中心", "lead")]


def _statement_ends_plain(text: str, sec: Section, units: Sequence[ResponsibleUnit]) -> list[int]:
    """`_statement_ends` reading every statement unit's bracket."""
    ends: list[int] = []
    for u in [u for u in units if u.rule_id.startswith(("label:", "verb:"))]:
        full, half = text.find("）", u.end, sec.end), text.find(")", u.end, sec.end)
        close = half if full < 0 else full if half < 0 else min(full, half)
        if close < 0 or "\n" in text[u.end:close]:
            continue
        end = close + 1
        while end < sec.end and text[end] in "。；;":
            end += 1
        if not ends or ends[-1] != end:
            ends.append(end)
    return ends if len(ends) >= 2 else []


def test_statement_ends_are_the_ends_of_every_statement(seed000_text: str, seed001_text: str) -> None:
    item = ("1.任务一（省大数据局、省财政厅牵头）。任务二（省财政厅牵头，各有关部门、各市政府配合）；"
            "任务三\n责任单位：市局、区局\n任务四（市局）")
    for text in (seed000_text, seed001_text, item):
        doc = Document(text=text)
        root, _ = parse_structure(doc)
        units = extract_units(doc, root)
        sec = Section(kind="section", start=0, end=len(text))
        assert M._statement_ends(text, sec, units) == _statement_ends_plain(text, sec, units)
        # units in any order, repeated or overlapping (a caller's own list)
        for shuffled in (units[::-1], units + units, tuple(sorted(units, key=lambda u: u.end))):
            assert M._statement_ends(text, sec, shuffled) == _statement_ends_plain(text, sec, shuffled)
    doc = Document(text=item)
    root, _ = parse_structure(doc)
    # after each bracket and its 。/；: the label line and the bracket without a statement cut nothing
    ends = M._statement_ends(item, Section(kind="section", start=0, end=len(item)), extract_units(doc, root))
    assert [item[e - 2:e] for e in ends] == ["）。", "）；"]
