"""Lines of an article's text and the shape features the cleaning rules read.

A page's furniture is told first by its shape: a line of short separated
items (a menu, a share bar, a breadcrumb trail), a line without a sentence in
it (a headline, a label), a line of prose. Everything here is a pure function
of one line's text, linear in its length.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Line", "split_lines", "iter_lines", "items", "crumbs", "all_caps", "is_prose", "is_sentence", "norm",
    "LINE_MAX_CHARS", "BULLET", "SENTENCE_END",
]

LINE_MAX_CHARS = 2000
"""Lines longer than this are never furniture and are never given to a
furniture pattern: a menu, a notice or a credit fits in a few hundred
characters, and bounding the length keeps every rule linear on hostile input
(a 100 KB line costs one length test)."""


@dataclass
class Line:
    """One line of ``Article.text``: ``start``/``end`` bound its stripped text
    (code-point offsets), ``text`` that text, ``index`` the line number (0-based)."""

    index: int
    start: int
    end: int
    text: str

    @functools.cached_property
    def words(self) -> int:
        """Number of whitespace-separated words (counted once; lines are not changed)."""
        return len(self.text.split())

    @property
    def long(self) -> bool:
        """Longer than :data:`LINE_MAX_CHARS`: never furniture."""
        return len(self.text) > LINE_MAX_CHARS


def split_lines(text: str) -> list[Line]:
    """Split ``text`` at ``\\n`` into :class:`Line` records whose offsets bound
    each line's stripped text (blank lines have ``start == end``)."""
    return list(iter_lines(text))


def iter_lines(text: str):
    """The :class:`Line` records of :func:`split_lines`, one at a time (for a
    reader of the first few lines only)."""
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        yield Line(i, pos + lead, pos + lead + len(stripped), stripped)
        pos += len(raw) + 1


BULLET = r"[-•·▪●*–]"
SENTENCE_END = re.compile(r"[.!?…:;\"”»]\s*$")
_SENTENCE_STOP = re.compile(r"[.!?…][\"”»’)]?$")

_ITEM_SEP = re.compile(r" ?\| ?| [·•▪●] ?| ?[·•▪●] ")
"""Separators between the items of a menu or share bar (in text whose spaces
are collapsed): a bar, spaced or not (``Home|News``), or a middle dot or
bullet with a space on at least one side."""
_LABEL = re.compile(r"^(?P<label>[^\W\d][\w'’ -]{0,40}?)\s*:\s+(?P<rest>\S.*)$", re.S)
"""A leading label ending in a colon ("Share this article: Facebook · X"); the
label is at most 40 characters and the rest follows after spaces."""
_CRUMB_SEP = re.compile(r" ?[›»] ?| > | / ")


def items(text: str) -> list[str]:
    """The items of a line of separated items: ``"Share: Facebook | X"`` →
    ``["Share", "Facebook", "X"]``. A leading ``Label:`` is an item of its own.
    A line without separators is one item."""
    parts: list[str] = []
    for chunk in _ITEM_SEP.split(" ".join(text.split())):
        m = _LABEL.match(chunk)
        if m:
            parts += [m.group("label"), m.group("rest")]
        else:
            parts.append(chunk)
    return [p.strip(" \t:") for p in parts if p.strip(" \t:")]


def crumbs(text: str) -> list[str] | None:
    """The steps of a breadcrumb trail (``Home › News › Statements``,
    ``Home / Ports / Labour``), or ``None`` when ``text`` is not one.

    A trail has two or more steps between ``›``/``»`` (three or more between
    a spaced ``>`` or ``/``), each step of 1-6 words without sentence
    punctuation at its end, and its first step capitalised. The separators
    ``›`` and ``»`` mark a trail in practice (W3C WAI-ARIA Authoring
    Practices, "Breadcrumb Example"); ``/`` and ``>`` also appear in prose,
    hence the longer minimum.
    """
    if "«" in text:  # guillemets quote; » then closes a quotation
        text = text.replace("»", "\u201d")
    if not ("›" in text or "»" in text or " > " in text or " / " in text):
        return None
    steps = [s.strip() for s in _CRUMB_SEP.split(" ".join(text.split()))]
    strong = "›" in text or "»" in text
    if len(steps) < (2 if strong else 3) or not steps[0][:1].isupper():
        return None
    for s in steps:
        if not s or not 1 <= len(s.split()) <= 6 or s[-1] in ".!?;,:\"”":
            return None
    return steps


def is_sentence(text: str) -> bool:
    """Whether ``text`` reads as a sentence: it ends in ``.``, ``!``, ``?`` or
    ``…`` (a closing quotation mark or bracket may follow) and is not all
    capitals."""
    return bool(_SENTENCE_STOP.search(text)) and not all_caps(text)


def all_caps(text: str) -> bool:
    """Whether ``text`` has cased letters and all of them are capitals."""
    return text == text.upper() and text != text.lower()


def is_prose(line: Line) -> bool:
    """Whether ``line`` is a paragraph of prose rather than a headline, label or
    menu: a sentence (:func:`is_sentence`) of at least 8 words, or any line of
    at least 25 words that is not all capitals.

    The thresholds follow jusText's paragraph classes (Pomikálek 2011,
    "Removing Boilerplate and Duplicate Content from Web Corpora", ch. 3):
    a "short" block is under 70 characters (about 8-10 words of news
    English) and is never taken for content on its own; headlines run to
    about 15-20 words and do not end in a full stop.
    """
    n = line.words
    if n >= 25:
        return not all_caps(line.text[:400])
    return n >= 8 and is_sentence(line.text)


_LEAD_BULLET = re.compile(rf"^{BULLET}\s+|^\d{{1,2}}[.)]\s+")
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'))


def norm(s: str) -> str:
    """Comparison key of a line: NFKC, straight quotes, casefold, single
    spaces, no list bullet or list number."""
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
        for a, b in _QUOTES:
            s = s.replace(a, b)
    s = _LEAD_BULLET.sub("", s.strip())
    # no blank at either end is left, so splitting at runs of blanks and
    # joining with one space is the same as replacing each run by one space
    return " ".join(s.split()).casefold()
