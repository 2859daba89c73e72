"""A second "that" clause coordinated with a reported clause is reported by
the same verb: same holder, same stance (:func:`rashomon.extract.stance._first_conjunct`)."""
from __future__ import annotations

import pytest

from rashomon.extract.claims import extract_claims
from rashomon.types import Article

ROWS = [
    ("The ministry said the bridge was closed, two lanes of it at least, and that four ferries had sunk.",
     "four ferries", "The ministry", "asserts"),
    ("The guild said the depot was shut and that nine pickets had been arrested.", "nine pickets", "The guild",
     "asserts"),
    ("The operator denied that the valve had leaked and that any alarm had sounded.", "any alarm", "The operator",
     "denies"),
    # no "that": the second clause may be the narrator's own, so it is not given to the speaker
    ("The guild said the depot was shut, and nine pickets were arrested at noon.", "nine pickets", None, "asserts"),
]


@pytest.mark.parametrize("text,words,holder,stance", ROWS)
def test_second_that_clause_keeps_the_holder(nlp, text, words, holder, stance):
    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    (c,) = [c for c in extract_claims(art, nlp(text), []) if words in c.text]
    assert (c.holder_text, c.stance) == (holder, stance)
