"""Places in entity linking: rival names declared in the text and shown side
by side, place prefixes and Ukrainian/Russian place words, look-alike places
kept apart, a river and a city of one name, facility and numbered-unit
mentions, one-letter name differences joined only with a shared role.
Texts of our own, invented names (real places only where the gazetteer
holds them)."""
from __future__ import annotations

import pytest

from rashomon.extract.mentions import _name_parts, extract_mentions
from rashomon.report.context import build_context
from rashomon.settings import Settings
from rashomon.types import Generator, Report

from _linking import art as _art, entity as _entity, link as _link, mention as _m, same as _same, speaker_quote


@pytest.mark.parametrize("text,a,b", [
    ("Crowds filled Mariner Square, officially Liberty Square, by noon.", "Mariner Square", "Liberty Square"),
    ("Residents of Dolyna, which Tervanian officials call Dolina, left.", "Dolyna", "Dolina"),
    ("Some 900 people live in Kato Aspra – or Lefkes, as most people here still call the village.",
     "Kato Aspra", "Lefkes"),
    ("The wind blew towards Lefkes, or Kato Aspra as it is on the maps, all night.", "Lefkes", "Kato Aspra"),
    ("The march ended at Liberty Square (formerly Mariner Square) at dusk.", "Liberty Square", "Mariner Square"),
    ("They met in Orvik, also known as Orvika, on Monday.", "Orvik", "Orvika"),
    ("Crowds held Liberty Square, which students renamed Mariner Square in May.", "Liberty Square",
     "Mariner Square"),
])
def test_text_declares_one_place_two_names(text, a, b):
    a0 = _art("a0", text)
    ents = _link([a0], [_m(a0, a, "GPE"), _m(a0, b, "PERSON")])
    assert _same(ents, a, b)
    e = _entity(ents, a)
    assert e.type in {"GPE", "FAC"} and len(e.rival_names) == 2
    assert e.name == " / ".join(sorted([a, b], key=str.casefold))
    assert any(text[:10] in s or a in s for s in e.sources)


@pytest.mark.parametrize("text,a,b", [
    ("Trains ran from Orvik, Tervania, to the coast.", "Orvik", "Tervania"),
    ("Ships left Orvik or Dolyna as the storm began.", "Orvik", "Dolyna"),          # "or" without naming
    ("Sellar told Orvik, named after a saint, nothing.", "Sellar", "Orvik"),
])
def test_no_naming_construction(text, a, b):
    a0 = _art("a0", text)
    ents = _link([a0], [_m(a0, a, "GPE"), _m(a0, b, "GPE")])
    assert not _same(ents, a, b)


def test_bracketed_second_name_only_for_places_that_are_no_container():
    a0 = _art("a0", "Shelling hit Dolyna (Dolina) overnight. Buses left Orvik (Tervania) at dawn.")
    a1 = _art("a1", "Orvik, Tervania, is a port.")
    ms = [_m(a0, "Dolyna", "GPE"), _m(a0, "Dolina", "GPE"), _m(a0, "Orvik", "GPE"), _m(a0, "Tervania", "GPE"),
          _m(a1, "Orvik", "GPE"), _m(a1, "Tervania", "GPE")]
    ents = _link([a0, a1], ms)
    assert _same(ents, "Dolyna", "Dolina")
    assert not _same(ents, "Orvik", "Tervania")


def test_rival_names_each_with_the_articles_using_them():
    a0 = _art("a0", "Troops entered Dolyna on Monday.")
    a1 = _art("a1", "Troops entered Dolina, the town the other side calls Dolyna.")
    a2 = _art("a2", "Residents of Dolyna, which Tervanian officials call Dolina, fled.")
    ms = [_m(a0, "Dolyna", "GPE"), _m(a1, "Dolina", "GPE"), _m(a2, "Dolyna", "GPE"), _m(a2, "Dolina", "GPE")]
    ents = _link([a0, a1, a2], ms)
    e = _entity(ents, "Dolyna")
    assert e.name == "Dolina / Dolyna"
    assert [(r.name, r.articles) for r in e.rival_names] == [("Dolina", ["a1", "a2"]), ("Dolyna", ["a0", "a2"])]
    ctx = build_context(Report(generator=Generator(version="t"), articles=[a0, a1, a2], entities=ents))
    row = next(x for x in ctx["entities"] if x["id"] == e.id)
    assert row["name"] == "Dolina / Dolyna"
    assert row["rivals"] == [{"name": "Dolina", "sources": ["a1.txt", "a2.txt"]},
                             {"name": "Dolyna", "sources": ["a0.txt", "a2.txt"]}]


def test_gazetteer_rival_names_shown_side_by_side_spellings_not():
    a0 = _art("a0", "Flights to Mumbai resumed.")
    a1 = _art("a1", "Flights to Bombay resumed. MUMBAI was quiet.")
    a2 = _art("a2", "Tehran and the Islamic Republic of Iran; Iran said no.")
    ms = [_m(a0, "Mumbai", "GPE"), _m(a1, "Bombay", "GPE"), _m(a1, "MUMBAI", "GPE"),
          _m(a2, "Islamic Republic of Iran", "GPE"), _m(a2, "Iran", "GPE", 1)]
    ents = _link([a0, a1, a2], ms)
    city = _entity(ents, "Mumbai")
    assert city.name == "Bombay / Mumbai" and {r.name for r in city.rival_names} == {"Bombay", "Mumbai"}
    assert next(r for r in city.rival_names if r.name == "Mumbai").forms == ["Mumbai", "MUMBAI"]
    # a country's official name is no rival name (its gazetteer entry is no rival entry)
    iran = _entity(ents, "Iran")
    assert _same(ents, "Iran", "Islamic Republic of Iran") and iran.rival_names == [] and "/" not in iran.name


@pytest.mark.parametrize("a,b,same", [
    ("Nova Dolyna", "Novaya Dolyna", True),          # Ukrainian / Russian place word
    ("Zhytkivtsy", "Zhitkivtsi", True),              # romanisation
    ("Nova Dolyna", "Dolyna", False),                # a new town is another town
    ("Nea Aspra", "Aspra", False),
    ("Verbivka", "Verbiv", False),
    ("Liberty Square", "Liberty Bridge", False),     # a square and a bridge sharing a name
    ("Orvik", "Orvika", False),                      # places are never matched by similarity
])
def test_place_pairs(a, b, same):
    a0 = _art("a0", f"News from {a} today.")
    a1 = _art("a1", f"News from {b} today.")
    ents = _link([a0, a1], [_m(a0, a, "GPE"), _m(a1, b, "GPE")])
    assert _same(ents, a, b) is same


def test_place_prefix_keeps_a_lone_name_apart_even_when_tagged_person():
    a0 = _art("a0", "Smoke reached Nea Aspra. Aspra itself was spared.")
    ents = _link([a0], [_m(a0, "Nea Aspra", "PERSON"), _m(a0, "Aspra", "PERSON", 1)])
    assert not _same(ents, "Nea Aspra", "Aspra")
    assert _entity(ents, "Nea Aspra").type == "GPE"


def test_river_and_city_of_one_name(tmp_path):
    g = tmp_path / "rivers.yaml"
    g.write_text("entries:\n- name: Velna\n  type: GPE\n  source: test city\n"
                 "- name: Velnava\n  type: LOC\n  aliases: [Velna, Velna River]\n  rival: true\n  source: test river\n",
                 encoding="utf-8")
    a0 = _art("a0", "Boats crossed the lower Velna at dawn. The Velnava rose.")
    a1 = _art("a1", "A missile hit Velna overnight.")
    ms = [_m(a0, "Velna", "GPE"), _m(a0, "Velnava", "LOC"), _m(a1, "Velna", "GPE")]
    ents = _link([a0, a1], ms, settings=Settings(gazetteers=[g]))
    river = _entity(ents, "Velnava")
    assert river.type == "LOC" and river.forms["Velna"] == ["a0"] and river.name == "Velna / Velnava"
    city = [e for e in ents if "a1" in e.forms.get("Velna", [])][0]
    assert city.id != river.id and city.type == "GPE" and city.sources == ["test city"]


def test_one_letter_difference_joined_only_with_a_shared_role():
    text0 = '"We stay," said Gevorg Melkon, the mayor of Orvik.'
    text1 = '"We leave," said Gevorg Melkom, the mayor of Orvik.'
    text2 = '"We wait," said Gevorg Melkoz, a farmer.'
    arts = [_art("a0", text0), _art("a1", text1), _art("a2", text2)]
    ms = [_m(arts[0], "Gevorg Melkon", "PERSON"), _m(arts[1], "Gevorg Melkom", "PERSON"),
          _m(arts[2], "Gevorg Melkoz", "PERSON")]
    quotes = [speaker_quote(a, name, f"q{n}", speaker_role=role) for n, (a, name, role) in enumerate(
        zip(arts, ["Gevorg Melkon", "Gevorg Melkom", "Gevorg Melkoz"], ["mayor of Orvik", "mayor of Orvik", "farmer"]))]
    ents = _link(arts, ms, quotes)
    assert _same(ents, "Gevorg Melkon", "Gevorg Melkom")
    assert not _same(ents, "Gevorg Melkon", "Gevorg Melkoz")


@pytest.mark.parametrize("text,span,name,form", [
    # the span ends where the name ends
    ("Novak told Radio Arden the square was calm. Jana Novak spoke again later.", "Novak told Radio Arden",
     "Jana Novak", "Novak"),
    # a title is no part of the name
    ("Mayor Jana Novakova said the square was calm. Jana Nováková spoke again later.", "Mayor Jana Novakova",
     "Jana Nováková", "Jana Novakova"),
])
def test_speaker_span_made_a_name(text, span, name, form):
    a0 = _art("a0", text)
    q = speaker_quote(a0, span)
    ents = _link([a0], [_m(a0, name, "PERSON")], [q])
    e = _entity(ents, name)
    assert q.speaker == e.id and form in e.aliases and span not in e.aliases


@pytest.mark.model
@pytest.mark.parametrize("text,mention,label", [
    ("Engineers inspected the Orvik nuclear power plant on Monday.", "Orvik nuclear power plant", "FAC"),
    ("Water poured from the Dolyna hydroelectric power plant.", "Dolyna hydroelectric power plant", "FAC"),
    ("A fire broke out in Vacuum Distillation Unit 3 of the refinery.", "Vacuum Distillation Unit 3", None),
])
def test_mentions_extended_over_facility_heads_and_unit_numbers(nlp, text, mention, label):
    doc = nlp(text)
    ms = extract_mentions(_art("a0", text), doc)
    hit = [m for m in ms if m.text == mention]
    assert hit, [(m.text, m.label) for m in ms]
    assert label is None or hit[0].label == label


@pytest.mark.model
@pytest.mark.parametrize("text,span,parts", [
    ("The march went from Harbour Station to Mill Square on foot.", "Harbour Station to Mill Square",
     ["Harbour Station", "Mill Square"]),
    ("Delegates of the Port of Arden met.", "Port of Arden", ["Port of Arden"]),
    ("Berg told Radio Arden so.", "Berg told Radio Arden", ["Berg", "Radio Arden"]),
])
def test_tagger_span_cut_at_a_word_no_name_holds(nlp, text, span, parts):
    doc = nlp(text)
    s = text.index(span)
    ent = doc.char_span(s, s + len(span), label="ORG")
    assert [text[a:b] for a, b in _name_parts(ent)] == parts


def test_a_name_found_once_is_found_again_elsewhere():
    a0 = _art("a0", "Crowds filled Mariner Square, officially Liberty Square, by noon.")
    a1 = _art("a1", "Riot police cleared Mariner’s Square at dawn and Mariner Square again at noon.")
    a2 = _art("a2", "MARINER SQUARE was quiet.")
    ents = _link([a0, a1, a2], [_m(a0, "Mariner Square", "LAW"), _m(a0, "Liberty Square", "FAC")])
    e = _entity(ents, "Mariner Square")
    assert e.forms["Mariner Square"] == ["a0", "a1"] and "MARINER SQUARE" not in e.aliases
    assert [(r.name, r.articles) for r in e.rival_names] == [("Liberty Square", ["a0"]),
                                                             ("Mariner Square", ["a0", "a1"])]


def test_middle_initials():
    a0 = _art("a0", "Ola K. Berg spoke. Later Ola Berg left.")
    a1 = _art("a1", "Tor Vik met Tor A. Vik and Tor B. Vik.")
    ms = [_m(a0, "Ola K. Berg", "PERSON"), _m(a0, "Ola Berg", "PERSON"),
          _m(a1, "Tor Vik", "PERSON"), _m(a1, "Tor A. Vik", "PERSON"), _m(a1, "Tor B. Vik", "PERSON")]
    ents = _link([a0, a1], ms)
    assert _same(ents, "Ola K. Berg", "Ola Berg")
    assert len({_entity(ents, f).id for f in ("Tor Vik", "Tor A. Vik", "Tor B. Vik")}) == 3


def test_lone_surname_is_the_person_of_its_own_article():
    a0 = _art("a0", "Ola Berg arrived. Berg spoke first.")
    a1 = _art("a1", "Tor Berg arrived. Berg spoke last.")
    a2 = _art("a2", "Lind and Lind again.")
    a3 = _art("a3", "Lind spoke.")
    ms = [_m(a0, "Ola Berg", "PERSON"), _m(a0, "Berg", "PERSON", 1), _m(a1, "Tor Berg", "PERSON"),
          _m(a1, "Berg", "PERSON", 1), _m(a2, "Lind", "PERSON"), _m(a3, "Lind", "PERSON")]
    ents = _link([a0, a1, a2, a3], ms)
    assert not _same(ents, "Ola Berg", "Tor Berg")
    ola = _entity(ents, "Ola Berg")
    assert ola.forms["Berg"] == ["a0"] and _entity(ents, "Tor Berg").forms["Berg"] == ["a1"]
    # a surname no full name carries is one name across the corpus
    assert _entity(ents, "Lind").forms["Lind"] == ["a2", "a3"]

