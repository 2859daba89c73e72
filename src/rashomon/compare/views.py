"""A claim as the comparison rules see it: holder, stance, polarity and content.

:class:`View` is read for every claim: who holds it (entity id, names of
the holder and its organisation, else the article's narrator and outlet),
whether the holder takes it to be true (``negative``: the proposition negated,
denied or doubted), what it is about (predicate and its class, the theme's
head nouns, the words a "without" phrase denies, every word it mentions), who
acts (``agent_names``, and the nations named in the agent: ``agent_parties``;
"I", "we", "she", "its forces" are the holder's), its figure, what the figure
counts and which group of people it counts, its event, places, day and time
of day. An anaphoric denial ("That figure is a fiction") takes the content of
the claim it refers to. What a claim says is read once and shared by the
stages that add different holders to it (:mod:`rashomon.compare.claim_views`).

:class:`Story` holds what the rules read of the whole corpus: the places most
claims name, the groups of people each kind of figure counts, and the theme
most attributions of one kind are about.
"""
from __future__ import annotations

import functools
import operator
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from rashomon.compare.events import last_of_kind
from rashomon.compare.kinds import kinds_named
from rashomon.extract.propositions import STOP, lexicon as predicate_lexicon
from rashomon.types import Article, Claim, Quantity, Quote

COMPARABLE = {"asserts", "denies", "doubts", "distances"}
RUNNING = re.compile(r"(?i)\b(?:so far|until now|to date|as of|thus far|by then|at least)\b")
EARLIER = re.compile(r"(?i)\bhad\s+(?:first\s+|initially\s+|earlier\s+)?(?:put|given|set|estimated|reported|"
                     r"counted|stated)\b")
"""An earlier estimate ("at noon the agency had put the number at 9"): tolls only grow, so
an earlier count is a lower bound of the later one."""
HOLDER_STOP = {"the", "a", "an", "of", "and", "said", "says", "spokesman", "spokeswoman", "spokesperson",
               "president", "minister", "chief", "executive", "head", "director", "officer", "official",
               "officials", "senior", "its", "their", "his", "her", "he", "she", "it", "they", "we", "i",
               "mr", "mrs", "ms", "dr", "who", "general", "secretary", "s.a", "ltd", "inc", "plc", "llc", "gmbh",
               "corp", "group", "office"}
SELF = {"i", "we", "me", "us", "my", "our", "ours", "he", "she", "him", "her", "his", "its"}
_PERSONAL = {"i", "we", "he", "she", "it", "they", "you", "this", "that"}  # no name for a reason to give
"""Pronouns in an agent that stand for the claim's holder: "I did not order it", "she had not
given any order" (under "the mayor said"), "its forces" (under "the ministry denied")."""
VAGUE_PLURALS = {"hundreds", "thousands", "millions", "tens of thousands", "dozens", "scores"}
PEOPLE_COUNTS = {"death", "injured", "detained", "treated", "evacuated", "participants", "missing"}
PEOPLE_UNITS = {"people", "persons", "individuals", "civilians", "residents", "workers", "employees", "colleagues",
                "protesters", "marchers", "demonstrators", "participants", "officers", "soldiers", "troops",
                "servicemen", "peacekeepers", "children", "refugees", "evacuees", "victims", "patients",
                "passengers", "villagers", "dockers", "staff", "personnel", "members", "firefighters", "police"}
GENERAL = "people"
RISE = {"rise", "raise", "increase", "climb", "grow", "jump", "update", "revise", "mount", "reach"}
FALL = {"fall", "lower", "decrease", "drop", "reduce", "cut", "revise"}
MOVES = RISE | FALL
"""Verbs that move a figure to a new value ("raised the toll to nine"): a revision chain, the
figure before it lower (RISE) or higher (FALL); "revise" and "update" go either way."""
COUNT_PEOPLE_ALONE = {"death", "injured", "missing", "detained", "evacuated"}
NAME_WORDS = _NAME = re.compile(r"[\w'’.-]+")  # the words of a name (NAME_WORDS for other stages)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_PERSONS_OF = re.compile(r"(?<!\s)\s+of\s+(?:us|them|you)\b", re.I)  # from a run's first space: linear
_LETTERS = re.compile(r"[^\W\d_]+")
_HYPHENED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # words of letters, hyphened ones whole


def _counts_people(q: Quantity, counts: str) -> bool:
    """Whether a figure can count what its clause's class counts: a count of
    people (deaths, participants…) needs a figure of people, read by the
    quantity itself (``of``: killed, wounded…) or by its unit ("three first-aid
    points during the march" does not count marchers)."""
    if counts not in PEOPLE_COUNTS or q.of in ("killed", "wounded", "detained", "arrested", "evacuated", "missing"):
        return True
    if q.unit is None and q.of is None and counts in COUNT_PEOPLE_ALONE:
        return True  # "raised the death toll to nine": a toll counts people
    return q.unit is not None and (q.unit in PEOPLE_UNITS or q.unit.rstrip("s") in PEOPLE_UNITS)


_TOKEN_GAPS = re.compile(r" (?=(?:['’](?:s|re|ve|ll|d|m)|n['’]t)\b|['’](?=\s|$)|[,.;:!?)\]])|(?<=[(\[]) ")
"""One space a token join put before a possessive, a clitic or a closing mark, or after an opening
bracket (tokens are joined by single spaces; one space per match keeps the pattern linear)."""


def as_written(text: str) -> str:
    """Words joined from parse tokens as a reader writes them: no space before a
    possessive or a clitic, a closing punctuation mark or after an opening
    bracket ("a workers ' union" → "a workers' union", "the city 's staff" →
    "the city's staff"). For display only; matching keeps the tokens."""
    return _TOKEN_GAPS.sub("", text)


@functools.lru_cache(maxsize=16384)
def holder_names(*texts: str | None) -> frozenset[str]:
    """Lowercase name words of a holder ("Norvik Shipping S.A." → norvik,
    shipping); role and function words dropped."""
    out = set()
    for t in texts:
        for w in _NAME.findall(t or ""):
            w = w.lower().strip("'’.").removesuffix("'s").removesuffix("’s")
            if len(w) >= 3 and w not in HOLDER_STOP and w not in STOP:
                out.add(w)
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A crude singular of a lowercase word, enough to meet a lemma ("bullets" →
    bullet, "casualties" → casualty, "buses" → bus); short words are kept."""
    if len(word) <= 3 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


@functools.lru_cache(maxsize=65536)
def mentions(text: str) -> frozenset[str]:
    """The singular lowercase words of a text ("pepper-spray burns" → pepper, spray, burn)."""
    return frozenset(singular(w.lower()) for w in _LETTERS.findall(text))


@functools.lru_cache(maxsize=16384)
def _name_parties(names: frozenset[str]) -> frozenset[str]:
    """The countries a holder's name words name (:func:`parties` of the words
    in alphabetical order)."""
    return parties(" ".join(sorted(names)))


@functools.lru_cache(maxsize=16384)
def _lower_words(text: str | None) -> frozenset[str]:
    """The lowercase words of a name (``NAME_WORDS``); none for None."""
    return frozenset(w.lower() for w in _NAME.findall(text or ""))


@functools.lru_cache(maxsize=1)
def _party_index() -> dict[str, str]:
    """Name key → ISO country of every country, capital and demonym of the
    gazetteer ("Russian", "Russia", "Moscow" → RU)."""
    from rashomon.annotate import load_gazetteer, name_key

    out = {}
    for e in load_gazetteer():
        if e.country and e.type in ("GPE", "NORP"):
            for f in e.forms:
                out.setdefault(name_key(f), e.country)
    return out


@functools.lru_cache(maxsize=65536)
def parties(text: str | None) -> frozenset[str]:
    """The countries a text names as a nation, its people or its capital
    ("Russian forces" → RU; "Kyiv" → UA), by gazetteer."""
    if not text:
        return frozenset()
    from rashomon.annotate import name_key

    words = name_key(text).split()
    index = _party_index()
    out = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            c = index.get(" ".join(words[i:i + n]))
            if c:
                out.add(c)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    raw = predicate_lexicon()["groups"]
    return {w: name for name, words in raw.items() for w in words}


def group_of(unit: str | None) -> str:
    """The group of people a unit names (``data/predicates.yaml`` ``groups``:
    "employees", "colleagues" → workers); an unknown unit is its own group, no
    unit the general group ``people``."""
    if not unit:
        return GENERAL
    u = unit.lower()
    return _groups().get(u) or _groups().get(singular(u)) or singular(u)


class View:
    """What the comparison rules read of one claim (see the module docstring).

    Read in two parts: ``View(claim, article, antecedent)`` reads what the
    claim says (everything but its holder and event: it does not depend on the
    corpus's quotes or entities, so one reading serves every stage:
    :func:`~rashomon.compare.claim_views.readings`), and :meth:`held` copies
    that reading and adds who holds the claim, who acts and whether it is
    comparable (:func:`~rashomon.compare.claim_views.views`)."""

    __slots__ = ("claim", "id", "article", "ids", "names", "stance", "negative", "parts", "klass", "predicate",
                 "words", "heads", "keys", "absent", "presupposed", "mentions", "existential", "exists", "intensional",
                 "agent", "agent_names", "agent_parties", "measure", "counts", "group", "event", "places",
                 "place_parties", "compounds", "day", "clock", "relay", "outlet", "anaphoric", "holder_parties",
                 "speaker_label", "since", "comparable", "future", "text", "summarises", "antecedent")

    def __init__(self, c: Claim, art: Article | None, content: Claim | None):
        """The quote-free reading of claim ``c`` of article ``art``; ``content``
        is the claim an anaphoric denial refers to (None for any other claim)."""
        self.claim = c
        self.id, self.article, self.text = c.id, c.article, c.text
        self.antecedent = content
        src = content or c
        p = src.proposition
        self.outlet = art.outlet if art is not None else None
        # an anaphoric denial ("dismissed that version") is read for the figure it denies, nothing finer
        self.anaphoric = content is not None
        self.relay = {r.lower() for r in c.relay}
        self.stance = c.stance
        self.negative = c.polarity == "negated"
        if content is not None:  # an anaphoric denial holds the antecedent's proposition negated
            self.negative = content.polarity != "negated"
        self.parts = p
        self.klass = p.predicate_class if p else None
        self.predicate = p.predicate if p else None
        self.words = frozenset(p.theme_words) if p else frozenset()
        direct = frozenset(p.theme_heads).difference(STOP) if p else frozenset()
        self.heads = direct.union(p.theme_of).difference(STOP) if p else direct
        lex = predicate_lexicon()
        absence = self.klass in lex["absence"]
        # what an existential claim is about: its head nouns, and for a thing used or fired the
        # nouns that name its kind ("plastic bullets": plastic); an absence is of its head alone
        self.keys = direct | (frozenset(p.theme_modifiers) if p and not absence else frozenset())
        # an absence word or a noun of possibility names no thing ("the lack of X", "no chance that P")
        self.keys -= _no_things()
        self.intensional = bool(p and p.predicate in lex["intensional"])
        self.absent = frozenset(p.absent) if p and content is None else frozenset()
        # what a "despite" phrase presupposes is the holder's whatever the clause says; under a
        # denial or a doubt it is the denied content's, not the holder's (verbs of saying are
        # plugs: Karttunen 1973)
        self.presupposed = frozenset(p.presupposed) if p and content is None and c.stance == "asserts" \
            else frozenset()
        self.mentions = frozenset(map(singular, p.nouns)) if p and p.nouns else mentions(src.text)
        self._add_kinds(kinds_named(src.text))
        self.place_parties = parties(p.place) if p else frozenset()
        self.compounds = frozenset(" ".join(map(singular, c.split())) for c in p.compounds) if p else frozenset()
        # "that ground does not exist": a thing pointed at in its own context, not a kind that was there or not
        self.existential = bool(p and (p.existential or absence) and not _pointed(p.theme or p.agent))
        # whether the holder says the theme existed: "the inspection was overdue" says it did not
        self.exists = None if not self.existential else (self.negative if absence else not self.negative)
        self.since = _since(c, p, art) if self.exists and content is None else None
        if self.since:
            self.exists = False
        self.agent = p.agent if p else None
        self._read_measure(c, src, p)
        # the places the clause is located in: a nation named as an actor ("blamed Peru") is none
        self.places = set(c.places) if p is None or p.place else set()
        self.day = c.time.start[:10] if c.time is not None and len(c.time.start) >= 10 else None
        self.clock = p.clock if p else None
        self.future = bool(p and p.tense in ("future", "conditional"))

    def held(self, quote: Quote | None, art: Article | None,
             orgs: dict[str, frozenset[str]] | None = None) -> "View":
        """A copy of this reading with its holder (the claim's speaker, the
        ``quote``'s speaker and the organisations ``orgs`` gives them, else
        the article's narrator and outlet), the agent's names and nations, the
        event and ``comparable`` added. The reading itself is not changed."""
        v = View.__new__(View)
        for name, value in zip(_READ, _read_of(self)):
            setattr(v, name, value)
        c, content = self.claim, self.antecedent
        v.summarises = None  # the body claim a headline's bare blame stands for (:mod:`rashomon.compare.claim_views`)
        # a person who speaks for a body is that body's voice (:mod:`rashomon.compare.holders`)
        ids = set()
        for x in (c.speaker, quote.speaker if quote else None):
            if x:
                ids.add("id:" + x)
                ids.update(["id:" + o for o in orgs.get(x, ())] if orgs else ())
        v.ids = frozenset(ids)
        names = holder_names(c.holder_text, quote.speaker_affiliation if quote else None,
                             quote.speaker_role if quote else None)
        if not names and not v.ids and art is not None:
            names = holder_names(art.outlet) or frozenset({"narrator:" + c.article})
        v.names = names
        v.holder_parties = _name_parties(names)
        # how a reason names the quote's speaker: as written, else by role ("He" → "Interior Minister")
        said = [quote.speaker_text, quote.speaker_role, quote.speaker_affiliation] if quote is not None else []
        v.speaker_label = next((t.strip() for t in said if t and t.strip().lower() not in _PERSONAL), None)
        v._read_agent(content or c, quote if content is None else None)
        v.event = c.event or "main"
        p = v.parts
        # a denial of a denial ("X dismissed that version" of "we did not do it") asserts nothing we can read
        v.comparable = (v.stance in COMPARABLE or (v.counts == "payment" and v.stance == "promises")) \
            and v.event == "main" and not (p is not None and p.tense == "conditional") \
            and not (content is not None and content.polarity == "negated")
        return v

    def _read_agent(self, c: Claim, quote: Quote | None) -> None:
        """``agent_names`` and ``agent_parties``: the agent's own names, and the
        holder's when the agent is a pronoun that stands for the holder."""
        words = _lower_words(self.agent)
        names = holder_names(self.agent) if self.agent else frozenset()
        found = parties(self.agent)
        if words & SELF and (c.holder_text or c.quote):  # the holder of the claim that names the agent
            own = holder_names(c.holder_text) if c is not self.claim else self.names
            names |= own - {n for n in own if n.startswith("narrator:")}
            names |= self.ids if c is self.claim else frozenset()
            found |= parties(c.holder_text) | parties(quote.speaker_text if quote else None)
        self.agent_names = frozenset(names)
        self.agent_parties = found

    def _read_measure(self, c: Claim, src: Claim, p) -> None:
        """The claim's figure, what it counts and which group of people: a
        running count ("so far") and a vague plural ("thousands") are lower bounds."""
        self.measure: Quantity | None = None
        self.counts = self.group = None
        if p is None or p.measure is None or p.measure >= len(src.quantities) or not p.counts:
            return
        if p.partitive:
            return  # "we treated 80 people … twelve had burns": a part of an earlier count, not a toll
        q = src.quantities[p.measure]
        if (RUNNING.search(c.text) or EARLIER.search(c.text)) and q.approx in (None, "exact") \
                and p.counts in PEOPLE_COUNTS:
            q = q.model_copy(update={"approx": "at least"})  # a toll so far, or an earlier one: a lower bound
        # a vague plural standing alone counts people ("Thousands gather", "tens of thousands march"):
        # a numeral as fused head with no noun after it (Huddleston & Pullum 2002, CGEL 5.9)
        alone = q.approx in VAGUE_PLURALS and q.unit is None and q.of is None
        if q.approx in VAGUE_PLURALS:  # "thousands" said loosely: at least half its least reading
            q = q.model_copy(update={"approx": "at least", "value": q.value / 2, "high": None})
        if (alone or (q.unit is None and q.end is not None and _PERSONS_OF.match(src.text, q.end - src.start))) \
                and p.counts in PEOPLE_COUNTS:
            q = q.model_copy(update={"unit": GENERAL})  # "9,000 of us": a partitive of persons counts people
        if _counts_people(q, p.counts):
            self.measure, self.counts = q, p.counts
            if p.counts in predicate_lexicon()["by_group"]:
                self.group = group_of(q.unit)

    def reports(self) -> bool:
        """Whether the claim reports what is so (a stance of ``COMPARABLE``, no
        counterfactual), whatever event it is about."""
        return self.stance in COMPARABLE and not (self.parts is not None and self.parts.tense == "conditional")

    def demonstrative(self) -> bool:
        """Whether a negated clause's subject is "that" or "this": a judgement on
        something said before ("That is not clearing a camp"), not a denial
        of the event ("this is sabotage by X", affirmed, still attributes)."""
        subject = (self.agent or (self.parts.theme if self.parts is not None else None) or "").lower()
        return self.negative and subject in ("that", "this")

    def same_holder(self, o: "View") -> bool:
        """One holder: a shared speaker id or relay, or the name words of one
        holder all among the other's ("Police" and "the Velmar Police
        Directorate", "Selinor" and "Selinor Refining"; role words are dropped),
        or two name words shared, unless the two name different nations. A single
        shared word is not enough: "Kestrel Port Operations" and "the Port
        Workers' Union", "the Velmar Police Directorate" and "Velmar General
        Hospital" are two holders."""
        if self.ids & o.ids or self.relay & o.relay:
            return True
        a, b = self.names, o.names
        if not (a and b) or (self.holder_parties and o.holder_parties and not self.holder_parties & o.holder_parties):
            return False  # "the Russian defence ministry" / "the Ukrainian defence ministry"
        return a <= b or b <= a or len(a & b) >= 2

    def stance_word(self) -> str:
        """How this claim says no: its stance cue ("denied"), "none since …" for the
        date of the latest of a kind, else "not"."""
        if self.since:
            return f"none since {self.since}"
        return self.claim.stance_cue or "not"

    def _add_kinds(self, named) -> None:
        """Key the claim by the kinds its words name (``data/kinds.yaml``), where
        the name's head is a key, a denied word or a mention of it: "no rubber
        bullets" and "fired projectiles" meet on the kind of both. The class's
        own word is a mention only as what was used or fired ("we kept the
        projectiles" says nothing of which)."""
        for key, head, hypernym in named:
            if head in self.keys:
                self.keys |= {key}
            if head in self.absent:
                self.absent |= {key}
            if head in self.presupposed:
                self.presupposed |= {key}
            if head in self.mentions and (not hypernym or self.klass == "use_force"):
                self.mentions |= {key}

    def denies_existence(self, key: str) -> bool:
        """Whether this claim says the thing ``key`` names did not exist, was not
        used or did not happen ("No pepper spray was used", "without warning")."""
        return key in self.absent or (self.exists is False and key in self.keys)

    def denied(self) -> frozenset:
        """Every thing this claim says did not exist, was not used or did not happen."""
        return frozenset(k for k in self.keys | self.absent if self.denies_existence(k))

    def mentions_text(self) -> frozenset:
        """Every singular word of the claim's text."""
        return mentions(self.text)

    def focus(self, keys) -> frozenset:
        """The degree words a denial of ``keys`` bears on: a word of
        ``negation_focus`` standing before a key ("no imminent danger" denies an
        imminent one, not any: Blanco & Moldovan 2011, the focus of negation)."""
        words = [w.lower() for w in _HYPHENED.findall(self.text)]
        degree = predicate_lexicon()["focus"]
        out = set()
        for i, w in enumerate(words):
            if w in degree and any(singular(x) in keys for x in words[i + 1:i + 5]):
                out.add(w)
        return frozenset(out)

    def asserts_existence(self, key: str) -> bool:
        """Whether this claim takes the thing ``key`` names to have existed, been
        used or happened: an affirmed claim that mentions it ("twelve had burns
        from pepper spray"), an existential one that says so, or one whose
        concessive phrase presupposes it ("refused to leave despite calls to
        disperse", negated or not)."""
        if key in self.absent:
            return False
        if key in self.presupposed or any(nominalises(key, w) for w in self.presupposed):
            return True  # "refused to leave despite calls to disperse": the calls were made
        if self.existential:
            return self.exists is True and key in self.mentions
        # "the code requires an audit" says nothing of whether one took place
        if self.negative or self.intensional:
            return False
        # "the unit had been inspected" says an inspection took place: the key names the predicate's act
        return key in self.mentions or (self.parts.tense == "past" and self.klass not in _ABSENCE
                                        and nominalises(key, self.predicate) and not speech_act(self.predicate))


_HELD = {"ids", "names", "holder_parties", "speaker_label", "agent_names", "agent_parties", "event", "comparable",
         "summarises"}
_READ = tuple(n for n in View.__slots__ if n not in _HELD)  # what View() reads, copied by View.held
_read_of = operator.attrgetter(*_READ)
_ABSENCE = frozenset({"absence"})
_DEMONSTRATIVES = ("that ", "this ", "these ", "those ")


def _since(c: Claim, p, art: Article | None) -> str | None:
    """The date of the latest of a kind when it lies in a year before the
    article's own ("the last inspection took place on 9 March 2022", written in
    2024): none took place since, so the claim denies one in the story's period
    (what "last" means); a recent date ("the most recent inspection was in
    February", the same year) asserts one. Else None."""
    when = c.time_text or (p.time if p is not None else None)
    if not when or not last_of_kind(p) or art is None:
        return None
    year = _YEAR.search(when)
    now = (art.reference_date or art.published or "")[:4]
    return when if year and now.isdigit() and year.group() < now else None


def _pointed(words: str | None) -> bool:
    """Whether a noun phrase opens with a demonstrative ("that ground", "this risk")."""
    return bool(words) and words.lower().startswith(_DEMONSTRATIVES)


def speech_act(verb: str | None) -> bool:
    """Whether a verb reports words ("warned that …", "said"), not the event its
    noun names; a verb of knowing ("knew about the leak") is not one."""
    from rashomon.extract.stance import stance_verbs

    return verb in ("say", "tell") or stance_verbs().get(verb or "") in ("report", "deny", "distance", "ask", "promise")


def nominalises(noun: str, verb: str | None) -> bool:
    """Whether ``noun`` names the act of ``verb`` ("inspection" of "inspect",
    "warning" of "warn"): one class of ``data/predicates.yaml`` and a shared
    stem (a common start as long as the verb but its last letter, four at least)."""
    if not verb or predicate_lexicon()["class"].get(noun) is None or \
            predicate_lexicon()["class"].get(noun) != predicate_lexicon()["class"].get(verb):
        return False
    return len(os.path.commonprefix([noun, verb])) >= max(4, len(verb) - 1)


@dataclass
class Story:
    """What the rules read of the whole corpus: ``main_places`` (entity ids of
    the places most claims name), ``groups`` (per kind of figure, the groups of
    people the main event's figures count) and ``themes`` (per kind of
    attribution, the head noun most of its claims are about), ``revised``
    (figures a holder moved: "raised the toll to four"), ``denied`` (the
    things some claim says were not there) and ``denials`` (per article, the
    claims that say so)."""

    main_places: frozenset = frozenset()
    groups: dict[str, frozenset] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)
    revised: list = field(default_factory=list)
    denied: frozenset = frozenset()
    denials: dict[str, list] = field(default_factory=dict)
    towns: frozenset = frozenset()  # entity ids of the places that are towns, regions or countries (GPE)

    @classmethod
    def read(cls, vs: list[View], main_places: frozenset = frozenset()) -> "Story":
        groups: dict[str, set] = {}
        themes: dict[str, Counter] = {}
        revised, denied, denials = [], set(), {}
        for v in vs:
            if not v.comparable:
                continue
            said = v.denied()
            denied.update(said)
            if said:
                denials.setdefault(v.article, []).append(v)
            if v.measure is not None and v.predicate in MOVES:  # "raised the death toll to nine, from seven"
                revised.append(v)
            if v.group is not None:
                groups.setdefault(v.counts, set()).add(v.group)
            key = attribution_key(v.klass)
            if key:
                themes.setdefault(key, Counter()).update(specific_theme(v))
        return cls(main_places, {k: frozenset(g) for k, g in groups.items()},
                   {k: c.most_common(1)[0][0] for k, c in themes.items() if c}, revised, frozenset(denied), denials)

    def superseded(self, old: View, other: View) -> bool:
        """Whether ``old``'s figure was replaced by its own holder's later one
        ("raised the toll to nine, from seven") that ``other``'s figure fits: the
        disagreement is the revision's, not a dispute."""
        from rashomon.extract.quantities import compatible

        return any(r.counts == old.counts and r.same_holder(old) and not compatible(r.measure, old.measure)
                   and compatible(r.measure, other.measure) for r in self.revised)

    def groups_meet(self, a: View, b: View) -> bool:
        """Whether two figures count the same group of people: the same group, or
        one general figure ("the toll rose to nine") where the story counts one
        group alone for this kind of figure ("five workers were killed")."""
        if a.group == b.group:
            return True
        if GENERAL not in (a.group, b.group):
            return False
        specific = self.groups.get(a.counts, frozenset()) - {GENERAL}
        return len(specific) == 1


@functools.lru_cache(maxsize=1)
def _no_things() -> frozenset:
    """Words that name no thing as a claim's key: an absence word or a noun of
    possibility ("the lack of X", "no chance that P")."""
    return predicate_lexicon()["modal_nouns"] | _class_words("absence")


@functools.lru_cache(maxsize=32)
def _class_words(klass: str | None) -> frozenset:
    """Words of a class ("order", "request"): as the theme of a claim of that class
    they name the act itself, not what it was about ("the command came from X")."""
    return frozenset(w for w, c in predicate_lexicon()["class"].items() if c == klass)


def attribution_key(klass: str | None) -> str | None:
    """The question an attribution answers: ``order`` (who ordered it) or
    ``cause`` (who or what caused it: causes and destructions), else None."""
    lex = predicate_lexicon()
    if klass not in lex["responsibility"]:
        return None
    return "order" if klass == "order" else "cause"


def specific_theme(v: View) -> frozenset:
    """The head nouns of an attribution's theme, without the words that name the
    act itself ("the order" → nothing) or only what an event brought about
    ("responsibility for the consequences" → nothing)."""
    return v.heads - _class_words(v.klass) - predicate_lexicon()["event_results"]
