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
from typing import Any

from rashomon.report.segments import Mark, tokens  # noqa: F401 (the article page's tokens; one id scheme with the report)

PALETTE = 12
"""Speaker colours (CSS classes ``sp0`` … ``sp11``)."""


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
