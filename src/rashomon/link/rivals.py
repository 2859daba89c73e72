"""Rival names: one referent named two ways, said so in the text, and shown
with both names.

:func:`naming_pairs` finds two adjacent mentions that the words between them
declare to be names of one thing (appositive naming constructions; Quirk et
al. 1985, *A Comprehensive Grammar of the English Language*, §17.80
"appositive reformulation": "namely", "or", "also called"):

* "X, which Y call(s) Z" / "X, which Y refer to as Z" / "X, which Y renamed
  (dubbed) Z";
* "X, (also | better | locally | officially | formerly) known as / called /
  named / renamed Z";
* "X, officially / formerly / previously / now Z";
* "X – or Z, as … call(s) it" and "X, or Z as it is (known | on the maps)";
* "X (Z)" for two place names, when Z is no container of other places in the
  corpus ("Town, Region" nowhere) and neither is in the gazetteer (which
  knows its own rival names).

:func:`rival_names` splits a place entity's surface forms into names (forms
that are spellings of one name stay together) and returns each name with the
articles that use it.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz

from rashomon.annotate import name_key
from rashomon.link.names import STRONG, fold, name_tokens, place_key
from rashomon.link.typing import PLACE_TYPES
from rashomon.types import Article, Mention, RivalName

_GAP_MAX = 60
_CALL = re.compile(r"(?<!\s)\s*,\s*(?:which|that)\s+(?:[\w'’-]+\s+){1,4}?(?:calls?|refers?\s+to\s+as|knows?\s+as|"
                   r"renamed|dubbed|nicknamed)\s+$", re.I)
_KNOWN = re.compile(r"(?<!\s)\s*[,(]\s*(?:(?:also|better|locally|widely|officially|formerly|previously|once|now|still)\s+)?"
                    r"(?:known|called|named|renamed|spelled|spelt)\s+(?:(?:locally|officially)\s+)?"
                    r"(?:as\s+|in\s+\w+\s+as\s+)?$", re.I)
_OFFICIAL = re.compile(r"(?<!\s)\s*[,(]\s*(?:officially|formerly|previously|historically|now)\s+$", re.I)
_OR = re.compile(r"(?<!\s)\s*(?:,|\s[–—-])\s*or\s+$")
_OR_TAIL = re.compile(r"(?<![\s,])[\s,]*as\s+(?:[\w'’-]+\s+){0,6}?(?:calls?|called|call|knows?|known|names?|named|it\s+is|"
                      r"on\s+the\s+maps?|officially)\b", re.I)
_BRACKET = re.compile(r"(?<!\s)\s*\(\s*$")
# Each pattern is matched at the start of a gap or tail (a slice of the text)
# and opens with a lookbehind that no slice start fails: a scan over a long run
# of spaces or commas then starts once, not at every character (linear).
_BRACKET_TAIL = re.compile(r"(?<!\s)\s*(?:in\s+\w+\s*)?\)")


def _declared(gap: str, tail: str) -> int | None:
    """Whether ``gap`` (the text between two mentions) and ``tail`` (the text
    after the second) make the second another name of the first: the number
    of characters of ``tail`` the evidence takes (0 when the gap says it
    alone), or None."""
    if _CALL.match(gap) or _KNOWN.match(gap) or _OFFICIAL.match(gap):
        return 0
    m = _OR_TAIL.match(tail) if _OR.match(gap) else None
    return m.end() if m else None


def naming_pairs(articles: list[Article], mentions: list[Mention], label: Callable[[Mention], str | None],
                 in_gazetteer: Callable[[Mention], bool]) -> list[tuple[Mention, Mention, str]]:
    """Pairs of mentions the text declares to be names of one referent.

    Parameters
    ----------
    articles : the corpus (``text``).
    mentions : every mention.
    label : a mention's (corrected) label.
    in_gazetteer : whether a mention's name is a gazetteer name.

    Returns
    -------
    list of (first mention, second mention, evidence), the evidence naming the
    article, the character span and the words ("a3 120-171: “…”").
    """
    texts = {a.id: a.text for a in articles}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.article in texts:
            by_article[m.article].append(m)
    adjacent = []
    containers: set[str] = set()
    for aid, ms in by_article.items():
        ms.sort(key=lambda m: m.start)
        text = texts[aid]
        for n, a in enumerate(ms):
            for b in ms[n + 1:n + 4]:  # the words between may hold other mentions ("which Tervanian officials call")
                if b.start < a.end or b.start - a.end > _GAP_MAX:
                    break
                gap = text[a.end:b.start]
                if gap == ", " and label(a) in PLACE_TYPES and label(b) in PLACE_TYPES:
                    containers.add(name_key(b.text))
                if "," in gap or "(" in gap or " or " in gap:  # every construction holds one of these
                    adjacent.append((aid, a, b, gap))
    out = []
    for aid, a, b, gap in adjacent:
        text = texts[aid]
        tail = text[b.end:b.end + 80]
        more = _declared(gap, tail)
        if more is None and _BRACKET.fullmatch(gap) and _BRACKET_TAIL.match(tail):
            if (label(a) in PLACE_TYPES and label(b) in PLACE_TYPES and name_key(b.text) not in containers
                    and not in_gazetteer(a) and not in_gazetteer(b)):
                more = _BRACKET_TAIL.match(tail).end()
        if more is not None:
            end = b.end + more
            out.append((a, b, f"{aid} {a.start}-{end}: “{text[a.start:end]}”"))
    return out


def _spellings(a: str, b: str) -> bool:
    """Whether two surface forms are spellings of one name: the same place
    key (:func:`place_key`: case, accents, romanisation), or as many words,
    each pair at least :data:`STRONG` similar ("Xankendi" / "Khankendi").
    Looser than person-name matching on purpose: "Dnipro" and "Dnieper" share
    a consonant skeleton, but one is the Ukrainian name and one the Russian."""
    if place_key(a) == place_key(b):
        return True
    ta, tb = name_tokens(a), name_tokens(b)
    return len(ta) == len(tb) and all(fuzz.ratio(fold(x), fold(y)) >= STRONG for x, y in zip(ta, tb))


def rival_names(mentions: list[Mention], art_index: dict[str, int],
                apart: set[frozenset[str]] = frozenset()) -> list[RivalName]:
    """A place entity's names when it has two or more that are not spellings
    of one another, each with its forms and the articles using it (in article
    order); ``[]`` otherwise. Two forms the text declares to be two names
    (``apart``: pairs of surface forms from :func:`naming_pairs`) stay two
    names however close their spelling ("Dolyna, which officials call
    Dolina"). A name is shown by its most frequent form (the first used on a
    tie). Sorted by name, case-insensitively."""
    count = Counter(m.text for m in mentions)
    forms = list(dict.fromkeys(m.text for m in sorted(mentions, key=lambda m: (art_index.get(m.article, 0), m.start))))
    groups: list[list[str]] = []
    for f in forms:
        g = next((g for g in groups if any(_spellings(f, x) for x in g)
                  and not any(frozenset((f, x)) in apart for x in g)), None)
        if g is None:
            groups.append([f])
        else:
            g.append(f)
    if len(groups) < 2:
        return []
    out = []
    for g in groups:
        arts = {m.article for m in mentions if m.text in g}
        name = max(g, key=lambda f: (count[f], -g.index(f)))
        out.append(RivalName(name=name, forms=g, articles=sorted(arts, key=lambda x: art_index.get(x, 0))))
    return sorted(out, key=lambda r: r.name.casefold())
