"""The scope and the edges of an attribution's content, shared by the readers of
reported speech (:mod:`rashomon.extract.indirect`, :mod:`rashomon.extract.speech_nouns`).

* :class:`Scope`: a content stays in its cue's sentence and paragraph;
* :func:`span_of`: the character span of content tokens, without a leading
  complementizer or edge punctuation;
* :func:`before_other_attribution`: a content stops before a clause with a
  source of its own (PARC 3.0 and PolNeAR annotate each attribution as a
  relation of its own, nested ones inside their host's content);
* :func:`has_complement`, :func:`own_source`, :func:`person_source`: tests on a
  cue verb and its source.
"""
from __future__ import annotations

from rashomon.extract.complements import OBJECTS as _OBJECTS
from rashomon.extract.complements import singular as _singular
from rashomon.extract.docindex import DocIndex

WH = ("WP", "WDT")


def span_of(toks) -> tuple[int, int]:
    """Character span of tokens, without leading punctuation or "that" and trailing punctuation."""
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that", "for") and (toks[0].dep_ == "mark" or toks[0].tag_ == "IN")
                    or misparsed_that(toks)):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def misparsed_that(toks) -> bool:
    """A complementizer "that" the parser read as a pronoun of the clause it
    opens ("told the board that the valve had failed", "that" as the object of
    "failed"): "that" followed by the clause of the verb it hangs on."""
    t = toks[0]
    return t.lower_ == "that" and t.tag_ == "WDT" and len(toks) > 1 and t.head.i > t.i and t.head.dep_ == "ccomp"


class Scope:
    """The tokens a content may take: the cue's sentence, inside its paragraph."""

    def __init__(self, ctx: DocIndex, verb):
        p = ctx.paras[ctx.para_of(verb.idx)]
        self.lo = max(ctx.sentence_start(verb.i), ctx.tok_range(p.start, p.start).start)
        self.hi = min(ctx.sentence_end(verb.i), ctx.tok_range(p.end, p.end).start)

    def clip(self, toks) -> list:
        return [t for t in toks if self.lo <= t.i < self.hi]


CONTRAST = {"while", "whereas", "though", "although"}

_SET_OFF = {",", "(", "—", "–", "-", "―"}  # marks that set off a non-restrictive relative clause


def before_other_attribution(ctx: DocIndex, verb, toks: list) -> list:
    """``toks`` cut before a clause headed by a cue verb with a source of its own:
    a coordinated clause ("Six in ten said A, and a third
    said B"), a contrasting clause ("said A while her rival suggested B"), a
    non-restrictive relative clause on a noun-phrase content ("criticized the
    plan, which the auditors said was sound") or on an apposition ("said A, a charge that the
    council denied"). Reported speech inside the content proper stays ("X said
    Y told him Z", "said the plan, which critics called rushed, would pass"): it
    is part of what X said. PARC 3.0 and PolNeAR annotate each attribution as a
    relation of its own, nested ones inside their host's content."""
    if not toks:
        return toks
    ids = {t.i for t in toks}
    first = toks[0].i
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])
    cut = None
    for t in toks:  # a cue verb that heads the attached clause itself
        if t.i == verb.i or t.i not in ctx.cue_lemmas or not own_source(t) or t.left_edge.i <= first:
            continue
        at = None
        marks = {m.lower_ for m in t.children if m.dep_ == "mark"}
        if t.dep_ in ("conj", "parataxis") and not marks:  # ("said that A and that B said C": one content)
            at = t
        elif t.dep_ == "advcl" and marks & CONTRAST:
            at = t
        elif t.dep_ not in ("relcl", "acl") or "that" in marks and has_complement(t):
            at = None  # a complement clause ("reports that Mateen said …") belongs to its noun
        elif t.head.i == root.i and root.pos_ in ("NOUN", "PROPN"):
            if ctx.doc[t.left_edge.i - 1].text in _SET_OFF:
                at = t  # the content is the noun phrase the clause comments on
            # a restrictive relative ("cited problems that she blamed on the board") tells which
            # problems: part of the noun phrase (Quirk et al. 1985, 17.3), so part of the content
        elif ctx.doc[t.head.left_edge.i - 1].text == "," and \
                t.head.dep_ in ("appos", "npadvmod", "dobj") and t.head.left_edge.i > first:
            at = t.head  # "…, a charge that the council denied": the apposed noun goes with its clause
        if at is not None:
            cut = at.left_edge.i if cut is None else min(cut, at.left_edge.i)
    if cut is None:
        return toks
    out = [t for t in toks if t.i < cut]
    while out and (out[-1].is_punct or out[-1].dep_ in ("cc", "mark") or out[-1].lower_ in CONTRAST):
        out.pop()
    return out


def has_complement(verb) -> bool:
    """Whether a verb has an object or a clausal complement ("denied the report",
    "said that …"), unlike the verb of a relative clause whose object is the noun
    it modifies ("a charge that the council denied")."""
    return any((c.dep_ in _OBJECTS or c.dep_ in ("ccomp", "xcomp")) and c.tag_ not in WH for c in verb.children)


def own_source(verb) -> bool:
    """Whether a cue verb names a source of its own: a subject other than a
    relative pronoun, or an agent."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in WH or c.dep_ == "agent" for c in verb.children)


def person_source(ctx: DocIndex, tok) -> bool:
    """A source that can only speak, not strike: a named person, "he"/"she" (and
    their possessives), or a person noun that names no agent of force."""
    low = _singular(tok.lower_)
    return tok.ent_type_ == "PERSON" or low in ("he", "she", "who", "his", "her") or \
        low in ctx.lex.person_nouns and low not in ctx.lex.physical_agents
