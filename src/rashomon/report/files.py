"""Writing the set of report files into a folder safely.

Two guarantees (issue: a kill during the write left report.json at 0 bytes
beside the previous report.html and report.md, and two runs interleaved):

* **All or nothing.** Each file is first written in full to a hidden
  staging file beside its final name (``.report.json.new``), flushed to disk;
  when every file of the set is staged a marker (``.report.ready``) is
  written, and only then are the staged files renamed over the old ones
  (``os.replace``, atomic per file) with SIGINT, SIGTERM and SIGHUP held
  back. A run stopped before the marker leaves the previous set untouched
  (its staged files are discarded by the next write); only SIGKILL or a power
  cut in the microseconds between two renames can leave new and old files
  side by side, and then the marker is still there: the next write into the
  folder first finishes those renames (:func:`recover`).
* **One writer per folder.** :func:`output_lock` takes an exclusive
  ``flock`` on ``.rashomon.lock`` in the folder (released by the system when
  the process ends, however it ends); a second run writing into the same
  folder waits for the first to finish its set (up to :data:`LOCK_WAIT`
  seconds, then :class:`~rashomon.errors.OutputLockedError`), so the folder
  ends with the later run's whole set. On systems without ``fcntl`` the lock
  is not taken.
"""
from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from rashomon.errors import OutputLockedError

try:
    import fcntl
except ImportError:  # not POSIX: no lock
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

LOCK_NAME = ".rashomon.lock"
LOCK_WAIT = 120.0
"""Seconds a run waits for another run to finish writing into the same folder."""
READY_NAME = ".report.ready"
_HELD: dict[str, tuple[int, int]] = {}
"""Folder (resolved) → (lock file descriptor, depth) for the locks this process holds."""
_HELD_GUARD = threading.Lock()


def staged(path: Path) -> Path:
    """The staging file of a report file: ``.NAME.new`` in the same folder."""
    return path.with_name(f".{path.name}.new")


@contextlib.contextmanager
def output_lock(folder: str | Path) -> Iterator[Path]:
    """Hold the exclusive lock of ``folder`` (created with its parents when
    missing) for the block; yields the folder. Re-entrant in one process.

    Raises
    ------
    OutputLockedError : another process held the lock for :data:`LOCK_WAIT`
        seconds; the message names the folder and that process's id.
    OSError : the folder or its lock file cannot be created.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    key = str(folder.resolve())
    with _HELD_GUARD:
        if key in _HELD:
            fd, depth = _HELD[key]
            _HELD[key] = (fd, depth + 1)
        else:
            _HELD[key] = (_acquire(folder), 1)
    try:
        yield folder
    finally:
        with _HELD_GUARD:
            fd, depth = _HELD[key]
            if depth > 1:
                _HELD[key] = (fd, depth - 1)
            else:
                del _HELD[key]
                os.close(fd)  # releases the flock


def _acquire(folder: Path, wait: float | None = None) -> int:
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    if fcntl is None:
        return fd
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    waited = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except OSError:
            other = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            if time.monotonic() >= deadline:
                os.close(fd)
                raise OutputLockedError(
                    f"another rashomon run (process {other}) is still writing reports into {folder}: "
                    "let it finish or choose another folder (-o)") from None
            if not waited:
                log.warning("waiting for another rashomon run (process %s) to finish writing into %s", other, folder)
                waited = True
            time.sleep(0.1)
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
    return fd


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def recover(folder: Path, names: tuple[str, ...]) -> None:
    """Finish or discard a write of ``names`` that was stopped in ``folder``
    (call under :func:`output_lock`): with the ready marker, every staged file
    is complete and is renamed into place; without it, staged files are
    partial and are removed."""
    ready = folder / READY_NAME
    commit = ready.exists()
    for name in names:
        new = staged(folder / name)
        if new.exists():
            if commit:
                os.replace(new, folder / name)
            else:
                new.unlink()
    if commit:
        _sync_folder(folder)
        ready.unlink()


class ReportSet:
    """The files of one report set, staged one by one then committed together.

    Use under :func:`output_lock`::

        files = ReportSet(folder, ("report.json", "report.html", "report.md"))
        files.stage("report.json", text)   # … each file
        paths = files.commit()

    A set that is not committed (an exception, Ctrl-C) leaves the folder as it
    was: call :meth:`discard` (``with`` does it).
    """

    def __init__(self, folder: Path, names: tuple[str, ...]) -> None:
        self.folder = folder
        self.names = names
        self.committed = False
        """Whether :meth:`commit` renamed the set into place."""
        recover(folder, names)

    def __enter__(self) -> "ReportSet":
        return self

    def __exit__(self, *exc) -> None:
        self.discard()

    def stage(self, name: str, text: str) -> None:
        """Write ``text`` (UTF-8) in full to the staging file of ``name``."""
        _write_durably(staged(self.folder / name), text.encode("utf-8"))

    def commit(self) -> dict[str, Path]:
        """Rename every staged file into place; returns name → final path.

        Raises
        ------
        ValueError : a file of the set was not staged.
        """
        missing = [n for n in self.names if not staged(self.folder / n).exists()]
        if missing:
            raise ValueError(f"not staged: {', '.join(missing)}")
        _sync_folder(self.folder)
        _write_durably(self.folder / READY_NAME, b"")
        with _signals_held():
            recover(self.folder, self.names)
            self.committed = True
        return {n: self.folder / n for n in self.names}

    def discard(self) -> None:
        """Remove staged files of a set that was not committed."""
        if not (self.folder / READY_NAME).exists():
            for name in self.names:
                staged(self.folder / name).unlink(missing_ok=True)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back for the block (delivered after it)."""
    held = {signal.SIGINT, signal.SIGTERM} | ({signal.SIGHUP} if hasattr(signal, "SIGHUP") else set())
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
