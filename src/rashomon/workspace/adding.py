"""Adding documents to a workspace.

The steps, in order:

1. the manifest and gazetteer files are checked (before anything is read),
   inputs are split into URLs and paths, paths are discovered;
2. a file read whole by an earlier add and unchanged since (size,
   modification time, same reading settings, time budget and manifest) is
   not read again, and what it had skipped (the whole file, some of its
   records, or articles refused or failed) is listed as skipped again;
3. every other file is read (URLs fetched), in the order given, each under
   the time budget; each document gets its *source* (the resolved path,
   ``path#line`` for a JSON line, or the URL) and its content hash
   (:func:`keys.content_hash`); with a manifest, the values that apply to
   each are found over the whole add (a manifest entry may name a file by
   its base name only when that name is unique among the inputs);
4. a document already analysed from the same source with the same hash and
   the same analysis key (for one that ran over its time budget: the same
   key and budget) is left as it is, and listed as skipped again if it was
   refused or failed; the same document from a second
   source is listed as skipped; any other is prepared
   (:func:`rashomon.pipeline.prepare`, under the time budget) and stored: one
   whose source now reads differently, or that was analysed by another
   pipeline, under its old id; a new one under the next article id (``a0``,
   ``a1``, … in the order read: the same ids whatever order the work
   finishes in);
5. the batch-wide pass (:func:`rashomon.pipeline.across_batch`: lines
   repeated on pages of several articles of one site are furniture) runs
   over the articles prepared in step 4 together with the articles already
   in the workspace from the same sites (their preparation is stored, so
   they are not read or cleaned again): a line is furniture whether the
   pages came in one add or in several. A stored article whose removals
   change is analysed again when their spans changed, and only its record is
   updated when only their wording did (the number of other pages); then the
   manifest values are applied;
6. the articles to analyse go, a chunk of ``batch_size`` at a time, to the
   worker processes (:class:`~rashomon.workspace.workers.Runner`), and each
   chunk's results are written as they come back, in order: quote and claim
   ids are numbered then (:func:`rashomon.pipeline.number`).
"""
from __future__ import annotations

import itertools
import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon import annotate, clean, ingest, pipeline
from rashomon.budget import for_length, over_budget, time_budget
from rashomon.errors import NoInputError
from rashomon.ingest import url as url_mod
from rashomon.ingest.fields import FIELDS
from rashomon.ingest.manifest import Entry, apply_manifest, apply_values, load_manifest
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.types import Article, Quote, Skipped
from rashomon.workspace import keys
from rashomon.workspace.workers import Item, Runner

log = logging.getLogger(__name__)

Values = dict[str, tuple[str, str]]
"""Manifest values for one article: field → (normalised value, value as written)."""


@dataclass
class Added:
    """What one :meth:`Workspace.add` did (counts of articles)."""

    added: int = 0
    """New articles."""
    reanalysed: int = 0
    """Articles analysed again: their source changed, the pipeline did, or
    the lines repeated across the pages of their site did (an article an
    interrupted add stored but never analysed counts as added)."""
    unchanged: int = 0
    """Articles already analysed as they are now (nothing done)."""
    copies: int = 0
    """Documents not added because they are copies (same content) of an
    article already in the workspace or read earlier in the add; each is
    also in ``skipped``, its reason naming the article it copies."""
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


@dataclass
class _Staged:
    """One article on its way to analysis: prepared, its manifest values,
    and the site it was stored under before (for an article read again)."""

    item: Item
    values: Values | None
    old_site: str | None = None


def add(store: Store, inputs: Sequence[str | Path], settings: Settings,
        progress: pipeline.Progress | None) -> Added:
    """The body of :meth:`rashomon.workspace.Workspace.add`."""
    entries = load_manifest(settings.manifest) if settings.manifest else None
    if settings.gazetteers:
        annotate.load_gazetteer(settings)
    urls = [str(i) for i in inputs if url_mod.is_url(i)]
    paths = [i for i in inputs if not url_mod.is_url(i)]
    files, skipped = ingest.discover(paths, settings) if paths else ([], [])
    skipped = [s for s in skipped if not _own_file(store, s.path)]  # the workspace in the folder it reads
    if not files and not urls:
        why = "".join(f"\n  {s.path}: {s.reason}" for s in skipped)
        raise NoInputError(
            f"no supported input ({', '.join(ingest.supported())}) found in: {', '.join(map(str, paths))}{why}")
    done = Added()
    read_key, analysis_key = keys.read_key(settings), keys.analysis_key(settings)
    todo, kept = _to_read(store, files, read_key, done)
    with Runner(settings) as runner:
        if len(todo) + len(urls) > 2 * settings.batch_size:
            runner.start()  # the workers load the pipeline while the batch is read and prepared
        items = _prepare_batch(store, todo, urls, kept, entries, settings, analysis_key, done, skipped, progress)
        n_done = 0
        for chunk, results in runner.map(_chunks(items, settings.batch_size)):
            _write(store, chunk, results, analysis_key, settings.article_seconds, done)
            n_done += len(chunk)
            if progress:
                progress("analyse", n_done, len(items))
    read_paths = [str(f) for f, _, _ in todo]
    read_again = set(read_paths)
    skipped += store.skipped_of([str(f) for f in files if str(f) not in read_again])  # not read again: still skipped
    store.replace_skipped([s.path for s in skipped] + read_paths + urls, skipped)
    store.mark_files((key, st.st_size, st.st_mtime_ns, read_key) for _, key, st in todo if st is not None)
    with store.write() as conn:
        store.set_meta(conn, "settings", keys.corpus_settings(settings))
    done.skipped = skipped + done.skipped
    return done


def _prepare_batch(store: Store, todo, urls: list[str], kept: list[str], entries, settings: Settings,
                   analysis_key: str, done: Added, skipped: list[Skipped], progress) -> list[Item]:
    """Steps 3 to 5 of the module docstring: read, prepare and store the new or
    changed documents, then the batch-wide pass; returns the items to analyse."""
    read = _read(todo, urls, settings, skipped, progress)
    if entries is not None:  # the whole batch is needed to match entries by base name
        paired: Iterable[tuple[_Read, Values | None]] = _with_entries(list(read), kept, store, settings.manifest,
                                                                       entries)
    else:
        paired = ((r, None) for r in read)
    staged = list(_stage(store, paired, analysis_key, settings, done, skipped))
    return _across(store, staged, done)


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
            done.skipped += store.articles_skipped_of(key)
        else:
            todo.append((f, key, st))
    return todo, kept


def _own_file(store: Store, path: str) -> bool:
    """Whether ``path`` is the workspace's database or one of SQLite's files beside it (``-wal``, ``-shm``, ``-journal``)."""
    own = ingest.real_path(store.path)
    return ingest.real_path(path) in {own, *(own + s for s in ("-wal", "-shm", "-journal"))}


def _file_key(path: Path) -> str:
    """A file's source key: its resolved path (:func:`ingest.real_path`)."""
    return ingest.real_path(path)


def _skip(skipped: list[Skipped], path: str, exc: BaseException) -> None:
    """Record ``path`` as skipped because of ``exc``."""
    why = pipeline.reason(exc)
    log.warning("skipped %s: %s", path, why)
    skipped.append(Skipped(path=str(path), reason=why))


def _read(todo: list[tuple[Path, str, os.stat_result | None]], urls: list[str], settings: Settings,
          skipped: list[Skipped], progress: pipeline.Progress | None) -> Iterator[_Read]:
    """Read files and fetch URLs in order, each under the time budget; what
    cannot be read goes to ``skipped``."""
    total = len(todo) + len(urls)
    for n, (path, key, st) in enumerate(todo, 1):
        try:
            with time_budget(for_length(settings.article_seconds, st.st_size if st is not None else 0), "reading"):
                found = ingest.read(path, settings)
        except Exception as exc:  # one bad file never stops the batch
            _skip(skipped, str(path), exc)
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
            with time_budget(settings.article_seconds, "reading"):
                found, page = url_mod.read_url(url, settings)
        except Exception as exc:
            _skip(skipped, url, exc)
            found, page = [], None
        for art in found:
            if isinstance(art, Skipped):
                skipped.append(art)
            else:
                yield _Read(art, art.path, None, page)
        if progress:
            progress("read", n, total)


def _with_entries(read: list[_Read], kept: list[str], store: Store, manifest: Path,
                  entries: list[Entry]) -> Iterator[tuple[_Read, Values | None]]:
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
        yield r, values or None


def _stage(store: Store, read: Iterable[tuple[_Read, Values | None]], analysis_key: str, settings: Settings,
           done: Added, skipped: list[Skipped]) -> Iterator[_Staged]:
    """Prepare and store each article read that is new or changed (see the
    module docstring, step 4)."""
    for r, values in read:
        art = r.article
        content = keys.content_hash(art, values)
        row = store.by_source(r.source)
        if row is not None and row["content_hash"] == content and row["analysed_with"] in (
                analysis_key, keys.over_budget_key(analysis_key, settings.article_seconds)):
            done.unchanged += 1
            if row["status"] in ("refused", "failed"):
                done.skipped.append(Skipped(path=art.path, reason=row["reason"]))
            continue
        if row is None and (twin := store.by_hash(content)) is not None:
            skipped.append(Skipped(path=art.path, reason=f"the same document as {twin['path']} ({twin['id']}), "
                                                         "read already: added once"))
            done.copies += 1
            continue
        try:  # one bad article never costs the file's other records
            with time_budget(for_length(settings.article_seconds, len(art.text)), "cleaning"):
                art, posts = pipeline.prepare(art)
        except Exception as exc:
            _skip(skipped, art.path, exc)
            continue
        prepared = "" if store.transient else _prepared(art, posts, values)  # a transient store takes one add
        if store.put_article(art, r.source, r.file, content, prepared, clean.site(art),
                             replace=row["id"] if row is not None else None) is None:
            done.unchanged += 1  # another add stored this source meanwhile
            continue
        if r.page is not None:
            store.put_page(art.id, r.page)
        for p in posts:
            p.article = art.id
        if row is None or row["analysed_at"] is None:  # new, or stored by an add stopped before analysing it
            done.added += 1
        else:
            done.reanalysed += 1
        yield _Staged(Item(art, posts), values, row["site"] if row is not None else None)


def _prepared(article: Article, posts: list[Quote], values: Values | None) -> str:
    """What step 5 needs of a prepared article to run the batch-wide pass
    again in a later add, as JSON: the article before that pass (without its
    text, stored apart), its embedded posts and its manifest values."""
    return json.dumps({"article": article.model_dump(mode="json", exclude={"text"}),
                       "posts": [p.model_dump(mode="json") for p in posts], "manifest": values},
                      ensure_ascii=False)


def _restore(row) -> _Staged:
    """A stored article as :func:`_prepared` kept it (``row``: ``id``,
    ``text``, ``prepared``), before the batch-wide pass."""
    data = json.loads(row["prepared"])
    art = Article.model_validate({**data["article"], "text": row["text"], "id": row["id"]})
    posts = [Quote.model_validate({**p, "article": row["id"]}) for p in data["posts"]]
    values = {f: tuple(v) for f, v in data["manifest"].items()} if data["manifest"] else None
    return _Staged(Item(art, posts), values)


def _across(store: Store, staged: list[_Staged], done: Added) -> list[Item]:
    """The batch-wide pass over the articles staged and the stored articles
    of their sites, then the manifest values (step 5); the articles to
    analyse, staged ones first, in order."""
    sites = {s for st in staged for s in (clean.site(st.item.article), st.old_site) if s}
    members = store.site_members(sites, (st.item.article.id for st in staged))
    stored = [(row, _restore(row)) for row in members]
    pipeline.across_batch([st.item.article for st in staged] + [st.item.article for _, st in stored])
    again: list[_Staged] = []
    updates: list[tuple[str, Article | None, str]] = []
    for row, st in stored:
        art = st.item.article
        batch = keys.batch_hash(art)
        if batch == row["batch_hash"]:
            continue
        old = Article.model_validate({**json.loads(row["record"]), "text": row["text"]})
        if _spans(keys.across_removals(old)) == _spans(keys.across_removals(art)):
            old.removed, old.words_removed, old.words_kept = art.removed, art.words_removed, art.words_kept
            updates.append((art.id, old, batch))
        else:
            updates.append((art.id, None, batch))
            again.append(st)
    if updates:
        store.put_batch(updates)
    done.reanalysed += len(again)
    items = []
    for st in staged + again:
        if st.values:
            apply_values(st.item.article, st.values)
        st.item.batch_hash = keys.batch_hash(st.item.article)
        items.append(st.item)
    return items


def _spans(removals) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in removals]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _write(store: Store, chunk: list[Item], results: list | BaseException, analysis_key: str, seconds: int,
           done: Added) -> None:
    """Write one chunk's results (see the module docstring, step 6); an
    article over its time budget of ``seconds`` keeps
    :func:`keys.over_budget_key` as its analysis key."""
    if isinstance(results, BaseException):
        why = (f"not analysed: the worker process analysing it stopped ({type(results).__name__}: {results}); "
               "add it again to retry")
        rows = [(pipeline.ArticleResult(i.article, skipped=why), "failed", why, None, i.batch_hash) for i in chunk]
    else:
        rows = []
        for item, res in zip(chunk, results):
            status = "analysed" if res.skipped is None else "refused" if res.refused else "failed"
            done.analysed += status == "analysed"
            key = keys.over_budget_key(analysis_key, seconds) if over_budget(res.skipped) else analysis_key
            rows.append((res, status, res.skipped, key, item.batch_hash))
    done.skipped += [Skipped(path=res.article.path, reason=why) for res, _, why, *_ in rows if why is not None]
    store.put_results(rows, pipeline.number)
