"""The parts of a claim's proposition, read from the dependency parse.

Given the head token of a proposition (:mod:`rashomon.extract.stance` finds it
under any reporting or denial verb), :func:`read_parts` returns a
:class:`~rashomon.types.PropositionParts`:

* ``predicate``: the head's lemma; for a copula the adjective or noun it
  links ("was overdue" → ``overdue``), for "there is/are N" the noun, for a
  light "come from"/"have" with a nominal subject or object the noun ("the
  order came from X" → ``order``), for a phrasal verb the verb and its
  particle ("blow_up", "take_part");
* ``predicate_class`` from ``data/predicates.yaml`` (``death``, ``order``…),
  looked up on the predicate and, failing that, on the head nouns of its
  arguments and the words a number counts;
* ``agent``: the active subject, a passive "by" phrase, the source of "came
  from", the possessor of "at the request of X";
* ``theme`` and ``theme_words``: the object, passive subject or copular
  subject, and the content words of the predicate's arguments and obliques
  (never of nested clauses), which say what the claim is about;
* ``negated`` (see :mod:`rashomon.extract.negation`), ``tense``;
* ``counts``: what the claim's figure measures (the class's ``counts``, the
  unit of a currency, a radius in km…) and ``measure``, its index in the
  claim's quantities; ``clock``: a time of day the clause names.
"""
from __future__ import annotations

import functools
import re

from rashomon import data as data_files
from rashomon.extract.lemmas import lemma
from rashomon.extract.measures import figure
from rashomon.extract.negation import lexical_negation, negation_cue
from rashomon.types import PropositionParts, Quantity

ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "pobj", "prep", "agent", "compound", "amod",
            "poss", "npadvmod", "oprd", "dative", "appos", "conj", "cc", "det", "nummod", "quantmod", "prt")
SKIP_DEPS = ("relcl", "ccomp", "advcl", "acl", "xcomp", "parataxis", "punct", "mark", "csubj")
CONTENT_POS = ("NOUN", "PROPN", "ADJ", "VERB", "NUM")
LIGHT = {"have", "come", "get", "take", "make", "give", "be", "put", "go", "do", "lie", "play", "bear", "commit"}
STOP = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
        "which", "who", "what", "some", "any", "all", "each", "every", "other", "such", "own", "same", "one",
        "people", "thing", "lot", "part", "kind", "way", "time", "day", "year", "number", "figure", "more",
        "most", "many", "much", "several", "few", "less", "least", "first", "last", "new", "also", "still",
        "there", "here", "only", "just", "even", "very"}
_CLOCK = re.compile(
    r"(?i)\b(?:(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b(?!\s*(?:%|percent|per\s*cent|km|m\b))"
    r"|(?P<h2>1[0-2]|[1-9])\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock"
    r"(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))?"
    r"|(?P<mid>midnight|noon|midday))")
_CLOCK_HINT = re.compile(r"(?i)\d|clock|midnight|noon|midday")
ASPECTUAL = {"begin", "start", "continue", "resume"}
UNACCUSATIVE = {"collapse", "explode", "burst", "break", "sink", "crumble", "fail", "fall", "rise", "burn",
                "flood", "give", "crack", "erupt", "ignite"}
"""Verbs whose subject undergoes the event rather than doing it (Perlmutter 1978; Levin 1993,
ch. 45 "verbs of change of state"): "the bridge collapsed" names no agent."""
CAUSE_OF = {"behind", "in"}
"""The prepositions that name what a cause is of ("lay behind the leak", "played a part in the fire")."""
RELATIVE = {"that", "which"}  # a word that may open a clause the parser took for an object
CAUSAL_PREPS = {"after", "from", "by", "because", "due", "following", "in"}
SCALE = {"rise", "fall", "climb", "increase", "decrease", "raise", "lower", "revise", "reach", "stand", "put",
         "update", "drop", "jump", "grow", "double", "top", "exceed"}  # verbs that move or set a figure
LEADS = {"chair", "head", "lead", "run", "direct", "command", "control"}  # "X, which Y chairs": Y acts through X
DATED = {"completion"}  # classes of acts dated once in a thing's life ("built in 1931")
TAKE_ON = {"bear", "commit", "take"}  # light verbs whose object is the predicate ("took responsibility")
GIVE = {"give", "issue", "make", "sign", "put", "set", "commit", "carry"}  # light verbs whose subject does the act their object names
LOCATIVE = {"in", "on", "at", "near", "inside", "outside", "across", "along", "within"}
EXISTENTIAL = {"exist", "use", "fire", "deploy", "happen", "occur", "sound", "take_place", "launch",
               "shoot", "throw", "hear", "go_off", "carry_out", "receive", "find"}
"""Verbs whose clause says its theme existed, was used, happened or was perceived
(FrameNet: Existence, Using, Shoot_projectiles, Event, Make_noise, Perception_experience)."""
_WORD_HOURS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """``data/predicates.yaml``: word → class, class → counts, responsibility
    classes, the counts compared per group of people (``by_group``), the
    absence classes, the groups, antonym pairs, background words (cached)."""
    raw = data_files.load("predicates.yaml")
    word_class: dict[str, str] = {}
    counts: dict[str, str] = {}
    responsibility = set()
    for name, entry in raw["classes"].items():
        for w in entry["words"]:
            word_class.setdefault(w, name)
        if entry.get("counts"):
            counts[name] = entry["counts"]
        if entry.get("responsibility"):
            responsibility.add(name)
    antonyms: dict[str, set[str]] = {}
    for e in raw["antonyms"]:
        a, b = e["pair"]
        antonyms.setdefault(a, set()).add(b)
        antonyms.setdefault(b, set()).add(a)
    return {"class": word_class, "counts": counts, "responsibility": frozenset(responsibility),
            "by_group": frozenset(counts[n] for n, e in raw["classes"].items() if e.get("by_group")),
            "absence": frozenset({"absence"}), "groups": raw["groups"],
            "intensional": frozenset(raw["intensional"]["words"]),
            "modal_nouns": frozenset(raw["intensional"]["nouns"]),
            "focus": frozenset(raw["negation_focus"]["words"]),
            "euphemisms": {w: name for name, ws in raw["euphemisms"].items() if name != "source" for w in ws},
            "phrases": frozenset(w.removeprefix("not_") for w in [*word_class, *EXISTENTIAL, *(
                w for name, ws in raw["euphemisms"].items() if name != "source" for w in ws)] if "_" in w),
            "antonyms": antonyms, "event_nouns": frozenset(raw["event_nouns"]["words"]),
            "event_results": frozenset(raw["event_nouns"]["results"]),
            "culprits": frozenset(raw["culprits"]["words"]),
            "background_nouns": frozenset(raw["background"]["nouns"]),
            "background_verbs": frozenset(raw["background"]["verbs"])}


_MEMO: dict = {}
_MEMO_DOC: list = [None]


def _memo(tok) -> dict:
    """Results kept per token of the Doc being read (a claim's predicate is read
    by several rules): emptied when a token of another Doc comes."""
    doc = tok.doc
    if _MEMO_DOC[0] is not doc:
        _MEMO_DOC[0] = doc
        _MEMO.clear()
    return _MEMO


def _phrasal(tok) -> str:
    """A verb's lemma, joined to its particle ("blow_up") or to the object or
    adverb that makes a listed phrase with it ("take_part", "lose_life",
    "come_home"); else the lemma (kept per token: :func:`_memo`)."""
    memo = _memo(tok)
    key = ("phrasal", tok.i)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _read_phrasal(tok)
    return got


def _read_phrasal(tok) -> str:
    lem = lemma(tok)
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt:
        return f"{lem}_{prt}"
    # "take part", "play (no) part", "lose their lives", "(never) come home"
    known = lexicon()["phrases"]
    for c in tok.children:
        if c.dep_ in ("dobj", "advmod"):
            cand = f"{lem}_{lemma(c) if c.dep_ == 'dobj' else c.lower_}"
            if cand in known:
                return cand
    if lem == "move" and any(c.dep_ == "prep" and c.lower_ == "into" for c in tok.children):
        return "move_in"  # "moved into the square": moved in
    classes = lexicon()["class"]
    for c in tok.children:  # a listed verb and preposition ("the cuts lay behind the leak": lie_behind)
        if c.dep_ == "prep" and f"{lem}_{c.lower_}" in classes:
            return f"{lem}_{c.lower_}"
    return lem


def _skip(c) -> bool:
    return c.dep_ in SKIP_DEPS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))


def _arguments(tok):
    """Tokens of the predicate's arguments and obliques, not entering clauses
    (nor a coordinated clause: "X entered the yard, and pepper spray was fired")."""
    memo = _memo(tok)
    key = ("arguments", tok.i)
    got = memo.get(key)
    if got is not None:
        return list(got)
    out, stack = [], [c for c in tok.children if not _skip(c)]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if not _skip(c))
    out.sort(key=lambda t: t.i)
    memo[key] = tuple(out)
    return out


def _np(tok) -> str:
    """A noun phrase's words, without its clauses, appositions and dates ("no
    warning, nothing on a loudspeaker" → "no warning"; "the company on Friday"
    → "the company")."""
    appos = {t.i for c in tok.children if c.dep_ == "appos" or (c.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)) for t in c.subtree}
    toks = [tok] + [t for t in _arguments(tok) if t.i not in appos]
    toks.sort(key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def _agent_text(tok) -> str:
    """An agent as written, with a relative clause that names who leads it ("the
    harbour board, which the governor chairs": the governor acts through it)."""
    lead = next((c for c in tok.children if c.dep_ == "relcl" and lemma(c) in LEADS), None)
    return _np(tok) if lead is None else " ".join(t.text for t in tok.subtree if not t.is_punct)


def _content(tokens) -> list[str]:
    out = []
    for t in tokens:
        if t.pos_ in CONTENT_POS and t.is_alpha and len(t.text) > 2:
            w = lemma(t) if t.pos_ != "PROPN" else t.lower_
            if w not in STOP:
                out.append(w)
    return list(dict.fromkeys(out))


def clock_times(text: str) -> list[int]:
    """Times of day named in ``text`` as minutes after midnight ("6 p.m." → 1080,
    "00:40" → 40, "six o'clock in the evening" → 1080, "midnight" → 0); an
    hour word without a part of the day gives both readings (6:00 and 18:00)."""
    out = []
    if not _CLOCK_HINT.search(text):  # no digit, "o'clock", "midnight", "noon" or "midday": no time of day
        return out
    for m in _CLOCK.finditer(text):
        if m.group("h") is not None:
            out.append(int(m.group("h")) * 60 + int(m.group("m")))
        elif m.group("h2") is not None:
            h = int(m.group("h2")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
            out.append(h * 60)
        elif m.group("w") is not None:
            h = _WORD_HOURS[m.group("w").lower()] % 12
            part = (m.group("part") or "").lower()
            if part in ("afternoon", "evening") or (part == "night" and h >= 6):
                out.append((h + 12) * 60)
            elif part:
                out.append(h * 60)
            else:
                out += [h * 60, (h + 12) * 60]
        else:
            out.append(0 if m.group("mid").lower() == "midnight" else 720)
    return out


def _cause(head):
    """What an unaccusative verb's event came from: a destruction named after
    "after", "from", "by", "because of" or "due to" ("the bridge collapsed after a
    series of Peruvian strikes" → the strikes), or None."""
    classes = lexicon()["class"]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in CAUSAL_PREPS:
            continue
        for p in [prep, *(g for g in prep.children if g.dep_ == "prep")]:
            for obj in p.children:
                if obj.dep_ == "pobj" and any(classes.get(lemma(n)) == "destruction" for n in _head_nouns(obj)):
                    return obj
    return None


def _noun_agent(noun):
    """Who does what an event noun names: its "by" phrase ("the attack on the depot
    by the rebels"), its possessor ("Peru's attack"), or a nationality
    adjective ("Chilean sabotage"); None."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")):
            return c
    return None


def _agent(head, pred_tok):
    """Who acts or causes: passive "by" agent, active subject, "came from X",
    "at the request/order of X"; for an unaccusative verb ("collapsed",
    "exploded") not its subject but the destruction it followed from."""
    for c in head.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in head.children:
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            if c.lower_ == "from" and lemma(head) == "come":
                return obj
            if lexicon()["class"].get(lemma(obj)) in ("order", "cause"):
                of = next((g for g in obj.children if g.dep_ == "prep" and g.lower_ == "of"), None)
                src = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
                if src is not None:
                    return src
                poss = next((g for g in obj.children if g.dep_ == "poss"), None)
                if poss is not None:
                    return poss
    if pred_tok.i != head.i and pred_tok.pos_ == "NOUN" and lexicon()["class"].get(lemma(pred_tok)) in \
            lexicon()["responsibility"]:
        found = _noun_agent(pred_tok)  # "this is sabotage by the other side"
        if found is not None:
            return found
    if head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
        return None
    if lemma(head) in UNACCUSATIVE and not any(c.dep_ == "dobj" for c in head.children):
        return _cause(head)
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is not None and (pred_tok.i == head.i or (pred_tok.dep_ != "nsubj" and lemma(head) in GIVE)):
        return subj  # "she gave the order": she ordered; "committed an act of terror"
    if subj is not None and lexicon()["class"].get(lemma(pred_tok)) == "cause":
        return subj  # "X was responsible for Y", "X lay behind Y"
    return None


def _informative_conjunct(head, lex: dict):
    """A verb coordinated with ``head`` under one subject that carries a listed
    class or euphemism when ``head`` carries none ("five colleagues went to work
    and will never come home": the coming home); else ``head``."""
    if head.pos_ != "VERB" or lex["class"].get(_phrasal(head)):
        return head
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            ph = _phrasal(c)
            if ph in lex["class"] or ("not_" if negation_cue(c) else "") + ph in lex["euphemisms"]:
                return c
    return head


RAISING = {"appear", "seem", "look"}
"""Evidential raising verbs ("appeared to show", "seems to have burned"): a hedge
on their infinitive, which holds the proposition (FactBank, Saurí & Pustejovsky
2009: the evidential's complement is the event, its factuality lowered to
probable; the hedge itself is kept from ``data/hedges.yaml``)."""
SHOWING = {"show", "reveal", "capture", "depict"}
"""Verbs by which a record shows an event ("the video shows guards firing gas"):
the event shown is the proposition (FactBank's evidential perception predicates;
FrameNet Evidence)."""


def _evidential(head):
    """The clause an evidential verb carries, read through "appear to" and
    "show X doing Y" ("footage appeared to show guards firing gas" → firing);
    ``head`` when it carries none."""
    if lemma(head) in RAISING:
        comp = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        head = comp if comp is not None else head
    if lemma(head) in SHOWING:
        comp = next((c for c in head.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None) or next(
            (g for c in head.children if c.dep_ == "dobj" for g in c.children
             if g.dep_ == "acl" and g.tag_ == "VBG"), None)
        head = comp if comp is not None else head
    return head


def _aspectual(head):
    """The verb an aspectual verb carries: "bailiffs began clearing the camp" →
    clearing; "the operation to clear the camp had begun" → clear (the
    subject's clause); None when ``head`` is not aspectual or carries no verb."""
    if lemma(head) not in ASPECTUAL:
        return None
    comp = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if comp is not None:
        return comp
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ == "NOUN":
        return next((c for c in subj.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    return None


def _head_nouns(tok, of: bool = True) -> list:
    """A noun phrase's head nouns: ``tok`` and its conjuncts ("pepper spray or plastic
    bullets"), each with (``of``) the noun of its "of" complement ("the
    inspection of the unit"); pronouns and numbers are left out."""
    out = []
    for t in (tok, *tok.conjuncts):
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        out.append(t)
        if of:
            out += _of_nouns(t)
    return out


def _of_nouns(t) -> list:
    return [g for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]


def _is_of(t, nouns) -> bool:
    """Whether ``t`` is the noun of an "of" complement of another of ``nouns``."""
    return t.head.dep_ == "prep" and t.head.lower_ == "of" and any(n.i == t.head.head.i for n in nouns)


def _modifiers(nouns) -> list[str]:
    """Lemmas of the nouns that modify ``nouns`` ("pepper spray" → pepper, "plastic bullets" → plastic)."""
    return list(dict.fromkeys(lemma(c) for t in nouns for c in t.children
                              if c.dep_ == "compound" or (c.dep_ == "amod" and c.pos_ == "NOUN")))


def _existential(head, pred_tok) -> bool:
    """Whether the clause asserts that its theme existed, was used or happened:
    "there be" ("There were no casualties") or a verb of use, occurrence or
    perception (``EXISTENTIAL``: "No pepper spray was used", "the alarms never sounded")."""
    if lemma(head) == "be" and any(c.dep_ == "expl" for c in head.children):
        return True
    theme = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if theme is not None and theme.pos_ == "PRON":
        return False  # "I have not heard it": a thing said before, not whether any was there
    return _phrasal(head) in EXISTENTIAL or (pred_tok.i == head.i and lemma(head) in EXISTENTIAL)


def _theme_nouns(head, pred_tok, theme_tok, lem: str, outer=None) -> list:
    """The head nouns a claim is about: its theme's (object, passive subject,
    copular subject), a copular noun's ("What they got was spray and batons"),
    else an intransitive verb's subject ("the alarms never sounded")."""
    nouns = _head_nouns(theme_tok) if theme_tok is not None else []
    if pred_tok.i != head.i and pred_tok.pos_ in ("NOUN", "PROPN") and pred_tok.dep_ in ("attr", "acomp"):
        nouns += _head_nouns(pred_tok)
    if not nouns and not any(c.dep_ in ("dobj", "attr", "acomp") and lem != f"{lemma(head)}_{lemma(c)}"
                             for c in head.children):
        # an intransitive clause is about its subject: "the alarms never sounded", "the level fell"
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None and outer is not None and outer.i != head.i:  # "the level began to fall": the level
            subj = next((c for c in outer.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            nouns = _head_nouns(subj)
    if not nouns:  # "ordered everyone living nearby to leave": what was ordered
        nouns = [c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return nouns


def _place(head) -> str | None:
    """The locative phrases of a clause, on its verb or on its subject or object
    ("about 9,000 people on the north shore", "in Peruvian-held areas"), joined
    by "; ", or None; a phrase about a date or time is not a place."""
    hosts = [head, *(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    out = []
    for h in hosts:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
                continue
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ not in ("DATE", "TIME"):
                out.append(" ".join(t.text for t in prep.subtree))
    return "; ".join(out) or None


def _time_words(head, args=None) -> str | None:
    """The words that date a clause's own predicate and its arguments ("In 2019
    the strike cost …", "a fire at the plant in August 2017 injured two"), not
    those of a clause inside it ("mined after they took the bridge in 2019")
    nor of the verb that reports it: its date and time entities, "; "-joined."""
    out, run = [], []
    for t in (args if args is not None else _arguments(head)):
        if t.ent_type_ in ("DATE", "TIME") and (not run or t.i == run[-1].i + 1):
            run.append(t)
            continue
        if run:
            out.append(" ".join(x.text for x in run))
        run = [t] if t.ent_type_ in ("DATE", "TIME") else []
    if run:
        out.append(" ".join(x.text for x in run))
    return "; ".join(out) or None


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _dated(head, cls: str | None, nouns, lex: dict) -> list[str]:
    """The years a clause gives for a dated act (``DATED`` classes) on a noun:
    its own predicate ("The bridge was finished in 1931") or a participle on a
    noun ("the bridge, built in 1931, …"; "Completed in 1931, the bridge …"),
    as ``class|noun|year``."""
    out = []
    if cls in DATED and nouns:
        year = next((m.group(1) for t in head.children if t.dep_ in ("prep", "npadvmod")
                     for m in [_YEAR.search(" ".join(x.text for x in t.subtree))] if m), None)
        if year:
            out.append(f"{cls}|{lemma(nouns[0])}|{year}")
    for t in head.subtree:
        if t.tag_ != "VBN" or t.dep_ not in ("acl", "advcl") or lex["class"].get(lemma(t)) not in DATED:
            continue
        m = _YEAR.search(" ".join(x.text for x in t.subtree))
        noun = t.head if t.dep_ == "acl" else next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if m and noun is not None and (noun.pos_ in ("NOUN", "PROPN") or noun.lower_ == "it"):
            out.append(f"{lex['class'][lemma(t)]}|{lemma(noun)}|{m.group(1)}")  # "it": resolved in the article
    return list(dict.fromkeys(out))


def _clause_tense(said, outer, euphemism: bool) -> str:
    """The tense of a proposition read from ``outer`` (a Token) in the clause
    headed by ``said``: an evidential's past dates what it shows ("appeared to
    show guards firing": past); a euphemism of death is a past event."""
    if euphemism or (_evidential(said).i != said.i and _tense(said) == "past"):
        return "past"
    return _tense(outer)


def _tense(head) -> str:
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"would", "could", "might", "should"} and "have" in aux and head.tag_ == "VBN":
        return "conditional"  # "a 3 km cordon would have kept the hamlet out"
    if aux & {"will", "would", "shall", "'ll", "wo"}:
        return "future"
    return "past" if head.tag_ == "VBD" or aux & {"had", "was", "were", "did", "has", "have"} else "present"


def _light_predicate(head, lem: str, classes: dict):
    """For a copula or light verb, the token that carries the meaning: its
    complement ("was overdue"), its classed subject ("the command came from X") or
    object ("twelve had burns", "put the death toll at seven"); else ``head``."""
    if not (lemma(head) in LIGHT or head.pos_ == "AUX"):
        return head
    kids = list(head.children)
    comp = next((c for c in kids if c.dep_ in ("acomp", "attr", "oprd")), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if comp is not None:
        return comp
    if lem not in classes and subj is not None and lemma(head) == "come" and lemma(subj) in classes:
        return subj  # "the order came from the ministry"
    if lem not in classes and obj is not None and lemma(obj) in classes:
        return obj  # "twelve had burns", "put the death toll at seven", "bears responsibility"
    if obj is not None and lemma(obj) == "act":  # "committed an act of terror"
        of = next(iter(_of_nouns(obj)), None)
        if of is not None and lemma(of) in classes:
            return of
    return head


POINTING = {"point_at", "point_to", "point_finger"}
"""Pointing at someone holds them responsible ("pointed the finger at the board"); the object is the one blamed."""


def _blamed(head, agent_tok, theme_tok):
    """"blamed X for Y", "accused X of Y": X is the one held responsible, Y what
    for; the verb of an "of" complement ("accused X of blowing up the bridge") is
    returned as the proposition's head. Returns ``(head, agent, theme)``."""
    lem = lemma(head)
    if lem == "point":  # "pointed (the finger) at the port board", "points to the contractor": held responsible
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "to")), None)
        who = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        return (head, who, None) if who is not None and _phrasal(head) in POINTING else (head, agent_tok, theme_tok)
    if lem not in ("blame", "accuse"):
        return head, agent_tok, theme_tok
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return head, agent_tok, theme_tok
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == ("for" if lem == "blame" else "of")),
                None)
    what = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if what is not None and what.pos_ == "VERB":
        theme = next((c for c in what.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return what, obj, theme
    return head, obj, what


def _reading_head(head):
    """The token a proposition is read from, and how its polarity turns on the
    way: ``(head, outer, inner, flip, negating_head)``. "ruled out selling its
    stake", "refused to leave": the complement, negated ("did not rule out that
    P" hedges P: not negated); "five went to work and never came home": the
    informative conjunct; "bailiffs began clearing the camp": the clearing
    (``inner``), negated with "began" (``outer``)."""
    negating, phrasal = _negating()
    flip, negating_head = False, None
    head = _evidential(head)
    if lemma(head) in negating or tuple(_phrasal(head).split("_")) in phrasal:
        comp = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp", "pcomp")), None)
        if comp is not None:
            head, flip = comp, negation_cue(head) is None
        elif any(c.dep_ == "dobj" for c in head.children):
            negating_head = head  # "ruled out a ban" negates the ban; "did not rule out a ban" does not;
            # "the levee had been neglected" (no object) is a neglect, not a negation
    head = _informative_conjunct(head, lexicon())
    outer = head
    inner = _aspectual(head)
    if inner is not None:
        head, flip = inner, flip != (negation_cue(outer) is not None)
    return head, outer, inner, flip, negating_head


def _class_of(head, lem: str, words: list[str], absent: list[str], kids, lex: dict) -> tuple[str | None, bool]:
    """The predicate's class and whether it is the predicate's own (else read
    from an argument word: "five workers were found dead"; never a
    responsibility class from a mere argument); a scale verb counts what its
    subject or object counts ("the toll rises to four")."""
    classes = lex["class"]
    cls = classes.get(lem) or classes.get(lemma(head))
    own = cls is not None
    if cls is None:
        cls = next((classes[w] for w in words if w in classes and classes[w] not in lex["responsibility"]
                    and w not in absent), None)
    if cls is None and present_group(head):  # "9,000 of us on Harbour Road": people present at a gathering
        cls, own = "participation", True
    if cls not in lex["counts"] and lemma(head) in SCALE:
        counted = next((classes.get(lemma(c)) for c in kids if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                        and classes.get(lemma(c)) in lex["counts"]), None)
        cls, own = counted or cls, own or counted is not None
    return cls, own


PERSONS = {"us", "them", "you"}


def present_group(head) -> bool:
    """Whether a verbless clause's head is a number of persons at a place: "9,000
    of us on Harbour Road", "some 300 of them in the hall" (a partitive of a
    personal pronoun, the number its fused head: Huddleston & Pullum 2002, CGEL
    5.9; the copula dropped before a locative, as headlines and posts drop it:
    Mårdh 1980). Being there in number is taking part (FrameNet Presence,
    Participation)."""
    if head.pos_ != "NUM" or head.dep_ != "ROOT":
        return False
    kids = list(head.children)
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in PERSONS for g in c.children)
               for c in kids) and any(c.dep_ == "prep" and c.lower_ in LOCATIVE for c in kids)


def _absent(kids, args, lex: dict) -> list[str]:
    """What a "without" phrase denies ("charged without warning") and the nouns
    an absence adjective says are missing ("asked it to schedule the overdue
    inspection")."""
    out = [lemma(g) if g.pos_ == "NOUN" else g.lower_ for prep in kids if prep.dep_ == "prep"
           and prep.lower_ == "without" for g in prep.children
           if g.dep_ in ("pobj", "pcomp") and (g.pos_ == "NOUN" or g.tag_ == "VBG")
           and not any(c.dep_ in ("det", "poss") for c in g.children)]  # "without warning", not "without this network"
    return out + [lemma(t) for t in args + _nonfinite_arguments(kids) if t.pos_ == "NOUN" and any(
        c.dep_ == "amod" and lex["class"].get(lemma(c)) in lex["absence"] for c in t.children)]


def _nonfinite_arguments(kids) -> list:
    """The arguments of the non-finite clauses a predicate takes ("wrote …
    asking it to schedule the overdue audit": asking, schedule, the audit): an
    attributive adjective's content is presupposed there as in the main clause
    (presuppositions project out of infinitival and participial complements:
    Karttunen 1973, "Presuppositions of compound sentences"; FactBank, Saurí &
    Pustejovsky 2009)."""
    out, stack = [], [c for c in kids if c.dep_ in ("xcomp", "advcl") and c.tag_ in ("VB", "VBG")
                      and not any(g.dep_ == "mark" for g in c.children)]
    while stack:
        verb = stack.pop()
        out += _arguments(verb)
        stack += [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
    return out


def _roles(head, outer, inner, pred_tok, lem: str, cls, kids, lex: dict):
    """Who acts and what is acted on: ``(agent, theme, pred_tok, lem, cls)``
    tokens, the predicate moved to an event noun of the subject when the
    clause's own is none ("the attack on the depot by the rebels has cut
    the power …": an attack by them on the depot)."""
    classes = lex["class"]
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    by = _noun_agent(subj) if subj is not None else None
    nominal = by is not None and by.dep_ == "pobj" and cls not in lex["responsibility"] \
        and classes.get(lemma(subj)) in lex["responsibility"]
    if nominal:
        pred_tok, lem, cls = subj, lemma(subj), classes.get(lemma(subj))
    agent = by if nominal else _agent(head, pred_tok)
    if agent is None and inner is not None and inner.dep_ == "xcomp" and lemma(inner) not in UNACCUSATIVE:
        agent = _agent(outer, outer)  # "bailiffs began clearing": the bailiffs clear ("the level began to fall": no one)
    if agent is None and head.dep_ == "acl" and head.tag_ == "VBG" and lemma(head.head.head) in SHOWING:
        agent = head.head  # "showed guards firing gas": the guards fire
    if agent is None and head.dep_ == "xcomp" and lemma(head.head) in RAISING:
        agent = _agent(head.head, head.head)  # "guards appear to have fired gas": the guards fired it
    if agent is None and head.dep_ == "conj" and head.head.pos_ == "VERB":
        agent = _agent(head.head, head.head)  # "five went to work and never came home": the five
    if cls not in lex["responsibility"] and agent is not None and agent.head.dep_ == "prep" \
            and agent.head.lower_ == "of" and classes.get(lemma(agent.head.head)) == "order":
        cls = "order"  # "moved in at the request of X": X ordered it
    theme = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
    if theme is None and head.dep_ == "acl" and head.tag_ == "VBN":
        theme = head.head  # "counted 340 people rescued from the island": the people were rescued
    if theme is None and pred_tok.dep_ == "attr" and any(c.dep_ == "expl" for c in kids):
        theme = pred_tok  # "there were no civilian casualties": the casualties
    if nominal:  # "the attack on the depot by X": the depot
        theme = next((g for p in subj.children if p.dep_ == "prep" and p.lower_ in ("on", "of", "against")
                      for g in p.children if g.dep_ == "pobj"), None)
    elif theme is not None and theme.dep_ == "dobj" and (
            lem == f"{lemma(head)}_{lemma(theme)}" or (pred_tok.i != head.i and lemma(head) in TAKE_ON)):
        theme = None  # "took place", "bears responsibility", "committed an act of terror": part of the predicate
    if theme is None and pred_tok.i != head.i and cls in lex["responsibility"]:
        # "took responsibility for the blast": what it is responsible for
        theme = next((g for p in pred_tok.children if p.dep_ == "prep" and p.lower_ == "for"
                      for g in p.children if g.dep_ in ("pobj", "pcomp")), None)
    if theme is None and cls in lex["responsibility"] and pred_tok.i == head.i:
        # "cuts lay behind the leak", "played no part in the collapse": what the cause is of
        hosts = [head, *(c for c in kids if c.dep_ == "dobj")]
        theme = next((g for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ in CAUSE_OF
                      for g in p.children if g.dep_ == "pobj"), None)
    if head.pos_ == "NOUN" and cls in lex["responsibility"] and head.dep_ == "dobj":
        # "the ministry denied responsibility for the blast": its own, for the blast
        theme = theme or next((g for p in head.children if p.dep_ == "prep" and p.lower_ in ("for", "in", "of")
                               for g in p.children if g.dep_ == "pobj"), None)
        agent = agent or _noun_agent(head) or next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if theme is not None and theme.lower_ in RELATIVE and lemma(head) in UNACCUSATIVE:
        theme = None  # "told the paper that the fire burned for hours": "that" opens the clause, the fire burned
    if theme is None and pred_tok.i != head.i and pred_tok.dep_ in ("acomp", "attr", "oprd", "nsubj"):
        theme = next((c for c in kids if c.dep_ == "nsubj"), None)  # "the unit was overdue": the unit
    return agent, theme, pred_tok, lem, cls


def read_parts(head, quantities: list[Quantity], text: str, base: int) -> PropositionParts:
    """The :class:`PropositionParts` of the proposition headed by ``head`` (a
    Token); ``quantities`` are the claim's figures, ``text`` its words and
    ``base`` their start offset in the article (to tie a figure to the
    predicate's arguments)."""
    lex = lexicon()
    said = head
    head, outer, inner, flip, negating_head = _reading_head(head)
    lem = _phrasal(head)
    pred_tok = _light_predicate(head, lem, lex["class"])
    if pred_tok.i != head.i:
        lem = lemma(pred_tok)
    kids = list(head.children)
    args = _arguments(head)
    words = _content(args + ([pred_tok] if pred_tok.i != head.i else []))
    absent = _absent(kids, args, lex)
    cls, own_class = _class_of(head, lem, words, absent, kids, lex)
    if cls is None and head.dep_ == "dobj" and lex["class"].get(lemma(head.head)) == "knowledge":
        cls = "knowledge"  # "operators reported a leaking valve": the thing reported is made known (a report of a fault)
    agent_tok, theme_tok, pred_tok, lem, cls = _roles(head, outer, inner, pred_tok, lem, cls, kids, lex)
    negating, phrasal = _negating()
    negated = negation_cue(head) is not None or (pred_tok.i != head.i and negation_cue(pred_tok) is not None)
    if flip or lexical_negation(head, negating, phrasal) or negating_head is not None:
        negated = not negated
    euphemism = lex["euphemisms"].get(("not_" if negated else "") + lem)
    if euphemism is not None:  # "lost their lives", "will never come home": died
        cls, negated = euphemism, False
    blamed_head, agent_tok, theme_tok = _blamed(head, agent_tok, theme_tok)
    if blamed_head.i != head.i:  # "accused X of blowing up the bridge": X blew it up
        head = pred_tok = blamed_head
        lem = _phrasal(head)
        cls = lex["class"].get(lem) or cls
    nouns = _theme_nouns(head, pred_tok, theme_tok, lem, outer)
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    # "no alarm warned them": no X did what an X does, so there was no X
    no_subject = subj is not None and cls is not None and lex["class"].get(lemma(subj)) == cls \
        and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
    if no_subject:
        nouns = _head_nouns(subj)
    if theme_tok is None and cls == "order" and agent_tok is not None and _is_of(agent_tok, [agent_tok.head.head]) \
            and lex["class"].get(lemma(agent_tok.head.head)) == "order":
        nouns = []  # "the police acted at the request of X": what was ordered is the act, not the police
    if cls in lex["absence"]:  # "the unit was overdue for inspection": the inspection is what is missing
        nouns = [g for prep in pred_tok.children if prep.dep_ == "prep" and prep.lower_ == "for"
                 for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"] or nouns
    measure, counts = figure(head.head if head.dep_ == "conj" or (head.dep_ == "acl" and head.tag_ == "VBN") else head,
                             quantities, cls, lem, lex, text, base,
                             own_class)
    if measure is not None and counts is None and lemma(head) == "put" and theme_tok is not None:
        # "put the figure at 3,000" (an earlier claim's measure), "put the death toll at five"
        counts = lex["counts"].get(lex["class"].get(lemma(theme_tok), ""), "ref")
    info = _information()
    had = next((c for c in kids if c.dep_ == "dobj" and lemma(c) in info), None) if lemma(head) in POSSESS else None
    if negated and subj is not None and had is not None and _had_word_of(head, had):
        lem, cls, agent_tok = "know", "knowledge", subj  # "we had no report of a leak": we did not know of one
    elif negated and (pred_tok.lower_ in info or lemma(pred_tok) in info):
        cls, negated = "information", False  # "no details on the deaths": the holder lacks information
    clocks = clock_times(text)
    heads = [t for t in nouns if not _is_of(t, nouns)]
    return PropositionParts(
        predicate=lem, predicate_class=cls, negated=negated,
        agent=_agent_text(agent_tok) if agent_tok is not None else None,
        theme=_np(theme_tok) if theme_tok is not None else None,
        theme_words=words, measure=measure, counts=counts, place=_place(head),
        time=_time_words(outer, args if outer.i == head.i else None),
        clock=f"{clocks[0] // 60:02d}:{clocks[0] % 60:02d}" if clocks else None,
        tense=_clause_tense(said, outer, euphemism is not None),
        theme_heads=list(dict.fromkeys(lemma(t) for t in heads)),
        theme_of=list(dict.fromkeys(lemma(t) for t in nouns if _is_of(t, nouns))),
        theme_modifiers=_modifiers(heads), existential=no_subject or _existential(head, pred_tok), absent=absent,
        copular=pred_tok.i != head.i and pred_tok.pos_ in ("ADJ", "NOUN") and pred_tok.dep_ in ("acomp", "attr"),
        dated=_dated(head, cls, heads, lex) if _YEAR.search(text) else [])  # a year in the clause, else none


POSSESS = {"have", "receive", "get"}
TOPIC_PREPOSITIONS = {"of", "about", "on", "regarding", "concerning"}


def _had_word_of(head, noun) -> bool:
    """Whether an information noun that a possession verb's subject had ("we had
    no report of a leak", "the mill had no word about the boiler") names what it
    was about: then the subject did not know of it (FactBank: a negated source
    of knowledge; FrameNet Awareness). "There were no details on the deaths" has
    no one who lacks them: a gap in information, no denial. ``head`` is the
    possession verb (a spaCy Token), ``noun`` its object."""
    return any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS for c in noun.children)


@functools.lru_cache(maxsize=1)
def _information() -> frozenset:
    from rashomon.extract.stance import lexicon as stance_lexicon

    return stance_lexicon()["information"]


@functools.lru_cache(maxsize=1)
def _negating():
    from rashomon.extract.stance import lexicon as stance_lexicon

    s = stance_lexicon()
    return s["negating"], s["phrasal"]
