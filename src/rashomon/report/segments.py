"""An article's text cut into well-nested pieces, each finding one link away.

:class:`Mark` is one span of an article's text (a quote, a claim, a copied
passage, an entity mention, removed page furniture, a foreign-language
paragraph); :func:`tokens` cuts the text into well-nested open / text / close
tokens. Spans may overlap in any way (a claim inside a quote, a copied
passage that starts inside one quote and ends inside another): a span that
crosses an open one is split, and only the first piece carries the finding's
HTML ``id``, so a link to ``#c12`` (a claim), ``#q3`` (a quote) or
``#a1-120-342`` (article ``a1``, characters 120–342: a copied passage)
scrolls to the finding's start. The report page (:func:`article_tokens`) and
the web app's article pages (:mod:`rashomon.web.passages`) share this id
scheme and this code.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rashomon.types import Article, Claim, Entity, Quote

_ORDER = {"lang": 0, "removed": 1, "passage": 2, "quote": 3, "claim": 4, "date": 5, "mention": 6}
"""Which span is outer when two cover the same characters."""


@dataclass(frozen=True)
class Mark:
    """One span of the text: ``start``/``end`` (code-point offsets into the
    article text), ``kind`` (a key of :data:`_ORDER`), ``id`` (the finding's
    id: a quote's or claim's id, :func:`passage_id` for a copied passage),
    ``cls`` (CSS classes), ``title`` (hover text), ``href`` (a link, for
    entity mentions), ``element`` (the HTML element when not ``span``/``a``),
    ``lang`` (an ISO language code, for a foreign-language paragraph)."""

    start: int
    end: int
    kind: str
    id: str | None = None
    cls: str = ""
    title: str | None = None
    href: str | None = None
    element: str | None = None
    lang: str | None = None

    @property
    def tag(self) -> str:
        """The HTML element written for the span."""
        return self.element or ("a" if self.href else "span")


def passage_id(article: str, start: int, end: int) -> str:
    """The HTML id of a passage with no id of its own (a copied passage):
    ``"a1-120-342"`` for characters 120–342 of article ``a1``."""
    return f"{article}-{start}-{end}"


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


def article_marks(article: Article, quotes: list[Quote], claims: list[Claim], mentions: list[tuple[Entity, Any]],
                  passages: list[tuple[int, int, str]], colour_classes: dict[str, str],
                  entity_names: dict[str, str]) -> list[Mark]:
    """The spans the report shows over one article's text: removed page
    furniture (``<del>``), foreign-language paragraphs, copied ``passages``
    (``(start, end, title)``, id :func:`passage_id`), quotes in their
    speaker's colour class (``colour_classes``: speaker id → CSS class; id the
    quote's), claims (id the claim's) and entity mentions."""
    out = [Mark(r.start, r.end, "removed", element="del", title=r.reason + (f": {r.detail}" if r.detail else ""))
           for r in article.removed]
    out += [Mark(ls.start, ls.end, "lang", cls="lang", lang=ls.language or "other") for ls in article.languages]
    out += [Mark(s, e, "passage", passage_id(article.id, s, e), "p", title) for s, e, title in passages]
    for q in quotes:
        who = entity_names.get(q.speaker or "") or q.speaker_text or "unattributed"
        out.append(Mark(q.start, q.end, "quote", q.id, f"q {colour_classes.get(q.speaker or '', 'c-none')}",
                        f"{q.kind} quote: {who}", element="mark"))
    for c in claims:
        out.append(Mark(c.start, c.end, "claim", c.id, "c"))
    out += [Mark(m.start, m.end, "mention", cls="ent", title=e.name + (f" ({e.type})" if e.type else ""))
            for e, m in mentions]
    return out


def article_tokens(text: str, spans: list[Mark], used: set[str]) -> list[dict[str, Any]]:
    """:func:`tokens` as plain values for the report context:
    ``{"text": str}``, ``{"close": tag}`` or ``{"open": {"tag", "cls", "id",
    "title", "lang", "first"}}``. A finding's ``id`` is set on its first piece
    only, and only once in the page (``used``: ids already given, updated)."""
    out: list[dict[str, Any]] = []
    for t in tokens(text, spans):
        if "text" in t:
            out.append(t)
        elif "close" in t:
            out.append({"close": t["close"].tag})
        else:
            m = t["open"]
            hid = m.id if t["first"] and m.id and m.id not in used else None
            if hid:
                used.add(hid)
            out.append({"open": {"tag": m.tag, "cls": m.cls, "id": hid, "title": m.title, "lang": m.lang,
                                 "first": t["first"]}})
    return out
