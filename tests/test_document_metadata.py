"""Metadata of PDF and DOCX articles: a date the text states wins over the
file's own creation date, python-docx's template date is no date at all,
and a PDF whose lines are set evenly (no blank space between paragraphs)
keeps its headline, byline and dateline on lines of their own. The
documents are built here (tests/_documents.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from _documents import docx_bytes, minimal_pdf
from rashomon.ingest import read
from rashomon.ingest.docx import template_created
from rashomon.ingest.pdf import paragraph_ends
from rashomon.pipeline import prepare
from rashomon.settings import Settings

STORY = ["Ferry service to the islands halted after engine fire",
         "By Mira Okafor, Lantern Courier, 9 October 2024",
         "WESTPORT - The ferry operator stopped every crossing on Wednesday after a fire broke out",
         "in the engine room of its largest vessel.",
         "\"Nobody was hurt and the crew acted fast,\" operator spokesman Dan Reyes said.",
         "The port authority will inspect the fleet on Friday."]


def _prepared(path):
    [art] = read(path, Settings())
    return prepare(art)[0]


def test_docx_byline_date_wins_over_the_python_docx_template_date(tmp_path):
    path = tmp_path / "ferry.docx"
    path.write_bytes(docx_bytes([STORY[0], STORY[1], " ".join(STORY[2:4]), *STORY[4:]]))
    [raw] = read(path, Settings())
    assert raw.published is None  # the template's 2013 date is not read as the file's creation
    art = prepare(raw)[0]
    assert (art.title, art.outlet, art.published) == (STORY[0], "Lantern Courier", "2024-10-09")
    assert art.metadata_evidence["published"].source == "text"


def test_template_created_is_read_from_the_installed_package():
    assert template_created() is not None and template_created().year < 2020


def test_docx_created_is_only_the_fallback(tmp_path):
    dated = tmp_path / "dated.docx"
    dated.write_bytes(docx_bytes([STORY[0], STORY[1], " ".join(STORY[2:4])], created=dt.datetime(2021, 6, 2, 8, 0)))
    art = _prepared(dated)
    assert (art.published, art.metadata_evidence["published"].source) == ("2024-10-09", "text")
    undated = tmp_path / "undated.docx"
    undated.write_bytes(docx_bytes([STORY[0], " ".join(STORY[2:4])], created=dt.datetime(2021, 6, 2, 8, 0)))
    art = _prepared(undated)
    assert (art.published, art.metadata_evidence["published"].source) == ("2021-06-02T08:00", "docx-meta")


def test_pdf_evenly_set_lines_keep_title_outlet_and_date(tmp_path):
    path = tmp_path / "ferry.pdf"
    path.write_bytes(minimal_pdf([STORY], {"CreationDate": "D:20210602080000"}))
    art = _prepared(path)
    assert art.text.split("\n") == [STORY[0], STORY[1], " ".join(STORY[2:4]), *STORY[4:]]
    assert (art.title, art.outlet, art.published) == (STORY[0], "Lantern Courier", "2024-10-09")
    assert art.metadata_evidence["published"].source == "text"


def test_pdf_creation_date_stays_when_the_text_states_none(tmp_path):
    path = tmp_path / "note.pdf"
    path.write_bytes(minimal_pdf([[STORY[0], " ".join(STORY[2:4])]], {"CreationDate": "D:20210602080000"}))
    art = _prepared(path)
    assert (art.published, art.metadata_evidence["published"].source) == ("2021-06-02T08:00", "pdf-meta")


@pytest.mark.parametrize("lines,ends", [
    # a full line, then one that ends short: one paragraph
    ([("a b c d e f", 0, 100), ("g h", 0, 30)], [False, True]),
    # a short line whose follower's first word would have fitted: a break
    ([("Headline here", 0, 50), ("Body text of the story", 0, 100)], [True, True]),
    # the follower's first word is too long for the room left: no break
    ([("a line that is nearly full", 0, 90), ("extraordinarily long first word", 0, 100)], [False, True]),
    # a hyphen at the end never ends a paragraph
    ([("well-", 0, 20), ("known", 0, 25)], [False, True]),
])
def test_paragraph_ends_when_the_next_word_would_have_fitted(lines, ends):
    assert paragraph_ends(lines, 100) == ends


@pytest.mark.parametrize("byline,iso,stamp", [
    ("By Mira Okafor, Lantern Courier, 9 October 2024", "2024-10-09", "9 October 2024"),
    ("By Mira Okafor, Lantern Courier, October 9, 2024", "2024-10-09", "October 9, 2024"),
    ("By Mira Okafor, Lantern Courier", None, None),
])
def test_a_byline_that_runs_on_with_commas_gives_its_date(byline, iso, stamp):
    from rashomon.types import Article

    text = "\n".join([STORY[0], byline, " ".join(STORY[2:4]), *STORY[4:]])
    art = prepare(Article(id="a", name="ferry.txt", path="ferry.txt", text=text, format="txt"))[0]
    assert (art.outlet, art.published) == ("Lantern Courier", iso)
    if stamp:
        assert art.metadata_evidence["published"].text.strip() == stamp
