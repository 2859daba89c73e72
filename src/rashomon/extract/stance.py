"""Who holds a claim's proposition, and with what stance.

A reporting, denial or epistemic verb takes the clause it governs as the
proposition, held by its subject (PARC 3.0, Pareti 2016; FactBank, Saurí &
Pustejovsky 2009): "Police denied that guards had used pepper spray" is the
police *denying* "guards used pepper spray", not the police asserting it.
:func:`read_stance` finds, for the main predicate of a claim's clause:

* the verb that governs it, inside the clause ("X denied that P") or above it
  in the same sentence (a claim cut at a quote's edge keeps its cue), walking
  up ``ccomp``/``xcomp`` links and through a noun that carries the clause
  ("rejects claims that P", "denied reports that P");
* a copula that declares a proposition false ("Claims that P are false", "That
  is a fiction"): the stance is ``denies`` and the proposition is the
  noun's clause or, for an anaphoric subject ("that", "this", "that account"),
  an earlier claim (``anaphoric``);
* doubt and ignorance adjectives ("it is unlikely that P", "it is unclear
  whether P");
* the quote's own cue when the quote extractor found one.

The stance words are in ``data/stance.yaml``. A negated stance verb changes
the stance: "did not deny" and "could not confirm" say the holder does not
know (``unknown``); "no doubt" asserts; a negated negating verb ("did not
rule out that P") holds P possible (``unknown``, with the hedge). A future-tense or progressive clause
about the holder's own conduct under a speech verb ("assured that civilians
would not be targeted", "declared that we are not targeting") is a promise or
an intention, not a report of what happened.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from rashomon import data as data_files
from rashomon.extract.lemmas import lemma
from rashomon.extract.negation import negation_cue
from rashomon.extract.predicates import let_alone

HYPOTHETICAL = {"can", "could", "may", "might"}
WH = {"what", "who", "whom", "which", "how", "why", "whether", "if", "where", "when"}
WH_DEPS = ("dobj", "attr", "nsubj", "advmod", "mark", "pobj", "nsubjpass")
REPORT_NOUNS = {"report", "claim", "allegation", "account", "rumour", "rumor", "accusation", "statement",
                "suggestion", "assertion"}
ANAPHORS = {"that", "this", "it", "these", "those", "which"}
DEMONSTRATIVES = {"that", "this", "these", "those"}
FIGURE_NOUNS = {"figure", "estimate", "number", "toll", "count", "tally", "version", "account"}
"""An object that points at an earlier statement ("rejected that"); "rejected it" may point at
an offer as well as at a statement, so it is left to the predicate ("reject" an offer)."""
FIRST_PERSON = {"we", "our", "us", "i", "my", "me", "ours"}
CLAUSE_CHILD = ("ccomp", "xcomp")
NOUN_CLAUSE = ("acl", "relcl", "ccomp", "appos")
SUBJECTS = ("nsubj", "nsubjpass")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """``data/stance.yaml`` as sets: verb lemma → stance class, false words,
    doubt/ignorance adjectives, negating verbs, information nouns."""
    raw = data_files.load("stance.yaml")
    verbs: dict[str, str] = {}
    for cls in ("report", "distance", "know", "ask", "intend", "promise", "doubt", "deny"):
        for w in raw[cls].get("words", []):
            verbs[w] = cls  # later classes win ("confirm" is know; "vow" a promise)
    return {
        "verbs": verbs,
        "false_adj": frozenset(raw["falsity"]["adjectives"]),
        "false_noun": frozenset(raw["falsity"]["nouns"]),
        "doubt_adj": frozenset(raw["doubt"]["adjectives"]),
        "know_adj": frozenset(raw["know"]["adjectives"]),
        "negating": frozenset(raw["negating"]["verbs"]),
        "phrasal": frozenset(tuple(p) for p in raw["negating"]["phrasal"]),
        "information": frozenset(raw["information"]["nouns"]),
        "message": frozenset(raw["report"]["nouns"]),
        "directives": frozenset(raw["direct"]["words"]),
        "unsupported": frozenset(raw["falsity"]["unsupported"]),
    }


def stance_verbs() -> dict[str, str]:
    """Stance verb lemma → class ("deny", "report", …) of ``data/stance.yaml``."""
    return lexicon()["verbs"]


@dataclass
class StanceReading:
    """What :func:`read_stance` finds: the proposition's head token, the stance,
    the cue words, the holder's words as written (None: the narrator or the
    quote's speaker), whether the proposition is an earlier claim's, and the
    cue verb (a Token) when it lies above the clause or is the quote's cue."""

    head: object
    stance: str = "asserts"
    cue: str | None = None
    holder: str | None = None
    anaphoric: bool = False
    cue_tok: object = None


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _np_text(tok) -> str:
    """The words of a noun phrase, without relative or complement clauses and punctuation."""
    cut: set[int] = set()
    for t in tok.subtree:
        if t.i != tok.i and t.dep_ in ("relcl", "acl", "ccomp", "appos") and t.i not in cut:
            cut.update(x.i for x in t.subtree)
    toks = [t for t in tok.subtree if not t.is_punct and t.i not in cut]
    return " ".join(t.text for t in toks) if toks else tok.text


def _left_open(verb, lex) -> bool:
    """Whether ``verb`` is a negated negating verb ("did not rule out that P",
    "would not rule out P"): the holder keeps P open as possible, neither
    asserting nor denying it (FactBank, Saurí & Pustejovsky 2009: PS, possible;
    read as the stance ``unknown`` with a hedge)."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return (lemma(verb) in lex["negating"] or (lemma(verb), prt) in lex["phrasal"]) and negation_cue(verb) is not None


def _stance_of(cls: str, negated: bool) -> str:
    if cls == "open":
        return "unknown"
    if cls == "deny":
        return "unknown" if negated else "denies"
    if cls == "doubt":
        return "asserts" if negated else "doubts"
    if cls in ("know", "report", "distance"):
        return "unknown" if negated else "asserts"
    if cls == "ask":
        return "asks"
    if cls == "promise":
        return "promises"
    if cls == "intend":
        return "intends"
    return "asserts"


def _governed(verb, lo: int, hi: int):
    """The proposition a stance verb governs inside tokens [lo, hi): its clausal
    complement, or the clause of its object noun ("rejects claims that P")."""
    kids = [c for c in verb.children if c.dep_ in CLAUSE_CHILD and lo <= c.i < hi
            and (c.pos_ in ("VERB", "AUX") or (c.dep_ == "ccomp" and c.pos_ == "ADJ"))  # "says five dead"
            and not _unset_before(c, verb) and not let_alone(c)]
    # a "that" clause first, then a clausal complement ("rejects rumours circulating online that P")
    kids.sort(key=lambda c: (not any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children), c.dep_ != "ccomp"))
    if kids:
        return kids[0]
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and lo <= c.i < hi:
            cl = _that_clause(c)
            if cl is not None:
                return cl
    return None


def _unset_before(clause, verb) -> bool:
    """Whether a clause parsed as the complement of ``verb`` stands before it
    with no punctuation between: fronted reported content is set off by a
    comma, a quotation mark, a dash or a colon ("The toll rose to nine, the
    agency said"; PARC 3.0, content before source and cue), so an unpunctuated
    one is a misparsed subject ("Teams running the buses counted 900 people")."""
    if clause.i > verb.i:
        return False
    doc = verb.doc
    return not any(doc[k].is_punct for k in range(clause.right_edge.i + 1, verb.i))


def _false_predicate(head, lex) -> bool:
    """A copular clause that declares its subject false ("… are false", "is a fiction")."""
    words = [head] + [c for c in head.children if c.dep_ in ("acomp", "attr")]
    for w in words:
        lw = lemma(w)
        if lw in lex["false_adj"] or lw in lex["false_noun"] or w.lower_ in lex["false_noun"]:
            return True
        if any(c.dep_ in ("amod", "compound") and (c.lower_ in lex["false_noun"] or c.lower_ in lex["false_adj"])
               for c in w.children):
            return True
    return False



def _that_clause(noun):
    """The clause a noun carries ("claims that P", "reports that P"): a clause
    child marked by "that", else any clausal child; searched one level down too
    ("claims circulating on social media that P")."""
    kids = [c for c in noun.children if c.dep_ in NOUN_CLAUSE + ("xcomp",) and c.pos_ in ("VERB", "AUX")]
    for c in kids:
        if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    for c in kids:
        inner = next((g for g in c.children if g.dep_ in NOUN_CLAUSE + ("ccomp",) and g.pos_ in ("VERB", "AUX")
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None)
        if inner is not None:
            return inner
    return kids[0] if kids else None


def _message_clause(verb, lo: int, hi: int, lex):
    """The "that" clause of a message noun the verb takes as object ("sent messages
    to the population that P"; the parser may hang the clause on a later noun):
    a clause in [lo, hi) marked "that" with a subject of its own, or None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or lemma(obj) not in lex["message"]:
        return None
    for t in verb.subtree:
        if lo <= t.i < hi and t.i > obj.i and t.dep_ in NOUN_CLAUSE and t.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children) \
                and any(c.dep_ in SUBJECTS for c in t.children):
            return t
    return None


def _points_back(noun) -> bool:
    """Whether a subject points at an earlier statement: "that", "this", "that
    account", "the guild's figure", "these claims"."""
    if noun.lower_ in ANAPHORS:
        return True
    if any(c.lower_ in ANAPHORS and c.dep_ == "det" for c in noun.children):
        return True
    return lemma(noun) in FIGURE_NOUNS | REPORT_NOUNS and any(c.dep_ == "poss" for c in noun.children)


def _event_noun(noun) -> bool:
    """Whether a noun names an event or state of a predicate class of
    ``data/predicates.yaml`` ("deaths", "casualties", "the attack", "responsibility")."""
    from rashomon.extract.propositions import lexicon as predicate_lexicon  # propositions reads this module's words
    return lemma(noun) in predicate_lexicon()["class"] or noun.lower_ in predicate_lexicon()["class"]


def _combine(outer: str, inner: str) -> str:
    """The stance of a holder over a stance: "denied that X could confirm" is a denial."""
    return inner if outer == "asserts" else outer


def read_stance(root, lo: int, hi: int, cue=None) -> StanceReading:
    """The stance over the clause whose main predicate is ``root`` (a Token),
    the claim's tokens being [lo, hi) of the Doc; ``cue`` is the quote's cue
    verb (a Token) when the claim sits in an indirect quote whose cue lies
    outside the clause: its stance is the cue's ("the mayor rejected | the
    guild's claim that P"; "did not rule out | that P").

    Returns a :class:`StanceReading` whose ``head`` is the proposition's head
    token (``root`` itself when nothing governs it)."""
    lex = lexicon()
    cue_lemma = lemma(cue) if cue is not None else None
    cls = lex["verbs"].get(cue_lemma or "") or ("ask" if cue_lemma in lex["directives"] else None)
    if cue is not None and _left_open(cue, lex):
        cls = "open"  # "did not rule out that P": P held possible
    reading = _above(root, lex) or (  # an unlisted cue reports: hedges are read apart
        StanceReading(root, _stance_of(cls or "report", cls is not None and negation_cue(cue) is not None),
                      cue_lemma, None, cue_tok=cue)
        if cue_lemma else StanceReading(root))
    for _ in range(3):  # descend through stance verbs inside the clause ("said it denied that P")
        inner = _inside(reading.head, lo, hi, lex)
        if inner is None:
            break
        same = inner.head.i == reading.head.i
        reading = StanceReading(inner.head, _combine(reading.stance, inner.stance) if reading.cue else inner.stance,
                                inner.cue or reading.cue, inner.holder or reading.holder, inner.anaphoric,
                                reading.cue_tok)
        if same:
            break
    return reading


def _inside(root, lo: int, hi: int, lex) -> StanceReading | None:
    """One step down from ``root``: the stance ``root`` itself sets over a
    proposition inside the clause, or None."""
    verbs = lex["verbs"]
    lem = lemma(root)
    cls = verbs.get(lem)
    subj = _subject(root)
    # a misparse of "X rejects claims that P" (the denial verb read as a noun subject)
    if cls in ("report", "distance") and subj is not None and verbs.get(lemma(subj)) == "deny" \
            and subj.pos_ in ("NOUN", "VERB") and subj.i == root.i - 1:
        cls, holder = "deny", " ".join(t.text for t in subj.subtree if t.i != subj.i) or None
    elif root.pos_ == "NOUN" and lem in REPORT_NOUNS:  # "(rejected) | the guild's claim that P": P
        inner = _that_clause(root)
        return StanceReading(inner) if inner is not None and lo <= inner.i < hi else None
    else:  # the holder a stance verb names (read only for a listed verb: most clauses have none)
        holder = _np_text(subj) if subj is not None and cls is not None else None
    if cls is None:  # "sent messages that P", "issued a statement that P": a report of P
        inner = _message_clause(root, lo, hi, lex)
        if inner is not None:
            return StanceReading(inner, "asserts", root.text, _np_text(subj) if subj is not None else None)
    if cls is None and _left_open(root, lex) and (inner := _governed(root, lo, hi)) is not None:
        # "did not rule out that P"
        return StanceReading(inner, "unknown", root.text, _np_text(subj) if subj is not None else None)
    if cls is not None and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in root.children):
        return StanceReading(root, "unknown", root.text, holder)  # "they can deny it as much as they like"
    if cls is not None:
        inner = _governed(root, lo, hi)
        if inner is not None:
            if any(c.lower_ in WH for c in inner.subtree if c.i < inner.i and c.dep_ in WH_DEPS):
                return StanceReading(inner, "unknown", root.text, holder)  # "we know what pepper spray is"
            return StanceReading(inner, _stance_of(cls, negation_cue(root) is not None), root.text, holder)
        obj = next((c for c in root.children if c.dep_ == "dobj" and lo <= c.i < hi), None)
        if cls in ("report", "distance") and obj is not None and obj.pos_ == "NOUN" and lemma(obj) not in REPORT_NOUNS \
                and negation_cue(root) is None:
            return StanceReading(obj, _stance_of(cls, negation_cue(root) is not None), root.text, holder)  # "reports casualties"
        if cls == "deny":  # "dismissed that version", "dismissed these claims", "rejected the governor's account"
            if obj is not None and (obj.lower_ in DEMONSTRATIVES or lemma(obj) in REPORT_NOUNS and any(
                    c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no", "any") for c in obj.children)):
                return StanceReading(root, "denies", root.text, holder, anaphoric=True)
            if obj is not None and obj.pos_ == "NOUN" and lemma(root) == "deny" and negation_cue(root) is None \
                    and _event_noun(obj):
                # "the firm denies deaths at the plant": the denied event is the noun (FactBank: a
                # negative SIP over an event nominal); "rejected the offer" takes no proposition
                return StanceReading(obj, "denies", root.text, holder)
    # "That is not what the families were offered": a denied identity of an earlier statement with a free
    # relative (a specificational copula: Higgins 1979) says that statement is not so
    if subj is not None and subj.lower_ in ("that", "this") and root.lemma_ == "be" and negation_cue(root) is not None \
            and any(c.dep_ in ("ccomp", "attr") and c.left_edge.lower_ == "what" for c in root.children):
        return StanceReading(root, "denies", root.text, None, anaphoric=True)
    # "P is false", "That figure is a fiction"
    if _false_predicate(root, lex) and negation_cue(root) is None:
        subj = subj or next((c for c in root.head.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            inner = _that_clause(subj)
            if inner is not None:
                return StanceReading(inner, "denies", "false", None)
            if _points_back(subj):
                return StanceReading(root, "denies", root.text, None, anaphoric=True)
            if lemma(subj) in REPORT_NOUNS:  # "Reports of a dozen deaths are simply wrong"
                of = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"), None)
                return StanceReading(of if of is not None else subj, "denies", "false", None)
    # "the guild's figure was not supported by the records": counter-evidence denies the figure
    if lemma(root) in lex["unsupported"] and negation_cue(root) is not None:
        subj = subj or next((c for c in root.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and _points_back(subj):
            return StanceReading(root, "denies", root.text, None, anaphoric=True)
    # "it is unlikely / unclear that P", "X was very unlikely to explain Y"
    for c in [root] + [c for c in root.children if c.dep_ in ("acomp", "attr")]:
        lc = lemma(c)
        if lc in lex["doubt_adj"] or lc in lex["know_adj"]:
            inner = next((g for g in list(c.children) + list(root.children) if g.dep_ in ("ccomp", "xcomp")), None)
            if inner is not None:
                return StanceReading(inner, "doubts" if lc in lex["doubt_adj"] else "unknown", c.text, None)
    return None


def _first_conjunct(root):
    """The reported clause a "that" clause is coordinated with ("said P, and
    that Q": Q is reported by the same verb, its holder the same; a content
    clause's "that" marks it as one: CGEL ch. 11, 8.1 and ch. 15 on
    coordination of content clauses), found however the parser attached the
    conjunct; else ``root``."""
    if root.dep_ != "conj" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in root.children):
        return root
    for a in root.ancestors:
        if a.dep_ in CLAUSE_CHILD:
            return a
        first = next((c for c in a.children if c.dep_ in CLAUSE_CHILD and c.i < root.i), None)
        if first is not None:
            return first  # "said P, two of them at least, and that Q": Q hung on the verb's other child
    return root


def _above(root, lex) -> StanceReading | None:
    """The stance a verb above ``root`` in the same sentence sets over it (a
    claim cut at a quote's edge: "Police denied that | P"), or None."""
    verbs = lex["verbs"]
    t = _first_conjunct(root)
    for _ in range(3):
        if t.dep_ not in CLAUSE_CHILD + ("acl", "relcl") or t.head.i == t.i:
            return None
        h = t.head
        lo, hi = sorted((t.i, h.i))
        if any(x.text == ";" for x in t.doc[lo:hi]):
            return None  # "the toll rises to six; guild insists eight died": no cue across a semicolon
        if t.dep_ in ("acl", "relcl"):  # "claims that P", "denied reports that P"
            noun = h
            h = noun.head
            if noun.dep_ not in ("dobj", "nsubjpass", "nsubj") or h.i == noun.i:
                return None
            if noun.dep_ == "nsubj" and _false_predicate(h, lex):
                return StanceReading(root, "denies", "false", None)
        hcls = "open" if _left_open(h, lex) else verbs.get(lemma(h))
        if hcls is not None:
            subj = _subject(h)
            return StanceReading(root, _stance_of(hcls, negation_cue(h) is not None), h.text,
                                 _np_text(subj) if subj is not None else None, cue_tok=h)
        t = h
    return None


PRO_FORMS = {"so", "that", "it", "this"}


def _declines(head) -> bool:
    """Whether a clause is its holder declining to say: a negated verb of saying
    under a modal whose only complement is a pro-form or nothing ("I would not
    say so", "we cannot confirm that", "I wouldn't speculate"): the holder is
    uncommitted (FactBank's "uncommitted" source: Sauri & Pustejovsky 2009), not
    promising or asserting anything."""
    if stance_verbs().get(lemma(head)) is None and lemma(head) != "speculate" or negation_cue(head) is None:
        return False
    aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if not aux & (HYPOTHETICAL | {"would", "will", "wo", "ca", "can", "shall"}):
        return False
    return all(c.lower_ in PRO_FORMS for c in head.children if c.dep_ in ("dobj", "ccomp", "advmod", "xcomp")
               and c.lower_ not in ("not", "n't", "never", "yet"))


def commitment(head, stance: str, holder_words: str | None, lex_first=FIRST_PERSON) -> str:
    """Refine a reported stance by the proposition's tense and person: a
    future clause under a promise or report about the holder's own conduct is a
    promise; a first-person progressive under a speech verb ("we are not
    targeting civilians") declares an intention."""
    if stance not in ("asserts", "promises"):
        return stance
    if stance == "promises":
        return "promises"
    if _declines(head):
        return "unknown"  # "I would not say so until the report is in": no claim either way
    if holder_words is None:
        return stance
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "shall", "'ll", "wo"}:  # the future
        return "promises"
    if head.tag_ == "VBG" and aux & {"are", "is", "were", "was", "am", "be"}:  # a progressive
        subj = _subject(head)
        subj_words = {t.lower_ for t in subj.subtree} if subj is not None else set()
        if subj is None and holder_words:  # "we declared that [we] are not targeting": the holder's own conduct
            subj_words = {w.lower() for w in holder_words.split()}
        if subj_words & lex_first:
            return "intends"
    return stance
