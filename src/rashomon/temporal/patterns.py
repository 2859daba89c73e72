"""The lexicons and regular expressions :func:`~rashomon.temporal.find` scans with.

Month, weekday and number words; the building blocks of a date (day, month,
year, clock time); one pattern per kind of expression (``_PATTERN_SPECS``),
compiled with the guards that keep the scan fast (``_PATTERNS``,
``_REQUIRED``, ``_ANCHORS``, ``_STARTS``). Nothing here scans a text for
dates: the anchor tests only say whether a text may hold a kind at all.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable

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
# _ANCHORS adds, per kind, a test for what every match contains (a month word,
# a weekday name, a year's digits, "the last"): a text without it is not
# scanned for that kind. tests/test_temporal.py checks that guarded and plain
# patterns agree.
_YEAR_WORDS = ("in", "by", "of", "to", "since", "from", "until", "till", "during", "before", "after", "between",
               "and", "through", "early", "late")
"""The words a bare year is read after ("in 2019", "until 2030"): a year alone may be a count."""
_MID = "mid-"
_INTERVAL_WORDS = ("over", "in", "during", "for", "within", "throughout")
"""The words that may open an interval ("over the last two days")."""
_THE_LAST = r"the\s+(?:last|past|previous)"
_YEAR_RX = re.compile(r"[12](?:(?<=1)[6-9]|(?<=2)0)\d\d(?!\d)")
"""A year's four digits (not followed by a fifth): every ``year`` match holds
one. The same as :data:`_YEAR`, written to open with a character set, which
the regex engine scans for."""
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
        rf"(?i:(?:(?:{'|'.join(_INTERVAL_WORDS)})\s+)?{_THE_LAST}\s+)"
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
    ("year", rf"\b(?i:{'|'.join(_YEAR_WORDS)})\s+(?P<y>{_YEAR})(?![\w%])|\b{_MID}(?P<y_>{_YEAR})",
        "iIbBoOtTsSfFuUdDaAeElLmM", ()),
]
# Characters that case-insensitive regex matching equates with an ASCII letter
# although str.lower() does not map them to it (dotted I, dotless i, long s,
# Kelvin sign): they join every first-character set (harmless where the
# pattern is case-sensitive), and a text holding one is scanned with every pattern.
_ODD_CASE_CHARS = "\u0130\u0131\u017f\u212a"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (k, re.compile(rf"(?=[{first}{_ODD_CASE_CHARS}]){rx}")) for k, rx, first, _w in _PATTERN_SPECS]
_REQUIRED: list[tuple[str, ...]] = [w for _k, _rx, _f, w in _PATTERN_SPECS]


def has_odd_case(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_ODD_CASE_CHARS` (four substring
    tests: a regex character class is tried at every position)."""
    return any(ch in text for ch in _ODD_CASE_CHARS)


def _holds_any(words) -> Callable[[str], bool]:
    """Whether a text holds one of the literal ``words`` (as a regex
    alternation of them would find, but by substring tests, which are faster)."""
    words = tuple(words)
    return lambda text: any(w in text for w in words)


def _found(*rxs: re.Pattern) -> Callable[[str], bool]:
    """Whether one of the regexes ``rxs`` is found in a text."""
    return lambda text: any(rx.search(text) is not None for rx in rxs)


def _blank_start(text: str, k: int) -> int:
    """Where the run of whitespace ending at offset ``k`` of ``text`` starts
    (``k`` when none ends there), read 64 characters at a time: a text whose
    removed parts are blanked holds long runs of spaces."""
    while k > 0:
        seg = text[max(0, k - 64):k]
        kept = seg.rstrip()
        k -= len(seg) - len(kept)
        if kept:
            break
    return k


def _after_space(word: str, before: tuple[str, ...] = ("",)) -> Callable[[str], bool]:
    """Whether a text holds ``word`` after a run of whitespace (``\\s+``; at
    least one character) that follows one of the words ``before`` (``""``:
    anything): the regex ``(?:BEFORE)\\s+WORD``, found by a substring search
    for ``word`` and a look back from each occurrence (a regex opening with an
    alternation or a character class is tried at every position)."""
    def test(text: str) -> bool:
        i = text.find(word, 1)
        while i >= 0:
            j = _blank_start(text, i)
            if j < i and text.endswith(before, 0, j):
                return True
            i = text.find(word, i + 1)
        return False
    return test


_UNITS_BEFORE = tuple(f"{u}{s}" for u in ("day", "week", "month", "year") for s in ("", "s"))
_AFTER_LATER = _after_space("later", _UNITS_BEFORE)
_AFTER_EARLIER = _after_space("earlier", _UNITS_BEFORE)
_MONTH_AT = re.compile(rf"[{_MONTH_FIRST}](?<=(?={_MONTH})[\s\S])")
"""Each position where a month word (:data:`_MONTH`) starts, found as
:data:`_STARTS` finds a pattern's starts (see there); a hit takes one
character, so no month word hides another."""
_THE_LAST_RX = re.compile(_THE_LAST)
_THE_NEXT_DAY = re.compile(
    r"the\s+(?:(?:next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night)|day\s+(?:before|after))")
# kind -> (test, whether it reads the lowercased text, which is only made
# when the text holds none of _ODD_CASE_CHARS, as for required words). Each
# test says whether the text holds what every match of the kind holds.
_ANCHORS: dict[str, tuple[Callable[[str], bool], bool]] = {
    "abs": (_found(_MONTH_AT), False),  # the month word of every absolute date
    "month": (_holds_any(calendar.month_name[1:]), False),
    "weekday": (_holds_any(calendar.day_name), False),
    "year": (_found(_YEAR_RX), False),
    "ago": (_after_space("ago"), True),
    "interval": (_found(_THE_LAST_RX), True),
    # "earlier this" ends in "this"; one search per opening word (a regex
    # opening with a literal is searched for that literal first)
    "period": (_found(*(re.compile(rf"{w}\s+(?:week|month|year)") for w in ("last", "this", "next"))), True),
    # either pattern of the kind: "nine days later"; "the next day", "the day before"
    "anchored": (lambda low: _AFTER_LATER(low) or _AFTER_EARLIER(low) or _THE_NEXT_DAY.search(low) is not None,
                 True),
}

# The position where each pattern next matches, found by a search that the
# regex engine runs as a plain scan for the first characters (a pattern that
# opens with a character set gets that fast path; one that opens with a
# lookahead, a word boundary or an optional group does not): the character is
# taken, the lookbehind steps back over it and the lookahead runs the pattern
# from there. See rashomon.temporal.scanning._matches.
_STARTS: list[re.Pattern] = [
    re.compile(rf"[{first}{_ODD_CASE_CHARS}](?<=(?={rx})[\s\S])") for _k, rx, first, _w in _PATTERN_SPECS]

