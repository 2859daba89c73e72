"""A bare hour word ("at six o'clock") names no half of the day: it is read
from its sentence or a live-blog entry's stamp, else left unread
(:func:`rashomon.extract.times.clock_reading`)."""
from __future__ import annotations

import pytest

from rashomon.extract.times import clock_reading

ROWS = [
    ("The guards left at seven o'clock.", "", None, (None, False)),  # neither reading said
    ("The guards left at seven o'clock.", "On Friday evening the guards left at seven o'clock.", None,
     ("19:00", True)),  # the sentence says evening
    ("They left at seven o'clock.", "They left at seven o'clock this morning.", None, ("07:00", True)),
    ("The guards have left at seven o'clock.", "", "19:12", ("19:00", True)),  # the entry's stamp
    ("The guards have left at seven o'clock.", "", "08:30", ("07:00", True)),
    ("The guards left at seven o'clock in the evening.", "", None, ("19:00", True)),  # said in the clause
    ("The guards left at 7 p.m.", "", None, ("19:00", True)),
    ("The guards left after lunch.", "", None, (None, True)),  # no time of day
]


@pytest.mark.parametrize("text,context,stamp,expected", ROWS)
def test_clock_reading(text, context, stamp, expected):
    assert clock_reading(text, context, stamp) == expected
