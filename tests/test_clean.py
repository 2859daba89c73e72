"""Cleaning: furniture and duplicates as removed spans, embedded posts."""
from __future__ import annotations

import pytest

from rashomon.clean import clean, split_lines
from rashomon.types import Article

PROSE = (
    "The ministry said on Monday that the talks would resume next week, and officials from both "
    "sides confirmed that the delegations had already arrived in the capital."
)
PROSE2 = (
    "Residents described long queues at the border crossing, where cars waited for hours before "
    "being allowed to pass, according to witnesses interviewed by phone."
)


def art(text: str) -> Article:
    return Article(id="t0", name="t.txt", path="t.txt", text=text)


def reason_of(text: str, line: str) -> str | None:
    """The removal reason covering ``line`` (first occurrence) in ``text``, or None if kept."""
    res = clean(art(text))
    i = text.index(line)
    for r in res.removed:
        if r.start <= i and i + len(line) <= r.end:
            return r.reason
    return None


def check_invariants(text: str) -> None:
    res = clean(art(text))
    last = -1
    for r in res.removed:
        assert r.start >= last, "removals overlap or are unsorted"
        assert text[r.start:r.end] == r.text
        assert r.detail
        last = r.end


# line, expected reason; each line is placed at the top of a page above a title and prose
HEAD_CASES = [
    ("  • USD103.43", "ticker"),
    ("EUR 109.01 ▲0.3%", "ticker"),
    ("• 383", "ticker"),
    ("DONATEРусский", "language-switcher"),
    ("English | Français | Español", "language-switcher"),
    ("Читать на русском языке", "language-switcher"),
    ("Read in English", "language-switcher"),
    ("REPORTS", "navigation"),
    ("POLITICS", "navigation"),
    ("World", "navigation"),
    ("Home | Politics | Sport", "navigation"),
    # a menu line of separated items: most items menu words, or any short items at the head
    ("Home | News | Community | Opinion | Contact", "navigation"),
    ("Start • Parish Notices • Allotments • Contact Us", "navigation"),
    # a news ticker: items opening with an all-caps label
    ("BREAKING: Bridge closed until Monday | WEATHER: Light rain, 9C | MARKETS: Grain prices steady", "ticker"),
    ("Share Tweet Email", "share"),
    ("Subscribe", "subscribe"),
    ("- Published Date: 10:33 | 24 November 2020", "byline"),
]


@pytest.mark.parametrize("line,reason", HEAD_CASES)
def test_head_furniture(line, reason):
    text = f"{line}\n\nTalks resume in the capital after a week\n\n{PROSE}\n"
    assert reason_of(text, line.strip()) == reason
    assert reason_of(text, PROSE) is None
    check_invariants(text)


# line, expected reason; each line is placed between two prose paragraphs
BODY_CASES = [
    ("Subscribe to our weekly digest", "subscribe"),
    ("Sign up for our daily newsletter", "subscribe"),
    ("Support independent journalism", "donate"),
    ("Share this article", "share"),
    ("You Might Also Like", "related"),
    ("Read more: Border talks stall again", "teaser"),
    ("Читайте также", "related"),
    ("The exact wording of the question can be found here.", "link"),
    ("The full text of the statement is available here.", "link"),
    ("Your browser is out of date and not supported. Please update it to view this site.", "browser-notice"),
    ("К сожалению, браузер, которым вы пользуйтесь, устарел и не позволяет корректно отображать сайт.",
     "browser-notice"),
    ("Google Chrome Firefox Safari", "browser-notice"),
    ("This website uses cookies to improve your experience.", "cookie-notice"),
    ("Siranush Sargsyan / PAN Photo via REUTERS", "photo-credit"),
    ("Jane Roe / AFP", "photo-credit"),
    ("Photo: Jane Roe", "photo-credit"),
    ("© AFP 2023", "photo-credit"),
    ("All rights reserved.", "footer"),
]


@pytest.mark.parametrize("line,reason", BODY_CASES)
def test_body_furniture(line, reason):
    text = f"A title for the test page\n\n{PROSE}\n\n{line}\n\n{PROSE2}\n"
    assert reason_of(text, line) == reason
    assert reason_of(text, PROSE) is None and reason_of(text, PROSE2) is None
    check_invariants(text)


# prose that mentions furniture words is kept
KEPT = [
    "Share prices fell by three percent on Monday after the announcement of new sanctions on banks.",
    "Related talks will resume next week in Geneva, the ministry said in a statement.",
    "The government said it would subscribe to the treaty, officials told reporters at the briefing in the capital.",
    "Officials said the full text of the agreement, which runs to forty pages and covers the withdrawal "
    "of troops, can be found here in the archive of the ministry.",
]


@pytest.mark.parametrize("line", KEPT)
def test_prose_with_furniture_words_is_kept(line):
    text = f"A title for the test page\n\n{PROSE}\n\n{line}\n\n{PROSE2}\n"
    assert reason_of(text, line) is None


@pytest.mark.parametrize("line", [
    "Maria Lopez | Ahmed Khan | Li Wei",  # separated short items inside the body: not a menu
    "Results: Lopez 40 | Khan 35 | Wei 25",
    "The talks covered energy | transport | trade, the ministry said.",
])
def test_separated_items_inside_body_are_kept(line):
    text = f"A title for the test page\n\n{PROSE}\n\n{line}\n\n{PROSE2}\n"
    assert reason_of(text, line) is None


def test_all_caps_line_inside_body_is_kept():
    text = f"A title for the test page\n\n{PROSE}\n\nUPDATE\n\n{PROSE2}\n"
    assert reason_of(text, "UPDATE") is None


def test_tail_furniture_after_last_paragraph():
    text = f"A title for the test page\n\n{PROSE}\n\nCONTACTS\nABOUT US\n"
    assert reason_of(text, "CONTACTS") == "navigation"
    assert reason_of(text, "ABOUT US") == "navigation"


def test_related_box_headlines_removed_until_prose():
    text = (f"A title for the test page\n\n{PROSE}\n\nRelated\nMinisters meet in Geneva\n"
            f"Border reopens after talks\n\n{PROSE2}\n")
    assert reason_of(text, "Ministers meet in Geneva") == "related"
    assert reason_of(text, "Border reopens after talks") == "related"
    assert reason_of(text, PROSE2) is None


# -- duplicates -----------------------------------------------------------------

QUESTIONS = (
    "Question 1\n\nWhat guarantees can you give to the civilians who stay in their homes tonight?\n\n"
    "Question 2\n\nWhen will the humanitarian corridor open for those who want to leave?"
)


def test_repeated_question_block_kept_once_and_removed_whole():
    text = (f"A title for the test page\n\n{PROSE}\n\n{QUESTIONS}\n\nFirst answer paragraph that is long enough "
            f"to count as prose for the reader.\n\n{QUESTIONS}\n\n{PROSE2}\n\n{QUESTIONS}\n")
    res = clean(art(text))
    dups = [r for r in res.removed if r.reason == "duplicate"]
    assert len(dups) == 2
    assert all(r.text == QUESTIONS for r in dups)
    first = text.index(QUESTIONS)
    assert all(r.start > first for r in dups)
    assert reason_of(text, PROSE2) is None
    check_invariants(text)


def test_caption_repeated_on_next_line():
    cap = "A view of a damaged building in the town centre, September 19, 2023."
    short = "September 19, 2023, Springfield"
    text = f"A title for the test page\n\n{PROSE}\n{cap}\n{cap}\nJane Roe / AFP\n{short}\n{short}\n\n{PROSE2}\n"
    res = clean(art(text))
    dup_starts = sorted(r.start for r in res.removed if r.reason == "duplicate")
    assert dup_starts == [text.index(cap) + len(cap) + 1, text.index(short) + len(short) + 1]


def test_short_repeat_apart_is_kept():
    text = f"A title for the test page\n\nQuestion 1\n\n{PROSE}\n\nQuestion 1\n\n{PROSE2}\n"
    assert not [r for r in clean(art(text)).removed if r.reason == "duplicate"]


def test_standfirst_repeated_split_in_body():
    a = "One commander told civilians: \"You can stay here if you want.\""
    b = "Residents confirmed what the commander said and thanked him."
    text = f"A title for the test page\n{a}{b}\n- World\n{PROSE}\n{a}\n{b}\n{PROSE2}\n"
    res = clean(art(text))
    dups = [r for r in res.removed if r.reason == "duplicate"]
    assert [d.text for d in dups] == [a + b]
    assert reason_of(text, PROSE) is None


def test_exact_repeated_lede_kept_once():
    text = f"A title for the test page\n\n{PROSE}\n\n{PROSE2}\n\n{PROSE}\n"
    res = clean(art(text))
    assert [r.start for r in res.removed if r.reason == "duplicate"] == [text.rindex(PROSE)]


# -- embedded posts ---------------------------------------------------------------

POST_CASES = [
    # text, post text, author, date
    ("I met the @ICRC office today.\n— Jane Roe (@janeroe) September 22, 2023", "I met the @ICRC office today.",
     "Jane Roe", "2023-09-22"),
    ("Talks were useful. pic.twitter.com/AbC123\n– Jane Roe (@jane_roe) 22 September 2023",
     "Talks were useful.", "Jane Roe", "2023-09-22"),
    ("Talks were useful and long. https://t.co/xyz — John Q. Public (@jqp) Sep 5, 2023",
     "Talks were useful and long.", "John Q. Public", "2023-09-05"),
    ("We stand ready to help.\n\n- Minister Ann Lee (@AnnLee) Sept. 1, 2023", "We stand ready to help.",
     "Minister Ann Lee", "2023-09-01"),
]


@pytest.mark.parametrize("body,post,author,date", POST_CASES)
def test_post_attribution_variants(body, post, author, date):
    text = f"A title for the test page\n{PROSE}\n{body}\n{PROSE2}"
    res = clean(art(text))
    assert len(res.posts) == 1
    q = res.posts[0]
    assert q.kind == "post" and q.article == "t0" and q.cue is None
    assert text[q.start:q.end] == q.text == post
    assert q.speaker_text == author and text[q.speaker_start:q.speaker_end] == author
    assert q.date == date
    # the attribution line stays in the body
    attribution = body.splitlines()[-1]
    assert reason_of(text, attribution[-12:]) is None


@pytest.mark.parametrize("body", [
    "I met the office today.\n— Jane Roe (@janeroe)",            # no date
    "I met the office today.\nJane Roe (@janeroe) September 22, 2023",  # no dash
])
def test_no_post_without_full_attribution(body):
    assert clean(art(f"A title for the test page\n{PROSE}\n{body}\n{PROSE2}")).posts == []


def test_split_lines_offsets():
    text = "  a b\n\nc  \n"
    lines = split_lines(text)
    assert [(ln.text, text[ln.start:ln.end]) for ln in lines] == [("a b", "a b"), ("", ""), ("c", "c"), ("", "")]


# -- the real corpus --------------------------------------------------------------

def _read(corpus_dir, prefix):
    p = next(corpus_dir.glob(f"{prefix}_*.txt"))
    return Article(id="a" + prefix[-1], name=p.name, path=str(p), text=p.read_text("utf-8"))


def test_corpus_interview_page(corpus_dir):
    a = _read(corpus_dir, "002")
    res = clean(a)
    reasons = {r.text: r.reason for r in res.removed}
    assert reasons["DONATEРусский"] == "language-switcher"
    assert reasons["• USD103.43"] == "ticker"
    assert reasons["Subscribe to our weekly digest"] == "subscribe"
    assert reasons["Google Chrome Firefox Safari"] == "browser-notice"
    dups = [r for r in res.removed if r.reason == "duplicate"]
    # the four interview questions repeat three times after their first showing, one block each
    assert sum(r.text.startswith("Question 1") for r in dups) == 3
    assert sum(len(r.text.split()) for r in res.removed) < len(a.text.split()) // 2


def test_corpus_post_and_byline(corpus_dir):
    a0 = _read(corpus_dir, "000")
    res = clean(a0)
    assert res.removed == []
    (q,) = res.posts
    assert q.text.startswith("I had a meeting with the @ICRC Baku Office") and q.date == "2023-09-22"
    assert q.speaker_text == a0.text[q.speaker_start:q.speaker_end]
    a4 = _read(corpus_dir, "004")
    reasons = [r.reason for r in clean(a4).removed]
    assert reasons.count("byline") == 4 and reasons.count("duplicate") == 1


@pytest.mark.parametrize("noise,expect", [
    ('"' * 5000, True),                    # a line of straight double marks
    ("“”" * 30, True),                     # curly marks of mixed style
    ("!" * 20, True),                      # at the threshold
    ("-" * 40, True),                      # a rule line inside prose
    ("!" * 19, False),                     # under the threshold
    ("?!" * 20, False),                    # alternating punctuation: not one repeated character
    ("a" * 40, False),                     # letters are never noise
])
def test_noise_runs_are_removed(noise, expect):
    text = f"{PROSE}\n\nThe minister said {noise} and left.\n\n{PROSE2}\n"
    res = clean(art(text))
    i = text.index(noise)
    hits = [r for r in res.removed if r.reason == "noise"]
    if expect:
        assert [(r.start, r.end) for r in hits] == [(i, i + len(noise))]
        assert hits[0].text == noise and hits[0].detail
    else:
        assert hits == []
    # the rest of the line is kept
    assert not any(r.start <= text.index("The minister") < r.end for r in res.removed)


def test_noise_is_not_added_inside_removed_lines():
    line = "Share " + "*" * 30
    text = f"{PROSE}\n{line}\n{PROSE2}\n{PROSE}\n"
    res = clean(art(text))
    spans = sorted((r.start, r.end) for r in res.removed)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "removals overlap"


def test_overlap_test_answers_as_a_scan_of_the_spans():
    from rashomon.clean import overlap_test

    spans = [(40, 60), (0, 5), (10, 30)]  # any order
    overlaps = overlap_test(spans)
    assert [overlaps(s, e) for s, e in [(5, 10), (4, 6), (30, 40), (29, 31), (60, 70), (35, 41), (0, 100)]] == \
        [False, True, False, True, False, True, True]
    assert overlap_test([])(0, 10) is False
