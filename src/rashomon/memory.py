"""Garbage-collection policy of a run.

A run holds every record it makes (mentions, quotes, claims, relations) until
its report is written, and then builds the report's view of all of them.
With CPython's default thresholds (700, 10, 10) each full (generation 2)
collection walks every one of those live objects again, so their number grows
with the input and their cost with its square: on one article of 0.8 MB of
dated sentences, seven full passes took 3.1 of 45 CPU seconds, 2.1 of them
while the reports were rendered (measured with ``gc.callbacks``;
benchmarks/README.md, hostile input).
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def rare_full_collections() -> Iterator[None]:
    """Make CPython's garbage collections rarer inside a block.

    A full pass waits for 100 young-generation passes instead of 10, and a
    young pass for 5,000 new objects instead of 700 (fewer of the records a
    run keeps are walked while young: on 50 benchmark documents, 148 young
    passes became 23 and their cost 1.7 → 1.0 ms a document; the young
    generation then holds a few hundred KiB more). The caller's thresholds are
    restored on exit (blocks may nest). Used around adding articles and
    computing the corpus results (:class:`rashomon.workspace.Workspace`), and
    around building and writing the reports (:mod:`rashomon.report`). Also a
    decorator.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 5000), old[1], max(old[2], 100))
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextlib.contextmanager
def no_collections() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector inside a block (``gc.disable``;
    re-enabled on exit if it was enabled).

    For the extractors of one article: their token views (one object a token,
    linked to its head and children) and intermediate records live only while
    the article is read and are unlinked by
    :func:`rashomon.annotate.docs.release`, so reference counting frees them;
    a young-generation pass in the middle walked every one of them, and again
    in the next generation. Garbage made meanwhile waits for the next pass
    after the block (one article's worth at most).

    Also around the corpus stages (:func:`rashomon.pipeline.link_and_compare`):
    they build hundreds of thousands of records and views and make no cycles
    (on 200 benchmark documents a full collection after them found nothing to
    free), while the collections inside them walked what they were building:
    ≈ 0.8 ms a document, measured with ``gc.callbacks``.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def settled_heap() -> Iterator[None]:
    """Leave every object alive now out of CPython's garbage collections
    inside the block (``gc.freeze``; undone on exit; nested blocks freeze
    nothing more), and make full collections of the rest rarer
    (:func:`rare_full_collections`).

    Around an export (the report and its context are alive: an export makes
    hundreds of thousands of small objects beside a report of millions, and
    every full collection walked them all again, about a second each on a
    1,000-article workspace; measured with cProfile, benchmarks/README.md,
    "Exports") and around adding articles and computing the corpus results
    (the spaCy pipeline, lexicons and gazetteers are alive: a full
    collection walked their dicts' entries, ≈ 85 ms a pass after a first
    analysis, against the records the block makes). Objects alive at the
    start that become garbage inside the block are freed by reference
    counting as usual; only cycles among them wait for a collection after it.
    """
    outer = not _SETTLED
    if outer:
        gc.freeze()
    _SETTLED.append(True)
    try:
        with rare_full_collections():
            yield
    finally:
        _SETTLED.pop()
        if outer:
            gc.unfreeze()


def settle() -> None:
    """Inside a :func:`settled_heap` block, leave every object alive now out
    of CPython's garbage collections too, until the block ends
    (``gc.freeze``); outside one, do nothing.

    Called after each article's per-article stages
    (:func:`rashomon.pipeline.analyze_batch`): its records live until the
    report is built, and the young and middle generation passes after each
    article walked them and every earlier article's again (on 100 benchmark
    documents replayed without spaCy: 1.6 → 0.6 ms a document of collection,
    measured with ``gc.callbacks``); and after the corpus stages
    (:func:`rashomon.pipeline.link_and_compare`: the next young pass would
    walk every record they made, ≈ 0.2 ms a document). What was garbage
    already is freed by reference counting as before; only a cycle among the
    objects frozen waits until the block ends. In a worker process (no block open) nothing is frozen.
    """
    if _SETTLED:
        gc.freeze()


_SETTLED: list[bool] = []  # one entry per settled_heap block open (gc.get_freeze_count walks every frozen object)
