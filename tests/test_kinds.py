"""Kinds of things (data/kinds.yaml): a denial of one member of a class meets a
claim that names the class's own word or another member."""
from __future__ import annotations

import pytest

from rashomon.compare.kinds import kinds_named
from test_rules import ARTS, P, claim, relation

KIP = "kind:kinetic_impact_projectile"


@pytest.mark.parametrize("text,want", [
    ("Guards denied firing rubber bullets at the strikers.", {(KIP, "bullet", False)}),
    ("Troopers fired baton rounds and bean-bag rounds into the yard.", {(KIP, "round", False)}),
    ("A sponge round struck her arm.", {(KIP, "round", False)}),
    ("Officers fired projectiles from shotguns.", {(KIP, "projectile", True)}),
    ("Artillery projectiles landed near the depot.", set()),  # another kind of projectile
    ("Officers fired live rounds.", set()),
    ("Shots were heard near the mill.", set()),
    ("Tear gas drifted over the market.", set()),  # a chemical irritant, another class
])
def test_kinds_named(text, want):
    assert set(kinds_named(text)) == want


def _denial():
    return claim("c1", "a0", "No rubber bullets were fired by the guards.", "Guard Command",
                 P("fire", "use_force", ["rubber", "bullet"], theme="No rubber bullets", neg=True, heads=["bullet"],
                   mods=["rubber"], exist=True), polarity="negated")


@pytest.mark.parametrize("name,other,want", [
    ("the class's own word, fired", claim(
        "c2", "a1", "Witnesses saw guards firing projectiles at the strikers.", "Strike Committee",
        P("fire", "use_force", ["projectile"], agent="guards", theme="projectiles", heads=["projectile"],
          exist=True, nouns=["witnesses", "guards", "projectiles", "strikers"])),
     {("contradicts", "negation")}),
    ("another member of the class", claim(
        "c2", "a1", "Guards fired baton rounds into the crowd.", "Strike Committee",
        P("fire", "use_force", ["baton", "round"], agent="Guards", theme="baton rounds", heads=["round"],
          mods=["baton"], exist=True, nouns=["guards", "baton", "rounds", "crowd"])),
     {("contradicts", "negation")}),
    ("the class's word kept, not fired", claim(
        "c2", "a1", "We kept the projectiles.", "Strike Committee",
        P("keep", None, ["projectile"], agent="We", theme="the projectiles", heads=["projectile"],
          nouns=["projectiles"])),
     set()),
    ("live rounds are another thing", claim(
        "c2", "a1", "Guards fired live rounds into the crowd.", "Strike Committee",
        P("fire", "use_force", ["live", "round"], agent="Guards", theme="live rounds", heads=["round"],
          mods=["live"], exist=True, nouns=["guards", "rounds", "crowd"])),
     set()),
    ("tear gas is another class", claim(
        "c2", "a1", "Guards fired tear gas into the crowd.", "Strike Committee",
        P("fire", "use_force", ["tear", "gas"], agent="Guards", theme="tear gas", heads=["gas"],
          mods=["tear"], exist=True, nouns=["guards", "tear", "gas", "crowd"])),
     set()),
])
def test_a_denied_member_against_its_class(name, other, want):
    assert relation(_denial(), other) == want, name


def test_a_reason_names_the_kind_in_words():
    from rashomon.compare.propositions import group_claims
    from rashomon.compare.relations import relate

    other = claim("c2", "a1", "Guards fired baton rounds into the crowd.", "Strike Committee",
                  P("fire", "use_force", ["baton", "round"], agent="Guards", theme="baton rounds", heads=["round"],
                    mods=["baton"], exist=True, nouns=["guards", "baton", "rounds", "crowd"]))
    cs = [_denial(), other]
    [rel] = [r for r in relate(cs, group_claims(cs, ARTS), [], ARTS) if r.kind == "contradicts"]
    assert "kinetic impact projectile" in rel.reason and "kind:" not in rel.reason, rel.reason


def test_two_denials_agree_in_words():
    from rashomon.compare.propositions import group_claims
    from rashomon.compare.relations import relate

    other = claim("c2", "a1", "The guards did not fire rubber bullets.", "Mayor",
                  P("fire", "use_force", ["rubber", "bullet"], agent="The guards", theme="rubber bullets", neg=True,
                    heads=["bullet"], mods=["rubber"], exist=True), polarity="negated")
    cs = [_denial(), other]
    reasons = [r.reason for r in relate(cs, group_claims(cs, ARTS), [], ARTS) if r.kind == "agrees"]
    assert reasons and all("kind:" not in r and "rubber bullets" in r for r in reasons), reasons


def test_two_holders_naming_a_denied_kind_agree_in_words():
    from rashomon.compare.propositions import group_claims
    from rashomon.compare.relations import relate

    fired = [claim(cid, art, text, holder,
                   P("fire", "use_force", words, agent="Guards", theme=theme, heads=["round"], mods=mods, exist=True,
                     nouns=["guards", *words]))
             for cid, art, text, holder, words, theme, mods in (
                 ("c2", "a1", "Guards fired baton rounds.", "Strike Committee", ["baton", "round"], "baton rounds",
                  ["baton"]),
                 ("c3", "a2", "Guards fired sponge rounds.", "Medics", ["sponge", "round"], "sponge rounds",
                  ["sponge"]))]
    cs = [_denial(), *fired]
    reasons = [r.reason for r in relate(cs, group_claims(cs, ARTS), [], ARTS)
               if r.kind == "agrees" and {r.a, r.b} == {"c2", "c3"}]
    assert reasons and all("kind:" not in r for r in reasons), reasons
