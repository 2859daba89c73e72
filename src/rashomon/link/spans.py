"""One article's mentions as disjoint spans, for the passes that add mentions
the tagger missed (acronyms, names found again): find the mentions a span
overlaps, and claim a span for a new mention without ever making two
mentions of one article overlap."""
from __future__ import annotations

import bisect
from collections import defaultdict

from rashomon.link.typing import corrected_label
from rashomon.types import Article, Mention


class ArticleSpans:
    """One article's mentions, disjoint, kept sorted by start (so ends are
    sorted too): find the ones overlapping a span with two binary searches."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions overlapping ``[start, end)``, in text order."""
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.items[i - 1].end > start:
            i -= 1
        out = []
        while i < len(self.items) and self.items[i].start < end:
            out.append(self.items[i])
            i += 1
        return out

    def replace(self, old: list[Mention], new: Mention) -> None:
        """Put ``new`` in place of the mentions ``old`` (those inside it)."""
        for m in old:
            i = self.items.index(m)
            del self.items[i], self.starts[i]
        i = bisect.bisect_left(self.starts, new.start)
        self.items.insert(i, new)
        self.starts.insert(i, new.start)


def by_article(articles: list[Article], mentions: list[Mention]) -> dict[str, ArticleSpans]:
    """Each article's mentions as :class:`ArticleSpans`."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.article].append(m)
    return {a.id: ArticleSpans(grouped[a.id]) for a in articles}


def all_mentions(articles: list[Article], spans: dict[str, ArticleSpans], mentions: list[Mention]) -> list[Mention]:
    """The mentions of ``spans`` in article order, then those of ``mentions``
    whose article is not in ``articles``."""
    known = {a.id for a in articles}
    return [m for a in articles for m in spans[a.id].items] + [m for m in mentions if m.article not in known]


def claim_span(spans: ArticleSpans, article: Article, start: int, end: int, label: str | None) -> Mention | None:
    """The mention of ``[start, end)``: an existing mention of exactly that
    span, else a new one replacing the mentions inside it (their label, if
    any, else ``label``; checked by :func:`corrected_label`); None when a
    mention crosses its edges."""
    inside = spans.overlapping(start, end)
    for m in inside:
        if m.start == start and m.end == end:
            return m
        if m.start < start or m.end > end:
            return None
    inner = next((m.label for m in sorted(inside, key=lambda m: m.start - m.end) if m.label), None)
    text = article.text[start:end]
    new = Mention(article=article.id, start=start, end=end, text=text,
                  label=corrected_label(text, inner or label))
    spans.replace(inside, new)
    return new
