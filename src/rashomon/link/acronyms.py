"""Acronyms: their definitions in the text and their uses across the corpus.

A definition is a proper name with its short form in brackets, "Harbour
Pilots' Association (HPA)", or the reverse, "HPA (Harbour Pilots'
Association)". The long form is found by the algorithm of Schwartz and
Hearst (2003), "A simple algorithm for identifying abbreviation definitions
in biomedical text", PSB 8:451-462: the short form's letters and digits are
matched right to left in the words before the bracket (at most
min(|SF| + 5, 2·|SF|) words), the first one at the start of a word. Kept
only when the long form is a proper name (two words or more, every content
word capitalised, no comma: not a dateline "TOWN, Country, June 3 (AGENCY)";
a final number only when the short form ends in one) and the short form has
two capitals or more.

Every definition gives two mentions (the long form replaces the tagger's
mentions inside it: "Crude Distillation Unit" + "2" → "Crude Distillation
Unit 2"), and every other use of a defined short form anywhere in the corpus
becomes a mention, linked to the long form defined in its own article, else
to the one long form the corpus defines for it (none when the corpus defines
two).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rashomon.link.names import org_key
from rashomon.link.spans import all_mentions, by_article, claim_span
from rashomon.types import Article, Mention

_PAREN = re.compile(r"\(([^()\n]{2,80})\)")
_SHORT = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-&][A-Za-z0-9]+)*")
# a use of a short form: two capitals or a capital and a digit first (uses of "PwC"-like forms are missed);
# the character before the first capital is tested after it, so that a search looks only at capitals
_SHORT_USE = re.compile(r"[A-Z](?<![\w@#&-].)[A-Z0-9][A-Za-z0-9]*(?:[-&][A-Za-z0-9]+)*(?![\w@]|-\w)")
_STOP = re.compile(r"[.!?;:\n()\[\]\"“”«»—–|·]")
_FUNCTION = {"of", "and", "the", "for", "&", "de", "du", "des", "la", "le", "on", "in", "to", "at", "a", "an",
             "und", "der", "die", "y", "del", "e", "i"}
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Definition:
    """One acronym definition: the short form's and the long form's spans
    (``Article.text`` offsets) in ``article``."""

    article: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def _short_form(s: str) -> bool:
    """2-10 characters, a capital first, two capitals or more, and capitals
    for at least half of the letters ("HPA", "VDU-3", "OSCE", not "Mr")."""
    if not (2 <= len(s) <= 10) or not _SHORT.fullmatch(s):
        return False
    letters = [c for c in s if c.isalpha()]
    caps = sum(c.isupper() for c in letters)
    return caps >= 2 and caps * 2 >= len(letters)


def best_long_form(short: str, long: str) -> int | None:
    """Schwartz-Hearst: the offset in ``long`` where the long form of
    ``short`` starts (each letter or digit of ``short`` found right to left,
    the first one at a word start), or None."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return long.rfind(" ", 0, i + 1) + 1


def _proper(long: str) -> bool:
    """Two words or more, the first and every content word capitalised (or a number)."""
    words = [w.strip(",'’") for w in long.split()]
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    return all(w.lower() in _FUNCTION or w[:1].isupper() or w.isdigit() for w in words if w)


def _window(text: str, end: int, n_words: int) -> int:
    """Start offset of the last ``n_words`` words before ``end`` that follow
    the last sentence or clause stop (:data:`_STOP`)."""
    stops = [m.end() for m in _STOP.finditer(text, max(0, end - 400), end)]
    lo = stops[-1] if stops else max(0, end - 400)
    words = list(_WORD.finditer(text, lo, end))
    return words[-n_words].start() if len(words) >= n_words else (words[0].start() if words else end)


def definitions(article: Article) -> list[Definition]:
    """The acronym definitions of one article, outside its removed spans."""
    text = article.text
    removed = [(r.start, r.end) for r in article.removed]
    out: list[Definition] = []
    for m in _PAREN.finditer(text) if "(" in text else ():
        if any(s < m.end() and m.start() < e for s, e in removed):
            continue
        inner = m.group(1).strip()
        inner_start = m.start(1) + m.group(1).index(inner)
        d = _forward(text, m, inner, inner_start, article.id) if _short_form(inner) else \
            _reverse(text, m, inner, inner_start, article.id)
        if d:
            out.append(d)
    return out


def _forward(text: str, m, short: str, short_start: int, aid: str) -> Definition | None:
    """"Long Form (SF)"."""
    n = min(len(short) + 5, 2 * len(short))
    end = m.start()
    while end > 0 and text[end - 1] in " ,":
        end -= 1
    lo = _window(text, end, n)
    off = best_long_form(short, text[lo:end])
    if off is None:
        return None
    ls = lo + off
    long = text[ls:end]
    if not _proper(long) or short in long or "," in long or (long[-1].isdigit() and not short[-1].isdigit()):
        return None
    return Definition(aid, short_start, short_start + len(short), ls, end)


def _reverse(text: str, m, long: str, long_start: int, aid: str) -> Definition | None:
    """"SF (Long Form)"."""
    before = re.search(r"(\S+)\s*$", text[max(0, m.start() - 20):m.start()])
    if not before:
        return None
    short = before.group(1)
    if not _short_form(short) or not _proper(long) or best_long_form(short, long) != 0:
        return None
    ss = m.start() - len(before.group(0))
    return Definition(aid, ss, ss + len(short), long_start, long_start + len(long))


def link_acronyms(articles: list[Article], mentions: list[Mention]) -> tuple[
        list[Mention], list[tuple[Mention, Mention]], dict[int, tuple]]:
    """Acronym definitions and uses over the corpus.

    Parameters
    ----------
    articles : the corpus (``text``, ``removed``).
    mentions : every mention (disjoint within an article).

    Returns
    -------
    (mentions, pairs, scopes): the new mention list (mentions inside a long
    form replaced by it; new mentions for short forms and their uses); the
    pairs of mentions that name one entity (long form, short form or use);
    and for each mention (by ``id()``) of a short form the corpus defines two
    ways, its scope: the long form of its article, else its article. Such
    mentions are one entity only within their scope.
    """
    spans = by_article(articles, mentions)
    pairs: list[tuple[Mention, Mention]] = []
    local: dict[tuple[str, str], Mention] = {}  # (article, short form) -> long-form mention
    corpus: dict[str, dict[str, Mention]] = defaultdict(dict)  # short form -> long key -> first long-form mention
    for a in articles:
        for d in definitions(a):
            long = claim_span(spans[a.id], a, d.long_start, d.long_end, "ORG")
            short = claim_span(spans[a.id], a, d.short_start, d.short_end, long.label if long else "ORG")
            if long is None or short is None:
                continue
            pairs.append((long, short))
            sf = short.text
            local.setdefault((a.id, sf), long)
            corpus[sf].setdefault(org_key(long.text), long)
    scopes: dict[int, tuple] = {}
    if corpus:
        for a in articles:
            removed = [(r.start, r.end) for r in a.removed]
            for m in _SHORT_USE.finditer(a.text):
                sf = m.group()
                if sf not in corpus or any(s < m.end() and m.start() < e for s, e in removed):
                    continue
                target = local.get((a.id, sf))
                if target is None and len(corpus[sf]) == 1:
                    target = next(iter(corpus[sf].values()))
                use = claim_span(spans[a.id], a, m.start(), m.end(), target.label if target else "ORG")
                if use is None:
                    continue
                if target is not None and use is not target:
                    pairs.append((target, use))
                if len(corpus[sf]) > 1:
                    local_long = local.get((a.id, sf))
                    scopes[id(use)] = ("acronym", sf, org_key(local_long.text) if local_long else a.id)
    return all_mentions(articles, spans, mentions), pairs, scopes
