"""The subject of a cue verb: who the clause of a reporting verb names as its source.

Climbs from the cue through the clauses that share its subject (coordinated,
complement and adverbial clauses, participles on a noun, a medium) after
Quirk et al. (1985, *A Comprehensive Grammar of the English Language*,
13.4 and 15.59: coordination and the subject attachment rule of non-finite
clauses) and repairs the few parse errors of the small English model that
lose a subject. Pure functions of a spaCy ``Token``.
"""
from __future__ import annotations


def subject_of(verb):
    """The subject token of a cue verb: its ``nsubj`` child; for a conjoined,
    ``xcomp``/``advcl`` verb ("continues to claim", "…, adding …") or one inside a
    prepositional phrase ("joined X in calling for …", "responded by saying …")
    the subject of the verb above; for a participle on a noun ("issued a
    statement saying …") the subject of the verb that governs the noun, else the
    noun itself ("an advertisement claiming …"); for an inverted cue ("…, says
    the minister") a nominal after it (never a date: "said Thursday"); for a cue
    coordinated with a passive ("X was booed and joked") or a non-finite clause
    hung on one ("X was booed after telling …") the passive's subject; for a
    participle on the medium of an active verb ("X shot back in an article
    stating …") that verb's subject (:func:`_medium`); for a coordinated clause
    whose subject the parse hung on the clause before, that subject
    (:func:`_stray_subject`). Returns ``None`` when the clause names no speaker
    (passives, imperatives)."""
    v = verb
    nonfinite = False  # whether the climb passed through a non-finite clause
    if verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl", "xcomp") and (shown := _shown_speaking(verb)) is not None:
        return shown
    fronted = None  # the adverbial phrase the climb came up through, when it opens its clause
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj") and (not c.is_punct or c.text == "%")]  # the small model can make a mark («) the subject
        if subj:  # of two, a name before a noun, then the nearer ("…, two of them seriously, spokesman X said")
            return min(subj, key=lambda c: (c.pos_ != "PROPN", abs(c.i - v.i)))
        passive = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            # "X was joined on stage by Y and joked": a verb coordinated with a passive shares its
            # subject (Quirk et al. 1985, 13.4); so does a non-finite clause hung on it ("X was booed
            # after telling them …", "X was quoted as saying …": the subject attachment rule, Quirk et
            # al. 1985, 15.59); the passive cue itself names no speaker
            # (a passive after the cue is in its content: "telling them, “some get carried away”")
            # a fronted adverbial before the passive's subject too ("After saying …, she was rushed to …")
            attached = nonfinite and (passive.i < verb.i or fronted is not None and fronted.right_edge.i < passive.i)
            return passive if v.i != verb.i and (verb.dep_ == "conj" and verb.head.i == v.i or attached) else None
        if v.dep_ == "conj" and (stray := _stray_subject(v)) is not None:
            return stray
        h = v.head
        if v.dep_ in ("conj", "xcomp", "advcl") and h.i != v.i or v.dep_ == "acomp" and v.pos_ == "ADJ" and h.i != v.i:
            nonfinite = nonfinite or v.dep_ in ("xcomp", "advcl") and v.tag_ in ("VBG", "VBN", "VB")
            v = h  # an adjective between: "X is likely to stress …", "X was quick to point out …"
        elif v.dep_ == "pcomp" and h.dep_ == "prep" and h.head.i != h.i and h.head.pos_ in ("VERB", "AUX"):
            nonfinite = nonfinite or v.tag_ == "VBG"
            fronted = h if h.i < h.head.i else None
            v = h.head
        elif v.dep_ == "pcomp" and h.dep_ == "prep" and h.head.pos_ in ("ADV", "ADJ") and \
                h.head.head.i != h.head.i and h.head.head.pos_ in ("VERB", "AUX"):
            nonfinite = nonfinite or v.tag_ == "VBG"  # "refuses to discuss it, aside from saying …"
            v = h.head.head
        elif v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN") and h.i < v.i:
            if v.tag_ == "VBG" and _is_person(h):
                return h  # "features five workers speaking …": the participle's own noun speaks
            if h.dep_ == "dobj" and h.head.pos_ in ("VERB", "AUX"):
                v = h.head
            elif v.tag_ == "VBG" and (m := _medium(h)) is not None:
                v = m  # "X shot back in an article stating …": the source writes through its medium
            else:
                return h
        else:
            break
    # inverted: "says Azerbaijan's spokesman" parsed with the nominal as dobj/attr (also for the
    # cue a participle hangs on: "asked Mr. X, referring to …")
    for w in (verb, v) if v.i != verb.i else (verb,):
        for c in w.rights:
            if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.pos_ in ("PROPN", "NOUN") \
                    and c.ent_type_ not in ("DATE", "TIME") and (w is verb or c.i < verb.i):
                if w.lower_ in ("told", "tell", "tells", "telling"):
                    return None
                return c
    return None


def _lexicon():
    """``data/cues.yaml`` (:func:`speakers.lexicon`; imported here, as speakers imports this module)."""
    from rashomon.extract.speakers import lexicon

    return lexicon()


def _is_person(noun) -> bool:
    """Whether a noun names a person or people: a PERSON name or a person noun of
    ``data/cues.yaml`` ("workers", "a spokeswoman")."""
    from rashomon.extract.lemmas import lemma

    people = _lexicon().person_nouns
    return noun.ent_type_ == "PERSON" or noun.lower_ in people or lemma(noun) in people


def _shown_speaking(verb):
    """The person a participle right after "of X" describes when the parse hung the
    participle on the clause or on the noun before "of" ("ends with footage of X
    saying …", "uses a clip of X asking …"): an -ing participle postmodifies the noun before it (Quirk et al.
    1985, 17.97, "the man writing the letter"), so X speaks. ``None`` otherwise."""
    if verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ == "pobj" and prev.head.lower_ == "of" and prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", ""):
        return prev
    return None


def _stray_subject(verb):
    """The subject of a clause coordinated with the one before that the parse hung
    on that clause as a conjunct ("X said they would go and [others] have said …",
    with "others" a conjunct of the object): a noun or pronoun right before the
    verb and its auxiliaries, itself right after "and"/"but"/"or", attached as a
    conjunct. ``None`` when there is none."""
    doc = verb.doc
    k = verb.i - 1
    while k > 0 and doc[k].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[k].head.i == verb.i:
        k -= 1
    t = doc[k]
    if k < 1 or t.dep_ != "conj" or t.head.i == verb.head.i or t.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return t if doc[k - 1].pos_ == "CCONJ" else None


# prepositions that give the medium of an act of speech: "in a statement", "with a remark", "via a post"
MEDIUM_PREPS = {"in", "with", "via", "through"}


def _medium(noun):
    """The active verb a noun is the medium of ("shot back [in an article]", "ended the
    debate [with a reference]"), whose subject is the source of a participle on the noun
    ("… stating that …", "…, remarking …"): the PolNeAR guidelines take the writer, not the
    document, as the source of "X wrote in a letter saying …". ``None`` when the noun is no
    object of such a preposition or the verb is passive ("named in a lawsuit alleging …": the
    lawsuit alleges) or names no subject."""
    p = noun.head
    if noun.dep_ != "pobj" or p.dep_ != "prep" or p.lower_ not in MEDIUM_PREPS or p.head.pos_ not in ("VERB", "AUX"):
        return None
    v = p.head
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or not any(c.dep_ == "nsubj" for c in v.children):
        return None
    return v


def after_cue(verb):
    """The speaker named right after an inverted cue ("…,” said Edward Leamer, an
    economist, “…”), where the parse gave the cue no subject after the quote:
    the last word of the name or noun phrase that follows the cue (a date or
    time in between is skipped: "said Thursday")."""
    doc = verb.doc
    k = verb.i + 1
    while k < len(doc) and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].pos_ == "ADV"):
        k += 1
    last = None
    while k < len(doc) and (doc[k].pos_ in ("PROPN", "NOUN", "DET", "ADJ") or doc[k].tag_ == "POS"):
        last = doc[k] if doc[k].pos_ in ("PROPN", "NOUN") else last
        k += 1
    return last


def cue_after_mistagged(doc, r: slice):
    """(subject, cue) of an attribution after a closing mark whose cue the tagger
    read as a noun ("…,” the editorial read."): the words of the sentence after
    the mark are a noun phrase and a cue form, nothing else; ``None`` otherwise."""
    toks = [doc[k] for k in range(r.start, r.stop) if not doc[k].is_punct and not doc[k].is_space]
    if not 2 <= len(toks) <= 8 or toks[-1].lower_ not in _lexicon().form2lemma:
        return None
    np = toks[:-1]
    if any(t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP") for t in np) or np[0].pos_ == "ADP":
        return None
    # "a narrator in the spot states": the head is before the first preposition (a noun phrase
    # with a prepositional modifier); "the two write": a numeral heads a noun phrase of its own
    # (Quirk et al. 1985, 6.62, numerals used as heads)
    np = next((np[:k] for k, t in enumerate(np) if t.pos_ == "ADP"), np)
    subj = next((t for t in reversed(np) if t.pos_ in ("NOUN", "PROPN")), None) or \
        (np[-1] if np[-1].pos_ in ("ADJ", "NUM") else None)  # the tagger that missed the verb may miss the noun too
    return (subj, toks[-1]) if subj is not None else None
