"""``textkit batch parse|compare FILES_OR_DIRS... -o OUTDIR``: large corpora on Dask, results in Parquet."""

from __future__ import annotations

import argparse
from typing import Any

from textkit.cli.common import add_input_options, limits_from


def _cluster_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR", help="plan files or folders (searched recursively)")
    p.add_argument("-o", "--outdir", required=True, metavar="OUTDIR", help="folder of the Parquet tables")
    p.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler (tcp://host:8786); "
                   "default: a local cluster sized to this machine")
    p.add_argument("--workers", type=int, metavar="N", help="local cluster: worker processes (default: one per CPU)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("batch", help="parse or compare a large corpus on Dask, to Parquet")
    batch = p.add_subparsers(dest="batch_command", required=True, metavar="STEP")
    bp = batch.add_parser("parse", help="plans → plans/sections/measures/units/dates/errors Parquet tables")
    _cluster_options(bp)
    add_input_options(bp)
    bp.set_defaults(run=run_parse)
    cp = batch.add_parser("compare", help="near-duplicates, reused passages, top-k neighbours, coverage")
    _cluster_options(cp)
    cp.add_argument("--checklist", metavar="FILE", help="a checklist (TOML/YAML): also the coverage matrix")
    cp.add_argument("--top-k", type=int, default=10, metavar="K", help="similarity neighbours kept per plan")
    cp.add_argument("--min-similarity", type=float, default=0.2, metavar="J",
                    help="estimated Jaccard similarity a neighbour needs (default %(default)s)")
    cp.add_argument("--reuse-similarity", type=float, default=0.3, metavar="J",
                    help="estimated Jaccard similarity from which a pair is aligned for reused passages")
    add_input_options(cp)
    cp.set_defaults(run=run_compare)


def run_parse(args: argparse.Namespace) -> int:
    from textkit.batch import parse_batch

    s = parse_batch(args.inputs, args.outdir, scheduler=args.scheduler, workers=args.workers, quiet=args.quiet,
                    reference_date=args.reference_date, limits=limits_from(args))
    if not args.quiet:
        rows = ", ".join(f"{name} {n:,}" for name, n in s.rows.items())
        print(f"{s.outdir}: {s.parsed:,} files parsed, {s.skipped:,} already done, {s.errors:,} errors "
              f"({s.workers} workers); rows written: {rows}")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from textkit.batch import compare_batch

    c = compare_batch(args.inputs, args.outdir, scheduler=args.scheduler, workers=args.workers, quiet=args.quiet,
                      checklist=args.checklist, top_k=args.top_k, min_similarity=args.min_similarity,
                      reuse_similarity=args.reuse_similarity, reference_date=args.reference_date,
                      limits=limits_from(args))
    if not args.quiet:
        rows = ", ".join(f"{name} {n:,}" for name, n in c.rows.items())
        print(f"{c.outdir}: {c.plans:,} plans, {c.candidates:,} candidate pairs ({c.workers} workers); "
              f"rows written: {rows}")
    return 0
