"""FollowTheMoney entities (JSON lines) for Aleph/OpenAleph and the ``ftm`` tool.

Every value is cleaned by its property type in the ``followthemoney``
package's own model (dates, languages, entity references): through entity
proxies (``model.make_entity``), or, for the records that make up the bulk of
a large corpus (mentions, notes, claim links), by the property's type
directly, written as the dict a proxy writes. The file is what ``ftm validate`` and
``ftm aggregate`` read. The schema of each record (FtM 4 model,
https://followthemoney.tech/explorer/):

=========================== ================================================
rashomon record             FtM entity
=========================== ================================================
article                     ``Article``: title, publisher (outlet),
                            publishedAt, sourceUrl, fileName, language,
                            contentHash (SHA-1 of the text), bodyText
entity                      by its label (:data:`SCHEMA_OF_LABEL`): ``Person``,
                            ``Organization``, ``Address`` (GPE, LOC, FAC),
                            ``Event``; ``LegalEntity`` when the label says no
                            more (NORP, GROUP, UNNAMED, none); every variant
                            in ``alias``, the articles that name it in ``proof``
entity in an article        ``Mention``: document, name (the forms that
                            article uses), detectedSchema, and ``resolved``
                            when the entity is a legal entity (FtM's range)
quote                       ``Note`` on the speaker (``entity``) with the
                            article as ``proof``; keywords ``quote`` + kind
claim                       ``Note`` on its holder (none for the narrator's
                            own voice); keywords ``claim``, modality, polarity
relation of two claims      ``UnknownLink`` between the two claim notes, role
                            ``contradicts``/``agrees``/``repeats``, the reason
                            as description
text reuse                  ``UnknownLink`` between the two articles, role
                            ``text reuse``, the shared passage as description
timeline entry              ``Event``: name, date/startDate/endDate, the
                            articles as ``proof``
=========================== ================================================

FtM has no quote or claim schema; a ``Note`` ("an annotation that applies to
a document or entity") on the speaker is the nearest. Ids are stable: each
is the SHA-1 of ``rashomon``, the schema and what the record is, never of rashomon's
per-run ids (``a0``, ``e4``): an article by the SHA-1 of its text, an entity
by its schema and name, a quote or claim by its article and character span
(a second record with the same key is numbered);
exporting the same corpus twice gives the same ids, so ``ftm aggregate``
merges the two files instead of doubling them.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from rashomon.export import require, write_text
from rashomon.report.labels import figure, holder_name
from rashomon.types import Article, Claim, Entity, Quote, Report

#: FtM schema of each entity label (spaCy/OntoNotes labels and rashomon's own).
#: Labels not listed become ``LegalEntity`` ("often used when raw data does
#: not specify if something is a person, organization or company", FtM
#: model); labels in :data:`NOT_EXPORTED` have no FtM counterpart.
SCHEMA_OF_LABEL = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Address",
    "LOC": "Address",
    "FAC": "Address",
    "EVENT": "Event",
}
#: Labels of things that are neither actors nor places (a law, a product, a
#: work, a language): they get a ``Mention`` with their forms but no entity.
NOT_EXPORTED = frozenset({"LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE", "DATE", "TIME", "PERCENT",
                          "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
ID_PREFIX = "rashomon"


def schema_of(entity: Entity) -> str | None:
    """The FtM schema name for ``entity``; ``None`` for labels in :data:`NOT_EXPORTED`."""
    label = (entity.type or "").upper()
    if label in NOT_EXPORTED:
        return None
    return SCHEMA_OF_LABEL.get(label, "LegalEntity")


class _Builder:
    """Makes the proxies of one report; keeps the id of each rashomon record."""

    def __init__(self, report: Report) -> None:
        self.model = require("followthemoney", "ftm").model
        self.report = report
        self.names = {e.id: e.name for e in report.entities}
        self.article_ids: dict[str, str] = {}
        self.entity_ids: dict[str, str] = {}
        self.note_ids: dict[str, str] = {}
        self.cleaned: dict[tuple[str, str, str | None], str | None] = {}
        self.types: dict[tuple[str, str], Any] = {}
        self.seen: dict[str, int] = {}
        self.out: list[Any] = []

    def make_id(self, schema: str, *key: Any) -> str:
        """The SHA-1 (hex) of ``rashomon``, the schema and ``key``; a key met
        again (two claims on one span) is numbered, so no two records share an id."""
        eid = hashlib.sha1("\x1f".join((ID_PREFIX, schema, *map(str, key))).encode("utf-8")).hexdigest()
        n = self.seen[eid] = self.seen.get(eid, 0) + 1
        return eid if n == 1 else self.make_id(schema, *key, n)

    def record(self, schema: str, key: tuple, props: dict[str, list[str | None]]) -> str:
        """Write an entity as the dict ``EntityProxy.to_dict`` makes (no proxy:
        notes, mentions and links are the bulk of a large corpus); returns its id.

        ``props`` maps each property to values already clean (ids made here,
        values through :meth:`clean` or :meth:`fresh`); ``None`` is dropped and
        a repeated value kept once, as ``EntityProxy.add`` does. The tests
        re-clean every line with ``model.get_proxy(..., cleaned=False)``.
        """
        eid = self.make_id(schema, *key)
        values = {k: list(dict.fromkeys(v for v in vs if v is not None)) for k, vs in props.items()}
        self.out.append({"id": eid, "schema": schema, "properties": {k: v for k, v in values.items() if v}})
        return eid

    def make(self, schema: str, *key: Any) -> Any:
        """A new proxy, its id made by :meth:`make_id`."""
        proxy = self.model.make_entity(schema)
        proxy.id = self.make_id(schema, *key)
        self.out.append(proxy)
        return proxy

    def clean(self, schema: str, prop: str, value: str | None) -> str | None:
        """``value`` cleaned by the FtM type of ``schema``'s ``prop``, once per distinct value."""
        key = (schema, prop, value)
        if key not in self.cleaned:
            self.cleaned[key] = self.fresh(schema, prop, value)
        return self.cleaned[key]

    def fresh(self, schema: str, prop: str, value: str | None) -> str | None:
        """``value`` cleaned by the FtM type of ``schema``'s ``prop`` (a value met
        once, such as a quote's text: not remembered)."""
        key = (schema, prop)
        kind = self.types.get(key)
        if kind is None:
            kind = self.types[key] = self.model.get(schema).properties[prop].type
        return kind.clean(value)

    def ref(self, proxy: Any, prop: str, ids: str | list[str] | None) -> None:
        """Add entity ids (made by :meth:`make`, so already clean) to ``prop``."""
        proxy.add(prop, ids, cleaned=True)

    def text(self, proxy: Any, prop: str, value: str | None) -> None:
        """Add a value that recurs (a keyword, a schema name) cleaned once (:meth:`clean`)."""
        proxy.add(prop, self.clean(proxy.schema.name, prop, value), cleaned=True)

    def article(self, a: Article) -> None:
        sha1 = hashlib.sha1(a.text.encode("utf-8")).hexdigest()
        p = self.make("Article", sha1)
        self.article_ids[a.id] = p.id
        p.add("title", a.title)
        p.add("publisher", a.outlet)
        p.add("publishedAt", a.published)
        p.add("sourceUrl", a.url)
        p.add("fileName", a.name)
        p.add("language", a.language)
        p.add("contentHash", sha1)
        p.add("mimeType", "text/plain")
        p.add("bodyText", a.text)

    def entities(self) -> None:
        for e in self.report.entities:
            schema = schema_of(e)
            if schema is None:
                continue
            p = self.make(schema, e.name)  # a namesake kept apart is numbered (see make_id)
            self.entity_ids[e.id] = p.id
            p.add("name", e.name)
            if schema == "Address":
                p.add("full", e.name)
            p.add("alias", [a for a in e.aliases if a != e.name])
            if schema == "Person":  # a person's role has its own property; other roles go in the description
                p.add("position", e.role)
            about = (("role", None if schema == "Person" else e.role), ("affiliation", e.affiliation))
            p.add("description", "; ".join(f"{k}: {v}" for k, v in about if v) or None)
            self.ref(p, "proof", [self.article_ids[x] for x in dict.fromkeys(m.article for m in e.mentions)
                                  if x in self.article_ids])

    def mentions(self) -> None:
        legal = self.model.get("LegalEntity")
        resolved = {s for s in {*SCHEMA_OF_LABEL.values(), "LegalEntity"} if self.model.get(s).is_a(legal)}
        for e in self.report.entities:
            forms: dict[str, list[str]] = defaultdict(list)
            for m in e.mentions:
                if m.text not in forms[m.article]:
                    forms[m.article].append(m.text)
            schema = schema_of(e)
            for aid, texts in forms.items():
                if aid not in self.article_ids:
                    continue
                self.record("Mention", (self.article_ids[aid], self.entity_ids.get(e.id, e.name), e.type or ""), {
                    "document": [self.article_ids[aid]],
                    "name": [self.clean("Mention", "name", t) for t in texts],
                    "detectedSchema": [self.clean("Mention", "detectedSchema", schema)],
                    "resolved": [self.entity_ids[e.id] if schema in resolved else None]})

    def _note(self, kind: str, rec: Quote | Claim, summary: str, keywords: list[str]) -> None:
        aid = self.article_ids.get(rec.article)
        self.note_ids[rec.id] = self.record("Note", (kind, aid or rec.article, rec.start, rec.end), {
            "description": [self.fresh("Note", "description", rec.text)],
            "summary": [self.fresh("Note", "summary", summary)],
            "keywords": [self.clean("Note", "keywords", word) for word in keywords],
            "proof": [aid], "entity": [self.entity_ids.get(rec.speaker or "")]})

    def speaker(self, sid: str | None, written: str | None) -> str:
        if sid:
            return self.names.get(sid, sid)
        return f"an unresolved speaker ({written})" if written else "an unresolved speaker"

    def quotes(self) -> None:
        for q in self.report.quotes:
            bits = [f"cue: {q.cue}" if q.cue else "", f"said on {q.date}" if q.date else "",
                    f"relayed by {self.names.get(q.relayed_by or '', None) or q.relayed_by_text}"
                    if (q.relayed_by or q.relayed_by_text) else "",
                    f"characters {q.start}-{q.end} of the article text"]
            self._note("quote", q, f"{q.kind} quote by {self.speaker(q.speaker, q.speaker_text)}; "
                       + "; ".join(b for b in bits if b), ["quote", q.kind])

    def claims(self) -> None:
        for c in self.report.claims:
            holder = holder_name(self.names.get(c.speaker, c.speaker) if c.speaker else None, c.holder_text)
            bits = [f"hedges: {', '.join(c.hedges)}" if c.hedges else "",
                    f"figures: {', '.join(figure(q) for q in c.quantities)}" if c.quantities else "",
                    f"time: {c.time.start}" + (f" to {c.time.end}" if c.time.end != c.time.start else "") if c.time else "",
                    f"places: {', '.join(self.names.get(x, x) for x in c.places)}" if c.places else "",
                    f"characters {c.start}-{c.end} of the article text"]
            self._note("claim", c, f"{c.modality}, {c.polarity} claim held by {holder}; "
                       + "; ".join(b for b in bits if b), ["claim", c.modality, c.polarity])

    def links(self) -> None:
        for r in self.report.relations:
            if r.a not in self.note_ids or r.b not in self.note_ids:
                continue
            a, b = self.note_ids[r.a], self.note_ids[r.b]
            summary = None if r.kind != "agrees" else "independent sources" if r.independent else \
                "not independent: the claims trace to one speaker"
            self.record("UnknownLink", (r.kind, a, b), {
                "subject": [a], "object": [b], "role": [self.clean("UnknownLink", "role", r.kind)],
                "description": [self.clean("UnknownLink", "description", r.reason)],
                "summary": [self.clean("UnknownLink", "summary", summary)]})
        arts = {a.id: a for a in self.report.articles}
        for u in self.report.reuse:
            if u.a not in self.article_ids or u.b not in self.article_ids:
                continue
            a, b = self.article_ids[u.a], self.article_ids[u.b]
            p = self.make("UnknownLink", "reuse", a, u.a_start, u.a_end, b, u.b_start, u.b_end)
            self.ref(p, "subject", a)
            self.ref(p, "object", b)
            self.text(p, "role", "text reuse")
            p.add("description", arts[u.a].text[u.a_start:u.a_end])
            p.add("summary", f"characters {u.a_start}-{u.a_end} of the first article and {u.b_start}-{u.b_end} "
                             f"of the second; similarity {u.similarity:g}")

    def timeline(self) -> None:
        for t in self.report.timeline:
            p = self.make("Event", "timeline", t.date, t.end or "", t.label)
            p.add("name", t.label)
            p.add("date", t.date)
            p.add("startDate", t.date)
            p.add("endDate", t.end)
            self.ref(p, "proof", [self.article_ids[x] for x in t.articles if x in self.article_ids])
            p.add("description", "; ".join(f"{k}: {v}" for k, v in (("conflict", t.conflict), ("period", t.period)) if v)
                  or None)


def entities(report: Report) -> list[dict[str, Any]]:
    """The FtM entities of ``report``, in the order articles, entities,
    mentions, quote notes, claim notes, links, timeline events.

    Returns
    -------
    list[dict] : ``{"id", "schema", "properties"}``, each a line of the
        export: articles, entities, reuse links and timeline events made as
        FtM entity proxies (``EntityProxy.to_dict()``); mentions, notes and
        the links of claim relations (the bulk of a large corpus) written as
        such dicts directly, every value cleaned by its FtM property type.

    Raises
    ------
    MissingExtraError : ``followthemoney`` is not installed.
    """
    b = _Builder(report)
    for a in report.articles:
        b.article(a)
    b.entities()
    b.mentions()
    b.quotes()
    b.claims()
    b.links()
    b.timeline()
    return [x if isinstance(x, dict) else x.to_dict() for x in b.out]


def write(report: Report, out: Path, context: dict[str, Any] | None = None) -> list[Path]:
    """Write ``report`` as FtM JSON lines (one entity a line, UTF-8) to ``out``."""
    lines = (json.dumps(d, ensure_ascii=False, sort_keys=True) for d in entities(report))
    return [write_text(out, "".join(line + "\n" for line in lines))]
