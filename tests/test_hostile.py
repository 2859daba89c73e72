"""Hostile input: each example of a stalled, corrupted or silently dropped run
is a test. Inputs are built here (runs of one character, deep nesting,
control characters), never copied from a corpus.

A run that used to take minutes is guarded by the per-article time budget
(so a regression fails instead of hanging the suite); what is asserted is
the result, never the time taken (speed is measured in
``benchmarks/adversarial.py``).
"""
from __future__ import annotations

import itertools
import json
import re
import time

import pytest

from rashomon import annotate, budget
from rashomon.budget import time_budget
from rashomon.errors import TimeBudgetError
from rashomon.ingest import read
from rashomon.pipeline import prepare
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

GUARD = 60  # seconds: far above the milliseconds each case takes now


def _article(text: str) -> Article:
    return Article(id="a0", name="hostile.txt", path="hostile.txt", text=text)


# --- text that made a regular expression quadratic ---------------------------

@pytest.mark.parametrize("text", [
    "The agency " + "Ab" * 50_000 + " has x.",                      # _LEARNED on a 100 KB word
    "Officials said, Harbour Daily reports" + "!" * 50_000 + "x",  # _SENTENCE on a long '!' run
    "He said" + "," * 50_000 + " the port reopened, officials said.",
    "By " + " " * 50_000 + "Staff, for | Harbour Daily",           # the byline split on a long space run
], ids=["long word before has", "exclamation run after reports", "comma run", "space run in a byline"])
def test_prepare_reads_a_100kb_line_of_one_character_class(text):
    with time_budget(GUARD, "cleaning"):
        art, posts = prepare(_article(text))
    assert art.text == text and posts == []
    assert art.words_kept + art.words_removed == len(text.split())
    assert all(0 <= r.start <= r.end <= len(text) for r in art.removed)


def test_a_name_before_has_learned_is_still_found_after_a_long_word():
    from rashomon.metadata import _LEARNED

    text = "Ab" * 50_000 + "\nThe Harbour Gazette has learned that the port will reopen on Monday."
    found = [m.group("x") for line in text.split("\n") for m in _LEARNED.finditer(line)]  # per line, as read
    assert found == ["The Harbour Gazette"]


def test_comma_near_end_on_a_long_comma_run():
    from rashomon.extract.attribution import _comma_near_end

    assert _comma_near_end("," * 100_000 + " Harbour Daily") is True
    assert _comma_near_end("," * 100_000 + " one two three four five") is False


# --- readers: one bad part never costs the rest ------------------------------

def test_deeply_nested_json_line_is_skipped_and_the_other_records_kept(tmp_path):
    good = json.dumps({"text": "The harbour master said the port reopened on Monday."})
    p = tmp_path / "feed.jsonl"
    p.write_text(good + "\n" + "[" * 1000 + "\n" + good.replace("Monday", "Tuesday") + "\n", encoding="utf-8")
    items = read(p, Settings())
    assert [type(i) for i in items] == [Article, Skipped, Article]
    assert items[1].path.endswith("feed.jsonl#2")
    assert items[1].reason.startswith("line 2: JSON nested too deeply to read")
    assert "Tuesday" in items[2].text


def test_html_record_whose_reader_fails_is_skipped_and_the_others_kept(tmp_path, monkeypatch):
    from rashomon.ingest import html as html_mod

    real = html_mod.extract

    def fragile(markup, name="page"):
        if "BOOM" in markup:
            raise MemoryError("parser exhausted")
        return real(markup, name)

    monkeypatch.setattr(html_mod, "extract", fragile)
    p = tmp_path / "pages.jsonl"
    p.write_text("\n".join(json.dumps({"html": f"<p>{t}</p>"}) for t in (
        "The mayor said the bridge is open.", "BOOM", "The governor said the road is closed.")) + "\n",
        encoding="utf-8")
    items = read(p, Settings())
    assert [type(i) for i in items] == [Article, Skipped, Article]
    assert items[1].reason == "line 2: MemoryError: parser exhausted"


def test_control_character_in_a_page_read_by_the_fallback(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<p>Workers gathered at the gate on Monday morning to protest.\x0b</p>", encoding="utf-8")
    [art] = read(p, Settings())
    assert art.text.startswith("Workers gathered at the gate on Monday morning to protest.")


def test_fifty_thousand_nested_elements_keep_their_text(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<b>" * 50_000 + "Workers gathered at the gate." + "</b>" * 50_000
                 + "</body></html>", encoding="utf-8")
    with time_budget(GUARD, "reading"):
        [art] = read(p, Settings())
    assert art.text == "Workers gathered at the gate."


def test_fallback_text_keeps_blocks_and_comment_tails_and_drops_scripts():
    from rashomon.ingest.html import body_text

    markup = "<body><p>First<!-- c --> line</p><script>alert(1)</script>tail<div>Second\x01 block</div></body>"
    assert body_text(markup) == "First line\ntail\nSecond\x01 block"


# --- long articles -----------------------------------------------------------

def test_chunks_end_at_paragraph_breaks_and_cover_the_text():
    paragraph = "The council met on 3 March 2024 in the harbour town, officials said. " * 20
    text = "\n\n".join(paragraph.strip() for _ in range(40))
    ends = annotate.chunk_ends(text, 5_000)
    assert ends[-1] == len(text) and len(ends) > 1
    assert all(b - a <= 5_000 for a, b in zip([0, *ends], ends))
    assert all(text[e - 2:e] == "\n\n" for e in ends[:-1])


def test_a_text_without_breaks_is_cut_at_the_limit():
    assert annotate.chunk_ends("x" * 12_000, 5_000) == [5_000, 10_000, 12_000]


def test_chunked_doc_has_the_offsets_of_the_whole_text(nlp, monkeypatch):
    text = "\n".join(f"On {d} March 2024 the harbour council of Velmar met again, a spokesman said."
                     for d in range(1, 29))
    whole = next(annotate.pipe(nlp, [text]))
    monkeypatch.setattr(annotate, "CHUNK_CHARS", 500)
    joined = next(annotate.pipe(nlp, [text]))
    assert annotate.doc_text(joined) == text and joined.text == text
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]
    assert [(e.start_char, e.end_char, e.label_) for e in joined.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert [s.start_char for s in joined.sents] == [s.start_char for s in whole.sents]


# --- long articles of ordinary sentences ------------------------------------------

PLACES = ("Velmar", "Ostra", "Kelby", "Tarn", "Mirov")
MONTHS = ("January", "March", "May", "July", "September", "November")


def _dates(n: int) -> list[tuple[int, str, int]]:
    """``n`` distinct (day, month, year) triples."""
    return [(d, m, y) for y, m, d in itertools.islice(itertools.product(range(1990, 2100), MONTHS, range(1, 29)), n)]


def _dated_lines(n: int) -> list[str]:
    """``n`` distinct sentences, one a line, each opening with its own date."""
    return [f"On {d} {m} {y} the harbour council of {p} met again, officials said."
            for (d, m, y), p in zip(_dates(n), itertools.cycle(PLACES))]


def test_an_article_of_ten_thousand_dated_sentences_is_cleaned_whole():
    # the 0.93 MB article: every line a sentence, thousands sharing their first words
    text = "\n".join(_dated_lines(10_000))
    with time_budget(GUARD, "cleaning"):
        art, posts = prepare(_article(text))
    assert art.removed == [] and posts == [] and art.words_removed == 0
    assert art.words_kept == len(text.split()) and art.language == "en"


def test_a_split_standfirst_is_found_among_thousands_of_lines_of_its_opening():
    first, second = "The harbour council of Velmar met on 30 June 2024", "to vote on the port, officials said."
    filler = [f"The harbour council of {p} met on {d} {m} {y}, officials said."
              for (d, m, y), p in zip(_dates(3_000), itertools.cycle(PLACES))]
    lines = [f"{first} {second}", *filler[:15], first, second, *filler[15:]]
    text = "\n".join(lines)
    with time_budget(GUARD, "cleaning"):
        art, _ = prepare(_article(text))
    assert [(r.start, r.reason, r.detail) for r in art.removed] == [
        (0, "duplicate", "repeats lines 17–18 (a standfirst repeated in the body)")]


def test_long_articles_of_dated_and_quoted_lines_are_analysed_in_chunks(tmp_path, monkeypatch):
    # the dated sentences (192 s, 3.3 GB) and quoted words (1.6 GB), small, read in 2,000-character chunks
    from rashomon import analyze

    monkeypatch.setattr(annotate, "CHUNK_CHARS", 2_000)
    dated = _dated_lines(150)
    quoted = [f'"The port of {p} stays closed until {d} {m}," a spokesman said.'
              for (d, m, _), p in zip(_dates(100), itertools.cycle(PLACES))]
    (tmp_path / "dated.txt").write_text("\n".join(dated), encoding="utf-8")
    (tmp_path / "quoted.txt").write_text("\n".join(quoted), encoding="utf-8")
    report = analyze([tmp_path], Settings.from_env(article_seconds=GUARD))
    ids = {a.name: a.id for a in report.articles}
    assert report.skipped == [] and len(report.articles[0].text) > 5 * annotate.CHUNK_CHARS
    months = {m: i for i, m in enumerate(MONTHS)}
    expected = [f"{y}-{2 * months[m] + 1:02d}-{d:02d}" for d, m, y in _dates(150)]
    assert [t.value for t in report.temporal_expressions if t.article == ids["dated.txt"]] == expected
    assert sum(c.article == ids["dated.txt"] for c in report.claims) == 150
    said = [(q.kind, q.speaker_text, q.text) for q in report.quotes if q.article == ids["quoted.txt"]]
    assert said == [("direct", "a spokesman", line[1:line.index('," ') + 1]) for line in quoted]


# --- the time budget -----------------------------------------------------------

def test_budget_stops_a_block_that_runs_too_long():
    if not budget.available():
        pytest.skip("SIGALRM is not available here")
    started = time.monotonic()
    with pytest.raises(TimeBudgetError, match=r"^cleaning stopped after 0.2 s, the time budget per article"):
        with time_budget(0.2, "cleaning"):
            while True:
                time.sleep(0.01)
    assert time.monotonic() - started < 5


def test_budget_is_disarmed_after_the_block():
    import signal

    with time_budget(5, "analysis"):
        pass
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_an_article_over_the_budget_is_skipped_and_the_batch_goes_on(tmp_path, monkeypatch):
    if not budget.available():
        pytest.skip("SIGALRM is not available here")
    from rashomon import analyze, pipeline

    (tmp_path / "a.txt").write_text("The mayor said on Monday that the bridge would reopen.\n", encoding="utf-8")
    (tmp_path / "slow.txt").write_text("STALL. The governor said the port is closed.\n", encoding="utf-8")
    real = pipeline.clean.clean

    def stalling(article):
        while "STALL" in article.text:
            time.sleep(0.05)
        return real(article)

    monkeypatch.setattr(pipeline.clean, "clean", stalling)
    report = analyze([tmp_path], Settings.from_env(article_seconds=1))
    assert [a.name for a in report.articles] == ["a.txt"]
    [skip] = report.skipped
    assert skip.path.endswith("slow.txt")
    assert re.match(r"cleaning stopped after 1 s, the time budget per article; the rest of the batch goes on",
                    skip.reason)
    assert [q.speaker_text for q in report.quotes] == ["The mayor"]


def test_budget_is_a_no_op_outside_the_main_thread():
    import threading

    done = []

    def work():
        with time_budget(0.01, "analysis"):
            time.sleep(0.05)
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert done == [True]
