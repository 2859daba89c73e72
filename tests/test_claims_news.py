"""Claims read from sentences of political news (model-backed): constructions
that must not make a claim say a thing is absent, denied or counted."""
from __future__ import annotations

import pytest

from test_claims import only

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, klass", [
    # "absent" before a determiner is the preposition "in the absence of": a condition, no absence
    ("Absent a bigger [U.N.] army in the north, he added, this is how the rebels will be beaten.", None),
    # after the determiner it is the attributive adjective
    ("The absent member was fined.", "absence"),
])
def test_absent_as_a_preposition_is_no_absence(nlp, text, klass):
    assert only(nlp, text).proposition.predicate_class == klass
