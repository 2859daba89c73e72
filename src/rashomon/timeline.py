"""Temporal expressions, reference dates and the cross-source timeline.

Per article (:func:`resolve_article`): find every date/time expression in the
body (:mod:`rashomon.temporal`), fix the article's reference date (its
publication date, else the latest full date the text itself fixes), resolve
relative expressions against it, date quotes from their cue clause and
claims from the expressions they contain, and name the event each expression
dates (a trigger word of ``data/timeline.yaml`` near it).

Per corpus (:func:`build_timeline`): group articles into periods by reference
date, turn dated events into :class:`TimelineEntry` records, merge the same
event told by several sources on a compatible date, and set conflicting dates
for one event side by side (``conflict``), never averaged.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter, defaultdict
from datetime import date

from rashomon import data as data_files
from rashomon import temporal
from rashomon.annotate import body_text, doc_text
from rashomon.metadata import dateline_date
from rashomon.types import (
    Article,
    Claim,
    Evidence,
    Quote,
    TemporalExpression,
    TimelineEntry,
    TimeRange,
)

__all__ = ["resolve_article", "build_timeline", "reference_date"]

PERIOD_GAP_DAYS = 365
"""Articles whose reference dates lie more than this many days apart fall in separate periods."""
CONFLICT_WINDOW_DAYS = 31
"""Two dates for one event are a conflict only when this close (else they are two events)."""

# English irregular past forms of the trigger and light verbs (standard
# English morphology; the lemmatizer is not part of the loaded pipeline).
_IRREGULAR = {
    "begin": ["began", "begun"], "meet": ["met"], "hold": ["held"], "write": ["wrote", "written"],
    "say": ["said"], "tell": ["told"], "take": ["took", "taken"], "strike": ["struck", "stricken"],
    "withdraw": ["withdrew", "withdrawn"], "die": ["died", "dying"], "shell": ["shelled", "shelling"],
    "target": ["targeted", "targeting"], "storm": ["stormed"], "carry": ["carried"],
    "bombard": ["bombarded"], "stop": ["stopped"],
}
_SIGNATURE = re.compile(
    r"(?m)^[ \t]*[—–-]{1,2}[ \t]*(?P<author>[^\n()@]{2,80}?)[ \t]*\(@(?P<handle>\w{1,30})\)[ \t]*(?P<rest>[^\n]{0,60})$")
_PLACE = re.compile(
    r"\b(?:in|at|near)\s+(?:the\s+)?(?:(?:[A-Z][\w-]+\s+)?(?:city|town|village|capital|region|province|district)\s+of\s+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_PUBLISHED_WORD = re.compile(r"(?i)published|posted|updated|modified")
_DATE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
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


def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# ---------------------------------------------------------------- reference date


def _signatures(text: str) -> list[tuple[int, int, str, str]]:
    """Embedded-post signature lines ("— Name (@handle) September 22, 2023"):
    ``(date_start, date_end, author, handle)`` with offsets into ``text``."""
    out = []
    for m in _SIGNATURE.finditer(text):
        rest_start = m.start("rest")
        for c in temporal.find(m.group("rest")):
            if c.kind in {"abs", "iso"} and c.day is not None and c.year is not None:
                out.append((rest_start + c.start, rest_start + c.end, m.group("author").strip(), m.group("handle")))
                break
    return out


def reference_date(article: Article, quotes: list[Quote] | None = None) -> tuple[str | None, Evidence | None, bool]:
    """The date relative expressions in ``article`` resolve against: the time of writing.

    Returns ``(iso_value, evidence, inferred)``: ``article.published`` when it
    has day precision (evidence from ``metadata_evidence['published']``,
    inferred False); otherwise a date the text itself fixes as the time of
    writing (:func:`_writing_date`), with its span (inferred True);
    otherwise ``(None, None, False)`` and relative expressions ("today",
    "on Tuesday", "two weeks ago") stay unresolved. A date the story
    mentions as an event is never the reference (TimeML anchors relative
    expressions to the document creation time, Pustejovsky et al. 2003,
    "TimeML: Robust Specification of Event and Temporal Expressions in
    Text"; an event date is not one). Never today's date.
    """
    pub_date, pub_prec = temporal.parse_iso(article.published)
    if pub_date is not None and pub_prec in {"day", "minute"}:
        return article.published, article.metadata_evidence.get("published"), False
    found = _writing_date(article, quotes or [])
    if found is None or (pub_date is not None and not found[3].startswith(article.published or "")):
        if pub_date is not None:  # month or year precision: kept, but no day to count from
            return article.published, article.metadata_evidence.get("published"), False
        return None, None, False
    _d, s, e, val = found
    raw = article.text
    return val, Evidence(start=s, end=e, text=raw[s:e], source="text"), True


_STAMP = re.compile(
    r"(?i)^[^\w\n]{0,3}(?:(?:first|last|date)\s{1,3})?(?P<label>published|posted|updated|modified)\b[^\n]{0,25}$")
"""A publication or update label opening the line a date stands on ("Published: ", "- Last updated ")."""


def _writing_date(article: Article, quotes: list[Quote]) -> tuple[date, int, int, str] | None:
    """A date the text fixes as its time of writing, ``(date, start, end, iso)``.

    In order: a publication stamp (a line opening with "Published"/"Posted"
    and a full date), an update stamp ("Updated …"), a dateline with a full
    date (``PLACE, Month D, YYYY (Wire) -``, ``PLACE, D Month YYYY –``;
    :func:`rashomon.metadata.dateline_date`), the latest embedded post
    whose date is a weekday the text names ("wrote on X on Friday" beside a
    post dated a Friday: the article was written that day). ``None`` when the
    text fixes none.
    """
    raw = article.text
    stamps: dict[str, tuple[date, int, int, str]] = {}
    for c in temporal.find(raw) if _PUBLISHED_WORD.search(raw) else ():
        if c.kind in {"abs", "iso"} and c.year is not None and c.day is not None:
            line = raw[raw.rfind("\n", 0, c.start) + 1:c.start]
            m = _STAMP.match(line) if len(line) <= 60 else None
            if m:
                kind = "updated" if m.group("label").lower() in {"updated", "modified"} else "published"
                stamps.setdefault(kind, (date(c.year, c.month, c.day), c.start, c.end,
                                         temporal.iso(c.year, c.month, c.day, c.hour, c.minute)))
    if stamps:
        return stamps.get("published") or stamps["updated"]
    if (dl := dateline_date(raw)) is not None:
        d, _prec = temporal.parse_iso(dl[0])
        return d, dl[1], dl[2], dl[0][:10]
    posted: list[tuple[date, int, int, str]] = []
    for s, e, _a, _h in _signatures(raw):
        c = temporal.find(raw[s:e])[0]
        posted.append((date(c.year, c.month, c.day), s, e, temporal.iso(c.year, c.month, c.day)))
    for q in quotes:
        if q.kind == "post" and q.date:
            d, prec = temporal.parse_iso(q.date)
            if d is not None and prec in {"day", "minute"}:
                span = _find_date_near(raw, q.start, q.end + 200, d)
                s, e = span if span else (q.start, q.end)
                posted.append((d, s, e, q.date[:10]))
    if not posted:
        return None
    named = {c.weekday for c in temporal.find(body_text(article)) if c.kind == "weekday" and not c.forward}
    confirmed = [p for p in posted if p[0].weekday() in named]
    return max(confirmed, key=lambda t: (t[0], -t[1])) if confirmed else None


def _find_date_near(text: str, start: int, end: int, d: date) -> tuple[int, int] | None:
    lo = max(0, start)
    for c in temporal.find(text[lo:end]):
        if c.kind in {"abs", "iso"} and c.month == d.month and c.day == d.day:
            return lo + c.start, lo + c.end
    return None


# ---------------------------------------------------------------- event labels


_text = doc_text


def _family(tok) -> tuple[str, str] | None:
    return _lexicon()["forms"].get(tok.text.lower())


@functools.lru_cache(maxsize=1)
def _form_hashes() -> frozenset[int]:
    """spaCy's string hashes of every trigger form: a token is a trigger
    (:func:`_family` not None) exactly when the hash of its lowercase form,
    spaCy's ``LOWER`` attribute, is one of them."""
    from spacy.strings import hash_string

    return frozenset(hash_string(f) for f in _lexicon()["forms"])


_TRIGGERS_KEY = "rashomon.timeline.triggers"


def _trigger_indices(doc) -> list[int]:
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
    ``sent`` with ``_family(t)``), without walking its other tokens."""
    doc = sent.doc
    found = _trigger_indices(doc)
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
    lex = _lexicon()
    fam = (_family(tok) or ("event", ""))[0]
    low = tok.text.lower()
    if tok.pos_ in {"VERB", "AUX"}:
        objs = [c for c in tok.children if c.dep_ in {"nsubjpass", "dobj"} and c.pos_ in {"NOUN", "PROPN"}]
        if low in lex["light"] and objs:
            n = objs[0]
            nfam = _family(n)
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
        if tok.tag_ == "VBN" and prev and prev[-1].pos_ == "NOUN" and _family(prev[-1]):
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


def _event(doc, span, sent) -> tuple[str, str] | None:
    """The event an expression (``span``) dates: ``(label, family)`` or None.

    Order: the word the date attaches to when it is a trigger or an event
    noun ("the statement of November 10", "the 21st September meeting"), else
    the trigger nearest the date in its sentence; a second trigger noun of a
    once-only event in the same sentence is prepended ("ceasefire; measures
    halted").
    """
    lex = _lexicon()
    root = span.root
    gov = root.head
    via = None
    if gov.pos_ == "ADP" and gov.i != root.i:
        via = gov.text.lower()
        gov = gov.head
    head = _clause(root)
    inside = range(span.start, span.end)
    sent_triggers = _sentence_triggers(sent)
    triggers = [t for t in sent_triggers if t.i not in inside and (t.i == head.i or _core_of(t, head))]
    primary = None
    if gov.i != root.i and (_family(gov) or (gov.text.lower() in lex["light"] and any(
            c.dep_ in {"nsubjpass", "dobj"} and _family(c) for c in gov.children))):
        primary = gov
    elif via == "of" and gov.pos_ in {"NOUN", "PROPN"} and gov.i != root.i:
        return (_phrase(gov).lower() if gov.pos_ == "NOUN" else _phrase(gov)), (_family(gov) or ("event", ""))[0]
    elif root.dep_ in {"compound", "nmod", "npadvmod", "amod"} and root.head.pos_ == "NOUN" and _family(root.head):
        primary = root.head
    if primary is None:
        if not triggers:
            return None
        non_speech = [t for t in triggers if _family(t)[0] != "speech"]
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
        second = [t for t in nouns if _clause(t).i in heads and _family(t)[0] in lex["unique"]
                  and t.text.lower() not in label.lower()]
    if second:
        second.sort(key=lambda t: (_family(t)[0] != fam, abs(t.i - primary.i)))
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


def _clause_label(span) -> str | None:
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


def _date_clause_label(span) -> str | None:
    """A "subject verb object" label of the clause the date ``span`` modifies
    (not of another clause of its sentence): "Residents were told to keep
    windows closed until Wednesday" -> "keep windows closed until". A verb
    that completes another ("closed" after "keep windows") is labelled with
    that one. None when the clause has no such verb or neither subject nor object."""
    root = span.root
    gov = root.head
    via = gov.text.lower() if gov.pos_ == "ADP" and gov.i != root.i else None
    verb = _clause(root)
    if verb.pos_ != "VERB" or verb.text.lower() in _COPULA:
        return None
    tail = []
    if verb.dep_ in {"oprd", "xcomp", "acomp"} and verb.head.pos_ == "VERB" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children):
        tail, verb = [verb.text], verb.head
        if verb.text.lower() in _COPULA:
            return None
    subj, words = _subject_verb(verb)
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
    if not (subj or obj):
        return None
    words += tail
    if via in {"until", "till", "by"}:
        words.append(via)
    return " ".join(words)


# ---------------------------------------------------------------- per article


@functools.lru_cache(maxsize=1)
def _platform_rx() -> re.Pattern:
    alt = "|".join(re.escape(p) for p in _lexicon()["platforms"])
    # "on" then "(?<!\won)", the word boundary before it: a pattern that opens
    # with a literal lets the engine jump from one "on" to the next.
    return re.compile(rf"on(?<!\won)\s+(?:the\s+)?({alt})(?:\s+platform|\s+account)?\b")


def _platform(text: str) -> str | None:
    names = {m.group(1) for m in _platform_rx().finditer(text)}
    return names.pop() if len(names) == 1 else None


def resolve_article(article: Article, doc, quotes: list[Quote], claims: list[Claim]) -> list[TemporalExpression]:
    """Resolve one article's temporal expressions.

    Parameters
    ----------
    article : the article; ``reference_date``, ``reference_date_evidence`` and
        ``reference_date_inferred`` are set in place (see :func:`reference_date`).
    doc : spaCy Doc over ``body_text(article)`` (its offsets are ``article.text`` offsets).
    quotes, claims : this article's quotes and claims; ``quote.date``/``date_text``
        (from the cue clause) and ``claim.time``/``time_text`` are filled in place.

    Returns
    -------
    list[TemporalExpression] : every resolved expression in text order, with
        ``event``/``event_kind`` naming what it dates when a trigger is near.
        Expressions inside removed spans are skipped, except an embedded post's
        signature date; relative expressions are skipped when the article has
        no reference date.
    """
    value, evidence, inferred = reference_date(article, quotes)
    article.reference_date = value
    article.reference_date_evidence = evidence
    article.reference_date_inferred = inferred
    ref, ref_prec = temporal.parse_iso(value)
    if ref_prec not in {"day", "minute"}:
        ref = None
    body = _text(doc) if doc is not None else body_text(article)
    cands = [c for c in temporal.find(body) if not c.labelled]
    full = [c for c in cands if c.kind in {"abs", "iso"} and c.year is not None]
    out: list[TemporalExpression] = []
    for c in cands:
        hint = None
        if c.needs_year:
            near = [f for f in full if abs(f.start - c.start) <= 400]
            if near:
                hint = min(near, key=lambda f: abs(f.start - c.start)).year
            elif ref is None and full:
                hint = min(full, key=lambda f: abs(f.start - c.start)).year
        r = temporal.resolve(c, ref, hint)
        if r is None:
            continue
        out.append(TemporalExpression(article=article.id, start=c.start, end=c.end, text=article.text[c.start:c.end],
                                      value=r.value, end_value=r.end_value, precision=r.precision,
                                      relative=r.relative))
    # Embedded posts: their own date is an event ("post on X by …").
    platform = _platform(body)
    posts = [q for q in quotes if q.kind == "post"]
    for s, e, author, _handle in _signatures(article.text):
        who = next((q.speaker_text for q in posts if q.speaker_text and q.start <= s <= q.end + 200), None) or author
        _add_post(out, article, s, e, article.text[s:e], who, platform)
    for q in posts:
        if not q.date or any(t.event_kind == "post" and q.start - 5 <= t.start <= q.end + 200 for t in out):
            continue
        d, prec = temporal.parse_iso(q.date)
        if d is None:
            continue
        span = _find_date_near(article.text, q.start, q.end + 200, d) or (q.start, q.end)
        _add_post(out, article, span[0], span[1], article.text[span[0]:span[1]], q.speaker_text, platform)
    out.sort(key=lambda t: (t.start, t.end))
    sents = _Sentences(doc)
    if doc is not None:
        _name_events(doc, out, claims, sents)
    _date_quotes(doc, out, quotes, sents)
    _date_claims(out, claims)
    return out


def _add_post(out: list[TemporalExpression], article: Article, s: int, e: int, text: str,
              who: str | None, platform: str | None) -> None:
    d = temporal.find(text)
    c = d[0] if d else None
    if c is None or c.year is None or c.day is None:
        return
    value = temporal.iso(c.year, c.month, c.day)
    label = "post" + (f" on {platform}" if platform else "") + (f" by {who}" if who else "")
    for t in out:
        if t.start == s and t.end == e:
            t.event, t.event_kind = label, "post"
            return
    out.append(TemporalExpression(article=article.id, start=s, end=e, text=text, value=value, precision="day",
                                  event=label, event_kind="post"))


class _Sentences:
    """Sentence lookup by character offset, built once per Doc (``Span.sent``
    walks the whole Doc on every call)."""

    def __init__(self, doc):
        self.sents = list(doc.sents) if doc is not None else []
        self.starts = [s.start_char for s in self.sents]

    def at(self, char: int):
        i = bisect.bisect_right(self.starts, char) - 1
        return self.sents[max(i, 0)] if self.sents else None


def _line_sentence(doc, span, sents: _Sentences):
    """``span``'s sentence, cut at line breaks (paragraphs never share a sentence)."""
    sent = sents.at(span.start_char)
    text = _text(doc)
    lo = text.rfind("\n", sent.start_char, span.start_char)
    hi = text.find("\n", span.end_char, sent.end_char)
    lo = sent.start_char if lo < 0 else lo + 1
    hi = sent.end_char if hi < 0 else hi
    clipped = doc.char_span(lo, hi, alignment_mode="contract")
    return clipped if clipped is not None and len(clipped) else sent


def _first_containing(claims: list[Claim]):
    """``f(start, end)`` → the first of ``claims`` (in list order) that holds
    the span, or ``None``: by bisection when the claims are in text order
    (the first claim reaching ``end`` among those starting by ``start``: a
    running maximum of their ends), else by reading them all."""
    starts = [c.start for c in claims]
    if any(a > b for a, b in zip(starts, starts[1:])):
        return lambda s, e: next((c for c in claims if c.start <= s and e <= c.end), None)
    reach = list(itertools.accumulate((c.end for c in claims), max))

    def first(s: int, e: int) -> Claim | None:
        i = bisect.bisect_left(reach, e)
        return claims[i] if i < bisect.bisect_right(starts, s) else None
    return first


def _name_events(doc, temps: list[TemporalExpression], claims: list[Claim], sents: _Sentences) -> None:
    containing = _first_containing(claims)
    for t in temps:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sent = _line_sentence(doc, span, sents)
        t.sentence_start, t.sentence_end = sent.start_char, sent.end_char
        if t.event_kind == "post":
            continue
        if re.search(r"(?i)\b(?:published|posted|updated|modified)\b[^\n]{0,25}$",
                     _text(doc)[max(0, t.start - 40):t.start]):
            continue  # a dateline label, not an event
        ev = _event(doc, span, sent)
        if ev is None:
            claim = containing(t.start, t.end)
            if claim is not None:
                cspan = doc.char_span(claim.start, claim.end, alignment_mode="expand")
                lab = None
                if cspan is not None and "\n" not in _text(doc)[min(cspan.root.idx, t.start):max(cspan.root.idx, t.end)]:
                    lab = _date_clause_label(span) or _clause_label(cspan)
                if lab and t.precision in {"day", "minute"}:
                    ev = (lab, "event")
        if ev is None:
            continue
        label, fam = ev
        if fam == "speech" and t.precision not in {"day", "minute"}:
            continue
        t.event, t.event_kind = label, fam


class _ByStart:
    """Records with ``start``/``end`` indexed by start: those starting in a
    window, or containing a span, found in their original order without a scan
    of all of them per query (a scan per expression or quote made a long
    article quadratic)."""

    def __init__(self, items) -> None:
        self.items = list(items)
        self.order = sorted(range(len(self.items)), key=lambda i: self.items[i].start)
        self.starts = [self.items[i].start for i in self.order]
        self.reach = list(itertools.accumulate((self.items[i].end for i in self.order), max))

    def starting_in(self, lo: int, hi: int) -> list:
        """The records with ``lo <= start <= hi``, in original order."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_right(self.starts, hi)
        return [self.items[i] for i in sorted(self.order[a:b])]

    def containing(self, start: int, end: int) -> list:
        """The records with ``record.start <= start`` and ``end <= record.end``, in original order."""
        k, found = bisect.bisect_right(self.starts, start) - 1, []
        while k >= 0 and self.reach[k] >= end:  # no record before k reaches ``end``
            if self.items[self.order[k]].end >= end:
                found.append(self.order[k])
            k -= 1
        return [self.items[i] for i in sorted(found)]


def _date_quotes(doc, temps: list[TemporalExpression], quotes: list[Quote], sents: _Sentences) -> None:
    """Set ``quote.date`` (ISO day) from the time expression of its cue clause."""
    by_start = _ByStart(temps)
    for q in quotes:
        if q.kind == "post":
            if q.date is None:
                t = next((t for t in temps if t.event_kind == "post" and q.start - 5 <= t.start <= q.end + 200), None)
                if t is not None:
                    q.date, q.date_text = t.value[:10], q.date_text or t.text
            continue
        if q.cue_start is None or temporal.parse_iso(q.date)[1] in {"day", "minute"}:
            continue
        lo, hi = q.cue_start, q.cue_end or q.cue_start
        if doc is not None:
            span = doc.char_span(lo, hi, alignment_mode="expand")
            if span is not None and len(span):
                sent = sents.at(span.start_char)
                lo, hi = sent.start_char, sent.end_char
        pool = [t for t in by_start.starting_in(lo, hi) if t.end <= hi and not (q.start <= t.start < q.end)
                and t.precision in {"day", "minute"} and t.end_value is None]
        if q.date_text:
            named = [t for t in pool if q.date_text in t.text or t.text in q.date_text]
            pool = named or pool
        if not pool:
            continue
        best = min(pool, key=lambda t: abs(t.start - q.cue_start))
        q.date = best.value[:10]
        if q.date_text is None:
            q.date_text = best.text


def _date_claims(temps: list[TemporalExpression], claims: list[Claim]) -> None:
    """Set ``claim.time``/``time_text`` from the expressions inside each claim;
    ``temps`` are sorted by start (as :func:`resolve_article` makes them)."""
    starts = [t.start for t in temps]
    for c in claims:
        lo = bisect.bisect_left(starts, c.start)
        hi = bisect.bisect_right(starts, c.end)
        inside = [t for t in temps[lo:hi] if t.end <= c.end]
        if not inside:
            continue
        t = next((t for t in inside if t.event), inside[0])
        c.time = TimeRange(start=t.value, end=t.end_value or t.value, precision=t.precision, text=t.text)
        if c.time_text is None:
            c.time_text = t.text


# ---------------------------------------------------------------- corpus


def _periods(articles: list[Article], temporals: list[TemporalExpression]) -> None:
    """Set ``article.period`` ("2023-09") and, for articles far from the
    majority, ``article.period_flag``."""
    refs: dict[str, date] = {}
    for a in articles:
        d, _ = temporal.parse_iso(a.reference_date)
        if d is not None:
            refs[a.id] = d
    if not refs:
        return
    order = sorted(refs, key=lambda k: refs[k])
    clusters: list[list[str]] = [[order[0]]]
    for k in order[1:]:
        if (refs[k] - refs[clusters[-1][-1]]).days > PERIOD_GAP_DAYS:
            clusters.append([k])
        else:
            clusters[-1].append(k)
    # Articles without a reference date join the period of their own dates.
    by_art: dict[str, list[date]] = defaultdict(list)
    for t in temporals:
        if t.precision in {"day", "minute"} and not t.relative:
            d, _ = temporal.parse_iso(t.value)
            if d is not None:
                by_art[t.article].append(d)
    for a in articles:
        if a.id in refs or not by_art.get(a.id):
            continue
        ds = sorted(by_art[a.id])
        mid = ds[len(ds) // 2]
        best = min(clusters, key=lambda cl: min(abs((refs[k] - mid).days) for k in cl))
        if min(abs((refs[k] - mid).days) for k in best) <= PERIOD_GAP_DAYS:
            best.append(a.id)
            refs[a.id] = mid
    labels = {}
    for cl in clusters:
        lo, hi = min(refs[k] for k in cl), max(refs[k] for k in cl)
        lab = f"{lo:%Y-%m}" if (lo.year, lo.month) == (hi.year, hi.month) else f"{lo:%Y-%m}/{hi:%Y-%m}"
        for k in cl:
            labels[k] = lab
    main = max(clusters, key=lambda cl: (len(cl), max(refs[k] for k in cl)))  # ties: the most recent
    main_lab = labels[main[0]]
    for a in articles:
        if a.id in labels:
            a.period = labels[a.id]
            if len(clusters) > 1 and a.id not in main:
                a.period_flag = (f"Its reference date {refs[a.id].isoformat()} lies more than a year from most "
                                 f"articles (period {main_lab}); its dates are kept in their own period.")


@functools.lru_cache(maxsize=1)
def _not_keywords() -> frozenset[str]:
    """Words never taken as keywords: stop words, generic nouns, month and weekday names."""
    return frozenset(_stopwords() | _lexicon()["generic"] | set(temporal.MONTHS) | set(temporal._WEEKDAYS))


def _keywords(text: str) -> set[str]:
    """The distinctive words of ``text``, lowercased, a plural "-s" dropped.
    Each distinct word form is looked at once (the result is a set)."""
    skip = _not_keywords()
    out = set()
    for w in set(_WORD.findall(text)):
        w = w.lower().strip("'’")
        if w in skip:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def _day_key(value: str, precision: str) -> str:
    return value[:10] if precision in {"day", "minute"} else value


def build_timeline(articles: list[Article], claims: list[Claim], quotes: list[Quote],
                   temporals: list[TemporalExpression]) -> list[TimelineEntry]:
    """The corpus timeline: one entry per event, merged across sources.

    Parameters
    ----------
    articles : all articles (``reference_date`` set by :func:`resolve_article`);
        ``period``/``period_flag`` are set in place.
    claims, quotes : all claims and quotes (ids assigned); a claim whose span
        holds a dated expression, and a quote dated on that day in the same
        sentence, are listed on the event's entry.
    temporals : all resolved expressions; those with an ``event`` become events.

    Returns
    -------
    list[TimelineEntry] sorted by date. Events of several articles merge when
    their dates agree at the shared precision and they share a trigger family
    and a distinctive word (or are the same label); one once-only event given
    different dates by different sources yields separate entries whose
    ``conflict`` names the other date.
    """
    _periods(articles, temporals)
    art_by_id = {a.id: a for a in articles}
    texts = {a.id: body_text(a) for a in articles}
    df: Counter[str] = Counter()
    for a in articles:
        df.update(_keywords(texts[a.id]))
    common = {w for w, n in df.items() if len(articles) >= 3 and n > len(articles) / 2}
    claims_by_art: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        claims_by_art[c.article].append(c)
    claims_at = {art: _ByStart(cs) for art, cs in claims_by_art.items()}
    dated_quotes: dict[tuple[str, str], list[Quote]] = defaultdict(list)  # (article, ISO day) → quotes
    for q in quotes:
        if q.id and q.date:
            dated_quotes[(q.article, q.date)].append(q)

    order = {a.id: i for i, a in enumerate(articles)}
    events = []
    for t in temporals:
        if not t.event or t.article not in art_by_id:
            continue
        text = texts[t.article]
        lo = t.sentence_start if t.sentence_start is not None else t.start
        hi = t.sentence_end if t.sentence_end is not None else t.end
        kw = _keywords(text[lo:hi]) - common
        kw |= _keywords(t.event)
        cl = [c.id for c in claims_at[t.article].containing(t.start, t.end) if c.id] \
            if t.article in claims_at else []
        qs = []
        for q in dated_quotes.get((t.article, t.value[:10]), ()):
            if t.event_kind == "post" and q.kind == "post":
                qs.append(q.id)
            elif q.cue_start is not None and lo <= q.cue_start <= hi:
                qs.append(q.id)
        events.append({"t": t, "order": order[t.article], "day": _day_key(t.value, t.precision), "fam": t.event_kind or "event",
                       "kw": kw, "claims": cl, "quotes": qs})

    # Union-find merge inside each day bucket.
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        buckets[e["day"]].append(i)
    for idx in buckets.values():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                a, b = events[idx[x]], events[idx[y]]
                if _same_event(a, b):
                    parent[find(idx[x])] = find(idx[y])
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[find(i)].append(e)

    entries: list[tuple[TimelineEntry, dict]] = []
    for members in groups.values():
        entry, meta = _entry(members, art_by_id)
        entries.append((entry, meta))
    _conflicts(entries)
    entries.sort(key=lambda p: (p[0].date, p[0].label))
    return [e for e, _ in entries]


def _same_event(a: dict, b: dict) -> bool:
    ta, tb = a["t"], b["t"]
    if ta.end_value != tb.end_value or (ta.precision in {"year", "month"}) != (tb.precision in {"year", "month"}):
        return False
    if ta.event == tb.event:
        return True
    if ta.article == tb.article and {a["fam"], b["fam"]} == {"speech", "post"}:
        return True  # "wrote on X on Friday" and the embedded post itself
    if a["fam"] != b["fam"]:
        return False
    if ta.article == tb.article:
        return a["fam"] != "speech"
    return len(a["kw"] & b["kw"]) >= 1 and a["fam"] != "speech" or len(a["kw"] & b["kw"]) >= 3


def _entry(members: list[dict], art_by_id: dict[str, Article]) -> tuple[TimelineEntry, dict]:
    temps = [m["t"] for m in members]
    values = {t.value for t in temps}
    if len(values) == 1:
        t0 = temps[0]
        value, prec = t0.value, t0.precision
    else:
        value, prec = temps[0].value[:10], "day"
    labels = Counter(t.event for t in temps)
    first = {}
    for m in sorted(members, key=lambda m: (m["order"], m["t"].start)):
        first.setdefault(m["t"].event, len(first))
    posts = {m["t"].event for m in members if m["fam"] == "post"}
    label = max(labels, key=lambda lab: (lab in posts, labels[lab], -first[lab]))
    arts = sorted({t.article for t in temps}, key=lambda k: (len(k), k))
    periods = Counter(art_by_id[k].period for k in arts if art_by_id[k].period)
    period = max(periods, key=lambda p: (periods[p], p)) if periods else None
    fams = Counter(m["fam"] for m in members)
    entry = TimelineEntry(
        date=value, end=temps[0].end_value, precision=prec, label=label,
        claims=sorted({c for m in members for c in m["claims"]}, key=lambda s: (len(s), s)),
        quotes=sorted({q for m in members for q in m["quotes"]}, key=lambda s: (len(s), s)),
        articles=arts, period=period,
    )
    kw = set().union(*(m["kw"] for m in members))
    return entry, {"fam": fams.most_common(1)[0][0], "kw": kw}


def _conflicts(entries: list[tuple[TimelineEntry, dict]]) -> None:
    """Mark entries of one unique kind of event (same family and period) dated
    to different days at most :data:`CONFLICT_WINDOW_DAYS` apart by different
    articles, when their labels or two keywords agree: each entry's
    ``conflict`` lists the others, in entry order. Entries are grouped by
    family and period and compared only within the window (sorted by day),
    not all pairs."""
    unique = _lexicon()["unique"]
    groups: dict[tuple, list[tuple[int, int]]] = defaultdict(list)  # (family, period) → (day, entry index)
    for i, (e, m) in enumerate(entries):
        d, _ = temporal.parse_iso(e.date)
        if m["fam"] in unique and e.precision in {"day", "minute"} and d is not None:
            groups[m["fam"], e.period].append((d.toordinal(), i))
    partners: dict[int, list[int]] = defaultdict(list)
    for members in groups.values():
        members.sort()
        days = [d for d, _ in members]
        for k, (day, i) in enumerate(members):
            for _, j in members[k + 1:bisect.bisect_right(days, day + CONFLICT_WINDOW_DAYS)]:
                (ea, ma), (eb, mb) = entries[i], entries[j]
                if set(ea.articles) & set(eb.articles) or ea.date[:10] == eb.date[:10]:
                    continue
                if ea.label != eb.label and len(ma["kw"] & mb["kw"]) < 2:
                    continue
                partners[i].append(j)
                partners[j].append(i)
    for i, others in partners.items():
        for j in sorted(others):
            entries[i][0].conflict = _conflict_text(entries[j][0], entries[i][0].conflict)


def _conflict_text(other: TimelineEntry, prev: str | None) -> str:
    s = f"{other.date[:10]}: {other.label} ({', '.join(other.articles)})"
    return f"{prev}; {s}" if prev else s
