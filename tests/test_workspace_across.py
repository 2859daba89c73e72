"""Lines repeated across the pages of one site are furniture in a workspace
whether the pages came in one add or in several; a stored page is analysed
again only when what is removed from it changes. Pages written for the tests
(a fictional town, Osterby)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon import Workspace, analyze, pipeline

SLOGAN = "Osterby's own paper since 1903"
SIGNOFF = "Seen something? Write to the newsdesk"
STORIES = [
    ("The council of Osterby closed the old harbour crane on Tuesday, after inspectors found rust in its jib "
     "during a routine check.",
     "\"The crane will stay shut until it is safe,\" said harbour master Ines Vollmer, who ordered new tests."),
    ("The island bus company cut its evening services on Monday, blaming a shortage of drivers that began "
     "in the spring.",
     "Commuters said the cuts would leave them stranded, and the council promised to meet the company."),
    ("Osterby's swimming pool reopened on Saturday after a year of repairs to its roof, which had leaked "
     "during the winter storms.",
     "Hundreds of swimmers queued outside before the doors opened, the pool's manager said."),
]


def _page(folder: Path, i: int) -> Path:
    """Page ``i`` of the site as a one-record JSON lines file (its URL names the site)."""
    p1, p2 = STORIES[i]
    text = f"{SLOGAN}\n\n{p1}\n\n{p2}\n\n{SIGNOFF}\n"
    path = folder / f"page-{i}.jsonl"
    path.write_text(json.dumps({"text": text, "url": f"https://www.osterby-post.example/news/{i}"}) + "\n",
                    encoding="utf-8")
    return path


def _removed(report, line: str) -> list[str]:
    """The names of the articles from which ``line`` is removed."""
    return [a.name for a in report.articles
            if line in a.text and any(r.start <= a.text.index(line) < r.end for r in a.removed)]


def _findings(report) -> list:
    """Per article: its removals, title, word counts, and its quotes' and claims' texts (ids left out)."""
    return [(a.name, [r.model_dump() for r in a.removed], a.title, a.words_kept,
             sorted(q.text for q in report.quotes if q.article == a.id),
             sorted(c.text for c in report.claims if c.article == a.id)) for a in report.articles]


def _analysed(monkeypatch) -> list[list[str]]:
    """Record the names of the articles each call of the spaCy stages gets."""
    calls: list[list[str]] = []
    real = pipeline.analyze_batch

    def spy(articles, *args, **kwargs):
        calls.append([a.name for a in articles])
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyze_batch", spy)
    return calls


@pytest.mark.model
def test_a_page_added_later_makes_the_repeated_lines_furniture_as_one_add_would(tmp_path, monkeypatch):
    pages = [_page(tmp_path, i) for i in range(3)]
    once = analyze(pages)
    assert _removed(once, SLOGAN) == _removed(once, SIGNOFF) == ["page-0.jsonl#1", "page-1.jsonl#1", "page-2.jsonl#1"]
    calls = _analysed(monkeypatch)
    with Workspace(tmp_path / "story.db") as ws:
        first = ws.add([pages[0]])
        assert _removed(ws.report(), SLOGAN) == []  # one page: nothing to compare it with
        second = ws.add([pages[1]])
        assert _removed(ws.report(), SLOGAN) == ["page-0.jsonl#1", "page-1.jsonl#1"]
        third = ws.add([pages[2]])
        in_steps = ws.report()
    # the first page is analysed again when its removals change (the second add);
    # the third add only changes how many other pages repeat the lines: no new analysis of the first two
    assert calls == [["page-0.jsonl#1"], ["page-1.jsonl#1", "page-0.jsonl#1"], ["page-2.jsonl#1"]]
    assert (first.added, second.added, second.reanalysed, third.added, third.reanalysed) == (1, 1, 1, 1, 0)
    assert _findings(in_steps) == _findings(once)
    detail = next(r.detail for r in in_steps.articles[0].removed if r.text == SLOGAN)
    assert detail == "repeated on pages of 2 other article(s) of the same site in this batch"


@pytest.mark.model
def test_adding_the_same_pages_again_changes_nothing(tmp_path, monkeypatch):
    pages = [_page(tmp_path, i) for i in range(2)]
    with Workspace(tmp_path / "story.db") as ws:
        ws.add(pages)
        before = ws.report().to_json()
        calls = _analysed(monkeypatch)
        again = ws.add(pages)
        assert (again.unchanged, again.added, again.reanalysed, calls) == (2, 0, 0, [])
        assert ws.report().to_json() == before


@pytest.mark.model
def test_an_edited_page_that_no_longer_repeats_a_line_gives_it_back_to_the_other(tmp_path):
    pages = [_page(tmp_path, i) for i in range(2)]
    with Workspace(tmp_path / "story.db") as ws:
        ws.add(pages)
        assert _removed(ws.report(), SIGNOFF) == ["page-0.jsonl#1", "page-1.jsonl#1"]
        record = json.loads(pages[1].read_text(encoding="utf-8"))
        record["text"] = record["text"].replace(SIGNOFF, "Letters to the editor are welcome")
        pages[1].write_text(json.dumps(record) + "\n", encoding="utf-8")
        added = ws.add([pages[1]])
        report = ws.report()
    assert (added.reanalysed, added.added) == (2, 0)  # the edited page, and the first one its edit changed
    assert _removed(report, SIGNOFF) == [] and _removed(report, SLOGAN) == ["page-0.jsonl#1", "page-1.jsonl#1"]
    assert _findings(report) == _findings(analyze(pages))
