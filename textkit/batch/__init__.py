"""Batch work over large corpora on Dask, with results in Parquet.

`parse_batch` parses many plans into the tables plans/sections/measures/units/dates/errors;
`compare_batch` finds near-duplicate and reused passages (MinHash LSH + local alignment), top-k
similarity neighbours and, with a checklist, the coverage matrix. Both run on a local cluster sized to
the machine or on an existing Dask scheduler, and a rerun skips what is done.

>>> from textkit.batch import parse_batch
>>> parse_batch(["地方方案/"], "out", workers=2).rows["units"]  # doctest: +SKIP
5120
"""

from textkit.batch.compare import CompareSummary, compare_batch
from textkit.batch.parquet import read_table
from textkit.batch.parse import BatchSummary, parse_batch

__all__ = ["BatchSummary", "CompareSummary", "compare_batch", "parse_batch", "read_table"]
