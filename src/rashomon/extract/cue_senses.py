"""Which uses of a cue word are speech acts, and which contents and sources are none.

A word of ``data/cues.yaml`` is a cue only in its speech sense
(:func:`speech_sense`):

* a particle makes a verb of its own (Quirk et al. 1985, 16.2-16.4: a phrasal
  verb is one lexical unit; VerbNet lists "call off", "add up", "write off" apart
  from their bare verbs): a cue verb with a particle its entry does not list
  (``particle``, or ``cue_senses.particles``) is no cue ("called off the vote",
  "the figures do not add up", "wrote off the debt");
* an imperative opening its sentence ("Thank you for reading", "Tell us what
  you saw") addresses the reader: the writer speaks, no one is reported
  (PARC 3.0, Pareti 2016: an attribution relates a source to content);
* a verb that names a physical act as well is speech only with a speech object
  (``cue_senses.object_sense``): "fired back at the critics", "fired off a
  letter", "fired questions at the minister", never "fired tear gas at the crowd";
* "call" is speech when it names ("called the plan a disgrace"), calls for or
  on someone, or calls an event (a directive: "called a strike"), never when
  it telephones ("called an ambulance", "called the police to the scene").

:func:`ability_negation` finds a negated ability over a cue ("has not been able
to confirm", "was unable to say"), which leaves the content open as a negated
cue does (FactBank, Saurí & Pustejovsky 2009: a negated source-introducing
predicate commits its source to nothing, CT-/Uu). :func:`speechless_source` tells a
subject that carries a message but says nothing itself ("Banners read …") or
counts a crowd ("20 000 people marched to say …").
"""
from __future__ import annotations

import functools
import re

from rashomon import data as data_files

_IMPERATIVE_TAGS = ("VB", "VBP")


@functools.lru_cache(maxsize=1)
def _lex() -> dict:
    """``cue_senses`` of ``data/cues.yaml``, with the particles every verb requires."""
    raw = data_files.load("cues.yaml")
    senses = raw["cue_senses"]
    particles: dict[str, set[str]] = {k: set(v) for k, v in senses["particles"].items()}
    for v in raw["verbs"]:
        if v.get("particle"):
            particles.setdefault(v["lemma"], set()).add(v["particle"])
    speech_objects = set(raw["speech_nouns"]["words"]) | set(senses["speech_objects"])
    return {"particles": particles, "objects": senses["object_sense"], "speech_objects": speech_objects,
            "media": set(senses["media_sources"]), "crowd": set(senses["crowd_heads"]),
            "telephoned": set(senses["telephoned"])}


def _stray_particle(tok, lemma: str) -> bool:
    """Whether the verb carries a particle its cue entry does not allow ("rule out")."""
    allowed = _lex()["particles"].get(lemma, set())
    return any(c.dep_ == "prt" and c.lower_ not in allowed for c in tok.children)


def _imperative(tok) -> bool:
    """Whether the verb is an imperative opening its sentence: a base form with no
    subject and no auxiliary, the first word of its sentence ("Thank you for …")."""
    if tok.tag_ not in _IMPERATIVE_TAGS or tok.dep_ != "ROOT" or tok.i != tok.sent.start:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "csubj") for c in tok.children)


def _speech_object(tok, cue: str) -> bool:
    """Whether the verb's object is a speech noun ("a letter", "questions") or a
    clause, or it has none and its particle (or a preposition of address) says
    it answers ("fired back", "fired back at the critics")."""
    lex = _lex()
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return True
    if objs:
        return all(o.lower_ in lex["speech_objects"] for o in objs)
    return any(c.dep_ in ("prt", "advmod") and c.lower_ in lex["particles"].get(cue, ())
               for c in tok.children) or tok.dep_ in ("relcl", "acl")


_CALL_PREDICATES = ("oprd", "ccomp", "attr", "acomp")  # what it names it: "called the police incompetent"


def _telephones(tok) -> bool:
    """Whether "call" summons by telephone rather than speaks: its object (or
    passive subject) is a service called ("called an ambulance", "the police
    were called to the scene"), with no predicate that names it ("called the
    police incompetent" speaks). PolNeAR guidelines: the content of "call" is
    what something is called, what is called for, or the event called."""
    if any(c.dep_ in _CALL_PREDICATES for c in tok.children):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(g.dep_ in _CALL_PREDICATES for o in objs for g in o.children):
        return False  # "called the plan a disgrace" with the predicate hung on the object
    return any(o.lower_ in _lex()["telephoned"] for o in objs)


def speech_sense(tok, cue: str) -> bool:
    """Whether the cue verb ``tok`` (a spaCy Token, lemma ``cue`` of
    ``data/cues.yaml``) is used as a speech act (see the module docstring)."""
    if _stray_particle(tok, cue) or _imperative(tok):
        return False
    if cue in _lex()["objects"]:
        return _speech_object(tok, cue)
    if cue == "call":
        return not _telephones(tok)
    return True


def ability_negation(verb):
    """The tokens that negate an ability over a cue verb, first to last, or ``None``:
    "has not been able to confirm" (the negation on the copula of "able"), "was
    unable to say", "were not able to verify". Quirk et al. (1985) 4.50: "be
    able to" is the semi-auxiliary of ability; negated, the act did not happen."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i or verb.head.lower_ not in ("able", "unable"):
        return None
    adj = verb.head
    cop = adj.head if adj.dep_ in ("acomp", "amod") and adj.head.i != adj.i else None
    lead = [adj] + ([cop] if cop is not None else [])
    if cop is not None:
        lead += [c for c in cop.children if c.i < adj.i and c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    if adj.lower_ == "unable" or any(c.dep_ == "neg" or c.lower_ == "never" for c in lead if c is not adj
                                     and c is not cop):
        return sorted(lead, key=lambda t: t.i)
    return None


_BIG = re.compile(r"^(?:hundreds|thousands|tens|dozens|millions|scores)$", re.I)


def _count(text: str) -> float:
    """The value of a cardinal written with digits ("40 000", "20,000"), else 0."""
    digits = re.sub(r"[\s,.\u202f\u00a0]", "", text)
    return float(digits) if digits.isdigit() else 0.0


def speechless_source(subj) -> bool:
    """Whether a cue's subject cannot be its source: a medium that carries a
    message ("Banners read …", "Placards said …": the people who hold them
    speak, PARC 3.0 keeps such sources only when the text names no holder), or a
    crowd given by its size ("40 000 people marched to say …", "thousands of
    residents say …": a count of a crowd names no one who spoke). ``subj`` is a
    spaCy Token, the head of the subject."""
    lex = _lex()
    head = subj.lower_
    if head in lex["media"]:
        return True
    if _BIG.match(head):  # "thousands of people": the number heads the phrase
        return any(g.lower_ in lex["crowd"] for c in subj.children if c.dep_ == "prep" for g in c.children)
    nums = [t for t in subj.subtree if t.i < subj.i and (t.like_num or _BIG.match(t.text))]
    if head not in lex["crowd"] or not nums:
        return False
    return any(_BIG.match(n.text) for n in nums) or _count(" ".join(n.text for n in nums)) >= 1000
