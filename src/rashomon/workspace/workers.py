"""The per-article stages on every core.

:func:`analyze_chunk` runs the per-article stages
(:func:`rashomon.pipeline.prepare`, the manifest, then
:func:`rashomon.pipeline.analyze_batch`) over a few articles; it is the one
call made per chunk, in the calling process or in a worker. :class:`Runner`
hands chunks to a pool of worker processes (``spawn``ed, each loading the
spaCy pipeline once in its initializer) and yields the results in the order
the chunks were given, whatever the order they finish in, with at most two
chunks per worker in flight, so memory does not grow with the number of
articles. A chunk whose worker dies (killed, out of memory) comes back as
the exception, and the pool is replaced for the chunks after it.
"""
from __future__ import annotations

import itertools
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context

from rashomon import annotate, pipeline
from rashomon.ingest.manifest import Entry, apply_manifest
from rashomon.settings import Settings
from rashomon.types import Article

log = logging.getLogger(__name__)


@dataclass
class Item:
    """One article to analyse: as read (with its workspace id), and the
    manifest entry naming its values (``None`` when the manifest names none)."""

    article: Article
    entry: Entry | None = None


_worker: dict = {}
"""In a worker process: the run's ``settings`` and the loaded ``nlp``."""


def _init(settings: Settings) -> None:
    """Pool initializer: load the spaCy pipeline once per worker process."""
    _worker["settings"] = settings
    _worker["nlp"] = annotate.load_pipeline(settings)


def analyze_chunk(items: list[Item], settings: Settings | None = None) -> list[pipeline.ArticleResult | str]:
    """The per-article stages over a few articles (in a worker, or in the
    calling process when ``settings`` is given).

    Returns
    -------
    list : per item, in order, the :class:`~rashomon.pipeline.ArticleResult`
        (with ``skipped`` set when the article was refused or failed), or a
        string saying why the article could not even be prepared (the
        article is then dropped, as an unreadable file is).
    """
    settings = settings or _worker["settings"]
    nlp = _worker.get("nlp") or annotate.load_pipeline(settings)
    out: list[pipeline.ArticleResult | str | None] = [None] * len(items)
    ready, posts, where = [], [], []
    for i, item in enumerate(items):
        try:
            art, found = pipeline.prepare(item.article)
            if item.entry is not None and settings.manifest is not None:
                apply_manifest([art], settings.manifest, [item.entry])
        except Exception as exc:  # one bad article never stops the others
            log.warning("skipped %s: %s", item.article.path, exc)
            out[i] = pipeline.reason(exc)
            continue
        for p in found:
            p.article = art.id
        ready.append(art)
        posts.append(found)
        where.append(i)
    for i, res in zip(where, pipeline.analyze_batch(ready, posts, nlp, settings)):
        out[i] = res
    return out  # type: ignore[return-value]


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
        pool = self._new_pool()
        pending: deque[tuple[list[Item], Future]] = deque()
        for chunk in itertools.chain(head, it):
            try:
                pending.append((chunk, pool.submit(analyze_chunk, chunk)))
            except BrokenProcessPool:
                pool = self._new_pool()
                pending.append((chunk, pool.submit(analyze_chunk, chunk)))
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
