"""HTML live blogs: each entry's ``<time>`` stamp is kept as its own line above the entry."""
from __future__ import annotations

import pytest

from rashomon.extract.stamps import stamp_before, stamps
from rashomon.ingest.html import extract

ENTRY = '<div class="entry"><time datetime="2031-05-02T{t}:00+02:00">{t}</time><p>{p}</p></div>'
PAGE = ("<html><head><title>Live: dock strike</title></head><body><article><h1>Live: dock strike</h1>"
        '<div class="byline">By Ana Rus · Started <time datetime="2031-05-02T09:00">09:00</time> · updated</div>'
        + "".join(ENTRY.format(t=t, p=p) for t, p in [
            ("21:10", "The pickets are leaving the quay after a long day of talks with the owners."),
            ("19:45", "Guards have closed the north gate of the depot and the crowd is growing fast."),
            ("18:02", "A crowd is gathering at the quay as the first lorries arrive at the depot."),
            ("16:30", "The union had named four o'clock as the hour of the first march on the depot."),
        ])
        + '<div class="entry"><header><time>15:05</time></header><div><p>The depot opened its gates '
          "to the first lorries of the morning shift.</p></div></div></article></body></html>")


@pytest.mark.parametrize("words, clock", [
    ("The pickets are leaving", "21:10"),
    ("Guards have closed", "19:45"),
    ("A crowd is gathering", "18:02"),
    ("The depot opened", "15:05"),  # the stamp in the entry's header
])
def test_an_entry_s_time_element_dates_the_entry(words, clock):
    text = extract(PAGE).text
    assert stamp_before(stamps(text), text.index(words)) == clock


def test_a_time_beside_other_words_is_no_stamp_line():
    text = extract(PAGE).text
    assert [c for _, c in stamps(text)] == ["21:10", "19:45", "18:02", "16:30", "15:05"]
    assert "09:00" not in text  # the byline's "Started 09:00 · updated"
