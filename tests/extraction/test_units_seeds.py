"""Responsible units on the seed plans, and the evaluation gate on the dev corpus (../shared/corpus)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from textkit.extraction.units import extract_units
from textkit.model import Document, ResponsibleUnit
from textkit.structure import parse_structure

# pinned floors: raise them when extraction improves, never lower them to make a change pass
UNITS_F1_FLOOR = 0.98
UNITS_ROLE_FLOOR = 0.99  # per occurrence: the n-th unit of a name on a line against the n-th in the gold


def _units(text: str) -> tuple[Document, tuple[ResponsibleUnit, ...]]:
    doc = Document(text=text)
    root, _ = parse_structure(doc)
    return doc, extract_units(doc, root)


def _by_section(units: tuple[ResponsibleUnit, ...]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for u in units:
        out.setdefault(u.section, []).append(u.name)
    return out


def test_seed001_units_per_item(seed001_text: str) -> None:
    _doc, units = _units(seed001_text)
    sections = _by_section(units)
    assert sections["二/（一）/1"] == ["机关党委"]
    assert sections["二/（三）/1"] == ["机关党委", "办公室", "人事科"]
    assert sections["二/（二）/1"] == ["办公室"]  # 责任单位： 办公室 (space after the colon)


def test_seed001_line_41_alias_and_office(seed001_text: str) -> None:
    doc, units = _units(seed001_text)
    line41 = [u for u in units if doc.line_of(u.start) == 41]
    assert [(u.text, u.name, u.alias, u.role) for u in line41] == [
        ("机关党委（机关纪委）", "机关党委", "机关纪委", "responsible"),
        ("办公室", "办公室", None, "responsible"),
    ]


def test_seed001_recipients_are_not_units(seed001_text: str) -> None:
    doc, units = _units(seed001_text)
    line36 = [u.text for u in units if doc.line_of(u.start) == 36]  # 报局领导小组办公室
    assert line36 == []
    assert all(doc.text[u.start:u.end] == u.text for u in units)


def test_seed001_phrased_lead(seed001_text: str) -> None:
    doc, units = _units(seed001_text)
    assert [(u.text, u.role) for u in units if doc.line_of(u.start) == 42] == [("市局", "lead")]


def test_seed000_office_set_up_for_daily_work(seed000_text: str) -> None:
    doc, units = _units(seed000_text)
    assert [(u.text, u.role, doc.line_of(u.start)) for u in units] == [("办公室", "responsible", 18)]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def test_dev_corpus_gate(shared_corpus: Path) -> None:
    tp = n_pred = n_gold = role_ok = role_n = 0
    for gold_path in sorted((shared_corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (shared_corpus / "raw" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        doc, units = _units(text)
        pred: dict[tuple[int, str], list[str]] = {}
        for u in units:
            pred.setdefault((doc.line_of(u.start), _norm(u.text)), []).append(u.role)
        want: dict[tuple[int, str], list[str]] = {}
        for g in gold["units"]:
            want.setdefault((g["line"], _norm(g["text"])), []).append(g["role"])
        g_count = Counter({k: len(v) for k, v in want.items()})
        p_count = Counter({k: len(v) for k, v in pred.items()})
        tp += sum((g_count & p_count).values())
        n_pred += sum(p_count.values())
        n_gold += sum(g_count.values())
        for k, roles in want.items():
            for a, b in zip(roles, pred.get(k, []), strict=False):
                role_n += 1
                role_ok += a == b
    p, r = tp / n_pred, tp / n_gold
    f1 = 2 * p * r / (p + r)
    assert f1 >= UNITS_F1_FLOOR, f"units F1 {f1:.3f} (P {p:.3f} R {r:.3f}) fell below {UNITS_F1_FLOOR}"
    assert role_ok / role_n >= UNITS_ROLE_FLOOR, f"role accuracy {role_ok / role_n:.3f}"
