"""Non-contradictions met in political news, on hand-made claims (no model):
figures of two spenders, two places or two days; spans that locate a time;
another party's use of a thing an agent is said not to use. Each row is two
claims and the relation expected between them."""
from __future__ import annotations

import pytest

from rashomon.types import TimeRange
from test_rules import P, claim, relation


def spent(cid, art, text, agent, usd, approx=None, holder=None):
    return claim(cid, art, text, holder, P("spend", None, ["ads"], agent=agent, counts="money:spend", heads=["ad"]),
                 qty=(usd, approx, "USD", "spend"))


def killed(cid, art, text, n, places=(), time=None, approx=None):
    t = TimeRange(start=time, end=time, precision="day", text=time) if time else None
    return claim(cid, art, text, None, P("kill", "death", ["people"], counts="death", heads=["people"]),
                 qty=(n, approx, "people", "killed"), places=list(places), time=t)


def lasted(cid, art, text, n, span):
    """A claim whose figure is the words ``span`` of ``text`` ("six days")."""
    c = claim(cid, art, text, None, P("come", None, ["vote"], counts="duration", heads=["vote"]),
              qty=(n, None, span.split()[-1], "duration"))
    q = c.quantities[0]
    q.start, q.end, q.text = text.index(span), text.index(span) + len(span), span
    return c


NOT_CONTRADICTIONS = {
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
    "two spenders": (
        spent("c1", "a0", "The Lark Fund spent $2 million on ads.", "The Lark Fund", 2e6),
        spent("c2", "a1", "The Osprey Union spent $300,000 on ads.", "The Osprey Union", 3e5),
        set()),
    "a total and one spender's part": (
        spent("c1", "a0", "More than $90 million has been spent on ads.", None, 9e7, approx="more than"),
        spent("c2", "a1", "The Osprey Union spent $300,000 on ads.", "The Osprey Union", 3e5),
        set()),
    "tolls of two places": (
        killed("c1", "a0", "Gunmen killed 12 people in Tarnow.", 12, places=["e1"]),
        killed("c2", "a1", "The bombing killed 80 people in Lisk.", 80, places=["e2"]),
        set()),
    "tolls of two days": (
        killed("c1", "a0", "The blast on 3 May killed 12 people.", 12, time="2031-05-03"),
        killed("c2", "a1", "The shelling on 9 May killed 40 people.", 40, time="2031-05-09"),
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
    "another party's use of a thing, said as there being none": (
        claim("c1", "a0", "There were no radios used by the smugglers.", "Police",
              P("use", "use_force", ["radio"], agent="the smugglers", theme="radios", heads=["radio"], neg=True,
                exist=True), polarity="negated"),
        claim("c2", "a1", "The coastguard uses radios on every patrol.", None,
              P("use", "use_force", ["radio", "patrol"], agent="The coastguard", theme="radios", heads=["radio"])),
        set()),
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
    "one place, two tolls": (
        killed("c1", "a0", "Gunmen killed 12 people in Tarnow.", 12, places=["e1"]),
        killed("c2", "a1", "The attack killed 30 people in Tarnow.", 30, places=["e1"]),
        {("contradicts", "measure")}),
    "one day, two tolls": (
        killed("c1", "a0", "The blast on 3 May killed 12 people.", 12, time="2031-05-03"),
        killed("c2", "a1", "On 3 May the blast killed 30 people.", 30, time="2031-05-03"),
        {("contradicts", "measure")}),
}


@pytest.mark.parametrize("name", sorted(NOT_CONTRADICTIONS))
def test_not_a_contradiction(name):
    a, b, want = NOT_CONTRADICTIONS[name]
    assert relation(a, b) == want, name


@pytest.mark.parametrize("name", sorted(CONTRADICTIONS))
def test_contradiction(name):
    a, b, want = CONTRADICTIONS[name]
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
