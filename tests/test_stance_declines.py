"""A holder declining to say ("I would not say so") is uncommitted, not
promising (:func:`rashomon.extract.stance._declines`)."""
from __future__ import annotations

import pytest

from rashomon.extract.claims import extract_claims
from rashomon.types import Article

ROWS = [
    ("“I would not say so before the survey is done,” the surveyor said.", "would not say so", "unknown"),
    ("We cannot confirm that, the port authority said.", "cannot confirm", "unknown"),
    ("The surveyor said she would not resign.", "would not resign", "promises"),  # a promise of her own conduct
    ("The surveyor did not say so.", "did not say so", "asserts"),  # a report of what was not said: no modal
]


@pytest.mark.parametrize("text,words,stance", ROWS)
def test_declining_to_say(nlp, text, words, stance):
    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    (c,) = [c for c in extract_claims(art, nlp(text), []) if words in c.text]
    assert c.stance == stance
