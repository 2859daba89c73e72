"""A weekday's or a month's direction follows the tense of the verb it modifies.

A future marker elsewhere in the sentence does not turn a weekday on a past
verb ahead ("…, the harbour chief said on Tuesday"); a present (futurate),
future or intensional predicate points a month named alone ahead, a past one
behind. Sentences of our own, fictional.
"""
from __future__ import annotations

import pytest

from rashomon import timeline
from rashomon.annotate import body_text
from rashomon.types import Article, Evidence

WED = "2024-05-15"  # a Wednesday
MON = "2024-05-20"  # a Monday


def _values(nlp, text: str, published: str) -> dict[str, str]:
    a = Article(id="a0", name="a0.txt", path="/tmp/a0.txt", text=text, published=published)
    a.metadata_evidence["published"] = Evidence(source="html-meta", text=published)
    return {t.text: t.value for t in timeline.resolve_article(a, nlp(body_text(a)), [], [])}


@pytest.mark.model
@pytest.mark.parametrize("text,published,span,value", [
    # a past speech act: the latest such day on or before the reference date,
    # whether the future clause comes before it or after it
    ("The town will close the old ferry dock, the harbour chief said on Tuesday.", WED, "on Tuesday", "2024-05-14"),
    ("The harbour chief said on Tuesday that repairs will begin in the autumn.", WED, "on Tuesday",
     "2024-05-14"),
    ("The ferry would stay in port, the skipper told the crew on Monday.", WED, "on Monday", "2024-05-13"),
    # a past event verb stays behind
    ("Repairs started on Monday.", WED, "on Monday", "2024-05-13"),
    # future and futurate present: the nearest such day on or after the reference date
    ("Repairs will start on Monday.", WED, "on Monday", "2024-05-20"),
    ("Repairs start on Monday.", WED, "on Monday", "2024-05-20"),
    ("The ferry resumes service on Saturday.", WED, "on Saturday", "2024-05-18"),
    # a present reporting verb sets no schedule: its past content verb decides
    ("The union says the strike began on Monday.", WED, "on Monday", "2024-05-13"),
    # an intensional predicate keeps its complement ahead although its own verb is past
    ("The mayor invited the fishermen to talks on Friday.", WED, "on Friday", "2024-05-17"),
    # a month named alone
    ("Dredging starts in July.", MON, "in July", "2024-07"),
    ("Dredging will start in July.", MON, "in July", "2024-07"),
    ("Dredging is planned to start in July.", MON, "in July", "2024-07"),
    ("The harbour board says dredging starts in July.", MON, "in July", "2024-07"),
    ("Dredging started in July.", MON, "in July", "2023-07"),
    ("The ferry will run again, the board said in June.", MON, "in June", "2023-06"),
    ("The board said in June that dredging will start soon.", MON, "in June", "2023-06"),
    ("The dock has been closed since April.", MON, "since April", "2024-04"),
    # "won't" is a negated future; a negated "could" a past inability
    ("The ferry won't sail again until June.", MON, "until June", "2024-06"),
    ("The skipper could not be reached for comment Saturday.", WED, "Saturday", "2024-05-11"),
])
def test_direction_follows_the_governing_verb(nlp, text, published, span, value):
    assert _values(nlp, text, published)[span] == value


@pytest.mark.model
@pytest.mark.parametrize("text,expr,tense", [
    ("The skipper said on Tuesday that the ferry will sail.", "on Tuesday", "past"),
    ("Dredging starts in July.", "in July", "present"),
    ("Dredging will start in July.", "in July", "future"),
    ("The crew would have sailed on Friday.", "on Friday", "past"),
    ("The union has called off the strike on Monday.", "on Monday", "past"),
    # no verdict: an infinitive, a participle without auxiliary, a noun head, a reporting verb
    ("The board plans to meet on Friday.", "on Friday", None),
    ("The vote, scheduled for Friday, was postponed.", "for Friday", None),
    ("The talks on Friday ended early.", "on Friday", None),
    ("The union says on Tuesday that talks failed.", "on Tuesday", None),
    ("Fishermen are praising the mayor's speech on Thursday.", "on Thursday", None),
    # a stative present is no schedule; a negated "would" is a past refusal
    ("A survey in June shows strong support for the pier.", "in June", None),
    ("The harbour master wouldn't say on Monday when the pier reopens.", "on Monday", "past"),
    ("The regatta is held in August.", "in August", "present"),
    ("Exports will grow less than forecast in July.", "in July", None),
    ("The ferry season opens on Friday and ends in October.", "in October", "present"),
    # before the complement's subject: the matrix verb's tense
    ("The skipper told the crew this weekend he would sail.", "this weekend", "past"),
])
def test_governing_tense(nlp, text, expr, tense):
    from rashomon import temporal

    i = text.index(expr)
    assert temporal.governing_tense(nlp(text), i, i + len(expr)) == tense

