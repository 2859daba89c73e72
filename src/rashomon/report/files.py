"""Writing the set of report files into a folder safely.

Two guarantees (issue: a kill during the write left report.json at 0 bytes
beside the previous report.html and report.md, and two runs interleaved):

* **The whole set or the previous one.** A set is written in full into a
  new hidden folder, ``OUTDIR/.rashomon/sets/<id>/`` (each file flushed to
  disk), and only then published by one atomic rename: the symbolic link
  ``.rashomon/current`` is replaced by one pointing at the new set. The
  report names in the folder are fixed links through it
  (``report.json -> .rashomon/current/report.json``), so at every instant
  they all show one set: the previous one until the rename, the new one
  after it. A write stopped before the rename (Ctrl-C, a kill, a full disk)
  leaves the previous set in place, and its unfinished folder is removed by
  the next write. Only the first write into a folder that holds plain report
  files (from an older version) replaces them with the links one by one. On a
  file system without symbolic links the three files are renamed into place
  one after another, which a kill can interrupt between two renames.
* **One writer per folder.** :func:`output_lock` takes an exclusive
  ``flock`` on ``.rashomon/lock`` (released by the system when the process
  ends, however it ends); a second run writing into the same folder waits
  for the first to finish its set (up to :data:`LOCK_WAIT` seconds, then
  :class:`~rashomon.errors.OutputLockedError`), so the folder ends with the
  later run's whole set. Without ``fcntl`` (not POSIX) no lock is taken.
"""
from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from rashomon.errors import OutputLockedError

try:
    import fcntl
except ImportError:  # not POSIX: no lock
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

STATE = ".rashomon"
"""The hidden folder of rashomon's bookkeeping inside an output folder."""
LOCK_WAIT = 120.0
"""Seconds a run waits for another run to finish writing into the same folder."""

_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EINVAL}
"""``os.symlink`` errors that mean the file system (or the user, on Windows)
cannot make symbolic links."""

_HELD: dict[str, tuple[int, int]] = {}
"""Folder (resolved) → (lock file descriptor, depth) for the locks this process holds."""
_HELD_GUARD = threading.Lock()


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
    (folder / STATE).mkdir(parents=True, exist_ok=True)
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


def _acquire(folder: Path) -> int:
    fd = os.open(folder / STATE / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    if fcntl is None:
        return fd
    deadline = time.monotonic() + LOCK_WAIT
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


def _sync(path: Path) -> None:
    """Flush a folder's entries to disk (best effort: not every system allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace_with_link(path: Path, target: str) -> None:
    """Make ``path`` a symbolic link to ``target`` in one rename."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.link")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


class ReportSet:
    """The files of one report set, written in full, then published together.

    Use under :func:`output_lock`::

        with ReportSet(folder, ("report.json", "report.html", "report.md")) as files:
            files.stage("report.json", text)   # … each file
            paths = files.commit()

    A set that is not committed (an exception, Ctrl-C) changes nothing in the
    folder: leaving the ``with`` block removes its files.
    """

    def __init__(self, folder: Path, names: tuple[str, ...]) -> None:
        self.folder = folder
        self.names = names
        self.sets = folder / STATE / "sets"
        self.current = folder / STATE / "current"
        self._moved = False  # published by renaming the files (no symbolic links)
        self._remove_stale()
        self.dir = self.sets / uuid.uuid4().hex
        self.dir.mkdir(parents=True)

    def __enter__(self) -> "ReportSet":
        return self

    def __exit__(self, *exc) -> None:
        if not self.committed:
            shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def committed(self) -> bool:
        """Whether the set is published (also true when Ctrl-C came right after the rename)."""
        return self._moved or self._live() == self.dir.name

    def _live(self) -> str | None:
        """The name of the published set's folder, if any."""
        try:
            return os.path.basename(os.readlink(self.current))
        except OSError:
            return None

    def _remove_stale(self) -> None:
        """Remove set folders of earlier writes that are not published (a run
        stopped before its rename, or sets replaced since)."""
        live = self._live()
        if self.sets.is_dir():
            for d in self.sets.iterdir():
                if d.name != live:
                    shutil.rmtree(d, ignore_errors=True)

    def stage(self, name: str, text: str) -> None:
        """Write ``text`` (UTF-8) in full as ``name`` of the new set."""
        with open(self.dir / name, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())

    def commit(self) -> dict[str, Path]:
        """Publish the set (one atomic rename); returns name → path in the folder.

        Raises
        ------
        ValueError : a file of the set was not staged.
        OSError : the folder cannot be written (the previous set stays).
        """
        missing = [n for n in self.names if not (self.dir / n).is_file()]
        if missing:
            raise ValueError(f"not staged: {', '.join(missing)}")
        _sync(self.dir)
        try:
            _replace_with_link(self.current, f"sets/{self.dir.name}")
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise  # e.g. a full disk: the previous set stays
            # no symbolic links on this file system: move the files into place one by one
            log.debug("symbolic links unavailable in %s (%s): renaming the reports into place", self.folder, exc)
            for name in self.names:
                os.replace(self.dir / name, self.folder / name)
            self._moved = True
            shutil.rmtree(self.dir, ignore_errors=True)
            return {n: self.folder / n for n in self.names}
        _sync(self.current.parent)
        for name in self.names:  # fixed links, made once per folder
            link = self.folder / name
            target = f"{STATE}/current/{name}"
            if not (link.is_symlink() and os.readlink(link) == target):
                _replace_with_link(link, target)
        _sync(self.folder)
        self._remove_stale()
        return {n: self.folder / n for n in self.names}
