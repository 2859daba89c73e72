"""The read side of a workspace: pages of records, full-text search, filters.

Every list method returns a :class:`Page` (``page`` counts from 1,
``per_page`` at most :data:`MAX_PER_PAGE`), so a workspace of 10,000
articles is read a page at a time. Items are plain dicts: the record's
fields as in ``report.json`` (with the corpus stages' changes: a quote's
speaker is an entity id) plus a few joined values for display
(``article_label``: the outlet, else the file name; ``speaker_name``;
``outlet``, ``title``, ``published`` of the article). With ``q`` (full-text
search, FTS5), each item also has ``snippet``: a list of ``{"text",
"match"}`` parts around the words found, to escape and mark up by the caller.

Filters combine with AND: ``outlet`` (exact), ``speaker`` (an entity id;
``"narrator"`` for claims in the article's own voice), ``kind`` (quote
kind: direct, indirect, post, question; relation kind: contradicts, agrees,
repeats), ``published_from``/``published_to`` (ISO 8601 prefixes compared
at their own precision: ``2023-09`` covers every day of that month),
``article`` (an article id).
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from rashomon.store import records as R
from rashomon.types import Article, Claim, Entity, Generator, Proposition, Relation, Report

MAX_PER_PAGE = 500
"""The largest page served."""

_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Page:
    """One page of a list: ``items`` (dicts), ``total`` matching items,
    ``page`` (from 1) and ``per_page``."""

    items: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 50

    @property
    def pages(self) -> int:
        """How many pages the whole list fills (at least 1)."""
        return max(1, math.ceil(self.total / self.per_page))

    def as_dict(self) -> dict[str, Any]:
        """The page as plain JSON-ready values (``items``, ``total``, ``page``, ``per_page``, ``pages``)."""
        return {"items": self.items, "total": self.total, "page": self.page, "per_page": self.per_page,
                "pages": self.pages}


def match_query(text: str | None) -> str | None:
    """A user's search words as a safe FTS5 query: every word must occur
    (each quoted, so FTS5 operators and punctuation typed are plain words);
    ``None`` when there is no word."""
    words = _WORD.findall(text or "")
    return " ".join(f'"{w}"' for w in words) if words else None


def snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """An FTS5 ``snippet()`` made with the private markers as ``{"text", "match"}`` parts."""
    parts = []
    for i, piece in enumerate(re.split(f"[{_MARK_OPEN}{_MARK_CLOSE}]", snippet)):
        if piece:
            parts.append({"text": piece, "match": i % 2 == 1})
    return parts


class _Where:
    """SQL conditions and their parameters, joined with AND."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.params: list[Any] = []

    def add(self, term: str, *params: Any) -> None:
        self.terms.append(term)
        self.params.extend(params)

    def published(self, column: str, start: str | None, end: str | None) -> None:
        if start:
            self.add(f"{column} >= ?", start)
        if end:
            self.add(f"substr({column}, 1, ?) <= ?", len(end), end)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.terms) if self.terms else ""


def _bounds(page: int, per_page: int) -> tuple[int, int]:
    page = max(1, int(page))
    per_page = min(MAX_PER_PAGE, max(1, int(per_page)))
    return page, per_page


class Queries:
    """Read methods of :class:`rashomon.store.Store` (``self.conn`` is the
    calling thread's connection)."""

    conn: sqlite3.Connection

    def _page(self, select: str, source: str, where: _Where, order: str, page: int, per_page: int,
              item) -> Page:
        page, per_page = _bounds(page, per_page)
        total = self.conn.execute(f"SELECT count(*) FROM {source}{where.sql}", where.params).fetchone()[0]
        rows = self.conn.execute(f"SELECT {select} FROM {source}{where.sql} ORDER BY {order} LIMIT ? OFFSET ?",
                                 [*where.params, per_page, (page - 1) * per_page]).fetchall()
        return Page([item(r) for r in rows], total, page, per_page)

    # -- overview ------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many of each: ``articles`` (analysed, refused or failed),
        ``pending`` (read, not analysed yet), ``analysed`` (of ``articles``,
        those analysed), ``skipped`` (inputs), ``entities``,
        ``quotes``, ``claims``, ``propositions``, ``contradictions``,
        ``agreements``, ``repeats``, ``reuse``, ``timeline``."""
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        kinds = dict(self.conn.execute("SELECT kind, count(*) FROM relations GROUP BY kind").fetchall())
        return {
            "articles": one("SELECT count(*) FROM articles WHERE status != 'pending'"),
            "pending": one("SELECT count(*) FROM articles WHERE status = 'pending'"),
            "analysed": one("SELECT count(*) FROM articles WHERE status = 'analysed'"),
            "skipped": one("SELECT count(*) FROM skipped")
            + one("SELECT count(*) FROM articles WHERE status IN ('refused', 'failed')"),
            "entities": one("SELECT count(*) FROM entities"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "claims": one("SELECT count(*) FROM claims"),
            "propositions": one("SELECT count(*) FROM propositions"),
            "contradictions": kinds.get("contradicts", 0),
            "agreements": kinds.get("agrees", 0),
            "repeats": kinds.get("repeats", 0),
            "reuse": one("SELECT count(*) FROM reuse"),
            "timeline": one("SELECT count(*) FROM timeline"),
        }

    def outlets(self) -> list[dict[str, Any]]:
        """Every outlet with its number of articles, most first
        (``{"outlet": str | None, "articles": int}``; ``None``: not known)."""
        return [{"outlet": r[0], "articles": r[1]} for r in self.conn.execute(
            "SELECT outlet, count(*) AS n FROM articles WHERE status != 'pending' GROUP BY outlet "
            "ORDER BY n DESC, outlet")]

    def speakers(self, q: str | None = None, page: int = 1, per_page: int = 50) -> Page:
        """Entities that speak (quoted, or holding a claim), most quoted
        first: ``id``, ``name``, ``type``, ``role``, ``affiliation``,
        ``quotes``, ``claims``; ``q`` filters on the name (substring,
        case-insensitive)."""
        where = _Where()
        where.add("(s.quotes > 0 OR s.claims > 0)")
        if q:
            where.add("s.name LIKE ? ESCAPE '\\'", "%" + _like(q) + "%")
        source = ("(SELECT e.id, e.name, e.type, e.role, e.affiliation, e.ordinal, "
                  "(SELECT count(*) FROM quotes WHERE speaker = e.id) AS quotes, "
                  "(SELECT count(*) FROM claims WHERE speaker = e.id) AS claims FROM entities e) s")
        return self._page("s.*", source, where, "s.quotes DESC, s.claims DESC, s.ordinal", page, per_page, dict)

    # -- articles ------------------------------------------------------------

    def articles(self, q: str | None = None, outlet: str | None = None, published_from: str | None = None,
                 published_to: str | None = None, language: str | None = None, status: str | None = None,
                 page: int = 1, per_page: int = 50) -> Page:
        """Articles in order added (best match first with ``q``, searched in
        title and text): ``id``, ``name``, ``path``, ``title``, ``outlet``,
        ``published``, ``language``, ``url``, ``format``, ``status``
        (analysed, refused, failed), ``reason``, ``words_kept``,
        ``article_label``, ``quotes``, ``claims``."""
        where = _Where()
        where.add("a.status != 'pending'")
        for column, value in (("a.outlet", outlet), ("a.language", language), ("a.status", status)):
            if value:
                where.add(f"{column} = ?", value)
        where.published("a.published", published_from, published_to)
        cols = ("a.id, a.name, a.path, a.title, a.outlet, a.published, a.language, a.url, a.format, a.status, "
                "a.reason, a.words_kept, (SELECT count(*) FROM quotes WHERE article = a.id) AS quotes, "
                "(SELECT count(*) FROM claims WHERE article = a.id) AS claims")
        source, order = "articles a", "a.seq"
        match = match_query(q)
        if match:
            source = "articles a JOIN articles_fts f ON f.rowid = a.rowid"
            where.add("articles_fts MATCH ?", match)
            cols += f", snippet(articles_fts, 1, '{_MARK_OPEN}', '{_MARK_CLOSE}', '…', 16) AS snippet"
            order = "bm25(articles_fts), a.seq"

        def item(r: sqlite3.Row) -> dict[str, Any]:
            d = dict(r)
            d["article_label"] = d["outlet"] or d["name"]
            if "snippet" in d:
                d["snippet"] = snippet_parts(d["snippet"])
            return d

        return self._page(cols, source, where, order, page, per_page, item)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with everything found in it, for its own page, or
        ``None`` when there is no such article.

        Returns
        -------
        dict : ``article`` (the ``Article`` record, text included), ``status``
            and ``reason``; ``quotes``, ``claims``, ``mentions`` and
            ``temporal_expressions`` (records in text order: offsets are
            into ``article.text``; a mention's ``entity`` and a quote's
            ``speaker`` are entity ids); ``entities`` (id → name of every
            entity named in those); ``page`` (the fetched page's ``url``,
            ``status``, ``content_type``, ``fetched_at``) or ``None``.
        """
        row = self.conn.execute("SELECT text, record, corpus, status, reason FROM articles WHERE id = ? "
                                "AND status != 'pending'", (article_id,)).fetchone()
        if row is None:
            return None
        out: dict[str, Any] = {"article": R.load(Article, row["record"], row["corpus"], text=row["text"]),
                               "status": row["status"], "reason": row["reason"]}
        names: set[str] = set()
        for table in R.PER_ARTICLE:
            order = "ordinal" if table is not R.MENTIONS else "start, \"end\""
            recs = [R.load(table.model, r[0], r[1]) for r in self.conn.execute(
                f"SELECT record, corpus FROM {table.name} WHERE article = ? ORDER BY {order}", (article_id,))]
            out[table.name] = recs
            for rec in recs:
                names.update(v for v in (getattr(rec, f, None) for f in ("entity", "speaker", "relayed_by")) if v)
        out["entities"] = self._names(names)
        page = self.conn.execute("SELECT url, status, content_type, fetched_at FROM pages WHERE article = ?",
                                 (article_id,)).fetchone()
        out["page"] = dict(page) if page else None
        return out

    def page_body(self, article_id: str) -> tuple[str | None, bytes] | None:
        """The raw page an article was fetched as: ``(content_type, body)``, or ``None``."""
        row = self.conn.execute("SELECT content_type, body FROM pages WHERE article = ?", (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def _names(self, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        return dict(self.conn.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", sorted(ids)).fetchall())

    # -- quotes and claims ------------------------------------------------------

    def _findings(self, table: R.Table, q: str | None, where: _Where, page: int, per_page: int) -> Page:
        cols = "t.record, t.corpus, a.name AS article_name, a.outlet, a.title, a.published, e.name AS speaker_name"
        source = f"{table.name} t JOIN articles a ON a.id = t.article LEFT JOIN entities e ON e.id = t.speaker"
        order = "a.seq, t.ordinal"
        match = match_query(q)
        if match:
            fts = f"{table.name}_fts"
            source += f" JOIN {fts} f ON f.rowid = t.rowid"
            where.add(f"{fts} MATCH ?", match)
            cols += f", snippet({fts}, 0, '{_MARK_OPEN}', '{_MARK_CLOSE}', '…', 24) AS snippet"
            order = f"bm25({fts}), {order}"

        def item(r: sqlite3.Row) -> dict[str, Any]:
            d = R.load(table.model, r["record"], r["corpus"]).model_dump(mode="json")
            d.update(article_label=r["outlet"] or r["article_name"], outlet=r["outlet"], title=r["title"],
                     published=r["published"], speaker_name=r["speaker_name"])
            if match:
                d["snippet"] = snippet_parts(r["snippet"])
            return d

        return self._page(cols, source, where, order, page, per_page, item)

    def quotes(self, q: str | None = None, article: str | None = None, outlet: str | None = None,
               speaker: str | None = None, kind: str | None = None, published_from: str | None = None,
               published_to: str | None = None, page: int = 1, per_page: int = 50) -> Page:
        """Quotes in article order (best match first with ``q``): each the
        ``Quote`` fields plus the joined display values (module docstring)."""
        where = _Where()
        for column, value in (("t.article", article), ("a.outlet", outlet), ("t.speaker", speaker), ("t.kind", kind)):
            if value:
                where.add(f"{column} = ?", value)
        where.published("a.published", published_from, published_to)
        return self._findings(R.QUOTES, q, where, page, per_page)

    def claims(self, q: str | None = None, article: str | None = None, outlet: str | None = None,
               speaker: str | None = None, proposition: str | None = None, modality: str | None = None,
               polarity: str | None = None, published_from: str | None = None, published_to: str | None = None,
               page: int = 1, per_page: int = 50) -> Page:
        """Claims in article order (best match first with ``q``): each the
        ``Claim`` fields plus the joined display values; ``speaker="narrator"``
        selects claims in the article's own voice."""
        where = _Where()
        if speaker == "narrator":
            where.add("t.speaker IS NULL")
        elif speaker:
            where.add("t.speaker = ?", speaker)
        for column, value in (("t.article", article), ("a.outlet", outlet), ("t.modality", modality),
                              ("t.polarity", polarity)):
            if value:
                where.add(f"{column} = ?", value)
        if proposition:
            where.add("t.id IN (SELECT claim FROM proposition_claims WHERE proposition = ?)", proposition)
        where.published("a.published", published_from, published_to)
        return self._findings(R.CLAIMS, q, where, page, per_page)

    def search(self, q: str, page: int = 1, per_page: int = 50) -> dict[str, Page]:
        """Search article text, quotes and claims at once: ``{"articles":
        Page, "quotes": Page, "claims": Page}``, each best match first, with
        snippets."""
        return {"articles": self.articles(q=q, page=page, per_page=per_page),
                "quotes": self.quotes(q=q, page=page, per_page=per_page),
                "claims": self.claims(q=q, page=page, per_page=per_page)}

    # -- entities and relations --------------------------------------------------

    def entities(self, q: str | None = None, type: str | None = None, page: int = 1,  # noqa: A002
                 per_page: int = 50) -> Page:
        """Entities, most mentioned first: ``id``, ``name``, ``type``,
        ``role``, ``affiliation``, ``mentions`` (count), ``aliases``; ``q``
        filters on the name or an alias (substring, case-insensitive)."""
        where = _Where()
        if q:
            like = "%" + _like(q) + "%"
            where.add("(e.name LIKE ? ESCAPE '\\' OR json_extract(e.record, '$.aliases') LIKE ? ESCAPE '\\')", like, like)
        if type:
            where.add("e.type = ?", type)

        def item(r: sqlite3.Row) -> dict[str, Any]:
            d = dict(r)
            d["aliases"] = json.loads(d["aliases"] or "[]")
            return d

        return self._page("e.id, e.name, e.type, e.role, e.affiliation, e.mention_count AS mentions, "
                          "json_extract(e.record, '$.aliases') AS aliases", "entities e", where,
                          "e.mention_count DESC, e.ordinal", page, per_page, item)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity for its own page, or ``None``: the ``Entity`` fields
        but ``mentions`` (which are counted: ``mention_count``), and
        ``articles``: ``{"id", "label", "mentions"}`` per article naming it,
        in article order. Its quotes and claims: :meth:`quotes` and
        :meth:`claims` with ``speaker=entity_id``."""
        row = self.conn.execute("SELECT record, mention_count FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            return None
        d = Entity.model_validate_json(row["record"]).model_dump(mode="json", exclude={"mentions"})
        d["mention_count"] = row["mention_count"]
        d["articles"] = [{"id": r[0], "label": r[1], "mentions": r[2]} for r in self.conn.execute(
            "SELECT a.id, coalesce(a.outlet, a.name), count(*) FROM mentions m JOIN articles a ON a.id = m.article "
            "WHERE m.entity = ? GROUP BY a.id ORDER BY a.seq", (entity_id,))]
        return d

    def relations(self, kind: str | None = None, proposition: str | None = None, article: str | None = None,
                  speaker: str | None = None, page: int = 1, per_page: int = 50) -> Page:
        """Relations between claims (contradicts, agrees, repeats) in the
        order found: the ``Relation`` fields, ``proposition_label``, and
        ``claim_a``/``claim_b``, each a ``Claim`` dict with the joined display
        values. ``article`` and ``speaker`` match either side."""
        where = _Where()
        for column, value in (("r.kind", kind), ("r.proposition", proposition)):
            if value:
                where.add(f"{column} = ?", value)
        if article:  # found through the indexes on claims(article), relations(a) and relations(b)
            where.add("r.id IN (SELECT x.id FROM relations x JOIN claims c ON c.id = x.a WHERE c.article = ? "
                      "UNION SELECT x.id FROM relations x JOIN claims c ON c.id = x.b WHERE c.article = ?)", article, article)
        if speaker:
            where.add("(ca.speaker = ? OR cb.speaker = ?)", speaker, speaker)
        source = ("relations r JOIN claims ca ON ca.id = r.a JOIN claims cb ON cb.id = r.b "
                  "LEFT JOIN propositions p ON p.id = r.proposition")

        def item(r: sqlite3.Row) -> dict[str, Any]:
            d = json.loads(r["record"])
            d["proposition_label"] = r["label"]
            claims = self._claim_views([r["a"], r["b"]])
            d["claim_a"], d["claim_b"] = claims.get(r["a"]), claims.get(r["b"])
            return d

        return self._page("r.record, r.a, r.b, p.label", source, where, "r.id", page, per_page, item)

    def _claim_views(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        marks = ", ".join("?" * len(ids))
        out = {}
        for r in self.conn.execute(
                "SELECT c.id, c.record, c.corpus, a.name, a.outlet, a.title, a.published, e.name AS speaker_name "
                "FROM claims c JOIN articles a ON a.id = c.article LEFT JOIN entities e ON e.id = c.speaker "
                f"WHERE c.id IN ({marks})", ids):
            d = R.load(Claim, r["record"], r["corpus"]).model_dump(mode="json")
            d.update(article_label=r["outlet"] or r["name"], outlet=r["outlet"], title=r["title"],
                     published=r["published"], speaker_name=r["speaker_name"])
            out[r["id"]] = d
        return out

    def propositions(self, page: int = 1, per_page: int = 50) -> Page:
        """Propositions in order: ``id``, ``label``, ``frame``, ``claims``
        (ids), ``contradictions`` (count of contradicting pairs)."""
        def item(r: sqlite3.Row) -> dict[str, Any]:
            d = json.loads(r["record"])
            d["contradictions"] = r["n"]
            return d

        return self._page("p.record, (SELECT count(*) FROM relations WHERE proposition = p.id AND kind = 'contradicts') "
                          "AS n", "propositions p", _Where(), "p.ordinal", page, per_page, item)

    # -- reuse, framing, timeline ------------------------------------------------------

    def reuse(self, article: str | None = None, page: int = 1, per_page: int = 50) -> Page:
        """Passages shared by two articles (``Reuse`` fields), ``article`` on either side."""
        where = _Where()
        if article:
            where.add("(r.a = ? OR r.b = ?)", article, article)
        return self._page("r.record", "reuse r", where, "r.id", page, per_page, lambda r: json.loads(r[0]))

    def framing(self, article: str | None = None, outlet: str | None = None, voice: str | None = None,
                page: int = 1, per_page: int = 50) -> Page:
        """Framing terms (``FramingTerm`` fields plus ``article_label``), in order found."""
        where = _Where()
        for column, value in (("f.article", article), ("a.outlet", outlet), ("f.voice", voice)):
            if value:
                where.add(f"{column} = ?", value)

        def item(r: sqlite3.Row) -> dict[str, Any]:
            d = json.loads(r["record"])
            d["article_label"] = r["label"]
            return d

        return self._page("f.record, coalesce(a.outlet, a.name) AS label", "framing f JOIN articles a ON a.id = f.article",
                          where, "f.id", page, per_page, item)

    def timeline(self, date_from: str | None = None, date_to: str | None = None, page: int = 1,
                 per_page: int = 50) -> Page:
        """Timeline entries (``TimelineEntry`` fields) in order, dates filtered as ``published_*`` are."""
        where = _Where()
        where.published("t.date", date_from, date_to)
        return self._page("t.record", "timeline t", where, "t.id", page, per_page, lambda r: json.loads(r[0]))


    # -- for the web pages: labels, passages, aggregates -----------------------------

    def article_labels(self, ids: list[str] | set[str]) -> dict[str, str]:
        """How each article is named in lists (its outlet, else its file
        name), by id; ids of no stored article are left out."""
        ids = sorted(set(ids))
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        return dict(self.conn.execute(f"SELECT id, coalesce(outlet, name) FROM articles WHERE id IN ({marks})",
                                      ids).fetchall())

    def finding_article(self, finding_id: str) -> str | None:
        """The article a quote (``q17``) or claim (``c42``) was found in, or ``None``."""
        table = {"q": "quotes", "c": "claims"}.get(finding_id[:1])
        if table is None:
            return None
        row = self.conn.execute(f"SELECT article FROM {table} WHERE id = ?", (finding_id,)).fetchone()
        return row[0] if row else None

    def relation_report(self, kind: str | None = None) -> Report:
        """The records the dispute and agreement views group, as a partial
        ``Report`` for :func:`rashomon.report.context.build_context`: the
        relations (of one ``kind`` if given: contradicts, agrees, repeats),
        the claims they name (with the corpus stages' changes), the
        propositions those relations or claims belong to, every entity
        (without its mentions), and the articles of those claims (metadata
        only: ``text`` is empty). Quotes, reuse, framing and the timeline are
        left empty. Read in one transaction: a corpus refresh committed
        meanwhile is seen whole or not at all."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            return self._relation_report(conn, kind)
        finally:
            conn.execute("COMMIT")

    def _relation_report(self, conn: sqlite3.Connection, kind: str | None) -> Report:
        from rashomon import __version__

        rel, params = ("relations WHERE kind = ?", [kind]) if kind else ("relations", [])
        named = f"SELECT a FROM {rel} UNION SELECT b FROM {rel}"
        report = Report(generator=Generator(version=__version__))
        report.relations = [Relation.model_validate_json(r[0]) for r in
                            conn.execute(f"SELECT record FROM {rel} ORDER BY id", params)]
        report.propositions = [Proposition.model_validate_json(r[0]) for r in conn.execute(
            f"SELECT record FROM propositions WHERE id IN (SELECT proposition FROM {rel}) OR id IN "
            f"(SELECT proposition FROM proposition_claims WHERE claim IN ({named})) ORDER BY ordinal", params * 3)]
        report.claims = [R.load(Claim, r[0], r[1]) for r in conn.execute(
            "SELECT c.record, c.corpus FROM claims c JOIN articles a ON a.id = c.article "
            f"WHERE c.id IN ({named}) ORDER BY a.seq, c.ordinal", params * 2)]
        report.articles = [R.load(Article, r[0], r[1], text="") for r in conn.execute(
            f"SELECT record, corpus FROM articles WHERE id IN (SELECT DISTINCT article FROM claims WHERE id IN ({named})) "
            "ORDER BY seq", params * 2)]
        report.entities = [Entity.model_validate_json(r[0]) for r in
                           conn.execute("SELECT record FROM entities ORDER BY ordinal")]
        return report

    def reuse_passages(self, article: str | None = None, page: int = 1, per_page: int = 50) -> Page:
        """Passages shared by two articles, in order found, ``article`` on
        either side: the ``Reuse`` fields plus, per side, ``a_label`` and
        ``b_label`` (outlet, else file name) and ``a_text`` and ``b_text``
        (the passage as each article has it)."""
        where = _Where()
        if article:
            where.add("(r.a = ? OR r.b = ?)", article, article)
        cols = ("r.record, coalesce(x.outlet, x.name) AS a_label, coalesce(y.outlet, y.name) AS b_label, "
                "substr(x.text, r.a_start + 1, r.a_end - r.a_start) AS a_text, "
                "substr(y.text, r.b_start + 1, r.b_end - r.b_start) AS b_text")

        def item(r: sqlite3.Row) -> dict[str, Any]:
            d = json.loads(r["record"])
            d.update(a_label=r["a_label"], b_label=r["b_label"], a_text=r["a_text"], b_text=r["b_text"])
            return d

        return self._page(cols, "reuse r JOIN articles x ON x.id = r.a JOIN articles y ON y.id = r.b", where, "r.id",
                          page, per_page, item)

    def framing_by_outlet(self, outlet: str | None = None, voice: str | None = None, page: int = 1,
                          per_page: int = 100) -> Page:
        """Framing terms summed per outlet and voice, outlets in name order
        (unknown last), most used terms first: ``outlet`` (the outlet, else
        the article's file name), ``voice`` (``narrator``: the outlet's own
        words; ``quoted``: words of the people it quotes), ``term``,
        ``category``, ``count`` (uses) and ``articles`` (how many articles
        use it). ``outlet`` and ``voice`` filter."""
        where = _Where()
        if outlet:
            where.add("g.outlet = ?", outlet)
        if voice:
            where.add("g.voice = ?", voice)
        source = ("(SELECT coalesce(a.outlet, a.name) AS outlet, a.outlet IS NULL AS unknown, "
                  "CASE WHEN f.voice = 'narrator' THEN 'narrator' ELSE 'quoted' END AS voice, f.term, "
                  "max(f.category) AS category, sum(f.count) AS count, count(DISTINCT f.article) AS articles "
                  "FROM framing f JOIN articles a ON a.id = f.article GROUP BY 1, 2, 3, 4) g")
        return self._page("g.outlet, g.voice, g.term, g.category, g.count, g.articles", source, where,
                          "g.unknown, g.outlet, g.voice = 'quoted', g.count DESC, g.term", page, per_page, dict)


def _like(text: str) -> str:
    """``text`` for a LIKE pattern, its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

