"""Title, outlet and publication date read from a page's head and foot:
mastheads, copyright notices, byline stamps, datelines. Pages written for the
tests (a fictional town, Larnholm)."""
from __future__ import annotations

import pytest

from rashomon.clean import copyright_holder
from rashomon.metadata import parse_date
from rashomon.pipeline import prepare
from rashomon.types import Article

P1 = ("The council of Larnholm voted on Tuesday to close the old river bridge to lorries, after engineers found "
      "cracks in two of its supporting piers during a routine inspection.")
P2 = ("Residents who live near the bridge said the lorries had shaken their windows for years, and several of them "
      "welcomed the decision at a public meeting that evening.")
TITLE = "Lorries banned from Larnholm bridge after cracks found"


def run(text: str) -> Article:
    a, _ = prepare(Article(id="t0", name="t.txt", path="t.txt", text=text))
    return a


def evidence(a: Article, field: str) -> str:
    ev = a.metadata_evidence[field]
    assert ev.source == "text" and a.text[ev.start:ev.end] == ev.text
    return ev.text


# -- outlet -------------------------------------------------------------------------

@pytest.mark.parametrize("head,foot,outlet", [
    # a masthead confirmed by the copyright notice: the notice's spelling, company form dropped
    ("LARNHOLM EVENING POST", "© 2024 Larnholm Evening Post Ltd. All rights reserved.", "Larnholm Evening Post"),
    ("LEP | Larnholm Evening Post", "© Larnholm Evening Post 2024", "Larnholm Evening Post"),
    ("River Guild of Larnholm", "© 2019–2024 River Guild of Larnholm · Privacy · Terms", "River Guild of Larnholm"),
    # a masthead in capitals confirmed by its recurrence, spelled as the page spells it elsewhere
    ("THE LANTERN", "The Lantern is read by 20,000 people a week. Become a member", "The Lantern"),
    # no masthead, a copyright notice alone
    ("", "Copyright 2024 Larnholm Evening Post. Republication without written consent is prohibited.",
     "Larnholm Evening Post"),
])
def test_outlet_from_masthead_and_copyright(head, foot, outlet):
    text = f"{head}\nHome | Local | Transport | Sport\n\n{TITLE}\n\n{P1}\n\n{P2}\n\n{foot}\n"
    a = run(text)
    assert a.outlet == outlet
    assert evidence(a, "outlet") == outlet
    assert a.title == TITLE


def test_a_copyright_notice_inside_the_body_is_a_photo_credit_not_the_outlet():
    a = run(f"{TITLE}\n\n{P1}\n© Tom Bell 2024\n{P2}\n")
    assert a.outlet is None


def test_copyright_holder_span():
    line = "© 2024 Larnholm Evening Post Ltd. All rights reserved."
    s, e = copyright_holder(line)
    assert line[s:e] == "Larnholm Evening Post"
    assert copyright_holder("© Tom Bell") == (2, 10)
    assert copyright_holder("All rights reserved.") is None


@pytest.mark.parametrize("lede,outlet", [
    ("LARNHOLM (Tide Wire) - The council voted on Tuesday to close the old river bridge to lorries.", "Tide Wire"),
    ("(AP) — The council voted on Tuesday to close the old river bridge to lorries, officials said.", "AP"),
    ("LARNHOLM, 7 May /Northwire/. The council voted on Tuesday to close the old bridge to lorries.", "Northwire"),
    ("Larnholm CNN — The council voted on Tuesday to close the old river bridge to lorries, officials said.",
     "CNN"),
    # a person's name before a dash is no dateline
    ("Mayor Ann Holt — who chairs the council — said the river bridge would close to lorries on Tuesday.", None),
])
def test_outlet_from_datelines(lede, outlet):
    a = run(f"{TITLE}\n\n{lede}\n\n{P2}\n")
    assert a.outlet == outlet


@pytest.mark.parametrize("byline,outlet", [
    ("By Ana Vidal, Larnholm Enquirer", "Larnholm Enquirer"),
    ("By Ana Vidal | The Riverside Sentinel", "The Riverside Sentinel"),
    ("By Ana Vidal for Larnholm Daily", "Larnholm Daily"),
])
def test_outlet_from_a_byline(byline, outlet):
    a = run(f"{TITLE}\n{byline}\n\n{P1}\n\n{P2}\n")
    assert a.outlet == outlet and evidence(a, "outlet") == outlet


def test_byline_outlet_wins_over_a_source_told():
    text = (f"{TITLE}\nBy Ana Vidal, Larnholm Evening Post\n\n{P1}\n\n"
            "“We will not reopen it this year,” the engineer told The Riverside Times.\n")
    assert run(text).outlet == "Larnholm Evening Post"


# -- published --------------------------------------------------------------------

@pytest.mark.parametrize("stamp,published,ev", [
    ("Friday 3 May 2024 | By Ana Vidal | 4 min read", "2024-05-03", "Friday 3 May 2024"),
    ("3 May 2024 | 17:05 · Updated 18:40", "2024-05-03T17:05", "3 May 2024 | 17:05"),
    ("Press release | Larnholm, 3 May 2024, 11:30", "2024-05-03T11:30", "Larnholm, 3 May 2024, 11:30"),
    ("May 3, 2024 5:41 PM GMT+2", "2024-05-03T17:41", "May 3, 2024 5:41 PM GMT+2"),
    ("Tue 7 May 2024 09.30 BST", "2024-05-07T09:30", "Tue 7 May 2024 09.30 BST"),
    ("Guild staff with Tidewire | 3 May 2024, 07:15 | 12 comments", "2024-05-03T07:15", "3 May 2024, 07:15"),
    ("Published: 03.05.2024, 09:40 | Press Office", "2024-05-03T09:40", "03.05.2024, 09:40"),
    ("Larnholm, 3 May 2024", "2024-05-03", "Larnholm, 3 May 2024"),
    # an update stamp alone is the last word on the date
    ("Updated 14:05, 4 May 2024", "2024-05-04T14:05", "14:05, 4 May 2024"),
])
def test_published_from_byline_stamps(stamp, published, ev):
    a = run(f"{TITLE}\n\n{stamp}\n\n{P1}\n\n{P2}\n")
    assert a.published == published
    assert evidence(a, "published") == ev
    assert a.title == TITLE


def test_a_standfirst_before_the_byline_keeps_the_byline_in_the_head():
    standfirst = ("Engineers found cracks in two piers, and the council says the bridge will stay shut to lorries "
                  "until the repairs are done next year.")
    a = run(f"{TITLE}\n\n{standfirst}\n\nBy Ana Vidal\nFriday 3 May 2024, 10:00\n\n{P1}\n\n{P2}\n")
    assert a.title == TITLE and a.published == "2024-05-03T10:00"


def test_a_dated_headline_is_not_a_date_stamp():
    title = "Bridge shut on 3 May 2024 as cracks spread"
    a = run(f"{title}\n\n{P1}\n\n{P2}\n")
    assert a.title == title and a.published is None


@pytest.mark.parametrize("value,lang,iso", [
    ("19.10.2025, 09:40", "en", "2025-10-19T09:40"),   # a numeric date is never read as a time
    ("07.06.2023, 19:40", "ru", "2023-06-07T19:40"),
    ("June 6, 2023 5:41 PM GMT+3", "en", "2023-06-06T17:41"),
    ("7 juin 2023 à 08h12", "fr", "2023-06-07T08:12"),
])
def test_parse_date_finds_the_date_before_the_time(value, lang, iso):
    assert parse_date(value, [lang]) == iso


# -- title ----------------------------------------------------------------------

def test_title_skips_masthead_tagline_and_site_chrome():
    text = ("LARNHOLM RIVER GUILD\nMember of the Federation of Boatmen\nHome | About | News | Contact\n"
            "Support the relief fund – DONATE NOW\nNews › Statements\n\n"
            "THE BRIDGE MUST BE REPAIRED NOW. OUR MEMBERS ARE AT RISK.\n\n"
            "Statement of the committee of the Larnholm River Guild\n\n"
            f"{P1}\n\n{P2}\n\n© Larnholm River Guild · 4 Quay Street\n")
    a = run(text)
    assert a.title == "THE BRIDGE MUST BE REPAIRED NOW. OUR MEMBERS ARE AT RISK."
    assert a.outlet == "Larnholm River Guild"


def test_title_is_the_headline_above_the_byline():
    text = (f"Larnholm › Transport\n\nMost read\n1. Ferry fares rise again\n\n{TITLE}\n\nAdvertisement\n"
            f"By Ana Vidal\n\n{P1}\n\n{P2}\n")
    assert run(text).title == TITLE


def test_press_release_labels_masthead_and_wireless_dateline():
    text = ("FOR IMMEDIATE RELEASE\nLarnholm Water Board\nMedia centre | Reports | Careers | Contact us\n\n"
            "Boil-water notice for the eastern districts\n\n"
            "LARNHOLM, 12 March 2024 – The Larnholm Water Board today issued a boil-water notice for 14,000 "
            "households after routine tests found bacteria in a storage tank.\n\n"
            f"{P2}\n\nNotes to editors\nThe board supplies drinking water to 310,000 people.\n###\n")
    a = run(text)
    assert (a.title, a.outlet, a.published) == ("Boil-water notice for the eastern districts", "Larnholm Water Board",
                                                "2024-03-12")
    assert evidence(a, "published") == "LARNHOLM, 12 March 2024"
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons["FOR IMMEDIATE RELEASE"] == reasons["###"] == "footer"
    assert reasons["Larnholm Water Board"] == "masthead"
    assert "The board supplies drinking water to 310,000 people." not in reasons
