"""Repetition: blocks repeated inside a page, passages repeated from the body
(pull quotes, contents lists), and lines repeated across the pages of one site.

A page repeats what is not its text: a caption shown twice, a list of
questions above and below an interview, a pull quote lifted from a paragraph,
and on every page of a site the same masthead, slogan and footer. The first
two are kept once (the copy in its paragraph); the last is furniture.
"""
from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from rashomon.clean.lines import Line, is_prose, is_sentence, norm, split_lines
from rashomon.types import Article, Removal

__all__ = ["duplicates", "contained", "across_articles", "site", "ACROSS", "MAX_SAME_HEAD", "ACROSS_MAX_WORDS"]


MAX_SAME_HEAD = 20
"""At most this many lines sharing their first 12 characters (their first
three words, for passages) are tried as the start of a split standfirst or of
a repeated passage: bounds the work on a page of thousands of near-identical
lines."""


def duplicates(candidates: list[Line], keys: dict[int, str]) -> tuple[dict[int, str], dict[str, int]]:
    """Repeated lines among ``candidates`` (the lines no other rule removed).

    Returns ``(dup, seen)``: ``dup`` maps a line index to a detail sentence
    for each repeat to remove, ``seen`` a key to the index of its first
    occurrence. Rules: a line of ≥ 5 words seen before is a repeat (the first
    occurrence is kept); a line repeated on the very next line is a repeat
    whatever its length (≥ 2 words); short repeated lines next to a repeat
    join its block; a standfirst the body repeats split over several lines
    is removed in favour of the body's lines.
    """
    dup: dict[int, str] = {}
    seen: dict[str, int] = {}
    for ln in candidates:
        key = keys[ln.index]
        if key in seen and ln.words >= 5:
            dup[ln.index] = f"repeats line {seen[key] + 1}"
        seen.setdefault(key, ln.index)
    for k, ln in enumerate(candidates):
        if ln.index in dup or not k:
            continue
        prev = candidates[k - 1]
        if keys[prev.index] == keys[ln.index] and ln.words >= 2:
            dup[ln.index] = f"repeats line {prev.index + 1} (the line just before)"
    # short repeated lines join an adjacent repeated block (a worklist: linear)
    pos = {ln.index: k for k, ln in enumerate(candidates)}
    work = [pos[i] for i in dup]
    while work:
        k = work.pop()
        for j in (k - 1, k + 1):
            if not 0 <= j < len(candidates):
                continue
            ln = candidates[j]
            if ln.index in dup or seen.get(keys[ln.index]) == ln.index:
                continue
            dup[ln.index] = f"repeats line {seen[keys[ln.index]] + 1} (inside a repeated block)"
            work.append(j)
    _split_standfirst(candidates, keys, dup)
    return dup, seen


def _split_standfirst(candidates: list[Line], keys: dict[int, str], dup: dict[int, str]) -> None:
    """A standfirst (≥ 8 words) that the body repeats split over 2-6 lines is
    removed, the body's lines kept.

    The lines are compared without their spaces: a run of lines ``j…n`` (each
    line kept, the first of the first :data:`MAX_SAME_HEAD` lines opening with
    the same 12 characters) repeats line ``k`` when its text joined equals
    ``k``'s. Lines of ≥ 8 words are indexed by their opening and length, and
    each run is looked up there by its joined length: linear in
    the page, where trying every earlier line of the same opening grew with the
    square of a page of similar lines. (The index holds strings and integers,
    not tuples: it adds nothing for the garbage collector to walk.)
    """
    squash = [keys[ln.index].replace(" ", "") for ln in candidates]  # a key's only blanks are single spaces
    targets: dict[str, int | list[int]] = {}  # opening + length → the line(s) of ≥ 8 words with them
    for k, ln in enumerate(candidates):
        if ln.words >= 8 and len(squash[k]) >= 12:
            key = f"{squash[k][:12]}{len(squash[k])}"
            had = targets.setdefault(key, k)
            if had != k:
                targets[key] = [*had, k] if isinstance(had, list) else [had, k]
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)  # line k → runs (j, n) as long as k
    per_head: dict[str, int] = defaultdict(int)
    for j, sq in enumerate(squash):
        if len(sq) < 12 or per_head[sq[:12]] >= MAX_SAME_HEAD:
            continue
        per_head[sq[:12]] += 1
        joined = len(sq)
        for n in range(j + 1, min(j + 6, len(squash))):
            if not squash[n]:
                continue  # the run reached its length at an earlier line
            joined += len(squash[n])
            hit = targets.get(f"{sq[:12]}{joined}")
            for k in (hit if isinstance(hit, list) else () if hit is None else (hit,)):
                found[k].append((j, n))
    for k in sorted(found):
        ln = candidates[k]
        if ln.index in dup:
            continue
        for j, n in found[k]:
            if j <= k <= n or any(candidates[x].index in dup for x in range(j, n + 1)):
                continue
            if "".join(squash[j:n + 1]) == squash[k]:
                dup[ln.index] = (f"repeats lines {candidates[j].index + 1}–{candidates[n].index + 1} "
                                 "(a standfirst repeated in the body)")
                break


MIN_CONTAINED_WORDS = 5
"""A line must have at least this many words to be taken for a copy of a
passage of another line (shorter sentences recur by chance)."""


MAX_CONTAINED_WORDS = 60
"""Pull quotes and contents entries are a sentence or two; a longer line is a paragraph."""


def contained(candidates: list[Line], keys: dict[int, str], skip: set[int]) -> dict[int, tuple[int, str]]:
    """Lines that repeat a passage of a longer line: pull quotes and contents
    entries ("IN THIS INTERVIEW" lists), kept in their paragraph.

    A candidate (not in ``skip``) of ≥ :data:`MIN_CONTAINED_WORDS` words that
    reads as a sentence or a quotation and whose words occur, in order and
    whole, inside a longer candidate where a sentence opens (at its start, or
    after a sentence's end or a speaker label "Q:"), is a copy.
    Returns line index → (index of the line holding the passage, detail).

    Linear in the text: a passage is looked for only where a sentence opens
    with its first three words, in at most :data:`MAX_SAME_HEAD` lines per
    opening, by comparing word lists at those places.
    """
    words = {ln.index: keys[ln.index].split() for ln in candidates if ln.index not in skip}
    short = {i: w for i, w in words.items()
             if MIN_CONTAINED_WORDS <= len(w) <= MAX_CONTAINED_WORDS and _quoted_or_sentence(w)}
    if not short:
        return {}
    openings = {tuple(w[:3]) for w in short.values()}
    # opening → (line, word position) pairs, flat, where a sentence opens with it; in at most MAX_SAME_HEAD lines
    hits: dict[tuple[str, ...], list[int]] = {}
    lines: dict[tuple[str, ...], int] = {}
    for i, w in words.items():
        for p in range(len(w) - 2):
            if p and w[p - 1][-1] not in _OPENERS:
                continue  # a copied passage opens a sentence (or follows a label) in its paragraph
            tri = (w[p], w[p + 1], w[p + 2])
            if tri not in openings:
                continue
            at = hits.setdefault(tri, [])
            if not at or at[-2] != i:
                if lines.get(tri, 0) >= MAX_SAME_HEAD:
                    continue
                lines[tri] = lines.get(tri, 0) + 1
            at += (i, p)
    out: dict[int, tuple[int, str]] = {}
    for i, w in short.items():
        at, n = hits.get(tuple(w[:3]), ()), len(w)
        for x in range(0, len(at), 2):
            j, p = at[x], at[x + 1]
            if j != i and len(words[j]) > n and words[j][p:p + n] == w:
                out[i] = (j, f"repeats a passage of line {j + 1}")
                break
    return out


_OPENERS = frozenset(".!?:;\"”’)")
"""The last character of the word before a passage that opens a sentence there."""


def _quoted_or_sentence(words: list[str]) -> bool:
    text = " ".join(words)
    return is_sentence(text) or text[:1] in "\"'“‘«"


def site(article: Article) -> str | None:
    """The site an article comes from: its URL's host (without ``www.``),
    else its outlet, casefolded; ``None`` when it states neither. Pages of
    one site are compared by :func:`across_articles`."""
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return article.outlet.casefold() if article.outlet else None


ACROSS_MAX_WORDS = 20

ACROSS = "repeated-across"
"""The reason of a removal made by :func:`across_articles` (the only removals
that depend on other articles than the page's own)."""


def across_articles(articles: list[Article]) -> list[Article]:
    """Remove lines repeated on several pages of one site in the batch.

    Pages of one site (same URL host, else same outlet) share their
    furniture: a kept line of at most :data:`ACROSS_MAX_WORDS` words that is
    not prose (:func:`rashomon.clean.lines.is_prose`) and appears on pages of
    two or more different articles of the site is removed from each, with
    reason ``repeated-across``. Pages that share a prose paragraph are taken
    for versions of one article (an update, a republication): their common
    lines are text, not furniture. Repetition across pages is the template
    signal of Bar-Yossef & Rajagopalan (2002, "Template detection via data
    mining and its applications") and of jusText's corpus cleaning
    (Pomikálek 2011). Linear in the batch's lines.

    Mutates ``article.removed`` (kept sorted) and the word counts; returns the
    articles that changed.
    """
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        key = site(a)
        if key:
            groups[key].append(a)
    changed: list[Article] = []
    for pages in groups.values():
        if len(pages) < 2:
            continue
        kept = {a.id: _kept_lines(a) for a in pages}
        story = _versions(pages, kept)
        where: dict[str, set[str]] = defaultdict(set)
        for a in pages:
            for ln in kept[a.id]:
                if ln.words <= ACROSS_MAX_WORDS and not is_prose(ln):
                    where[norm(ln.text)].add(story[a.id])
        for a in pages:
            added = [Removal(start=ln.start, end=ln.end, reason=ACROSS, text=ln.text,
                             detail=f"repeated on pages of {n - 1} other article(s) of the same site in this batch")
                     for ln in kept[a.id] if (n := len(where.get(norm(ln.text), ()))) >= 2]
            if added:
                a.removed = sorted([*a.removed, *added], key=lambda r: r.start)
                a.words_removed += sum(len(r.text.split()) for r in added)
                a.words_kept = max(0, a.words_kept - sum(len(r.text.split()) for r in added))
                changed.append(a)
    return changed


def _versions(pages: list[Article], kept: dict[str, list[Line]]) -> dict[str, str]:
    """Article id → the id of its group of versions: pages sharing a prose
    line are versions of one article (union-find over shared paragraphs)."""
    parent = {a.id: a.id for a in pages}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, str] = {}
    for a in pages:
        for ln in kept[a.id]:
            if is_prose(ln):
                other = first.setdefault(norm(ln.text), a.id)
                parent[root(a.id)] = root(other)
    return {a.id: root(a.id) for a in pages}


def _kept_lines(article: Article) -> list[Line]:
    """The article's non-blank lines that no removal touches."""
    spans = sorted((r.start, r.end) for r in article.removed)
    out, k = [], 0
    for ln in split_lines(article.text):
        if not ln.text:
            continue
        while k < len(spans) and spans[k][1] <= ln.start:
            k += 1
        if k < len(spans) and spans[k][0] < ln.end:
            continue
        out.append(ln)
    return out
