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

Where the text is parsed, the tense of the verb the expression modifies
overrules the clause reading (:func:`governing_tense`,
:func:`governed_forward`): "The city will rebuild the pier, the mayor said on
Tuesday" dates the past "said", and "Work starts in April" (a futurate
present) or "will start in April" point to the next April, "started in April"
to the last.
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
    weekday (the most recent such day on or before it): whether
    :func:`weekday_rule` names one of :data:`FORWARD_RULES`."""
    return weekday_rule(text, start, end, mod) in FORWARD_RULES


FORWARD_RULES = frozenset({"modifier ahead", "intensional", "deadline", "future clause"})
"""The rules of :func:`weekday_rule` that point a weekday forward."""


def weekday_rule(text: str, start: int, end: int, mod: str | None = None) -> str:
    """The rule that sets the direction of the weekday at ``text[start:end]``.

    Forward (:data:`FORWARD_RULES`): ``"modifier ahead"`` (``mod``
    "next"/"coming"/"this coming"); ``"intensional"`` (after an intensional
    predicate and its complement, "an invitation to talks on Tuesday",
    :data:`_INTENSIONAL`, even in a past-perfect clause); ``"deadline"``
    (governed by "until", "till", "by", "from … onwards"); ``"future
    clause"`` (a future marker — "will", "is due to", "is expected to",
    "plans to", "scheduled" … — earlier in the same clause; the weekday's own
    verb may overrule it, :func:`governed_forward`). Backward:
    ``"modifier back"`` ("last"/"past"), ``"past perfect"`` ("By Friday, 15
    people had died"), ``"bare"`` (none of these). Rule source: see the
    module docstring.
    """
    if mod in {"next", "coming", "this coming"}:
        return "modifier ahead"
    if mod in {"last", "past"}:
        return "modifier back"
    left, right = _clause_window(text, start, end)
    intensional = _last_end(_INTENSIONAL, left)
    perfect = _last_end(_PAST_PERFECT, left)
    if intensional > perfect:  # "he had invited the union to talks on Tuesday": the talks are ahead
        return "intensional"
    if perfect >= 0 or _PAST_PERFECT.search(right):
        return "past perfect"
    m = _FWD_PREP.search(left)
    if m and not re.match(r"['’]s\b", right):  # "by Friday's shelling": an agent, not a deadline
        if not m.group(0).lower().startswith("from") or _FWD_ONWARDS.match(right):
            return "deadline"
        return "bare"
    return "future clause" if _WD_FUTURE.search(left) else "bare"


_DEP_ADVERBIAL = frozenset({"npadvmod", "tmod", "obl", "advmod"})
"""Dependency labels of a bare noun phrase that modifies a verb ("met Tuesday")."""
_SUBJECT = frozenset({"nsubj", "nsubjpass", "expl"})
_REFUSAL = frozenset({"would", "could"})
"""Modals that, negated, report a past refusal or inability ("wouldn't say
Tuesday", "could not confirm on Monday": volitional and ability *would*/*could*,
Quirk et al. 1985, §4.59-4.61), not a future."""
_PLANNABLE = frozenset({
    "start", "begin", "open", "reopen", "close", "end", "finish", "resume", "restart", "launch", "kick",
    "hold", "host", "meet", "convene", "vote", "sit", "hear", "rule", "decide", "debate", "face", "play",
    "leave", "depart", "arrive", "return", "travel", "visit", "fly", "sail", "go", "head", "come",
    "take", "expire", "run", "reconvene", "stage", "celebrate",
})
"""Verbs whose simple present may be futurate: events that can be planned or
scheduled ("The ferry sails on Friday", "Work starts in April"; a futurate
present needs a plannable event, Dowty 1979, *Word Meaning and Montague
Grammar*, §3.8; Copley 2009, *The Semantics of the Future*, ch. 2), and the
copula of a scheduled date ("The vote is on Friday"). A stative present
("the poll shows", "the figure follows") keeps no direction."""
_SCHEDULED_PASSIVE = frozenset({"held", "scheduled", "planned", "expected", "set", "slated", "due", "timed"})
"""Participles of a present passive that schedule the event ("is held on
Friday", "is expected in May"); another present passive ("are counted
Tuesday") keeps no direction."""
_HAVE = frozenset({"have", "has", "had", "'ve", "’ve", "having"})
"""Forms of the perfect auxiliary (matched on the word: the pipeline has no lemmatizer)."""


def governing_tense(doc, start: int, end: int) -> str | None:
    """Tense of the verb the date expression at ``doc`` characters
    ``[start, end)`` modifies directly: ``"past"``, ``"present"``,
    ``"future"`` or ``None``.

    The expression must hang on the verb itself — as a preposition's object
    ("said on Tuesday", "starts in April") or a bare noun phrase ("met
    Tuesday") — not on a noun ("talks on Tuesday"): the verb a temporal
    adverbial attaches to is the event it anchors (TimeML TLINK between a
    TIMEX3 and the EVENT it modifies, Pustejovsky et al. 2003; Reichenbach
    1947: the adverbial fixes that event's time, and its tense orders that
    time before or after the speech time). ``"future"``: a modal auxiliary
    ("will", "would", "could"; "would have" is ``"past"``); ``"past"``: a
    past form (VBD), a perfect ("has/had closed") or a past auxiliary
    ("was held", "did"); ``"present"``: a present form or auxiliary
    ("starts", "is held"; a progressive, "are hailing the speech on
    Thursday", is as often an event in progress and gives ``None``) — the
    futurate present of a scheduled event
    (Dowty 1979; Copley, *The Semantics of the Future*, 2009), for a
    plannable verb only (:data:`_PLANNABLE`, :data:`_SCHEDULED_PASSIVE`: not
    "says on Tuesday", "a poll in June shows"); a negated "would"/"could" is
    a past refusal (:data:`_REFUSAL`). ``None``: an infinitive or participle without auxiliary
    ("to meet on Friday", "scheduled for May": their time is their
    matrix's), a present form without a subject of its own ("less than
    forecast in July": a participle the tagger read as present), a noun head,
    a verb the expression is parted from by another verb or a subordinating
    word ("grow less than forecast in July": the nearer clause may own it;
    right association, Kimball 1973), or no span at those offsets. An
    expression between a verb and the subject of that verb's complement
    clause ("told voters this weekend he would vote") belongs to the verb
    already open, not to the complement (late closure, Frazier 1978),
    whatever the parser attached it to.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _governing_verb(span) if span is not None and len(span) else None
    return None if verb is None else _tense(verb)


def _governing_verb(span):
    """The verb the date span modifies directly (see :func:`governing_tense`), or None."""
    tok = span.root
    if not (tok.pos_ == "ADP" and tok.dep_ == "prep" or tok.dep_ in _DEP_ADVERBIAL):
        return None
    verb = tok.head
    if verb.dep_ == "ccomp" and any(c.dep_ in _SUBJECT and c.i >= span.end for c in verb.children):
        verb = verb.head  # "told voters this weekend he would …": before the complement's subject
    if verb.pos_ not in {"VERB", "AUX"} or span.start <= verb.i < span.end:
        return None
    between = verb.doc[min(verb.i + 1, span.end):max(verb.i, span.start)]
    if any(t.dep_ == "mark" or t.pos_ in {"VERB", "AUX"} for t in between):
        return None  # a clause opens between them: the parser's high attachment is not trusted
    return verb


def _tense(verb) -> str | None:
    """``"past"``, ``"present"``, ``"future"`` or None for ``verb`` from its
    auxiliaries and its tag (see :func:`governing_tense`)."""
    auxes = [a for a in verb.children if a.dep_ in {"aux", "auxpass"}]
    perfect = any(a.lower_ in _HAVE for a in auxes)
    if any(a.tag_ == "MD" for a in auxes):
        refused = any(c.dep_ == "neg" for c in verb.children) and any(a.lower_ in _REFUSAL for a in auxes)
        return "past" if perfect or refused else "future"
    if any(a.tag_ == "TO" for a in auxes):
        return None
    if perfect or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.tag_ in {"VBZ", "VBP"} for a in auxes):  # "are hailing … on Thursday" is as often now
        return "present" if verb.tag_ != "VBG" and verb.lower_ in _SCHEDULED_PASSIVE else None
    if auxes:
        return None
    if verb.tag_ == "VBD":
        return "past"
    return "present" if verb.tag_ in {"VBZ", "VBP"} and _has_subject(verb) and _plannable(verb.lower_) else None


def _plannable(form: str) -> bool:
    """Whether a present form ("starts", "goes", "hold", "is") is the copula or one of :data:`_PLANNABLE`."""
    return (form in _PLANNABLE or form in {"is", "are", "am"} or form[-1:] == "s" and form[:-1] in _PLANNABLE
            or form[-2:] == "es" and form[:-2] in _PLANNABLE)


def _has_subject(verb) -> bool:
    """Whether ``verb`` has a subject of its own or shares that of the verb it
    is coordinated with ("begins Monday and ends in June")."""
    while True:
        if any(c.dep_ in _SUBJECT for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head is verb:
            return False
        verb = verb.head


def governed_forward(kind: str, rule: str | None, tense: str | None) -> bool | None:
    """The direction the governing verb's ``tense`` (:func:`governing_tense`)
    gives an expression of ``kind`` whose direction was set by ``rule``
    (:func:`weekday_rule`; for a month named alone ``"future clause"`` or
    ``"bare"``): True forward, False backward, ``None`` to keep the text
    rule's direction.

    Only the clause rules yield to the verb: a future marker elsewhere in the
    sentence ("The city will rebuild the pier, the mayor said on Tuesday":
    the weekday dates "said") no longer turns a weekday on a past verb ahead,
    and a present or future verb ("Work starts in April") turns one ahead. A
    modifier ("next", "last"), a deadline ("until") or an intensional
    predicate keeps its own direction."""
    if tense is None or rule not in {"future clause", "bare"} or kind not in {"weekday", "weekend", "month"}:
        return None
    return tense != "past"


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
