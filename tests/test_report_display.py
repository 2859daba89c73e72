"""How findings read in the report: stances beside every claim, short "Why"
summaries, counts in the right number, quantities and names as English, and
questions named by words rather than word stems."""
from __future__ import annotations

import re

import pytest

from rashomon.report.context import build_context
from rashomon.report.labels import balanced, display_name, figure, stance_note
from rashomon.report.render import render_html, render_markdown
from rashomon.types import Article, Claim, Entity, Generator, Mention, Proposition, Quantity, Relation, Report

T0 = "The constabulary denied that officers had fired pepper balls. The council 's clerk said 12 were hurt."
T1 = "Officers had fired pepper balls, MARTA OLIVEN said. Marta Oliven counted several hundred marchers."


def _claim(cid: str, art: str, text: str, at: str, speaker: str | None, **kw) -> Claim:
    start = at.index(text)
    return Claim(id=cid, article=art, start=start, end=start + len(text), text=text, speaker=speaker, **kw)


def make_report(reasons: int = 1) -> Report:
    arts = [Article(id="a0", name="0.txt", path="0.txt", text=T0, outlet="Ledger"),
            Article(id="a1", name="1.txt", path="1.txt", text=T1, outlet="Courier")]
    m = T1.index("MARTA OLIVEN")
    ents = [Entity(id="e0", name="Constabulary", role="police force (of Lindmark", type="ORG"),
            Entity(id="e1", name="MARTA OLIVEN", type="PERSON",
                   mentions=[Mention(article="a1", start=m, end=m + 12, text="MARTA OLIVEN"),
                             Mention(article="a1", start=T1.index("Marta"), end=T1.index("Marta") + 12,
                                     text="Marta Oliven")])]
    claims = [
        _claim("c0", "a0", "officers had fired pepper balls", T0, "e0", stance="denies", stance_cue="denied",
               polarity="negated", modality="denied"),
        _claim("c1", "a1", "Officers had fired pepper balls", T1, "e1"),
        _claim("c2", "a0", "officers had fired pepper balls", T0, "e0", stance="denies", stance_cue="denied",
               polarity="negated", modality="denied"),
        _claim("c3", "a1", "Marta Oliven counted several hundred marchers", T1, "e1",
               quantities=[Quantity(value=300, high=900, approx="several", unit="marchers", of="marchers",
                                    text="several hundred marchers")]),
    ]
    rel = [Relation(kind="contradicts", a="c0", b="c1", proposition="p0",
                    reason=f"the council 's clerk: reason {i}") for i in range(reasons)]
    rel += [Relation(kind="agrees", a="c0", b="c2", proposition="p0", reason="both deny pepper balls"),
            Relation(kind="repeats", a="c0", b="c2", proposition="p1", independent=False, reason="same words")]
    return Report(generator=Generator(version="t"), articles=arts, entities=ents, claims=claims, relations=rel,
                  propositions=[Proposition(id="p0", label="whether pepper balls were fired", claims=["c0", "c1", "c2"],
                                            frame="existence"),
                                Proposition(id="p1", label="fired officer pepper ball", claims=["c2", "c0"],
                                            frame="lexical")])


@pytest.fixture(scope="module")
def one():
    r = make_report()
    return r, render_markdown(r), render_html(r)


def test_a_denial_shows_its_stance_in_agreements_and_repeats(one):
    _, md, html = one
    agreements = md[md.index("### Agreements"):md.index("### Revised")]
    assert "**Constabulary** (Ledger; denies): “officers had fired pepper balls”" in agreements
    repeats = md[md.index("### Repeats"):]
    assert "- **Constabulary** (denies) on " in repeats
    contra = md[md.index("## Contradictions"):md.index("## Agreements")]
    assert "**Constabulary** (Ledger; denies)" in contra and "denies; negated" not in contra
    rows = re.findall(r'<tr><td>[^<]*</td><td><b>Constabulary</b>(.*?)</td>', html)
    assert rows and all('<span class="badge st-denies pol-negated">denies</span>' in r for r in rows)
    # a repeat is marked as such, not styled as a denial of its own
    assert '<span class="badge relay">not independent</span>' in html
    assert '<span class="badge mod-denied">not independent</span>' not in html


@pytest.mark.parametrize("args, expected", [
    (("asserts", "affirmed", "asserted", None), None),
    (("denies", "negated", "denied", "denied"), "denies"),
    # refusing an offer is not denying a proposition: the cue word, not "denies"
    (("denies", "affirmed", "denied", "rejected"), "rejected"),
    (("denies", "negated", "denied", "turned down"), "turned down"),
    (("denies", "affirmed", "denied", "decline"), "declines"),
    (("denies", "affirmed", "denied", "false"), "denies: “false”"),
    (("denies", "affirmed", "denied", "is"), "denies"),
    # a warning about one's own conduct is no promise; a plain "said" adds nothing
    (("promises", "affirmed", "asserted", "warned"), "warned"),
    (("promises", "affirmed", "asserted", "said"), "promises"),
    (("promises", "affirmed", "asserted", "vowed"), "promises: “vowed”"),
    (("intends", "affirmed", "asserted", "want"), "intends: “want”"),
    (("asks", "affirmed", "asserted", "demanded"), "asks: “demanded”"),
    (("unknown", "affirmed", "asserted", "told"), "cannot confirm"),
    (("asserts", "negated", "asserted", None), "negated"),
    (("unknown", "affirmed", "hedged", "could not confirm"), "cannot confirm: “could not confirm”; hedged"),
    (("distances", "affirmed", "asserted", "alleged"), "reports as alleged: “alleged”"),
    (("promises", "affirmed", "asserted", "promised"), "promises"),
])
def test_stance_note_reads_as_english(args, expected):
    assert stance_note(*args) == expected


def test_why_is_a_short_summary_with_the_rest_in_the_pairs():
    r = make_report(reasons=12)
    md = render_markdown(r)
    why = next(line for line in md.splitlines() if line.startswith("Why:"))
    assert why.count("reason") == 3 and why.endswith("and 9 more — see the pairs")
    assert "reason 11" in md  # the pair list keeps them all
    d = build_context(r)["disputes"][0]
    assert [x["reason"] for x in d["why"]["shown"]] == [f"the council's clerk: reason {i}" for i in range(3)]
    assert d["why"]["more"] == 9


def test_counts_read_in_the_right_number(one):
    _, md, html = one
    assert "2 claims on 2 sides, 1 contradicting pair." in md
    assert "The pair (for checking)" in md and "All 1 pairs" not in md
    assert "1 contradicting pairs" not in html and "All 1 " not in html
    assert "2 claims on 2 sides · 1 contradicting pair" in html and "The pair (for checking)" in html


def test_vague_numbers_are_shown_as_written():
    assert figure(Quantity(value=300, high=900, approx="several", unit="marchers", of="marchers",
                           text="several  hundred marchers")) == "several hundred marchers"
    assert figure(Quantity(value=200, approx="over", unit="people", of="killed")) == "over 200 people killed"
    assert figure(Quantity(value=10, high=12, approx="range", of="killed")) == "10–12 killed"


def test_descriptions_and_names_display_cleanly(one):
    r, md, _ = one
    assert balanced("police force (of Lindmark") == "police force (of Lindmark)"
    assert balanced("a) b (c") == "a b (c)"
    assert display_name("MARTA OLIVEN", ["MARTA OLIVEN", "Marta Oliven"]) == "Marta Oliven"
    assert display_name("NOVA", ["NOVA"]) == "NOVA"
    assert display_name("UN", ["UN"]) == "UN"
    assert "MARTA" not in md and "### Marta Oliven" not in md  # no quotes: shown as a holder only
    assert "**Marta Oliven** (Courier)" in md
    assert "the council's clerk: reason 0" in md and "council 's" not in md
    ctx = build_context(r)
    assert {e["name"] for e in ctx["entities"]} == {"Constabulary", "Marta Oliven"}
    assert next(e for e in ctx["entities"] if e["id"] == "e0")["role"] == "police force (of Lindmark)"


def test_questions_grouped_by_words_alone_are_named_by_their_first_claim(one):
    r, md, _ = one
    ctx = build_context(r)
    assert [row["label"] for row in ctx["matrix"]["rows"]] == ["whether pepper balls were fired",
                                                              "“officers had fired pepper balls”"]
    assert "fired officer pepper ball" not in md
    assert ctx["matrix"]["rows"][0]["cells"] == ["denies", "asserts"]


def test_every_finding_links_to_its_passage_in_the_page():
    from _report_fixture import make_report as full_report

    r = full_report()
    html = render_html(r)
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets <= set(ids)
    # quotes and claims by their own ids (the web app's scheme), copied passages by article and characters
    u = r.reuse[0]
    pa, pb = f"a0-{u.a_start}-{u.a_end}", f"a1-{u.b_start}-{u.b_end}"  # "Tomas Varga" in a0, "Tamas Varga" in a1
    assert r.articles[0].text[u.a_start:u.a_end] == "Tomas Varga"
    assert {"q0", "q1", "q2", "c0", "c1", pa, pb} <= targets
    assert re.search(r'<mark class="q c-[0-9-]+" id="q0" title="direct quote: Tomas Varga">', html)
    assert '<span class="c" id="c1">' in html
    assert f'<span class="p" id="{pb}" title="copied passage, also in Daily Ledger">' in html
    reuse = html[html.index('<section id="reuse">'):html.index('<section id="framing">')]
    assert f'<a href="#{pa}">a0, characters {u.a_start}–{u.a_end}</a>' in reuse
    timeline = html[html.index('<section id="timeline">'):html.index('<section id="texts">')]
    assert '<a href="#c0">Daily Ledger</a>, <a href="#text-a1">two.html</a>' in timeline  # a claim, else the text
    # plain anchors and a :target rule: no new script, no inline style
    assert ".article :target {" in html and " style=" not in html and "onclick" not in html
    assert html.count("<script>") == 1
