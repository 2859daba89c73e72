"""Headlines and list items in headline grammar, read as claims.

A headline or a list item often has no finite verb ("headlinese", Mårdh 1980,
*Headlinese: On the Grammar of English Front Page Headlines*; the AP Stylebook's
headline rules): the copula and the auxiliary are dropped ("Crowd of thousands
on the avenue", "Six miners dead at the pit"), so its head noun, number or
adjective stands for the predicate. :mod:`rashomon.extract.claims` reads such a
line with the helpers here, all pure functions of text or of spaCy tokens:

* :func:`pieces`: the sentences of each line, list markers left out;
* :func:`can_head`: whether the parse's head of a piece can be its predicate;
* :func:`topic`: for a message noun's title ("Statement on the closure of the
  mine"), the tokens of what the message reports;
* :func:`verb_segments`: a headline segment whose finite verb the parser read as
  a plural noun ("…, minister points at city hall"), with its subject, verb and
  object tokens.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from rashomon.extract.stance import lexicon as stance_lexicon

BULLET = re.compile(r"[-–—•*·▪►]\s+|\d{1,2}[.)]\s+")
"""A list item's marker opening a line ("- ", "• ", "2. ")."""
WORDS = (4, 25)
"""Word counts of a headline or list item read as a claim: shorter is a label ("Key points"), longer is
prose a parser should have found a verb in."""
HEADS = ("NOUN", "NUM", "ADJ")
"""The parts of speech a headline's head may have: "Police crackdown in …", "Dozens of …", "Two miners
dead" (a proper noun or a date alone heads a byline or a label)."""
TOPIC_PREPOSITIONS = {"on", "about", "regarding", "concerning", "over"}
"""The prepositions that name what a message is about ("Statement on X", "Update about X")."""
SEGMENT_BREAKS = {":", ",", ";", "—", "–", "|"}
"""Punctuation that splits a headline into segments, each a clause of its own ("Riot after march: 12
hurt, minister points at city hall")."""
_OBJECT_START = ("ADP", "DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ")
_SUBJECT = ("NOUN", "PROPN")
_SUBJECT_WORDS = (*_SUBJECT, "ADJ", "NUM", "DET", "PART")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[“\"‘'(\[]?[A-Z0-9])")


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) character offsets of each sentence of each line of ``text``,
    a list marker (:data:`BULLET`) left out; a sentence ends at a full stop or an
    exclamation mark before a capital or a digit. Edges are not trimmed."""
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl == -1 else nl
        m = BULLET.match(text, pos, nl)
        a = m.end() if m else pos
        for cut in _SENTENCE_END.finditer(text, a, nl):
            yield a, cut.start()
            a = cut.end()
        yield a, nl
        pos = nl + 1


def can_head(tok) -> bool:
    """Whether a verbless piece's head (a spaCy Token) can be its predicate: a
    common noun, a number or an adjective (:data:`HEADS`), or a message noun of
    a title-case headline tagged as a proper noun ("Statement of the Ministry on …")."""
    return tok.pos_ in HEADS or (tok.pos_ == "PROPN" and tok.lower_ in stance_lexicon()["message"])


def topic(head, lo: int, hi: int) -> tuple[int, int]:
    """The token range [lo, hi) a headline's proposition is read from: the whole
    range, or, when its head is a message noun (``data/stance.yaml`` report
    nouns: "Statement on the closure of the mine"), the object of its first
    topic preposition (:data:`TOPIC_PREPOSITIONS`), wherever the parser hung it
    ("Statement of the Ministry of X on the closure": "on" is the statement's),
    cut at ``hi``."""
    if head.lower_ in stance_lexicon()["message"]:
        for prep in head.doc[head.i + 1:hi]:
            if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPOSITIONS:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and lo <= obj.left_edge.i < hi:  # its right edge may run past the line
                    return obj.left_edge.i, min(obj.right_edge.i + 1, hi)
                break
    return lo, hi


def verb_segments(toks, known) -> Iterator[tuple[list, object, list]]:
    """The segments of a headline (spaCy tokens ``toks``, split at
    :data:`SEGMENT_BREAKS`) that hold no finite verb but a plural noun that is a
    known verb's third-person -s form, in the order "<subject> <verb>s
    <preposition or noun phrase>": headline grammar puts past events in the
    simple present and drops articles (Mårdh 1980; Biber et al. 1999, §2.4.8 on
    news headlines), and a small parser reads "minister points at city hall" as
    a noun compound. ``known(lemma, next_token)`` says whether the verb is one
    the claim rules read (returns its predicate or None), so that "oil prices at
    record" (price is a verb too) stays a noun phrase. Yields ``(subject tokens,
    (verb token, predicate), rest tokens)``."""
    seg: list = []
    for tok in [*(t for t in toks if not t.is_space), None]:
        if tok is not None and tok.text not in SEGMENT_BREAKS:
            seg.append(tok)
            continue
        found = _verb_in(seg, known)
        if found is not None:
            yield found
        seg = []


def _verb_in(seg: list, known):
    if any(t.tag_ in _FINITE and t.dep_ != "compound" for t in seg):  # "harbour" of "harbour master" tagged a verb
        return None
    for i in range(1, len(seg) - 1):
        tok, before, after = seg[i], seg[i - 1], seg[i + 1]
        if tok.tag_ != "NNS" or before.pos_ not in _SUBJECT \
                or not (after.pos_ in _OBJECT_START or after.tag_ == "TO"):
            continue
        base = verb_base(tok.lower_, tok.vocab)
        pred = known(base, after) if base else None
        if pred is not None:
            lo = i - 1
            while lo > 0 and (seg[lo - 1].pos_ in _SUBJECT_WORDS or seg[lo - 1].dep_ == "compound"):
                lo -= 1
            return seg[lo:i], (tok, pred), seg[i + 1:]
    return None


def verb_base(form: str, vocab) -> str | None:
    """The base of a verb's -s form by spaCy's English lemma rules and verb index
    ("points" → point, "denies" → deny), or None when no rule gives a known verb."""
    from rashomon.extract.lemmas import verb_forms

    rules, verbs = verb_forms(vocab)
    for old, new in rules:
        if form.endswith(old) and (cand := form[: len(form) - len(old)] + new) in verbs:
            return cand
    return None
