"""Who a pronoun or a descriptor speaker is, and the history of who spoke where.

:class:`Discourse` holds what one article needs to resolve speakers:

* the speakers of the quotes found so far, by position (:meth:`Discourse.record`,
  :meth:`Discourse.last_before`), for the convention that an unattributed quote
  keeps the latest speaker;
* the candidate antecedents of the Doc, read once: named persons and
  organisations, described subjects ("the spokeswoman", "officials") and subject
  pronouns, each with gender, number and animacy;
* :meth:`Discourse.resolve_pronoun`: a pronoun refers to the first compatible
  candidate of the nearest sentence that has one, the candidates of a sentence
  taken shallowest in the parse first, then left to right. This is the
  candidate order of the Stanford deterministic coreference system's pronoun
  sieve (Lee et al. 2013, "Deterministic coreference resolution based on
  entity-centric, precision-ranked rules", Computational Linguistics 39(4)),
  with its agreement constraints: gender ("he" never refers to a woman named
  by title, given name or role noun), number ("they" to plurals and
  organisations) and animacy (an organisation is "it" or "they", never "he").
  Words inside quotation marks are never antecedents of a speaker outside them,
  nor are the words of the pronoun's own cue content (PARC 3.0: source, cue and
  content are disjoint). Salience after Lappin and Leass (1994, "An algorithm
  for pronominal anaphora resolution", Computational Linguistics 20(4)): any
  subject name is a candidate, even one the tagger left untyped; the source of
  a cue comes first, unless its cue is in a background clause ("when …"), an
  infinitive or the content of another verb ("X noted that Y had reported"), or
  it is only addressed ("told X").
* :meth:`Discourse.describe` (:mod:`rashomon.extract.descriptions`): a
  common noun phrase as a speaker. A definite
  descriptor ("the presidential aide", "the ministry", "the senator") resolves
  to the named mention the article introduced with that role, title or name
  word; a described source the text does not name ("a senior official",
  "officials in the capital", "the newspaper") stays unnamed, described by its
  words as written (PolNeAR guidelines: the source span keeps its determiners,
  modifiers and the phrases that identify it).

Gender comes from a title before the name (Mr., Ms., Mrs.), a gendered role
noun (spokeswoman) and the given-name list ``data/given_names.yaml`` (US Census
first names); unknown gender agrees with both "he" and "she".
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from rashomon.annotate import doc_ents
from rashomon.extract import speakers as sp
from rashomon.extract.descriptions import Descriptions, noun_gender, singular
from rashomon.extract.docindex import DocIndex
from rashomon.extract.speakers import Speaker

# pronoun -> (person?, gender, plural?); None = either
PRONOUN_FEATURES: dict[str, tuple[bool | None, str | None, bool | None]] = {
    "he": (True, "m", False), "him": (True, "m", False),
    "she": (True, "f", False), "her": (True, "f", False),
    "his": (True, "m", False),
    "it": (False, None, False), "its": (False, None, False),
    "they": (None, None, True), "them": (None, None, True), "their": (None, None, True),
}
SENTENCES_BACK = 6  # how many sentences before a pronoun are searched
# cues of asking: their object is the one who answers next
QUESTION_CUES = {"ask", "question"}
# subordinators of background clauses, whose speaker is less salient than the main clause's (Lappin and Leass 1994)
BACKGROUND_MARKS = {"when", "while", "after", "before", "because", "since", "until", "if", "once", "whenever"}


@dataclass
class _Cand:
    """A candidate antecedent: a named mention (``ns``), a subject pronoun or a
    described subject at token ``i``; its speaker record is made when first read."""

    start: int
    i: int
    sent: int
    named: bool = False
    speaker: Speaker | None = None


def _agrees(feats: tuple, spk: Speaker) -> bool:
    person, gender, plural = feats
    if plural is True:  # they: plural persons, or any organisation or group
        return spk.plural or spk.person is False
    if person is False:  # it: an organisation, a country, a document
        return spk.person is False and not spk.plural
    # he / she: one person (unknown type allowed), gender agreeing or unknown
    if spk.person is False or spk.plural:
        return False
    return spk.gender is None or gender is None or spk.gender == gender


class Discourse(Descriptions):
    """Speaker memory of one article (see the module docstring).

    ``ctx`` is the article's :class:`~rashomon.extract.docindex.DocIndex`;
    ``quoted`` a mask of the characters inside direct quotes (set by the
    caller once direct quotes are known: their words are no antecedents).
    """

    def __init__(self, ctx: DocIndex):
        self.ctx = ctx
        self.quoted = bytearray()
        self._pos: list[int] = []
        self._speakers: list[Speaker] = []
        self._ends: list[int] = []
        self._cands: list[_Cand] | None = None
        self._cand_starts: list[int] = []
        self._roles: list[Speaker] | None = None
        self._orgs: list[Speaker] | None = None
        self._org_words: dict[str, list[int]] | None = None
        self._org_starts: list[int] | None = None
        self._surname_gender: dict[str, list[tuple[int, str]]] | None = None
        self._fulls: tuple[list, set[str]] | None = None
        self._memo: dict[int, Speaker | None] = {}
        self._desc_matches: dict = {}

    # -- history ---------------------------------------------------------------------
    def record(self, pos: int, spk: Speaker, attr_end: int | None = None) -> None:
        """Remember that ``spk`` spoke at ``pos``, with the end of that quote's
        attribution (``attr_end``, default ``pos``); kept sorted by position."""
        k = bisect.bisect_right(self._pos, pos)
        self._pos.insert(k, pos)
        self._speakers.insert(k, spk)
        self._ends.insert(k, pos if attr_end is None else attr_end)

    def last_before(self, pos: int, with_end: bool = False):
        """The speaker of the latest quote before ``pos`` (of several recorded at
        one position, the first recorded), or ``None``; with ``with_end``, the
        pair (speaker, end of its attribution)."""
        k = bisect.bisect_left(self._pos, pos) - 1
        if k < 0:
            return None
        k = bisect.bisect_left(self._pos, self._pos[k])
        return (self._speakers[k], self._ends[k]) if with_end else self._speakers[k]

    def in_quote(self, pos: int) -> bool:
        return pos < len(self.quoted) and self.quoted[pos] == 1

    # -- named mentions ----------------------------------------------------------------
    def gender_of(self, ent) -> str | None:
        """"m", "f" or None for a PERSON entity Span: a title or gendered role noun
        before it, its given name, or, for a surname alone, a title or given name
        given to the same surname elsewhere."""
        lex = sp.lexicon()
        doc = ent.doc
        k = ent.start - 1
        while k >= 0 and doc[k].is_punct and doc[k].text == ".":
            k -= 1
        if k >= 0:
            w = doc[k].lower_.rstrip(".")
            if w in lex.male_nouns:
                return "m"
            if w in lex.female_nouns:
                return "f"
        words = [t.text for t in ent if t.is_alpha]
        if not words:
            return None
        if len(words) >= 2:  # a given name the list lacks: relatives share a surname ("Mr. Marsh", "Lena Marsh")
            return sp.given_names().get(words[0].capitalize())
        return self._surname(words[-1].lower())

    def _surname(self, key: str) -> str | None:
        """The gender of a surname alone (``key``, lower case): that of the first
        PERSON mention with this surname and a gendered title or listed given
        name. A news article uses the surname alone for the person it
        introduced first and names relatives who share it in full (AP
        Stylebook, "names": second reference by last name; first names for
        family members), so "Hillary Clinton … Bill Clinton … Clinton" is she."""
        marks = self._surnames().get(key)
        return marks[0][1] if marks else None

    def _surnames(self) -> dict[str, list[tuple[int, str]]]:
        """Surname → (start, gender) of each PERSON mention the article gives a
        gendered title or a listed given name, in text order."""
        if self._surname_gender is None:
            out: dict[str, list[tuple[int, str]]] = {}
            lex = sp.lexicon()
            given = sp.given_names()
            for e in doc_ents(self.ctx.doc):
                if e.label_ != "PERSON":
                    continue
                words = [t.text for t in e if t.is_alpha]
                if not words:
                    continue
                g = None
                k = e.start - 1
                if k >= 0 and e.doc[k].text == ".":
                    k -= 1
                if k >= 0:
                    w = e.doc[k].lower_.rstrip(".")
                    g = "m" if w in lex.male_nouns else "f" if w in lex.female_nouns else None
                if g is None and len(words) >= 2:
                    g = given.get(words[0].capitalize())
                if g is not None:
                    out.setdefault(words[-1].lower(), []).append((e.start_char, g))
            self._surname_gender = out
        return self._surname_gender

    def _person_surname(self, name: str) -> bool:
        """Whether a one-word name, or a name that ends in it, is the last word of a
        person the article names in full ("Sanders" after "Bernie Sanders"); a
        name of an organisation ("Sanders Institute") is not."""
        words = name.split()
        return 1 <= len(words) <= 2 and words[-1].lower() in self._full_names()[1] and \
            (len(words) == 1 or words[0][:1].isupper() and words[0].lower() not in sp.lexicon().org_nouns)

    def _full_names(self) -> tuple[list, set[str]]:
        """The PERSON mentions named in full (two words or more, the last in title
        case), in text order, and their last words in lower case; read once."""
        if self._fulls is None:
            fulls = [e for e in doc_ents(self.ctx.doc) if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title]
            self._fulls = (fulls, {e[-1].lower_ for e in fulls})
        return self._fulls

    def _misspelt(self, ns: tuple[int, int]):
        """The latest full-name PERSON mention before ``ns`` (else the first) whose
        surname differs in one letter from the one word at ``ns`` ("Holn" after
        "Greta Holm"), when exactly one surname of the article does and the word is
        no surname or given name of its own; else ``None``. Single-letter
        substitutions are the commonest misspellings (Damerau 1964, "A technique
        for computer detection and correction of spelling errors", CACM 7(3))."""
        word = self.ctx.text[ns[0]:ns[1]]
        if len(word) < 5 or not word.isalpha() or not word.istitle() or word in sp.given_names():
            return None
        key = word.lower()
        fulls, lasts = self._full_names()
        near = {w for w in lasts if len(w) == len(key) and w[0] == key[0] and sum(a != b for a, b in zip(w, key)) == 1}
        if key in lasts or len(near) != 1:
            return None
        hits = [e for e in fulls if e[-1].lower_ in near]
        return next((e for e in reversed(hits) if e.end_char <= ns[0]), hits[0])

    def surname_span(self, tok) -> tuple[int, int] | None:
        """Character span of a capitalised word the tagger took for a common noun
        that is the surname of a person the article names in full ("Sanders
        initially defended …" after "Bernie Sanders"), or that surname misspelt
        (:meth:`_misspelt`), or ``None``: one sense
        per discourse (Gale, Church and Yarowsky 1992)."""
        if tok.pos_ != "NOUN" or not tok.is_title or self.ctx.in_dateline(tok.idx) or not (
                self._person_surname(tok.text) or self._misspelt(sp.word_span(tok)) is not None):
            return None
        return sp.word_span(tok)

    def named(self, tok, ns: tuple[int, int], text: str | None = None) -> Speaker:
        """A speaker record for the named mention ``ns`` that token ``tok`` belongs to
        (a surname misspelt by one letter: the person named in full, :meth:`_misspelt`)."""
        ctx = self.ctx
        if (full := self._misspelt(ns)) is not None:
            text = ctx.text[ns[0]:ns[1]] if text is None else text
            ns, tok = (full.start_char, full.end_char), full[-1]
        role, aff = ctx.role_of(tok)
        e = sp.ent_of(tok)
        label = e.label_ if e is not None else None
        person: bool | None = None
        gender = None
        plural = False
        if label == "PERSON":
            person, gender = True, self.gender_of(e)
        elif (given := _given_name(ctx.text[ns[0]:ns[1]])) is not None and label in (None, "ORG", "WORK_OF_ART"):
            person, gender = True, given  # "Helena Strand" tagged ORG: a given name and a surname are a person
        elif label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"):
            person = False
        elif label in ("NORP", "GROUP"):
            person, plural = True, tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s")
        if person is not True and label != "PERSON" and self._person_surname(ctx.text[ns[0]:ns[1]]):
            person, plural = True, False  # "Sanders" tagged ORG where "Bernie Sanders" is a person (one sense per discourse)
            gender = self._surname(ctx.text[ns[0]:ns[1]].split()[-1].lower())
        if role and gender is None:
            gender = noun_gender(role.split()[-1].lower()) if role.split() else None
        return Speaker(text=text if text is not None else ctx.text[ns[0]:ns[1]], start=ns[0], end=ns[1],
                       role=role, aff=aff, gender=gender, person=person, plural=plural)

    # -- candidates ------------------------------------------------------------------
    def _candidates(self) -> list[_Cand]:
        """Named persons, organisations and groups (places and nationalities only
        as subjects), subject pronouns, described subjects, the sources of
        "according to" and groups of people named as objects, by position."""
        if self._cands is not None:
            return self._cands
        ctx = self.ctx
        toks = ctx.tok_views  # only indices and offsets leave this method
        out: list[_Cand] = []
        seen: set[int] = set()
        for e in doc_ents(ctx.doc):
            if e.label_ not in ("PERSON", "ORG", "NORP", "GPE", "GROUP"):
                continue
            last = toks[e.end - 1]
            if e.label_ in ("GPE", "NORP") and last.dep_ not in ("nsubj", "nsubjpass") and \
                    not (e.label_ == "NORP" and last.tag_ in ("NNS", "NNPS") and last.dep_ not in ("amod", "compound")):
                continue  # places and nationalities speak only as subjects ("Russia said it"); groups ("Hispanics") anywhere
            seen.update(range(e.start, e.end))
            out.append(_Cand(e.start_char, e.end - 1, ctx.sentence_of(e.end - 1), True))
        heads = _heads()
        for i in ctx.subjects:
            if i in seen:
                continue
            tok = toks[i]
            low = tok.lower_
            if self.surname_span(tok) is not None:  # a surname read as a plural noun ("Wallens said") is a name
                seen.add(i)
                out.append(_Cand(tok.idx, i, ctx.sentence_of(i), True))
            elif low in PRONOUN_FEATURES or tok.pos_ == "NOUN" and (singular(low) in heads or tok.tag_ == "NNS" and
                                                                    tok.head.i in ctx.cue_lemmas):
                # a noun heads a candidate when the lexicon knows it as a person, organisation or document,
                # or when it is a plural subject of a cue ("Several campaign associates said …"): a group speaks
                out.append(_Cand(tok.idx, i, ctx.sentence_of(i)))
            elif tok.pos_ == "PROPN" and tok.text[:1].isupper() and not ctx.in_dateline(tok.idx):
                # a name the tagger left untyped is still a subject (Lappin and Leass 1994: subject salience)
                seen.add(i)
                out.append(_Cand(tok.idx, i, ctx.sentence_of(i), True))
        for i in ctx.according:  # "According to Dorn, …": the source, whatever the tagger made of it
            obj = sp.according_to(toks[i])
            if obj is not None and obj.i not in seen and obj.pos_ in ("PROPN", "NOUN") and \
                    obj.lower_ not in PRONOUN_FEATURES:
                seen.add(obj.i)
                out.append(_Cand(obj.idx, obj.i, ctx.sentence_of(obj.i), obj.pos_ == "PROPN"))
        people = sp.lexicon().person_nouns
        for i in ctx.objects:  # groups of people named as objects ("the plan angered voters. They …")
            tok = toks[i]
            if i not in seen and tok.tag_ == "NNS" and singular(tok.lower_) in people:
                out.append(_Cand(tok.idx, i, ctx.sentence_of(i)))
        out.sort(key=lambda c: c.start)
        self._cands = out
        self._cand_starts = [c.start for c in out]
        return out

    def _cand_speaker(self, c: _Cand) -> Speaker | None:
        if c.speaker is None:
            tok = self.ctx.doc[c.i]
            if c.named:
                ns = self.ctx.name_span(tok) or self.surname_span(tok)
                c.speaker = self.named(tok, ns) if ns is not None else None
                c.named = False  # read once
            elif tok.lower_ in PRONOUN_FEATURES:
                return self.resolve_pronoun(tok)
            else:
                c.speaker = self.describe(tok)
        return c.speaker

    def resolve_pronoun(self, tok) -> Speaker | None:
        """The speaker record a third-person pronoun refers to, or ``None`` (see
        the module docstring); "I"/"we" outside quotes (the author) and an
        expletive "it" ("it was said") resolve to nothing."""
        if tok.i in self._memo:
            return self._memo[tok.i]
        self._memo[tok.i] = None  # a cycle resolves to nothing
        feats = PRONOUN_FEATURES.get(tok.lower_)
        found = None
        if feats is not None and not _expletive(tok):
            found = self._search(tok, feats)
        self._memo[tok.i] = found
        return found

    def _search(self, tok, feats) -> Speaker | None:
        ctx = self.ctx
        cands = self._candidates()
        n = bisect.bisect_left(self._cand_starts, tok.idx)
        s0 = ctx.sentence_of(tok.i)
        by_sent: dict[int, list[_Cand]] = {}
        k = n - 1
        while k >= 0 and cands[k].sent >= s0 - SENTENCES_BACK:
            c = cands[k]
            if not self.in_quote(c.start):
                by_sent.setdefault(c.sent, []).append(c)
            k -= 1
        content = _cue_content(tok) if tok.head.i in ctx.cue_lemmas else ()
        if content and s0 in by_sent:  # the speaker of a cue is never a word of its own content
            # (a source of its own cue there is a nested attribution: "X scolded him: “…,” she said")
            by_sent[s0] = [c for c in by_sent[s0] if c.i not in content or self._speaks(c)]
        for c in self._governing_subjects(tok, by_sent.get(s0, [])):
            spk = self._cand_speaker(c)
            if spk is not None and spk.known and _agrees(feats, spk):
                return replace(spk, text=tok.text)
        answer = ctx.cue_lemmas.get(tok.head.i) not in QUESTION_CUES  # "he asked" continues the asker
        for s in sorted(by_sent, reverse=True):
            asked = answer and s < s0  # in a sentence before, the one asked answers first

            def key(c: _Cand):
                return not (asked and self._asked(c)), not self._speaks(c), ctx.depth(c.i), c.start
            for c in sorted(by_sent[s], key=key):
                spk = self._cand_speaker(c)
                if spk is not None and spk.known and _agrees(feats, spk):
                    return replace(spk, text=tok.text)
        return None

    def _speaks(self, c: _Cand) -> bool:
        """Whether a candidate is the source of a cue in its sentence ("The hashtag,
        Mr. Abboud said, spread": Mr. Abboud; "According to X, …": X), the salient speaker a following
        "he said" most often continues (Muzny et al. 2017, quote attribution)."""
        t = self.ctx.doc[c.i]
        if t.dep_ == "pobj" and t.head.head.i in self.ctx.according:
            return True  # "According to X, …": X is the source (PolNeAR guidelines)
        if t.head.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in BACKGROUND_MARKS
                                          for m in t.head.children):
            return False  # "…, when a reporter asked …": an adverbial clause is background (Lappin and Leass 1994)
        if any(a.dep_ == "aux" and a.tag_ == "TO" for a in t.head.children):
            return False  # "for a judge to criticize …": an infinitive reports no act of speech
        if t.head.dep_ in ("ccomp", "pcomp") and t.head.head.i < t.head.i:
            return False  # "X, pointing out that Y had reported …": a source inside another's content is nested
        lemma = self.ctx.cue_lemmas.get(t.head.i)
        if lemma is None:
            return False
        # "said Mr. X" (the parse's object after an inverted cue); "told X", "advising X": X is addressed
        return t.dep_ == "nsubj" or t.dep_ in ("dobj", "attr") and t.i > t.head.i and lemma not in sp.lexicon().recipient

    def _asked(self, c: _Cand) -> bool:
        """Whether a candidate is the one asked by a question cue ("X asked Y whether …"):
        the second part of a question–answer adjacency pair is the answer of the one
        asked (Schegloff and Sacks 1973, "Opening up closings", Semiotica 8), so a
        "he said" after the question is Y's."""
        t = self.ctx.doc[c.i]
        return t.dep_ == "dobj" and self.ctx.cue_lemmas.get(t.head.i) in QUESTION_CUES

    def _governing_subjects(self, tok, here: list[_Cand]) -> list[_Cand]:
        """The candidates of the pronoun's own sentence that are subjects of the
        clauses above the pronoun's clause, nearest first ("X, who led the
        campaign because he claimed …": X), after Hobbs (1978): the first
        antecedent met going up the tree from the pronoun. A relative "who"
        stands for the noun its clause modifies."""
        if not here:
            return []
        by_i = {c.i: c for c in here}
        out, v = [], tok.head
        for _ in range(8):
            if v.head.i == v.i or v.dep_ not in ("advcl", "ccomp", "conj", "relcl", "xcomp", "acl"):
                break
            v = v.head
            for c in v.children:
                if c.dep_ == "nsubj" and c.i < tok.i:
                    subj = c.head.head if c.lower_ in sp.PRONOUNS_RELATIVE and v.dep_ == "relcl" else c
                    hit = by_i.get(subj.i) or next((x for x in here if x.start <= subj.idx <= self.ctx.doc[x.i].idx), None)
                    if hit is not None:
                        out.append(hit)
        return out


def _given_name(name: str) -> str | None:
    """The gender of a two- or three-word name that starts with a listed given name
    and has only capitalised words ("Helena Strand"), else ``None``."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return None
    return sp.given_names().get(words[0])


def _heads() -> set[str]:
    lex = sp.lexicon()
    return lex.person_nouns | lex.org_nouns | lex.doc_nouns


def _cue_content(tok) -> set[int]:
    """Token indices of the content of the cue whose subject is ``tok``: its
    clausal complements ("he said [the board lied]") and, for a parenthetical cue
    ("[the mayor], he said, [would resign]"), the clause it interrupts (PARC 3.0:
    source, cue and content are disjoint)."""
    v = tok.head
    out = {t.i for c in v.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
    if v.dep_ == "parataxis":
        own = {t.i for t in v.subtree}
        out |= {t.i for t in v.head.subtree if t.i not in own}
    return out


def _expletive(tok) -> bool:
    """An "it" with no referent: "it was announced that …", "it is clear that …"."""
    if tok.lower_ != "it":
        return False
    h = tok.head
    clause = any(c.dep_ in ("ccomp", "csubj", "xcomp") and c.i > h.i for c in h.children)
    be = h.lower_ in _BE or any(c.dep_ == "auxpass" for c in h.children)
    return clause and (be or tok.dep_ == "nsubjpass")


_BE = {"is", "was", "be", "been", "are", "were", "'s", "’s", "seems", "seemed", "appears", "appeared"}
