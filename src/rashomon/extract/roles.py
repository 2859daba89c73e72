"""Who acts and what is acted on in a proposition, and what it is about.

* the agent: active subject, passive "by" phrase, "came from X", "at the
  request of X", an event noun's "by" phrase or possessor, for an unaccusative
  verb ("the bridge collapsed") the destruction it followed from;
* the theme: object, passive or copular subject, what a responsibility is for,
  the one blamed ("blamed X for Y", "pointed the finger at X");
* the theme's head nouns, its place, whether the clause asserts existence or
  use, what a "without" phrase or an absence adjective denies, what a
  concessive "despite" phrase presupposes, why the act was done (a purpose or
  reason clause);
* the predicate's class when read from an argument ("five workers were found
  dead") or from a group present at a place (:func:`present_group`).
"""
from __future__ import annotations

from rashomon.extract.lemmas import lemma
from rashomon.extract.predicates import EXISTENTIAL, _arguments, _head_nouns, _phrasal, let_alone, lexicon
from rashomon.extract.readings import RAISING, SHOWING

UNACCUSATIVE = {"collapse", "explode", "burst", "break", "sink", "crumble", "fail", "fall", "rise", "burn",
                "flood", "give", "crack", "erupt", "ignite"}
"""Verbs whose subject undergoes the event rather than doing it (Perlmutter 1978; Levin 1993,
ch. 45 "verbs of change of state"): "the bridge collapsed" names no agent."""
CAUSE_OF = {"behind", "in"}
"""The prepositions that name what a cause is of ("lay behind the leak", "played a part in the fire")."""
RELATIVE = {"that", "which"}  # a word that may open a clause the parser took for an object
CAUSAL_PREPS = {"after", "from", "by", "because", "due", "following", "in"}
SCALE = {"rise", "fall", "climb", "increase", "decrease", "raise", "lower", "revise", "reach", "stand", "put",
         "update", "drop", "jump", "grow", "double", "top", "exceed"}  # verbs that move or set a figure
TAKE_ON = {"bear", "commit", "take"}  # light verbs whose object is the predicate ("took responsibility")
GIVE = {"give", "issue", "make", "sign", "put", "set", "commit", "carry"}  # light verbs whose subject does the act their object names
LOCATIVE = {"in", "on", "at", "near", "inside", "outside", "across", "along", "within"}


def _cause(head):
    """What an unaccusative verb's event came from: a destruction named after
    "after", "from", "by", "because of" or "due to" ("the bridge collapsed after a
    series of Peruvian strikes" → the strikes), or None."""
    classes = lexicon()["class"]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in CAUSAL_PREPS:
            continue
        for p in [prep, *(g for g in prep.children if g.dep_ == "prep")]:
            for obj in p.children:
                if obj.dep_ == "pobj" and any(classes.get(lemma(n)) == "destruction" for n in _head_nouns(obj)):
                    return obj
    return None


def _noun_agent(noun):
    """Who does what an event noun names: its "by" phrase ("the attack on the depot
    by the rebels"), its possessor ("Peru's attack"), or a nationality
    adjective ("Chilean sabotage"); None."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")):
            return c
    return None


def _agent(head, pred_tok):
    """Who acts or causes: passive "by" agent, active subject, "came from X",
    "at the request/order of X"; for an unaccusative verb ("collapsed",
    "exploded") not its subject but the destruction it followed from."""
    for c in head.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in head.children:
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            if c.lower_ == "from" and lemma(head) == "come":
                return obj
            if lexicon()["class"].get(lemma(obj)) in ("order", "cause"):
                of = next((g for g in obj.children if g.dep_ == "prep" and g.lower_ == "of"), None)
                src = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
                if src is not None:
                    return src
                poss = next((g for g in obj.children if g.dep_ == "poss"), None)
                if poss is not None:
                    return poss
    if pred_tok.i != head.i and pred_tok.pos_ == "NOUN" and lexicon()["class"].get(lemma(pred_tok)) in \
            lexicon()["responsibility"]:
        found = _noun_agent(pred_tok)  # "this is sabotage by the other side"
        if found is not None:
            return found
    if head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
        return None
    if lemma(head) in UNACCUSATIVE and not any(c.dep_ == "dobj" for c in head.children):
        return _cause(head)
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is not None and (pred_tok.i == head.i or (pred_tok.dep_ != "nsubj" and lemma(head) in GIVE)):
        return subj  # "she gave the order": she ordered; "committed an act of terror"
    if subj is not None and lexicon()["class"].get(lemma(pred_tok)) == "cause":
        return subj  # "X was responsible for Y", "X lay behind Y"
    return None


def _existential(head, pred_tok) -> bool:
    """Whether the clause asserts that its theme existed, was used or happened:
    "there be" ("There were no casualties") or a verb of use, occurrence or
    perception (``EXISTENTIAL``: "No pepper spray was used", "the alarms never sounded")."""
    if lemma(head) == "be" and any(c.dep_ == "expl" for c in head.children):
        return True
    theme = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if theme is not None and theme.pos_ == "PRON":
        return False  # "I have not heard it": a thing said before, not whether any was there
    return _phrasal(head) in EXISTENTIAL or (pred_tok.i == head.i and lemma(head) in EXISTENTIAL)


def _theme_nouns(head, pred_tok, theme_tok, lem: str, outer=None) -> list:
    """The head nouns a claim is about: its theme's (object, passive subject,
    copular subject), a copular noun's ("What they got was spray and batons"),
    else an intransitive verb's subject ("the alarms never sounded")."""
    nouns = _head_nouns(theme_tok) if theme_tok is not None else []
    if pred_tok.i != head.i and pred_tok.pos_ in ("NOUN", "PROPN") and pred_tok.dep_ in ("attr", "acomp"):
        nouns += _head_nouns(pred_tok)
    if not nouns and not any(c.dep_ in ("dobj", "attr", "acomp") and lem != f"{lemma(head)}_{lemma(c)}"
                             for c in head.children):
        # an intransitive clause is about its subject: "the alarms never sounded", "the level fell"
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None and outer is not None and outer.i != head.i:  # "the level began to fall": the level
            subj = next((c for c in outer.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            nouns = _head_nouns(subj)
    if not nouns:  # "ordered everyone living nearby to leave": what was ordered
        nouns = [c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and not let_alone(c)]
    return nouns


def _place(head) -> str | None:
    """The locative phrases of a clause, on its verb or on its subject or object
    ("about 9,000 people on the north shore", "in Peruvian-held areas"), joined
    by "; ", or None; a phrase about a date or time is not a place."""
    hosts = [head, *(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    out = []
    for h in hosts:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
                continue
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ not in ("DATE", "TIME"):
                out.append(" ".join(t.text for t in prep.subtree))
    return "; ".join(out) or None


POINTING = {"point_at", "point_to", "point_finger"}
"""Pointing at someone holds them responsible ("pointed the finger at the board"); the object is the one blamed."""


def _blamed(head, agent_tok, theme_tok):
    """"blamed X for Y", "accused X of Y": X is the one held responsible, Y what
    for; the verb of an "of" complement ("accused X of blowing up the bridge") is
    returned as the proposition's head. Returns ``(head, agent, theme)``."""
    lem = lemma(head)
    if lem == "point":  # "pointed (the finger) at the port board", "points to the contractor": held responsible
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "to")), None)
        who = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        return (head, who, None) if who is not None and _phrasal(head) in POINTING else (head, agent_tok, theme_tok)
    if lem not in ("blame", "accuse"):
        return head, agent_tok, theme_tok
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return head, agent_tok, theme_tok
    on = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
               if g.dep_ == "pobj"), None) if lem == "blame" else None
    if on is not None:  # "blamed the riot on agitators": the agitators are held responsible for the riot
        return head, on, obj  # (Levin 1993, 33: "blame the accident on John" / "blame John for the accident")
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == ("for" if lem == "blame" else "of")),
                None)
    what = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if what is not None and what.pos_ == "VERB":
        theme = next((c for c in what.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return what, obj, theme
    return head, obj, what


def _class_of(head, lem: str, words: list[str], absent: list[str], kids, lex: dict) -> tuple[str | None, bool]:
    """The predicate's class and whether it is the predicate's own (else read
    from an argument word: "five workers were found dead"; never a
    responsibility class from a mere argument); a scale verb counts what its
    subject or object counts ("the toll rises to four")."""
    classes = lex["class"]
    cls = classes.get(lem) or classes.get(lemma(head))
    if cls is None and lem == "move" and _to_a_date(head):  # "the vote was moved to May": rescheduled
        cls = "schedule_change"
    own = cls is not None
    if cls is None:
        cls = next((classes[w] for w in words if w in classes and classes[w] not in lex["responsibility"]
                    and w not in absent), None)
    if cls is None and present_group(head):  # "9,000 of us on Harbour Road": people present at a gathering
        cls, own = "participation", True
    if cls == "destruction" and own and _for_a_reason(kids):
        cls, own = None, False  # "blasted the mayor for skipping the vote": words of blame, not an attack
    if cls not in lex["counts"] and lemma(head) in SCALE:
        counted = next((classes.get(lemma(c)) for c in kids if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                        and classes.get(lemma(c)) in lex["counts"]), None)
        cls, own = counted or cls, own or counted is not None
    return cls, own


PERSONS = {"us", "them", "you"}


def _for_a_reason(kids) -> bool:
    """Whether a verb has a "for" phrase that gives a reason by a clause ("for
    skipping the debate", "for not answering"): an attack verb with one judges
    its object in words (FrameNet Judgment_communication, Reason: "attacked the
    senator for his vote"; WordNet attack v. 2, blast v. 3: criticise), while
    an attack on a thing takes a "for" of time ("shelled the town for hours")."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ in ("pcomp", "pobj") and (g.tag_ == "VBG" or any(n.dep_ == "neg" for n in g.children))
        for g in c.children) for c in kids)


def _to_a_date(verb) -> bool:
    """Whether a verb takes a date as where it goes ("moved to September", "moved
    until next week"): an event moved in time (FrameNet Change_event_time)."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "until", "into") and any(
        g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children) for c in verb.children)


def present_group(head) -> bool:
    """Whether a verbless clause's head is a number of persons at a place: "9,000
    of us on Harbour Road", "some 300 of them in the hall" (a partitive of a
    personal pronoun, the number its fused head: Huddleston & Pullum 2002, CGEL
    5.9; the copula dropped before a locative, as headlines and posts drop it:
    Mårdh 1980). Being there in number is taking part (FrameNet Presence,
    Participation)."""
    if head.pos_ != "NUM" or head.dep_ != "ROOT":
        return False
    kids = list(head.children)
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in PERSONS for g in c.children)
               for c in kids) and any(c.dep_ == "prep" and c.lower_ in LOCATIVE for c in kids)


def _absent(kids, args, lex: dict) -> list[str]:
    """What a "without" phrase denies ("charged without warning") and the nouns
    an absence adjective says are missing ("asked it to schedule the overdue
    inspection")."""
    out = [lemma(g) if g.pos_ == "NOUN" else g.lower_ for prep in kids if prep.dep_ == "prep"
           and prep.lower_ == "without" for g in prep.children
           if g.dep_ in ("pobj", "pcomp") and (g.pos_ == "NOUN" or g.tag_ == "VBG")
           and not any(c.dep_ in ("det", "poss") for c in g.children)]  # "without warning", not "without this network"
    return out + [lemma(t) for t in args + _nonfinite_arguments(kids) if t.pos_ == "NOUN" and any(
        c.dep_ == "amod" and lex["class"].get(lemma(c)) in lex["absence"] for c in t.children)]


CONCESSIVE = {"despite", "notwithstanding"}
"""Concessive prepositions ("despite", "in spite of", "notwithstanding"): their
object is presupposed to hold (Karttunen 1973, "Presuppositions of compound
sentences"; Levinson 1983, *Pragmatics*, ch. 4.2, on presupposition triggers;
Quirk et al. 1985, 9.64 and 15.42 on concessive adjuncts)."""


def _presupposed(verbs, lex: dict) -> list[str]:
    """What a concessive adjunct of any of ``verbs`` (tokens: the predicate and
    the verbs above it in its clause) presupposes was there: the lemmas of its
    object's head nouns, or a gerund's verb ("refused to leave despite repeated
    calls to disperse" → call; "in spite of being warned" → warn). The
    presupposition projects through the clause's own negation ("refused",
    "did not leave"): it is held whatever the clause asserts. A noun of
    absence ("despite the lack of warnings") presupposes no thing."""
    out = []
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ not in ("prep", "advmod", "mark") or not _concessive(prep):
                continue
            objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
            if prep.lower_ == "in":  # "in spite of X": X hangs on "of"
                objs = [g for s in objs for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ in ("pobj", "pcomp")]
            for g in objs:
                if g.pos_ == "VERB":
                    out.append(lemma(g))
                elif lex["class"].get(lemma(g)) not in lex["absence"] and lemma(g) != "fact":  # "despite the fact that"
                    out += [lemma(n) for n in _head_nouns(g, of=False) if n.pos_ == "NOUN"]
    return list(dict.fromkeys(out))


def _concessive(prep) -> bool:
    """Whether a preposition opens a concessive adjunct: "despite",
    "notwithstanding", or "in" before "spite of"."""
    if prep.lower_ in CONCESSIVE:
        return True
    return prep.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "spite" for g in prep.children)


PURPOSE_MARKS = {"because"}
EXCLUSIVE = {"only", "solely", "purely", "exclusively", "sole"}
"""Focusing subjuncts that restrict a reason to itself ("solely to", "only because",
"for one reason only", "the sole reason"): Quirk et al. 1985, 8.116 (exclusives)."""
REASON_NOUNS = {"reason", "purpose", "aim", "motive"}


_PURPOSE_DEPS = ("prep", "advcl", "xcomp")  # the children :func:`_purpose` finds a purpose under
NO_COMPLEMENT = {"schedule_change"}
"""Classes of verbs that take no infinitival complement (FrameNet Change_event_time has no
such element): an infinitive the parser hangs on one as a complement ("was postponed
solely to give them time") is one of purpose."""


def _purpose(head, cls: str | None = None) -> tuple[str | None, bool]:
    """Why the act of ``head`` (a verb Token) was done, as its clause says it: an
    infinitive of purpose ("cancelled to save money", "in order to hear
    witnesses"), a "because" clause, or a clause after "for one reason: …"
    (purpose and reason adjuncts: Quirk et al. 1985, 15.45–15.48), as written
    ("to save money"), and whether the clause holds that reason to be the only
    one (an exclusive: "solely to", "for one reason only"). ``(None, False)``
    when it gives none; ``cls`` is the predicate's class (:data:`NO_COMPLEMENT`)."""
    kids = list(head.children)
    if not any(c.dep_ in _PURPOSE_DEPS for c in kids):
        return None, False  # no "for"/"in" phrase, adverbial clause or complement: no purpose given
    reason = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                   if g.dep_ == "pobj" and lemma(g) in REASON_NOUNS), None)
    order = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                  if g.dep_ == "pobj" and g.lower_ == "order"), None)
    clauses = [c for c in kids if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX") and (
        any(g.tag_ == "TO" for g in c.children) and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        or any(g.dep_ == "mark" and g.lower_ in PURPOSE_MARKS for g in c.children))]
    if cls in NO_COMPLEMENT:
        clauses += [c for c in kids if c.dep_ == "xcomp" and c.pos_ == "VERB"
                    and any(g.tag_ == "TO" for g in c.children)]
    if reason is not None:  # "for one reason only: to make sure …"
        clauses += [c for c in [*kids, *reason.children] if c.dep_ in ("xcomp", "acl", "advcl", "appos")
                    and c.pos_ in ("VERB", "AUX") and c.i > reason.i]
    if order is not None:  # "in order to hear more witnesses"
        clauses += [c for c in order.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB"]
    if not clauses:
        return None, False
    clauses = list(dict.fromkeys(clauses))
    words = " ".join(t.text for c in clauses for t in c.subtree)
    # an exclusive right before the clause ("solely to", "only because"); "was only postponed to …" restricts the act
    doc = head.doc
    only = any(doc[k].lower_ in EXCLUSIVE for c in clauses for k in (c.left_edge.i - 1, c.left_edge.i)
               if 0 <= k and doc[k].dep_ == "advmod")
    if reason is not None:
        only = only or any(c.lower_ in EXCLUSIVE for c in reason.children)
    return words, only


def _nonfinite_arguments(kids) -> list:
    """The arguments of the non-finite clauses a predicate takes ("wrote …
    asking it to schedule the overdue audit": asking, schedule, the audit): an
    attributive adjective's content is presupposed there as in the main clause
    (presuppositions project out of infinitival and participial complements:
    Karttunen 1973, "Presuppositions of compound sentences"; FactBank, Saurí &
    Pustejovsky 2009)."""
    out, stack = [], [c for c in kids if c.dep_ in ("xcomp", "advcl") and c.tag_ in ("VB", "VBG")
                      and not any(g.dep_ == "mark" for g in c.children)]
    while stack:
        verb = stack.pop()
        out += _arguments(verb)
        stack += [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
    return out


def _roles(head, outer, inner, pred_tok, lem: str, cls, kids, lex: dict):
    """Who acts and what is acted on: ``(agent, theme, pred_tok, lem, cls)``
    tokens, the predicate moved to an event noun of the subject when the
    clause's own is none ("the attack on the depot by the rebels has cut
    the power …": an attack by them on the depot)."""
    classes = lex["class"]
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    by = _noun_agent(subj) if subj is not None else None
    nominal = by is not None and by.dep_ == "pobj" and cls not in lex["responsibility"] \
        and classes.get(lemma(subj)) in lex["responsibility"]
    if nominal:
        pred_tok, lem, cls = subj, lemma(subj), classes.get(lemma(subj))
    agent = by if nominal else _agent(head, pred_tok)
    if agent is None and inner is not None and inner.dep_ == "xcomp" and lemma(inner) not in UNACCUSATIVE:
        agent = _agent(outer, outer)  # "bailiffs began clearing": the bailiffs clear ("the level began to fall": no one)
    if agent is None and head.dep_ == "acl" and head.tag_ == "VBG" and lemma(head.head.head) in SHOWING:
        agent = head.head  # "showed guards firing gas": the guards fire
    if agent is None and head.dep_ == "xcomp" and lemma(head.head) in RAISING:
        agent = _agent(head.head, head.head)  # "guards appear to have fired gas": the guards fired it
    if agent is None and head.dep_ == "conj" and head.head.pos_ == "VERB":
        agent = _agent(head.head, head.head)  # "five went to work and never came home": the five
    if cls not in lex["responsibility"] and agent is not None and agent.head.dep_ == "prep" \
            and agent.head.lower_ == "of" and classes.get(lemma(agent.head.head)) == "order":
        cls = "order"  # "moved in at the request of X": X ordered it
    theme = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
    if theme is None and head.dep_ == "acl" and head.tag_ == "VBN":
        theme = head.head  # "counted 340 people rescued from the island": the people were rescued
    if theme is None and pred_tok.dep_ == "attr" and any(c.dep_ == "expl" for c in kids):
        theme = pred_tok  # "there were no civilian casualties": the casualties
    if nominal:  # "the attack on the depot by X": the depot
        theme = next((g for p in subj.children if p.dep_ == "prep" and p.lower_ in ("on", "of", "against")
                      for g in p.children if g.dep_ == "pobj"), None)
    elif theme is not None and theme.dep_ == "dobj" and (
            lem == f"{lemma(head)}_{lemma(theme)}" or (pred_tok.i != head.i and lemma(head) in TAKE_ON)):
        theme = None  # "took place", "bears responsibility", "committed an act of terror": part of the predicate
    if theme is None and pred_tok.i != head.i and cls in lex["responsibility"]:
        # "took responsibility for the blast": what it is responsible for
        theme = next((g for p in pred_tok.children if p.dep_ == "prep" and p.lower_ == "for"
                      for g in p.children if g.dep_ in ("pobj", "pcomp")), None)
    if theme is None and cls in lex["responsibility"] and pred_tok.i == head.i:
        # "cuts lay behind the leak", "played no part in the collapse": what the cause is of
        hosts = [head, *(c for c in kids if c.dep_ == "dobj")]
        theme = next((g for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ in CAUSE_OF
                      for g in p.children if g.dep_ == "pobj"), None)
    if head.pos_ == "NOUN" and cls in lex["responsibility"] and head.dep_ == "dobj":
        # "the ministry denied responsibility for the blast": its own, for the blast
        theme = theme or next((g for p in head.children if p.dep_ == "prep" and p.lower_ in ("for", "in", "of")
                               for g in p.children if g.dep_ == "pobj"), None)
        # an act noun ("described the shelling", "condemned the attack") is done by someone else than
        # the subject who speaks of it (FrameNet Attack: the Assailant is no role of Judgment_communication)
        agent = agent or _noun_agent(head) or (next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                                               if cls != "destruction" else None)
    if theme is not None and theme.lower_ in RELATIVE and lemma(head) in UNACCUSATIVE:
        theme = None  # "told the paper that the fire burned for hours": "that" opens the clause, the fire burned
    if theme is None and pred_tok.i != head.i and pred_tok.dep_ in ("acomp", "attr", "oprd", "nsubj"):
        theme = next((c for c in kids if c.dep_ == "nsubj"), None)  # "the unit was overdue": the unit
    return agent, theme, pred_tok, lem, cls
