"""One plain dict built from a :class:`~rashomon.types.Report` for every renderer.

``build_context(report)`` groups and sorts the report's records for display
(quotes by speaker, claims by proposition, a claims × sources matrix, timeline
geometry, article text segments); it never re-analyses anything: every value
shown comes from a field of the report. All strings are raw (unescaped); the
HTML template escapes them (Jinja autoescape), the Markdown template through
its ``md`` filter.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from typing import Any

from rashomon.types import Article, Claim, Entity, Quantity, Quote, Report

UNKNOWN = None  # unknown values stay None; templates show them as "unknown"

#: Timeline chart geometry, in SVG user units (pixels).
CHART_WIDTH = 960
CHART_LEFT = 170
CHART_RIGHT = 50  # room for the last tick label (centred on its line)
LANE_HEIGHT = 22
CHART_TOP = 30


def colour(key: str, lightness: int = 82) -> str:
    """A stable pastel colour for ``key`` (a speaker or article id).

    The hue is taken from the MD5 digest of the key, so one speaker keeps one
    colour across runs and renderers. Returns a CSS ``hsl(...)`` string.
    """
    hue = int(hashlib.md5(key.encode("utf-8")).hexdigest()[:6], 16) % 360
    return f"hsl({hue}, 70%, {lightness}%)"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def figure(q: Quantity) -> str:
    """A quantity as a phrase: ``"over 200 people killed"``, ``"10–12 killed"``."""
    value = _num(q.value)
    if q.high is not None:
        value = f"{value}–{_num(q.high)}"
    parts = []
    if q.approx and q.approx not in ("exact", "range"):
        parts.append(q.approx)
    parts.append(value)
    if q.unit:
        parts.append(q.unit)
    if q.of and q.of != q.unit:
        parts.append(q.of)
    return " ".join(parts)


def article_label(a: Article) -> str:
    """How an article is named in tables: its outlet, else its file name."""
    return a.outlet or a.name


def _date_bounds(value: str | None, end: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """Half-open [first day, day after last day) for an ISO date of a precision."""
    if not value:
        return None
    try:
        parts = value[:10].split("-")
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else None
        d = int(parts[2]) if len(parts) > 2 else None
        prec = precision or ("day" if d else "month" if m else "year")
        if prec == "year" or m is None:
            lo, hi = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
        elif prec == "month" or d is None:
            lo = dt.date(y, m, 1)
            hi = dt.date(y + (m == 12), m % 12 + 1, 1)
        else:
            lo = dt.date(y, m, d)
            hi = lo + dt.timedelta(days=1)
        if end and end[:10] != value[:10]:
            eb = _date_bounds(end, None, None)
            if eb and eb[1] > hi:
                hi = eb[1]
        return lo, hi
    except (ValueError, IndexError):
        return None


def segments(article: Article, report: Report, speaker_colours: dict[str, str],
             entity_names: dict[str, str]) -> list[dict[str, Any]]:
    """Cut ``article.text`` into non-overlapping pieces, each with the
    annotations that cover it.

    Boundaries come from removed spans, foreign-language paragraphs, quotes and
    entity mentions of this article. Each piece is a dict ``{"text", "removed"
    (``{"reason", "title"}`` or None), "quote" (``{"id", "colour", "speaker"}``
    or None), "mention" (``{"entity", "name"}`` or None), "lang" (ISO code or
    None), "lang_start" (bool)}``. Adjacent pieces with equal annotations are
    merged. Offsets outside the text are clipped.
    """
    text = article.text
    n = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for r in article.removed:
        title = r.reason + (f": {r.detail}" if r.detail else "")
        spans.append((r.start, r.end, "removed", {"reason": r.reason, "title": title}))
    for ls in article.languages:
        spans.append((ls.start, ls.end, "lang", ls.language or "other"))
    for q in report.quotes:
        if q.article == article.id:
            key = q.speaker or ""
            speaker = entity_names.get(q.speaker or "", None) or q.speaker_text or "unattributed"
            spans.append((q.start, q.end, "quote", {
                "id": q.id, "colour": speaker_colours.get(key, "hsl(0, 0%, 88%)"),
                "speaker": speaker, "kind": q.kind,
            }))
    for e in report.entities:
        for m in e.mentions:
            if m.article == article.id:
                spans.append((m.start, m.end, "mention", {"entity": e.id, "name": e.name, "type": e.type}))
    bounds = {0, n}
    clean: list[tuple[int, int, str, Any]] = []
    for s, e, kind, val in spans:
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if e > s:
            clean.append((s, e, kind, val))
            bounds.update((s, e))
    cuts = sorted(bounds)
    # Sweep: spans sorted by start; for each piece, find the innermost covering span per kind.
    by_start = sorted(clean, key=lambda t: (t[0], -t[1]))
    active: list[tuple[int, int, str, Any]] = []
    j = 0
    pieces: list[dict[str, Any]] = []
    for lo, hi in zip(cuts, cuts[1:]):
        while j < len(by_start) and by_start[j][0] <= lo:
            active.append(by_start[j])
            j += 1
        active = [t for t in active if t[1] > lo]
        ann: dict[str, Any] = {"removed": None, "quote": None, "mention": None, "lang": None, "lang_start": False}
        for s, e, kind, val in active:  # later (inner) spans win
            ann[kind] = val
            if kind == "lang" and s == lo:
                ann["lang_start"] = True
        prev = pieces[-1] if pieces else None
        if prev and not ann["lang_start"] and all(prev[k] is ann[k] or prev[k] == ann[k]
                                                  for k in ("removed", "quote", "mention", "lang")):
            prev["text"] += text[lo:hi]
        else:
            pieces.append({"text": text[lo:hi], **ann})
    return pieces


def _claim_view(c: Claim, arts: dict[str, Article], names: dict[str, str]) -> dict[str, Any]:
    a = arts.get(c.article)
    return {
        "id": c.id,
        "article": c.article,
        "source": article_label(a) if a else c.article,
        "speaker": names.get(c.speaker, c.speaker) if c.speaker else "narrator",
        "speaker_id": c.speaker,
        "text": c.text,
        "figures": [figure(q) for q in c.quantities],
        "modality": c.modality,
        "polarity": c.polarity,
        "hedges": list(c.hedges),
        "time": c.time.start if c.time else None,
        "start": c.start,
        "end": c.end,
    }


def _stance(claims: list[Claim]) -> str:
    """asserts / denies / hedges for the claims one source makes on one proposition."""
    kinds = set()
    for c in claims:
        if c.polarity == "negated" or c.modality == "denied":
            kinds.add("denies")
        elif c.modality == "hedged":
            kinds.add("hedges")
        else:
            kinds.add("asserts")
    return " / ".join(sorted(kinds))


def _speakers(report: Report, arts: dict[str, Article], ents: dict[str, Entity],
              names: dict[str, str], speaker_colours: dict[str, str]) -> tuple[list[dict], list[dict]]:
    groups: dict[str, list[Quote]] = defaultdict(list)
    unattributed: list[Quote] = []
    for q in report.quotes:
        (groups[q.speaker] if q.speaker else unattributed).append(q)

    def qview(q: Quote) -> dict[str, Any]:
        a = arts.get(q.article)
        relay = None
        if q.relayed_by or q.relayed_by_text:
            relay = names.get(q.relayed_by or "", None) or q.relayed_by_text or q.relayed_by
        return {
            "id": q.id, "kind": q.kind, "text": q.text, "cue": q.cue, "date": q.date,
            "article": q.article, "source": article_label(a) if a else q.article,
            "speaker_text": q.speaker_text, "relayed_by": relay,
            "colour": speaker_colours.get(q.speaker or "", "hsl(0, 0%, 88%)"),
        }

    speakers = []
    for sid, qs in groups.items():
        e = ents.get(sid)
        role = (e.role if e else None) or next((q.speaker_role for q in qs if q.speaker_role), None)
        aff = (e.affiliation if e else None) or next((q.speaker_affiliation for q in qs if q.speaker_affiliation), None)
        outlets = sorted({article_label(arts[q.article]) for q in qs if q.article in arts})
        speakers.append({
            "id": sid, "name": names.get(sid, sid), "type": e.type if e else None,
            "role": role, "affiliation": aff, "outlets": outlets,
            "colour": speaker_colours.get(sid, "hsl(0, 0%, 88%)"),
            "original": sum(1 for q in qs if not (q.relayed_by or q.relayed_by_text)),
            "relayed": sum(1 for q in qs if q.relayed_by or q.relayed_by_text),
            "quotes": [qview(q) for q in sorted(qs, key=lambda q: (q.article, q.start))],
        })
    speakers.sort(key=lambda s: (-len(s["quotes"]), s["name"].casefold()))
    unattr = [qview(q) for q in sorted(unattributed, key=lambda q: (q.article, q.start))]
    return speakers, unattr


def _timeline(report: Report, arts: dict[str, Article]) -> dict[str, Any]:
    entries = []
    for i, t in enumerate(sorted(report.timeline, key=lambda t: (t.date, t.end or ""))):
        entries.append({
            "date": t.date, "end": t.end, "precision": t.precision, "label": t.label,
            "sources": [article_label(arts[a]) if a in arts else a for a in t.articles],
            "article_ids": list(t.articles), "claims": list(t.claims), "quotes": list(t.quotes),
            "period": t.period, "conflict": t.conflict, "bounds": _date_bounds(t.date, t.end, t.precision),
        })
    dated = [e for e in entries if e["bounds"]]
    chart = None
    if dated:
        lo = min(e["bounds"][0] for e in dated)
        hi = max(e["bounds"][1] for e in dated)
        span = max(1, (hi - lo).days)
        inner = CHART_WIDTH - CHART_LEFT - CHART_RIGHT

        def x(d: dt.date) -> float:
            return round(CHART_LEFT + inner * (d - lo).days / span, 1)

        lanes: list[str] = []
        for e in dated:
            for aid in e["article_ids"] or [""]:
                if aid not in lanes:
                    lanes.append(aid)
        lanes.sort(key=lambda a: (a == "", a))
        marks = []
        for e in dated:
            x0, x1 = x(e["bounds"][0]), x(e["bounds"][1])
            for aid in e["article_ids"] or [""]:
                lane = lanes.index(aid)
                marks.append({
                    "x": x0, "width": max(4.0, round(x1 - x0, 1)),
                    "y": CHART_TOP + lane * LANE_HEIGHT + 3, "height": LANE_HEIGHT - 6,
                    "colour": colour(aid or "none", 60), "precision": e["precision"],
                    "title": f"{e['date']} ({e['precision']}): {e['label']}",
                })
        ticks = []
        for k in range(6):
            d = lo + dt.timedelta(days=round(span * k / 5))
            ticks.append({"x": x(d), "label": d.isoformat()})
        chart = {
            "width": CHART_WIDTH, "height": CHART_TOP + LANE_HEIGHT * len(lanes) + 10,
            "left": CHART_LEFT, "top": CHART_TOP,
            "lanes": [{"y": CHART_TOP + i * LANE_HEIGHT + LANE_HEIGHT / 2 + 4,
                       "label": (article_label(arts[a]) if a in arts else a) if a else "(no source)"}
                      for i, a in enumerate(lanes)],
            "marks": marks, "ticks": ticks, "bottom": CHART_TOP + LANE_HEIGHT * len(lanes),
        }
    for e in entries:
        e.pop("bounds")
    return {"entries": entries, "chart": chart}


def build_context(report: Report) -> dict[str, Any]:
    """Build the display context every renderer (HTML, Markdown) reads.

    Parameters
    ----------
    report : the analysed corpus.

    Returns
    -------
    dict : plain values only (str, int, float, bool, None, lists, dicts), keys
        ``generator``, ``summary``, ``articles``, ``skipped``, ``speakers``,
        ``unattributed``, ``entities``, ``propositions``, ``contradictions``,
        ``agreements``, ``matrix``, ``reuse``, ``framing``, ``timeline``,
        ``period_flags``. Unknown values are None.
    """
    arts = {a.id: a for a in report.articles}
    ents = {e.id: e for e in report.entities}
    names = {e.id: e.name for e in report.entities}
    claims = {c.id: c for c in report.claims}
    speaker_ids = sorted({q.speaker for q in report.quotes if q.speaker} | {c.speaker for c in report.claims if c.speaker})
    speaker_colours = {sid: colour(sid) for sid in speaker_ids}

    speakers, unattributed = _speakers(report, arts, ents, names, speaker_colours)

    articles = []
    for a in report.articles:
        articles.append({
            "id": a.id, "name": a.name, "path": a.path, "title": a.title, "outlet": a.outlet,
            "published": a.published, "language": a.language, "url": a.url, "format": a.format,
            "words_kept": a.words_kept, "words_removed": a.words_removed,
            "period": a.period, "period_flag": a.period_flag, "label": article_label(a),
            "removed": [{"reason": r.reason, "detail": r.detail, "text": r.text, "start": r.start, "end": r.end}
                        for r in a.removed],
            "languages": [{"language": ls.language, "start": ls.start, "end": ls.end} for ls in a.languages],
            "segments": segments(a, report, speaker_colours, names),
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
            "id": e.id, "name": e.name, "type": e.type, "role": e.role, "affiliation": e.affiliation,
            "mentions": len(e.mentions),
            "forms": [{"form": f, "sources": sorted({article_label(arts[x]) if x in arts else x for x in ids})}
                      for f, ids in sorted(forms.items(), key=lambda kv: kv[0].casefold())],
        })

    propositions = []
    for p in report.propositions:
        rows = [_claim_view(claims[cid], arts, names) for cid in p.claims if cid in claims]
        rows.sort(key=lambda r: (r["article"], r["start"]))
        propositions.append({"id": p.id, "label": p.label, "rows": rows})

    contradictions, agreements = [], []
    for r in report.relations:
        if r.a not in claims or r.b not in claims:
            continue
        item = {"kind": r.kind, "a": _claim_view(claims[r.a], arts, names),
                "b": _claim_view(claims[r.b], arts, names), "reason": r.reason, "independent": r.independent}
        (contradictions if r.kind == "contradicts" else agreements).append(item)

    # claims × sources: one row per proposition, one column per article
    columns = [a for a in report.articles if any(c.article == a.id for c in report.claims)]
    matrix_rows = []
    for p in report.propositions:
        per_article: dict[str, list[Claim]] = defaultdict(list)
        for cid in p.claims:
            if cid in claims:
                per_article[claims[cid].article].append(claims[cid])
        matrix_rows.append({"label": p.label, "cells": [_stance(per_article[a.id]) if per_article.get(a.id) else "silent"
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

    summary = {
        "articles": len(report.articles), "skipped": len(report.skipped), "entities": len(report.entities),
        "quotes": len(report.quotes), "claims": len(report.claims), "propositions": len(report.propositions),
        "contradictions": len(contradictions), "agreements": sum(1 for x in agreements if x["kind"] == "agrees"),
        "repeats": sum(1 for x in agreements if x["kind"] == "repeats"), "reuse": len(report.reuse),
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
        "matrix": matrix,
        "reuse": reuse,
        "framing": framing,
        "timeline": _timeline(report, arts),
        "period_flags": [{"source": article_label(a), "period": a.period, "flag": a.period_flag}
                         for a in report.articles if a.period_flag],
    }
