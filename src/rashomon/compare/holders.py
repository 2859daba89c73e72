"""A holder's organisation: the person who speaks for a body is that body's voice.

A coordinator, a spokesperson or a director quoted by name ("Dr Ana Vell, who
runs the clinic's emergency unit") and the organisation quoted by its own name
("the clinic said") are one source of a figure: two reports of it are a repeat
of one account, not two accounts that corroborate each other. PARC 3.0 (Pareti
2016) reads the source of an attribution with its affiliation; the same holder
across articles is one source (Pareti 2016, 4.2; the issue's "independent").

:func:`affiliations` reads, for every person entity, the organisations its role
or affiliation names (a role is the appositive or relative clause the speaker
finder kept: "a doctor who coordinates the VMN's first-aid points"). An
organisation is named when one of its aliases (three characters or more) stands
in the role as whole words. A role that sets the person against the body ("a
critic of the board") names no affiliation (``ADVERSE``).
"""
from __future__ import annotations

import re

from rashomon.types import Entity, Quote

ORG_TYPES = {"ORG"}  # a place or a people named in a role ("a resident of Tamsk") is no employer
MIN_ALIAS = 3
ADVERSE = re.compile(r"(?i)\b(?:critic|critics|opponent|opponents|rival|rivals|adversary|victim|victims|"
                     r"enemy|enemies|foe|accuser|plaintiff|against|former)\b")
"""Role words that set a person apart from the body they name ("a critic of the board",
"a former director"): no affiliation is read."""


def _roles(entities: list[Entity], quotes: list[Quote]) -> dict[str, list[str]]:
    """Entity id → every role and affiliation text the corpus gives it."""
    out: dict[str, list[str]] = {}
    for e in entities:
        out[e.id] = [t for t in (e.role, e.affiliation) if t]
    for q in quotes:
        if q.speaker and q.speaker in out:
            out[q.speaker] += [t for t in (q.speaker_role, q.speaker_affiliation) if t]
    return out


def affiliations(entities: list[Entity] | None, quotes: list[Quote]) -> dict[str, frozenset[str]]:
    """Person entity id → ids of the organisations its roles name (see the
    module docstring); persons with none are left out.

    Parameters
    ----------
    entities : the corpus's linked entities (None or empty: no affiliation read).
    quotes : every quote (their ``speaker_role`` and ``speaker_affiliation``).
    """
    if not entities:
        return {}
    by_alias: dict[str, set[str]] = {}  # alias → ids of the organisations it names
    for e in entities:
        if e.type in ORG_TYPES:
            for a in {e.name, *e.aliases}:
                if len(a) >= MIN_ALIAS:
                    by_alias.setdefault(a, set()).add(e.id)
    if not by_alias:
        return {}
    # one pattern for every alias, longest first: each role is read once
    pat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
                     + r")(?![\w-])")
    out = {}
    for eid, texts in _roles(entities, quotes).items():
        found = frozenset(oid for t in texts if not ADVERSE.search(t) for m in pat.finditer(t)
                          for oid in by_alias[m.group()] if oid != eid)
        if found:
            out[eid] = found
    return out
