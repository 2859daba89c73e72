"""PDF and DOCX readers: the text as extracted, metadata from document
properties with its evidence, and clear reasons for what cannot be read.
The documents are built here (tests/_documents.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from _documents import docx_bytes, minimal_pdf
from rashomon import analyze
from rashomon.errors import EmptyInputError, InputError
from rashomon.ingest import read
from rashomon.ingest.pdf import paragraph, pdf_date
from rashomon.settings import Settings

STATEMENT = [["The harbour authority said on Tuesday that the", "northern pier would stay closed."],
             ["\"We will not reopen it this month,\" director Ivo Marak said."]]


@pytest.fixture
def settings() -> Settings:
    return Settings()


def test_pdf_text_layer_one_paragraph_per_line(tmp_path, settings):
    path = tmp_path / "statement.pdf"
    path.write_bytes(minimal_pdf(STATEMENT, {"Title": "Pier statement", "CreationDate": "D:20240312101500+01'00'"},
                                 lang="en-GB"))
    [art] = read(path, settings)
    assert art.text == ("The harbour authority said on Tuesday that the northern pier would stay closed.\n"
                        "\"We will not reopen it this month,\" director Ivo Marak said.")
    assert (art.format, art.title, art.published, art.language) == ("pdf", "Pier statement", "2024-03-12T10:15", "en")
    ev = art.metadata_evidence["published"]
    assert (ev.source, ev.text) == ("pdf-meta", "CreationDate: D:20240312101500+01'00'")


@pytest.mark.parametrize("raw,iso", [
    ("D:20240312101500+01'00'", "2024-03-12T10:15"), ("D:2024", "2024"), ("D:202403", "2024-03"),
    ("20240312", "2024-03-12"), ("D:20241399", None), ("yesterday", None)])
def test_pdf_dates(raw, iso):
    assert pdf_date(raw) == iso


@pytest.mark.parametrize("box,line", [
    ("one line\n", "one line"),
    ("a sentence broken\nacross two lines\n", "a sentence broken across two lines"),
    ("a well-\nknown  pier\n", "a well-known pier"),  # the hyphen is kept, nothing is dropped
    ("\n  \n", ""),
])
def test_pdf_box_lines_joined(box, line):
    assert paragraph(box) == line


def test_scanned_pdf_is_skipped_saying_it_has_no_text_layer(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(minimal_pdf([]))
    (tmp_path / "ok.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    report = analyze([tmp_path])
    [skip] = report.skipped
    assert skip.path.endswith("scan.pdf") and "no text layer" in skip.reason and "OCR" in skip.reason
    assert [a.name for a in report.articles] == ["ok.txt"]


@pytest.mark.parametrize("name,data,message", [
    ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "is not a PDF that can be read"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "is not a DOCX file that can be read"),
    ("renamed.docx", b"Just some text saved with the wrong name.", "is not a DOCX file that can be read"),
])
def test_damaged_documents_are_refused_with_the_reason(tmp_path, settings, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read(path, settings)


def test_empty_binary_file_is_empty(tmp_path, settings):
    (tmp_path / "nothing.pdf").write_bytes(b"")
    with pytest.raises(EmptyInputError):
        read(tmp_path / "nothing.pdf", settings)


def test_docx_body_in_order_without_page_furniture(tmp_path, settings):
    path = tmp_path / "note.docx"
    path.write_bytes(docx_bytes(["Council note on the pier.", "", "The pier stays shut."],
                                [["Name", "Role"], ["Ana Berg", "Mayor"]], title="Council note",
                                created=dt.datetime(2024, 3, 12, 9, 30), language="en-US"))
    [art] = read(path, settings)
    assert art.text == "Council note on the pier.\nThe pier stays shut.\nName | Role\nAna Berg | Mayor"
    assert "FURNITURE" not in art.text
    assert (art.format, art.title, art.published, art.language) == ("docx", "Council note", "2024-03-12T09:30", "en")
    assert art.metadata_evidence["title"].source == "docx-meta"


@pytest.mark.model
def test_quotes_in_pdf_and_docx_point_into_the_text(tmp_path):
    (tmp_path / "statement.pdf").write_bytes(minimal_pdf(STATEMENT))
    (tmp_path / "reply.docx").write_bytes(docx_bytes(
        ["Dock workers answered on Wednesday.", "\"The pier is safe to use,\" union leader Tomas Brandt said."]))
    report = analyze([tmp_path])
    texts = {a.id: a.text for a in report.articles}
    direct = [q for q in report.quotes if q.kind == "direct"]
    assert sorted(q.text for q in direct) == ["The pier is safe to use,", "We will not reopen it this month,"]
    assert all(texts[q.article][q.start:q.end] == q.text for q in report.quotes)
    names = {e.id: e.name for e in report.entities}
    assert sorted(names.get(q.speaker) for q in direct) == ["Ivo Marak", "Tomas Brandt"]
    assert sorted(a.format for a in report.articles) == ["docx", "pdf"]
