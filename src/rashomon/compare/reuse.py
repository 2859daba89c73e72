"""Text reuse: verbatim and near-verbatim passages shared by two articles.

Method (seed and extend, as in plagiarism and text-reuse detection, e.g.
Clough et al. 2002, "METER: MEasuring TExt Reuse", ACL; the n-gram seeds are
the "shingles" of Broder 1997, "On the resemblance and containment of
documents"):

1. Each article's body (:func:`rashomon.annotate.body_text`: removed
   furniture blanked) is cut into word tokens, normalised (Unicode
   compatibility form, accents and case folded; punctuation and quote marks
   dropped), each token keeping its character offsets into ``Article.text``.
   A barrier token is put wherever removed furniture lies between two words,
   so no passage runs across it.
2. Every run of :data:`SEED_WORDS` tokens (a shingle) is hashed; shingles are
   sorted by hash (one ``numpy`` sort, no all-pairs comparison) so only
   articles that share a shingle become a candidate pair.
3. Boilerplate: a shingle found in more than half of the articles (and in at
   least :data:`BOILERPLATE_MIN_ARTICLES`) is page furniture, not reuse, and is
   ignored. Wire copy: a shingle held by more than :data:`MAX_CLIQUE` (K = 3)
   articles links each holder only to the first article that holds it (in
   input order), its "original", not to every other holder: a passage copied
   by m articles gives m - 1 pairs (a star), not m(m-1)/2. Up to K holders all
   pairs are kept, which is at most one pair per holder too (3 pairs for 3),
   so seeds and reported passages grow linearly with the number of articles
   whatever the copying. The rule follows near-duplicate clustering, which
   keeps a cluster's members rather than all their pairs (Broder 1997; Broder
   et al. 1997, "Syntactic clustering of the Web"), and wire-copy detection,
   where each newspaper story is compared with the agency source it derives
   from, not with the other newspapers (Clough et al. 2002, METER).
4. Seeds on one diagonal form exact runs; runs of one pair are merged when
   the gap between them is at most :data:`MAX_GAP` tokens on each side, and
   the ends are extended over such gaps when at least :data:`RESYNC_WORDS`
   tokens match again ("are free, as we (have) openly stated" against "are
   free as we openly stated").
5. A passage is reported when it spans at least ``settings.min_reuse_words``
   words in both articles; ``similarity`` is the share of aligned (equal)
   words, in [0, 1].
"""
from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

import numpy as np

from rashomon.annotate import body_text
from rashomon.types import Article, Reuse

__all__ = ["BOILERPLATE_MIN_ARTICLES", "BOILERPLATE_SHARE", "MAX_CLIQUE", "MAX_GAP", "RESYNC_WORDS",
           "SEED_WORDS", "find_reuse", "tokenize"]

SEED_WORDS = 5
"""Words per shingle (seed); lowered to ``min_reuse_words`` when that is smaller."""
BOILERPLATE_SHARE = 0.5
"""A shingle in more than this share of the articles is boilerplate ..."""
BOILERPLATE_MIN_ARTICLES = 3
"""... provided it is in at least this many articles (two articles sharing a
passage in a two- or three-article corpus is reuse, not boilerplate)."""
MAX_CLIQUE = 3
"""K: above this many holders a shingle links each holder to the first holder
only (a star, m - 1 pairs for m holders); up to K it links all pairs (at most
K(K-1)/2 = K pairs for K = 3). Either way at most one pair per holder, so the
text reuse rows of one article stay bounded by its own shared passages and
the total grows linearly with the corpus (was 8, i.e. up to 3.5 pairs per
holder, which made reuse grow ~2.4x per doubling on a corpus where most
passages recur)."""
MAX_GAP = 2
"""Most unmatched words skipped on either side inside one near-verbatim passage."""
RESYNC_WORDS = 2
"""Equal words needed after a gap to carry a passage on over it."""
MAX_POSITIONS = 4
"""Occurrences of one shingle kept per article (a phrase repeated on one page)."""

_WORD_SPLIT = re.compile(r"(\w+)")
"""Splits a text into gaps and words (\\w+ runs), alternately."""
_GAPS = sorted(((di, dj) for di in range(MAX_GAP + 1) for dj in range(MAX_GAP + 1) if di + dj),
               key=lambda g: (g[0] + g[1], abs(g[0] - g[1]), g))
"""Gap shapes tried after a mismatch, smallest first (one word dropped, one
word changed, ...)."""
_BARRIER = -1
_BARRIER_ARRAY = np.array([_BARRIER], dtype=np.int64)


@dataclass
class _Tokens:
    ids: np.ndarray  # int64 token ids; _BARRIER (and below) never match
    ids_list: list[int]
    starts: list[int]
    ends: list[int]
    barrier_prefix: list[int]  # barrier_prefix[i] = barriers among tokens[:i]


@functools.lru_cache(maxsize=200_000)
def _norm(word: str) -> str:
    if word.isascii():
        return word.lower()
    w = unicodedata.normalize("NFKD", word)
    w = "".join(ch for ch in w if not unicodedata.combining(ch))
    return w.casefold()


def _words(text: str) -> tuple[list[str], list[int], list[int]]:
    """The normalised words of ``text`` (no barriers) with their offsets."""
    # the text cut into [gap, word, gap, word, ..., gap]: word i ends where
    # part 2i + 1 ends and starts where part 2i ends
    parts = _WORD_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts)))
    return list(map(_norm, parts[1::2])), offsets[0:-1:2], offsets[1::2]


def _barrier_gaps(starts: list[int], barriers: list[int] | None) -> list[tuple[int, int]]:
    """Where barrier tokens go among words starting at ``starts``: (word
    index, barrier offset), last first (so that inserting them in this order
    leaves the indices still to come valid). A barrier token goes before the
    first word that starts after a barrier, when a word precedes it: one per
    gap between two words (the gap's first barrier), none after the last word."""
    gaps: dict[int, int] = {}
    for b in barriers or []:
        i = bisect_right(starts, b)
        if 0 < i < len(starts):
            gaps.setdefault(i, b)
    return sorted(gaps.items(), reverse=True)


def tokenize(text: str, barriers: list[int] | None = None) -> tuple[list[str], list[int], list[int]]:
    """Normalised word tokens of ``text`` with their character offsets.

    Parameters
    ----------
    text : the text to cut (offsets are ``str`` indices into it).
    barriers : sorted character offsets (e.g. starts of removed spans); a
        token ``None`` is inserted wherever one lies between two words.

    Returns
    -------
    (tokens, starts, ends) : lists of equal length; ``tokens[i]`` is the
        case- and accent-folded word (``None`` for a barrier, whose start and
        end are the barrier offset).
    """
    toks, starts, ends = _words(text)
    for i, b in _barrier_gaps(starts, barriers):
        toks.insert(i, None)  # type: ignore[arg-type]
        starts.insert(i, b)
        ends.insert(i, b)
    return toks, starts, ends  # type: ignore[return-value]


def _word_ids(words: list[str], vocab: dict[str, int]) -> list[int]:
    """The id of each word in ``vocab``; a word not there yet gets the next
    free id, in order of first appearance."""
    ids = list(map(vocab.get, words))
    if None in ids:
        for i, w in enumerate(words):
            if ids[i] is None:
                ids[i] = vocab.setdefault(w, len(vocab))
    return ids  # type: ignore[return-value]


def _article_tokens(article: Article, vocab: dict[str, int]) -> _Tokens:
    """The article's body as token ids (see :func:`tokenize`; a barrier is
    ``_BARRIER``) with their offsets."""
    words, starts, ends = _words(body_text(article))
    ids = _word_ids(words, vocab)
    for i, b in _barrier_gaps(starts, sorted(r.start for r in article.removed)):
        ids.insert(i, _BARRIER)
        starts.insert(i, b)
        ends.insert(i, b)
    arr = np.array(ids, dtype=np.int64)
    prefix = np.concatenate(([0], np.cumsum(arr == _BARRIER))).tolist()
    return _Tokens(arr, ids, starts, ends, prefix)


def _shingle_hashes(ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every k-token window without a barrier, and their positions."""
    n = len(ids) - k + 1
    if n <= 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    u = ids.astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    mult = np.uint64(0x100000001B3)
    bad = np.zeros(n, dtype=bool)
    with np.errstate(over="ignore"):
        for t in range(k):
            h = h * mult + (u[t:t + n] + np.uint64(0x9E3779B97F4A7C15))
            h ^= h >> np.uint64(29)
            bad |= ids[t:t + n] < 0
    pos = np.arange(n, dtype=np.int64)
    return h[~bad], pos[~bad]


def _seeds(docs: list[_Tokens], k: int) -> np.ndarray:
    """Seed matches as rows (doc_a, pos_a, doc_b, pos_b) with doc_a < doc_b."""
    if not docs:
        return np.empty((0, 4), np.int64)
    # all documents in one array, a barrier after each (no shingle spans two
    # documents), hashed at once
    offsets = np.cumsum([0] + [len(t.ids) + 1 for t in docs])
    ids = np.concatenate([x for t in docs for x in (t.ids, _BARRIER_ARRAY)])
    h, g = _shingle_hashes(ids, k)
    d = np.searchsorted(offsets, g, side="right") - 1
    p = g - offsets[d]
    if len(h) == 0:
        return np.empty((0, 4), np.int64)
    order = np.lexsort((p, d, h))
    h, d, p = h[order], d[order], p[order]
    # keep only hashes held by two or more entries
    same_prev = np.concatenate(([False], h[1:] == h[:-1]))
    same_next = np.concatenate((h[1:] == h[:-1], [False]))
    keep = same_prev | same_next
    h, d, p = h[keep], d[keep], p[keep]
    if len(h) == 0:
        return np.empty((0, 4), np.int64)
    # at most MAX_POSITIONS occurrences per (hash, doc)
    new_hd = np.concatenate(([True], (h[1:] != h[:-1]) | (d[1:] != d[:-1])))
    idx = np.arange(len(h))
    run_start = np.maximum.accumulate(np.where(new_hd, idx, 0))
    keep = (idx - run_start) < MAX_POSITIONS
    h, d, p, new_hd = h[keep], d[keep], p[keep], new_hd[keep]
    # group boundaries and distinct-article counts per hash
    new_h = np.concatenate(([True], h[1:] != h[:-1]))
    gid = np.cumsum(new_h) - 1
    df = np.bincount(gid, weights=new_hd.astype(np.float64)).astype(np.int64)
    n_docs = len(docs)
    limit = max(BOILERPLATE_MIN_ARTICLES - 1, int(BOILERPLATE_SHARE * n_docs))
    ok = (df >= 2) & (df <= limit) if n_docs >= BOILERPLATE_MIN_ARTICLES else df >= 2
    entry_ok = ok[gid]
    h, d, p, gid = h[entry_ok], d[entry_ok], p[entry_ok], gid[entry_ok]
    if len(h) == 0:
        return np.empty((0, 4), np.int64)
    gdf = df[gid]
    out = []
    # star linking for large groups: every entry to the group's first entry
    big = gdf > MAX_CLIQUE
    if big.any():
        first = np.maximum.accumulate(np.where(np.concatenate(([True], gid[1:] != gid[:-1])),
                                               np.arange(len(gid)), 0))
        sel = big & (d != d[first])
        f = first[sel]
        out.append(np.stack((d[f], p[f], d[sel], p[sel]), axis=1))
    # all pairs for small groups
    small_idx = np.nonzero(~big)[0]
    if len(small_idx):
        sg = gid[small_idx]
        bounds = np.nonzero(np.concatenate(([True], sg[1:] != sg[:-1], [True])))[0]
        rows = []
        dl, pl = d[small_idx].tolist(), p[small_idx].tolist()
        for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            for i in range(s, e):
                di, pi = dl[i], pl[i]
                for j in range(i + 1, e):
                    if dl[j] != di:
                        rows.append((di, pi, dl[j], pl[j]))
        if rows:
            out.append(np.array(rows, dtype=np.int64))
    if not out:
        return np.empty((0, 4), np.int64)
    seeds = np.concatenate(out)
    # orient doc_a < doc_b
    swap = seeds[:, 0] > seeds[:, 2]
    seeds[swap] = seeds[swap][:, [2, 3, 0, 1]]
    return seeds


def _runs(seeds: np.ndarray, k: int) -> np.ndarray:
    """Collapse seeds into exact runs, rows (doc_a, doc_b, pos_a, pos_b, length),
    sorted by pair then position in article a (an array, not Python tuples:
    hundreds of thousands of small objects would only feed the garbage
    collector)."""
    if len(seeds) == 0:
        return np.empty((0, 5), np.int64)
    da, pa, db, pb = seeds.T
    diag = pb - pa
    order = np.lexsort((pa, diag, db, da))
    da, pa, db, pb, diag = da[order], pa[order], db[order], pb[order], diag[order]
    cont = np.concatenate(([False], (da[1:] == da[:-1]) & (db[1:] == db[:-1]) & (diag[1:] == diag[:-1])
                           & (pa[1:] - pa[:-1] <= 1)))
    # a run continues while consecutive seeds are one token apart on one diagonal
    head = np.nonzero(~cont)[0]
    last = np.concatenate((head[1:] - 1, [len(pa) - 1]))
    length = pa[last] - pa[head] + k
    runs = np.stack((da[head], db[head], pa[head], pb[head], length), axis=1)
    o = np.lexsort((runs[:, 3], runs[:, 2], runs[:, 1], runs[:, 0]))
    return runs[o]


def _barrier_between(t: _Tokens, i: int, j: int) -> bool:
    """Whether a barrier lies among tokens[i:j]."""
    if j <= i:
        return False
    return t.barrier_prefix[j] != t.barrier_prefix[i]


def _extend(A: list[int], B: list[int], i: int, j: int, step: int) -> tuple[int, int, int]:
    """Carry a passage end on over small gaps. ``i``/``j`` are the next tokens
    to look at (exclusive ends when ``step`` is 1, inclusive starts minus one
    when -1). Returns the new ends and the number of equal tokens added."""
    n = _walk(A, B, i, j, step)
    i, j, added = i + step * n, j + step * n, n
    while True:
        gap = _resync(A, B, i, j, step)
        if gap is None:
            break
        i, j = i + step * gap[0], j + step * gap[1]
        n = _walk(A, B, i, j, step)
        i, j, added = i + step * n, j + step * n, added + n
    return i, j, added


def _resync(A: list[int], B: list[int], i: int, j: int, step: int) -> tuple[int, int] | None:
    """The first gap shape (di, dj) of ``_GAPS`` after which ``RESYNC_WORDS``
    equal, non-barrier tokens follow (from ``i``/``j``, in direction ``step``)
    and whose skipped tokens hold no barrier; ``None`` when there is none."""
    # most passage ends meet no token of the other side within MAX_GAP: then no gap shape can fit
    if step == 1:
        near_a, near_b = A[i:i + MAX_GAP + 1], B[j:j + MAX_GAP + 1]
    else:
        near_a, near_b = A[max(0, i - MAX_GAP):i + 1], B[max(0, j - MAX_GAP):j + 1]
    if set(near_a).isdisjoint(near_b):
        return None
    na, nb = len(A), len(B)
    for di, dj in _GAPS:
        x, y = i + step * di, j + step * dj
        r = 0  # equal tokens found after the gap
        while r < RESYNC_WORDS:
            xr, yr = x + step * r, y + step * r
            if not (0 <= xr < na and 0 <= yr < nb and A[xr] >= 0 and A[xr] == B[yr]):
                break
            r += 1
        if r < RESYNC_WORDS:
            continue
        if any(0 <= i + step * t < na and A[i + step * t] < 0 for t in range(di)) or \
                any(0 <= j + step * t < nb and B[j + step * t] < 0 for t in range(dj)):
            continue
        return di, dj
    return None


_CHUNK = 16


def _walk(A: list[int], B: list[int], i: int, j: int, step: int) -> int:
    """Number of equal, non-barrier tokens A[i], B[j], A[i+step], B[j+step], ...
    (compared a chunk of list slices at a time, then token by token)."""
    na, nb = len(A), len(B)
    n = 0
    if step == 1:
        while i + n + _CHUNK <= na and j + n + _CHUNK <= nb:
            a = A[i + n:i + n + _CHUNK]
            if a != B[j + n:j + n + _CHUNK] or min(a) < 0:
                break
            n += _CHUNK
        while i + n < na and j + n < nb and A[i + n] >= 0 and A[i + n] == B[j + n]:
            n += 1
    else:
        while i - n - _CHUNK >= -1 and j - n - _CHUNK >= -1:
            a = A[i - n - _CHUNK + 1:i - n + 1]
            if a != B[j - n - _CHUNK + 1:j - n + 1] or min(a) < 0:
                break
            n += _CHUNK
        while i - n >= 0 and j - n >= 0 and A[i - n] >= 0 and A[i - n] == B[j - n]:
            n += 1
    return n


def find_reuse(articles: list[Article], settings) -> list[Reuse]:
    """Passages shared verbatim or near-verbatim by two different articles.

    Parameters
    ----------
    articles : the corpus; each body is ``body_text(article)`` (removed
        furniture never takes part).
    settings : run settings; ``settings.min_reuse_words`` (int, default 8) is
        the shortest passage reported, in words, in both articles.

    Returns
    -------
    list[Reuse] : one record per maximal passage, ``a`` the earlier article of
        the input order; ``a_start``/``a_end`` and ``b_start``/``b_end`` are
        character offsets into each ``Article.text`` (first word's start to last
        word's end); ``text`` the passage as article ``a`` has it;
        ``similarity`` the share of aligned words that are equal, in [0, 1].
        Sorted by (a, a_start, b).
    """
    min_words = max(1, int(getattr(settings, "min_reuse_words", 8) or 8))
    k = min(SEED_WORDS, min_words)
    if len(articles) < 2:
        return []
    vocab: dict[str, int] = {}
    docs = [_article_tokens(a, vocab) for a in articles]
    seeds = _seeds(docs, k)
    runs = _runs(seeds, k)
    out: list[Reuse] = []
    if len(runs):
        new_pair = np.concatenate(([True], (runs[1:, 0] != runs[:-1, 0]) | (runs[1:, 1] != runs[:-1, 1])))
        heads = np.nonzero(new_pair)[0].tolist() + [len(runs)]
        das, dbs, pas, pbs, lns = (runs[:, c].tolist() for c in range(5))
        for i, j in zip(heads[:-1], heads[1:]):
            da, db = das[i], dbs[i]
            out.extend(_pair_passages(articles[da], articles[db], docs[da], docs[db],
                                      zip(pas[i:j], pbs[i:j], lns[i:j]), min_words))
    out.sort(key=lambda r: (int(r.a[1:]) if r.a[1:].isdigit() else 0, r.a, r.a_start, r.b, r.b_start))
    return out


def _pair_passages(art_a: Article, art_b: Article, ta: _Tokens, tb: _Tokens,
                   runs, min_words: int) -> list[Reuse]:
    """Merge one pair's exact runs, (pos_a, pos_b, length) in order of pos_a,
    into maximal near-verbatim passages."""
    passages: list[list[int]] = []  # [a0, a1, b0, b1, matched]
    for pa, pb, ln in runs:
        merged = False
        for cur in reversed(passages[-4:]):
            a0, a1, b0, b1, _m = cur
            if a0 <= pa <= a1 + MAX_GAP and b0 <= pb <= b1 + MAX_GAP and \
                    abs((pb - pa) - (b1 - a1)) <= MAX_GAP and \
                    not _barrier_between(ta, a1, pa) and not _barrier_between(tb, b1, pb):
                gain = max(0, pa + ln - max(a1, pa))
                cur[1] = max(a1, pa + ln)
                cur[3] = max(b1, pb + ln)
                cur[4] += gain
                merged = True
                break
            if a0 <= pa < a1 and b0 <= pb < b1:  # inside a passage found already
                merged = True
                break
        if not merged:
            passages.append([pa, pa + ln, pb, pb + ln, ln])
    out = []
    A, B = ta.ids_list, tb.ids_list
    seen: set[tuple[int, int, int, int]] = set()
    for a0, a1, b0, b1, matched in passages:
        a1, b1, add_r = _extend(A, B, a1, b1, 1)
        s0, t0, add_l = _extend(A, B, a0 - 1, b0 - 1, -1)
        a0, b0 = s0 + 1, t0 + 1
        matched += add_r + add_l
        key = (a0, a1, b0, b1)
        if key in seen:
            continue
        seen.add(key)
        la, lb = a1 - a0, b1 - b0
        if min(la, lb) < min_words:
            continue
        sim = min(1.0, matched / max(la, lb))
        out.append(Reuse(
            a=art_a.id, a_start=ta.starts[a0], a_end=ta.ends[a1 - 1],
            b=art_b.id, b_start=tb.starts[b0], b_end=tb.ends[b1 - 1],
            text=art_a.text[ta.starts[a0]:ta.ends[a1 - 1]], similarity=round(sim, 3),
        ))
    return out
