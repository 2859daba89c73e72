"""Propositions: claims from different articles that answer one question."""
from __future__ import annotations

from rashomon.types import Article, Claim, Proposition


def group_claims(claims: list[Claim], articles: list[Article]) -> list[Proposition]:
    return []
