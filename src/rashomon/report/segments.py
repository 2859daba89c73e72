"""An article's text cut into pieces, each with the annotations that cover it.

The article view of the report shows removed spans, foreign-language
paragraphs, quotes and entity mentions over the text; :func:`segments` gives
the pieces to render, in text order.
"""
from __future__ import annotations

from typing import Any

from rashomon.types import Article, Entity, Quote, Report

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
    quotes = [q for q in report.quotes if q.article == article.id]
    mentions = [(e, m) for e in report.entities for m in e.mentions if m.article == article.id]
    return _segments(article, quotes, mentions, speaker_colours, entity_names)


def _segments(article: Article, quotes: list[Quote], mentions: list[tuple[Entity, Any]],
              speaker_colours: dict[str, str], entity_names: dict[str, str]) -> list[dict[str, Any]]:
    """:func:`segments` given the article's own quotes and (entity, mention)
    pairs, in report order (:func:`build_context` groups them once for all
    articles rather than scanning the report per article)."""
    text = article.text
    n = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for r in article.removed:
        title = r.reason + (f": {r.detail}" if r.detail else "")
        spans.append((r.start, r.end, "removed", {"reason": r.reason, "title": title}))
    for ls in article.languages:
        spans.append((ls.start, ls.end, "lang", ls.language or "other"))
    for q in quotes:
        key = q.speaker or ""
        speaker = entity_names.get(q.speaker or "", None) or q.speaker_text or "unattributed"
        spans.append((q.start, q.end, "quote", {
            "id": q.id, "colour": speaker_colours.get(key, "hsl(0, 0%, 88%)"),
            "speaker": speaker, "kind": q.kind,
        }))
    for e, m in mentions:
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
