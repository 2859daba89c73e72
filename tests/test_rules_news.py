"""Non-contradictions met in political news, on hand-made claims (no model):
figures of two spenders or two towns; spans that locate a time;
another party's use of a thing an agent is said not to use. Each row is two
claims and the relation expected between them."""
from __future__ import annotations

import pytest

from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.types import Entity
from test_rules import ARTS, P, claim, relation

TOWNS = [Entity(id="e1", name="Tarnow", type="GPE"), Entity(id="e2", name="Lisk", type="GPE"),
         Entity(id="e3", name="Market Square", type="FAC")]


def related(a, b):
    """The relations between c1 and c2, the towns of ``TOWNS`` known."""
    rels = relate([a, b], group_claims([a, b], ARTS), [], ARTS, TOWNS)
    return {(r.kind, r.contradiction) for r in rels if {r.a, r.b} == {"c1", "c2"}}


def spent(cid, art, text, agent, usd, approx=None, holder=None):
    return claim(cid, art, text, holder, P("spend", None, ["ads"], agent=agent, counts="money:spend", heads=["ad"]),
                 qty=(usd, approx, "USD", "spend"))


def killed(cid, art, text, n, places=(), approx=None):
    return claim(cid, art, text, None, P("kill", "death", ["people"], counts="death", heads=["people"]),
                 qty=(n, approx, "people", "killed"), places=list(places))


def lasted(cid, art, text, n, span):
    """A claim whose figure is the words ``span`` of ``text`` ("six days")."""
    c = claim(cid, art, text, None, P("come", None, ["vote"], counts="duration", heads=["vote"]),
              qty=(n, None, span.split()[-1], "duration"))
    q = c.quantities[0]
    q.start, q.end, q.text = text.index(span), text.index(span) + len(span), span
    return c


NOT_CONTRADICTIONS = {
    "two spenders": (
        spent("c1", "a0", "The Lark Fund spent $2 million on ads.", "The Lark Fund", 2e6),
        spent("c2", "a1", "The Osprey Union spent $300,000 on ads.", "The Osprey Union", 3e5),
        set()),
    "a total and one spender's part": (
        spent("c1", "a0", "More than $90 million has been spent on ads.", None, 9e7, approx="more than"),
        spent("c2", "a1", "The Osprey Union spent $300,000 on ads.", "The Osprey Union", 3e5),
        set()),
    "a span that locates a time is no duration": (
        lasted("c1", "a0", "The vote came six days after the storm.", 6, "six days"),
        lasted("c2", "a1", "The vote came three days before the holiday.", 3, "three days"),
        set()),
    "a count of persons is no year": (
        claim("c1", "a0", "Two rivals finished the race.", None,
              P("finish", "completion", ["race"], agent="Two rivals", counts="year", heads=["race"]),
              qty=(2, None, None, None)),
        claim("c2", "a1", "Five rivals finished the race.", None,
              P("finish", "completion", ["race"], agent="Five rivals", counts="year", heads=["race"]),
              qty=(5, None, None, None)),
        {("agrees", None)}),  # both say the race was finished; the figures are not compared
    "another party's use of a thing": (
        claim("c1", "a0", "The smugglers were not using radios.", "Police",
              P("use", "use_force", ["radio"], agent="The smugglers", theme="radios", heads=["radio"], neg=True),
              polarity="negated"),
        claim("c2", "a1", "The coastguard uses radios on every patrol.", None,
              P("use", "use_force", ["radio", "patrol"], agent="The coastguard", theme="radios", heads=["radio"])),
        set()),
}

CONTRADICTIONS = {
    "no use of a thing, and a use by no one named": (
        claim("c1", "a0", "The smugglers were not using radios.", "Police",
              P("use", "use_force", ["radio"], agent="The smugglers", theme="radios", heads=["radio"], neg=True,
                exist=True), polarity="negated"),
        claim("c2", "a1", "Radios were used throughout the chase.", None,
              P("use", "use_force", ["radio", "chase"], theme="Radios", heads=["radio"])),
        {("contradicts", "negation")}),
    "two lengths of one vote": (
        lasted("c1", "a0", "The vote lasted six days.", 6, "six days"),
        lasted("c2", "a1", "The vote lasted three days.", 3, "three days"),
        {("contradicts", "measure")}),
    "one spender, two sums": (
        spent("c1", "a0", "The Lark Fund spent $2 million on ads.", "The Lark Fund", 2e6),
        spent("c2", "a1", "The Lark Fund spent $300,000 on ads.", "The Lark Fund", 3e5, holder="Filings"),
        {("contradicts", "measure")}),
}


@pytest.mark.parametrize("name", sorted({**NOT_CONTRADICTIONS, **CONTRADICTIONS}))
def test_relation_between_two_claims(name):
    a, b, want = {**NOT_CONTRADICTIONS, **CONTRADICTIONS}[name]
    assert relation(a, b) == want, name


def test_a_forecast_and_a_present_denial_are_two_times():
    a = claim("c1", "a0", "The ruling will affect the vote.", "Aide",
              P("affect", None, ["vote"], agent="The ruling", heads=["vote"], tense="future"))
    b = claim("c2", "a1", "The ruling does not affect the vote.", "Judge",
              P("affect", None, ["vote"], agent="The ruling", heads=["vote"], neg=True, tense="present"),
              polarity="negated")
    assert relation(a, b) == set()
    a.proposition.tense = "present"  # "the ruling affects the vote": a dispute
    assert relation(a, b) == {("contradicts", "negation")}


@pytest.mark.parametrize("denial", [
    "There was not much support for the levy.",  # a small amount, not none
    "The same support does not exist for the levy.",  # one like another's, not any
])
def test_a_scalar_or_identity_denial_is_no_denial_of_the_thing(denial):
    a = claim("c1", "a0", denial, None, P("support", None, ["support", "levy"], heads=["support"], neg=True,
                                          exist=True, tense="past"), polarity="negated")
    b = claim("c2", "a1", "The mayor won broad support from farmers.", "Herald",
              P("win", None, ["support", "farmer"], agent="The mayor", heads=["support"]))
    assert relation(a, b) == set()
    a.text = "There was no support for the levy."
    assert relation(a, b) == {("contradicts", "negation")}


def test_a_word_of_a_name_is_no_thing_said_to_be_there():
    denial = claim("c1", "a0", "No troops were sent to the border.", "Ministry",
                   P("send", None, ["troop", "border"], theme="No troops", heads=["troop"], neg=True, exist=True),
                   polarity="negated")
    named = claim("c2", "a1", "The firm also works with the Mountain Troops Academy.", None,
                  P("work", None, ["firm", "academy"], agent="The firm", nouns=["firm", "troop", "academy"]))
    assert relation(denial, named) == set()
    named.text = "The firm also works with mountain troops."
    assert relation(denial, named) == {("contradicts", "negation")}


def _drones_denied():
    return claim("c0", "a2", "No drones were used.", "Army",
                 P("use", "use_force", ["drone"], theme="No drones", heads=["drone"], neg=True, exist=True),
                 polarity="negated")


def test_two_mentions_in_passing_of_a_denied_thing_are_no_agreement():
    denial = _drones_denied()
    one = claim("c1", "a0", "The debate on drones grew louder after the vote.", "Herald",
                P("grow", None, ["debate"], agent="The debate", nouns=["debate", "drone", "vote"]))
    other = claim("c2", "a1", "Voters worry about drones and cameras in the park.", "Gazette",
                  P("worry", None, ["voter"], agent="Voters", nouns=["voter", "drone", "camera", "park"]))
    assert relation(denial, one, other) == set()
    other.proposition.theme, other.proposition.theme_heads = "drones", ["drone"]  # one names them as its theme
    assert relation(denial, one, other) == set()  # the other still only in passing: no one proposition


@pytest.mark.parametrize("places_a, places_b, want", [
    (["e1"], ["e2"], set()),  # two towns: two figures
    (["e1"], ["e1"], {("contradicts", "measure")}),
    (["e3"], ["e1"], {("contradicts", "measure")}),  # a square may lie in the town
    ([], ["e2"], {("contradicts", "measure")}),
])
def test_tolls_of_two_towns_are_two_figures(places_a, places_b, want):
    a = killed("c1", "a0", "Gunmen killed 12 people.", 12, places=places_a)
    b = killed("c2", "a1", "The bombing killed 80 people.", 80, places=places_b)
    assert related(a, b) == want


def test_a_thing_denied_with_its_content_is_met_only_by_that_content():
    denial = claim("c1", "a0", "Auditors found no evidence of fraud.", "Agency",
                   P("find", None, ["evidence", "fraud"], agent="Auditors", theme="no evidence of fraud",
                     heads=["evidence"], of=["fraud"], neg=True, exist=True), polarity="negated")
    other = claim("c2", "a1", "There was evidence of a leak in the cellar.", None,
                  P("evidence", None, ["evidence", "leak", "cellar"], theme="evidence of a leak", heads=["evidence"],
                    of=["leak"], exist=True))
    assert relation(denial, other) == set()
    other.text = "There was evidence of fraud in the accounts."
    other.proposition.theme_of = ["fraud"]
    assert relation(denial, other) == {("contradicts", "negation")}


def test_a_span_counted_from_the_event_is_how_long_it_lasted():
    a = lasted("c1", "a0", "The fire was out at noon, nine hours after the blast began.", 9, "nine hours")
    b = lasted("c2", "a1", "The fire burned for 17 hours.", 17, "17 hours")
    assert relation(a, b) == {("contradicts", "measure")}
    a = lasted("c1", "a0", "The fire was out at noon, nine hours after the minister spoke.", 9, "nine hours")
    assert relation(a, b) == set()


def labels(*claims):
    return {p.label for p in group_claims(list(claims), ARTS)}


def test_labels_read_as_plain_english():
    a = spent("c1", "a0", "The Lark Fund spent $2 million on ads.", "The Lark Fund", 2e6)
    b = spent("c2", "a1", "The Lark Fund spent $300,000 on ads.", "The Lark Fund", 3e5, holder="Filings")
    assert "sum spent" in labels(a, b)
    hit = claim("c1", "a0", "Rebels hit the depot.", None,
                P("hit", "destruction", ["depot"], agent="Rebels", theme="the depot", heads=["depot"]))
    hit2 = claim("c2", "a1", "Soldiers hit the depot.", "Rebels",
                 P("hit", "destruction", ["depot"], agent="Soldiers", theme="the depot", heads=["depot"]))
    assert "who hit the depot" in labels(hit, hit2)  # "destroyed" would say more than the claims say
    none = claim("c1", "a0", "There was not much support for the levy.", None,
                 P("support", None, ["support", "levy"], theme="much support", heads=["support"], neg=True,
                   exist=True), polarity="negated")
    won = claim("c2", "a1", "The mayor had support for the levy.", "Herald",
                P("have", None, ["support", "levy"], agent="The mayor", theme="support", heads=["support"]))
    assert "whether there was much support" in labels(none, won)
    unused = claim("c1", "a0", "The crew did not use an engine.", None,
                   P("use", "use_force", ["engine"], theme="engine", heads=["engine"], neg=True, exist=True),
                   polarity="negated")
    used = claim("c2", "a1", "The crew used the engine.", "Harbour master",
                 P("use", "use_force", ["engine"], theme="the engine", heads=["engine"]))
    assert "whether an engine was used" in labels(unused, used)


def test_a_cause_one_serves_is_of_no_act():
    served = claim("c1", "a0", "A rival took up the cause.", "Aide",
                   P("cause", "cause", [], agent="A rival"))
    hit = claim("c2", "a1", "Storms hit the pier.", None,
                P("hit", "destruction", ["pier"], agent="Storms", theme="the pier", heads=["pier"]))
    hit3 = claim("c3", "a2", "Waves hit the pier.", "Engineer",
                 P("hit", "destruction", ["pier"], agent="Waves", theme="the pier", heads=["pier"]))
    rels = relate([served, hit, hit3], group_claims([served, hit, hit3], ARTS), [], ARTS)
    assert not [r for r in rels if "c1" in (r.a, r.b)]


def test_a_rate_is_no_duration():
    a = lasted("c1", "a0", "Readers spent nine minutes a day on the site.", 9, "nine minutes")
    b = lasted("c2", "a1", "Readers spent 50 minutes on the site.", 50, "50 minutes")
    assert ("contradicts", "measure") not in relation(a, b)
    a = lasted("c1", "a0", "Readers spent nine minutes on the site.", 9, "nine minutes")
    assert relation(a, b) == {("contradicts", "measure")}


def test_a_denial_of_ones_own_thing_is_met_only_by_ones_own():
    own = claim("c1", "a0", "The agency does not use its own couriers.", None,
                P("use", "use_force", ["courier"], agent="The agency", theme="its own couriers", heads=["courier"],
                  neg=True, exist=True), polarity="negated")
    other = claim("c2", "a1", "Couriers were used for every parcel.", "Clerk",
                  P("use", "use_force", ["courier", "parcel"], theme="Couriers", heads=["courier"]))
    assert relation(own, other) == set()
    own.proposition.theme, own.text = "couriers", "The agency does not use couriers."
    assert relation(own, other) == {("contradicts", "negation")}


def test_a_negation_with_another_place_denies_the_place():
    a = claim("c1", "a0", "The threats were not made in public posts.", None,
              P("make", None, ["threat"], theme="The threats", heads=["threat"], neg=True, place="in public posts"),
              polarity="negated")
    b = claim("c2", "a1", "The threats were made in a private chat.", "Officials",
              P("make", None, ["threat"], theme="The threats", heads=["threat"], place="in a private chat"))
    assert relation(a, b) == set()
    b.proposition.place = None
    assert relation(a, b) == {("contradicts", "negation")}


def test_a_modifier_of_a_denied_thing_is_no_agreement_on_it():
    denial = _drones_denied()
    one = claim("c1", "a0", "Councillors debated drone rules.", "Herald",
                P("debate", None, ["rule"], agent="Councillors", theme="drone rules", heads=["rule"], mods=["drone"]))
    other = claim("c2", "a1", "Voters read the drone rules.", "Gazette",
                  P("read", None, ["rule"], agent="Voters", theme="the drone rules", heads=["rule"], mods=["drone"]))
    assert relation(denial, one, other) == set()
