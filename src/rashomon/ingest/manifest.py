"""Manifest: metadata an analyst states per file (``--manifest FILE``).

Formats
-------
CSV (``.csv``, ``.tsv``) with a header row: a ``file`` column and any of
``outlet``, ``url``, ``published``, ``language``, ``title``. YAML (``.yaml``,
``.yml``; ``.json`` is read the same way): a list of mappings with a ``file``
key, or a mapping ``file → {field: value}``.

Matching
--------
An entry's ``file`` matches an article whose path is the same file (as
written, relative to the working directory, or relative to the manifest's
folder); failing that, whose base name is the same when that base name is
unique in the batch. For a ``.jsonl`` file, ``data.jsonl`` matches all its
records and ``data.jsonl#3`` the record on line 3 (which wins). Manifest
values override inferred ones, with ``Evidence(source="manifest")``; empty
cells change nothing.
"""
from __future__ import annotations

import csv
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import ManifestError
from rashomon.ingest.fields import FIELDS, NORMALIZERS, set_field
from rashomon.types import Article

log = logging.getLogger(__name__)

_RECORD = re.compile(r"^(.*)#(\d+)$")
_HOW = {
    "published": "an ISO 8601 date such as 2023-09-21 or 2023-09-21T10:33",
    "language": "an ISO 639-1 code such as en",
    "url": "an absolute http(s) URL",
    "title": "some text",
    "outlet": "some text",
}


@dataclass
class Entry:
    """One manifest row: ``file`` as written, ``where`` (e.g. ``row 3``) for
    messages, ``values`` field → (normalised value, value as written)."""

    file: str
    where: str
    values: dict[str, tuple[str, str]]


def _rows(path: Path) -> list[tuple[str, object]]:
    """(where, row mapping) pairs from a CSV or YAML manifest."""
    suffix = path.suffix.lower()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ManifestError(f"manifest {path} not found: check the --manifest path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"manifest {path} cannot be read ({exc}): save it as a UTF-8 text file") from None
    if suffix in (".csv", ".tsv"):
        try:
            reader = csv.DictReader(raw.splitlines(), delimiter="\t" if suffix == ".tsv" else ",")
            fieldnames = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
            if "file" not in fieldnames:
                raise ManifestError(
                    f"manifest {path} has no 'file' column (header: {', '.join(fieldnames) or 'none'}); "
                    f"its first row must name the columns: file, {', '.join(FIELDS)}"
                )
            rows = []
            for i, row in enumerate(reader, start=2):
                if None in row:
                    raise ManifestError(f"manifest {path} row {i} has more cells than the header has columns")
                rows.append((f"row {i}", {(k or "").strip().lower(): v for k, v in row.items()}))
            return rows
        except csv.Error as exc:
            raise ManifestError(f"manifest {path} is not valid CSV: {exc}") from None
    if suffix in (".yaml", ".yml", ".json"):
        import yaml

        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            raise ManifestError(f"manifest {path} is not valid YAML: {exc}") from None
        if isinstance(data, list):
            return [(f"entry {i}", item) for i, item in enumerate(data, start=1)]
        if isinstance(data, dict):
            rows = []
            for key, value in data.items():
                if value is None:
                    value = {}
                if not isinstance(value, dict):
                    raise ManifestError(
                        f"manifest {path}: the value for {key!r} must be a mapping of fields "
                        f"({', '.join(FIELDS)}), not {type(value).__name__}"
                    )
                rows.append((f"entry {key!r}", {"file": key, **value}))
            return rows
        raise ManifestError(
            f"manifest {path} must hold a list of mappings with a 'file' key, or a mapping file → fields"
        )
    raise ManifestError(f"manifest {path}: unknown format {suffix or '(no extension)'!r}; use .csv or .yaml")


def load_manifest(path: str | Path) -> list[Entry]:
    """Read and validate a manifest.

    Returns
    -------
    list[Entry] : one per row, values normalised (dates ISO 8601, languages
        ISO 639-1, URLs absolute http(s)).

    Raises
    ------
    ManifestError : missing or unreadable file, unknown format, invalid
        CSV/YAML, a row without ``file``, a file listed twice, a value that
        cannot be read (the message names the row and says what is expected),
        or no entries at all.
    """
    path = Path(path)
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    unknown: set[str] = set()
    for where, row in _rows(path):
        if not isinstance(row, dict):
            raise ManifestError(f"manifest {path} {where} must be a mapping with a 'file' key, not {row!r}")
        row = {str(k).strip().lower(): v for k, v in row.items()}
        file = str(row.get("file") or "").strip()
        if not file:
            raise ManifestError(f"manifest {path} {where} has no 'file': name the input file it describes")
        if file in seen:
            raise ManifestError(f"manifest {path} lists {file!r} twice ({seen[file]} and {where}); keep one")
        seen[file] = where
        values: dict[str, tuple[str, str]] = {}
        for key, raw in row.items():
            if key == "file":
                continue
            if key not in NORMALIZERS:
                unknown.add(key)
                continue
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            value = NORMALIZERS[key](raw) if not isinstance(raw, (list, dict)) else None
            if value is None:
                raise ManifestError(f"manifest {path} {where}: {key} {raw!r} is not {_HOW[key]}")
            values[key] = (value, str(raw))
        entries.append(Entry(file=file, where=where, values=values))
    if unknown:
        log.warning("manifest %s: columns ignored: %s (known: file, %s)", path, ", ".join(sorted(unknown)), ", ".join(FIELDS))
    if not entries:
        raise ManifestError(f"manifest {path} has no entries: add one row per input file")
    return entries


def _resolve(p: str | Path, base: Path | None = None) -> Path:
    p = Path(p).expanduser()
    if base is not None and not p.is_absolute():
        p = base / p
    return Path(os.path.realpath(p))  # never raises, unlike Path.resolve() on a link loop


def apply_values(article: Article, values: dict[str, tuple[str, str]]) -> None:
    """Set an article's metadata in place from one manifest entry's
    ``values`` (field → (normalised value, value as written)), each with
    ``Evidence(source="manifest")``; a ``published`` value is also the
    article's ``reference_date`` (its day: the analyst's date outranks one
    inferred from the text)."""
    for key, (value, raw) in values.items():
        set_field(article, key, value, "manifest", raw)
        if key == "published":
            article.reference_date = value[:10]
            article.reference_date_evidence = article.metadata_evidence[key]
            article.reference_date_inferred = False


def apply_manifest(articles: list[Article], manifest: str | Path, entries: list[Entry] | None = None) -> None:
    """Override articles' metadata in place with a manifest's values.

    Parameters
    ----------
    articles : the batch (after metadata inference).
    manifest : a CSV or YAML manifest (see the module docstring).
    entries : ``load_manifest(manifest)`` when the caller has already read it
        (the file is then not read again).

    Each value set is recorded as ``metadata_evidence[field] =
    Evidence(source="manifest", text=<cell>)``. A manifest ``published`` also
    becomes the article's ``reference_date`` (its day), since the analyst's
    date outranks one inferred from the text. Entries that match no article
    are logged as warnings.

    Raises
    ------
    ManifestError : see :func:`load_manifest`.
    """
    manifest = Path(manifest)
    if entries is None:
        entries = load_manifest(manifest)
    base = Path(os.path.realpath(manifest)).parent

    def split(p: str) -> tuple[str, int | None]:
        m = _RECORD.match(p)
        return (m.group(1), int(m.group(2))) if m else (p, None)

    # index entries by the files they can name: resolved path and base name
    by_path: dict[tuple[Path, int | None], Entry] = {}
    by_name: dict[tuple[str, int | None], Entry] = {}
    for e in entries:
        file, rec = split(e.file)
        for p in {_resolve(file), _resolve(file, base)}:
            by_path.setdefault((p, rec), e)
        by_name.setdefault((Path(file).name, rec), e)

    files: dict[Path, str] = {}
    for a in articles:
        file, _ = split(a.path) if a.format == "jsonl" else (a.path, None)
        files[_resolve(file)] = Path(file).name
    name_count: dict[str, int] = {}
    for name in files.values():
        name_count[name] = name_count.get(name, 0) + 1

    used: set[int] = set()
    for a in articles:
        file, rec = split(a.path) if a.format == "jsonl" else (a.path, None)
        resolved, name = _resolve(file), Path(file).name
        chosen: list[Entry] = []
        for r in (None, rec) if rec is not None else (None,):
            e = by_path.get((resolved, r))
            if e is None:
                e = by_name.get((name, r))
                if e is not None and name_count.get(name, 0) > 1:
                    log.warning(
                        "manifest %s %s: %r matches several files named %s; give its path", manifest, e.where, e.file, name
                    )
                    e = None
            if e is not None:
                chosen.append(e)
        for e in chosen:
            used.add(id(e))
            apply_values(a, e.values)
    for e in entries:
        if id(e) not in used:
            log.warning("manifest %s %s: %r matches no input file", manifest, e.where, e.file)
