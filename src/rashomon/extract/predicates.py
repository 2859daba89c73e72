"""The predicate lexicon and the phrase reading every clause reader shares.

* :func:`lexicon`: ``data/predicates.yaml`` read once (word → class, class →
  counts, responsibility and absence classes, groups, antonyms, euphemisms…);
* a verb's phrasal lemma ("blow_up", "take_part"), a predicate's argument
  tokens (never entering nested clauses), a noun phrase's words, an agent's
  words, the content words of a clause (``STOP`` words left out);
* a noun phrase's head nouns, their "of" complements and modifiers.

Readings of one token are kept per Doc (:func:`_memo`): several rules read a
claim's predicate. :mod:`rashomon.extract.propositions` assembles the parts.
"""
from __future__ import annotations

import functools
from operator import attrgetter

from rashomon import data as data_files
from rashomon.extract.lemmas import lemma

ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "pobj", "prep", "agent", "compound", "amod",
            "poss", "npadvmod", "oprd", "dative", "appos", "conj", "cc", "det", "nummod", "quantmod", "prt")
_index = attrgetter("i")  # a token's index, the key that puts tokens in reading order
SKIP_DEPS = ("relcl", "ccomp", "advcl", "acl", "xcomp", "parataxis", "punct", "mark", "csubj")
CONTENT_POS = ("NOUN", "PROPN", "ADJ", "VERB", "NUM")
STOP = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
        "which", "who", "what", "some", "any", "all", "each", "every", "other", "such", "own", "same", "one",
        "people", "thing", "lot", "part", "kind", "way", "time", "day", "year", "number", "figure", "more",
        "most", "many", "much", "several", "few", "less", "least", "first", "last", "new", "also", "still",
        "there", "here", "only", "just", "even", "very"}
LEADS = {"chair", "head", "lead", "run", "direct", "command", "control"}  # "X, which Y chairs": Y acts through X
EXISTENTIAL = {"exist", "use", "fire", "deploy", "happen", "occur", "sound", "take_place", "launch",
               "shoot", "throw", "hear", "go_off", "carry_out", "receive", "find"}
"""Verbs whose clause says its theme existed, was used, happened or was perceived
(FrameNet: Existence, Using, Shoot_projectiles, Event, Make_noise, Perception_experience)."""


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
            "content_nouns": frozenset(raw["content_nouns"]["words"]),
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


def let_alone(tok) -> bool:
    """Whether a token is the "let" of "let alone", a coordinator after a negated
    clause ("has not warned them, let alone moved them"), or the conjunct after
    it: not a complement the clause's verb says or orders (Fillmore, Kay &
    O'Connor 1988, "Regularity and idiomaticity in grammatical constructions:
    the case of let alone"); the parser hangs both on that verb as complements."""
    return _let(tok) or any(_let(s) and s.i < tok.i for s in tok.head.children if s.i != tok.i)


def _let(tok) -> bool:
    return tok.lower_ == "let" and any(c.dep_ == "advmod" and c.lower_ == "alone" for c in tok.children)


def _absent_phrase(c) -> bool:
    """Whether ``c`` heads a phrase opened by the preposition "absent" ("absent
    a deal, the plant will close"): "absent" before a determiner is no
    attributive adjective (which follows the determiner: "the absent member")
    but the preposition "in the absence of", a condition of the clause, not
    one of its arguments (Merriam-Webster, *absent*, preposition; Quirk et al.
    1985, 15.33, on conditional adjuncts)."""
    first = c.left_edge
    return first.lower_ == "absent" and first.i + 1 < len(first.doc) \
        and first.doc[first.i + 1].dep_ == "det"


def _arguments(tok):
    """Tokens of the predicate's arguments and obliques, not entering clauses
    (nor a coordinated clause: "X entered the yard, and pepper spray was fired")."""
    memo = _memo(tok)
    key = ("arguments", tok.i)
    got = memo.get(key)
    if got is not None:
        return list(got)
    absent = _has_absent(tok, memo)  # an "absent" phrase needs a word "absent"
    out, stack = [], [tok]
    while stack:  # a child heading a clause (SKIP_DEPS, a coordinated verb) or an "absent" phrase is left out
        for c in stack.pop().children:
            dep = c.dep_
            if dep in SKIP_DEPS or (dep == "conj" and c.pos_ in ("VERB", "AUX")) or (absent and _absent_phrase(c)):
                continue
            out.append(c)
            stack.append(c)
    out.sort(key=_index)
    memo[key] = tuple(out)
    return out


def _has_absent(tok, memo: dict) -> bool:
    """Whether the Doc of ``tok`` holds the word "absent" (read once per Doc, kept in ``memo``;
    the tokens are looked at only when the lowercased text holds it)."""
    got = memo.get("absent")
    if got is None:
        doc = tok.doc
        got = memo["absent"] = "absent" in doc.text.lower() and any(t.lower_ == "absent" for t in doc)
    return got


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
