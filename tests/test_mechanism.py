"""How a structure was destroyed, from inside or from outside (no model): the
way a text names, and the relation between two claims that state one, on
sentences written for the tests."""
from __future__ import annotations

import pytest

from rashomon.compare.mechanism import way_of
from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.types import Article, Claim, PropositionParts

ARTS = [Article(id=f"a{i}", name=f"a{i}.txt", path=f"a{i}.txt", text="", published="2031-04-02") for i in range(3)]


@pytest.mark.parametrize("text,way", [
    ("Saboteurs blew up the weir of the old mill from the inside.", "inside"),
    ("An internal blast is the likeliest cause of the failure.", "inside"),
    ("The charges were detonated inside the pillar at dawn.", "inside"),
    ("The bridge was hit by artillery fire before it fell.", "outside"),
    ("The tower collapsed after a series of Freedonian strikes.", "outside"),
    ("Missiles struck the lock gates overnight.", "outside"),
    # a stoppage of work is no fire; a place word far from any blast, or both ways at once, are no way
    ("The dockers began a series of strikes at the port.", "outside"),  # read; only a cause claim states a way
    ("The union called strikes in May.", None),
    ("Inside the hall, the mayor spoke for an hour about the canal and the new explosion of tourism.", None),
    ("It was blown up from inside, not hit by shelling.", None),
])
def test_way_of(text, way):
    assert way_of(text) == way


def claim(cid, art, text, holder, pred, klass, polarity="affirmed", stance="asserts"):
    parts = PropositionParts(predicate=pred, predicate_class=klass, negated=False, tense="past")
    return Claim(id=cid, article=art, start=0, end=len(text), text=text, holder_text=holder,
                 polarity=polarity, stance=stance, proposition=parts)


def relation(a, b):
    rels = relate([a, b], group_claims([a, b], ARTS), [], ARTS)
    return {(r.kind, r.contradiction) for r in rels if {r.a, r.b} == {"c1", "c2"}}


CASES = {
    "inside against outside (opposite causes)": (
        claim("c1", "a0", "Rebels blew up the weir from inside.", "River Authority", "blow_up", "destruction"),
        claim("c2", "a1", "The weir was destroyed by government shelling.", "Rebel Command", "destroy", "destruction"),
        {("contradicts", "attribution")}),
    "an evidential denial of strikes against strikes asserted": (
        claim("c1", "a0", "The sensors do not show a series of separate strikes.", "Dr Ana Vell", "show", None,
              polarity="negated"),
        claim("c2", "a1", "The weir collapsed after a series of strikes.", "Rebel Command", "collapse", "destruction"),
        {("contradicts", "negation")}),
    "two holders, one way": (
        claim("c1", "a0", "Rebels blew up the weir from inside.", "River Authority", "blow_up", "destruction"),
        claim("c2", "a1", "An internal explosion is the most plausible explanation.", "Dr Ana Vell", "be", None),
        {("agrees", None)}),
    "one holder's two claims": (
        claim("c1", "a0", "Rebels blew up the weir from inside.", "River Authority", "blow_up", "destruction"),
        claim("c2", "a1", "The internal explosion destroyed the weir.", "the River Authority", "destroy",
              "destruction"),
        set()),
    "a claim that states no cause": (
        claim("c1", "a0", "Rebels blew up the weir from inside.", "River Authority", "blow_up", "destruction"),
        claim("c2", "a1", "Residents heard shelling all night.", "Rebel Command", "hear", None),
        set()),
    "denied inside against asserted outside is consistent": (
        claim("c1", "a0", "The weir was not blown up from inside.", "Rebel Command", "blow_up", "destruction",
              polarity="negated"),
        claim("c2", "a1", "The weir was destroyed by government shelling.", "Dr Ana Vell", "destroy", "destruction"),
        set()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_mechanism_relations(name):
    a, b, want = CASES[name]
    assert relation(a, b) == want, name


@pytest.mark.parametrize("text", [
    "Residents inside the zone heard the blast within minutes.",  # a place of people, a time
    "Experts from outside the company said the blast destroyed the tank.",  # people from outside
    "External auditors said the explosion destroyed the tank.",
])
def test_no_way_from_people_or_times(text):
    assert way_of(text) is None
