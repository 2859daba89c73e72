"""Which way an expression without a full date points from the reference date.

Weekday arithmetic follows the TimeML/TIMEX3 convention for news
(Pustejovsky et al. 2006; Strötgen & Gertz, HeidelTime, 2013): a bare weekday
in past-tense news is the most recent such day on or before the reference
date. A weekday that is not bare points forward — governed by "until",
"till", "by", "next", "this coming", "from … onwards", or in a future clause
("will meet on Thursday", "is due to … on Friday", "plans to … Friday",
"before Friday" after a future verb): the nearest such day on or after the
reference date (TimeML/TIMEX3 guidelines v1.2.1, 2006, on the anchoring of
underspecified dates by tense; HeidelTime's tense-based weekday rules,
Strötgen & Gertz 2013). A past-perfect clause ("By Friday, 15 had died") stays
backward. After an intensional predicate (TimeML I_ACTION: "invited … to
talks on Tuesday") the weekday dates the complement's event, ahead.

The same clause reading sets the direction of a weekend ("over the weekend")
and of a month named alone ("will reopen in March"); :func:`future_context`
tells whether the words before an expression put it in the future.
"""
from __future__ import annotations

import re

_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|would|could|might|to\s+be\s+held|to\s+hold|to\s+meet|scheduled|planned|plans?\s+to|"
    r"upcoming|expected\s+to|due\s+to|set\s+to|next)\b")


# Weekday direction (see the module docstring): prepositions that make a
# weekday a deadline or a start ahead of the reference date, future markers in
# the same clause before it, and past-perfect markers that keep it backward.
_FWD_PREP = re.compile(r"(?i)\b(?:until|till|til|by|from)\s+(?:(?:this|next|the)\s+)?$")
_FWD_ONWARDS = re.compile(r"(?i)^(?:\s+(?:morning|afternoon|evening|night))?\s+(?:onwards?|on\s*[.,;])")
_WD_FUTURE = re.compile(
    r"(?i)(?:\b(?:will|shall|won't|wo\s+n't)\b|'ll\b|\b(?:would|could|might)\b(?!\s+(?:not\s+)?have\b)|"
    r"\b(?:is|are|am|was|were|be|been)\s+(?:(?:due|expected|scheduled|slated)\b|(?:set|going)\s+to\b)|"
    r"\b(?:plans?|planning|intends?|intending|aims?|hopes?|promised|vowed|pledged)\s+to\b|"
    r"\b(?:scheduled|planned|upcoming|forthcoming)\b|\bto\s+be\s+held\b)")
_PAST_PERFECT = re.compile(r"(?i)\b(?:had|'d\s+(?:been|already))\b")
_INTENSIONAL = re.compile(
    r"(?i)\b(?:(?:invit(?:e|es|ed|ing|ations?)|summon(?:s|ed)?)\b(?:[\s,]+[\w'’-]+){0,5}?[\s,]+to|"
    r"(?:agree(?:s|d)?|decide(?:s|d)?|promis(?:e|es|ed)|pledge(?:s|d)?|vow(?:s|ed)?|intend(?:s|ed)?|plan(?:s|ned)?)"
    r"\s+to(?!\s+(?:a|an|the|its|their|his|her|our|this|that|these|those)\b))\b")
"""An intensional predicate (TimeML I_ACTION class: "invite", "agree to",
"promise to"; Saurí et al., TimeML Annotation Guidelines v1.2.1, 2006, §2.3.1)
and the complement it opens: the event of that complement lies after the
predicate's own time, and a weekday written after it attaches to that event
(right association, Kimball 1973; late closure, Frazier 1978): "accepted an
invitation to talks on Tuesday" dates the talks. "agree to" takes an
infinitive here, not a noun ("agreed to a truce on Tuesday" stays backward);
"call for" is left out ("called for calm on Sunday" is as often the call's day)."""
_MONTH_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|would|won't)\b|'ll\b|\b(?:is|are|am)\s+(?:due|expected|scheduled|planned|set|slated)\b")
"""Markers that put a month named alone ahead of the reference date ("will
reopen in March", "is scheduled for May"); a past "was scheduled for March"
keeps the month behind it."""
_CLAUSE_END = re.compile(r"[.;:!?\n“”\"«»]|\s[—–]\s")  # a quotation is its own clause


def _clause_window(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of ``start``'s clause before ``start`` (at most 100 characters)
    and after ``end`` (at most 100), cut at sentence or clause punctuation
    and at quotation marks."""
    left = text[max(0, start - 100):start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(left)]
    if cuts:
        left = left[cuts[-1]:]
    right = text[end:end + 100]
    m = _CLAUSE_END.search(right)
    if m:
        right = right[:m.start()]
    return left, right


def forward_weekday(text: str, start: int, end: int, mod: str | None = None) -> bool:
    """True when the weekday at ``text[start:end]`` points forward from the
    reference date (the nearest such day on or after it), False for a bare
    weekday (the most recent such day on or before it).

    Forward: ``mod`` "next"/"coming"/"this coming"; after an intensional
    predicate and its complement ("an invitation to talks on Tuesday",
    :data:`_INTENSIONAL`), even in a past-perfect clause; governed by "until",
    "till", "by", "from … onwards"; or a future marker ("will",
    "is due to", "is expected to", "plans to", "scheduled" …) earlier in the
    same clause. A past-perfect clause ("By Friday, 15 people had died") and
    "last"/"past" stay backward. Rule source: see the module docstring.
    """
    if mod in {"next", "coming", "this coming"}:
        return True
    if mod in {"last", "past"}:
        return False
    left, right = _clause_window(text, start, end)
    intensional = _last_end(_INTENSIONAL, left)
    perfect = _last_end(_PAST_PERFECT, left)
    if intensional > perfect:  # "he had invited the union to talks on Tuesday": the talks are ahead
        return True
    if perfect >= 0 or _PAST_PERFECT.search(right):
        return False
    m = _FWD_PREP.search(left)
    if m and not re.match(r"['’]s\b", right):  # "by Friday's shelling": an agent, not a deadline
        return not m.group(0).lower().startswith("from") or bool(_FWD_ONWARDS.match(right))
    return bool(_WD_FUTURE.search(left))


def _last_end(pattern: re.Pattern, text: str) -> int:
    """End offset of the last match of ``pattern`` in ``text``; -1 when none."""
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end


def future_context(text: str, start: int) -> bool:
    """True when the words just before ``start`` (same sentence, 80 chars)
    put the expression in the future ("will be held on …", "agreed to hold … on")."""
    left = text[max(0, start - 80):start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
    if cut >= 0:
        left = left[cut + 1:]
    return bool(_FUTURE.search(left))
