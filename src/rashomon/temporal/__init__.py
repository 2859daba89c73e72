"""Finding and normalising date and time expressions in English text.

Two steps, both pure functions of text, each in a module of its own:

* :func:`find` (:mod:`~rashomon.temporal.scanning`) scans a text with
  rashomon's own patterns (:mod:`~rashomon.temporal.patterns`) and returns
  :class:`Candidate` spans (absolute dates, ISO dates, years after a
  preposition, weekdays, relative words, intervals such as "the last two
  days"). A month word counts only next to a day number or a year and only
  capitalised ("they march", "may", "Do" are not dates); a bare number
  ("23 hours") never is.
* :func:`resolve` (:mod:`~rashomon.temporal.resolution`) turns one candidate
  into ISO values against a reference date (``datetime.date``) and a year
  hint for dates written without a year.

Which way a weekday, a weekend or a month named alone points from the
reference date (back for a bare weekday in past-tense news, forward after
"until", "next", a future verb or an intensional predicate) is decided in
:mod:`~rashomon.temporal.direction`, with its rule sources.

Values follow ISO 8601 at the precision the text supports: ``YYYY``,
``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.
"""
from __future__ import annotations

from rashomon.temporal.direction import forward_weekday, future_context, governed_forward, governing_tense, weekday_rule
from rashomon.temporal.patterns import _WEEKDAYS, MONTHS  # noqa: F401  (_WEEKDAYS: read by timeline and event_labels)
from rashomon.temporal.resolution import (
    Resolved, iso, parse_iso, resolve, resolve_anchored, weekday_named, year_for, year_of_weekday,
)
from rashomon.temporal.scanning import Candidate, find

__all__ = ["Candidate", "Resolved", "find", "resolve", "iso", "parse_iso", "future_context", "forward_weekday",
           "weekday_rule", "governing_tense", "governed_forward", "MONTHS",
           "year_for", "year_of_weekday", "weekday_named", "resolve_anchored"]
