"""Holder, stance, negation scope and proposition parts (model-backed), on sentences written for the tests."""
from __future__ import annotations

import pytest

from rashomon.extract.claims import extract_claims
from rashomon.types import Article

pytestmark = pytest.mark.model


def first(nlp, text):
    cs = extract_claims(Article(id="a0", name="t.txt", path="t.txt", text=text), nlp(text), [])
    assert cs, text
    return cs[0]


@pytest.mark.parametrize("text,polarity,stance", [
    # a negator inside an object, a relative clause or a condition does not flip the claim
    ("There were still no details on the deaths at the clinic.", "affirmed", "asserts"),
    ("A shell that the inspectors have not been able to identify struck the market.", "affirmed", "asserts"),
    ("If no agreement is reached, the dockers will strike again.", "affirmed", "asserts"),
    # a negation of the predicate or of its subject does
    ("No rubber bullets were fired by the guards during the night.", "negated", "asserts"),
    ("The alarms never sounded in the village.", "negated", "asserts"),
    ("The valve was not overdue for replacement.", "negated", "asserts"),
    # denial and distancing verbs take their clause as the proposition held by their subject
    ("The army denied that its soldiers shelled the school.", "negated", "denies"),
    ("The company claims that the pipe burst because of the frost.", "affirmed", "asserts"),
    ("Rumours circulating online that the mayor resigned are false.", "negated", "denies"),
    # not knowing, not confirming: no stance on the proposition
    ("The ministry would not confirm its jets bombed the bridge.", "affirmed", "unknown"),
    ("The governor didn't know whether the levee had broken.", "affirmed", "unknown"),
    # assurances about one's own future conduct are promises, not reports
    ("The general assured residents that they would not be harmed.", "negated", "promises"),
    # "ruled out" negates its complement; "did not rule out" does not
    ("The board has ruled out selling the shipyard.", "negated", "asserts"),
    ("The board did not rule out a sale of the shipyard.", "affirmed", "asserts"),
])
def test_negation_scope_and_stance(nlp, text, polarity, stance):
    c = first(nlp, text)
    assert (c.polarity, c.stance) == (polarity, stance), text


def test_question_is_not_a_claim(nlp):
    text = "Did the guards fire rubber bullets at the crowd?"
    assert extract_claims(Article(id="a0", name="t", path="t", text=text), nlp(text), []) == []


def test_denial_holder_and_proposition(nlp):
    c = first(nlp, "The army denied that its soldiers shelled the school.")
    assert c.holder_text == "The army" and c.stance_cue == "denied"
    p = c.proposition
    assert p.predicate == "shell" and p.predicate_class == "destruction" and not p.negated
    assert p.agent == "its soldiers" and "school" in p.theme_words


def test_anaphoric_denial_points_at_its_antecedent(nlp):
    text = "The operator said the outage had cost it 9 million euros. That is a fantasy figure, the union said."
    cs = extract_claims(Article(id="a0", name="t", path="t", text=text), nlp(text), [])
    fantasy = next(c for c in cs if "fantasy" in c.text)
    assert fantasy.stance == "denies" and fantasy.refers_to is not None
    assert "9 million euros" in text[fantasy.refers_to[0]:fantasy.refers_to[1]]


def test_blame_names_agent_and_theme(nlp):
    p = first(nlp, "The minister blamed foreign agitators for the riot.").proposition
    assert p.predicate_class == "cause" and p.agent == "foreign agitators" and p.theme == "the riot"


def test_request_of_names_who_ordered(nlp):
    p = first(nlp, "The troops moved in at the request of the regional council.").proposition
    assert p.predicate_class == "order" and "council" in p.agent


@pytest.mark.parametrize("text,minutes", [
    ("The gates closed at 6 p.m. on Friday.", [1080]),
    ("The convoy left at 00:10 on Sunday.", [10]),
    ("They arrived at six o'clock in the evening.", [1080]),
    ("They arrived at six o'clock.", [360, 1080]),
])
def test_clock_times(text, minutes):
    from rashomon.extract.propositions import clock_times

    assert clock_times(text) == minutes
