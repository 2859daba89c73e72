"""The command line: thin commands over the Python API.

``rashomon analyze INPUT... -o OUTDIR`` parses options, checks that OUTDIR
can be used, calls :func:`rashomon.pipeline.analyze` and
:func:`rashomon.report.render.write_all`; nothing else (``add`` and
``report`` likewise over :class:`rashomon.workspace.Workspace`, ``export``
over :mod:`rashomon.export`). This is the only
module that configures logging. One option per
entry of :data:`rashomon.settings.SETTINGS` (``--max-file-bytes`` for
``max_file_bytes``), added from that table so the CLI, the environment
(``RASHOMON_*``) and ``docs/settings.md`` never drift apart.

Exit codes: 0 when at least one document was analysed; 1 when nothing could
be analysed (no report is written then: OUTDIR keeps its previous reports),
when ``--strict`` and a file was skipped, on a rashomon error (model,
manifest, gazetteer file; the manifest and gazetteer files are checked
before any input is read) or when the reports cannot be written; 2 when no
supported input is found at all, when a setting is invalid (an option or a
``RASHOMON_*`` variable of the wrong type or out of its range; see
:data:`rashomon.settings.SETTINGS`), or when OUTDIR cannot be used (a file, or
a folder that cannot be created or written); settings and OUTDIR are checked
before any analysis. A missing or unreadable path among others is listed as
skipped, like any unreadable input; so is a URL that cannot be fetched
(``http(s)://`` inputs are fetched because they are given, by ``analyze``
as by ``add``). 130 on Ctrl-C, after one line saying whether the reports were
written: they are published as one set (:mod:`rashomon.report.files`), so an
interrupted run leaves the previous set whole.
"""
from __future__ import annotations

import contextlib
import inspect
import json
import logging
import sys
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import Any, Optional

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperCommand

from rashomon.outdir import out_dir_problem, previous_reports
from rashomon.settings import SETTINGS


class _Argument(TyperArgument):
    """A positional argument shown as its metavar alone, as Click writes it
    (``INPUT...``, ``WORKSPACE``), without Typer's ``{NAME}`` and ``<type>``."""

    def display_type_rich(self, ctx) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        name = name if self.required else f"[{name}]"
        return name if self.nargs == 1 or name.endswith("...") else name + "..."


class _Command(TyperCommand):
    """A command whose arguments are :class:`_Argument` in its help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for p in self.params:
            if type(p) is TyperArgument:
                p.__class__ = _Argument


app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="rashomon: who said what across conflicting accounts of one event.")

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        from rashomon import __version__

        typer.echo(f"rashomon {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, metavar="",
                                 help="Print the version and exit."),
) -> None:
    """rashomon: who said what across conflicting accounts of one event."""


class _Plain(logging.Formatter):
    """``warning: message`` (the level in lower case, as ``error:`` lines are)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {super().format(record)}"


@contextlib.contextmanager
def _logging(verbose: bool, quiet: bool) -> Iterator[None]:
    """Send rashomon's log records to stderr for one command, then restore the
    ``rashomon`` logger as it was (so embedding the CLI, e.g. in tests, leaves
    logging untouched). Levels: DEBUG with ``--verbose``, ERROR with
    ``--quiet``, else WARNING. A record is one line as the CLI's own are
    (``warning: …`` beside ``skipped …`` and ``error: …``); with
    ``--verbose``, its level and logger name lead it."""
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s") if verbose else _Plain())
    if not verbose:  # skipped files are listed by the CLI itself, once
        handler.addFilter(lambda r: not str(r.msg).startswith("skipped "))
    logger = logging.getLogger("rashomon")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False
    try:
        yield
    finally:
        logger.handlers[:], logger.level, logger.propagate = saved[0], saved[1], saved[2]


class _Bar:
    """A Rich progress bar on stderr, started on the first ``read`` report for
    more than one file (one task per stage)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.progress = None
        self.tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            if stage != "read" or total <= 1:
                self.enabled = stage == "read" and total > 1
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=err, transient=True)
            self.progress.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _analyze(
    inputs: list[str],
    out_dir: Path,
    manifest: Optional[Path],
    gazetteer: Optional[list[Path]],
    strict: bool,
    quiet: bool,
    verbose: bool,
    **settings_values: Any,
) -> None:
    with _logging(verbose, quiet):
        _run(inputs, out_dir, manifest, gazetteer, strict, quiet, settings_values)


_TOLD: list[str] = []  # the interruption messages printed (main() prints one when Ctrl-C came before any)


def _interrupted(message: str) -> typer.Exit:
    """Print ``message`` (what Ctrl-C left behind) and return exit 130 to raise."""
    err.print(message, markup=False)
    _TOLD.append(message)
    return typer.Exit(130)


def _fail(message: str, code: int) -> typer.Exit:
    """Print ``error: message`` on stderr; the ``Exit`` to raise."""
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)


def _settings(settings_values: dict[str, Any], manifest: Optional[Path], gazetteer: Optional[list[Path]]):
    """The run's settings; an invalid value (option or RASHOMON_* variable) is a usage error (exit 2)."""
    from rashomon.errors import SettingsError
    from rashomon.settings import Settings

    try:
        return Settings.from_env(**settings_values, manifest=manifest, gazetteers=list(gazetteer or []) or None)
    except SettingsError as exc:
        raise _fail(str(exc), 2) from None


@contextlib.contextmanager
def _errors(bar: "_Bar", interrupted: "str | Callable[[], str]") -> Iterator[None]:
    """Errors raised by the analysis: exit 2 when no input was found or the
    workspace file cannot be used, 1 otherwise; on Ctrl-C, ``interrupted``
    (or what it returns, when a function) is printed and the exit code is
    130 (the progress bar stopped first)."""
    from rashomon.errors import NoInputError, RashomonError, WorkspaceError

    try:
        yield
    except RashomonError as exc:
        bar.stop()
        raise _fail(str(exc), 2 if isinstance(exc, (NoInputError, WorkspaceError)) else 1) from None
    except KeyboardInterrupt:
        bar.stop()
        raise _interrupted(interrupted if isinstance(interrupted, str) else interrupted()) from None
    bar.stop()


def _path_given(text: str) -> Path:
    """``-o``'s value as a path. An empty value is a usage error: ``Path("")``
    is the current folder, which a missing shell variable should not choose."""
    if not text.strip():
        raise typer.BadParameter("the path is empty; give one (-o . for the current folder)")
    return Path(text)


def _check_out_dir(out_dir: Path) -> None:
    problem = out_dir_problem(out_dir)
    if problem:  # a usage error, found before minutes of analysis rather than after
        raise _fail(problem, 2)


def _write_reports(report, out_dir: Path, quiet: bool, why_none: str = "") -> None:
    """Write the three reports and print the summary line (unless ``quiet``).
    When no article was analysed, nothing is written (the previous reports in
    ``out_dir`` stay as they were) and the exit code is 1; ``why_none`` ends
    that error (e.g. ``"; 3 article(s) pending ..."``)."""
    from rashomon.errors import RashomonError
    from rashomon.report.context import build_context
    from rashomon.report.render import REPORT_FILES, count_noun, write_all

    not_analysed = {s.path for s in report.skipped}
    analysed = [a for a in report.articles if a.path not in not_analysed]
    if not analysed:  # an empty set would replace the previous reports: keep them
        _print_skipped(report.skipped)
        raise _fail(f"no document could be analysed: no report was written; {previous_reports(out_dir)}{why_none}", 1)
    context = build_context(report)
    existed = {name for name in REPORT_FILES.values() if (out_dir / name).exists()}
    try:
        paths = write_all(report, out_dir, context)
    except KeyboardInterrupt as exc:
        if getattr(exc, "reports_written", False):
            raise _interrupted(f"interrupted after the reports were written in full into {out_dir}") from None
        raise _interrupted(f"interrupted while writing the reports: none was replaced; {previous_reports(out_dir)}") from None
    except RashomonError as exc:  # another run kept the folder's lock
        raise _fail(str(exc), 1) from None
    except OSError as exc:  # checked above, but the disk may fill or the folder change meanwhile
        raise _fail(f"the reports cannot be written into {out_dir}: {exc.strerror or exc}; {previous_reports(out_dir)}",
                    1) from None
    _print_skipped(report.skipped)
    summary = context["summary"]
    if not quiet:
        listed = "" if len(analysed) == len(report.articles) else f" ({len(report.articles)} listed)"
        out.print(f"{count_noun(len(analysed), 'article')} analysed{listed}, {count_noun(len(report.quotes), 'quote')}, "
                  f"{count_noun(len(report.claims), 'claim')}, "
                  f"{count_noun(summary['disputes'], 'dispute')} ({count_noun(summary['contradictions'], 'contradicting pair')})"
                  + (f"; {len(report.skipped)} skipped" if report.skipped else ""),
                  markup=False)
        written = [str(p) for p in paths.values() if p.name not in existed]
        replaced = [str(p) for p in paths.values() if p.name in existed]
        out.print("; ".join(f"reports {verb}: {', '.join(ps)}" for verb, ps in (("written", written),
                                                                             ("replaced", replaced)) if ps),
                  markup=False)


def _print_skipped(skipped) -> None:
    for s in skipped:
        err.print(f"skipped {s.path}: {s.reason}", markup=False)


def _run(inputs: list[str], out_dir: Path, manifest: Optional[Path], gazetteer: Optional[list[Path]],
         strict: bool, quiet: bool, settings_values: dict[str, Any]) -> None:
    settings = _settings(settings_values, manifest, gazetteer)
    _check_out_dir(out_dir)
    bar = _Bar(enabled=not quiet)
    with _errors(bar, f"interrupted during the analysis: nothing was written; {previous_reports(out_dir)}"):
        from rashomon.pipeline import analyze as run  # inside: Ctrl-C while it loads is answered too

        report = run(inputs, settings, bar)
    _write_reports(report, out_dir, quiet)
    if strict and report.skipped:
        raise _fail(f"{len(report.skipped)} input(s) skipped and --strict is set", 1)


def _add(workspace: Path, inputs: list[str], refresh: bool, manifest: Optional[Path],
         gazetteer: Optional[list[Path]], strict: bool, quiet: bool, verbose: bool, **settings_values: Any) -> None:
    with _logging(verbose, quiet):
        settings = _settings(settings_values, manifest, gazetteer)
        bar = _Bar(enabled=not quiet)
        with _errors(bar, lambda: f"interrupted: {_held(workspace)}"):
            from rashomon.workspace import Workspace  # inside: Ctrl-C while it loads is answered too

            with Workspace(workspace) as ws:
                added = ws.add(inputs, settings, bar)
                if refresh:
                    ws.refresh(settings, bar)
                stale = ws.stale(settings)
                counts = ws.store.counts()
        _print_skipped(added.skipped)
        if not quiet:
            from rashomon.report.render import count_noun

            copies = f", {count_noun(added.copies, 'copy', 'copies')} of articles already there" if added.copies else ""
            out.print(f"{count_noun(added.added, 'article')} added, {added.reanalysed} analysed again, {added.unchanged} unchanged"
                      + copies + (f"; {len(added.skipped)} skipped" if added.skipped else ""), markup=False)
            corpus = ("corpus results to be recomputed by 'rashomon report' (or add --refresh)" if stale else
                      f"{counts['entities']} entities, {counts['contradictions']} contradicting pairs")
            out.print(f"{workspace}: {counts['articles']} articles, {counts['quotes']} quotes, {counts['claims']} claims; "
                      + corpus, markup=False)
        if not (added.analysed or added.unchanged or added.copies):  # copies: already there, not an error
            raise _fail("no document could be added", 1)
        if strict and added.skipped:
            raise _fail(f"{len(added.skipped)} input(s) skipped and --strict is set", 1)


def _held(workspace: Path) -> str:
    """What ``workspace`` holds after an interrupted add, as a clause: how
    many articles are analysed and how many were read but are not analysed
    yet (pending), with the command that finishes them."""
    from rashomon.workspace import Workspace

    try:
        with Workspace(workspace, create=False) as ws:
            counts = ws.store.counts()
    except Exception:  # noqa: BLE001 (only the message depends on it)
        return f"{workspace} keeps what was written before the interruption; add the same inputs again to finish"
    pending = _pending(workspace, counts["pending"])
    return f"{workspace} holds {counts['analysed']} analysed article(s)" + (
        f"; {pending}" if pending else "; add the same inputs again to finish (what is analysed is not analysed again)")


def _pending(workspace: Path, pending: int) -> str:
    """``"N article(s) pending ..."`` naming the add that finishes them, or ``""`` when none."""
    if not pending:
        return ""
    return (f"{pending} article(s) pending (read, not analysed yet): run 'rashomon add {workspace} INPUT...' "
            "again with the same inputs to finish them")


def _options(first: list[inspect.Parameter], strict: str) -> list[inspect.Parameter]:
    """The parameters of ``analyze`` and ``add``: ``first``, then the options
    they share (``strict`` the help of ``--strict``), then one option per
    :data:`SETTINGS` entry."""
    P = inspect.Parameter
    params = first + [
        P("manifest", P.POSITIONAL_OR_KEYWORD, annotation=Optional[Path],
          default=typer.Option(None, "--manifest", metavar="FILE",
                               help="CSV or YAML manifest stating outlet, URL and date per file.")),
        P("gazetteer", P.POSITIONAL_OR_KEYWORD, annotation=Optional[list[Path]],
          default=typer.Option(None, "--gazetteer", metavar="FILE",
                               help="Extra alias gazetteer YAML (repeatable).")),
        P("strict", P.POSITIONAL_OR_KEYWORD, annotation=bool,
          default=typer.Option(False, "--strict", metavar="", help=strict)),
        P("quiet", P.POSITIONAL_OR_KEYWORD, annotation=bool,
          default=typer.Option(False, "--quiet", "-q", metavar="", help="No progress bar or summary; errors and skipped files only.")),
        P("verbose", P.POSITIONAL_OR_KEYWORD, annotation=bool,
          default=typer.Option(False, "--verbose", "-v", metavar="", help="Debug logging on stderr.")),
    ]
    for s in SETTINGS:
        kind = type(s.default) if s.default is not None else str
        if kind is bool:
            decl = typer.Option(None, f"{s.option}/--no-{s.option[2:]}", metavar="", help=s.help)
        else:
            decl = typer.Option(None, s.option, metavar="N" if kind is int else "NAME",
                                help=f"{s.help}  [{'; '.join(_shown(s))}]")
        params.append(P(s.name, P.POSITIONAL_OR_KEYWORD, annotation=Optional[kind], default=decl))
    return params


def _shown(s) -> list[str]:
    """A setting's default and range as Typer shows those of ``serve`` and
    ``export`` (``default: 8``, ``x>=1``, ``0<=x<=100``)."""
    lo, hi = s.minimum, s.maximum
    bounds = f"{lo}<=x<={hi}" if lo is not None and hi is not None else f"x>={lo}" if lo is not None else \
        f"x<={hi}" if hi is not None else None
    return [f"default: {s.default}"] + ([bounds] if bounds else [])


_INPUTS = inspect.Parameter(
    "inputs", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=list[str],
    default=typer.Argument(..., metavar="INPUT...",
                           help="Files, folders (searched recursively), glob patterns or http(s) URLs."))


def _build_analyze_command():
    """The ``analyze`` command with one option per :data:`SETTINGS` entry."""
    P = inspect.Parameter
    params = _options([_INPUTS, P("out_dir", P.POSITIONAL_OR_KEYWORD, annotation=Path, default=typer.Option(
        ..., "-o", "--out", metavar="OUTDIR", parser=_path_given, help="Folder for report.json, report.html and report.md (created if missing)."))],
        "Exit 1 when any input is skipped (the report is still written).")

    def analyze(**kwargs: Any) -> None:
        """Analyse INPUT files/folders and write OUTDIR/report.{json,html,md}."""
        _analyze(**kwargs)

    analyze.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return analyze


def _build_add_command():
    """The ``add`` command with one option per :data:`SETTINGS` entry."""
    P = inspect.Parameter
    params = _options([P("workspace", P.POSITIONAL_OR_KEYWORD, annotation=Path, default=typer.Argument(
        ..., metavar="WORKSPACE", help="The workspace file (SQLite; created when missing).")), _INPUTS,
        P("refresh", P.POSITIONAL_OR_KEYWORD, annotation=bool, default=typer.Option(
            False, "--refresh", metavar="", help="Also recompute the corpus results now (entities, relations, reuse, "
            "framing, timeline); otherwise 'rashomon report' does it when next run."))],
        "Exit 1 when any input is skipped (the documents read are still added).")

    def add(**kwargs: Any) -> None:
        """Add INPUT files, folders and URLs to WORKSPACE: new and changed
        documents are analysed, on every core."""
        _add(**kwargs)

    add.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return add


app.command("analyze", cls=_Command, short_help="Analyse documents and write the reports into OUTDIR.")(_build_analyze_command())
app.command("add", cls=_Command, short_help="Add documents to a workspace; new and changed ones are analysed.")(_build_add_command())


@app.command("report", cls=_Command, short_help="Write a workspace's reports into OUTDIR.")
def report(
    workspace: Path = typer.Argument(..., metavar="WORKSPACE", help="A workspace written by 'rashomon add'."),
    out_dir: Path = typer.Option(..., "-o", "--out", metavar="OUTDIR", parser=_path_given,
                                 help="Folder for report.json, report.html and report.md (created if missing)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary; errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging on stderr."),
) -> None:
    """Write WORKSPACE's report.{json,html,md} into OUTDIR (corpus results recomputed first when stale)."""
    with _logging(verbose, quiet):
        _check_out_dir(out_dir)
        bar = _Bar(enabled=False)
        with _errors(bar, f"interrupted: nothing was written; {previous_reports(out_dir)}"):
            from rashomon.workspace import Workspace  # inside: Ctrl-C while it loads is answered too

            with Workspace(workspace, create=False) as ws:
                result = ws.report()
                pending = ws.store.counts()["pending"]
        if pending and any(a.path not in {s.path for s in result.skipped} for a in result.articles):
            err.print(f"warning: not in the reports: {_pending(workspace, pending)}", markup=False)
        _write_reports(result, out_dir, quiet, f"; {_pending(workspace, pending)}" if pending else "")


@app.command("serve", cls=_Command, short_help="Serve a workspace's pages to a browser.")
def serve(
    workspace: Path = typer.Argument(..., metavar="WORKSPACE",
                                     help="A workspace file (written by 'rashomon add', or new with --create)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, metavar="N", help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host", metavar="H",
                             help="Address to listen on (127.0.0.1: this machine only; any other lets whoever "
                                  "reaches it read the pages, upload files and make the server fetch URLs)."),
    create: bool = typer.Option(False, "--create", metavar="",
                                help="Start a new, empty workspace when WORKSPACE does not exist (add sources "
                                     "from the pages)."),
) -> None:
    """Serve WORKSPACE's pages at http://HOST:PORT/ (needs the 'web' extra); Ctrl+C stops."""
    from rashomon import web
    from rashomon.errors import MissingExtraError, ServeError, WorkspaceError

    try:
        web.require()  # before anything is created
        busy = web.port_problem(host, port)  # before --create makes a file for nothing
        if busy:
            raise ServeError(busy)
        if not workspace.exists():
            if not create:
                raise _fail(f"{workspace} does not exist: check the name, or give --create to start a new, "
                            "empty workspace there", 2)
            err.print(f"{workspace} does not exist: starting an empty workspace (add sources from the pages)", markup=False)
        if _exposed(host):
            err.print(f"warning: --host {host} serves the pages to anyone who can reach this machine at port {port}, "
                      f"with no login: they can read {workspace}, upload files into it and make this machine fetch "
                      "URLs; use --host 127.0.0.1 (the default) unless you mean that", markup=False)
        with _logging(verbose=False, quiet=False):  # an add that fails is logged on stderr too
            web.serve(workspace, host=host, port=port,
                      announce=lambda url: out.print(f"serving {workspace} at {url} (Ctrl+C to stop)", markup=False),
                      refreshing=lambda: out.print(f"{workspace}: recomputing the corpus results first", markup=False))
    except (MissingExtraError, ServeError) as exc:
        raise _fail(str(exc), 1) from None
    except WorkspaceError as exc:
        raise _fail(str(exc), 2) from None


def _exposed(host: str) -> bool:
    """Whether ``host`` is an address other machines may reach (not a
    loopback name or address such as ``127.0.0.1``, ``localhost``, ``::1``)."""
    import ipaddress

    from rashomon.web.app import LOCAL_HOSTS

    if host in LOCAL_HOSTS:
        return False
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a name: it may resolve to any address
        return True


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of report.json (docs/report.schema.json)."""
    from rashomon.types import Report

    sys.stdout.write(json.dumps(Report.model_json_schema(by_alias=True), indent=2, ensure_ascii=False) + "\n")


@app.command("export", cls=_Command, short_help="Export a report for other tools (FollowTheMoney, CSV, XLSX, GEXF…).")
def export_command(
    source: Path = typer.Argument(..., metavar="SOURCE", help="A report.json written by 'rashomon analyze' (or a workspace file)."),
    fmt: str = typer.Option(..., "--format", "-f", metavar="FORMAT",
                            help="ftm, annotations, claims, csv, xlsx, gexf, or all (see docs/exports.md)."),
    out_path: Path = typer.Option(..., "-o", "--out", metavar="OUT", parser=_path_given,
                                  help="The file to write (for csv and all: a folder)."),
    jobs: int = typer.Option(0, "--jobs", metavar="N", min=0,
                             help="Processes writing the formats of --format all at once; 0 means one per CPU core "
                                  "this process may use, 1 one format after another."),
) -> None:
    """Export a report for other tools: FollowTheMoney, W3C annotations, schema.org claims, CSV, XLSX, GEXF.

    With --format all, every format that can be written is, and the ones
    whose library is missing are named (exit 1 only when none could be written).
    An existing file (or csv folder) of the same name is replaced, and named so.
    """
    from rashomon.errors import RashomonError
    from rashomon.export import ALL, FORMATS, export as run, export_all, load_report

    if fmt not in FORMATS and fmt != ALL:  # checked before the report is read
        err.print(f"error: unknown format {fmt!r}: choose one of {', '.join(FORMATS)} or {ALL}", markup=False)
        raise typer.Exit(2)
    missing: list[str] = []
    targets = [out_path / spec.suggested for spec in FORMATS.values()] if fmt == ALL else [out_path]
    existed = {p for t in targets for p in (t, *(t.rglob("*") if t.is_dir() else ()))
               if p.exists()}  # replaced, as analyze replaces the reports in OUTDIR
    try:
        if fmt == ALL:
            paths, missing = export_all(load_report(source), out_path, jobs=jobs)
        else:
            paths = run(load_report(source), fmt, out_path)
    except RashomonError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    except OSError as exc:
        err.print(f"error: {fmt} export cannot be written to {out_path}: {exc.strerror or exc}", markup=False)
        raise typer.Exit(1) from None
    new = [str(p) for p in paths if p not in existed]
    replaced = [str(p) for p in paths if p in existed]
    out.print("; ".join(f"{verb}: {', '.join(ps)}" for verb, ps in (("written", new), ("replaced", replaced)) if ps),
              markup=False)
    for message in missing:
        err.print(f"not written: {message}", markup=False)


def main() -> None:
    """Entry point of the ``rashomon`` script and ``python -m rashomon``.

    Ctrl-C before a command's own handling (Typer turns it into exit 130
    silently) prints ``interrupted`` and exits 130 as well."""
    try:
        app()
    except SystemExit as exc:
        if exc.code == 130 and not _TOLD:
            err.print("interrupted", markup=False)
        raise
