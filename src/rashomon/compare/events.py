"""Which event each claim is about: the story's main event or the background.

A figure about an earlier event (a strike six years before, a war three years
ago), a population, a capacity or a budget is kept, but never compared with
the main event (issue: "figures are not tied to an event"). :func:`assign_events`
sets ``Claim.event`` to ``"main"`` or ``"background:<why>"``:

* ``period``: the article lies in another period than the corpus's main one
  (an archive piece: ``Article.period_flag`` when the timeline has run, else its
  reference date lies more than ``PERIOD_DAYS`` from the corpus's middle date);
* ``year``: the claim's own date (``Claim.time``) or a year written in it
  falls in another year than the corpus's main one ("In 2017 the tank fire …",
  "since 1991");
* ``named``: the claim names an earlier event ("the 44-Day War": a name with
  a word of ``_NAMED``);
* ``standing``: a present-tense clause with a standing-fact noun or verb of
  ``data/predicates.yaml`` (``background``: "processes 90,000 barrels a day",
  "a city of 120,000 inhabitants", "employs 850 people").

Tense and aspect alone never move a claim to the background: a past-tense
report of the main event is the main event; nor does the date of the latest of
a kind ("the last inspection took place in 2022": :func:`last_of_kind`).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from rashomon.extract.propositions import lexicon as predicate_lexicon
from rashomon.types import Article, Claim, set_field

PERIOD_DAYS = 365
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NAMED = re.compile(r"(?i)\b(?:war|conflict|uprising|revolution|genocide|massacre|crisis|intifada|invasion|"
                    r"occupation|siege|earthquake|tsunami|hurricane|pandemic|olympics|games|cup|summit)\b")
_AGO = re.compile(r"(?i)\b(?:\w+|\d+)\s+(?:years|decades)\s+ago\b|\bsince\s+(?:1[89]\d\d|20\d\d)\b")


def main_year(articles: list[Article]) -> str | None:
    """The corpus's main year: the most common year of the articles' reference
    (or publication) dates, or None when no article is dated."""
    years = Counter((a.reference_date or a.published or "")[:4] for a in articles)
    years.pop("", None)
    return max(years, key=lambda y: (years[y], y)) if years else None


def _day(a: Article) -> date | None:
    try:
        return date.fromisoformat((a.reference_date or a.published or "")[:10])
    except ValueError:
        return None


def archived(articles: list[Article]) -> set[str]:
    """Ids of the articles of another period: flagged by the timeline, or dated
    more than ``PERIOD_DAYS`` from the corpus's middle date (the timeline's own
    rule; the comparison runs before the timeline)."""
    days = sorted(d for a in articles if (d := _day(a)) is not None)
    middle = days[len(days) // 2] if days else None
    return {a.id for a in articles if a.period_flag or (
        middle is not None and (d := _day(a)) is not None and abs((d - middle).days) > PERIOD_DAYS)}


RECENT = re.compile(r"(?i)^(?:the|its|their|his|her|our)\s+(?:very\s+)?(?:last|latest|most\s+recent)\b")
"""A noun phrase naming the latest of its kind ("the last inspection of the unit")."""


def last_of_kind(p) -> bool:
    """Whether a proposition (:class:`~rashomon.types.PropositionParts` or None) is
    about the latest of its kind ("the last inspection took place in 2022"): its
    date says when the thing last happened, a fact of the story's present however
    old the date ("last": the most recent before now, Quirk et al. 1985, 7.19),
    not an earlier event."""
    return p is not None and bool(RECENT.match(p.agent or "") or RECENT.match(p.theme or ""))


def standing_absence(p, text: str) -> bool:
    """Whether a proposition (:class:`~rashomon.types.PropositionParts` or None)
    of a claim's ``text`` presupposes an absence by an attributive adjective
    (``absence`` class of ``data/predicates.yaml``) before its object and asserts
    nothing dated of its own ("wrote in 2023 asking it to schedule the overdue
    inspection"): the adjective's state is presupposed, not dated by the clause
    (an attributive adjective's content is a presupposition that holds beyond
    the asserted act: Karttunen 1974; FactBank, Saurí & Pustejovsky 2009, on
    presupposed propositions); an unmet obligation stands until it is met, so
    the year dates the request, not the absence."""
    if p is None or not p.absent or p.predicate_class is not None or p.measure is not None:
        return False
    lex = predicate_lexicon()
    words = [w.lower() for w in _WORD.findall(text)]  # "without warning" is an act's manner, dated with it
    return any(lex["class"].get(w) in lex["absence"] and any(n.startswith(a) for n in words[k + 1:k + 3]
                                                         for a in p.absent) for k, w in enumerate(words))


_WORD = re.compile(r"[\w-]+")


def _why(c: Claim, art: Article | None, year: str | None, lex: dict, old: set[str]) -> str | None:
    if art is not None and art.id in old:
        return "period"
    if c.event_text and _NAMED.search(c.event_text):
        return "named"  # "the 44-Day War"; a place the tagger calls an event ("Constitution Bridge") is not one
    # the clause's own time words when its parse gave them ("mined after they took it in 2019" is not dated 2019)
    p = c.proposition
    when = p.time if p is not None else c.text
    if year and when and not last_of_kind(p) and not standing_absence(p, c.text):
        own = c.time is not None and (p is None or (c.time.text or "") in when)
        t = c.time.start[:4] if own else None
        written = _YEAR.findall(when)
        if (t and t != year) or (written and year not in written):
            return "year"
    if when and _AGO.search(when):
        return "year"
    if p is not None and p.tense == "present" and p.measure is not None:
        words = set(p.theme_words) | {p.predicate or ""}
        if words & lex["background_nouns"] or (p.predicate or "") in lex["background_verbs"]:
            return "standing"
    return None


def assign_events(claims: list[Claim], articles: list[Article]) -> None:
    """Set ``Claim.event`` on every claim (in place): ``"main"`` or
    ``"background:period|year|named|standing"`` (see the module docstring)."""
    year = main_year(articles)
    by_id = {a.id: a for a in articles}
    old = archived(articles)
    lex = predicate_lexicon()
    for c in claims:
        why = _why(c, by_id.get(c.article), year, lex, old)
        set_field(c, "event", "main" if why is None else f"background:{why}")
