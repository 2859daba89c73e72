"""Holder, stance and proposition of one clause.

:func:`_attributed` reads a clause's root (:func:`~rashomon.extract.clauses._clause_root`)
through :func:`~rashomon.extract.stance.read_stance` and
:func:`~rashomon.extract.propositions.read_parts`: who holds the claim (the
stance's holder, the quote's speaker, the subject of "blamed"/"accused", the
agent of a figure verb), how they hold it (``commitment``), its proposition
with the clause's nouns and noun compounds, and its polarity as the holder
sees it (the proposition's own negation, flipped by a denial). A cue outside
the clause lends it its hedges (:func:`_verb_group`).
"""
from __future__ import annotations

from bisect import bisect_left

from rashomon.extract import stamps
from rashomon.extract.clauses import CONDITIONS, SUBJ, VERBAL, _DocIndex, _between, _clause_root
from rashomon.extract.lemmas import lemma
from rashomon.extract.nominals import nominal_agent
from rashomon.extract.predicates import lexicon as predicate_lexicon
from rashomon.extract.propositions import read_parts
from rashomon.extract.speakers import lexicon as speaker_lexicon
from rashomon.extract.stance import commitment, read_stance, stance_verbs
from rashomon.extract.times import clock_reading

FIGURE_VERBS = {"put", "raise", "lower", "revise", "update", "set", "give", "estimate", "count"}


def _attributed(doc, tok_range, quote, quantities, ctext: str, start: int, ix: _DocIndex) -> dict | None:
    """Holder, stance and proposition of one clause (see :mod:`rashomon.extract.stance`
    and :mod:`rashomon.extract.propositions`); ``negated`` is the holder's
    polarity: the proposition's own negation, flipped by a denial."""
    lo, hi = tok_range
    r = _clause_root(ix, lo, hi)
    if r is None:
        return None
    root = ix.toks[r]
    if root.pos_ not in VERBAL:  # "Nobody in this building asked …" parsed with the pronoun as root
        verb = next((c for c in root.children if c.dep_ in ("acl", "relcl") and c.pos_ in VERBAL and c.i < hi), None)
        if verb is not None and root.lower_ in ("nobody", "nothing", "none", "no one"):
            root = verb
    cue = None
    if quote is not None and quote.cue and quote.cue_start is not None:
        k = bisect_left(ix.idxs, quote.cue_start)
        if k < len(ix.toks) and k != root.i:  # "The guild has rejected the invitation": the cue is the predicate
            cue = ix.toks[k]
    st = read_stance(root, lo, hi, cue)
    if st.head.i == root.i and lemma(root) in stance_verbs():
        # "…, its operator said, while a union put the toll at five": the clause beside the cue
        beside = next((c for c in root.children if c.dep_ in ("advcl", "conj") and c.pos_ in VERBAL
                       and lo <= c.i < hi and any(g.dep_ in SUBJ for g in c.children)
                       and not any(g.dep_ in ("mark", "advmod") and g.lower_ in CONDITIONS for g in c.children)), None)
        if beside is not None:
            st = read_stance(beside, lo, hi, None)
    parts = read_parts(st.head, quantities, ctext, start)
    nominal_agent(st.head, parts, lo, hi)  # "the destruction of the dam by X", "'X terrorists,' she wrote"
    named = True  # whether the clause names no time of day, or one whose reading is known
    if parts.clock is not None:  # "at six o'clock": morning or evening from the sentence or the entry's stamp
        stamp = stamps.stamp_before(ix.stamps, start) if ix.stamps else None
        clock, named = clock_reading(ctext, st.head.sent.text, stamp)
        _set(parts, "clock", clock)
    if parts.clock is None and named and ix.stamps and stamps.reports_now(st.head):
        _set(parts, "clock", stamps.stamp_before(ix.stamps, start))  # a live-blog entry's present: its stamp
    holder = st.holder if st.holder is not None else (quote.speaker_text if quote is not None else None)
    if holder is None and lemma(root) in ("blame", "accuse") and st.head.i == root.i or (
            holder is None and st.head.dep_ == "pcomp" and lemma(st.head.head.head) == "accuse"):
        subj = next((c for c in (root.children if st.head.i == root.i else st.head.head.head.children)
                     if c.dep_ == "nsubj"), None)
        holder = " ".join(t.text for t in subj.subtree) if subj is not None else None  # "the cabinet blamed X"
    if holder is None and lemma(st.head) in FIGURE_VERBS and parts.counts and parts.agent:
        holder = parts.agent  # "Police put the figure at 3,000": the police hold the figure
    stance = commitment(st.head, st.stance, holder)
    toks, heads = ix.toks, ix.heads
    _set(parts, "nouns", list(dict.fromkeys(toks[i].lower_ for i in _between(ix.nouns, lo, hi))))
    _set(parts, "compounds", list(dict.fromkeys(f"{toks[i].lower_} {toks[heads[i]].lower_}"
                                         for i in _between(ix.compounds, lo, hi)
                                         if lo <= heads[i] < hi and participant(toks[heads[i]]))))
    # an anaphoric denial ("That figure is a fiction") negates the earlier claim it points at
    negated = True if st.anaphoric else parts.negated != (stance in ("denies", "doubts"))
    outside = st.cue_tok if st.cue_tok is not None and not lo <= st.cue_tok.i < hi else None
    return {"holder": holder, "stance": stance, "cue": st.cue if stance != "asserts" else None,
            "anaphoric": st.anaphoric, "parts": parts, "negated": negated,
            "cue_words": _verb_group(outside) if outside is not None else ""}


def _set(record, name: str, value) -> None:
    """``record.name = value`` without pydantic's validation on assignment, for a
    value built of the field's type (a string, None, a list of strings); the
    field is marked set, as an assignment marks it."""
    record.__dict__[name] = value
    record.__pydantic_fields_set__.add(name)


INSTRUMENT_PREPS = {"with", "using"}
PART_PREPS = {"of", "on"}  # "the failure of a valve", "a valve on the line"; not "a ban in the centre"
PART_STEPS = 2
WITNESS_VERBS = {"see", "saw", "witness", "observe", "notice", "photograph", "film", "find", "discover", "detect",
                 "report", "record"}
"""Verbs of perception and discovery (FrameNet Perception_experience, Becoming_aware) and of
reporting a thing (Statement with a nominal message): their object is taken to have been there."""
AGENT_DEPS = {"nsubj", "agent"}


def participant(noun) -> bool:
    """Whether a noun names a thing that takes part in the act its clause
    reports, so that two claims naming it may say one thing was there, used
    or happening: the subject of an active, non-copular verb ("two armoured
    trucks entered the yard"), the agent of a passive ("knocked over by the
    truck"), an instrument ("moved in with armoured trucks", "using a crane")
    what a verb of use fires or deploys ("deployed armoured trucks"), or what
    was seen, found or reported (``WITNESS_VERBS``).
    Persons and groups of people (``groups`` of data/predicates.yaml,
    ``person_nouns`` of data/cues.yaml: "the billionaire businessman") are left
    to the rules on agents; a noun in a place, time or topic phrase ("a ban
    in the old town", "talks about the harbour fee") or the object of any
    other verb ("supports the harbour fee") is only mentioned; a noun "of" or
    "on" another takes the other's role ("the failure of a valve on the feed
    line caused …", "reported a leaking valve on the line") (the roles Agent,
    Instrument and the used Theme of FrameNet's Using frame; PropBank Arg0
    and ArgM-MNR/instrument, Palmer et al. 2005)."""
    lex = predicate_lexicon()
    if lemma(noun) in speaker_lexicon().person_nouns or \
            any(noun.lower_ in words or lemma(noun) in words for words in lex["groups"].values()):
        return False
    for _ in range(PART_STEPS):  # "a valve on the feed line": the line takes part as the valve's part
        if noun.dep_ == "pobj" and noun.head.lower_ in PART_PREPS and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
    dep, head = noun.dep_, noun.head
    if dep == "pobj" and head.dep_ == "agent":
        return True  # "knocked over by the truck"
    if dep == "pobj" and head.lower_ in INSTRUMENT_PREPS:
        return True  # "moved into the yard with trucks": an instrument, however the phrase is attached
    if dep in AGENT_DEPS and head.pos_ in VERBAL and lemma(head) != "be" \
            and not any(c.dep_ in ("acomp", "attr") for c in head.children):
        return True  # "trucks entered the yard"; not "the truck was a risk"
    # "fired rubber rounds"; "saw a leaking tank", "reported a leaking tank": what was seen or reported was there
    return dep == "dobj" and (lex["class"].get(lemma(head)) == "use_force" or lemma(head) in WITNESS_VERBS)


def _verb_group(verb) -> str:
    """A verb with its auxiliaries, negation, adverbs and particle, in order
    ("did not rule out", "reportedly said"): the words of a cue outside the
    clause whose hedges the clause inherits."""
    toks = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "prt"))]
    return " ".join(t.text for t in sorted(toks, key=lambda t: t.i))
