"""Live-blog entry stamps (pure functions and the clause's tense on a parse)."""
from __future__ import annotations

import pytest

from rashomon.extract.stamps import stamp_before, stamps

BLOG = "Live: the harbour strike\n\n21:10\nThe pickets are leaving.\n\n19:45\nGuards have closed the gate.\n\n" \
       "18:02\nA crowd is gathering at the quay.\n"


def test_stamp_lines_of_a_live_blog():
    assert [c for _, c in stamps(BLOG)] == ["21:10", "19:45", "18:02"]


def test_one_time_alone_on_a_line_is_no_live_blog():
    assert stamps("Timetable\n\n09:30\nThe ferry leaves.\n") == []


@pytest.mark.parametrize("words, clock", [
    ("The pickets are leaving.", "21:10"),
    ("Guards have closed the gate.", "19:45"),
    ("A crowd is gathering at the quay.", "18:02"),
    ("Live: the harbour strike", None),  # before the first stamp
])
def test_the_stamp_of_the_entry_a_clause_lies_in(words, clock):
    assert stamp_before(stamps(BLOG), BLOG.index(words)) == clock


@pytest.mark.model
@pytest.mark.parametrize("sentence, clock", [
    ("Guards are moving into the yard.", "19:45"),
    ("Gas has been fired at the pickets.", "19:45"),
    ("Guards moved into the yard.", None),  # a simple past: not the entry's now
    ("At 17:05 the guards had put the number at nine.", "17:05"),  # a time of its own
])
def test_a_present_clause_of_an_entry_takes_its_stamp(nlp, sentence, clock):
    from rashomon.extract.claims import extract_claims
    from rashomon.types import Article

    text = f"Live\n\n21:10\nThe pickets are leaving the quay.\n\n19:45\n{sentence}\n\n18:02\nA crowd is gathering.\n"
    art = Article(id="a0", name="t.txt", path="t.txt", text=text)
    got = [c for c in extract_claims(art, nlp(text), []) if c.text.startswith(sentence[:12])]
    assert got and got[0].proposition.clock == clock
