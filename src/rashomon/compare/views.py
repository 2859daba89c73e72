"""A claim as the comparison rules see it: holder, stance, polarity and content.

:class:`View` is computed once per claim: who holds it (entity id, names of
the holder and its organisation, else the article's narrator and outlet),
whether the holder takes it to be true (``negative``: the proposition negated,
denied or doubted), what it is about (predicate class, theme words, the words
an existential negation bears on, agent), its figure and what the figure
counts, its event, places, day and time of day. An anaphoric denial ("That is a
fantasy figure") takes the content of the claim it refers to.
"""
from __future__ import annotations

import re

from rashomon.extract.propositions import STOP, lexicon as predicate_lexicon
from rashomon.types import Article, Claim, Quantity, Quote

COMPARABLE = {"asserts", "denies", "doubts", "distances"}
EXISTENTIAL = {"be", "exist", "use", "fire", "deploy", "happen", "occur", "sound", "take_place", "launch",
               "shoot", "throw", "have", "give", "issue", "hear", "see"}
RUNNING = re.compile(r"(?i)\b(?:so far|until now|to date|as of|thus far|by then|at least)\b")
HOLDER_STOP = {"the", "a", "an", "of", "and", "said", "says", "spokesman", "spokeswoman", "spokesperson",
               "president", "minister", "chief", "executive", "head", "director", "officer", "official",
               "officials", "senior", "its", "their", "his", "her", "he", "she", "it", "they", "we", "i",
               "mr", "mrs", "ms", "dr", "who", "general", "secretary", "s.a.", "ltd", "inc", "group", "office"}
_NAME = re.compile(r"[\w'’.-]+")


VAGUE_PLURALS = {"hundreds", "thousands", "millions"}
PEOPLE_COUNTS = {"death", "injured", "detained", "treated", "evacuated", "participants", "missing"}
PEOPLE_UNITS = {"people", "persons", "individuals", "civilians", "residents", "workers", "employees", "colleagues",
                "protesters", "marchers", "demonstrators", "participants", "officers", "soldiers", "troops",
                "servicemen", "peacekeepers", "children", "refugees", "evacuees", "victims", "patients",
                "passengers", "villagers", "dockers", "staff", "personnel", "members", "firefighters", "police"}


def _counts_people(q: Quantity, counts: str) -> bool:
    """Whether a figure can count what its clause's class counts: a count of
    people (deaths, participants…) needs a figure of people, read by the
    quantity itself (``of``: killed, wounded…) or by its unit ("three first-aid
    points during the march" does not count marchers)."""
    if counts not in PEOPLE_COUNTS or q.of in ("killed", "wounded", "detained", "arrested", "evacuated", "missing"):
        return True
    return q.unit is not None and (q.unit in PEOPLE_UNITS or q.unit.rstrip("s") in PEOPLE_UNITS
                                   or q.unit in ("marchers", "protesters"))


def holder_names(*texts: str | None) -> frozenset[str]:
    """Lowercase name words of a holder ("Selinor Refining S.A." → selinor,
    refining); role and function words dropped."""
    out = set()
    for t in texts:
        for w in _NAME.findall(t or ""):
            w = w.lower().strip("'’.").removesuffix("'s").removesuffix("’s")
            if len(w) >= 3 and w not in HOLDER_STOP and w not in STOP:
                out.add(w)
    return frozenset(out)


class View:
    """What the comparison rules read of one claim (see the module docstring)."""

    __slots__ = ("claim", "id", "article", "ids", "names", "stance", "negative", "parts", "klass", "predicate",
                 "words", "exist_words", "agent", "agent_names", "measure", "counts", "event", "places", "day",
                 "clock", "relay", "comparable", "future", "text")

    def __init__(self, c: Claim, quote: Quote | None, art: Article | None, content: Claim | None):
        self.claim = c
        self.id, self.article, self.text = c.id, c.article, c.text
        src = content or c
        p = src.proposition
        self.ids = {"id:" + x for x in (c.speaker, quote.speaker if quote else None) if x}
        names = holder_names(c.holder_text, quote.speaker_affiliation if quote else None,
                             quote.speaker_role if quote else None)
        if not names and not self.ids and art is not None:
            names = holder_names(art.outlet) or frozenset({"narrator:" + c.article})
        self.names = names
        self.relay = {r.lower() for r in c.relay}
        self.stance = c.stance
        self.negative = c.polarity == "negated"
        if content is not None:  # an anaphoric denial holds the antecedent's proposition negated
            self.negative = content.polarity != "negated"
        self.parts = p
        self.klass = p.predicate_class if p else None
        self.predicate = p.predicate if p else None
        self.words = frozenset(p.theme_words) if p else frozenset()
        theme = {w.lower().rstrip("s") for w in _NAME.findall(p.theme or "")} if p else set()
        self.exist_words = frozenset(w for w in self.words if w.rstrip("s") in theme)
        self.agent = p.agent if p else None
        self.agent_names = holder_names(p.agent) if p and p.agent else frozenset()
        self.measure: Quantity | None = None
        self.counts = None
        if p is not None and p.measure is not None and p.measure < len(src.quantities) and p.counts:
            q = src.quantities[p.measure]
            if RUNNING.search(c.text) and q.approx in (None, "exact"):
                q = q.model_copy(update={"approx": "at least"})  # a running count: a lower bound
            if q.approx in VAGUE_PLURALS:  # "thousands march": a lower bound, not a ceiling
                q = q.model_copy(update={"approx": "at least"})
            if _counts_people(q, p.counts):
                self.measure, self.counts = q, p.counts
        self.event = c.event or "main"
        self.places = set(c.places)
        self.day = c.time.start[:10] if c.time is not None and len(c.time.start) >= 10 else None
        self.clock = p.clock if p else None
        self.future = bool(p and p.tense == "future")
        self.comparable = (self.stance in COMPARABLE or (self.counts == "payment" and self.stance == "promises")) \
            and self.event == "main"

    def same_holder(self, o: "View") -> bool:
        """One holder: a shared speaker id, or a shared name word (an
        organisation and its spokesperson, a press release and its company)."""
        return bool(self.ids & o.ids) or bool(self.names & o.names) or bool(self.relay & o.relay and self.relay)

    def stance_word(self) -> str:
        """How this claim says no: its stance cue ("denied"), else "not"."""
        return self.claim.stance_cue or "not"

    def existential(self) -> bool:
        """Whether a negation bears on the existence of its theme ("No tear gas
        was used", "no siren sounded", "There were no casualties")."""
        return self.predicate in EXISTENTIAL or self.klass in ("use_force", "warning")


def views(claims: list[Claim], quotes: list[Quote], articles: list[Article]) -> dict[str, View]:
    """A :class:`View` for every claim, by claim id."""
    by_quote = {q.id: q for q in quotes}
    by_art = {a.id: a for a in articles}
    by_span = {(c.article, c.start, c.end): c for c in claims}
    out = {}
    for c in claims:
        content = by_span.get((c.article, c.refers_to[0], c.refers_to[1])) if c.refers_to else None
        out[c.id] = View(c, by_quote.get(c.quote or ""), by_art.get(c.article), content)
    return out


def responsibility(klass: str | None) -> bool:
    return klass in predicate_lexicon()["responsibility"]
