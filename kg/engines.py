"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

An engine maps a function over batches of items and yields the results in
input order, keeping only a bounded number of batches in flight, so a corpus
of any size streams through without being held in memory. The build hands it
the extraction of a batch of release files; the one writer stays in the
calling process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol, TypeVar

from kg.errors import KgError

T = TypeVar("T")
R = TypeVar("R")
Batch = Callable[[list[T]], list[R]]

ENGINES = ("local", "dask")
BATCH_SIZE = 16  # releases per task: enough to make the cost of sending one small


class Engine(Protocol):
    bulk: bool  # whether results must stay on the workers (a cluster): the build then bulk-loads shards

    def run(self, fn: Batch[Any, Any], items: Iterable[Any], size: int | None = None) -> Iterator[Any]:
        """``fn`` over batches of ``size`` items (default: the engine's); the results one by one, in input order."""
        ...


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class LocalEngine:
    """In this process, one batch after the other."""

    bulk = False

    def run(self, fn: Batch[Any, Any], items: Iterable[Any], size: int | None = None) -> Iterator[Any]:
        for batch in batches(items, size or BATCH_SIZE):
            yield from fn(batch)


def in_order(submit: Callable[[list[Any]], Future[list[Any]]], items: Iterable[Any], size: int,
             in_flight: int) -> Iterator[Any]:
    """Submit batches, at most ``in_flight`` ahead of the one being read, and yield their results in order."""
    pending: deque[Future[list[Any]]] = deque()
    for batch in batches(items, size):
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int | None, read_end: int | None, write_end: int | None) -> None:
    """A worker's initializer: end this process when ``parent`` ends, however it ends (even ``kill -9``).

    On Linux the kernel sends SIGKILL when the parent goes (prctl PR_SET_PDEATHSIG). As a fallback
    (another system, or a kernel that refuses) a watchdog thread ends the worker: it waits on a pipe
    whose only write end the parent holds, which reads as closed once the parent is gone (with a
    forked worker), else it polls the parent's id (``parent``, None when the worker's parent is a fork server).
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog remains
    if write_end is not None:
        os.close(write_end)  # the parent's end: this copy would keep the pipe open after the parent
    if parent is not None and os.getppid() != parent:  # the parent ended before the above took effect
        os._exit(1)
    if read_end is None and parent is None:
        return

    def watch() -> None:
        if read_end is not None:
            try:
                while os.read(read_end, 1):
                    pass
            except OSError:
                pass
        else:
            while os.getppid() == parent:
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watchdog", daemon=True).start()


class ProcessEngine:
    """In ``jobs`` worker processes on this machine, which end when this process ends (see :func:`die_with_parent`)."""

    bulk = False

    def __init__(self, jobs: int) -> None:
        if jobs < 1:
            raise KgError(f"--jobs must be at least 1, not {jobs}")
        self.jobs = jobs

    def run(self, fn: Batch[Any, Any], items: Iterable[Any], size: int | None = None) -> Iterator[Any]:
        context = multiprocessing.get_context()
        method = context.get_start_method()
        read_end, write_end = os.pipe() if method == "fork" else (None, None)  # only a forked worker inherits it
        parent = None if method == "forkserver" else os.getpid()
        try:
            with ProcessPoolExecutor(self.jobs, mp_context=context, initializer=die_with_parent,
                                     initargs=(parent, read_end, write_end)) as pool:
                yield from in_order(lambda batch: pool.submit(fn, batch), items, size or BATCH_SIZE, 4 * self.jobs)
        finally:
            for end in (read_end, write_end):
                if end is not None:
                    os.close(end)


class DaskEngine:
    """On a Dask cluster: a LocalCluster of worker processes by default, the scheduler at ``address`` when given.

    Each batch (a partition of the releases) is one Dask task. The workers
    need the project installed and the release files at the same paths
    (a shared file system). The build has them write their graphs as shards
    (``bulk``), so only small manifests come back through the scheduler.
    """

    bulk = True

    def __init__(self, address: str | None = None, workers: int | None = None, batch_size: int = BATCH_SIZE) -> None:
        self.address = address
        self.workers = workers or default_jobs()
        self.batch_size = batch_size

    def run(self, fn: Batch[Any, Any], items: Iterable[Any], size: int | None = None) -> Iterator[Any]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise KgError("--engine dask needs dask.distributed: pip install 'mining-kg[dask]'") from exc
        if self.address:
            with Client(self.address) as client:
                yield from self._run(client, fn, items, size or self.batch_size)
            return
        with LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None) \
                as cluster, Client(cluster) as client:
            yield from self._run(client, fn, items, size or self.batch_size)

    def _run(self, client: Any, fn: Batch[Any, Any], items: Iterable[Any], size: int) -> Iterator[Any]:
        in_flight = 4 * max(1, len(client.scheduler_info().get("workers", {})))
        yield from in_order(lambda batch: client.submit(fn, batch, pure=False), items, size, in_flight)


def local_engine(jobs: int) -> Engine:
    """This process for one job, else ``jobs`` worker processes."""
    return LocalEngine() if jobs == 1 else ProcessEngine(jobs)


def engine_for(name: str, jobs: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine named on the command line."""
    if name == "local":
        return local_engine(jobs or default_jobs())
    if name == "dask":
        return DaskEngine(scheduler, jobs)
    raise KgError(f"unknown engine {name!r}; valid: {', '.join(ENGINES)}")
