"""The fast paths of the claim cue patterns find what the case-blind patterns find.

:class:`rashomon.extract.claim_cues.CuePattern` runs a lowercased pattern on the
lowercased text where that matches alike, and :func:`rashomon.extract.times.clock_times`
skips its time-of-day pattern on a text without a digit or a clock word; both must
give the very matches of the plain case-blind search.
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings, strategies as st

from rashomon.extract.claim_cues import CuePattern, lexicons
from rashomon.extract.times import _CLOCK_HINT, _may_name_clock, clock_times

_SEPARATORS = [" ", "  ", "\n", ", ", ". ", "’", "'", " “", "” ", " — ", "…", "-", " 5 ", "\u00a0", "é", "\u212a",
               "\u0130", "\u0131", "\u017f"]


def _patterns() -> dict[str, CuePattern]:
    lex = lexicons()
    found = {name: lex[name] for name in ("hedge", "deny", "report", "pseudo", "minimizer", "neg")}
    found.update({f"frame {name}": pat for name, pat, _ in lex["frames"]})
    found.update({f"affected {name}": pat for name, pat in lex["affected"]})
    return found


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def test_a_cue_is_found_whatever_its_case_and_read_back_as_written():
    hedge = lexicons()["hedge"]
    text = "The Governor said it was LIKELY that about 40 people had left."
    assert [m.group() for m in hedge.finditer(text)] == [m.group() for m in hedge.blind.finditer(text)]
    assert "LIKELY" in [m.group() for m in hedge.finditer(text)]
    masked = lexicons()["pseudo"].sub(lambda m: " " * len(m.group()), "It was not only the mill but the port.")
    assert masked == "It was " + " " * len("not only") + " the mill but the port."


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_cue_patterns_match_as_the_case_blind_search(data):
    patterns = _patterns()
    # the cues' words (a run of letters after a backslash is an escape, not a word)
    words = sorted({w for p in patterns.values() for w in re.findall(r"(?<!\\)\b[a-z]{2,}", p.pattern)})
    picked = data.draw(st.lists(st.tuples(st.sampled_from(words), st.sampled_from(_SEPARATORS), st.booleans()),
                                min_size=1, max_size=12))
    text = "".join((w.upper() if up else w) + sep for w, sep, up in picked)
    for pat in patterns.values():
        assert _spans(pat.finditer(text)) == _spans(pat.blind.finditer(text))
        assert pat.sub(lambda m: "#" * len(m.group()), text) == pat.blind.sub(lambda m: "#" * len(m.group()), text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789:. apmAPMclockidnghtyCLOCKIDNGHTY\u0130\u0131\u212a\u0660", max_size=14))
def test_the_clock_shortcut_never_hides_a_time_of_day(text):
    if _CLOCK_HINT.search(text):
        assert _may_name_clock(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789:. apmAPMclockidnghtyCLOCKIDNGHTY\u0130\u0131\u212a\u0660", max_size=14))
@example("at NOON")
@example("Midday")
@example("six o'Clock")
@example("\u0661:\u0660\u0665")
@example("6 P.M")
def test_the_clock_hint_is_found_where_its_plain_branches_are(text):
    """The clock hint, opening on its branches' first characters, is found in
    the same texts as the plain case-blind alternation."""
    plain = re.compile(r"(?i)\d[:.]\d|\d\s*[ap]\.?m|clock|midnight|noon|midday")
    assert bool(_CLOCK_HINT.search(text)) == bool(plain.search(text))


def test_clock_times_of_written_times():
    assert clock_times("at six o'clock in the evening") == [1080]
    assert clock_times("shortly after MIDNIGHT") == [0]
    assert clock_times("at 6 p.m. on Friday") == [1080]
    assert clock_times("no time of day here") == []
