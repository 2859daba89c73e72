"""How a structure was destroyed: from inside or from outside.

A claim that says a dam, a bridge or a plant was blown up "from inside" (an
"internal explosion") and one that says it was hit by shelling or a series of
strikes give two incompatible ways for one event: a lexical contradiction of
de Marneffe, Rafferty & Manning (2008), whoever each names as the actor. A
claim that says the way was not so ("the record does not show a series of
strikes", "shelling was unlikely to explain the collapse") denies the cause the
other asserts (a negation). Two holders who give one way agree.

The words are in ``data/mechanisms.yaml`` (FrameNet Explosion, Detonate_explosive,
Attack, Hit_target). A claim states a way only when it can state a cause: its
predicate is of a responsibility class of ``data/predicates.yaml`` (destruction,
cause), an evidential predicate (FactBank: "show", "explain"), or it names an
explanation ("the most plausible explanation"). A bare "strikes" is fire only
after a nation's name or a word of number ("a series of Ukrainian strikes"):
a strike is also a stoppage of work.
"""
from __future__ import annotations

import functools
import re

from rashomon import data as data_files
from rashomon.compare.views import View, parties
from rashomon.extract.propositions import lexicon as predicate_lexicon

WINDOW = 10  # words between a place word and an explosion word ("blew up the dam of the plant from inside")
INSIDE, OUTSIDE = "inside", "outside"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """``data/mechanisms.yaml`` compiled: patterns for the place and explosion
    words of a blast from inside, for fire from outside, for "strikes" after a
    word of number; the evidential predicates and explanation nouns."""
    raw = data_files.load("mechanisms.yaml")
    inside, outside = raw["inside"], raw["outside"]
    return {
        "places": re.compile(r"(?i)(?<![\w-])(?:" + _alternation(inside["places"]) + r")(?![\w-])"),
        "acts": re.compile(r"(?i)(?<![\w-])(?:" + _alternation(inside["acts"]) + r")(?![\w-])"),
        "act_inside": re.compile(r"(?i)(?<![\w-])(?:" + _alternation(inside["acts"]) + r")\s+(?:"
                                 + _alternation(inside["after_act"]) + r")(?![\w-])"),
        "outside": re.compile(r"(?i)(?<![\w-])(?:" + _alternation(outside["words"]) + r")(?![\w-])"),
        "counted_strikes": re.compile(r"(?i)(?<![\w-])(?:" + _alternation(outside["strike_modifiers"])
                                      + r")\s+(?:[\w-]+\s+)?strikes\b"),
        "strikes": re.compile(r"(?<![\w-])([A-Z][\w-]+)\s+strikes\b"),
        "evidential": frozenset(raw["evidential"]),
        "explanation": re.compile(r"(?i)\b(?:" + _alternation(raw["explanation_nouns"]) + r")s?\b"),
    }


def _word_index(text: str, offset: int) -> int:
    return len(_WORD.findall(text[:offset]))


@functools.lru_cache(maxsize=16384)
def way_of(text: str) -> str | None:
    """``"inside"``, ``"outside"`` or None: the way of destruction ``text`` names
    (None when it names both or neither)."""
    lex = lexicon()
    places = [_word_index(text, m.start()) for m in lex["places"].finditer(text)]
    acts = [_word_index(text, m.start()) for m in lex["acts"].finditer(text)] if places else []
    inside = any(abs(p - a) <= WINDOW for p in places for a in acts) or bool(lex["act_inside"].search(text))
    outside = bool(lex["outside"].search(text) or lex["counted_strikes"].search(text)) or any(
        parties(m.group(1)) for m in lex["strikes"].finditer(text))
    if inside == outside:
        return None
    return INSIDE if inside else OUTSIDE


def states_cause(v: View) -> bool:
    """Whether a claim can state how its event came about: a predicate of a
    responsibility class, an evidential predicate, or an explanation noun."""
    return v.klass in predicate_lexicon()["responsibility"] or v.predicate in lexicon()["evidential"] \
        or _explains(v.text)


@functools.lru_cache(maxsize=16384)
def _explains(text: str) -> bool:
    """Whether ``text`` names an explanation noun (searched once per text: a
    claim's view is asked once per block and once per pair it is compared in)."""
    return bool(lexicon()["explanation"].search(text))


def way(v: View) -> str | None:
    """The way of destruction a comparable claim states, or None."""
    if not states_cause(v):
        return None
    return way_of(v.text)


def compare_ways(a: View, b: View, who) -> tuple[str, str, str | None] | None:
    """``(kind, reason, contradiction kind)`` for two claims that state a way,
    or None: opposite ways both asserted contradict (``attribution``: opposite
    causes); one way asserted and denied contradicts (``negation``); one way
    asserted by two holders agrees. One holder's claims are never set against
    each other. ``who`` names a claim's holder for the reason."""
    wa, wb = way(a), way(b)
    if wa is None or wb is None or a.same_holder(b):
        return None
    if not a.negative and not b.negative:
        if wa != wb:
            return "contradicts", f"{who(a)}: destroyed from {wa}; {who(b)}: from {wb}", "attribution"
        return "agrees", f"both say it was destroyed from {wa}", None
    if a.negative != b.negative and wa == wb:
        neg, pos = (a, b) if a.negative else (b, a)
        return "contradicts", (f"{who(neg)} doubts or denies it was destroyed from {wa} ({neg.stance_word()}); "
                               f"{who(pos)} says it was"), "negation"
    return None
