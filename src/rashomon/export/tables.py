"""The report as tables: a folder of CSV files, or one XLSX workbook.

Nine tables (:data:`TABLES`), each with names beside ids so nothing needs
joining by hand: ``articles``; ``entities`` (one row per alias); ``quotes``;
``claims``; ``disputes`` (each contradicting pair of a dispute, side A's
claim beside side B's, with the side tags of the HTML report);
``agreements`` and ``repeats`` (one row per group of claims that agree, or
that repeat the same words, as the HTML report groups them: every pair of a
copied claim would be quadratic in the copies); ``reuse``; ``timeline``.
Names, labels, dispute sides and groups are read from the display context
(:func:`rashomon.report.context.build_context`), so a speaker or a source is
named as in the HTML report. Several values in one cell are joined by
``"; "``; unknown values are empty cells.

Spreadsheet formula injection (OWASP, "CSV Injection",
https://owasp.org/www-community/attacks/CSV_Injection): a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run
as a formula in Excel or LibreOffice; such a cell gets a leading ``'``
(:func:`neutralise`), in the CSV files and in the workbook alike. Numbers
(offsets, counts) are written as numbers.

CSV files are UTF-8 with a byte-order mark (so Excel reads them as UTF-8),
quoted as Python's ``csv`` ``excel`` dialect does (newlines stay inside a
quoted cell). In the workbook, characters XML 1.0 forbids (control
characters) become U+FFFD and a cell longer than Excel's 32,767 characters
is cut, ending in ``…``; the CSV keeps every character. A table longer
than a sheet's 1,048,576 rows goes on in sheets ``NAME (2)``, ``NAME (3)``, …
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rashomon.export import atomic_path, context_of, require, text_sha256
from rashomon.report.labels import article_label, figure, holder_name
from rashomon.types import Report

#: First characters that make a spreadsheet cell a formula (OWASP CSV Injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Excel's limits on the characters of one cell and the rows of one sheet
#: ("Excel specifications and limits", Microsoft support).
XLSX_CELL_LIMIT = 32767
XLSX_ROW_LIMIT = 1048576
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Table = tuple[list[str], list[list[Any]]]


def neutralise(value: Any) -> Any:
    """A cell value safe from formula injection: a string starting with one
    of :data:`FORMULA_START` gets a leading ``'``; ``None`` becomes ``""``;
    lists are joined with ``"; "``; numbers and booleans are kept."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _articles(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["id", "label", "name", "title", "outlet", "published", "language", "url", "path", "format",
            "words_kept", "words_removed", "removed_spans", "sha256"]
    rows = [[a.id, article_label(a), a.name, a.title, a.outlet, a.published, a.language, a.url, a.path, a.format,
             a.words_kept, a.words_removed, len(a.removed), text_sha256(a.text)] for a in report.articles]
    return cols, rows


def _entities(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["entity_id", "entity", "type", "role", "affiliation", "alias", "mentions", "sources", "article_ids"]
    arts = {a.id: a for a in report.articles}
    rows = []
    for e in report.entities:
        per_form: dict[str, list[str]] = {}
        for m in e.mentions:
            per_form.setdefault(m.text, []).append(m.article)
        for form in dict.fromkeys([*e.aliases, *e.forms, *per_form]):
            ids = list(dict.fromkeys(e.forms.get(form, []) + per_form.get(form, [])))
            rows.append([e.id, e.name, e.type, e.role, e.affiliation, form, len(per_form.get(form, [])),
                         [article_label(arts[x]) if x in arts else x for x in ids], ids])
    return cols, rows


def _quotes(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["id", "article_id", "article", "kind", "speaker_id", "speaker", "speaker_text", "cue", "date",
            "relayed_by", "start", "end", "text"]
    views = {q["id"]: q for s in ctx["speakers"] for q in s["quotes"]}
    views.update({q["id"]: q for q in ctx["unattributed"]})
    names = {s["id"]: s["name"] for s in ctx["speakers"]}
    rows = []
    for q in report.quotes:
        v = views.get(q.id, {})
        rows.append([q.id, q.article, v.get("source", q.article), q.kind, q.speaker,
                     names.get(q.speaker or "", None), q.speaker_text, q.cue, q.date, v.get("relayed_by"),
                     q.start, q.end, q.text])
    return cols, rows


def _claims(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["id", "article_id", "article", "speaker_id", "speaker", "quote_id", "polarity", "modality", "hedges",
            "figures", "time_start", "time_end", "places", "propositions", "start", "end", "text"]
    arts = {a.id: a for a in report.articles}
    names = {e.id: e.name for e in report.entities}
    props: dict[str, list[str]] = {}
    for p in ctx["propositions"]:
        for row in p["rows"]:
            props.setdefault(row["id"], []).append(p["label"])
    rows = []
    for c in report.claims:
        a = arts.get(c.article)
        rows.append([c.id, c.article, article_label(a) if a else c.article, c.speaker,
                     holder_name(names.get(c.speaker, c.speaker) if c.speaker else None, c.holder_text), c.quote, c.polarity, c.modality,
                     c.hedges, [figure(q) for q in c.quantities], c.time.start if c.time else None,
                     c.time.end if c.time else None, [names.get(x, x) for x in c.places], props.get(c.id, []),
                     c.start, c.end, c.text])
    return cols, rows


def _side(prefix: str) -> list[str]:
    return [f"{prefix}_{k}" for k in ("claim_id", "speaker", "article", "text")]


def _view(v: dict[str, Any]) -> list[Any]:
    return [v["id"], v["speaker"], v["source"], v["text"]]


def _disputes(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["dispute", "label", "a_tag", *_side("a"), "b_tag", *_side("b"), "reason", "same_speaker"]
    rows = []
    for n, d in enumerate(ctx["disputes"], 1):
        for it in d["pairs"]:
            rows.append([n, d["label"], it["a_tag"], *_view(it["a"]), it["b_tag"], *_view(it["b"]), it["reason"],
                         not it["independent"]])
    return cols, rows


def _agreements(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["group", "label", "claim_ids", "speakers", "sources", "voices", "independent", "reasons", "texts"]
    rows = [[n, g["label"], [v["id"] for v in g["claims"]], g["speakers"], g["sources"], g["voices"],
             g["independent"], [r["reason"] for r in g["reasons"]], [v["text"] for v in g["claims"]]]
            for n, g in enumerate(ctx["agreement_groups"], 1)]
    return cols, rows


def _repeats(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["group", "label", "speaker_id", "speaker", "text", "claim_ids", "sources", "reasons"]
    rows = [[n, g["label"], g["speaker_id"], g["speaker"], g["text"], [v["id"] for v in g["claims"]], g["sources"],
             [r["reason"] for r in g["reasons"]]] for n, g in enumerate(ctx["repeat_groups"], 1)]
    return cols, rows


def _reuse(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["a_article_id", "a_article", "a_start", "a_end", "b_article_id", "b_article", "b_start", "b_end",
            "words", "similarity", "text"]
    rows = [[r["a_id"], r["a"], r["a_start"], r["a_end"], r["b_id"], r["b"], r["b_start"], r["b_end"], r["words"],
             r["similarity"], r["a_text"]] for r in ctx["reuse"]]
    return cols, rows


def _timeline(report: Report, ctx: dict[str, Any]) -> Table:
    cols = ["date", "end", "precision", "label", "sources", "article_ids", "claims", "quotes", "conflict", "period"]
    rows = [[t["date"], t["end"], t["precision"], t["label"], t["sources"], t["article_ids"], t["claims"],
             t["quotes"], t["conflict"], t["period"]] for t in ctx["timeline"]["entries"]]
    return cols, rows


#: Table name → builder of ``(columns, rows)`` from the report and its context.
TABLES: dict[str, Callable[[Report, dict[str, Any]], Table]] = {
    "articles": _articles, "entities": _entities, "quotes": _quotes, "claims": _claims,
    "disputes": _disputes, "agreements": _agreements, "repeats": _repeats, "reuse": _reuse, "timeline": _timeline,
}


#: The context key under which the tables may come already built
#: (:func:`rashomon.export.export_all` builds them once for the CSV files and the workbook).
BUILT = "export_tables"


def tables(report: Report, context: dict[str, Any]) -> dict[str, Table]:
    """Every table of :data:`TABLES`, cells neutralised (:func:`neutralise`);
    ``context[BUILT]`` when the context carries them.

    Returns
    -------
    dict : table name → ``(columns, rows)``; each row a list of str, int,
        float or bool, one per column.
    """
    if BUILT in context:
        return context[BUILT]
    out = {}
    for name, build in TABLES.items():
        cols, rows = build(report, context)
        out[name] = (cols, [[neutralise(v) for v in row] for row in rows])
    return out


def write_csv(report: Report, out: Path, context: dict[str, Any] | None = None) -> list[Path]:
    """Write one ``NAME.csv`` per table into the folder ``out`` (created when missing)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (cols, rows) in tables(report, context_of(report, context)).items():
        target = out / f"{name}.csv"
        with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(cols)
            writer.writerows(rows)
        paths.append(target)
    return paths


def _xlsx_cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not value:  # an empty cell is left out of the sheet (openpyxl writes no element for None)
        return None
    value = _XML_ILLEGAL.sub("\ufffd", value)
    return value if len(value) <= XLSX_CELL_LIMIT else value[:XLSX_CELL_LIMIT - 1] + "…"


def write_xlsx(report: Report, out: Path, context: dict[str, Any] | None = None) -> list[Path]:
    """Write one workbook with a sheet per table (header row frozen, filters on) to ``out``."""
    openpyxl = require("openpyxl", "xlsx")
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for name, (cols, rows) in tables(report, context_of(report, context)).items():
        per_sheet = XLSX_ROW_LIMIT - 1
        for part, first in enumerate(range(0, max(len(rows), 1), per_sheet), 1):
            chunk = rows[first:first + per_sheet]
            ws = wb.create_sheet(title=name if part == 1 else f"{name} ({part})")
            ws.freeze_panes = "A2"
            ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(chunk) + 1}"
            header = []
            for c in cols:
                cell = WriteOnlyCell(ws, value=c)
                cell.font = bold
                header.append(cell)
            ws.append(header)
            for row in chunk:
                ws.append([_xlsx_cell(v) for v in row])
    with atomic_path(out) as tmp:
        wb.save(tmp)
    return [out]
