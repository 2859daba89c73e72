"""A headline's bare blame ("minister points at the board") stands for the one
attribution its holder makes in the article's body."""
from __future__ import annotations

from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.types import Entity
from test_rules import ARTS, P, claim

MINISTER = Entity(id="e1", name="Ana Kovac", type="PERSON", role="Transport Minister")
MAYOR = Entity(id="e2", name="Ivo Brnic", type="PERSON", role="Mayor")


def _headline():
    return claim("c1", "a0", "minister points at port board", "minister",
                 P("point_at", "cause", ["port", "board"], agent="port board"), start=0)


def _body(speaker="e1"):
    return claim("c2", "a0", "The ferries stopped at the request of the port board.", "Kovac",
                 P("act", "order", ["ferry", "port", "board"], agent="the port board", heads=["ferry"]),
                 start=80, speaker=speaker)


def _denial():
    return claim("c3", "a1", "The port board did not order the ferries to stop.", "Board",
                 P("order", "order", ["ferry"], agent="The port board", neg=True, heads=["ferry"]), polarity="negated",
                 stance="denies", start=0)


def _pairs(claims, entities):
    props = group_claims(claims, ARTS, entities)
    return {frozenset((r.a, r.b)) for r in relate(claims, props, [], ARTS, entities) if r.kind == "contradicts"}


def test_headline_blame_stands_for_the_body_attribution():
    got = _pairs([_headline(), _body(), _denial()], [MINISTER, MAYOR])
    assert frozenset(("c1", "c3")) in got and frozenset(("c2", "c3")) in got


def test_headline_blame_without_a_speaker_of_that_role_is_about_nothing():
    # the body's speaker is the mayor: "minister points at …" says for what act nowhere
    got = _pairs([_headline(), _body("e2"), _denial()], [MINISTER, MAYOR])
    assert frozenset(("c1", "c3")) not in got and frozenset(("c2", "c3")) in got
