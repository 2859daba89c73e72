"""Temporal expressions, reference dates and the cross-source timeline."""
from __future__ import annotations

from rashomon.types import Article, Claim, Quote, TemporalExpression, TimelineEntry


def resolve_article(article: Article, doc, quotes: list[Quote], claims: list[Claim]) -> list[TemporalExpression]:
    return []


def build_timeline(articles: list[Article], claims: list[Claim], quotes: list[Quote],
                   temporals: list[TemporalExpression]) -> list[TimelineEntry]:
    return []
