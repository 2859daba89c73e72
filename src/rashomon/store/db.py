"""The workspace file: opening, migrating, and every write.

One :class:`Store` per workspace file (SQLite in WAL mode, so pages can be
read while an add writes; a transient one keeps its journal in memory). Each
thread gets its own connection; writes take SQLite's write lock for one short
transaction at a time (one chunk of articles, one corpus refresh), so a crash
or an interrupted run leaves every committed article whole and nothing
half-written.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rashomon.errors import WorkspaceError
from rashomon.store import records as R
from rashomon.store.queries import Queries
from rashomon.store.schema import FTS_TABLES, FTS_TRIGGERS, MIGRATIONS, VERSION
from rashomon.types import Article, Entity, Mention, Proposition, Report, Skipped

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 60
"""How long a write waits for another process's write to finish, in seconds."""


def now() -> str:
    """The current UTC time as ISO 8601 to the second (``2026-11-30T10:00:00Z``)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store(Queries):
    """One workspace file.

    Parameters
    ----------
    path : the SQLite file; created with the current schema when missing
        (its folder too), migrated when written by an older rashomon.
    create : when False, a missing file raises ``WorkspaceError``.
    search : keep the full-text indexes up to date as rows are written
        (False for a workspace read once and thrown away, as
        :func:`rashomon.analyze`'s: indexing is a good part of a write's cost;
        opened again with search, the indexes are rebuilt).
    transient : keep each article's mentions, quotes, claims and temporal
        expressions in memory instead of writing them as rows, for a
        workspace that gives one report and is thrown away (as
        :func:`rashomon.analyze`'s): they and the article records are handed
        to the corpus stages as they are (:meth:`corpus_inputs`) instead of
        being read back from JSON. The web app's queries and a stored report
        do not see the results.
        A transient workspace takes one add: the preparation of its articles
        is not kept (``prepared`` is empty), as no later add reads it back.

    Raises
    ------
    WorkspaceError : the file is not a SQLite database, not a rashomon
        workspace, written by a newer rashomon, or cannot be created.
    """

    def __init__(self, path: str | Path, *, create: bool = True, search: bool = True,
                 transient: bool = False) -> None:
        self.path = Path(path)
        self._full_text = search
        self.transient = transient
        # article id -> (the article, its per-article records in the order of R.PER_ARTICLE) (a transient store's)
        self._held: dict[str, tuple[Article, tuple[list, ...]]] | None = {} if transient else None
        if not self.path.exists():
            if not create:
                raise WorkspaceError(f"{self.path} does not exist: create it with 'rashomon add {self.path} INPUT...'")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"{self.path} cannot be created: {exc.strerror or exc}") from None
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self.conn  # open and migrate now, so a bad file fails here  # noqa: B018

    # -- connections ---------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
            with self._guard:
                self._connections.append(conn)
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            # a transient store is thrown away after its run and read by no other process: its rollback
            # journal stays in memory (no WAL file to check-point on close), and no commit waits for the disk
            conn.execute("PRAGMA journal_mode=MEMORY" if self.transient else "PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF" if self.transient else "PRAGMA synchronous=NORMAL")
            _migrate(conn, self.path)
            _full_text(conn, self._full_text)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"{self.path} is not a rashomon workspace ({exc}): give a new file name "
                                 "or a workspace written by 'rashomon add'") from None
        return conn

    def _drop_results(self, conn: sqlite3.Connection, article_ids: Sequence[str]) -> None:
        """Delete the per-article results of these articles (rows, or a transient store's records)."""
        _drop_results(conn, article_ids)
        for a in article_ids if self._held is not None else ():
            self._held.pop(a, None)

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._guard:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): committed on success,
        rolled back on any exception."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- meta ----------------------------------------------------------------

    def meta(self, key: str, default: Any = None) -> Any:
        """A value of the ``meta`` table (JSON-decoded), or ``default``."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    @staticmethod
    def set_meta(conn: sqlite3.Connection, key: str, value: Any) -> None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     (key, json.dumps(value)))

    # -- files and skipped inputs -----------------------------------------------

    def file_unchanged(self, key: str, size: int, mtime_ns: int, read_key: str) -> bool:
        """Whether ``key`` (a resolved file path) was read whole by an earlier
        add, unchanged since (same size and modification time) and with the
        same ``read_key``."""
        row = self.conn.execute("SELECT size, mtime_ns, read_key FROM files WHERE path = ?", (key,)).fetchone()
        return row is not None and tuple(row) == (size, mtime_ns, read_key)

    def articles_of_file(self, key: str) -> list[sqlite3.Row]:
        """``id, name, path, format`` of the articles read from file ``key``."""
        return self.conn.execute("SELECT id, name, path, format FROM articles WHERE file = ? ORDER BY seq",
                                 (key,)).fetchall()

    def mark_files(self, rows: Iterable[tuple[str, int, int, str]]) -> None:
        """Record files read whole: ``(key, size, mtime_ns, read_key)`` each,
        unless one of their articles is still to be analysed."""
        with self.write() as conn:
            for key, size, mtime_ns, read_key in rows:
                if conn.execute("SELECT 1 FROM articles WHERE file = ? AND analysed_with IS NULL", (key,)).fetchone():
                    continue
                conn.execute("INSERT OR REPLACE INTO files (path, size, mtime_ns, read_key, read_at) VALUES (?, ?, ?, ?, ?)",
                             (key, size, mtime_ns, read_key, now()))

    _OF_PATH = "path = ? OR substr(path, 1, ?) = ?"
    """A skip of one path or of one of its ``#line`` records."""

    def skipped_of(self, paths: Sequence[str]) -> list[Skipped]:
        """The recorded skips of ``paths`` (and of their ``#line`` records), in the order met."""
        rows = [r for p in paths for r in self.conn.execute(
            f"SELECT id, path, reason FROM skipped WHERE {self._OF_PATH}", (p, len(p) + 1, p + "#"))]
        return [Skipped(path=r["path"], reason=r["reason"]) for r in sorted(rows, key=lambda r: r["id"])]

    def articles_skipped_of(self, key: str) -> list[Skipped]:
        """The articles read from file ``key`` that were refused or failed, with the reason, in article order."""
        return [Skipped(path=r["path"], reason=r["reason"]) for r in self.conn.execute(
            "SELECT path, reason FROM articles WHERE file = ? AND status IN ('refused', 'failed') ORDER BY seq",
            (key,))]

    def replace_skipped(self, paths: Sequence[str], skipped: Sequence[Skipped]) -> None:
        """Forget earlier skips of ``paths`` (and of their ``#line`` records)
        and record ``skipped``."""
        with self.write() as conn:
            for p in paths:
                conn.execute(f"DELETE FROM skipped WHERE {self._OF_PATH}", (p, len(p) + 1, p + "#"))
            conn.executemany("INSERT INTO skipped (path, reason, at) VALUES (?, ?, ?)",
                             [(s.path, s.reason, now()) for s in skipped])

    # -- articles --------------------------------------------------------------

    def by_source(self, source: str) -> sqlite3.Row | None:
        """``id, content_hash, analysed_with, analysed_at, status, reason, site`` of the
        article read from ``source`` (``analysed_at`` ``NULL`` until its first
        results are written)."""
        return self.conn.execute("SELECT id, content_hash, analysed_with, analysed_at, status, reason, site FROM articles "
                                 "WHERE source = ?", (source,)).fetchone()

    def by_hash(self, content_hash: str) -> sqlite3.Row | None:
        """``id, path`` of an article with this content hash."""
        return self.conn.execute("SELECT id, path FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1",
                                 (content_hash,)).fetchone()

    def put_article(self, article: Article, source: str, file: str | None, content_hash: str, prepared: str,
                    site: str | None, replace: str | None = None) -> str | None:
        """Store a prepared article, pending analysis, and return its id.

        ``prepared`` is the article as the per-article preparation left it,
        before the batch-wide pass (JSON, see :meth:`site_members`), and
        ``site`` the site the batch-wide pass groups it by
        (:func:`rashomon.clean.site`). A new article takes the next free id
        (``a0``, ``a1``, … in the order articles are put); ``replace`` (an
        article id) keeps that id for a source whose document changed, and
        drops its earlier results. Returns ``None``, storing nothing, when a
        new article's source was stored meanwhile (by another process adding
        the same input).
        """
        with self.write() as conn:
            if replace is None:
                if self.by_source(source) is not None:
                    return None
                n = self.meta("next_article", 0)
                article.id = f"a{n}"
                self.set_meta(conn, "next_article", n + 1)
                columns = ", ".join(f'"{c}"' for c in R.ARTICLE_COLUMNS)
                conn.execute(f"INSERT INTO articles (id, seq, source, file, content_hash, site, status, text, prepared, "
                             f"added_at, record, {columns}) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?"
                             f"{', ?' * (len(R.ARTICLE_COLUMNS) + 1)})",
                             (article.id, n, source, file, content_hash, site, article.text, prepared, now(),
                              *_article_values(article)))
            else:
                article.id = replace
                self._drop_results(conn, [replace])
                conn.execute("UPDATE articles SET content_hash = ?, file = ?, site = ?, text = ?, prepared = ?, "
                             "status = 'pending', batch_hash = NULL, analysed_with = NULL, reason = NULL, corpus = NULL "
                             "WHERE id = ?", (content_hash, file, site, article.text, prepared, replace))
                _update_article(conn, article)
        return article.id

    def site_members(self, sites: Iterable[str], leave_out: Iterable[str]) -> list[sqlite3.Row]:
        """``id, text, prepared, batch_hash, record`` of the articles of these
        sites that have been analysed (or refused, or failed), in workspace
        order, but those whose id is in ``leave_out``."""
        sites, leave_out = list(sites), set(leave_out)
        rows = self.conn.execute(
            f"SELECT id, text, prepared, batch_hash, record FROM articles WHERE site IN ({', '.join('?' * len(sites))}) "
            "AND status != 'pending' ORDER BY seq", sites).fetchall() if sites else []
        return [r for r in rows if r["id"] not in leave_out]

    def put_batch(self, updates: Sequence[tuple[str, Article | None, str]]) -> None:
        """Store what a later batch-wide pass changed in analysed articles, in
        one transaction. Each update is ``(article id, article, batch_hash)``:
        ``article`` the whole record with its new removals, when its results
        still hold (only the removals' details changed); ``None`` when the
        article is to be analysed again: its ``analysed_with`` is cleared
        (its earlier results stay until the new ones are written, and an add
        that stops before that leaves it to the next add of its file)."""
        with self.write() as conn:
            for article_id, article, batch_hash in updates:
                if article is None:
                    conn.execute("UPDATE articles SET analysed_with = NULL WHERE id = ?", (article_id,))
                    continue
                _update_article(conn, article)
                conn.execute("UPDATE articles SET batch_hash = ?, corpus = NULL WHERE id = ?", (batch_hash, article_id))

    def drop_article(self, article_id: str) -> None:
        """Remove an article and everything found in it."""
        with self.write() as conn:
            self._drop_results(conn, [article_id])
            conn.execute("DELETE FROM pages WHERE article = ?", (article_id,))
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def put_page(self, article_id: str, page: dict[str, Any]) -> None:
        """Keep the raw page an article was fetched as (``url``, ``status``,
        ``content_type``, ``headers`` dict, ``body`` bytes)."""
        with self.write() as conn:
            conn.execute("INSERT OR REPLACE INTO pages (article, url, status, content_type, headers, body, fetched_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (article_id, page["url"], page["status"], page.get("content_type"),
                          json.dumps(page.get("headers", {})), page["body"], page.get("fetched_at") or now()))

    def put_results(self, results: Sequence[tuple[Any, str, str | None, str | None]],
                    number: Callable[[Any, dict[str, int]], None]) -> None:
        """Store per-article results in one transaction.

        ``results`` holds ``(ArticleResult, status, reason, analysed_with,
        batch_hash)`` per article (status ``analysed``, ``refused`` or
        ``failed``; ``analysed_with`` ``None`` for a failure worth retrying;
        ``batch_hash`` the digest of what the batch-wide pass removed,
        :func:`rashomon.workspace.keys.batch_hash`).
        ``number(result, counters)`` gives each result's quotes and claims
        their workspace-wide ids (:func:`rashomon.pipeline.number`) from the
        next free numbers, read and saved in the same transaction, so two
        processes adding at once never hand out one id twice.
        """
        with self.write() as conn:
            counters = {"q": self.meta("next_quote", 0), "c": self.meta("next_claim", 0)}
            self._drop_results(conn, [r.article.id for r, *_ in results])
            stamp = now()
            for res, status, reason, analysed_with, batch_hash in results:
                number(res, counters)
                _update_article(conn, res.article, status=status, reason=reason, analysed_with=analysed_with,
                                batch_hash=batch_hash, analysed_at=stamp, corpus=None)
                records = (res.mentions, res.quotes, res.claims, res.temporals)
                if self._held is not None:
                    self._held[res.article.id] = (res.article, records)
                    continue
                for table, recs in zip(R.PER_ARTICLE, records):
                    conn.executemany(table.insert_sql(), [table.values(r, i) for i, r in enumerate(recs)])
            self.set_meta(conn, "next_quote", counters["q"])
            self.set_meta(conn, "next_claim", counters["c"])

    # -- corpus results ----------------------------------------------------------

    def corpus_state(self) -> list[tuple[str, str, str | None, str | None, str]]:
        """``(id, content_hash, batch_hash, analysed_with, status)`` of every
        analysed article, in order: what the corpus results depend on."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT id, content_hash, batch_hash, analysed_with, status FROM articles WHERE status != 'pending' "
            "ORDER BY seq")]

    def corpus_inputs(self) -> tuple[Report, list[Mention], dict[str, list[tuple[Any, str]]]]:
        """The per-article results of every analysed article, as the corpus
        stages take them.

        Returns
        -------
        (report, mentions, before) : a ``Report`` with ``articles``, ``quotes``,
            ``claims`` and ``temporal_expressions`` in article order; the
            mentions in the same order; and, per table name, the ``(row id,
            stored JSON)`` of each of those records, in the same order (to tell
            later what the corpus stages changed).
        """
        from rashomon.types import Generator

        report = Report(generator=Generator(version=_version()))
        if self._held is not None:  # a transient store's articles and records, as the per-article stages left them
            held = [self._held[r[0]] for r in self.conn.execute(
                "SELECT id FROM articles WHERE status != 'pending' ORDER BY seq")]
            mentions, report.quotes, report.claims, report.temporal_expressions = (
                [r for _, records in held for r in records[k]] for k in range(len(R.PER_ARTICLE)))
            report.articles = [article for article, _ in held]
            return report, mentions, {name: [] for name in ("articles", *(t.name for t in R.PER_ARTICLE))}
        before: dict[str, list[tuple[Any, str]]] = {"articles": []}
        articles = []
        for row in self.conn.execute("SELECT id, text, record FROM articles WHERE status != 'pending' ORDER BY seq"):
            articles.append(R.load(Article, row["record"], text=row["text"]))
            before["articles"].append((row["id"], row["record"]))
        loaded: dict[str, list] = {}
        for table in R.PER_ARTICLE:
            rows = self._per_article_rows(table, "t.rowid, t.record")
            before[table.name] = [(r[0], r[1]) for r in rows]
            loaded[table.name] = [table.model.model_validate_json(r[1]) for r in rows]
        report.articles = articles
        report.quotes = loaded["quotes"]
        report.claims = loaded["claims"]
        report.temporal_expressions = loaded["temporal_expressions"]
        return report, loaded["mentions"], before

    def _per_article_rows(self, table: R.Table, columns: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            f"SELECT {columns} FROM {table.name} t JOIN articles a ON a.id = t.article "
            "WHERE a.status != 'pending' AND t.ordinal IS NOT NULL ORDER BY a.seq, t.ordinal").fetchall()

    def put_corpus(self, report: Report, mentions: list[Mention], before: dict[str, list[tuple[Any, str]]],
                   state: list[tuple], key: str) -> bool:
        """Store the corpus results of ``report`` (the corpus stages' output
        over :meth:`corpus_inputs`, taken when :meth:`corpus_state` was
        ``state``) and mark them current for ``key``.

        Returns False, writing nothing, when the articles changed meanwhile
        (another process added some): the results would be stale.
        """
        with self.write() as conn:
            if self.corpus_state() != state:
                return False
            for name in ("entities", "propositions", "proposition_claims", *R.CORPUS):
                conn.execute(f"DELETE FROM {name}")
            conn.execute("DELETE FROM mentions WHERE ordinal IS NULL")
            self._put_changes(conn, report, mentions, before)
            row_of = {id(m): rid for m, (rid, _) in zip(mentions, before["mentions"])}
            for e in report.entities:  # mentions the linking made (a speaker span no mention covered, a split name)
                for m in e.mentions:
                    if id(m) not in row_of:
                        row_of[id(m)] = conn.execute(R.MENTIONS.insert_sql(), R.MENTIONS.values(m, None)).lastrowid
            conn.executemany(
                "INSERT INTO entities (id, ordinal, name, type, role, affiliation, mention_count, mentions, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.id, i, e.name, e.type, e.role, e.affiliation, len(e.mentions),
                  json.dumps([row_of[id(m)] for m in e.mentions]), e.model_dump_json(exclude={"mentions"}))
                 for i, e in enumerate(report.entities)])
            conn.executemany("INSERT INTO propositions (id, ordinal, label, frame, record) VALUES (?, ?, ?, ?, ?)",
                             [(p.id, i, p.label, p.frame, p.model_dump_json()) for i, p in enumerate(report.propositions)])
            conn.executemany("INSERT OR IGNORE INTO proposition_claims (proposition, claim) VALUES (?, ?)",
                             [(p.id, c) for p in report.propositions for c in p.claims])
            for name, table in R.CORPUS.items():
                conn.executemany(table.insert_sql(), [table.values(r) for r in getattr(report, name)])
            self.set_meta(conn, "corpus_key", key)
        return True

    def _put_changes(self, conn: sqlite3.Connection, report: Report, mentions: list[Mention],
                     before: dict[str, list[tuple[Any, str]]]) -> None:
        """Keep per-article records the corpus stages changed (a quote's
        speaker, a mention's entity, an article's period) in each row's
        ``corpus`` column, and set the plain columns to the changed values."""
        changed = zip((*R.PER_ARTICLE, None), (mentions, report.quotes, report.claims, report.temporal_expressions,
                                               report.articles))
        for table, recs in changed:
            name, key, columns = (table.name, "rowid", table.columns) if table else ("articles", "id", R.ARTICLE_COLUMNS)
            if len(recs) != len(before[name]):
                raise RuntimeError(f"the corpus stages changed the number of {name} ({len(before[name])} → {len(recs)}): "
                                   "a stage that adds or drops per-article records must be taught to the store")
            exclude = None if table else {"text"}
            reset = ", ".join(f'"{c}" = json_extract(record, \'$.{c}\')' for c in columns)
            conn.execute(f"UPDATE {name} SET corpus = NULL, {reset} WHERE corpus IS NOT NULL")
            sets = ", ".join(f'"{c}" = ?' for c in columns)
            conn.executemany(
                f"UPDATE {name} SET corpus = ?, {sets} WHERE {key} = ?",
                [(p, *R.plain(rec, columns), rid)
                 for rec, (rid, old) in zip(recs, before[name]) if (p := R.changed(old, rec, exclude)) is not None])

    def load_report(self) -> Report:
        """The report as stored: every analysed article and its results with
        the corpus stages' changes, the corpus results, and every skipped
        input (files first, in the order met; then articles refused, then
        articles that failed, each in article order)."""
        from rashomon.types import Generator

        conn = self.conn
        report = Report(generator=Generator(version=_version()))
        report.articles = [R.load(Article, r["record"], r["corpus"], text=r["text"]) for r in conn.execute(
            "SELECT text, record, corpus FROM articles WHERE status != 'pending' ORDER BY seq")]
        loaded = {table.name: [R.load(table.model, r[0], r[1]) for r in self._per_article_rows(table, "t.record, t.corpus")]
                  for table in R.PER_ARTICLE[1:]}
        mentions = {r[0]: R.load(Mention, r[1], r[2]) for r in conn.execute(
            "SELECT m.id, m.record, m.corpus FROM mentions m JOIN entities e ON e.id = m.entity")}
        report.entities = [R.load(Entity, r["record"], mentions=[mentions[i] for i in json.loads(r["mentions"])])
                           for r in conn.execute("SELECT record, mentions FROM entities ORDER BY ordinal")]
        report.quotes = loaded["quotes"]
        report.claims = loaded["claims"]
        report.temporal_expressions = loaded["temporal_expressions"]
        report.propositions = [Proposition.model_validate_json(r[0]) for r in
                               conn.execute("SELECT record FROM propositions ORDER BY ordinal")]
        for name, table in R.CORPUS.items():
            setattr(report, name, [table.model.model_validate_json(r[0]) for r in
                                   conn.execute(f"SELECT record FROM {name} ORDER BY id")])
        report.skipped = self.skipped()
        return report

    def skipped(self) -> list[Skipped]:
        """Every input not analysed: skipped files and records in the order
        met, then articles refused, then articles that failed (article order)."""
        conn = self.conn
        out = [Skipped(path=r[0], reason=r[1]) for r in conn.execute("SELECT path, reason FROM skipped ORDER BY id")]
        out += [Skipped(path=r[0], reason=r[1]) for r in conn.execute(
            "SELECT path, reason FROM articles WHERE status IN ('refused', 'failed') ORDER BY status = 'failed', seq")]
        return out


def _version() -> str:
    from rashomon import __version__

    return __version__


def _article_values(article: Article) -> tuple:
    """An article's record (JSON, without its text) and its plain columns (:data:`R.ARTICLE_COLUMNS`)."""
    return (article.model_dump_json(exclude={"text"}), *R.plain(article, R.ARTICLE_COLUMNS))


def _update_article(conn: sqlite3.Connection, article: Article, **state: Any) -> None:
    """Write an article's record and plain columns (its text is written once,
    when put), and the columns named in ``state`` (status, analysis stamps), in one statement."""
    sets = ", ".join(f'"{c}" = ?' for c in (*R.ARTICLE_COLUMNS, *state))
    conn.execute(f"UPDATE articles SET record = ?, {sets} WHERE id = ?",
                 (*_article_values(article), *state.values(), article.id))


def _drop_results(conn: sqlite3.Connection, article_ids: Sequence[str]) -> None:
    """Delete the per-article results of these articles."""
    for table in R.PER_ARTICLE:
        conn.executemany(f"DELETE FROM {table.name} WHERE article = ?", [(a,) for a in article_ids])


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to :data:`VERSION` (each step in one transaction)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise WorkspaceError(f"{path} was written by a newer rashomon (schema {version}; this one reads up to "
                             f"{VERSION}): upgrade rashomon to open it")
    if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise WorkspaceError(f"{path} is a SQLite database but not a rashomon workspace: give a new file name")
    for n in range(version, VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # re-read under the write lock: another process may have migrated meanwhile
            if conn.execute("PRAGMA user_version").fetchone()[0] != n:
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[n]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {n + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        log.debug("%s: schema migrated to version %d", path, n + 1)


def _full_text(conn: sqlite3.Connection, on: bool) -> None:
    """Create the triggers that keep the full-text indexes in step (and
    rebuild the indexes) when ``on`` and they are missing; drop them when not."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    wanted = _statements(FTS_TRIGGERS)
    names = {s.split()[5] for s in wanted}  # CREATE TRIGGER IF NOT EXISTS <name> ...
    if (names <= present) if on else not (names & present):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in wanted if on else [f"DROP TRIGGER IF EXISTS {n}" for n in sorted(names)]:
            conn.execute(statement)
        if on:
            for table in FTS_TABLES:
                conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement``
    tells where a trigger body ends)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
