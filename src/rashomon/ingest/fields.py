"""Normalise metadata values stated by a container (HTML meta, JSONL field,
manifest cell) and set them on an ``Article`` with their evidence.

Each ``normalize_*`` function returns ``None`` when the value cannot be read;
callers decide whether that is a warning (HTML, JSONL) or an error (manifest).
Nothing is guessed: a date without a year, a language that is not an
ISO 639-1 code or a URL that is not http(s) stays unknown.
"""
from __future__ import annotations

import re
from datetime import datetime

from rashomon.types import Article, Evidence

FIELDS = ("title", "outlet", "url", "published", "language")
"""Article metadata a container may state (manifest columns, JSONL keys)."""

_ISO = re.compile(
    r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(?:\d{2})?)?$")
_LANG = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*$")
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


def _iso(y: int, mo: int | None, d: int | None, h: int | None, mi: int | None) -> str | None:
    """Format the parts present as ISO 8601 at their precision; ``None`` if invalid."""
    try:
        datetime(y, mo or 1, d or 1, h or 0, mi or 0)
    except ValueError:
        return None
    if mo is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    if h is None:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi or 0:02d}"


def normalize_date(value: object) -> str | None:
    """A stated publication date as ISO 8601 at the precision given.

    Parameters
    ----------
    value : ``"2023-09-21T10:33:00+04:00"``, ``"2023-09-21"``, ``"2023-09"``,
        ``"20230921"``, ``"Thu, 21 Sep 2023 10:33:00 GMT"``, ``"21 September 2023"``…

    Returns
    -------
    str | None : ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``
        (the local time as written; a UTC offset is dropped, per the report
        contract's date format); ``None`` when the value is not a date or has
        no year (a year is never guessed).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _iso(value.year, value.month, value.day, value.hour, value.minute)
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return _iso(value.year, value.month, value.day, None, None)  # datetime.date (YAML)
    s = str(value).strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        y, mo, d, h, mi = (int(g) if g else None for g in m.groups())
        return _iso(y, mo, d, h, mi)  # type: ignore[arg-type]
    m = _COMPACT.match(s)
    if m:
        y, mo, d, h, mi = (int(g) if g else None for g in m.groups())
        return _iso(y, mo, d, h, mi)  # type: ignore[arg-type]
    return _free_date(s)


def _free_date(s: str) -> str | None:
    """Dates in words (``21 September 2023``, RFC 2822), parts detected by
    parsing twice with different defaults: a part that changes was not written."""
    from dateutil import parser

    if not re.search(r"\d{4}", s):
        return None  # no year written: never guess one
    try:
        a = parser.parse(s, default=datetime(2000, 1, 1, 0, 0), fuzzy=False)
        b = parser.parse(s, default=datetime(2000, 2, 2, 1, 1), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    mo = a.month if a.month == b.month else None
    d = a.day if a.day == b.day and mo is not None else None
    timed = a.hour == b.hour and a.minute == b.minute and d is not None
    return _iso(a.year, mo, d, a.hour if timed else None, a.minute if timed else None)


def normalize_language(value: object) -> str | None:
    """An ISO 639-1 code (``"en"``) from ``"en"``, ``"EN"``, ``"en-GB"``,
    ``"en_US"``; ``None`` for anything else (three-letter codes included)."""
    if value is None:
        return None
    m = _LANG.match(str(value).strip())
    return m.group(1).lower() if m else None


def normalize_url(value: object) -> str | None:
    """An absolute http(s) URL, stripped; ``None`` otherwise (``javascript:``,
    ``data:``, relative links are never kept)."""
    if value is None:
        return None
    s = str(value).strip()
    return s if _URL.match(s) else None


def normalize_text(value: object) -> str | None:
    """A title or outlet: whitespace collapsed; ``None`` when empty."""
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


NORMALIZERS = {
    "title": normalize_text,
    "outlet": normalize_text,
    "url": normalize_url,
    "published": normalize_date,
    "language": normalize_language,
}


def set_field(article: Article, name: str, value: str, source: str, raw: object | None = None) -> None:
    """Set ``article.<name>`` to a normalised ``value`` and record where it was
    read: ``metadata_evidence[name] = Evidence(source=source, text=raw)``
    (``raw`` is the value as written in the source; no offsets, since it is
    not read from ``article.text``)."""
    setattr(article, name, value)
    text = " ".join(str(raw).split()) if raw is not None else value
    article.metadata_evidence[name] = Evidence(source=source, text=text or value)
