"""Parquet writing (the one place pyarrow is imported) and the manifest that makes reruns safe.

Layout of an output folder::

    OUTDIR/plans.parquet/part-<partition>.parquet     one Parquet dataset folder per table
    OUTDIR/_partitions/<partition>.json               one entry per finished partition
    OUTDIR/manifest.json                              the summary of the last complete run

A partition writes each table's part file to a temporary name and renames it into place (atomic on
one file system), and only then its entry in ``_partitions``. A part file without an entry belongs to a
partition that died before finishing: `clean` removes it and the partition's files are parsed again.
A partition that runs twice (its worker died after writing) writes the same names again, so nothing
is duplicated.

>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> write_part(out, "errors", "p1", {"file": ["a.txt"], "hash": ["h"], "error": ["EmptyInputError"],
...            "message": ["a.txt: empty"]})
1
>>> read_table(out, "errors").column("error").to_pylist()
['EmptyInputError']
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from textkit.batch.tables import SCHEMAS, ColumnType

__all__ = [
    "PARTITIONS_DIR",
    "clean",
    "done_partitions",
    "read_table",
    "table_dir",
    "write_json",
    "write_part",
]

PARTITIONS_DIR = "_partitions"

_TYPES: dict[ColumnType, pa.DataType] = {
    "string": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "list<string>": pa.list_(pa.string()),
}


def _schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(name, _TYPES[kind]) for name, kind in SCHEMAS[table]])


def table_dir(outdir: str | os.PathLike[str], table: str) -> Path:
    """The dataset folder of ``table`` (``OUTDIR/<table>.parquet``)."""
    return Path(outdir) / f"{table}.parquet"


def _atomic_path(final: Path) -> Path:
    # Unique per writer, so two attempts of one partition (a retry racing a zombie) never share a file.
    return final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")


def write_part(
    outdir: str | os.PathLike[str], table: str, partition: str, columns: Mapping[str, Sequence[Any]]
) -> int:
    """Write one partition's rows of ``table`` atomically; returns the row count. A table with no rows
    still gets its (empty, typed) part, so every table of a finished run can be read."""
    folder = table_dir(outdir, table)
    folder.mkdir(parents=True, exist_ok=True)
    data = pa.table({name: pa.array(columns[name], type=t) for name, t in zip(
        _schema(table).names, _schema(table).types, strict=True)}, schema=_schema(table))
    final = folder / f"part-{partition}.parquet"
    tmp = _atomic_path(final)
    pq.write_table(data, tmp, compression="zstd")
    os.replace(tmp, final)
    return int(data.num_rows)


def write_json(path: str | os.PathLike[str], payload: Any) -> None:
    """Write JSON atomically (temporary file, then rename)."""
    final = Path(path)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = _atomic_path(final)
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, final)


def done_partitions(outdir: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The entries of the partitions that finished, by partition id."""
    folder = Path(outdir) / PARTITIONS_DIR
    if not folder.is_dir():
        return {}
    entries: dict[str, dict[str, Any]] = {}
    for f in sorted(folder.glob("*.json")):
        entries[f.stem] = json.loads(f.read_text(encoding="utf-8"))
    return entries


def clean(outdir: str | os.PathLike[str], tables: Iterable[str], keep: Iterable[str]) -> int:
    """Remove temporary files and part files of partitions not in ``keep`` (those that died before
    their entry was written); returns how many files were removed."""
    keep_names = {f"part-{p}.parquet" for p in keep}
    removed = 0
    for table in tables:
        folder = table_dir(outdir, table)
        if not folder.is_dir():
            continue
        for f in folder.iterdir():
            if f.name.endswith(".tmp") or (f.name.startswith("part-") and f.name not in keep_names):
                f.unlink()
                removed += 1
    entries = Path(outdir) / PARTITIONS_DIR
    if entries.is_dir():
        for f in entries.glob("*.tmp"):
            f.unlink()
            removed += 1
    return removed


def read_table(outdir: str | os.PathLike[str], table: str) -> pa.Table:
    """All part files of ``table`` as one Arrow table (empty and typed when there are none)."""
    folder = table_dir(outdir, table)
    parts = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    if not parts:
        return _schema(table).empty_table()
    return pa.concat_tables([pq.read_table(p, schema=_schema(table)) for p in parts])
