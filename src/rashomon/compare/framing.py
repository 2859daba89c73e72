"""Framing: terms in the narrator's voice versus quoted voices."""
from __future__ import annotations

from rashomon.types import Article, Entity, FramingTerm, Quote


def frame(articles: list[Article], quotes: list[Quote], entities: list[Entity]) -> list[FramingTerm]:
    return []
