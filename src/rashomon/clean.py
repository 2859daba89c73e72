"""Clean: page furniture, repeated blocks and embedded posts as removed spans."""
from __future__ import annotations

from dataclasses import dataclass, field

from rashomon.types import Article, Quote, Removal


@dataclass
class CleanResult:
    """``removed``: spans taken out of the body, sorted; ``posts``: embedded
    social-media posts as ``Quote`` records of kind ``post``."""

    removed: list[Removal] = field(default_factory=list)
    posts: list[Quote] = field(default_factory=list)


def clean(article: Article) -> CleanResult:
    return CleanResult()
