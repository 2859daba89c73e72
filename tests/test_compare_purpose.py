"""Why an act was done: purpose and reason clauses, and an only reason against another.

One holder says an act on a thing was done for one reason only; another gives
a reason for the same act that shares no word with it: a contradiction of
cause. Two reasons with no exclusive may both hold.
"""
from __future__ import annotations

import pytest

from test_rules import P, claim, relation


# -- extraction (model-backed) -------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, klass, purpose, only", [
    ("The ferry service was suspended to save fuel.", None, "to save fuel", False),
    ("The vote was postponed solely to give the delegates more time.", "schedule_change",
     "solely to give the delegates more time", True),
    ("The match was called off only because the pitch was flooded.", "schedule_change",
     "only because the pitch was flooded", True),
    ("The audit was moved to November for one reason only: to let the new auditors settle in.", "schedule_change",
     "to let the new auditors settle in", True),
    ("The hearing was delayed in order to hear more witnesses.", "schedule_change", "to hear more witnesses", False),
    # "only" restricting the act, not the reason: no exclusive
    ("The vote was only postponed to count the ballots.", "schedule_change", "to count the ballots", False),
    # negative cases: no purpose clause
    ("The board asked the mayor to resign.", None, None, False),  # an object control complement, not a purpose
    ("The families were moved to the school hall.", None, None, False),  # moved to a place: not rescheduled
    ("The vote was postponed until further notice.", "schedule_change", None, False),
])
def test_a_purpose_clause_and_its_exclusive(nlp, text, klass, purpose, only):
    from test_claims import only as one_claim

    p = one_claim(nlp, text).proposition
    assert (p.predicate_class, p.purpose, p.purpose_only) == (klass, purpose, only), p


# -- comparison (hand-made claims) -------------------------------------------

def _why(cid, art, text, holder, pred, purpose, only=False, heads=("vote",), klass="schedule_change", **kw):
    return claim(cid, art, text, holder,
                 P(pred, klass, list(heads), theme="the vote", heads=list(heads), purpose=purpose, purpose_only=only),
                 **kw)


ONLY = _why("c1", "a0", "The vote was postponed for one reason only: to count the postal ballots.", "Electoral Board",
            "postpone", "to count the postal ballots", only=True)


@pytest.mark.parametrize("name, other, want", [
    ("an only reason against another reason", _why(
        "c2", "a1", "The vote was delayed to keep the opposition out of the race.", "Opposition Alliance", "delay",
        "to keep the opposition out of the race"), {("contradicts", "attribution")}),
    # negative cases
    ("two reasons, neither the only one", _why(
        "c2", "a1", "The vote was delayed to keep the opposition out of the race.", "Opposition Alliance", "delay",
        "to keep the opposition out of the race"), set()),
    ("one reason said twice", _why(
        "c2", "a1", "The vote was delayed because the postal ballots were late.", "Opposition Alliance", "delay",
        "because the postal ballots were late"), set()),
    ("one holder's two reasons", _why(
        "c2", "a1", "The vote was delayed to let the board rest.", "Electoral Board", "delay",
        "to let the board rest"), set()),
    ("another thing", _why(
        "c2", "a1", "The count was delayed to keep the opposition out of the race.", "Opposition Alliance", "delay",
        "to keep the opposition out of the race", heads=("count",)), set()),
    ("another act on the thing", _why(
        "c2", "a1", "The vote was held to keep the opposition out of the race.", "Opposition Alliance", "hold",
        "to keep the opposition out of the race", klass=None), set()),
    ("a denied act gives no reason", _why(
        "c2", "a1", "The vote was not delayed to keep the opposition out of the race.", "Opposition Alliance", "delay",
        "to keep the opposition out of the race", polarity="negated"), set()),
])
def test_an_only_reason_against_another(name, other, want):
    first = ONLY
    if name.startswith("two reasons"):
        first = ONLY.model_copy(deep=True)
        first.proposition.purpose_only = False
    if name.startswith("a denied"):
        other.proposition.negated = True
    assert relation(first, other) == want, name


def test_the_reason_and_label_name_both_purposes():
    from rashomon.compare.propositions import group_claims
    from rashomon.compare.relations import relate
    from test_rules import ARTS

    other = _why("c2", "a1", "The vote was delayed to keep the opposition out of the race.", "Opposition Alliance",
                 "delay", "to keep the opposition out of the race")
    props = group_claims([ONLY, other], ARTS)
    [rel] = [r for r in relate([ONLY, other], props, [], ARTS) if r.kind == "contradicts"]
    assert rel.reason == ("Electoral Board: postponed to count the postal ballots (the only reason); "
                          "Opposition Alliance: delayed to keep the opposition out of the race"), rel.reason
    assert "why the vote was postponed or delayed" in {p.label for p in props}
