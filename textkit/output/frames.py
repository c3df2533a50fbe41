"""DataFrames for notebooks (the one place pandas is imported).

>>> import textkit
>>> frames = plan_frames(textkit.parse_text("一、总体要求\\n（一）指导思想\\n"))
>>> list(frames["sections"]["marker"])
['一、', '（一）']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

import pandas as pd

from textkit.model import Plan

__all__ = ["plan_frames", "plans_frames", "records_frame"]

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
        src = plan.document.source
        for s in plan.root.sections():
            sections.append({"source": src, "id": s.id, "level": s.level, "marker": s.marker, "value": s.value,
                             "style": s.style, "title": s.title, "start": s.start, "end": s.end})
        for m in plan.measures:
            measures.append({"source": src, "section": m.section, "kind": m.kind, "title": m.title,
                             "path": " / ".join(m.path), "start": m.start, "end": m.end,
                             "units": "、".join(u.name for u in m.units),
                             "dates": "；".join(t.text for t in m.times)})
        for u in plan.units:
            units.append({"source": src, **asdict(u)})
        for t in plan.dates:
            d = asdict(t)
            value = d.pop("value")
            dates.append({"source": src, **d, **{f"value_{k}": v for k, v in value.items()}})
        for q in plan.quantities:
            quantities.append({"source": src, **asdict(q)})
    return {
        "sections": records_frame(sections, ["source", "id", "level", "marker", "value", "style", "title", "start", "end"]),
        "measures": records_frame(measures, ["source", "section", "kind", "title", "path", "start", "end", "units", "dates"]),
        "units": records_frame(units),
        "dates": records_frame(dates),
        "quantities": records_frame(quantities),
    }
