"""Cleaning by line shape and UI vocabulary: breadcrumbs, share bars, prompts,
wire credits, corrections, captions, pull quotes and contents lists.

Every page here is written for the tests (a fictional town, Larnholm)."""
from __future__ import annotations

import pytest

from rashomon.clean import clean
from rashomon.types import Article

P1 = ("The council of Larnholm voted on Tuesday to close the old river bridge to lorries, after engineers found "
      "cracks in two of its supporting piers during a routine inspection.")
P2 = ("Residents who live near the bridge said the lorries had shaken their windows for years, and several of them "
      "welcomed the decision at a public meeting that evening.")
P3 = ("The council said the bridge would stay open to cars and buses while repairs were planned, and that a "
      "diversion for lorries would be signposted from Thursday morning.")


def art(text: str, **kw) -> Article:
    return Article(id="t0", name="t.txt", path="t.txt", text=text, **kw)


def reasons(text: str) -> dict[str, str | None]:
    """Each non-blank line of ``text`` → the reason of the removal covering it (None: kept)."""
    res = clean(art(text))
    out, pos = {}, 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if line.strip():
            out[line.strip()] = next((r.reason for r in res.removed if r.start <= s + len(line) - len(line.lstrip())
                                      and e - (len(line) - len(line.rstrip())) <= r.end), None)
    return out


def page(*middle: str) -> str:
    return "\n".join(["Lorries banned from Larnholm bridge", "", P1, "", *middle, "", P2, "", P3, ""])


# line, reason: each line placed between two paragraphs of prose
BODY = [
    ("Home › Local › Transport", "breadcrumb"),
    ("Print | Share this story: Facebook · X · Email", "share"),
    ("Share: Facebook | WhatsApp | LinkedIn | Copy link", "share"),
    ("Follow us on Instagram · Threads · Bluesky", "follow"),
    ("Find us on Telegram", "follow"),
    ("Download the Larnholm Post app for alerts on your phone.", "app"),
    ("Read the Post anywhere: get our app for iOS and Android", "app"),
    ("Advertisement", "advertisement"),
    ("SPONSORED CONTENT", "advertisement"),
    ("Advertisement · Scroll to continue", "advertisement"),
    ("37 comments", "comments"),
    ("Comments (12)", "comments"),
    ("5 comments · Sign in to comment", "comments"),
    ("6 min read", "reading-time"),
    ("▶ Listen to this story · 4 min", "reading-time"),
    ("Skip to main content", "navigation"),
    ("High-contrast version", "accessibility"),
    ("Version for the visually impaired", "accessibility"),
    ("You are reading a story from our archive. Figures may have changed.", "archive-notice"),
    ("Tags: bridges, Larnholm, transport", "tags"),
    ("Was this story helpful? Yes | No", "feedback"),
    ("Our standards: the Post's editorial principles.", "standards"),
    ("Read more: Why the river bridge was built in 1911", "teaser"),
    ("Related: Ferry fares rise again", "teaser"),
    ("Not a member yet? Join the guild – together we are heard.", "donate"),
    ("Keep the Post free to read. Become a supporter", "donate"),
    ("Harbour relief fund – DONATE NOW", "donate"),
    ("Get the Evening Post in your inbox every weekday.", "subscribe"),
    ("The Post at Nine – our morning newsletter, free. Sign up", "subscribe"),
    ("Subscribe to continue reading", "paywall"),
    ("Already a subscriber? Log in", "paywall"),
    ("Please verify you are a human", "bot-check"),
    ("Accept all | Reject all | Manage settings", "cookie-notice"),
    ("We and our partners store and access information on your device to measure audiences.", "cookie-notice"),
    ("Save article", "tools"),
    ("Show more", "navigation"),
    ("LAST UPDATE | 12 minutes ago", "byline"),
    ("Prove your humanity to continue", "bot-check"),
    ("LISTEN to the podcast on the bridge closure", "reading-time"),
    ("Click to expand image", "tools"),
    ("Republication of Post content is prohibited without prior written consent.", "footer"),
    ("When quoting materials, a hyperlink to the website is mandatory.", "footer"),
    ("(Reporting by Ana Vidal; Additional reporting by Tom Bell; Editing by Ruth Moss)", "credit"),
    ("Reporting by Ana Vidal in Larnholm; Writing by Tom Bell; Editing by Ruth Moss", "credit"),
    ("Ana Vidal contributed reporting.", "credit"),
]


@pytest.mark.parametrize("line,reason", BODY)
def test_furniture_between_paragraphs(line, reason):
    got = reasons(page(line))
    assert got[line] == reason
    assert got[P1] is got[P2] is got[P3] is None


# prose that uses furniture words stays
KEPT = [
    "The council said residents could download the form from its website, and that the app would follow later.",
    "A spokeswoman said the company uses cookies only on its booking site, which the regulator is reviewing.",
    "The union's newsletter reported that more than 300 drivers had signed a letter to the council.",
    "Five more towns will join today.",
    "Officials asked drivers to sign up.",
    "The councillor, who wrote the report, said she would follow the inspectors' advice on the repairs.",
    "Shares in the haulage firm fell 3 per cent after the announcement, and analysts said more falls could follow.",
    "The report was written by the council's engineers and checked by an outside firm.",
    "Read more about the repairs in the council's own report, which runs to forty pages and was published in May.",
]


@pytest.mark.parametrize("line", KEPT)
def test_prose_with_furniture_words_is_kept(line):
    got = reasons(page(line))
    assert got[line] is None


@pytest.mark.parametrize("note", [
    "Correction: An earlier version of this story gave the wrong date for the inspection.",
    "Correction, 3 May 2024: An earlier version of this story misnamed the engineer.",
    "Editor's note: This story has been updated with the council's statement.",
    "Clarification: The bridge remains open to cyclists.",
])
def test_corrections_are_never_furniture(note):
    # even below the last paragraph, among footer lines
    text = page() + f"{note}\nShare this story\n© 2024 Larnholm Post\n"
    got = reasons(text)
    assert got[note] is None and got["Share this story"] == "share"


def test_breadcrumb_needs_three_steps_for_a_slash():
    got = reasons(page("Cars / Buses / Lorries", "cars / buses"))
    assert got["Cars / Buses / Lorries"] == "breadcrumb"
    assert got["cars / buses"] is None


# -- repeated passages -----------------------------------------------------------

QUESTIONS = ["When did the engineers first see the cracks?", "Could the bridge fail without warning?",
             "What happens to the lorries now?"]


def interview(contents_below: bool) -> str:
    toc = ["WHAT WE ASKED", *QUESTIONS]
    body = []
    for q in QUESTIONS:
        body += [f"LARNHOLM POST: {q}", "",
                 "INSPECTOR: We saw them in March, during the spring inspection, and we closed the lane at once.", ""]
    return "\n".join(["Inspector on the bridge cracks", "", *toc, "", P1, "", *body, P2, "",
                      *(toc if contents_below else []), ""])


@pytest.mark.parametrize("below", [False, True])
def test_contents_list_removed_and_questions_kept_in_the_interview(below):
    text = interview(below)
    res = clean(art(text))
    for q in QUESTIONS:
        kept = [i for i in range(len(text)) if text.startswith(q, i)
                and not any(r.start <= i and i + len(q) <= r.end for r in res.removed)]
        assert len(kept) == 1 and text[kept[0] - len("LARNHOLM POST: "):kept[0]] == "LARNHOLM POST: "
    heading = text.index("WHAT WE ASKED")
    assert any(r.start <= heading < r.end for r in res.removed)


def test_pull_quote_removed_passage_kept():
    quote = "“We closed the lane at once, and we would do it again,” the inspector said."
    text = page(quote, "", "Engineers found two cracked piers. " + quote + " Repairs will take a year.")
    got = reasons(text)
    assert got[quote] == "pull-quote"


def test_a_sentence_found_mid_sentence_elsewhere_is_not_a_copy():
    line = "The river bridge has been at the centre of the town's transport plans."
    other = "Since the war, the river bridge has been at the centre of the town's transport plans, officials said."
    got = reasons(page(line, "", other))
    assert got[line] is None and got[other] is None


# -- captions ----------------------------------------------------------------

@pytest.mark.parametrize("caption", [
    "Lorries queue at the river bridge on Monday morning. Photo: Ana Vidal / Larnholm Post",
    "Engineers inspect a pier of the bridge, 2 May 2024. Post/Tom Bell",
    "Image caption, Lorries queue at the river bridge on Monday morning",
])
def test_captions_are_asides_kept_in_the_text(caption):
    text = page(caption)
    res = clean(art(text))
    (a,) = res.asides
    assert (a.kind, a.text) == ("caption", caption) and text[a.start:a.end] == caption
    assert not any(r.start <= a.start < r.end for r in res.removed)


def test_caption_above_its_credit_line_and_its_repeat():
    cap = "A cracked pier of the river bridge, Larnholm, May 2, 2024."
    text = page(cap, cap, "Tom Bell / Post Photos")
    res = clean(art(text))
    assert [a.text for a in res.asides] == [cap]
    assert [r.reason for r in res.removed] == ["duplicate", "photo-credit"]


def test_prose_above_a_credit_line_is_no_caption():
    text = page(P3.replace("council", "mayor"), "Tom Bell / Post Photos")
    assert clean(art(text)).asides == []
