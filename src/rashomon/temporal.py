"""Finding and normalising date and time expressions in English text.

Two steps, both pure functions of text:

* :func:`find` scans a text with rashomon's own patterns and returns
  :class:`Candidate` spans (absolute dates, ISO dates, years after a
  preposition, weekdays, relative words, intervals such as "the last two
  days"). A month word counts only next to a day number or a year and only
  capitalised ("they march", "may", "Do" are not dates); a bare number
  ("23 hours") never is.
* :func:`resolve` turns one candidate into ISO values against a reference
  date (``datetime.date``) and a year hint for dates written without a year.

Values follow ISO 8601 at the precision the text supports: ``YYYY``,
``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``. Weekday arithmetic follows
the TimeML/TIMEX3 convention for news (Pustejovsky et al. 2006; Strötgen &
Gertz, HeidelTime, 2013): a bare weekday in past-tense news is the most recent
such day on or before the reference date. A weekday that is not bare points
forward — governed by "until", "till", "by", "next", "this coming", "from …
onwards", or in a future clause ("will meet on Thursday", "is due to … on
Friday", "plans to … Friday", "before Friday" after a future verb): the nearest
such day on or after the reference date (TimeML/TIMEX3 guidelines v1.2.1,
2006, on the anchoring of underspecified dates by tense; HeidelTime's
tense-based weekday rules, Strötgen & Gertz 2013). A past-perfect clause ("By
Friday, 15 had died") stays backward.
"""
from __future__ import annotations

import bisect
import calendar
import dataclasses
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Candidate", "Resolved", "find", "resolve", "iso", "parse_iso", "future_context", "forward_weekday", "MONTHS",
           "year_for", "year_of_weekday", "weekday_named", "resolve_anchored"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
"""English month names and abbreviations (lowercase) → month number."""
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}


def _month_alt() -> str:
    # Month words only capitalised (or all capitals): "march"/"may" as verbs
    # stay out. Only an abbreviation takes a full stop ("Aug. 11"): after a
    # full name it ends the sentence ("on 11 August.") and is no part of the date.
    full = {m.lower() for m in calendar.month_name[1:]}

    def forms(names) -> str:
        return "|".join(f for n in sorted(names, key=len, reverse=True) for f in (n.capitalize(), n.upper()))
    return rf"(?:(?:{forms(full)})(?![a-z])|(?:{forms(set(MONTHS) - full)})(?![a-z])\.?)"


_MONTH = _month_alt()
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"
_YEAR_CORE = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR = _YEAR_CORE + r"(?!\d)"
_AMPM = r"(?:[aApP]\.?\s?[mM]\.?(?![a-zA-Z]))"
_TIME = rf"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{_AMPM})?|(?:1[0-2]|0?[1-9])\s*{_AMPM})"
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_WD = "(?:" + "|".join(calendar.day_name) + ")"

_DMY = rf"(?:the\s+)?(?P<d1>{_DAY})(?:\s+of)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?"
_MDY = rf"(?P<m2>{_MONTH})\s+(?:the\s+)?(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_YEAR}))?"
_MY = rf"(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})"
_ISO = rf"(?<![\d/-])(?P<iy>{_YEAR_CORE})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?:[T ](?P<ih>[01]\d|2[0-3]):(?P<imi>[0-5]\d))?(?![\d-])"
_DATE = rf"(?:{_DMY}|{_MDY}|{_MY})"
# A date that may close a day range inside one month: the first day before a
# day-month date ("18–19 October", "5 to 9 March", "between 5 and 9 March") or
# the last day after a month-day date ("October 18-19"). Only in the pattern
# for a date alone (a range with a clock time is not read as one).
_DATE_RANGED = (
    rf"(?:(?:(?:(?<=[Bb]etween\s)(?P<da>{_DAY})\s+and|(?P<db>{_DAY})\s*(?:-|–|to))\s*)?{_DMY}|"
    rf"(?P<m2>{_MONTH})\s+(?:the\s+)?(?P<d2>{_DAY})(?:\s*[-–]\s*(?P<de>{_DAY}))?(?:,?\s+(?P<y2>{_YEAR}))?|{_MY})")
_MONTH_FULL = "(?:" + "|".join(calendar.month_name[1:]) + ")"

# Each pattern: (kind, regex, first characters a match can start with, words
# one of which the text must contain). Both are exact necessary conditions of
# the regex, used only for speed: the first-character lookahead lets the regex
# engine reject most positions at once (a Python regex that opens with an
# optional group or an alternation otherwise tries every branch at every
# position), and a pattern whose required words are all absent is not run.
# _ANCHORS adds, per kind, a regex every match contains (a month word, a
# weekday name, a year's digits, "the last"): a text without one is not
# scanned for that kind. tests/test_temporal.py checks that guarded and plain
# patterns agree.
_MONTH_FIRST = "JFMASOND"
_NUM_FIRST = "".join(sorted({w[0] for w in _NUMBERS} | {w[0].upper() for w in _NUMBERS}))
_PATTERN_SPECS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("iso", _ISO, "12", ("-",)),
    # "10:33 | 24 November 2020", "1 p.m. on 20 September"
    ("abs", rf"(?<![\w:])(?P<t0>{_TIME})\s*(?:\||,|-|–|—|on)?\s*{_DATE}", "0-9", ()),
    # "September 20, 2023 at 1:00 p.m.", "20 September 2023, 10:33"
    ("abs", rf"{_DATE}(?:,?\s*(?:at|,|-|–|—|\|)\s*)(?P<t1>{_TIME})", "0-9t" + _MONTH_FIRST, ()),
    # also a day range inside one month: "18–19 October", "between 5 and 9 March", "October 18-19"
    ("abs", rf"(?<![\w-]){_DATE_RANGED}", "0-9t" + _MONTH_FIRST, ()),
    # a month named alone where only a month can stand: "in March", "last October", "mid-May"
    # (the word before it is checked by _MONTH_BEFORE: a pattern opening with
    # the month name lets the engine skip to capital letters)
    ("month",
        rf"(?<![\w])(?P<m>{_MONTH_FULL})(?![\w'’])(?!\.?\s*\d)(?:\s+(?P<ry>(?i:last|this|next))\s+(?i:year)\b)?",
        "JFMASOND", ()),
    ("weekend", r"\b(?P<mod>(?i:last|this|next|over\s+the|at\s+the|on\s+the))\s+(?i:weekend)\b", "lLtTnNoOaA",
        ("weekend",)),
    ("interval",
        rf"(?i:(?:(?:over|in|during|for|within|throughout)\s+)?the\s+(?:last|past|previous)\s+)"
        rf"(?P<n>{_NUM})\s+(?P<u>(?i:day|week|month|year)s?)\b", "oOiIdDfFwWtT", ("last", "past", "previous")),
    ("ago", rf"\b(?P<n>(?i:{_NUM}))\s+(?P<u>(?i:day|week|month|year)s?)\s+(?i:ago)\b", "0-9" + _NUM_FIRST, ("ago",)),
    ("period", r"\b(?P<mod>(?i:last|this|next|earlier\s+this|later\s+this))\s+(?P<u>(?i:week|month|year))\b",
        "lLtTnNeE", ("week", "month", "year")),
    ("weekday",
        rf"\b(?:(?P<mod>(?i:last|this|next|past|coming|this\s+coming|on))\s+)?(?P<wd>{_WD})"
        rf"(?:\s+(?P<part>morning|afternoon|evening|night))?\b", "lLtTnNpPcCoOMWFS", ()),
    # "nine days later", "the next day", "the day before": counted from the
    # story's last date (the temporal focus), not from the reference date
    ("anchored",
        rf"\b(?P<n>(?i:{_NUM}))[\s-]+(?P<u>(?i:day|week|month|year)s?)\s+(?P<dir>(?i:later|earlier))\b",
        "0-9" + _NUM_FIRST, ("later", "earlier")),
    ("anchored",
        r"\b(?i:the)\s+(?:(?P<rel>(?i:next|following|previous|preceding))\s+"
        r"(?P<u2>(?i:day|morning|afternoon|evening|night))\b|"
        r"(?i:day)\s+(?P<dir2>(?i:before|after))\b(?![ \t]+[a-z]))",
        "tT", ("next", "following", "previous", "preceding", "before", "after")),
    ("word",
        r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|"
        r"this\s+(?:morning|afternoon|evening)|last\s+night))\b", "tTyYlL",
        ("yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night")),
    ("year",
        r"\b(?i:in|by|of|to|since|from|until|till|during|before|after|between|and|through|early|late)\s+"
        rf"(?P<y>{_YEAR})(?![\w%])|\bmid-(?P<y_>{_YEAR})", "iIbBoOtTsSfFuUdDaAeElLmM", ()),
]
# Characters that case-insensitive regex matching equates with an ASCII letter
# although str.lower() does not map them to it (dotted I, dotless i, long s,
# Kelvin sign): they join every first-character set (harmless where the
# pattern is case-sensitive), and a text holding one is scanned with every pattern.
_ODD_CASE_CHARS = "\u0130\u0131\u017f\u212a"
_ODD_CASE = re.compile(f"[{_ODD_CASE_CHARS}]")
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (k, re.compile(rf"(?=[{first}{_ODD_CASE_CHARS}]){rx}")) for k, rx, first, _w in _PATTERN_SPECS]
_REQUIRED: list[tuple[str, ...]] = [w for _k, _rx, _f, w in _PATTERN_SPECS]
# kind -> (regex, whether it is searched in the lowercased text, which is
# only done when the text holds none of _ODD_CASE_CHARS, as for required words).
_ANCHORS: dict[str, tuple[re.Pattern, bool]] = {
    "abs": (re.compile(_MONTH), False),  # the month word of every absolute date
    "month": (re.compile(_MONTH_FULL), False),
    "weekday": (re.compile(_WD), False),
    "year": (re.compile(_YEAR), False),
    "ago": (re.compile(r"\sago"), True),
    "interval": (re.compile(r"the\s+(?:last|past|previous)"), True),
}
# The position where each pattern next matches, found by a search that the
# regex engine runs as a plain scan for the first characters (a pattern that
# opens with a character set gets that fast path; one that opens with a
# lookahead, a word boundary or an optional group does not): the character is
# taken, the lookbehind steps back over it and the lookahead runs the pattern
# from there. See _matches.
_STARTS: list[re.Pattern] = [
    re.compile(rf"[{first}{_ODD_CASE_CHARS}](?<=(?={rx})[\s\S])") for _k, rx, first, _w in _PATTERN_SPECS]


def _has_anchor(kind: str, text: str, low: str | None) -> bool:
    """Whether ``text`` (``low``: its lowercased form, ``None`` when it holds
    odd-case letters) holds the ``_ANCHORS`` regex of ``kind``; True when that
    cannot be told (a lowercase anchor and no ``low``)."""
    anchor, lowered = _ANCHORS[kind]
    if not lowered:
        return anchor.search(text) is not None
    return low is None or anchor.search(low) is not None


def _matches(pat: re.Pattern, starts: re.Pattern, text: str):
    """``pat.finditer(text)``, faster: ``starts`` (the ``_STARTS`` entry of
    ``pat``) finds the next position where ``pat`` matches, and ``pat`` is
    matched there. As in ``finditer``, the search resumes at the end of each
    match (no pattern here matches the empty string)."""
    pos = 0
    while (hit := starts.search(text, pos)) is not None:
        m = pat.match(text, hit.start())
        yield m
        pos = m.end()


# Words after a bare year that show it counts something ("to 2000 people").
_FUNCTION_S = {"was", "has", "is", "as", "this", "thus", "its", "his", "hers", "yes", "plus", "whereas", "unless"}
_COUNT_NOUNS = {"people", "men", "women", "children", "police", "personnel", "staff", "million", "billion",
                "thousand", "hundred", "more", "fewer", "other", "new", "of", "per", "percent"}
_LABEL_LINE = re.compile(r"(?i)\b(?:published|posted|updated|modified|date|created)\b[^\n:|]{0,20}[:|]\s*$")
_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|would|could|might|to\s+be\s+held|to\s+hold|to\s+meet|scheduled|planned|plans?\s+to|"
    r"upcoming|expected\s+to|due\s+to|set\s+to|next)\b")


# Weekday direction (see the module docstring): prepositions that make a
# weekday a deadline or a start ahead of the reference date, future markers in
# the same clause before it, and past-perfect markers that keep it backward.
_FWD_PREP = re.compile(r"(?i)\b(?:until|till|til|by|from)\s+(?:(?:this|next|the)\s+)?$")
_FWD_ONWARDS = re.compile(r"(?i)^(?:\s+(?:morning|afternoon|evening|night))?\s+(?:onwards?|on\s*[.,;])")
_WD_FUTURE = re.compile(
    r"(?i)(?:\b(?:will|shall|won't|wo\s+n't)\b|'ll\b|\b(?:would|could|might)\b(?!\s+(?:not\s+)?have\b)|"
    r"\b(?:is|are|am|was|were|be|been)\s+(?:(?:due|expected|scheduled|slated)\b|(?:set|going)\s+to\b)|"
    r"\b(?:plans?|planning|intends?|intending|aims?|hopes?|promised|vowed|pledged)\s+to\b|"
    r"\b(?:scheduled|planned|upcoming|forthcoming)\b|\bto\s+be\s+held\b)")
_PAST_PERFECT = re.compile(r"(?i)\b(?:had|'d\s+(?:been|already))\b")
_INTENSIONAL = re.compile(
    r"(?i)\b(?:(?:invit(?:e|es|ed|ing|ations?)|summon(?:s|ed)?)\b(?:[\s,]+[\w'’-]+){0,5}?[\s,]+to|"
    r"(?:agree(?:s|d)?|decide(?:s|d)?|promis(?:e|es|ed)|pledge(?:s|d)?|vow(?:s|ed)?|intend(?:s|ed)?|plan(?:s|ned)?)"
    r"\s+to(?!\s+(?:a|an|the|its|their|his|her|our|this|that|these|those)\b))\b")
"""An intensional predicate (TimeML I_ACTION class: "invite", "agree to",
"promise to"; Saurí et al., TimeML Annotation Guidelines v1.2.1, 2006, §2.3.1)
and the complement it opens: the event of that complement lies after the
predicate's own time, and a weekday written after it attaches to that event
(right association, Kimball 1973; late closure, Frazier 1978): "accepted an
invitation to talks on Tuesday" dates the talks. "agree to" takes an
infinitive here, not a noun ("agreed to a truce on Tuesday" stays backward);
"call for" is left out ("called for calm on Sunday" is as often the call's day)."""
_MONTH_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?P<pre>in|since|until|till|by|from|for|during|through|before|after|early|late|last|next|"
    r"this|mid)(?:[ \t\n]+|-)$")
"""The word that lets a month stand alone ("in March", "mid-May"), searched in
the 12 characters before the month name."""
_MONTH_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|would|won't)\b|'ll\b|\b(?:is|are|am)\s+(?:due|expected|scheduled|planned|set|slated)\b")
"""Markers that put a month named alone ahead of the reference date ("will
reopen in March", "is scheduled for May"); a past "was scheduled for March"
keeps the month behind it."""
_CLAUSE_END = re.compile(r"[.;:!?\n“”\"«»]|\s[—–]\s")  # a quotation is its own clause


def _clause_window(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of ``start``'s clause before ``start`` (at most 100 characters)
    and after ``end`` (at most 100), cut at sentence or clause punctuation
    and at quotation marks."""
    left = text[max(0, start - 100):start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(left)]
    if cuts:
        left = left[cuts[-1]:]
    right = text[end:end + 100]
    m = _CLAUSE_END.search(right)
    if m:
        right = right[:m.start()]
    return left, right


def forward_weekday(text: str, start: int, end: int, mod: str | None = None) -> bool:
    """True when the weekday at ``text[start:end]`` points forward from the
    reference date (the nearest such day on or after it), False for a bare
    weekday (the most recent such day on or before it).

    Forward: ``mod`` "next"/"coming"/"this coming"; after an intensional
    predicate and its complement ("an invitation to talks on Tuesday",
    :data:`_INTENSIONAL`), even in a past-perfect clause; governed by "until",
    "till", "by", "from … onwards"; or a future marker ("will",
    "is due to", "is expected to", "plans to", "scheduled" …) earlier in the
    same clause. A past-perfect clause ("By Friday, 15 people had died") and
    "last"/"past" stay backward. Rule source: see the module docstring.
    """
    if mod in {"next", "coming", "this coming"}:
        return True
    if mod in {"last", "past"}:
        return False
    left, right = _clause_window(text, start, end)
    intensional = _last_end(_INTENSIONAL, left)
    perfect = _last_end(_PAST_PERFECT, left)
    if intensional > perfect:  # "he had invited the union to talks on Tuesday": the talks are ahead
        return True
    if perfect >= 0 or _PAST_PERFECT.search(right):
        return False
    m = _FWD_PREP.search(left)
    if m and not re.match(r"['’]s\b", right):  # "by Friday's shelling": an agent, not a deadline
        return not m.group(0).lower().startswith("from") or bool(_FWD_ONWARDS.match(right))
    return bool(_WD_FUTURE.search(left))


def _last_end(pattern: re.Pattern, text: str) -> int:
    """End offset of the last match of ``pattern`` in ``text``; -1 when none."""
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end


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
    """A weekday pointing forward from the reference date (:func:`forward_weekday`)."""

    @property
    def relative(self) -> bool:
        return self.kind in {"weekday", "word", "interval", "ago", "period", "weekend", "month"}

    @property
    def needs_year(self) -> bool:
        return self.kind in {"abs", "month"} and self.year is None


@dataclass
class Resolved:
    """ISO ``value`` (and ``end_value`` for an interval) at ``precision``."""

    value: str
    end_value: str | None
    precision: str
    relative: bool


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


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if d is None:
        return True
    y = y if y is not None else 2000  # a leap year: 29 February stays possible
    return d <= calendar.monthrange(y, m)[1]


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
        c.forward = c.mod not in {"last", "next"} and bool(_MONTH_FUTURE.search(_clause_window(text, m.start(), m.end())[0]))
    elif kind == "weekend":
        c.mod = " ".join(g["mod"].lower().split())
        c.forward = c.mod == "next" or (c.mod != "last" and forward_weekday(text, m.start(), m.end()))
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
        c.forward = forward_weekday(text, m.start("wd") if c.mod in {None, "on"} else m.start(), m.end(), c.mod)
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
    low = text.lower() if not _ODD_CASE.search(text) else None
    anchored: dict[str, bool] = {}
    for (kind, pat), starts, required in zip(_PATTERNS, _STARTS, _REQUIRED):
        if required and low is not None and not any(w in low for w in required):
            continue  # none of the words every match holds: no match
        if kind in _ANCHORS:
            if kind not in anchored:
                anchored[kind] = _has_anchor(kind, text, low)
            if not anchored[kind]:
                continue  # not the month word, weekday, year or words every match holds: no match
        for m in _matches(pat, starts, text):
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


def future_context(text: str, start: int) -> bool:
    """True when the words just before ``start`` (same sentence, 80 chars)
    put the expression in the future ("will be held on …", "agreed to hold … on")."""
    left = text[max(0, start - 80):start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
    if cut >= 0:
        left = left[cut + 1:]
    return bool(_FUTURE.search(left))


def iso(y: int, m: int | None = None, d: int | None = None, h: int | None = None, mi: int | None = None) -> str:
    """ISO 8601 text at the precision given: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM``."""
    s = f"{y:04d}"
    if m is not None:
        s += f"-{m:02d}"
        if d is not None:
            s += f"-{d:02d}"
            if h is not None:
                s += f"T{h:02d}:{(mi or 0):02d}"
    return s


def parse_iso(value: str | None) -> tuple[date | None, str | None]:
    """``(date, precision)`` of an ISO value; the date is the first day the
    value covers (``"2020-11"`` → 2020-11-01, ``"month"``). ``(None, None)``
    when the value is not ISO."""
    if not value:
        return None, None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?", value.strip())
    if not m:
        return None, None
    y, mo, d, h = m.group(1), m.group(2), m.group(3), m.group(4)
    try:
        dt = date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return None, None
    prec = "minute" if h else "day" if d else "month" if mo else "year"
    return dt, prec


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def year_for(month: int, day: int | None, ref: date | None, hint: int | None,
             weekday: int | None = None) -> int | None:
    """The year of a date written without one: ``hint`` (the year of the
    nearest full date in the same text) when given; else the reference date's
    year, one year earlier when the date would fall more than 7 days after it.

    ``weekday`` (Monday 0), when the text names the date's weekday ("Saturday,
    18 October"), picks among that year and the years on either side the one
    whose calendar puts the date on that weekday (:func:`year_of_weekday`).
    """
    if hint is not None:
        y = hint
    elif ref is None:
        return None
    else:
        y = ref.year
        try:
            if date(y, month, day or 1) > ref + timedelta(days=7):
                y -= 1
        except ValueError:
            return y
    return year_of_weekday(month, day, weekday, (y, y - 1, y + 1)) or y


def weekday_named(text: str) -> int | None:
    """The weekday (Monday 0) an expression's text opens with ("Saturday,
    18 October" → 5), or None."""
    m = re.match(_WD, text.strip())
    return _WEEKDAYS[m.group(0).lower()] if m else None


def year_of_weekday(month: int, day: int | None, weekday: int | None, years) -> int | None:
    """The first of ``years`` in which ``month``/``day`` falls on ``weekday``
    (Monday 0); ``None`` when none does or the weekday or day is unknown. The
    Gregorian calendar repeats a date's weekday only every 5, 6 or 11 years, so
    among neighbouring years the weekday names one."""
    if weekday is None or day is None:
        return None
    for y in years:
        try:
            if date(y, month, day).weekday() == weekday:
                return y
        except ValueError:
            continue
    return None


def resolve(c: Candidate, ref: date | None, year_hint: int | None = None) -> Resolved | None:
    """ISO value(s) of candidate ``c``.

    ``ref`` is the article's reference date (relative expressions need it and
    resolve to ``None`` without it); ``year_hint`` the year to give a date
    written without one (see :func:`year_for`).
    """
    k = c.kind
    if k in {"iso", "abs"}:
        y = c.year if c.year is not None else year_for(c.month, c.day, ref, year_hint, c.weekday)
        if y is None:
            return None
        if not _valid(y, c.month, c.day):
            return None
        if c.day is None:
            return Resolved(iso(y, c.month), None, "month", False)
        if c.day_end is not None:
            if not _valid(y, c.month, c.day_end):
                return None
            return Resolved(iso(y, c.month, c.day), iso(y, c.month, c.day_end), "day", False)
        if c.hour is not None:
            return Resolved(iso(y, c.month, c.day, c.hour, c.minute), None, "minute", False)
        return Resolved(iso(y, c.month, c.day), None, "day", False)
    if k == "year":
        return Resolved(iso(c.year), None, "year", False)
    if k == "month":
        return _resolve_month(c, ref, year_hint)
    if ref is None:
        return None
    if k == "word":
        off = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "last night": -1}.get(c.mod, 0)
        d = ref + timedelta(days=off)
        return Resolved(d.isoformat(), None, "day", True)
    if k == "weekday":
        if c.mod in {"next", "coming", "this coming"}:
            delta = (c.weekday - ref.weekday()) % 7 or 7
            d = ref + timedelta(days=delta)
        elif c.forward:
            d = ref + timedelta(days=(c.weekday - ref.weekday()) % 7)
        else:
            delta = (ref.weekday() - c.weekday) % 7
            if c.mod in {"last", "past"} and delta == 0:
                delta = 7
            d = ref - timedelta(days=delta)
        return Resolved(d.isoformat(), None, "day", True)
    if k == "interval":
        n = c.n or 1
        if c.unit == "day":
            return Resolved((ref - timedelta(days=n - 1)).isoformat(), ref.isoformat(), "day", True)
        if c.unit == "week":
            return Resolved((ref - timedelta(days=7 * n - 1)).isoformat(), ref.isoformat(), "day", True)
        if c.unit == "month":
            y, m = _add_months(ref.year, ref.month, -n)
            return Resolved(iso(y, m), iso(ref.year, ref.month), "month", True)
        return Resolved(iso(ref.year - n), iso(ref.year), "year", True)
    if k == "ago":
        n = c.n or 1
        if c.unit == "day":
            return Resolved((ref - timedelta(days=n)).isoformat(), None, "day", True)
        if c.unit == "week":
            return Resolved((ref - timedelta(days=7 * n)).isoformat(), None, "day", True)
        if c.unit == "month":
            y, m = _add_months(ref.year, ref.month, -n)
            return Resolved(iso(y, m), None, "month", True)
        return Resolved(iso(ref.year - n), None, "year", True)
    if k == "anchored":
        return None  # counted from another date of the text: resolve_anchored
    if k == "weekend":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)  # the last Saturday on or before ref
        if c.forward:
            saturday = ref + timedelta(days=(5 - ref.weekday()) % 7) if ref.weekday() < 5 else saturday
            if c.mod == "next" and ref.weekday() >= 5:
                saturday += timedelta(days=7)
        elif c.mod == "last" and ref.weekday() >= 5:
            saturday -= timedelta(days=7)
        return Resolved(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), "day", True)
    if k == "period":
        step = {"last": -1, "next": 1}.get(c.mod, 0)
        if c.unit == "year":
            return Resolved(iso(ref.year + step), None, "year", True)
        if c.unit == "month":
            y, m = _add_months(ref.year, ref.month, step)
            return Resolved(iso(y, m), None, "month", True)
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * step)
        end = monday + timedelta(days=6)
        if step == 0:
            end = ref
        return Resolved(monday.isoformat(), end.isoformat(), "day", True)
    return None


def resolve_anchored(c: Candidate, anchor: str, anchor_precision: str) -> Resolved | None:
    """ISO value of an ``anchored`` candidate ("nine days later", "the next
    day", "two weeks earlier") counted from ``anchor``, the ISO value of the
    date the story last fixed before it (its temporal focus: TIMEX3
    ``anchorTimeID``, Pustejovsky et al., TimeML Annotation Guidelines v1.2.1,
    2006, §2.2; the focus is the last date mentioned, Mani & Wilson 2000,
    "Robust temporal processing of news", ACL). Days and weeks need an anchor
    of day precision, months one of month precision or finer, years any.
    ``None`` when the anchor is too coarse for the unit."""
    d, prec = parse_iso(anchor)
    if d is None or c.kind != "anchored" or not c.n:
        return None
    sign = 1 if c.mod == "after" else -1
    if c.unit in {"day", "week"}:
        if anchor_precision not in {"day", "minute"}:
            return None
        days = c.n * (7 if c.unit == "week" else 1)
        return Resolved((d + timedelta(days=sign * days)).isoformat(), None, "day", True)
    if c.unit == "month":
        if anchor_precision == "year":
            return None
        y, m = _add_months(d.year, d.month, sign * c.n)
        return Resolved(iso(y, m), None, "month", True)
    return Resolved(iso(d.year + sign * c.n), None, "year", True)


def _resolve_month(c: Candidate, ref: date | None, year_hint: int | None) -> Resolved | None:
    """A month named alone ("in March", "last October", "mid-May"): with
    "last/this/next year" after it ("in February last year"), that year of
    ``ref``; else the year of a full date near it (``year_hint``); else
    counted from ``ref``: "last"
    the latest such month before the reference month, "next" the first after
    it, a future clause the first on or after it, otherwise the reference
    year (the year before when the month would lie ahead of it,
    :func:`year_for`). Month precision; ``None`` without hint or reference."""
    if c.mod in {"last year", "this year", "next year"}:
        if ref is None:
            return None
        step = {"last year": -1, "this year": 0, "next year": 1}[c.mod]
        return Resolved(iso(ref.year + step, c.month), None, "month", True)
    if year_hint is not None:
        return Resolved(iso(year_hint, c.month), None, "month", False)
    if ref is None:
        return None
    if c.mod == "last":
        y = ref.year if c.month < ref.month else ref.year - 1
    elif c.mod == "next":
        y = ref.year if c.month > ref.month else ref.year + 1
    elif c.forward:
        y = ref.year if c.month >= ref.month else ref.year + 1
    else:
        y = year_for(c.month, None, ref, None)
    return Resolved(iso(y, c.month), None, "month", True)
