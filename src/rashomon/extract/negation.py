"""Negation scoped on the dependency parse.

A claim is negated when a negation governs its main predicate, not when a
negator appears anywhere in it (Morante & Blanco 2012, *SEM shared task on the
scope of negation; BioScope, Vincze et al. 2008). The rules, over spaCy's
English dependency labels (ClearNLP):

* a ``neg`` child ("not", "n't", "never") of the predicate, of its auxiliary or
  copula, or of the verb a ``xcomp`` predicate hangs from ("did not want to
  stop") — but not of a verb inside a relative clause, a subordinate clause or
  an object ("a munition that HRW has not been able to identify hit the
  area" is affirmed);
* a negative determiner or pronoun heading a core argument of the predicate:
  "No pepper spray was used", "Nobody asked", "There were no casualties",
  "not one window was broken";
* lexical negation: a negating verb governs the predicate ("refused to leave",
  "ruled out selling the stake").

Pseudo-negations do not negate: "not only", "no doubt", "nothing but", "no
more than" (a qualifier of a figure), and minimisers ("almost no civilians",
"hardly any") concede a small amount (kept as hedges by
:mod:`rashomon.extract.claims`). "did not rule out" is a hedge, not a negation.
"""
from __future__ import annotations

from rashomon.extract.lemmas import lemma

NEG_DEPS = ("neg",)
CORE_ARGS = ("nsubj", "nsubjpass", "dobj", "attr", "expl", "csubj")
NEG_DETS = {"no", "neither"}
_NEG_MODIFIERS = frozenset(NEG_DETS | {"not"})  # a negative determiner, or "not" ("not a single")
NEG_PRONOUNS = {"nobody", "nothing", "none", "noone", "nowhere", "no-one"}
NEG_ADVERBS = {"not", "n't", "never", "nt", "n’t"}
MINIMISERS = {"almost", "nearly", "virtually", "practically", "hardly", "barely", "scarcely"}
PSEUDO_AFTER = {"only", "just", "least", "doubt", "but", "less", "more", "fewer", "sooner"}


def _has_neg_child(tok) -> str | None:
    """The negation word among ``tok``'s children ("not", "never"), or None; a
    pseudo-negation ("not only", "not least") is skipped."""
    for c in tok.children:
        w = c.lower_
        if c.dep_ in NEG_DEPS or (w in ("never",) and c.dep_ in ("advmod", "neg")):
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in PSEUDO_AFTER and nxt.head == c.head and nxt.dep_ != c.head.dep_:
                continue
            return c.text
    return None


def _negative_argument(arg) -> str | None:
    """A negative determiner or pronoun heading the argument ``arg``
    ("no casualties", "nobody", "not one window"), unless a minimiser softens
    it ("almost no civilians") or it is a figure qualifier ("no more than")."""
    if arg.lower_ in NEG_PRONOUNS:
        nxt = arg.doc[arg.i + 1] if arg.i + 1 < len(arg.doc) else None
        return None if nxt is not None and nxt.lower_ in ("but", "less", "more") else arg.text
    for c in arg.children:
        if c.dep_ in ("det", "neg", "advmod", "nummod", "amod") and c.lower_ in _NEG_MODIFIERS:
            if any(g.lower_ in MINIMISERS for g in c.children) or (c.i > 0 and c.doc[c.i - 1].lower_ in MINIMISERS):
                return None
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in PSEUDO_AFTER:
                continue
            return c.text
        if c.dep_ == "nummod" and c.lower_ == "one" and any(g.lower_ == "not" for g in c.children):
            return "not one"
    if arg.lower_ == "one" and any(g.lower_ == "not" for g in arg.children):
        return "not one"
    return None


def _verb_chain(pred):
    """The predicate and the verbs it leans on for negation: its auxiliaries and
    copula, and for an ``xcomp``/``acomp`` complement the governing verb ("did
    not want to stop": the negation is on "want")."""
    out = [pred]
    out += [c for c in pred.children if c.dep_ in ("aux", "auxpass", "cop")]
    if pred.dep_ in ("xcomp", "acomp") and pred.head.i != pred.i:
        out.append(pred.head)
    return out


def negation_cue(pred) -> str | None:
    """The words that negate the predicate token ``pred``, or None.

    ``pred`` is the head of the proposition (a verb, or for a copular clause
    the verb "be" or the adjective/noun that carries the meaning)."""
    for t in _verb_chain(pred):
        cue = _has_neg_child(t)
        if cue:
            return cue
    if pred.dep_ == "acl" and pred.head.lower_ in NEG_PRONOUNS:
        return pred.head.text  # a misparse of "Nobody in this building asked …": the pronoun heads the verb
    heads = [pred] + ([pred.head] if pred.dep_ in ("acomp", "attr") else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in CORE_ARGS:
                cue = _negative_argument(c)
                if cue:
                    return cue
    return None


def lexical_negation(pred, negating_verbs: frozenset, phrasal: frozenset) -> str | None:
    """A negating verb that governs ``pred``: "refused to leave" (``xcomp``),
    "ruled out selling" (a phrasal "rule out" over its complement), or None.
    A negated negating verb ("did not rule out") is not a negation (see
    :mod:`rashomon.extract.claims`: it hedges)."""
    h = pred.head
    if h.i == pred.i or pred.dep_ not in ("xcomp", "ccomp", "pcomp", "dobj"):
        return None
    lem = lemma(h)
    prt = next((c.lower_ for c in h.children if c.dep_ == "prt"), None)
    if (lem in negating_verbs or (lem, prt) in phrasal) and not _has_neg_child(h):
        return h.text if prt is None else f"{h.text} {prt}"
    return None


def negated_speech(verb, negating_verbs: frozenset, phrasal: frozenset) -> str | None:
    """The words that deny a speech act, or None: a cue verb (a Token) that is
    negated itself ("did not say whether P", "has never confirmed that P",
    "Nobody warned residents") or whose speaking is declined ("declined to
    comment", "refused to say", "failed to warn"). Such a cue attributes no
    content to its source (PARC 3.0, Pareti 2016: the factuality of an
    attribution is a feature of its own; FactBank, Saurí & Pustejovsky 2009: a
    negated source-introducing predicate commits the source to nothing, CT-/Uu).
    A negated negating verb ("did not rule out that P") is not caught here: it
    keeps P open as possible (a hedge)."""
    lem = lemma(verb)
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if lem in negating_verbs or (lem, prt) in phrasal:
        return None
    cue = negation_cue(verb)
    if cue and cue.lower() in NEG_ADVERBS and not any(
            (c.dep_ in NEG_DEPS or c.lower_ == "never") and c.i < verb.i for t in _verb_chain(verb) for c in t.children):
        cue = None  # a "not" after the verb negates what follows ("promising X ― probably not what Y wanted")
    if cue:
        return cue
    h = verb.head
    if verb.dep_ == "xcomp" and h.i != verb.i and lemma(h) in negating_verbs and not _has_neg_child(h):
        return h.text  # "declined to comment"
    return None
