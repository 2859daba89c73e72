"""Ingest: find input files and read each into ``Article`` records.

One reader per format, registered by file extension in :data:`READERS` with
:func:`register_reader` — the shipped ones (``text.py``, ``html.py``,
``jsonl.py``, ``pdf.py``, ``docx.py``) exactly as a new format would be::

    from rashomon.ingest import register_reader
    register_reader(".md", read_markdown)   # read_markdown(path, data, settings) -> list[Article]

:func:`read` does the checks every format shares (size before reading,
permissions, empty, binary) and hands the bytes to the reader.
``manifest.py`` applies a CSV/YAML manifest.
"""
from __future__ import annotations

import errno
import fnmatch
import glob
import itertools
import os
import re
import shlex
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from rashomon.errors import EmptyInputError, InputError, TooLargeError, UnsupportedFormatError
from rashomon.ingest import docx as _docx
from rashomon.ingest import html as _html
from rashomon.ingest import jsonl as _jsonl
from rashomon.ingest import pdf as _pdf
from rashomon.ingest import text as _text
from rashomon.ingest import url as _url
from rashomon.ingest.manifest import apply_manifest, load_manifest
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

__all__ = [
    "BINARY",
    "READERS",
    "Reader",
    "apply_manifest",
    "discover",
    "load_manifest",
    "parse",
    "read",
    "real_path",
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

BINARY: set[str] = set()
"""Extensions whose reader takes binary data (PDF, DOCX): the text checks of
:func:`rashomon.ingest.text.check_bytes` are not applied to them."""


def register_reader(extensions: str | Sequence[str], reader: Reader, *, replace: bool = False,
                    binary: bool = False) -> None:
    """Register ``reader`` for files ending in ``extensions`` (``".md"`` or
    ``(".md", ".markdown")``, case-insensitive); ``binary`` for a format
    that is not text (its reader checks its own data).

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
        if binary:
            BINARY.add(ext)
        else:
            BINARY.discard(ext)


register_reader(".txt", _text.read_txt)
register_reader((".html", ".htm"), _html.read_html)
register_reader(".jsonl", _jsonl.read_jsonl)
register_reader(".pdf", _pdf.read_pdf, binary=True)
register_reader(".docx", _docx.read_docx, binary=True)


def supported() -> tuple[str, ...]:
    """Registered extensions, sorted (``(".htm", ".html", ".jsonl", ".txt")``)."""
    return tuple(sorted(READERS))


def real_path(p: str | Path) -> str:
    """``p`` made absolute with every link followed (``os.path.realpath``,
    not strict): never raises, so a link loop or a path too long to look up
    gives a path (the one given, made absolute) rather than the
    ``RuntimeError``/``OSError`` of ``Path.resolve()``; such a path is
    reported by :func:`discover`, not read."""
    return os.path.realpath(p)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _blocking_folder(p: Path) -> Path | None:
    """The folder on the way to ``p`` that cannot be searched (no ``x``
    permission): the deepest one that can be looked up while the next step
    towards ``p`` cannot. ``None`` when none is found (the cause lies elsewhere)."""
    chain = [*reversed(p.parents), p]
    for parent, child in itertools.pairwise(chain):
        try:
            os.stat(child)
        except PermissionError:
            try:
                os.stat(parent)
            except OSError:
                return None
            return parent
        except OSError:
            return None
    return None


def _unreachable(p: str | Path, exc: OSError) -> Skipped:
    """A path whose ``stat()`` failed for a reason other than its absence:
    a link loop (``ELOOP``), a name too long (``ENAMETOOLONG``), a folder on
    the way that cannot be searched (``EACCES``) or another OS error."""
    why = exc.strerror or str(exc)
    if exc.errno == errno.ELOOP:
        return Skipped(path=str(p), reason="symlink loop: the link leads back to itself, so there is nothing to read; "
                                           "point it at a file")
    if exc.errno == errno.ENAMETOOLONG:
        return Skipped(path=str(p), reason=f"cannot be reached ({why}): the path or one of its names is too long")
    if isinstance(exc, PermissionError):
        folder = _blocking_folder(Path(p))
        if folder is None:
            return Skipped(path=str(p), reason=f"cannot be reached ({why}): a folder above it cannot be searched; "
                                               "check the folders' permissions (each needs x for you: chmod +x FOLDER)")
        return Skipped(path=str(p), reason=f"cannot be reached ({why}): the folder {folder} cannot be searched; "
                                           f"check the folder's permissions (chmod +x {shlex.quote(str(folder))})")
    return Skipped(path=str(p), reason=f"cannot be reached ({why}): check the path")


def _unlistable(folder: str | Path, exc: OSError) -> Skipped:
    """A folder whose entries cannot be listed."""
    why = exc.strerror or str(exc)
    hint = f"; check the folder's permissions (chmod +rx {shlex.quote(str(folder))})" \
        if isinstance(exc, PermissionError) else ""
    return Skipped(path=str(folder), reason=f"folder cannot be read ({why}): none of its files are analysed{hint}")


def _stat(p: str | Path) -> os.stat_result | None:
    """``os.stat(p)``, or ``None`` when nothing is there (a missing part of the
    path, or a file where a folder was expected). Other ``OSError`` propagate."""
    try:
        return os.stat(p)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _not_a_file(p: Path, st: os.stat_result | None) -> Skipped:
    """A path with a supported name that is no regular file: a broken link
    (``st`` is ``None``), something gone, or a device, pipe or socket."""
    if st is not None:
        return Skipped(path=str(p), reason="not a regular file (a device, pipe or socket): give a file")
    try:
        target = os.readlink(p)
    except OSError:
        return Skipped(path=str(p), reason="no such file or directory: check the path")
    return Skipped(path=str(p), reason=f"the link points nowhere ({target!r} does not exist): nothing to read")


def _bad_link(p: Path) -> Skipped:
    """A link that leads to nothing: a loop, or a target that does not exist."""
    try:
        return _not_a_file(p, _stat(p))
    except OSError as exc:
        return _unreachable(p, exc)


def _walk(root: Path, problems: list[Skipped]) -> list[Path]:
    """Supported files under ``root``, recursively, hidden files and folders
    passed over, sorted by path. A file of a format no reader handles, a
    folder that cannot be listed and a file that cannot be reached are
    appended to ``problems`` (never passed over silently)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: problems.append(
            _unlistable(e.filename if e.filename is not None else root, e)), followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for f in sorted(filenames):
            if _hidden(f):
                continue
            p = Path(dirpath, f)
            if os.path.splitext(f)[1].lower() not in READERS:
                if os.path.isfile(p):  # a file of another format
                    problems.append(_unsupported(p))
                elif os.path.islink(p) and not os.path.exists(p):  # a link loop or a link to nothing
                    problems.append(_bad_link(p))
            else:
                try:
                    st = _stat(p)
                except OSError as exc:
                    problems.append(_unreachable(p, exc))
                    continue
                if st is not None and stat.S_ISREG(st.st_mode):
                    found.append(p)
                else:
                    problems.append(_not_a_file(p, st))
    return sorted(found, key=lambda p: p.parts)


class _Glob:
    """``glob.glob(pattern, recursive=True)`` (same matches: ``*``, ``?``,
    ``[...]`` within a name, ``**`` for any number of folders, hidden names
    only matched by a pattern starting with ``.``), except that a folder that
    cannot be listed and a path that cannot be reached are collected in
    :attr:`problems` instead of being passed over silently. ``**`` follows
    links to folders, as ``glob`` does, visiting each folder once."""

    def __init__(self) -> None:
        self.problems: dict[str, Skipped] = {}
        """Normalised path → the ``Skipped`` for it (each path once)."""

    def report(self, problem: Skipped) -> None:
        self.problems.setdefault(os.path.normpath(problem.path), problem)

    def __call__(self, pattern: str) -> list[str]:
        return [m for m in self._iglob(pattern, dironly=False) if m]  # glob leaves out the '' of a bare "**"

    def _iglob(self, pattern: str, dironly: bool) -> Iterator[str]:
        dirname, basename = os.path.split(pattern)
        if not glob.has_magic(pattern):
            if self._exists(pattern if basename else dirname, folder=not basename):
                yield pattern
            return
        dirs = self._iglob(dirname, dironly=True) if dirname and glob.has_magic(dirname) else [dirname]
        for d in dirs:
            if basename == "**":
                names: Iterable[str] = ["", *self._rlist(d, dironly, set())]
            elif glob.has_magic(basename):
                names = fnmatch.filter((n for n, _ in self._list(d, dironly) if _hidden(basename) or not _hidden(n)),
                                       basename)
            else:
                names = [basename] if self._exists(os.path.join(d, basename), folder=False) else []
            for n in names:
                yield os.path.join(d, n)

    def _exists(self, path: str, folder: bool) -> bool:
        try:
            st = os.stat(path) if folder else os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            return False
        except OSError as exc:
            self.report(_unreachable(path, exc))
            return False
        return stat.S_ISDIR(st.st_mode) if folder else True

    def _list(self, folder: str, dironly: bool) -> list[tuple[str, bool]]:
        """``(name, is_folder)`` of the entries of ``folder`` (only folders with ``dironly``)."""
        try:
            with os.scandir(folder or os.curdir) as it:
                entries = list(it)
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            self.report(_unlistable(folder or os.curdir, exc))
            return []
        out = []
        for e in entries:
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir or not dironly:
                out.append((e.name, is_dir))
        return out

    def _rlist(self, folder: str, dironly: bool, seen: set[str]) -> Iterator[str]:
        """Names under ``folder`` at any depth (relative to it), hidden ones left out."""
        real = os.path.realpath(folder or os.curdir)
        if real in seen:
            return
        seen.add(real)
        for name, is_dir in self._list(folder, dironly):
            if _hidden(name):
                continue
            yield name
            if is_dir:
                for sub in self._rlist(os.path.join(folder, name), dironly, seen):
                    yield os.path.join(name, sub)


_NOT_READ = {".doc": ("a Word 97-2003 document", "save it as .docx"),
             ".odt": ("an OpenDocument text", "save it as .docx"),
             ".rtf": ("a Rich Text document", "save it as .docx")}
"""Formats users give often that no reader handles: named in the reason, with what to do."""

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _unsupported(p: Path) -> Skipped:
    ext = p.suffix.lower() or "(no extension)"
    reads = f"rashomon reads {', '.join(supported())}"
    if ext in _NOT_READ:
        what, todo = _NOT_READ[ext]
        return Skipped(path=str(p), reason=f"not read: {what} ({ext}); {reads}: {todo}")
    return Skipped(path=str(p), reason=f"unsupported format {ext}: {reads}; convert the file to one of these")


def _web_address(given: str) -> Skipped:
    """A URL among the paths to discover: ``http(s)://`` pages are fetched by
    the callers that take URLs (:meth:`rashomon.workspace.Workspace.add`,
    :func:`rashomon.analyze`; see :mod:`rashomon.ingest.url`), never here;
    other schemes are not fetched at all."""
    if _url.is_url(given):
        return Skipped(path=given, reason="a web address, not a file: discover() finds files only; give it to "
                                          "rashomon add or rashomon analyze, which fetch http(s) pages")
    scheme = given.split(":", 1)[0]
    return Skipped(path=given, reason=f"a {scheme}:// address: rashomon fetches only http:// and https:// pages; "
                                      "download the document and give the saved file")


def discover(paths: Sequence[str | Path], settings: Settings) -> tuple[list[Path], list[Skipped]]:
    """Expand the inputs given into the files to read.

    Never raises for a bad input path: every problem becomes a ``Skipped``.

    Parameters
    ----------
    paths : files, directories and glob patterns (``corpus/*.txt``,
        ``corpus/**/*.html``; ``**`` spans folders).
    settings : run settings (unused today; readers are looked up in :data:`READERS`).

    Returns
    -------
    (files, skipped) : files in the order given, each directory's and
        pattern's files sorted by path, each file once. Directories are
        searched recursively; hidden files and folders (``.name``) are passed
        over silently. A ``Skipped`` with the reason is made for: a missing
        path; a web address (fetched by the callers that take URLs, not here;
        see :func:`_web_address`); a pattern matching nothing; a file of a
        format no reader handles, named, met in a folder or matched by a
        pattern (the reason lists the formats read; ``.doc``, ``.odt`` and
        ``.rtf`` are named with what to do); something that is not a regular
        file (a link to nothing or a link loop, whatever its name; a pipe),
        given or met in a folder or a pattern; a path too long to look up; a
        path that cannot be reached because a folder on the way
        cannot be searched (no ``x`` permission, e.g. ``locked/a.txt`` or
        ``locked/*.txt``); a folder that cannot be listed (no ``r``
        permission), whether given, matched by a pattern or met while
        searching a folder. A directory without supported files yields nothing.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = real_path(p)
        if key not in seen:
            seen.add(key)
            files.append(p)

    def add_tree(root: Path, problems: list[Skipped]) -> bool:
        found = _walk(root, problems)
        for f in found:
            add(f)
        return bool(found)

    for given in paths:
        if isinstance(given, str) and _URL.match(given):
            skipped.append(_web_address(given))
            continue
        p = Path(given)
        try:
            st = _stat(p)
        except OSError as exc:  # a folder on the way cannot be searched, a link loop...
            skipped.append(_unreachable(p, exc))
            continue
        if st is not None and stat.S_ISDIR(st.st_mode):
            add_tree(p, skipped)
        elif st is not None and stat.S_ISREG(st.st_mode):
            if p.suffix.lower() in READERS:
                add(p)
            else:
                skipped.append(_unsupported(p))
        elif st is not None or os.path.islink(p):
            skipped.append(_not_a_file(p, st))
        elif glob.has_magic(str(given)):
            expand = _Glob()
            found = False
            for m in sorted(expand(str(given))):
                mp = Path(m)
                try:
                    mst = _stat(mp)
                except OSError as exc:
                    expand.report(_unreachable(mp, exc))
                    continue
                if mst is not None and stat.S_ISDIR(mst.st_mode):
                    problems: list[Skipped] = []
                    found = add_tree(mp, problems) or found
                    for problem in problems:
                        expand.report(problem)
                elif mp.suffix.lower() not in READERS:
                    if mst is not None and stat.S_ISREG(mst.st_mode) and not _hidden(mp.name):
                        expand.report(_unsupported(mp))
                    elif mst is None and os.path.islink(mp):
                        expand.report(_bad_link(mp))
                    continue
                elif mst is not None and stat.S_ISREG(mst.st_mode):
                    found = True
                    add(mp)
                else:
                    expand.report(_not_a_file(mp, mst))
            skipped.extend(expand.problems[k] for k in sorted(expand.problems))
            if not found and not expand.problems:
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
    return parse(path, _read_bytes(path, limit), settings)


def parse(path: Path, data: bytes, settings: Settings) -> list[Article | Skipped]:
    """Hand ``data`` (a whole file, or a fetched page saved under the name
    ``path``) to the reader for ``path``'s extension, after the checks every
    text format shares (:func:`rashomon.ingest.text.check_bytes`; for a
    binary format only that it is not empty).

    Raises
    ------
    UnsupportedFormatError : no reader for the extension.
    InputError : see :func:`read`.
    """
    ext = path.suffix.lower()
    reader = READERS.get(ext)
    if reader is None:
        raise UnsupportedFormatError(_unsupported(path).reason)
    if ext in BINARY:
        if not data:
            raise EmptyInputError(f"{path.name} is empty: remove it or give it some content")
    else:
        _text.check_bytes(data, path.name)
    return reader(path, data, settings)
