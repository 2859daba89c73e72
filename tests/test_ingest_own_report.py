"""A report rashomon wrote into the corpus folder is not read back as an article."""
from __future__ import annotations

from rashomon import analyze
from rashomon.report.render import write_all

GOOD = "The mayor said on Monday that the bridge would reopen on Friday.\n"


def test_a_rerun_into_the_corpus_folder_passes_over_its_own_report(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    first = analyze([tmp_path])
    write_all(first, tmp_path)
    again = analyze([tmp_path])
    assert [a.name for a in again.articles] == ["a.txt"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in again.skipped}
    assert sorted(reasons) == ["report.html", "report.json", "report.md"]  # each listed, none read
    assert "report written by rashomon, not an article" in reasons["report.html"]
    assert reasons["report.json"].startswith("unsupported format .json")
    assert len(again.quotes) == len(first.quotes) and len(again.claims) == len(first.claims)


def test_a_page_that_only_mentions_rashomon_is_an_article(tmp_path):
    (tmp_path / "film.html").write_text(
        "<html><head><title>Kurosawa retrospective</title><meta name=\"generator\" content=\"WordPress 6.4\"></head>"
        "<body><p>The festival director said the retrospective opens with Rashomon, the 1950 film by Akira "
        "Kurosawa, on Friday evening.</p></body></html>", encoding="utf-8")
    report = analyze([tmp_path])
    assert [a.name for a in report.articles] == ["film.html"] and report.skipped == []
