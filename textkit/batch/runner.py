"""The Dask runner (the one place dask.distributed is imported): a client on a local cluster sized to the
machine or on an existing scheduler, tasks submitted as futures, results as they finish, with progress.

Progress is tqdm on a local cluster and Dask's own progress bar on a remote one; both are silent with
``quiet`` or when stdout is not a terminal.

>>> with connect(workers=2) as run:  # doctest: +SKIP
...     results = list(run.map(len, [["一", "二"], ["三"]], desc="demo"))
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textkit.errors import OptionError

__all__ = ["Failed", "Runner", "connect", "cpu_seconds", "peak_rss", "show_progress"]

_T = TypeVar("_T")
_R = TypeVar("_R")


def show_progress(quiet: bool) -> bool:
    """A progress bar only for a person watching: not with ``quiet``, not when stdout is a pipe or file."""
    return not quiet and sys.stdout.isatty()


@dataclass(frozen=True, slots=True)
class Failed(Generic[_T]):
    """A task that failed on the cluster (its worker died repeatedly, or it raised): its input and why."""

    task: _T
    error: str


@dataclass(slots=True)
class Runner:
    """A connected Dask client plus how to report progress."""

    client: Any
    remote: bool
    progress: bool

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"])

    def map(
        self, fn: Callable[..., _R], tasks: Sequence[_T], *, desc: str, key: str = "task", shared: Any = None
    ) -> Iterator[tuple[_T, _R | Failed[_T]]]:
        """Run ``fn(task)`` (or ``fn(task, shared)`` when ``shared`` is given: data every task needs, sent
        to each worker once) on the cluster; yield (task, result) as each finishes, in any order. A task
        whose worker died more often than the scheduler allows, or that raised, comes back as `Failed`
        instead of stopping the others."""
        from distributed import as_completed

        if not tasks:
            return
        extra = () if shared is None else (self.client.scatter(shared, broadcast=True),)
        tag = os.urandom(4).hex()
        futures = {
            self.client.submit(fn, t, *extra, pure=False, key=f"{key}-{i}-{tag}"): t for i, t in enumerate(tasks)
        }
        done = as_completed(list(futures))
        for future in self._bar(done, total=len(futures), desc=desc, futures=list(futures)):
            task = futures[future]
            # Not the future's status: a result held by a worker that dies right after is recomputed,
            # and `result()` waits for that instead of taking the task for failed.
            result: _R | Failed[_T]
            try:
                result = future.result()
            except (Exception, asyncio.CancelledError) as exc:  # the task raised, or kept killing workers
                result = Failed(task, f"{type(exc).__name__}: {exc}")
            future.release()
            yield task, result

    def _bar(self, done: Any, *, total: int, desc: str, futures: list[Any]) -> Iterator[Any]:
        if not self.progress:
            yield from done
        elif self.remote:
            from distributed import progress

            # Dask's own bar follows the futures on the scheduler; the loop below then collects them.
            progress(futures, notebook=False)
            yield from done
        else:
            from tqdm import tqdm

            yield from tqdm(done, total=total, desc=desc, unit="part", leave=False)

    def peak_memory(self) -> dict[str, int]:
        """Peak resident memory (bytes) of each worker process since it started, by worker address."""
        return dict(self.client.run(peak_rss))

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) of each worker process since it started, by worker address: unlike
        wall time, it does not grow when other programs share the machine."""
        return dict(self.client.run(cpu_seconds))


def cpu_seconds() -> float:
    """This process's CPU time so far (user + system), in seconds."""
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return float(r.ru_utime + r.ru_stime)


def peak_rss() -> int:
    """This process's peak resident memory in bytes: VmHWM on Linux (reset when a process execs, unlike
    ru_maxrss, which a spawned worker inherits from its parent), else ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024  # kilobytes on Linux


@contextmanager
def connect(
    *, scheduler: str | None = None, workers: int | None = None, quiet: bool = False,
    memory_limit: str | float | None = "auto",
) -> Iterator[Runner]:
    """A `Runner` on the Dask scheduler at ``scheduler`` (``tcp://host:8786``), or on a local cluster
    of ``workers`` single-threaded processes (default: one per CPU) that is shut down afterwards."""
    from distributed import Client, LocalCluster

    if workers is not None and workers < 1:
        raise OptionError("workers", workers, "a positive integer")
    show = show_progress(quiet)
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise OptionError("scheduler", scheduler, f"the address of a running Dask scheduler ({exc})") from None
        try:
            yield Runner(client, remote=True, progress=show)
        finally:
            client.close()
        return
    n = workers or os.cpu_count() or 1
    # One thread per worker process: parsing is pure Python, so threads would only share one GIL.
    with LocalCluster(
        n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
        memory_limit=memory_limit, silence_logs=40,
    ) as cluster, Client(cluster) as client:
        yield Runner(client, remote=False, progress=show)
