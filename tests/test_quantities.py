"""Quantities: numbers, qualifiers, units; what is not a quantity."""
from __future__ import annotations

import pytest

from rashomon.extract.quantities import compatible, find_quantities
from rashomon.types import Quantity


def q1(text):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize("text,value,approx,high,unit,of", [
    ("eight peacekeepers may have been killed", 8, None, None, "peacekeepers", "killed"),
    ("over 200 people killed", 200, "over", None, "people", "killed"),
    ("more than 400 wounded", 400, "over", None, None, "wounded"),
    ("at least seven dead", 7, "at least", None, None, "killed"),
    ("some 300 refugees", 300, "about", None, "refugees", "refugees"),
    # a group of people named after modifiers; a verb after "as" is no counted noun
    ("Forty-two border police officers were hurt", 42, None, None, "officers", "officers"),
    ("the tally climbs to six as divers recover missing anglers", 6, None, None, None, "missing"),
    ("nearly 300 settlements", 300, "about", None, "settlements", "settlements"),
    ("several hundred civilians", 300, "several", 900, "civilians", "civilians"),
    ("dozens of people were wounded", 24, "dozens", 99, "people", "wounded"),
    ("between five and six hours", 5, "range", 6, "hours", "duration"),
    ("five or six people", 5, "range", 6, "people", "people"),
    ("thirty two soldiers", 32, None, None, "soldiers", "soldiers"),
    ("a hundred and two villages", 102, None, None, "villages", "villages"),
    ("612 500 tonnes of grain", 612500, None, None, "tonnes", "tonnes"),
    ("1,200 troops", 1200, None, None, "troops", "troops"),
    ("1.5 million people", 1_500_000, None, None, "people", "people"),
    ("which lasted 23 hours and 51 minutes", 23.85, None, None, "hours", "duration"),
    ("which lasted 23 hours and…", 23, "at least", None, "hours", "duration"),
    ("two servicemen of the army were injured", 2, None, None, "servicemen", "wounded"),
])
def test_quantity(text, value, approx, high, unit, of):
    q = q1(text)
    assert q.value == pytest.approx(value)
    assert q.approx == approx
    assert q.high == high
    assert q.unit == unit
    assert q.of == of
    assert text[q.start:q.end] == q.text


def test_second_figure_inherits_unit_and_offsets_follow_base():
    qs = find_quantities("with over 200 people killed and more than 400 wounded", base=100)
    assert [(q.value, q.approx, q.unit, q.of) for q in qs] == [
        (200, "over", "people", "killed"), (400, "over", "people", "wounded")]
    assert qs[0].start == 100 + len("with ")


@pytest.mark.parametrize("text", [
    "since 1991 when the war began",
    "the trilateral statement of November 10th, 2020",
    "halted on September 20, 2023 at 1:00 p.m.",
    "on 19 September the shelling began",
    "When new clashes erupted Sept. 27, fighting resumed",
    "which enshrines in Article 4 that troops withdraw",
    "Question 1 was about the corridor",
    "call +994 12 555 12 34 for details",
    "the price was USD103.43 today",
    "the 44-Day War ended",
    "One commander told them to stay",
    "the 21st September meeting",
    # a multiplier or a frequency counts nothing
    "miners die at four times the rate of office staff",
    "the depot was shelled three times overnight",
])
def test_not_a_quantity(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("a,b,ok", [
    (Quantity(value=7, approx="at least"), Quantity(value=9), True),
    (Quantity(value=7), Quantity(value=9), False),
    (Quantity(value=200, approx="over"), Quantity(value=250), True),
    (Quantity(value=200, approx="over"), Quantity(value=150), False),
    (Quantity(value=5, approx="range", high=6), Quantity(value=6), True),
    (Quantity(value=300, approx="about"), Quantity(value=310), True),
    (Quantity(value=23, approx="at least"), Quantity(value=23.85), True),
])
def test_compatible(a, b, ok):
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


def test_hedged_range_age_and_clock_time():
    from rashomon.extract.quantities import find_quantities

    (q,) = find_quantities("Six, perhaps seven, miners died.")
    assert (q.value, q.approx, q.high) == (6, "range", 7)
    assert find_quantities("The body of Jonas Weber, 41, a driver, was found.") == []
    assert find_quantities("The bells rang at six o'clock.") == []
    (q,) = find_quantities("Two of the divers lost their lives.")
    assert (q.value, q.unit) == (2, "divers")


def test_plain_words_gate_reads_as_the_full_scan():
    """The letter runs of a plain clause pass a text without a number word at once,
    and find what the scan finds in one with it (an apostrophe leaves it to the scan)."""
    from rashomon.extract.claim_cues import _LETTERS, _plain_words

    for text in ("The mayor rejected the invitation.", "Often the tension eased.",
                 "Some two hundred residents left, a dozen stayed.", "Several thousand marched at ten o'clock.",
                 "Dozens were hurt in the crush.", "the o'Ten people"):
        words = _plain_words(text, _LETTERS.findall(text))
        assert find_quantities(text, 7, words) == find_quantities(text, 7)
    assert find_quantities("Often the tension eased.", 0, {"often", "the", "tension", "eased"}) == []
    (dozen,) = find_quantities("Dozens were hurt in the crush.", 0, {"dozens", "were", "hurt", "in", "the", "crush"})
    assert (dozen.value, dozen.high) == (24, 99)
