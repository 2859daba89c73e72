"""Adding documents to a workspace.

The steps, in order:

1. the manifest and gazetteer files are checked (before anything is read),
   inputs are split into URLs and paths, paths are discovered;
2. a file read whole by an earlier add and unchanged since (size,
   modification time, same reading settings and manifest) is not read again;
3. every other file is read (URLs fetched), in the order given; each
   document gets its *source* (the resolved path, ``path#line`` for a JSON
   line, or the URL) and its content hash (:func:`keys.content_hash`);
4. a document already analysed from the same source with the same hash and
   the same analysis key is left as it is; one whose source now reads
   differently, or that was analysed by another pipeline, is analysed again
   under its old id; a new one takes the next article id (``a0``, ``a1``,
   … in the order read: the same ids whatever order the work finishes in);
   the same document from a second source is listed as skipped;
5. the articles to analyse go, a chunk of ``batch_size`` at a time, to the
   worker processes (:class:`~rashomon.workspace.workers.Runner`), and each
   chunk's results are written as they come back, in order: quote and claim
   ids are numbered then (:func:`rashomon.pipeline.number`).

With a manifest, all files are read before the first chunk is sent, since
a manifest entry may name a file by its base name only when that name is
unique among the inputs.
"""
from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon import annotate, ingest, pipeline
from rashomon.errors import NoInputError
from rashomon.ingest import url as url_mod
from rashomon.ingest.fields import FIELDS
from rashomon.ingest.manifest import Entry, apply_manifest, load_manifest
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.types import Article, Skipped
from rashomon.workspace import keys
from rashomon.workspace.workers import Item, Runner

log = logging.getLogger(__name__)


@dataclass
class Added:
    """What one :meth:`Workspace.add` did (counts of articles)."""

    added: int = 0
    """New articles."""
    reanalysed: int = 0
    """Articles analysed again: their source changed, or the pipeline did."""
    unchanged: int = 0
    """Articles already analysed as they are now (nothing done)."""
    analysed: int = 0
    """Of those added or analysed again, how many were analysed (the rest were refused or failed)."""
    skipped: list[Skipped] = field(default_factory=list)
    """Inputs not added, and articles not analysed, with the reason."""


@dataclass
class _Read:
    """One article as read, with where it came from."""

    article: Article
    source: str
    file: str | None
    page: dict | None = None


def add(store: Store, inputs: Sequence[str | Path], settings: Settings,
        progress: pipeline.Progress | None) -> Added:
    """The body of :meth:`rashomon.workspace.Workspace.add`."""
    entries = load_manifest(settings.manifest) if settings.manifest else None
    if settings.gazetteers:
        annotate.load_gazetteer(settings)
    urls = [str(i) for i in inputs if url_mod.is_url(i)]
    paths = [i for i in inputs if not url_mod.is_url(i)]
    files, skipped = ingest.discover(paths, settings) if paths else ([], [])
    if not files and not urls:
        why = "".join(f"\n  {s.path}: {s.reason}" for s in skipped)
        raise NoInputError(
            f"no supported input ({', '.join(ingest.supported())}) found in: {', '.join(map(str, paths))}{why}")
    done = Added()
    read_key, analysis_key = keys.read_key(settings), keys.analysis_key(settings)
    todo, kept = _to_read(store, files, read_key, done)
    read = _read(todo, urls, settings, skipped, progress)
    if entries is not None:  # the whole batch is needed to match entries by base name
        paired = iter(_with_entries(list(read), kept, store, settings.manifest, entries))
    else:
        paired = ((r, None) for r in read)
    items = _decide(store, paired, analysis_key, done, skipped)
    n_done = 0
    with Runner(settings) as runner:
        for chunk, results in runner.map(_chunks(items, settings.batch_size)):
            _write(store, chunk, results, analysis_key, done, skipped)
            n_done += len(chunk)
            if progress:
                progress("analyse", n_done, done.added + done.reanalysed)
    store.replace_skipped([s.path for s in skipped] + [str(f) for f in files] + urls, skipped)
    store.mark_files((key, st.st_size, st.st_mtime_ns, read_key) for _, key, st in todo if st is not None)
    with store.write() as conn:
        store.set_meta(conn, "settings", keys.corpus_settings(settings))
    done.skipped = skipped + done.skipped
    return done


def _to_read(store: Store, files: list[Path], read_key: str,
             done: Added) -> tuple[list[tuple[Path, str, os.stat_result | None]], list[str]]:
    """Split ``files`` into those to read (with their source key and stat)
    and the keys of those read whole before and unchanged since (step 2)."""
    todo: list[tuple[Path, str, os.stat_result | None]] = []
    kept: list[str] = []
    for f in files:
        key = _file_key(f)
        try:
            st: os.stat_result | None = os.stat(f)
        except OSError:  # gone since it was found: reading it says why
            st = None
        if st is not None and store.file_unchanged(key, st.st_size, st.st_mtime_ns, read_key):
            kept.append(key)
            done.unchanged += len(store.articles_of_file(key))
        else:
            todo.append((f, key, st))
    return todo, kept


def _file_key(path: Path) -> str:
    """A file's source key: its resolved path."""
    return str(Path(path).resolve())


def _read(todo: list[tuple[Path, str, os.stat_result | None]], urls: list[str], settings: Settings,
          skipped: list[Skipped], progress: pipeline.Progress | None) -> Iterator[_Read]:
    """Read files and fetch URLs in order; what cannot be read goes to ``skipped``."""
    total = len(todo) + len(urls)
    for n, (path, key, _) in enumerate(todo, 1):
        try:
            found = ingest.read(path, settings)
        except Exception as exc:  # one bad file never stops the batch
            log.warning("skipped %s: %s", path, pipeline.reason(exc))
            skipped.append(Skipped(path=str(path), reason=pipeline.reason(exc)))
            found = []
        for art in found:
            if isinstance(art, Skipped):  # a bad part of a file (a JSON line)
                skipped.append(art)
            else:
                suffix = art.path[len(str(path)):] if art.path.startswith(str(path)) else ""
                yield _Read(art, key + suffix, key)
        if progress:
            progress("read", n, total)
    for n, url in enumerate(urls, len(todo) + 1):
        try:
            found, page = url_mod.read_url(url, settings)
        except Exception as exc:
            log.warning("skipped %s: %s", url, pipeline.reason(exc))
            skipped.append(Skipped(path=url, reason=pipeline.reason(exc)))
            found, page = [], None
        for art in found:
            if isinstance(art, Skipped):
                skipped.append(art)
            else:
                yield _Read(art, art.path, None, page)
        if progress:
            progress("read", n, total)


def _with_entries(read: list[_Read], kept: list[str], store: Store, manifest: Path,
                  entries: list[Entry]) -> Iterator[tuple[_Read, Entry | None]]:
    """Pair each article read with the manifest values that apply to it,
    found by :func:`apply_manifest` over stand-ins of every input of the
    add (so a base name is matched only when it is unique among them)."""
    stubs = [Article(id=str(i), name=r.article.name, path=r.article.path, text="-", format=r.article.format)
             for i, r in enumerate(read)]
    for key in kept:
        stubs += [Article(id="kept", name=row["name"], path=row["path"], text="-", format=row["format"])
                  for row in store.articles_of_file(key)]
    apply_manifest(stubs, manifest, entries)
    for r, stub in zip(read, stubs):
        values = {f: (getattr(stub, f), ev.text or "") for f in FIELDS
                  if (ev := stub.metadata_evidence.get(f)) is not None and ev.source == "manifest"}
        yield r, (Entry(file=r.article.path, where="(matched)", values=values) if values else None)


def _decide(store: Store, read: Iterable[tuple[_Read, Entry | None]], analysis_key: str, done: Added,
            skipped: list[Skipped]) -> Iterator[Item]:
    """Store each article read and yield those to analyse (see the module docstring, step 4)."""
    for r, entry in read:
        art = r.article
        content = keys.content_hash(art, entry.values if entry else None)
        row = store.by_source(r.source)
        if row is not None and row["content_hash"] == content and row["analysed_with"] == analysis_key:
            done.unchanged += 1
            continue
        if row is None and (twin := store.by_hash(content)) is not None:
            skipped.append(Skipped(path=art.path, reason=f"the same document as {twin['path']} ({twin['id']}), "
                                                         "already in the workspace: added once"))
            continue
        if store.put_article(art, r.source, r.file, content, replace=row["id"] if row is not None else None) is None:
            done.unchanged += 1  # another add stored this source meanwhile
            continue
        if r.page is not None:
            store.put_page(art.id, r.page)
        if row is None:
            done.added += 1
        else:
            done.reanalysed += 1
        yield Item(art, entry)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _write(store: Store, chunk: list[Item], results: list | BaseException, analysis_key: str, done: Added,
           skipped: list[Skipped]) -> None:
    """Write one chunk's results (see the module docstring, step 5)."""
    rows = []
    dropped: list[tuple[Article, str]] = []
    if isinstance(results, BaseException):
        why = (f"not analysed: the worker process analysing it stopped ({type(results).__name__}: {results}); "
               "add it again to retry")
        rows = [(pipeline.ArticleResult(i.article, skipped=why), "failed", why, None) for i in chunk]
    else:
        for item, res in zip(chunk, results):
            if isinstance(res, str):
                dropped.append((item.article, res))
                continue
            status = "analysed" if res.skipped is None else "refused" if res.refused else "failed"
            done.analysed += status == "analysed"
            rows.append((res, status, res.skipped, analysis_key))
    done.skipped += [Skipped(path=res.article.path, reason=why) for res, _, why, _ in rows if why is not None]
    store.put_results(rows, pipeline.number)
    for art, why in dropped:
        store.drop_article(art.id)
        skipped.append(Skipped(path=art.path, reason=why))
