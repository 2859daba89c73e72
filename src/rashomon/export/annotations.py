"""W3C Web Annotations (JSON-LD): quotes, claims and disputes on the article text.

The export is one ``AnnotationCollection`` (W3C Web Annotation Data Model,
https://www.w3.org/TR/annotation-model/, section 5) whose first and only
``AnnotationPage`` holds one ``Annotation`` per quote, per claim and per
dispute (whose targets are its claims, each with a ``styleClass`` naming
its side, ``side-A``, coloured by the annotation's embedded ``stylesheet``,
model 4.4). Each target is a ``SpecificResource`` with two selectors:

- a ``TextPositionSelector`` (model 4.2.5): ``start``/``end`` code-point
  offsets into rashomon's plain text of the article (``Article.text``);
- a ``TextQuoteSelector`` (model 4.2.4): the ``exact`` words with up to
  :data:`CONTEXT` characters of ``prefix`` and ``suffix``, the length the
  Hypothesis client keeps, so a reader can find the words again in a
  changed or differently extracted text.

The ``source`` is the article's URL when known, else an RFC 6920 content
name of its text (``ni:///sha-256;…``); it always carries ``schema:sha256``,
the SHA-256 of the exact text the positions count in, so a reader can tell
whether the positions still apply. :func:`anchor` finds an annotation's words
again: by position when the text there is still the ``exact`` words with
their context, else by the one place where prefix, exact and suffix occur
together; anything else is orphaned (``None``), never moved to a look-alike.

Bodies are ``TextualBody`` items with a ``purpose``: ``tagging`` (``quote``,
``claim``, ``dispute`` and the kind, modality, polarity), ``identifying`` (the
speaker or holder by name) and ``describing`` (one sentence: cue, date,
stance, the reason of a dispute). Ids are ``urn:uuid:`` UUIDs (version 5)
of what each record is (article text hash and span), stable across exports.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from rashomon.export import context_of, text_sha256, urn, write_text
from rashomon.report.labels import colour, figure, holder_name
from rashomon.types import Article, Claim, Quote, Report

CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"
#: Characters of prefix and suffix in each TextQuoteSelector (Hypothesis keeps 32).
CONTEXT = 32


def source(article: Article, sha256: str | None = None) -> dict[str, Any]:
    """The annotated resource: ``{"id": URL or ni:///sha-256;…, "type":
    "Text", "schema:sha256": hex, "language"?}``."""
    digest = sha256 or text_sha256(article.text)
    name = "ni:///sha-256;" + base64.urlsafe_b64encode(bytes.fromhex(digest)).decode("ascii").rstrip("=")
    out: dict[str, Any] = {"id": article.url or name, "type": "Text", "schema:sha256": digest}
    if not article.url:
        out["format"] = "text/plain"
    if article.language:
        out["language"] = article.language
    return out


def selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """The TextPositionSelector and TextQuoteSelector of ``text[start:end]``."""
    return [
        {"type": "TextPositionSelector", "start": start, "end": end},
        {"type": "TextQuoteSelector", "exact": text[start:end],
         "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT]},
    ]


def anchor(target: dict[str, Any], text: str) -> tuple[int, int] | None:
    """Find a target's words in ``text`` again.

    Parameters
    ----------
    target : a SpecificResource of this export (its ``selector`` list).
    text : the article text as it is now.

    Returns
    -------
    (start, end) : code-point offsets of the words in ``text``: the position
        selector's own when ``text`` still has the exact words there with
        their prefix or suffix; else the single place where prefix + exact +
        suffix occur together.
    None : orphaned: the words are gone or changed, or their context occurs
        in more than one place. An annotation is never moved to look-alike
        words with another context.
    """
    sel = {s.get("type"): s for s in target.get("selector", [])}
    quote = sel.get("TextQuoteSelector")
    if quote is None:
        return None
    exact, prefix, suffix = quote["exact"], quote.get("prefix", ""), quote.get("suffix", "")
    pos = sel.get("TextPositionSelector")
    if pos is not None:
        s, e = pos["start"], pos["end"]
        if text[s:e] == exact and (text[max(0, s - len(prefix)):s] == prefix or text[e:e + len(suffix)] == suffix):
            return s, e
    needle = prefix + exact + suffix
    first = text.find(needle)
    if first < 0 or text.find(needle, first + 1) >= 0:
        return None
    return first + len(prefix), first + len(prefix) + len(exact)


def _body(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


class _Builder:
    def __init__(self, report: Report) -> None:
        self.arts = {a.id: a for a in report.articles}
        self.sha = {a.id: text_sha256(a.text) for a in report.articles}
        self.sources = {a.id: source(a, self.sha[a.id]) for a in report.articles}
        self.names = {e.id: e.name for e in report.entities}
        self.claims = {c.id: c for c in report.claims}
        self.generator = {"type": "Software", "name": f"{report.generator.name} {report.generator.version}"}
        self.seen: dict[str, int] = {}

    def target(self, rec: Quote | Claim, **extra: Any) -> dict[str, Any]:
        return {"type": "SpecificResource", "source": self.sources[rec.article],
                "selector": selectors(self.arts[rec.article].text, rec.start, rec.end), **extra}

    def annotation(self, key: tuple, motivation: str, bodies: list[dict], target: Any) -> dict[str, Any]:
        aid = urn(*key)
        n = self.seen[aid] = self.seen.get(aid, 0) + 1
        if n > 1:  # two records of one kind on one span: the later ones are numbered
            aid = urn(*key, n)
        return {"id": aid, "type": "Annotation", "motivation": motivation,
                "generator": self.generator, "body": bodies, "target": target}

    def quote(self, q: Quote) -> dict[str, Any]:
        who = self.names.get(q.speaker or "", None) or "unresolved speaker"
        relay = self.names.get(q.relayed_by or "", None) or q.relayed_by_text
        said = "; ".join(x for x in (
            f"written as {q.speaker_text!r}" if q.speaker_text and q.speaker_text != who else "",
            f"cue: {q.cue}" if q.cue else "", f"said on {q.date}" if q.date else "",
            f"relayed by {relay}" if relay else "") if x)
        return self.annotation(("quote", self.sha[q.article], q.start, q.end), "identifying", [
            _body("quote", "tagging"), _body(q.kind, "tagging"), _body(who, "identifying"),
            _body(f"{q.kind.capitalize()} quote by {who}" + (f" ({said})" if said else "") + ".", "describing"),
        ], self.target(q))

    def claim(self, c: Claim) -> dict[str, Any]:
        holder = holder_name(self.names.get(c.speaker, c.speaker) if c.speaker else None, c.holder_text)
        extra = "; ".join(x for x in (
            f"hedges: {', '.join(c.hedges)}" if c.hedges else "",
            f"figures: {', '.join(figure(q) for q in c.quantities)}" if c.quantities else "",
            f"time: {c.time.start}" + (f" to {c.time.end}" if c.time.end != c.time.start else "") if c.time else "")
            if x)
        return self.annotation(("claim", self.sha[c.article], c.start, c.end), "classifying", [
            _body("claim", "tagging"), _body(c.modality, "tagging"), _body(c.polarity, "tagging"),
            _body(holder, "identifying"),
            _body(f"Claim held by {holder}: {c.modality}, {c.polarity}" + (f"; {extra}" if extra else "") + ".",
                  "describing"),
        ], self.target(c))

    def dispute(self, d: dict[str, Any]) -> dict[str, Any]:
        targets, keys = [], []
        for side in d["sides"]:
            for view in side["claims"]:
                c = self.claims[view["id"]]
                keys.append(f"{self.sha[c.article]}:{c.start}:{c.end}")
                targets.append(self.target(c, styleClass=f"side-{side['letter']}"))
        sides = "; ".join(f"side {s['letter']}: {', '.join(s['speakers'])} (in {', '.join(s['sources'])})"
                          for s in d["sides"])
        reasons = "; ".join(r["reason"] for r in d["reasons"])
        css = " ".join(f".side-{s['letter']} {{ background-color: {colour('side-' + s['letter'])} }}" for s in d["sides"])
        return {**self.annotation(("dispute", d["label"], *sorted(keys)), "linking", [
            _body("dispute", "tagging"), _body(d["label"], "tagging"),
            _body(f"Dispute over {d['label']}: {sides}. Reasons: {reasons}.", "describing"),
        ], targets), "stylesheet": {"type": "CssStylesheet", "value": css}}


def collection(report: Report, context: dict[str, Any]) -> dict[str, Any]:
    """The report's quotes, claims and disputes as one AnnotationCollection.

    Parameters
    ----------
    report : the analysed corpus.
    context : its display context (:func:`rashomon.report.context.build_context`);
        the disputes, with their sides, are read from it.

    Returns
    -------
    dict : JSON-LD, ``{"@context", "id", "type": "AnnotationCollection",
        "label", "total", "first": {"id", "type": "AnnotationPage",
        "startIndex": 0, "items": [...]}}``; items are quotes, then claims,
        then disputes, in report order. A dispute has one target per claim,
        whose ``styleClass`` names its side (``side-A``).
    """
    b = _Builder(report)
    items = [b.quote(q) for q in report.quotes if q.article in b.arts]
    items += [b.claim(c) for c in report.claims if c.article in b.arts]
    items += [b.dispute(d) for d in context["disputes"]]
    cid = urn("collection", *sorted(b.sha.values()))
    return {
        "@context": CONTEXT_IRI, "id": cid, "type": "AnnotationCollection",
        "label": f"rashomon: quotes, claims and disputes in {len(report.articles)} articles",
        "total": len(items),
        "first": {"id": urn("page", cid, 0), "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def reanchor(coll: dict[str, Any], texts: dict[str, str]) -> dict[str, list[tuple[int, int] | None]]:
    """:func:`anchor` every target of a collection against current texts.

    Parameters
    ----------
    coll : a collection as :func:`collection` returns (or as read back from the file).
    texts : the current text of each source, keyed by the source's ``id``.

    Returns
    -------
    dict : annotation id → one ``(start, end)`` or ``None`` (orphaned) per
        target, in target order; a target whose source is not in ``texts`` is
        orphaned.
    """
    out = {}
    for item in coll["first"]["items"]:
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        out[item["id"]] = [anchor(t, texts[t["source"]["id"]]) if t["source"]["id"] in texts else None
                           for t in targets]
    return out


def write(report: Report, out: Path, context: dict[str, Any] | None = None) -> list[Path]:
    """Write the AnnotationCollection (JSON-LD, UTF-8, one line: Python's fast encoder) to ``out``."""
    return [write_text(out, json.dumps(collection(report, context_of(report, context)), ensure_ascii=False) + "\n")]
