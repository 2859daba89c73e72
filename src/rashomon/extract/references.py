"""References inside an article: the earlier claim an anaphoric claim points at.

A claim is read alone (:mod:`rashomon.extract.claims`), but some of its parts
are only known from the claims before it in the same article:
:func:`resolve_references` points a denial of "that account" or "the union's
figure" at the claim it denies, gives "the figure" in "put the figure at N"
what the earlier figure counted, gives a pronoun theme ("rejected it") the
noun it stands for (and a dated "it" its thing), and marks a figure with no noun that follows a larger
count as a part of that count. The rule throughout is recency: the nearest
fitting antecedent wins (Hobbs 1978; Mitkov 2002, *Anaphora Resolution*).
"""
from __future__ import annotations

import re

from rashomon.types import Claim

_LETTERS = re.compile(r"[^\W\d_]+")
REFERENCE_WINDOW = 4  # claims back that an anaphoric denial or "the figure" may point to
PRONOUN_WINDOW = 2  # claims back that a pronoun theme ("rejected it") may point to
PEOPLE = {"people", "persons", "protesters", "patients", "workers", "civilians", "residents"}
PRONOUN_THEMES = {"it", "this", "that", "them", "these", "those"}
PERSONAL = {"he", "she", "they", "we", "i", "you"}


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in _LETTERS.findall(text or "")}


def _bare(q) -> bool:
    """A figure with no counted noun ("Twelve had burns")."""
    return q.unit is None and q.of in (None, "killed", "wounded")


def _possessor(theme: str | None) -> set[str]:
    """The words of a possessor in a theme ("the union 's figure" → {"union"}), without articles."""
    if not theme or "'s" not in theme.replace("’", "'"):
        return set()
    owner = theme.replace("’", "'").split("'s")[0]
    return _words(owner) - {"the", "a", "an"}


def _subject_noun(earlier: list[Claim]) -> str | None:
    """The last word of the nearest earlier subject that is not a pronoun ("The
    bridge spans the river. It carries …": bridge), a subject first (Hobbs 1978)."""
    for e in earlier:
        agent = e.proposition.agent if e.proposition is not None else None
        words = _words(agent)
        if words and not words & (PRONOUN_THEMES | PERSONAL):
            last = agent.lower().split()[-1]
            return last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    return None


def _holder_key(c: Claim) -> str:
    return (c.holder_text or c.quote or "").lower()


def resolve_references(claims: list[Claim]) -> None:
    """Point anaphoric claims at their antecedent, in place (a recency rule of
    pronoun resolution: the nearest candidate wins, Hobbs 1978; Mitkov 2002):

    * a denial of "that account" or "this" (``refers_to`` = the span of the
      nearest earlier claim of another holder that asserts or promises something, within
      ``REFERENCE_WINDOW`` claims);
    * "put the figure at N": ``counts`` of the nearest earlier measure, and its
      unit when the figure names none ("the figure" counts what it counted);
    * a pronoun theme ("every family has rejected it"): the theme nouns of the
      nearest earlier claim within ``PRONOUN_WINDOW`` claims that has them;
    * a figure with no noun after a larger count of people ("we treated 80
      people … twelve had burns") is ``partitive``: a part of that count."""
    for i, c in enumerate(claims):
        earlier = claims[max(0, i - REFERENCE_WINDOW):i][::-1]
        if c.refers_to is not None:
            cands = [e for e in claims[max(0, i - 2 * REFERENCE_WINDOW):i][::-1] if e.proposition is not None
                     and e.refers_to is None and e.stance in ("asserts", "promises") and _holder_key(e) != _holder_key(c)]
            owner = _possessor(c.proposition.theme if c.proposition else None)
            # "the guild's figure": the guild's claim; else the nearest claim of another holder
            ante = next((e for e in cands if owner & _words(e.holder_text)), None) if owner else None
            ante = ante or next((e for e in cands if not earlier or e.start >= earlier[-1].start), None)
            c.refers_to = [ante.start, ante.end] if ante is not None else None
        p = c.proposition
        if p is None:
            continue
        if p.counts == "ref":
            ante = next((e for e in earlier if e.proposition is not None and e.proposition.counts
                         not in (None, "ref")), None)
            p.counts = ante.proposition.counts if ante is not None else None
            if ante is not None and p.measure is not None and c.quantities[p.measure].unit is None:
                aq = ante.quantities[ante.proposition.measure]
                c.quantities[p.measure] = c.quantities[p.measure].model_copy(update={"unit": aq.unit, "of": aq.of})
        if p.measure is not None and p.counts not in (None, "ref") and _bare(c.quantities[p.measure]):
            p.partitive = any(e.proposition is not None and e.proposition.measure is not None
                              and e.quantities[e.proposition.measure].unit in PEOPLE
                              and e.quantities[e.proposition.measure].value > c.quantities[p.measure].value
                              for e in earlier)
        if any("|it|" in d for d in p.dated):  # "Completed in 1931, it carries …": the thing before
            noun = _subject_noun(earlier)
            p.dated = [d.replace("|it|", f"|{noun}|") for d in p.dated] if noun else \
                [d for d in p.dated if "|it|" not in d]
        if p.theme and p.theme.lower() in PRONOUN_THEMES and not p.theme_heads:
            for e in earlier[:PRONOUN_WINDOW]:
                # "it" stands for a singular noun: a head written as its own lemma ("its offer", not "the families")
                heads = [h for h in (e.proposition.theme_heads if e.proposition else ()) if h in _words(e.text)]
                if heads:
                    p.theme_heads, p.theme_modifiers = heads, list(e.proposition.theme_modifiers)
                    p.theme_of = list(e.proposition.theme_of)
                    break
