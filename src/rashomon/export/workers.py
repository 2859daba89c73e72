"""Several export formats written at once, on worker processes.

``rashomon export --format all`` writes every format from one report, read
once in the calling process. With ``jobs`` above 1, the calling process
forks worker processes that inherit the report in memory (copy-on-write:
nothing is pickled or read again) and each writes its share of the formats:
the calling process writes the formats that read the display context (built
once, there), the workers the others, spread by their cost (:data:`COST`).
Forking needs an operating system that forks (Linux, macOS) and a process
with no other thread running (a fork copies only the calling thread); where
either is missing the formats are written one after another, as with
``jobs`` 1.
"""
from __future__ import annotations

import gc
import multiprocessing
import sys
import threading
from collections.abc import Callable, Collection
from typing import TypeVar

from rashomon.errors import ExportError

T = TypeVar("T")

#: CPU seconds of each format (its writer alone) on the 1,000-article
#: benchmark workspace (benchmarks/README.md, "Exports"): the weights by
#: which the formats are shared among the processes.
COST = {"ftm": 5.7, "annotations": 2.8, "claims": 1.7, "csv": 2.2, "xlsx": 8.0, "gexf": 2.4}


def can_fork() -> bool:
    """Whether worker processes can be forked here: the ``fork`` start
    method exists and no other thread of this process runs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def plan(names: list[str], jobs: int, context: Collection[str]) -> list[list[str]]:
    """Share the formats ``names`` among at most ``jobs`` processes.

    Parameters
    ----------
    names : format names, in the order they are to be written.
    jobs : processes to use; 0 means one per CPU core this process may use.
    context : the names of the formats that read the display context.

    Returns
    -------
    list[list[str]] : one list of formats per process, the calling process's
        first: every format that reads the context (one context, built once),
        or all of them when only one process is to run (``jobs`` 1, no fork
        here, or a single format). The others are spread over the remaining
        processes, heaviest first (:data:`COST`) onto the least loaded; a
        process with nothing to write is not started.
    """
    if jobs == 0:
        from rashomon.workspace.workers import cpu_count

        jobs = cpu_count()
    own = [n for n in names if n in context]
    rest = [n for n in names if n not in context]
    if jobs <= 1 or not rest or not can_fork():
        return [list(names)]
    shares: list[list[str]] = [[] for _ in range(min(jobs - 1, len(rest)))]
    for name in sorted(rest, key=lambda n: -COST.get(n, 1.0)):
        min(shares, key=lambda s: sum(COST.get(n, 1.0) for n in s)).append(name)
    return [own] + [[n for n in names if n in share] for share in shares if share]


def run(groups: list[list[str]], write: Callable[[list[str]], T]) -> list[T]:
    """``write(group)`` for every group: the first in the calling process,
    each other one in a forked worker process, all at once.

    Returns
    -------
    list : the results, in the order of ``groups``.

    Raises
    ------
    The exception a ``write`` raised (the calling process's first, else the
    first worker's, in group order), after every worker has ended;
    ExportError when a worker ended without a result (killed, out of memory).
    """
    if len(groups) == 1:
        return [write(groups[0])]
    fork = multiprocessing.get_context("fork")
    for stream in (sys.stdout, sys.stderr):  # a child must not write its parent's pending output again
        stream.flush()
    workers = []
    for group in groups[1:]:
        receive, send = fork.Pipe(duplex=False)
        proc = fork.Process(target=_work, args=(send, write, group), daemon=True)
        proc.start()
        send.close()
        workers.append((proc, receive))
    results: list[tuple[str, object]] = []
    try:
        results.append(("ok", write(groups[0])))
    except Exception as exc:  # wait for the workers (their files) before raising
        results.append(("error", exc))
    for proc, receive in workers:
        try:
            results.append(receive.recv())
        except EOFError:
            proc.join()
            results.append(("error", ExportError(f"an export worker process ended without finishing its formats "
                                                 f"(exit code {proc.exitcode})")))
        finally:
            receive.close()
        proc.join()
    for status, value in results:
        if status == "error":
            raise value  # type: ignore[misc]
    return [value for _, value in results]  # type: ignore[misc]


def _work(send, write: Callable[[list[str]], T], group: list[str]) -> None:
    """A worker's body: ``write(group)``, its result or exception sent back."""
    gc.freeze()  # the inherited report is never collected here: its pages stay shared with the parent
    try:
        message: tuple[str, object] = ("ok", write(group))
    except Exception as exc:
        message = ("error", exc)
    try:
        send.send(message)
    except Exception as exc:  # an exception that does not pickle
        send.send(("error", ExportError(f"an export worker process failed: {message[1]!r} ({exc})")))
    send.close()
