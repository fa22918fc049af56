"""Many notice files at once: spread over the cores, with a progress bar.

Worker processes take chunks of files from the start of the list while this
process reads chunks from the end, each chunk no worker has started yet: no
core waits, and the records read here need not be pickled twice. A long read
shows its progress through :mod:`giaoban.store.progress`.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

from giaoban.deadline import DeadlineSettings
from giaoban.deadline.context import zone
from giaoban.store.cache import NoticeChecker, Parsed
from giaoban.store.index import notice_rows
from giaoban.store.noticefile import read_notice
from giaoban.store.progress import progress

PARALLEL_MIN = 200  # files to parse before it pays to start worker processes
PROGRESS_MIN = 500  # files to parse before a progress bar is shown (on a terminal)
CHUNK = 100  # files per task handed to a worker process
SWITCH_INTERVAL = 0.0002  # seconds; see _quick_switch


def parse_files(
    paths: list[str], settings: DeadlineSettings, checker: NoticeChecker | None = None
) -> list[Parsed]:
    """What was read from each file (``giaoban.store.cache.Parsed``), in order; each
    notice checked by ``checker`` where it was read.

    Spread over worker processes when there are many files and more than one
    core; a progress bar shows on standard error when it is a terminal.
    """
    if not paths:
        return []
    with _progress(len(paths)) as advance:
        cores = _cores()
        if len(paths) >= PARALLEL_MIN and cores > 1:
            try:
                return _parse_parallel(paths, settings, checker, cores, advance)
            except (OSError, RuntimeError, ImportError):  # no processes here: read them in turn
                pass
        results: list[Parsed] = []
        for path in paths:
            results.append(_read(path, settings, checker, pickled=False))
            advance(1)
        return results


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _parse_parallel(
    paths: list[str],
    settings: DeadlineSettings,
    checker: NoticeChecker | None,
    cores: int,
    advance: Callable[[int], None],
) -> list[Parsed]:
    """Read ``paths`` in chunks, here and in ``cores - 1`` worker processes.

    The workers take chunks from the start while this process reads them from
    the end, each chunk that no worker has started yet: no core waits, and the
    records read here need not be pickled twice (in the worker and back here).
    A worker sends each record pickled, and the cache keeps those very bytes.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    done: list[list[Parsed]] = [[] for _ in chunks]
    workers = min(cores - 1, len(chunks))
    with _quick_switch(), ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        jobs = [pool.submit(_parse_pickled, chunk, settings, checker) for chunk in chunks]
        try:
            first, last = 0, len(chunks)  # taken from the workers: [0, first); read here: [last, n)
            while first < last:
                if not jobs[first].done() and jobs[last - 1].cancel():
                    last -= 1
                    done[last] = [_read(p, settings, checker, pickled=False) for p in chunks[last]]
                    advance(len(chunks[last]))
                    continue
                done[first] = jobs[first].result()
                advance(len(chunks[first]))
                first += 1
        finally:
            for job in jobs:
                job.cancel()
    return [result for chunk in done for result in chunk]


@contextmanager
def _quick_switch() -> Iterator[None]:
    """Let the pool's thread take the interpreter quickly while this one reads files.

    The thread receiving the workers' results needs the interpreter lock for
    each piece it reads from the pipe; at the default switch interval (5 ms)
    the workers would wait for it, blocked writing their results.
    """
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _parse_pickled(
    paths: list[str], settings: DeadlineSettings, checker: NoticeChecker | None
) -> list[Parsed]:
    """In a worker: each file read, its record sent pickled (and kept so by the index)."""
    return [_read(path, settings, checker, pickled=True) for path in paths]


def _read(
    path: str, settings: DeadlineSettings, checker: NoticeChecker | None, pickled: bool
) -> Parsed:
    """One file read, with the rows of its notice for the index and what ``checker``
    found in it; ``pickled``: the record pickled (to cross from a worker), not kept as a
    record."""
    data_digest, (notice, problems) = read_notice(path, settings)
    if notice is None:
        return data_digest, (None, problems), None, None, None
    rows = notice_rows(notice, zone(settings.tz))
    checked = checker(notice) if checker is not None else None
    if not pickled:
        return data_digest, (notice, problems), None, rows, checked
    record = pickle.dumps(notice, pickle.HIGHEST_PROTOCOL)
    return data_digest, (None, problems), record, rows, checked


def _progress(total: int) -> AbstractContextManager[Callable[[int], None]]:
    if total < PROGRESS_MIN:
        return nullcontext(lambda n: None)
    return progress(total, "Đang đọc các thông báo")
