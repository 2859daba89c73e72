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
    """Make CPython's full (generation 2) garbage collections rarer inside a block.

    A full pass waits for 100 young-generation passes instead of 10; young
    generations are collected as usual, and the caller's thresholds are
    restored on exit (blocks may nest). Used around adding articles and
    computing the corpus results (:class:`rashomon.workspace.Workspace`), and
    around building and writing the reports (:mod:`rashomon.report`). Also a
    decorator.
    """
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], max(old[2], 100))
    try:
        yield
    finally:
        gc.set_threshold(*old)
