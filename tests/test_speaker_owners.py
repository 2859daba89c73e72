"""A person named after a possessive owner ("The Daily Ledger’s Mara Quint"): the
name split from its owner, on names written for these tests."""
from __future__ import annotations

import pytest

from rashomon.extract.speakers import possessed_person
from rashomon.link.entities import split_person_tails
from rashomon.types import Mention


@pytest.mark.parametrize("words,k", [
    (["The", "Daily", "Ledger’s", "Mara", "Quint"], 3),
    (["Harbor", "Radio's", "John", "Kell"], 2),
    (["Dover's", "Harbor", "Authority"], None),  # no given name after the owner: an organisation's own name
    (["McDonald's", "Corp."], None),
    (["The", "Ledger’s", "Mara", "Quint", "Vance", "Dorn"], None),  # four words: no person's name
])
def test_possessed_person(words, k):
    assert possessed_person(words) == k


def test_a_person_after_a_possessive_owner_is_split_from_the_outlet():
    text = "Last month, The Daily Ledger’s Mara Quint asked the mayor."
    s = text.index("The Daily")
    e = text.index(" asked")
    m = Mention(article="a0", start=s, end=e, text=text[s:e], label="ORG")
    out = split_person_tails([m], {"a0": text})
    assert [(x.text, x.label) for x in out] == [("Daily Ledger", "ORG"), ("Mara Quint", "PERSON")]
