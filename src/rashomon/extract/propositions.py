"""The parts of a claim's proposition, read from the dependency parse.

Given the head token of a proposition (:mod:`rashomon.extract.stance` finds it
under any reporting or denial verb), :func:`read_parts` returns a
:class:`~rashomon.types.PropositionParts`:

* ``predicate``: the head's lemma; for a copula the adjective or noun it
  links ("was overdue" → ``overdue``), for "there is/are N" the noun, for a
  light "come from"/"have" with a nominal subject or object the noun ("the
  order came from X" → ``order``), for a phrasal verb the verb and its
  particle ("blow_up", "take_part");
* ``predicate_class`` from ``data/predicates.yaml`` (``death``, ``order``…),
  looked up on the predicate and, failing that, on the head nouns of its
  arguments and the words a number counts;
* ``agent``: the active subject, a passive "by" phrase, the source of "came
  from", the possessor of "at the request of X";
* ``theme`` and ``theme_words``: the object, passive subject or copular
  subject, and the content words of the predicate's arguments and obliques
  (never of nested clauses), which say what the claim is about;
* ``negated`` (see :mod:`rashomon.extract.negation`), ``tense``;
* ``counts``: what the claim's figure measures (the class's ``counts``, the
  unit of a currency, a radius in km…) and ``measure``, its index in the
  claim's quantities; ``clock``: a time of day the clause names;
* ``absent`` and ``presupposed``: what a "without" phrase denies and what a
  "despite" phrase presupposes was there; ``purpose``: why the act was done
  (``purpose_only``: the only reason, "solely to").

The readings live in modules of their own: :mod:`~rashomon.extract.predicates`
(the lexicon, phrasal lemmas, argument tokens, noun phrases),
:mod:`~rashomon.extract.readings` (which token holds the proposition and how
its polarity turns), :mod:`~rashomon.extract.roles` (agent, theme, place,
class from arguments) and :mod:`~rashomon.extract.times` (clock times, dates,
tense). Their public names stay importable from here.
"""
from __future__ import annotations

from rashomon.extract.lemmas import lemma
from rashomon.extract.measures import figure
from rashomon.extract.negation import lexical_negation, negation_cue
from rashomon.extract.predicates import (
    _agent_text, _arguments, _content, _head_nouns, _is_of, _modifiers, _np, _phrasal, lexicon,
)
from rashomon.extract.readings import _information, _light_predicate, _negating, _reading_head
from rashomon.extract.roles import (
    _absent, _blamed, _class_of, _existential, _place, _presupposed, _purpose, _roles, _theme_nouns,
)
from rashomon.extract.times import _YEAR, _clause_tense, _dated, _time_words, clock_times
from rashomon.types import PropositionParts, Quantity

# The names other stages import from this module, kept importable here.
from rashomon.extract.predicates import ARG_DEPS, CONTENT_POS, EXISTENTIAL, LEADS, SKIP_DEPS, STOP
from rashomon.extract.readings import ASPECTUAL, LIGHT, RAISING, SHOWING
from rashomon.extract.roles import (
    CAUSAL_PREPS, CAUSE_OF, GIVE, LOCATIVE, PERSONS, POINTING, RELATIVE, SCALE, TAKE_ON, UNACCUSATIVE,
    present_group,
)
from rashomon.extract.times import DATED


def read_parts(head, quantities: list[Quantity], text: str, base: int) -> PropositionParts:
    """The :class:`PropositionParts` of the proposition headed by ``head`` (a
    Token); ``quantities`` are the claim's figures, ``text`` its words and
    ``base`` their start offset in the article (to tie a figure to the
    predicate's arguments)."""
    lex = lexicon()
    said = head
    head, outer, inner, flip, negating_head = _reading_head(head)
    lem = _phrasal(head)
    pred_tok = _light_predicate(head, lem, lex["class"])
    if pred_tok.i != head.i:
        lem = lemma(pred_tok)
    kids = list(head.children)
    args = _arguments(head)
    words = _content(args + ([pred_tok] if pred_tok.i != head.i else []))
    absent = _absent(kids, args, lex)
    cls, own_class = _class_of(head, lem, words, absent, kids, lex)
    if cls is None and head.dep_ == "dobj" and lex["class"].get(lemma(head.head)) == "knowledge":
        cls = "knowledge"  # "operators reported a leaking valve": the thing reported is made known (a report of a fault)
    agent_tok, theme_tok, pred_tok, lem, cls = _roles(head, outer, inner, pred_tok, lem, cls, kids, lex)
    negating, phrasal = _negating()
    negated = negation_cue(head) is not None or (pred_tok.i != head.i and negation_cue(pred_tok) is not None)
    if flip or lexical_negation(head, negating, phrasal) or negating_head is not None:
        negated = not negated
    euphemism = lex["euphemisms"].get(("not_" if negated else "") + lem)
    if euphemism is not None:  # "lost their lives", "will never come home": died
        cls, negated = euphemism, False
    blamed_head, agent_tok, theme_tok = _blamed(head, agent_tok, theme_tok)
    if blamed_head.i != head.i:  # "accused X of blowing up the bridge": X blew it up
        head = pred_tok = blamed_head
        lem = _phrasal(head)
        cls = lex["class"].get(lem) or cls
    nouns = _theme_nouns(head, pred_tok, theme_tok, lem, outer)
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    # "no alarm warned them": no X did what an X does, so there was no X
    no_subject = subj is not None and cls is not None and lex["class"].get(lemma(subj)) == cls \
        and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
    if no_subject:
        nouns = _head_nouns(subj)
    if theme_tok is None and cls == "order" and agent_tok is not None and _is_of(agent_tok, [agent_tok.head.head]) \
            and lex["class"].get(lemma(agent_tok.head.head)) == "order":
        nouns = []  # "the police acted at the request of X": what was ordered is the act, not the police
    if cls in lex["absence"]:  # "the unit was overdue for inspection": the inspection is what is missing
        nouns = [g for prep in pred_tok.children if prep.dep_ == "prep" and prep.lower_ == "for"
                 for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"] or nouns
    measure, counts = figure(head.head if head.dep_ == "conj" or (head.dep_ == "acl" and head.tag_ == "VBN") else head,
                             quantities, cls, lem, lex, text, base,
                             own_class)
    if measure is not None and counts is None and lemma(head) == "put" and theme_tok is not None:
        # "put the figure at 3,000" (an earlier claim's measure), "put the death toll at five"
        counts = lex["counts"].get(lex["class"].get(lemma(theme_tok), ""), "ref")
    info = _information()
    had = next((c for c in kids if c.dep_ == "dobj" and lemma(c) in info), None) if lemma(head) in POSSESS else None
    if negated and subj is not None and had is not None and _had_word_of(head, had):
        lem, cls, agent_tok = "know", "knowledge", subj  # "we had no report of a leak": we did not know of one
    elif negated and (pred_tok.lower_ in info or lemma(pred_tok) in info):
        cls, negated = "information", False  # "no details on the deaths": the holder lacks information
    clocks = clock_times(text)
    heads = [t for t in nouns if not _is_of(t, nouns)]
    purpose, only = _purpose(head, cls)
    return PropositionParts(
        predicate=lem, predicate_class=cls, negated=negated,
        agent=_agent_text(agent_tok) if agent_tok is not None else None,
        theme=_np(theme_tok) if theme_tok is not None else None,
        theme_words=words, measure=measure, counts=counts, place=_place(head),
        time=_time_words(outer, args if outer.i == head.i else None),
        clock=f"{clocks[0] // 60:02d}:{clocks[0] % 60:02d}" if clocks else None,
        tense=_clause_tense(said, outer, euphemism is not None),
        theme_heads=list(dict.fromkeys(lemma(t) for t in heads)),
        theme_of=list(dict.fromkeys(lemma(t) for t in nouns if _is_of(t, nouns))),
        theme_modifiers=_modifiers(heads), existential=no_subject or _existential(head, pred_tok), absent=absent,
        presupposed=_presupposed(dict.fromkeys((head, outer, said)), lex), purpose=purpose, purpose_only=only,
        copular=pred_tok.i != head.i and pred_tok.pos_ in ("ADJ", "NOUN") and pred_tok.dep_ in ("acomp", "attr"),
        dated=_dated(head, cls, heads, lex) if _YEAR.search(text) else [])  # a year in the clause, else none


POSSESS = {"have", "receive", "get"}
TOPIC_PREPOSITIONS = {"of", "about", "on", "regarding", "concerning"}


def _had_word_of(head, noun) -> bool:
    """Whether an information noun that a possession verb's subject had ("we had
    no report of a leak", "the mill had no word about the boiler") names what it
    was about: then the subject did not know of it (FactBank: a negated source
    of knowledge; FrameNet Awareness). "There were no details on the deaths" has
    no one who lacks them: a gap in information, no denial. ``head`` is the
    possession verb (a spaCy Token), ``noun`` its object."""
    return any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS for c in noun.children)
