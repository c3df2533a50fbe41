"""Plans → table rows: the columns of the batch tables and how a parsed plan fills them.

Every row names its plan's ``file`` and content ``hash`` (the join keys) and carries its character span
``start``/``end`` into the plan's text, plus ``page`` for PDF input. The tables are built column by
column in plain lists; `textkit.batch.parquet` turns them into Parquet.

>>> from textkit.pipeline import parse_text
>>> t = Tables()
>>> t.add_plan(parse_text("一、总体要求\\n由办公室牵头，9月底前完成。\\n"), file="a.txt", hash="h")
>>> t.columns["sections"]["title"], t.columns["units"]["name"]
(['总体要求'], ['办公室'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from textkit.model import Plan, sections_with_parent

__all__ = ["COMPARE_TABLES", "PARSE_TABLES", "SCHEMAS", "ColumnType", "Tables"]

ColumnType = Literal["string", "int64", "float64", "bool", "list<string>"]

_KEYS: tuple[tuple[str, ColumnType], ...] = (("file", "string"), ("hash", "string"))
_SPAN: tuple[tuple[str, ColumnType], ...] = (("start", "int64"), ("end", "int64"), ("page", "int64"))

# The schema of every table: column name → type. Nullable columns are null where the plan has no value
# (``page`` outside PDF, ``alias`` of a unit without one).
SCHEMAS: dict[str, tuple[tuple[str, ColumnType], ...]] = {
    "plans": (
        *_KEYS, ("format", "string"), ("encoding", "string"), ("title", "string"), ("length", "int64"),
        ("pages", "int64"), ("sections", "int64"), ("measures", "int64"), ("units", "int64"),
        ("dates", "int64"), ("warnings", "int64"), ("period_start", "string"), ("period_end", "string"),
        ("reference_date", "string"),
    ),
    "sections": (
        *_KEYS, ("id", "string"), ("parent", "string"), ("level", "int64"), ("marker", "string"),
        ("number", "int64"), ("style", "string"), ("title", "string"), *_SPAN,
        ("title_start", "int64"), ("title_end", "int64"),
    ),
    "measures": (
        *_KEYS, ("section", "string"), ("kind", "string"), *_SPAN, ("title", "string"),
        ("path", "list<string>"), ("text", "string"), ("unit_names", "list<string>"), ("dates", "int64"),
    ),
    "units": (
        *_KEYS, *_SPAN, ("text", "string"), ("name", "string"), ("role", "string"),
        ("collective", "bool"), ("alias", "string"), ("label", "string"), ("rule_id", "string"),
        ("section", "string"),
    ),
    "dates": (
        *_KEYS, *_SPAN, ("text", "string"), ("kind", "string"), ("rule_id", "string"), ("section", "string"),
        ("value_start", "string"), ("value_end", "string"), ("freq", "string"), ("count", "int64"),
        ("day", "string"), ("time", "string"),
    ),
    "errors": (*_KEYS, ("error", "string"), ("message", "string")),
    # Comparison: each plan's top-k most similar plans (estimated Jaccard of character shingles).
    "neighbours": (
        *_KEYS, ("rank", "int64"), ("neighbour", "string"), ("neighbour_hash", "string"), ("similarity", "float64"),
    ),
    # A passage of ``file`` [start, end) aligned to ``other`` [other_start, other_end).
    "reuse": (
        *_KEYS, *_SPAN, ("other", "string"), ("other_hash", "string"), ("other_start", "int64"),
        ("other_end", "int64"), ("other_page", "int64"), ("score", "float64"), ("raw_score", "int64"),
        ("length", "int64"), ("similarity", "float64"),
    ),
    # The coverage matrix in long form: one row per plan and checklist item.
    "coverage": (*_KEYS, ("item", "string"), ("status", "string")),
}
# A comparison keeps its unreadable files apart, so it can share a folder with a parse's ``errors``.
SCHEMAS["compare_errors"] = SCHEMAS["errors"]

PARSE_TABLES: tuple[str, ...] = ("plans", "sections", "measures", "units", "dates", "errors")
COMPARE_TABLES: tuple[str, ...] = ("neighbours", "reuse", "coverage", "compare_errors")


@dataclass(slots=True)
class Tables:
    """Column lists of some tables being filled, one row at a time."""

    names: tuple[str, ...] = PARSE_TABLES
    columns: dict[str, dict[str, list[Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.names:
            self.columns.setdefault(name, {c: [] for c, _ in SCHEMAS[name]})

    def rows(self, name: str) -> int:
        first = next(iter(self.columns[name].values()))
        return len(first)

    def add(self, table: str, /, **row: Any) -> None:
        """Append one row; every column of the table must be given (a missing one is a bug here)."""
        cols = self.columns[table]
        if row.keys() != cols.keys():
            raise KeyError(f"table {table}: columns {sorted(row)} do not match {sorted(cols)}")
        for key, value in row.items():
            cols[key].append(value)

    def extend(self, other: Tables) -> None:
        """Append all rows of ``other`` (same tables)."""
        for name, cols in other.columns.items():
            for key, values in cols.items():
                self.columns[name][key].extend(values)

    def add_error(self, *, file: str, hash: str, error: str, message: str) -> None:
        """A row of the errors table among ``names`` (``errors``, or ``compare_errors``)."""
        table = "errors" if "errors" in self.columns else "compare_errors"
        self.add(table, file=file, hash=hash, error=error, message=message)

    def add_plan(self, plan: Plan, *, file: str, hash: str) -> None:
        """The rows of one parsed plan in every parse table."""
        doc = plan.document
        text = doc.text
        page = doc.page_of if doc.pages else (lambda _offset: None)
        sections = 0
        for s, parent in sections_with_parent(plan.root):
            sections += 1
            self.add(
                "sections", file=file, hash=hash, id=s.id, parent=parent, level=s.level, marker=s.marker,
                number=s.value, style=s.style, title=s.title, start=s.start, end=s.end, page=page(s.start),
                title_start=s.title_start, title_end=s.title_end,
            )
        for m in plan.measures:
            self.add(
                "measures", file=file, hash=hash, section=m.section, kind=m.kind, start=m.start, end=m.end,
                page=page(m.start), title=m.title, path=list(m.path), text=text[m.start : m.end],
                unit_names=[u.name for u in m.units], dates=len(m.times),
            )
        for u in plan.units:
            self.add(
                "units", file=file, hash=hash, start=u.start, end=u.end, page=page(u.start), text=u.text,
                name=u.name, role=u.role, collective=u.collective, alias=u.alias, label=u.label,
                rule_id=u.rule_id, section=u.section,
            )
        for t in plan.dates:
            v = t.value
            self.add(
                "dates", file=file, hash=hash, start=t.start, end=t.end, page=page(t.start), text=t.text,
                kind=t.kind, rule_id=t.rule_id, section=t.section, value_start=v.start, value_end=v.end,
                freq=v.freq, count=v.count, day=v.day, time=v.time,
            )
        from textkit.structure import plan_title

        period = plan.period
        self.add(
            "plans", file=file, hash=hash, format=doc.format, encoding=doc.encoding,
            title=plan_title(doc, plan.root), length=len(text), pages=len(doc.pages) or None,
            sections=sections, measures=len(plan.measures), units=len(plan.units), dates=len(plan.dates),
            warnings=len(plan.warnings) + len(doc.warnings),
            period_start=period.start if period else None, period_end=period.end if period else None,
            reference_date=plan.reference_date.isoformat() if plan.reference_date else None,
        )
