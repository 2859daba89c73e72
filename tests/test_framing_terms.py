"""Framing terms as noun phrases, control compounds, attributed names and
labels, rival place names from entity linking, and rival-term groups."""
from __future__ import annotations

import pytest

from rashomon.compare.framing import contested_terms, frame
from rashomon.types import Article, Entity, Mention, Quote, RivalName


def art(i: int, text: str) -> Article:
    return Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text=text)


def rows_of(a: Article, quotes=()):
    return {(r.voice, r.term): r for r in contested_terms(a, list(quotes))}


def narrator(text: str) -> set[str]:
    return {t for v, t in rows_of(art(0, text)) if v == "narrator"}


@pytest.mark.parametrize("text,term", [
    # a premodifier between a determiner or preposition and the term
    ("Dockers marched against the canal sale on Sunday.", "canal sale"),
    ("An inquiry into the police violence was promised.", "police violence"),
    ("The Orvik refinery explosion shook the coast.", "Orvik refinery explosion"),
    # listed modifiers and a demonym
    ("Officers broke up an unauthorised gathering outside the court.", "unauthorised gathering"),
    ("Troops of the Ruritanian occupation left.", "Ruritanian occupation"),
    # a participle used attributively takes its adverb and its head
    ("Aid cannot reach the temporarily occupied north bank.", "temporarily occupied north bank"),
    ("Convoys returned to occupied Eastmark on Friday.", "occupied Eastmark"),
    ("Water poured through the breached Varna dam.", "breached Varna dam"),
    # terms of accidents, disputes, policy and blame
    ("A loss of containment caused the fire, the regulator said.", "loss of containment"),
    ("The walkout closed the mill.", "walkout"),
    ("The union blamed cost-cutting for the deaths.", "cost-cutting"),
    ("Ministers plan to privatise the railways.", "privatise"),
    # control compounds and "under … control"
    ("The Vostani-held town was shelled.", "Vostani-held town"),
    ("A rebel-controlled district fell silent.", "rebel-controlled district"),
    ("The Moscow-installed governor of the province spoke.", "Moscow-installed governor"),
    ("Villages under Vostani control were flooded.", "under Vostani control"),
])
def test_term_as_written(text, term):
    assert term in narrator(text), sorted(narrator(text))


@pytest.mark.parametrize("text,absent", [
    ("The dam in eastern Vardia gave way at night.", "eastern Vardia gave way"),  # a verb takes no qualifier
    ("Police called the attack a provocation.", "attack provocation"),            # a term is no premodifier
    ("Riot police lined the street.", "Riot"),                                     # a stop phrase
    ("The march passed off without incident.", "incident"),
    ("The company's sales rose.", "sales"),                                        # "sale" is not inflected
    ("They were unable to reach residents of the town.", "reach residents"),       # "to" opens an infinitive
    ("Settlers resettled in occupied areas leave the region.", "occupied areas leave"),
    ("The Vostani-installed officials said the water fell.", "Vostani-installed officials said"),
    ("In 1993 Armenia occupied the district.", "Armenia occupied"),
])
def test_no_overreaching_phrase(text, absent):
    assert absent not in narrator(text), sorted(narrator(text))


def test_rival_terms_share_a_group():
    rows = {r.term: r for r in contested_terms(art(0, "The blast was an accident, not a disaster, said no one."), [])}
    assert rows["blast"].group == rows["accident"].group == rows["disaster"].group
    assert rows["blast"].category == "event naming"


def _mentions(a: Article, *spans):
    out = []
    for text, eid in spans:
        s = a.text.index(text)
        out.append((Mention(article=a.id, start=s, end=s + len(text), text=text), eid))
    return out


@pytest.mark.parametrize("text,name", [
    ("Boats reached Portvik, which the rebels call Nordhavn, at dawn.", "Nordhavn"),
    ("Boats reached what the rebels call the Nordhavn district at dawn.", "Nordhavn"),
    ("They gathered in Harbour Square, officially Union Square, at noon.", "Union Square"),
    ("They left Portvik – or Nordhavn, as everyone here still calls it – at dawn.", "Nordhavn"),
    ("The square, which strikers renamed Harbour Square, emptied.", "Harbour Square"),
])
def test_attributed_names_are_not_the_narrators(text, name):
    a = art(0, text)
    place = Entity(id="e1", name="Portvik", type="GPE",
                   rival_names=[RivalName(name="A", forms=["Portvik", "Harbour Square"], articles=["a0"]),
                                RivalName(name="B", forms=["Nordhavn", "Union Square"], articles=["a0"])])
    for m, _ in _mentions(a, *[(n, "e1") for n in ("Portvik", "Nordhavn", "Harbour Square", "Union Square")
                               if n in text]):
        m.entity = "e1"
        place.mentions.append(m)
    rows = {(r.voice, r.term) for r in frame([a], [], [place])}
    assert ("narrator", name) not in rows
    assert any(t == name for _v, t in rows), rows


def test_rival_place_names_by_voice_and_group():
    a0 = art(0, "Crowds filled Harbour Square. “Union Square is ours,” the mayor said.")
    a1 = art(1, "Police cleared Union Square overnight.")
    place = Entity(id="e9", name="Harbour Square / Union Square", type="FAC",
                   rival_names=[RivalName(name="Harbour Square", forms=["Harbour Square"], articles=["a0"]),
                                RivalName(name="Union Square", forms=["Union Square"], articles=["a0", "a1"])])
    for a, text in ((a0, "Harbour Square"), (a0, "Union Square"), (a1, "Union Square")):
        s = a.text.index(text)
        place.mentions.append(Mention(article=a.id, start=s, end=s + len(text), text=text, entity="e9"))
    s = a0.text.index("Union Square is ours")
    q = Quote(article="a0", start=s, end=s + len("Union Square is ours"), text="", kind="direct", speaker="e2")
    rows = {(r.article, r.voice, r.term): r for r in frame([a0, a1], [q], [place])}
    assert ("a0", "narrator", "Harbour Square") in rows
    assert ("a0", "e2", "Union Square") in rows and ("a0", "narrator", "Union Square") not in rows
    assert ("a1", "narrator", "Union Square") in rows
    assert {r.group for r in rows.values()} == {"e9"}
    assert all(r.category == "toponym" and r.source for r in rows.values())


def test_a_place_without_rival_names_gives_no_rows():
    a = art(0, "Crowds filled Harbour Square.")
    s = a.text.index("Harbour Square")
    place = Entity(id="e9", name="Harbour Square", type="FAC",
                   mentions=[Mention(article="a0", start=s, end=s + 14, text="Harbour Square", entity="e9")])
    assert not [r for r in frame([a], [], [place]) if r.category == "toponym"]


@pytest.mark.parametrize("text,term,voice", [
    # the labeller's word, not the narrator's
    ("The ministry called the attack ecocide.", "ecocide", "e3"),
    ("He described it as a terrorist act, the agency reported.", "terrorist act", "quoted"),
    ("Officials denounced the strike as sabotage.", "sabotage", "quoted"),
    # the labelled object stays the narrator's
    ("The ministry called the attack ecocide.", "attack", "narrator"),
])
def test_labels_belong_to_the_labeller(text, term, voice):
    a = art(0, text)
    ent = []
    if "ministry" in text:
        s = text.index("ministry")
        ent = [Entity(id="e3", name="the ministry", type="ORG",
                      mentions=[Mention(article="a0", start=s, end=s + 8, text="ministry", entity="e3")])]
    rows = {(r.voice, r.term) for r in frame([a], [], ent)}
    assert (voice, term) in rows, rows


def test_a_direct_quote_outranks_a_label():
    text = 'She said: "They call it a massacre." End.'
    a = art(0, text)
    s = text.index("They call")
    q = Quote(article="a0", start=s, end=text.index('." End'), text="", kind="direct", speaker="e5")
    assert ("e5", "massacre") in rows_of(a, [q])
