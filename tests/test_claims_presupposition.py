"""What a clause takes for granted, and a denial read with its holder's statement.

A concessive phrase ("despite X", "in spite of X", "notwithstanding X")
presupposes X, whatever the clause itself says (Karttunen 1973); a side that
denies X contradicts it. A denial of one thing is read with the rest of its
holder's statement in the same article when another of its denials names that
thing together with others ("no A or B"; "claims of B are false"): the holder
denies A too.
"""
from __future__ import annotations

import pytest

from rashomon.compare.kinds import kinds_named
from test_rules import P, claim, relation

WARN = "kind:dispersal_warning"


# -- extraction (model-backed) -------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, presupposed", [
    ("Hundreds of strikers refused to leave the yard despite repeated calls to disperse.", ["call"]),
    ("The crowd stayed on the bridge in spite of two warnings from the guards.", ["warning"]),
    ("The ferry sailed despite the storm.", ["storm"]),
    ("The guards fired again despite being warned by the mayor.", ["warn"]),
    # negative cases: nothing taken for granted
    ("The crowd stayed on the bridge despite the lack of any order.", []),  # an absence presupposes no thing
    ("The guards charged the crowd without warning.", []),  # "without" denies; it presupposes nothing
    ("The crowd stayed on the bridge until midnight.", []),
    ("The crowd stayed despite the fact that it was raining.", []),  # the fact's clause, no thing
])
def test_a_concessive_phrase_presupposes_its_object(nlp, text, presupposed):
    from test_claims import only

    c = only(nlp, text)
    assert c.proposition.presupposed == presupposed, c.proposition


# -- kinds --------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("They stayed despite calls to disperse.", {(WARN, "call", False)}),
    ("The order to disperse came at nine.", {(WARN, "order", False)}),
    ("A dispersal order was read out.", {(WARN, "order", False)}),
    ("We heard no warning.", {(WARN, "warning", True)}),
    ("A flood warning was issued for the valley.", set()),  # a warning of another danger
    ("The order came from the ministry.", set()),  # an order, not one to disperse
])
def test_an_order_to_disperse_is_a_kind_of_warning(text, want):
    assert set(kinds_named(text)) == want


# -- comparison (hand-made claims) -------------------------------------------

def _stayed(stance="asserts", tense="past"):
    """"Strikers refused to leave the yard despite calls to disperse": negated, the calls presupposed."""
    return claim("c1", "a0", "Strikers refused to leave the yard despite calls to disperse.", "Harbour Police",
                 P("leave", None, ["yard"], theme="the yard", neg=True, heads=["yard"], presupposed=["call"],
                   nouns=["strikers", "yard", "calls"], tense=tense), polarity="negated", stance=stance)


def _no_warning(text="Nobody heard a warning.", holder="Strike Committee"):
    return claim("c2", "a1", text, holder,
                 P("hear", None, ["warning"], theme="a warning", neg=True, heads=["warning"], exist=True,
                   nouns=["warning"]), polarity="negated")


def _charged_without_warning():
    return claim("c2", "a1", "Guards charged the crowd without warning.", "Strike Committee",
                 P("charge", None, ["crowd"], agent="Guards", theme="the crowd", heads=["crowd"], absent=["warning"],
                   nouns=["guards", "crowd", "warning"]))


@pytest.mark.parametrize("name, a, b, want", [
    ("a presupposed call to disperse against 'no warning'", _stayed(), _no_warning(), {("contradicts", "negation")}),
    ("against 'without warning'", _stayed(), _charged_without_warning(), {("contradicts", "negation")}),
    # negative cases
    ("a presupposition under a denial is not the holder's", _stayed(stance="denies"), _no_warning(), set()),
    ("a counterfactual clause presupposes nothing that happened", _stayed(tense="conditional"), _no_warning(), set()),
    ("a warning of another danger is not denied by it",
     _stayed(), _no_warning("Nobody heard a flood warning.", "Strike Committee"), set()),
])
def test_a_presupposed_thing_against_its_denial(name, a, b, want):
    if "flood" in b.text:
        b.proposition.theme, b.proposition.theme_modifiers = "a flood warning", ["flood"]
    assert relation(a, b) == want, name


def _wide(cid="c3", article="a0", holder="Harbour Police", klass="use_force"):
    """"No tear gas or rubber bullets were used by the guards."""
    return claim(cid, article, "No tear gas or rubber bullets were used by the guards.", holder,
                 P("use", klass, ["tear", "gas", "rubber", "bullet"], agent="the guards",
                   theme="No tear gas or rubber bullets", neg=True, heads=["gas", "bullet"], mods=["tear", "rubber"],
                   exist=True), polarity="negated")


def _narrow(article="a0", holder="Harbour Police"):
    """"Claims that guards fired rubber bullets are false."""
    return claim("c1", article, "Claims that guards fired rubber bullets are false.", holder,
                 P("fire", "use_force", ["rubber", "bullet"], agent="guards", theme="rubber bullets",
                   heads=["bullet"], mods=["rubber"], exist=True), polarity="negated", stance="denies",
                 stance_cue="false")


def _gas(holder="Strike Committee"):
    return claim("c2", "a1", "Guards fired tear gas into the crowd.", holder,
                 P("fire", "use_force", ["tear", "gas"], agent="Guards", theme="tear gas", heads=["gas"],
                   mods=["tear"], exist=True, nouns=["guards", "tear", "gas", "crowd"]))


def _rel(*cs):
    from rashomon.compare.propositions import group_claims
    from rashomon.compare.relations import relate
    from test_rules import ARTS

    return [r for r in relate(list(cs), group_claims(list(cs), ARTS), [], ARTS) if {r.a, r.b} == {"c1", "c2"}]


@pytest.mark.parametrize("name, claims, want", [
    ("a narrow denial in a statement that denies gas too", (_narrow(), _gas(), _wide()), {"contradicts"}),
    # negative cases: the statement as a whole is not there
    ("no wider denial at all", (_narrow(), _gas()), set()),
    ("the wider denial in another article", (_narrow(), _gas(), _wide(article="a2")), set()),
    ("the wider denial by another holder", (_narrow(), _gas(), _wide(holder="City Council")), set()),
    ("the wider denial of another kind of act", (_narrow(), _gas(), _wide(klass="death")), set()),
    ("the holder's own claim of gas", (_narrow(), _gas(holder="Harbour Police"), _wide()), set()),
])
def test_a_denial_read_with_its_holder_s_statement(name, claims, want):
    assert {r.kind for r in _rel(*claims)} == want, name


def test_the_reason_names_the_whole_statement():
    [rel] = _rel(_narrow(), _gas(), _wide())
    assert "no rubber bullets" in rel.reason and "statement that says no tear gas or rubber bullets" in rel.reason, \
        rel.reason
