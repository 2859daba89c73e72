"""Entity linking: name-variant rules (table-driven), gazetteer rival names,
acronyms, surnames, handles, group actors, named events, speakers and places;
plus real values on the karabakh-2023 corpus."""
from __future__ import annotations

import pytest

from rashomon.link.entities import names_match, skeleton, tokens_match
from rashomon.settings import Settings
from rashomon.types import Claim, Quote

from _linking import art as _art, entities_of as _entity_of, link as _link, mention as _m, same as _same

# (token a, token b): spelling / transliteration variants of one name
VARIANTS = [("Hikmet", "Hikmat"), ("Hajizada", "Hajizadeh"), ("Mohammed", "Muhammad"), ("Zelensky", "Zelenskyy"),
            ("Aliyev", "Aliev"), ("Pashinyan", "Pashinian"), ("Yevgeny", "Evgeny"), ("Sergey", "Sergei"),
            ("Alexei", "Aleksei"), ("Navalny", "Navalnyy"), ("Mammadov", "Mamedov"), ("Ilham", "İlham"),
            ("Erdogan", "Erdoğan"), ("Mikhail", "Mikhayil"), ("Volodymyr", "Volodimir"), ("Dmitry", "Dmitri"),
            ("Aykhan", "Ayhan"), ("Hasan", "Hassan"), ("Amirbayov", "Amirbeyov"), ("Abdullah", "Abdallah"),
            ("Karim", "Kareem"), ("Mahmoud", "Mahmud"), ("Khamenei", "Khamenehi"), ("Shoigu", "Shoygu"),
            ("Yusuf", "Yousef")]
# look-alike tokens of different names
LOOKALIKES = [("Hajiyev", "Hajizada"), ("Hajiyev", "Hajizadeh"), ("Omar", "Amir"), ("Karimov", "Kasimov"),
              ("Amirbayov", "Amirov"), ("Ivanov", "Ivanova"), ("Aliyev", "Aliyeva"), ("Elchin", "Elshan"),
              ("Aykhan", "Aydan"), ("Ruben", "Robert"), ("Vardanyan", "Vardanov"), ("Ali", "Ala")]


@pytest.mark.parametrize("a,b", VARIANTS)
def test_variant_tokens_match(a, b):
    assert tokens_match(a, b)


@pytest.mark.parametrize("a,b", LOOKALIKES)
def test_lookalike_tokens_differ(a, b):
    assert not tokens_match(a, b)


@pytest.mark.parametrize("a,b,same", [
    ("Hikmet Hajiyev", "Hikmat Hajiyev", True),
    ("Aykhan Hajizada", "Aykhan Hajizadeh", True),
    ("Hikmat Hajiyev", "Aykhan Hajizada", False),
    ("Peter Smith", "John Smith", False),
    ("Hikmet Hajiyev", "Hajiyev", False),  # different length: handled by the surname rule, not here
    ("Ilham Aliyev", "Mehriban Aliyeva", False),
])
def test_full_names(a, b, same):
    assert names_match(a.split(), b.split()) is same


def test_skeleton():
    assert skeleton("Hajizadeh") == skeleton("Hajizada") == "jzd"
    assert skeleton("Hajiyev") != skeleton("Hajizada")


@pytest.mark.parametrize("a,la,b,lb,same", [
    ("Khankendi", "GPE", "Stepanakert", "GPE", True),
    ("Shusha", "GPE", "Shushi", "GPE", True),
    ("Kyiv", "GPE", "Kiev", "GPE", True),
    ("Nagorno-Karabakh", "GPE", "Upper Karabakh", "GPE", True),
    ("Nagorno-Karabakh", "GPE", "Artsakh", "GPE", True),
    ("Aghdam", "GPE", "Shusha", "GPE", False),
    ("ICRC", "ORG", "International Red Cross", "ORG", True),
    ("ICRC", "ORG", "International Committee of the Red Cross", "ORG", True),
    ("ICRC Baku Office", "ORG", "ICRC Geneva Office", "ORG", False),
    ("ICRC Baku Office", "ORG", "ICRC", "ORG", False),
    ("EU", "ORG", "European Union", "ORG", True),
    ("Russian peacekeepers", "GROUP", "Russian Peacekeepers", "GROUP", True),
    ("Russian peacekeepers", "GROUP", "Russian peacekeeping contingent", "GROUP", True),
    ("Russian peacekeepers", "GROUP", "Turkish peacekeepers", "GROUP", False),
    ("Azerbaijani forces", "GROUP", "Armed Forces of Azerbaijan", "GROUP", True),
    ("Azerbaijani forces", "GROUP", "Armenian forces", "GROUP", False),
    ("44-Day War", "EVENT", "44-day conflict", "EVENT", True),
    ("44-Day War", "EVENT", "Six-Day War", "EVENT", False),
    ("Second World War", "EVENT", "First World War", "EVENT", False),
])
def test_pairs_across_articles(a, la, b, lb, same):
    a0 = _art("a0", f"Text about {a} here.")
    a1 = _art("a1", f"More on {b} there.")
    ents = _link([a0, a1], [_m(a0, a, la), _m(a1, b, lb)])
    assert _same(ents, a, b) is same
    if same:
        e = _entity_of(ents, a)[0]
        assert e.forms[a] == ["a0"] and e.forms[b] == ["a1"]


def test_gazetteer_source_recorded():
    a0 = _art("a0", "In Stepanakert and Khankendi.")
    ents = _link([a0], [_m(a0, "Stepanakert", "GPE"), _m(a0, "Khankendi", "GPE")])
    assert len(ents) == 1 and ents[0].sources == ["GeoNames 146970"]
    assert ents[0].type == "GPE"


def test_surname_in_article_then_across():
    a0 = _art("a0", "Hikmet Hajiyev said so. Hajiyev added more.")
    a1 = _art("a1", "Hikmat Hajiyev met them. Later Hajiyev left. Aykhan Hajizada spoke. Hajizadeh agreed.")
    ms = [_m(a0, "Hikmet Hajiyev", "PERSON"), _m(a0, "Hajiyev", "PERSON", 1),
          _m(a1, "Hikmat Hajiyev", "PERSON"), _m(a1, "Hajiyev", "PERSON", 1),
          _m(a1, "Aykhan Hajizada", "PERSON"), _m(a1, "Hajizadeh", "ORG")]
    ents = _link([a0, a1], ms)
    assert _same(ents, "Hikmet Hajiyev", "Hikmat Hajiyev")
    assert _same(ents, "Hikmet Hajiyev", "Hajiyev")
    assert _same(ents, "Aykhan Hajizada", "Hajizadeh")
    assert not _same(ents, "Hajiyev", "Hajizadeh")
    hh = _entity_of(ents, "Hajiyev")[0]
    assert hh.name in {"Hikmet Hajiyev", "Hikmat Hajiyev"} and hh.type == "PERSON"
    assert all(m.entity == hh.id for m in hh.mentions)


def test_ambiguous_surname_left_alone():
    a0 = _art("a0", "John Smith and Jane Smith met. Smith spoke.")
    ms = [_m(a0, "John Smith", "PERSON"), _m(a0, "Jane Smith", "PERSON"), _m(a0, "Smith", "PERSON", 2)]
    ents = _link([a0], ms)
    assert not _same(ents, "John Smith", "Jane Smith")
    assert not _same(ents, "Smith", "John Smith") and not _same(ents, "Smith", "Jane Smith")


def test_surname_alias_of_a_person_named_only_in_full():
    a0 = _art("a0", "Mira Toller met Dan Rusk Jr. and John Smith and Jane Smith.")
    ms = [_m(a0, "Mira Toller", "PERSON"), _m(a0, "Dan Rusk Jr.", "PERSON"), _m(a0, "John Smith", "PERSON"),
          _m(a0, "Jane Smith", "PERSON")]
    ents = _link([a0], ms)
    aliases = {e.name: e.aliases for e in ents}
    assert aliases["Mira Toller"] == ["Mira Toller", "Toller"]
    assert aliases["Dan Rusk Jr."] == ["Dan Rusk Jr.", "Rusk"]
    assert aliases["John Smith"] == ["John Smith"] and aliases["Jane Smith"] == ["Jane Smith"]  # two persons


def test_handle_to_name_and_acronym():
    a0 = _art("a0", "Hikmet Hajiyev (@HikmetHajiyev) met the International Committee of the Red Cross (@ICRC).")
    ms = [_m(a0, "Hikmet Hajiyev", "PERSON"), _m(a0, "@HikmetHajiyev", "PERSON"),
          _m(a0, "International Committee of the Red Cross", "ORG"), _m(a0, "@ICRC", "ORG")]
    ents = _link([a0], ms)
    assert _same(ents, "Hikmet Hajiyev", "@HikmetHajiyev")
    assert _same(ents, "@ICRC", "International Committee of the Red Cross")
    assert _entity_of(ents, "@HikmetHajiyev")[0].name == "Hikmet Hajiyev"


def test_acronym_by_initials_without_gazetteer():
    a0 = _art("a0", "The Karabakh Relief Fund (KRF) said. KRF added.")
    ms = [_m(a0, "Karabakh Relief Fund", "ORG"), _m(a0, "KRF", "ORG")]
    assert _same(_link([a0], ms), "KRF", "Karabakh Relief Fund")


def test_user_gazetteer_adds_alias(tmp_path):
    g = tmp_path / "mine.yaml"
    g.write_text("entries:\n- name: Sunport Authority\n  type: ORG\n  aliases: [Port Board]\n  source: test file\n",
                 encoding="utf-8")
    a0 = _art("a0", "The Sunport Authority said. The Port Board denied.")
    ms = [_m(a0, "Sunport Authority", "ORG"), _m(a0, "Port Board", "ORG")]
    assert not _same(_link([a0], ms), "Sunport Authority", "Port Board")
    ents = _link([a0], ms, settings=Settings(gazetteers=[g]))
    assert _same(ents, "Sunport Authority", "Port Board")
    assert "test file" in _entity_of(ents, "Port Board")[0].sources


def test_speakers_relays_and_places():
    text = "Radio Liberty wrote that troops hit Shusha, the Ombudsman office said. The Insider asked."
    a0 = _art("a0", text)
    ms = [_m(a0, "Radio Liberty", "ORG"), _m(a0, "Shusha", "GPE")]
    s = text.index("the Ombudsman office")
    q1 = Quote(id="q0", article="a0", start=0, end=40, text=text[:40], kind="indirect",
               speaker_start=s, speaker_end=s + len("the Ombudsman office"), speaker_role="ombudsman",
               relayed_by_start=0, relayed_by_end=len("Radio Liberty"))
    i = text.index("The Insider")
    q2 = Quote(id="q1", article="a0", start=i, end=len(text), text=text[i:], kind="question",
               speaker_start=i, speaker_end=i + len("The Insider"))
    q3 = Quote(id="q2", article="a0", start=0, end=5, text=text[:5], kind="direct")
    c = Claim(id="c0", article="a0", start=0, end=text.index(","), text=text[:text.index(",")])
    ents = _link([a0], ms, [q1, q2, q3], [c])
    by = {e.id: e for e in ents}
    assert by[q1.speaker].name == "Ombudsman office" and by[q1.speaker].role == "ombudsman"
    assert by[q1.relayed_by].name == "Radio Liberty"
    assert by[q2.speaker].name == "Insider" or "Insider" in by[q2.speaker].name
    assert q3.speaker is None
    assert [by[p].name for p in c.places] == ["Shusha"] and c.place_texts == ["Shusha"]


def test_ids_stable_in_first_mention_order():
    a0 = _art("a0", "Baku and Yerevan.")
    a1 = _art("a1", "Yerevan, then Baku.")
    ms = [_m(a1, "Yerevan", "GPE"), _m(a0, "Yerevan", "GPE"), _m(a0, "Baku", "GPE"), _m(a1, "Baku", "GPE")]
    ents = _link([a0, a1], ms)
    assert [e.name for e in ents] == ["Baku", "Yerevan"] and [e.id for e in ents] == ["e0", "e1"]


# -- real corpus ------------------------------------------------------------

@pytest.mark.corpus
def test_corpus_entities(corpus_report):
    ents = corpus_report.entities
    def find(form):
        hits = [e for e in ents if form in e.aliases]
        assert hits, form
        return hits[0]
    hh = find("Hikmet Hajiyev")
    assert {"Hikmat Hajiyev", "Hajiyev", "@HikmetHajiyev"} <= set(hh.aliases) and hh.type == "PERSON"
    assert find("Hajizadeh").id == find("Aykhan Hajizada").id != hh.id
    kh = find("Khankendi")
    assert find("Stepanakert").id == kh.id and "GeoNames 146970" in kh.sources
    ids = {a.name[:3]: a.id for a in corpus_report.articles}
    assert kh.forms["Stepanakert"] == [ids["002"]] and ids["001"] in kh.forms["Khankendi"]
    assert find("International Red Cross").id == find("ICRC").id
    assert len({find("ICRC").id, find("ICRC Baku Office").id, find("ICRC Geneva Office").id}) == 3
    assert find("Aghdam").id != find("Shusha").id
    pk = find("Russian peacekeepers")
    assert {"Russian Peacekeepers", "Russian peacekeeping contingent"} <= set(pk.aliases)
    assert find("44-day conflict").id == find("44-Day War").id
    assert find("Upper Karabakh").id == find("Nagorno-Karabakh").id
    assert [e.id for e in ents] == [f"e{i}" for i in range(len(ents))]


def test_korean_family_name_comes_first():
    # "Moon Jae-so" is a Korean name: the family name "Moon" is the later reference, not "Jae-so"
    a0 = _art("a0", "Moon Jae-so met Anna Berg. Moon said the talks went well.")
    ms = [_m(a0, "Moon Jae-so", "PERSON"), _m(a0, "Anna Berg", "PERSON"), _m(a0, "Moon", "PERSON", 1)]
    ents = _link([a0], ms)
    assert _same(ents, "Moon Jae-so", "Moon")
    assert "Moon" in _entity_of(ents, "Moon Jae-so")[0].aliases
