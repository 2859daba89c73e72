"""The spaCy stages on every core.

:func:`analyze_chunk` runs :func:`rashomon.pipeline.analyze_batch` over a
few prepared articles; it is the one call made per chunk, in the calling
process or in a worker (each article's work under the time budget: a
worker runs its tasks in its main thread, where ``SIGALRM`` is delivered).
:class:`Runner` hands chunks to a pool of worker processes (``spawn``ed, each loading the
spaCy pipeline once in its initializer) and yields the results in the order
the chunks were given, whatever the order they finish in, with at most two
chunks per worker in flight, so memory does not grow with the number of
articles. A chunk whose worker dies (killed, out of memory) comes back as
the exception, and the pool is replaced for the chunks after it.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context

from rashomon import annotate, pipeline
from rashomon.settings import Settings
from rashomon.types import Article, Quote

log = logging.getLogger(__name__)


@dataclass
class Item:
    """One article to analyse, ready for the spaCy stages (prepared, the
    batch-wide pass done, manifest values applied, with its workspace id),
    its embedded posts, and the digest of what the batch-wide pass removed
    from it (:func:`rashomon.workspace.keys.batch_hash`, stored with its results)."""

    article: Article
    posts: list[Quote] = field(default_factory=list)
    batch_hash: str | None = None


_worker: dict = {}
"""In a worker process: the run's ``settings`` and the loaded ``nlp``."""


@contextlib.contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ignore ``SIGINT`` while worker processes are started inside the block
    (from the main thread; elsewhere this does nothing). An ignored signal
    stays ignored in a process started then (``spawn`` runs a new
    interpreter, which keeps it ignored instead of raising
    ``KeyboardInterrupt``), so Ctrl+C (sent to the whole process group)
    reaches a worker still importing without a traceback there; the parent
    handles it. The block lasts while the processes are started (a few
    milliseconds each): a Ctrl+C in exactly that moment is not seen."""
    try:
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _init(settings: Settings) -> None:
    """Pool initializer: ignore Ctrl+C (it reaches the whole process group;
    the parent stops the add and shuts the pool down; it is ignored from the
    worker's start, see :func:`sigint_ignored`), then load the spaCy
    pipeline once per worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker["settings"] = settings
    _worker["nlp"] = annotate.load_pipeline(settings)


def analyze_chunk(items: list[Item], settings: Settings | None = None) -> list[pipeline.ArticleResult]:
    """The spaCy stages (:func:`rashomon.pipeline.analyze_batch`, each
    article under the time budget) over a few articles, in a worker, or in
    the calling process when ``settings`` is given.

    Returns
    -------
    list[ArticleResult] : per item, in order (with ``skipped`` set when the
        article was refused, failed or ran over the time budget).
    """
    settings = settings or _worker["settings"]
    nlp = _worker.get("nlp") or annotate.load_pipeline(settings)
    return pipeline.analyze_batch([i.article for i in items], [i.posts for i in items], nlp, settings)


def _ready() -> bool:
    """A task that returns once its worker's initializer has loaded the pipeline."""
    return "nlp" in _worker


def cpu_count() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Runner:
    """Runs :func:`analyze_chunk` over chunks, in order, on ``settings.jobs``
    processes (0: one per core). A single chunk, or ``jobs`` 1, runs in the
    calling process (no pool is started: a small add costs no process start).
    Use as a context manager; the pool is shut down on exit.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.jobs = settings.jobs or cpu_count()
        self._pool: ProcessPoolExecutor | None = None
        self._collected = 0

    def __enter__(self) -> "Runner":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _new_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=get_context("spawn"),
                                         initializer=_init, initargs=(self.settings,))
        return self._pool

    @staticmethod
    def _submit(pool: ProcessPoolExecutor, fn, *args) -> Future:
        """``pool.submit``, which starts a worker process when the pool has
        fewer than it may: with Ctrl+C ignored meanwhile (:func:`sigint_ignored`)."""
        with sigint_ignored():
            return pool.submit(fn, *args)

    def start(self) -> None:
        """Start the worker processes now (``jobs`` above 1), so each loads the
        spaCy pipeline while the caller still reads and prepares the batch;
        :meth:`map` then hands its chunks to them. For an add large enough to
        run on the pool: a small one would pay for processes it never uses."""
        if self.jobs > 1 and self._pool is None:
            pool = self._new_pool()
            for _ in range(self.jobs):
                self._submit(pool, _ready)

    def map(self, chunks: Iterable[list[Item]]) -> Iterator[tuple[list[Item], list | BaseException]]:
        """Yield ``(chunk, results)`` per chunk in the order given; ``results``
        is :func:`analyze_chunk`'s list, or the exception that lost the chunk
        (a worker process that died)."""
        it = iter(chunks)
        head = [c for c in (next(it, None), next(it, None)) if c is not None]
        if self.jobs == 1 or len(head) < 2:
            for chunk in itertools.chain(head, it):
                yield chunk, analyze_chunk(chunk, self.settings)
            return
        pool = self._pool or self._new_pool()
        pending: deque[tuple[list[Item], Future]] = deque()
        for chunk in itertools.chain(head, it):
            try:
                pending.append((chunk, self._submit(pool, analyze_chunk, chunk)))
            except BrokenProcessPool:
                pool = self._new_pool()
                pending.append((chunk, self._submit(pool, analyze_chunk, chunk)))
            while len(pending) >= 2 * self.jobs or (pending and pending[0][1].done()):
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def _collect(self, chunk: list[Item], future: Future) -> tuple[list[Item], list | BaseException]:
        try:
            result = future.result()
        except BrokenProcessPool as exc:
            if not self._collected:  # no worker ever finished: see the real error (a model that cannot load) here
                return chunk, analyze_chunk(chunk, self.settings)
            log.warning("a worker process stopped while analysing %s", ", ".join(i.article.path for i in chunk))
            return chunk, exc
        self._collected += 1
        return chunk, result
