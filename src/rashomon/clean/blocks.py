"""Furniture told by position and neighbourhood: the page's head and tail,
its masthead, byline and date lines, related-link lists, headings of removed
blocks.

The *head* of a page is everything above its first prose paragraph, the
*tail* everything below its last (:func:`rashomon.clean.lines.is_prose`);
menus, mastheads, bylines and date stamps live there. Position in the page
is one of the boilerplate signals of Kohlschütter et al. (2010, "Boilerplate
detection using shallow text features") and of jusText's context-sensitive
pass (Pomikálek 2011).
"""
from __future__ import annotations

import functools
import re

from rashomon import data as data_files
from rashomon.clean.furniture import DETAILS, menu_items
from rashomon.clean.lexicon import Lexicon, date_label
from rashomon.clean.lines import BULLET, SENTENCE_END, Line, is_prose, is_sentence, items
from rashomon.temporal import MONTHS

__all__ = ["zones", "masthead", "copyright_holder", "byline_line", "date_item", "has_date", "related_lists",
           "removed_headings", "byline_blocks", "head_tail_navigation"]

Reasons = dict[int, tuple[str, str]]

_ALLCAPS = re.compile(r"^[^\W\d_a-zа-яё]+(?:[\s&/|·'’.-]{1,3}[^\W\d_a-zа-яё]+){0,5}\.?$")
_LIST_ITEM = re.compile(rf"^{BULLET}\s+\S")
_DIGIT = re.compile(r"\d")


def zones(kept: list[Line], nonblank: list[Line], bylines: set[int], lex: Lexicon) -> tuple[int, int] | None:
    """Line indices of the end of the head and of the last prose line, or
    ``None`` for a page without prose.

    The head ends at the first prose line among ``kept`` (the lines no rule
    removed) — unless a byline or date label follows that line before the
    next prose line: the first was then a standfirst, and the head ends at
    the second. ``bylines`` holds the indices of lines already removed as
    bylines; ``nonblank`` all the page's non-blank lines.
    """
    prose = [ln.index for ln in kept if is_prose(ln)]
    if not prose:
        return None
    head = prose[0]
    if len(prose) > 1:
        between = [ln for ln in nonblank if prose[0] < ln.index < prose[1]]
        if any(ln.index in bylines or _byline_start(ln, lex) for ln in between):
            head = prose[1]
    return head, prose[-1]


def _byline_start(ln: Line, lex: Lexicon) -> bool:
    """A short line opening with a date label or a by-word ("Published: …", "By Jane Roe")."""
    return ln.words <= 15 and not ln.long and bool(date_label(ln.text, lex) or lex.by_name_rx.match(ln.text))


# -- copyright holder and masthead ------------------------------------------------

_COPYRIGHT = re.compile(r"^(?:(?:©|\(c\)|copyright\b)\s{0,3}){1,3}(?:\d{4}(?:\s{0,2}[-–]\s{0,2}\d{2,4})?\s{0,3})?",
                        re.I)
_LEGAL_SUFFIX = re.compile(
    r"(?:[\s,]{1,3}(?:ltd|limited|inc|llc|plc|gmbh|ag|s\.?\s?a|s\.?\s?l|b\.?\s?v|n\.?\s?v|s\.?r\.?l|oy|ab|co)\.?)$", re.I)
"""A company-form suffix ("Ltd", "Inc.", "S.A.", "GmbH"): the outlet's name is the name before it."""
_HOLDER_END = re.compile(r"\s{0,3}(?:\ball rights reserved\b|[|·•]|\.\s|,\s|\s[-–—]\s|$)", re.I)
_TRAILING_YEAR = re.compile(r"[\s,]{1,3}\d{4}(?:\s{0,2}[-–]\s{0,2}\d{2,4})?$")


def copyright_holder(text: str) -> tuple[int, int] | None:
    """Offsets in ``text`` (a footer line) of the name a copyright notice
    gives: ``"© 2025 Example Times · Privacy"`` → the span of "Example
    Times". ``None`` when the line is no copyright notice or names nobody."""
    if len(text) > 300:
        return None
    m = _COPYRIGHT.match(text)
    if not m or m.end() == 0:
        return None
    s = m.end()
    end = _HOLDER_END.search(text, s)
    e = end.start() if end else len(text)
    name = text[s:e]
    y = _TRAILING_YEAR.search(name)
    if y:
        name = name[: y.start()]
    name = name.rstrip(" .,")
    if (suffix := _LEGAL_SUFFIX.search(name)) and suffix.start() > 0:
        name = name[: suffix.start()].rstrip(" .,")
    if not name or not name[:1].isupper() or len(name.split()) > 8:
        return None
    return s, s + len(name)


def _key(name: str) -> str:
    """Comparison key of a name: casefold, no leading "The", letters and digits only."""
    k = re.sub(r"[^\w]+", " ", name.casefold()).strip()
    return re.sub(r"^the ", "", k)


def masthead(kept: list[Line], head_end: int, text: str, holder: str | None) -> int | None:
    """Index of the masthead line: the page's first kept line, above the first
    prose line, of at most 8 words and no sentence, that names the site.

    It names the site when it (or one of its separated items, "ABC | Example
    Broadcasting") is the copyright holder's name (``holder``, compared
    case-insensitively, one may extend the other: "Example Ltd."), or when
    the line is all capitals or of at most 4 words and the name recurs in
    another line of the page ("EXAMPLE TIMES" … "told Example Times").
    """
    if not kept or kept[0].index >= head_end:
        return None
    ln = kept[0]
    if ln.words > 8 or ln.long or is_sentence(ln.text) or menu_items(ln.text):
        return None
    names = [ln.text, *items(ln.text)] if ("|" in ln.text or "·" in ln.text) else [ln.text]
    keys = [_key(n) for n in names if _key(n)]
    if holder:
        h = _key(holder)
        if any(k == h or k.startswith(h + " ") or h.startswith(k + " ") for k in keys):
            return ln.index
    if not (_ALLCAPS.match(ln.text) or ln.words <= 4 or len(names) > 1):
        return None
    low = text.casefold()
    for n in names:
        k = n.casefold().strip()
        if len(k) < 4:
            continue
        first = low.find(k)
        again = low.find(k, first + len(k)) if first >= 0 else -1
        while again >= 0 and not _whole(low, again, again + len(k)):
            again = low.find(k, again + 1)
        if again >= 0:
            return ln.index
    return None


def _whole(low: str, s: int, e: int) -> bool:
    return (s == 0 or not low[s - 1].isalnum()) and (e >= len(low) or not low[e].isalnum())


# -- bylines and date stamps --------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _date_parts() -> tuple[re.Pattern, frozenset[str], re.Pattern]:
    by = data_files.load("boilerplate.yaml")["byline"]
    months = sorted({*MONTHS, *(w.casefold() for w in by["month_words"])}, key=len, reverse=True)
    alt = "|".join(re.escape(m) for m in months)
    date = re.compile(
        r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
        rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s{{1,3}}(?:{alt})\b|(?:{alt})\.?\s{{1,3}}\d{{1,2}}\b)",
        re.I)
    staff = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in by["staff_words"]) + r")\b", re.I)
    return date, frozenset(w.casefold() for w in by["time_words"]), staff


_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b", re.I)
_WEEKDAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?,?",
    re.I)
_PLACE = re.compile(r"^(?:[A-ZÀ-ÝА-ЯЁ][\w'’.-]{1,30}\s?){1,3},\s")
_FILLER = re.compile(r"[\s,|·•()+\-–—:]+")


def has_date(text: str) -> bool:
    """Whether ``text`` holds a day and month or a numeric date."""
    return bool(_date_parts()[0].search(text))


def date_item(item: str, lex: Lexicon) -> bool:
    """A byline item that is a date stamp: a date or time, and nothing else
    but a weekday, time-zone and filler words, a date label, or a leading
    place and comma ("Kastri, 15 May 2024, 11:30")."""
    date, fillers, _staff = _date_parts()
    if len(item.split()) > 10 or not (date.search(item) or _TIME.search(item)):
        return False
    m = date_label(item, lex)
    rest = m.group("value") if m else item
    rest = _PLACE.sub("", rest, count=1)
    rest = _TIME.sub(" ", date.sub(" ", rest))
    rest = _WEEKDAY.sub(" ", rest)
    words = [w for w in _FILLER.split(rest) if w and not w.isdigit() and w.casefold().strip(".") not in fillers]
    return not words


def byline_line(line: Line, lex: Lexicon) -> bool:
    """Whether ``line`` is a byline or date stamp of a page head: at most 20
    words, no sentence, its separated items each a by-phrase ("By Jane Roe",
    "Interview by …", "Desk staff"), a date stamp, an update stamp, a reading
    time or comment count, or a short label ("Press release"); and at least
    one item a by-phrase or a date with its day and month."""
    t = line.text
    if line.words > 20 or line.long or (is_sentence(t) and not _DIGIT.search(t[-12:])):
        return False
    _date, _fillers, staff = _date_parts()
    its = items(t)
    anchor = False
    for it in its:
        if lex.by_rx.match(it) or staff.search(it) and len(it.split()) <= 6:
            anchor = True
        elif date_item(it, lex):
            anchor = anchor or has_date(it)
        elif date_label(it, lex) or lex.update_split_rx.match(it):
            continue
        elif any(lex.patterns[k][1].search(it) for k in ("reading-time", "comments")):
            continue
        elif len(it.split()) <= 3 and it[:1].isupper() and not is_sentence(it):
            continue
        else:
            return False
    return anchor


def byline_blocks(nonblank: list[Line], reasons: Reasons, lex: Lexicon) -> None:
    """Byline furniture told by neighbours, set in ``reasons``: a date on the
    line after a bare date label ("Published" / "12 March 2022"); a run of
    short list items holding a date label ("- World / - Example Agency /
    - Published Date: …"); a "By NAME" line of capitalised names."""
    for prev, ln in zip(nonblank, nonblank[1:]):
        if (reasons.get(prev.index, ("", ""))[1] == "date label of the byline" and ln.index not in reasons
                and ln.words <= 8 and _DIGIT.search(ln.text)):
            reasons[ln.index] = ("byline", DETAILS["byline"])
    run: list[Line] = []
    for ln in nonblank + [Line(-1, 0, 0, "")]:
        if ln.index >= 0 and _LIST_ITEM.match(ln.text) and ln.words <= 8 and not SENTENCE_END.search(ln.text):
            run.append(ln)
            continue
        if run and any(date_label(x.text, lex) for x in run):
            for x in run:
                if reasons.get(x.index, ("",))[0] in ("", "navigation", "byline"):
                    reasons[x.index] = ("byline", DETAILS["byline"])
        run = []
    for ln in nonblank:
        if ln.index in reasons or ln.words > 8 or ln.long or SENTENCE_END.search(ln.text):
            continue
        m = lex.by_rx.match(ln.text)
        who = m.group("who").replace(",", " , ").split() if m else []
        if m and all(w[:1].isupper() or w in ("and", "&", "|", ",") for w in who):
            reasons[ln.index] = ("byline", DETAILS["byline"])


def head_tail_navigation(kept: list[Line], reasons: Reasons, span: tuple[int, int], lex: Lexicon,
                         exclude: set[int]) -> None:
    """Furniture of the head and tail zones (outside ``span``, the first and
    last prose line indices): byline and date-stamp lines
    (:func:`byline_line`, head only), short all-capitals lines and menu lines
    of separated items (navigation). Lines in ``exclude`` are left alone."""
    head_end, tail_start = span
    for ln in kept:
        if ln.index in reasons or ln.index in exclude or head_end <= ln.index <= tail_start:
            continue
        if ln.index < head_end and byline_line(ln, lex):
            reasons[ln.index] = ("byline", DETAILS["byline"])
        elif ln.words <= 3 and _ALLCAPS.match(ln.text) and sum(ch.isalpha() for ch in ln.text) >= 2:
            reasons[ln.index] = ("navigation", "site navigation (short all-caps menu line)")
        elif ln.words <= 20 and menu_items(ln.text):
            reasons[ln.index] = ("navigation", "site navigation (menu line of separated items)")


_LIST_HEADERS = {"related": (20, "headline in a related-links box"), "tags": (4, "item of a tag or topic list")}
"""Headers that open a list (reason → longest item in words, detail of an item)."""


def related_lists(nonblank: list[Line], reasons: Reasons) -> None:
    """Short lines right after a related-links header ("Most read", "Related
    coverage") are related links, and after a tag header ("Topics") tags,
    until a longer line, a line ending a sentence, the next header, or a blank
    line after the first item."""
    for k, ln in enumerate(nonblank):
        kind, detail = reasons.get(ln.index, ("", ""))
        if kind not in _LIST_HEADERS or detail == _LIST_HEADERS[kind][1]:
            continue
        prev, taken = ln.index, 0
        for nxt in nonblank[k + 1:]:
            if taken and nxt.index > prev + 1:
                break  # a blank line closes the list
            prev = nxt.index
            if nxt.index in reasons:
                if reasons[nxt.index][0] in _LIST_HEADERS:
                    break
                continue
            if nxt.words > _LIST_HEADERS[kind][0] or nxt.long or nxt.text.endswith((".", "!", "…", ":")):
                break
            reasons[nxt.index] = (kind, _LIST_HEADERS[kind][1])
            taken += 1


HEADING_WORDS = 5


def removed_headings(lines: list[Line], removed: dict[int, str], protected: set[int]) -> dict[int, str]:
    """Headings of removed blocks: a line of at most :data:`HEADING_WORDS`
    words, no sentence, directly above two or more removed lines that form
    its whole section (up to the next blank line or the end of the text) and
    share one reason (a contents list, a related box, a repeated block).
    Returns line index → the block's reason."""
    out: dict[int, str] = {}
    for k, ln in enumerate(lines):
        if not ln.text or ln.index in removed or ln.index in protected or ln.words > HEADING_WORDS \
                or ln.long or is_sentence(ln.text):
            continue
        j, block = k + 1, []
        while j < len(lines) and lines[j].text:
            block.append(lines[j])
            j += 1
        kinds = {removed.get(x.index) for x in block}
        if len(block) >= 2 and len(kinds) == 1 and None not in kinds:
            out[ln.index] = kinds.pop()
    return out
