"""Query parameters shared by the pages: page numbers, filters, dates."""
from __future__ import annotations

import re
from typing import Any, Optional

from fastapi import Query
from starlette.exceptions import HTTPException

_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")



def page_no() -> Any:
    """A page number parameter (from 1). A new ``Query`` per parameter:
    FastAPI binds a ``Query`` object to the first parameter it serves."""
    return Query(1, ge=1, le=10_000_000)


def text() -> Any:
    """A filter parameter, typed or chosen (at most 300 characters)."""
    return Query(None, max_length=300)


def opt(value: Optional[str]) -> Optional[str]:
    """A filter as given, stripped; ``None`` when left empty."""
    value = (value or "").strip()
    return value or None


def iso_date(value: Optional[str], name: str) -> Optional[str]:
    """A date filter: an ISO 8601 prefix (``2024``, ``2024-03``,
    ``2024-03-12``) or ``None``; anything else is a 400 naming ``name``."""
    value = opt(value)
    if value is not None and not _ISO_PREFIX.match(value):
        raise HTTPException(400, f"{name} must be an ISO 8601 date: 2024, 2024-03 or 2024-03-12 (got {value!r})")
    return value


def published(published_from: Optional[str], published_to: Optional[str]) -> dict[str, Optional[str]]:
    """The publication-date filters, checked by :func:`iso_date`."""
    return {"published_from": iso_date(published_from, "published_from"),
            "published_to": iso_date(published_to, "published_to")}
