"""Which uses of a cue word are speech acts, and which contents and sources are
none (rashomon.extract.cue_senses): one table per construction, on sentences
written for these tests (fictional people, places and outlets), each with its
positive and negative cases. Sources: PARC 3.0 (Pareti 2016), the PolNeAR
annotation guidelines (Newell, Margolin and Ruths 2018), FactBank (Saurí and
Pustejovsky 2009), Quirk et al. (1985) on phrasal verbs and if-clauses."""
from __future__ import annotations

import pytest

from rashomon.annotate import body_text
from rashomon.extract.quotes import extract_quotes
from rashomon.types import Article


def quotes(nlp, text: str) -> list[tuple]:
    art = Article(id="a0", name="t", path="t", text=text)
    return [(q.kind, q.text, q.speaker_text, q.cue, q.negated)
            for q in extract_quotes(art, nlp(body_text(art)), []) if q.kind != "post"]


# a negated ability over the cue leaves the content open, as "did not say" does (FactBank CT-/Uu)
ABILITY = [
    ("not able to, with a clause", "The ministry has not been able to confirm that the ferry sank.",
     [("indirect", "the ferry sank", "The ministry", "has not been able to confirm", True)]),
    ("unable to, with a question", "The council was unable to say when the bridge reopens.",
     [("indirect", "when the bridge reopens", "The council", "was unable to say", True)]),
    ("a modal negation", "Radio Tarn could not confirm the number of injured.",
     [("indirect", "the number of injured", "Radio Tarn", "could not confirm", True)]),
    ("able to, affirmed", "The harbour master was able to confirm that the pier held.",
     [("indirect", "the pier held", "The harbour master", "confirm", False)]),
    ("a pronoun with an adverb is no content", "The Tarn Courier has not been able to confirm this independently.",
     []),
]

# a particle makes a verb of its own; "if" sets a condition unless something is asked
PARTICLES = [
    ("'not rule out' with a noun and a condition", "The ferry guild does not rule out new closures if the storm "
     "returns.", []),
    ("'not rule out' with a clause keeps it open", "Inspector Vahl did not rule out that the cable had been cut.",
     [("indirect", "the cable had been cut", "Vahl", "rule", False)]),
    ("the bare verb still rules", "The tribunal ruled that the lease was void.",
     [("indirect", "the lease was void", "The tribunal", "ruled", False)]),
    ("a particle the cue does not take", "The board called off the vote on the budget.", []),
    ("a particle the cue takes", "Senator Hale spoke out about the curfew.",
     [("indirect", "the curfew", "Hale", "spoke", False)]),
    ("'if' after a verb of asking is a question", "Ms. Oduya asked if the clinic would reopen.",
     [("indirect", "if the clinic would reopen", "Oduya", "asked", False)]),
]

# weapon and convening senses are no speech; the speech sense needs a speech object or a predicate
SENSES = [
    ("a weapon fired at a crowd", "Guards fired tear gas at the crowd near the gate.", []),
    ("a weapon inside a rebuttal", "Claims that guards fired rubber rounds at the crowd are false, the prison said.",
     [("indirect", "Claims that guards fired rubber rounds at the crowd are false", "the prison", "said", False)]),
    ("firing back at critics", "The senator fired back at his critics over the budget.",
     [("indirect", "his critics over the budget", "The senator", "fired", False)]),
    ("an ambulance called", "A neighbour called an ambulance after the fall.", []),
    ("the police called to the scene", "The police were called to the quay by a neighbour.", []),
    ("the police called a name", "The mayor called the police incompetent.",
     [("indirect", "the police incompetent", "The mayor", "called", False)]),
    ("a plan called a name", "The mayor called the plan a disgrace.",
     [("indirect", "the plan a disgrace", "The mayor", "called", False)]),
    ("a call on people", "The senator called on fellow farmers to drop the boycott.",
     [("indirect", "to drop the boycott", "The senator", "called", False)]),
    ("a call for something", "The governor called for calm.",
     [("indirect", "calm", "The governor", "called", False)]),
    ("an imperative to the reader", "Thank you for reading our coverage today.", []),
    ("thanks reported", "The coach thanked the fans for their support.",
     [("indirect", "the fans for their support", "The coach", "thanked", False)]),
]

# a content is a clause, a quotation or a noun phrase of its own: never a pronoun with the setting of
# the act, nor the adverbial of a cue nested in another's content
CONTENTS = [
    ("a pronoun and a platform", "Councillor Brandt posted this on Facebook.", []),
    ("a pronoun blamed on someone", "They can't blame this on the mayor.",
     [("indirect", "this on the mayor", "They", "can't blame", True)]),
    ("a photo and a platform", "Councillor Brandt posted a photo of the flooded road on Facebook.",
     [("indirect", "a photo of the flooded road on Facebook", "Brandt", "posted", False)]),
    ("a quoted adverbial of a nested cue is the reporter's source's words",
     "Marta Ilves said the operator had alerted the coastguard “within minutes” of the collision.",
     [("indirect", "the operator had alerted the coastguard “within minutes” of the collision", "Marta Ilves",
       "said", False),
      ("direct", "within minutes", "Marta Ilves", "said", False)]),
]

# banners and the size of a crowd say nothing themselves; a counted group of sources still speaks
SOURCES = [
    ("banners carry a message", 'Placards read "Hands off our school".',
     [("direct", "Hands off our school", None, "read", False)]),
    ("a crowd by its size", "Some 40 000 people marched through Tarn to say that the school must stay open.",
     [("indirect", "the school must stay open", None, "say", False)]),
    ("two officials", "Two officials said the school would close.",
     [("indirect", "the school would close", "Two officials", "said", False)]),
]


@pytest.mark.model
@pytest.mark.parametrize("name,text,expected", ABILITY + PARTICLES + SENSES + CONTENTS + SOURCES,
                         ids=[c[0] for c in ABILITY + PARTICLES + SENSES + CONTENTS + SOURCES])
def test_cue_senses(nlp, name, text, expected):
    assert quotes(nlp, text) == expected
