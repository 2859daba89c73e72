"""Holder, stance, negation scope and proposition parts (model-backed), on sentences written for the tests."""
from __future__ import annotations

import pytest

from rashomon.annotate import body_text
from rashomon.extract.claims import extract_claims
from rashomon.extract.quotes import extract_quotes
from rashomon.types import Article, Quote

pytestmark = pytest.mark.model


def first(nlp, text):
    cs = extract_claims(Article(id="a0", name="t.txt", path="t.txt", text=text), nlp(text), [])
    assert cs, text
    return cs[0]


@pytest.mark.parametrize("text,polarity,stance", [
    # a negator inside an object, a relative clause or a condition does not flip the claim
    ("There were still no details on the deaths at the clinic.", "affirmed", "asserts"),
    ("A shell that the inspectors have not been able to identify struck the market.", "affirmed", "asserts"),
    ("If no agreement is reached, the dockers will strike again.", "affirmed", "asserts"),
    # a negation of the predicate or of its subject does
    ("No rubber bullets were fired by the guards during the night.", "negated", "asserts"),
    ("The alarms never sounded in the village.", "negated", "asserts"),
    ("The valve was not overdue for replacement.", "negated", "asserts"),
    # denial and distancing verbs take their clause as the proposition held by their subject
    ("The army denied that its soldiers shelled the school.", "negated", "denies"),
    ("The company claims that the pipe burst because of the frost.", "affirmed", "asserts"),
    ("Rumours circulating online that the mayor resigned are false.", "negated", "denies"),
    # a denial of an event noun denies the event; a rejected offer is no proposition denied
    ("The mining firm denies injuries at its quarry near the river.", "negated", "denies"),
    ("The dockers rejected the offer from the port authority.", "affirmed", "asserts"),
    ("The army denies any involvement in the attack on the convoy.", "negated", "denies"),
    # a denied identity of an earlier statement with a free relative denies that statement
    ("That is not what the bakers were promised.", "negated", "denies"),
    # a holder informed that P reports P
    ("The governor was informed at noon that the cabinet had ordered the closure.", "affirmed", "asserts"),
    # not knowing, not confirming: no stance on the proposition
    ("The ministry would not confirm its jets bombed the bridge.", "affirmed", "unknown"),
    ("The governor didn't know whether the levee had broken.", "affirmed", "unknown"),
    # assurances about one's own future conduct are promises, not reports
    ("The general assured residents that they would not be harmed.", "negated", "promises"),
    # "ruled out" negates its complement; "did not rule out" does not
    ("The board has ruled out selling the shipyard.", "negated", "asserts"),
    ("The board did not rule out a sale of the shipyard.", "affirmed", "asserts"),
    # a negated speech verb commits its subject to nothing; not ruling out P holds P possible
    ("The depot did not say whether the boiler had been inspected.", "affirmed", "unknown"),
    ("The minister did not deny that the letters were his.", "affirmed", "unknown"),
    ("The harbour board has never confirmed that two cranes collapsed.", "affirmed", "unknown"),
    ("Inspector Lund did not rule out that the fuse had been cut.", "affirmed", "unknown"),
])
def test_negation_scope_and_stance(nlp, text, polarity, stance):
    c = first(nlp, text)
    assert (c.polarity, c.stance) == (polarity, stance), text


def test_not_ruling_out_is_a_hedge_of_its_subject(nlp):
    text = "Inspectors have not ruled out that the fuse was cut, the union said."
    a = Article(id="a0", name="t", path="t", text=text)
    doc = nlp(text)
    cs = extract_claims(a, doc, extract_quotes(a, doc, []))
    inner = next(c for c in cs if c.text.startswith("the fuse"))
    assert (inner.holder_text, inner.stance, inner.modality, inner.polarity) == \
        ("Inspectors", "unknown", "hedged", "affirmed")


def test_a_negated_denial_is_no_denial(nlp):
    c = first(nlp, "The minister did not deny that the letters were his.")
    assert (c.holder_text, c.stance, c.polarity, c.modality) == ("The minister", "unknown", "affirmed", "reported")


def test_question_is_not_a_claim(nlp):
    text = "Did the guards fire rubber bullets at the crowd?"
    assert extract_claims(Article(id="a0", name="t", path="t", text=text), nlp(text), []) == []


def test_denial_holder_and_proposition(nlp):
    c = first(nlp, "The army denied that its soldiers shelled the school.")
    assert c.holder_text == "The army" and c.stance_cue == "denied"
    p = c.proposition
    assert p.predicate == "shell" and p.predicate_class == "destruction" and not p.negated
    assert p.agent == "its soldiers" and "school" in p.theme_words


def test_anaphoric_denial_points_at_its_antecedent(nlp):
    text = "The operator said the outage had cost it 9 million euros. That figure is a fiction, the union said."
    cs = extract_claims(Article(id="a0", name="t", path="t", text=text), nlp(text), [])
    fantasy = next(c for c in cs if "fiction" in c.text)
    assert fantasy.stance == "denies" and fantasy.refers_to is not None
    assert "9 million euros" in text[fantasy.refers_to[0]:fantasy.refers_to[1]]


def test_blame_names_agent_and_theme(nlp):
    p = first(nlp, "The minister blamed foreign agitators for the riot.").proposition
    assert p.predicate_class == "cause" and p.agent == "foreign agitators" and p.theme == "the riot"


def test_request_of_names_who_ordered(nlp):
    p = first(nlp, "The troops moved in at the request of the regional council.").proposition
    assert p.predicate_class == "order" and "council" in p.agent


@pytest.mark.parametrize("text,minutes", [
    ("The gates closed at 6 p.m. on Friday.", [1080]),
    ("The convoy left at 00:10 on Sunday.", [10]),
    ("They arrived at six o'clock in the evening.", [1080]),
    ("They arrived at six o'clock.", [360, 1080]),
])
def test_clock_times(text, minutes):
    from rashomon.extract.propositions import clock_times

    assert clock_times(text) == minutes


def claims_of(nlp, text):
    return extract_claims(Article(id="a0", name="t", path="t", text=text), nlp(text), [])


@pytest.mark.parametrize("text,field,value", [
    # euphemisms of death (data/predicates.yaml `euphemisms`): the class, a reported past
    ("Four miners went down the shaft that morning and will never come home.", "predicate_class", "death"),
    ("Four miners went down the shaft that morning and will never come home.", "tense", "past"),
    ("Two of the crew lost their lives.", "counts", "death"),
    # an aspectual verb carries the verb it begins
    ("Bailiffs began clearing the camp at dawn.", "predicate", "clear"),
    ("Bailiffs began clearing the camp at dawn.", "theme_heads", ["camp"]),
    ("The operation to clear the camp had begun only after midnight.", "predicate", "clear"),
    # "without X" denies X
    ("The bailiffs moved in without warning.", "absent", ["warning"]),
    # a counterfactual reports nothing that happened
    ("A wider cordon would have kept the crowd out of the square.", "tense", "conditional"),
    # "accused X of doing Y": X did Y
    ("The rebels accused the army of shelling the market.", "agent", "the army"),
    ("The rebels accused the army of shelling the market.", "predicate", "shell"),
    # an event noun with its agent in the subject ("the attack on X by Y has …")
    ("The attack on the depot by the militia has cut power to the city.", "agent", "the militia"),
    ("The attack on the depot by the militia has cut power to the city.", "theme_heads", ["depot"]),
    # an unaccusative verb names what it followed from, not its subject
    ("The roof collapsed after a series of artillery strikes.", "agent", "a series of artillery strikes"),
    # an agent with a relative clause that names who leads it
    ("The guards acted at the request of the harbour board, which the governor chairs.", "agent",
     "the harbour board which the governor chairs"),
    # "overdue for inspection": the inspection is what is missing
    ("The bridge was overdue for inspection.", "theme_heads", ["inspection"]),
    ("The bridge was overdue for inspection.", "predicate_class", "absence"),
    # a copula is no denial that its subject exists; "without" a determined noun is no absence
    ("The veterans were not as strong as before.", "existential", False),
    ("Without this online network, the campaign struggled.", "absent", []),
    # "no X did what an X does": there was no X
    ("Villagers say no alarm warned them that night.", "existential", True),
    ("Villagers say no alarm warned them that night.", "theme_heads", ["alarm"]),
    # a sum inside an offer is the offer's, whatever the verb
    ("The board said two of the three crews had accepted its offer of €5,000 each.", "counts", "payment"),
    # a verb that moves a figure counts what its subject counts
    ("The death toll rose to twelve on Friday.", "counts", "death"),
])
def test_proposition_parts(nlp, text, field, value):
    assert getattr(first(nlp, text).proposition, field) == value, text


def test_blame_is_held_by_its_subject(nlp):
    c = first(nlp, "The governor blamed the contractors for the flood.")
    assert c.holder_text == "The governor" and c.proposition.agent == "the contractors"
    assert c.proposition.predicate_class == "cause" and c.proposition.theme == "the flood"


def test_counter_evidence_denies_the_figure_of_its_owner(nlp):
    text = ("The guild said nine workers died. The mayor said four workers died. "
            "The owner said the guild's figure was not supported by the payroll records.")
    cs = claims_of(nlp, text)
    last = cs[-1]
    assert last.stance == "denies" and last.polarity == "negated" and last.refers_to is not None
    assert text[last.refers_to[0]:last.refers_to[1]].startswith("The guild said nine")


def test_the_figure_counts_what_the_earlier_figure_counted(nlp):
    cs = claims_of(nlp, "The guild said 12,000 people rallied. The police put the figure at 3,000.")
    p, q = cs[-1].proposition, cs[-1].quantities[0]
    assert p.counts == "participants" and q.value == 3000 and q.unit == "people"
    assert cs[-1].holder_text == "The police"


def test_a_pronoun_theme_takes_the_singular_noun_before_it(nlp):
    cs = claims_of(nlp, "The board said the union had accepted its offer of a raise. The union has rejected it.")
    assert cs[-1].proposition.predicate == "reject" and cs[-1].proposition.theme_heads == ["offer"]


def test_a_statement_that_p_reports_p(nlp):
    c = first(nlp, "The ministry issued a statement that its troops had not entered the town.")
    assert (c.polarity, c.stance, c.proposition.predicate) == ("negated", "asserts", "enter")


def test_a_quoted_phrase_does_not_cut_its_clause(nlp):
    cs = claims_of(nlp, 'The agency said there was "no imminent danger" at the mill.')
    assert len(cs) == 1 and cs[0].polarity == "negated" and cs[0].text.endswith("at the mill.")


def test_a_clause_beside_a_cue_is_kept(nlp):
    text = ('He blamed "outside agitators" for the unrest and said he had invited the strikers to talks.')
    assert any("blamed" in c.text for c in claims_of(nlp, text))


def test_a_figure_without_noun_after_a_larger_count_is_a_part(nlp):
    cs = claims_of(nlp, "We treated eighty patients that night. Twelve had burns from the blast.")
    assert cs[-1].proposition.partitive is True


def indirect(text, content, cue, speaker, qid="q0"):
    """An indirect quote over ``content`` with its cue and speaker, as the quote stage gives it."""
    s, c, w = text.index(content), text.index(cue), text.index(speaker)
    return Quote(id=qid, article="a0", start=s, end=s + len(content), text=content, kind="indirect",
                 speaker_text=speaker, speaker_start=w, speaker_end=w + len(speaker),
                 cue=cue, cue_start=c, cue_end=c + len(cue))


def quoted_claims(nlp, text, *quotes):
    return extract_claims(Article(id="a0", name="t", path="t", text=text), nlp(text), list(quotes))


def test_a_cue_clause_cut_from_its_quote_is_no_claim(nlp):
    # "the mayor rejected | the guild's claim that P": the quote's claim holds the denial of P
    text = "At a briefing in the town hall, the mayor rejected the guild's claim that the council ignored the levee."
    cs = quoted_claims(nlp, text, indirect(text, "the guild's claim that the council ignored the levee",
                                           "rejected", "the mayor"))
    assert [c.text for c in cs] == ["the guild's claim that the council ignored the levee."]
    c = cs[0]
    assert (c.stance, c.polarity, c.proposition.predicate) == ("denies", "negated", "ignore")
    assert c.refers_to is None  # no anaphoric denial of an earlier claim


def test_a_dated_cue_clause_is_part_of_its_quote_claim(nlp):
    # source, cue and content are one attribution (PARC 3.0); what it says is read from the content
    text = "The governor warned on Thursday that the levee would not hold through the storm."
    cs = quoted_claims(nlp, text, indirect(text, "the levee would not hold through the storm", "warned",
                                           "The governor"))
    assert [(c.text, c.time_text, c.proposition.predicate) for c in cs] == [(text, "Thursday", "hold")]


def test_a_hedging_cue_outside_the_clause_hedges_it(nlp):
    text = "She did not rule out that a leak had weakened the hull."
    cs = quoted_claims(nlp, text, indirect(text, "a leak had weakened the hull", "rule", "She"))
    assert [(c.text, c.polarity, c.modality) for c in cs] == [("a leak had weakened the hull.", "affirmed", "hedged")]


def test_a_cue_that_is_the_predicate_sets_no_stance_over_itself(nlp):
    # the quote stage may read "rejected the invitation" as a cue and its object: the rejection is asserted
    text = "The guild has rejected the mayor's invitation to talks on Friday."
    c = quoted_claims(nlp, text, indirect(text, "the mayor's invitation to talks on Friday", "rejected",
                                          "The guild"))[0]
    assert (c.stance, c.polarity, c.proposition.predicate) == ("asserts", "affirmed", "reject")
    assert c.proposition.agent == "The guild"


def test_a_cue_with_its_own_object_is_a_claim(nlp):
    text = "The guild does not rule out further strikes at the docks if the board sells the yard."
    cs = quoted_claims(nlp, text, indirect(text, "if the board sells the yard", "rule", "The guild"))
    assert any(c.text.startswith("The guild does not rule out further strikes") for c in cs)


@pytest.mark.parametrize("text,field,value", [
    # a listed verb with its preposition (data/predicates.yaml: lie_behind)
    ("The guild says cost cutting lay behind the leak.", "predicate", "lie_behind"),
    ("The guild says cost cutting lay behind the leak.", "predicate_class", "cause"),
    # a negating verb with no object is no negation ("had been neglected")
    ("Inspectors found that the levee had been neglected for years.", "negated", False),
    # an agent's date is not part of its name
    ("The operator on Friday raised the death toll to four.", "agent", "The operator"),
    # a cost that names no sum of money measures no money
    ("The new rules will cost the mill hundreds of jobs.", "counts", None),
    ("The stoppage cost the mill 2 million euros.", "counts", "money:cost"),
    # "took responsibility for X": X is what it is for
    ("The rebel group took responsibility for the bombing of the depot.", "theme_heads", ["bombing"]),
    # what a cause is of: "lay behind X", "played no part in X"
    ("The guild says cost cutting lay behind the leak.", "theme_heads", ["leak"]),
    ("Poor maintenance played no part in this flood, the director said.", "theme_heads", ["flood"]),
    # "that" opening a clause is no object of an unaccusative verb: the blaze burned
    ("The chief told the Gazette that the blaze burned for 12 hours.", "theme_heads", ["blaze"]),
    # an aspectual verb's subject is what its unaccusative verb is about, not who acts
    ("Local officials said the river level in Marsk had begun to fall.", "theme_heads", ["level"]),
    ("Local officials said the river level in Marsk had begun to fall.", "agent", None),
    # a participle on a counted noun: the noun is what the count counts ("counted N people rescued")
    ("Volunteer groups running ferries counted 340 people rescued from the island.", "counts", "evacuated"),
    ("Volunteer groups running ferries counted 340 people rescued from the island.", "theme_heads", ["people"]),
    # "acted at the request of X": X ordered the act; the actor is not what was ordered
    ("The bailiffs acted at the request of the town council.", "predicate_class", "order"),
    ("The bailiffs acted at the request of the town council.", "theme_heads", []),
    # a denied responsibility is the holder's own, for what the noun's phrase names
    ("The ministry denied responsibility for the blast at the depot.", "agent", "The ministry"),
    ("The ministry denied responsibility for the blast at the depot.", "theme_heads", ["blast"]),
])
def test_more_proposition_parts(nlp, text, field, value):
    assert getattr(first(nlp, text).proposition, field) == value, text


@pytest.mark.parametrize("text,content,stance", [
    # what a holder orders or urges is asked for, not reported as done (Searle's directives)
    ("The regulator has ordered the closure of both kilns until the filters have been replaced.",
     "the closure of both kilns until the filters have been replaced", "asks"),
    ("The union urged that the night shift be cancelled until the roof has been repaired.",
     "the night shift be cancelled until the roof has been repaired", "asks"),
    # a reporting cue still asserts its content
    ("The regulator said the filters had been replaced in both kilns.",
     "the filters had been replaced in both kilns", "asserts"),
])
def test_a_directive_cue_asks_for_its_content(nlp, text, content, stance):
    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    doc = nlp(body_text(art))
    quotes = extract_quotes(art, doc, [])
    for k, q in enumerate(quotes):
        q.id = f"q{k}"
    claims = [c for c in extract_claims(art, doc, quotes) if content in c.text]
    assert claims and claims[0].stance == stance, [(c.text, c.stance) for c in extract_claims(art, doc, quotes)]



def _parsed(nlp, words, heads, deps, pos):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize("words,heads,deps,pos,governed", [
    # "Crews running ferries counted 900 people": the clause before the verb, unpunctuated, is a misparsed subject
    (["Crews", "running", "ferries", "counted", "900", "people"], [1, 3, 1, 3, 5, 3],
     ["nsubj", "ccomp", "dobj", "ROOT", "nummod", "dobj"], ["NOUN", "VERB", "NOUN", "VERB", "NUM", "NOUN"], None),
    # "The toll rose, officials said": fronted content set off by a comma
    (["The", "toll", "rose", ",", "officials", "said"], [1, 2, 5, 5, 5, 5],
     ["det", "nsubj", "ccomp", "punct", "nsubj", "ROOT"], ["DET", "NOUN", "VERB", "PUNCT", "NOUN", "VERB"], "rose"),
])
def test_fronted_content_needs_punctuation(nlp, words, heads, deps, pos, governed):
    from rashomon.extract.stance import _governed

    doc = _parsed(nlp, words, heads, deps, pos)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    got = _governed(verb, 0, len(doc))
    assert (got.text if got is not None else None) == governed

@pytest.mark.parametrize("text, predicate, klass, polarity", [
    # a holder that had no report of a thing did not know of it (a denial of awareness) …
    ("We had no report of a cracked boiler in the bakery.", "know", "knowledge", "negated"),
    ("The mill had no word about the cracked boiler.", "know", "knowledge", "negated"),
    # … while no details with no one who lacks them is a gap in information, no denial
    ("There were still no details on the deaths at the clinic.", "detail", "information", "affirmed"),
    # a thing reported is made known
    ("Stokers reported a cracked boiler in the bakery.", "boiler", "knowledge", "affirmed"),
])
def test_knowing_and_not_knowing(nlp, text, predicate, klass, polarity):
    c = first(nlp, text)
    assert (c.proposition.predicate, c.proposition.predicate_class, c.polarity) == (predicate, klass, polarity)


def test_informed_that_p_reads_p(nlp):
    p = first(nlp, "The governor was informed at noon that the cabinet had ordered the closure.").proposition
    assert (p.predicate, p.agent) == ("order", "the cabinet")


def test_a_denied_identity_points_at_the_promise_before_it(nlp):
    text = "The mill told reporters that it will pay €8,000 to each family. That is not what the families were offered."
    cs = extract_claims(Article(id="a0", name="t.txt", path="t.txt", text=text), nlp(text), [])
    assert cs[0].stance == "promises" and cs[1].stance == "denies"
    assert cs[1].refers_to == [cs[0].start, cs[0].end]


@pytest.mark.parametrize("text, polarity, stance, predicate", [
    # "not X, let alone Y": both denied, the clause's own verb read; "let alone" is no complement
    ("The regional council has not warned the villagers of the flood, let alone organised their evacuation.",
     "negated", "asserts", "warn"),
    ("The council has not warned them, let alone organised their evacuation.", "negated", "asserts", "warn"),
    # a "let" with no "alone" is a verb of its own
    ("The council let the villagers go home.", "affirmed", "asserts", "let"),
])
def test_let_alone_is_a_coordinator(nlp, text, polarity, stance, predicate):
    c = first(nlp, text)
    assert (c.polarity, c.stance, c.proposition.predicate) == (polarity, stance, predicate), c.proposition
