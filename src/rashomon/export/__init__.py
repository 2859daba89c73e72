"""Exports of a report into formats that the tools of the field read back.

One module per format, each with a ``write(report, out, context)`` function
registered in :data:`FORMATS` the same way (a new format plugs in with one
entry):

=============== ======================================= ===========================
format          what                                    read back by
=============== ======================================= ===========================
``ftm``         FollowTheMoney entities (JSON lines)    Aleph/OpenAleph, ``ftm``
``annotations`` W3C Web Annotation AnnotationCollection Hypothesis-style annotators
``claims``      schema.org ``Claim`` items (JSON-LD)    JSON-LD/RDF tools
``csv``         a folder of CSV tables                  spreadsheets, pandas
``xlsx``        one workbook, a sheet per table         Excel, LibreOffice, pandas
``gexf``        who quotes whom, who contradicts whom   Gephi, networkx
=============== ======================================= ===========================

Every module reads the :class:`~rashomon.types.Report` and, where it shows
names beside ids, the display context of :func:`rashomon.report.context.build_context`
(the one the HTML and Markdown renderers read); no export re-analyses anything.
``docs/exports.md`` documents each format field by field.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib
import logging
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon import memory
from rashomon.errors import ExportError, MissingExtraError
from rashomon.memory import settled_heap
from rashomon.types import Report

log = logging.getLogger(__name__)

#: The first 16 bytes of every SQLite 3 database file (https://www.sqlite.org/fileformat.html, 1.3.1).
SQLITE_HEADER = b"SQLite format 3\x00"

#: The format name that writes every format into one folder, each under its suggested name.
ALL = "all"

#: The line that installs the libraries of the heavier formats.
EXTRA = "pip install 'rashomon[export]' (in a clone of the project: pip install '.[export]')"


@dataclass(frozen=True)
class Format:
    """One export format: its module under ``rashomon.export`` (whose
    ``write_FORMAT`` or ``write`` function writes it), whether it writes a
    folder (``csv``) or one file, the name it suggests (and ``all`` uses), and
    whether it reads the display context."""

    module: str
    folder: bool
    suggested: str
    context: bool


FORMATS: dict[str, Format] = {
    "ftm": Format("ftm", False, "entities.ftm.json", False),
    "annotations": Format("annotations", False, "annotations.jsonld", True),
    "claims": Format("claims", False, "claims.jsonld", False),
    "csv": Format("tables", True, "tables", True),
    "xlsx": Format("tables", False, "report.xlsx", True),
    "gexf": Format("gexf", False, "network.gexf", False),
}


def context_of(report: Report, context: dict[str, Any] | None) -> dict[str, Any]:
    """``context`` when given, else the display context of ``report``
    (:func:`rashomon.report.context.build_context`, the one the HTML and
    Markdown renderers read)."""
    if context is not None:
        return context
    from rashomon.report.context import build_context

    return build_context(report)


def load_report(source: str | Path) -> Report:
    """Read the report to export from ``source``.

    Parameters
    ----------
    source : a ``report.json`` written by ``rashomon analyze``, or a SQLite
        workspace file (told by SQLite's 16-byte header), read through
        :meth:`rashomon.workspace.Workspace.report` (its corpus results
        brought up to date first, as ``rashomon report`` does).

    Returns
    -------
    Report : the analysed corpus.

    Raises
    ------
    ExportError : the source is missing, a folder, unreadable, not a report,
        or a SQLite file that is not a workspace this rashomon can read.
    """
    path = Path(source)
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise ExportError(f"{path} is a folder: give the report.json written by 'rashomon analyze' "
                          "(or a workspace file)") from None
    except OSError as exc:
        raise ExportError(f"{path} cannot be read: {exc.strerror or exc}") from None
    with memory.rare_full_collections():
        return _read(path, head)


def _read(path: Path, head: bytes) -> Report:
    if head == SQLITE_HEADER:
        from rashomon.errors import WorkspaceError
        from rashomon.workspace import Workspace

        try:
            with Workspace(path, create=False) as ws:
                return ws.report()
        except WorkspaceError as exc:
            raise ExportError(str(exc)) from None
    try:
        return Report.model_validate_json(path.read_bytes())
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExportError(f"{path} is not a rashomon report.json ({first}): "
                          "give the report.json written by 'rashomon analyze'") from None


def require(module: str, fmt: str) -> Any:
    """Import ``module`` (a library of the ``export`` extra) for format ``fmt``.

    Raises
    ------
    MissingExtraError : the library is not installed; the message is the
        ``pip install 'rashomon[export]'`` line to run.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(f"the {fmt} export needs the '{module.split('.')[0]}' library: "
                                f"{EXTRA}") from None


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write into; it replaces
    ``target`` only when the block ends without error (``os.replace``), so an
    export that fails midway leaves any earlier file at ``target`` intact."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 would outlive the rename: honour the umask as open() does
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _umask() -> int:
    """The process's file mode creation mask (read by setting it and back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:rashomon:annotations")


def urn(*parts: Any) -> str:
    """A stable ``urn:uuid:`` id (UUID version 5, RFC 9562) of ``parts``."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, chr(31).join(str(p) for p in parts))}"


def text_sha256(text: str) -> str:
    """Hex SHA-256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_text(target: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``target`` atomically (see :func:`atomic_path`)."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target


def export(report: Report, fmt: str, out: str | Path, context: dict[str, Any] | None = None) -> list[Path]:
    """Write ``report`` in format ``fmt`` to ``out``.

    Parameters
    ----------
    report : the analysed corpus.
    fmt : a key of :data:`FORMATS`, or ``"all"``: every format, read from one
        report and one context, into the folder ``out``, each file under its
        suggested name (``entities.ftm.json``, ``tables/``, …); a format whose
        library is missing is left out with a logged warning (see :func:`export_all`).
    out : the file to write, or for ``csv`` and ``all`` the folder (created when missing).
    context : the display context of ``report`` when the caller already has
        it (:func:`rashomon.report.context.build_context`); built when needed.

    Returns
    -------
    list[Path] : the files written.

    Raises
    ------
    ExportError : unknown format, or ``out`` is a folder where a file is due
        (or a file where a folder is due).
    MissingExtraError : the format's library is not installed (for ``all``:
        no format could be written).
    OSError : the files cannot be written.
    """
    target = Path(out)
    if fmt == ALL:
        paths, missing = export_all(report, target, context)
        for message in missing:
            log.warning("%s", message)
        return paths
    with settled_heap():
        return _write(report, fmt, target, context)


def _write(report: Report, fmt: str, target: Path, context: dict[str, Any] | None) -> list[Path]:
    """Write one format (:func:`export`'s work, checks included)."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)} or {ALL}")
    if spec.folder and target.exists() and not target.is_dir():
        raise ExportError(f"-o {target} is a file: the {fmt} export writes a folder of files")
    if not spec.folder and target.is_dir():
        raise ExportError(f"-o {target} is a folder: give a file name, e.g. {target / spec.suggested}")
    module = importlib.import_module(f"rashomon.export.{spec.module}")
    writer: Callable[..., list[Path]] = getattr(module, f"write_{fmt}", None) or module.write
    return writer(report, target, context)


def export_all(report: Report, out: str | Path, context: dict[str, Any] | None = None,
               jobs: int = 1) -> tuple[list[Path], list[str]]:
    """Write every format of :data:`FORMATS` that can be written into the
    folder ``out``, each under its suggested name, from one report and one
    context; a format whose library is missing is left out.

    ``jobs`` processes write the formats at once (0: one per CPU core this
    process may use; 1: one after another here): the calling process those
    that read the display context, forked workers the others, inheriting
    ``report`` without reading or copying it (:mod:`rashomon.export.workers`).

    Returns
    -------
    (paths, missing) : the files written, and one message per format left
        out for a missing library (naming it and ``pip install 'rashomon[export]'``).

    Raises
    ------
    ExportError : ``out`` is a file.
    MissingExtraError : no format could be written.
    OSError : the files cannot be written.
    """
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise ExportError(f"-o {target} is a file: --format all writes every format into a folder")
    from rashomon.export import workers

    def write(names: list[str]) -> list[tuple[list[Path], str | None]]:
        ctx = context_of(report, context) if any(FORMATS[n].context for n in names) else context
        if ctx is not None and {"csv", "xlsx"} <= set(names):  # one build of the tables for both
            from rashomon.export import tables

            ctx = {**ctx, tables.BUILT: tables.tables(report, ctx)}
        done: list[tuple[list[Path], str | None]] = []
        for name in names:
            try:
                done.append((_write(report, name, target / FORMATS[name].suggested, ctx), None))
            except MissingExtraError as exc:
                done.append(([], str(exc)))
        return done

    with settled_heap():
        groups = workers.plan(list(FORMATS), jobs, [n for n, f in FORMATS.items() if f.context])
        results = dict(zip((n for g in groups for n in g), (r for rs in workers.run(groups, write) for r in rs)))
    paths = [p for name in FORMATS for p in results[name][0]]
    missing = [m for name in FORMATS if (m := results[name][1])]
    if not paths:
        raise MissingExtraError("; ".join(missing))
    return paths, missing


__all__ = ["ALL", "EXTRA", "FORMATS", "Format", "atomic_path", "context_of", "export", "export_all", "load_report",
           "require", "settled_heap", "text_sha256", "urn", "write_text"]
