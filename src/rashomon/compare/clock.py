"""The ``time`` rule: times of day given for one act (a date contradiction of
de Marneffe, Rafferty & Manning 2008, "Finding Contradictions in Text").

A bare hour word ("at six o'clock") that its sentence or a live-blog stamp
does not read (:func:`rashomon.extract.times.clock_reading`) is compared by
both readings, and a reason shows the reading compared as one of two.
"""
from __future__ import annotations

from typing import Callable

from rashomon.compare.views import View
from rashomon.extract.propositions import STOP
from rashomon.extract.times import clock_times

TIME_WORDS = {"clock", "o'clock", "morning", "afternoon", "evening", "night", "midnight", "noon", "hour", "minute",
              "pm", "am", "p.m", "a.m", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight", "time", "day"}
CLOCK_GAP = 90  # minutes: "shortly after 6 p.m." and "six o'clock" agree; 18:00 and 00:40 do not


def _clocks(v: View) -> list[int]:
    """The times of day a claim names, in minutes after midnight; else the
    clock its proposition was dated by (a live-blog entry's stamp)."""
    found = clock_times(v.text)
    if v.clock:
        h, m = v.clock.split(":")
        own = int(h) * 60 + int(m)
        # a bare hour the sentence or the entry's stamp read one way ("six o'clock … in the evening")
        found = [t for t in found if t == own or (t + 720) % 1440 != own] or [own]
    return found


def compare_times(a: View, b: View, who: Callable[[View], str]) -> tuple[str, str, str | None] | None:
    """``("agrees"|"contradicts", reason, "date")`` for two claims of one
    predicate class that give times of day for one act on one thing (shared
    words or mentions beyond time words): readings at most ``CLOCK_GAP``
    minutes apart agree, farther ones contradict; a state ("was clear by
    01:20") and a negated act are not compared; ``who`` names a claim's
    holder in a reason. None when the rule does not apply."""
    # what the act was done to or by: the clause's words and nouns, its agent among them
    # ("police moved into the square" / "units began clearing the square")
    shared = ((a.words | a.mentions) & (b.words | b.mentions)) - STOP - TIME_WORDS
    if a.klass != b.klass or not shared or a.negative or b.negative or a.parts.copular or b.parts.copular:
        return None  # "the square was clear by 01:20" is a state, not the act
    ta, tb = _clocks(a), _clocks(b)
    if not ta or not tb or (a.article == b.article and not (clock_times(a.text) and clock_times(b.text))):
        return None  # one live blog's entries at two stamps report two moments of the story as it unfolds
    gap, x, y = min((min(abs(x - y), 1440 - abs(x - y)), x, y) for x in ta for y in tb)
    if gap <= CLOCK_GAP:
        return "agrees", f"same time: {_reading(a, x)} / {_reading(b, y)}", None
    return "contradicts", f"{who(a)}: {_reading(a, x)}; {who(b)}: {_reading(b, y)}", "date"


def _reading(v: View, minutes: int) -> str:
    """A time of day as a reason shows it: the reading compared ("18:00"),
    marked as one of two when the claim does not say morning or evening ("18:00 (or 06:00: "six o'clock", a.m. or p.m. not said)")."""
    shown_ = f"{minutes // 60:02d}:{minutes % 60:02d}"
    other = (minutes + 720) % 1440
    if v.clock or other not in clock_times(v.text):
        return shown_  # the time compared, of the claim's several ("set off at noon, arrived at 14:00")
    return f"{shown_} (or {other // 60:02d}:{other % 60:02d}: a.m. or p.m. not said)"
