"""Text reuse: verbatim and near-verbatim passages shared by two articles."""
from __future__ import annotations

import pytest

from rashomon.compare.reuse import find_reuse, tokenize
from rashomon.settings import Settings
from rashomon.types import Article, Removal

SHARED = ("the ministry said that all roads to the northern villages would reopen for "
          "families who wish to return home before winter")


def art(i: int, text: str, removed: list[Removal] | None = None) -> Article:
    return Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text=text, removed=removed or [])


def run(*texts: str, min_words: int = 8):
    return find_reuse([art(i, t) for i, t in enumerate(texts)], Settings(min_reuse_words=min_words))


def test_verbatim_passage_exact_spans():
    a = "Storms hit the coast on Monday. " + SHARED[0].upper() + SHARED[1:] + ". Nothing else was said."
    b = "In other news, officials confirmed that " + SHARED + ", a spokesman added."
    [r] = run(a, b)
    assert (r.a, r.b) == ("a0", "a1")
    assert a[r.a_start:r.a_end].lower() == SHARED
    assert b[r.b_start:r.b_end] == SHARED
    assert r.text == a[r.a_start:r.a_end]
    assert r.similarity == 1.0


def test_near_verbatim_merged_over_punctuation_quotes_and_an_inserted_word():
    a = ("He wrote: “Military personnel who voluntarily lay down their weapons are free, "
         "as we (have) openly stated.” Later he left.")
    b = "Military personnel who voluntarily lay down their weapons are free as we openly stated. Then rain."
    [r] = run(a, b)
    assert a[r.a_start:r.a_end] == ("Military personnel who voluntarily lay down their weapons are free, "
                                    "as we (have) openly stated")
    assert b[r.b_start:r.b_end] == "Military personnel who voluntarily lay down their weapons are free as we openly stated"
    assert 0.85 < r.similarity < 1.0


def test_near_verbatim_with_a_changed_word_in_the_middle_is_one_passage():
    a = "x " + "the convoy of trucks carrying flour and medicine reached the besieged town late on Tuesday evening" + " y"
    b = "z " + "the convoy of lorries carrying flour and medicine reached the besieged town late on Tuesday evening" + " w"
    [r] = run(a, b)
    assert a[r.a_start:r.a_end].startswith("the convoy of trucks")
    assert b[r.b_start:r.b_end].endswith("Tuesday evening")


@pytest.mark.parametrize("shared,expected", [
    ("one two three four five six seven", 0),          # 7 words: under the default 8
    ("one two three four five six seven eight", 1),    # 8 words: reported
])
def test_minimum_passage_length(shared, expected):
    a = "alpha beta gamma " + shared + " delta epsilon"
    b = "kappa lambda " + shared + " mu nu xi"
    assert len(run(a, b)) == expected


def test_setting_changes_the_minimum():
    shared = "one two three four five six seven eight nine ten"
    a, b = "alpha " + shared + " beta", "gamma " + shared + " delta"
    assert len(run(a, b, min_words=10)) == 1
    assert len(run(a, b, min_words=11)) == 0


def test_boilerplate_shared_by_all_articles_not_reported():
    boiler = "subscribe to our weekly digest to get the best stories of the week in your inbox"
    bodies = [
        "The river flooded the lower town and several bridges were closed to traffic.",
        "A new school opened in the capital with places for six hundred pupils from this autumn.",
        "Farmers protested against the price of fuel outside the ministry on Friday morning.",
        "The football club announced a new coach after a run of eight defeats in a row.",
    ]
    assert run(*[b + " " + boiler for b in bodies]) == []


def test_passage_in_two_of_many_articles_is_reuse_not_boilerplate():
    others = [f"unrelated story number {w} about weather sport and markets in the region" for w in
              ("one", "two", "three", "four")]
    rs = run("intro. " + SHARED, "lead. " + SHARED + " end", *others)
    assert [(r.a, r.b) for r in rs] == [("a0", "a1")]


def test_same_article_repetition_not_reported():
    assert run(SHARED + ". " + SHARED) == []
    assert run(SHARED + ". " + SHARED, "nothing in common here at all with that text, no sir") == []


def test_removed_furniture_takes_no_part():
    text_a = "Menu Home World " + SHARED + " end"
    start = text_a.index(SHARED)
    a = art(0, text_a, [Removal(start=start, end=start + len(SHARED), reason="related", text=SHARED)])
    b = art(1, "Story: " + SHARED + ".")
    assert find_reuse([a, b], Settings()) == []


def test_passage_does_not_run_across_removed_furniture():
    left = "the first part of the shared story runs to here"
    right = "and the second part carries on with other words"
    text_a = left + " ADVERTISEMENT " + right
    s = text_a.index("ADVERTISEMENT")
    a = art(0, text_a, [Removal(start=s, end=s + 13, reason="ad", text="ADVERTISEMENT")])
    b = art(1, left + " " + right)
    rs = find_reuse([a, b], Settings())
    assert len(rs) == 2
    assert all("ADVERTISEMENT" not in r.text for r in rs)


def test_tokenize_folds_case_accents_and_quotes():
    toks, starts, ends = tokenize("“İnternational” Law’s")
    assert toks == ["international", "law", "s"]
    assert [("“İnternational” Law’s")[s:e] for s, e in zip(starts, ends)] == ["İnternational", "Law", "s"]


def test_fewer_than_two_articles():
    assert run(SHARED) == []
    assert find_reuse([], Settings()) == []


@pytest.mark.corpus
def test_corpus_gold_passages(corpus_report, gold_path):
    import yaml

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    names = {a.name: a for a in corpus_report.articles}
    for g in gold["reuse"]:
        A, B = names[gold["files"][g["a"]]], names[gold["files"][g["b"]]]
        for p in g["passages"]:
            sa, sb = A.text.index(p), B.text.index(p)
            hit = [r for r in corpus_report.reuse if r.a == A.id and r.b == B.id
                   and min(r.a_end, sa + len(p)) - max(r.a_start, sa) >= len(p) // 2
                   and min(r.b_end, sb + len(p)) - max(r.b_start, sb) >= len(p) // 2]
            assert hit, p
    # every reported passage is a real shared text between different articles
    for r in corpus_report.reuse:
        assert r.a != r.b
        assert r.b_end - r.b_start > 0 and r.a_end - r.a_start > 0
        assert 0.8 <= r.similarity <= 1.0


def _filler(i: int) -> str:
    """An article body sharing no word with any other filler."""
    return " ".join(f"w{i}x{j}" for j in range(20)) + "."


@pytest.mark.parametrize("holders,expected", [
    (2, {("a0", "a1")}),
    (3, {("a0", "a1"), ("a0", "a2"), ("a1", "a2")}),       # up to MAX_CLIQUE: all pairs
    (4, {("a0", "a1"), ("a0", "a2"), ("a0", "a3")}),       # above: each copy to the first holder
    (30, {("a0", f"a{i}") for i in range(1, 30)}),
])
def test_passage_in_many_articles_links_each_copy_to_the_first_holder(holders, expected):
    # the passage is in fewer than half of the articles, so it is wire copy, not boilerplate
    texts = [f"lead{i}. " + SHARED + f". tail{i}." for i in range(holders)]
    texts += [_filler(i) for i in range(holders + 2)]
    rs = run(*texts)
    assert {(r.a, r.b) for r in rs} == expected
    assert len(rs) == len(expected)                        # one row per pair: O(n) for n copies
    assert all(r.text.lower() == SHARED for r in rs)


def test_reuse_rows_per_article_stay_bounded_as_copies_grow():
    # every article copies two of six passages; rows per article must not grow with the corpus
    passages = [" ".join(f"p{k}t{j}" for j in range(12)) for k in range(6)]

    def corpus(n: int) -> list[str]:
        return [f"intro{i}. " + passages[i % 6] + f". middle{i} m{i} n{i} o{i}. "
                + passages[(i * 5 + 1) % 6] + f". end{i}."
                for i in range(n)]

    # each passage is held by n/3 articles (4, 8, 16); each article holds two passages,
    # so at most one row per held passage: all pairs among 8 holders would give 3.5
    per_article = [len(run(*corpus(n))) / n for n in (12, 24, 48)]
    assert per_article == [1.5, 1.75, 1.875]
