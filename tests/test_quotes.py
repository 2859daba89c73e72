"""Quotes and speakers: table-driven cases on short texts of our own, plus the real corpus."""
from __future__ import annotations

import pytest

from rashomon.annotate import body_text
from rashomon.extract.quotes import classify_marks, extract_quotes
from rashomon.types import Article, Quote, Removal

pytestmark = pytest.mark.model


def run(nlp, text: str, removed: list[tuple[int, int]] = (), posts: list[Quote] = ()) -> tuple[Article, list[Quote]]:
    art = Article(id="a0", name="t", path="t", text=text)
    art.removed = [Removal(start=s, end=e, reason="test", text=text[s:e]) for s, e in removed]
    doc = nlp(body_text(art))
    return art, extract_quotes(art, doc, list(posts))


def find(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote holds {words!r}: {[q.text for q in quotes]}"
    return hits[0]


def named(art: Article, q: Quote) -> str | None:
    return None if q.speaker_start is None else art.text[q.speaker_start:q.speaker_end]


SPEAKER_CASES = [
    # (layout, text, words in the quote, kind, speaker_text, named mention)
    ("cue after, apposition",
     "“We will rebuild the bridge by spring,” Maria Lopez, the transport minister of Freedonia, wrote on Monday.",
     "rebuild the bridge", "direct", "Maria Lopez", "Maria Lopez"),
    ("cue before, colon",
     "The mayor of Springfield, John Carter, told reporters: “The water is safe to drink.”",
     "water is safe", "direct", "John Carter", "John Carter"),
    ("colon after unnamed speaker",
     "One fisherman told the visitors he met: \"The river has never been this low. We cannot sail.\"",
     "river has never", "direct", "One fisherman", None),
    ("dash attribution",
     "“We have done everything we could for the families.” — Deputy Minister Anna Berg",
     "done everything", "direct", "Anna Berg", "Anna Berg"),
    ("inverted cue",
     "“The talks have failed,” said Peter Novak, a union leader.",
     "talks have failed", "direct", "Peter Novak", "Peter Novak"),
    ("indirect said that",
     "Peter Novak said that the strike would continue until Friday.",
     "strike would continue", "indirect", "Peter Novak", "Peter Novak"),
    ("indirect told, addressee is not the speaker",
     "Peter Novak told The Harbour Times that the union would not sign the agreement.",
     "union would not sign", "indirect", "Peter Novak", "Peter Novak"),
    ("indirect inverted cue",
     "The port will reopen next week, Peter Novak emphasizes, adding that ships are waiting.",
     "port will reopen", "indirect", "Peter Novak", "Peter Novak"),
    ("according to",
     "According to Peter Novak, the strike cost the port two million euros.",
     "strike cost the port", "indirect", "Peter Novak", "Peter Novak"),
    ("organisation reports a noun phrase",
     "The Harbour Authority's office also reports damage to the piers, with over 20 boats sunk in the storm.",
     "damage to the piers", "indirect", "The Harbour Authority's office", "Harbour Authority"),
    ("outlet as speaker",
     "On Monday, Radio Harbour wrote that the ferry had been cancelled for the whole week.",
     "ferry had been cancelled", "indirect", "Radio Harbour", "Radio Harbour"),
]


@pytest.mark.parametrize("layout,text,words,kind,speaker_text,mention", SPEAKER_CASES, ids=[c[0] for c in SPEAKER_CASES])
def test_speaker_patterns(nlp, layout, text, words, kind, speaker_text, mention):
    art, qs = run(nlp, text)
    q = find(qs, words)
    assert q.kind == kind
    assert q.text == art.text[q.start:q.end]
    assert q.speaker_text == speaker_text
    assert named(art, q) == mention
    assert 0 <= q.confidence <= 1


def test_apposition_gives_role_and_cue_date(nlp):
    art, qs = run(nlp, "“We will rebuild the bridge by spring,” Maria Lopez, the transport minister of Freedonia, wrote on Monday.")
    q = find(qs, "rebuild")
    assert q.speaker_role == "transport minister of Freedonia"
    assert q.cue == "wrote" and art.text[q.cue_start:q.cue_end] == "wrote"
    assert q.date_text == "on Monday"
    assert q.text == "We will rebuild the bridge by spring,"


def test_name_apposed_to_a_descriptor_subject_is_the_speaker_whatever_its_entity_label(nlp):
    # the small model labels "Orvel Brisk" ORG here; the apposition still names the speaker
    art, qs = run(nlp, "The company's founder, Orvel Brisk, said the plant was safe.")
    q = find(qs, "plant was safe")
    assert named(art, q) == "Orvel Brisk"
    assert q.speaker_role == "company's founder"


@pytest.mark.parametrize("text", [
    'The 6\'2" player and his 5"x7" photo and 3"x5" card, officials said.',
    'Inspectors found the pipes were 12"-wide and 24"-long at the site.',
])
def test_inch_signs_and_marks_inside_a_token_are_not_quotes(nlp, text):
    art, qs = run(nlp, text)
    assert [q for q in qs if q.kind == "direct"] == []


def test_marks_glued_to_words_give_one_quote_not_one_per_mark(nlp):
    text = 'The crowd said "yes' + '"yes' * 300 + '" all night.'
    art, qs = run(nlp, text)
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].text.startswith('yes"yes"') and direct[0].start == 16


def test_quote_at_the_very_start_of_the_text_and_its_follow_on(nlp):
    text = '"We will rebuild," Maria Lopez said. "It will take a year."'
    art, qs = run(nlp, text)
    first, second = find(qs, "rebuild"), find(qs, "take a year")
    assert not first.scare
    assert named(art, first) == named(art, second) == "Maria Lopez"


def test_guillemets_before_an_inverted_cue(nlp):
    # the small model parses "»" as the subject of "said"; a mark is never the speaker
    art, qs = run(nlp, "Border news\n\n«The border is closed,» said Hans Meier, a customs officer.\n")
    q = find(qs, "border is closed")
    assert named(art, q) == "Hans Meier" and q.speaker_role == "customs officer"


def test_quote_paragraph_after_reported_speech_keeps_its_speaker(nlp):
    text = ("Talks collapse\n\nThe foreign minister, Anna Berg, said the talks had failed.\n\n"
            "“We will not return to the table until the shelling stops.”\n")
    art, qs = run(nlp, text)
    q = find(qs, "will not return")
    assert q.kind == "direct" and named(art, q) == "Anna Berg" and q.confidence == 0.6


def test_quote_paragraph_after_reported_speech_and_another_name_stays_unattributed(nlp):
    text = ("Talks collapse\n\nThe foreign minister, Anna Berg, said the talks had failed. "
            "Her rival Tom Reed disagreed.\n\n“We will not return to the table until the shelling stops.”\n")
    art, qs = run(nlp, text)
    assert find(qs, "will not return").speaker_text is None


def test_title_before_name_gives_role_and_affiliation(nlp):
    art, qs = run(nlp, "The harbour is closed, Freedonia’s Transport Ministry spokesman Carl Weber told The Harbour Times.")
    q = find(qs, "harbour is closed")
    assert named(art, q) == "Carl Weber"
    assert q.speaker_role == "Transport Ministry spokesman"
    assert q.speaker_affiliation == "Freedonia"


def test_multi_paragraph_quote_one_speaker(nlp):
    text = ("“The first paragraph of the statement says we are ready.\n"
            "“The second paragraph says we will stay until the work is done.\n"
            "“The third paragraph ends the statement,” Maria Lopez said.\n")
    art, qs = run(nlp, text)
    direct = [q for q in qs if q.kind == "direct"]
    assert [q.text.split()[1] for q in direct] == ["first", "second", "third"]
    assert {named(art, q) for q in direct} == {"Maria Lopez"}


def test_quote_resumes_after_removed_furniture(nlp):
    text = ("Peter Novak, a union leader, spoke to the press.\n"
            "“The first part of the answer is about the wages.\n"
            "REPEATED BLOCK OF PAGE FURNITURE\n"
            "And the last part is about the hours,” he said.\n")
    s = text.index("REPEATED")
    art, qs = run(nlp, text, removed=[(s, s + len("REPEATED BLOCK OF PAGE FURNITURE"))])
    last = find(qs, "last part")
    first = find(qs, "first part")
    assert last.kind == first.kind == "direct"
    assert not any("REPEATED" in q.text for q in qs)
    assert last.confidence >= 0.6
    assert named(art, first) == named(art, last) == "Peter Novak"


def test_mixed_marks_and_apostrophes(nlp):
    text = "Peter Novak said: \"The port isn’t safe and the city's ferries can’t sail” before he left."
    art, qs = run(nlp, text)
    q = find(qs, "port isn’t safe")
    assert q.text == "The port isn’t safe and the city's ferries can’t sail"
    assert named(art, q) == "Peter Novak"


def test_apostrophes_never_open_quotes(nlp):
    marks = classify_marks("Baku’s plan isn't what we've seen in the '90s", 0, 45)
    assert marks == []


def test_pronoun_speaker_across_paragraph_break(nlp):
    text = ("Maria Lopez, the transport minister, visited the harbour on Monday.\n\n"
            "“The piers will be repaired within a month,” she added.\n")
    art, qs = run(nlp, text)
    q = find(qs, "piers will be repaired")
    assert q.speaker_text == "she"
    assert named(art, q) == "Maria Lopez"


def test_descriptor_speaker_resolves_to_role(nlp):
    text = ("Maria Lopez, Assistant to the President of Freedonia, met the delegation.\n\n"
            "“We discussed the harbour and the ferries,” the presidential aide added.\n")
    art, qs = run(nlp, text)
    q = find(qs, "discussed the harbour")
    assert q.speaker_text == "the presidential aide"
    assert named(art, q) == "Maria Lopez"
    assert q.speaker_role == "Assistant to the President of Freedonia"


def test_relay(nlp):
    text = "The ferries were cancelled for a week, Peter Novak said on Radio, Harbour.News reports."
    art, qs = run(nlp, text)
    q = find(qs, "ferries were cancelled")
    assert named(art, q) == "Peter Novak"
    assert q.relayed_by_text == "Harbour.News"
    assert art.text[q.relayed_by_start:q.relayed_by_end] == "Harbour.News"
    assert not any(q2.speaker_text == "Harbour.News" for q2 in qs)


def test_unattributed_quote_inherits_previous_speaker(nlp):
    text = ("“The first quote is attributed,” Maria Lopez said.\n"
            "“The second quote stands alone.”\n")
    art, qs = run(nlp, text)
    assert named(art, find(qs, "second quote")) == "Maria Lopez"


def test_scare_quotes(nlp):
    text = "The closure was a ‘temporary’ step and the city praised the “harbour reform” of the mayor."
    art, qs = run(nlp, text)
    assert find(qs, "temporary").scare
    q = find([q for q in qs if q.kind == "direct"], "harbour reform")
    assert q.scare
    assert q.text == "harbour reform"


def test_headline_attribution(nlp):
    text = "Peter Novak says the union is ready to sign “a fair and lasting agreement” next week\nThe talks resumed on Monday."
    art, qs = run(nlp, text)
    q = find([q for q in qs if q.kind == "direct"], "fair and lasting")
    assert named(art, q) == "Peter Novak"


def test_interview_questions(nlp):
    text = ("Maria Lopez, the transport minister, told Harbour Weekly about the plans.\n\n"
            "Question 1\n\n"
            "When will the ferries sail again? And who pays for the repairs?\n\n"
            "“The ferries will sail in May. The state pays for everything.”\n")
    art, qs = run(nlp, text)
    q = find(qs, "When will the ferries")
    assert q.kind == "question"
    assert art.text[q.speaker_start:q.speaker_end] == "Harbour Weekly"
    a = find(qs, "ferries will sail in May")
    assert a.kind == "direct" and named(art, a) == "Maria Lopez"


def test_posts_are_kept_and_not_requoted(nlp):
    text = "Maria Lopez wrote:\n“The harbour is open,” she posted.\nThe city celebrated."
    s = text.index("“The")
    e = text.index("posted.") + len("posted.")
    post = Quote(article="a0", start=s, end=e, text=text[s:e], kind="post")
    art, qs = run(nlp, text, posts=[post])
    assert post in qs
    assert not any(q.kind == "direct" for q in qs)


@pytest.mark.parametrize("text", [
    "He said “this never closes",
    "” stray closer at the start and an opener at the end “",
    "\"\"\" ' ’ ‘ « » „ “",
    "“",
    "",
    "It's “nested ‘single’ and \"straight\" marks” too.\n“Line one\n\nLine two” and \"",
])
def test_unbalanced_marks_never_raise(nlp, text):
    art, qs = run(nlp, text)
    for q in qs:
        assert q.text == art.text[q.start:q.end]
        assert 0 <= q.confidence <= 1


def test_unclosed_quote_runs_to_end_of_paragraph(nlp):
    art, qs = run(nlp, "Peter Novak said: “The strike goes on and nobody knows when it ends\nThe city is quiet.")
    q = find(qs, "strike goes on")
    assert q.text.endswith("when it ends")
    assert q.confidence <= 0.5


# --- the real corpus ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_quotes(corpus_report):
    names = {e.id: e.name for e in corpus_report.entities}
    by_name = {a.name: a for a in corpus_report.articles}
    return corpus_report, names, by_name


@pytest.mark.corpus
@pytest.mark.parametrize("fname,snippet,kind,speaker_text,mention", [
    ("000_17f1c8090b710223.txt", "On the basis of voluntary and individual choice", "direct", "Hikmet Hajiyev", "Hikmet Hajiyev"),
    ("000_17f1c8090b710223.txt", "Work is underway with Russian peacekeepers", "direct", "he", "Hikmet Hajiyev"),
    ("001_1987039d2542f611.txt", "we ensure the safety of the movement of civilians", "direct", "the presidential aide", "Hikmat Hajiyev"),
    ("002_b8afc66895fdba8c.txt", "Azerbaijani forces reportedly targeted a convoy", "indirect", "Radio Liberty", "Radio Liberty"),
    ("002_b8afc66895fdba8c.txt", "over 200 people killed and more than 400 wounded", "indirect",
     "The Nagorno-Karabakh Ombudsman's office", "Nagorno-Karabakh Ombudsman"),
    ("002_b8afc66895fdba8c.txt", "They won't face harm", "indirect", "Hajizadeh", "Hajizadeh"),
    ("002_b8afc66895fdba8c.txt", "We do fully understand these concerns", "direct", "Aykhan Hajizada", "Aykhan Hajizada"),
    ("002_b8afc66895fdba8c.txt", "Is it possible to save their lives", "question", "The Insider", "Insider"),
    ("004_7dfd8171084dc049.txt", "You can stay here as an Azerbaijani citizen", "direct", "One Azerbaijani commander",
     "One Azerbaijani commander"),
])
def test_corpus_quotes(corpus_quotes, fname, snippet, kind, speaker_text, mention):
    report, _names, by_name = corpus_quotes
    art = by_name[fname]
    qs = [q for q in report.quotes if q.article == art.id and snippet in art.text[q.start:q.end + len(snippet)]
          and q.start <= art.text.find(snippet, q.start - len(snippet)) < q.end]
    hits = [q for q in qs if q.kind == kind]
    assert hits, f"{fname}: no {kind} quote over {snippet!r}"
    q = hits[0]
    assert q.speaker_text == speaker_text
    assert (None if q.speaker_start is None else art.text[q.speaker_start:q.speaker_end]) == mention


@pytest.mark.corpus
def test_corpus_relay_and_role(corpus_quotes):
    report, _names, by_name = corpus_quotes
    a1 = by_name["001_1987039d2542f611.txt"]
    relayed = [q for q in report.quotes if q.article == a1.id and q.relayed_by_text]
    assert [q.relayed_by_text for q in relayed] == ["News.Az"]
    assert a1.text[relayed[0].speaker_start:relayed[0].speaker_end] == "Hajiyev"
    a0 = by_name["000_17f1c8090b710223.txt"]
    q = next(q for q in report.quotes if q.article == a0.id and q.text.startswith("On the basis"))
    assert q.speaker_role == "foreign policy adviser to Azerbaijan's president"
    assert q.cue == "wrote" and q.date_text == "on Friday"


def test_pathological_long_line_of_quotes(nlp):
    """2,000 quote sentences on one line: every quote found with its speaker
    (the per-quote work is bounded, not a scan of the whole paragraph)."""
    text = "Governor speaks\n\n" + " ".join(['The governor said "yes" and "no".'] * 2000) + "\n"
    art, quotes = run(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 4000
    assert {q.text for q in direct} == {"yes", "no"}
    assert all(q.speaker_text == "The governor" for q in direct)


def test_line_of_quote_marks_is_noise_not_quotes(nlp):
    """A line of thousands of marks is removed as noise by cleaning; nothing is quoted from it."""
    from rashomon.clean import clean
    text = "Bridge closed\n\nThe governor said the bridge would reopen.\n" + '"' * 3000 + "\n" + "“”" * 1000 + "\n"
    art = Article(id="a0", name="t", path="t", text=text)
    art.removed = clean(art).removed
    assert [r.reason for r in art.removed] == ["noise", "noise"]
    quotes = extract_quotes(art, nlp(body_text(art)), [])
    assert all(q.end <= text.index('"') for q in quotes)


FOLLOW_ON_CASES = [
    # (layout, text, words of the unattributed quote, expected speaker_text or None)
    ("same paragraph, new sentence",
     '"No employee was killed," spokeswoman Helena Strand said. "Reports of a dozen deaths are simply wrong."',
     "dozen deaths", "Helena Strand"),
    ("same paragraph, cue before the first quote",
     'Governor Tomas Varga told reporters: "Twelve people died." "We will not rest until we know why."',
     "will not rest", "Tomas Varga"),
    ("same paragraph, addressee in the attribution does not block",
     '"The hall was unsafe," Helena Strand told Harbour Radio. "Nobody listened."',
     "Nobody listened", "Helena Strand"),
    ("same paragraph, another person named in between",
     '"No employee was killed," spokeswoman Helena Strand said. Mayor John Carter disagreed. '
     '"Reports of a dozen deaths are simply wrong."',
     "dozen deaths", None),
    ("next paragraph, bare quote",
     '"No employee was killed," spokeswoman Helena Strand said.\n\n"Reports of a dozen deaths are simply wrong."',
     "dozen deaths", "Helena Strand"),
    ("next paragraph, another person named before the quote",
     '"No employee was killed," spokeswoman Helena Strand said.\n\n'
     'Mayor John Carter disagreed. "Reports of a dozen deaths are simply wrong."',
     "dozen deaths", None),
    ("next paragraph, another person named after the quote",
     '"No employee was killed," spokeswoman Helena Strand said.\n\n'
     '"Reports of a dozen deaths are simply wrong." Mayor John Carter visited the site.',
     "dozen deaths", None),
    ("two paragraphs later: too far",
     '"No employee was killed," spokeswoman Helena Strand said.\n\n'
     'The plant stayed closed on Wednesday while the police searched the storage hall.\n\n'
     '"Reports of a dozen deaths are simply wrong."',
     "dozen deaths", None),
]


@pytest.mark.parametrize("layout,text,words,speaker", FOLLOW_ON_CASES, ids=[c[0] for c in FOLLOW_ON_CASES])
def test_follow_on_quote_keeps_last_speaker(nlp, layout, text, words, speaker):
    art, quotes = run(nlp, text)
    q = find(quotes, words)
    assert q.kind == "direct" and not q.scare
    assert q.speaker_text == speaker
    if speaker:
        assert named(art, q) == speaker


def test_sentence_initial_short_quote_is_not_scare(nlp):
    art, quotes = run(nlp, 'Helena Strand said the company had ignored warnings. "They knew," she said. "Nobody listened."')
    q, prev = find(quotes, "Nobody listened"), find(quotes, "They knew")
    assert not q.scare and q.speaker_text == prev.speaker_text == "she"
    assert q.speaker_start == prev.speaker_start


@pytest.mark.parametrize("text,answer", [
    ("Asked whether the plant would reopen, Kemal replied that it would not reopen this year.",
     "it would not reopen this year"),
    ('Asked whether the plant would reopen, Kemal replied: "Not while I sit in parliament."',
     "Not while I sit in parliament."),
    ("When asked about the toll, the minister said that twelve people had died in the blast.",
     "twelve people had died in the blast"),
])
def test_interviewer_question_is_not_the_answerers_quote(nlp, text, answer):
    """"Asked whether …, X replied …": only the reply is X's; the question is an
    unnamed interviewer's (kind question, no speaker), never X's."""
    art, quotes = run(nlp, text)
    replies = [q for q in quotes if q.kind != "question"]
    assert [q.text for q in replies] == [answer]
    assert replies[0].start > text.index(",")
    assert all(q.speaker_text is None and q.end <= text.index(",") for q in quotes if q.kind == "question")


def test_cue_of_the_next_sentence_is_not_a_tail_attribution(nlp):
    """A quote closed by its own full stop is not attributed to the next sentence's
    cue when that cue has content of its own (the next quote, or a that-clause)."""
    art, quotes = run(nlp, 'Anna Rooke said: "They were warned." "We will rebuild," Helena Strand said.')
    assert named(art, find(quotes, "They were warned")) == "Anna Rooke"
    assert named(art, find(quotes, "We will rebuild")) == "Helena Strand"
    art, quotes = run(nlp, '"It is a tragedy." John Carter told reporters that the hall was unsafe.')
    ind = find(quotes, "the hall was unsafe")
    assert ind.kind == "indirect" and named(art, ind) == "John Carter"
    assert find(quotes, "It is a tragedy").speaker_text != "John Carter"


def test_nested_double_marks_stay_inside_the_outer_quote():
    from rashomon.extract.direct import _nested_doubles

    text = "“I’d rather live in what he calls “hell” than here.” Then “Go home.”"
    marks = classify_marks(text, 0, len(text))
    doubles = [k for k, m in enumerate(marks) if m.double]
    assert _nested_doubles(marks) == {doubles[1], doubles[2]}  # “hell”, not the outer pair nor “Go home.”
    plain = "He called it “a farce” and “a disgrace.”"
    assert _nested_doubles(classify_marks(plain, 0, len(plain))) == set()
