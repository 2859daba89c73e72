"""Speakers of quotes: cue lexicon, named mentions, roles, pronouns, descriptors.

Helpers for :mod:`rashomon.extract.quotes` over a spaCy ``Doc`` whose character
offsets are ``Article.text`` offsets. Nothing here outlives the call: results are
plain tuples and :class:`Speaker` records with character offsets.

The cue-verb lexicon, role nouns and role synonyms live in ``data/cues.yaml``
(reporting verbs after Pareti 2016, PARC 3.0, and Krestel et al. 2008).
The pipeline loads spaCy without its lemmatizer, so verb forms are mapped to
lemmas with the lexicon's own inflection table (:func:`cue_lemma`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.strings import get_string_id

from rashomon import data as data_files
from rashomon.annotate import CACHE_PREFIX, doc_ents, doc_text, load_titles
from rashomon.extract.cue_subjects import subject_of  # noqa: F401  (callers read it here)

PRONOUNS_SELF = {"i", "we"}
PRONOUNS_RELATIVE = {"who", "that", "which"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "PRODUCT", "GROUP", "LOC"}
INDEFINITE = {"a", "an", "one", "some", "another", "several", "many", "two", "three", "four", "five",
              "most", "few", "other", "others", "numerous", "multiple", "various", "no"}


@dataclass
class Speaker:
    """Who a quote is attributed to, as one article names them.

    ``text`` is the words at the quote that name the speaker ("he", "the
    ministry", "Mr. Abboud"); ``start``/``end`` the named mention of this
    article it resolves to (``None`` when the text names no one: an unnamed
    source); ``desc_start``/``desc_end`` the noun phrase that describes the
    speaker ("the ministry", "a senior official at the port"), for a
    descriptor or an unnamed source. ``gender`` is ``"m"``, ``"f"`` or
    ``None``; ``person`` is ``True`` for a person, ``False`` for an
    organisation, a group or a document, ``None`` when unknown. Offsets are
    code points into ``Article.text``.
    """

    text: str
    start: int | None = None
    end: int | None = None
    role: str | None = None
    aff: str | None = None
    desc_start: int | None = None
    desc_end: int | None = None
    gender: str | None = None
    person: bool | None = None
    plural: bool = False

    @property
    def known(self) -> bool:
        """Whether the speaker is named or described (an unnamed source counts)."""
        return self.start is not None or self.desc_start is not None


@dataclass
class Lexicon:
    """The cue lexicon read from ``data/cues.yaml`` (see that file for each field's meaning)."""

    form2lemma: dict[str, str]
    np_content: set[str]
    recipient: set[str]
    preps: dict[str, frozenset[str]]
    verbal: set[str]
    clause_only: set[str]
    audience: set[str]
    gathering_nouns: set[str]
    particle: dict[str, str]
    estimate_verbs: set[str]
    estimate_nouns: set[str]
    manner: set[str]
    relay: set[str]
    person_nouns: set[str]
    org_nouns: set[str]
    doc_nouns: set[str]
    speech_nouns: set[str]
    speech_noun_preps: dict[str, set[str]]  # "of"/"against" → the speech nouns that take their content there
    support_verbs: set[str]  # "made a claim", "issued a statement": the subject is the noun's source
    male_nouns: set[str]
    female_nouns: set[str]
    physical_agents: set[str]
    physical_targets: set[str]
    role_groups: list[set[str]]
    role_adjectives: dict[str, str]
    question_heading: re.Pattern
    question_prefix: re.Pattern
    answer_prefix: re.Pattern
    scare_max_words: int


def _inflect(lemma: str) -> set[str]:
    """Regular English inflections of a verb lemma (-s, -ed, -ing)."""
    out = {lemma}
    if lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", lemma):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"(s|sh|ch|x|z)$", lemma):
        out |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        out |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return out


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load ``data/cues.yaml`` once per process.

    Returns a :class:`Lexicon`. Raises ``FileNotFoundError``/``yaml.YAMLError``
    when the packaged data file is missing or malformed (reinstall the package).
    """
    raw = data_files.load("cues.yaml")
    form2lemma: dict[str, str] = {}
    flags: dict[str, set[str]] = {k: set() for k in ("np_content", "recipient", "verbal", "clause_only", "audience")}
    preps: dict[str, frozenset[str]] = {}
    particle: dict[str, str] = {}
    for v in raw["verbs"]:
        lemma = v["lemma"]
        for f in _inflect(lemma) | set(v.get("forms", [])):
            form2lemma.setdefault(f, lemma)
        for k, members in flags.items():
            if v.get(k):
                members.add(lemma)
        if v.get("preps"):
            preps[lemma] = frozenset(v["preps"])
        if v.get("particle"):
            particle[lemma] = v["particle"]
    for lemma, forms in raw["estimates"]["verbs"].items():
        for f in forms:
            form2lemma.setdefault(f, lemma)
    inter = raw["interview"]
    return Lexicon(
        form2lemma=form2lemma,
        np_content=flags["np_content"],
        recipient=flags["recipient"],
        preps=preps,
        verbal=flags["verbal"],
        clause_only=flags["clause_only"],
        audience=flags["audience"],
        gathering_nouns=set(raw["gathering_nouns"]["words"]),
        particle=particle,
        estimate_verbs=set(raw["estimates"]["verbs"]),
        estimate_nouns=set(raw["estimates"]["nouns"]),
        manner=set(raw["manner_verbs"]),
        relay=set(raw["relay_verbs"]),
        # a gendered role noun (actress, grandmother) denotes a person too; titles (mr, ms) head no phrase
        person_nouns=set(raw["person_nouns"]["words"]) |
        (set(raw["gender_nouns"]["male"]) | set(raw["gender_nouns"]["female"])) - set(raw["gender_nouns"]["titles"]),
        org_nouns=set(raw["org_nouns"]["words"]),
        doc_nouns=set(raw["doc_nouns"]["words"]),
        speech_nouns=set(raw["speech_nouns"]["words"]),
        speech_noun_preps={p: set(ws) for p, ws in raw["speech_nouns"]["preps_for"].items()},
        support_verbs=set(raw["speech_nouns"]["support"]),
        male_nouns=set(raw["gender_nouns"]["male"]),
        female_nouns=set(raw["gender_nouns"]["female"]),
        physical_agents=set(raw["physical"]["agents"]),
        physical_targets=set(raw["physical"]["targets"]),
        role_groups=[set(g["words"]) for g in raw["role_synonyms"]],
        role_adjectives=dict(raw["role_adjectives"]["map"]),
        question_heading=re.compile(inter["question_heading"], re.I),
        question_prefix=re.compile(inter["question_prefix"], re.I),
        answer_prefix=re.compile(inter["answer_prefix"], re.I),
        scare_max_words=int(raw["scare_max_words"]),
    )


@functools.lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """``{given name: "m" | "f"}`` from ``data/given_names.yaml`` (US Census 1990
    first-name lists; see that file and ``scripts/build_given_names.py``)."""
    raw = data_files.load("given_names.yaml")
    out = {n: "m" for n in raw["male"]}
    out.update({n: "f" for n in raw["female"]})
    return out


# Verbs of naming: in an "as" parenthetical with an object ("as locals call the town") the gap
# they leave is the thing's name, not a proposition (Potts 2002, "The syntax and semantics of
# as-parentheticals": the gapped argument of an as-clause is what the clause predicates of).
NAMING = frozenset({"call", "dub", "name", "term", "nickname", "label", "brand"})


def cue_lemma(tok) -> str | None:
    """The cue lemma of a token (``"said"`` → ``"say"``), or ``None`` when the
    token is not a reporting verb (it must be tagged VERB or AUX-less verb form)
    or lacks the particle or preposition its lexicon entry requires."""
    if tok.pos_ not in ("VERB",) and tok.tag_ not in ("VBD", "VBZ", "VBP", "VB", "VBG", "VBN"):
        return None
    lex = lexicon()
    lemma = lex.form2lemma.get(tok.lower_)
    if lemma in lex.estimate_verbs and estimate_object(tok) is not None:
        return lemma  # "put the death toll at five"
    if lemma in lex.estimate_verbs and lemma not in lex.particle:
        return None
    if lemma in lex.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == lex.particle[lemma] or
                                         c.dep_ == "prep" and c.lower_ in lex.preps.get(lemma, ()) for c in tok.children):
        if not (lex.particle[lemma] == "it" and _as_put_it(tok)):
            return None  # "point" is a cue as "point out" or "point to", "go" as "go on", "put" as "as X put it"
    if lemma in NAMING and _as_clause(tok) and any(c.dep_ == "dobj" for c in tok.children):
        return None  # "the bay, or the cove as fishermen call it": the gap is a name, not what was said
    return lemma


def estimate_object(tok):
    """The object of an estimate ("put the death toll at five", "placed the cost at
    $2 million"): a noun of ``data/cues.yaml`` ``estimates`` followed by an "at"
    phrase with a quantity; ``None`` for any other use of the verb ("put the
    plan on hold"). Returns the object token."""
    lex = lexicon()
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in lex.estimate_nouns), None)
    if obj is None:
        return None
    for c in (*tok.children, *obj.children):
        if c.dep_ == "prep" and c.lower_ == "at" and c.i > obj.i and \
                any(t.like_num or t.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") for t in c.subtree):
            return obj
    return None


def _as_clause(tok) -> bool:
    """Whether a verb heads an "as" clause ("as X put it", "as locals call the bay"):
    "as" is its marker, or opens the few words before it that hold no verb or
    punctuation (the parse may hang "as" elsewhere)."""
    if any(c.dep_ in ("mark", "advmod", "prep") and c.lower_ == "as" and c.i < tok.i for c in tok.children):
        return True
    for k in range(tok.i - 1, max(tok.i - 7, tok.sent.start - 1), -1):
        word = tok.doc[k]
        if word.lower_ == "as":
            return k < tok.i - 1
        if word.is_punct or word.pos_ in ("VERB", "AUX"):
            return False
    return False


def _as_put_it(tok) -> bool:
    """Whether a verb heads "as X put it": an "as" clause whose object is "it"."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and _as_clause(tok)


@functools.lru_cache(maxsize=1)
def cue_form_ids() -> frozenset[int]:
    """The spaCy string hashes (``Doc.to_array(LOWER)`` values) of the lexicon's
    cue verb forms: a token whose ``LOWER`` is not one of them has no
    :func:`cue_lemma`."""
    return frozenset(get_string_id(f) for f in lexicon().form2lemma)


def according_to(tok):
    """The object of "according to" (``tok`` is "according"), or ``None``."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def ent_of(tok):
    """The ``doc.ents`` span holding a token, or ``None`` (an index of the Doc's
    entities by token is built once per Doc, kept with its other caches)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    index = doc.user_data.get(_ENT_INDEX)
    if index is None:
        index = doc.user_data[_ENT_INDEX] = {k: e for e in doc_ents(doc) for k in range(e.start, e.end)}
    return index.get(tok.i)


_ENT_INDEX = CACHE_PREFIX + "ent_index"


def _propn_chain(tok) -> tuple[int, int]:
    """Token index range [i, j) of the proper-noun chain a PROPN token heads or
    belongs to ("Nagorno - Karabakh Ombudsman")."""
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    i = head.i
    while i > 0:
        prev = tok.doc[i - 1]
        if prev.pos_ == "PROPN" or (prev.tag_ == "HYPH" and i > 1 and tok.doc[i - 2].pos_ == "PROPN"):
            i -= 1
        else:
            break
    return i, head.i + 1


POSSESSIVE = ("'s", "’s")


def possessed_person(words: list[str]) -> int | None:
    """Index of the first word of a person's name that a possessive owner precedes
    inside one name ("The Daily Ledger’s Mara Quint" → 3), or ``None``: the words
    after the word ending in "'s" are two or three capitalised words, the first a
    listed given name (``data/given_names.yaml``). The possessor is a determiner of
    the noun phrase it precedes (Huddleston and Pullum 2002, *CGEL*, 5.16): the
    person is the head, the outlet or organisation their affiliation."""
    for k in range(1, len(words) - 1):
        if words[k - 1].endswith(POSSESSIVE) and len(words[k - 1]) > 2:
            rest = words[k:]
            if 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest) and given_names().get(rest[0]):
                return k
            return None
    return None


# cue verbs that open a sentence before their speaker ("Said Marsh: …", "Added the mayor: …"); the
# inversion of a reporting verb and its subject (Quirk et al. 1985, 14.29)
INVERTED_CUES = {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained", "explains",
                 "recalled", "recalls", "noted", "notes", "continued", "continues", "replied", "replies"}


def name_span(tok) -> tuple[int, int] | None:
    """Character span of the named mention a token is part of: its ``doc.ents``
    entity (a name label), else its proper-noun chain, each widened to the
    whitespace-delimited words it sits in ("News.Az", not "Az"); leading "The",
    leading titles ("Mayor", "Sen.", ``data/titles.yaml``) and a trailing
    possessive are left out. An entity that holds a verb ("Velimirac told Aster
    Press" tagged as one title) gives way to the proper-noun chain. ``None``
    when the token is not a name."""
    doc = tok.doc
    e = ent_of(tok)
    if e is not None and (e.label_ not in NAME_LABELS or any(t.pos_ in ("VERB", "AUX") for t in e)):
        e = None
    if e is not None and e.label_ == "NORP" and e.root.tag_ in ("NNP", "NN") and is_indefinite(e.root):
        return None  # "one well-connected Democrat": a person described by party or origin, not named
    if e is not None:
        i, j = e.start, e.end
        if e.label_ == "PERSON":  # "Hany Farid" where the model tagged "Farid" alone
            while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title and not doc[i - 1].ent_type_ \
                    and doc[i - 1].lower_.rstrip(".") not in load_titles()[0] and doc[i - 1].head.i in range(i, j):
                i -= 1
    elif tok.pos_ == "PROPN" and tok.text[:1].isupper():  # a lower-case word tagged PROPN is no name
        i, j = _propn_chain(tok)
        while i < j and doc[i].pos_ in ("VERB", "AUX"):
            i += 1
    else:
        return None
    titles = load_titles()[0]
    while i < j and (doc[i].lower_ == "the" or doc[i].is_punct):
        i += 1
    if e is None or e.label_ == "PERSON":  # "Mayor Vesna Adamic" → "Vesna Adamic" (never "General Motors")
        while i < j - 1 and i != tok.i and (doc[i].lower_.rstrip(".") in titles or doc[i].is_punct):
            i += 1
    while i < j - 1 and i != tok.i and doc[i].lower_ in INVERTED_CUES and (i == 0 or doc[i].is_sent_start):
        i += 1  # "Said Marsh: “…”": a cue inverted before its speaker opens the sentence, it is no name
    pos = next((k for k in range(i + 1, min(j, tok.i + 1)) if doc[k].tag_ == "POS" or doc[k].lower_ in POSSESSIVE), None)
    if pos is not None and possessed_person([doc[pos - 1].text + doc[pos].text] + [t.text for t in doc[pos + 1:j]]) == 1:
        i = pos + 1  # "The Daily Ledger’s Mara Quint": the person, not the outlet (:func:`possessed_person`)
    while j > i and (doc[j - 1].tag_ == "POS" or doc[j - 1].is_punct):
        j -= 1
    if i >= j:
        return None
    text = doc_text(doc)
    if (e is None or e.label_ != "PERSON") and doc[j - 1].lower_ in lexicon().person_nouns and title_case_line(text, tok.idx):
        return None  # a role in a title-case headline ("Former City Pollster Says …") describes, it does not name
    return _widen(text, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text))


def title_case_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a headline in title case (four words or
    more, nearly all capitalised)."""
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    words = [w for w in text[s:e if e >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def word_span(tok) -> tuple[int, int]:
    """Character span of the whitespace-delimited word a token sits in, without
    surrounding punctuation ("Harbour.News" for the token "News")."""
    return _widen(doc_text(tok.doc), tok.idx, tok.idx + len(tok.text))


def _widen(text: str, s: int, t: int) -> tuple[int, int]:
    while s > 0 and not text[s - 1].isspace() and text[s - 1] not in ",;:(\"“‘'«[":
        s -= 1
    while t < len(text) and not text[t].isspace() and text[t] not in ",;:)\"”’'»]" \
            and not (text[t] == "." and (t + 1 >= len(text) or text[t + 1].isspace())):
        t += 1
    return s, t


def noun_phrase(tok) -> tuple[int, int]:
    """Character span of a nominal's left part and head ("the presidential aide",
    "one Azerbaijani commander"), without relative clauses or appositions."""
    i = tok.i
    for c in tok.lefts:
        if c.dep_ in ("det", "predet", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case") or \
                c.tag_ in ("POS", "HYPH"):
            i = min(i, c.left_edge.i)
    doc = tok.doc
    return doc[i].idx, tok.idx + len(tok.text)


_DESC_PREPS = {"of", "at", "in", "for", "from", "with", "on", "to", "close", "familiar", "near", "inside"}
_DESC_MAX = 16  # tokens
# a participle or relative clause that keeps a source unnamed rather than saying who it is
_ANONYMITY = {"anonymity", "anonymously", "condition", "authorized", "permission", "named", "identified"}


def _restrictive(c, last: int) -> bool:
    """Whether ``c``, a right child of a description's head, is a restrictive
    postmodifier that says which people or papers speak and starts right after
    the words kept so far (index ``last``): a participle ("a report filed
    Monday", "lawsuits being considered in court", "judges handling the suits")
    or a relative clause with or without its pronoun ("some who back the plan",
    "the experts I asked"), never one that holds a clause of saying of its own
    or says only that the source is anonymous, nor a cue ("workers speaking
    about …"). Source: PolNeAR guidelines (the
    source span is the whole noun phrase with the modifiers that identify it);
    Quirk et al. 1985, 17.3 (restrictive postmodification)."""
    if c.dep_ not in ("acl", "relcl") or c.tag_ not in ("VBN", "VBG", "VBD", "VBP", "VBZ", "VB"):
        return False
    if c.dep_ == "acl" and c.tag_ not in ("VBN", "VBG"):
        return False
    if c.left_edge.i != last + 1 and not (c.dep_ == "acl" and c.i == last + 1):
        return False
    own_subject = any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in ("who", "that", "which") for g in c.children)
    if (c.tag_ == "VBG" or c.dep_ == "relcl" and not own_subject) and c.lower_ in lexicon().form2lemma:
        return False  # "workers speaking about …", "letters that accuse them …": the cue itself, not who speaks
    return not any(t.dep_ in ("ccomp", "parataxis") or t.lower_ in _ANONYMITY for t in c.subtree)


def description_span(tok) -> tuple[int, int]:
    """Character span of the words that describe an unnamed source headed by
    ``tok``, as written: its determiners and modifiers, and the phrases after it
    that say who it is ("a senior official at the port authority", "two people
    familiar with the talks", "officials in the capital", "a source involved in
    the talks", "a report filed on Monday"). Stops at a comma, a relative clause,
    a present participle ("…, speaking on condition of anonymity") and after
    ``_DESC_MAX`` tokens. Source: PolNeAR guidelines (the source span keeps
    the modifiers that identify it; incidental clauses stay out)."""
    doc = tok.doc
    s, _ = noun_phrase(tok)
    i = doc[0].i
    first = tok.i
    while first > i and doc[first - 1].idx >= s:
        first -= 1
    last = tok.i
    for c in tok.rights:
        if _restrictive(c, last):  # "a source involved in the talks", "judges handling suits", "the experts I asked"
            end = c.right_edge.i
            if end - first >= _DESC_MAX or any(doc[k].text in ",;:(" or doc[k].is_space for k in range(c.i, end + 1)):
                break
            last = end
            continue
        if c.is_punct or c.dep_ in ("relcl", "acl", "appos", "cc", "conj", "punct"):
            break
        if c.dep_ in ("prep", "amod") and c.lower_ in _DESC_PREPS:
            end = c.right_edge.i
            if any(doc[k].text in ",;:(" or doc[k].is_space for k in range(c.i, end + 1)):
                break
            if end - first >= _DESC_MAX:
                break
            last = end
        else:
            break
    # a word the tokenizer split at a hyphen stays whole ("his ex-wife", "a co-founder")
    return _widen(doc_text(doc), doc[first].idx, doc[last].idx + len(doc[last].text))


def trim_tokens(toks: list) -> list:
    """``toks`` without leading punctuation and articles ("the", "a", "an") and
    without trailing punctuation: the words of a role or title."""
    i, j = 0, len(toks)
    while i < j and (toks[i].is_punct or toks[i].lower_ in ("the", "a", "an")):
        i += 1
    while j > i and toks[j - 1].is_punct:
        j -= 1
    return toks[i:j]


def role_of(tok) -> tuple[str | None, str | None]:
    """Role and affiliation of a named person from its apposition or title.

    ``Hikmet Hajiyev, the foreign policy adviser to Azerbaijan's president`` →
    (``"foreign policy adviser to Azerbaijan's president"``, ``None``);
    ``Azerbaijan's Foreign Ministry spokesman Aykhan Hajizada`` →
    (``"Foreign Ministry spokesman"``, ``"Azerbaijan"``). ``tok`` is any token of the
    name; returns ``(None, None)`` when the text gives neither.
    """
    doc = tok.doc
    e = ent_of(tok)
    head = e.root if e is not None else tok
    start = e.start if e is not None else _propn_chain(tok)[0]
    for c in head.rights:
        if c.dep_ == "appos":
            toks = trim_tokens([t for t in c.subtree if t.i > head.i])
            # stop at the first comma that closes the apposition
            out = []
            for t in toks:
                if t.text == "," and out:
                    break
                out.append(t)
            out = trim_tokens(out)
            if out:
                return doc[out[0].i:out[-1].i + 1].text, None
    # title before the name: compound/amod nominals left of the entity
    pre = [c for c in head.lefts if c.i < start and c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    if not pre:
        return None, None
    i = min(c.left_edge.i for c in pre)
    toks = [doc[k] for k in range(i, start)]
    affiliation = None
    # leading possessive "Azerbaijan's" is the affiliation
    for k, t in enumerate(toks):
        if t.tag_ == "POS":
            aff = toks[:k]
            while aff and aff[0].lower_ == "the":
                aff = aff[1:]
            if aff:
                affiliation = doc[aff[0].i:aff[-1].i + 1].text
            toks = toks[k + 1:]
            break
    toks = trim_tokens(toks)
    if not toks or not any(t.lower_ in lexicon().person_nouns or t.pos_ == "PROPN" for t in toks):
        return None, affiliation
    return doc[toks[0].i:toks[-1].i + 1].text, affiliation


def descriptor_words(tok) -> tuple[str, set[str]]:
    """Head noun and modifier words (lower case, role adjectives mapped to their
    office: "presidential" → "president") of a descriptor nominal."""
    lex = lexicon()
    mods = set()
    for c in tok.lefts:
        for t in c.subtree:
            w = t.lower_
            mods.add(lex.role_adjectives.get(w, w))
    return tok.lower_, mods


def role_score(head: str, mods: set[str], role: str) -> int:
    """How well a descriptor ("presidential aide") matches a stated role
    ("Assistant to the President of Azerbaijan"): 0 when the head noun matches no
    word of the role (through the synonym groups of ``cues.yaml``); else 2 plus one
    per modifier word found in the role."""
    lex = lexicon()
    words = set(re.findall(r"[\w-]+", role.lower()))
    low = role.lower()
    syn = {head}
    for g in lex.role_groups:
        if head in g:
            syn |= g
    if not any((s in words) if " " not in s else (s in low) for s in syn):
        return 0
    return 2 + sum(1 for m in mods if m in words and m not in ("the", "a", "an"))


def is_indefinite(tok) -> bool:
    """Whether a nominal is introduced as new ("one commander", "a resident"), also
    through a classifying plural possessive ("a workers' union", "a farmers' group":
    the article opens the whole phrase)."""
    if any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.lefts):
        return True
    return any(c.dep_ == "poss" and c.tag_ == "NNS" and any(g.dep_ == "case" and g.text in ("'", "’") for g in c.children)
               and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.lefts) for c in tok.lefts)
