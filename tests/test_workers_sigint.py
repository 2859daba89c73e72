"""Ctrl+C while worker processes are still starting: they neither die nor
print a traceback; the parent handles it (``sigint_ignored``)."""
from __future__ import annotations

import os
import signal
import time
from multiprocessing import get_context

from rashomon.workspace.workers import sigint_ignored


def _started_held():
    ctx = get_context("spawn")
    worker = ctx.Process(target=time.sleep, args=(0.2,))
    with sigint_ignored():
        worker.start()
    os.kill(worker.pid, signal.SIGINT)  # at once: the worker is still importing
    worker.join(60)
    return worker


def test_a_worker_started_with_sigint_ignored_survives_ctrl_c_while_importing(capfd):
    assert _started_held().exitcode == 0
    assert "KeyboardInterrupt" not in capfd.readouterr().err


def _nap(ready) -> None:
    ready.set()
    time.sleep(30)


def test_a_worker_started_plainly_dies_of_ctrl_c():
    # sent once the worker runs: a signal that reaches a spawned child before
    # it executes Python is lost with the parent's handler, whatever the code
    ctx = get_context("spawn")
    ready = ctx.Event()
    worker = ctx.Process(target=_nap, args=(ready,))
    worker.start()
    assert ready.wait(60)
    os.kill(worker.pid, signal.SIGINT)
    worker.join(60)
    assert worker.exitcode not in (0, None)


def test_the_parent_handles_ctrl_c_again_after_the_block():
    before = signal.getsignal(signal.SIGINT)
    with sigint_ignored():
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is before
