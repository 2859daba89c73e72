"""The event a date names comes from the clause the date modifies; forward weekdays in articles."""
from __future__ import annotations

import pytest

from rashomon import timeline
from rashomon.annotate import body_text
from rashomon.types import Article, Claim, Evidence


def _run(nlp, text: str, published: str, claim_all: bool = True):
    a = Article(id="a0", name="a0.txt", path="/tmp/a0.txt", text=text, published=published)
    a.metadata_evidence["published"] = Evidence(source="html-meta", text=published)
    claims = []
    if claim_all:  # one claim per sentence, as the claims stage gives
        pos = 0
        for i, s in enumerate(text.split(". ")):
            claims.append(Claim(id=f"c{i}", article="a0", start=pos, end=pos + len(s), text=s))
            pos += len(s) + 2
    return {t.text: t for t in timeline.resolve_article(a, nlp(body_text(a)), [], claims)}


@pytest.mark.model
@pytest.mark.parametrize("text,published,span,value,event", [
    # the burial is the event of the date, not the explosion of the apposition
    ("The villagers buried the dead on Wednesday, a day after the explosion at the plant.", "2024-03-13",
     "on Wednesday", "2024-03-13", "villagers buried dead"),
    # a deadline: the verb the date completes, and the day ahead of the reference date
    ("Residents were told to keep windows closed until Wednesday evening.", "2024-03-12",
     "Wednesday evening", "2024-03-13", "keep windows closed until"),
    # a trigger of another event inside an object's preposition is not the event
    ("The governor on Tuesday promised an inquiry into the explosion.", "2024-03-13",
     "on Tuesday", "2024-03-12", "governor promised inquiry"),
    # a trigger verb of the date's own clause still names it
    ("The ministers will meet on Thursday in Geneva.", "2024-03-12", "on Thursday", "2024-03-14", None),
])
def test_event_from_the_dates_clause(nlp, text, published, span, value, event):
    t = _run(nlp, text, published)[span]
    assert t.value == value
    if event is None:
        assert t.event is not None and "meet" in t.event.lower()
    else:
        assert t.event == event


@pytest.mark.model
def test_until_monday_across_a_year_boundary(nlp):
    temps = _run(nlp, "The office stays shut until Monday, the mayor said.", "2023-12-29")
    assert temps["Monday"].value == "2024-01-01"


@pytest.mark.model
def test_past_on_friday_is_unchanged(nlp):
    temps = _run(nlp, "The minister wrote on the X platform on Friday.", "2023-09-22")
    assert temps["on Friday"].value == "2023-09-22"
