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
from rashomon.extract.negation import lexical_negation, negation_cue
from rashomon.types import PropositionParts, Quantity

ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "pobj", "prep", "agent", "compound", "amod",
            "poss", "npadvmod", "oprd", "dative", "appos", "conj", "cc", "det", "nummod", "quantmod", "prt")
SKIP_DEPS = ("relcl", "ccomp", "advcl", "acl", "xcomp", "parataxis", "punct", "mark", "csubj")
CONTENT_POS = ("NOUN", "PROPN", "ADJ", "VERB", "NUM")
LIGHT = {"have", "come", "get", "take", "make", "give", "be", "put", "go", "do", "lie", "play"}
STOP = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
        "which", "who", "what", "some", "any", "all", "each", "every", "other", "such", "own", "same", "one",
        "people", "thing", "lot", "part", "kind", "way", "time", "day", "year", "number", "figure", "more",
        "most", "many", "much", "several", "few", "less", "least", "first", "last", "new", "also", "still",
        "there", "here", "only", "just", "even", "very"}
MONEY_UNITS = {"EUR", "USD", "GBP", "JPY", "UAH", "RUB"}
OF_COUNTS = {"killed": "death", "wounded": "injured", "detained": "detained", "arrested": "detained",
             "evacuated": "evacuated", "displaced": "evacuated", "missing": "missing"}
_CLOCK = re.compile(
    r"(?i)\b(?:(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b(?!\s*(?:%|percent|per\s*cent|km|m\b))"
    r"|(?P<h2>1[0-2]|[1-9])\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock"
    r"(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))?"
    r"|(?P<mid>midnight|noon|midday))")
_WORD_HOURS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """``data/predicates.yaml``: word → class, class → counts, responsibility
    classes, antonym pairs, background words (cached)."""
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
            "antonyms": antonyms, "background_nouns": frozenset(raw["background"]["nouns"]),
            "background_verbs": frozenset(raw["background"]["verbs"])}


def _phrasal(tok) -> str:
    lem = lemma(tok)
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt:
        return f"{lem}_{prt}"
    # "take part", "play (no) part", "lose their lives"
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None and f"{lem}_{lemma(obj)}" in lexicon()["class"]:
        return f"{lem}_{lemma(obj)}"
    return lem


def _skip(c) -> bool:
    return c.dep_ in SKIP_DEPS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))


def _arguments(tok):
    """Tokens of the predicate's arguments and obliques, not entering clauses
    (nor a coordinated clause: "X entered the square, and tear gas was fired")."""
    out, stack = [], [c for c in tok.children if not _skip(c)]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if not _skip(c))
    return sorted(out, key=lambda t: t.i)


def _np(tok) -> str:
    toks = [tok] + [t for t in _arguments(tok)]
    toks.sort(key=lambda t: t.i)
    return " ".join(t.text for t in toks)


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
    "00:10" → 10, "six o'clock in the evening" → 1080, "midnight" → 0); an
    hour word without a part of the day gives both readings (6:00 and 18:00)."""
    out = []
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


def _agent(head, pred_tok):
    """Who acts or causes: passive "by" agent, active subject, "came from X",
    "at the request/order of X"."""
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
    if head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is not None and pred_tok.i == head.i:
        return subj
    if subj is not None and lexicon()["class"].get(lemma(pred_tok)) in lexicon()["responsibility"]:
        return subj  # "X was responsible for Y"
    return None


def read_parts(head, quantities: list[Quantity], text: str, base: int) -> PropositionParts:
    """The :class:`PropositionParts` of the proposition headed by ``head`` (a
    Token); ``quantities`` are the claim's figures, ``text`` its words and
    ``base`` their start offset in the article (to tie a figure to the
    predicate's arguments)."""
    lex = lexicon()
    classes = lex["class"]
    negating, phrasal = _negating()
    flip = False
    # "ruled out selling its stake", "refused to leave": the complement, negated
    # ("did not rule out that P" hedges P: the complement, not negated)
    negating_head = None
    if lemma(head) in negating or tuple(_phrasal(head).split("_")) in phrasal:
        comp = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp", "pcomp")), None)
        if comp is not None:
            head, flip = comp, negation_cue(head) is None
        else:  # "ruled out a ban" negates the ban; "did not rule out a ban" does not
            negating_head = head
    pred_tok = head
    lem = _phrasal(head)
    kids = list(head.children)
    if lemma(head) in LIGHT or head.pos_ == "AUX":
        comp = next((c for c in kids if c.dep_ in ("acomp", "attr", "oprd")), None)
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if comp is not None:
            pred_tok = comp
        elif lem not in classes and subj is not None and lemma(head) == "come" and lemma(subj) in classes:
            pred_tok = subj  # "the order came from the ministry"
        elif lem not in classes and obj is not None and lemma(obj) in classes:
            pred_tok = obj  # "nine had wounds", "put the death toll at five"
        if pred_tok.i != head.i:
            lem = lemma(pred_tok)
    args = _arguments(head)
    words = _content(args + ([pred_tok] if pred_tok.i != head.i else []))
    cls = classes.get(lem) or classes.get(lemma(head))
    if cls is None:  # a class read from the arguments ("five workers were found dead"), never a responsibility
        for w in words:
            if w in classes and classes[w] not in lex["responsibility"]:
                cls = classes[w]
                break
    agent_tok = _agent(head, pred_tok)
    if cls is None and agent_tok is not None and agent_tok.head.dep_ == "prep" and agent_tok.head.lower_ == "of":
        cls = classes.get(lemma(agent_tok.head.head))  # "at the request of X": X ordered it
    theme_tok = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
    if theme_tok is None and pred_tok.i != head.i:
        theme_tok = next((c for c in kids if c.dep_ == "nsubj"), None)
    information = pred_tok.lower_ in _information() or lemma(pred_tok) in _information()
    negated = negation_cue(head) is not None or (pred_tok.i != head.i and negation_cue(pred_tok) is not None)
    if flip or lexical_negation(head, negating, phrasal) or negating_head is not None:
        negated = not negated
    if lemma(head) == "blame":  # "blamed X for Y": X is the one held responsible for Y
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None:
            agent_tok, theme_tok = obj, next((g for c in kids if c.dep_ == "prep" and c.lower_ == "for"
                                              for g in c.children if g.dep_ == "pobj"), None)
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    tense = "future" if aux & {"will", "would", "shall", "'ll", "wo"} else (
        "past" if head.tag_ == "VBD" or aux & {"had", "was", "were", "did", "has", "have"} else "present")
    measure, counts = _measure(head, quantities, cls, lex, base)
    if measure is not None and counts is None and lemma(head) == "put" and theme_tok is not None:
        # "put the figure at 8,500" (an earlier claim's measure), "put the death toll at five"
        counts = lex["counts"].get(classes.get(lemma(theme_tok), ""), "ref")
    if information and negated:  # "no details on the deaths": the holder lacks information
        cls, negated = "information", False
    clocks = clock_times(text)
    return PropositionParts(
        predicate=lem, predicate_class=cls, negated=negated,
        agent=_np(agent_tok) if agent_tok is not None else None,
        theme=_np(theme_tok) if theme_tok is not None else None,
        theme_words=words, measure=measure, counts=counts,
        clock=f"{clocks[0] // 60:02d}:{clocks[0] % 60:02d}" if clocks else None, tense=tense)


@functools.lru_cache(maxsize=1)
def _information() -> frozenset:
    from rashomon.extract.stance import lexicon as stance_lexicon

    return stance_lexicon()["information"]


@functools.lru_cache(maxsize=1)
def _negating():
    from rashomon.extract.stance import lexicon as stance_lexicon

    s = stance_lexicon()
    return s["negating"], s["phrasal"]


def _measure(head, quantities: list[Quantity], cls: str | None, lex: dict, base: int) -> tuple[int | None, str | None]:
    """The claim's main figure (index into ``quantities``) and what it counts."""
    if not quantities:
        return None, None
    span_lo = min(t.idx for t in head.subtree)
    span_hi = max(t.idx + len(t) for t in head.subtree)
    inside = [k for k, q in enumerate(quantities) if q.start is not None and span_lo <= q.start < span_hi]
    if not inside:
        return None, None
    k = inside[0]
    q = quantities[k]
    if q.unit in MONEY_UNITS:  # a sum is compared with sums of the same predicate ("cost", "pay")
        return k, "payment" if cls == "payment" else f"money:{cls if cls == 'cost' and lemma(head) in lex['class'] else lemma(head)}"
    if q.unit == "km":
        return k, "radius" if cls == "radius" or cls is None else f"{cls}:km"
    if q.of == "duration":
        return k, "duration"
    if q.unit == "%":
        return k, None
    if q.of in OF_COUNTS:
        return k, OF_COUNTS[q.of]
    if cls in lex["counts"]:
        return k, lex["counts"][cls]
    return k, None
