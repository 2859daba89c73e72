"""Word documents (``.docx``, Office Open XML), read with python-docx.

The body is read in order, paragraphs and tables alike
(``Document.iter_inner_content``): each non-empty paragraph on its own line
of ``Article.text`` (a line break inside a paragraph stays a line break),
each table row on its own line with its cells joined by `` | `` (a merged
cell once). Headers, footers, comments and footnotes are page furniture and
are not read. Title, creation date and language come from the core
properties (ECMA-376 Part 2, Core Properties), with ``docx-meta`` evidence;
the creation date is only a fallback for a date the text states
(:data:`rashomon.metadata.FILE_DATE_SOURCES`), and the date python-docx's
own template carries (a document made with python-docx keeps it unless its
writer sets one) is no creation date at all.
The legacy binary ``.doc`` format is not read.
"""
from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from rashomon.errors import EmptyInputError, InputError
from rashomon.ingest.fields import normalize_date, normalize_language, normalize_text, set_field
from rashomon.settings import Settings
from rashomon.types import Article


def _lines(document) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list = []
                for cell in row.cells:
                    if not cells or cell._tc is not cells[-1]._tc:  # a merged cell repeats across the row
                        cells.append(cell)
                line = " | ".join(" ".join(c.text.split()) for c in cells)
                if line.replace("|", "").strip():
                    lines.append(line)
        else:
            text = block.text.replace("\r", "\n")
            if text.strip():
                lines.append(text)
    return lines


@functools.cache
def template_created():
    """The ``created`` core property of python-docx's default template
    (``docx/templates/default.docx``, read from the installed package): a
    document saved by python-docx without setting it carries this date, which
    says nothing about the document."""
    import docx

    return docx.Document().core_properties.created


def read_docx(path: Path, data: bytes, settings: Settings) -> list[Article]:
    """Read a DOCX document into one article.

    ``Article.text`` is the body as described in the module docstring;
    ``format`` is ``"docx"``. ``title``, ``published`` (core property
    ``created``, unless it is python-docx's template's:
    :func:`template_created`) and ``language`` are set when stated, with
    ``Evidence(source="docx-meta", text="created: …")``.

    Raises
    ------
    InputError : not a DOCX file python-docx can open (a legacy ``.doc``, a
        damaged or renamed file).
    EmptyInputError : the body has no text.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        lines = _lines(document)
        core = document.core_properties
        created = core.created if core.created != template_created() else None
        stated = {"title": core.title, "created": created, "language": core.language}
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path.name} is not a DOCX file that can be read ({type(exc).__name__}: {exc}); "
                         "save it again as .docx (Word 2007 or later) or as text") from None
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyInputError(f"{path.name} has no text in its body: nothing to read")
    article = Article(id="", name=path.name, path=str(path), text=text, format="docx", encoding=None)
    for field, key, normalize in (("title", "title", normalize_text), ("published", "created", normalize_date),
                                  ("language", "language", normalize_language)):
        raw = stated[key]
        value = normalize(raw) if raw else None
        if value:
            shown = raw.isoformat() if hasattr(raw, "isoformat") else raw
            set_field(article, field, value, "docx-meta", f"{key}: {shown}")
    return [article]
