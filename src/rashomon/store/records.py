"""How each record of ``types.py`` maps onto a workspace table.

A row holds some of the record's fields as plain columns (what a reader
filters and joins on) and the whole record as JSON in ``record``; the record
is rebuilt from the JSON alone (``corpus`` instead, when the corpus stages
changed the record), so a field added to a record needs no schema change.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rashomon.types import (
    Claim,
    FramingTerm,
    Mention,
    Quote,
    Record,
    Relation,
    Reuse,
    TemporalExpression,
    TimelineEntry,
)


@dataclass(frozen=True)
class Table:
    """One record kind's table: ``columns`` are the record fields kept as
    plain columns (besides ``record``); ``per_article`` tables also have
    ``article``, ``ordinal`` (the record's place in its article's list) and
    ``corpus``."""

    name: str
    model: type[Record]
    columns: tuple[str, ...]
    per_article: bool = False

    def insert_sql(self) -> str:
        """``INSERT`` of one row: the plain columns, then (``ordinal``), ``record``."""
        cols = self.columns + (("ordinal",) if self.per_article else ()) + ("record",)
        names = ", ".join(f'"{c}"' for c in cols)  # quoted: "end" is an SQL keyword
        return f"INSERT INTO {self.name} ({names}) VALUES ({', '.join('?' * len(cols))})"

    def values(self, rec: Record, ordinal: int | None = None) -> tuple:
        """The row of ``rec`` for :meth:`insert_sql`."""
        return plain(rec, self.columns) + ((ordinal,) if self.per_article else ()) + (rec.model_dump_json(),)


def plain(rec: Record, columns: tuple[str, ...]) -> tuple:
    """The values of ``columns`` of ``rec`` as SQLite takes them (a list or
    a record field, should a plain column ever hold one, as JSON text)."""
    out = []
    for c in columns:
        v = getattr(rec, c)
        if v is not None and not isinstance(v, (str, int, float)):
            v = json.dumps(v.model_dump(mode="json") if isinstance(v, Record) else v, ensure_ascii=False, default=str)
        out.append(v)
    return tuple(out)


MENTIONS = Table("mentions", Mention, ("article", "start", "end", "text", "label", "entity"), per_article=True)
QUOTES = Table("quotes", Quote, ("id", "article", "start", "end", "text", "kind", "speaker", "speaker_text", "cue",
                                 "date", "relayed_by"), per_article=True)
CLAIMS = Table("claims", Claim, ("id", "article", "start", "end", "text", "speaker", "quote", "polarity",
                                 "modality", "frame"), per_article=True)
TEMPORALS = Table("temporal_expressions", TemporalExpression,
                  ("article", "start", "end", "text", "value", "precision", "event"), per_article=True)
PER_ARTICLE = (MENTIONS, QUOTES, CLAIMS, TEMPORALS)
"""Per-article result tables, in the order :class:`~rashomon.pipeline.ArticleResult` lists them."""

ARTICLE_COLUMNS = ("name", "path", "title", "outlet", "published", "language", "url", "format", "reference_date",
                   "period", "period_flag", "words_kept", "words_removed")
"""Article fields kept as plain columns of ``articles`` (``text`` has its own column)."""

RELATIONS = Table("relations", Relation, ("kind", "a", "b", "independent", "reason", "proposition"))
REUSE = Table("reuse", Reuse, ("a", "a_start", "a_end", "b", "b_start", "b_end", "similarity"))
FRAMING = Table("framing", FramingTerm, ("article", "voice", "term", "count", "category"))
TIMELINE = Table("timeline", TimelineEntry, ("date", "end", "precision", "label", "period", "conflict"))
CORPUS = {"relations": RELATIONS, "reuse": REUSE, "framing": FRAMING, "timeline": TIMELINE}
"""Corpus result tables filled straight from a ``Report`` list of the same name
(entities and propositions have tables of their own shape)."""


def changed(before: str, rec: Record, exclude: set[str] | None = None) -> str | None:
    """``rec`` as JSON when it differs from the JSON ``before`` (what the
    corpus stages made of a stored record), else ``None``."""
    after = rec.model_dump_json(exclude=exclude)
    return None if after == before else after


def load(model: type[Record], record: str, corpus: str | None = None, **extra: Any) -> Record:
    """Rebuild a record from its JSON: ``corpus`` (as the corpus stages left
    it) when there is one, else ``record``; ``extra`` are fields kept outside
    the JSON (an article's text, an entity's mentions)."""
    text = corpus if corpus is not None else record
    if not extra:
        return model.model_validate_json(text)
    data = json.loads(text)
    data.update(extra)
    return model.model_validate(data)

