"""Batch parsing: many plans → Parquet tables, on a Dask cluster, resumable.

The inputs are hashed and cut into partitions; each partition is one task that parses its files and
writes its part of every table (see `textkit.batch.parquet` for how that stays safe when a worker dies).
A file that cannot be read is a row of ``errors``, never a failed job. A rerun into the same folder
skips every file whose content was already parsed.

>>> summary = parse_batch(["corpora"], "out", workers=2)  # doctest: +SKIP
>>> summary.parsed, summary.rows["sections"]  # doctest: +SKIP
(2, 131)
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from textkit.batch.files import InputFile, discover, partition
from textkit.batch.parquet import PARTITIONS_DIR, clean, done_partitions, write_json, write_part
from textkit.batch.runner import Failed, connect
from textkit.batch.tables import PARSE_TABLES, Tables
from textkit.errors import InputError
from textkit.reading import DEFAULT_LIMITS, Limits

__all__ = ["BATCH_SCHEMA", "BatchSummary", "ParseTask", "parse_batch", "parse_partition"]

BATCH_SCHEMA = "textkit.batch/1"
_MAX_PARTITION = 200  # files per task: large enough to amortise a task, small enough to lose little


@dataclass(frozen=True, slots=True)
class ParseTask:
    """One partition: its files and where its parts go."""

    outdir: str
    partition: str
    files: tuple[InputFile, ...]
    reference_date: date | None = None
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a run did: files found, skipped (content already parsed), parsed now, error rows written now,
    partitions run, rows written now per table, and the number of workers."""

    outdir: str
    files: int
    skipped: int
    parsed: int
    errors: int
    partitions: int
    workers: int
    rows: dict[str, int] = field(default_factory=dict)
    peak_memory: tuple[int, ...] = ()
    cpu_seconds: tuple[float, ...] = ()


def _partition_id(files: Sequence[InputFile]) -> str:
    h = hashlib.blake2b(digest_size=10)
    for f in files:
        h.update(f"{f.path}\0{f.hash}\n".encode())
    return h.hexdigest()


def _write(outdir: str, partition: str, tables: Tables, files: Sequence[InputFile]) -> dict[str, int]:
    """Every table's part, then the partition's entry: the entry is the commit point."""
    rows = {name: write_part(outdir, name, partition, tables.columns[name]) for name in tables.names}
    write_json(os.path.join(outdir, PARTITIONS_DIR, f"{partition}.json"),
               {"partition": partition, "files": [[f.path, f.hash] for f in files], "rows": rows})
    return rows


def parse_partition(task: ParseTask) -> dict[str, int]:
    """Parse one partition's files and write its parts; returns rows written per table.

    Runs on a worker. A file that cannot be read (`InputError`) becomes an ``errors`` row; so does any
    other exception raised while parsing one file, because one bad file must never fail the batch (its
    class and message are kept so the bug can be found).
    """
    from textkit.pipeline import parse

    tables = Tables()
    for f in task.files:
        # A plan's rows go in only when all of them were made: a failure half-way leaves no partial rows.
        rows = Tables()
        try:
            plan = parse(f.path, reference_date=task.reference_date, limits=task.limits)
            rows.add_plan(plan, file=f.path, hash=f.hash)
        except InputError as exc:
            tables.add_error(file=f.path, hash=f.hash, error=type(exc).__name__, message=str(exc))
        except Exception as exc:  # a parser bug on one document: recorded, the batch goes on
            tables.add_error(file=f.path, hash=f.hash, error=f"internal:{type(exc).__name__}",
                             message=f"{f.path}: {exc}")
        else:
            tables.extend(rows)
    return _write(task.outdir, task.partition, tables, task.files)


def _failed_partition(task: ParseTask, error: str) -> dict[str, int]:
    """A single file whose task kept failing (its worker died each time, or the task itself raised):
    an ``errors`` row saying why."""
    tables = Tables()
    for f in task.files:
        tables.add_error(file=f.path, hash=f.hash, error="TaskFailed", message=f"{f.path}: {error}")
    return _write(task.outdir, task.partition, tables, task.files)


def parse_batch(
    inputs: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    quiet: bool = False,
    reference_date: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    partition_size: int | None = None,
) -> BatchSummary:
    """Parse files and folders of plans into Parquet tables in ``outdir`` on Dask.

    Without ``scheduler`` a local cluster of ``workers`` processes (default: one per CPU) runs the job;
    with one (``tcp://host:8786``) the existing cluster does. Tables: plans, sections, measures, units,
    dates, errors (each a Parquet dataset folder ``<name>.parquet``).

    >>> s = parse_batch(["政策文件/"], "表格", workers=2, quiet=True)  # doctest: +SKIP
    >>> s.skipped  # a second run finds everything done  # doctest: +SKIP
    0
    """
    out = os.fspath(outdir)
    os.makedirs(out, exist_ok=True)
    files, discovery_errors = discover(inputs)
    entries = done_partitions(out)
    clean(out, PARSE_TABLES, keep=entries)
    done = {h for e in entries.values() for _path, h in e["files"]}
    pending = [f for f in files if f.hash not in done]
    rows = dict.fromkeys(PARSE_TABLES, 0)
    if discovery_errors:
        # Paths that are not readable files have no content hash: keyed by the paths themselves.
        tables = Tables()
        for exc in discovery_errors:
            tables.add_error(file=getattr(exc, "source", ""), hash="", error=type(exc).__name__, message=str(exc))
        ghost = [InputFile(getattr(e, "source", ""), "", 0) for e in discovery_errors]
        for name, n in _write(out, "discover-" + _partition_id(ghost), tables, []).items():
            rows[name] += n
    with connect(scheduler=scheduler, workers=workers, quiet=quiet) as run:
        n_workers = run.workers
        size = partition_size or max(1, min(_MAX_PARTITION, math.ceil(len(pending) / (4 * max(1, n_workers)))))
        tasks = [
            ParseTask(out, _partition_id(part), tuple(part), reference_date, limits)
            for part in partition(pending, size=size)
        ]
        retry: list[ParseTask] = []
        for task, result in run.map(parse_partition, tasks, desc="parse", key="parse"):
            if isinstance(result, Failed):
                if len(task.files) > 1:  # find the file that kills its worker: one task per file
                    retry.extend(ParseTask(out, _partition_id([f]), (f,), reference_date, limits)
                                 for f in task.files)
                else:
                    result = _failed_partition(task, result.error)
            if not isinstance(result, Failed):
                for name, n in result.items():
                    rows[name] += n
        for task, result in run.map(parse_partition, retry, desc="parse (retry)", key="parse-retry"):
            counts = _failed_partition(task, result.error) if isinstance(result, Failed) else result
            for name, n in counts.items():
                rows[name] += n
        peaks = tuple(sorted(run.peak_memory().values()))
        cpu = tuple(sorted(run.cpu_seconds().values()))
    # A partition that failed as a whole may have written some parts before its worker died; its files
    # were redone one by one, so those parts must go now, not at the next run.
    clean(out, PARSE_TABLES, keep=done_partitions(out))
    summary = BatchSummary(
        outdir=out, files=len(files), skipped=len(files) - len(pending), parsed=len(pending),
        errors=rows["errors"], partitions=len(tasks) + len(retry), workers=n_workers, rows=rows,
        peak_memory=peaks, cpu_seconds=cpu,
    )
    _write_manifest(out)
    return summary


def _write_manifest(outdir: str) -> None:
    """The summary of everything finished in ``outdir`` (all runs): files, partitions, rows per table."""
    entries = done_partitions(outdir)
    totals = dict.fromkeys(PARSE_TABLES, 0)
    for e in entries.values():
        for name, n in e["rows"].items():
            totals[name] = totals.get(name, 0) + n
    write_json(os.path.join(outdir, "manifest.json"), {
        "schema": BATCH_SCHEMA,
        "files": sum(len(e["files"]) for e in entries.values()),
        "partitions": sorted(entries),
        "rows": totals,
        "tables": {name: f"{name}.parquet" for name in PARSE_TABLES},
    })
