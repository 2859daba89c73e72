"""Framing: the words an article uses in its own (narrator) voice versus the
words it only carries inside quotes.

Two kinds of :class:`~rashomon.types.FramingTerm` rows, per article and voice
(``"narrator"``, the quote speaker's entity id, or ``"quoted"`` when a quote
has no resolved speaker):

* **Contested terms** from the lexicon ``data/framing.yaml``: rival toponyms,
  names for the armed action, for the parties, for control of land, for harm
  and displacement, each group with its ``source`` (style guides, framing
  studies). Matching is case-insensitive (toponyms keep their capital), with
  plural/-ed endings and hyphen/space variants; a demonym or a listed
  qualifier right before the term is kept with it ("Armenian separatists",
  "lightning military strike"), and a toponym inside a hyphenated compound
  also yields the compound ("Khankendi-Lachin road"). Category = the group's
  ``category``; ``score`` is ``None``.
* **Distinctive terms** of each article's narrator voice against the rest of
  the corpus: unigrams, bigrams and trigrams ranked by the log-odds ratio
  with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
  "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
  the Content of Political Conflict", Political Analysis 16(4): 372-403,
  eq. 16-22); the top :data:`TOP_K` with z ≥ :data:`MIN_Z` become rows of
  category ``"distinctive"`` with ``score`` = z.

A term's voice is the voice of the smallest quote span that overlaps it
(quotes of kind direct, post and question carry someone else's words);
outside them it is the narrator's. Indirect speech counts as the narrator's
wording: a reporter who paraphrases chooses the words ("X reports over 200
killed in the attack": "attack" is the outlet's term, not X's), the usual
distinction between direct and reported speech (Quirk et al. 1985,
*A Comprehensive Grammar of the English Language*, §14.31). No spaCy: plain regular
expressions over :func:`rashomon.annotate.body_text` (removed furniture
blanked), so the cost is linear in the corpus size.
"""
from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field


from rashomon import data as data_files
from rashomon.annotate import body_text
from rashomon.types import Article, Entity, FramingTerm, Quote

__all__ = ["MIN_Z", "PRIOR_DOCS", "TOP_K", "Lexicon", "distinctive_terms", "frame", "load_lexicon", "log_odds"]

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
NARRATOR = "narrator"
QUOTED = "quoted"

_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|can|man|ese|ish|i|ic|ch)$")
"""A capitalised word with a demonym ending (Armenian, Korean, American,
German, Chinese, British, Israeli, Arabic, French); country names such as
"Azerbaijan" or "Pakistan" do not match."""
_DASHES = "-\u2010\u2011\u2012\u2013"
_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_WORD_NGRAM = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SEGMENT_BREAK = re.compile(r"[.!?;:,()\[\]{}\"“”«»„—–|/\n]+")
_WORD_BEFORE = re.compile(r"([\w\-]+)[ \t]+$")
"""A word and the blanks after it, at the end of the searched stretch."""
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w']*$")
_CAPITALISED = re.compile(r"[A-Z][\w']*")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class _Entry:
    term: str
    category: str
    source: str
    toponym: bool


@dataclass
class Lexicon:
    """The contested-term lexicon compiled for matching.

    ``entries`` the term data; ``regexes`` one compiled pattern per entry
    (same order); ``index`` maps a word (lower case) to the entries that may
    start with it, so only a few patterns are tried at each word of a text; ``modifiers`` the
    lower-case qualifier words kept with a term; ``compound_nouns`` the nouns
    that close a toponym compound; ``modifier_source`` the modifiers' source.
    ``starts`` remembers, per word as written in a text, the entries that
    may start at it (filled as texts are matched; see :func:`_entries_at`).
    """

    entries: list[_Entry]
    regexes: list[re.Pattern]
    index: dict[str, list[int]]
    modifiers: frozenset[str]
    compound_nouns: frozenset[str]
    modifier_source: str
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)


def _term_regex(term: str, toponym: bool) -> str:
    words = [w for w in _SPLIT.split(term.strip()) if w]
    body = r"[\s\-\u2010\u2011\u2012\u2013]*".join(re.escape(w) for w in words)
    if not toponym:
        body += r"(?:e?s|e?d)?"
    if toponym and words[0][:1].isupper():
        # a toponym keeps its capital: match the first letter case-sensitively
        return rf"(?<![\w])(?-i:{re.escape(words[0][0])}){body[len(re.escape(words[0][0])):]}(?![\w])"
    return rf"(?<![\w]){body}(?![\w])"


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load and compile the framing lexicon.

    Parameters
    ----------
    path : a YAML file in the format of ``rashomon/data/framing.yaml``;
        ``None`` for the packaged one.

    Raises
    ------
    OSError, yaml.YAMLError : the file cannot be read or parsed.
    KeyError : a group lacks ``category`` or ``source``.
    """
    data = (data_files.load("framing.yaml") if path is None else data_files.read_yaml(path)) or {}
    entries: dict[str, _Entry] = {}
    for g in data.get("groups", []):
        cat, src = g["category"], g["source"]
        terms = list(g.get("terms", []))
        for s in g.get("sets", []):
            terms.extend(s)
        for t in terms:
            t = str(t)
            key = t.casefold()
            if key not in entries:
                entries[key] = _Entry(t, cat, src, toponym=cat == "toponym")
    ordered = sorted(entries.values(), key=lambda e: (-len(e.term), e.term))
    regexes = [re.compile(_term_regex(e.term, e.toponym), re.IGNORECASE) for e in ordered]
    index: dict[str, list[int]] = {}
    for i, e in enumerate(ordered):
        words = [w.casefold() for w in _SPLIT.split(e.term.strip()) if w]
        # the first word, or the first words written together ("counterterrorism")
        for j in range(1, len(words) + 1):
            index.setdefault("".join(words[:j]), []).append(i)
    mods = data.get("modifiers", {}) or {}
    return Lexicon(
        regexes=regexes,
        index=index,
        entries=ordered,
        modifiers=frozenset(w.casefold() for w in mods.get("words", [])),
        compound_nouns=frozenset(w.casefold() for w in data.get("compound_nouns", [])),
        modifier_source=mods.get("source", ""),
    )


class _Voices:
    """Which voice owns a character offset of one article (indirect speech
    is the narrator's wording; see the module docstring)."""

    def __init__(self, quotes: list[Quote]):
        self.spans = sorted(((q.start, q.end, q.speaker or QUOTED) for q in quotes
                             if q.end > q.start and q.kind != "indirect"),
                            key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]

    def voice(self, start: int, end: int) -> str:
        best = None
        hi = bisect_right(self.starts, end - 1)
        for k in range(hi):
            s, e, v = self.spans[k]
            if e > start and (best is None or e - s < best[1] - best[0]):
                best = (s, e, v)
        return best[2] if best else NARRATOR

    def narrator_text(self, body: str) -> str:
        """``body`` with every quote span replaced by a line break run."""
        parts: list[str] = []
        pos = 0  # body[:pos] is done
        for s, e, _ in self.spans:  # in order of start; spans may overlap
            s, e = max(s, pos), min(e, len(body))
            if s >= e:
                continue
            parts.append(body[pos:s])
            parts.append("\n" * (e - s))
            pos = e
        parts.append(body[pos:])
        return "".join(parts)


def _prefix(body: str, start: int, lex: Lexicon, allow_demonym: bool) -> int:
    """Start of the qualifiers (listed modifiers, then at most one demonym)
    written straight before ``start``."""
    pos = start
    took_demonym = False
    for _ in range(3):
        m = _WORD_BEFORE.search(body, max(0, pos - 40), pos)
        if not m:
            break
        w = m.group(1)
        wstart = pos - (len(m.group(0)))
        if w.casefold() in lex.modifiers and not took_demonym:
            pos = wstart
        elif allow_demonym and not took_demonym and _DEMONYM.match(w):
            pos = wstart
            took_demonym = True
        else:
            break
    return pos


def _compound(body: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The hyphenated compound a toponym sits in, with a closing noun
    ("Lachin-Khankendi road"), or ``None`` when it stands alone."""
    s, e = start, end
    grown = False
    while s > 1 and body[s - 1] in _DASHES:
        m = _CAPITALISED_BEFORE.search(body, max(0, s - 41), s - 1)
        if not m:
            break
        s = s - 1 - len(m.group(0))
        grown = True
    while e < len(body) - 1 and body[e] in _DASHES:
        m = _CAPITALISED.match(body, e + 1, e + 41)
        if not m:
            break
        e = e + 1 + len(m.group(0))
        grown = True
    m = _NOUN_AFTER.match(body, e, e + 30)
    if m and m.group(1).casefold() in lex.compound_nouns:
        e += len(m.group(0))
        grown = True
    return (s, e) if grown else None


_TOKEN = re.compile(r"\w+")
_SUFFIXES = ("es", "s", "ed", "d")
_MAX_REMEMBERED = 200_000  # words kept in Lexicon.starts (a corpus vocabulary is far smaller)


def _entries_at(word: str, lex: Lexicon) -> tuple[int, ...]:
    """Indices (ascending) of the entries that may start at ``word``: those
    indexed under it, case-folded, or under it without a plural/-ed ending.
    Remembered per word in ``lex.starts``."""
    found = lex.starts.get(word)
    if found is None:
        if len(lex.starts) >= _MAX_REMEMBERED:
            lex.starts.clear()
        tok = word.casefold()
        cands = set(lex.index.get(tok, ()))
        for suf in _SUFFIXES:
            if tok.endswith(suf) and len(tok) > len(suf) + 2:
                cands.update(lex.index.get(tok[: -len(suf)], ()))
        found = lex.starts[word] = tuple(sorted(cands))
    return found


def _matches(body: str, lex: Lexicon):
    """Leftmost-longest, non-overlapping lexicon matches as (start, end, entry
    index). Only the entries indexed under the word at each position (or
    under that word without a plural/-ed ending) are tried."""
    last = 0
    for w in _TOKEN.finditer(body):
        cands = _entries_at(w.group(), lex)
        if not cands:
            continue
        p = w.start()
        if p < last:
            continue
        best = None
        for i in cands:  # ascending: of two matches ending alike, the first entry wins
            m = lex.regexes[i].match(body, p)
            if m and (best is None or m.end() > best[1]):
                best = (p, m.end(), i)
        if best:
            last = best[1]
            yield best


def _clean(term: str) -> str:
    return _SPACES.sub(" ", term).strip()


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
        its count, the group's category and source; ``score`` ``None``.
    """
    return _contested(article, body_text(article), _Voices(quotes), lexicon or load_lexicon())


def _contested(article: Article, body: str, voices: _Voices, lex: Lexicon) -> list[FramingTerm]:
    """:func:`contested_terms` over the article's body and voices (which
    :func:`frame` also reads for the narrator's n-grams)."""
    # (voice, folded term) -> [term as first written, count, category, source]
    rows: dict[tuple[str, str], list] = {}

    def add(voice: str, term: str, category: str, source: str) -> None:
        key = (voice, term.casefold())
        if key in rows:
            rows[key][1] += 1
        else:
            rows[key] = [term, 1, category, source]

    compounds: set[tuple[int, int]] = set()
    for s, e, ei in _matches(body, lex):
        entry = lex.entries[ei]
        if entry.toponym:
            voice = voices.voice(s, e)
            add(voice, _clean(body[s:e]), entry.category, entry.source)
            comp = _compound(body, s, e, lex)
            if comp and comp not in compounds:
                compounds.add(comp)
                add(voices.voice(*comp), _clean(body[comp[0]:comp[1]]), entry.category, entry.source)
            continue
        # a participle ("occupied", "liberated") takes no qualifier: the word
        # before it is its subject ("Azerbaijan liberated"), not a modifier
        ps = s if body[e - 2:e].casefold() == "ed" else _prefix(body, s, lex, allow_demonym=True)
        src = entry.source if ps == s else f"{entry.source}; qualifiers: {lex.modifier_source}"
        add(voices.voice(ps, e), _clean(body[ps:e]), entry.category, src)
    return [FramingTerm(article=article.id, voice=voice, term=term, count=count, category=category, source=source)
            for (voice, _), (term, count, category, source) in rows.items()]


def _ngrams(text: str, stop: frozenset[str], max_n: int = 3, case: Counter | None = None) -> Counter:
    """Counts of 1- to ``max_n``-grams of lower-cased words inside punctuation-
    free segments; a gram may not start or end with a stop word.

    ``case``, when given, is updated with ``(word, capitalised)`` counts of the
    words that do not open a segment (see :func:`_name_words`).
    """
    grams: list[str] = []
    for seg in _SEGMENT_BREAK.split(text):
        raw = _WORD_NGRAM.findall(seg)
        if not raw:
            continue
        words = [w.casefold().replace("’", "'") for w in raw]
        if case is not None:
            case.update(zip(words[1:], [r[:1].isupper() for r in raw[1:]]))
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


def frame(articles: list[Article], quotes: list[Quote], entities: list[Entity]) -> list[FramingTerm]:
    """Framing rows for a corpus: contested lexicon terms by voice, and each
    article's distinctive narrator terms.

    Parameters
    ----------
    articles : the corpus.
    quotes : every quote (``Quote.article`` names its article; spans are
        ``Article.text`` offsets); quoted words belong to ``Quote.speaker``
        (an entity id) or to ``"quoted"`` when it is ``None``.
    entities : the linked entities (not needed for the rows; kept for the
        pipeline's signature).

    Returns
    -------
    list[FramingTerm] : per article, lexicon rows (``score`` None, ``source``
        the lexicon group's source) then distinctive rows (category
        ``"distinctive"``, voice ``"narrator"``, ``score`` the z-score).
    """
    lex = load_lexicon()
    stop = _stop_words()
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_article[q.article].append(q)
    rows: list[FramingTerm] = []
    counts: dict[str, Counter] = {}
    case: Counter = Counter()
    per_article: dict[str, list[FramingTerm]] = {}
    for art in articles:
        body = body_text(art)
        voices = _Voices(by_article.get(art.id, []))
        per_article[art.id] = _contested(art, body, voices, lex)
        counts[art.id] = _ngrams(voices.narrator_text(body), stop, case=case)
    names = _name_words(case)
    for c in counts.values():
        for g in [g for g in c if names.issuperset(g.split())]:
            del c[g]
    dist = distinctive_terms(counts)
    for art in articles:
        rows.extend(per_article[art.id])
        for term, n, z in dist.get(art.id, []):
            rows.append(FramingTerm(article=art.id, voice=NARRATOR, term=term, count=n,
                                    category="distinctive", score=round(z, 3), source=DISTINCTIVE_SOURCE))
    return rows
