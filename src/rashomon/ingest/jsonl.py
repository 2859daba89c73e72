"""JSON lines: one article per line (``.jsonl``).

Each line is a JSON object with ``text`` (plain text) or ``html`` (a page,
extracted as :mod:`rashomon.ingest.html` does), and optionally ``title``,
``outlet``, ``url``, ``published``, ``language``. Other keys are ignored. A
line that is not such an object, or that fails to be read for any reason
(JSON nested too deeply, markup the HTML parser rejects), becomes a skipped
entry; the rest of the file is read.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from rashomon.errors import InputError
from rashomon.ingest import html as html_mod
from rashomon.ingest.fields import FIELDS, NORMALIZERS, set_field
from rashomon.ingest.text import decode, normalize_newlines
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

log = logging.getLogger(__name__)


def _record(path: Path, lineno: int, line: str, enc: str) -> Article:
    """One line's article; ``ValueError`` says why the line cannot be one."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply to read (arrays or objects inside each other "
                         "hundreds of levels deep)") from None
    if not isinstance(rec, dict):
        raise ValueError(f"a JSON {type(rec).__name__}, not an object")
    text, page = rec.get("text"), None
    if not (isinstance(text, str) and text.strip()):
        markup = rec.get("html")
        if not (isinstance(markup, str) and markup.strip()):
            wrong = [f'"{k}" is a JSON {type(v).__name__}, not a string' for k, v in (("text", text), ("html", markup))
                     if v is not None and not isinstance(v, str)]
            raise ValueError("; ".join(wrong) if wrong else 'no non-empty "text" or "html" field')
        page = html_mod.extract(markup, f"{path.name}#{lineno}")
        text = page.text
        if not text.strip():
            raise ValueError('its "html" has no text')
    name = f"{path.name}#{lineno}"
    article = Article(
        id="", name=name, path=f"{path}#{lineno}", text=normalize_newlines(text), format="jsonl", encoding=enc
    )
    if page is not None:
        html_mod.apply_page(article, page)
    for key in FIELDS:
        raw = rec.get(key)
        if raw is None or raw == "":
            continue
        value = NORMALIZERS[key](raw) if isinstance(raw, (str, int, float)) else None
        if value is None:
            log.warning("%s: %s %r cannot be read; left unknown", name, key, raw)
            continue
        set_field(article, key, value, "jsonl", raw)
    return article


def read_jsonl(path: Path, data: bytes, settings: Settings) -> list[Article | Skipped]:
    """Read a JSON-lines file into one article per valid line.

    Articles are named ``<file>.jsonl#<line>`` (1-based line number; ``path``
    likewise); ``format`` is ``"jsonl"``; stated fields are set with ``jsonl``
    evidence (overriding what an ``html`` record's markup states). A bad line
    becomes a ``Skipped`` record (path ``<file>.jsonl#<line>``, with the
    reason) among the articles, so the batch lists it like any bad file.

    Raises
    ------
    DecodingError : see :func:`rashomon.ingest.text.decode`.
    InputError : no line of the file is a usable record.
    """
    text, enc = decode(data, path.name)
    articles: list[Article | Skipped] = []
    bad = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            articles.append(_record(path, lineno, line, enc))
        except Exception as exc:  # one bad line never costs the file's other records
            bad += 1
            why = str(exc) if isinstance(exc, (ValueError, InputError)) and str(exc) else f"{type(exc).__name__}: {exc}"
            log.debug("%s line %d skipped: %s", path, lineno, why)
            articles.append(Skipped(path=f"{path}#{lineno}", reason=f"line {lineno}: {why}"))
    if bad == len(articles):
        raise InputError(
            f"{path.name} has no usable record ({bad} bad line(s)): each line must be a JSON object "
            'with a "text" or "html" field'
        )
    return articles
