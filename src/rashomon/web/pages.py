"""The reading pages: one context function per page (see :func:`rashomon.web.app.view`).

Each function takes the page's query parameters, reads the workspace through
the store's paginated queries (:mod:`rashomon.store.queries`) or, for
disputes, agreements and repeats, through the report context
(:meth:`rashomon.web.app.Web.relation_context`), and returns plain JSON
values: the JSON twin returns exactly that, the template renders it.
Lists are pages (``items``, ``total``, ``page``, ``per_page``, ``pages``);
filters left empty are ``None``.
"""
from __future__ import annotations

import re
from typing import Any, Optional, get_args

from fastapi import Depends, FastAPI, Query
from fastapi.responses import RedirectResponse
from starlette.exceptions import HTTPException

from rashomon.store.queries import MAX_PER_PAGE, Page
from rashomon.types import Modality, QuoteKind
from rashomon.web.app import GROUPS, READ, Web, get_web, view
from rashomon.web.params import iso_date, opt, page_no, published, text

QUOTE_KINDS = get_args(QuoteKind)
MODALITIES = get_args(Modality)
_KIND = "^(" + "|".join(GROUPS) + ")$"
"""A relation kind parameter: contradicts, agrees or repeats."""
_ID = r"^[a-z]{1,2}\d{1,9}$"


def _per_page(n: int) -> int:
    return max(1, min(MAX_PER_PAGE, n))


def _choices(web: Web, speaker: Optional[str]) -> dict[str, list]:
    """What the outlet and speaker filters offer: ``outlets`` (names),
    ``speakers`` (``{"id", "name"}``, the 200 most quoted and the one chosen)."""
    return {"outlets": outlet_names(web), "speakers": _speaker_options(web, speaker)}


def _speaker_options(web: Web, selected: Optional[str]) -> list[dict[str, Any]]:
    """The 200 most quoted speakers (a copy of the memo), and the one ``selected``."""
    options = list(web.memo("speaker options", lambda: [{"id": s["id"], "name": s["name"]}
                                                        for s in web.store.speakers(per_page=200).items]))
    if selected and selected != "narrator" and all(o["id"] != selected for o in options):
        entity = web.store.entity(selected)
        options.append({"id": selected, "name": entity["name"] if entity else selected})
    return options


def outlet_names(web: Web) -> list[str]:
    """The outlets of the workspace's articles, most articles first (unknown left out)."""
    return [o["outlet"] for o in web.store.outlets() if o["outlet"]]


def _claims_of(group: dict[str, Any]) -> list[dict[str, Any]]:
    """Every claim view of a dispute, agreement or repeat group."""
    found = [c for side in group.get("sides") or [] for c in side.get("claims") or []]
    if isinstance(group.get("claims"), list):
        found += group["claims"]
    return found


def _matches(group: dict[str, Any], q: Optional[str], speaker: Optional[str], outlet: Optional[str],
             proposition: Optional[str]) -> bool:
    claims = _claims_of(group)
    if proposition and group.get("proposition") != proposition:
        return False
    if speaker and not any(c.get("speaker_id") == speaker for c in claims):
        return False
    if outlet and not any(c.get("source") == outlet for c in claims):
        return False
    if q:
        words = q.casefold()
        if words not in str(group.get("label", "")).casefold() and not any(words in str(c.get("text", "")).casefold()
                                                                        for c in claims):
            return False
    return True


def _listed(items: list[dict[str, Any]], page_no: int, per_page: int) -> dict[str, Any]:
    per_page = _per_page(per_page)
    start = (page_no - 1) * per_page
    return Page(items[start:start + per_page], len(items), page_no, per_page).as_dict()


def register(app: FastAPI) -> None:
    """Add the reading pages and their JSON twins to ``app``."""

    @view(app, "/", "index.html")
    def index(web: Web = Depends(get_web)) -> dict[str, Any]:
        """The story at a glance: counts, outlets, the first disputes, the
        most quoted speakers with their first quotes, the latest adds."""
        store = web.store
        disputes = web.relation_context("contradicts")["groups"]
        speakers = store.speakers(per_page=6).items
        for s in speakers:
            s["first_quotes"] = store.quotes(speaker=s["id"], per_page=2).items
        outlets = store.outlets()
        return {
            "counts": store.counts(),
            "outlets": outlets[:12], "outlet_total": len(outlets),
            "disputes": [{"n": i, "label": d.get("label"), "claims": d.get("claims"),
                          "sides": [{k: side.get(k) for k in ("letter", "speakers", "sources")} for side in d.get("sides", [])]}
                         for i, d in enumerate(disputes[:5])],
            "dispute_total": len(disputes),
            "speakers": speakers,
            "quotes": store.quotes(per_page=5).items,
            "jobs": [j.as_dict() for j in web.jobs.recent(3)],
        }

    @view(app, "/speakers", "speakers.html")
    def speakers(web: Web = Depends(get_web), q: Optional[str] = text(), page: int = page_no(),
                 per_page: int = Query(20, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Who said what: speakers, most quoted first, each with their first
        quotes (``q`` filters on the name)."""
        result = web.store.speakers(q=opt(q), page=page, per_page=per_page)
        for s in result.items:
            s["first_quotes"] = web.store.quotes(speaker=s["id"], per_page=3).items
        return {"speakers": result.as_dict(), "filters": {"q": opt(q)}}

    @view(app, "/quotes", "quotes.html")
    def quotes(web: Web = Depends(get_web), q: Optional[str] = text(), outlet: Optional[str] = text(),
               speaker: Optional[str] = text(), kind: Optional[str] = text(), published_from: Optional[str] = text(),
               published_to: Optional[str] = text(), page: int = page_no(),
               per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Every quote, filtered by words (full text), outlet, speaker, kind
        and publication date; best match first when searching."""
        filters = {"q": opt(q), "outlet": opt(outlet), "speaker": opt(speaker), "kind": opt(kind),
                   **published(published_from, published_to)}
        result = web.store.quotes(**filters, page=page, per_page=per_page)
        return {"quotes": result.as_dict(), "filters": filters, **_choices(web, filters["speaker"]),
                "kinds": list(QUOTE_KINDS)}

    @view(app, "/claims", "claims.html")
    def claims(web: Web = Depends(get_web), q: Optional[str] = text(), outlet: Optional[str] = text(),
               speaker: Optional[str] = text(), modality: Optional[str] = text(), polarity: Optional[str] = text(),
               proposition: Optional[str] = text(), published_from: Optional[str] = text(),
               published_to: Optional[str] = text(), page: int = page_no(),
               per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Every claim, filtered by words, outlet, holder (``narrator`` for
        the outlets' own voice), modality, polarity, proposition and date."""
        filters = {"q": opt(q), "outlet": opt(outlet), "speaker": opt(speaker), "modality": opt(modality),
                   "polarity": opt(polarity), "proposition": opt(proposition), **published(published_from, published_to)}
        result = web.store.claims(**filters, page=page, per_page=per_page)
        return {"claims": result.as_dict(), "filters": filters, **_choices(web, filters["speaker"]),
                "modalities": list(MODALITIES)}

    @view(app, "/disputes", "disputes.html")
    def disputes(web: Web = Depends(get_web),
                 kind: str = Query("contradicts", pattern=_KIND),
                 q: Optional[str] = text(), speaker: Optional[str] = text(), outlet: Optional[str] = text(),
                 proposition: Optional[str] = text(), page: int = page_no(),
                 per_page: int = Query(20, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Disputes by proposition, with their sides and reasons (``kind``
        ``agrees`` and ``repeats`` list agreements and repeats the same way),
        as the report context groups them; each group keeps ``n``, its place
        in the whole list (its own page, ``/disputes/n``, lists its pairs one
        by one: here only ``pair_count``)."""
        ctx = web.relation_context(kind)
        filters = {"q": opt(q), "speaker": opt(speaker), "outlet": opt(outlet), "proposition": opt(proposition)}
        chosen = [{"n": i, **{k: v for k, v in g.items() if k != "pairs"}, "pair_count": len(g.get("pairs") or [])}
                  for i, g in enumerate(ctx["groups"]) if _matches(g, **filters)]
        counts = web.store.counts()
        return {"kind": kind, "groups": _listed(chosen, page, per_page), "filters": filters,
                "pairs": {"contradicts": counts["contradictions"], "agrees": counts["agreements"],
                          "repeats": counts["repeats"]},
                "narrator": ctx["narrator"], **_choices(web, filters["speaker"])}

    @view(app, "/disputes/{n}", "dispute.html")
    def dispute(n: int, web: Web = Depends(get_web),
                kind: str = Query("contradicts", pattern=_KIND)) -> dict[str, Any]:
        """One dispute (or agreement, or repeat) with every side, reason and
        pair, each claim linked to its passage."""
        ctx = web.relation_context(kind)
        groups = ctx["groups"]
        if not 0 <= n < len(groups):
            raise HTTPException(404)
        return {"kind": kind, "n": n, "group": groups[n], "narrator": ctx["narrator"]}

    @view(app, "/articles/{article_id}", "article.html")
    def article(article_id: str, web: Web = Depends(get_web)) -> dict[str, Any]:
        """One article: its metadata, its text with every quote, claim, name
        and date marked (anchors ``#q17``, ``#c42``), and the relations its
        claims take part in."""
        found = web.store.article(article_id) if re.match(_ID, article_id) else None
        if found is None:
            raise HTTPException(404, f"There is no article {article_id} in this workspace.")
        out = {k: [r.model_dump(mode="json") for r in v] if isinstance(v, list) else v for k, v in found.items()}
        out["article"] = found["article"].model_dump(mode="json")
        out["label"] = out["article"]["outlet"] or out["article"]["name"]
        out["relations"] = web.store.relations(article=article_id, per_page=MAX_PER_PAGE).as_dict()
        return out

    @app.api_route("/articles", methods=READ, include_in_schema=False)
    def articles() -> RedirectResponse:
        return RedirectResponse("/sources", status_code=303)

    @app.api_route("/go/{finding}", methods=READ, include_in_schema=False)
    def go(finding: str, web: Web = Depends(get_web)) -> RedirectResponse:
        """A quote or claim id → its passage in its article's page."""
        article_id = web.store.finding_article(finding) if re.match(_ID, finding) else None
        if article_id is None:
            raise HTTPException(404, f"There is no quote or claim {finding} in this workspace.")
        return RedirectResponse(f"/articles/{article_id}#{finding}", status_code=303)

    @view(app, "/entities", "entities.html")
    def entities(web: Web = Depends(get_web), q: Optional[str] = text(), type: Optional[str] = text(),  # noqa: A002
                 page: int = page_no(), per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Every person, organisation and place named, most mentioned first."""
        filters = {"q": opt(q), "type": opt(type)}
        return {"entities": web.store.entities(**filters, page=page, per_page=per_page).as_dict(), "filters": filters}

    @view(app, "/entities/{entity_id}", "entity.html")
    def entity(entity_id: str, web: Web = Depends(get_web), qpage: int = page_no(), cpage: int = page_no()) -> dict[str, Any]:
        """One entity: its names, the articles naming it, its quotes and
        claims (paged apart: ``qpage``, ``cpage``) and its disputes."""
        found = web.store.entity(entity_id) if re.match(_ID, entity_id) else None
        if found is None:
            raise HTTPException(404, f"There is no entity {entity_id} in this workspace.")
        return {"entity": found,
                "quotes": web.store.quotes(speaker=entity_id, page=qpage, per_page=20).as_dict(),
                "claims": web.store.claims(speaker=entity_id, page=cpage, per_page=20).as_dict(),
                "relations": web.store.relations(speaker=entity_id, kind="contradicts", per_page=50).as_dict()}

    @view(app, "/reuse", "reuse.html")
    def reuse(web: Web = Depends(get_web), article: Optional[str] = text(), page: int = page_no(),
              per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Copied text: passages two articles share, with both texts."""
        filters = {"article": opt(article)}
        return {"reuse": web.store.reuse_passages(**filters, page=page, per_page=per_page).as_dict(),
                "filters": filters}

    @view(app, "/framing", "framing.html")
    def framing(web: Web = Depends(get_web), outlet: Optional[str] = text(),
                voice: Optional[str] = Query(None, pattern="^(narrator|quoted|)$"), page: int = page_no(),
                per_page: int = Query(200, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Framing by outlet: the terms each outlet uses in its own voice and
        in the voices it quotes."""
        filters = {"outlet": opt(outlet), "voice": opt(voice)}
        found = web.memo("framing", lambda *a: web.store.framing_by_outlet(*a).as_dict(), filters["outlet"],
                         filters["voice"], page, per_page)
        return {"framing": found,
                "filters": filters, "outlets": outlet_names(web)}

    @view(app, "/timeline", "timeline.html")
    def timeline(web: Web = Depends(get_web), date_from: Optional[str] = text(), date_to: Optional[str] = text(),
                 page: int = page_no(), per_page: int = Query(100, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Dated events merged across sources, each with its sources and the
        claims and quotes that date it."""
        filters = {"date_from": iso_date(date_from, "date_from"), "date_to": iso_date(date_to, "date_to")}
        result = web.store.timeline(**filters, page=page, per_page=per_page)
        labels = web.store.article_labels({a for t in result.items for a in t.get("articles", [])})
        return {"timeline": result.as_dict(), "filters": filters, "labels": labels}

    @view(app, "/search", "search.html")
    def search(web: Web = Depends(get_web), q: Optional[str] = text(), page: int = page_no(),
               per_page: int = Query(20, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Full-text search (every word must occur) over article text,
        quotes and claims, best match first, with snippets."""
        words = opt(q)
        if words is None:
            return {"q": None, "results": None}
        found = web.store.search(words, page=page, per_page=per_page)
        return {"q": words, "results": {k: v.as_dict() for k, v in found.items()}}
