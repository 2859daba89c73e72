"""Claims: clause units, polarity, modality, frames and parties (model-backed)."""
from __future__ import annotations

import pytest

from rashomon.extract.claims import extract_claims
from rashomon.types import Article, Quote

pytestmark = pytest.mark.model


def claims_of(nlp, text, quotes=()):
    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    return extract_claims(art, nlp(text), list(quotes))


def only(nlp, text):
    cs = claims_of(nlp, text)
    assert len(cs) == 1, [c.text for c in cs]
    return cs[0]


@pytest.mark.parametrize("text,polarity,modality", [
    ("Civilians were not harmed in the operation.", "negated", "asserted"),
    ("There were no civilian casualties during the strikes.", "negated", "asserted"),
    ("The civilian population has never been attacked by the army.", "negated", "asserted"),
    ("The army did not target the civilian population.", "negated", "asserted"),
    # pseudo-negation is not negation
    ("The shelling hit not only homes but also a school.", "affirmed", "asserted"),
    ("There is no doubt that the convoy was attacked.", "affirmed", "asserted"),
    ("The strike left nothing but ruins in the village.", "affirmed", "asserted"),
    # "did not rule out" hedges; it does not negate
    ("The ministry did not rule out that soldiers were killed.", "affirmed", "hedged"),
    # minimisers concede a small amount: affirmed, with the minimiser as a hedge
    ("Almost no civilians were targeted in the operation.", "affirmed", "asserted"),
    ("Government forces reportedly targeted a convoy of aid workers.", "affirmed", "hedged"),
    ("Preliminary reports suggest eight peacekeepers may have been killed.", "affirmed", "hedged"),
    ("Any claim in this regard is groundless and unacceptable.", "negated", "denied"),
    # the holder's polarity: the ministry holds that its troops did not shell the town
    ("The ministry denied that its troops shelled the town.", "negated", "denied"),
    ("According to the ombudsman, 40 people were killed in the raid.", "affirmed", "reported"),
])
def test_polarity_and_modality(nlp, text, polarity, modality):
    c = only(nlp, text)
    assert (c.polarity, c.modality) == (polarity, modality)


def test_minimiser_kept_as_hedge(nlp):
    c = only(nlp, "Almost no civilians were targeted in the operation.")
    assert any(h.lower() == "almost no" for h in c.hedges)


def test_questions_headings_and_greetings_are_skipped(nlp):
    text = ("Is it possible to save their lives?\n"
            "On the humanitarian corridor and its safety\n"
            "Thank you very much for the invitation to speak.\n"
            "The convoy was shelled near the bridge on Monday.\n")
    cs = claims_of(nlp, text)
    assert [c.text for c in cs] == ["The convoy was shelled near the bridge on Monday."]


def test_coordinated_clauses_with_own_subject_split(nlp):
    text = "Corridor measures could be discussed and it could be one of the agenda items at the meeting in Geneva."
    cs = claims_of(nlp, text)
    assert len(cs) == 2
    assert cs[1].text.startswith("it could be one of the agenda items")
    assert cs[1].frame == "meeting" and "Geneva" in cs[1].place_texts


def test_claim_in_quote_carries_quote_id_and_spans(nlp):
    text = "“As the minister himself admitted, civilians were not harmed,” he said while criticising the statements."
    qend = text.index("”") + 1
    q = Quote(id="q7", article="a0", start=0, end=qend, text=text[:qend], kind="direct")
    cs = claims_of(nlp, text, [q])
    inside = [c for c in cs if c.quote == "q7"]
    assert inside and inside[0].polarity == "negated" and inside[0].affected == "civilians"
    for c in cs:
        assert text[c.start:c.end] == c.text


def test_frame_affected_agent_and_quantities(nlp):
    c = only(nlp, "The ombudsman reports over 200 people killed among civilians in the Freedonian attack.")
    assert c.frame == "casualties" and c.affected == "civilians"
    assert c.agent_party == "Freedonian" and c.agent_from == "clause"
    assert [(q.value, q.approx) for q in c.quantities] == [(200, "over")]


def test_agent_from_by_phrase(nlp):
    c = only(nlp, "Two civilian workers were killed in a terrorist attack by the Sylvanian armed forces.")
    assert c.affected == "civilians" and c.agent_party == "Sylvanian"


def test_year_is_time_not_quantity(nlp):
    c = only(nlp, "The agreement signed in 2020 ended the fighting in the region.")
    assert c.quantities == []
    assert c.time_text and "2020" in c.time_text


@pytest.mark.parametrize("text,polarity,modality,affected", [
    # a report of deaths declared false denies the deaths
    ("Reports of a dozen deaths are simply wrong.", "negated", "denied", None),
    ("Claims that thirty villagers died in the fire are false.", "negated", "denied", None),
    ("The ministry rejected reports that 40 people were killed.", "negated", "denied", "people"),
    # no group named: affected stays None (propositions treat it as people in general)
    ("There were no casualties at the factory after the fire.", "negated", "asserted", None),
    # staff and workers are their own group, not people in general
    ("No employee was killed or seriously injured in the blast.", "negated", "asserted", "employees"),
    ("The mine company said there were no casualties among its staff.", "negated", "reported", "employees"),
    # a false alarm is no denial of harm
    ("A fire alarm sounded twice in the building on Monday.", "affirmed", "asserted", None),
])
def test_denied_deaths_and_unnamed_groups(nlp, text, polarity, modality, affected):
    c = only(nlp, text)
    assert (c.polarity, c.modality, c.affected) == (polarity, modality, affected)


@pytest.mark.parametrize("text,claim,predicate", [
    # a list item in headline grammar: head noun as predicate, with a place and a time
    ("Highlights\n- Riot squad crackdown on Mill Lane shortly after 9 pm, with batons and dogs\n"
     "The council met on Friday.\n",
     "Riot squad crackdown on Mill Lane shortly after 9 pm, with batons and dogs", "crackdown"),
    # a figure-headed headline sentence inside a line of prose
    ("Dozens of farmers at the gates of Ostrava this morning. Nobody came out to meet them.\n",
     "Dozens of farmers at the gates of Ostrava this morning.", "dozen"),
    # an adjective predicate with its copula dropped, in capitals
    ("News\n\nSIX OF OUR NURSES DEAD AT CITY HOSPITAL. THE BOARD KNEW.\n",
     "SIX OF OUR NURSES DEAD AT CITY HOSPITAL.", "dead"),
    # a message noun's title reports its topic: the closure, not the statement
    ("Statement on the closure of the old steel plant in Leeds\n\nThe board met on Friday.\n",
     "Statement on the closure of the old steel plant in Leeds", "closure"),
])
def test_verbless_headline_read_as_claim(nlp, text, claim, predicate):
    cs = claims_of(nlp, text)
    got = [c for c in cs if c.text == claim]
    assert got, [c.text for c in cs]
    assert got[0].stance == "asserts" and got[0].proposition is not None
    assert got[0].proposition.predicate == predicate


@pytest.mark.parametrize("text", [
    "Key facts\n",                                              # a label: too short
    "- Fair wages for every nurse, without delay\n",            # a demand: no figure, time or place
    "- Marta Novak (@mnovak) 3 May 2024\n",                     # a byline: its head is a name or a date
    "- Fresh talks in Lisbon next week?\n",                     # a question
])
def test_verbless_lines_that_are_no_claim(nlp, text):
    assert claims_of(nlp, text) == []


def test_a_clause_of_time_or_condition_is_not_the_head_of_a_noun_phrase_content(nlp):
    """An ordered measure reported as a noun phrase: the closure, not the inspection its "until" waits for."""
    text = "The regulator has ordered the closure of the two kilns at Hartwell until both have been inspected."
    start = text.index("the closure")
    q = Quote(id="q1", article="a0", start=start, end=len(text) - 1, text=text[start:-1], kind="indirect",
              speaker_text="The regulator", cue="ordered", cue_start=text.index("ordered"))
    got = [c for c in claims_of(nlp, text, [q]) if c.quote == "q1"]
    assert got and got[0].proposition is not None
    assert got[0].proposition.predicate == "closure"


def test_an_attribution_that_names_a_figure_is_kept_for_it_and_never_compared(nlp):
    text = "The union, speaking for some 300 drivers, warned that the depot would close."
    start = text.index("the depot")
    q = Quote(id="q1", article="a0", start=start, end=len(text) - 1, text=text[start:-1], kind="indirect",
              speaker_text="The union", cue="warned", cue_start=text.index("warned"))
    cs = claims_of(nlp, text, [q])
    attribution = [c for c in cs if c.quote is None]
    assert [c.text for c in attribution] == ["The union, speaking for some 300 drivers, warned that"]
    assert attribution[0].proposition is None and [x.value for x in attribution[0].quantities] == [300.0]


@pytest.mark.parametrize("text,claim,agent,theme", [
    # an event nominal's by-phrase names its agent (Grimshaw 1990), also when the parse hangs it on the of-object
    ("Harbour Board\n\nStatement of the Harbour Board on the destruction of the old lighthouse by rebel militias\n\n"
     "The board met on Monday.", "Statement of the Harbour Board on the destruction of the old lighthouse by rebel "
     "militias", "rebel militias", "the old lighthouse"),
    # a culprit epithet names the party it accuses (Martin & White 2005: judgement of propriety)
    ('The bridge fell at dawn.\n\n"Freedonian murderers," the mayor wrote on her blog after the fire.', None,
     "Freedonian murderers", None),
])
def test_agent_read_from_a_noun(nlp, text, claim, agent, theme):
    from rashomon.extract.quotes import extract_quotes

    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    doc = nlp(text)
    cs = [c for c in extract_claims(art, doc, extract_quotes(art, doc, []))
          if c.proposition is not None and c.proposition.agent == agent]
    assert cs, text
    c = cs[0]
    assert c.proposition.predicate_class in ("destruction", "cause") and c.proposition.theme == theme
    assert claim is None or c.text == claim


def test_a_bare_epithet_accuses_nobody(nlp):
    from rashomon.extract.quotes import extract_quotes

    text = 'The bridge fell at dawn.\n\n"Murderers," the mayor wrote on her blog after the fire.'
    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    doc = nlp(text)
    assert not [c for c in extract_claims(art, doc, extract_quotes(art, doc, []))
                if c.proposition is not None and c.proposition.predicate_class == "cause"]


def test_a_cue_clause_that_only_dates_its_quote_is_part_of_the_quote_claim(nlp):
    from rashomon.extract.quotes import extract_quotes

    text = "Local officials claimed on Tuesday that the river level in Vellin had begun to drop."
    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    doc = nlp(text)
    cs = extract_claims(art, doc, extract_quotes(art, doc, []))
    assert [(c.text, c.time_text, c.proposition.predicate) for c in cs] == [(text, "Tuesday", "drop")]

@pytest.mark.parametrize("text, first, second, holder", [
    ("A flood at the Varna mill killed at least two workers on Monday night, its owner said, "
     "while a local union put the toll at four.",
     "A flood at the Varna mill killed at least two workers on Monday night, its owner said",
     "while a local union put the toll at four.", "a local union"),
    ("The ferry sank with 40 people on board, the coastguard said, whereas the operator said 35 were on board.",
     "The ferry sank with 40 people on board, the coastguard said", "whereas the operator said 35 were on board.",
     "the operator"),
])
def test_a_contrastive_clause_beside_a_reporting_verb_is_a_claim_of_its_own(nlp, text, first, second, holder):
    cs = claims_of(nlp, text)
    assert [c.text for c in cs] == [first, second]
    assert cs[1].holder_text == holder


def test_a_while_clause_of_time_stays_in_its_clause(nlp):
    c = only(nlp, "The police had moved into the park shortly after 6 p.m., while children were still playing there, "
                  "she said.")
    assert c.proposition.predicate == "move_in"


@pytest.mark.parametrize("text, claim, klass", [
    # a number of persons at a place, its copula dropped: how many took part
    ("Posted at noon:\n\n9,000 of us on Harbour Road today. The city is ours.\n",
     "9,000 of us on Harbour Road today.", "participation"),
    ("Update\n\nSome 300 of them in the main hall this evening.\n", "Some 300 of them in the main hall this evening.",
     "participation"),
    # a partitive of persons without a place says nothing of presence
    ("Update\n\nTwo of them from the northern villages.\n", None, None),
])
def test_a_number_of_persons_at_a_place_counts_who_took_part(nlp, text, claim, klass):
    cs = [c for c in claims_of(nlp, text) if c.proposition is not None and c.proposition.predicate_class == klass]
    if claim is None:
        assert not [c for c in claims_of(nlp, text) if c.proposition and c.proposition.counts == "participants"]
        return
    assert [c.text for c in cs] == [claim]
    assert cs[0].proposition.counts == "participants"


@pytest.mark.parametrize("text, kept", [
    ("The board knew.", True),        # a noun subject and a verb of knowing: a claim however short
    ("Thank you all.", False),
    ("He knew.", False),              # a pronoun subject alone says too little to check
    ("Prices rose.", False),
])
def test_a_short_clause_of_knowing_is_a_claim(nlp, text, kept):
    assert bool(claims_of(nlp, text)) == kept


@pytest.mark.parametrize("text, absent", [
    ("The regulator wrote to the mill twice in 2029 asking it to carry out the overdue audit.", ["audit"]),
    ("The agency urged the operator to complete the overdue inspection of the weir.", ["inspection"]),
    ("The agency urged the operator to complete the inspection of the weir.", []),
])
def test_an_absence_adjective_is_read_through_a_non_finite_complement(nlp, text, absent):
    c = claims_of(nlp, text)[-1]
    assert c.proposition.absent == absent, c.proposition


@pytest.mark.parametrize("text, predicate, agent, theme, tense", [
    ("The video appeared to show guards firing gas at the pickets.", "fire", "guards", "gas", "past"),
    ("The footage seems to show that guards fired gas.", "fire", "guards", "gas", "past"),
    ("Guards appear to have fired gas at the pickets.", "fire", "Guards", "gas", "past"),
])
def test_an_evidential_is_read_through_to_the_event_it_shows(nlp, text, predicate, agent, theme, tense):
    p = only(nlp, text).proposition
    assert (p.predicate, p.agent, p.theme, p.tense) == (predicate, agent, theme, tense), p


@pytest.mark.parametrize("text,want", [
    # headline grammar: a simple-present -s verb the parser tags as a plural noun, in a segment of its own
    ("Flood after dam burst: 40 homes lost, governor points at water board\n\nThe dam burst at dawn.",
     ("governor points at water board", "governor", "point_at", "cause", "water board", None)),
    ("Pier fire: harbour master points finger at ferry crew\n\nThe fire began at noon.",
     ("harbour master points finger at ferry crew", "harbour master", "point_finger", "cause", "ferry crew", None)),
    ("Senator points at regulator over mine collapse\n\nThe mine shut in May.",
     ("Senator points at regulator over mine collapse", "Senator", "point_at", "cause", "regulator", "mine collapse")),
])
def test_headline_verb_read_as_a_noun(nlp, text, want):
    got = [c for c in claims_of(nlp, text) if c.proposition and c.proposition.predicate == want[2]]
    assert len(got) == 1, [c.text for c in claims_of(nlp, text)]
    c = got[0]
    p = c.proposition
    assert (c.text, c.holder_text, p.predicate, p.predicate_class, p.agent, p.theme) == want


@pytest.mark.parametrize("text", [
    "Oil prices at record high\n\nPrices rose in May.",  # "price" is a verb, but not one a claim is read of
    "Medics staff first-aid points at the march, the guild said.",  # prose, not a headline
])
def test_plural_nouns_stay_nouns(nlp, text):
    assert not [c for c in claims_of(nlp, text) if c.proposition and c.proposition.predicate_class == "cause"]


def test_pointing_in_prose_blames_the_object(nlp):
    c = only(nlp, "The minister pointed the finger at the port board.")
    assert (c.proposition.predicate, c.proposition.agent) == ("point_finger", "the port board")


def test_headline_lines_are_trimmed_pieces_of_headline_length():
    from rashomon.extract.headline_claims import headline_lines

    head = "“Crowd of thousands on the avenue”"
    prose = ("The mayor said on Monday that the square by the old harbour would stay closed to every car, bus and "
             "lorry until the weekend, and the police agreed with her at a briefing.")
    text = f"{head}\n{prose}\nOK then"
    lines = headline_lines(text)
    assert [text[a:b] for a, b, _ in lines] == ["Crowd of thousands on the avenue"]  # 32 words and 2 words: no headline
    assert lines[0][2] == ["Crowd", "of", "thousands", "on", "the", "avenue"]
