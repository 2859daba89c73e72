"""Holders and reasons are shown as a reader writes them, not as parse tokens
joined by spaces (display only: matching keeps the tokens)."""
from __future__ import annotations

import pytest

from rashomon.compare.propositions import group_claims
from rashomon.compare.relations import relate
from rashomon.compare.views import as_written
from rashomon.report.labels import NARRATOR, holder_name
from test_rules import ARTS, P, claim


@pytest.mark.parametrize("tokens, written", [
    ("a dockers ' guild", "a dockers' guild"),           # plural possessive
    ("the council 's clerk", "the council's clerk"),     # possessive
    ("they do n't know", "they don't know"),             # clitic
    ("Ana Kos ( the mayor )", "Ana Kos (the mayor)"),    # brackets
    ("The Kremlin ,", "The Kremlin,"),                   # closing punctuation
    ("the 'rioters' , she", "the 'rioters', she"),       # an opening quotation mark keeps its space
    ("Harbour Board", "Harbour Board"),
])
def test_as_written(tokens, written):
    assert as_written(tokens) == written


def test_a_holder_is_named_as_written():
    assert holder_name(None, "a dockers ' guild , ") == "a dockers' guild"
    assert holder_name("Dockers' Guild", "a dockers ' guild") == "Dockers' Guild"   # the linked name first
    assert holder_name(None, "she") == NARRATOR


def test_a_reason_names_its_holder_as_written():
    a = claim("c1", "a0", "The guild's figure was 300.", "the guild 's figure", P("count", "turnout", ["people"],
              counts="turnout", heads=["people"]), qty=(300.0, None, "people", None))
    b = claim("c2", "a1", "Police counted 90 people.", "Police", P("count", "turnout", ["people"], counts="turnout",
              heads=["people"]), qty=(90.0, None, "people", None))
    [reason] = [r.reason for r in relate([a, b], group_claims([a, b], ARTS), [], ARTS) if r.kind == "contradicts"]
    assert reason.startswith("the guild's figure: 300"), reason
