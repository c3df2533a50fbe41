"""DataFrames for notebooks (the one place pandas is imported).

>>> import textkit
>>> frames = plan_frames(textkit.parse_text("一、总体要求\\n（一）指导思想\\n"))
>>> list(frames["sections"]["marker"])
['一、', '（一）']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

import pandas as pd

from textkit.model import Plan

__all__ = ["check_frames", "plan_frames", "plans_frames", "records_frame", "write_xlsx", "write_xlsx_sheets"]

DataFrame = pd.DataFrame


def records_frame(records: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A DataFrame from dict records; ``columns`` fixes the column order (and exists even if empty)."""
    rows = [dict(r) for r in records]
    if columns is None:
        return pd.DataFrame(rows)
    return pd.DataFrame(rows, columns=list(columns))


def plan_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """One DataFrame per kind of thing in ``plan``: sections, measures, units, dates, quantities."""
    return plans_frames([plan])


def plans_frames(plans: Iterable[Plan]) -> dict[str, pd.DataFrame]:
    """The same tables over many plans, with a ``source`` column, for a researcher's notebook."""
    sections: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    units: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    quantities: list[dict[str, Any]] = []
    for plan in plans:
        doc = plan.document
        src = doc.source

        page = doc.page_of  # the PDF page of an offset (None for .txt/.docx)

        for s in plan.root.sections():
            sections.append({"source": src, "id": s.id, "level": s.level, "marker": s.marker, "value": s.value,
                             "style": s.style, "title": s.title, "start": s.start, "end": s.end,
                             "page": page(s.start)})
        for m in plan.measures:
            measures.append({"source": src, "section": m.section, "kind": m.kind, "title": m.title,
                             "path": " / ".join(m.path), "start": m.start, "end": m.end, "page": page(m.start),
                             "units": "、".join(u.name for u in m.units),
                             "dates": "；".join(t.text for t in m.times)})
        for u in plan.units:
            units.append({"source": src, **asdict(u), "page": page(u.start)})
        for t in plan.dates:
            d = asdict(t)
            value = d.pop("value")
            dates.append({"source": src, **d, **{f"value_{k}": v for k, v in value.items()}, "page": page(t.start)})
        for q in plan.quantities:
            quantities.append({"source": src, **asdict(q), "page": page(q.start)})
    return {
        "sections": records_frame(sections, ["source", "id", "level", "marker", "value", "style", "title", "start",
                                             "end", "page"]),
        "measures": records_frame(measures, ["source", "section", "kind", "title", "path", "start", "end", "page",
                                             "units", "dates"]),
        "units": records_frame(units),
        "dates": records_frame(dates),
        "quantities": records_frame(quantities),
    }


def write_xlsx(frame: pd.DataFrame, path: str | os.PathLike[str], *, sheet: str = "Sheet1") -> None:
    """Write ``frame`` to an .xlsx file (openpyxl engine), one sheet, no index, columns sized to their text."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet[:31], index=False)
        ws = writer.sheets[sheet[:31]]
        for i, col in enumerate(frame.columns, start=1):
            values = [str(col), *(str(v) for v in frame[col].tolist() if v is not None)]
            # CJK characters are about two Latin characters wide; cap long text columns
            width = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in v) for v in values), default=8)
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, max(6, width + 2))


def write_xlsx_sheets(frames: Mapping[str, pd.DataFrame], path: str | os.PathLike[str]) -> None:
    """Write several DataFrames to one .xlsx file, one sheet each (sheet names cut to Excel's 31)."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)


def check_frames(result: Any) -> dict[str, pd.DataFrame]:
    """The verdicts of `textkit.comparison.coverage.check` as DataFrames: ``items`` (one row per
    checklist item) and ``evidence`` (one row per piece of evidence, spans into the draft's text).

    >>> frames = check_frames(result)  # doctest: +SKIP
    >>> frames["items"].set_index("id").loc["lilun-xuexi", "status"]  # doctest: +SKIP
    'covered'
    """
    src = result.plan.document.source
    items: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    for r in result.items:
        items.append({"source": src, "id": r.item.id, "title": r.item.title, "item_source": r.item.source,
                      "parent": r.parent, "priority": r.item.priority, "status": r.status, "score": r.score,
                      "coverage": r.coverage, "section": r.evidence[0].section if r.evidence else "",
                      "not_found": "；".join(r.not_found), "confidence": r.confidence, "safeguard": r.safeguard})
        for rank, e in enumerate(r.evidence, start=1):
            evidence.append({"source": src, "id": r.item.id, "rank": rank, "section": e.section, "kind": e.kind,
                             "text": e.text, "start": e.start, "end": e.end,
                             "page": result.plan.document.page_of(e.start), "score": e.score,
                             "keyword_score": e.keyword_score, "tfidf": e.tfidf, "dedicated": e.dedicated})
    return {
        "items": records_frame(items, ["source", "id", "title", "item_source", "parent", "priority", "status", "score",
                                       "coverage", "section", "not_found", "confidence", "safeguard"]),
        "evidence": records_frame(evidence, ["source", "id", "rank", "section", "kind", "text", "start", "end", "page",
                                             "score", "keyword_score", "tfidf", "dedicated"]),
    }
