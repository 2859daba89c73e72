"""Framing: contested terms by voice, and distinctive narrator terms."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from rashomon.compare.framing import (
    _name_words,
    _ngrams,
    _stop_words,
    contested_terms,
    distinctive_terms,
    frame,
    load_lexicon,
    log_odds,
)
from rashomon.types import Article, Quote


def art(i: int, text: str) -> Article:
    return Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text=text)


def quote(a: Article, snippet: str, speaker: str | None = "e1", kind: str = "direct") -> Quote:
    s = a.text.index(snippet)
    return Quote(article=a.id, start=s, end=s + len(snippet), text=snippet, kind=kind, speaker=speaker)


def rows_of(a: Article, quotes=()):
    return {(r.voice, r.term): r for r in contested_terms(a, list(quotes))}


@pytest.mark.parametrize("text,term,category", [
    ("Shelling hit Kiev on Monday.", "Kiev", "toponym"),
    ("Residents of Kyiv sheltered overnight.", "Kyiv", "toponym"),
    ("Troops entered Stepanakert.", "Stepanakert", "toponym"),
    ("The city of Shushi was quiet.", "Shushi", "toponym"),
    ("After a lightning military strike the town fell.", "lightning military strike", "operation"),
    ("The Russian invasion began at dawn.", "Russian invasion", "operation"),
    ("Troops pressed on with the special military operation.", "special military operation", "operation"),
    ("It described counter terrorism measures in the north.", "counter terrorism measures", "operation"),
    ("It described counterterrorism measures in the north.", "counterterrorism measures", "operation"),
    ("He said the separatists had fled the town.", "separatists", "party"),
    ("The talks with the de facto authorities failed.", "de facto authorities", "party"),
    ("He blamed the puppet regime for the blast.", "puppet regime", "party"),
    ("The army liberated several villages.", "liberated", "occupation"),
    ("They returned to occupied territories.", "occupied territories", "occupation"),
    ("Witnesses described a massacre in the square.", "massacre", "harm"),
    ("Several massacres were reported.", "massacres", "harm"),
    ("Police dispersed the riot downtown.", "riot", "unrest"),
])
def test_lexicon_term_found_with_category(text, term, category):
    rows = rows_of(art(0, text))
    assert ("narrator", term) in rows, sorted(rows)
    r = rows[("narrator", term)]
    assert r.category == category
    assert r.source  # every lexicon row carries its source
    assert r.score is None


@pytest.mark.parametrize("text,absent", [
    ("The kiev-style cutlet was served.", "kiev"),        # a toponym keeps its capital
    ("He is a counterattacker in football.", "attack"),   # no match inside a word
    ("She studied the warrant.", "war"),
])
def test_no_false_lexicon_matches(text, absent):
    rows = rows_of(art(0, text))
    assert all(r.term.casefold() != absent for r in rows.values()), rows


def test_participle_takes_no_subject_as_qualifier():
    rows = rows_of(art(0, "In 1993 Armenia occupied the district, and later Azerbaijan liberated it."))
    assert ("narrator", "occupied") in rows and ("narrator", "liberated") in rows


def test_toponym_compound_reported_as_compound_and_toponym():
    a = art(0, "Cars queued on the Khankendi-Lachin road and on Aghdam-Khankendi roads.")
    rows = rows_of(a)
    assert ("narrator", "Khankendi-Lachin road") in rows
    assert ("narrator", "Aghdam-Khankendi roads") in rows
    assert rows[("narrator", "Khankendi")].count == 2
    assert rows[("narrator", "Khankendi-Lachin road")].count == 1  # one compound, two toponyms in it


def test_narrator_versus_quoted_voice():
    text = ('A lightning military strike forced the separatists to yield. '
            '"We carried out local anti-terrorist measures along the Khankendi-Lachin road," the aide said. '
            'An unnamed officer spoke of "liberated" land.')
    a = art(0, text)
    qs = [quote(a, "We carried out local anti-terrorist measures along the Khankendi-Lachin road"),
          quote(a, "liberated", speaker=None)]
    rows = rows_of(a, qs)
    assert ("narrator", "lightning military strike") in rows
    assert ("narrator", "separatists") in rows
    assert ("e1", "local anti-terrorist measures") in rows
    assert ("e1", "Khankendi-Lachin road") in rows
    assert ("quoted", "liberated") in rows
    narrator_terms = {t.casefold() for v, t in rows if v == "narrator"}
    assert not narrator_terms & {"local anti-terrorist measures", "anti-terrorist measures",
                                 "khankendi-lachin road", "liberated"}


def test_indirect_quote_content_is_the_narrators_wording():
    text = 'The minister said that the rebels had been crushed. He called them "terrorists".'
    a = art(0, text)
    rows = rows_of(a, [quote(a, "the rebels had been crushed", speaker="e7", kind="indirect"),
                       quote(a, "terrorists", speaker="e7", kind="direct")])
    assert rows[("narrator", "rebels")].count == 1
    assert ("e7", "rebels") not in rows
    assert rows[("e7", "terrorists")].count == 1
    assert ("narrator", "terrorists") not in rows


def test_nested_quote_smallest_span_wins():
    text = 'He wrote: "They call it a massacre, and I say: \u2018genocide\u2019." End.'
    a = art(0, text)
    outer = quote(a, "They call it a massacre, and I say: \u2018genocide\u2019.", speaker="e1")
    inner = quote(a, "genocide", speaker="e2")
    rows = rows_of(a, [outer, inner])
    assert ("e1", "massacre") in rows and ("e2", "genocide") in rows


def test_log_odds_ranks_a_term_frequent_in_one_text_and_absent_elsewhere_first():
    focus = Counter({"blockade": 6, "town": 3, "water": 2})
    rest = Counter({"town": 30, "water": 20, "road": 12})
    prior = focus + rest
    z = log_odds(focus, rest, prior)
    assert max(z, key=z.get) == "blockade"
    assert z["blockade"] > 1.96 > z["town"]


def test_distinctive_terms_per_article():
    stop = _stop_words()
    texts = {
        "a0": "The blockade tightened. The blockade cut food. Under blockade the town waits. "
              "The town and the road were quiet. Blockade again.",
        "a1": "The town council met. The road was repaired. The town market opened on the road.",
        "a2": "The town square filled. The road to the town reopened. The town bakery opened.",
    }
    counts = {k: _ngrams(v, stop) for k, v in texts.items()}
    dist = distinctive_terms(counts, min_z=0.0)
    assert dist["a0"][0][0] == "blockade"
    assert dist["a0"][0][1] == 4


def test_ngrams_skip_stop_words():
    c = _ngrams("Hikmet Hajiyev said the separatist regime fell, and ICRC helped.", _stop_words())
    assert c["separatist regime"] == 1
    assert "the" not in c and "said the" not in c


def test_names_are_not_distinctive_terms():
    case = Counter()
    _ngrams("Yesterday Hajiyev spoke. Then Hajiyev left, and ICRC staff stayed. Hajiyev returned.",
            _stop_words(), case=case)
    names = _name_words(case)
    assert {"hajiyev", "icrc"} <= names and "staff" not in names and "then" not in names


def test_frame_rows_shape_and_voices():
    a0 = art(0, 'The offensive began at dawn. "It was a counter-terrorist operation," the minister said. '
                 "The offensive continued. Offensive troops moved. The offensive was fierce.")
    a1 = art(1, "Talks opened in the capital. Diplomats met in the capital. The capital was calm.")
    qs = [quote(a0, "It was a counter-terrorist operation", speaker="e3")]
    rows = frame([a0, a1], qs, [])
    by = {(r.article, r.voice, r.term, r.category) for r in rows}
    assert ("a0", "e3", "counter-terrorist operation", "operation") in by
    assert not any(r.voice == "narrator" and r.term == "counter-terrorist operation" for r in rows)
    dist = [r for r in rows if r.category == "distinctive"]
    assert all(r.voice == "narrator" and r.score is not None and r.score >= 1.96 for r in dist)
    assert all(r.source for r in rows)


def test_lexicon_entries_all_have_sources():
    lex = load_lexicon()
    assert len(lex.entries) > 100
    assert all(e.source and (e.category or e.stop) for e in lex.entries)
    assert lex.modifier_source


# ---- the real corpus -------------------------------------------------------------

def _corpus_articles(corpus_dir):
    from rashomon import ingest, pipeline
    from rashomon.settings import Settings

    arts = []
    for p in sorted(corpus_dir.glob("*.txt")):
        for a in ingest.read(p, Settings()):
            a.id = f"a{len(arts)}"
            a, _ = pipeline.prepare(a)
            arts.append(a)
    return arts


@pytest.mark.corpus
def test_corpus_gold_framing_with_hand_built_quotes(corpus_dir, gold_path):
    """The gold framing, with a0's quotes built by hand (every “…” span and the
    embedded post), so this stage is checked apart from quote extraction."""
    import yaml

    from rashomon.types import Quote as Q

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    arts = _corpus_articles(corpus_dir)
    by_name = {a.name: a for a in arts}
    a0 = by_name[gold["files"]["a0"]]
    quotes = [Q(article=a0.id, start=m.start() + 1, end=m.end() - 1, text=m.group()[1:-1], kind="direct",
                speaker="e1") for m in re.finditer(r"[“\"][^“”\"]+[”\"]", a0.text)]
    ps = a0.text.index("I had a meeting with the @ICRC")
    pe = a0.text.index("23 hours and…") + len("23 hours and…")
    quotes.append(Q(article=a0.id, start=ps, end=pe, text=a0.text[ps:pe], kind="post", speaker="e1"))
    rows = frame(arts, quotes, [])

    def norm(s):
        return re.sub(r"\s+", " ", s.casefold().replace("’", "'")).strip()

    for key, terms in gold["framing"]["narrator"].items():
        a = by_name[gold["files"][key]]
        for t in terms:
            assert any(r.article == a.id and r.voice == "narrator" and norm(t) in norm(r.term)
                       for r in rows), (key, t)
    for key, terms in gold["framing"]["quoted_not_narrator"].items():
        a = by_name[gold["files"][key]]
        assert any(r.article == a.id and r.voice != "narrator" for r in rows)
        for t in terms:
            assert any(r.article == a.id and r.voice != "narrator" and norm(t) in norm(r.term) for r in rows), t
            assert not any(r.article == a.id and r.voice == "narrator" and norm(t) in norm(r.term)
                           for r in rows), t


@pytest.mark.corpus
def test_corpus_distinctive_terms_real_values(corpus_dir):
    arts = _corpus_articles(corpus_dir)
    rows = frame(arts, [], [])
    dist = {(r.article, r.term): r for r in rows if r.category == "distinctive"}
    a4 = next(a.id for a in arts if "soldiers help Armenian civilians" in a.text[:200])
    # the evacuation article stands out for its soldiers
    assert (a4, "soldiers") in dist and dist[(a4, "soldiers")].count == 6
    assert dist[(a4, "soldiers")].score > 2.5


def test_a_lexicon_term_that_is_also_distinctive_gets_one_row():
    a0 = art(0, "Witnesses described a massacre in the square. The massacre lasted an hour. "
                "After the massacre the square emptied. Nobody was charged for the massacre.")
    a1 = art(1, "The harvest festival opened in the square. Farmers sold apples. The square was crowded.")
    a2 = art(2, "The festival closed at night. Farmers packed their apples. The market hall was cleaned.")
    rows = frame([a0, a1, a2], [], [])
    keys = [(r.article, r.voice, r.term.casefold()) for r in rows]
    assert keys.count(("a0", "narrator", "massacre")) == 1
    assert len(keys) == len(set(keys))
    [row] = [r for r in rows if r.article == "a0" and r.term.casefold() == "massacre"]
    assert (row.category, row.count) == ("harm", 4)


def test_articles_not_analysed_get_no_framing_rows():
    a0 = art(0, "The offensive began at dawn. The offensive continued. Offensive troops moved.")
    a1 = art(1, "Talks opened in the capital. Diplomats met in the capital. The capital was calm.")
    a2 = art(2, "Le gouvernement de la région a dénoncé le massacre de la ville. Le massacre de la place a duré.")
    assert ("a2", "massacre") in {(r.article, r.term) for r in frame([a0, a1, a2], [], [])}
    rows = frame([a0, a1, a2], [], [], skip={"a2"})
    assert not [r for r in rows if r.article == "a2"]
    assert ("a0", "narrator", "offensive") in {(r.article, r.voice, r.term.casefold()) for r in rows}


def test_a_text_with_only_ascii_words_is_matched_as_an_ascii_text():
    # curly quotes, dashes and a no-break space are no word characters: the words the
    # prefilter finds are the words the token scan finds, and so are the matches
    from rashomon.compare import framing_lexicon

    text = ("Troops advanced on the “occupied” land \u2014 the separatists\u2019 "
            "enclave\u00a0\u2014 after a terrorist attack.")
    lex = load_lexicon()
    found = list(framing_lexicon._matches(text, lex))
    assert [text[s:e] for s, e, _ in found] == ["occupied", "separatists", "terrorist attack"]
    plain = framing_lexicon.Lexicon(**{f: getattr(lex, f) for f in ("entries", "regexes", "index", "modifiers",
                                                                      "compound_nouns", "modifier_source")})
    assert list(framing_lexicon._matches(text, plain)) == found  # no prefilter: every token looked up
