"""Which noun compounds of a clause name a participant of its act
(:func:`rashomon.extract.attributed.participant`): only those can make two
claims one agreement ("both name the X"); a noun in a place phrase, the object
of an attitude verb or a group of people is a mention."""
from __future__ import annotations

import pytest

from rashomon.extract.attributed import participant

ROWS = [
    ("Two armoured trucks rolled into the yard at dawn.", "trucks", True),  # subject of an act
    ("The guards pushed the crowd back with armoured trucks.", "trucks", True),  # instrument
    ("Three pickets were knocked down by the armoured truck.", "truck", True),  # passive agent
    ("The army deployed armoured trucks on the bridge.", "trucks", True),  # what a verb of use deploys
    ("The council did not rule out a ban in the old town centre.", "centre", False),  # a place
    ("Riots broke out in the town centre on Friday.", "centre", False),  # a place
    ("The senator strongly supports gun control.", "control", False),  # object of an attitude verb
    ("Two police officers chased the van.", "officers", False),  # a group of people: the agent rules
    ("The armoured truck was a risk to everyone.", "truck", False),  # copular: no act
]


@pytest.mark.parametrize("text,noun,expected", ROWS)
def test_participant(nlp, text, noun, expected):
    tok = next(t for t in nlp(text) if t.text == noun)
    assert participant(tok) is expected
