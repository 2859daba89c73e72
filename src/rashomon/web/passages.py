"""An article's text marked up with what was found in it, for its page.

:func:`marks` lists the spans to show (quotes, claims, entity mentions, dates,
removed page furniture) from an article page's context; :func:`tokens` cuts
the text into well-nested open / text / close tokens the template writes out
(each piece of text escaped by Jinja). Spans may overlap in any way (a claim
inside a quote, a quote that starts inside one claim and ends inside
another): a span that crosses an open one is split, every piece carries
``data-f`` with the finding's id and only the first piece carries the
finding's id as its HTML ``id``, so ``/articles/a3#q17`` scrolls to the
quote's start and the page's script highlights all of its pieces.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

PALETTE = 12
"""Speaker colours (CSS classes ``sp0`` … ``sp11``)."""

_ORDER = {"removed": 0, "quote": 1, "claim": 2, "date": 3, "mention": 4}
"""Which span is outer when two cover the same characters."""


@dataclass(frozen=True)
class Mark:
    """One span of the text: ``start``/``end`` (code-point offsets into the
    article text), ``kind`` (a key of :data:`_ORDER`), ``id`` (the finding's
    id, for quotes and claims), ``cls`` (CSS classes), ``title`` (hover
    text), ``href`` (a link, for entity mentions)."""

    start: int
    end: int
    kind: str
    id: str | None = None
    cls: str = ""
    title: str | None = None
    href: str | None = None

    @property
    def tag(self) -> str:
        """The HTML element written for the span."""
        return "a" if self.href else "span"


def speaker_class(speaker: str | None) -> str:
    """A stable colour class for a speaker id (``sp0`` … ``sp11``; ``sp-none``
    for an unattributed quote), from the MD5 digest of the id."""
    if not speaker:
        return "sp-none"
    return f"sp{int(hashlib.md5(speaker.encode('utf-8')).hexdigest()[:6], 16) % PALETTE}"


def marks(page: dict[str, Any]) -> list[Mark]:
    """The spans to show on an article's page, from its context (the
    :meth:`rashomon.store.Store.article` values as JSON: ``article``,
    ``quotes``, ``claims``, ``mentions``, ``temporal_expressions``,
    ``entities``). Mentions not linked to an entity, and mentions overlapping
    an earlier one, are left out (a link never sits inside another)."""
    names = page.get("entities") or {}
    out = [Mark(r["start"], r["end"], "removed", cls="removed",
                title=r["reason"] + (f": {r['detail']}" if r.get("detail") else ""))
           for r in page["article"].get("removed", [])]
    for q in page.get("quotes", []):
        who = names.get(q.get("speaker") or "") or q.get("speaker_text") or "unattributed"
        out.append(Mark(q["start"], q["end"], "quote", q["id"], f"f q kind-{q['kind']} {speaker_class(q.get('speaker'))}",
                        f"{q['id']} · {q['kind']} quote · {who}"))
    for c in page.get("claims", []):
        who = names.get(c.get("speaker") or "") or "narrator"
        out.append(Mark(c["start"], c["end"], "claim", c["id"], f"f c mod-{c['modality']}",
                        f"{c['id']} · claim · {who} · {c['modality']}"))
    for t in page.get("temporal_expressions", []):
        out.append(Mark(t["start"], t["end"], "date", cls="date", title=f"date: {t['value']}"))
    end = -1
    for m in sorted((m for m in page.get("mentions", []) if m.get("entity")), key=lambda m: (m["start"], -m["end"])):
        if m["start"] >= end:
            out.append(Mark(m["start"], m["end"], "mention", cls="ent", title=names.get(m["entity"], m["entity"]),
                            href=f"/entities/{m['entity']}"))
            end = m["end"]
    return out


def tokens(text: str, spans: list[Mark]) -> list[dict[str, Any]]:
    """``text`` cut by ``spans`` into tokens: ``{"open": Mark, "first": bool}``,
    ``{"text": str}``, ``{"close": Mark}``, well nested (outer spans first:
    earlier start, then later end, then :data:`_ORDER`). Offsets outside the
    text are clipped; empty spans dropped."""
    n = len(text)
    spans = [s for s in spans if min(s.end, n) > max(s.start, 0)]
    rank = {id(s): (max(s.start, 0), -min(s.end, n), _ORDER[s.kind], i) for i, s in enumerate(spans)}
    spans.sort(key=lambda s: rank[id(s)])
    cuts = sorted({0, n, *(max(s.start, 0) for s in spans), *(min(s.end, n) for s in spans)})
    out: list[dict[str, Any]] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    active: list[Mark] = []
    j = 0
    for lo, hi in zip(cuts, cuts[1:]):
        while j < len(spans) and max(spans[j].start, 0) <= lo:
            active.append(spans[j])
            j += 1
        active = [s for s in active if min(s.end, n) > lo]  # kept in rank order: outer first
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        for s in reversed(stack[keep:]):
            out.append({"close": s})
        stack = stack[:keep]
        for s in active[keep:]:
            out.append({"open": s, "first": id(s) not in opened})
            opened.add(id(s))
            stack.append(s)
        out.append({"text": text[lo:hi]})
    for s in reversed(stack):
        out.append({"close": s})
    return out
