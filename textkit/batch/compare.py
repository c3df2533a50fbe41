"""Comparison at scale: MinHash LSH candidates, alignment of candidate pairs only, top-k neighbours and
the coverage matrix, each computed per partition on Dask, results in Parquet.

Stages (each a set of Dask tasks):

1. **sketch** — per partition of files: read each plan, take its MinHash signature over the normalised
   text (`textkit.batch.minhash`); with a checklist, parse it and record its coverage (one row per item).
2. **lsh** — per group of bands: bucket the signatures, list the pairs that share a bucket, estimate
   their Jaccard similarity from the signatures, keep those above the thresholds.
3. **neighbours** — each plan's ``top_k`` most similar candidates (never an N × N matrix).
4. **align** — per partition of candidate pairs above ``reuse_similarity``: the windowed Smith–Waterman
   of `textkit.comparison.reuse.align` finds the shared passages, with spans on both sides.

>>> c = compare_batch(["地方方案/"], "对比", workers=2, checklist="checklist.toml")  # doctest: +SKIP
>>> c.rows["neighbours"] > 0  # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from textkit.batch.files import InputFile, discover, partition
from textkit.batch.minhash import EMPTY, MinHasher, MinHashSettings, band_keys, candidate_pairs, similarity
from textkit.batch.parquet import clean, write_part
from textkit.batch.runner import Failed, connect
from textkit.batch.tables import COMPARE_TABLES, Tables
from textkit.comparison.checklist import Checklist
from textkit.comparison.coverage import CoverageEngine
from textkit.errors import InputError, OptionError
from textkit.model import Document, Plan
from textkit.reading import DEFAULT_LIMITS, Limits

__all__ = ["CompareSummary", "compare_batch", "coverage_statuses"]

log = logging.getLogger(__name__)

_SKETCH_PARTITION = 200
_ALIGN_PARTITION = 40  # pairs per task: a near-duplicate pair of long plans takes ~0.3 s to align, so small tasks keep both workers busy to the end


@dataclass(frozen=True, slots=True)
class CompareSummary:
    """What a comparison found: plans sketched, files in error, candidate pairs from LSH, rows written per
    table, workers, each worker's peak memory (bytes) and seconds per stage."""

    outdir: str
    plans: int
    errors: int
    candidates: int
    workers: int
    rows: dict[str, int] = field(default_factory=dict)
    peak_memory: tuple[int, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)


def coverage_statuses(plan: Plan, engine: CoverageEngine) -> list[tuple[str, str]]:
    """(item id, status) of every checklist item for one plan: the only place batch comparison touches
    the coverage engine (one `CoverageEngine` per partition: the checklist's concepts are read once)."""
    return [(r.item.id, r.status) for r in engine.check(plan).items]


class SketchTask(NamedTuple):
    outdir: str
    partition: str
    files: tuple[InputFile, ...]
    settings: MinHashSettings
    checklist: Checklist | None
    reference_date: date | None
    limits: Limits


class Sketch(NamedTuple):
    signatures: np.ndarray[Any, np.dtype[np.uint32]]
    valid: np.ndarray[Any, np.dtype[np.bool_]]
    rows: dict[str, int]


def sketch_partition(task: SketchTask) -> Sketch:
    """Signatures of a partition's plans (and their coverage rows, with a checklist); runs on a worker."""
    from textkit.comparison.reuse import normalise
    from textkit.pipeline import parse
    from textkit.reading import read

    engine = CoverageEngine(task.checklist) if task.checklist is not None else None
    hasher = MinHasher(task.settings)
    sigs = np.full((len(task.files), task.settings.num_perm), EMPTY, dtype=np.uint32)
    valid = np.zeros(len(task.files), dtype=np.bool_)
    tables = Tables(("coverage", "compare_errors"))
    for i, f in enumerate(task.files):
        one = Tables(("coverage",))
        try:
            doc = read(f.path, limits=task.limits)
            if engine is not None:
                plan = parse(doc, reference_date=task.reference_date)
                for item, status in coverage_statuses(plan, engine):
                    one.add("coverage", file=f.path, hash=f.hash, item=item, status=status)
            sig = hasher.signature(normalise(doc.text).codes)
        except InputError as exc:
            tables.add_error(file=f.path, hash=f.hash, error=type(exc).__name__, message=str(exc))
            continue
        except Exception as exc:  # a bug on one document: recorded, the batch goes on
            tables.add_error(file=f.path, hash=f.hash, error=f"internal:{type(exc).__name__}",
                             message=f"{f.path}: {exc}")
            continue
        tables.extend(one)
        sigs[i] = sig
        valid[i] = bool((sig != EMPTY).any())
    rows = {name: write_part(task.outdir, name, task.partition, tables.columns[name]) for name in tables.names}
    return Sketch(sigs, valid, rows)


class BandTask(NamedTuple):
    bands: tuple[int, int]  # [first, last) band
    num_bands: int
    max_bucket: int
    min_similarity: float


class Pairs(NamedTuple):
    codes: np.ndarray[Any, np.dtype[np.int64]]  # lo * n + hi
    similarity: np.ndarray[Any, np.dtype[np.float64]]
    candidates: np.ndarray[Any, np.dtype[np.int64]]  # every candidate code, kept or not


def lsh_bands(task: BandTask, shared: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]) -> Pairs:
    """Candidate pairs of some bands, with their estimated similarity; runs on a worker."""
    sigs, valid = shared
    n, num_perm = sigs.shape
    rows = num_perm // task.num_bands
    b0, b1 = task.bands
    keys = band_keys(sigs[:, b0 * rows : b1 * rows], b1 - b0)
    codes = candidate_pairs(keys, valid=valid, max_bucket=task.max_bucket)
    sim = np.zeros(len(codes), dtype=np.float64)
    for i in range(0, len(codes), 200_000):
        part = codes[i : i + 200_000]
        sim[i : i + len(part)] = similarity(sigs[part // n], sigs[part % n])
    keep = sim >= task.min_similarity
    return Pairs(codes[keep], sim[keep], codes)


class AlignTask(NamedTuple):
    outdir: str
    partition: str
    pairs: tuple[tuple[InputFile, InputFile, float], ...]
    limits: Limits


def align_pairs(task: AlignTask) -> dict[str, int]:
    """Reused passages of each candidate pair (windowed Smith–Waterman); runs on a worker."""
    from textkit.comparison.reuse import align
    from textkit.reading import read

    tables = Tables(("reuse", "compare_errors"))
    cache: dict[str, Document | None] = {}

    def doc(f: InputFile) -> Document | None:
        if f.path not in cache:
            if len(cache) > 64:
                cache.clear()
            try:
                cache[f.path] = read(f.path, limits=task.limits)
            except InputError as exc:  # changed or removed since it was sketched
                tables.add_error(file=f.path, hash=f.hash, error=type(exc).__name__, message=str(exc))
                cache[f.path] = None
        return cache[f.path]

    for a, b, sim in task.pairs:
        da, db = doc(a), doc(b)
        if da is None or db is None:
            continue
        for al in align(da.text, db.text):
            tables.add(
                "reuse", file=a.path, hash=a.hash, start=al.a_start, end=al.a_end, page=da.page_of(al.a_start),
                other=b.path, other_hash=b.hash, other_start=al.b_start, other_end=al.b_end,
                other_page=db.page_of(al.b_start), score=round(al.identity, 4), raw_score=al.score,
                length=al.a_norm[1] - al.a_norm[0], similarity=sim,
            )
    return {name: write_part(task.outdir, name, task.partition, tables.columns[name]) for name in tables.names}


def _pid(prefix: str, keys: Iterable[str]) -> str:
    h = hashlib.blake2b(digest_size=10)
    for k in keys:
        h.update(k.encode() + b"\n")
    return f"{prefix}-{h.hexdigest()}"


def _top_k(codes: np.ndarray[Any, Any], sims: np.ndarray[Any, Any], n: int, k: int) -> tuple[
        np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(plan, rank, neighbour, similarity) of each plan's ``k`` most similar pairs, both directions."""
    lo, hi = codes // n, codes % n
    src, dst, s = np.concatenate([lo, hi]), np.concatenate([hi, lo]), np.concatenate([sims, sims])
    order = np.lexsort((dst, -s, src))
    src, dst, s = src[order], dst[order], s[order]
    first = np.searchsorted(src, src, side="left")
    rank = np.arange(len(src)) - first
    keep = rank < k
    return src[keep], rank[keep], dst[keep], s[keep]


def compare_batch(
    inputs: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    quiet: bool = False,
    checklist: Checklist | str | os.PathLike[str] | None = None,
    top_k: int = 10,
    min_similarity: float = 0.2,
    reuse_similarity: float = 0.3,
    settings: MinHashSettings | None = None,
    reference_date: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> CompareSummary:
    """Near-duplicates, reused passages, top-k neighbours and (with ``checklist``) the coverage matrix
    of many plans, on Dask, into Parquet tables neighbours/reuse/coverage/compare_errors in ``outdir`` (which may be the folder
    of a `parse_batch`: no table is shared).

    The tables of an earlier comparison in ``outdir`` are replaced.

    >>> c = compare_batch(["省级方案/"], "对比", workers=2, top_k=5)  # doctest: +SKIP
    >>> c.candidates  # doctest: +SKIP
    1204
    """
    from textkit.comparison.checklist import load_checklist

    if top_k < 1:
        raise OptionError("top_k", top_k, "a positive integer")
    for name, value in (("min_similarity", min_similarity), ("reuse_similarity", reuse_similarity)):
        if not 0.0 <= value <= 1.0:
            raise OptionError(name, value, "a number from 0 to 1")
    s = settings or MinHashSettings()
    cl = load_checklist(os.fspath(checklist)) if isinstance(checklist, str | os.PathLike) else checklist
    out = os.fspath(outdir)
    Path(out).mkdir(parents=True, exist_ok=True)
    clean(out, COMPARE_TABLES, keep=())
    files, discovery_errors = discover(inputs)
    rows = dict.fromkeys(COMPARE_TABLES, 0)
    seconds: dict[str, float] = {}
    errs = Tables(("compare_errors",))
    for exc in discovery_errors:
        errs.add_error(file=exc.source, hash="", error=type(exc).__name__, message=str(exc))
    n = len(files)
    sigs = np.full((n, s.num_perm), EMPTY, dtype=np.uint32)
    valid = np.zeros(n, dtype=np.bool_)
    with connect(scheduler=scheduler, workers=workers, quiet=quiet) as run:
        n_workers = run.workers
        t0 = time.perf_counter()
        parts = partition(files, size=_SKETCH_PARTITION)
        offsets = np.cumsum([0] + [len(p) for p in parts])
        tasks = [SketchTask(out, _pid("sketch", (f.hash for f in p)), tuple(p), s, cl, reference_date, limits)
                 for p in parts]
        where = {t.partition: int(o) for t, o in zip(tasks, offsets, strict=False)}
        for task, result in run.map(sketch_partition, tasks, desc="sketch", key="sketch"):
            if isinstance(result, Failed):
                for f in task.files:
                    errs.add_error(file=f.path, hash=f.hash, error="TaskFailed", message=f"{f.path}: {result.error}")
                continue
            o = where[task.partition]
            sigs[o : o + len(task.files)] = result.signatures
            valid[o : o + len(task.files)] = result.valid
            for name, k in result.rows.items():
                rows[name] += k
        seconds["sketch"] = time.perf_counter() - t0
        log.info("sketch: %d plans in %.1f s", n, seconds["sketch"])

        t0 = time.perf_counter()
        groups = min(s.bands, max(1, 2 * n_workers))
        cuts = np.linspace(0, s.bands, groups + 1).astype(int)
        band_tasks = [BandTask((int(a), int(b)), s.bands, s.max_bucket, min(min_similarity, reuse_similarity))
                      for a, b in itertools.pairwise(cuts) if b > a]
        found: list[Pairs] = []
        for _band, pairs_found in run.map(lsh_bands, band_tasks, desc="lsh", key="lsh", shared=(sigs, valid)):
            if isinstance(pairs_found, Failed):
                raise OptionError("scheduler", scheduler or "local",
                                  f"a cluster that can run LSH ({pairs_found.error})")
            found.append(pairs_found)
        codes = np.concatenate([p.codes for p in found]) if found else np.zeros(0, dtype=np.int64)
        sims = np.concatenate([p.similarity for p in found]) if found else np.zeros(0)
        candidates = len(np.unique(np.concatenate([p.candidates for p in found]))) if found else 0
        codes, first = np.unique(codes, return_index=True)
        sims = sims[first]
        seconds["lsh"] = time.perf_counter() - t0
        log.info("lsh: %d candidate pairs in %.1f s", candidates, seconds["lsh"])

        t0 = time.perf_counter()
        near = sims >= min_similarity
        src, rank, dst, sim = _top_k(codes[near], sims[near], n, top_k)
        nb = Tables(("neighbours",))
        nb.columns["neighbours"].update(
            file=[files[i].path for i in src], hash=[files[i].hash for i in src], rank=(rank + 1).tolist(),
            neighbour=[files[i].path for i in dst], neighbour_hash=[files[i].hash for i in dst],
            similarity=np.round(sim, 4).tolist(),
        )
        rows["neighbours"] += write_part(out, "neighbours", "all", nb.columns["neighbours"])
        seconds["neighbours"] = time.perf_counter() - t0
        log.info("neighbours: %d rows in %.1f s", rows["neighbours"], seconds["neighbours"])

        t0 = time.perf_counter()
        reuse = np.flatnonzero(sims >= reuse_similarity)
        pairs = [(files[int(codes[i] // n)], files[int(codes[i] % n)], round(float(sims[i]), 4)) for i in reuse]
        log.info("align: %d pairs with similarity >= %.2f", len(pairs), reuse_similarity)
        align_tasks = [
            AlignTask(out, _pid("align", (f"{a.hash}{b.hash}" for a, b, _ in chunk)), tuple(chunk), limits)
            for chunk in _chunks(pairs, _ALIGN_PARTITION)
        ]
        for al_task, written in run.map(align_pairs, align_tasks, desc="align", key="align"):
            if isinstance(written, Failed):
                for a, b, _ in al_task.pairs:
                    errs.add_error(file=a.path, hash=a.hash, error="TaskFailed",
                                   message=f"{a.path} ~ {b.path}: {written.error}")
                continue
            for name, k in written.items():
                rows[name] += k
        seconds["align"] = time.perf_counter() - t0
        log.info("align: %d pairs in %.1f s", len(pairs), seconds["align"])
        peaks = tuple(sorted(run.peak_memory().values()))
    rows["compare_errors"] += write_part(out, "compare_errors", "driver", errs.columns["compare_errors"])
    return CompareSummary(
        outdir=out, plans=int(valid.sum()), errors=rows["compare_errors"], candidates=candidates, workers=n_workers,
        rows=rows, peak_memory=peaks, seconds=seconds,
    )


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
