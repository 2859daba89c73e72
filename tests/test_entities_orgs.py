"""Organisations in entity linking: acronym definitions and their uses across
articles, legal forms, "Ministry of X", demonyms, plural company names, a
shorter name inside a longer one, descriptors ("the ministry"), typing from
a name's words and context, and look-alikes kept apart. Texts of our own,
invented names."""
from __future__ import annotations

import pytest

from rashomon.link.acronyms import best_long_form, definitions
from rashomon.link.typing import corrected_label, name_type, statement_subject

from _linking import art as _art, entity as _entity, link as _link, mention as _m, same as _same, speaker_quote


# -- acronyms ------------------------------------------------------------------

@pytest.mark.parametrize("text,short,long", [
    ("The Harbour Pilots' Association (HPA) said.", "HPA", "Harbour Pilots' Association"),
    ("work in Vacuum Distillation Unit 3 (VDU-3) stopped", "VDU-3", "Vacuum Distillation Unit 3"),
    ("a report by the Tervanian Agency for Food Safety (TAFS) found", "TAFS", "Tervanian Agency for Food Safety"),
    ("the HPA (Harbour Pilots' Association) said", "HPA", "Harbour Pilots' Association"),
])
def test_definitions(text, short, long):
    (d,) = definitions(_art("a0", text))
    assert text[d.short_start:d.short_end] == short and text[d.long_start:d.long_end] == long


@pytest.mark.parametrize("text", [
    "MERALDA, Tervania, June 3 (TNA) - A fire broke out.",   # a dateline, no long form before it
    "the price rose (USD) sharply",                           # no proper name
    "the pilots (Mr Varo and Ms Lind) agreed",
    "the harbour pilots' association (HPA) said",             # a common noun phrase, not a name
])
def test_no_definition(text):
    assert definitions(_art("a0", text)) == []


def test_best_long_form():
    assert best_long_form("HPA", "members of the Harbour Pilots' Association") == len("members of the ")
    assert best_long_form("XYZ", "Harbour Pilots' Association") is None


def test_acronym_defined_in_one_article_used_in_another():
    a0 = _art("a0", "Members of the Harbour Pilots' Association (HPA) walked out. The HPA said more.")
    a1 = _art("a1", "The HPA denied it. Its chair spoke.")
    ents = _link([a0, a1], [])
    hpa = _entity(ents, "HPA")
    assert "Harbour Pilots' Association" in hpa.aliases
    assert hpa.forms["HPA"] == ["a0", "a1"] and hpa.type == "ORG"


def test_acronym_defined_twice_differently_links_only_locally():
    a0 = _art("a0", "The Coastal Pilots Union (CPU) struck. The CPU said so.")
    a1 = _art("a1", "The Central Planning Unit (CPU) met. The CPU agreed.")
    a2 = _art("a2", "The CPU was mentioned without a definition.")
    ents = _link([a0, a1, a2], [])
    assert not _same(ents, "Coastal Pilots Union", "Central Planning Unit")
    cpu_a2 = [e for e in ents if "a2" in e.forms.get("CPU", [])]
    assert cpu_a2 and not {"Coastal Pilots Union", "Central Planning Unit"} & set(cpu_a2[0].aliases)


def test_long_form_replaces_the_taggers_shorter_mention():
    a0 = _art("a0", "A fire broke out in Vacuum Distillation Unit 3 (VDU-3) at night.")
    ents = _link([a0], [_m(a0, "Vacuum Distillation Unit", "ORG")])
    e = _entity(ents, "VDU-3")
    assert "Vacuum Distillation Unit 3" in e.aliases and "Vacuum Distillation Unit" not in e.aliases


# -- organisation variants -------------------------------------------------------

@pytest.mark.parametrize("a,la,b,lb,same", [
    ("Brannoc Shipping S.A.", "ORG", "Brannoc Shipping", "PERSON", True),      # legal form; typed from words
    ("Ministry of Fisheries", "ORG", "Fisheries Ministry", "ORG", True),
    ("Aubrel Polymers", "ORG", "Aubrel Polymer", "ORG", True),                  # plural company name
    ("Brannoc Shipping", "ORG", "Brannoc Logistics", "ORG", False),             # sister companies
    ("Kessmer Port Operations", "ORG", "Kessmer Port Logistics", "ORG", False),
    ("Orsova Holdings", "ORG", "Orvosa Holdings", "ORG", False),                # organisations are never fuzzy
])
def test_org_pairs_across_articles(a, la, b, lb, same):
    a0 = _art("a0", f"Text about {a} here.")
    a1 = _art("a1", f"More on {b} there.")
    ents = _link([a0, a1], [_m(a0, a, la), _m(a1, b, lb)])
    assert _same(ents, a, b) is same


def test_demonym_and_place_in_organisation_names():
    a0 = _art("a0", "Zarqa is a city. The Zarqa Water Authority warned. The ZARQAN WATER Authority agreed. "
                    "The Authority of Water said no.")
    ms = [_m(a0, "Zarqa", "GPE"), _m(a0, "Zarqa Water Authority", "ORG"), _m(a0, "ZARQAN WATER Authority", "ORG"),
          _m(a0, "Authority of Water", "ORG")]
    ents = _link([a0], ms)
    assert _same(ents, "Zarqa Water Authority", "ZARQAN WATER Authority")
    assert not _same(ents, "Zarqa", "Zarqa Water Authority")
    # "Authority of X" is not read as "X Authority" (only ministries and departments are)
    assert not _same(ents, "Authority of Water", "Zarqa Water Authority")


def test_ministry_of_x_inside_the_place_x_ministry():
    a0 = _art("a0", "The Zarqa Health Ministry said 40 died in Zarqa. The Ministry of Health later raised it. "
                    "The ZARQAN HEALTH Ministry repeated it.")
    ms = [_m(a0, "Zarqa Health Ministry", "ORG"), _m(a0, "Zarqa", "GPE", 1), _m(a0, "Ministry of Health", "ORG"),
          _m(a0, "ZARQAN HEALTH Ministry", "ORG")]
    ents = _link([a0], ms)
    assert _same(ents, "Zarqa Health Ministry", "Ministry of Health")
    assert _same(ents, "Zarqa Health Ministry", "ZARQAN HEALTH Ministry")


def test_country_demonym_and_case_in_organisation_names():
    a0 = _art("a0", "Norway's Fisheries Directorate said the quota stood. The NORWEGIAN FISHERIES Directorate agreed.")
    a1 = _art("a1", "The Norwegian Fisheries Directorate issued a rule.")
    ms = [_m(a0, "Norway's Fisheries Directorate", "ORG"), _m(a0, "NORWEGIAN FISHERIES Directorate", "ORG"),
          _m(a1, "Norwegian Fisheries Directorate", "ORG")]
    ents = _link([a0, a1], ms)
    assert _same(ents, "Norway's Fisheries Directorate", "NORWEGIAN FISHERIES Directorate")
    assert _same(ents, "Norway's Fisheries Directorate", "Norwegian Fisheries Directorate")


def test_country_forces_by_name_acronym_and_group():
    a0 = _art("a0", "The Norway Defence Forces (NDF) said. The Norwegian military confirmed.")
    a1 = _art("a1", "The NDF denied it.")
    ms = [_m(a0, "Norwegian military", "GROUP")]
    ents = _link([a0, a1], ms)
    assert _same(ents, "Norway Defence Forces", "NDF") and _same(ents, "NDF", "Norwegian military")
    assert _entity(ents, "NDF").forms["NDF"] == ["a0", "a1"]


def test_shorter_name_inside_longer_one():
    a0 = _art("a0", "Fighters of the Tervanian Red Hand advanced in Tervania. The Arden Supreme Court ruled.")
    a1 = _art("a1", "The Red Hand said it held the road. Orsova Refining S.A. closed. "
                    "Orsova said it would reopen. The Supreme Court will hear it.")
    a2 = _art("a2", "The Velsk Harbour Board met in Velsk; later the Harbour Board voted.")
    ms = [_m(a0, "Tervanian Red Hand", "ORG"), _m(a0, "Tervania", "GPE", 1), _m(a0, "Arden Supreme Court", "ORG"),
          _m(a1, "Red Hand", "ORG"), _m(a1, "Orsova Refining S.A.", "ORG"), _m(a1, "Orsova", "ORG", 1),
          _m(a1, "Supreme Court", "ORG"), _m(a2, "Velsk Harbour Board", "ORG"),
          _m(a2, "Velsk", "GPE", 1), _m(a2, "Harbour Board", "ORG", 1)]
    ents = _link([a0, a1, a2], ms)
    assert _same(ents, "Red Hand", "Tervanian Red Hand")          # across articles: no institution head
    assert _same(ents, "Orsova", "Orsova Refining S.A.")          # a company's first word
    assert _same(ents, "Harbour Board", "Velsk Harbour Board")    # in the article that introduced it
    assert not _same(ents, "Supreme Court", "Arden Supreme Court")  # "Supreme Court" is many courts


def test_shorter_name_left_alone_when_ambiguous_or_a_sub_unit():
    a0 = _art("a0", "Kessmer Port Operations and Kessmer Port Logistics both said so. Kessmer Port denied.")
    a1 = _art("a1", "The RCM Lisbon Office and the RCM Oslo Office met. RCM said so.")
    ms = [_m(a0, "Kessmer Port Operations", "ORG"), _m(a0, "Kessmer Port Logistics", "ORG"),
          _m(a0, "Kessmer Port", "ORG", 2), _m(a1, "RCM Lisbon Office", "ORG"), _m(a1, "RCM Oslo Office", "ORG"),
          _m(a1, "RCM", "ORG", 2)]
    ents = _link([a0, a1], ms)
    kessmer = ("Kessmer Port Operations", "Kessmer Port Logistics", "Kessmer Port")
    assert len({_entity(ents, f).id for f in kessmer}) == 3
    assert len({_entity(ents, f).id for f in ("RCM Lisbon Office", "RCM Oslo Office", "RCM")}) == 3


def test_descriptor_joins_the_one_matching_organisation():
    a0 = _art("a0", "The Tervanian Ministry of Fisheries issued figures. The ministry said the catch fell.")
    q = speaker_quote(a0, "The ministry")
    ents = _link([a0], [_m(a0, "Tervanian Ministry of Fisheries", "ORG")], [q])
    assert _entity(ents, "Tervanian Ministry of Fisheries").id == q.speaker


def test_descriptor_left_alone_with_two_candidates():
    a0 = _art("a0", "The Ministry of Fisheries and the Ministry of Water disagreed. The ministry said no.")
    q = speaker_quote(a0, "The ministry")
    ents = _link([a0], [_m(a0, "Ministry of Fisheries", "ORG"), _m(a0, "Ministry of Water", "ORG")], [q])
    assert q.speaker not in {_entity(ents, "Ministry of Fisheries").id, _entity(ents, "Ministry of Water").id}


def test_handle_of_initial_and_surname():
    a0 = _art("a0", "Strike now. — Rhea Okonkwo (@ROkonkwo) and Ruth Okonkwo")
    ents = _link([a0], [_m(a0, "Rhea Okonkwo", "PERSON"), _m(a0, "@ROkonkwo", "PERSON")])
    assert _same(ents, "Rhea Okonkwo", "@ROkonkwo")
    ents = _link([a0], [_m(a0, "Rhea Okonkwo", "PERSON"), _m(a0, "@ROkonkwo", "PERSON"),
                        _m(a0, "Ruth Okonkwo", "PERSON")])
    assert not _same(ents, "Rhea Okonkwo", "@ROkonkwo") and not _same(ents, "Ruth Okonkwo", "@ROkonkwo")


def test_outlet_with_and_without_the():
    a0 = _art("a0", "The Lantern reported the fire.")
    a1 = _art("a1", "Speaking to Lantern, the chief said no.")
    ents = _link([a0, a1], [_m(a0, "The Lantern", "ORG"), _m(a1, "Lantern", "ORG")])
    assert _same(ents, "The Lantern", "Lantern")


def test_unnamed_sources_never_join_named_entities():
    a0 = _art("a0", "Officials said so. Officials met the Officials.")
    ms = [_m(a0, "Officials", "UNNAMED"), _m(a0, "Officials", "ORG", 2)]
    ents = _link([a0], ms)
    assert len(ents) == 2


# -- typing ----------------------------------------------------------------------

@pytest.mark.parametrize("text,label,want", [
    ("Brannoc Shipping", "PERSON", "ORG"),          # an industry word
    ("Halvard Southern", "PERSON", "ORG"),          # a company's geographic last word
    ("Lysander Chemicals Corp", "PERSON", "ORG"),
    ("Tervania Fisheries Agency", "GPE", "ORG"),
    ("Harbour Square", "LAW", "FAC"),
    ("Mill Bridge", "ORG", "FAC"),
    ("Arden Lake", "PERSON", "LOC"),                 # a feature word last
    ("Lake Arden", "PERSON", "GPE"),                 # a place prefix first
    ("Nova Dolyna", "PERSON", "GPE"),               # a place prefix
    ("New Arden Party", "ORG", "ORG"),               # an organisation word wins over a place prefix
    ("Mirela Kovacevic", "PERSON", "PERSON"),
    ("Tervanian", "NORP", "NORP"),
])
def test_corrected_label(text, label, want):
    assert corrected_label(text, label) == want


def test_name_type_words():
    assert name_type("Velmora General Hospital") == "ORG"
    assert name_type("Central Station") == "FAC"
    assert name_type("Ola Berg") is None


def test_statement_subject():
    text = "Brannoc said in a statement on Friday that it would appeal. Berg said he would appeal."
    assert statement_subject(text, len("Brannoc"))
    assert not statement_subject(text, text.index(" said he"))
    text2 = "Brannoc, the port operator, said in a written statement that it regretted the delay."
    assert statement_subject(text2, len("Brannoc"))


def test_one_word_statement_subject_typed_organisation():
    a0 = _art("a0", "Brannoc said in a statement that it regretted the delay. Ola Berg said in a statement he agreed.")
    ents = _link([a0], [_m(a0, "Brannoc", "PERSON"), _m(a0, "Ola Berg", "PERSON")])
    assert _entity(ents, "Brannoc").type == "ORG" and _entity(ents, "Ola Berg").type == "PERSON"


def test_a_name_that_is_an_outlet_of_the_corpus_is_an_organisation():
    a0 = _art("a0", "Ledgerline: What did you see? Dr Ola Berg: Smoke. Harbour Wire reported it too.")
    a0.outlet = "The Ledgerline"
    a1 = _art("a1", "A page.")
    a1.outlet = "Harbour Wire"
    ents = _link([a0, a1], [_m(a0, "Ledgerline", "PERSON"), _m(a0, "Ola Berg", "PERSON"),
                            _m(a0, "Harbour Wire", "PERSON")])
    assert _entity(ents, "Ledgerline").type == "ORG" and _entity(ents, "Ola Berg").type == "PERSON"
    assert _entity(ents, "Harbour Wire").type == "ORG"


def test_a_name_after_a_preposition_of_place_is_a_place_unless_a_person_bears_it():
    a0 = _art("a0", "Families in Kes Arden fled. Ola Berg stayed near Ola Berg's farm. Trucks left Ola Berg.")
    ms = [_m(a0, "Kes Arden", "PERSON"), _m(a0, "Ola Berg", "PERSON"), _m(a0, "Ola Berg", "PERSON", 1)]
    ents = _link([a0], ms)
    assert _entity(ents, "Kes Arden").type == "GPE" and _entity(ents, "Ola Berg").type == "PERSON"


def test_surname_subject_of_a_statement_stays_a_person():
    a0 = _art("a0", "Ola Berg spoke first. Berg said in a statement he agreed.")
    ents = _link([a0], [_m(a0, "Ola Berg", "PERSON"), _m(a0, "Berg", "PERSON", 1)])
    assert _same(ents, "Berg", "Ola Berg") and _entity(ents, "Berg").type == "PERSON"
