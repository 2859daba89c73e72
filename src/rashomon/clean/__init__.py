"""Clean: page furniture, repeated blocks, captions and embedded posts.

Nothing is deleted: each piece of furniture becomes a :class:`Removal` span of
``Article.text`` with a reason; the body later analysed is the text with those
spans blanked (``annotate.body_text``). Photo captions stay in the text as
:class:`Aside` spans: their names are mentions, but no quote, claim or
timeline event comes from them (:func:`outside_asides`). The rules, one
module each:

- :mod:`~rashomon.clean.furniture` — a line told by its own words and shape:
  UI vocabularies of ``data/boilerplate.yaml`` (menus, share bars, cookie
  buttons, ads, app and newsletter prompts, appeals, comment counters,
  footers, tag lists, …), tickers, menu lines, breadcrumb trails, lines of
  separated furniture items, wire credits, byline date labels. Corrections
  and editor's notes are never furniture.
- :mod:`~rashomon.clean.blocks` — position and neighbourhood: the page's
  head and tail (above the first and below the last prose paragraph), its
  masthead, byline and date-stamp lines, related-link lists, headings of
  removed blocks.
- :mod:`~rashomon.clean.repeats` — a block repeated inside the page is kept
  once; a line repeating a passage of a longer line (pull quote, contents
  entry) is removed, the passage kept in its paragraph; lines repeated on
  several pages of one site in the batch are furniture
  (:func:`across_articles`, a corpus pass).
- :mod:`~rashomon.clean.asides` — photo captions and embedded posts.

Long runs of one punctuation mark or of quotation marks inside a kept line
are removed with reason ``noise``: no prose has them, and spaCy's tokenizer is
slow on them (about quadratic: 20,000 ``"`` take minutes). The threshold,
:data:`NOISE_RUN` (20), is ours: longer than any emphatic punctuation ("!!!",
"?!?!") or ellipsis seen in news text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from rashomon.clean.asides import ATTRIBUTION, DATE_RX, caption_asides, captions, parse_post_date, posts
from rashomon.clean.blocks import (
    byline_blocks,
    copyright_holder,
    date_item,
    has_date,
    head_tail_navigation,
    masthead,
    related_lists,
    removed_headings,
    zones,
)
from rashomon.clean.furniture import DETAILS, classify, menu_items, protected
from rashomon.clean.lexicon import Lexicon, date_label, lexicon, token_kinds
from rashomon.clean.lines import Line, is_prose, norm, split_lines
from rashomon.clean.repeats import ACROSS, across_articles, contained, duplicates, site
from rashomon.types import Article, Aside, Quote, Removal

__all__ = [
    "ACROSS", "across_articles", "ATTRIBUTION", "clean", "CleanResult", "copyright_holder", "date_item", "date_label",
    "DATE_RX", "DETAILS", "has_date", "is_prose", "Lexicon", "lexicon", "Line", "menu_items", "outside_asides",
    "overlap_test", "parse_post_date", "site", "split_lines", "token_kinds", "zones",
]

NOISE_RUN = 20
_NOISE = re.compile(r"([^\w\s]|_)\1{%d,}|[\"'“”„‟‘’‚‛«»‹›〝〞]{%d,}" % (NOISE_RUN - 1, NOISE_RUN))
_NOISE_HINT = re.compile(r"[^\w\s]{%d}|_{%d}" % (NOISE_RUN, NOISE_RUN))
"""Every noise run is one of these: a text without one is not searched line by line."""


@dataclass
class CleanResult:
    """``removed``: spans taken out of the body, sorted, non-overlapping;
    ``asides``: photo captions kept in the text (never quotes, claims or events);
    ``posts``: embedded social-media posts as ``Quote`` records of kind
    ``post``; ``lines``: the text's lines (offsets into ``Article.text``)."""

    removed: list[Removal] = field(default_factory=list)
    asides: list[Aside] = field(default_factory=list)
    posts: list[Quote] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def clean(article: Article) -> CleanResult:
    """Find the furniture, repeated blocks, captions and embedded posts of one article.

    Parameters
    ----------
    article : Article
        Its ``text``, ``asides`` (captions its reader marked) and ``removed``
        (furniture its reader saw in the markup: link lists) are read; nothing
        is changed.

    Returns
    -------
    CleanResult
        ``removed``: :class:`Removal` spans (code-point offsets into
        ``article.text``), sorted and non-overlapping, each with a ``reason``
        (a key of :data:`DETAILS`: ``navigation``, ``breadcrumb``,
        ``share``, ``cookie-notice``, ``advertisement``, ``credit``,
        ``masthead``, ``byline``, ``duplicate``, ``pull-quote``, ``noise``, …)
        and a ``detail`` sentence; ``asides``: photo captions (kind
        ``caption``), the reader's and those the text shows; ``posts``:
        embedded posts as ``Quote(kind="post")`` with the author's name span
        and the ISO date; ``lines``: the text's lines.

    Pure and fast (regular expressions and line logic, linear in the text; no model).
    """
    lex = lexicon()
    text = article.text
    lines = split_lines(text)
    nonblank = [ln for ln in lines if ln.text]
    given = set(_inside(nonblank, article.asides))  # captions the reader marked (<figcaption>)
    kept_notes = {ln.index for ln in nonblank if protected(ln, lex)} | given
    reasons = _line_reasons(article, nonblank, kept_notes, lex)

    candidates = [ln for ln in nonblank if ln.index not in reasons]
    keys = {ln.index: norm(ln.text) for ln in candidates}
    dup, seen = duplicates(candidates, keys)
    pulls = contained(candidates, keys, skip=set(dup) | kept_notes)
    caps = {i: d for i, d in captions(lines, {i: r[0] for i, r in reasons.items()}, set(dup) | set(pulls)).items()
            if i not in given}
    kept = [ln for ln in candidates if ln.index not in dup and ln.index not in pulls and ln.index not in caps]
    _page_rules(text, nonblank, kept, reasons, kept_notes | set(caps), lex)
    gone = {i: r[0] for i, r in reasons.items()} | {i: "duplicate" for i in dup} | {i: "pull-quote" for i in pulls}
    for i, why in removed_headings(lines, gone, kept_notes | set(caps)).items():
        reasons[i] = (why, f"heading of a removed block ({DETAILS[why]})")

    removed = _removals(text, nonblank, reasons, dup, seen, keys, pulls)
    removed_lines = set(reasons) | set(dup) | set(pulls)
    asides = sorted([*article.asides, *caption_asides(article, lines, caps)], key=lambda x: x.start)
    return CleanResult(removed=removed, asides=asides, posts=posts(article, lines, removed_lines), lines=lines)


def _line_reasons(article: Article, nonblank: list[Line], keep: set[int],
                  lex: Lexicon) -> dict[int, tuple[str, str]]:
    """Line index → (reason, detail) of the lines that are furniture by their
    own words and shape (:func:`~rashomon.clean.furniture.classify`), by the
    reader's markup (``article.removed``: link lists), as byline blocks or as
    items of a related list. Lines in ``keep`` are left alone."""
    reasons: dict[int, tuple[str, str]] = {}
    for i, r in _inside(nonblank, article.removed).items():  # furniture the reader saw in the markup
        if i not in keep:
            reasons[i] = (r.reason, r.detail or DETAILS.get(r.reason, r.reason))
    seen_lines: dict[str, tuple[str, str] | None] = {}  # a page repeats its lines: classify each text once
    for ln in nonblank:
        if ln.index in keep or ln.index in reasons:
            continue
        c = seen_lines[ln.text] if ln.text in seen_lines else seen_lines.setdefault(ln.text, classify(ln, lex))
        if c:
            reasons[ln.index] = c
    byline_blocks(nonblank, reasons, lex)
    related_lists(nonblank, reasons)
    return reasons


def _page_rules(text: str, nonblank: list[Line], kept: list[Line], reasons: dict[int, tuple[str, str]],
                keep: set[int], lex: Lexicon) -> None:
    """The rules that need the page's head and tail (:func:`zones`): the
    footer's copyright notice, a credit atop the page read as a byline, the
    masthead, head and tail navigation, related lists; set in ``reasons``."""
    span = zones(kept, nonblank, {i for i, r in reasons.items() if r[0] == "byline"}, lex)
    if not span:
        return
    for ln in nonblank:
        if ln.index > span[1] and reasons.get(ln.index, ("",))[0] in ("", "photo-credit") \
                and not ln.long and copyright_holder(ln.text):
            reasons[ln.index] = ("footer", "page footer (copyright notice)")
        elif ln.index < span[0] and reasons.get(ln.index, ("",))[0] == "credit":
            reasons[ln.index] = ("byline", DETAILS["byline"])  # "Interview by …" atop the page
    mh = masthead(kept, span[0], text, _holder(nonblank, reasons))
    if mh is not None:
        reasons[mh] = ("masthead", DETAILS["masthead"])
    head_tail_navigation(kept, reasons, span, lex, exclude=keep)
    related_lists(nonblank, reasons)


def _inside(nonblank: list[Line], spans: list) -> dict:
    """Line index → the span (anything with ``start``/``end``) that holds the
    line wholly, for the lines of ``nonblank`` inside one of ``spans``; one
    sweep over both in text order."""
    out: dict = {}
    if not spans:
        return out
    ordered = sorted(spans, key=lambda x: (x.start, -x.end))
    k = 0
    for ln in nonblank:
        while k < len(ordered) and ordered[k].end < ln.end:
            k += 1
        if k < len(ordered) and ordered[k].start <= ln.start:
            out[ln.index] = ordered[k]
    return out


def outside_asides(article: Article, records: list) -> list:
    """``records`` (anything with ``start``/``end`` offsets into
    ``article.text``: quotes, claims, temporal expressions) without those that
    overlap one of the article's asides (photo captions), in order."""
    if not article.asides:
        return records
    overlaps = overlap_test([(x.start, x.end) for x in article.asides])
    return [r for r in records if not overlaps(r.start, r.end)]


def overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``f(start, end)``: whether ``[start, end)`` overlaps one of ``spans``
    (``(start, end)`` offsets, in any order), as ``any(s < end and start < e
    for s, e in spans)`` but in logarithmic time: the spans sorted by start,
    with the running maximum of their ends (a record set against many removed
    spans or captions then costs no scan of them all)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans[:k] start before ``end``
        return k > 0 and reach[k - 1] > start
    return overlaps


def _holder(nonblank: list[Line], reasons: dict[int, tuple[str, str]]) -> str | None:
    """The name in the page's last copyright notice, if any."""
    for ln in reversed(nonblank):
        if reasons.get(ln.index, ("",))[0] == "footer" and (h := copyright_holder(ln.text)):
            return ln.text[h[0]:h[1]]
    return None


def _removals(text: str, nonblank: list[Line], reasons: dict[int, tuple[str, str]], dup: dict[int, str],
              seen: dict[str, int], keys: dict[int, str], pulls: dict[int, tuple[int, str]]) -> list[Removal]:
    """The removal records, in text order: consecutive repeated lines as one
    ``duplicate`` block, each other removed line on its own, noise runs
    inside kept lines."""
    removed: list[Removal] = []
    block: list[Line] = []
    # a noise run holds no blank: only the words of NOISE_RUN characters or more can hold one
    noisy = any(_NOISE_HINT.search(w) for w in text.split() if len(w) >= NOISE_RUN)

    def flush() -> None:
        if block:
            s, e = block[0].start, block[-1].end
            if len(block) == 1:
                detail = dup[block[0].index]
            else:
                first, last = (seen.get(keys.get(x.index, ""), x.index) + 1 for x in (block[0], block[-1]))
                detail = f"block of {len(block)} lines repeating lines {first}–{last}"
            removed.append(Removal(start=s, end=e, reason="duplicate", text=text[s:e], detail=detail))
            block.clear()

    for ln in nonblank:
        if ln.index in dup:
            block.append(ln)
            continue
        flush()
        if ln.index in pulls:
            removed.append(Removal(start=ln.start, end=ln.end, reason="pull-quote", text=ln.text,
                                   detail=f"{DETAILS['pull-quote']}: {pulls[ln.index][1]}"))
        elif ln.index in reasons:
            reason, detail = reasons[ln.index]
            removed.append(Removal(start=ln.start, end=ln.end, reason=reason, text=ln.text, detail=detail))
        elif noisy:
            for m in _NOISE.finditer(text, ln.start, ln.end):
                removed.append(Removal(start=m.start(), end=m.end(), reason="noise", text=m.group(),
                                       detail=f"{DETAILS['noise']}: {m.end() - m.start():,} characters"))
    flush()
    return removed
