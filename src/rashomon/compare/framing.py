"""Framing: the words an article uses in its own (narrator) voice versus the
words it only carries in other voices.

Three kinds of :class:`~rashomon.types.FramingTerm` rows, per article and
voice (``"narrator"``, a speaker's entity id, or ``"quoted"`` when the voice
has no resolved entity; who holds a term: :mod:`rashomon.compare.framing_voice`):

* **Lexicon terms** from ``data/framing.yaml`` (rival and loaded words for
  places, armed action, parties, control of land, harm, displacement,
  protest and its policing, industrial disputes, policy names, accidents,
  agency and blame; each group with its ``category`` and ``source``), found
  as the noun phrases the text writes them in
  (:mod:`rashomon.compare.framing_lexicon`): "the port sale", "the
  temporarily occupied left bank", "Russian-installed officials". ``group``
  names the set of rival terms a term belongs to; ``score`` is ``None``.
* **Rival place names**: every mention of a place the corpus calls by two
  names or more (:attr:`rashomon.types.Entity.rival_names`, found by entity
  linking) is a row of category ``"toponym"`` whose ``group`` is the entity:
  which name an outlet writes in its own voice is a framing choice, found by
  contrast with the other outlets rather than from a list.
* **Distinctive terms** of each article's narrator voice against the rest of
  the corpus: unigrams, bigrams and trigrams ranked by the log-odds ratio
  with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
  "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
  the Content of Political Conflict", Political Analysis 16(4): 372-403,
  eq. 16-22); the top :data:`TOP_K` with z ≥ :data:`MIN_Z` become rows of
  category ``"distinctive"`` with ``score`` = z.

No spaCy: plain regular expressions over :func:`rashomon.annotate.body_text`
(removed furniture blanked), so the cost is linear in the corpus size.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection

from rashomon.annotate import body_text
from rashomon.compare.framing_lexicon import Lexicon, clean, lexicon_spans, load_lexicon
from rashomon.compare.framing_voice import NARRATOR, QUOTED, Voices
from rashomon.types import Article, Entity, FramingTerm, Quote

__all__ = ["MIN_Z", "NARRATOR", "PRIOR_DOCS", "QUOTED", "TOP_K", "Lexicon", "contested_terms", "distinctive_terms",
           "frame", "load_lexicon", "log_odds"]

TOP_K = 15
"""Most distinctive-term rows per article."""
MIN_Z = 1.96
"""Smallest z-score kept (two-sided 5 % level, as in Monroe et al. 2008)."""
PRIOR_DOCS = 1.0
"""Weight of the informative Dirichlet prior, in documents: its total
pseudo-count α_0 is this many times the mean n-gram count of one document,
and its shape is the corpus's own n-gram distribution (Monroe et al. 2008
shape theirs on a background corpus). One document's weight keeps a term
seen a handful of times in one short article from reaching z ≥ 1.96 by
chance, while a term used again and again there does."""
DISTINCTIVE_SOURCE = "Monroe, Colaresi & Quinn 2008, Fightin' Words (Political Analysis 16(4)): log-odds ratio, informative Dirichlet prior"
RIVAL_NAME_SOURCE = ("rival names of one place in this corpus (entity linking, Entity.rival_names); a place name is "
                     "a framing choice: de Waal 2003, Black Garden; AP Stylebook, 'Kyiv' (2019)")
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

_WORD_NGRAM = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ASCII_WORD_NGRAM = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*")
"""The :data:`_WORD_NGRAM` words of an ASCII segment (its only letters are
A-Z and it holds no "’"), found without the Unicode category test of each
character."""
_SEGMENT_BREAK = re.compile(r"[.!?;:,()\[\]{}\"“”«»„—–|/\n]+")


class _Rows:
    """Framing rows of one article keyed by (voice, folded term), counted."""

    def __init__(self, article: str):
        self.article = article
        self.rows: dict[tuple[str, str], FramingTerm] = {}

    def add(self, voice: str, term: str, category: str, source: str, group: str | None) -> None:
        key = (voice, term.casefold())
        row = self.rows.get(key)
        if row is None:
            self.rows[key] = FramingTerm(article=self.article, voice=voice, term=term, count=1,
                                         category=category, source=source, group=group or None)
        else:
            row.count += 1


def contested_terms(article: Article, quotes: list[Quote], lexicon: Lexicon | None = None) -> list[FramingTerm]:
    """Rows for every lexicon term in one article, by voice.

    Parameters
    ----------
    article : the article (its body is ``body_text(article)``).
    quotes : this article's quotes (spans are ``Article.text`` offsets).
    lexicon : a compiled lexicon; the packaged one when ``None``.

    Returns
    -------
    list[FramingTerm] : one row per (voice, term as written, case-folded) with
        its count, the group's category, source and set; ``score`` ``None``.
    """
    rows = _Rows(article.id)
    body = body_text(article)
    _lexicon_rows(rows, body, Voices(quotes), lexicon or load_lexicon())
    return list(rows.rows.values())


def _lexicon_rows(rows: _Rows, body: str, voices: Voices, lex: Lexicon) -> list[tuple[int, int]]:
    """Add the lexicon terms of ``body`` to ``rows``; returns the spans of the
    toponyms found (rival-name rows skip them)."""
    toponyms = []
    for sp in lexicon_spans(body, lex):
        rows.add(voices.holder(body, sp.start, sp.end, name=sp.toponym), clean(body[sp.start:sp.end]),
                 sp.category, sp.source, sp.group)
        if sp.toponym:
            toponyms.append((sp.start, sp.end))
    return toponyms


def _rival_mentions(entities: list[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the mentions ``(start, end, entity id)`` of places known
    in the corpus by rival names, whose text is one of those names."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        if e.type not in PLACE_TYPES or len(e.rival_names) < 2:
            continue
        forms = {f.casefold() for r in e.rival_names for f in r.forms}
        for m in e.mentions:
            if m.text.casefold() in forms:
                out[m.article].append((m.start, m.end, e.id))
    return out


def _ngrams(text: str, stop: frozenset[str], max_n: int = 3, case: Counter | None = None) -> Counter:
    """Counts of 1- to ``max_n``-grams of lower-cased words inside punctuation-
    free segments; a gram may not start or end with a stop word.

    ``case``, when given, is updated with ``(word, capitalised)`` counts of the
    words that do not open a segment (see :func:`_name_words`).
    """
    grams: list[str] = []
    cased: list[tuple[str, bool]] = []  # counted into ``case`` at the end, in one update
    for seg in _SEGMENT_BREAK.split(text):
        raw = (_ASCII_WORD_NGRAM if seg.isascii() else _WORD_NGRAM).findall(seg)
        if not raw:
            continue
        words = [w.casefold().replace("’", "'") for w in raw]
        if case is not None:
            cased += zip(words[1:], [r[:1].isupper() for r in raw[1:]])
        # a word may open or close a gram unless it is a stop word or a single letter
        edge = [w not in stop and len(w) >= 2 for w in words]
        n = len(words)
        for i in range(n):
            if not edge[i]:
                continue
            gram = words[i]
            grams.append(gram)
            for j in range(i + 1, min(i + max_n, n)):  # grow the gram one word at a time
                gram = f"{gram} {words[j]}"
                if edge[j]:
                    grams.append(gram)
    if case is not None:
        case.update(cased)
    return Counter(grams)


def _name_words(case: Counter) -> set[str]:
    """Words written with a capital in most of their places inside a sentence
    (names: "Hajiyev", "ICRC"). A gram made of such words only is left out of
    the distinctive terms: names say what an article is about, not how it
    frames it."""
    words = {w for w, _ in case}
    return {w for w in words if case[(w, True)] > case[(w, False)]}


def log_odds(focus: Counter, rest: Counter | None, prior: Counter, alpha0: float | None = None,
             *, prior_total: float | None = None, rest_total: float | None = None) -> dict[str, float]:
    """z-scores of the log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), eq. 16 and 22:
    δ_w = log((y_w^i + α_w) / (n^i + α_0 − y_w^i − α_w))
          − log((y_w^j + α_w) / (n^j + α_0 − y_w^j − α_w)),
    σ²(δ_w) ≈ 1/(y_w^i + α_w) + 1/(y_w^j + α_w), z = δ_w / σ.

    Parameters
    ----------
    focus : term counts of the focus text (y^i).
    rest : term counts of the background (y^j); ``None`` when the background
        is ``prior`` minus ``focus`` (the rest of a corpus whose totals are
        ``prior``), which costs only the focus's own vocabulary.
    prior : counts giving the prior's shape; α_w = α_0 · prior_w / Σ prior.
    alpha0 : the prior's total pseudo-count; ``None``: half the focus and
        background counts together (one document's weight in a two-document
        comparison).
    prior_total, rest_total : Σ prior and Σ rest when already known (saves a
        pass over a large vocabulary).

    Returns
    -------
    dict[str, float] : z per term of ``focus`` (positive: over-used in focus).
    """
    ni = sum(focus.values())
    total = prior_total if prior_total is not None else (sum(prior.values()) or 1)
    if rest is None:
        nj = rest_total if rest_total is not None else total - ni
    else:
        nj = rest_total if rest_total is not None else sum(rest.values())
    if alpha0 is None:
        alpha0 = max(1.0, (ni + nj) / 2)
    log, sqrt = math.log, math.sqrt
    ni_alpha, nj_alpha = ni + alpha0, nj + alpha0  # n^i + α_0 and n^j + α_0
    a_unseen = alpha0 / total  # α_w of a term the prior does not hold
    out = {}
    for w, yi in focus.items():
        pw = prior.get(w, 0)
        a = alpha0 * pw / total
        if a <= 0:
            a = a_unseen
        yj = rest.get(w, 0) if rest is not None else pw - yi
        d = log((yi + a) / (ni_alpha - yi - a)) - log((yj + a) / (nj_alpha - yj - a))
        out[w] = d / sqrt(1.0 / (yi + a) + 1.0 / (yj + a))
    return out


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a plain word list; loads no model

    return frozenset(w.casefold() for w in STOP_WORDS) | {"'s", "s", "also", "said", "says"}


def distinctive_terms(narrator_counts: dict[str, Counter], top_k: int = TOP_K,
                      min_z: float = MIN_Z) -> dict[str, list[tuple[str, int, float]]]:
    """Each document's most distinctive n-grams against all the others.

    Parameters
    ----------
    narrator_counts : n-gram counts per document id.
    top_k, min_z : how many to keep, and the smallest z kept.

    Returns
    -------
    dict : document id → [(term, count, z)], best first; a term that lies
        inside (or holds) a better-ranked kept term is left out.
    """
    total: Counter = Counter()
    for c in narrator_counts.values():
        total.update(c)
    out: dict[str, list[tuple[str, int, float]]] = {}
    if len(narrator_counts) < 2:
        return out
    n_total = sum(total.values()) or 1
    alpha0 = max(1.0, PRIOR_DOCS * n_total / len(narrator_counts))
    for doc, c in narrator_counts.items():
        if not c:
            continue
        # the background is the corpus minus this document: no copy per document
        z = log_odds(c, None, total, alpha0, prior_total=n_total)
        kept: list[tuple[str, int, float]] = []
        above = [(w, s) for w, s in z.items() if s >= min_z]
        for w, s in sorted(above, key=lambda x: (-x[1], x[0])):
            if len(kept) >= top_k:
                break
            pad = f" {w} "
            if any(pad in f" {k} " or f" {k} " in pad for k, _, _ in kept):
                continue
            kept.append((w, c[w], s))
        out[doc] = kept
    return out


def frame(articles: list[Article], quotes: list[Quote], entities: list[Entity],
          skip: Collection[str] = ()) -> list[FramingTerm]:
    """Framing rows for a corpus: lexicon terms and rival place names by
    voice, and each article's distinctive narrator terms.

    Parameters
    ----------
    articles : the corpus.
    quotes : every quote (``Quote.article`` names its article; spans are
        ``Article.text`` offsets); quoted words belong to ``Quote.speaker``
        (an entity id) or to ``"quoted"`` when it is ``None``.
    entities : the linked entities: their mentions tell who a naming
        construction attributes a name to, and places with ``rival_names``
        give the rival-name rows.
    skip : ids of articles the per-article stages did not analyse (refused
        for their language, failed): they get no rows, and their words do
        not weigh in the others' distinctive terms.

    Returns
    -------
    list[FramingTerm] : per article, lexicon and rival-name rows (``score``
        None, ``source`` the lexicon group's or the entity linking's) then
        distinctive rows (category ``"distinctive"``, voice ``"narrator"``,
        ``score`` the z-score) for the terms not already in a lexicon row:
        one row per (article, voice, term).
    """
    articles = [a for a in articles if a.id not in skip]
    lex = load_lexicon()
    stop = _stop_words()
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_article[q.article].append(q)
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            mentions[m.article].append((m.start, m.end, e.id))
    rivals = _rival_mentions(entities)
    counts: dict[str, Counter] = {}
    case: Counter = Counter()
    per_article: dict[str, list[FramingTerm]] = {}
    for art in articles:
        body = body_text(art)
        voices = Voices(by_article.get(art.id, []), mentions.get(art.id))
        rows = _Rows(art.id)
        toponyms = _lexicon_rows(rows, body, voices, lex)
        for s, e, ent in sorted(rivals.get(art.id, ())):
            if not any(a < e and s < b for a, b in toponyms):
                rows.add(voices.holder(body, s, e, name=True), clean(art.text[s:e]), "toponym",
                         RIVAL_NAME_SOURCE, ent)
        per_article[art.id] = list(rows.rows.values())
        counts[art.id] = _ngrams(_narrator_text(body, voices), stop, case=case)
    names = _name_words(case)
    grams = set().union(*counts.values())  # each gram tested once, not once per article
    named = {g for g in grams if names.issuperset(g.split())}
    for c in counts.values():
        for g in [g for g in c if g in named]:
            del c[g]
    dist = distinctive_terms(counts)
    out: list[FramingTerm] = []
    for art in articles:
        out.extend(per_article[art.id])
        listed = {(r.voice, r.term.casefold()) for r in per_article[art.id]}
        for term, n, z in dist.get(art.id, []):
            if (NARRATOR, term.casefold()) not in listed:
                out.append(FramingTerm(article=art.id, voice=NARRATOR, term=term, count=n,
                                       category="distinctive", score=round(z, 3), source=DISTINCTIVE_SOURCE))
    return out


def _narrator_text(body: str, voices: Voices) -> str:
    """``body`` with every direct, post or question quote replaced by a run of
    line breaks (so n-grams never cross into or out of a quote)."""
    parts: list[str] = []
    pos = 0  # body[:pos] is done
    for s, e, _ in voices.spans:  # in order of start; spans may overlap
        s, e = max(s, pos), min(e, len(body))
        if s >= e:
            continue
        parts.append(body[pos:s])
        parts.append("\n" * (e - s))
        pos = e
    parts.append(body[pos:])
    return "".join(parts)
