"""A time budget per article: work on one article that runs too long is
stopped, the article is skipped with the reason, and the batch goes on.

:func:`time_budget` arms a POSIX interval timer (``SIGALRM``) for the work
inside a ``with`` block and raises :class:`~rashomon.errors.TimeBudgetError`
there when it fires. Signals are handled between Python bytecodes, so the
error surfaces as soon as a long C call (a spaCy batch, one regular
expression) returns; rashomon's own regular expressions are linear
(``tests/test_regex_linear.py``), so no single call runs unbounded.

Signals reach only the main thread of a process: in any other thread, and
on platforms without ``SIGALRM``, the block runs unbudgeted (a debug log says
so). Process-pool workers run their tasks in their main thread, so a budget
works there as in a single process. Inside a block already under a budget,
a second one is not armed: the outer budget governs.
"""
from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Iterator

from rashomon.errors import TimeBudgetError

log = logging.getLogger(__name__)

PER_ARTICLE = "the time budget per article"
"""Words every time-budget message holds: :func:`over_budget` tells such a
reason from other failures."""


SCALE_CHARS = 100_000
"""The length of text one ``article_seconds`` covers: a longer article gets
the budget once more for each further 100,000 characters begun, so a long
article is slow, never refused for its length (the per-article stages are
linear in it: annotation runs chunk by chunk; measured in
``benchmarks/README.md``)."""


def for_length(seconds: float | None, chars: int) -> float | None:
    """The time budget, in seconds, of an article of ``chars`` characters
    (or a file of that many bytes) under ``seconds`` per article:
    ``seconds`` times the number of :data:`SCALE_CHARS` blocks begun (at
    least one). ``None`` or ``0`` (no budget) is returned as given."""
    if not seconds:
        return seconds
    return seconds * max(1, -(-chars // SCALE_CHARS))


def over_budget(reason: str | None) -> bool:
    """Whether ``reason`` (an article's skip reason) says it ran over its time budget."""
    return reason is not None and PER_ARTICLE in reason


def available() -> bool:
    """Whether a budget can be enforced here (``SIGALRM`` exists and this is
    the main thread)."""
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Run the block for at most ``seconds`` (wall-clock).

    Parameters
    ----------
    seconds : the budget in seconds; ``None`` or ``0`` means no budget.
    what : the work the block does, first word of the error message
        (``"reading"``, ``"cleaning"``, ``"annotation"``, ``"analysis"``).

    Raises
    ------
    TimeBudgetError : the block ran longer than ``seconds``; the message names
        ``what``, the budget and how to raise it.
    """
    if not seconds or seconds <= 0 or not available() or signal.getitimer(signal.ITIMER_REAL)[0]:
        if seconds and seconds > 0 and not available():
            log.debug("no time budget for %s: SIGALRM is only available in the main thread", what)
        yield
        return

    def _expire(signum, frame):
        raise TimeBudgetError(
            f"{what} stopped after {seconds:g} s, {PER_ARTICLE}; the rest of the batch goes on "
            "(raise the budget with --article-seconds or RASHOMON_ARTICLE_SECONDS, 0 for no limit, "
            "or split the document)"
        )

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
