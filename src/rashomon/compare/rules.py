"""The contradiction, agreement and revision rules over two claim views.

Each rule names a kind of contradiction of de Marneffe, Rafferty & Manning
(2008), "Finding Contradictions in Text", and its reason names both sides in
plain words. Gates first (no relation): either claim about a background event
or with a stance that is not a report of what happened (a promise, an
intention, a counterfactual, a question, an admission of not knowing);
different places (both name places, none shared, or one names only places
outside the story's main places); near-verbatim words of one source
(``repeats``, decided by the caller).

* ``measure``: figures that count the same thing (and, for tolls, the same
  group of people: :meth:`~rashomon.compare.views.Story.groups_meet`) and
  cannot both hold (intervals of :func:`rashomon.extract.quantities.interval`:
  "at least 3" and 5 agree, 3 and 5 do not); one holder's two figures are a
  ``revises`` chain, not a contradiction, and not an agreement when one was a
  running or earlier count (:func:`_updated`); a figure that fits both sides
  of a dispute agrees with neither
  (:func:`rashomon.compare.relations.undecided_figures`); a denial of a figure ("That is a
  figure is a fiction") contradicts every compatible figure; figures of two
  towns, sums of two spenders, a span that locates a time ("six days after
  the vote") or a rate ("ten minutes a day") are not one figure
  (:func:`_one_count`, :func:`_lasts`);
* ``existence`` (negation): one claim says a thing did not exist, was not used
  or did not happen, the other takes it to have ("No pepper spray was used" /
  "twelve had burns from pepper spray"); a word of a proper name ("Air
  Force") is no such thing, "no evidence of fraud" is met only by fraud, and
  "its own network" only by one's own;
* ``same`` (negation): one predicate over one head noun, one side negated or
  denied ("The boiler was not overdue" / "the inspection of the boiler was
  overdue"); both agents, when named, the same;
* ``attribution``: two holders name different agents of one act ("the order
  came from the cabinet" / "at the request of the harbour board"), or
  one denies what the other asserts of the same agent ("staff shortages played
  no part" / "caused by staff shortages"); one holder's attributions are never set
  against each other (the capital and the cabinet may be one);
* ``antonym``: antonymous predicates over one head noun ("accepted the
  invitation" / "rejected the invitation");
* ``time`` (date): one predicate class over one place or theme, times of day
  more than ``CLOCK_GAP`` minutes apart ("at six o'clock" / "at 00:40"; :mod:`rashomon.compare.clock`);
* ``mechanism``: a structure destroyed from inside against from outside
  (:mod:`rashomon.compare.mechanism`);
* ``figure``: compatible figures of one unit and stuff from two holders agree
  (:mod:`rashomon.compare.figures`);
* ``date``: two years for one dated act on one thing ("the bridge was
  finished in 1931" / "the bridge, built in 1932"), of any period;
* ``purpose`` (attribution): one holder says one act was done for one reason only,
  another gives a reason that shares no word with it;
* ``knowledge`` (negation): one holder says the knower did not know of a thing
  ("we had no report of a leaking valve"), another that the knower knew or that
  the thing was reported; two knowers named by different proper names are two;
* ``compound`` (agreement only): two holders name one noun compound as a
  participant of their acts (:func:`rashomon.extract.attributed.participant`:
  "two armoured trucks entered the yard" / "knocked over by the armoured
  truck"), neither negated; a compound in a place or topic phrase is a mention.
"""
from __future__ import annotations

import re

from rashomon.compare.agents import agents_differ, agents_same
from rashomon.compare.blocks import knowledge_topic, participle, plain, written
from rashomon.compare.clock import compare_times
from rashomon.compare.figures import compare_figures
from rashomon.compare.kinds import is_kind, kinds_named, shown
from rashomon.compare.mechanism import compare_ways
from rashomon.compare.propositions import content_words
from rashomon.compare.views import (EARLIER, FALL, MOVES, RISE, RUNNING, VAGUE_PLURALS, Story, View, as_written,
                                    attribution_key, holder_names, specific_theme)
from rashomon.extract.propositions import POINTING, STOP, lexicon as predicate_lexicon
from rashomon.extract.quantities import compatible, interval
from rashomon.extract.roles import EXCLUSIVE

FIXED_UNITS = {"EUR", "USD", "GBP", "JPY", "UAH", "RUB", "km", "%"}
EVENT = "<event>"


def _q(v: View) -> str:
    return v.measure.text or f"{v.measure.value:g}"


PRONOUNS = {"i", "we", "he", "she", "it", "they", "you"}
SELF_WORDS = {"i", "we", "me", "us", "myself", "ourselves"}  # an agent that is the holder itself
PRONOUN_THEMES = {"him", "her", "them", "us", "me", "you"}  # persons: "this", "that" may be the story's event
EVENT_PRONOUNS = {"it", "this", "that"}  # the act an attribution is about, said again ("the ministry ordered it")


def _who(v: View) -> str:
    """The holder as the text names it ("Police", "Mayor Ana Kos"), else the
    quote's speaker as named or by role ("He" → "Interior Minister"), else the
    outlet whose own voice it is, else "the article"."""
    text = as_written((v.claim.holder_text or "").strip(" ,"))
    if text and text.lower() not in PRONOUNS:
        return text
    if v.speaker_label:
        return v.speaker_label
    if v.claim.holder_text is None and v.claim.quote is None:
        return v.outlet or "the article"  # the outlet's own voice
    if v.names and not any(n.startswith("narrator:") for n in v.names):
        return max(sorted(v.names), key=len).title()  # the longest name; ties in alphabetical order
    return v.outlet or "the article"


def _places_apart(a: View, b: View, main_places: frozenset = frozenset()) -> bool:
    """Different places: both name places and share none, or one names only
    places outside the story's main places ("in the capital, Sarnov, 900 held
    a vigil" against the march's count)."""
    if a.place_parties and b.place_parties and not (a.place_parties & b.place_parties):
        return True  # "on the Chilean side" / "in Peruvian-held areas"
    if a.places and b.places:
        return not (a.places & b.places)
    one = a.places or b.places
    return bool(one and main_places and not (one & main_places))


def _measure(a: View, b: View, story: Story) -> tuple[str, str, str | None] | None:
    if a.counts != b.counts or a.measure is None or b.measure is None:
        return None
    if (a.group or b.group) and not story.groups_meet(a, b):
        return None  # "eight peacekeepers" / "two civilians": different groups
    if a.measure.unit != b.measure.unit and {a.measure.unit, b.measure.unit} & FIXED_UNITS:
        return None
    if a.counts == "duration" and not (_one_duration(a, b) and _lasts(a) and _lasts(b)):
        return None
    if not _one_count(a, b, story):
        return None
    fits = compatible(a.measure, b.measure)
    if a.negative != b.negative:  # "That figure is a fiction": the figure denied
        neg, pos = (a, b) if a.negative else (b, a)
        (nlo, nhi), (plo, phi) = interval(neg.measure), interval(pos.measure)
        if not (nlo <= plo and phi <= nhi):
            return None  # "at least three" does not say the five that were denied
        return "contradicts", f"{_who(neg)} denies the figure {_q(neg)}; {_who(pos)} gives {_q(pos)}", "negation"
    if a.negative:
        return None
    if a.same_holder(b) and a.measure.value != b.measure.value and _updated(a, b):
        old, new = (b, a) if _earlier(b) or (a.predicate in MOVES and not _earlier(a)) else (a, b)
        return "revises", f"{_who(new)}: the figure moved from {_q(old)} to {_q(new)}", None
    if fits:
        return "agrees", f"compatible figures: {_q(a)} / {_q(b)}", None
    if a.same_holder(b):
        # one holder's two figures: a revision when reported apart or said to have moved;
        # two figures of one article with no such word are of two things ("twelve years", "28 minutes")
        if a.article != b.article or a.predicate in MOVES or b.predicate in MOVES:
            return "revises", f"{_who(a)} gives {_q(a)}, then {_q(b)}: a revised figure", None
        return None
    if story.superseded(a, b) or story.superseded(b, a):
        return None  # the figure its own holder has since revised to one the other fits
    for new, old in ((a, b), (b, a)):  # "the toll rose to nine": the seven before it is the earlier figure
        if (new.predicate in RISE and old.measure.value < new.measure.value) or \
                (new.predicate in FALL and old.measure.value > new.measure.value):
            return "revises", f"{_who(new)}: the figure moved from {_q(old)} to {_q(new)}", None
    return "contradicts", f"{_who(a)}: {_q(a)}; {_who(b)}: {_q(b)} (figures cannot both hold)", "measure"


def _earlier(v: View) -> bool:
    """Whether a figure says it was the count so far or an earlier one ("17 so
    far", "had put the number at 17")."""
    return bool(RUNNING.search(v.text) or EARLIER.search(v.text))


def _vague(v: View) -> bool:
    """Whether the figure is a vague plural ("thousands", "dozens")."""
    qs, i = v.claim.quantities, v.parts.measure
    return (i is not None and i < len(qs) and qs[i].approx in VAGUE_PLURALS) or \
        any(w in _q(v).lower() for w in VAGUE_PLURALS)


def _updated(a: View, b: View) -> bool:
    """Whether one holder's two different figures of one count are a revision
    over time (a revision chain, not an agreement, even when the earlier one is
    a lower bound the later fits: "17 injured so far", then "23 injured"):
    given in two articles, or with a verb that moves a figure ("raised the
    toll to"), or one marked as a running or earlier count. A vague plural
    ("thousands") is no figure its holder revises (FactBank's reading of
    event time and source: Sauri & Pustejovsky 2009; de Marneffe et al. 2008
    set a source's updated figure apart from a contradiction)."""
    if any(_vague(v) for v in (a, b)):
        return False
    return a.article != b.article or a.predicate in MOVES or b.predicate in MOVES or _earlier(a) or _earlier(b)


OFFSET = re.compile(r"(?i)^[\s,]*(?:(ago|later|earlier)|(?:before|after|since|from)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+))")
RATE = re.compile(r"(?i)^[\s,]*(?:a|an|per|each|every)\s+(?:day|night|week|month|year|hour|session|visit)\b")
YEARS = (1000, 2999)  # the figures a year can be


def _lasts(v: View) -> bool:
    """Whether a duration says how long something lasted, not how far one time
    lies from another: a span before "ago", "later", or "after"/"before" an
    anchor that is no event noun of ``event_nouns`` ("six days after the
    election", "three months before the vote": a span that locates a time,
    Quirk et al. 1985, 8.55–8.57, on adverbials of time position and of
    duration). Counted from an event ("nine hours after the blast began"), the
    span is how long the event had lasted by then."""
    q, c = v.measure, v.claim
    if q.end is None or not c.start <= q.end <= c.end:
        return True
    after = c.text[q.end - c.start:]
    if RATE.match(after):
        return False  # "50 minutes a day": a rate of a habit, not how long one act lasted
    m = OFFSET.match(after)
    if m is None:
        return True
    events = predicate_lexicon()["event_nouns"]
    return not m.group(1) and any(w.lower() in events for w in re.findall(r"[\w'’-]+", m.group(2)))


def _one_count(a: View, b: View, story: Story) -> bool:
    """Whether two figures of one kind may count one thing (event identity:
    the same participants and place, Hovy et al. 2013, "Events are not
    simple"): a sum spent is per spender, named on both sides ("the group
    spent $1 million" / "the campaign spent $6 million": two spenders; "$90
    million was spent": a total, or anyone's part); figures whose claims name
    towns or countries and share none are of two places ("49 killed in
    Orlando" / "130 killed in Paris"; a square and its city may be one place,
    so only towns, regions and countries are set apart); a year is a figure
    of four digits."""
    if (a.counts or "").startswith("money:") and a.counts != "money:cost":
        if not (a.agent_names or a.agent_parties) or not (b.agent_names or b.agent_parties) or agents_differ(a, b):
            return False  # whose money, unknown on a side: a total, a part, or another payer's sum
    if a.counts == "year" and not all(YEARS[0] <= v.measure.value <= YEARS[1] for v in (a, b)):
        return False  # "five other candidates" counts no year
    ta, tb = set(a.claim.places) & story.towns, set(b.claim.places) & story.towns
    return not (ta and tb and not ta & tb)


def _what_lasted(v: View) -> frozenset[str]:
    """What a duration is of: the theme's heads, or the subject of an intransitive
    ("the fire burned for 17 hours"). A theme that is only the claim's own holder
    ("twenty minutes is too long", Vell said: Vell read as the theme) names no
    thing that lasted."""
    p, holder = v.parts, v.claim.holder_text
    own = bool(p and p.theme and holder and p.theme.strip().casefold() == holder.strip().casefold())
    return (frozenset() if own else v.heads) | v.agent_names


def _proper(word: str, *texts: str) -> bool:
    """Whether ``word`` (lowercase) is written only capitalised in ``texts``: a
    name, or a word of one ("Air Force", "State Department": no force and no
    state of the story's)."""
    found = [m.group(0) for t in texts for m in re.finditer(rf"\b{re.escape(word)}(?:e?s)?\b", t, re.I)
             if not _SENTENCE_START.search(t[:m.start()])]  # a capital a sentence begins with tells nothing
    return bool(found) and all(f[:1].isupper() for f in found)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(]|--|—)\s*$")


def _one_duration(a: View, b: View) -> bool:
    """Whether two durations are of one thing (how long what): they share what
    lasted ("held for two years" / "pay over four years" share nothing); when the
    only thing shared is a name, the two also share the act ("Ana Vell is an
    engineer who worked twelve years" is a career, not the length of a delay Vell
    spoke of). The measure is of an event, and one event is one act on one thing
    (event identity: Hovy et al. 2013, "Events are not simple: identity,
    non-identity, and quasi-identity")."""
    shared = _what_lasted(a) & _what_lasted(b)
    if not shared:
        return False
    if all(_proper(w, a.text, b.text) for w in shared):
        return a.predicate == b.predicate or bool(a.klass and a.klass == b.klass)
    return True


def _thing(v: View, keys: list[str]) -> str:
    """What a denial says was not there, as its theme reads ("pepper spray or plastic
    bullets"), else its keys."""
    theme = plain(v.parts.theme) if v.parts is not None and not v.absent else ""
    if theme and any(k in theme.lower() or is_kind(k) for k in keys):
        return theme  # a kind's key came from a member the theme names ("rubber bullets")
    said = {key: head for key, head, _ in kinds_named(v.text) if head in v.absent | v.keys}  # "without warning"
    return " or ".join(dict.fromkeys(said.get(k) or shown(k) for k in keys))


def _owner_meets(neg: View, pos: View) -> bool:
    """Whether an absence held of a subject ("Scott lacks a policy record") can
    meet the other claim: the other names that subject.
    A lack is a property of its owner; another owner's record says nothing of it.
    A copular absence ("the inspection was overdue") has no owner: it always can."""
    if neg.klass not in predicate_lexicon()["absence"] or neg.parts.copular:
        return True  # "the inspection was overdue": an absence with no owner
    owner = holder_names(neg.agent) if neg.agent else frozenset()  # "lacks a record": whose, unknown
    return bool(owner & (pos.mentions_text() | pos.agent_names))


def _met(neg: View, pos: View, denied) -> list[str]:
    """The things of ``denied`` (keys ``neg`` denies) that ``pos`` takes to have been there.
    "There was no X" / "we had no X" deny a thing, not its every mention: ``pos``
    must name X as a participant; a denial's degree word must be met ("no
    imminent danger" is met only by an imminent one)."""
    if not _owner_meets(neg, pos) or (neg.negative and neg.agent and not neg.existential and agents_differ(neg, pos)):
        return []  # "the smugglers did not use X" / "the firm uses X": another's use says nothing of theirs
    strict = neg.predicate == "have" or bool(neg.predicate in neg.heads and neg.existential)
    keys = sorted(k for k in denied if pos.asserts_existence(k) and not _proper(k, pos.text)
                  and (not strict or k in neg.absent or k in pos.keys | pos.heads) and not _restricted(neg, k))
    focus = neg.focus(keys)
    # "no evidence of wrongdoing", "no sign of life": a content noun denied with its content is met
    # only by a claim that names that content (``content_nouns`` of data/predicates.yaml); the "of"
    # phrase of an act ("no inspection of the unit") names what it was done to, not a content
    lex = predicate_lexicon()
    content = frozenset(neg.parts.theme_of) - STOP \
        if neg.existential and set(keys) & lex["content_nouns"] else frozenset()
    if content and not content & (pos.mentions_text() | pos.heads):
        return []
    if OWN.search(neg.parts.theme or "") and not OWN.search(pos.text):
        return []  # "does not use its own network" sets its own against another's: met only by its own
    return keys if keys and (not focus or focus & pos.mentions_text()) else []


def _restricted(neg: View, key: str) -> bool:
    """Whether a denied noun is narrowed by a restrictive relative clause ("there
    was no town where turnout fell"): the denial is of the things the clause
    picks out, not of the kind, and a mere mention of a town does not meet it
    (restrictive relatives narrow the noun's denotation: CGEL ch. 12, 3)."""
    return bool(re.search(rf"(?i)\b(?:no|not\s+a|not\s+any)\s+(?:[\w-]+\s+){{0,3}}{re.escape(key)}\w*"
                          r"\s+(?:where|that|who|whose|which|in\s+which)\b", neg.text))


OWN = re.compile(r"(?i)(?:\b(?:its|their|his|her|our|my|your)|['’]s?)\s+own\b")
"""A possessor stressed by "own" (CGEL ch. 17, 2.3: "own" contrasts the possessor with others)."""


def _there(pos: View, keys: list[str]) -> str:
    """The side that takes ``keys`` to have been there, as a reason says it."""
    return f"{_who(pos)}: there was ({', '.join(dict.fromkeys(shown(k) for k in keys))})"


def _statement(neg: View, story: Story) -> list[tuple[View, frozenset]]:
    """What else ``neg``'s holder denies of the act ``neg`` denies, in the same
    statement: the things another denial of the same holder, the same article
    and the same predicate class names together with one ``neg`` denies ("No
    tear gas or rubber bullets were used. Claims that officers fired rubber
    bullets are false": the second denial belongs to a statement that denies
    tear gas too). A statement is read as a whole: its holder's position on
    the question is every thing it denies of that act (PARC 3.0 reads one
    source's attributions in one text together; the question a denial
    answers: de Marneffe et al. 2008, on contradiction in context). Returns
    each such denial with the things it adds, in the article's order."""
    own = neg.denied()
    out = []
    for w in story.denials.get(neg.article, ()):
        if w.id == neg.id or w.klass != neg.klass or neg.klass is None or not w.same_holder(neg):
            continue
        theirs = w.denied()
        if theirs & own and theirs - own:
            out.append((w, theirs - own))
    return out


def _existence(a: View, b: View, story: Story) -> tuple[str, str, str | None] | None:
    for neg, pos in ((a, b), (b, a)):
        keys = _met(neg, pos, neg.denied())
        if keys:
            return "contradicts", f"{_who(neg)}: no {_thing(neg, keys)} ({neg.stance_word()}); {_there(pos, keys)}", \
                "negation"
    for neg, pos in ((a, b), (b, a)):  # a denial read with the rest of its holder's statement
        if not neg.existential or neg.same_holder(pos):
            continue
        for whole, more in _statement(neg, story):
            keys = _met(whole, pos, more)
            if keys:
                return "contradicts", (f"{_who(neg)}: no {_thing(neg, sorted(neg.keys))} ({neg.stance_word()}), "
                                       f"in a statement that says no {_thing(whole, keys)}; {_there(pos, keys)}"), \
                    "negation"
    shared = sorted(k for k in a.keys | a.absent if a.denies_existence(k) and b.denies_existence(k))
    if shared:
        return "agrees", f"both say there was no {_thing(a, shared)}", None
    # two holders taking a denied thing to have been there ("plastic bullet wounds" / "spent plastic rounds"),
    # both naming it as what their clauses are about, or by its kind (a word said in passing, or a modifier,
    # "gun control", is no claim of it: one proposition, not one word)
    shared = sorted(k for k in (a.keys | a.mentions) & (b.keys | b.mentions) & story.denied
                    if a.asserts_existence(k) and b.asserts_existence(k)
                    and (is_kind(k) or (k in a.heads | a.keys and k in b.heads | b.keys and _one_act(a, b)))
                    and not (_proper(k, a.text) or _proper(k, b.text) or _denied_theme(a) or _denied_theme(b)))
    if shared and not a.same_holder(b):
        kinds = [shown(k) for k in shared if is_kind(k)]  # the class both name, else their shared words
        return "agrees", f"both say there was {kinds[0] if kinds else ' '.join(shared[:3])}", None
    return None


def _one_act(a: View, b: View) -> bool:
    """Whether two claims say a thing was there in one way: both that it existed,
    or both by one class of act ("fired X" / "used X"); "states shifting" and
    "the early states are important" name states in two propositions."""
    return (a.existential and b.existential) or (a.klass is not None and a.klass == b.klass)


def _denied_theme(v: View) -> bool:
    """Whether the claim's theme is a thing said not to be ("there is no evidence
    that P", read as a lack of information): it asserts none."""
    return (v.parts.theme or "").lower().startswith(("no ", "none ", "not "))


def _compound(a: View, b: View) -> tuple[str, str, str | None] | None:
    shared = sorted(a.compounds & b.compounds)
    if not shared or a.negative or b.negative or a.same_holder(b) or _figures_clash(a, b):
        return None
    return "agrees", f"both name the {written(shared[0], a.text, b.text)}", None


def _figures_clash(a: View, b: View) -> bool:
    """Whether two claims give figures of one unit that cannot both hold ("a zone
    of 5 km" / "the zone was 2 km"): naming one thing is then no agreement."""
    return any(qa.unit and qa.unit == qb.unit and not compatible(qa, qb)
               for qa in a.claim.quantities for qb in b.claim.quantities)


def _same(a: View, b: View) -> tuple[str, str, str | None] | None:
    shared = (specific_theme(a) & specific_theme(b)) - {a.predicate}
    if not shared or agents_differ(a, b):
        return None
    if bool(a.agent_names or a.agent_parties) != bool(b.agent_names or b.agent_parties):
        return None  # "X did not pay the tax" / "the tax was paid": by whom is unknown on one side
    if (a.parts.tense == "future") != (b.parts.tense == "future"):
        return None  # "it will have an effect" / "it has no effect": a forecast and a report, two times
    what = " ".join(sorted(shared))
    if a.negative != b.negative and _other_place(a, b):
        return None  # "not made in public posts" / "made in a private chat": the negation bears on where
    if a.negative == b.negative:
        return "agrees", f"both {'deny' if a.negative else 'say'}: {a.predicate} ({what})", None
    neg, pos = (a, b) if a.negative else (b, a)
    return "contradicts", (f"{_who(neg)} says not {neg.predicate} ({what}, {neg.stance_word()}); "
                           f"{_who(pos)} says {pos.predicate}"), "negation"


def _other_place(a: View, b: View) -> bool:
    """Whether both clauses say where the act was done and the places share no
    word: a negated clause with a place adjunct then denies the place, not the
    act (the focus of negation: Blanco & Moldovan 2011; CGEL ch. 9, 1.3)."""
    pa, pb = (content_words(v.parts.place) if v.parts.place else frozenset() for v in (a, b))
    return bool(pa and pb and not pa & pb)


def _about(v: View, story: Story, key: str) -> frozenset:
    """What an attribution is about: its theme's head nouns (an event noun is the
    story's event; :func:`~rashomon.compare.views.specific_theme`), nothing for
    a personal pronoun ("blasted him"), else the theme most attributions of its
    kind are about ("responsible for the consequences", "the ministry ordered
    it": the story's question)."""
    events = predicate_lexicon()["event_nouns"]
    t = frozenset(EVENT if h in events else h for h in specific_theme(v))
    if t and (v.parts is None or (v.parts.theme or "").lower() not in EVENT_PRONOUNS):
        return t  # "ordered it": the act in question, whatever noun the pronoun was tied to
    if v.parts is not None and (v.parts.theme or "").lower() in PRONOUN_THEMES:
        return frozenset()  # "blamed him for it": someone in its own context, not the story's theme
    if v.parts is not None and v.parts.theme is None and v.predicate in POINTING and v.summarises is None:
        return frozenset()  # "minister points at city hall": for which act, the words do not say
    if v.parts is not None and v.parts.theme is None and v.predicate == "cause" and not v.parts.copular:
        return frozenset()  # "took up the cause": a cause one serves (WordNet cause n. 2), of no act named
    main = story.themes.get(key)  # "responsible for the consequences", or no theme: the story's question
    return frozenset({EVENT if main in events else main}) if main else frozenset()


def _attribution(a: View, b: View, story: Story) -> tuple[str, str, str | None] | None:
    key = attribution_key(a.klass)
    if key is None or key != attribution_key(b.klass) or a.same_holder(b):
        return None
    if not (_about(a, story, key) & _about(b, story, key)):
        return None
    if a.negative != b.negative:
        one_act = a.klass == b.klass and (a.klass != "destruction" or a.predicate == b.predicate)
        if one_act and agents_same(a, b):
            neg, pos = (a, b) if a.negative else (b, a)
            did = "having done it" if (neg.agent or "").lower() in SELF_WORDS else f"that {neg.agent} did it"
            return "contradicts", f"{_who(neg)} denies {did}; {_who(pos)} says {pos.agent} did", "negation"
        return None
    if a.negative:
        return None
    if agents_differ(a, b):
        return "contradicts", f"{_who(a)} holds {a.agent} responsible; {_who(b)} holds {b.agent}", "attribution"
    if agents_same(a, b):
        return "agrees", f"both hold {a.agent} responsible", None
    return None


def _antonym(a: View, b: View) -> tuple[str, str, str | None] | None:
    ants = predicate_lexicon()["antonyms"].get(a.predicate or "", set())
    if b.predicate not in ants or not ((a.heads | a.keys) & (b.heads | b.keys)) or a.negative != b.negative:
        return None
    if a.agent_parties and b.agent_parties and not (a.agent_parties & b.agent_parties):
        return None  # two nations, one accepting and one rejecting (names alone may be aliases: "the guild", "UDW")
    return "contradicts", f"{_who(a)}: {a.predicate}; {_who(b)}: {b.predicate}", "antonym"


def _date(a: View, b: View) -> tuple[str, str, str | None] | None:
    """Two years for one dated act on one thing ("finished in 1931" / "built in 1932")."""
    if not (a.reports() and b.reports()) or a.negative or b.negative:
        return None
    da = {d.rsplit("|", 1)[0]: d.rsplit("|", 1)[1] for d in a.parts.dated}
    for d in b.parts.dated:
        what, year = d.rsplit("|", 1)
        if what in da:
            noun = what.split("|")[1]
            if da[what] == year:
                return "agrees", f"both date the {noun} to {year}", None
            return "contradicts", f"{_who(a)}: the {noun} in {da[what]}; {_who(b)}: in {year}", "date"
    return None


UNIVERSAL = {"everybody", "everyone", "all", "anybody", "anyone"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"}


def _named(agent: str | None) -> bool:
    """Whether an agent names someone by a proper name ("Norvik Shipping"), not
    by a description ("the company"), a pronoun ("we") or everyone ("everybody
    on the unit")."""
    words = [w for w in (agent or "").split() if w.lower() not in DETERMINERS]
    if not words or words[0].lower() in UNIVERSAL or words[0].lower() in SELF_WORDS | PRONOUNS:
        return False
    return any(w[:1].isupper() for w in words)


def _knowers_meet(a: View, b: View) -> bool:
    """Whether two knowers may be one: the same agent, or either one not named by
    a proper name (a description may point at the other's name, "everybody"
    includes it). Two different proper names are two knowers."""
    return not agents_differ(a, b) or not (_named(a.agent) and _named(b.agent))


def _knowledge(a: View, b: View) -> tuple[str, str, str | None] | None:
    """Whether someone knew of a thing: one holder says the knower did not know
    of it ("denied that the firm had known of any leak", "we had no report of a
    leaking valve"), another that the knower did ("the firm knew about the leaking
    valve"): a negation of one proposition of awareness (de Marneffe et al. 2008)."""
    if a.negative == b.negative or a.same_holder(b) or not _knowers_meet(a, b):
        return None
    neg, pos = (a, b) if a.negative else (b, a)
    what = " ".join(sorted(knowledge_topic(neg) & knowledge_topic(pos))) or "it"
    knew = f"{_knower(pos)} knew" if pos.predicate in ("know", "aware") else f"it was reported ({pos.predicate})"
    return "contradicts", (f"{_who(neg)}: {_knower(neg)} did not know ({what}, {neg.stance_word()}); "
                           f"{_who(pos)}: {knew}"), "negation"


def _purpose(a: View, b: View) -> tuple[str, str, str | None] | None:
    """Why one act was done: one holder says its reason was the only one ("moved
    for one reason only: to have the parts ready"), another gives a reason that
    shares no word with it ("cancelled to save money"): two causes of one act
    that cannot both be the whole story (an exclusive excludes every other
    reason: Quirk et al. 1985, 8.116; opposite attribution of cause, de
    Marneffe et al. 2008). Two reasons with no exclusive may both hold: no relation."""
    pa, pb = a.parts, b.parts
    if a.same_holder(b) or not (pa.purpose_only or pb.purpose_only) \
            or (content_words(pa.purpose) & content_words(pb.purpose)) - EXCLUSIVE:
        return None
    only, other = (a, b) if pa.purpose_only else (b, a)
    return "contradicts", (f"{_who(only)}: {participle(only.predicate)} {_why(only)} (the only reason); "
                           f"{_who(other)}: {participle(other.predicate)} {_why(other)}"), "attribution"


WHY_WORDS = 8  # words of a purpose a reason shows


def _why(v: View) -> str:
    """A purpose as a reason shows it: its first ``WHY_WORDS`` words as written ("to save money")."""
    words = v.parts.purpose.split()
    return as_written(" ".join(words[:WHY_WORDS])) + (" …" if len(words) > WHY_WORDS else "")


def _knower(v: View) -> str:
    """Who knew, as a reason names it: the agent as written, a pronoun in lower case."""
    agent = (v.agent or "they").strip()
    return agent.lower() if agent.lower() in PRONOUNS | SELF_WORDS else plain(agent)


def compare_views(a: View, b: View, frame: str, story: Story | None = None) -> tuple[str, str, str | None] | None:
    """``(kind, reason, contradiction kind)`` for two views in one block of
    ``frame``, or None (see the module docstring)."""
    story = story or Story()
    if frame == "date":  # a dated act of any period
        return _date(a, b)
    if frame == "figure":  # a standing quantity, of any period
        return compare_figures(a, b)
    if not (a.comparable and b.comparable) or a.event != b.event or _places_apart(a, b, story.main_places):
        return None
    if frame == "measure":
        return _measure(a, b, story)
    if frame == "existence":
        return _existence(a, b, story)
    if frame == "same":
        return _same(a, b)
    if frame == "attribution":
        return _attribution(a, b, story)
    if frame == "antonym":
        return _antonym(a, b)
    if frame == "time":
        return compare_times(a, b, _who)
    if frame == "compound":
        return _compound(a, b)
    if frame == "mechanism":
        return compare_ways(a, b, _who)
    if frame == "knowledge":
        return _knowledge(a, b)
    if frame == "purpose":
        return _purpose(a, b)
    return None
