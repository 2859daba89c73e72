"""Speakers the text describes rather than names: unnamed sources and descriptors.

An unnamed source ("officials said", "a senior official, speaking on condition
of anonymity", "the newspaper reported") is a speaker all the same: the
report keeps who spoke, described by the words the article uses, and never
guesses a name (``docs/report-contract.md``). The quote extractor gives each
described speaker its noun phrase (``Quote.speaker_descriptor_start``/``_end``);
:func:`link_described` runs after cross-article linking and

* makes each unnamed source (a description that resolves to no named mention)
  an entity of type ``UNNAMED`` named by its description as written, with
  the role and affiliation the quote gives. Identical descriptions in one
  article (case, spacing and a leading article ignored: "a senior official",
  "the senior official") are one entity; an unnamed source is never merged with
  a named entity, nor with a description in another article (two articles'
  "officials" are not known to be the same people);
* adds a descriptor that resolves to a named mention ("the ministry" → the
  Foreign Ministry named earlier) as a further mention of that entity, with
  label ``DESCRIPTOR`` (a mention, not a name: aliases are left as they are).
"""
from __future__ import annotations

import re

from rashomon.types import Entity, Mention, Quote

UNNAMED = "UNNAMED"
DESCRIPTOR = "DESCRIPTOR"
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def description_key(text: str) -> str:
    """The key under which two descriptions of one article are one source:
    lower case, spaces collapsed, a leading article dropped."""
    return _LEADING_ARTICLE.sub("", " ".join(text.casefold().split()))


def link_described(entities: list[Entity], quotes: list[Quote], texts: dict[str, str]) -> list[Entity]:
    """Entities for unnamed sources, and descriptor mentions of named ones.

    Parameters
    ----------
    entities : the linked entities (ids ``e0`` … in order); descriptor
        mentions are appended to their ``mentions``.
    quotes : every quote; a quote whose speaker is an unnamed source gets
        ``speaker`` (the ``UNNAMED`` entity's id) and ``speaker_start``/
        ``speaker_end`` (its description) set.
    texts : article id → ``Article.text``.

    Returns
    -------
    list[Entity] : ``entities`` followed by the new ``UNNAMED`` entities, whose
        ids continue the numbering (``e<n>``, in order of first quote).
    """
    by_id = {e.id: e for e in entities}
    out = list(entities)
    unnamed: dict[tuple[str, str], Entity] = {}
    seen: set[tuple[str, int, int]] = set()
    spans: dict[str, set[tuple[str, int, int]]] = {}  # entity id → its mention spans (one set, not a scan per quote)

    def spans_of(ent: Entity) -> set[tuple[str, int, int]]:
        if ent.id not in spans:
            spans[ent.id] = {(m.article, m.start, m.end) for m in ent.mentions}
        return spans[ent.id]

    for q in quotes:
        s, e = q.speaker_descriptor_start, q.speaker_descriptor_end
        if s is None or e is None or q.article not in texts or e <= s:
            continue
        text = texts[q.article][s:e]
        if q.speaker_start is not None:
            ent = by_id.get(q.speaker or "")
            if ent is not None and (q.article, s, e) not in seen and (q.article, s, e) not in spans_of(ent):
                ent.mentions.append(Mention(article=q.article, start=s, end=e, text=text, label=DESCRIPTOR,
                                            entity=ent.id))
                spans_of(ent).add((q.article, s, e))
                seen.add((q.article, s, e))
            continue
        key = (q.article, description_key(text))
        ent = unnamed.get(key)
        if ent is None:
            ent = Entity(id=f"e{len(out)}", name=" ".join(text.split()), type=UNNAMED,
                         role=q.speaker_role, affiliation=q.speaker_affiliation)
            unnamed[key] = ent
            out.append(ent)
        if (q.article, s, e) not in spans_of(ent):
            ent.mentions.append(Mention(article=q.article, start=s, end=e, text=text, label=UNNAMED, entity=ent.id))
            spans_of(ent).add((q.article, s, e))
            if text not in ent.aliases:
                ent.aliases.append(text)
            ent.forms.setdefault(text, [])
            if q.article not in ent.forms[text]:
                ent.forms[text].append(q.article)
        q.speaker = ent.id
        q.speaker_start, q.speaker_end = s, e
    return out
