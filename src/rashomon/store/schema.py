"""The workspace schema and its migrations.

The schema version is SQLite's ``PRAGMA user_version``; :data:`MIGRATIONS`
holds one SQL script per version, applied in order (each in one
transaction) when a workspace written by an older rashomon is opened. A
workspace written by a newer rashomon (a version above :data:`VERSION`) is
refused rather than misread. Every table and view is documented in
``docs/workspace.md`` (a test keeps the two in step).

Conventions, so that Datasette and sqlite-utils read the file as it is:
plain tables with declared foreign keys (for readers to follow; the store
itself deletes dependent rows, so enforcement is left off), one row per
record; the plain columns a reader filters on, plus ``record``, the whole
pydantic record as JSON (fields added to a record later flow through without
a schema change), and ``corpus``, the record as the corpus stages left it
(``NULL`` when they changed nothing; see ``docs/workspace.md``).
Full-text search uses FTS5 tables over article text and quotes and claims,
kept in step by triggers (the sqlite-utils layout: ``<table>_fts`` with
``content="<table>"``), so Datasette offers a search box on those tables.
"""
from __future__ import annotations

FTS_TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_au AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER IF NOT EXISTS claims_au AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO claims_fts (rowid, text) VALUES (new.rowid, new.text);
END;
"""
"""Keep the full-text indexes in step with their tables (dropped in a
workspace made without search, re-created with a rebuild when it is opened
with search)."""

FTS_TABLES = ("articles_fts", "quotes_fts", "claims_fts")

_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    read_key TEXT NOT NULL,
    read_at TEXT NOT NULL
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    source TEXT NOT NULL UNIQUE,
    file TEXT,
    content_hash TEXT NOT NULL,
    site TEXT,
    batch_hash TEXT,
    analysed_with TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'analysed', 'refused', 'failed')),
    reason TEXT,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    url TEXT,
    format TEXT,
    reference_date TEXT,
    period TEXT,
    period_flag TEXT,
    words_kept INTEGER,
    words_removed INTEGER,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    corpus TEXT,
    prepared TEXT NOT NULL,
    added_at TEXT NOT NULL,
    analysed_at TEXT
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_file ON articles(file);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE pages (
    article TEXT PRIMARY KEY REFERENCES articles(id),
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE TABLE skipped (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX skipped_path ON skipped(path);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT,
    role TEXT,
    affiliation TEXT,
    mention_count INTEGER NOT NULL,
    mentions TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT,
    entity TEXT REFERENCES entities(id),
    record TEXT NOT NULL,
    corpus TEXT,
    UNIQUE (article, ordinal)
);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT REFERENCES entities(id),
    speaker_text TEXT,
    cue TEXT,
    date TEXT,
    relayed_by TEXT REFERENCES entities(id),
    record TEXT NOT NULL,
    corpus TEXT,
    UNIQUE (article, ordinal)
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT REFERENCES entities(id),
    quote TEXT REFERENCES quotes(id),
    polarity TEXT,
    modality TEXT,
    frame TEXT,
    record TEXT NOT NULL,
    corpus TEXT,
    UNIQUE (article, ordinal)
);
CREATE INDEX claims_speaker ON claims(speaker);
CREATE TABLE temporal_expressions (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    precision TEXT,
    event TEXT,
    record TEXT NOT NULL,
    corpus TEXT,
    UNIQUE (article, ordinal)
);
CREATE TABLE propositions (
    id TEXT PRIMARY KEY,
    ordinal INTEGER NOT NULL,
    label TEXT NOT NULL,
    frame TEXT,
    record TEXT NOT NULL
);
CREATE TABLE proposition_claims (
    proposition TEXT NOT NULL REFERENCES propositions(id),
    claim TEXT NOT NULL REFERENCES claims(id),
    PRIMARY KEY (proposition, claim)
);
CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    a TEXT NOT NULL REFERENCES claims(id),
    b TEXT NOT NULL REFERENCES claims(id),
    independent INTEGER,
    reason TEXT,
    proposition TEXT REFERENCES propositions(id),
    record TEXT NOT NULL
);
CREATE INDEX relations_a ON relations(a);
CREATE INDEX relations_b ON relations(b);
CREATE TABLE reuse (
    id INTEGER PRIMARY KEY,
    a TEXT NOT NULL REFERENCES articles(id),
    a_start INTEGER NOT NULL,
    a_end INTEGER NOT NULL,
    b TEXT NOT NULL REFERENCES articles(id),
    b_start INTEGER NOT NULL,
    b_end INTEGER NOT NULL,
    similarity REAL,
    record TEXT NOT NULL
);
CREATE TABLE framing (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    voice TEXT NOT NULL,
    term TEXT NOT NULL,
    count INTEGER,
    category TEXT,
    record TEXT NOT NULL
);
CREATE TABLE timeline (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    "end" TEXT,
    precision TEXT,
    label TEXT NOT NULL,
    period TEXT,
    conflict TEXT,
    record TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", tokenize='unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content="quotes", tokenize='unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, content="claims", tokenize='unicode61 remove_diacritics 2');
""" + FTS_TRIGGERS + """
CREATE VIEW who_said_what AS
SELECT q.id AS quote, q.kind, q.text, q.speaker, e.name AS speaker_name, q.speaker_text, q.cue,
       q.article, a.outlet, a.title, a.published, q.start, q."end"
FROM quotes q
JOIN articles a ON a.id = q.article
LEFT JOIN entities e ON e.id = q.speaker;

CREATE VIEW disputes AS
SELECT r.id AS relation, r.proposition, p.label AS proposition_label,
       r.a AS claim_a, ca.text AS claim_a_text, ca.article AS article_a, aa.outlet AS outlet_a,
       ca.speaker AS speaker_a, ea.name AS speaker_a_name,
       r.b AS claim_b, cb.text AS claim_b_text, cb.article AS article_b, ab.outlet AS outlet_b,
       cb.speaker AS speaker_b, eb.name AS speaker_b_name,
       r.reason, r.independent
FROM relations r
JOIN claims ca ON ca.id = r.a
JOIN claims cb ON cb.id = r.b
JOIN articles aa ON aa.id = ca.article
JOIN articles ab ON ab.id = cb.article
LEFT JOIN propositions p ON p.id = r.proposition
LEFT JOIN entities ea ON ea.id = ca.speaker
LEFT JOIN entities eb ON eb.id = cb.speaker
WHERE r.kind = 'contradicts';

CREATE VIEW agreements AS
SELECT r.id AS relation, r.kind, r.proposition, p.label AS proposition_label,
       r.a AS claim_a, ca.text AS claim_a_text, ca.article AS article_a,
       r.b AS claim_b, cb.text AS claim_b_text, cb.article AS article_b,
       r.reason, r.independent
FROM relations r
JOIN claims ca ON ca.id = r.a
JOIN claims cb ON cb.id = r.b
LEFT JOIN propositions p ON p.id = r.proposition
WHERE r.kind IN ('agrees', 'repeats');
"""

MIGRATIONS: tuple[str, ...] = (_V1,)
"""``MIGRATIONS[n]`` brings a workspace from version ``n`` to ``n + 1``."""

VERSION = len(MIGRATIONS)
"""The schema version this rashomon writes (``PRAGMA user_version``)."""

TABLES = ("meta", "files", "articles", "pages", "skipped", "entities", "mentions", "quotes", "claims",
          "temporal_expressions", "propositions", "proposition_claims", "relations", "reuse", "framing", "timeline")
"""The plain tables, in the order ``docs/workspace.md`` documents them."""

VIEWS = ("who_said_what", "disputes", "agreements")
"""The views over them."""
