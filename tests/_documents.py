"""Test documents built in the tests themselves: a minimal PDF written by hand
(PDF 32000-1:2008, 7.5: header, objects, cross-reference table, trailer) and
a DOCX written with python-docx."""
from __future__ import annotations

import datetime as dt
import io


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def minimal_pdf(paragraphs: list[list[str]], info: dict[str, str] | None = None, lang: str | None = None) -> bytes:
    """A one-page PDF whose text layer holds ``paragraphs`` (each a list of
    lines set 14 pt apart; paragraphs 40 pt apart) in Helvetica; ``info``
    the document information dictionary (``Title``, ``CreationDate``…),
    ``lang`` the catalogue's ``/Lang``. No paragraph at all gives a page with
    no text layer, as a scanned page has."""
    ops = ["BT", "/F1 11 Tf", "72 740 Td"]
    for i, lines in enumerate(paragraphs):
        if i:
            ops.append("0 -40 Td")
        for j, line in enumerate(lines):
            if j:
                ops.append("0 -14 Td")
            ops.append(f"{_pdf_string(line)} Tj")
    ops.append("ET")
    content = "\n".join(ops).encode("latin-1") if paragraphs else b""
    catalog = "<< /Type /Catalog /Pages 2 0 R" + (f" /Lang {_pdf_string(lang)}" if lang else "") + " >>"
    objects = [
        catalog.encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ("<< " + " ".join(f"/{k} {_pdf_string(v)}" for k, v in (info or {}).items()) + " >>").encode("latin-1"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None, title: str | None = None,
               created: dt.datetime | None = None, language: str | None = None) -> bytes:
    """A DOCX with ``paragraphs`` (then ``table``, rows of cells) in its body,
    a header line that is page furniture, and the core properties given."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "PAGE HEADER FURNITURE"
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    core = document.core_properties
    core.title = title or ""
    core.language = language or ""
    if created is not None:
        core.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
