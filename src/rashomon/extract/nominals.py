"""Who did it, read from a noun: event nominals and culprit epithets.

Two verbless constructions name the agent of an act without a verb, and the
clause reader (:func:`rashomon.extract.propositions.read_parts`) leaves their
agent empty:

* an **event nominal with a by-phrase** ("the destruction of the bridge by the
  rebels", often a headline's topic: "Statement on the shelling of the port by
  the navy"): a complex event nominal realises its agent in a by-phrase and its
  theme in an of-phrase (Grimshaw 1990, *Argument Structure*, ch. 3). The
  parser often hangs the by-phrase on the of-object's noun ("the dam by the
  forces"); it is read there too, since a by-phrase of agency belongs to the
  event noun;
* a **culprit epithet**: a verbless utterance whose head is a noun of
  wrongdoing with a modifier naming who ("'Russian terrorists,' the minister
  wrote", "'Rebel murderers!'"): calling a party the culprits accuses them of the
  act the story is about, a negative judgement of propriety (Martin & White
  2005, *The Language of Evaluation*, 2.3) whose target is the agent. The nouns
  are ``culprits`` in ``data/predicates.yaml``.

:func:`nominal_agent` fills ``agent``, ``theme`` and the predicate class on a
:class:`~rashomon.types.PropositionParts` in place; nothing is invented when
neither construction is there.
"""
from __future__ import annotations

from rashomon.extract.lemmas import lemma
from rashomon.extract.propositions import lexicon as predicate_lexicon
from rashomon.types import PropositionParts

BLAME_CLASS = "cause"
TIMES = ("DATE", "TIME", "CARDINAL", "ORDINAL")  # "by the afternoon", "by 20:00": a deadline, not an agent
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk", "weekend", "end",
              "time", "day", "week", "month", "year"}


def _np(tok, lo: int, hi: int, skip=None) -> str:
    """The words of ``tok``'s subtree inside [lo, hi), without the subtree of ``skip``."""
    left = set(t.i for t in skip.subtree) if skip is not None else set()
    return " ".join(t.text for t in tok.subtree if lo <= t.i < hi and t.i not in left and not t.is_space
                    and not (t.is_punct and t.i in (tok.left_edge.i, tok.right_edge.i)))


def _prep(tok, word: str):
    """The object of ``tok``'s preposition ``word`` ("of", "by"), or None."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == word:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _by_agent(nominal, theme, lo: int, hi: int):
    """The by-phrase of an event nominal: on the nominal, else hung on its
    of-object ("the destruction of the dam by the forces")."""
    for tok in (nominal, theme):
        if tok is None:
            continue
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by" and lo <= c.i < hi:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return c, obj
    return None, None


def nominal_agent(head, parts: PropositionParts, lo: int, hi: int) -> None:
    """Fill ``parts`` (in place) from a culprit epithet or an event nominal
    headed by ``head`` (a spaCy Token; the claim's tokens are [lo, hi)). An
    epithet sets the agent, the predicate and its class ("cause"); an event
    nominal is read only when the proposition has no agent yet."""
    lex = predicate_lexicon()
    culprit = _epithet(head, lo, hi, lex)
    if culprit is not None:
        parts.agent = _np(culprit, lo, hi)  # "Russian terrorists": the party so called
        parts.predicate, parts.predicate_class = lemma(culprit), BLAME_CLASS
        return
    if parts.agent is not None or head.pos_ not in ("NOUN", "PROPN"):
        return
    lem = lemma(head)
    klass = lex["class"].get(lem)
    if klass in lex["responsibility"]:
        theme = _prep(head, "of")
        by, agent = _by_agent(head, theme, lo, hi)
        if agent is None or lemma(agent) in lex["event_nouns"] or agent.ent_type_ in TIMES or agent.pos_ == "NUM" \
                or lemma(agent) in TIME_NOUNS:
            return  # "the collapse of the roof by the afternoon" names a time; an event is a cause, read elsewhere
        parts.agent = _np(agent, lo, hi)
        if theme is not None and lo <= theme.i < hi:
            parts.theme = _np(theme, lo, hi, skip=by)
            parts.theme_heads = [lemma(theme)]
        parts.predicate_class = parts.predicate_class or klass


def _epithet(head, lo: int, hi: int, lex: dict):
    """The culprit noun of a verbless utterance, or None: ``head`` itself, or
    the quoted noun phrase a verb of saying is parsed over ("'Rebel murderers,'
    she wrote", the noun read as the verb's subject or object); the noun must
    be modified by who (a name or an adjective: "Rebel", "Freedonian")."""
    from rashomon.extract.stance import stance_verbs

    if head.pos_ in ("NOUN", "PROPN"):
        cands = [head]
    elif stance_verbs().get(lemma(head)) == "report":  # the quoted words stand before the verb, after a quote mark
        doc = head.doc
        cands = [c for c in head.children if c.dep_ in ("nsubj", "dobj") and c.i < head.i
                 and c.left_edge.i > 0 and doc[c.left_edge.i - 1].is_quote]
    else:
        return None
    for tok in cands:
        if lemma(tok) in lex["culprits"] and any(c.dep_ in ("amod", "compound", "nmod") and lo <= c.i < hi
                                                for c in tok.children):
            return tok
    return None
