"""Scanning a text for date and time expressions: :func:`find` and its :class:`Candidate`.

Each pattern of :mod:`~rashomon.temporal.patterns` is run over the text (only
where its guards allow), each match is read into a :class:`Candidate` (day,
month, year, clock time, counted unit, modifier, direction), overlapping
matches give way to the longest, and a weekday written just before a date
joins it.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass

from rashomon.temporal.direction import _MONTH_FUTURE, FORWARD_RULES, _clause_window, weekday_rule
from rashomon.temporal.patterns import (
    _AMPM, _ANCHORS, _INTERVAL_WORDS, _MID, _MONTH_AT, _MONTH_FIRST, _NUMBERS, _ODD_CASE_CHARS, _PATTERNS, _REQUIRED,
    _STARTS, _THE_LAST_RX, _WD, _WEEKDAYS, _YEAR_RX, _YEAR_WORDS, MONTHS, _blank_start, has_odd_case,
)
from rashomon.temporal.resolution import _valid


def _has_anchor(kind: str, text: str, low: str | None) -> bool:
    """Whether ``text`` (``low``: its lowercased form, ``None`` when it holds
    odd-case letters) passes the ``_ANCHORS`` test of ``kind``; True when that
    cannot be told (a lowercase anchor and no ``low``)."""
    anchor, lowered = _ANCHORS[kind]
    if not lowered:
        return anchor(text)
    return low is None or anchor(low)


def _matches(pat: re.Pattern, starts: re.Pattern, text: str, at: list[int] | None = None):
    """``pat.finditer(text)``, faster: ``starts`` (the ``_STARTS`` entry of
    ``pat``) finds the next position where ``pat`` matches, and ``pat`` is
    matched there; or, given ``at`` (ascending positions that include every
    position where ``pat`` can match: see :data:`_LOCATORS`), ``pat`` is tried
    at each of them. As in ``finditer``, the search resumes at the end of each
    match (no pattern here matches the empty string)."""
    pos = 0
    if at is not None:
        for p in at:
            if p >= pos and (m := pat.match(text, p)) is not None:
                yield m
                pos = m.end()
        return
    while (hit := starts.search(text, pos)) is not None:
        m = pat.match(text, hit.start())
        yield m
        pos = m.end()


_YEAR_WORD_LENGTHS = sorted({len(w) for w in _YEAR_WORDS})


def _year_starts(text: str, _low: str | None = None) -> list[int]:
    """The positions where the ``year`` pattern can match: every match holds
    a year (:data:`_YEAR_RX`) right after whitespace that follows one of
    :data:`_YEAR_WORDS`, or right after "mid-", so it starts where such a word
    would end at that whitespace, or 4 characters before the year. (Found
    from the years, which are few, instead of trying the pattern after every
    word; case-insensitive matching equates no letter with two, so the word
    lengths hold.)"""
    out: set[int] = set()
    for y in _YEAR_RX.finditer(text):
        s = y.start()
        out.add(s - len(_MID))
        j = _blank_start(text, s)
        if j < s:
            out.update(j - n for n in _YEAR_WORD_LENGTHS)
    return sorted(p for p in out if p >= 0)


_DATE_PIECES = 8
"""Whitespace-separated pieces an ``abs`` match may hold before its month
word, plus one: a clock time ("10:33 p. m.", three), a separator ("|", "on"),
a day with "the" and "of" ("the 5th of"), or the first day of a range and its
"and", "to" or dash with "the 9th of"."""
_DATE_FIRST = re.compile(f"[0-9t{_MONTH_FIRST}{_ODD_CASE_CHARS}]")
"""The characters an ``abs`` match may start with (all the ``abs`` patterns' first characters)."""


def _date_starts(text: str, _low: str | None = None) -> list[int]:
    """The positions where an ``abs`` pattern can match: every match holds
    one month word (:data:`_MONTH_AT`, few in a text) and starts at it or
    within the :data:`_DATE_PIECES` non-blank runs before it (instead of
    trying the patterns at every digit and every "t")."""
    out: set[int] = set()
    for m in _MONTH_AT.finditer(text):
        k = m.start()
        for _ in range(_DATE_PIECES):
            k = _blank_start(text, k)
            while k > 0 and not text[k - 1].isspace():
                k -= 1
        out.update(c.start() for c in _DATE_FIRST.finditer(text, k, m.start() + 1))
    return sorted(out)


_INTERVAL_WORD_LENGTHS = sorted({len(w) for w in _INTERVAL_WORDS})


def _interval_starts(text: str, low: str | None) -> list[int] | None:
    """The positions where the ``interval`` pattern can match: every match
    holds "the last" (or "past", "previous"; :data:`_THE_LAST_RX`, searched in
    ``low``, ``text`` lowercased) and starts there or where one of
    :data:`_INTERVAL_WORDS` would end at the whitespace before it. ``None``
    without ``low`` (a text with odd-case letters: scanned whole)."""
    if low is None:
        return None
    out: set[int] = set()
    for m in _THE_LAST_RX.finditer(low):
        s = m.start()
        out.add(s)
        j = _blank_start(text, s)
        if j < s:
            out.update(j - n for n in _INTERVAL_WORD_LENGTHS)
    return sorted(p for p in out if p >= 0)


_LOCATORS = {"year": _year_starts, "abs": _date_starts, "interval": _interval_starts}
"""Kind → the function of ``(text, low)`` giving the positions where its
patterns can match (see :func:`_matches`), or ``None`` when it cannot tell."""


# Words after a bare year that show it counts something ("to 2000 people").
_FUNCTION_S = {"was", "has", "is", "as", "this", "thus", "its", "his", "hers", "yes", "plus", "whereas", "unless"}
_COUNT_NOUNS = {"people", "men", "women", "children", "police", "personnel", "staff", "million", "billion",
                "thousand", "hundred", "more", "fewer", "other", "new", "of", "per", "percent"}
_LABEL_LINE = re.compile(r"(?i)\b(?:published|posted|updated|modified|date|created)\b[^\n:|]{0,20}[:|]\s*$")
_MONTH_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?P<pre>in|since|until|till|by|from|for|during|through|before|after|early|late|last|next|"
    r"this|mid)(?:[ \t\n]+|-)$")
"""The word that lets a month stand alone ("in March", "mid-May"), searched in
the 12 characters before the month name."""


@dataclass
class Candidate:
    """A date or time expression found in a text (offsets into that text).

    ``kind``: ``iso``, ``abs`` (month-word date), ``year``, ``weekday``,
    ``word`` (today/yesterday/…), ``interval`` ("the last two days"), ``ago``,
    ``period`` ("last week"), ``weekend`` ("over the weekend"), ``month``
    (a month named alone: "in March", "last October"), ``anchored`` ("nine days later", "the next
    day": ``n`` ``unit`` ``mod`` "after"/"before" another date of the text,
    see :func:`resolve_anchored`). ``relative`` kinds need a reference date.
    ``weekday`` (Monday 0) is also set on an absolute date written after its
    weekday ("Saturday, 18 October"); ``day_end`` closes a day range. ``labelled``
    marks a date printed after a label such as "Published:".
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    n: int | None = None
    unit: str | None = None
    mod: str | None = None
    weekday: int | None = None
    day_end: int | None = None
    """Last day of a day range inside one month ("18–19 October")."""
    labelled: bool = False
    forward: bool = False
    """A weekday, weekend or month pointing forward from the reference date (:func:`forward_weekday`)."""
    rule: str | None = None
    """The rule of :func:`~rashomon.temporal.direction.weekday_rule` that set
    ``forward`` (a month named alone: ``"future clause"`` or ``"bare"``);
    ``None`` where a modifier alone decides."""

    @property
    def relative(self) -> bool:
        return self.kind in {"weekday", "word", "interval", "ago", "period", "weekend", "month"}

    @property
    def needs_year(self) -> bool:
        return self.kind in {"abs", "month"} and self.year is None



def _time(s: str | None) -> tuple[int | None, int | None]:
    if not s:
        return None, None
    m = re.match(rf"(\d{{1,2}})(?::(\d\d))?\s*({_AMPM})?", s.strip())
    if not m:
        return None, None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    ap = (m.group(3) or "").lower().replace(".", "").replace(" ", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return h, mi


def _num(s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    return _NUMBERS.get(s)


def _month(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]



def _candidate(kind: str, m: re.Match, text: str) -> Candidate | None:
    g = m.groupdict()
    c = Candidate(m.start(), m.end(), m.group(0), kind)
    if kind == "iso":
        c.year, c.month, c.day = int(g["iy"]), int(g["im"]), int(g["id"])
        if g.get("ih"):
            c.hour, c.minute = int(g["ih"]), int(g["imi"])
        if not _valid(c.year, c.month, c.day):
            return None
    elif kind == "abs":
        ms = g.get("m1") or g.get("m2") or g.get("m3")
        ds = g.get("d1") or g.get("d2")
        ys = g.get("y1") or g.get("y2") or g.get("y3")
        c.month = _month(ms)
        c.day = int(re.match(r"\d+", ds).group(0)) if ds else None
        first = g.get("da") or g.get("db")
        if first or g.get("de"):  # a day range: "18–19 October" (d1 closes it), "October 18-19" (de closes it)
            lo, hi = (first, ds) if first else (ds, g["de"])
            c.day, c.day_end = (int(re.match(r"\d+", x).group(0)) for x in (lo, hi))
            if c.day_end <= c.day:
                return None
        c.year = int(ys) if ys else None
        # "May" needs a day number or a year next to it (it always has one
        # here); a lone abbreviation like "Mar 3" is fine, "Mar" alone never matched.
        c.hour, c.minute = _time(g.get("t0") or g.get("t1"))
        if not _valid(c.year, c.month, c.day):
            return None
    elif kind == "year":
        ys = g.get("y") or g.get("y_")
        grp = "y" if g.get("y") else "y_"
        c = Candidate(m.start(grp), m.end(grp), ys, kind)
        nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 30])
        word = nxt.group(1) if nxt else ""
        if word in _COUNT_NOUNS or (word.endswith("s") and len(word) > 3 and word not in _FUNCTION_S):
            return None  # "to 2000 people": a count, not a year
        if re.search(r"\d\s*(?:to|and|-|–)\s*$", text[max(0, m.start(grp) - 12):m.start(grp)]):
            return None  # "from 200 to 2000", "between 1500 and 1600"
        if re.match(r"\s*(?:%|per\b|[-–]\d)", text[m.end():m.end() + 8]):
            return None
        c.year = int(ys)
    elif kind in {"interval", "ago"}:
        c.n = _num(g["n"])
        c.unit = g["u"].lower().rstrip("s")
        if not c.n:
            return None
    elif kind == "period":
        c.mod = " ".join(g["mod"].lower().split())
        c.unit = g["u"].lower()
    elif kind == "month":
        pre = _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if pre is None:
            return None  # "March" alone may be a verb or a name
        c = Candidate(pre.start(), m.end(), text[pre.start():m.end()], kind)
        c.month, c.mod = _month(g["m"]), pre.group("pre").lower()
        if g.get("ry"):  # "February last year": the year is counted, not the month
            c.mod = f"{g['ry'].lower()} year"
        if c.mod not in {"last", "next", "since"} and not g.get("ry"):
            c.forward = bool(_MONTH_FUTURE.search(_clause_window(text, m.start(), m.end())[0]))
            c.rule = "future clause" if c.forward else "bare"
    elif kind == "weekend":
        c.mod = " ".join(g["mod"].lower().split())
        if c.mod not in {"next", "last"}:
            c.rule = weekday_rule(text, m.start(), m.end())
        c.forward = c.mod == "next" or c.rule in FORWARD_RULES
    elif kind == "anchored":
        if g.get("n"):
            c.n, c.unit = _num(g["n"]), g["u"].lower().rstrip("s")
            c.mod = "after" if g["dir"].lower() == "later" else "before"
            if not c.n:
                return None
        elif g.get("rel"):
            c.n, c.unit = 1, "day"
            c.mod = "after" if g["rel"].lower() in {"next", "following"} else "before"
        else:
            c.n, c.unit, c.mod = 1, "day", g["dir2"].lower()
    elif kind == "weekday":
        c.weekday = _WEEKDAYS[g["wd"].lower()]
        c.mod = " ".join((g.get("mod") or "").lower().split()) or None
        c.rule = weekday_rule(text, m.start("wd") if c.mod in {None, "on"} else m.start(), m.end(), c.mod)
        c.forward = c.rule in FORWARD_RULES
    elif kind == "word":
        c.mod = " ".join(g["w"].lower().split())
    line_before = text[text.rfind("\n", 0, c.start) + 1:c.start]
    # _LABEL_LINE ends in ":" or "|" and spaces: only such a line can hold a label.
    c.labelled = line_before.rstrip().endswith((":", "|")) and bool(_LABEL_LINE.search(line_before))
    return c


def find(text: str) -> list[Candidate]:
    """All date/time expressions in ``text``, non-overlapping, in text order.

    Overlaps keep the longest match ("September 20, 2023 at 1:00 p.m." wins
    over "September 20, 2023"). Offsets are code-point offsets into ``text``.
    """
    return [dataclasses.replace(c) for c in _find(text)]


def _overlaps_taken(c: Candidate, starts: list[int], ends: list[int]) -> bool:
    """Whether ``c`` overlaps one of the disjoint spans ``starts``/``ends``
    (sorted by start): only the last span starting before ``c`` ends can, which
    a bisection finds (a scan of every span made a long article quadratic). A
    zero-length ``c`` is checked against every span."""
    if c.end <= c.start:
        return any(c.start < e and s < c.end for s, e in zip(starts, ends))
    i = bisect.bisect_left(starts, c.end) - 1
    return i >= 0 and ends[i] > c.start


@functools.lru_cache(maxsize=16)
def _find(text: str) -> tuple[Candidate, ...]:
    found: list[Candidate] = []
    low = text.lower() if not has_odd_case(text) else None
    anchored: dict[str, bool] = {}
    located: dict[str, list[int] | None] = {}
    for (kind, pat), starts, required in zip(_PATTERNS, _STARTS, _REQUIRED):
        if required and low is not None and not any(w in low for w in required):
            continue  # none of the words every match holds: no match
        if kind in _ANCHORS:
            if kind not in anchored:
                anchored[kind] = _has_anchor(kind, text, low)
            if not anchored[kind]:
                continue  # not the month word, weekday, year or words every match holds: no match
        if kind in _LOCATORS and kind not in located:
            located[kind] = _LOCATORS[kind](text, low)
        for m in _matches(pat, starts, text, located.get(kind)):
            c = _candidate(kind, m, text)
            if c is not None:
                found.append(c)
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Candidate] = []
    taken_starts: list[int] = []  # the kept spans, disjoint, in order of start (so their ends are in order too)
    taken_ends: list[int] = []
    for c in found:
        if _overlaps_taken(c, taken_starts, taken_ends):
            continue
        kept.append(c)
        at = bisect.bisect_left(taken_starts, c.start)
        taken_starts.insert(at, c.start)
        taken_ends.insert(at, c.end)
    # A weekday directly before a date ("Friday, September 22, 2023") belongs to it.
    kept.sort(key=lambda c: c.start)
    out: list[Candidate] = []
    for c in kept:
        if out and out[-1].kind == "weekday" and c.kind in {"abs", "iso"} and out[-1].mod in {None, "on"}:
            gap = text[out[-1].end:c.start]
            if re.fullmatch(r",?\s*", gap):
                prev = out.pop()
                wd = re.search(_WD, prev.text)
                c.start = prev.start + (wd.start() if wd else 0)
                c.text = text[c.start:c.end]
                c.weekday = prev.weekday
        out.append(c)
    return tuple(out)

