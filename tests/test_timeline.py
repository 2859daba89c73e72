"""Reference dates, quote/claim dating and the cross-source timeline."""
from __future__ import annotations

import pytest

from datetime import date, timedelta

from rashomon import timeline
from rashomon.annotate import body_text
from rashomon.types import Article, Claim, Evidence, Quote, Removal


def _article(aid: str, text: str, published: str | None = None, removed: list[Removal] | None = None) -> Article:
    a = Article(id=aid, name=f"{aid}.txt", path=f"/tmp/{aid}.txt", text=text, published=published)
    if published:
        a.metadata_evidence["published"] = Evidence(source="html-meta", text=published)
    a.removed = removed or []
    return a


def _run(nlp, art, quotes=(), claims=()):
    doc = nlp(body_text(art))
    return timeline.resolve_article(art, doc, list(quotes), list(claims))


def _values(temps):
    return {t.text: t.value for t in temps}


@pytest.mark.model
def test_published_date_is_the_reference(nlp):
    art = _article("a0", "The minister resigned on Friday. Talks began yesterday.", published="2023-09-22")
    temps = _run(nlp, art)
    assert art.reference_date == "2023-09-22" and art.reference_date_inferred is False
    assert art.reference_date_evidence.source == "html-meta"
    assert _values(temps) == {"on Friday": "2023-09-22", "yesterday": "2023-09-21"}


@pytest.mark.model
def test_weekday_across_year_boundary(nlp):
    art = _article("a0", "The ceasefire collapsed on Friday, officials said.", published="2024-01-01")
    assert _values(_run(nlp, art)) == {"on Friday": "2023-12-29"}


@pytest.mark.model
def test_reference_from_embedded_post(nlp):
    text = ("Officials promised safe passage.\n"
            "“Civilians may leave freely,” the adviser wrote on the X platform on Friday.\n"
            "Safe passage is guaranteed for everyone.\n"
            "— Jane Doe (@JaneDoe) March 8, 2024\n"
            "Aid lorries arrived yesterday.\n")
    art = _article("a0", text)
    temps = _run(nlp, art)
    assert art.reference_date == "2024-03-08" and art.reference_date_inferred is True
    ev = art.reference_date_evidence
    assert ev.source == "text" and text[ev.start:ev.end] == "March 8, 2024"
    values = _values(temps)
    assert values["on Friday"] == "2024-03-08"  # 8 March 2024 was a Friday
    assert values["yesterday"] == "2024-03-07"
    post = [t for t in temps if t.event_kind == "post"]
    assert post and post[0].event == "post on X by Jane Doe"


@pytest.mark.model
def test_post_date_survives_removal_of_the_post(nlp):
    text = "Intro line.\nSafe passage is guaranteed.\n— Jane Doe (@JaneDoe) March 8, 2024\nHe wrote on Friday.\n"
    s = text.index("Safe")
    e = text.index("\nHe wrote")
    art = _article("a0", text, removed=[Removal(start=s, end=e, reason="post", text=text[s:e])])
    q = Quote(article="a0", start=s, end=e, text=text[s:e], kind="post", speaker_text="Jane Doe")
    temps = _run(nlp, art, quotes=[q])
    assert art.reference_date == "2024-03-08"
    assert q.date == "2024-03-08"
    assert _values(temps)["on Friday"] == "2024-03-08"


@pytest.mark.model
def test_no_full_date_means_no_reference_and_no_relative_dates(nlp):
    art = _article("a0", "The mayor resigned yesterday. Protests began on Monday.")
    temps = _run(nlp, art)
    assert art.reference_date is None and art.reference_date_evidence is None
    assert temps == []


@pytest.mark.model
def test_dateline_and_future_dates(nlp):
    text = ("BAKU, September 20, 2023 (Wire) - A briefing for diplomats was held at the ministry on Wednesday.\n"
            "A meeting will be held on September 21, 2023 in the city of Yevlakh.\n"
            "Over the last two days, the army carried out strikes.\n")
    art = _article("a0", text)
    temps = _run(nlp, art)
    # the dateline fixes the time of writing; the future meeting date does not
    assert art.reference_date == "2023-09-20" and art.reference_date_inferred
    assert text[art.reference_date_evidence.start:art.reference_date_evidence.end] == "BAKU, September 20, 2023"
    by_text = {t.text: t for t in temps}
    assert by_text["Over the last two days"].value == "2023-09-19"
    assert by_text["Over the last two days"].end_value == "2023-09-20"
    assert by_text["September 21, 2023"].event == "meeting in Yevlakh"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # an event date the story mentions is not the time of writing
    "On 20 September 2023, a briefing was held at the ministry.\nOver the last two days, the army carried out strikes.\n",
    "The plant exploded on 14 May 2024. A rights group said today that the toll had risen.\n",
    # a post whose date is not a weekday the text names
    "The adviser posted a statement on Friday.\nTalks are useful.\n— Jane Doe (@JaneDoe) March 7, 2024\nAid arrived yesterday.\n",
])
def test_relative_dates_stay_unresolved_without_a_time_of_writing(nlp, text):
    art = _article("a0", text)
    temps = _run(nlp, art)
    assert art.reference_date is None and art.reference_date_evidence is None
    assert not [t for t in temps if t.relative]


@pytest.mark.model
@pytest.mark.parametrize("stamp,ref", [
    ("Published: 3 March 2021", "2021-03-03"),
    ("- Posted on March 3, 2021", "2021-03-03"),
    ("Last updated 14:05, 4 March 2021", "2021-03-04"),
])
def test_stamp_lines_fix_the_time_of_writing(nlp, stamp, ref):
    text = f"Talks resume\n{stamp}\nThe envoy arrived yesterday, officials said, and talks begin on Friday.\n"
    art = _article("a0", text)
    temps = _run(nlp, art)
    assert art.reference_date.startswith(ref) and art.reference_date_inferred
    assert _values(temps)["yesterday"] == (date.fromisoformat(ref) - timedelta(days=1)).isoformat()


@pytest.mark.model
def test_missing_year_from_nearest_full_date(nlp):
    text = ("Published: 24 November 2020\n"
            "When new clashes erupted Sept. 27, the army launched attacks.\n"
            "On Nov. 10, the two countries signed an agreement.\n")
    art = _article("a0", text)
    temps = _run(nlp, art)
    assert art.reference_date == "2020-11-24"
    v = _values(temps)
    assert v["Sept. 27"] == "2020-09-27" and v["Nov. 10"] == "2020-11-10"
    assert "24 November 2020" not in v  # the dateline label is not an expression of the body
    labels = {t.text: t.event for t in temps}
    assert labels["Nov. 10"] == "agreement signed"
    assert labels["Sept. 27"] == "new clashes erupted"


@pytest.mark.model
def test_minute_precision_and_ceasefire_label(nlp):
    text = ("On 20 September 2023 officials spoke.\n"
            "An agreement was reached on complete ceasefire and the local measures were halted "
            "on September 20, 2023 at 1:00 p.m.\n")
    art = _article("a0", text)
    temps = _run(nlp, art)
    t = next(t for t in temps if t.precision == "minute")
    assert t.value == "2023-09-20T13:00"
    assert t.event == "complete ceasefire; local measures halted"


@pytest.mark.model
def test_quote_date_from_cue_and_claim_time(nlp):
    text = "“We will rebuild the bridge,” the governor wrote on Monday. The bridge collapsed on 4 March 2024.\n"
    art = _article("a0", text, published="2024-03-06")
    cue = text.index("wrote")
    q = Quote(id="q0", article="a0", start=1, end=text.index("”"), text=text[1:text.index("”")], kind="direct",
              cue="wrote", cue_start=cue, cue_end=cue + 5)
    cs = text.index("The bridge")
    c = Claim(id="c0", article="a0", start=cs, end=len(text) - 1, text=text[cs:-1])
    _run(nlp, art, quotes=[q], claims=[c])
    assert q.date == "2024-03-04" and q.date_text == "on Monday"
    assert c.time is not None and c.time.start == "2024-03-04" and c.time.precision == "day"
    assert c.time_text == "4 March 2024"


def _corpus(nlp, specs):
    arts, temps = [], []
    for aid, text, pub in specs:
        a = _article(aid, text, published=pub)
        temps += _run(nlp, a)
        arts.append(a)
    return arts, timeline.build_timeline(arts, [], [], temps)


@pytest.mark.model
def test_same_event_merges_across_sources(nlp):
    arts, entries = _corpus(nlp, [
        ("a0", "A meeting will be held on September 21, 2023 in the city of Yevlakh to discuss reintegration.", "2023-09-20"),
        ("a1", "It could be on the agenda of the 21st September meeting in the town of Yevlakh.", "2023-09-20"),
    ])
    meeting = [e for e in entries if e.date == "2023-09-21"]
    assert len(meeting) == 1
    assert meeting[0].articles == ["a0", "a1"] and meeting[0].label == "meeting in Yevlakh"
    assert meeting[0].conflict is None


@pytest.mark.model
def test_conflicting_dates_stay_side_by_side(nlp):
    arts, entries = _corpus(nlp, [
        ("a0", "The peace agreement was signed in Geneva on 3 May 2022 by both governments.", "2022-05-10"),
        ("a1", "Both governments signed the peace agreement in Geneva on 5 May 2022.", "2022-05-10"),
        ("a2", "Flooding hit the north on 2 May 2022.", "2022-05-10"),
    ])
    signed = [e for e in entries if "agreement" in e.label]
    assert sorted(e.date for e in signed) == ["2022-05-03", "2022-05-05"]
    a, b = sorted(signed, key=lambda e: e.date)
    assert a.conflict and a.conflict.startswith("2022-05-05") and b.conflict.startswith("2022-05-03")


@pytest.mark.model
def test_distant_article_keeps_its_own_period(nlp):
    arts, entries = _corpus(nlp, [
        ("a0", "Clashes erupted on Tuesday near the border. Officials said talks began yesterday.", "2023-09-20"),
        ("a1", "Clashes erupted on Tuesday near the border. On Nov. 10, a truce was signed.", "2020-11-24"),
    ])
    a0, a1 = arts
    assert a0.period == "2023-09" and a1.period == "2020-11"
    assert a1.period_flag and "more than a year" in a1.period_flag
    only_a1 = [e for e in entries if e.articles == ["a1"]]
    assert only_a1 and all(e.date.startswith("2020") for e in only_a1)
    assert {e.date for e in only_a1} >= {"2020-11-24", "2020-11-10"}
    assert any(e.date == "2023-09-19" and e.articles == ["a0"] for e in entries)


# ---------------------------------------------------------------- real corpus


@pytest.mark.corpus
def test_corpus_reference_dates(corpus_report):
    arts = {a.id: a for a in corpus_report.articles}
    assert arts["a0"].reference_date == "2023-09-22" and arts["a0"].reference_date_inferred
    # a3's briefing date and a2's quoted dates are events, not the time of writing
    assert arts["a3"].reference_date is None and arts["a2"].reference_date is None
    assert arts["a4"].reference_date.startswith("2020-11-24")
    assert arts["a4"].period == "2020-11" and arts["a4"].period_flag
    assert arts["a0"].period == arts["a2"].period == arts["a3"].period == "2023-09"
    assert arts["a1"].reference_date is None  # the text fixes no date


@pytest.mark.corpus
def test_corpus_timeline(corpus_report):
    rows = corpus_report.timeline

    def has(day, want):
        return any(e.date.startswith(day) and set(want) & set(e.articles) for e in rows)

    assert has("2020-11-10", {"a2", "a3", "a4"})
    assert has("2023-09-19", {"a2", "a3"})
    assert has("2023-09-20", {"a3"})
    assert has("2023-09-22", {"a0"})
    meeting = [e for e in rows if e.date == "2023-09-21" and {"a2", "a3"} <= set(e.articles)]
    assert meeting and "Yevlakh" in meeting[0].label
    post = [e for e in rows if e.date == "2023-09-22" and "a0" in e.articles]
    assert any(e.label.startswith("post") for e in post)
    assert not [e for e in rows if e.date.startswith("2023") and e.articles == ["a4"]]
    temps = {(t.article, t.text): t for t in corpus_report.temporal_expressions}
    assert temps[("a0", "on Friday")].value == "2023-09-22"
    assert temps[("a4", "Nov. 10")].value == "2020-11-10"
    assert ("a2", "Over the last two days") not in temps  # a2 fixes no time of writing: left unresolved


def test_trigger_index_is_the_family_lookup(nlp, corpus_dir):
    # triggers found from the Doc's LOWER hashes are exactly the tokens _family names
    from rashomon.event_labels import family as _family
    from rashomon.event_labels import trigger_indices as _trigger_indices

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))]
    texts.append("Shelled at DAWN, the Ceasefire was SIGNED; talks began. İstanbul meeting, STRUCK.")
    for text in texts:
        doc = nlp(text)
        expected = [t.i for t in doc if _family(t)]
        assert _trigger_indices(doc) == expected
        assert expected or text != texts[-1]
