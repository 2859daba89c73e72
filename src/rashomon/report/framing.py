"""Rival terms across sources: the words each outlet's narrator uses for one thing."""
from __future__ import annotations

from typing import Any

from rashomon.report.labels import article_label
from rashomon.types import Report

def _term_key(term: str) -> str:
    """``term`` case-folded, curly apostrophes straight, a plural "-s" dropped."""
    t = term.casefold().replace("’", "'")
    return t[:-1] if len(t) > 4 and t.endswith("s") and not t.endswith("ss") else t


def _framing_rivals(report: Report, arts: dict[str, Article], names: dict[str, str]) -> list[dict[str, Any]]:
    """Rival terms for one thing across sources: per framing ``group`` (a
    lexicon set of rival terms or a place with rival names), the terms the
    narrators use, each with the sources that write it, when at least two
    terms are used by at least two sources. A term written with qualifiers
    counts under the shortest term it ends with ("Kastri disaster" under
    "disaster"); letter case, apostrophe glyphs and a plural "-s" are
    ignored. Groups with the most sources first."""
    groups: dict[str, dict[str, dict[str, Any]]] = {}
    for f in sorted(report.framing, key=lambda f: (len(f.term), f.term != f.term.lower())):
        if f.voice != "narrator" or not f.group:
            continue
        terms = groups.setdefault(f.group, {})
        folded = _term_key(f.term)
        key = next((k for k in terms if folded == k or folded.endswith(" " + k)), folded)
        slot = terms.setdefault(key, {"term": f.term, "articles": [], "category": f.category})
        if f.article not in slot["articles"]:
            slot["articles"].append(f.article)
    out = []
    for group, terms in groups.items():
        used = {a for t in terms.values() for a in t["articles"]}
        if len(terms) < 2 or len(used) < 2:
            continue
        rows = sorted(terms.values(), key=lambda t: (-len(t["articles"]), t["term"].casefold()))
        out.append({
            "group": group, "label": names.get(group) or rows[0]["category"] or group,
            "terms": [{"term": t["term"], "sources": [article_label(arts[a]) if a in arts else a for a in t["articles"]]}
                      for t in rows],
            "sources": len(used),
        })
    out.sort(key=lambda g: (-g["sources"], g["label"]))
    return out
