"""Mentions: trimming, removed spans, handles, group actors, named events."""
from __future__ import annotations

import pytest

from rashomon.annotate import body_text
from rashomon.extract.mentions import extract_mentions, trim
from rashomon.types import Article, Removal


def _mentions(nlp, text, removed=()):
    a = Article(id="a0", name="a0.txt", path="a0.txt", text=text, removed=list(removed))
    ms = extract_mentions(a, nlp(body_text(a)))
    for m in ms:
        assert text[m.start:m.end] == m.text
    return {(m.text, m.label) for m in ms}


@pytest.mark.parametrize("raw,want", [
    ("the Trilateral Statement of", "Trilateral Statement"),
    ("Nikol]", "Nikol"),
    ("The Nagorno-Karabakh Ombudsman's", "Nagorno-Karabakh Ombudsman"),
    ("the @ICRC Baku Office", "@ICRC Baku Office"),
    ("Azerbaijan’s", "Azerbaijan"),
    ("“Armenians", "Armenians"),
    ("―\u00a0Mira Toller", "Mira Toller"),  # a quotation dash and a no-break space before a name
    ("— Oskar Varo", "Oskar Varo"),
])
def test_trim(raw, want):
    s, e = trim(raw, 0, len(raw))
    assert raw[s:e] == want


@pytest.mark.parametrize("text,mention,label", [
    ("Work is underway with Russian peacekeepers to collect the bodies.", "Russian peacekeepers", "GROUP"),
    ("It will be done with the Russian peacekeeping contingent.", "Russian peacekeeping contingent", "GROUP"),
    ("A lightning strike forced Armenian separatists to agree.", "Armenian separatists", "GROUP"),
    ("Azerbaijani forces reportedly targeted a convoy.", "Azerbaijani forces", "GROUP"),
    ("The Nagorno-Karabakh Ombudsman's office also reports casualties.",
     "Nagorno-Karabakh Ombudsman's office", "ORG"),
    ("Azerbaijan’s Foreign Ministry spokesman spoke.", "Azerbaijan’s Foreign Ministry", "ORG"),
    ("Observance of the law by the Armed Forces of Azerbaijan was noted.", "Armed Forces of Azerbaijan", "GROUP"),
    ("Since the end of the 44-Day War, things changed.", "44-Day War", "EVENT"),
    ("During the 44-day conflict, cities were taken.", "44-day conflict", "EVENT"),
    ("Veterans of the Second World War marched.", "Second World War", "EVENT"),
])
def test_groups_and_events(nlp, text, mention, label):
    assert (mention, label) in _mentions(nlp, text)


def test_group_replaces_inner_demonym(nlp):
    got = _mentions(nlp, "Work is underway with Russian peacekeepers now.")
    assert ("Russian", "NORP") not in got


def test_handles(nlp):
    got = _mentions(nlp, "I had a meeting with the @ICRC Baku Office.\n— Hikmet Hajiyev (@HikmetHajiyev) September 22, 2023")
    assert ("@HikmetHajiyev", "PERSON") in got
    assert ("@ICRC Baku Office", "ORG") in got
    assert ("@ICRC", "ORG") not in got
    got = _mentions(nlp, "Follow @UNHCR for updates on the crisis.")
    assert ("@UNHCR", "ORG") in got


def test_removed_spans_excluded(nlp):
    text = "Subscribe to Radio Liberty today.\nRadio Liberty wrote that Azerbaijan attacked."
    cut = text.index("\n")
    got = _mentions(nlp, text, [Removal(start=0, end=cut, reason="subscribe", text=text[:cut])])
    a = Article(id="a0", name="a", path="a", text=text,
                removed=[Removal(start=0, end=cut, reason="subscribe", text=text[:cut])])
    ms = extract_mentions(a, nlp(body_text(a)))
    assert all(m.start >= cut for m in ms)
    assert ("Azerbaijan", "GPE") in got


def test_no_overlaps_and_no_lowercase_junk(nlp):
    text = "I don’t know who is right and who isn’t. Hikmet Hajiyev said Baku is ready."
    a = Article(id="a0", name="a", path="a", text=text)
    ms = extract_mentions(a, nlp(body_text(a)))
    assert all(m.text[0].isupper() or m.text[0] in "@0123456789" for m in ms)
    spans = sorted((m.start, m.end) for m in ms)
    assert all(e0 <= s1 for (_, e0), (s1, _) in zip(spans, spans[1:]))


@pytest.mark.corpus
def test_corpus_mentions(corpus_report):
    texts = {(m.text, m.label) for e in corpus_report.entities for m in e.mentions}
    for want in [("Russian Peacekeepers", "GROUP"), ("Russian peacekeeping contingent", "GROUP"),
                 ("44-day conflict", "EVENT"), ("@HikmetHajiyev", "PERSON"), ("Stepanakert", "GPE"),
                 ("Hikmet Hajiyev", "PERSON")]:
        assert want in texts, want
    assert any(m.text == "Hajizadeh" for e in corpus_report.entities for m in e.mentions)
    assert not any(m.text == "Azerbaijan" and m.label == "PERSON" for e in corpus_report.entities for m in e.mentions)
