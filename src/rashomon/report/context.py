"""One plain dict built from a :class:`~rashomon.types.Report` for every renderer.

``build_context(report)`` groups and sorts the report's records for display
(quotes by speaker, claims by proposition, a claims × sources matrix, timeline
geometry, article texts as well-nested tokens whose findings carry HTML ids);
it never re-analyses anything: every value shown comes from a field of the report. All strings are raw (unescaped); the
HTML template escapes them (Jinja autoescape), the Markdown template through
its ``md`` filter.

Each part of the context is built in a module of its own: names and colours
(:mod:`~rashomon.report.labels`), article text tokens
(:mod:`~rashomon.report.segments`), speakers (:mod:`~rashomon.report.speakers`),
claim views and relation groups (:mod:`~rashomon.report.relations`), disputes
with sides (:mod:`~rashomon.report.disputes`), rival terms
(:mod:`~rashomon.report.framing`) and the timeline with its chart
(:mod:`~rashomon.report.timeline_view`); this module assembles them.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

from rashomon.memory import rare_full_collections
from rashomon.report.disputes import _disputes
from rashomon.report.framing import _framing_rivals
from rashomon.compare.views import as_written
from rashomon.report.labels import (
    NARRATOR, NO_SPEAKER_COLOUR, article_label, balanced, colour, colour_class, display_name, question_labels,
)
from rashomon.report.relations import _agreement_groups, _claim_view, _repeat_groups, _revision_chains, _stance
from rashomon.report.segments import article_marks, article_tokens, passage_id
from rashomon.report.speakers import _speakers
from rashomon.report.timeline_view import _timeline
from rashomon.types import Claim, Entity, Quote, Report


@rare_full_collections()
def build_context(report: Report) -> dict[str, Any]:
    """Build the display context every renderer (HTML, Markdown) reads
    (full garbage collections rare meanwhile: :func:`rashomon.memory.rare_full_collections`).

    Parameters
    ----------
    report : the analysed corpus.

    Returns
    -------
    dict : plain values only (str, int, float, bool, None, lists, dicts), keys
        ``generator``, ``summary``, ``articles``, ``skipped``, ``speakers``,
        ``unattributed``, ``entities``, ``propositions``, ``contradictions``
        and ``agreements`` (pair by pair: agrees, repeats, revises), ``disputes``
        (contradictions grouped per proposition into sides, see :func:`_disputes`),
        ``agreement_groups``, ``repeat_groups`` and ``revisions`` (see
        :func:`_agreement_groups`, :func:`_repeat_groups`, :func:`_revision_chains`),
        ``matrix``, ``reuse``, ``framing``, ``framing_rivals`` (:func:`_framing_rivals`),
        ``timeline``,
        ``period_flags``. Unknown values are None.
    """
    arts = {a.id: a for a in report.articles}
    ents = {e.id: e for e in report.entities}
    names = {e.id: display_name(e.name, [m.text for m in e.mentions]) for e in report.entities}
    claims = {c.id: c for c in report.claims}
    speaker_ids = sorted({q.speaker for q in report.quotes if q.speaker} | {c.speaker for c in report.claims if c.speaker})
    speaker_colours = {sid: colour(sid) for sid in speaker_ids}

    speakers, unattributed = _speakers(report, arts, ents, names, speaker_colours)

    quotes_by: dict[str, list[Quote]] = defaultdict(list)
    for q in report.quotes:
        quotes_by[q.article].append(q)
    claims_by: dict[str, list[Claim]] = defaultdict(list)
    for c in report.claims:
        claims_by[c.article].append(c)
    mentions_by: dict[str, list[tuple[Entity, Any]]] = defaultdict(list)
    for e in report.entities:
        for m in e.mentions:
            mentions_by[m.article].append((e, m))
    passages_by: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # copied passages, both sides
    for r in report.reuse:
        for here, s, e, there in ((r.a, r.a_start, r.a_end, r.b), (r.b, r.b_start, r.b_end, r.a)):
            other = article_label(arts[there]) if there in arts else there
            passages_by[here].append((s, e, f"copied passage, also in {other}"))
    colour_classes = {sid: colour_class(c) for sid, c in speaker_colours.items()}
    colour_classes[""] = colour_class(NO_SPEAKER_COLOUR)
    used_ids: set[str] = set()
    articles = []
    for a in report.articles:
        marks = article_marks(a, quotes_by[a.id], claims_by[a.id], mentions_by[a.id], passages_by[a.id],
                              colour_classes, names)
        articles.append({
            "id": a.id, "name": a.name, "path": a.path, "title": a.title, "outlet": a.outlet,
            "published": a.published, "language": a.language, "url": a.url, "format": a.format,
            "words_kept": a.words_kept, "words_removed": a.words_removed,
            "period": a.period, "period_flag": a.period_flag, "label": article_label(a),
            "removed": [{"reason": r.reason, "detail": r.detail, "text": r.text, "start": r.start, "end": r.end}
                        for r in a.removed],
            "languages": [{"language": ls.language, "start": ls.start, "end": ls.end} for ls in a.languages],
            "tokens": article_tokens(a.text, marks, used_ids),
        })

    entities = []
    for e in sorted(report.entities, key=lambda e: (-len(e.mentions), e.name.casefold())):
        forms = e.forms
        if not forms:  # group mentions by surface form when linking left forms empty
            tmp: dict[str, set[str]] = defaultdict(set)
            for m in e.mentions:
                tmp[m.text].add(m.article)
            forms = {k: sorted(v) for k, v in tmp.items()}
        entities.append({
            "id": e.id, "name": names[e.id], "type": e.type, "role": balanced(e.role), "affiliation": balanced(e.affiliation),
            "mentions": len(e.mentions),
            "forms": [{"form": f, "sources": sorted({article_label(arts[x]) if x in arts else x for x in ids})}
                      for f, ids in sorted(forms.items(), key=lambda kv: kv[0].casefold())],
            # a place's rival names, each with the outlets that use it (the name joins them all)
            "rivals": [{"name": r.name, "sources": [article_label(arts[x]) if x in arts else x for x in r.articles]}
                       for r in e.rival_names],
        })

    views: dict[str, dict[str, Any]] = {}  # one view per claim, shared by every row and pair (never mutated)

    def view(cid: str) -> dict[str, Any]:
        v = views.get(cid)
        if v is None:
            v = views[cid] = _claim_view(claims[cid], arts, names)
        return v

    questions = question_labels(report)
    propositions = []
    for p in report.propositions:
        rows = [view(cid) for cid in p.claims if cid in claims]
        rows.sort(key=lambda r: (r["article"], r["start"]))
        propositions.append({"id": p.id, "label": questions[p.id], "rows": rows})

    # names shown in another casing than the entity's ("JANE DOE" → "Jane Doe"), also inside reasons
    recased = {e.name: names[e.id] for e in report.entities if names[e.id] != e.name}
    renamed = (lambda text: functools.reduce(lambda t, kv: t.replace(*kv), recased.items(), text)) if recased else str
    contradictions, agreements = [], []
    for r in report.relations:
        if r.a not in claims or r.b not in claims:
            continue
        item = {"kind": r.kind, "a": view(r.a), "b": view(r.b), "reason": renamed(as_written(r.reason)), "independent": r.independent,
                "proposition": r.proposition}
        (contradictions if r.kind == "contradicts" else agreements).append(item)

    # claims × sources: one row per proposition, one column per article
    claimed = {c.article for c in report.claims}
    columns = [a for a in report.articles if a.id in claimed]
    matrix_rows = []
    for p in report.propositions:
        per_article: dict[str, list[Claim]] = defaultdict(list)
        for cid in p.claims:
            if cid in claims:
                per_article[claims[cid].article].append(claims[cid])
        matrix_rows.append({"label": questions[p.id], "cells": [_stance(per_article[a.id]) if per_article.get(a.id) else "silent"
                                                        for a in columns]})
    matrix = {"columns": [article_label(a) for a in columns], "rows": matrix_rows}

    reuse = []
    for r in report.reuse:
        a, b = arts.get(r.a), arts.get(r.b)
        a_text = a.text[r.a_start:r.a_end] if a else (r.text or "")
        b_text = b.text[r.b_start:r.b_end] if b else (r.text or "")
        reuse.append({
            "a": article_label(a) if a else r.a, "a_id": r.a, "a_start": r.a_start, "a_end": r.a_end, "a_text": a_text,
            "b": article_label(b) if b else r.b, "b_id": r.b, "b_start": r.b_start, "b_end": r.b_end, "b_text": b_text,
            "a_href": "#" + passage_id(r.a, r.a_start, r.a_end), "b_href": "#" + passage_id(r.b, r.b_start, r.b_end),
            "words": len(a_text.split()), "similarity": r.similarity,
        })

    framing_by: dict[str, dict[str, list]] = {}
    for f in report.framing:
        slot = framing_by.setdefault(f.article, {"narrator": [], "quoted": []})
        if f.voice == "narrator":
            slot["narrator"].append({"term": f.term, "count": f.count, "category": f.category})
        else:
            slot["quoted"].append({"term": f.term, "count": f.count, "category": f.category,
                                   "voice": names.get(f.voice, f.voice if f.voice != "quoted" else "unattributed")})
    framing = []
    for a in report.articles:
        if a.id in framing_by:
            slot = framing_by[a.id]
            framing.append({"article": a.id, "source": article_label(a),
                            "narrator": sorted(slot["narrator"], key=lambda t: (-t["count"], t["term"])),
                            "quoted": sorted(slot["quoted"], key=lambda t: (-t["count"], t["term"]))})
    framing_rivals = _framing_rivals(report, arts, names)

    disputes = _disputes(contradictions, report)
    agreement_groups = _agreement_groups(agreements, report)
    repeat_groups = _repeat_groups(agreements, report, arts)
    revisions = _revision_chains(agreements, report, arts)
    summary = {
        "articles": len(report.articles), "skipped": len(report.skipped), "entities": len(report.entities),
        "quotes": len(report.quotes), "claims": len(report.claims), "propositions": len(report.propositions),
        "contradictions": len(contradictions), "disputes": len(disputes),
        "agreements": sum(1 for x in agreements if x["kind"] == "agrees"),
        "repeats": sum(1 for x in agreements if x["kind"] == "repeats"), "revisions": len(revisions),
        "reuse": len(report.reuse),
        "timeline": len(report.timeline),
    }
    return {
        "schema": report.schema_,
        "generator": {"name": report.generator.name, "version": report.generator.version},
        "summary": summary,
        "articles": articles,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "speakers": speakers,
        "unattributed": unattributed,
        "entities": entities,
        "propositions": propositions,
        "contradictions": contradictions,
        "agreements": agreements,
        "disputes": disputes,
        "narrator": NARRATOR,
        "agreement_groups": agreement_groups,
        "repeat_groups": repeat_groups,
        "revisions": revisions,
        "matrix": matrix,
        "reuse": reuse,
        "framing": framing,
        "framing_rivals": framing_rivals,
        "timeline": _timeline(report, arts, {x.id: x.article for x in [*report.claims, *report.quotes]}),
        "period_flags": [{"source": article_label(a), "period": a.period, "flag": a.period_flag}
                         for a in report.articles if a.period_flag],
    }
