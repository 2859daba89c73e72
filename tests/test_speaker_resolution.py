"""Speaker resolution among the attributions found: the subject a non-finite or
medium clause borrows, a person named after a possessive owner, the one asked
answering, plural descriptions; on sentences written for these tests
(fictional people, places and outlets)."""
from __future__ import annotations

import pytest

from test_speakers import described, find, named, run

from rashomon.extract.speakers import possessed_person
from rashomon.link.entities import split_person_tails
from rashomon.types import Mention

# the text names the speaker: which name the cue's clause gives it
NAMED = [
    ("a non-finite clause on a passive takes the passive's subject (subject attachment)",
     "Comedian Ana Ruiz was booed by the crowd after telling them that they were foolish.", "they were foolish",
     "Comedian Ana Ruiz"),
    ("'was quoted as saying'", "Mr. Hale was quoted as saying that the vote was rigged.", "vote was rigged", "Hale"),
    ("the writer of a participle on its medium",
     "The Harbor Gazette shot back in an article stating that the mill had closed.", "mill had closed",
     "Harbor Gazette"),
    ("the person after a possessive owner, not the outlet",
     "Last month, The Daily Ledger’s Mara Quint asked Hale whether the plan was fair.", "plan was fair", "Mara Quint"),
    ("the one asked answers the next 'he said'",
     'Last month, Tom Rudd asked Senator Ben Ochs whether the plan was fair. "Sure it is," he said.', "Sure it is",
     "Ben Ochs"),
    ("the asker keeps his own 'he asked'",
     'Tom Rudd asked Senator Ben Ochs about the vote. "Did you lie?" he asked.', "Did you lie", "Tom Rudd"),
]


@pytest.mark.model
@pytest.mark.parametrize("layout,text,words,mention", NAMED, ids=[c[0] for c in NAMED])
def test_named_speakers(nlp, layout, text, words, mention):
    art, qs = run(nlp, text)
    assert named(art, find(qs, words)) == mention


# the text describes the speaker: the description as written, no name
DESCRIBED = [
    ("a passive's medium speaks for itself", "The mill was named in a lawsuit alleging that it had polluted the river.",
     "polluted the river", "a lawsuit"),
    ("a hyphenated head stays whole", "Grady divorced in 2004. His ex-wife also contended that she should not have to "
     "testify.", "not have to testify", "His ex-wife"),
    ("a plural under a name is the name's people, not the name",
     "Several Rudd associates have mentioned Dover as one place where he could help.", "where he could help",
     "Several Rudd associates"),
    ("they are the plural subject of the cue before, though no lexicon lists its noun",
     "Several Rudd associates have mentioned Dover as one place where he could help. Rudd, who won 12 percent there, "
     "could help turn out the base, they have suggested.", "turn out the base", "Several Rudd associates"),
]


@pytest.mark.model
@pytest.mark.parametrize("layout,text,words,description", DESCRIBED, ids=[c[0] for c in DESCRIBED])
def test_described_speakers(nlp, layout, text, words, description):
    art, qs = run(nlp, text)
    q = find(qs, words)
    assert (named(art, q), described(art, q)) == (None, description)


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
