"""Adding documents from the web pages without making them wait.

A form that adds sources (an upload, pasted text, a URL) queues a
:class:`Job` and answers at once with the job's page; one background thread
runs the jobs in turn, each as ``rashomon add`` does
(:meth:`rashomon.workspace.Workspace.add`, then ``refresh``), with its own
connection to the workspace file. The job's page shows its status and
progress, and the articles it added when done. Jobs live in memory for the
life of the server (the articles they add are in the workspace file).
"""
from __future__ import annotations

import datetime as dt
import itertools
import logging
import queue
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KEEP = 200
"""Finished jobs remembered (the oldest are forgotten first)."""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Job:
    """One add run from the web pages.

    ``status`` is ``queued``, ``running``, ``done`` or ``failed``; ``stage``,
    ``done`` and ``total`` the progress reported by the add (stages ``read``,
    ``analyse`` and the corpus stages); ``sources`` the inputs as the workspace
    knows them (file paths, ``path#1`` for pasted text, URLs) and ``articles``
    the ids of the articles read from them once done; ``skipped`` the inputs
    not added with the reason (``{"path", "reason"}``); ``error`` why a failed
    job failed. Times are ISO 8601 UTC.
    """

    id: str
    label: str
    inputs: list[str]
    sources: list[str]
    status: str = "queued"
    stage: str | None = None
    done: int = 0
    total: int = 0
    added: int = 0
    reanalysed: int = 0
    unchanged: int = 0
    articles: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None
    created: str = field(default_factory=_now)
    finished: str | None = None

    @property
    def active(self) -> bool:
        """Whether the job is still queued or running."""
        return self.status in ("queued", "running")

    def as_dict(self) -> dict[str, Any]:
        """The job as plain JSON-ready values (every field, plus ``active``)."""
        return {**asdict(self), "active": self.active}


class Jobs:
    """The queue of add jobs of one workspace, run one at a time by a
    background thread (started with the first job).

    Parameters
    ----------
    workspace : the workspace file the jobs add to.
    """

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._thread: threading.Thread | None = None

    def submit(self, label: str, inputs: list[str], sources: list[str]) -> Job:
        """Queue an add of ``inputs`` (paths or URLs, as ``rashomon add``
        takes them); ``label`` says what they are on the pages; ``sources``
        are the workspace sources they will be read as."""
        with self._lock:
            job = Job(id=f"j{next(self._ids)}", label=label, inputs=list(inputs), sources=list(sources))
            self._jobs[job.id] = job
            finished = [j for j in self._jobs.values() if not j.active]
            for old in finished[:max(0, len(finished) - KEEP)]:
                del self._jobs[old.id]
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="rashomon-add", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with this id, or ``None`` (unknown, or long forgotten)."""
        return self._jobs.get(job_id)

    def recent(self, n: int = 10) -> list[Job]:
        """The ``n`` latest jobs, newest first."""
        with self._lock:
            return list(self._jobs.values())[::-1][:n]

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._add(job)
            finally:
                self._queue.task_done()

    def _add(self, job: Job) -> None:
        from rashomon.errors import RashomonError
        from rashomon.workspace import Workspace

        def progress(stage: str, done: int, total: int) -> None:
            job.stage, job.done, job.total = stage, done, total

        job.status = "running"
        try:
            with Workspace(self.workspace) as ws:
                settings = ws.settings()
                added = ws.add(job.inputs, settings, progress)
                ws.refresh(settings, progress)
                rows = (ws.store.by_source(s) for s in job.sources)
                job.articles = [r["id"] for r in rows if r is not None and r["status"] != "pending"]
            job.added, job.reanalysed, job.unchanged = added.added, added.reanalysed, added.unchanged
            job.skipped = [{"path": s.path, "reason": s.reason} for s in added.skipped]
            job.status = "done"
        except RashomonError as exc:
            job.error, job.status = str(exc), "failed"
        except Exception as exc:  # a bug: the page says so, the log has the traceback
            log.exception("adding %s failed", job.label)
            job.error, job.status = f"internal error: {exc}", "failed"
        job.finished = _now()
