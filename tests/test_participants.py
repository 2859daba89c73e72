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
    ("Pickets reported a leaking tank on the cooling line.", "line", True),  # part of what was reported
    ("The failure of a pump on the cooling line caused the spill.", "line", True),  # part of the cause
    ("Residents saw armoured trucks near the school.", "trucks", True),  # what was seen
    ("Residents discussed a curfew in the old town centre.", "centre", False),  # place of a topic
    ("The billionaire businessman began his speech.", "businessman", False),  # a person by role
    ("The armoured truck was a risk to everyone.", "truck", False),  # copular: no act
]


@pytest.mark.parametrize("text,noun,expected", ROWS)
def test_participant(nlp, text, noun, expected):
    tok = next(t for t in nlp(text) if t.text == noun)
    assert participant(tok) is expected


@pytest.mark.parametrize("key,text,expected", [
    ("crisi staff", "The city's crisis staff met at noon.", "crisis staff"),  # the word, not its stem
    ("hour strike", "The guild called a 48-hour strike.", "48-hour strike"),  # with its hyphened modifier
    ("feed pump", "Both feed pumps failed.", "feed pumps"),
    ("feed pump", "Nothing of it here.", "feed pump"),  # not in the text: the key
])
def test_compound_shown_as_written(key, text, expected):
    from rashomon.compare.blocks import written

    assert written(key, text) == expected


@pytest.mark.parametrize("lemma,expected", [("take_part", False), ("take_place", False), ("move_in", True),
                                            ("clear", True)])
def test_a_time_label_puts_a_theme_only_after_a_verb_or_particle(lemma, expected):
    from rashomon.compare.blocks import _takes_object

    assert _takes_object(lemma) is expected
