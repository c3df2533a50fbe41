"""Evaluation gate for dates on the dev corpus (../shared/corpus): the floors of issue 4.

Matching follows ../shared/corpus/score.py: a gold date is found by a predicted one on the same line
whose text contains it or is contained in it (NFKC, spaces removed); vague timing is not annotated.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from textkit.pipeline import parse

F1_FLOOR, VALUE_FLOOR, END_FLOOR = 0.92, 0.90, 0.95


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def _score(corpus: Path) -> dict[str, float]:
    tp = n_pred = n_gold = val_ok = val_n = end_ok = end_n = 0
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ref = gold.get("reference_date")
        plan = parse(corpus / "raw" / gold["file"], reference_date=date.fromisoformat(ref) if ref else None)
        pred: list[dict[str, Any]] = [
            {"line": plan.document.line_of(t.start), "text": t.text, "value": t.value}
            for t in plan.dates if t.kind not in ("vague", "duration")
        ]
        n_pred += len(pred)
        n_gold += len(gold["dates"])
        used: set[int] = set()
        for gd in gold["dates"]:
            hit = next((j for j, p in enumerate(pred) if j not in used and p["line"] == gd["line"]
                        and (_norm(gd["text"]) in _norm(p["text"]) or _norm(p["text"]) in _norm(gd["text"]))), None)
            if hit is None:
                continue
            used.add(hit)
            tp += 1
            v = pred[hit]["value"]
            if gd.get("end"):
                end_n += 1
                end_ok += v.end == gd["end"]
            if gd.get("start") or gd.get("end") or gd.get("freq"):
                val_n += 1
                val_ok += (v.freq == gd.get("freq")) if gd["kind"] == "recurrence" else \
                    (v.start == gd.get("start") and v.end == gd.get("end"))
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "value": val_ok / max(val_n, 1), "end": end_ok / max(end_n, 1)}


@pytest.fixture(scope="module")
def scores(shared_corpus: Path) -> dict[str, float]:
    return _score(shared_corpus)


def test_dates_f1_floor(scores: dict[str, float]) -> None:
    assert scores["f1"] >= F1_FLOOR, scores


def test_dates_value_floor(scores: dict[str, float]) -> None:
    assert scores["value"] >= VALUE_FLOOR, scores


def test_dates_end_floor(scores: dict[str, float]) -> None:
    assert scores["end"] >= END_FLOOR, scores
