"""The contradiction, agreement and revision rules over two claim views.

Each rule names a kind of contradiction of de Marneffe, Rafferty & Manning
(2008), "Finding Contradictions in Text", and its reason names both sides in
plain words. Gates first (no relation): either claim about a background event
or with a stance that is not a report of what happened (a promise, an
intention, a question, an admission of not knowing); different places (both
name places, none shared); near-verbatim words of one source (``repeats``,
decided by the caller).

* ``measure``: figures that count the same thing and cannot both hold
  (intervals of :func:`rashomon.extract.quantities.interval`: "at least 3" and
  5 agree, 3 and 5 do not); one holder's two figures are a ``revises`` chain,
  not a contradiction;
* ``negation``: one holder holds the proposition, the other its negation or
  denial ("No tear gas was used" / "tear gas was fired into the crowd");
* ``attribution``: both name who did it (order, cause, destruction) and the
  agents are different parties ("the order came from the ministry" / "at the
  request of the city's crisis staff");
* ``antonym``: antonymous predicates over a shared theme ("accepted the
  invitation" / "rejected the invitation");
* ``date``: one predicate and theme, times of day more than ``CLOCK_GAP``
  minutes apart ("at six o'clock" / "at 00:10").
"""
from __future__ import annotations

from rashomon.compare.views import View
from rashomon.extract.propositions import clock_times, lexicon as predicate_lexicon
from rashomon.extract.quantities import compatible

CLOCK_GAP = 90  # minutes: "shortly after 6 p.m." and "six o'clock" agree; 18:00 and 00:10 do not


def _q(v: View) -> str:
    return v.measure.text or f"{v.measure.value:g}"


def _who(v: View) -> str:
    if v.names and not any(n.startswith("narrator:") for n in v.names):
        return sorted(v.names, key=len)[-1].title()
    return "the article"


def _places_apart(a: View, b: View, main_places: frozenset = frozenset()) -> bool:
    """Different places: both name places and share none, or one names only
    places outside the story's main places ("in the capital, Sarnov, 2,000
    joined a rally" against the march's count)."""
    if a.places and b.places:
        return not (a.places & b.places)
    one = a.places or b.places
    return bool(one and main_places and not (one & main_places))


def _shared(a: View, b: View) -> frozenset:
    return (a.words & b.words) - a.agent_names - b.agent_names


def _agents_differ(a: View, b: View) -> bool:
    if not a.agent_names or not b.agent_names:
        return False
    if a.agent_names & b.agent_names:
        return False
    from rashomon.compare.relations import same_party

    pa = [w for w in a.agent_names if w[:1].isalpha()]
    pb = [w for w in b.agent_names if w[:1].isalpha()]
    return not any(same_party(x, y) for x in pa for y in pb)


def compare_views(a: View, b: View, frame: str, main_places: frozenset = frozenset()) -> tuple[str, str, str | None] | None:
    """``(kind, reason, contradiction kind)`` for two views in one block of
    ``frame``, or None (see the module docstring); ``main_places`` are the
    entity ids of the places most claims of the story name."""
    if not (a.comparable and b.comparable) or a.event != b.event or _places_apart(a, b, main_places):
        return None
    same = a.same_holder(b)
    if frame == "measure":
        if a.counts != b.counts or a.measure is None or b.measure is None:
            return None
        if a.measure.unit != b.measure.unit and {a.measure.unit, b.measure.unit} & {"EUR", "USD", "GBP", "km", "%"}:
            return None
        if a.counts == "duration" and not _shared(a, b):
            return None  # how long what: two durations of different things
        if compatible(a.measure, b.measure):
            return "agrees", f"compatible figures: {_q(a)} / {_q(b)}", None
        if same:
            return "revises", f"{_who(a)} gives {_q(a)}, then {_q(b)}: a revised figure", None
        return "contradicts", f"{_who(a)}: {_q(a)}; {_who(b)}: {_q(b)} (figures cannot both hold)", "measure"
    if frame == "theme":
        shared = _shared(a, b)
        if not shared:
            return None
        if a.negative == b.negative:
            return ("agrees", f"both {'deny' if a.negative else 'say'}: {', '.join(sorted(shared))}", None) \
                if a.klass == b.klass and a.klass else None
        neg = a if a.negative else b
        if neg.existential():
            shared = shared & neg.exist_words
        elif a.klass != b.klass:
            return None
        if not shared:
            return None
        return "contradicts", (f"{_who(neg)} says no ({neg.stance_word()}) {', '.join(sorted(shared))}; "
                               f"{_who(b if neg is a else a)} says yes"), "negation"
    if frame == "attribution":
        if a.klass != b.klass:
            return None
        if a.negative != b.negative and a.agent_names and b.agent_names and not _agents_differ(a, b):
            return "contradicts", f"{_who(a)} and {_who(b)} disagree whether {a.agent} did it", "negation"
        if not a.negative and not b.negative and _agents_differ(a, b):
            return "contradicts", f"{_who(a)} holds {a.agent} responsible; {_who(b)} holds {b.agent}", "attribution"
        if a.negative == b.negative and a.agent_names and not _agents_differ(a, b) and (a.agent_names & b.agent_names):
            return "agrees", f"both hold {a.agent} responsible", None
        return None
    if frame == "antonym":
        ants = predicate_lexicon()["antonyms"].get(a.predicate or "", set())
        if b.predicate in ants and _shared(a, b) and a.negative == b.negative:
            return "contradicts", f"{_who(a)}: {a.predicate}; {_who(b)}: {b.predicate}", "antonym"
        return None
    if frame == "time":
        if a.klass != b.klass or not _shared(a, b) or a.negative or b.negative:
            return None
        ta, tb = clock_times(a.text), clock_times(b.text)
        if not ta or not tb:
            return None
        gap = min(min(abs(x - y), 1440 - abs(x - y)) for x in ta for y in tb)
        if gap <= CLOCK_GAP:
            return "agrees", f"same time: {a.clock} / {b.clock}", None
        return "contradicts", f"{_who(a)}: {a.clock}; {_who(b)}: {b.clock}", "date"
    return None
