"""Lines repeated across the pages of one site in a batch are furniture; HTML
figure captions and JSON-LD headlines; captions are never claims or events.
Pages written for the tests (a fictional town, Larnholm)."""
from __future__ import annotations

import pytest

from rashomon import metadata
from rashomon.clean import across_articles
from rashomon.ingest.html import apply_page, extract
from rashomon.pipeline import prepare
from rashomon.types import Article

STORIES = [
    ("Bridge closed to lorries after cracks found",
     "The council of Larnholm closed the old river bridge to lorries on Tuesday, after engineers found cracks in "
     "two of its piers during a routine inspection.",
     "Residents said the lorries had shaken their windows for years and welcomed the decision at a meeting."),
    ("Ferry fares rise for the third time this year",
     "The island ferry company raised its fares by four per cent on Monday, blaming the price of fuel and the "
     "cost of a new ship that joined the fleet in spring.",
     "Commuters said the rise would cost them more than a hundred pounds a year, and the council promised to talk "
     "to the company."),
    ("Library reopens after a year of repairs",
     "Larnholm's central library reopened on Saturday after a year of repairs to its roof, which had let in rain "
     "during the winter storms.",
     "Hundreds of readers queued outside before the doors opened, and the first book lent was a history of the town."),
]
SLOGAN = "Larnholm's own paper since 1887"
SIGNOFF = "Tips? Write to the newsdesk"


def site_page(i: int, outlet: str | None, url: str | None = None) -> Article:
    title, p1, p2 = STORIES[i]
    text = f"{SLOGAN}\n\n{title}\n\n{p1}\n\n{p2}\n\n{SIGNOFF}\n"
    a, _ = prepare(Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text=text, outlet=outlet, url=url))
    return a


def kept(a: Article, line: str) -> bool:
    i = a.text.index(line)
    return not any(r.start <= i < r.end for r in a.removed)


def test_lines_repeated_on_pages_of_one_site_are_removed():
    arts = [site_page(i, "Larnholm Evening Post") for i in range(3)]
    assert all(kept(a, SLOGAN) and kept(a, SIGNOFF) for a in arts)
    changed = across_articles(arts)
    assert changed == arts
    for a, (title, p1, p2) in zip(arts, STORIES):
        assert not kept(a, SLOGAN) and not kept(a, SIGNOFF)
        assert kept(a, title) and kept(a, p1) and kept(a, p2)
        assert {r.reason for r in a.removed} == {"repeated-across"}
        assert a.words_removed == len(SLOGAN.split()) + len(SIGNOFF.split())


def test_same_host_counts_as_one_site():
    arts = [site_page(0, None, "https://www.post.example/a"), site_page(1, None, "https://post.example/b")]
    across_articles(arts)
    assert not kept(arts[0], SLOGAN) and not kept(arts[1], SLOGAN)


@pytest.mark.parametrize("outlets", [("Larnholm Evening Post", "The Riverside Times"), (None, None)])
def test_pages_of_different_or_unknown_sites_keep_their_lines(outlets):
    arts = [site_page(i, o) for i, o in enumerate(outlets)]
    assert across_articles(arts) == []
    assert all(kept(a, SLOGAN) for a in arts)


def test_two_versions_of_one_article_keep_their_shared_lines():
    a = site_page(0, "Larnholm Evening Post")
    b = site_page(0, "Larnholm Evening Post")
    assert across_articles([a, b]) == []


def test_a_title_on_a_removed_line_is_read_again():
    arts = []
    for i in range(2):
        text = f"{SLOGAN} and more\n\n{STORIES[i][1]}\n\n{STORIES[i][2]}\n"
        a, _ = prepare(Article(id=f"a{i}", name=f"{i}.txt", path=f"{i}.txt", text=text, outlet="Larnholm Post"))
        assert a.title == f"{SLOGAN} and more"
        arts.append(a)
    for a in across_articles(arts):
        metadata.retitle(a)
    assert [a.title for a in arts] == [None, None]


# -- HTML: figure captions and JSON-LD ---------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Bridge shut | Post</title>
<meta property="og:title" content="Bridge shut (og)">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge shut to lorries after cracks found",
 "datePublished": "2024-05-07T09:30:00+01:00", "publisher": {"@type": "Organization", "name": "Larnholm Evening Post"}}
</script></head><body><article><h1>Bridge shut to lorries after cracks found</h1>
<p>The council of Larnholm closed the old river bridge to lorries on Tuesday, after engineers found cracks in two of
its piers during a routine inspection of the structure.</p>
<figure><img src="pier.jpg" alt=""><figcaption>A cracked pier of the river bridge, 6 May 2024.
Photo: Tom Bell</figcaption></figure>
<p>Residents said the lorries had shaken their windows for years, and several of them welcomed the decision at a
public meeting held in the town hall that evening.</p>
<p>The council said the bridge would stay open to cars and buses while the repairs were planned.</p>
</article></body></html>"""


def test_html_figcaption_placed_above_its_paragraph_and_marked():
    page = extract(PAGE)
    (s, e), = page.captions
    cap = "A cracked pier of the river bridge, 6 May 2024. Photo: Tom Bell"
    assert page.text[s:e] == cap
    lines = page.text.split("\n")
    assert lines[lines.index(cap) + 1].startswith("Residents said the lorries")
    a = Article(id="a0", name="p.html", path="p.html", text=page.text, format="html")
    apply_page(a, page)
    assert [(x.kind, x.text) for x in a.asides] == [("caption", cap)]
    a, _ = prepare(a)
    assert [x.text for x in a.asides] == [cap] and not any(r.start <= s < r.end for r in a.removed)


def test_html_json_ld_headline_and_publisher():
    meta = extract(PAGE).meta
    assert meta["title"][0] == "Bridge shut to lorries after cracks found"
    assert meta["outlet"][0] == "Larnholm Evening Post"
    assert meta["published"][0] == "2024-05-07T09:30"


@pytest.mark.model
def test_captions_give_no_claims_quotes_or_events(tmp_path):
    from rashomon import analyze

    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    report = analyze([tmp_path])
    (a,) = report.articles
    (cap,) = a.asides
    inside = [x for x in [*report.claims, *report.quotes, *report.temporal_expressions]
              if x.start < cap.end and cap.start < x.end]
    assert inside == []
    assert not any(e.date.startswith("2024-05-06") for e in report.timeline)


def test_html_link_dense_block_is_removed_as_a_link_list():
    links = '<p><a href="/f">Ferry fares rise again</a> · <a href="/l">Library reopens</a></p>\n'
    markup = PAGE.replace("<p>The council said the bridge", links + "<p>The council said the bridge")
    page = extract(markup)
    a = Article(id="a0", name="p.html", path="p.html", text=page.text, format="html")
    apply_page(a, page)
    a, _ = prepare(a)
    line = "Ferry fares rise again · Library reopens"
    i = a.text.index(line)
    assert [(r.reason, r.text) for r in a.removed if r.start <= i < r.end] == [("link-list", line)]
    # a paragraph with a link in it is prose
    assert all(r.reason == "link-list" for r in a.removed)
