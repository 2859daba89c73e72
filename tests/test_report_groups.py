"""Report grouping for display: contradictions as sides per proposition, agreements and repeats grouped."""
from __future__ import annotations

import pytest

from rashomon.report.context import build_context
from rashomon.report.disputes import tag_ranges
from rashomon.report.labels import NARRATOR
from rashomon.report.render import render_html, render_markdown
from rashomon.types import Article, Claim, Entity, Generator, Proposition, Quantity, Relation, Report

EVIL = "<script>alert(1)</script>"


def _claim(cid: str, art: str, text: str, speaker: str | None, **kw) -> Claim:
    return Claim(id=cid, article=art, start=0, end=len(text), text=text, speaker=speaker, **kw)


def make_dispute_report() -> Report:
    """Four "no harm" claims (officials in two outlets, one narrator) against a
    toll claim and a "very few" claim; one narrator claim contradicts only the
    "very few" one. Two outlets relay the same official words (repeats)."""
    arts = [Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text="x", outlet=o, published=d)
            for i, (o, d) in enumerate([("Gazette", "2024-05-02"), ("Wire", "2024-05-01"), ("Herald", None)])]
    ents = [Entity(id="e1", name="Minister Vale"), Entity(id="e2", name="Ombudsman " + EVIL),
            Entity(id="e3", name="General Oak")]
    claims = [
        _claim("n1", "a0", "Nobody was harmed.", "e1", polarity="negated"),
        _claim("n2", "a1", "Nobody was harmed", "e1", polarity="negated"),
        _claim("n3", "a2", "No civilian was hurt.", "e3", polarity="negated"),
        _claim("n4", "a2", "Civilians were not harmed " + EVIL, None, polarity="negated"),
        _claim("t1", "a1", "Over 200 people were killed.", "e2",
               quantities=[Quantity(value=200, approx="over", unit="people", of="killed")]),
        _claim("t2", "a0", "Very few civilians were hurt.", "e3"),
        _claim("x1", "a0", "The bridge was closed.", "e1"),
        _claim("x2", "a1", "The bridge was closed", "e1"),
        _claim("x3", "a2", "The bridge was closed.", None),
    ]
    rel = []
    for n in ("n1", "n2", "n3"):
        rel.append(Relation(kind="contradicts", a=n, b="t1", reason="none harmed vs over 200 killed", proposition="p0"))
    for n in ("n1", "n2", "n3", "n4"):
        rel.append(Relation(kind="contradicts", a="t2", b=n, reason="very few vs none " + EVIL, proposition="p0",
                            independent=n != "n3"))
    rel += [
        Relation(kind="agrees", a="n1", b="n3", reason="both deny harm", proposition="p0"),
        Relation(kind="agrees", a="n3", b="n4", reason="both deny harm", proposition="p0"),
        Relation(kind="repeats", a="n1", b="n2", independent=False, reason="same words, one speaker",
                 proposition="p0"),
        Relation(kind="repeats", a="x1", b="x2", independent=False, reason="same words, one speaker"),
        Relation(kind="repeats", a="x2", b="x3", independent=False, reason="same words"),
    ]
    return Report(generator=Generator(version="t"), articles=arts, entities=ents, claims=claims,
                  propositions=[Proposition(id="p0", label="harm to civilians",
                                            claims=["n1", "n2", "n3", "n4", "t1", "t2"]),
                                Proposition(id="p1", label="the bridge", claims=["x1", "x2", "x3"])],
                  relations=rel)


@pytest.fixture(scope="module")
def ctx():
    return build_context(make_dispute_report())


def _ids(claims):
    return [c["id"] for c in claims]


def test_contradictions_form_one_dispute_with_two_sides(ctx):
    (d,) = ctx["disputes"]
    assert d["label"] == "harm to civilians" and d["proposition"] == "p0"
    assert d["claims"] == 6 and len(d["pairs"]) == 7
    a, b = d["sides"]
    assert (a["letter"], b["letter"]) == ("A", "B")
    assert set(_ids(a["claims"])) == {"n1", "n2", "n3", "n4"}
    assert set(_ids(b["claims"])) == {"t1", "t2"}
    assert ctx["summary"]["disputes"] == 1 and ctx["summary"]["contradictions"] == 7


def test_side_clusters_claims_that_contradict_the_same_claims(ctx):
    a, b = ctx["disputes"][0]["sides"]
    # n1, n2, n3 contradict both t1 and t2; n4 only t2
    (full, partial) = a["groups"]
    assert set(_ids(full["claims"])) == {"n1", "n2", "n3"} and full["against_all"]
    assert _ids(partial["claims"]) == ["n4"] and not partial["against_all"]
    tag = {c["id"]: c["tag"] for side in (a, b) for c in side["claims"]}
    assert partial["against"] == [tag["t2"]] and partial["against_text"] == tag["t2"]
    assert [c["tag"] for c in a["claims"]] == ["A1", "A2", "A3", "A4"]
    # t2 contradicts everything on side A; t1 not n4
    assert _ids(b["groups"][0]["claims"]) == ["t2"] and b["groups"][0]["against_all"]
    assert _ids(b["groups"][1]["claims"]) == ["t1"] and b["groups"][1]["against_text"] == "A1–A3"


def test_dispute_reasons_listed_once_with_counts(ctx):
    d = ctx["disputes"][0]
    assert d["reasons"] == [{"reason": "very few vs none " + EVIL, "pairs": 4},
                            {"reason": "none harmed vs over 200 killed", "pairs": 3}]
    assert d["self_contradictions"] == 1
    assert d["both_sides"] == ["General Oak"]  # n3 on side A, t2 on side B


def test_dispute_pairs_kept_for_auditing_earlier_side_first(ctx):
    pairs = ctx["disputes"][0]["pairs"]
    assert all(p["a_tag"].startswith("A") and p["b_tag"].startswith("B") for p in pairs)
    assert [(p["a_tag"], p["b_tag"]) for p in pairs] == sorted(
        ((p["a_tag"], p["b_tag"]) for p in pairs), key=lambda t: (int(t[0][1:]), int(t[1][1:])))


def test_odd_cycle_gets_a_third_side():
    arts = [Article(id="a0", name="0.txt", path="0.txt", text="x")]
    claims = [_claim(c, "a0", f"{v} killed", None, quantities=[Quantity(value=v, of="killed")])
              for c, v in (("c1", 10), ("c2", 20), ("c3", 30))]
    rel = [Relation(kind="contradicts", a=x, b=y, reason=f"{x} vs {y}") for x, y in (("c1", "c2"), ("c2", "c3"),
                                                                                     ("c1", "c3"))]
    rep = Report(generator=Generator(version="t"), articles=arts, claims=claims, relations=rel,
                 propositions=[Proposition(id="p0", label="toll", claims=["c1", "c2", "c3"])])
    (d,) = build_context(rep)["disputes"]
    assert [len(s["claims"]) for s in d["sides"]] == [1, 1, 1]
    assert all(g["against_all"] for s in d["sides"] for g in s["groups"])


def test_one_dispute_per_question_and_unlabelled_relations():
    arts = [Article(id="a0", name="0.txt", path="0.txt", text="x")]
    claims = [_claim(c, "a0", c, None) for c in ("c1", "c2", "c3", "c4", "c5", "c6")]
    rel = [Relation(kind="contradicts", a="c1", b="c2", reason="r1", proposition="p0"),
           Relation(kind="contradicts", a="c3", b="c4", reason="r2", proposition="p0"),
           Relation(kind="contradicts", a="c5", b="c6", reason="r3")]  # no proposition, none shared
    rep = Report(generator=Generator(version="t"), articles=arts, claims=claims, relations=rel,
                 propositions=[Proposition(id="p0", label="q", claims=["c1", "c2", "c3", "c4"])])
    disputes = build_context(rep)["disputes"]
    assert [d["label"] for d in disputes] == ["q", "other claims"]
    assert disputes[0]["claims"] == 4 and len(disputes[0]["pairs"]) == 2


@pytest.mark.parametrize("host,disputes", [
    (["c1", "c2", "c3", "c4"], ["harm to civilians"]),  # the pair's claims both answer the larger question
    (["c1", "c3", "c4"], ["whether there were casualties", "harm to civilians"]),  # one shared claim: two questions
])
def test_a_pair_joins_the_question_that_holds_both_its_claims(host, disputes):
    arts = [Article(id="a0", name="0.txt", path="0.txt", text="x")]
    claims = [_claim(c, "a0", c, None) for c in ("c1", "c2", "c3", "c4")]
    rel = [Relation(kind="contradicts", a="c1", b="c2", reason="r1", proposition="p0"),
           Relation(kind="contradicts", a="c1", b="c3", reason="r2", proposition="p1"),
           Relation(kind="contradicts", a="c1", b="c4", reason="r3", proposition="p1")]
    rep = Report(generator=Generator(version="t"), articles=arts, claims=claims, relations=rel,
                 propositions=[Proposition(id="p0", label="whether there were casualties", claims=["c1", "c2"]),
                               Proposition(id="p1", label="harm to civilians", claims=host)])
    assert [d["label"] for d in build_context(rep)["disputes"]] == disputes


def test_agreements_grouped_per_connected_claims(ctx):
    (g,) = ctx["agreement_groups"]
    assert g["label"] == "harm to civilians" and set(_ids(g["claims"])) == {"n1", "n3", "n4"}
    assert g["reasons"] == [{"reason": "both deny harm", "pairs": 2}]
    assert g["independent"] and g["voices"] == 3


def _toll_report(extra_agrees=()) -> Report:
    """A lower bound ("at least 3") that fits a toll of 3 and one of 5, which
    contradict each other; two more claims agree with the 5."""
    arts = [Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text="x", outlet=f"Outlet {i}") for i in range(3)]
    figures = {"lo": ("At least three crew died.", 3, "at least"), "t3": ("Three crew died.", 3, None),
               "f5": ("Five crew died.", 5, None), "g5": ("Five of the crew were killed.", 5, None),
               "h5": ("Five crew members lost their lives.", 5, None)}
    claims = [_claim(cid, f"a{i % 3}", text, None, quantities=[Quantity(value=n, approx=ap, unit="crew", of="killed")])
              for i, (cid, (text, n, ap)) in enumerate(figures.items())]
    agree = [("lo", "t3"), ("lo", "f5"), ("f5", "g5"), ("g5", "h5"), ("lo", "h5"), *extra_agrees]
    rel = [Relation(kind="agrees", a=a, b=b, reason="compatible figures", proposition="p0") for a, b in agree]
    rel += [Relation(kind="contradicts", a="t3", b=x, reason="3 vs 5", proposition="p0") for x in ("f5", "g5", "h5")]
    return Report(generator=Generator(version="t"), articles=arts, claims=claims, relations=rel,
                  propositions=[Proposition(id="p0", label="deaths", claims=list(figures))])


def test_an_agreement_group_never_holds_two_contradicting_claims():
    groups = build_context(_toll_report())["agreement_groups"]
    assert sorted(sorted(_ids(g["claims"])) for g in groups) == [["f5", "g5", "h5", "lo"], ["lo", "t3"]]
    for g in groups:  # every pair shown lies inside its group
        assert all({it["a"]["id"], it["b"]["id"]} <= set(_ids(g["claims"])) for it in g["pairs"])
    assert sum(len(g["pairs"]) for g in groups) == 5


def test_a_pair_read_both_ways_joins_no_group():
    groups = build_context(_toll_report(extra_agrees=[("t3", "g5")]))["agreement_groups"]
    assert all(not {"t3", "g5"} <= set(_ids(g["claims"])) for g in groups)


def test_repeats_grouped_one_row_per_original_speaker_and_text(ctx):
    rows = {r["label"]: r for r in ctx["repeat_groups"]}
    bridge = rows["the bridge"]
    assert set(_ids(bridge["claims"])) == {"x1", "x2", "x3"}
    assert bridge["speaker"] == "Minister Vale" and bridge["speaker_id"] == "e1"
    assert bridge["text"] == "The bridge was closed"  # the earliest-published article (Wire, 2024-05-01)
    assert bridge["sources"] == ["Wire", "Gazette", "Herald"]
    assert len(bridge["reasons"]) == 2
    assert _ids(rows["harm to civilians"]["claims"]) == ["n2", "n1"]


def test_narrator_claims_are_the_outlets_own_voice(ctx):
    a = ctx["disputes"][0]["sides"][0]
    n4 = next(c for c in a["claims"] if c["id"] == "n4")
    assert n4["speaker"] == NARRATOR == "narrator (outlet's own voice)"


@pytest.mark.parametrize("tags,expected", [
    (["A1", "A2", "A3", "B1"], "A1–A3, B1"),
    (["B1", "B2"], "B1, B2"),
    (["A1", "A3", "A4", "A5", "A10"], "A1, A3–A5, A10"),
    ([], ""),
])
def test_tag_ranges(tags, expected):
    assert tag_ranges(tags) == expected


def test_html_shows_sides_reasons_once_and_pairs_collapsed():
    rep = make_dispute_report()
    html = render_html(rep)
    meet = html[html.index('<section id="meet">'):html.index('<section id="reuse">')]
    assert meet.index("<h3>Contradictions") < meet.index("<h3>Agreements") < meet.index("Claims × sources")
    assert "Side A · 4 claims" in meet and "Side B · 2 claims" in meet
    assert meet.count("very few vs none &lt;script&gt;") == 1 + 4  # reason once, then in the 4 audit pairs
    assert "<details><summary>All 7 pairs" in meet  # closed by default
    assert "not independent" in meet and "narrator (outlet&#39;s own voice)" in meet
    assert "<script>alert" not in html and ">unknown<" not in meet


def test_markdown_shows_the_same_grouping():
    md = render_markdown(make_dispute_report())
    assert "### harm to civilians" in md
    assert "**Side A** (4 claims" in md and "**Side B** (2 claims" in md
    assert "contradicts only B1:" in md
    assert md.count("Why: very few vs none") == 1
    assert "### Repeats" in md and "carried by Wire, Gazette, Herald" in md
    assert "<script>" not in md


def test_a_claim_held_by_words_of_the_text_shows_one_holder_everywhere():
    """A claim with no linked speaker but a holder named in the text ("Norvik
    Shipping said") shows that holder in contradictions, agreements and the CSV
    tables alike; a bare pronoun holder falls back to the narrator."""
    from rashomon.export.tables import tables

    arts = [Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text="x", outlet=f"Outlet {i}") for i in range(3)]
    claims = [_claim("h1", "a0", "Two crew died.", None, holder_text="Norvik Shipping"),
              _claim("h2", "a1", "Six crew died.", None),
              _claim("h3", "a2", "Two of the crew died.", None, holder_text="she")]
    rel = [Relation(kind="contradicts", a="h1", b="h2", reason="2 vs 6", proposition="p0"),
           Relation(kind="agrees", a="h1", b="h3", reason="same figure", proposition="p0")]
    rep = Report(generator=Generator(version="t"), articles=arts, claims=claims, relations=rel,
                 propositions=[Proposition(id="p0", label="deaths", claims=["h1", "h2", "h3"])])
    ctx = build_context(rep)
    (dispute,) = ctx["disputes"]
    held = {c["id"]: c["holder"] for side in dispute["sides"] for c in side["claims"]}
    (group,) = ctx["agreement_groups"]
    shown = {c["id"]: c["speaker"] for c in group["claims"]}
    assert held["h1"] == shown["h1"] == "Norvik Shipping" and shown["h3"] == NARRATOR
    md = render_markdown(rep, ctx)
    agreements = md[md.index("## Agreements"):]
    assert "**Norvik Shipping** (Outlet 0" in agreements
    built = tables(rep, ctx)
    cols, rows = built["disputes"]
    assert {dict(zip(cols, r))["a_speaker"] for r in rows} | {dict(zip(cols, r))["b_speaker"] for r in rows} \
        == {"Norvik Shipping", NARRATOR}
    cols, rows = built["claims"]
    assert [dict(zip(cols, r))["speaker"] for r in rows] == ["Norvik Shipping", NARRATOR, NARRATOR]


def _revision_report(times: dict[str, str] | None = None) -> Report:
    """One fire service's count of burned houses: the article published first
    gives the new figure (14, "up from nine"), the later one the figure it replaced ("had put
    it at nine so far"), and a third outlet repeats the new figure."""
    from rashomon.types import TimeRange
    times = times or {}
    arts = [Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text="x", outlet=o, published=d)
            for i, (o, d) in enumerate([("Valley Post", "2031-03-01"), ("Hill Radio", "2031-03-02"),
                                        ("River Daily", "2031-03-03")])]
    def house(n: int, word: str) -> list[Quantity]:
        return [Quantity(value=n, unit="houses", of="burned", text=word)]
    claims = [
        _claim("new1", "a0", "Fourteen houses burned, up from nine, the fire service said.", "e1",
               quantities=house(14, "Fourteen houses") + house(9, "nine")),
        _claim("old1", "a1", "The fire service had put it at nine houses so far.", "e1", quantities=house(9, "nine houses")),
        _claim("new2", "a2", "Fourteen houses burned.", "e1", quantities=house(14, "Fourteen houses")),
    ]
    for c in claims:
        if c.id in times:
            c.time = TimeRange(start=times[c.id], end=times[c.id], precision="day", text="on Monday")
    rel = [Relation(kind="revises", a="new1", b="old1", independent=False, proposition="p0",
                    reason="Fire service: the figure moved from nine houses to Fourteen houses"),
           Relation(kind="revises", a="new2", b="old1", independent=False, proposition="p0",
                    reason="Fire service: the figure moved from nine houses to Fourteen houses")]
    return Report(generator=Generator(version="t"), articles=arts, entities=[Entity(id="e1", name="Fire Service")],
                  claims=claims, propositions=[Proposition(id="p0", label="houses burned", claims=[c.id for c in claims])],
                  relations=rel)


def test_revision_chain_runs_from_the_earlier_figure_the_relation_names():
    rep = _revision_report()
    ctx = build_context(rep)
    (chain,) = ctx["revisions"]
    # a0 was published first but gives the new figure: the "from" figure leads
    assert [v["id"] for v in chain["steps"]] == ["old1", "new1", "new2"]
    # the later claim's own "up from nine" is not shown again at the chain's end
    assert chain["steps"][1]["figures"] == ["14 houses burned"]
    assert [(s["figures"], s["sources"]) for s in chain["stages"]] == [
        (["9 houses burned"], ["Hill Radio"]), (["14 houses burned"], ["Valley Post", "River Daily"])]
    md = render_markdown(rep, ctx)
    assert "9 houses burned (Hill Radio) → 14 houses burned (Valley Post, River Daily)." in md
    assert "14 houses burned (Valley Post) → 9" not in md


def test_revision_chain_without_a_direction_follows_the_claims_dates():
    rep = _revision_report(times={"new2": "2031-02-27", "old1": "2031-02-28"})
    rep.relations = [r.model_copy(update={"reason": "Fire service gives two figures: a revised figure"})
                     for r in rep.relations]
    (chain,) = build_context(rep)["revisions"]
    # claim dates first (new2 27 Feb, old1 28 Feb), then the published date of the undated claim (1 Mar)
    assert [v["id"] for v in chain["steps"]] == ["new2", "old1", "new1"]
