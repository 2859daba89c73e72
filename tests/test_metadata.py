"""Metadata: title, outlet, published date and language, each with evidence."""
from __future__ import annotations

import pytest

from rashomon.metadata import infer, outlet_like, parse_date
from rashomon.pipeline import prepare
from rashomon.types import Article

PROSE = (
    "The ministry said on Monday that the talks would resume next week, and officials from both "
    "sides confirmed that the delegations had already arrived in the capital."
)


def run(text: str, **preset) -> Article:
    a = Article(id="t0", name="t.txt", path="t.txt", text=text, **preset)
    a, _ = prepare(a)
    return a


# -- outlet -------------------------------------------------------------------------

OUTLET_CASES = [
    # relay formula closing a sentence, domain-like name
    (f"Talks resume\n\n{PROSE}\n\nThe envoy arrived on Monday, the ministry said on X, Example.Az reports.\n",
     "Example.Az"),
    # an interview given to the outlet
    (f"Talks resume\n\n{PROSE}\n\nThe rebels will not be harmed, the spokesman told The Daily Planet. "
     "He said more talks were planned.\n", "The Daily Planet"),
    ("Talks resume\n\nThe spokesman told Example News in an interview that the border would reopen soon.\n",
     "Example News"),
    ("Talks resume\n\nThe Planet has learned that the envoy will resign next week after the summit.\n",
     "The Planet"),
    # byline block: list items holding the publication date
    (f"Talks resume\n- Politics\n- Example News Agency\n- Published Date: 10:33 | 24 November 2020\n{PROSE}\n",
     "Example News Agency"),
    (f"Talks resume\nBy Jane Doe, The Example Times\n\n{PROSE}\n", "The Example Times"),
    # wire dateline
    ("Talks resume\n\nMOSCOW, Sept 20 (Reuters) - Russia said on Wednesday that talks would resume soon "
     "in the capital.\n", "Reuters"),
    # a full wire dateline (place, day and month, wire) names its wire whatever the name looks like
    ("Blast at plant\n\nKESTREL POINT, March 12, 2024 (Tidewire) - An explosion at a plant killed at least "
     "twelve people on Tuesday, the governor said.\n", "Tidewire"),
    ("Blast at plant\n\nPORT ELLIS, 12 March (Tidewire) - An explosion at a plant killed at least "
     "twelve people on Tuesday, the governor said.\n", "Tidewire"),
    # without the date the name must look like an outlet's
    ("Blast at plant\n\nKESTREL POINT (Tidewire) - An explosion at a plant killed at least twelve people "
     "on Tuesday, the governor said.\n", None),
    # a cited source is not the publisher
    ("Talks resume\n\nOn September 20, Radio Free Example wrote that troops had crossed the border at night.\n",
     None),
    (f"Talks resume\n\n{PROSE} Troops crossed the border at night, according to Reuters.\n", None),
    # a wire credit inside a photo credit is not the publisher
    (f"Talks resume\n\n{PROSE}\nA view of the border post.\nJane Roe / Photo Agency via REUTERS\n\n{PROSE}\n",
     None),
    # "told" + people, not an outlet
    ('Talks resume\n\nOne commander told Armenian civilians he met: "You can stay here if you want."\n', None),
    (f"Talks resume\n\n{PROSE} The minister told John Smith.\n", None),
    # a person relaying is not an outlet
    ("Talks resume\n\nThe envoy arrived on Monday after a long journey across the mountains, Smith reported.\n",
     None),
]


@pytest.mark.parametrize("text,outlet", OUTLET_CASES)
def test_outlet(text, outlet):
    a = run(text)
    assert a.outlet == outlet
    if outlet:
        ev = a.metadata_evidence["outlet"]
        assert text[ev.start:ev.end] == ev.text == outlet and ev.source == "text"
    else:
        assert "outlet" not in a.metadata_evidence


@pytest.mark.parametrize("name,ok", [
    ("News.Az", True), ("The Insider", True), ("Anadolu Agency", True), ("Reuters", True),
    ("Example Times", True), ("Hikmet Hajiyev", False), ("Armenian", False), ("Foreign Ministry", False),
])
def test_outlet_like(name, ok):
    assert outlet_like(name) is ok


# -- published -------------------------------------------------------------------------

PUBLISHED_CASES = [
    (f"Talks resume\n- World\n- Published Date: 10:33 | 24 November 2020\n{PROSE}\n", "2020-11-24T10:33"),
    (f"Talks resume\nPublished: 5 March 2021\n\n{PROSE}\n", "2021-03-05"),
    (f"Talks resume\nUpdated 14:05, 3 March 2021\n\n{PROSE}\n", "2021-03-03T14:05"),
    (f"Talks resume\n- Modified Date: 10:40 | 25 November 2020\n- Published Date: 10:33 | 24 November 2020\n{PROSE}\n",
     "2020-11-24T10:33"),  # published wins over modified
    (f"Talks resume\nSeptember 21, 2023 10:15 AM\n\n{PROSE}\n", "2023-09-21T10:15"),
    ("Talks resume\n\nBAKU, September 20, 2023 (Reuters) - Officials said the talks would resume next week "
     "in the capital.\n", "2023-09-20"),
    # no year: not a date
    ("Talks resume\n\nBAKU, Sept 20 (Reuters) - Officials said the talks would resume next week in the capital.\n",
     None),
    # a date mentioned in the body is not the publication date
    (f"Talks resume\n\nOn 20 September 2023, a briefing was held at the ministry. {PROSE}\n", None),
    (f"Talks resume\n\n{PROSE}\n\nSeptember 19, 2023, Springfield\n\nResidents said the border had been quiet "
     "for most of the week, and shops in the town centre reopened on Friday morning.\n", None),
]


@pytest.mark.parametrize("text,published", PUBLISHED_CASES)
def test_published(text, published):
    a = run(text)
    assert a.published == published
    if published:
        ev = a.metadata_evidence["published"]
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("value,iso", [
    ("10:33 | 24 November 2020", "2020-11-24T10:33"),
    ("Sept 20, 2023", "2023-09-20"),
    ("2023-09-20T08:15", "2023-09-20T08:15"),
    ("20.09.2023", "2023-09-20"),
    ("09/20/2023", "2023-09-20"),
    ("03/04/2023", None),     # ambiguous day/month
    ("Sept 20", None),        # no year is ever assumed
    ("2:30 pm, 1 May 2022", "2022-05-01T14:30"),
    ("November 2020", "2020-11"),
    ("24 ноября 2020", "2020-11-24"),
])
def test_parse_date(value, iso):
    assert parse_date(value) == iso


# -- title, language, container values ------------------------------------------------

@pytest.mark.parametrize("head", [
    "Home | News | Community | Opinion | Contact",
    "Start • Parish Notices • Allotments • Contact Us",
    "Home | News | Community | Opinion | Contact\nBREAKING: Bridge shut until Monday | WEATHER: Light rain, 9C",
])
def test_menu_and_ticker_lines_are_never_the_title(head):
    a = run(f"{head}\n\nTalks resume in the capital\n\n{PROSE}\n")
    assert a.title == "Talks resume in the capital"


def test_title_skips_furniture_and_prose():
    a = run(f"NEWS\nDONATEРусский\n\nTalks resume in the capital\n\n{PROSE}\n")
    assert a.title == "Talks resume in the capital"
    ev = a.metadata_evidence["title"]
    assert a.text[ev.start:ev.end] == a.title


def test_a_line_with_removed_noise_is_not_the_title():
    a = run("\u201c" * 500 + "\u201d" * 500 + " Officials speak\n\nTalks resume in the capital\n\n" + PROSE + "\n")
    assert [r.reason for r in a.removed][:1] == ["noise"]
    assert a.title == "Talks resume in the capital"


def test_no_title_when_text_starts_with_prose():
    assert run(f"{PROSE}\n\n{PROSE}x\n").title is None


def test_a_first_line_of_glued_tokens_is_not_the_title():
    # three "words" by whitespace, 20,000 characters long
    a = run('The crowd said "yes' + '"yes' * 5000 + '"\n\n' + PROSE + "\n")
    assert a.title is None


def test_container_values_win():
    a = run(f"Talks resume\n- Example News Agency\n- Published: 24 November 2020\n{PROSE}\n",
            title="From HTML", outlet="Meta Outlet", published="2020-01-01", language="fr")
    assert (a.title, a.outlet, a.published, a.language) == ("From HTML", "Meta Outlet", "2020-01-01", "fr")
    assert a.metadata_evidence == {}


def test_language_and_foreign_paragraph_flagged():
    ru = "Министр заявил, что переговоры возобновятся на следующей неделе в столице."
    fr = "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine prochaine à Genève."
    text = f"Talks resume\n\n{PROSE}\n\n{ru}\n\n{PROSE}x\n\n{fr}\n"
    a = run(text)
    assert a.language == "en"
    assert [(s.language, s.text) for s in a.languages] == [("ru", ru), ("fr", fr)]
    assert all(text[s.start:s.end] == s.text for s in a.languages)


def test_russian_article_language():
    a = run("Переговоры возобновятся\n\nМинистр заявил в понедельник, что переговоры возобновятся на "
            "следующей неделе, и представители обеих сторон подтвердили, что делегации уже прибыли в столицу.\n")
    assert a.language == "ru" and a.languages == []


def test_infer_on_empty_text():
    a = Article(id="t0", name="t", path="t", text="")
    infer(a, None)
    assert (a.title, a.outlet, a.published, a.language) == (None, None, None, None)


# -- the real corpus ---------------------------------------------------------------------

EXPECTED = {
    "000": (None, None),
    "001": ("News.Az", None),
    "002": ("The Insider", None),
    "003": (None, None),
    "004": ("Anadolu Agency", "2020-11-24T10:33"),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_metadata(corpus_dir, prefix):
    p = next(corpus_dir.glob(f"{prefix}_*.txt"))
    a, _ = prepare(Article(id="a", name=p.name, path=str(p), text=p.read_text("utf-8")))
    assert (a.outlet, a.published) == EXPECTED[prefix]
    assert a.language == "en"
    assert a.title and a.text.startswith(a.title) or a.title.startswith("Ethnic Armenians face no threat")
    assert a.languages == []


PAGE = """Skip to content
Menu
World
Ukraine war: Talks resume in Istanbul as shelling continues
By Jane Doe, Example News
Published
12 March 2022
Share
Image source, Getty Images
Image caption, Residents queue for water in the eastern city
Negotiators met in Istanbul on Tuesday for the first face-to-face talks in
weeks, as shelling continued in the east of the country. The talks lasted three hours.
"We want peace," the negotiator said. "But not at any price."
Related Topics
Ukraine
More on this story
Why the talks matter
Copyright 2022 Example News. All rights reserved.
"""


def test_whole_page_of_furniture_around_wrapped_prose():
    a = run(PAGE)
    assert a.title == "Ukraine war: Talks resume in Istanbul as shelling continues"
    assert a.outlet == "Example News"
    assert a.published == "2022-03-12"
    removed = {r.text: r.reason for r in a.removed}
    assert removed["Skip to content"] == "navigation"
    assert removed["Published"] == removed["12 March 2022"] == "byline"
    assert removed["Image source, Getty Images"] == "photo-credit"
    assert removed["Why the talks matter"] == "related"
    body_lines = [ln for ln in PAGE.splitlines()[9:13]]
    assert not any(r.text in body_lines for r in a.removed)
