"""Write a Report as report.json, report.html and report.md.

Both text renderers read the same context (:func:`rashomon.report.context.build_context`)
and never recompute analysis. The HTML page is one self-contained file (inline
CSS and a few lines of inline JS, no external request of any kind); every
input string is escaped by Jinja's autoescape. The Markdown is escaped with
the ``md`` filter (CommonMark backslash escapes for characters that would
start markup: ``\\ ` * _ [ ] < > |``).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from rashomon.report.context import build_context
from rashomon.report.files import ReportSet, output_lock
from rashomon.types import Report

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(value: Any) -> str:
    """A value as one line of Markdown: special characters backslash-escaped,
    newlines turned into spaces; ``None`` becomes ``unknown``."""
    if value is None:
        return "unknown"
    s = re.sub(r"\s+", " ", str(value)).strip()
    return _MD_SPECIAL.sub(r"\\\1", s)


def _shorten(value: Any, limit: int = 240) -> str:
    s = re.sub(r"\s+", " ", str(value or "")).strip()
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


@functools.lru_cache(maxsize=2)
def _env(html: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("rashomon", "report/templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "j2"), default_for_string=True,
                                     default=True) if html else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["shorten"] = _shorten
    env.filters["count"] = count_noun
    return env


def count_noun(n: int, noun: str, plural: str | None = None) -> str:
    """``"1 agreement"``, ``"3 agreements"``: a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def render_html(report: Report, context: dict[str, Any] | None = None) -> str:
    """The report as one self-contained HTML page (str)."""
    ctx = context if context is not None else build_context(report)
    return _env(True).get_template("report.html").render(**ctx)


def render_markdown(report: Report, context: dict[str, Any] | None = None) -> str:
    """The report's summary as Markdown (str), for pasting into notes."""
    ctx = context if context is not None else build_context(report)
    return _env(False).get_template("report.md").render(**ctx)


REPORT_FILES = {"json": "report.json", "html": "report.html", "md": "report.md"}


def write_all(report: Report, outdir: str | Path) -> dict[str, Path]:
    """Write ``report.json``, ``report.html`` and ``report.md`` into ``outdir``
    as one set: each is rendered and staged in full, then all three are
    renamed into place (:mod:`rashomon.report.files`), so an interrupted or
    killed write leaves the previous set whole; the folder's lock is held
    throughout, so two runs never interleave their files.

    Parameters
    ----------
    report : the analysed corpus.
    outdir : folder to write into (created with its parents when missing).

    Returns
    -------
    dict : ``{"json": Path, "html": Path, "md": Path}``, the files written.

    Raises
    ------
    KeyboardInterrupt : Ctrl-C; its ``reports_written`` attribute says
        whether the new set was already in place (else the old one is).
    OutputLockedError : another run kept writing into ``outdir`` for minutes.
    OSError : the folder cannot be created or written (the previous set is kept).
    """
    with output_lock(outdir) as out, ReportSet(out, tuple(REPORT_FILES.values())) as files:
        try:
            ctx = build_context(report)
            files.stage(REPORT_FILES["json"], report.to_json())
            files.stage(REPORT_FILES["html"], render_html(report, ctx))
            files.stage(REPORT_FILES["md"], render_markdown(report, ctx))
            written = files.commit()
        except KeyboardInterrupt as exc:  # Ctrl-C: say whether the new set made it into place
            exc.reports_written = files.committed  # type: ignore[attr-defined]
            raise
    return {kind: written[name] for kind, name in REPORT_FILES.items()}
