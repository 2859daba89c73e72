"""Adding documents from the web pages without making them wait.

A form that adds sources (an upload, pasted text, a URL) queues a
:class:`Job` and answers at once with the job's page; one background thread
runs the jobs in turn, each as ``rashomon add`` does
(:meth:`rashomon.workspace.Workspace.add`, then ``refresh``) in a process of
its own (:func:`_add_in_process`, ``spawn``ed), which reports its progress
and outcome back over a pipe. In that process's main thread the time budget
per article (``article_seconds``, :mod:`rashomon.budget`, which needs
``SIGALRM``) applies to reading, cleaning and analysis, as in ``rashomon
add``; in the server's background thread it could not. The job's page shows
its status and progress, and the articles it added when done. Jobs live in
memory for the life of the server (the articles they add are in the
workspace file).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import queue
import threading
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import Connection
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

    def busy(self) -> bool:
        """Whether a job is queued or running."""
        with self._lock:
            return any(j.active for j in self._jobs.values())

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
        job.status = "running"
        context = get_context("spawn")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_add_in_process, name=f"rashomon-add-{job.id}",
                                  args=(str(self.workspace), job.inputs, job.sources, send))
        process.start()
        send.close()  # the child holds the sending end: EOF when it exits
        outcome: dict[str, Any] | None = None
        while True:
            try:
                kind, value = receive.recv()
            except EOFError:
                break
            if kind == "progress":
                job.stage, job.done, job.total = value
            else:
                outcome = value
        process.join()
        receive.close()
        if outcome is None:  # killed, or out of memory: what it wrote before is kept
            outcome = {"status": "failed", "error": f"the add process stopped (exit code {process.exitcode}); "
                                                    "articles it had analysed are kept: add the rest again"}
        for name, value in outcome.items():
            setattr(job, name, value)
        job.finished = _now()


def _add_in_process(workspace: str, inputs: list[str], sources: list[str], send: Connection) -> None:
    """Run one add job (in a process of its own): add ``inputs`` to
    ``workspace`` with its stored settings (no inputs: nothing to add, as
    for the job :meth:`rashomon.web.app.Web.outdated` queues), refresh the corpus results, and
    send ``("progress", (stage, done, total))`` as work advances, then
    ``("outcome", {...})`` with the :class:`Job` fields to set."""
    from rashomon.errors import RashomonError
    from rashomon.workspace import Added, Workspace

    def progress(stage: str, done: int, total: int) -> None:
        send.send(("progress", (stage, done, total)))

    try:
        with Workspace(workspace) as ws:
            settings = ws.settings()
            added = ws.add(inputs, settings, progress) if inputs else Added()  # no inputs: only the refresh
            ws.refresh(settings, progress)
            rows = (ws.store.by_source(s) for s in sources)
            articles = [r["id"] for r in rows if r is not None and r["status"] != "pending"]
        outcome: dict[str, Any] = {
            "status": "done", "articles": articles, "added": added.added, "reanalysed": added.reanalysed,
            "unchanged": added.unchanged, "skipped": [{"path": s.path, "reason": s.reason} for s in added.skipped]}
    except RashomonError as exc:
        outcome = {"status": "failed", "error": str(exc)}
    except KeyboardInterrupt:  # the server is stopping (Ctrl+C reaches its whole process group)
        outcome = {"status": "failed", "error": "interrupted: the articles analysed so far are kept"}
    except Exception as exc:  # a bug: the page says so, the log has the traceback
        log.exception("adding %s failed", ", ".join(inputs))
        outcome = {"status": "failed", "error": f"internal error: {exc}"}
    with contextlib.suppress(OSError):  # the server may be gone
        send.send(("outcome", outcome))
        send.close()
