"""A small hand-built Report exercising every section of the renderers."""
from __future__ import annotations

from rashomon.types import (
    Article, Claim, Entity, FramingTerm, Generator, LanguageSpan, Mention, Proposition, Quantity,
    Quote, Relation, Removal, Report, Reuse, Skipped, TimelineEntry,
)

EVIL = "<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:void(0) </style>"


def make_report() -> Report:
    t0 = ("MENU Home News\n"
          "Governor Tomas Varga said \"at least 12 people were killed\" in Kestrel Bay.\n"
          "Ceci est un paragraphe en français.\n"
          + EVIL + "\n")
    t1 = ("Plant spokeswoman Helena Strand said there were no casualties in Kes Bahar.\n"
          "Governor Tamas Varga visited the site on March 14, 2024.\n")
    a0 = Article(id="a0", name="one.txt", path="in/one.txt", title="Blast <b>kills</b> 12", outlet="Daily Ledger",
                 published="2024-03-15", language="en", url="https://example.org/one", text=t0,
                 removed=[Removal(start=0, end=14, reason="navigation", text=t0[:14], detail="menu words")],
                 languages=[LanguageSpan(start=t0.index("Ceci"), end=t0.index("français.") + 9, language="fr",
                                         text="Ceci est un paragraphe en français.")],
                 words_kept=30, words_removed=3, period_flag="date is a year after the events")
    a1 = Article(id="a1", name="two.html", path="in/two.html", text=t1, language="en", outlet=None)
    s = t0.index("Tomas Varga")
    qs = t0.index('"at least')
    qe = t0.index('killed"') + 7
    s1 = t1.index("Helena Strand")
    s2 = t1.index("Tamas Varga")
    ents = [
        Entity(id="e0", name="Tomas Varga", type="PERSON", aliases=["Tomas Varga", "Tamas Varga"],
               mentions=[Mention(article="a0", start=s, end=s + 11, text="Tomas Varga"),
                         Mention(article="a1", start=s2, end=s2 + 11, text="Tamas Varga")],
               forms={"Tomas Varga": ["a0"], "Tamas Varga": ["a1"]}, role="governor"),
        Entity(id="e1", name="Helena Strand", type="PERSON",
               mentions=[Mention(article="a1", start=s1, end=s1 + 13, text="Helena Strand")],
               role="spokeswoman", affiliation="the plant"),
        Entity(id="e2", name="Kestrel Bay", type="GPE",
               mentions=[Mention(article="a0", start=t0.index("Kestrel"), end=t0.index("Kestrel") + 11,
                                 text="Kestrel Bay")]),
    ]
    ce = t1.index("Bahar.") + 6
    quotes = [
        Quote(id="q0", article="a0", start=qs, end=qe, text=t0[qs:qe], kind="direct", speaker="e0",
              speaker_text="Tomas Varga", cue="said"),
        Quote(id="q1", article="a1", start=s1 + 19, end=ce, text=t1[s1 + 19:ce], kind="indirect", speaker="e1",
              speaker_text="Helena Strand", cue="said", relayed_by_text="Reuters"),
        Quote(id="q2", article="a0", start=t0.index("<script>"), end=t0.index("</script>") + 9,
              text="<script>alert(1)</script>", kind="post", speaker=None, speaker_text="<b>someone</b>"),
    ]
    claims = [
        Claim(id="c0", article="a0", start=qs, end=qe, text=t0[qs:qe], speaker="e0",
              quantities=[Quantity(value=12, approx="at least", unit="people", of="killed")]),
        Claim(id="c1", article="a1", start=s1 + 19, end=ce, text=t1[s1 + 19:ce], speaker="e1",
              polarity="negated", modality="denied"),
    ]
    return Report(
        generator=Generator(version="0.0.test"),
        articles=[a0, a1], entities=ents, quotes=quotes, claims=claims,
        propositions=[Proposition(id="p0", label="casualties <b>", claims=["c0", "c1"])],
        relations=[Relation(kind="contradicts", a="c0", b="c1", reason="12 killed vs no casualties"),
                   Relation(kind="agrees", a="c0", b="c0", independent=False, reason="same words")],
        reuse=[Reuse(a="a0", a_start=s, a_end=s + 11, b="a1", b_start=s2, b_end=s2 + 11)],
        framing=[FramingTerm(article="a0", voice="narrator", term="blast", count=2),
                 FramingTerm(article="a0", voice="e0", term="massacre </style>")],
        timeline=[TimelineEntry(date="2024-03-14", precision="day", label="blast at the plant",
                                articles=["a0", "a1"], claims=["c0"]),
                  TimelineEntry(date="2024-03", precision="month", label="inquiry opened", articles=["a1"]),
                  TimelineEntry(date="2024", precision="year", label="plant <i>built</i>", articles=[])],
        skipped=[Skipped(path="in/photo.txt", reason="binary input <x>")],
    )
