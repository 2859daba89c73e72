"""Propositions and relations on hand-made claims, plus the real corpus."""
from __future__ import annotations

import pytest

from rashomon.compare.propositions import group_claims, month_day
from rashomon.compare.relations import relate, same_party
from rashomon.types import Article, Claim, PropositionParts, Quantity, Quote


def art(i, text="", published=None):
    return Article(id=i, name=f"{i}.txt", path=f"{i}.txt", text=text, published=published)


def claim(cid, article, text, **kw):
    return Claim(id=cid, article=article, start=0, end=len(text), text=text, **kw)


def run(claims, quotes=(), articles=None):
    articles = articles or [art(a) for a in sorted({c.article for c in claims})]
    props = group_claims(claims, articles)
    return props, relate(claims, props, list(quotes), articles)


def kinds(rels):
    return {(r.a, r.b): r.kind for r in rels} | {(r.b, r.a): r.kind for r in rels}


def test_negated_harm_contradicts_casualty_figure():
    a = claim("c1", "a0", "civilians were not harmed", polarity="negated", frame="casualties", affected="civilians")
    b = claim("c2", "a1", "over 200 people killed, casualties among civilians", frame="casualties",
              affected="civilians", quantities=[Quantity(value=200, approx="over", unit="people", of="killed",
                                                         text="over 200 people")])
    props, rels = run([a, b])
    assert props[0].label == "harm to civilians"
    (r,) = rels
    assert r.kind == "contradicts" and "over 200 people" in r.reason and "civilians" in r.reason


def test_a_negation_that_governs_no_harm_denies_no_harm():
    # "not gone over well with the victims' families" negates a reception, not the harm a word of it names
    parts = PropositionParts(predicate="go_over", predicate_class="death", negated=True)
    a = claim("c1", "a0", "The plan has not gone over well with families of the victims", polarity="negated",
              frame="casualties", proposition=parts)
    b = claim("c2", "a1", "Three people were killed in the blast", frame="casualties",
              proposition=PropositionParts(predicate="kill", predicate_class="death"),
              quantities=[Quantity(value=3, unit="people", of="killed", text="Three people")])
    assert not [r for r in run([a, b])[1] if r.kind == "contradicts"]


def test_different_agents_do_not_contradict():
    # civilians killed by one side's attack vs "civilians not harmed" in the other side's operation
    a = claim("c1", "a0", "civilians were not harmed", polarity="negated", frame="casualties",
              affected="civilians", agent_party="Freedonia", agent_from="context")
    b = claim("c2", "a1", "two civilians were killed in an attack by the Sylvanian forces", frame="casualties",
              affected="civilians", agent="the Sylvanian forces", agent_party="Sylvanian", agent_from="clause")
    c = claim("c3", "a2", "one civilian killed by the Sylvanian forces", frame="casualties",
              affected="civilians", agent_party="Sylvanian", agent_from="clause")
    unknown = claim("c4", "a3", "no civilians were harmed", polarity="negated", frame="casualties",
                    affected="civilians")
    _, rels = run([a, b, c, unknown])
    assert not any(r.kind == "contradicts" for r in rels)


def test_same_party_spelled_as_country_and_demonym_contradicts():
    a = claim("c1", "a0", "civilians were not harmed", polarity="negated", frame="casualties",
              affected="civilians", agent_party="Freedonia", agent_from="speaker")
    b = claim("c2", "a1", "civilians were killed in the Freedonian attack", frame="casualties",
              affected="civilians", agent_party="Freedonian", agent_from="clause")
    _, rels = run([a, b])
    assert [r.kind for r in rels] == ["contradicts"]


@pytest.mark.parametrize("x,y,name_a,name_b,same", [
    ("Azerbaijani", "Azerbaijan", "", "", True), ("Armenian", "Azerbaijan", "", "", False),
    ("Iran", "Iraq", "", "", False), ("Austria", "Australia", "", "", False), ("Ukrainian", "Ukraine", "", "", True),
])
def test_same_party(x, y, name_a, name_b, same):
    assert same_party(x, y) is same


def test_earlier_event_not_compared():
    a = claim("c1", "a0", "There were no civilian casualties", polarity="negated", frame="casualties",
              affected="civilians")
    b = claim("c2", "a0", "during the 44-Day War civilian casualties were much higher", frame="casualties",
              affected="civilians", event_text="44-Day War")
    c = claim("c3", "a1", "in 2016 dozens of civilians were killed", frame="casualties", affected="civilians",
              time_text="2016")
    arts = [art("a0", "It happened on 19 September 2023."), art("a1", "Old news.", published="2023-09-20")]
    _, rels = run([a, b, c], articles=arts)
    assert rels == []


@pytest.mark.parametrize("qa,qb,kind", [
    (Quantity(value=7, unit="people", of="killed", text="7 people"),
     Quantity(value=9, unit="people", of="killed", text="9 people"), "contradicts"),
    (Quantity(value=7, approx="at least", unit="people", of="killed", text="at least 7 people"),
     Quantity(value=9, unit="people", of="killed", text="9 people"), "agrees"),
    (Quantity(value=200, approx="over", unit="people", of="killed", text="over 200 people"),
     Quantity(value=250, unit="people", of="killed", text="250 people"), "agrees"),
])
def test_figures(qa, qb, kind):
    # figures are compared through the claims' propositions (what each figure counts)
    toll = PropositionParts(predicate="kill", predicate_class="death", counts="death", measure=0)
    a = claim("c1", "a0", "x people were killed in the raid", frame="casualties", affected="civilians", quantities=[qa],
              proposition=toll)
    b = claim("c2", "a1", "y people died after the raid on the town", frame="casualties", affected="civilians",
              quantities=[qb], proposition=toll.model_copy(update={"predicate": "die"}))
    _, rels = run([a, b])
    assert [r.kind for r in rels] == [kind]


def test_two_outlets_relaying_one_speaker_repeat_not_corroborate():
    text = "the local measures, which lasted 23 hours and 51 minutes, were commended"
    d = [Quantity(value=23.85, unit="hours", of="duration", text="23 hours and 51 minutes")]
    q0 = Quote(id="q0", article="a0", start=0, end=10, text=text, kind="direct", speaker_text="Hajiyev")
    q1 = Quote(id="q1", article="a1", start=0, end=10, text=text, kind="indirect", speaker_text="Hikmet Hajiyev")
    a = claim("c1", "a0", "collateral damage during the " + text, frame="duration", quantities=d, quote="q0")
    b = claim("c2", "a1", "During the meeting, " + text + ", Hajiyev said on X", frame="duration", quantities=d,
              quote="q1")
    _, rels = run([a, b], quotes=[q0, q1])
    (r,) = rels
    assert r.kind == "repeats" and r.independent is False


def test_same_speaker_paraphrase_agrees_but_not_independent():
    d1 = [Quantity(value=3, unit="days", of="duration", text="three days")]
    a = claim("c1", "a0", "the border operation lasted three days", frame="duration", quantities=d1, speaker="e1")
    b = claim("c2", "a1", "officials say the border operation lasted 3 days in total", frame="duration",
              quantities=[Quantity(value=3, unit="days", of="duration", text="3 days")], speaker="e1")
    _, rels = run([a, b])
    (r,) = rels
    assert r.kind == "agrees" and r.independent is False


def test_meeting_dates():
    a = claim("c1", "a0", "the 21st September meeting in Geneva", frame="meeting", place_texts=["Geneva"])
    b = claim("c2", "a1", "A meeting will be held on September 21, 2023 in Geneva", frame="meeting",
              place_texts=["Geneva"], time_text="September 21, 2023")
    c = claim("c3", "a2", "The meeting in Geneva is set for September 25", frame="meeting",
              place_texts=["Geneva"], time_text="September 25")
    props, rels = run([a, b, c])
    assert props[0].label == "meeting in Geneva"
    k = kinds(rels)
    assert k[("c1", "c2")] == "agrees" and k[("c1", "c3")] == "contradicts"


def test_self_contradiction_says_same_speaker():
    a = claim("c1", "a0", "there were very minor losses among the civilian population", frame="casualties",
              affected="civilians", speaker="e2", hedges=["very minor"])
    b = claim("c2", "a0", "There were no civilian casualties", polarity="negated", frame="casualties",
              affected="civilians", speaker="e2")
    _, rels = run([a, b])
    (r,) = rels
    assert r.kind == "contradicts" and "same speaker" in r.reason and r.independent is False


@pytest.mark.parametrize("text,md", [
    ("21st September", (9, 21)), ("September 21, 2023", (9, 21)), ("the 21st of September", (9, 21)),
    ("Friday", None),
])
def test_month_day(text, md):
    assert month_day(text) == md


@pytest.mark.corpus
def test_corpus_relations(corpus_report):
    rep = corpus_report
    arts = {a.name[:3]: a for a in rep.articles}
    by_id = {c.id: c for c in rep.claims}

    def at(key, snippet):
        a = arts[key]
        s = a.text.index(snippet)
        return {c.id for c in rep.claims if c.article == a.id and min(c.end, s + len(snippet)) - max(c.start, s)
                >= len(snippet) // 2}

    def rel(xs, ys, kinds):
        return [r for r in rep.relations if r.kind in kinds and
                ((r.a in xs and r.b in ys) or (r.a in ys and r.b in xs))]

    not_harmed = at("000", "civilians were not harmed,")
    killed = at("002", "over 200 people killed and more than 400 wounded")
    workers = at("003", "two civilian workers were killed in the cities of Aghdam and Shusha")
    assert not_harmed and killed and workers
    assert rel(not_harmed, killed, {"contradicts"})
    assert not rel(not_harmed, workers, {"contradicts"})
    dur = rel(at("000", "23 hours and 51 minutes”"), at("001", "23 hours and 51 minutes"), {"agrees", "repeats"})
    assert dur and all(r.kind == "repeats" or r.independent is False for r in dur)
    hedged = at("002", "Preliminary reports suggest eight peacekeepers may have been killed")
    assert any(by_id[c].modality == "hedged" and by_id[c].quantities[0].value == 8 for c in hedged)


def test_relations_built_without_revalidation_are_valid_records():
    from rashomon.types import Relation
    a = claim("c1", "a0", "civilians were not harmed", polarity="negated", frame="casualties", affected="civilians")
    b = claim("c2", "a1", "7 civilians killed", frame="casualties", affected="civilians",
              quantities=[Quantity(value=7, unit="civilians", of="killed", text="7 civilians")])
    c = claim("c3", "a2", "civilians were not harmed at all", polarity="negated", frame="casualties",
              affected="civilians")
    _, rels = run([a, b, c])
    assert {r.kind for r in rels} == {"contradicts", "agrees"}
    for r in rels:
        valid = Relation.model_validate(r.model_dump())
        assert valid == r and valid.model_dump_json() == r.model_dump_json()  # same fields, same order


def _killed(cid, article, text, value, affected="people"):
    return claim(cid, article, text, frame="casualties", affected=affected,
                 quantities=[Quantity(value=value, approx="at least", unit="people", of="killed",
                                      text=f"at least {value} people")])


@pytest.mark.parametrize("neg_text,affected,label,kind", [
    # no group named: people in general, so it answers the same question as "12 people killed"
    ("there were no casualties at the plant", None, "harm to people", "contradicts"),
    ("Reports of a dozen deaths are simply wrong.", None, "harm to people", "contradicts"),
    # "they" stands for a group named elsewhere: not people in general
    ("They won't face harm", None, None, None),
    # a narrower group is another question
    ("there were no casualties among its staff", "employees", None, None),
])
def test_harm_claim_without_named_group_is_about_people(neg_text, affected, label, kind):
    neg = claim("c1", "a0", neg_text, polarity="negated", frame="casualties", affected=affected)
    aff = _killed("c2", "a1", "the blast killed at least 12 people", 12)
    props, rels = run([neg, aff])
    assert [p.label for p in props if "c1" in p.claims] == ([label] if label else [])
    assert kinds(rels).get(("c1", "c2")) == kind
    if kind:
        assert rels[0].reason == "negated harm to people vs at least 12 people"


def test_two_unnamed_denials_agree_and_an_unnamed_attack_is_not_grouped():
    a = claim("c1", "a0", "no casualties were reported", polarity="negated", frame="casualties")
    b = claim("c2", "a1", "nobody died in the fire", polarity="negated", frame="casualties")
    c = claim("c3", "a2", "the depot was struck twice", frame="attack")
    props, rels = run([a, b, c])
    assert [(p.label, p.claims) for p in props] == [("harm to people", ["c1", "c2"])]
    (r,) = rels
    assert r.kind == "agrees" and r.reason == "both deny harm to people"


def test_two_denials_of_harm_agree_and_each_disputes_the_toll(tmp_path):
    """A headline that denies injuries and a clause saying nobody was injured are
    one denial held twice: no contradiction between them; each disputes the toll.
    A cue clause that only dates its quote ("The manager … said on Friday that")
    is part of the quote's claim, whose proposition is the quote's."""
    from rashomon import analyze

    (tmp_path / "a.txt").write_text(
        "Boiler explosion at Tamsk bakery injures nine\n\n"
        "Nine people were injured when a boiler exploded at a bakery in Tamsk on Thursday, the fire service said.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Bakery chain denies injuries at Tamsk branch\n\n"
        "The manager of the bakery in Tamsk said on Friday that there were no injuries in Thursday's explosion.\n",
        encoding="utf-8")
    report = analyze([tmp_path])
    by_text = {c.text: c for c in report.claims}
    denial = next(c for c in report.claims if c.text.startswith("Bakery chain denies"))
    none = next(c for c in report.claims if c.text.startswith("The manager of the bakery"))
    assert "there were no injuries" in none.text and none.polarity == "negated" and none.time_text == "Thursday"
    assert denial.stance == "denies" and denial.polarity == "negated", by_text
    kinds = {(r.kind, frozenset((r.a, r.b))) for r in report.relations}
    assert ("contradicts", frozenset((denial.id, none.id))) not in kinds
    toll = next(c for c in report.claims if c.text.startswith("Nine people were injured"))
    assert ("contradicts", frozenset((toll.id, none.id))) in kinds
    assert ("contradicts", frozenset((toll.id, denial.id))) in kinds
