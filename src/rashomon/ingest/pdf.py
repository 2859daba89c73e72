"""PDF documents (``.pdf``): the text layer, read with pdfminer.six.

Only text a PDF carries is read; nothing is recognised from images, so a
scanned PDF without a text layer is refused with a reason saying so (run
OCR first, e.g. OCRmyPDF, and add its output). pdfminer's layout analysis
(``LAParams`` defaults) groups characters into text boxes and lines; a box
holds one or more paragraphs, each on its own line of ``Article.text``, its
lines joined by one space (after a line ending in a hyphen, by nothing, the
hyphen kept: no character of the PDF is dropped or guessed). A line ends its
paragraph when the first word of the next line would have fitted in the room
left at its end (:func:`paragraph_ends`), so a headline, a byline and a
dateline set one a line with even spacing stay lines of their own. Title, creation date and
language come from the document information dictionary and the catalogue
(PDF 32000-1:2008, 14.3.3 and 14.9.2), with ``pdf-meta`` evidence.
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from rashomon.errors import EmptyInputError, InputError
from rashomon.ingest.fields import normalize_date, normalize_language, normalize_text, set_field
from rashomon.settings import Settings
from rashomon.types import Article

log = logging.getLogger(__name__)

_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?")
"""A PDF date string, ``D:YYYYMMDDHHmmSS+HH'mm'`` (PDF 32000-1:2008, 7.9.4);
every part after the year is optional."""


def pdf_date(value: str) -> str | None:
    """A PDF date string as ISO 8601 at the precision written
    (``"D:20230921103300+04'00'"`` → ``"2023-09-21T10:33"``); ``None`` when it
    is not one. The UTC offset is dropped, as for every date rashomon reads."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    y, mo, d, h, mi = m.groups()
    iso = y + (f"-{mo}" if mo else "") + (f"-{d}" if mo and d else "") + (f"T{h}:{mi or '00'}" if mo and d and h else "")
    return normalize_date(iso)


def paragraph(box_text: str) -> str:
    """One text box as one line: its lines joined by a space (by nothing
    after a trailing hyphen), runs of blanks made one space."""
    out = ""
    for line in box_text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        out = line if not out else out + line if out.endswith("-") else out + " " + line
    return out


def paragraph_ends(lines: list[tuple[str, float, float]], right: float) -> list[bool]:
    """Whether each line of a text box ends its paragraph.

    ``lines`` holds ``(text, x0, x1)`` per line (PDF points), ``right`` the
    box's right edge. A line ends a paragraph when it is the box's last, or
    when the next line's first word, at this line's mean character width,
    would have fitted between the line's end and ``right`` after a space: a
    greedy line-breaker would have put it there, so the break is the
    writer's (Tesseract's paragraph detection, ``FirstWordWouldHaveFit`` in
    ``ccmain/paragraphs.cpp``). A line ending in a hyphen never ends one.
    """
    ends: list[bool] = []
    for k, (text, x0, x1) in enumerate(lines):
        text = text.strip()
        if k == len(lines) - 1:
            ends.append(True)
            continue
        following = lines[k + 1][0].split()
        if not text or not following or text.endswith("-"):
            ends.append(not text)
            continue
        char = (x1 - x0) / len(text)
        ends.append((len(following[0]) + 1) * char <= right - x1)
    return ends


def box_paragraphs(box) -> list[str]:
    """The paragraphs of one pdfminer text box (``LTTextBox``), each one line
    (:func:`paragraph`), split where :func:`paragraph_ends` says."""
    from pdfminer.layout import LTTextLine

    lines = [(ln.get_text(), ln.x0, ln.x1) for ln in box if isinstance(ln, LTTextLine)]
    if not lines:
        return [p] if (p := paragraph(box.get_text())) else []
    out, group = [], []
    for (text, _, _), end in zip(lines, paragraph_ends(lines, box.x1)):
        group.append(text.rstrip("\n"))
        if end:
            if p := paragraph("\n".join(group)):
                out.append(p)
            group = []
    return out


def _info(document) -> dict[str, str]:
    """The document information dictionary's text values (``Title``, ``CreationDate``, …)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    values: dict[str, str] = {}
    for info in document.info or []:
        for key, raw in (resolve1(info) or {}).items():
            raw = resolve1(raw)
            if isinstance(raw, bytes):
                values[str(key)] = decode_text(raw)
            elif isinstance(raw, str):
                values[str(key)] = raw
    lang = resolve1(document.catalog.get("Lang")) if document.catalog else None
    if isinstance(lang, bytes):
        values["Lang"] = decode_text(lang)
    return values


def read_pdf(path: Path, data: bytes, settings: Settings) -> list[Article]:
    """Read a PDF's text layer into one article.

    ``Article.text`` is one paragraph per line (see the module docstring);
    ``format`` is ``"pdf"``, ``encoding`` ``None``. ``title``, ``published``
    (``CreationDate``) and ``language`` (``/Lang``) are set when the document
    states them, with ``Evidence(source="pdf-meta", text="Title: …")``.

    Raises
    ------
    InputError : not a PDF pdfminer can parse, or encrypted with a password.
    EmptyInputError : no text layer (a scanned or image-only PDF).
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = _info(document)
        paragraphs = [p for page in extract_pages(io.BytesIO(data), laparams=LAParams())
                      for box in page if isinstance(box, LTTextContainer) for p in box_paragraphs(box)]
    except PDFPasswordIncorrect:
        raise InputError(f"{path.name} is encrypted with a password: save an unprotected copy and add that") from None
    except (PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError(f"{path.name} is not a PDF that can be read ({type(exc).__name__}: {exc}); "
                         "save it again as PDF or as text") from None
    text = "\n".join(paragraphs)
    if not text.strip():
        raise EmptyInputError(f"{path.name} has no text layer (a scanned or image-only PDF): nothing to read; "
                              "run it through OCR (e.g. ocrmypdf) and add the result")
    article = Article(id="", name=path.name, path=str(path), text=text, format="pdf")
    for field, key, normalize in (("title", "Title", normalize_text), ("published", "CreationDate", pdf_date),
                                  ("language", "Lang", normalize_language)):
        raw = info.get(key)
        value = normalize(raw) if raw else None
        if value:
            set_field(article, field, value, "pdf-meta", f"{key}: {raw}")
    return [article]
