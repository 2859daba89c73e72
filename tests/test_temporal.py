"""Finding and normalising temporal expressions (no spaCy needed)."""
from __future__ import annotations

from datetime import date

import pytest

from rashomon import temporal
from rashomon.temporal import patterns, scanning


def _one(text: str, ref: date | None, hint: int | None = None):
    found = temporal.find(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0], temporal.resolve(found[0], ref, hint)


@pytest.mark.parametrize("text,ref,span,value,end_value,precision", [
    # a Friday article's "on Friday" is that same day
    ("Hajiyev wrote on the X platform on Friday.", date(2023, 9, 22), "on Friday", "2023-09-22", None, "day"),
    # weekday across a year boundary: Monday 1 January 2024 → Friday 29 December 2023
    ("The talks began on Friday.", date(2024, 1, 1), "on Friday", "2023-12-29", None, "day"),
    ("We met last Monday.", date(2023, 9, 20), "last Monday", "2023-09-18", None, "day"),
    ("We met last Monday.", date(2023, 9, 18), "last Monday", "2023-09-11", None, "day"),
    ("They will meet next Tuesday.", date(2023, 9, 20), "next Tuesday", "2023-09-26", None, "day"),
    ("The footage was shared Tuesday on social media.", date(2020, 11, 24), "Tuesday", "2020-11-24", None, "day"),
    ("He issued a statement yesterday.", date(2024, 3, 1), "yesterday", "2024-02-29", None, "day"),
    ("As you've heard today, it ended.", date(2023, 9, 20), "today", "2023-09-20", None, "day"),
    ("Shelling resumed this morning.", date(2023, 9, 20), "this morning", "2023-09-20", None, "day"),
    ("Over the last two days, we acted.", date(2023, 9, 20), "Over the last two days", "2023-09-19", "2023-09-20", "day"),
    ("For the last three years, nothing moved.", date(2023, 9, 20), "For the last three years", "2020", "2023", "year"),
    ("It happened two weeks ago.", date(2023, 9, 20), "two weeks ago", "2023-09-06", None, "day"),
    ("Prices rose last month.", date(2023, 1, 10), "last month", "2022-12", None, "month"),
    ("On 20 September 2023, a briefing was held.", None, "20 September 2023", "2023-09-20", None, "day"),
    ("Held on September 19, 2023 in the capital.", None, "September 19, 2023", "2023-09-19", None, "day"),
    ("the trilateral statement of November 10th, 2020, after the war", None, "November 10th, 2020", "2020-11-10", None, "day"),
    ("a meeting on the 21st of September", date(2023, 9, 20), "the 21st of September", "2023-09-21", None, "day"),
    ("Measures were halted on September 20, 2023 at 1:00 p.m. local time.", None,
     "September 20, 2023 at 1:00 p.m.", "2023-09-20T13:00", None, "minute"),
    ("Published Date: 10:33 | 24 November 2020", None, "10:33 | 24 November 2020", "2020-11-24T10:33", None, "minute"),
    # an ISO date inside English text is read as ISO, never day-first or month-first
    ("The memo dated 2023-09-04 was leaked.", None, "2023-09-04", "2023-09-04", None, "day"),
    ("Tensions have run high since 1991 when it began.", None, "1991", "1991", None, "year"),
    ("Elections were held in September 2023.", None, "September 2023", "2023-09", None, "month"),
    ("On Friday, September 22, 2023, he posted.", None, "Friday, September 22, 2023", "2023-09-22", None, "day"),
])
def test_find_and_resolve(text, ref, span, value, end_value, precision):
    c, r = _one(text, ref)
    assert text[c.start:c.end] == span
    assert (r.value, r.end_value, r.precision) == (value, end_value, precision)


@pytest.mark.parametrize("text", [
    "They march on the capital.",
    "You may leave whenever you like.",
    "Do you see what I mean?",
    "He sat in the sun for a second.",
    "The operation lasted 23 hours and 51 minutes.",
    "March forward, the crowd shouted.",
    "Casualties rose from 200 to 2000 people.",
    "It lies 2023 metres above sea level in 2020 elections",
    "Article 4 of the statement",
])
def test_not_dates(text):
    assert temporal.find(text) == []


@pytest.mark.parametrize("text,ref,hint,value", [
    # the year comes from the nearest full date of the same text when given
    ("On Nov. 10, the two countries signed it.", date(2023, 9, 20), 2020, "2020-11-10"),
    # else from the reference date, one year back when it would fall far after it
    ("On Nov. 10, the two countries signed it.", date(2023, 9, 20), None, "2022-11-10"),
    ("When clashes erupted Sept. 27, the army moved.", date(2020, 11, 24), None, "2020-09-27"),
    ("On December 30 the talks failed.", date(2021, 1, 15), None, "2020-12-30"),
    ("A meeting on September 21 is planned.", date(2023, 9, 20), None, "2023-09-21"),
])
def test_missing_year(text, ref, hint, value):
    _c, r = _one(text, ref, hint)
    assert r.value == value


def test_relative_needs_reference_date():
    c, r = _one("He said so yesterday.", None)
    assert c.relative and r is None


def test_missing_year_without_any_anchor_stays_unresolved():
    _c, r = _one("On Nov. 10, the deal was signed.", None)
    assert r is None


@pytest.mark.parametrize("text,expected", [
    ("A meeting will be held on ", True),
    ("It has also agreed to hold a meeting on ", True),
    ("The talks were held on ", False),
    ("It ended. Then it will rain. They met on ", False),
])
def test_future_context(text, expected):
    assert temporal.future_context(text, len(text)) is expected


@pytest.mark.parametrize("value,expected", [
    ("2020-11-24T10:33", (date(2020, 11, 24), "minute")),
    ("2023-09-20", (date(2023, 9, 20), "day")),
    ("2020-11", (date(2020, 11, 1), "month")),
    ("1991", (date(1991, 1, 1), "year")),
    ("yesterday", (None, None)),
    (None, (None, None)),
])
def test_parse_iso(value, expected):
    assert temporal.parse_iso(value) == expected


# -- speed guards: the first-character lookaheads, required words and anchors
# of the patterns, and the start search of _matches, never change what find() returns.

_GUARD_TEXTS = [
    "On 20 September 2023, a briefing was held at 10:33 | 24 November 2020.",
    "It happened two weeks ago; six days ago; 3 months ago. For the last three years, nothing moved.",
    "Prices rose last month and earlier this year; next week they meet on Monday morning.",
    "Nine days later, the next morning and the following\nday; three-weeks earlier, THE DAY AFTER, the day "
    "before the vote, the previous night, Two Months Later, LATER THIS MONTH, earlier this week, this\nyear.",
    "the day before, the days after, the next days, a day later, later this, next weeks, Yesterday",
    "He spoke yesterday, today and tonight; the day before yesterday, last night, this afternoon.",
    "in 2019, by 2020, since 1999, mid-2021, between 1500 and 1600, to 2000 people, 2023-09-20T13:00",
    "the 21st of September, Sept. 3, MARCH 2020, Friday, September 22, 2023 at 1 p.m.",
    # characters that case-insensitive matching equates with ASCII letters
    "ın 2019 the laſt two days, ſix days ago, İn 2020 the paſt \u212aelvin week",
    "no date here at all, only words and 23 hours",
    # matches at the very start and end, across line breaks, next to other digits
    "Monday\nTuesday morning, in\n2020; mid-1999 and 12023 or 20233; MAY 5, 2021 Jan 1st, 2020-13-01 2020-02-30",
    "2023-09-20 Friday, 22 September, last monday, next Sunday until Friday 1 p.m. on 20 September 2023",
    "",
]


def _plain_find(monkeypatch, text):
    import re

    monkeypatch.setattr(scanning, "_PATTERNS", [(k, re.compile(rx)) for k, rx, _f, _w in patterns._PATTERN_SPECS])
    monkeypatch.setattr(scanning, "_REQUIRED", [() for _ in patterns._PATTERN_SPECS])
    monkeypatch.setattr(scanning, "_ANCHORS", {})
    monkeypatch.setattr(scanning, "_LOCATORS", {})
    monkeypatch.setattr(scanning, "_matches", lambda pat, starts, text, at=None: pat.finditer(text))
    scanning._find.cache_clear()
    try:
        return temporal.find(text)
    finally:
        monkeypatch.undo()
        scanning._find.cache_clear()


@pytest.mark.parametrize("text", _GUARD_TEXTS)
def test_guards_keep_results(monkeypatch, text):
    scanning._find.cache_clear()
    assert temporal.find(text) == _plain_find(monkeypatch, text)


def test_guards_keep_results_on_corpus(monkeypatch, corpus_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))]
    assert texts
    for text in texts:
        scanning._find.cache_clear()
        guarded = temporal.find(text)
        assert guarded == _plain_find(monkeypatch, text)
    assert sum(len(temporal.find(t)) for t in texts) > 20  # the corpus has dates to compare


def test_odd_case_letters_still_match():
    # "laſt" matches "last" case-insensitively; the required-word test must not skip it
    found = temporal.find("Over the laſt two days, we acted.")
    assert [c.kind for c in found] == ["interval"] and found[0].n == 2


def test_no_pattern_matches_the_empty_string():
    # _matches resumes each search at the end of the last match, as finditer
    # does for matches that are not empty
    for text in _GUARD_TEXTS:
        for (_kind, pat) in patterns._PATTERNS:
            assert all(m.end() > m.start() for m in pat.finditer(text))


@pytest.mark.parametrize("text,ref,hint,value", [
    # the weekday written before a date without a year picks the year (18 October was a Saturday in 2025)
    ("On Saturday, 18 October, crowds gathered.", None, 2024, "2025-10-18"),
    ("On Saturday, 18 October, crowds gathered.", None, 2025, "2025-10-18"),
    ("On Saturday, 18 October, crowds gathered.", date(2026, 1, 12), None, "2025-10-18"),
    # no year within one of the hint puts it on that weekday: the hint stands
    ("On Monday, 18 October, crowds gathered.", None, 2025, "2025-10-18"),
    # no weekday: the hint
    ("On 18 October, crowds gathered.", None, 2024, "2024-10-18"),
])
def test_year_of_a_date_from_its_weekday(text, ref, hint, value):
    c, r = _one(text, ref, hint)
    assert r.value == value


@pytest.mark.parametrize("text,anchor,precision,value", [
    ("Nine days later, the deal was signed.", "2019-03-05", "day", "2019-03-14"),
    ("The next day, the river fell.", "2023-06-06", "day", "2023-06-07"),
    ("The following morning the roads reopened.", "2023-12-31T22:00", "minute", "2024-01-01"),
    ("Two weeks earlier, he had resigned.", "2024-03-20", "day", "2024-03-06"),
    ("The day before, the mayor had warned them.", "2024-03-01", "day", "2024-02-29"),
    ("Three months later, the plant reopened.", "2022-11", "month", "2023-02"),
    ("Two years later it closed.", "2017", "year", "2019"),
    # a day cannot be counted from a month or a year
    ("A day later it closed.", "2017-05", "month", None),
])
def test_anchored_expressions_count_from_the_anchor(text, anchor, precision, value):
    c = temporal.find(text)[0]
    assert c.kind == "anchored"
    assert temporal.resolve(c, date(2030, 1, 1)) is None  # never counted from the reference date
    r = temporal.resolve_anchored(c, anchor, precision)
    assert (r.value if r else None) == value


@pytest.mark.parametrize("text", [
    "the day before the vote",        # anchored on the vote, not on the last date
    "two days after the explosion",
    "the day before yesterday",       # relative to the reference date
])
def test_not_anchored(text):
    assert not [c for c in temporal.find(text) if c.kind == "anchored"]


THU = date(2024, 5, 16)  # a Thursday


@pytest.mark.parametrize("text,ref,hint,span,value,end", [
    # day ranges inside one month (TIMEX3 begin and end)
    ("Talks ran 18–19 October 2023 in Geneva.", None, None, "18–19 October 2023", "2023-10-18", "2023-10-19"),
    ("Ballots were counted between 5 and 9 March 2024.", None, None, "5 and 9 March 2024", "2024-03-05", "2024-03-09"),
    ("Between 3 and 6 June 2022, the ferries stayed in port.", None, None, "3 and 6 June 2022", "2022-06-03",
     "2022-06-06"),
    ("The fair runs from 5 to 9 March.", THU, None, "5 to 9 March", "2024-03-05", "2024-03-09"),
    ("Talks ran October 18-19, 2023, in Geneva.", None, None, "October 18-19, 2023", "2023-10-18", "2023-10-19"),
    # a month named alone where only a month can stand
    ("The shutdown was scheduled for March.", THU, None, "for March", "2024-03", None),
    ("It will reopen in March.", THU, None, "in March", "2025-03", None),
    ("They met last October.", THU, None, "last October", "2023-10", None),
    ("Prices rose in mid-May.", THU, None, "mid-May", "2024-05", None),
    ("Troops arrived in February last year.", THU, None, "in February last year", "2023-02", None),
    ("In January it was cancelled.", None, 2021, "In January", "2021-01", None),
    # the weekend
    ("Cargo was handled over the weekend.", THU, None, "over the weekend", "2024-05-11", "2024-05-12"),
    ("They will rest this weekend.", THU, None, "this weekend", "2024-05-18", "2024-05-19"),
    ("The plant reopened last weekend.", date(2024, 5, 19), None, "last weekend", "2024-05-11", "2024-05-12"),
])
def test_ranges_months_and_weekends(text, ref, hint, span, value, end):
    c, r = _one(text, ref, hint)
    assert text[c.start:c.end].rstrip(".") == span
    assert (r.value, r.end_value) == (value, end)


@pytest.mark.parametrize("text", [
    "May I ask a question?",
    "Theresa May said no.",
    "Confidence in May’s cabinet fell.",
    "They march in protest.",
])
def test_month_words_that_are_not_months(text):
    assert not [c for c in temporal.find(text) if c.kind == "month"]


def test_two_days_joined_by_and_are_no_range():
    # "on 5 and 9 March" names two days; only "between" makes "and" a range
    found = temporal.find("Strikes were held on 5 and 9 March 2024.")
    assert [(c.text, c.day_end) for c in found] == [("9 March 2024", None)]


@pytest.mark.parametrize("text,span", [
    ("The library closed on 4 February.", "4 February"),      # the sentence's full stop stays out
    ("It reopened in June. Readers came back.", "in June"),
    ("The vote is set for Feb. 9, 2027.", "Feb. 9, 2027"),    # an abbreviation keeps its own
    ("The vote was held on 9 Sept.", "9 Sept."),
])
def test_full_stop_after_a_month(text, span):
    assert [c.text for c in temporal.find(text)] == [span]


def test_a_number_before_a_month_and_year_opens_no_range():
    # a range needs a day on both sides: the month and year still count alone,
    # and a clock time never opens or closes a range
    found = temporal.find("Fares rose from 5 to March 2024 levels.")
    assert [(c.text, c.day, c.day_end) for c in found] == [("March 2024", None, None)]
    found = temporal.find("The vote closed at 18:00 on October 18, 2023.")
    assert [(c.text, c.day, c.day_end, c.hour) for c in found] == [("18:00 on October 18, 2023", 18, None, 18)]
