"""Event labels: the event a date expression dates, read from the spaCy Doc.

A trigger word of ``data/timeline.yaml`` (a verb or an event noun of a
TimeML/CAMEO event class) near the expression names the event (:func:`event_of`);
without one, the "subject verb object" of the clause the date modifies does
(:func:`date_clause_label`, :func:`clause_label`). spaCy objects stay inside
this module and :mod:`rashomon.dating`, which calls it.
"""
from __future__ import annotations

import bisect
import functools
import re

from rashomon import data as data_files
from rashomon import temporal
from rashomon.annotate import doc_text

__all__ = ["clause_label", "date_clause_label", "event_of", "family", "lexicon", "trigger_indices"]

# English irregular past forms of the trigger and light verbs (standard
# English morphology; the lemmatizer is not part of the loaded pipeline).
_IRREGULAR = {
    "begin": ["began", "begun"], "meet": ["met"], "hold": ["held"], "write": ["wrote", "written"],
    "say": ["said"], "tell": ["told"], "take": ["took", "taken"], "strike": ["struck", "stricken"],
    "withdraw": ["withdrew", "withdrawn"], "die": ["died", "dying"], "shell": ["shelled", "shelling"],
    "target": ["targeted", "targeting"], "storm": ["stormed"], "carry": ["carried"],
    "bombard": ["bombarded"], "stop": ["stopped"], "speak": ["spoke", "spoken"],
}
_PLACE = re.compile(
    r"\b(?:in|at|near)\s+(?:the\s+)?(?:(?:[A-Z][\w-]+\s+)?(?:city|town|village|capital|region|province|district)\s+of\s+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_DATE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL"}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """Trigger forms → (family, lemma), light verbs, platforms, generic nouns,
    unique families; read once from ``data/timeline.yaml``."""
    data = data_files.load("timeline.yaml")
    forms: dict[str, tuple[str, str]] = {}
    for fam, entry in data["families"].items():
        for w in entry["words"]:
            for f in _inflect(w):
                forms.setdefault(f, (fam, w))
    light = set()
    for w in data["light_verbs"]["words"]:
        light.update(_inflect(w))
    return {
        "forms": forms,
        "light": light,
        "unique": {f for f, e in data["families"].items() if e.get("unique")},
        "platforms": list(data["platforms"]["words"]),
        "generic": set(data["generic_nouns"]["words"]),
    }


def _inflect(w: str) -> set[str]:
    """Regular English inflections of ``w`` plus its listed irregular forms."""
    out = {w, w + "s", w + "es", w + "ed", w + "ing"}
    if w.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", w) and len(w) <= 4:
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    out.update(_IRREGULAR.get(w, []))
    return out



_text = doc_text


def family(tok) -> tuple[str, str] | None:
    return lexicon()["forms"].get(tok.text.lower())


@functools.lru_cache(maxsize=1)
def _form_hashes() -> frozenset[int]:
    """spaCy's string hashes of every trigger form: a token is a trigger
    (:func:`family` not None) exactly when the hash of its lowercase form,
    spaCy's ``LOWER`` attribute, is one of them."""
    from spacy.strings import hash_string

    return frozenset(hash_string(f) for f in lexicon()["forms"])


_TRIGGERS_KEY = "rashomon.timeline.triggers"


def trigger_indices(doc) -> list[int]:
    """Indices of the Doc's trigger tokens in order, read once per Doc from
    one ``LOWER`` array (cached in ``doc.user_data``)."""
    found = doc.user_data.get(_TRIGGERS_KEY)
    if found is None:
        forms = _form_hashes()
        lowers = doc.to_array("LOWER").tolist()
        found = doc.user_data[_TRIGGERS_KEY] = [i for i, h in enumerate(lowers) if h in forms]
    return found


def _sentence_triggers(sent) -> list:
    """The trigger tokens of span ``sent`` in text order (the tokens ``t`` of
    ``sent`` with ``family(t)``), without walking its other tokens."""
    doc = sent.doc
    found = trigger_indices(doc)
    lo = bisect.bisect_left(found, sent.start)
    hi = bisect.bisect_left(found, sent.end)
    return [doc[i] for i in found[lo:hi]]


def _phrase(tok, max_tokens: int = 4) -> str:
    """The head noun ``tok`` with its contiguous compound/adjective/number
    modifiers on the left (dates and determiners left out), as written."""
    first = tok
    for t in reversed(list(tok.lefts)):
        if t.i != first.i - 1 and not (t.i == first.i - 2 and first.nbor(-1).text == "-"):
            break
        if t.dep_ not in {"compound", "amod", "nummod", "nmod", "flat", "punct"} or t.ent_type_ in _DATE_ENTS \
                or t.text.lower() in temporal.MONTHS or tok.i - t.i > max_tokens:
            break
        first = t if t.dep_ != "punct" else first
    while first.i < tok.i and (first.dep_ == "punct" or first.ent_type_ in _DATE_ENTS):
        first = first.nbor(1)
    return _text(tok.doc)[first.idx:tok.idx + len(tok)]


def _clause(tok):
    """The verb heading ``tok``'s clause (``tok`` itself for a verb)."""
    seen = 0
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i and seen < 30:
        tok = tok.head
        seen += 1
    return tok


def _subject(tok) -> str | None:
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return _phrase(c)
    return None


def _place(doc, tok, sent) -> str | None:
    """The first place (a GPE/LOC/FAC entity after "in/at/near", "in the
    city of …") within 120 characters after ``tok`` in its sentence."""
    start = tok.idx
    window = _text(doc)[start:min(sent.end_char, start + 120)]
    for m in _PLACE.finditer(window):
        place = m.group("place")
        first = place.split()[0].lower()
        if first in temporal.MONTHS or first in temporal._WEEKDAYS:
            continue
        span = doc.char_span(start + m.start("place"), start + m.end("place"), alignment_mode="expand")
        if span is None or span[0].ent_type_ not in {"GPE", "LOC", "FAC"}:
            continue
        toks = [span[0]]
        for t in span[1:]:
            if t.ent_type_ not in {"GPE", "LOC", "FAC"}:
                break
            toks.append(t)
        return _text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1])]
    return None


def _label_for(tok, doc, sent) -> tuple[str, str]:
    """``(label, family)`` for trigger token ``tok`` in sentence ``sent``."""
    lex = lexicon()
    fam = (family(tok) or ("event", ""))[0]
    low = tok.text.lower()
    if tok.pos_ in {"VERB", "AUX"}:
        objs = [c for c in tok.children if c.dep_ in {"nsubjpass", "dobj"} and c.pos_ in {"NOUN", "PROPN"}]
        if low in lex["light"] and objs:
            n = objs[0]
            nfam = family(n)
            fam = nfam[0] if nfam else fam
            place = _place(doc, tok, sent) if fam in {"meeting", "attack"} else None
            head = n.text.lower() if n.pos_ == "NOUN" else n.text
            if place:
                return f"{head} in {place}", fam
            return (f"{head} {tok.text}" if tok.tag_ in {"VBD", "VBN"} else head), fam
        if fam == "speech":
            subj = _subject(tok)
            obj = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            lab = f"{subj} {tok.text}" if subj else tok.text
            return (f"{lab} {obj[0].text}" if obj else lab), fam
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if passive:
            return f"{_phrase(passive[0])} {tok.text}", fam
        if tok.dep_ in {"acl", "relcl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            return f"{tok.head.text} {tok.text}", fam
        prev = [t for t in tok.doc[max(sent.start, tok.i - 3):tok.i] if t.pos_ != "PUNCT"]
        if tok.tag_ == "VBN" and prev and prev[-1].pos_ == "NOUN" and family(prev[-1]):
            return f"{prev[-1].text} {tok.text}", fam  # "the attack, launched on …"
        subj = _subject(tok)
        if subj and fam in {"launch", "ceasefire"}:
            return f"{subj} {tok.text}", fam
        dobj = [c for c in tok.children if c.dep_ == "dobj"]
        if dobj:
            return f"{tok.text} {_phrase(dobj[0])}", fam
        return tok.text, fam
    label = _phrase(tok).lower() if tok.pos_ != "PROPN" else _phrase(tok)
    place = _place(doc, tok, sent) if fam in {"meeting", "attack", "launch"} else None
    return (f"{label} in {place}" if place else label), fam


# Dependency relations that keep a word inside its clause's core (the verb,
# its subject and objects, their modifiers and "of" phrases): a trigger reached
# only through another preposition or an apposition ("buried the dead on
# Wednesday, a day after the explosion", "promised an inquiry into the
# explosion") names another event than the one the date modifies.
_CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "compound", "amod", "nmod", "conj",
              "poss", "agent", "nummod", "acomp"}


def _core_of(tok, head) -> bool:
    """True when ``tok`` belongs to the core of the clause headed by ``head``
    (the path up to ``head`` passes only core relations or "of"/"by" phrases)."""
    seen = 0
    while tok.i != head.i and seen < 30:
        ok = tok.dep_ in _CORE_DEPS or (tok.dep_ == "pobj" and tok.head.text.lower() in {"of", "by"}) \
            or (tok.dep_ == "prep" and tok.text.lower() == "of")
        if not ok or tok.head.i == tok.i:
            return False
        tok = tok.head
        seen += 1
    return tok.i == head.i


_RAISING = {"expected", "scheduled", "set", "slated", "due", "likely", "going", "seem", "seems", "seemed",
            "appear", "appears", "appeared"}
"""Raising predicates: their subject belongs to the verb they complete."""


def _raising_chain(head) -> list:
    """``head`` and the verbs or adjectives it completes, up to three
    ("talks are due to be held next Monday": "held" completes "due", which
    completes "are", whose subject is the talks) through adjectives, copulas
    and raising verbs (:data:`_RAISING`): a raising predicate shares its
    subject with the verb it governs (Quirk et al. 1985, §16.39-16.40), so
    that subject is in the date's clause core. A verb with its own event
    ("told to keep …") ends the chain."""
    chain = [head]
    while len(chain) < 4 and chain[-1].dep_ in {"xcomp", "acomp", "oprd"} and chain[-1].head.i != chain[-1].i:
        up = chain[-1].head
        if up.pos_ not in {"ADJ", "AUX"} and up.text.lower() not in _RAISING:
            break  # "told to keep …": a verb with its own event and subject
        chain.append(up)
    return chain


def event_of(doc, span, sent) -> tuple[str, str] | None:
    """The event an expression (``span``) dates: ``(label, family)`` or None.

    Order: the word the date attaches to when it is a trigger or an event
    noun ("the statement of November 10", "the 21st September meeting"), else
    the trigger nearest the date in its sentence; a second trigger noun of a
    once-only event in the same sentence is prepended ("ceasefire; measures
    halted").
    """
    lex = lexicon()
    root = span.root
    gov = root.head
    via = None
    if gov.pos_ == "ADP" and gov.i != root.i:
        via = gov.text.lower()
        gov = gov.head
    head = _clause(root)
    inside = range(span.start, span.end)
    sent_triggers = _sentence_triggers(sent)
    heads = _raising_chain(head)
    triggers = [t for t in sent_triggers if t.i not in inside and any(t.i == h.i or _core_of(t, h) for h in heads)]
    primary = None
    if gov.i != root.i and (family(gov) or (gov.text.lower() in lex["light"] and any(
            c.dep_ in {"nsubjpass", "dobj"} and family(c) for c in gov.children))):
        primary = gov
    elif via == "of" and gov.pos_ in {"NOUN", "PROPN"} and gov.i != root.i:
        return (_phrase(gov).lower() if gov.pos_ == "NOUN" else _phrase(gov)), (family(gov) or ("event", ""))[0]
    elif root.dep_ in {"compound", "nmod", "npadvmod", "amod"} and root.head.pos_ == "NOUN" and family(root.head):
        primary = root.head
    if primary is None:
        if not triggers:
            return None
        non_speech = [t for t in triggers if family(t)[0] != "speech"]
        pool = non_speech or triggers
        primary = min(pool, key=lambda t: min(abs(t.i - span.start), abs(t.i - (span.end - 1))))
    label, fam = _label_for(primary, doc, sent)
    # A coordinated clause may name the same once-only event ("an agreement was
    # reached on complete ceasefire and the measures were halted on …").
    nouns = [t for t in sent_triggers if t.i not in inside and t.i != primary.i and t.pos_ == "NOUN"]
    second = []
    if nouns:
        heads = {head.i} | {c.i for c in head.children if c.dep_ == "conj"}
        if head.dep_ == "conj":
            heads.add(head.head.i)
        second = [t for t in nouns if _clause(t).i in heads and family(t)[0] in lex["unique"]
                  and t.text.lower() not in label.lower()]
    if second:
        second.sort(key=lambda t: (family(t)[0] != fam, abs(t.i - primary.i)))
        s = second[0]
        slabel = _phrase(s).lower()
        label = f"{slabel}; {label}" if s.i < primary.i else f"{label}; {slabel}"
    return label, fam


_COPULA = {"be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does", "did"}
_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "who", "which"}


def _subject_verb(verb) -> tuple[str | None, list[str]]:
    """The named subject of ``verb`` (pronouns dropped) and the label's first
    words: subject, verb and its particle ("shares fell", "talks broke off")."""
    subj = _subject(verb)
    if subj and subj.lower() in _PRONOUNS:
        subj = None
    words = [subj] if subj else []
    words.append(verb.text)
    words += [c.text for c in verb.children if c.dep_ == "prt"]
    return subj, words


def clause_label(span) -> str | None:
    """A short "subject verb object" label for a claim that dates something
    without a trigger word; None for copulas, auxiliaries and verbless claims."""
    root = span.root
    if root.pos_ != "VERB" or root.text.lower() in _COPULA:
        return None
    subj, words = _subject_verb(root)
    obj = [c for c in root.children if c.dep_ in {"dobj", "attr"} and c.pos_ in {"NOUN", "PROPN"}]
    if obj:
        words.append(_phrase(obj[0]))
    return " ".join(words) if (subj or obj) else None


_SCHEDULE = {"due", "scheduled", "planned", "expected", "set", "slated"}
"""Complements of "be" that make a copular clause an event on a date ("the
next inspection was due by 9 March"; TimeML treats "due" as an event of the
I_STATE/occurrence kind, Saurí et al., TimeML Annotation Guidelines v1.2.1, 2006)."""
_COARSE_PREPS = {None, "in", "during", "for"}


def date_clause_label(span, coarse: bool = False) -> str | None:
    """A "subject verb object" label of the clause the date ``span`` modifies
    (not of another clause of its sentence): "Residents were told to keep
    windows closed until Wednesday" -> "keep windows closed until". A verb
    that completes another ("closed" after "keep windows") is labelled with
    that one; a participle with no subject takes the noun it modifies ("The
    dam, built in 1956" -> "dam built") or, for a month or a year, stands
    alone as an opening participial clause ("Completed in 1956, it …" ->
    "Completed"); a copula
    with a scheduling complement takes its subject ("the next inspection was
    due by …" -> "next inspection due by").

    ``coarse`` (a month or a year, not a day): only a past or perfect verb
    (tag VBD/VBN) dated with "in", "during", "for" or no preposition counts
    ("was commissioned in 1978", not "the highest since 2019"): a year is
    otherwise as often a state's bound or a comparison as an event's date
    (TimeML distinguishes a TIMEX that anchors an event from one that bounds a
    state, guidelines v1.2.1 §2.4). None when the clause has no such verb or
    neither subject nor object."""
    root = span.root
    gov = root.head
    via = gov.text.lower() if gov.pos_ == "ADP" and gov.i != root.i else None
    verb = _clause(root)
    if verb.text.lower() in _COPULA:
        return _copula_label(verb, via)
    if verb.pos_ != "VERB":
        return None
    tail = []
    if verb.dep_ in {"oprd", "xcomp", "acomp"} and verb.head.pos_ == "VERB" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children):
        tail, verb = [verb.text], verb.head
        if verb.text.lower() in _COPULA:
            return None
    if coarse and (verb.tag_ not in {"VBD", "VBN"} or via not in _COARSE_PREPS):
        return None
    subj, words = _subject_verb(verb)
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        subj = _phrase(verb.head)
        words.insert(0, subj)
    obj = None
    for c in verb.children:
        if c.dep_ in {"dobj", "attr"}:
            if c.pos_ in {"NOUN", "PROPN"}:
                obj = c
            else:  # "the first of the dead"
                obj = next((g for p in c.children if p.dep_ == "prep" and p.text.lower() == "of"
                            for g in p.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}), None)
            break
    if obj is not None:
        words.append(_phrase(obj))
    if not (subj or obj) and not (coarse and verb.tag_ == "VBN" and verb.dep_ == "advcl"):
        return None
    words += tail
    if via in {"until", "till", "by"}:
        words.append(via)
    return " ".join(words)


def _copula_label(verb, via: str | None) -> str | None:
    """"subject complement" of a copular clause whose complement schedules
    its subject (:data:`_SCHEDULE`); None otherwise."""
    comp = next((c for c in verb.children if c.dep_ in {"acomp", "attr"} and c.text.lower() in _SCHEDULE), None)
    subj = _subject(verb)
    if comp is None or subj is None or subj.lower() in _PRONOUNS:
        return None
    return " ".join([subj, comp.text] + ([via] if via in {"until", "till", "by"} else []))
