"""Recovering persons from scraped news text: title words, name shapes, handles.

:func:`person_fixes` splits, trims, relabels and joins entity Spans so that a
person's name stands alone as PERSON; :func:`load_titles` reads the title
words it relies on (``data/titles.yaml``); :func:`handle_stems` gives the
forms of a social-media handle a name may take.
"""
from __future__ import annotations

import functools
import re

from rashomon import data as data_files
from rashomon.annotate.docs import _span_text, doc_text

_ORG_WORDS = {"office", "ministry", "department", "committee", "council", "agency", "bank", "union", "party",
              "administration", "army", "forces", "company", "group", "news", "press", "radio", "tv", "university",
              "institute", "court", "assembly", "parliament", "government", "service", "organization",
              "organisation", "corps", "fund", "foundation", "association", "commission", "mission", "embassy",
              "league", "club", "team", "college", "school", "academy", "hospital", "inc", "ltd", "llc", "corp",
              "plc", "co", "holdings", "industries", "chemicals", "motors", "airlines", "airways", "media",
              "network", "times", "journal", "herald", "tribune", "daily", "centre", "center", "authority",
              "board", "bureau", "directorate", "secretariat", "cabinet", "police", "guard", "brigade",
              "battalion", "regiment", "division", "command", "front", "movement", "alliance", "coalition",
              "federation", "society", "institution", "laboratory", "systems", "energy", "oil", "gas", "group",
              "partners", "trust", "church", "palace", "project"}


@functools.lru_cache(maxsize=1)
def load_titles() -> tuple[frozenset, frozenset, frozenset]:
    """(title words, title modifiers, handle suffixes) from ``data/titles.yaml``,
    lower case (source per list in the file)."""
    data = data_files.load("titles.yaml")
    return tuple(frozenset(str(w).lower() for w in data[k]["words"])
                 for k in ("titles", "title_modifiers", "handle_suffixes"))



def handle_stems(handle: str) -> list[str]:
    """Squashed forms of a social-media handle a person's name may take:
    the whole handle, then the handle less one known suffix (``data/titles.yaml``
    ``handle_suffixes``) or 1-4 final digits, e.g. "@IdrisKemalMP" →
    ["idriskemalmp", "idriskemal"]. Letters and digits only, anyascii lower
    case; a stem shorter than 5 letters is not returned."""
    from anyascii import anyascii

    full = re.sub(r"[^a-z0-9]", "", anyascii(handle).lower())
    out = [full] if full else []
    suffixes = load_titles()[2]
    m = re.search(r"(?<=[a-z])\d{1,4}$", full)  # 1-4 final digits after a letter
    if m and m.start() >= 5:
        out.append(full[:m.start()])
    for k in range(5, len(full)):
        if full[k:] in suffixes:
            out.append(full[:k])
            break
    return out


_NAMEISH_LABELS = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC", "FAC", "PERSON"}
_COMPANY_SUFFIX = {"inc", "ltd", "llc", "co", "corp", "plc", "jr", "sr", "ag", "sa", "gmbh", "lp", "nv", "bv"}
_BRACKETS = {"[", "]"}
_DETS = {"a", "an", "the", "its", "his", "her", "their", "our"}


def _word(tok) -> str:
    return tok.lower_.rstrip(".")


def _name_token(tok, titles: frozenset) -> bool:
    """A title-case word that can be part of a personal name ("Strand", "O'Neil")."""
    t = tok.text
    return (len(t) > 1 and t[0].isupper() and any(c.islower() for c in t)
            and all(c.isalpha() or c in "'’-" for c in t)
            and _word(tok) not in titles and tok.lower_ not in _ORG_WORDS and tok.lower_ not in {"the", "of", "and"})


def _name_shaped(span, titles: frozenset, gaz_toks: set[int], lo: int = 2, hi: int = 3) -> bool:
    """2-3 title-case name tokens, none inside a gazetteer match."""
    return lo <= len(span) <= hi and all(_name_token(t, titles) and t.i not in gaz_toks for t in span)


def _person_evidence(doc, ent, titles: frozenset) -> bool:
    """Context that says a name-shaped entity names a person: a title word just
    before it ("spokeswoman Helena Strand"); an appositive role after it ("Helena
    Strand, a spokeswoman for ..."); or, after a common noun, apposition or
    coordination with a PERSON or a role ("... on special assignments Elchin
    Amirbayov and Deputy Minister ... Fariz Rzayev")."""
    if ent.start > 0 and _word(doc[ent.start - 1]) in titles:
        return True
    j = ent.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        if j < len(doc) and doc[j].lower_ in _DETS:
            j += 1
        for k in range(j, min(j + 3, len(doc))):
            if _word(doc[k]) in titles:
                return True
            if not (doc[k].is_lower or doc[k].is_alpha):
                break
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is None or prev.pos_ != "NOUN" or not prev.is_lower:
        return False
    root = ent.root

    def personish(tok) -> bool:
        return tok.ent_type_ == "PERSON" or _word(tok) in titles

    if any(c.dep_ in {"appos", "conj"} and not (ent.start <= c.i < ent.end) and personish(c) for c in root.children):
        return True
    return root.dep_ in {"appos", "conj"} and not (ent.start <= root.head.i < ent.end) and personish(root.head)


def person_fixes(doc, ents: list, gaz: list) -> list:
    """Entity fixes that recover persons from scraped news text. Returns the
    new list of entity Spans (may overlap; the caller filters).

    * an entity with a comma inside is split at it ("X, News" from "said on X,
      News.Az reports"), unless a company suffix follows ("Acme, Inc."); a part
      of one character, or one generic organisation word, is dropped;
    * an entity cut at a hyphen before a role word ("Republic of Azerbaijan-Head
      of the Department") ends before the hyphen;
    * leading titles (``data/titles.yaml``; the OntoNotes guidelines keep titles
      out of PERSON names) are stripped: "Spokeswoman Helena Strand" → PERSON
      "Helena Strand" when the rest is a 2-3 word name;
    * a 2-3 word name-shaped entity (title case, no organisation word, no
      gazetteer name) of another label becomes PERSON on context evidence
      (:func:`_person_evidence`);
    * an organisation ending in a 2-3 word PERSON name of the same document is
      split into ORG + PERSON ("Presidential Administration Hikmat Hajiyev");
    * a one-word PERSON and the title-case word across an editorial bracket
      ("[Prime Minister Nikol] Pashinyan") become one PERSON.
    """
    from spacy.tokens import Span

    titles, mods, _ = load_titles()
    text = doc_text(doc)
    gaz_toks = {i for g in gaz for i in range(g.start, g.end)}
    out: list = []
    # commas and hyphens
    for e in ents:
        if e.label_ not in _NAMEISH_LABELS:
            out.append(e)
            continue
        e_text = _span_text(text, e)
        commas = [t.i for t in e if t.text == ","] if "," in e_text else []
        if commas and not any(_word(doc[c + 1]) in _COMPANY_SUFFIX for c in commas if c + 1 < e.end):
            bounds = [e.start, *[c + 1 for c in commas]]
            ends = [*commas, e.end]
            for s, t in zip(bounds, ends):
                part = doc[s:t]
                alpha = [x for x in part if x.is_alpha]
                if not alpha or len(part.text.strip()) < 2 or (len(alpha) == 1 and alpha[0].lower_ in _ORG_WORDS):
                    continue
                out.append(Span(doc, s, t, label=e.label_))
            continue
        cut = None
        if "-" in e_text or "–" in e_text:
            cut = next((t.i for t in e if t.text in {"-", "–"} and t.i > e.start and t.i + 1 < e.end
                        and not doc[t.i - 1].whitespace_ and not t.whitespace_ and _word(doc[t.i + 1]) in titles
                        and doc[t.i + 1].text[:1].isupper()), None)
        out.append(Span(doc, e.start, cut, label=e.label_) if cut else e)
    # titles and name-shaped entities
    ents, out = out, []
    for e in ents:
        if e.label_ not in _NAMEISH_LABELS:
            out.append(e)
            continue
        i, saw = e.start, False
        while i < e.end - 1 and (_word(doc[i]) in titles or (saw and _word(doc[i]) in mods) or
                                 (i == e.start and doc[i].lower_ == "the")):
            saw = saw or _word(doc[i]) in titles
            i += 1
        if saw:
            rest = doc[i:e.end]
            if e.label_ == "PERSON" and _name_token(rest[0], titles):
                out.append(Span(doc, i, e.end, label="PERSON"))
                continue
            if _name_shaped(rest, titles, gaz_toks):
                out.append(Span(doc, i, e.end, label="PERSON"))
                continue
        if e.label_ != "PERSON" and _name_shaped(e, titles, gaz_toks) and _person_evidence(doc, e, titles):
            out.append(Span(doc, e.start, e.end, label="PERSON"))
            continue
        out.append(e)
    # organisations ending in a person's name
    persons = {e.text for e in out if e.label_ == "PERSON" and len(e) >= 2}
    ents, out = out, []
    for e in ents:
        if e.label_ != "PERSON" and e.label_ in _NAMEISH_LABELS and len(e) >= 3 and persons:
            n = next((n for n in (3, 2) if len(e) > n and doc[e.end - n:e.end].text in persons
                      and any(t.is_alpha for t in doc[e.start:e.end - n])), None)
            if n:
                out.append(Span(doc, e.start, e.end - n, label=e.label_))
                out.append(Span(doc, e.end - n, e.end, label="PERSON"))
                continue
        out.append(e)
    # editorial brackets between given name and surname
    out.sort(key=lambda s: s.start)
    ent_at = {i: s for s in out for i in range(s.start, s.end)}
    merged: list = []
    drop: set[int] = set()
    for e in out:
        if id(e) in drop:
            continue
        if e.label_ != "PERSON":
            merged.append(e)
            continue
        core = [t for t in e if t.text not in _BRACKETS]
        if len(core) != 1:
            merged.append(e)
            continue
        j, saw = core[0].i + 1, False
        while j < len(doc) and doc[j].text in _BRACKETS:
            saw, j = True, j + 1
        other = ent_at.get(j)
        if saw and j < len(doc) and _name_token(doc[j], titles) and j not in gaz_toks and \
                (other is None or (len(other) == 1 and other.label_ in {"PERSON", "ORG", "NORP", "PRODUCT"})):
            merged.append(Span(doc, core[0].i, j + 1, label="PERSON"))
            if other is not None:
                drop.add(id(other))
            continue
        merged.append(e)
    return merged

