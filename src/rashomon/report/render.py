"""Write a Report as report.json, report.html and report.md.

Both text renderers read the same context (:func:`rashomon.report.context.build_context`)
and never recompute analysis. The HTML page is one self-contained file (its
style and a few lines of script inline, no external request of any kind);
every input string is escaped by Jinja's autoescape, and the page's Content
Security Policy admits only its own style and script, by their SHA-256 hashes
(:func:`page_assets`): no ``'unsafe-inline'``, so markup that slipped into the
page could neither run a script nor style it. The Markdown is escaped with
the ``md`` filter (CommonMark backslash escapes for characters that would
start markup: ``\\ ` * _ [ ] < > |``).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from rashomon.memory import rare_full_collections
from rashomon.report.context import build_context
from rashomon.report.files import ReportSet, output_lock
from rashomon.report.labels import colour_class
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
    env.filters["colour_class"] = colour_class
    return env


def count_noun(n: int, noun: str, plural: str | None = None) -> str:
    """``"1 agreement"``, ``"3 agreements"``: a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def _colours(value: Any, found: set[str]) -> set[str]:
    """Every string under a ``"colour"`` key of the (nested) context ``value``."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            c = item.get("colour")
            if isinstance(c, str):
                found.add(c)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list, tuple)))
        elif isinstance(item, (list, tuple)):
            stack.extend(v for v in item if isinstance(v, (dict, list, tuple)))
    return found


_CSS_COLOUR = re.compile(r"^(?:hsl\(\d{1,3}, \d{1,3}%, \d{1,3}%\)|#[0-9a-fA-F]{3,8})$")


def page_assets(context: dict[str, Any]) -> dict[str, Any]:
    """The page's style, script and Content Security Policy for ``context``.

    Returns ``{"page_style", "page_script", "page_csp"}``: the style is
    ``templates/report.css`` plus one rule per colour of the context
    (``.c-210-70-82 { --c: hsl(210, 70%, 82%); }``, read by speaker cards and
    quote marks instead of inline ``style`` attributes); the CSP admits that
    style and ``templates/report.js`` by their SHA-256 hashes (CSP Level 2
    hash sources) and nothing else: no network, no other script or style, no
    form target, no ``<base>``. A colour that is not a plain ``hsl()``/hex
    value is left out (it never reaches the CSS).
    """
    env = _env(True)
    rules = "".join(f".{colour_class(c)} {{ --c: {c}; }}\n"
                    for c in sorted(_colours(context, set())) if _CSS_COLOUR.match(c))
    style = env.loader.get_source(env, "report.css")[0] + rules
    script = env.loader.get_source(env, "report.js")[0]

    def source(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"

    csp = (f"default-src 'none'; style-src {source(style)}; script-src {source(script)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return {"page_style": Markup(style), "page_script": Markup(script), "page_csp": csp}


def render_html(report: Report, context: dict[str, Any] | None = None) -> str:
    """The report as one self-contained HTML page (str)."""
    ctx = context if context is not None else build_context(report)
    return _env(True).get_template("report.html").render(**ctx, **page_assets(ctx))


def render_markdown(report: Report, context: dict[str, Any] | None = None) -> str:
    """The report's summary as Markdown (str), for pasting into notes."""
    ctx = context if context is not None else build_context(report)
    return _env(False).get_template("report.md").render(**ctx)


REPORT_FILES = {"json": "report.json", "html": "report.html", "md": "report.md"}


@rare_full_collections()
def write_all(report: Report, outdir: str | Path, context: dict[str, Any] | None = None) -> dict[str, Path]:
    """Write ``report.json``, ``report.html`` and ``report.md`` into ``outdir``
    as one set: each is rendered and written in full, then the set is
    published by one atomic rename (:mod:`rashomon.report.files`), so an
    interrupted or killed write leaves the previous set whole; the folder's
    lock is held throughout, so two runs never interleave their files.
    Full garbage collections are rare meanwhile
    (:func:`rashomon.memory.rare_full_collections`).

    Parameters
    ----------
    report : the analysed corpus.
    outdir : folder to write into (created with its parents when missing).
    context : the report's :func:`build_context`, when the caller already has it
        (it is built here otherwise).

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
            ctx = context if context is not None else build_context(report)
            files.stage(REPORT_FILES["json"], report.to_json())
            files.stage(REPORT_FILES["html"], render_html(report, ctx))
            files.stage(REPORT_FILES["md"], render_markdown(report, ctx))
            written = files.commit()
        except KeyboardInterrupt as exc:  # Ctrl-C: say whether the new set made it into place
            exc.reports_written = files.committed  # type: ignore[attr-defined]
            raise
    return {kind: written[name] for kind, name in REPORT_FILES.items()}
