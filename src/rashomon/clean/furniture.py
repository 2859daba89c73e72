"""Furniture told from one line: UI vocabulary, patterns and shape.

:func:`classify` gives a line's reason and detail, or ``None`` for a line that
may be content. It reads the line alone; rules that need the page (position,
repetition, blocks) live in :mod:`rashomon.clean.blocks` and
:mod:`rashomon.clean.repeats`.
"""
from __future__ import annotations

import re

from rashomon.clean.lexicon import PATTERN_ORDER, TOKEN_PRIORITY, Lexicon, date_label, pattern_kind, token_kinds
from rashomon.clean.lines import BULLET, Line, crumbs, items

__all__ = ["classify", "credit", "menu_items", "DETAILS", "protected"]

DETAILS = {
    "navigation": "site navigation (menu words)",
    "breadcrumb": "breadcrumb trail (the page's place in the site)",
    "ticker": "price ticker or counter",
    "advertisement": "advertising slot label",
    "donate": "donation or membership appeal",
    "subscribe": "subscription or newsletter prompt",
    "app": "app-download prompt",
    "follow": "social-media follow prompt",
    "share": "share buttons",
    "tools": "article tools or media controls (save, listen, gift, expand image)",
    "paywall": "paywall or registration prompt",
    "bot-check": "bot check (CAPTCHA) of the page",
    "comments": "comment counter or prompt",
    "reading-time": "reading time or audio player",
    "accessibility": "accessibility link",
    "archive-notice": "archived-page notice",
    "tags": "tag or topic list",
    "feedback": "reader-feedback widget",
    "standards": "link to the outlet's editorial standards",
    "related": "related-links box",
    "teaser": "link to another story",
    "language-switcher": "language switcher",
    "browser-notice": "outdated-browser notice",
    "cookie-notice": "cookie-consent notice",
    "link": "link furniture pointing elsewhere",
    "link-list": "a short block of the page made mostly of link text",
    "footer": "page footer",
    "photo-credit": "photo credit",
    "credit": "wire credit (contributors to the story)",
    "masthead": "the site's name atop the page",
    "byline": "byline and date block (read as metadata evidence)",
    "duplicate": "repeat of an earlier block of this article",
    "pull-quote": "pull quote or contents entry repeating a passage of the article",
    "repeated-across": "line repeated on other pages of the same site in this batch",
    "noise": "a long run of repeated punctuation or quotation marks (not prose)",
}
"""Every removal reason and the sentence shown for it."""

_TICKER = re.compile(
    rf"^(?:{BULLET}\s*)?(?:[A-Z]{{2,6}}(?:/[A-Z]{{2,6}})?|[$€£¥₽₺₼])\s*[:=]?\s*[$€£¥₽]?\s*[+\-−]?\d[\d .,]{{0,20}}%?"
    r"(?:\s*[▲▼↑↓+\-−]\s*\d[\d.,]{0,12}\s*%?)?$"
)
_COUNTER = re.compile(rf"^(?:{BULLET}\s*)?\d[\d\s.,]{{0,12}}[KkMм]?$")
_ITEM_LABEL = re.compile(r"^[^\W\d_a-zа-яё]{2,}(?: [^\W\d_a-zа-яё]{2,}){0,2}: \S")
_MENU_SEP_CHAR = re.compile(r"[|•·▪●»]")
_MENU_SEP = re.compile(r" [|•·▪●»] ")
"""A spaced separator, in text whose spaces are collapsed (one space each side)."""
_ITEM_HINT = re.compile(r"[|·•▪●:]")
"""A character every line of two or more items holds (:func:`rashomon.clean.lines.items`)."""


def menu_items(text: str) -> list[str] | None:
    """The items of a menu line ("Home | News | Community | Contact"): at
    least three items between spaced separators (``|``, ``•``, ``·``, ``»``),
    each of 1-3 words, opening with a capital, without digits or sentence
    punctuation at its end; ``None`` for any other line."""
    if not _MENU_SEP_CHAR.search(text):
        return None
    its = _MENU_SEP.split(" ".join(text.split()))
    if len(its) < 3:
        return None
    for it in its:
        if not 1 <= len(it.split()) <= 3 or not it[:1].isupper() or any(ch.isdigit() for ch in it) \
                or it.endswith((".", "!", "?", ":", ";", ",")):
            return None
    return its


def _labelled_ticker(text: str) -> bool:
    """A news ticker line: two or more items between spaced separators, each
    opening with an all-capitals label and a colon ("BREAKING: … | WEATHER: …")."""
    if not _MENU_SEP_CHAR.search(text):
        return False
    its = _MENU_SEP.split(" ".join(text.split()))
    return len(its) >= 2 and all(_ITEM_LABEL.match(it) for it in its)


def protected(line: Line, lex: Lexicon) -> bool:
    """A correction or editor's note ("Correction, 7 June 2023: …",
    "Editor's note: …"): part of the article wherever it stands."""
    return not line.long and bool(lex.protected_rx.match(line.text))


def credit(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` is a wire credit: optionally in brackets, parts
    separated by ``;`` each opening with a credit label and "by" ("Reporting
    by …; Editing by …") or closing with "contributed reporting", no part a
    sentence of its own (Reuters Handbook of Journalism, "Credits")."""
    t = text.strip()
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    t = t.rstrip(".").strip()
    parts = [p.strip() for p in t.split(";")]
    if not parts or len(t.split()) > 60:
        return False
    for p in parts:
        if not p or not lex.credit_rx.match(p) or re.search(r"[.!?]\s", p):
            return False
    return True


def _item_kind(item: str, lex: Lexicon) -> str | None:
    """The furniture kind of one item of a separated line: a token phrase of
    the lexicon, or a short item a pattern group names ("Share this article",
    "Follow us", "Log in to comment")."""
    kinds = token_kinds(item, lex)
    if kinds:
        return next(k for k in TOKEN_PRIORITY if k in kinds)
    n = len(item.split())
    return pattern_kind(item, n, _ITEM_KINDS, lex) if n <= 8 else None


_ITEM_KINDS = ("share", "follow", "subscribe", "donate", "comments", "reading-time", "app", "feedback",
               "accessibility", "paywall", "footer")
"""Pattern groups an item of a separated line may belong to."""


def _separated(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """A line of separated items that are all furniture ("Print | Share this
    article: Facebook · X · Email", "Accept all | Necessary only"): its reason
    is a language, browser or cookie kind when one is present, else the first
    item's kind."""
    if not _ITEM_HINT.search(text):
        return None  # one item: no separator, no "Label:"
    its = items(text)
    if len(its) < 2:
        return None
    kinds = [_item_kind(i, lex) for i in its]
    if not all(kinds):
        return None
    reason = next((k for k in TOKEN_PRIORITY[:3] if k in kinds), kinds[0])
    return reason, " and ".join(dict.fromkeys(DETAILS[k] for k in kinds))


def classify(line: Line, lex: Lexicon) -> tuple[str, str] | None:
    """(reason, detail) when ``line`` is furniture by its own words or shape,
    else ``None``.

    Tried in order: tickers and counters; a line of lexicon tokens (≤ 8
    words); a labelled news ticker; a line of separated furniture items; a
    menu line most of whose items are menu words; a breadcrumb trail; a wire
    credit; a date label (byline); a line matching a pattern group within its
    word bound. A correction or editor's note is never furniture.
    """
    t = line.text
    if line.long or protected(line, lex):
        return None
    nw = line.words
    if _TICKER.match(t) or _COUNTER.match(t):
        return "ticker", DETAILS["ticker"] if not _COUNTER.match(t) else "bare counter (views, comments)"
    if nw <= 8:
        kinds = token_kinds(t, lex)
        if kinds and not (kinds == ["browser-notice"] and nw < 2):  # a lone "Chrome"/"Safari" is not a browser list
            reason = next(k for k in TOKEN_PRIORITY if k in kinds)
            return reason, " and ".join(dict.fromkeys(DETAILS[k] for k in kinds))
    if nw <= 40 and _labelled_ticker(t):
        return "ticker", "news ticker (labelled items: BREAKING: …, WEATHER: …)"
    if nw <= 25 and (sep := _separated(t, lex)):
        return sep
    if nw <= 20 and (its := menu_items(t)) and 2 * sum(token_kinds(i, lex) is not None for i in its) >= len(its):
        return "navigation", "site navigation (menu line, most items menu words)"
    if nw <= 25 and crumbs(t):
        return "breadcrumb", DETAILS["breadcrumb"]
    if nw <= 60 and (" by " in t.lower() or "contributed" in t.lower()) and credit(t, lex):
        return "credit", DETAILS["credit"]
    if nw <= 8 and date_label(t, lex):
        return "byline", DETAILS["byline"]
    if nw <= 3 and t.rstrip(":").strip().casefold() in lex.label_words:
        return "byline", "date label of the byline"
    kinds, low = PATTERN_ORDER, t.casefold()
    while kind := pattern_kind(t, nw, kinds, lex, low):
        kinds = kinds[kinds.index(kind) + 1:]
        if kind == "photo-credit" and t.endswith(".") and nw > 6:
            continue  # a caption sentence, not a credit
        if kind in ("related", "teaser") and t.endswith(".") and nw > 12:
            continue  # "Read more …" opening a sentence of prose
        return kind, DETAILS[kind]
    return None
