"""The web app's claim cards name a claim's holder as the report does
(:func:`rashomon.report.labels.holder_name`)."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is in the test extra: pip install -e '.[test]'")


@pytest.mark.parametrize("speaker,name,holder_text,shown", [
    (None, None, "Norvik Shipping", "<b>Norvik Shipping</b>"),  # the text's words for the holder, as the report shows
    (None, None, "she", "<b>narrator (outlet&#39;s own voice)</b>"),  # a bare pronoun names no one
    ("e1", "Ana Vell", "she", "<b>Ana Vell</b>"),
])
def test_a_claim_card_names_its_holder_as_the_report_does(speaker, name, holder_text, shown):
    from rashomon.web.app import _ENV

    card = _ENV.from_string('{% import "macros.html" as m %}{{ m.claim(c) }}').render(c=dict(
        id="c1", article="a0", speaker=speaker, speaker_name=name, holder_text=holder_text, article_label="Outlet",
        published=None, polarity="affirmed", modality="asserted", text="Two crew died.", snippet=None))
    assert shown in card
