"""Live-blog entry stamps: the time of day that dates an entry's present clauses.

A live blog is a run of short entries, each opened by a line that holds only
its time stamp ("18:04"); an entry reports what is happening as it is written,
so a clause in the present progressive or the present perfect ("Police are
moving into the square", "tear gas has been fired") happened at the stamp
(Thurman & Walters 2013, "Live blogging — digital journalism's pivotal
platform?", *Digital Journalism* 1(1): entries time-stamped, written as events
unfold). A clause in the simple past or with a time of its own is not dated
by the stamp ("At 17:15 the police had put the number at 17").

:func:`stamps` finds the stamp lines of a text, :func:`stamp_before` the one
that opens the entry a character offset lies in, :func:`reports_now` whether a
clause's head verb (a spaCy Token) is a present progressive or perfect.
"""
from __future__ import annotations

import re
from bisect import bisect_right

STAMP_LINE = re.compile(r"(?m)^[ \t]*([01]?\d|2[0-3])[:.]([0-5]\d)[ \t]*$")
"""A line holding only a time of day (24-hour clock): an entry's stamp."""
MIN_STAMPS = 3
"""Stamp lines a text needs to be read as a live blog (one time alone on a line may be a schedule's)."""
ENTRY_CHARS = 800
"""How far after its stamp an entry's clause may start (entries are short)."""
NOW_AUX = {"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m", "has", "have", "'ve", "’ve"}
PAST_AUX = {"had", "'d", "’d", "was", "were", "will", "would", "wo", "shall", "should", "could", "might", "may", "must"}


def stamps(text: str) -> list[tuple[int, str]]:
    """``(offset, "HH:MM")`` of each stamp line of ``text`` (character offset of
    the line's end), in order; empty unless the text holds ``MIN_STAMPS`` of them."""
    found = [(m.end(), f"{int(m.group(1)):02d}:{m.group(2)}") for m in STAMP_LINE.finditer(text)]
    return found if len(found) >= MIN_STAMPS else []


def stamp_before(found: list[tuple[int, str]], offset: int) -> str | None:
    """The stamp ("HH:MM") of the entry that character ``offset`` lies in: the
    last stamp line before it, at most ``ENTRY_CHARS`` before; else None."""
    k = bisect_right(found, (offset, "~")) - 1
    if k < 0 or offset - found[k][0] > ENTRY_CHARS:
        return None
    return found[k][1]


def reports_now(head) -> bool:
    """Whether a clause's head verb (a spaCy Token) is a present progressive or
    present perfect ("are moving", "has been fired", "have entered"): an
    auxiliary of the present and none of the past, of a modal or of the future."""
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & NOW_AUX) and not aux & PAST_AUX
