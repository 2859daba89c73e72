"""Resolving a :class:`~rashomon.temporal.Candidate` into ISO 8601 values.

:func:`resolve` against the article's reference date and a year hint,
:func:`resolve_anchored` from another date of the text ("nine days later"),
and the calendar helpers they share: :func:`iso`, :func:`parse_iso`,
:func:`year_for`, :func:`year_of_weekday`, :func:`weekday_named`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rashomon.temporal.patterns import _WD, _WEEKDAYS

if TYPE_CHECKING:
    from rashomon.temporal.scanning import Candidate

@dataclass
class Resolved:
    """ISO ``value`` (and ``end_value`` for an interval) at ``precision``."""

    value: str
    end_value: str | None
    precision: str
    relative: bool



def _valid(y: int | None, m: int, d: int | None) -> bool:
    if d is None:
        return True
    y = y if y is not None else 2000  # a leap year: 29 February stays possible
    return d <= calendar.monthrange(y, m)[1]



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
