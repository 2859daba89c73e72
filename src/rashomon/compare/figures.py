"""Figures of one measured stuff: "18 cubic kilometres of water" said twice.

A claim's main figure is compared by the ``measure`` rule (what its predicate
counts). A figure of a physical unit followed by what it measures ("some 600
square kilometres of farmland", "about 18 cubic kilometres of water") names
its own quantity whatever the clause's predicate is, so two holders who give
compatible figures of the same unit and the same stuff agree, even when one
gives it in a present-tense description ("holds back some 18") and the other
in the past ("held about 18"): a standing quantity, and approximations whose
intervals meet (:func:`rashomon.extract.quantities.compatible`). Incompatible
figures are not set against each other here: without the predicate, two
figures of one stuff may measure different things (water held and water
released).

Keys: the unit words written after the number (singular, lowercase: "cubic
kilometre") and the head noun of the "of" phrase right after the figure.
Claims of any period are read (a standing quantity holds across them), when
they report what is so (:meth:`~rashomon.compare.views.View.reports`).
"""
from __future__ import annotations

import re

from rashomon.compare.views import View, singular
from rashomon.extract.quantities import compatible
from rashomon.types import Quantity

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_OF = re.compile(r"(?i)^\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[^\W\d_]+\s+){0,1}?([^\W\d_]+)\b")
PEOPLE = {"people", "person", "persons", "civilian", "resident", "worker", "protester", "them", "us", "those"}


def _key(q: Quantity, text: str, base: int) -> tuple[str, str] | None:
    """(unit, stuff) of a figure written with a unit word and an "of" phrase, or None."""
    if q.text is None or q.end is None:
        return None
    digits = [m.end() for m in _DIGIT.finditer(q.text)]
    unit = _LETTERS.findall(q.text[digits[-1]:])[-2:] if digits else []  # the words after the number
    of = _OF.match(text[q.end - base:])
    if not unit or of is None:
        return None
    words = " ".join(singular(w.lower()) for w in unit)
    stuff = singular(of.group(1).lower())
    if stuff in PEOPLE or words in PEOPLE:
        return None  # a count of people is read by the measure rule
    return words, stuff


def figure_keys(v: View) -> dict[tuple[str, str], Quantity]:
    """The figures of a claim that carry a unit and a stuff, by (unit, stuff)."""
    c = v.claim
    out = {}
    for q in c.quantities:
        k = _key(q, c.text, c.start)
        if k is not None:
            out.setdefault(k, q)
    return out


def compare_figures(a: View, b: View) -> tuple[str, str, None] | None:
    """``("agrees", reason, None)`` for two holders' compatible figures of one
    unit and stuff, else None."""
    if a.same_holder(b) or a.negative or b.negative or not (a.reports() and b.reports()):
        return None
    ka, kb = figure_keys(a), figure_keys(b)
    for key in sorted(ka.keys() & kb.keys()):
        qa, qb = ka[key], kb[key]
        if compatible(qa, qb):
            return "agrees", f"compatible figures of {key[1]}: {qa.text} / {qb.text}", None
    return None
