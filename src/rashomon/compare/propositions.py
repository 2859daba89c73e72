"""Propositions: claims from different articles that answer one question.

Two ways put claims together:

1. **Frames** (``data/frames.yaml``): a claim's frame plus one discriminator
   makes the question it answers:

   * harm (``casualties``, ``attack``) + the affected group → "harm to civilians";
     a casualties claim that names no group ("there were no casualties",
     "reports of a dozen deaths") is about people in general and joins "harm to
     people" (see :func:`harm_group`);
   * ``duration`` → "duration";
   * ``meeting``, ``movement``, ``control``, ``ceasefire`` + the most specific
     place the claim names (the one fewest claims name), else the affected
     group, else the date → "meeting in Yevlakh".

2. **Lexical overlap** for near-verbatim claims with no frame: claims of
   different articles whose content-word sets have Jaccard ≥ ``LEXICAL_JACCARD``
   (0.6) are joined (union-find). Candidates are found through an inverted
   index on each claim's three rarest content words (words in more than
   ``MAX_DF`` claims are not indexed), so nothing is compared all-against-all.

A proposition keeps at most ``MAX_CLAIMS`` claims (the rest start a new
proposition with the same label), which bounds the pairwise work of
:mod:`rashomon.compare.relations`. Only propositions with claims from at least
two articles, or two claims of one article, are returned.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from rashomon.compare.blocks import proposition_blocks
from rashomon.compare.events import assign_events
from rashomon.compare.views import View
from rashomon.types import Article, Claim, Entity, Proposition

LEXICAL_JACCARD = 0.6
MAX_CLAIMS = 200
MAX_DF = 50  # a word in more claims than this is no evidence of a shared statement
HARM = {"casualties", "attack"}
GENERAL_GROUP = "people"  # the affected group of data/frames.yaml that means anyone
_THEY = re.compile(r"\b(?:they|them)\b", re.I)
STOP = set("""a an the and or but of to in on at by for with from as is are was were be been being has have had
do does did will would can could may might shall should must it its this that these those there their they them
he she his her we our us you your i me my not no never than then so such which who whom whose what when where
while if also very more most some any all each other into over under about after before during against between
through up down out off again further once said says say told according""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"])}


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """Lowercased content words of ``text`` (stop words and 1–2 letter words
    dropped; a final plural "s" stripped, a crude stand-in for lemmas)."""
    out = set()
    for w in _WORD.findall(text.lower()):
        w = w.replace("’", "'")
        if w in STOP or len(w) < 3:
            continue
        if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def month_day(text: str | None) -> tuple[int, int] | None:
    """(month, day) of a date expression ("21st September", "September 21, 2023"), or None."""
    if not text:
        return None
    t = text.lower()
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)", t)
    if m and m.group(2) in _MONTHS:
        return _MONTHS[m.group(2)], int(m.group(1))
    m = re.search(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", t)
    if m and m.group(1) in _MONTHS:
        return _MONTHS[m.group(1)], int(m.group(2))
    return None


def harm_group(c: Claim) -> str | None:
    """The group a harm claim is about, for grouping and comparing.

    ``c.affected`` when the clause names a group; else, for a ``casualties``
    claim, ``GENERAL_GROUP`` ("people": "there were no casualties" and "at
    least 12 people were killed" answer one question), unless "they"/"them"
    stands for a group named elsewhere ("they won't face harm"); else None.
    ``c.affected`` itself stays None (nothing is invented on the claim)."""
    if c.affected:
        return c.affected
    if c.frame == "casualties" and not _THEY.search(c.text):
        return GENERAL_GROUP
    return None


def _label(frame: str, disc: str | None) -> str:
    if frame in HARM:
        return f"harm to {disc}" if disc else "harm"
    if frame == "duration":
        return "duration of the operation"
    if frame == "meeting":
        return f"meeting in {disc}" if disc else "meeting"
    return f"{frame} ({disc})" if disc else frame


def group_claims(claims: list[Claim], articles: list[Article],
                 entities: list[Entity] | None = None, read: dict[str, View] | None = None) -> list[Proposition]:
    """Group claims into propositions (the questions several claims answer).

    Parameters
    ----------
    claims : every claim of the corpus, with ids.
    articles : the articles (unused by the rules today; kept for the contract).
    entities : the linked entities (optional): the speakers' roles, read by
        :func:`rashomon.compare.claim_views.views`.
    read : the claims' quote-free readings (optional;
        :func:`rashomon.compare.claim_views.readings`), made here when absent.

    Returns
    -------
    list[Proposition] : ids ``p0``, ``p1``, …; ``label`` readable ("harm to
        civilians", "meeting in Yevlakh"), ``frame`` the frame name or
        ``"lexical"``; ``claims`` the claim ids in input order.

    ``Claim.event`` is set on every claim first (:func:`rashomon.compare.events.assign_events`).
    """
    assign_events(claims, articles)
    place_freq = Counter(p for c in claims for p in set(c.place_texts))
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    labels: dict[tuple, tuple[str, str]] = {}
    framed: set[str] = set()
    for c in claims:
        if not c.frame:
            continue
        if c.frame in HARM:
            group = harm_group(c)
            if not group:
                continue
            key = ("harm", group)
        elif c.frame == "duration":
            key = ("duration",)
            disc = None
        else:
            places = sorted(c.place_texts, key=lambda p: (place_freq[p], p))
            md = month_day(c.time_text)
            disc = places[0] if places else (c.affected or (f"{md[0]:02d}-{md[1]:02d}" if md else None))
            if disc is None:
                continue
            key = (c.frame, disc)
        groups[key].append(c)
        labels[key] = (_label(c.frame if c.frame not in HARM else "casualties", key[1] if len(key) > 1 else None),
                       "casualties" if c.frame in HARM else c.frame)
        framed.add(c.id)
    # lexical near-duplicates among claims without a frame
    rest = [c for c in claims if c.id not in framed and c.proposition is not None]  # not a dated attribution
    words = {c.id: content_words(c.text) for c in rest}
    df = Counter(w for ws in words.values() for w in ws)
    index: dict[str, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)  # word -> (id, article, words)
    parent = {c.id: c.id for c in rest}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in rest:
        ws = words[c.id]
        if len(ws) < 3:
            continue
        rare = [w for n, w in sorted((df[w], w) for w in ws)[:3] if n <= MAX_DF]  # rarest first, then by word
        seen = set()
        mine = find(c.id)  # the root of this claim's group, kept as it is joined to others
        for w in rare:
            for oid, article, ow in index[w]:
                if article == c.article or oid in seen:
                    continue
                seen.add(oid)
                root = find(oid)
                if root == mine:
                    continue  # already joined: the union would change nothing
                shared = len(ws & ow)  # Jaccard: shared words over the words of either
                if shared / (len(ws) + len(ow) - shared) >= LEXICAL_JACCARD:
                    parent[mine] = root
                    mine = root
            index[w].append((c.id, c.article, ws))
    lex_groups: dict[str, list[Claim]] = defaultdict(list)
    for c in rest:
        lex_groups[find(c.id)].append(c)
    for root, cs in lex_groups.items():
        if len(cs) > 1:
            top = sorted(content_words(cs[0].text), key=lambda w: (df[w], w))[:4]
            groups[("lexical", root)] = cs
            labels[("lexical", root)] = (" ".join(top), "lexical")
    # the proposition blocks first: a pair they relate is not related again by a frame or words alone
    blocks = proposition_blocks(claims, articles, entities, read)
    groups = {**{key: cs for key, (_, _, cs) in blocks.items()}, **groups}
    labels.update({key: (label, frame) for key, (label, frame, _) in blocks.items()})
    out: list[Proposition] = []
    for key, cs in groups.items():
        if len(cs) < 2:
            continue
        label, frame = labels[key]
        for k in range(0, len(cs), MAX_CLAIMS):
            chunk = cs[k:k + MAX_CLAIMS]
            if len(chunk) < 2:
                continue
            out.append(Proposition(id=f"p{len(out)}", label=label, claims=[c.id for c in chunk], frame=frame))
    return out
