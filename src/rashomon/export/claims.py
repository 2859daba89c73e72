"""schema.org ``Claim`` items as JSON-LD (https://schema.org/Claim).

One ``Claim`` per claim of the report, except that claims joined by a
``repeats`` relation (the same words from the same original speaker, relayed
by several articles) are one ``Claim`` that appears in several places. Each
item (the mapping lives in :func:`claim_item`):

- ``text``: the claim's words, from its earliest appearance;
- ``author``: the holder, a ``Person`` (entity label PERSON), an
  ``Organization`` (ORG, GPE, NORP, GROUP) or a ``Thing`` named by its
  description (an unnamed source such as "senior officials": no type is
  guessed); for the narrator's own voice, the article's outlet when all
  appearances share one known outlet, else no author;
- ``appearance``: one ``CreativeWork`` per article that carries the words
  (the repeats, and the other side of every text-reuse passage that covers a
  claim), with ``url``, ``headline``, ``datePublished``, ``inLanguage`` and
  ``publisher`` where known;
- ``firstAppearance``: where several appearances show the words travelled,
  the one published strictly first; omitted when any date is unknown or two
  tie (never guessed);
- ``identifier``: rashomon's claim ids in this report (``c7``).

rashomon reports who holds a claim; it never rates one, so no
``ClaimReview`` and no ``reviewRating`` is ever written.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rashomon.export import text_sha256, urn, write_text
from rashomon.types import Article, Claim, Entity, Report

CONTEXT = "https://schema.org"
#: schema.org type of a holder by its entity label; others are ``Thing``.
AUTHOR_TYPE = {"PERSON": "Person", "ORG": "Organization", "GPE": "Organization", "NORP": "Organization",
               "GROUP": "Organization"}


def _groups(report: Report) -> list[list[Claim]]:
    """Claims joined by ``repeats`` relations (union-find), in report order."""
    parent = {c.id: c.id for c in report.claims}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in report.relations:
        if r.kind == "repeats" and r.a in parent and r.b in parent:
            parent[root(r.a)] = root(r.b)
    groups: dict[str, list[Claim]] = {}
    for c in report.claims:
        groups.setdefault(root(c.id), []).append(c)
    return list(groups.values())


def _reused_in(report: Report) -> dict[str, set[str]]:
    """Claim id → ids of the other articles of every reuse passage that covers the claim's span."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for u in report.reuse:
        by_article.setdefault(u.a, []).append((u.a_start, u.a_end, u.b))
        by_article.setdefault(u.b, []).append((u.b_start, u.b_end, u.a))
    out: dict[str, set[str]] = {}
    for c in report.claims:
        others = {other for s, e, other in by_article.get(c.article, ()) if s <= c.start and c.end <= e}
        if others:
            out[c.id] = others
    return out


def appearance(a: Article) -> dict[str, Any]:
    """An article as a schema.org ``CreativeWork`` (unknown fields left out)."""
    item: dict[str, Any] = {"@type": "CreativeWork"}
    for key, value in (("url", a.url), ("headline", a.title), ("datePublished", a.published),
                       ("inLanguage", a.language)):
        if value:
            item[key] = value
    if a.outlet:
        item["publisher"] = {"@type": "Organization", "name": a.outlet}
    if not a.url:
        item["identifier"] = a.name
    return item


def _author(claims: list[Claim], ents: dict[str, Entity], arts: dict[str, Article]) -> dict[str, Any] | None:
    speaker = next((c.speaker for c in claims if c.speaker), None)
    if speaker:
        e = ents.get(speaker)
        name = e.name if e else speaker
        return {"@type": AUTHOR_TYPE.get((e.type or "").upper() if e else "", "Thing"), "name": name}
    outlets = {arts[c.article].outlet for c in claims}
    if len(outlets) == 1 and None not in outlets:
        return {"@type": "Organization", "name": outlets.pop()}
    return None


def _before(x: str, y: str) -> bool:
    """ISO date ``x`` ends before ``y`` begins, at the precision both share
    (``"2023-08"`` is before ``"2023-09-21"``; ``"2023-09"`` is not before
    ``"2023-09-21"``: the month holds that day)."""
    n = min(len(x), len(y))
    return x[:n] < y[:n]


def claim_item(claims: list[Claim], ents: dict[str, Entity], arts: dict[str, Article], sha: dict[str, str],
               reused: dict[str, set[str]]) -> dict[str, Any]:
    """One schema.org ``Claim`` for ``claims`` (one claim, or several joined by
    ``repeats``), given the report's entities and articles by id, each
    article's text SHA-256 and :func:`_reused_in`."""
    where = list(dict.fromkeys([c.article for c in claims] + sorted(x for c in claims for x in reused.get(c.id, ()))))
    where = [a for a in where if a in arts]

    def when(aid: str) -> tuple:
        pub = arts[aid].published
        return (pub is None, pub or "", aid)

    first = min(claims, key=lambda c: (*when(c.article), c.start))
    item: dict[str, Any] = {
        "@type": "Claim",
        "@id": urn("claim", *sorted(f"{sha[c.article]}:{c.start}:{c.end}" for c in claims)),
        "identifier": [c.id for c in claims] if len(claims) > 1 else claims[0].id,
        "text": first.text,
    }
    author = _author(claims, ents, arts)
    if author:
        item["author"] = author
    item["appearance"] = [appearance(arts[a]) for a in where]
    dates = sorted((arts[a].published, a) for a in where if arts[a].published)
    if len(where) > 1 and len(dates) == len(where) and all(_before(dates[0][0], d) for d, _ in dates[1:]):
        item["firstAppearance"] = appearance(arts[dates[0][1]])
    return item


def document(report: Report) -> dict[str, Any]:
    """The report's claims as one JSON-LD document.

    Returns
    -------
    dict : ``{"@context": "https://schema.org", "@graph": [Claim, ...]}``, one
        item per claim or per group of repeated claims, in report order (see
        the module docstring for each field).
    """
    arts = {a.id: a for a in report.articles}
    ents = {e.id: e for e in report.entities}
    sha = {a.id: text_sha256(a.text) for a in report.articles}
    reused = _reused_in(report)
    graph = [claim_item([c for c in g if c.article in arts], ents, arts, sha, reused)
             for g in _groups(report) if any(c.article in arts for c in g)]
    return {"@context": CONTEXT, "@graph": graph}


def write(report: Report, out: Path, context: dict[str, Any] | None = None) -> list[Path]:
    """Write the claims JSON-LD (UTF-8, one line) to ``out``."""
    return [write_text(out, json.dumps(document(report), ensure_ascii=False) + "\n")]
