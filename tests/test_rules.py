"""Contradiction kinds and non-contradictions on hand-made claims (no model):
each row is two claims of two articles and the relation expected between them."""
from __future__ import annotations

import pytest

from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.types import Article, Claim, PropositionParts, Quantity

ARTS = [Article(id=f"a{i}", name=f"a{i}.txt", path=f"a{i}.txt", text="", published="2031-04-02") for i in range(2)]


def claim(cid, article, text, holder, parts, polarity="affirmed", stance="asserts", qty=None, **kw):
    q = [Quantity(value=qty[0], approx=qty[1], unit=qty[2], of=qty[3], start=0, end=1, text=str(qty[0]))] if qty else []
    return Claim(id=cid, article=article, start=0, end=len(text), text=text, holder_text=holder,
                 polarity=polarity, stance=stance, quantities=q, proposition=parts, **kw)


def P(pred, klass=None, words=(), agent=None, theme=None, counts=None, neg=False, tense="past", clock=None):
    return PropositionParts(predicate=pred, predicate_class=klass, theme_words=list(words), agent=agent,
                            theme=theme, counts=counts, measure=0 if counts else None, negated=neg,
                            tense=tense, clock=clock)


def relation(a, b):
    props = group_claims([a, b], ARTS)
    rels = relate([a, b], props, [], ARTS)
    return {(r.kind, r.contradiction) for r in rels}


CASES = {
    "measure": (
        claim("c1", "a0", "Three workers died.", "Harbour Board", P("die", "death", ["worker"], counts="death"),
              qty=(3, None, "workers", "killed")),
        claim("c2", "a1", "Seven workers were killed.", "Dockers Guild", P("kill", "death", ["worker"], counts="death"),
              qty=(7, None, "workers", "killed")),
        {("contradicts", "measure")}),
    "measure, compatible": (
        claim("c1", "a0", "At least three workers died.", "Harbour Board", P("die", "death", ["worker"], counts="death"),
              qty=(3, "at least", "workers", "killed")),
        claim("c2", "a1", "Seven workers were killed.", "Dockers Guild", P("kill", "death", ["worker"], counts="death"),
              qty=(7, None, "workers", "killed")),
        {("agrees", None)}),
    "revision by one holder": (
        claim("c1", "a0", "Three workers died, the Harbour Board said.", "Harbour Board",
              P("die", "death", ["worker"], counts="death"), qty=(3, None, "workers", "killed")),
        claim("c2", "a1", "The Harbour Board raised the toll to four.", "the Harbour Board",
              P("toll", "death", ["toll"], counts="death"), qty=(4, None, None, "killed")),
        {("revises", None)}),
    "negation of an existential": (
        claim("c1", "a0", "No pepper spray was used by the guards.", None,
              P("use", "use_force", ["pepper", "spray", "guard"], theme="No pepper spray", neg=True), polarity="negated"),
        claim("c2", "a1", "Medics treated nine people for pepper spray.", "Medics",
              P("treat", "treatment", ["medic", "pepper", "spray"], theme="nine people")),
        {("contradicts", "negation")}),
    "denial of one proposition": (
        claim("c1", "a0", "The firm denied that the boiler was overdue for inspection.", "The firm",
              P("overdue", "inspection", ["boiler", "inspection", "overdue"], theme="the boiler"),
              polarity="negated", stance="denies", stance_cue="denied"),
        claim("c2", "a1", "The boiler's inspection was overdue by a year.", None,
              P("overdue", "inspection", ["boiler", "inspection", "overdue"], theme="The boiler's inspection")),
        {("contradicts", "negation")}),
    "opposite attribution": (
        claim("c1", "a0", "The fire was started by the guards.", "Guild",
              P("start", "cause", ["fire"], agent="the guards", theme="The fire")),
        claim("c2", "a1", "The minister blamed visiting hooligans for the fire.", "Minister",
              P("blame", "cause", ["hooligan", "fire"], agent="visiting hooligans", theme="the fire")),
        {("contradicts", "attribution")}),
    "antonyms": (
        claim("c1", "a0", "The guild accepted the invitation to talks.", "Minister",
              P("accept", "answer", ["guild", "invitation", "talk"], agent="The guild", theme="the invitation")),
        claim("c2", "a1", "The guild has rejected the invitation to talks.", None,
              P("reject", "answer", ["guild", "invitation", "talk"], agent="The guild", theme="the invitation")),
        {("contradicts", "antonym")}),
    "time of day": (
        claim("c1", "a0", "Guards entered the yard at 6 p.m.", "Mayor",
              P("enter", "entry", ["guard", "yard"], clock="18:00")),
        claim("c2", "a1", "Guards entered the yard only at 00:10.", "Minister",
              P("enter", "entry", ["guard", "yard"], clock="00:10")),
        {("contradicts", "date")}),
    "promise against a report": (
        claim("c1", "a0", "Residents would not be harmed, the general assured.", "the general",
              P("harm", "injury", ["resident"], neg=True, tense="future"), polarity="negated", stance="promises"),
        claim("c2", "a1", "Residents were harmed in the raid.", None, P("harm", "injury", ["resident", "raid"])),
        set()),
    "background figure": (
        claim("c1", "a0", "In 2019 three workers died in a tank fire.", None,
              P("die", "death", ["worker"], counts="death"), qty=(3, None, "workers", "killed")),
        claim("c2", "a1", "Seven workers were killed.", None, P("kill", "death", ["worker"], counts="death"),
              qty=(7, None, "workers", "killed")),
        set()),
    "different groups counted": (
        claim("c1", "a0", "Twelve guards were injured.", None, P("injure", "injury", ["guard"], counts="injured"),
              qty=(12, None, "guards", "wounded")),
        claim("c2", "a1", "Medics treated forty people.", None, P("treat", "treatment", ["medic"], counts="treated"),
              qty=(40, None, "people", "people")),
        set()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_relation_kind(name):
    a, b, want = CASES[name]
    got = relation(a, b)
    assert {k for k in got if k[0] != "agrees"} == {k for k in want if k[0] != "agrees"} or got == want, (name, got)
    if want:
        assert got == want, (name, got)
