"""Dating one article: ranges, anchored expressions, corrections, the writer's
own reporting act, events dated by a month or a year; and the year of a date
written without one in an undated article, from the corpus period."""
from __future__ import annotations

import re

import pytest

from rashomon import timeline
from rashomon.annotate import body_text
from rashomon.types import Article, Claim, Evidence, Quote


def _article(aid: str, text: str, published: str | None = None) -> Article:
    a = Article(id=aid, name=f"{aid}.txt", path=f"/tmp/{aid}.txt", text=text, published=published)
    if published:
        a.metadata_evidence["published"] = Evidence(source="html-meta", text=published)
    return a


def _sentence_claims(aid: str, text: str) -> list[Claim]:
    """One claim per sentence, as the claims stage gives."""
    return [Claim(id=f"{aid}c{i}", article=aid, start=m.start(), end=m.end(), text=m.group())
            for i, m in enumerate(re.finditer(r"[^.\n]+[.]?", text)) if m.group().strip()]


def _run(nlp, text: str, published: str | None = None, quotes=(), aid: str = "a0"):
    art = _article(aid, text, published)
    claims = _sentence_claims(aid, text)
    temps = timeline.resolve_article(art, nlp(body_text(art)), list(quotes), claims)
    return art, temps, claims


def _by_text(temps):
    return {t.text: t for t in temps}


@pytest.mark.model
@pytest.mark.parametrize("text,published,span,value,end", [
    # TIMEX3 begin and end points of one event
    ("Dock workers held a strike from Monday to Wednesday that closed the port.", "2024-06-08",
     "Monday to Wednesday", "2024-06-03", "2024-06-05"),
    ("Voting ran between Friday and Sunday in most districts.", "2024-06-10",
     "Friday and Sunday", "2024-06-07", "2024-06-09"),
    ("The fair ran from 3 May 2024 to 5 May 2024 in the old port.", None,
     "3 May 2024 to 5 May 2024", "2024-05-03", "2024-05-05"),
    # a first weekday later in the week than the second goes back a week
    ("The road was shut from Friday to Monday for repairs.", "2024-06-12",
     "Friday to Monday", "2024-06-07", "2024-06-10"),
])
def test_ranges_become_one_expression(nlp, text, published, span, value, end):
    _art, temps, _claims = _run(nlp, text, published)
    t = _by_text(temps)[span]
    assert (t.value, t.end_value) == (value, end)
    assert len(temps) == 1


@pytest.mark.model
def test_two_dates_without_a_range_word_stay_apart(nlp):
    _art, temps, _ = _run(nlp, "Talks failed on Monday; on Wednesday the strike began.", "2024-06-08")
    assert sorted(t.value for t in temps) == ["2024-06-03", "2024-06-05"]


@pytest.mark.model
def test_anchored_expressions_count_from_the_last_date(nlp):
    text = ("The lockout began on 4 February 2021 at the bottling plant. Nine days later, the owners "
            "offered a new contract. The next day, the workers voted to accept it.")
    _art, temps, _ = _run(nlp, text)
    values = {t.text: t.value for t in temps}
    assert values["Nine days later"] == "2021-02-13"
    assert values["The next day"] == "2021-02-14"  # counted from the date before it


@pytest.mark.model
def test_anchored_expression_far_from_any_date_stays_unresolved(nlp):
    text = "The plant opened on 4 February 2021. " + "Nothing else of note happened there. " * 20 + \
        "Two days later, it closed."
    _art, temps, _ = _run(nlp, text)
    assert "Two days later" not in _by_text(temps)


@pytest.mark.model
def test_correction_keeps_the_corrected_date_only(nlp):
    text = ("The ferry strike began on Wednesday, Oct. 9, union officials said.\n"
            "Correction, 13 October 2024: An earlier version of this article said the strike began on "
            "Thursday. It began on Wednesday.")
    art, temps, _ = _run(nlp, text, "2024-10-12")
    values = sorted((t.text, t.value) for t in temps)
    assert ("Thursday", "2024-10-10") not in values  # what the earlier version wrongly said
    assert "13 October 2024" not in {t for t, _ in values}  # the correction's own stamp is no event
    assert ("on Wednesday", "2024-10-09") in values
    assert all(t.event is None or "Correction" not in t.event for t in temps)


@pytest.mark.model
def test_writer_act_fixes_the_time_of_writing(nlp):
    text = ("On Saturday, 7 September 2024, the volunteers ran a soup kitchen beside the station. "
            "We spoke to their organiser on Tuesday, after her shift. She said the kitchen would reopen "
            "on Friday.")
    art, temps, _ = _run(nlp, text)
    assert art.reference_date == "2024-09-10" and art.reference_date_inferred is True
    assert text[art.reference_date_evidence.start:art.reference_date_evidence.end] == "on Tuesday"
    values = {t.text: t.value for t in temps}
    assert values["on Tuesday"] == "2024-09-10"  # the Tuesday after the Saturday, not the one before
    assert values["on Friday"] == "2024-09-13"


@pytest.mark.model
def test_writer_act_inside_a_quote_fixes_nothing(nlp):
    text = ("On Saturday, 7 September 2024, the volunteers ran a soup kitchen. "
            "“We spoke to the council on Tuesday,” the organiser said.")
    s = text.index("“")
    q = Quote(article="a0", start=s, end=text.index("”") + 1, text="", kind="direct")
    art, _temps, _ = _run(nlp, text, quotes=[q])
    assert art.reference_date is None


@pytest.mark.model
@pytest.mark.parametrize("text,span,value,event", [
    ("The bridge, opened in 1932, carries the coast road.", "1932", "1932", "bridge opened"),
    ("The second reactor was shut down in March 2011 after the flood.", "March 2011", "2011-03",
     "reactor shut down"),
    ("Finished in 1968 as part of a canal network, the lock is 200 metres long.", "1968", "1968", "Finished"),
    ("Under the licence, the next audit was due by 1 July 2021.", "1 July 2021", "2021-07-01", "next audit due by"),
])
def test_events_dated_by_their_clause(nlp, text, span, value, event):
    _art, temps, _ = _run(nlp, text, "2024-06-08")
    t = _by_text(temps)[span]
    assert (t.value, t.event) == (value, event)


@pytest.mark.model
@pytest.mark.parametrize("text,span", [
    ("Sales this year are the highest since 2019.", "2019"),          # a comparison's bound, not an event
    ("The terminal will be completed in 2030, the firm says.", "2030"),  # not yet happened
    ("The company has 900 staff in 2024.", "2024"),                     # a state, not a past event
])
def test_years_that_date_no_event(nlp, text, span):
    _art, temps, _ = _run(nlp, text, "2024-06-08")
    t = _by_text(temps).get(span)
    assert t is None or t.event is None


def _corpus(nlp, specs):
    arts, temps, claims = [], [], []
    for aid, text, pub in specs:
        art, t, c = _run(nlp, text, pub, aid=aid)
        arts.append(art)
        temps += t
        claims += c
    return arts, temps, claims, timeline.build_timeline(arts, claims, [], temps)


_DATED = ("The levee failed on 14 June 2023 and the river flooded the lower town, officials said "
          "in a statement on Thursday.")
_FILLER = "Engineers describe the structure. " * 14


def _undated_beside_dated(nlp, tail: str):
    """An undated article a1 ("14 June" with no year, then ``tail``) beside a
    dated one: a1's expression values by text, all claims, the timeline."""
    undated = "The levee gave way on 14 June after days of rain. " + _FILLER + tail
    _arts, temps, claims, entries = _corpus(nlp, [("a0", _DATED, "2023-06-16"), ("a1", undated, None)])
    return {t.text: t.value for t in temps if t.article == "a1"}, claims, entries


@pytest.mark.model
def test_undated_article_takes_the_year_of_its_period(nlp):
    # a1 has no date of its own: "14 June" is in the story's year, not that of
    # the distant November 2022 date the text also names
    a1, claims, entries = _undated_beside_dated(
        nlp, "The levee was last repaired on 2 November 2022 after a smaller flood.")
    assert a1["14 June"] == "2023-06-14" and a1["2 November 2022"] == "2022-11-02"
    day = [e for e in entries if e.date == "2023-06-14"]
    assert day and "a1" in {a for e in day for a in e.articles}
    held = [c for c in claims if c.article == "a1" and c.time is not None and c.time.text == "14 June"]
    assert held and held[0].time.start == "2023-06-14"


@pytest.mark.model
def test_undated_background_article_stays_in_its_own_years(nlp):
    a1, _claims, _entries = _undated_beside_dated(nlp, "It had been repaired on 2 April 2019, a month before.")
    assert a1["14 June"] == "2019-06-14"


@pytest.mark.model
def test_raised_subject_names_the_event(nlp):
    # "held" completes "due", which completes "are": the talks are its subject
    _art, temps, _ = _run(nlp, "Talks between the two unions are due to be held next Monday.", "2026-03-12")
    t = _by_text(temps)["next Monday"]
    assert (t.value, t.event, t.event_kind) == ("2026-03-16", "talks", "meeting")


@pytest.mark.model
def test_writer_act_after_the_dates_it_follows(nlp):
    text = ("We spoke to the skipper on Friday, three days after the rescue. "
            "On Tuesday, 10 March 2026, he sailed from the harbour with his crew.")
    art, temps, _ = _run(nlp, text)
    assert art.reference_date == "2026-03-13"
    assert {t.text: t.event for t in temps}["on Friday"] == "We spoke"


def test_stamp_line_gate_finds_label_lines_only():
    from rashomon.dating import _STAMP_LINE

    assert _STAMP_LINE.search("Harbour news\n- Last updated: 4 March 2024 09:10\nBody text.")
    assert _STAMP_LINE.search("Intro\nPublished March 4, 2024")
    assert not _STAMP_LINE.search("The figures were published on March 4, 2024, by the port.")


@pytest.mark.parametrize("text", [
    "Published: 4 March 2024\nBody.", "Body.\n  - Last updated 4 March", "Body.\nDATE  Modified 9:10",
    "Body.\nposted", "Body. Published 4 March", "Body.\nThe page was updated", "Body.\n\u2022 Poſted today", "",
])
def test_stamp_line_test_agrees_with_the_multiline_regex(text):
    from rashomon.dating import _STAMP_LINE, _has_stamp_line

    assert _has_stamp_line(text) == (_STAMP_LINE.search(text) is not None)


@pytest.mark.parametrize("text,found", [
    ("Later that day we  spoke with the crew.", True),
    ("The mayor told us the bridge would reopen.", True),
    ("She talked\twith us for an hour.", True),
    ("WE MET the pilots at the quay.", True),
    ("I caught   up with the skipper.", True),
    ("Everyone we interviewed agreed.", True),
    ("The workers were not told usually.", False),
    ("Mi reached the port; swe spoke.", False),
    ("The lawyer ſpoke to uſ at noon.", True),  # long s: the case-insensitive regex decides
    ("Ihe told us nothing.", True),
])
def test_writer_act_split_search_agrees_with_the_regex(text, found):
    from rashomon.dating import _WRITER_ACT, _writer_act

    assert _writer_act(text) is found
    assert (_WRITER_ACT.search(text) is not None) is found
