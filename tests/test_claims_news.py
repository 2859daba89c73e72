"""Claims read from sentences of political news (model-backed): constructions
that must not make a claim say a thing is absent, denied or counted."""
from __future__ import annotations

import pytest

from test_claims import only

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, klass", [
    # "absent" before a determiner is the preposition "in the absence of": a condition, no absence
    ("Absent a bigger [U.N.] army in the north, he added, this is how the rebels will be beaten.", None),
    # after the determiner it is the attributive adjective
    ("The absent member was fined.", "absence"),
])
def test_absent_as_a_preposition_is_no_absence(nlp, text, klass):
    assert only(nlp, text).proposition.predicate_class == klass


@pytest.mark.parametrize("text, agent, theme", [
    # the subject who speaks of an act is not who did it
    ("The mayor described the shelling as a crime.", None, None),
    # "blame X on Y": Y is held responsible for X
    ("She blamed the riot on a handful of agitators.", "a handful of agitators", "the riot"),
    ("She blamed the agitators for the riot.", "the agitators", "the riot"),
    ("Rebels claimed responsibility for the bombing.", "Rebels", "the bombing"),
])
def test_who_is_held_responsible(nlp, text, agent, theme):
    p = only(nlp, text).proposition
    assert (p.agent, p.theme) == (agent, theme)


@pytest.mark.parametrize("text, klass", [
    ("The union blasted the mayor for skipping the vote.", None),  # blame in words
    ("The senator attacked the governor for not answering the question.", None),
    ("Rebels shelled the town for hours.", "destruction"),  # a "for" of time
    ("Rebels attacked the depot.", "destruction"),
])
def test_an_attack_for_a_reason_is_words_of_blame(nlp, text, klass):
    assert only(nlp, text).proposition.predicate_class == klass


@pytest.mark.parametrize("text", ["It’ll have an effect on the vote.", "It'll have an effect on the vote."])
def test_a_contracted_will_is_the_future(nlp, text):
    assert only(nlp, text).proposition.tense == "future"
