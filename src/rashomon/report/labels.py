"""How records are named and coloured wherever the report shows them.

The narrator's label, a stable colour per speaker or article, a quantity as a
phrase and an article's display name: shared by the report context, the
renderers and the exports, so one speaker or source reads the same everywhere.
"""
from __future__ import annotations

import hashlib

from rashomon.types import Article, Quantity

#: How a claim with ``speaker=None`` is shown: the contract's None speaker on a
#: claim means the article's own (narrator's) voice, not an unknown person.
NARRATOR = "narrator (outlet's own voice)"


def colour(key: str, lightness: int = 82) -> str:
    """A stable pastel colour for ``key`` (a speaker or article id).

    The hue is taken from the MD5 digest of the key, so one speaker keeps one
    colour across runs and renderers. Returns a CSS ``hsl(...)`` string.
    """
    hue = int(hashlib.md5(key.encode("utf-8")).hexdigest()[:6], 16) % 360
    return f"hsl({hue}, 70%, {lightness}%)"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def figure(q: Quantity) -> str:
    """A quantity as a phrase: ``"over 200 people killed"``, ``"10–12 killed"``."""
    value = _num(q.value)
    if q.high is not None:
        value = f"{value}–{_num(q.high)}"
    parts = []
    if q.approx and q.approx not in ("exact", "range"):
        parts.append(q.approx)
    parts.append(value)
    if q.unit:
        parts.append(q.unit)
    if q.of and q.of != q.unit:
        parts.append(q.of)
    return " ".join(parts)


def article_label(a: Article) -> str:
    """How an article is named in tables: its outlet, else its file name."""
    return a.outlet or a.name
