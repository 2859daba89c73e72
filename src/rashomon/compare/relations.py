"""Relations between claims: contradicts, agrees, repeats."""
from __future__ import annotations

from rashomon.types import Article, Claim, Proposition, Quote, Relation


def relate(claims: list[Claim], propositions: list[Proposition], quotes: list[Quote],
           articles: list[Article]) -> list[Relation]:
    return []
