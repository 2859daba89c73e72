"""A workspace: one story's documents and findings in one SQLite file.

``Workspace(path).add(inputs)`` reads files, folders, globs and URLs, keeps
each document keyed by its content, and runs the per-article stages on
every core for the documents it has not analysed yet (see
:mod:`rashomon.workspace.adding`); ``.report()`` brings the corpus results up
to date when the set of articles changed and returns the ``Report``;
``.context()`` is the same display context report.html is rendered from.
The read queries the web app pages over (paginated, searchable, filtered)
are on ``.store`` (:class:`rashomon.store.Store`).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rashomon import memory, pipeline
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.types import Report
from rashomon.workspace import keys
from rashomon.workspace.adding import Added, add

__all__ = ["Added", "Workspace"]


class Workspace:
    """One story's documents and findings, kept in one SQLite file.

    Parameters
    ----------
    path : the workspace file (``story.db``); created when missing.
    create : when False, a missing file raises ``WorkspaceError``.
    search : keep the full-text indexes up to date (see :class:`rashomon.store.Store`).
    transient : keep the per-article results in memory, not as rows (see
        :class:`rashomon.store.Store`): for a workspace that gives one
        report and is thrown away.

    Raises
    ------
    WorkspaceError : the file is not a rashomon workspace, was written by a
        newer rashomon, or cannot be created.

    Example::

        with Workspace("story.db") as ws:
            ws.add(["corpus/", "statement.pdf", "https://example.org/a"])
            report = ws.report()
    """

    def __init__(self, path: str | Path, *, create: bool = True, search: bool = True,
                 transient: bool = False) -> None:
        self.path = Path(path)
        self.store = Store(self.path, create=create, search=search, transient=transient)
        self._cached: tuple[str, Report] | None = None

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the workspace file."""
        self.store.close()

    def settings(self) -> Settings:
        """The settings of the last add (corpus settings as stored in the
        workspace, the rest from the environment)."""
        stored = self.store.meta("settings") or {}
        if stored.get("gazetteers") is not None:
            stored["gazetteers"] = [Path(p) for p in stored["gazetteers"]]
        return Settings.from_env(**stored)

    def add(self, inputs: Sequence[str | Path] | str | Path, settings: Settings | None = None,
            progress: pipeline.Progress | None = None) -> Added:
        """Add documents and analyse the ones not analysed yet, and the
        stored articles of the same sites whose lines repeated across the
        site's pages changed (see :mod:`rashomon.workspace.adding`).

        Parameters
        ----------
        inputs : files, folders (searched recursively), glob patterns and
            ``http(s)://`` URLs (fetched; see :mod:`rashomon.ingest.url`).
        settings : defaults from the environment (``RASHOMON_*``); ``jobs``
            worker processes run the per-article stages.
        progress : optional ``progress(stage, done, total)`` callback
            (stages ``read`` and ``analyse``).

        Returns
        -------
        Added : counts of articles added, analysed again, unchanged, and the
            inputs skipped with the reason.

        Raises
        ------
        NoInputError : no supported input among ``inputs``.
        ManifestError, GazetteerError : see :func:`rashomon.analyze`
            (raised before anything is read).
        ModelError : the spaCy pipeline cannot be loaded.
        """
        if isinstance(inputs, (str, Path)):
            inputs = [inputs]
        settings = settings or Settings.from_env()
        with memory.settled_heap():
            return add(self.store, inputs, settings, progress)

    def stale(self, settings: Settings | None = None) -> bool:
        """Whether the corpus results are out of date (articles were added
        or analysed again since they were computed)."""
        settings = settings or self.settings()
        return self.store.meta("corpus_key") != keys.corpus_key(self.store.corpus_state(), settings)

    def refresh(self, settings: Settings | None = None, progress: pipeline.Progress | None = None) -> bool:
        """Recompute the corpus results (entities, relations, reuse, framing,
        timeline, propositions) when the set of articles changed.

        Returns True when they were recomputed, False when already current.
        """
        settings = settings or self.settings()
        state = self.store.corpus_state()
        key = keys.corpus_key(state, settings)
        if self.store.meta("corpus_key") == key:
            return False
        self._compute(state, settings, key, progress)
        return True

    def _compute(self, state: list[tuple], settings: Settings, key: str,
                 progress: pipeline.Progress | None, keep: bool = True) -> Report:
        with memory.settled_heap():
            report, mentions, before = self.store.corpus_inputs()
            report.skipped = self.store.skipped()  # framing leaves the articles not analysed out
            pipeline.link_and_compare(report, mentions, settings, progress)
            if keep and self.store.put_corpus(report, mentions, before, state, key):
                report.skipped = self.store.skipped()
                self._cached = (key, report)
            elif keep:  # articles were added meanwhile: compute again from them
                state = self.store.corpus_state()
                return self._compute(state, settings, keys.corpus_key(state, settings), progress)
        return report

    def report(self, settings: Settings | None = None, progress: pipeline.Progress | None = None,
               keep: bool = True) -> Report:
        """The workspace's report (schema ``rashomon.report/1``), the corpus
        results recomputed first when stale.

        The same ``Report`` as :func:`rashomon.analyze` over the same inputs
        added in one go. Skipped inputs are those of every add (a path read
        successfully later is no longer listed). ``keep=False`` returns
        corpus results it had to recompute without writing them (for a
        workspace thrown away after, as :func:`rashomon.analyze`'s).
        """
        settings = settings or self.settings()
        state = self.store.corpus_state()
        key = keys.corpus_key(state, settings)
        if self._cached is not None and self._cached[0] == key and self.store.meta("corpus_key") == key:
            return self._cached[1]
        if self.store.meta("corpus_key") != key:
            return self._compute(state, settings, key, progress, keep)
        report = self.store.load_report()
        self._cached = (key, report)
        return report

    def context(self) -> dict[str, Any]:
        """The display context report.html and report.md are rendered from
        (:func:`rashomon.report.context.build_context` of :meth:`report`):
        for pages that show what the report shows."""
        from rashomon.report.context import build_context

        return build_context(self.report())
