"""A hand-built report whose every text field is hostile to an export.

Each string starts with a spreadsheet formula prefix (``=``, ``+``, ``-``,
``@``, tab, carriage return) or holds ``<script>``, quotation marks, line
breaks, a control character or characters outside the Basic Multilingual
Plane, so every table and format meets each of them. All names are invented.
"""
from __future__ import annotations

import pytest

from rashomon.types import (
    Article, Claim, Entity, Generator, Mention, Proposition, Quantity, Quote, Relation, Report, Reuse,
    TimelineEntry, TimeRange,
)

T0 = ('=cmd|\' /C calc\'!A0 headline\n'
      'Mayor =Ana Kovic said "@once: the ferry sank \U0001F6A2 with 30 aboard" at the pier.\n'
      '<script>alert("x")</script> -7 people were rescued, officials said.\n'
      'Mayor =Ana Kovic said "@once: the ferry sank \U0001F6A2 with 30 aboard" at the pier.\n')
T1 = ('+Harbour notice\r\n'
      'Captain \U0001D4D2ole Reed said "no one\nwas aboard the ferry" when it sank.\n'
      '\tA bell rang\x07 twice.\n')


def _span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def hostile_report() -> Report:
    """A two-article report with a contradiction, an agreement, text reuse and a timeline."""
    a0 = Article(id="a0", name="=one.txt", path="in/=one.txt", title="=HYPERLINK(\"http://x.example\",\"x\")",
                 outlet="@Pier Post", published="2024-06-01", language="en", url="https://pier.example/a?b=<i>",
                 text=T0)
    a1 = Article(id="a1", name="+two.txt", path="in/+two.txt", title="\r=1+1", outlet="-Bay <b>Times</b>",
                 published="2024-06-02", language="en", text=T1)
    k0 = _span(T0, "=Ana Kovic")
    k1 = _span(T0, "=Ana Kovic", 1)
    r0 = _span(T1, "\U0001D4D2ole Reed")
    q0 = _span(T0, "@once: the ferry sank \U0001F6A2 with 30 aboard")
    q0b = _span(T0, "@once: the ferry sank \U0001F6A2 with 30 aboard", 1)
    q1 = _span(T1, "no one\nwas aboard the ferry")
    bell = _span(T1, "\tA bell rang\x07 twice.")
    ents = [
        Entity(id="e0", name="=Ana Kovic", type="PERSON", aliases=["=Ana Kovic", "@ana_kovic", "-Kovic"],
               mentions=[Mention(article="a0", start=k0[0], end=k0[1], text="=Ana Kovic"),
                         Mention(article="a0", start=k1[0], end=k1[1], text="=Ana Kovic")],
               role="+mayor", affiliation="@city <script>"),
        Entity(id="e1", name="\U0001D4D2ole Reed", type="PERSON", aliases=["\U0001D4D2ole Reed"],
               mentions=[Mention(article="a1", start=r0[0], end=r0[1], text="\U0001D4D2ole Reed")]),
        Entity(id="e2", name="\t=Harbour Board", type="UNNAMED", aliases=["\t=Harbour Board"]),
    ]
    quotes = [
        Quote(id="q0", article="a0", start=q0[0], end=q0[1], text=T0[q0[0]:q0[1]], kind="direct", speaker="e0",
              speaker_text="=Ana Kovic", cue="-said", date="2024-05-31", relayed_by="e2"),
        Quote(id="q1", article="a1", start=q1[0], end=q1[1], text=T1[q1[0]:q1[1]], kind="direct", speaker="e1",
              speaker_text="+Captain", cue="said"),
        Quote(id="q2", article="a0", start=q0b[0], end=q0b[1], text=T0[q0b[0]:q0b[1]], kind="direct",
              speaker=None, speaker_text="\rsomeone"),
    ]
    claims = [
        Claim(id="c0", article="a0", start=q0[0], end=q0[1], text=T0[q0[0]:q0[1]], speaker="e0", quote="q0",
              quantities=[Quantity(value=30, unit="people", of="aboard")], hedges=["-maybe"],
              time=TimeRange(start="2024-05-31", end="2024-05-31", precision="day")),
        Claim(id="c1", article="a1", start=q1[0], end=q1[1], text=T1[q1[0]:q1[1]], speaker="e1",
              polarity="negated", modality="denied", places=["e2"]),
        Claim(id="c2", article="a1", start=bell[0], end=bell[1], text=T1[bell[0]:bell[1]], speaker=None),
        Claim(id="c3", article="a0", start=q0b[0], end=q0b[1], text=T0[q0b[0]:q0b[1]], speaker="e0"),
    ]
    return Report(
        generator=Generator(version="0.0.test"), articles=[a0, a1], entities=ents, quotes=quotes, claims=claims,
        propositions=[Proposition(id="p0", label="=people aboard", claims=["c0", "c1", "c3"])],
        relations=[Relation(kind="contradicts", a="c0", b="c1", reason="@30 aboard vs no one aboard", proposition="p0"),
                   Relation(kind="agrees", a="c0", b="c2", independent=False, reason="+same speaker"),
                   Relation(kind="repeats", a="c0", b="c3", independent=False, reason="-same words")],
        reuse=[Reuse(a="a0", a_start=q0[0], a_end=q0[1], b="a0", b_start=q0b[0], b_end=q0b[1],
                     text=T0[q0[0]:q0[1]])],
        timeline=[TimelineEntry(date="2024-05-31", precision="day", label="=ferry sank\n<script>",
                                articles=["a0", "a1"], claims=["c0"], quotes=["q0"], conflict="@dates differ")],
    )


@pytest.fixture(params=["seed", "hostile_corpus", "hostile_built"])
def export_report(request) -> Report:
    """Each report an export must survive: the seed corpus's, the hostile
    corpus's (through the whole pipeline) and :func:`hostile_report`."""
    if request.param == "seed":
        return request.getfixturevalue("seed_report")
    if request.param == "hostile_corpus":
        return request.getfixturevalue("hostile_corpus_report")
    return hostile_report()
