"""What a cue verb takes after it as its content: its complements.

:func:`right_content` reads the content of a reporting verb from its
dependents on the right (rashomon.extract.indirect calls it for each cue of
``data/cues.yaml``):

* a clause ("said (that) …", "asked whether …"), its coordinated clauses in the
  backshift of reported speech ("said she hoped …, and would then …");
* a noun phrase after a cue that takes one ("criticized the plan"), with the
  phrases that go on with it ("… for ignoring the warnings", "…, including …")
  and its coordinated objects, never the setting of the act ("on Tuesday",
  "in a statement", "to reporters") nor its addressee ("told reporters that …").

Sources: PARC 3.0 (Pareti 2016) and the PolNeAR annotation guidelines (Newell,
Margolin and Ruths 2018) for what a content spans; Quirk et al. (1985) for
backshift and coordination.
"""
from __future__ import annotations

from rashomon.extract.docindex import DocIndex

OBJECTS = ("dobj", "dative", "iobj", "attr", "oprd")
_NP_PREPS = {"for", "of", "as", "over", "about", "on", "against", "to", "that", "with"}
QUESTION_MARKS = {"whether", "if"}
_ANSWERS = {"yes", "no"}  # an answer as a content (PolNeAR guidelines: "said yes" is an attribution)


def singular(word: str) -> str:
    """A plural noun's singular by its last "s" ("voters" → "voter"; "press" stays)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _request_object(obj, rights) -> bool:
    """Whether an object of a request or report verb is its addressee: followed by a
    that-clause or an "about" phrase ("told reporters that …"), not by an
    infinitive ("urged voters to …", where the object belongs to the content)."""
    after = [c for c in rights if c.i > obj.i]
    return any(c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ in ("about", "of", "on") for c in after) and \
        not any(c.dep_ == "xcomp" for c in after)


def hung_clause(obj):
    """A that-clause with a subject of its own the parser hung on the object of
    a cue as its relative or noun complement ("informed tenants that the lift
    would be replaced"): a person is no noun that takes a complement, so the
    clause is the cue's. ``None`` when there is none."""
    for c in obj.children:
        if c.dep_ in ("acl", "relcl") and c.i > obj.i and \
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and \
                any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children):
            return c
    return None


def _statement_clause(ctx: DocIndex, prep):
    """The that-clause the parser hung on the speech noun of "in a statement …
    that …" (``prep`` is "in"), or ``None``."""
    for n in prep.children:
        if n.dep_ == "pobj" and n.lower_ in ctx.lex.speech_nouns:
            for t in n.subtree:
                if t.i > n.i and t.dep_ in ("acl", "relcl", "ccomp") and \
                        any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children):
                    return t
    return None


_SETTING_PREPS = {"in", "on", "at", "during", "after", "before", "to", "from", "with", "via", "through", "by",
                  "while", "since", "outside", "inside", "near", "for"}
_TERMS = {"condition", "background", "record"}
"""Terms of attribution a source speaks on ("on condition of anonymity", "on background", "on the
record"): they describe the source, never the content (AP Stylebook, "anonymous sources")."""
_MEDIA = {"twitter", "facebook", "instagram", "television", "tv", "radio", "x", "telegram", "youtube", "camera"}


def _terms(prep) -> bool:
    """Whether a phrase gives the terms a source speaks on ("on condition of
    anonymity", "on the record", "on background"; ``_TERMS``)."""
    return prep.dep_ == "prep" and prep.lower_ == "on" and \
        any(g.dep_ == "pobj" and g.lower_ in _TERMS for g in prep.children)


def setting(ctx: DocIndex, c) -> bool:
    """Whether a phrase after a cue says when, where, how or to whom it was said
    ("on Friday", "in a statement", "on Twitter", "to reporters"), not what."""
    if c.dep_ == "npadvmod" or c.ent_type_ in ("DATE", "TIME"):
        return True
    if c.dep_ != "prep" or c.lower_ not in _SETTING_PREPS:
        return c.dep_ == "dobj" and c.lower_ in ("reporters", "journalists")
    if _terms(c):
        return True
    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
    return obj is None or obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "ORG", "PERSON", "NORP") or \
        obj.lower_ in ctx.lex.speech_nouns or obj.lower_ in ctx.lex.doc_nouns or obj.lower_ in _MEDIA or \
        obj.lower_ in ctx.lex.person_nouns or obj.pos_ == "PRON"


_ADVERBIAL_PREPS = {"within", "for", "since", "until", "after", "before", "during", "in"}


def adverbial(ctx: DocIndex, verb, child) -> bool:
    """Whether ``child`` hangs on the cue ``verb`` as an adverbial of time, manner
    or setting ("had alerted the agency “within minutes”", "had warned the board
    “for years”"), not as its content: quoted words there say when or how the
    act was done, not what it said (PARC 3.0, Pareti 2016: the content of a cue
    is its complement). A preposition the cue takes its content with ("warned
    of", "called for") is no adverbial."""
    if child.dep_ in ("advmod", "npadvmod"):
        return True
    if child.dep_ != "prep" or child.lower_ in ctx.lex.preps.get(ctx.cue_lemma(verb), ()):
        return False
    return child.lower_ in _ADVERBIAL_PREPS or setting(ctx, child)


def _misparsed_clause(obj) -> bool:
    """An object of "say" that is a clause the parser read as a noun phrase ("Aides
    say the more delegates he takes, the more leverage he has"): four tokens or
    more with a verb of their own."""
    if obj.pos_ == "PRON":
        return False
    toks = list(obj.subtree)
    return len(toks) >= 4 and any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl", "ccomp", "conj") for t in toks)


def right_content(ctx: DocIndex, verb, lemma: str) -> list | None:
    """The content tokens after the cue (its complements), or ``None``."""
    lex = ctx.lex
    rights = [c for c in verb.children if c.i > verb.i]
    if verb.i + 1 < len(ctx.doc) and ctx.doc[verb.i + 1].text == ",":
        # "…, he said, on condition of anonymity to speak freely": after a comma only a clause is content
        rights = [c for c in rights if c.dep_ == "ccomp" or any(m.dep_ == "mark" for m in c.children)]
    answer = next((c for c in rights if c.i == verb.i + 1 and c.dep_ == "intj" and c.lower_ in _ANSWERS), None)
    if answer is not None and lemma in ("say", "answer", "reply", "respond", "vote"):
        return [answer]  # "46 percent said yes", "he said no to the war": the answer is what was said
    inverted = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)  # "…, said a spokesman for X"
    comps = []
    addressees = set()
    for c in rights:
        d = c.dep_
        if d == "ccomp" or d == "xcomp" and lemma not in lex.clause_only:
            comps.append(c)
        elif d in OBJECTS:
            if c.ent_type_ in ("DATE", "TIME") and c.i == c.right_edge.i:
                continue  # "called Friday for …": a day the parser took for an object
            hung = hung_clause(c) if lemma in lex.recipient else None
            if lemma in lex.recipient and d != "oprd" and (hung is not None or _request_object(c, rights)):
                addressees.add(c.i)
                if hung is not None:
                    comps.append(hung)  # "informed tenants that P" with P parsed on "tenants"
                continue  # the addressee
            if lemma in lex.audience and (c.lower_ in lex.gathering_nouns or singular(c.lower_) in lex.person_nouns
                                          or c.ent_type_ in ("PERSON", "NORP")):
                continue  # "addressed the rally": the audience
            if lemma in lex.np_content or d == "oprd" or comps or not inverted and _misparsed_clause(c):
                comps.append(c)
        elif d == "prep" and not _terms(c):
            if c.lower_ in lex.preps.get(lemma, ()) or comps and not _when_or_where(c) and (
                    lemma in lex.np_content and c.lower_ in _NP_PREPS or c.lower_ == "for"):  # "railed against X for Y"
                comps.append(c)
            elif (that := _statement_clause(ctx, c)) is not None:
                comps.append(that)  # "said in a statement (carried by …) that …"
        elif d == "advcl" and any(m.dep_ == "mark" and (m.lower_ in QUESTION_MARKS or m.lower_ == "that" or
                                                        m.lower_ in lex.preps.get(lemma, ())) for m in c.children) \
                and not _condition(verb, c, lemma):
            comps.append(c)  # "asked whether …", "called for the rivals to drop out"
        elif d == "advcl" and comps and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children):
            comps.append(c)  # "called for the minister to resign"
        elif d == "conj" and comps and (any(m.dep_ == "mark" for m in c.children) or _backshifted(c)
                                        or _present_report(ctx, verb, c)):
            comps.append(c)  # "said that … and that …", "said she hoped …, and would then …", "…, and it had …"
        elif d == "conj" and comps and _coordinated_object(verb, c):
            comps.append(c)  # "cited the cuts, and a lack of staff", "has mentioned X and raising Y"
    if not comps:
        return None
    clause = any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj", "acl", "relcl") for c in comps)
    if lemma in lex.clause_only and not clause:
        return None
    lo, hi = comps[0].left_edge.i, max(c.right_edge.i for c in comps)
    if comps[0].dep_ == "prep" and comps[0].i == lo:
        lo += 1  # "called for talks": the content is "talks"
    if comps[0].dep_ == "ccomp":  # "said about half of the adjustment reflected …": words the parser left outside
        for c in rights:
            if c.i >= comps[0].left_edge.i:
                break
            if c.dep_ in ("prep", "dobj", "nsubj", "npadvmod") and not setting(ctx, c) and c.i not in addressees:
                lo = c.left_edge.i
                break
        lo = _fronted(ctx, verb, lo)
    if not clause:  # "called for the ban in December after …", "chided X on Monday for …": the rest of the phrase
        end = hi
        for c in rights:
            if c.i <= hi or c.dep_ not in ("prep", "npadvmod", "advmod", "oprd", "dative", "advcl") or \
                    any(t.is_punct for t in ctx.doc[end + 1:c.left_edge.i]) and not _example_phrase(ctx, c, end):
                continue
            end = c.right_edge.i
            if c.dep_ != "prep" and not _when_or_where(c) or c.lower_ in _CONTINUING or _example_phrase(ctx, c, hi):
                hi = end  # a trailing "on Tuesday" or "at the harbour" is the setting of the act, not its content
    if not clause and (hi == lo and not topic_word(ctx.doc[lo], lemma) or _pronoun_in_setting(ctx, comps)):
        return None  # a pronoun that only points back ("denied it", "posted this on Facebook"): no content
    if not clause:
        hi = _colon_list(ctx, verb, hi)
    return [ctx.doc[k] for k in range(lo, hi + 1)]


_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_POINTERS = {"this", "that", "these", "those"}
_ASKING = {"ask", "question", "wonder", "inquire", "enquire"}
_TELLING = {"say", "tell", "confirm", "disclose", "reveal", "explain", "indicate", "comment", "clarify", "announce",
            "report", "state"}  # "did not say if …": the question left open


def _condition(verb, clause, lemma: str) -> bool:
    """Whether an "if" clause on a cue is its condition, not an embedded question:
    "if" asks only after a verb of asking or a negated verb of telling ("asked if
    the road was open", "did not say if it was open"); elsewhere it sets a condition
    ("does not rule out strikes if the sale goes ahead"). Quirk et al. (1985)
    15.5 (if-clauses as interrogative objects) and 15.34 (conditional clauses)."""
    if not any(m.dep_ == "mark" and m.lower_ == "if" for m in clause.children):
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    return lemma not in _ASKING and not (negated and lemma in _TELLING)


def _pronoun_in_setting(ctx: DocIndex, comps: list) -> bool:
    """Whether a noun-phrase content is only a pronoun object with the setting of
    the act ("posted this on Facebook", "confirmed it independently", "repeated
    that in an interview"): the pronoun points back and the rest says how, when
    or where, so nothing is said of its own (PolNeAR guidelines: the content is
    what is attributed; an anaphor alone gives none of it)."""
    obj = comps[0]
    if obj.dep_ not in ("dobj", "nsubjpass") or obj.n_lefts or obj.n_rights or \
            obj.pos_ != "PRON" and obj.lower_ not in _POINTERS:
        return False
    return all(c.dep_ in ("advmod", "npadvmod") or _when_or_where(c) or _on_record(ctx, c) for c in comps[1:])


def _on_record(ctx: DocIndex, prep) -> bool:
    """Whether a phrase names the medium or record of the act ("on Facebook", "in a
    statement", "in an interview"), not a person or party it is about ("blamed
    this on the mayor", "pitched himself to voters")."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
    return obj is not None and (obj.lower_ in _MEDIA or obj.lower_ in ctx.lex.speech_nouns or
                                obj.lower_ in ctx.lex.doc_nouns)


def _colon_list(ctx: DocIndex, verb, hi: int) -> int:
    """``hi`` moved to the end of a list a colon opens right after a noun-phrase
    content ("reiterated his pledges: rebuilding the pier, cutting fares and …"):
    items joined by commas or "and", with no finite verb (a clause after the
    colon, "praised the plan: it was bold", is the writer's). The list spells out
    the content (PolNeAR guidelines: the content is all that is attributed)."""
    k = hi + 1
    if k >= len(ctx.doc) or ctx.doc[k].text != ":":
        return hi
    end = ctx.sentence_end(verb.i)
    rest = [t for t in ctx.doc[k + 1:end] if not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if not rest or any(t.tag_ in _FINITE for t in rest) or not any(t.text == "," or t.lower_ == "and" for t in rest):
        return hi
    return rest[-1].i


_MODALS = {"would", "could", "might", "should", "will", "can", "may", "must", "'d", "’d"}


def _coordinated_object(verb, conj) -> bool:
    """Whether a conjunct the parser hung on the cue is a second object of it: a
    noun ("emphasized fairness, and a need to …"), or a gerund after a finite or
    perfect cue ("has mentioned cutting X and raising Y": a finite verb and a
    gerund are no coordinated predicates). Source: Quirk et al. (1985) 13.4, the
    conjuncts of a coordination share one function."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return False
    if conj.pos_ in ("NOUN", "PROPN"):
        return True
    return conj.tag_ == "VBG" and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP")


def _example_phrase(ctx: DocIndex, prep, end: int) -> bool:
    """Whether a phrase set off by a comma after a noun-phrase content lists
    examples of it ("criticized the rules, including a curfew", "…, such as …"):
    the examples belong to the content (PolNeAR guidelines: the content is all
    that is attributed)."""
    gap = ctx.doc[end + 1:prep.left_edge.i]
    return prep.dep_ == "prep" and prep.lower_ in ("including", "such") and all(t.text == "," for t in gap)


# prepositions whose phrase goes on with the content of a noun-phrase cue ("chided X for …", "cited X as …")
_CONTINUING = {"for", "as", "over", "about", "against", "of", "with", "into", "by", "from"}


def _when_or_where(c) -> bool:
    """Whether a phrase only gives a time or a place ("on Tuesday", "in Dover", "last week")."""
    if c.ent_type_ in ("DATE", "TIME") or c.dep_ == "npadvmod":
        return True
    obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
    return obj is not None and obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")


def _backshifted(verb) -> bool:
    """A clause coordinated with a cue in the modal or past perfect of reported
    speech ("X said she hoped to return, and would then …", "X noted A, and it
    had …"): the second half of what was said, not a further act of the
    speaker. Source: Quirk et al. (1985) on backshift in indirect speech."""
    return any(c.dep_ == "aux" and (c.lower_ in _MODALS or c.lower_ == "had") for c in verb.children)


def _present_report(ctx: DocIndex, verb, conj) -> bool:
    """A clause joined by a bare "and" to a present-tense cue, itself in the present
    with a subject of its own ("Marsh says the plan is dead and it is time to move
    on"): the second half of what is said, as the narrative of news is in the
    past (Quirk et al. 1985, 4.24: the present of a reporting verb reports what
    holds now)."""
    if verb.tag_ not in ("VBZ", "VBP") or conj.tag_ not in ("VBZ", "VBP", "MD") and \
            not any(a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP", "MD") for a in conj.children):
        return False
    if not any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in conj.children):
        return False
    k = conj.left_edge.i - 1
    return k > 0 and ctx.doc[k].lower_ == "and" and ctx.doc[k - 1].text != ","


def _fronted(ctx: DocIndex, verb, lo: int) -> int:
    """``lo`` moved left over a phrase fronted before the cue's subject and set off
    by a comma, when it belongs to what was said ("In the southern states, she
    said the vote would be close"); a phrase that sets the scene of the saying
    ("On Monday, …", "In a statement, …", "In Ohio, …") stays out."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None:
        return lo
    for c in verb.children:
        if c.i < subj.left_edge.i and c.dep_ == "prep" and c.right_edge.i + 1 < len(ctx.doc) and \
                ctx.doc[c.right_edge.i + 1].text == "," and not setting(ctx, c):
            return min(lo, c.left_edge.i)
    return lo


def topic_word(tok, lemma: str) -> bool:
    """Whether a one-word content names what the speech act is about ("railed
    against immigrants", "thanked supporters", "called for change"): a noun or
    a name, never a pronoun, a date or a number, and never the object of "call"
    alone ("called police" is a telephone call). PolNeAR guidelines: the content
    of a speech act may be a noun phrase, the topic or target of the act."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return False
    return not (lemma == "call" and tok.dep_ == "dobj")
