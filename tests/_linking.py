"""Helpers for the entity-linking tests: articles and mentions written by
hand, linking them, and finding an entity by one of its surface forms."""
from __future__ import annotations

from rashomon.link.entities import link_entities
from rashomon.settings import Settings
from rashomon.types import Article, Mention, Quote


def art(aid: str, text: str) -> Article:
    return Article(id=aid, name=f"{aid}.txt", path=f"{aid}.txt", text=text)


def mention(article: Article, text: str, label: str | None, nth: int = 0) -> Mention:
    """The ``nth`` occurrence (0-based) of ``text`` in ``article`` as a mention."""
    i = -1
    for _ in range(nth + 1):
        i = article.text.index(text, i + 1)
    return Mention(article=article.id, start=i, end=i + len(text), text=text, label=label)


def speaker_quote(article: Article, speaker: str, qid: str = "q0", **fields) -> Quote:
    """An indirect quote of the whole article whose speaker span is the first ``speaker``."""
    s = article.text.index(speaker)
    return Quote(id=qid, article=article.id, start=0, end=len(article.text), text=article.text, kind="indirect",
                 speaker_start=s, speaker_end=s + len(speaker), **fields)


def link(articles, mentions, quotes=(), claims=(), settings=None):
    return link_entities(list(articles), list(mentions), list(quotes), list(claims), settings or Settings())


def entities_of(ents, form: str) -> list:
    return [e for e in ents if form in e.aliases]


def entity(ents, form: str):
    hits = entities_of(ents, form)
    assert hits, (form, [e.aliases for e in ents])
    return hits[0]


def same(ents, a: str, b: str) -> bool:
    return entity(ents, a).id == entity(ents, b).id
