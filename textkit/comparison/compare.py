"""Compare many plans: coverage matrix, text reuse, similarity and the units–tasks graph, in one call.

A supervisor holds the plans of many units and the directive they implement; `compare` answers who
covers which required item (the `check` engine, once per plan), who copied the directive and who
wrote their own measures (`reuse`), which plans are alike (`similarity`) and who carries which
measures (`graph`).

>>> from textkit.comparison.compare import compare
>>> c = compare(["corpora/"], directive="../shared/corpus/raw/042.txt")  # doctest: +SKIP
>>> [round(r.copy_ratio, 2) for r in c.reuse.plans]  # doctest: +SKIP
[0.49, 0.08]
"""

from __future__ import annotations

import glob
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from textkit.comparison.coverage import CoverageMatrix
from textkit.comparison.reuse import DEFAULT_SETTINGS, Reuse, ReuseSettings, find_reuse
from textkit.comparison.similarity import Similarity, similarity
from textkit.errors import FileMissingError, InputError, OptionError
from textkit.model import Document, Plan
from textkit.reading import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from textkit.comparison.checklist import Checklist
    from textkit.ruleset import RuleSet

__all__ = ["PLAN_SUFFIXES", "Comparison", "CoverageMatrix", "compare", "expand_inputs"]

PLAN_SUFFIXES = (".txt", ".docx", ".pdf")
# Between-plan reuse is quadratic in the number of near-identical plans; above this many plans it
# is off unless asked for.
BETWEEN_AUTO_MAX = 50
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True, eq=False)
class Comparison:
    """Everything `compare` found. ``errors`` are the inputs that could not be read."""

    plans: tuple[Plan, ...]
    reuse: Reuse
    similarity: Similarity
    coverage: CoverageMatrix | None = None
    checklist: Checklist | None = None
    directive: Plan | None = None
    errors: tuple[InputError, ...] = ()
    settings: ReuseSettings = field(default=DEFAULT_SETTINGS, repr=False)
    timings: Mapping[str, float] = field(default_factory=dict, repr=False)  # seconds per stage

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(p.document.source for p in self.plans)

    def graph(self) -> Any:
        """The units–tasks graph (a networkx DiGraph); see `textkit.comparison.graph`."""
        from textkit.comparison.graph import build_graph

        ratios = {r.source: r.copy_ratio for r in self.reuse.plans} if self.directive is not None else None
        return build_graph(self.plans, coverage=self.coverage, copy_ratios=ratios)


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[InputError]]:
    """Files, folders (their .txt/.docx/.pdf files, recursively) and glob patterns → file paths.

    A folder or pattern that yields nothing is reported as an error, not silently skipped.
    """
    files: list[str] = []
    errors: list[InputError] = []
    for raw in inputs:
        s = os.fspath(raw)
        p = Path(s)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PLAN_SUFFIXES)
            if not found:
                errors.append(FileMissingError(f"folder holds no {'/'.join(PLAN_SUFFIXES)} files", source=s))
            files.extend(found)
        elif not p.exists() and glob.has_magic(s):
            found = sorted(f for f in glob.glob(s, recursive=True) if Path(f).is_file())
            if not found:
                errors.append(FileMissingError("no file matches this pattern", source=s))
            files.extend(found)
        else:
            files.append(s)
    return list(dict.fromkeys(files)), errors  # a file named twice is compared once


def _bar(items: Iterable[_T], *, total: int, desc: str, show: bool) -> Iterator[_T]:
    """A tqdm progress bar on stderr, silent when ``show`` is false."""
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=desc, disable=not show, leave=False, unit="plan")


def _as_plan(x: Plan | Document | str | os.PathLike[str], reference_date: date | None, limits: Limits,
             rules: RuleSet | None = None) -> Plan:
    from textkit.pipeline import parse

    return x if isinstance(x, Plan) else parse(x, reference_date=reference_date, limits=limits, rules=rules)


def compare(
    plans: Sequence[Plan | Document | str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    checklist: Checklist | str | os.PathLike[str] | None = None,
    directive: Plan | Document | str | os.PathLike[str] | None = None,
    scope: Sequence[str] = (),
    coverage: bool = True,
    between: bool | None = None,
    threshold: float | None = None,
    reference_date: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    rules: RuleSet | None = None,
    settings: ReuseSettings = DEFAULT_SETTINGS,
    progress: bool | None = None,
) -> Comparison:
    """Compare plans (files, folders, globs, or parsed `Plan`/`Document` objects).

    - ``checklist``: a checklist file or object; without one, a checklist is derived from
      ``directive``'s required tasks in ``scope`` (`textkit.comparison.itemise.derive_checklist`); with neither
      there is no coverage matrix. The coverage engine is the one behind ``textkit check``.
    - ``directive``: reuse (copy ratios, passages) is measured against it.
    - ``coverage=False`` skips the coverage matrix even when a checklist could be had.
    - ``between``: also find passages shared between plans (default: on up to 50 plans).
    - ``threshold``: similarity at which plans cluster together (default: fitted to the data).
    - ``progress``: a progress bar on stderr (default: only when stderr is a terminal).

    Files that cannot be read are returned in ``errors`` and the rest are compared; if none can be
    read, `InputError` is raised.

    >>> c = compare(["corpora/000_3b4e0d12af4a227f.txt", "corpora/001_ea77caf3222f4d4a.txt"])
    >>> c.similarity.clusters
    (0, 1)
    """
    show = sys.stderr.isatty() if progress is None else progress
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise OptionError("threshold", threshold, "a number between 0 and 1")
    if isinstance(plans, str | os.PathLike):
        plans = [plans]
    paths = [p for p in plans if isinstance(p, str | os.PathLike)]
    files, errors = expand_inputs(paths)
    parsed: list[Plan] = []
    for x in plans:
        if isinstance(x, Plan):
            parsed.append(x)
        elif isinstance(x, Document):
            parsed.append(_as_plan(x, reference_date, limits, rules))
    from textkit.pipeline import parse_many

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    for result in _bar(parse_many(files, reference_date=reference_date, limits=limits, rules=rules),
                       total=len(files), desc="reading", show=show):
        if isinstance(result, InputError):
            errors.append(result)
        else:
            parsed.append(result)
    if not parsed:
        detail = f": {errors[0]}" if errors else ""
        raise InputError(f"no plan could be read from {len(files)} input(s){detail}", source="compare")
    dplan = _as_plan(directive, reference_date, limits, rules) if directive is not None else None
    timings["read"] = time.perf_counter() - t0

    cl: Checklist | None = None
    if not coverage:
        pass
    elif checklist is not None:
        from textkit.comparison.checklist import Checklist as _Checklist

        cl = checklist if isinstance(checklist, _Checklist) else _Checklist.load(Path(checklist))
    elif dplan is not None:
        from textkit.comparison.itemise import derive_checklist

        cl = derive_checklist(dplan, scope=scope)
    t0 = time.perf_counter()
    matrix = _coverage(parsed, cl, show) if cl is not None else None
    timings["coverage"] = time.perf_counter() - t0

    if between is None:
        between = len(parsed) <= BETWEEN_AUTO_MAX
    docs = [p.document for p in parsed]

    def bar(it: Iterable[int]) -> Iterable[int]:
        return _bar(it, total=len(docs), desc="reuse", show=show)

    t0 = time.perf_counter()
    reuse = find_reuse(docs, directive=dplan.document if dplan else None, between=between,
                       settings=settings, progress=bar)
    timings["reuse"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    sim = similarity(docs, threshold=threshold)
    timings["similarity"] = time.perf_counter() - t0
    return Comparison(
        plans=tuple(parsed), reuse=reuse, similarity=sim, coverage=matrix, checklist=cl,
        directive=dplan, errors=tuple(errors), settings=settings, timings=timings,
    )


def _coverage(plans: Sequence[Plan], checklist: Checklist, show: bool) -> CoverageMatrix:
    """Run the `check` engine on every plan and lay the verdicts out as a matrix."""
    from textkit.comparison.coverage import CoverageEngine

    engine = CoverageEngine(checklist)
    items = tuple(i for i, _ in checklist.walk())
    results = []
    for plan in _bar(plans, total=len(plans), desc="coverage", show=show):
        results.append(engine.check(plan))
    status = []
    scores = np.zeros((len(plans), len(items)), dtype=np.float64)
    for i, res in enumerate(results):
        by_id = {r.item.id: r for r in res.items}
        row = []
        for j, item in enumerate(items):
            r = by_id.get(item.id)
            row.append(r.status if r is not None else "missing")
            scores[i, j] = r.score if r is not None else 0.0
        status.append(tuple(row))
    return CoverageMatrix(
        sources=tuple(p.document.source for p in plans), items=items, status=tuple(status),
        scores=scores, results=tuple(results),
    )
