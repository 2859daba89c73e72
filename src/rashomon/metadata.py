"""Metadata: title, outlet, published date and language, each with evidence."""
from __future__ import annotations

from rashomon.types import Article


def infer(article: Article, cleaned) -> None:
    """Fill ``article``'s unknown metadata in place from its text."""
    return None
