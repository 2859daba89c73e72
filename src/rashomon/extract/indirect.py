"""Indirect quotes: reported speech found on the dependency parse.

Each cue of ``data/cues.yaml`` (speech-act verbs after PARC 3.0 and the PolNeAR
annotation guidelines) with its source and its content:

* a clause after the cue: "X said (that) …", "X told reporters (that) …" (the
  addressee is left out), "X asked whether …", "X urged voters to …" (the
  object of a request is part of what is asked);
* a noun phrase after a cue that takes one: "X criticized the plan", "X called
  the decision a mistake", "X accused the mayor of lying", "X called for talks";
* the clause around an inverted or parenthetical cue: "…, X emphasizes",
  "The port, X said, will reopen", "As X stated, …";
* "according to X", speech nouns ("her claim that …"), "made it clear that …"
  and "reportedly": :mod:`rashomon.extract.speech_nouns`;
* a verb of publication only with a document as object ("released a list of …",
  ``data/cues.yaml`` ``publication``);
* a negated or declined cue ("did not say whether …", "declined to comment on
  …") gives a quote flagged ``negated``, its cue with the negation; a negative
  subject ("Nobody said …") gives none;
* a passive with an agent: "it was announced by X that …"; a passive without
  one is an attribution with no source ("Two aides were accused of lying"),
  as is a clause with "reportedly";
* an estimate: "X put the death toll at five" (``data/cues.yaml`` ``estimates``).

A content stops before a clause with a source of its own (a coordinated or a
contrasting "while/whereas" clause: "X said A, while a union put the toll at
five"; :mod:`rashomon.extract.content_scope`); an attribution nested in
another's content is kept beside it. A clausal content goes on after a colon
that elaborates it and across a parenthesis set off by a pair of dashes.

The source is the cue's subject (through "who" to the noun it modifies, through
an auxiliary, control or participle chain to the subject above, or the "by"
agent); a cue without a source ("it was said that …") still gives a quote,
with no speaker. A cue that names a physical act as well ("attack", "defend")
is a speech act only with a person as subject and a person or organisation, a
clause or a "for"/"over"/"as" phrase as content (never "troops attacked the
town"). Content inside quotation marks alone is the direct quote's; content
that mixes the reporter's words with quoted ones ("X called the plan “a
disaster”") is an indirect quote that holds the quoted words.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import replace

from rashomon import data as data_files

from rashomon.extract.attribution import (
    cue_info,
    cue_subject,
    relay_fields,
    relay_of,
    speaker_fields,
    speaker_from_subject,
)
from rashomon.extract.complements import QUESTION_MARKS as _QUESTION_MARKS
from rashomon.extract.complements import right_content as _right_content
from rashomon.extract.complements import singular as _singular
from rashomon.extract.content_scope import (
    CONTRAST,
    WH,
    Scope,
    before_other_attribution,
    has_complement,
    misparsed_that,
    own_source,
    person_source,
    span_of,
)
from rashomon.extract.coref import Discourse
from rashomon.extract.cue_senses import ability_negation
from rashomon.extract.docindex import DocIndex, sentence_end
from rashomon.extract.negation import NEG_DETS, NEG_PRONOUNS, negated_speech
from rashomon.extract.speakers import NAMING, estimate_object
from rashomon.extract.speech_nouns import according, hearsay, make_phrase, make_tokens, noun_cue
from rashomon.extract.stance import lexicon as stance_lexicon
from rashomon.types import Quote

_VERBAL_PREPS = {"for", "over", "as", "of"}
_MIN_CHARS = 3  # a content shorter than this is no proposition ("it", "so"), but for the answer "no"
_ANAPHORIC = {"this", "that", "these", "those", "it", "them", "such"}


def _relative_complement(ctx: DocIndex, verb, lemma: str) -> list | None:
    """The words a cue gives after a relative or free-relative object ("what
    officials called a hate crime", "which she describes as her second home"): its
    object predicate or its "as"/lexicon phrase, without the preposition; ``None``
    when the cue gives nothing after it ("what the commander said")."""
    wh = next((c for c in verb.children if c.tag_ in WH and c.dep_ == "dobj"), None)
    if wh is None or wh.i > verb.i:
        return None
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "oprd":
            return list(c.subtree)
        if c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in ctx.lex.preps.get(lemma, ())):
            return [t for t in c.subtree if t.i != c.i]
    return _relative_head(ctx, verb, lemma)


def _relative_head(ctx: DocIndex, verb, lemma: str) -> list | None:
    """The noun a relative clause cue is about ("a charge that the council denied",
    "the rules she railed against"): its head noun phrase, for a cue that takes a
    noun phrase or a preposition left without its object. PolNeAR guidelines: the
    content of a cue in a relative clause is the noun the clause modifies."""
    h = verb.head
    if verb.dep_ not in ("relcl", "acl") or h.i > verb.i or h.pos_ not in ("NOUN", "PROPN"):
        return None
    if has_complement(verb):
        return None  # the clause has a content of its own: not a relative about its head
    dangling = any(c.dep_ == "prep" and c.lower_ in ctx.lex.preps.get(lemma, ()) and not list(c.children)
                   for c in verb.children)
    if lemma not in ctx.lex.np_content and not dangling:
        return None
    return [t for t in h.subtree if t.i < verb.left_edge.i]  # "the kind of change" before "the party warned about"


def _parenthetical(ctx: DocIndex, verb, scope: Scope) -> list | None:
    """The sentence around a cue clause set off by commas in its middle ("The port,
    X said, will reopen"), without the cue clause: both parts are the content."""
    doc = ctx.doc
    # the cue clause's own words: an adverbial clause before it that the parse hangs on the cue ("If A,
    # X argues, B") is content
    own = [c for c in verb.children if c.dep_ != "punct" and not (c.dep_ == "advcl" and c.i < verb.i)]
    lo = min([verb.i] + [c.left_edge.i for c in own if c.i < verb.i])
    hi = max([verb.i] + [c.right_edge.i for c in own if c.i > verb.i])
    while lo < verb.i and doc[lo].is_punct:
        lo += 1
    while hi > verb.i and doc[hi].is_punct:
        hi -= 1
    before, after = lo - 1, hi + 1
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "…, telling the crowd, …": a participle, not a cue set off with its speaker
    if not (scope.lo + 1 <= before and doc[before].text == "," and after < scope.hi - 2 and doc[after].text == ","):
        return None
    if any(t.text in ",;:" for t in doc[lo:hi]):
        return None  # the cue clause itself runs on: not a parenthesis
    return [t for t in doc[scope.lo:scope.hi] if not (before <= t.i <= after)]


def _around_content(ctx: DocIndex, verb) -> list | None:
    """The content around an inverted or parenthetical cue ("The port will reopen,
    X said, …"; "As X stated, …"): the head clause without the cue's own words."""
    h = verb.head
    inverted = verb.dep_ in ("parataxis", "ccomp") or verb.dep_ == "advcl" and \
        not any(c.dep_ == "mark" for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children)  # "…, she said."
    if inverted and h.i != verb.i and h.pos_ in ("VERB", "AUX") and h.i < verb.i:
        toks = [t for t in h.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
        left = [t for t in toks if t.i < verb.left_edge.i]
        if len(left) >= 3 and "," in ctx.text[left[-1].idx:verb.idx]:
            return toks
        return None
    if verb.dep_ == "conj" and h.i < verb.i and verb.i > 0 and ctx.doc[verb.i - 1].text == "," and \
            any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children):
        return [t for t in h.subtree if t.i < verb.i - 1]  # "…, but it is under pressure, said the chief executive"
    if verb.dep_ == "advcl" and h.i != verb.i and any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children):
        if ctx.cue_lemmas.get(verb.i) in ctx.lex.manner or verb.tag_ == "VBG":
            return None  # "As the crowd chanted, …", "As she was speaking, …": the time of the main clause
        return [t for t in h.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
    lefts = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if lefts and lefts[0].i in ctx.cue_lemmas and own_source(lefts[0]):
        # "A, X reported, while B, Y reported": the clause after the first attribution is the second's
        second = next((c for c in verb.children if lefts[0].i < c.i < verb.i and c.dep_ == "advcl"
                       and any(m.dep_ == "mark" and m.lower_ in CONTRAST for m in c.children)), None)
        if second is not None:
            return [t for t in second.subtree if not (t.dep_ == "mark" and t.head.i == second.i)]
    if lefts and "," in ctx.text[lefts[0].right_edge.idx:verb.idx]:
        toks = list(lefts[0].subtree)
        for c in verb.rights:  # "A, X said on Monday, and B": B goes on with what was said
            if c.dep_ == "conj" and any(g.dep_ == "nsubj" for g in c.children) and \
                    ctx.doc[c.left_edge.i - 1].lower_ in ("and", "but") and ctx.doc[c.left_edge.i - 2].text == ",":
                toks += list(c.subtree)
        return toks
    return None


def _verbal_speech(ctx: DocIndex, verb, subj) -> bool:
    """For a cue that also names a physical act: whether this use is speech. The
    subject is a named person, "he"/"she" or a person noun that is no agent of
    force; the content is a clause, a "for/over/as/of" phrase or an object that
    is no place and no target of force (``data/cues.yaml`` ``physical``)."""
    lex = ctx.lex
    if subj is None or not person_source(ctx, subj):
        return False
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in _VERBAL_PREPS:
            return True
        if c.dep_ == "dobj":
            return c.ent_type_ not in ("GPE", "LOC", "FAC") and _singular(c.lower_) not in lex.physical_targets
    return False


_QUESTION_WORDS = {"when", "whether", "if", "how", "why", "where", "who", "what", "which"}


def _open_question(verb) -> list | None:
    """An embedded question the parser hung on a negated or asking cue as an
    adverbial clause ("have not said when they would vote", "asked how the
    fire began"): the clause, when its first word is a question word. Quirk et
    al. (1985) 15.5: a wh-clause after a verb of saying is its object."""
    for c in verb.rights:
        if c.dep_ == "advcl" and c.left_edge.lower_ in _QUESTION_WORDS:
            return list(c.subtree)
    return None


def _addressee_clause(verb) -> list | None:
    """A that-clause the parse hung on the cue's addressee as a relative clause
    ("yelling to the officers that her husband was unarmed", "warning followers
    in interviews that the group could return"): a clause with "that" as its
    marker and a subject of its own is complete, so no relative clause of the
    noun but the content of the cue (Huddleston & Pullum 2002, 11.3: a
    relative clause lacks the argument its head fills)."""
    nouns = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "dative")]
    nouns += [g for c in verb.children if c.i > verb.i and c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for n in list(nouns):
        nouns += [g for c in n.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for n in nouns:
        for c in n.children:
            that = c.left_edge
            if c.dep_ in ("relcl", "acl") and c.i > n.i and that.lower_ == "that" and \
                    (that.dep_ == "mark" or that.tag_ == "IN") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                return list(c.subtree)
    return None


def _content(ctx: DocIndex, verb, lemma: str, subj, negated: bool = False) -> tuple[int, int] | None:
    """Content span of a cue verb (see the module docstring), or ``None`` when the
    content is missing or names the words without giving them ("what he said");
    a ``negated`` cue gives the question it leaves open ("did not say what he wanted")."""
    lex = ctx.lex
    if any(c.tag_ in WH and (c.dep_ == "dobj" or c.dep_ == "nsubj" and verb.dep_ != "relcl") for c in verb.children):
        # "what the commander said": the words are not given ("voters who said …" are), but
        # "what officials called a hate crime" gives them after the cue
        toks = _relative_complement(ctx, verb, lemma)
        return span_of(Scope(ctx, verb).clip(toks)) if toks else None
    scope = Scope(ctx, verb)
    if lemma in lex.estimate_verbs and (obj := estimate_object(verb)) is not None:
        at = max((c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "at"),
                 key=lambda c: c.right_edge.i)
        return span_of(scope.clip(ctx.doc[obj.left_edge.i:at.right_edge.i + 1]))  # "the death toll at five"
    toks = None
    if verb.dep_ in ("parataxis", "ROOT", "ccomp", "conj", "advcl") and \
            not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        toks = _parenthetical(ctx, verb, scope)  # "X, he said, Y": both sides, never the words after "said" alone
    if toks is None and (toks := _right_content(ctx, verb, lemma)) is not None:
        first = scope.clip(toks)[:1]
        if first and first[0].tag_ in WH and first[0].lower_ not in _QUESTION_MARKS and first[0].dep_ != "mark" \
                and not misparsed_that(scope.clip(toks)[:2]):
            if first[0].i > verb.i and lemma not in _ASK and not negated:
                return None  # "said what he wanted": the words are not given ("asked what he wanted" gives them)
            toks = [t for t in toks if t.i > verb.i]  # "a rise which economists say will last": "will last"
    if toks is None and (negated or lemma in _ASK):
        toks = _open_question(verb)
    if toks is None:
        toks = _addressee_clause(verb)
    if toks is None:
        toks = _around_content(ctx, verb)
    toks = before_other_attribution(ctx, verb, scope.clip(toks)) if toks is not None else None
    if not toks:
        toks = _relative_head(ctx, verb, lemma)  # "a charge that the council denied"
    if not toks:
        return None
    if lemma in lex.verbal and not _verbal_speech(ctx, verb, subj):
        return None
    if len(toks) == 1 and toks[0].pos_ == "PRON":
        return None  # "denied it"
    return span_of(toks)


_ASK = {"ask", "question"}


def _passive(verb) -> bool:
    """A cue verb in the passive ("X was asked whether …") or in a participial
    clause with no subject or auxiliary of its own ("Asked whether …, X replied",
    "When questioned about …"): its words are not its grammatical subject's (nor
    the main clause's subject's). "Having said that …" (an auxiliary) is active."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux") for c in verb.children)


def _patient(ctx: DocIndex, verb) -> tuple[int, int] | None:
    """The content of a passive cue with an agent whose object became its subject
    ("the plan was rejected by the council", "changes proposed by the government"):
    the passive subject, or the noun phrase a participle modifies (without the
    participle's clause); ``None`` when there is none. PolNeAR guidelines: the
    content of "X was criticized by Y" is X."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is not None:
        toks = list(subj.subtree)
    elif verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        toks = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
    else:
        return None
    toks = Scope(ctx, verb).clip(toks)
    if not toks or len(toks) == 1 and toks[0].pos_ == "PRON" or toks[0].lower_ in _ANAPHORIC and len(toks) <= 2:
        return None  # "it was rejected by …", "that plan was …": nothing of its own
    return span_of(toks)


def _unsourced(ctx: DocIndex, verb) -> tuple[int, int] | None:
    """The content of a passive cue that names no source ("The plan was criticized
    as rushed", "Two aides were accused of lying"): the passive subject with what
    the cue takes after it; ``None`` for a participle with no subject of its own
    or a subject that only points back ("it was rejected"). PolNeAR guidelines:
    an attribution may have no source; its content is what was said of whom."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "a movement accused of …", "a group called X": a participle names, it reports no act
    subj = _patient(ctx, verb)
    if subj is None:
        return None
    scope = Scope(ctx, verb)
    ends = [c.right_edge.i for c in verb.children if c.i > verb.i and scope.lo <= c.i < scope.hi and (
        c.dep_ in ("xcomp", "oprd", "ccomp") or c.dep_ == "prep" and c.lower_ in _VERBAL_PREPS | {"with", "about"})]
    if not ends:
        return subj  # "the budget was rejected (on Monday)"
    return subj[0], span_of(ctx.doc[verb.i:max(ends) + 1])[1]  # "… was criticized as rushed"


def _agent(verb):
    """The "by" agent of a passive cue ("it was announced by the ministry"), or ``None``."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _source(ctx: DocIndex, verb):
    """The source token of a cue verb: its subject or passive agent, in the cue's
    paragraph; ``None`` when the clause names none."""
    subj = cue_subject(ctx, verb) or _agent(verb)
    if subj is not None and ctx.para_of(subj.idx) != ctx.para_of(verb.idx):
        return None
    return subj


_NO_SOURCE = NEG_PRONOUNS | NEG_DETS | {"not one"}  # "Nobody said …": no one to attribute a denial to


def _denial(ctx: DocIndex, verb) -> tuple[int, int] | None:
    """The cue span of a negated or declined speech act ("did not say whether P",
    "has never confirmed that P", "declined to comment on P", "has not been able
    to confirm P", :func:`rashomon.extract.cue_senses.ability_negation`), from the first
    word that negates or declines it to the cue verb; ``None`` when the act is
    not negated (:func:`rashomon.extract.negation.negated_speech`). A negative
    subject ("Nobody warned residents") has no source and a negative pronoun
    object ("said nothing") no content: ``(-1, -1)``. PARC 3.0
    (Pareti 2016) keeps the factuality of an attribution apart from the
    attribution; FactBank (Saurí & Pustejovsky 2009): a negated
    source-introducing predicate commits its source to nothing (CT-/Uu)."""
    lex = stance_lexicon()
    word = negated_speech(verb, lex["negating"], lex["phrasal"])
    if word is None and (chain := ability_negation(verb)) is not None:
        return chain[0].idx, verb.idx + len(verb.text)  # "has not been able to confirm", "was unable to say"
    if word is None:
        return None
    if word.lower() in _NO_SOURCE:
        # "Nobody said …", "No official confirmed …": no source; "said nothing": no content. A negative
        # object of a report is what is reported ("Police reported no arrests"): affirmed
        if word.lower() in NEG_PRONOUNS or any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NEG_PRONOUNS or any(
                g.lower_ in NEG_DETS or g.lower_ == "not" for g in c.children)) for c in verb.children):
            return -1, -1
        return None
    lead = [c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    if verb.dep_ == "xcomp" and verb.head.i < verb.i and verb.head.text == word:  # "declined to say"
        h = verb.head
        lead += [h] + [c for c in h.children if c.i < h.i and c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    start = min((t.idx for t in lead if ctx.para_of(t.idx) == ctx.para_of(verb.idx)), default=verb.idx)
    return start, verb.idx + len(verb.text)


@functools.lru_cache(maxsize=1)
def _publication() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs, object heads) of ``publication`` in ``data/cues.yaml``: a verb of
    publication is a cue only when it makes a document or a speech act public."""
    raw = data_files.load("cues.yaml")
    pub = raw["publication"]
    objects = set(pub["objects"]) | set(raw["doc_nouns"]["words"]) | set(raw["speech_nouns"]["words"])
    return frozenset(pub["verbs"]), frozenset(objects - set(pub["not_objects"]))


def _publishes_document(verb) -> bool:
    """Whether a verb of publication makes a document public ("released a list
    of delegates", "the report was published", "a memo she released"): the head
    of its object, of its passive subject, or of the noun its clause modifies is
    a document or speech noun (:func:`_publication`)."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
        objs = [verb.head]
    docs = _publication()[1]
    return any(o.lower_ in docs or _singular(o.lower_) in docs for o in objs)


_DASHES = "―—–"


def _through_dashes(ctx: DocIndex, e: int, direct_mask: bytearray) -> int:
    """The end of a content cut at a dash that opens an interruption ("pledged to
    ban all trucks ― some 400 a day ― from entering the town"): when a second
    dash closes it in the same sentence and words of the reporter follow, the
    content runs to the end of that sentence; else ``e``. A pair of dashes sets
    off a parenthesis inside its clause (Chicago Manual of Style 6.85), which the
    parse often takes for the clause's end."""
    k = e
    while k < len(ctx.text) and ctx.text[k] == " ":
        k += 1
    if k >= len(ctx.text) or ctx.text[k] not in _DASHES:
        return e
    p = ctx.paras[ctx.para_of(e)]
    end = sentence_end(ctx.text, k + 1, p.end)
    close = ctx.text.find(ctx.text[k], k + 1, end)
    if close < 0 or not ctx.text[close + 1:end].strip(" .") or direct_mask.count(1, k, end):
        return e
    while end > close and ctx.text[end - 1] in " .":
        end -= 1
    return end


def _has_finite(ctx: DocIndex, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds a finite verb (a clause, not a noun phrase)."""
    r = ctx.tok_range(s, e)
    return any(ctx.doc[k].tag_ in ("VBD", "VBZ", "VBP", "MD") for k in range(r.start, r.stop))


def _through_colon(ctx: DocIndex, e: int, direct_mask: bytearray) -> int:
    """The end of a content that stops at a colon ("notes that three things are
    happening at once: prices are rising, …"): the end of the sentence after the
    colon, in the same paragraph, when what follows is the reporter's words (no
    quotation) and ends the sentence; else ``e``. What a colon introduces
    elaborates the clause before it (Quirk et al. 1985, 15.53; Chicago Manual of
    Style 6.61), so it belongs to the same content (PolNeAR guidelines)."""
    k = e
    while k < len(ctx.text) and ctx.text[k] == " ":
        k += 1
    if k >= len(ctx.text) or ctx.text[k] != ":":
        return e
    p = ctx.paras[ctx.para_of(e)]
    end = sentence_end(ctx.text, k + 1, p.end)
    if end - k < 12 or direct_mask.count(1, k, end) or ctx.text[k + 1:end].count(":"):
        return e
    while end > k and ctx.text[end - 1] in " .":
        end -= 1
    return end


class _Taken:
    """The contents taken so far in an article, sorted by start, with the
    longest one's length: the contents that may overlap ``[s, e)`` start in
    ``[s - longest, e)``, so :func:`_crosses` looks at those only (a scan of
    every content taken made an article's cost grow with the square of its
    length)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0

    def add(self, s: int, e: int) -> None:
        bisect.insort(self.spans, (s, e))
        self.longest = max(self.longest, e - s)

    def near(self, s: int, e: int) -> list[tuple[int, int]]:
        """The contents taken that start in ``[s - longest, e)``: every one that overlaps ``[s, e)``."""
        return self.spans[bisect.bisect_left(self.spans, (s - self.longest,)):bisect.bisect_left(self.spans, (e,))]


def _crosses(taken: _Taken, s: int, e: int) -> bool:
    """Whether the content ``[s, e)`` overlaps a content already taken other than
    by holding it whole: an attribution nested in the content of another ("The
    governor will attack the plan, aides said": the aides' content holds the
    governor's) is a relation of its own (PARC 3.0, Pareti 2016), a content that
    cuts across another, or repeats it, is a misreading."""
    return any(a < e and s < b and not (s <= a and b <= e and (a, b) != (s, e)) for a, b in taken.near(s, e))


def find_indirect(ctx: DocIndex, direct_spans: list[tuple[int, int]], used_cues: set[int],
                  disc: Discourse) -> list[Quote]:
    """Reported speech found on the dependency parse (see the module docstring).

    ``direct_spans`` are the direct quotes and interview questions already found
    (offsets into ``Article.text``): a content made only of their words is not
    quoted again; ``used_cues`` the token indices of the cues they took. Returns
    the indirect quotes in text order; each speaker is recorded in ``disc``.
    """
    art = ctx.article
    out: list[Quote] = []
    relays: set[int] = set()

    # character masks (built once per article) instead of a scan of every span per token
    n = len(ctx.text)
    direct_mask = bytearray(n + 1)
    for a, b in direct_spans:
        direct_mask[a:b] = b"\x01" * max(0, b - a)
    taken_mask = bytearray(n + 1)
    taken = _Taken()

    def quoted_only(s, e) -> bool:
        """Whether text[s:e] holds no words of its own outside quotation marks."""
        if not direct_mask.count(1, s, e):
            return False
        outside = "".join(ctx.text[k] for k in range(s, e) if not direct_mask[k])
        return len([w for w in outside.split() if any(ch.isalnum() for ch in w)]) < 2

    # only cues can start an indirect quote: no Token for the others
    mistagged = set(ctx.mistagged)
    makes = make_tokens(ctx)  # "made it clear that …" (no reporting verb)
    for i in sorted(ctx.cue_lemmas.keys() | ctx.according | ctx.cue_nouns | mistagged | ctx.hearsay | makes):
        idx = ctx.tok_starts[i]
        if i in used_cues or i in relays or not ctx.text[idx:idx + 1].strip():
            continue
        if direct_mask[idx] or taken_mask[idx]:
            continue
        tok = ctx.doc[i]
        lemma = ctx.cue_lemmas.get(i)
        kind, denial = "indirect", None
        if lemma:
            if lemma in _publication()[0] and not _publishes_document(tok):
                continue  # "released the hostages": no document made public
            denial = _denial(ctx, tok)
            if denial == (-1, -1):
                continue  # "Nobody said that P": no source
            passive = _passive(tok)
            if passive and lemma in _ASK:
                kind = "question"  # "Asked whether the plant would reopen, X replied …": an unnamed interviewer's
            unsourced = passive and kind != "question" and _agent(tok) is None and \
                not any(c.dep_ == "ccomp" for c in tok.children)
            if unsourced and denial is not None:
                continue  # "The plan was never criticized": no act and no one to deny it
            if unsourced:  # "The plan was criticized as rushed": an attribution without a source (PolNeAR)
                subj = None
                span = _unsourced(ctx, tok) if lemma in ctx.lex.np_content and lemma not in NAMING else None
            else:
                subj = _agent(tok) if passive else _source(ctx, tok)
                span = _content(ctx, tok, lemma, subj, negated=denial is not None)
            if span is None and passive and subj is not None and lemma in ctx.lex.np_content:
                span = _patient(ctx, tok)  # "the plan was rejected by the council": "the plan"
            if span is None:
                continue
            cue = cue_info(ctx, tok)
            if denial is not None:  # the cue shows the negation: "did not say", "declined to comment"
                cue.update(cue=ctx.text[denial[0]:denial[1]], cue_start=denial[0])
        elif i in mistagged:  # "Vance claims he won": the name before, the rest of the sentence after
            subj, scope = ctx.doc[i - 1], Scope(ctx, tok)
            span = span_of(ctx.doc[i + 1:scope.hi])
            cue = cue_info(ctx, tok)
            lemma = ctx.lex.form2lemma[tok.lower_]
        elif i in ctx.cue_nouns:
            found = noun_cue(ctx, tok)
            if found is None:
                continue
            subj, span = found
            cue = cue_info(ctx, tok)
            lemma = tok.lower_
        elif i in makes:
            found = make_phrase(ctx, tok)
            if found is None:
                continue
            (c0, c1), span = found
            denial = _denial(ctx, tok)
            if denial == (-1, -1):
                continue
            subj, lemma = _source(ctx, tok), "make"
            cue = dict(cue_info(ctx, tok), cue=ctx.text[(denial or (c0,))[0]:c1], cue_start=(denial or (c0,))[0],
                       cue_end=c1)
        elif i in ctx.hearsay:
            span = hearsay(ctx, tok)
            if span is None:
                continue
            subj, cue, lemma = None, cue_info(ctx, tok), "reportedly"
        elif tok.lower_ == "according" and tok.dep_ == "prep":
            found = according(ctx, tok)
            if found is None:
                continue
            subj, span = found
            cue = dict(cue_info(ctx, tok), cue="according to")
            cue["cue_end"] = cue["cue_start"] + len("according to")
            lemma = "according to"
        else:
            continue
        s, e = span
        if tok.idx < s:
            e = _through_dashes(ctx, e, direct_mask)
        if tok.idx < s and _has_finite(ctx, s, e):
            e = _through_colon(ctx, e, direct_mask)  # a clause goes on after a colon; "praised the plan: …" not
        if e - s < _MIN_CHARS and ctx.text[s:e].lower() != "no" or quoted_only(s, e) or _crosses(taken, s, e):
            continue
        if subj is not None and s <= subj.idx < e and lemma != "according to" and not \
                (tok.left_edge.idx <= subj.idx <= tok.idx):
            continue  # the source inside its own content: a misparse
        spk = speaker_from_subject(ctx, subj, disc) if subj is not None else None
        if spk is not None and spk.end is not None and spk.start < tok.idx < spk.end:
            spk = replace(spk, end=subj.idx + len(subj.text), text=ctx.text[spk.start:subj.idx + len(subj.text)])
        relay = relay_of(ctx, tok) if i in ctx.cue_lemmas else None
        if relay:
            relays.add(relay["cue_tok"].i)
        q = Quote(article=art.id, start=s, end=e, text=art.text[s:e], kind=kind,
                  **(speaker_fields(spk) if spk else {}),
                  cue=cue["cue"], cue_start=cue["cue_start"], cue_end=cue["cue_end"], date_text=cue["date_text"],
                  confidence=0.85 if spk is not None and spk.known else 0.7,
                  negated=denial is not None, **(relay_fields(relay) if relay else {}))
        out.append(q)
        taken_mask[s:e] = b"\x01" * (e - s)
        taken.add(s, e)
        if spk is not None and spk.known and denial is None:
            disc.record(tok.idx, spk, sentence_end(ctx.text, max(e, tok.idx), ctx.paras[ctx.para_of(tok.idx)].end))
    # an outer relay cue that took its own quote: drop it
    return [q for q in out if q.cue_start is None or ctx.tok_at(q.cue_start).i not in relays]
