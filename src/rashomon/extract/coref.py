"""Pronoun and descriptor speakers, and the history of who spoke where.

The state of one article (a plain ``dict``): the named speakers of the quotes
found so far, by position (:func:`record`, :func:`last_before`), and the person
and role mentions of the Doc, read once. A pronoun speaker resolves to the
latest quote speaker when no person was named since, else to the nearest
preceding person mention; a descriptor ("the presidential aide") to the person
the article introduced with that role.
"""
from __future__ import annotations

import bisect

from rashomon.annotate import doc_ents
from rashomon.extract import speakers as sp
from rashomon.extract.docindex import DocIndex


def record(state: dict, pos: int, spk: dict, attr_end: int | None = None) -> None:
    """Remember that a named speaker spoke at ``pos`` (for pronouns and runs), with
    the end of that quote's attribution (``attr_end``, default ``pos``). Kept
    sorted by position (bisect), so a lookup costs O(log n) per quote."""
    at = state.setdefault("speaker_pos", [])
    k = bisect.bisect_right(at, pos)
    at.insert(k, pos)
    state.setdefault("speakers", []).insert(k, spk)
    state.setdefault("speaker_ends", []).insert(k, pos if attr_end is None else attr_end)


def last_before(state: dict, pos: int, with_end: bool = False):
    """The named speaker of the latest quote before ``pos`` (of several recorded at
    that same position, the first recorded), or ``None``; with ``with_end``, the
    pair (speaker, end of its attribution)."""
    at = state.get("speaker_pos", [])
    k = bisect.bisect_left(at, pos) - 1
    if k < 0:
        return None
    k = bisect.bisect_left(at, at[k])
    return (state["speakers"][k], state["speaker_ends"][k]) if with_end else state["speakers"][k]


def _persons(ctx: DocIndex, state: dict) -> list[dict]:
    """Named person mentions of the body, in order, with role and affiliation."""
    if "persons" not in state:
        out = []
        for e in doc_ents(ctx.doc):
            if e.label_ != "PERSON" or not ctx.text[e.start_char:e.end_char].strip():
                continue
            if not any(t.pos_ == "PROPN" for t in e):
                continue
            ns = ctx.name_span(e.root)
            if ns is None:
                continue
            role, aff = ctx.role_of(e.root)
            out.append({"start": ns[0], "end": ns[1], "role": role, "aff": aff,
                        "subj": e.root.dep_ in ("nsubj", "nsubjpass")})
        out.sort(key=lambda m: (m["end"], m["start"]))
        state["persons"] = out
        state["person_ends"] = [m["end"] for m in out]
        state["person_starts"] = [m["start"] for m in out]
    return state["persons"]


def _roles(ctx: DocIndex, state: dict) -> list[dict]:
    """Every named mention (any name label) that the text gives a role."""
    if "roles" not in state:
        out, seen = [], set()
        for e in doc_ents(ctx.doc):
            if e.label_ not in ("PERSON", "ORG") or not ctx.text[e.start_char:e.end_char].strip():
                continue
            role, aff = ctx.role_of(e.root)
            ns = ctx.name_span(e.root)
            if role and ns and ns not in seen:
                seen.add(ns)
                out.append({"start": ns[0], "end": ns[1], "role": role, "aff": aff})
        state["roles"] = out
    return state["roles"]


def resolve_pronoun(ctx: DocIndex, tok, state: dict) -> dict | None:
    """Antecedent of a pronoun speaker: the latest quote speaker when no person
    was named since, else the nearest preceding person mention (subjects first)."""
    pos = tok.idx
    if tok.lower_ in sp.PRONOUNS_SELF:
        return None
    last = last_before(state, pos)
    if tok.lower_ in sp.PRONOUNS_GROUP:
        if last and last.get("start") is not None and last["start"] < pos:
            return last
        return None
    persons = _persons(ctx, state)
    ends = state["person_ends"]
    n = bisect.bisect_right(ends, pos)  # persons[:n] end at or before pos
    if last and last.get("start") is not None and last["start"] < pos:
        k = bisect.bisect_right(state["person_starts"], last["start"])
        if not any(m["subj"] for m in persons[k:n]):
            return last
    if n:
        subj = [m for m in persons[max(0, n - 3):n] if m["subj"]]
        return subj[-1] if subj else persons[n - 1]
    return None


def resolve_descriptor(ctx: DocIndex, tok, state: dict) -> dict | None:
    """The person the article introduced with the role a descriptor names
    ("the presidential aide" → "Hikmat Hajiyev, Assistant to the President")."""
    head, mods = sp.descriptor_words(tok)
    key = (head, frozenset(mods))
    cache = state.setdefault("descriptor_matches", {})
    if key not in cache:  # role scores do not depend on the position: once per descriptor
        cache[key] = [(sc, m) for m in _roles(ctx, state) if (sc := sp.role_score(head, mods, m["role"]))]
    best, best_score = None, 0
    for sc, m in cache[key]:
        sc = sc * 10 + (1 if m["start"] < tok.idx else 0)
        if sc > best_score:
            best, best_score = m, sc
    return best
