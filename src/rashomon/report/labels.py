"""How records are named and coloured wherever the report shows them.

The narrator's label, a stable colour per speaker or article, a quantity as a
phrase and an article's display name: shared by the report context, the
renderers and the exports, so one speaker or source reads the same everywhere.
"""
from __future__ import annotations

import hashlib

from rashomon.compare.views import as_written
from rashomon.types import Article, Quantity

#: How a claim with ``speaker=None`` is shown: the contract's None speaker on a
#: claim means the article's own (narrator's) voice, not an unknown person.
NARRATOR = "narrator (outlet's own voice)"


#: Holder words that only point at a holder named elsewhere: never shown as a name.
PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they", "you"})


def holder_name(speaker_name: str | None, holder_text: str | None) -> str:
    """How a claim's holder is named in every output (report, exports, web app).

    Parameters
    ----------
    speaker_name : the name of the claim's linked speaker (``Claim.speaker``
        resolved to its entity's name, else the id itself), or None.
    holder_text : ``Claim.holder_text``, the words of the text that name the
        holder ("Selinor", "the ministry"), or None.

    Returns
    -------
    str : the speaker's name; else the holder's own words unless they are a bare
        pronoun ("she" names no one by itself); else :data:`NARRATOR` (the
        outlet's own voice, the contract's meaning of a claim with no holder).
    """
    if speaker_name:
        return speaker_name
    if holder_text and holder_text.strip().lower() not in PRONOUNS:
        return as_written(holder_text.strip(" ,"))  # "a workers ' union" as written: "a workers' union"
    return NARRATOR


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
