"""Weekday direction: a bare weekday looks back, a governed or future one looks forward."""
from __future__ import annotations

from datetime import date

import pytest

from rashomon import temporal

TUE = date(2024, 3, 12)  # a Tuesday
WED = date(2024, 3, 13)  # a Wednesday
FRI = date(2023, 12, 29)  # a Friday before a year boundary
SAT = date(2024, 6, 8)  # a Saturday
SUN = date(2024, 6, 9)  # a Sunday


@pytest.mark.parametrize("text,ref,span,value", [
    # forward: "until", "till", "by", "next", "this coming", "from … onwards"
    ("Residents must keep windows closed until Wednesday evening.", TUE, "Wednesday evening", "2024-03-13"),
    ("Schools stay closed till Thursday.", WED, "Thursday", "2024-03-14"),
    ("The report is due by Friday.", TUE, "Friday", "2024-03-15"),
    ("They will meet next Monday.", TUE, "next Monday", "2024-03-18"),
    ("The board meets this coming Saturday.", TUE, "this coming Saturday", "2024-03-16"),
    ("New rules apply from Monday onwards.", WED, "Monday", "2024-03-18"),
    # forward: a future clause
    ("Ministers will meet on Thursday.", TUE, "on Thursday", "2024-03-14"),
    ("The vote is expected on Sunday.", WED, "on Sunday", "2024-03-17"),
    ("He is due to arrive on Friday.", WED, "on Friday", "2024-03-15"),
    ("The company plans to reopen the plant on Friday.", WED, "on Friday", "2024-03-15"),
    ("Talks will end before Friday.", WED, "Friday", "2024-03-15"),
    # forward across a year boundary
    ("The office stays shut until Monday.", FRI, "Monday", "2024-01-01"),
    # on the reference day itself, "until Wednesday" is that day
    ("Roads stay closed until Wednesday.", WED, "Wednesday", "2024-03-13"),
    # backward: past-tense "on Friday" is unchanged (a Friday article's "on Friday" is that day)
    ("Hajiyev wrote on the X platform on Friday.", date(2023, 9, 22), "on Friday", "2023-09-22"),
    ("The minister said on Friday that talks would resume.", WED, "on Friday", "2024-03-08"),
    ("He left before Friday.", WED, "Friday", "2024-03-08"),
    # backward: a past-perfect clause, an agentive "by", "from" without "onwards", "last"
    ("By Friday, 15 people had died.", WED, "Friday", "2024-03-08"),
    ("The town was hit by Friday's shelling.", WED, "Friday", "2024-03-08"),
    ("Fighting raged from Monday to noon.", WED, "Monday", "2024-03-11"),
    ("They will meet, as they did last Monday.", WED, "last Monday", "2024-03-11"),
    # an intensional predicate's complement lies ahead: the weekday dates it (TimeML I_ACTION)
    ("The mayor said she had invited the farmers to talks at city hall on Tuesday.", SAT, "on Tuesday", "2024-06-11"),
    ("The union turned down the minister's invitation to talks on Tuesday.", SUN, "on Tuesday", "2024-06-11"),
    ("He said the rebels had accepted an invitation to talks in Geneva on Monday.", SUN, "on Monday", "2024-06-10"),
    ("Both sides agreed to meet again on Thursday.", SAT, "on Thursday", "2024-06-13"),
    # a noun after "agree to" is not an infinitive: the agreement's own day, behind
    ("Both sides agreed to a truce on Thursday.", SAT, "on Thursday", "2024-06-06"),
    # no intensional predicate: a past perfect stays behind
    ("The talks had collapsed on Tuesday.", SUN, "on Tuesday", "2024-06-04"),
])
def test_weekday_direction(text, ref, span, value):
    found = [c for c in temporal.find(text) if c.kind == "weekday"]
    assert len(found) == 1, [c.text for c in found]
    c = found[0]
    assert text[c.start:c.end] == span
    assert temporal.resolve(c, ref).value == value


@pytest.mark.parametrize("text,forward", [
    ("closed until Friday", True),
    ("agreed on Friday", False),
    ("will be signed on Friday", True),
    ("It rained. The talks will resume. They met on Friday", False),  # another sentence's future
])
def test_forward_weekday(text, forward):
    i = text.rindex("Friday")
    assert temporal.forward_weekday(text, i, i + len("Friday")) is forward


def test_future_inside_a_quotation_does_not_carry_over():
    text = "“We will rebuild the bridge,” the governor wrote on Monday."
    c = [c for c in temporal.find(text) if c.kind == "weekday"][0]
    assert temporal.resolve(c, date(2024, 3, 6)).value == "2024-03-04"
