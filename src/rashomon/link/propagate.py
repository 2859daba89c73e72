"""Names found again: a multi-word name the tagger found in one article is
looked for wherever else it is written in the corpus, and each occurrence the
tagger missed becomes a mention (a name written in the same way names the same
thing across one story: the "one sense per discourse" assumption, here over
a corpus, as in the document-level label consistency of Krishnan and Manning
(2006), "An effective two-stage model for exploiting non-local dependencies
in named entity recognition", ACL).

Only names of two words or more with a lower-case letter (no headline in
capitals), of a PERSON, ORG, GPE, LOC or FAC mention, matched case-sensitively
with straight and curly apostrophes alike, outside removed spans, and never
across another mention's edge.
"""
from __future__ import annotations

import re

from rashomon.link.names import name_tokens
from rashomon.link.spans import all_mentions, by_article, claim_span
from rashomon.types import Article, Mention

_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
_PARTICLES = r"(?:of|the|and|for|de|du|la|le|van|von|al|el|bin)"
# a run of capitalised words, with the lower-case particles names hold
_RUN = re.compile(r"[A-Z](?<![\w'’.&-].)[\w'’.&-]*+(?:[ \t]++(?:" + _PARTICLES + r"[ \t]++)*[A-Z][\w'’.&-]*+)+")
"""A run of capitalised words from a word's start, each word taken whole: one
scan of a long word or of a long run of capitals (linear). The character
before the first capital is tested after it, so that a search looks only at
capitals (a pattern that opens with a look-behind is tried at every
position: ≈ 2.5 times slower over news text)."""
_WORD = re.compile(r"\S+")
_TRAIL = ".,;:'’"
_MAX_WORDS = 6


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).rstrip(_TRAIL)


def propagate_names(articles: list[Article], mentions: list[Mention]) -> list[Mention]:
    """The mentions plus a mention for every other occurrence of a known
    multi-word name (see the module docstring); a new mention takes the label
    of the name's first mention. Mentions inside the new span are replaced by
    it. Returns the new list (article order)."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.label in _LABELS and len(name_tokens(m.text)) >= 2 and any(c.islower() for c in m.text):
            names.setdefault(_norm(m.text), m.label)
    if not names:
        return list(mentions)
    spans = by_article(articles, mentions)
    firsts = {k.split(" ", 1)[0] for k in names}  # a name found again starts with one of these words
    for a in articles:
        removed = [(r.start, r.end) for r in a.removed]
        for run in _RUN.finditer(a.text):
            words = list(_WORD.finditer(a.text, run.start(), run.end()))
            i = 0
            while i < len(words):
                i = _claim_longest(a, spans[a.id], words, i, names, firsts, removed)
    return all_mentions(articles, spans, mentions)


def _claim_longest(a: Article, spans, words: list, i: int, names: dict[str, str], firsts: set[str],
                   removed: list[tuple[int, int]]) -> int:
    """Claim the longest known name starting at word ``i``; returns the index
    of the word after it (``i + 1`` when none starts there). ``firsts`` are
    the first words of the known names (normalised as :func:`_norm` does)."""
    if words[i].group().replace("’", "'") not in firsts:
        return i + 1
    for j in range(min(len(words), i + _MAX_WORDS), i + 1, -1):
        start, end = words[i].start(), words[j - 1].end()
        text = a.text[start:end]
        label = names.get(_norm(text))
        if label is None:
            continue
        end = start + len(text.rstrip(_TRAIL))
        if not any(s < end and start < e for s, e in removed):
            claim_span(spans, a, start, end, label)
        return j
    return i + 1
