"""Ctrl+C while worker processes are still starting: they neither die nor
print a traceback; the parent handles it (``sigint_ignored``)."""
from __future__ import annotations

import os
import signal
import time
from multiprocessing import get_context

from rashomon.workspace.workers import sigint_ignored


def _started(hold: bool):
    ctx = get_context("spawn")
    worker = ctx.Process(target=time.sleep, args=(0.2,))
    if hold:
        with sigint_ignored():
            worker.start()
    else:
        worker.start()
    os.kill(worker.pid, signal.SIGINT)  # at once: the worker is still importing
    worker.join(60)
    return worker


def test_a_worker_started_with_sigint_ignored_survives_ctrl_c_while_importing(capfd):
    assert _started(hold=True).exitcode == 0
    assert "KeyboardInterrupt" not in capfd.readouterr().err


def test_a_worker_started_plainly_dies_of_the_same_ctrl_c():
    assert _started(hold=False).exitcode != 0


def test_the_parent_handles_ctrl_c_again_after_the_block():
    before = signal.getsignal(signal.SIGINT)
    with sigint_ignored():
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is before
