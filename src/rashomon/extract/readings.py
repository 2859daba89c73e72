"""Which token a proposition is read from, and how its polarity turns on the way.

Under a reporting or denial verb the proposition's head may sit inside another
verb: an evidential ("appeared to show guards firing": the firing; FactBank),
an aspectual ("began clearing the camp": the clearing), a negating verb
("ruled out selling": the selling, negated), a coordinated verb that carries the
listed class ("went to work and never came home"), or the complement of a
copula or light verb ("was overdue", "had burns"). :func:`_reading_head` and
:func:`_light_predicate` return those tokens for
:func:`rashomon.extract.propositions.read_parts`.
"""
from __future__ import annotations

import functools

from rashomon.extract.lemmas import lemma
from rashomon.extract.negation import negation_cue
from rashomon.extract.predicates import _of_nouns, _phrasal, lexicon

LIGHT = {"have", "come", "get", "take", "make", "give", "be", "put", "go", "do", "lie", "play", "bear", "commit"}
ASPECTUAL = {"begin", "start", "continue", "resume"}


def _informative_conjunct(head, lex: dict):
    """A verb coordinated with ``head`` under one subject that carries a listed
    class or euphemism when ``head`` carries none ("five colleagues went to work
    and will never come home": the coming home); else ``head``."""
    if head.pos_ != "VERB" or lex["class"].get(_phrasal(head)):
        return head
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            ph = _phrasal(c)
            if ph in lex["class"] or ("not_" if negation_cue(c) else "") + ph in lex["euphemisms"]:
                return c
    return head


RAISING = {"appear", "seem", "look"}
"""Evidential raising verbs ("appeared to show", "seems to have burned"): a hedge
on their infinitive, which holds the proposition (FactBank, Saurí & Pustejovsky
2009: the evidential's complement is the event, its factuality lowered to
probable; the hedge itself is kept from ``data/hedges.yaml``)."""
SHOWING = {"show", "reveal", "capture", "depict"}
"""Verbs by which a record shows an event ("the video shows guards firing gas"):
the event shown is the proposition (FactBank's evidential perception predicates;
FrameNet Evidence)."""


def _evidential(head):
    """The clause an evidential verb carries, read through "appear to" and
    "show X doing Y" ("footage appeared to show guards firing gas" → firing);
    ``head`` when it carries none."""
    if lemma(head) in RAISING:
        comp = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        head = comp if comp is not None else head
    if lemma(head) in SHOWING:
        comp = next((c for c in head.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None) or next(
            (g for c in head.children if c.dep_ == "dobj" for g in c.children
             if g.dep_ == "acl" and g.tag_ == "VBG"), None)
        head = comp if comp is not None else head
    return head


def _aspectual(head):
    """The verb an aspectual verb carries: "bailiffs began clearing the camp" →
    clearing; "the operation to clear the camp had begun" → clear (the
    subject's clause); None when ``head`` is not aspectual or carries no verb."""
    if lemma(head) not in ASPECTUAL:
        return None
    comp = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if comp is not None:
        return comp
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ == "NOUN":
        return next((c for c in subj.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    return None


def _light_predicate(head, lem: str, classes: dict):
    """For a copula or light verb, the token that carries the meaning: its
    complement ("was overdue"), its classed subject ("the command came from X") or
    object ("twelve had burns", "put the death toll at seven"); else ``head``."""
    if not (lemma(head) in LIGHT or head.pos_ == "AUX"):
        return head
    kids = list(head.children)
    comp = next((c for c in kids if c.dep_ in ("acomp", "attr", "oprd")), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if comp is not None:
        return comp
    if lem not in classes and subj is not None and lemma(head) == "come" and lemma(subj) in classes:
        return subj  # "the order came from the ministry"
    if lem not in classes and obj is not None and lemma(obj) in classes:
        return obj  # "twelve had burns", "put the death toll at seven", "bears responsibility"
    if obj is not None and lemma(obj) == "act":  # "committed an act of terror"
        of = next(iter(_of_nouns(obj)), None)
        if of is not None and lemma(of) in classes:
            return of
    return head


def _reading_head(head):
    """The token a proposition is read from, and how its polarity turns on the
    way: ``(head, outer, inner, flip, negating_head)``. "ruled out selling its
    stake", "refused to leave": the complement, negated ("did not rule out that
    P" hedges P: not negated); "five went to work and never came home": the
    informative conjunct; "bailiffs began clearing the camp": the clearing
    (``inner``), negated with "began" (``outer``)."""
    negating, phrasal = _negating()
    flip, negating_head = False, None
    head = _evidential(head)
    if lemma(head) in negating or tuple(_phrasal(head).split("_")) in phrasal:
        comp = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp", "pcomp")), None)
        if comp is not None:
            head, flip = comp, negation_cue(head) is None
        elif any(c.dep_ == "dobj" for c in head.children):
            negating_head = head  # "ruled out a ban" negates the ban; "did not rule out a ban" does not;
            # "the levee had been neglected" (no object) is a neglect, not a negation
    head = _informative_conjunct(head, lexicon())
    outer = head
    inner = _aspectual(head)
    if inner is not None:
        head, flip = inner, flip != (negation_cue(outer) is not None)
    return head, outer, inner, flip, negating_head


@functools.lru_cache(maxsize=1)
def _information() -> frozenset:
    from rashomon.extract.stance import lexicon as stance_lexicon

    return stance_lexicon()["information"]


@functools.lru_cache(maxsize=1)
def _negating():
    from rashomon.extract.stance import lexicon as stance_lexicon

    s = stance_lexicon()
    return s["negating"], s["phrasal"]
