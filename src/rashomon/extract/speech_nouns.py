"""Attributions without a reporting verb: speech nouns, "make" phrases, "according to", "reportedly".

* a speech noun with its owner and content ("Trump's claim that …", "her
  attacks on the senator", "a statement by the ministry that …"): :func:`noun_cue`;
* "make" with a noun or adjective of assertion: "X made it clear (that) P", "X
  will make the case that P / for Y" (:func:`make_phrase`);
* "according to X, …" / "…, according to X": the rest of the sentence is X's
  (:func:`according`);
* "reportedly": an attribution with no source (:func:`hearsay`).

Rules after the PolNeAR annotation guidelines (Newell, Margolin and Ruths 2018)
and PARC 3.0 (Pareti 2016); the nouns are ``speech_nouns`` in ``data/cues.yaml``.
"""
from __future__ import annotations

import re

from rashomon.extract.attribution import according_to, noun_source, relative_owner
from rashomon.extract.complements import singular as _singular
from rashomon.extract.complements import topic_word as _topic_word
from rashomon.extract.content_scope import Scope, before_other_attribution, has_complement, person_source, span_of, WH
from rashomon.extract.docindex import DocIndex

_NOUN_PREPS = {"on", "of", "against", "for", "about", "to", "that"}


def noun_cue(ctx: DocIndex, noun):
    """(source, content span) of a speech noun ("Trump's claim that …", "her attacks
    on the senator", "his call for talks", "a statement by the ministry that …"):
    the owner (a possessive or compound name, a "by"/"from" agent, or the subject
    of the verb the noun is the object of: "X made an attack on …"), and a
    that-clause, an infinitive or the object of "on/of/against/for/about" ("of" and
    "against" for an unowned noun only after the nouns of ``speech_nouns.preps_for``
    in ``data/cues.yaml``: not "sent a column of smoke", "filed a claim against"). A noun
    with no source, or with a content of fewer than three words and no noun or
    name among them ("his remarks about him"), gives nothing."""
    src = noun_source(ctx, noun)
    if src is None:
        return None
    # a possessor or "by" agent makes the noun a speech act ("Trump's view of NATO"); a noun read
    # through its verb's subject takes "of"/"against" only for a propositional act ("made allegations of …")
    owned = src.head.i == noun.i or src.head.head.i == noun.i
    content = None
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp", "appos", "relcl") and any(
                m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to") for m in c.children):
            if c.i in ctx.cue_lemmas and not has_complement(c):
                break  # "a charge that the council denied": a relative clause, not what was charged
            content = list(c.subtree)
            break
        if c.dep_ == "prep" and c.lower_ in _NOUN_PREPS and (owned and c.lower_ != "to" or noun.lower_ in
                                                            ctx.lex.speech_noun_preps.get(c.lower_, (noun.lower_,))):
            content = [t for t in c.subtree if t.i != c.i]
            break
    if content is None:
        content = _that_after(ctx, noun) or _for_to_after(ctx, noun) or _copular_content(noun)
    if not content or len(content) < 3 and not any(_topic_word(t, "") for t in content):
        return None  # "his remarks about him": no content of its own
    if _singular(noun.lower_) in _VERBAL_NOUNS and not person_source(ctx, src):
        return None  # "the army's attack on the city" is no speech
    scope = Scope(ctx, noun)
    return src, span_of(scope.clip(content))


_VERBAL_NOUNS = {"attack", "charge", "threat"}
_BE = {"is", "was", "are", "were", "'s", "’s", "be", "been"}
_COMPLETE = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "prep", "auxpass", "dative"}


def _that_after(ctx: DocIndex, noun) -> list | None:
    """The clause right after a speech noun and "that", where the parse hung it
    elsewhere ("his false claims that he is …" with the clause on the main
    verb): the clause's words after the noun, when the clause is complete (a
    subject and an object, a complement or a passive: never a relative clause
    with its object missing, "the claim that he made")."""
    k = noun.i + 1
    if k >= len(ctx.doc) or ctx.doc[k].lower_ != "that" or ctx.doc[k].dep_ not in ("mark", "nsubj", "dobj"):
        return None
    v = ctx.doc[k].head
    if v.i <= k or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > k for c in v.children):
        return None
    if not (v.pos_ == "AUX" or any(c.dep_ in _COMPLETE for c in v.children)) or \
            v.i in ctx.cue_lemmas and not has_complement(v):
        return None
    return [t for t in v.subtree if t.i > k]


def _for_to_after(ctx: DocIndex, noun) -> list | None:
    """The "for … to …" clause right after a speech noun that the parse hung on the
    main verb ("renewed their calls for the council to cut fees"): its words after
    "for". Source: Quirk et al. (1985) 16.40, a for-to clause as the complement
    of a noun of request."""
    k = noun.i + 1
    if k >= len(ctx.doc) or ctx.doc[k].lower_ != "for" or ctx.doc[k].dep_ != "mark":
        return None
    v = ctx.doc[k].head
    if v.i <= k or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children):
        return None
    return [t for t in v.subtree if t.i > k]


def _copular_content(noun) -> list | None:
    """The clause a speech noun is equated with ("Her argument is that …", "His
    message has been that …"): the clause after the copula."""
    h = noun.head
    if noun.dep_ != "nsubj" or h.lower_ not in _BE and h.lemma_ != "be":
        return None
    clause = next((c for c in h.children if c.dep_ in ("ccomp", "attr") and c.i > h.i and
                   any(m.dep_ == "mark" or m.tag_ in WH for m in c.children)), None)
    return list(clause.subtree) if clause is not None else None


def person_source(ctx: DocIndex, tok) -> bool:
    """A source that can only speak, not strike: a named person, "he"/"she" (and
    their possessives), or a person noun that names no agent of force."""
    low = _singular(tok.lower_)
    return tok.ent_type_ == "PERSON" or low in ("he", "she", "who", "his", "her") or \
        low in ctx.lex.person_nouns and low not in ctx.lex.physical_agents


def hearsay(ctx: DocIndex, adv) -> tuple[int, int] | None:
    """The content of "reportedly" (``adv``): the clause of the verb it modifies,
    without the adverb; ``None`` when it modifies no verb. PolNeAR guidelines: an
    attribution whose cue is "reportedly" has no source."""
    verb = adv.head
    if adv.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX"):
        return None
    toks = Scope(ctx, adv).clip(t for t in verb.subtree if t.i != adv.i)
    toks = before_other_attribution(ctx, adv, toks)
    return span_of(toks) if len(toks) >= 3 else None


def according(ctx: DocIndex, tok):
    """(source, content span) of "according to X": the clause it attaches to, or
    the rest of its sentence, without the "according to X" phrase."""
    src = according_to(tok)
    if src is None or src.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY"):
        return None
    if src.lower_ in ctx.lex.speech_nouns and (owner := relative_owner(src)) is not None:
        src = owner  # "according to a speech X gave": X
    scope = Scope(ctx, tok)
    phrase = range(tok.left_edge.i, tok.right_edge.i + 1)
    h = tok.head
    edge = tok.left_edge.i <= scope.lo or all(t.is_punct for t in ctx.doc[tok.right_edge.i + 1:scope.hi])
    base = h.subtree if h.pos_ in ("VERB", "AUX") and not edge else ctx.doc[scope.lo:scope.hi]
    toks = scope.clip(t for t in base if t.i not in phrase)
    if len(toks) < 3:
        toks = scope.clip(t for t in ctx.doc[scope.lo:scope.hi] if t.i not in phrase)
    return src, span_of(toks)


_MAKE = re.compile(r"\b(?:make|makes|made|making)\b", re.IGNORECASE)


def make_tokens(ctx: DocIndex) -> set[int]:
    """Indices of the tokens "make"/"makes"/"made"/"making" (found on the text, not
    token by token: most articles have few)."""
    out = set()
    for m in _MAKE.finditer(ctx.text):
        t = ctx.tok_at(m.start())
        if t is not None and t.idx == m.start():
            out.add(t.i)
    return out
_OWNERS = {"the", "a", "her", "his", "their", "its", "our", "my", "your"}


def make_phrase(ctx: DocIndex, verb) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue span, content span) of "made it clear (that) P", "made clear that P",
    "make the case (that) P" or "make the case for Y" (``verb`` is the token
    "make"), or ``None`` for any other use of "make". The content is the clause
    (or the "for" phrase) without its "that". Source: PolNeAR guidelines (a
    phrase of saying is a cue as a whole; the evaluation's speech phrases
    "made (it) clear", "make the case")."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.lower_ == "clear" and c.pos_ == "ADJ":
            clause = next((g for g in (*c.children, *verb.children) if g.i > c.i and g.dep_ in ("ccomp", "advcl")
                           and g.pos_ in ("VERB", "AUX")), None)
            head = c
        elif c.dep_ == "dobj" and c.lower_ == "case" and any(d.lower_ in _OWNERS for d in c.children):
            clause = next((g for g in c.children if g.i > c.i and (
                g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX") or g.dep_ == "prep" and g.lower_ == "for")),
                None)
            if clause is None and not any(g.dep_ == "prep" for g in c.children):  # "for" hung on "make"
                clause = next((g for g in verb.children if g.i > c.i and g.dep_ == "prep" and g.lower_ == "for"), None)
            head = c
        else:
            continue
        if clause is None:
            return None
        toks = Scope(ctx, verb).clip(t for t in clause.subtree if not (t.dep_ == "prep" and t.i == clause.i))
        toks = before_other_attribution(ctx, verb, toks)
        if len(toks) < 2:
            return None
        return (verb.idx, head.idx + len(head.text)), span_of(toks)
    return None
