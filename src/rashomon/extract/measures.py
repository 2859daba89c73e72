"""What a claim's figure counts: its main quantity and the thing measured.

:func:`figure` picks, among a claim's quantities, the one its predicate's
arguments hold (for a cost or a payment the sum, for a zone the distance) and
names what it counts: the ``counts`` of the clause's class in
``data/predicates.yaml`` (deaths, injured, participants…), a sum of money by
the predicate that moves it (``money:cost``, ``payment``), a radius where the
words name a zone ("within 5 km of", "a 2 km radius"), a duration, or what the
quantity itself counts ("23 officers injured" → injured).
"""
from __future__ import annotations

import re

from rashomon.types import Quantity

MONEY_UNITS = {"EUR", "USD", "GBP", "JPY", "UAH", "RUB"}
OF_COUNTS = {"killed": "death", "wounded": "injured", "detained": "detained", "arrested": "detained",
             "evacuated": "evacuated", "displaced": "evacuated", "missing": "missing"}
_RADIUS = re.compile(r"(?i)\b(?:within|radius\s+of)\s+(?:a\s+)?[\d.,]+\s*(?:km|kilomet)|[\d.,]+\s*(?:km|kilomet\w*)\s+"
                     r"(?:radius|zone|around|exclusion)")


def figure(head, quantities: list[Quantity], cls: str | None, pred: str, lex: dict,
           text: str, base: int, own_class: bool = True) -> tuple[int | None, str | None]:
    """The claim's main figure (index into ``quantities``) and what it counts
    (``None, None`` when the predicate's arguments hold no figure); ``head`` is
    the proposition's head token, ``lex`` the predicate lexicon of
    :func:`rashomon.extract.propositions.lexicon`, ``pred`` the predicate lemma, ``text`` the claim's words
    starting at article offset ``base``; ``own_class``: ``cls`` is the
    predicate's own (else read from an argument word, and what the figure
    itself counts comes first: "after the march: 23 officers injured")."""
    if not quantities:
        return None, None
    last = head.right_edge  # a projective parse: the subtree is the span from left edge to right edge
    span_lo, span_hi = head.left_edge.idx, last.idx + len(last)
    inside = [k for k, q in enumerate(quantities) if q.start is not None and span_lo <= q.start < span_hi]
    if not inside:
        return None, None
    money = any(quantities[i].unit in MONEY_UNITS for i in inside)
    offers = [t for t in head.subtree if t.pos_ == "NOUN" and lex["class"].get(t.lower_) == "payment"] if money else []
    offered = next((i for i in inside if quantities[i].unit in MONEY_UNITS and any(
        t.left_edge.idx <= quantities[i].start < t.right_edge.idx + len(t.right_edge) for t in offers)), None)
    if offered is not None:
        return offered, "payment"  # "accepted its offer of €5,000": the sum is an offer's, whatever the verb
    k = inside[0]
    want = MONEY_UNITS if cls in ("cost", "payment") else ({"km"} if cls == "radius" else None)
    if want:  # "three days of lost handling are worth €3.5 million": the sum
        k = next((i for i in inside if quantities[i].unit in want), k)
    q = quantities[k]
    if q.unit == "km" and q.start is not None and _RADIUS.search(
            text[max(0, q.start - base - 16):q.end - base + 14]):
        return k, "radius"  # "within 5 km of", "a 2 km radius", "a radius of 5 km", "5 km around"
    if q.unit in MONEY_UNITS:  # a sum is compared with sums of the same class or predicate ("cost", "pay")
        cost = lex["class"].get(pred) == "cost"  # the predicate's own class, not a word of its arguments
        return k, "payment" if cls == "payment" else f"money:{'cost' if cost else pred}"
    if q.unit == "km":  # a radius only where the clause names a zone ("20 km down the river" is a distance)
        return k, "radius" if cls == "radius" else f"km:{pred}"
    if q.of == "duration":
        return k, "duration"
    if q.unit == "%":
        return k, None
    if cls in ("cost", "payment"):  # "cost the industry thousands of jobs": no sum of money
        return k, OF_COUNTS.get(q.of)
    if cls in lex["counts"] and (own_class or q.of not in OF_COUNTS):
        return k, lex["counts"][cls]  # the clause's own class first: "the toll rises to six as X finds a missing man"
    if q.of in OF_COUNTS:
        return k, OF_COUNTS[q.of]
    return k, None
