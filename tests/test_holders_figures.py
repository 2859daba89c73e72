"""A holder's organisation and figures of one measured stuff (no model), on
records and sentences written for the tests."""
from __future__ import annotations

import pytest

from rashomon.compare.holders import affiliations
from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.types import Article, Claim, Entity, PropositionParts, Quantity, Quote

ARTS = [Article(id=f"a{i}", name=f"a{i}.txt", path=f"a{i}.txt", text="", published="2031-04-02") for i in range(3)]
CLINIC = Entity(id="e1", name="Harbour Free Clinic", type="ORG", aliases=["Harbour Free Clinic", "HFC"])


@pytest.mark.parametrize("role,orgs", [
    ("a nurse who runs the HFC's night shift", {"e1"}),
    ("spokeswoman for the Harbour Free Clinic", {"e1"}),
    ("a critic of the HFC", set()),  # set against the body: no affiliation
    ("a nurse at the city hospital", set()),
    ("a nurse who runs the HFCX unit", set()),  # an alias only as a whole word
])
def test_affiliation_read_from_a_role(role, orgs):
    person = Entity(id="e2", name="Ana Vell", type="PERSON", role=role)
    assert set(affiliations([CLINIC, person], []).get("e2", ())) == orgs


def test_affiliation_read_from_any_quote_of_the_speaker():
    person = Entity(id="e2", name="Ana Vell", type="PERSON")
    q = Quote(id="q1", article="a1", start=0, end=5, text="x", kind="direct", speaker="e2",
              speaker_role="who coordinates the HFC's first-aid tents")
    assert affiliations([CLINIC, person], [q]) == {"e2": frozenset({"e1"})}


def _treated(cid, art, text, speaker, n):
    parts = PropositionParts(predicate="treat", predicate_class="treatment", counts="treated", measure=0,
                             tense="past", theme_heads=["people"], nouns=["people"])
    return Claim(id=cid, article=art, start=0, end=len(text), text=text, speaker=speaker, polarity="affirmed",
                 stance="asserts", proposition=parts,
                 quantities=[Quantity(value=n, unit="people", of=None, start=0, end=2, text=str(n))])


@pytest.mark.parametrize("entities,independent", [
    ([CLINIC, Entity(id="e2", name="Ana Vell", type="PERSON", role="a nurse who runs the HFC's night shift")],
     False),  # the nurse speaks for the clinic: one account, repeated
    ([CLINIC, Entity(id="e2", name="Ana Vell", type="PERSON", role="a nurse at the city hospital")], True),
])
def test_a_member_and_her_organisation_are_one_source(entities, independent):
    a = _treated("c1", "a0", "The clinic treated 40 people during the night.", "e1", 40)
    b = _treated("c2", "a1", "We treated forty people that night.", "e2", 40)
    rels = relate([a, b], group_claims([a, b], ARTS), [], ARTS, entities)
    assert [(r.kind, r.independent) for r in rels] == [("agrees", independent)]


def _figure(cid, art, text, holder, figure, value, approx, tense):
    start = text.index(figure)
    q = Quantity(value=value, approx=approx, unit="km", of="km", start=start, end=start + len(figure), text=figure)
    parts = PropositionParts(predicate="hold", tense=tense, nouns=["lake", "water"])
    return Claim(id=cid, article=art, start=0, end=len(text), text=text, holder_text=holder, polarity="affirmed",
                 stance="asserts", proposition=parts, quantities=[q])


@pytest.mark.parametrize("second,value,approx,want", [
    # a standing quantity, present against past, approximations that meet: agreement
    ("The lake held about 4 cubic kilometres of water.", 4, "about", {("agrees", None)}),
    # another stuff, another unit, or figures that cannot meet: nothing read
    ("The lake held about 4 cubic kilometres of silt.", 4, "about", set()),
    ("The lake held about 4 square kilometres of water.", 4, "about", set()),
    ("The lake held about 9 cubic kilometres of water.", 9, "about", set()),
])
def test_figures_of_one_unit_and_stuff(second, value, approx, want):
    a = _figure("c1", "a0", "Built in 1950, the weir is 2 km long and holds some 4 cubic kilometres of water.",
                "Valley Monitor", "some 4 cubic kilometres", 4, "about", "present")
    fig = second[second.index("about"):second.index(" of ")]
    b = _figure("c2", "a1", second, "Dr Ana Vell", fig, value, approx, "past")
    rels = relate([a, b], group_claims([a, b], ARTS), [], ARTS)
    assert {(r.kind, r.contradiction) for r in rels} == want
