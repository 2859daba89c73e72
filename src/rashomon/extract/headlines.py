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
  mine"), the tokens of what the message reports.
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
