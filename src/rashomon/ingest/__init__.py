"""Ingest: find input files and read each into ``Article`` records.

One reader per format, registered by file extension in :data:`READERS` with
:func:`register_reader` — the shipped ones (``text.py``, ``html.py``,
``jsonl.py``) exactly as a new format would be::

    from rashomon.ingest import register_reader
    register_reader(".md", read_markdown)   # read_markdown(path, data, settings) -> list[Article]

:func:`read` does the checks every format shares (size before reading,
permissions, empty, binary) and hands the bytes to the reader.
``manifest.py`` applies a CSV/YAML manifest.
"""
from __future__ import annotations

import glob
import re
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from rashomon.errors import InputError, TooLargeError, UnsupportedFormatError
from rashomon.ingest import html as _html
from rashomon.ingest import jsonl as _jsonl
from rashomon.ingest import text as _text
from rashomon.ingest.manifest import apply_manifest, load_manifest
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

__all__ = [
    "READERS",
    "Reader",
    "apply_manifest",
    "discover",
    "load_manifest",
    "read",
    "register_reader",
    "supported",
]

Reader = Callable[[Path, bytes, Settings], list[Article | Skipped]]
"""``reader(path, data, settings) -> list[Article]``: ``data`` is the whole
file, already checked to be non-empty text-like bytes of at most
``settings.max_file_bytes``; articles get ``id=""`` (the pipeline numbers them).
Raise an :class:`~rashomon.errors.InputError` subclass for bad input."""

READERS: dict[str, Reader] = {}
"""Extension (lower case, with the dot) → reader."""


def register_reader(extensions: str | Sequence[str], reader: Reader, *, replace: bool = False) -> None:
    """Register ``reader`` for files ending in ``extensions`` (``".md"`` or
    ``(".md", ".markdown")``, case-insensitive).

    Raises
    ------
    ValueError : an extension without its leading dot, or already registered
        (unless ``replace=True``).
    """
    for ext in [extensions] if isinstance(extensions, str) else extensions:
        ext = ext.lower()
        if not ext.startswith(".") or len(ext) < 2:
            raise ValueError(f"extension {ext!r} must start with a dot, e.g. '.txt'")
        if ext in READERS and not replace:
            raise ValueError(f"a reader for {ext} is already registered; pass replace=True to replace it")
        READERS[ext] = reader


register_reader(".txt", _text.read_txt)
register_reader((".html", ".htm"), _html.read_html)
register_reader(".jsonl", _jsonl.read_jsonl)


def supported() -> tuple[str, ...]:
    """Registered extensions, sorted (``(".htm", ".html", ".jsonl", ".txt")``)."""
    return tuple(sorted(READERS))


_MAGIC = re.compile(r"[*?[]")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(root: Path) -> list[Path]:
    """Supported files under ``root``, recursively, hidden files and folders
    skipped, sorted by path."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for f in filenames:
            if not _hidden(f) and os.path.splitext(f)[1].lower() in READERS:
                p = Path(dirpath, f)
                if p.is_file():
                    found.append(p)
    return sorted(found, key=lambda p: p.parts)


def _unsupported(p: Path) -> Skipped:
    ext = p.suffix.lower() or "(no extension)"
    return Skipped(
        path=str(p),
        reason=f"unsupported format {ext}: rashomon reads {', '.join(supported())}; convert the file to one of these",
    )


def discover(paths: Sequence[str | Path], settings: Settings) -> tuple[list[Path], list[Skipped]]:
    """Expand the inputs given into the files to read.

    Parameters
    ----------
    paths : files, directories and glob patterns (``corpus/*.txt``,
        ``corpus/**/*.html``; ``**`` spans folders).
    settings : run settings (unused today; readers are looked up in :data:`READERS`).

    Returns
    -------
    (files, skipped) : files in the order given, each directory's and
        pattern's files sorted by path, each file once. Directories are
        searched recursively; hidden files and folders (``.name``) and files no
        reader handles are passed over silently. A missing path, a pattern
        matching nothing, an explicitly named file of an unsupported format or
        something that is not a regular file becomes a ``Skipped`` with the
        reason. A directory without supported files yields nothing.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in _walk(p):
                add(f)
        elif p.is_file():
            if p.suffix.lower() in READERS:
                add(p)
            else:
                skipped.append(_unsupported(p))
        elif p.exists():
            skipped.append(Skipped(path=str(p), reason="not a regular file (a device, pipe or socket): give a file"))
        elif _MAGIC.search(str(given)):
            matches = sorted(glob.glob(str(given), recursive=True))
            found = False
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    for f in _walk(mp):
                        found = True
                        add(f)
                elif mp.is_file() and mp.suffix.lower() in READERS:
                    found = True
                    add(mp)
            if not found:
                skipped.append(
                    Skipped(path=str(given), reason=f"no supported file ({', '.join(supported())}) matches this pattern")
                )
        else:
            skipped.append(Skipped(path=str(p), reason="no such file or directory: check the path"))
    return files, skipped


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, never more than ``limit`` + 1 of them."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError as exc:
        raise InputError(
            f"{path} cannot be read: {exc.strerror or exc}; check the file's permissions (chmod +r)"
        ) from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise TooLargeError(
            f"{path} is over the limit of {limit} bytes (it grew while being read); "
            "raise the limit (--max-file-bytes or RASHOMON_MAX_FILE_BYTES) or split the file"
        )
    return data


def read(path: Path, settings: Settings) -> list[Article | Skipped]:
    """Read one file into articles (a ``.jsonl`` file gives one per record,
    and a ``Skipped`` record for each bad line).

    The file's size is checked with ``stat()`` before anything is read.

    Parameters
    ----------
    path : a file whose extension has a reader in :data:`READERS`.
    settings : ``max_file_bytes`` is the largest file read (bytes).

    Returns
    -------
    list[Article | Skipped] : articles with ``text`` (newlines ``\\n``),
        ``format``, ``encoding`` and any metadata the container states (with
        evidence; ``id`` empty), and a ``Skipped`` for each part of the file
        that could not be read (a bad JSON line).

    Raises
    ------
    UnsupportedFormatError : no reader for the extension.
    TooLargeError : larger than ``settings.max_file_bytes``.
    InputError : unreadable (the OS reason is given, e.g. permission denied).
    EmptyInputError, BinaryInputError, DecodingError : see
        :func:`rashomon.ingest.text.check_bytes` and :func:`~rashomon.ingest.text.decode`.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(_unsupported(path).reason)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}") from None
    limit = settings.max_file_bytes
    if size > limit:
        raise TooLargeError(
            f"{path} is {size} bytes, over the limit of {limit} bytes (max_file_bytes): "
            "raise the limit (--max-file-bytes or RASHOMON_MAX_FILE_BYTES) or split the file"
        )
    data = _read_bytes(path, limit)
    _text.check_bytes(data, path.name)
    return reader(path, data, settings)
