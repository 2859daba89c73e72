"""The garbage-collection policy of a run (:mod:`rashomon.memory`): each block
sets CPython's collector as documented and gives back the caller's settings,
on exit and on an error."""
from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from rashomon import memory


@pytest.fixture(autouse=True)
def _restore_collector():
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_rare_full_collections_raises_both_thresholds_and_restores_them():
    gc.set_threshold(700, 10, 10)
    with memory.rare_full_collections():
        assert gc.get_threshold() == (5000, 10, 100)
        with memory.rare_full_collections():  # nested: no change, and the outer values come back
            assert gc.get_threshold() == (5000, 10, 100)
        assert gc.get_threshold() == (5000, 10, 100)
    assert gc.get_threshold() == (700, 10, 10)


def test_rare_full_collections_never_lowers_a_higher_threshold():
    gc.set_threshold(9000, 10, 500)
    with memory.rare_full_collections():
        assert gc.get_threshold() == (9000, 10, 500)
    assert gc.get_threshold() == (9000, 10, 500)


def test_no_collections_pauses_the_collector_and_enables_it_again_after_an_error():
    gc.enable()
    with pytest.raises(ValueError), memory.no_collections():
        assert not gc.isenabled()
        raise ValueError("an extractor failed")
    assert gc.isenabled()


def test_no_collections_leaves_a_paused_collector_paused():
    gc.disable()
    with memory.no_collections():
        assert not gc.isenabled()
    assert not gc.isenabled()


_SETTLED_HEAP_CHECK = """
import gc
from rashomon import memory
gc.unfreeze()
alive = [[k] for k in range(100)]  # container objects alive before the block
with memory.settled_heap():
    frozen = gc.get_freeze_count()
    assert frozen >= len(alive), frozen
    with memory.settled_heap():  # nested: freezes nothing more
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == frozen
assert gc.get_freeze_count() == 0
assert gc.is_tracked(alive[0])
print("ok")
"""


def test_settled_heap_freezes_what_is_alive_once_and_unfreezes_on_exit():
    """Run in a fresh interpreter: ``gc.freeze`` is process-wide, and a thread
    another test left running (a web app's job) may hold a block open here."""
    done = subprocess.run([sys.executable, "-c", _SETTLED_HEAP_CHECK], 
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


_SETTLE_CHECK = """
import gc
from rashomon import memory
gc.unfreeze()
memory.settle()  # outside a settled_heap block: nothing frozen
assert gc.get_freeze_count() == 0
with memory.settled_heap():
    before = gc.get_freeze_count()
    records = [[k] for k in range(100)]  # made inside the block, alive until it ends
    memory.settle()
    assert gc.get_freeze_count() >= before + len(records), (before, gc.get_freeze_count())
assert gc.get_freeze_count() == 0
assert gc.is_tracked(records[0])
print("ok")
"""


def test_settle_freezes_what_is_alive_only_inside_a_settled_heap():
    """In a fresh interpreter, as the settled_heap test above."""
    done = subprocess.run([sys.executable, "-c", _SETTLE_CHECK], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
