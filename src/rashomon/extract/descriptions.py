"""Descriptor and unnamed speakers: the noun phrases of :class:`~rashomon.extract.coref.Discourse`.

:meth:`Descriptions.describe` reads a common noun phrase as a speaker. A definite
descriptor ("the presidential aide", "the ministry", "the senator") resolves to
the named mention the article introduced with that role, title or name word
(AP Stylebook, second references); an owner named before the head speaks
through it ("Powell's office", "the Cruz campaign"); a described source the
text does not name ("a senior official", "officials in the capital", "the
newspaper") stays unnamed, described by its words as written (PolNeAR
guidelines: the source span keeps its determiners, modifiers and the phrases
that identify it).

The class is a part of :class:`~rashomon.extract.coref.Discourse`, which sets
``ctx`` and the caches used here and gives :meth:`named` and :meth:`in_quote`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from rashomon.annotate import doc_ents
from rashomon.extract import speakers as sp
from rashomon.extract.speakers import Speaker

# a party and state or district label after a US politician's name ("(D-Ohio)", "R-Texas"): AP Stylebook,
# "party affiliation"; a label, never the name of whoever it follows
_PARTY_LABEL = re.compile(r"[DRI]-[A-Z]")

# title abbreviations and the role words they stand for ("Sen. Ted Cruz" ~ "the senator")
TITLE_WORDS = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
               "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
               "dr": "doctor", "prof": "professor", "atty": "attorney", "adm": "admiral",
               "maj": "major", "supt": "superintendent", "insp": "inspector", "det": "detective",
               "amb": "ambassador", "pres": "president", "sec": "secretary", "cmdr": "commander"}
# organisation heads generic enough to refer to the latest organisation named nearby
GENERIC_ORG_HEADS = {"company", "firm", "corporation", "group", "organisation", "organization", "operator"}
GENERIC_ORG_PARAS = 4  # how many paragraphs back "the company" may look for its organisation
# personal pronouns that describe no source: the addressee, and object forms of the writer
ADDRESSEE_PRONOUNS = {"you", "yourself", "yourselves", "me", "us", "myself", "ourselves"}


class Descriptions:
    """The descriptor half of :class:`~rashomon.extract.coref.Discourse`."""

    def describe(self, tok) -> Speaker:
        """A speaker record for a common-noun phrase headed by ``tok``: the named
        mention a definite descriptor refers to, else an unnamed source described
        by the phrase as written (``desc_start``/``desc_end``)."""
        ctx = self.ctx
        if tok.lower_ in ADDRESSEE_PRONOUNS:
            return Speaker(text=tok.text)  # "you" is the one addressed: no description of a speaker
        lex = sp.lexicon()
        s, e = sp.description_span(tok)
        text = ctx.text[s:e]
        low = singular(tok.lower_)
        plural = tok.tag_ in ("NNS", "NNPS") and low != tok.lower_ or tok.lower_ in ("people", "police")
        person = True if low in lex.person_nouns else False if (low in lex.org_nouns or low in lex.doc_nouns) else None
        base = Speaker(text=text, desc_start=s, desc_end=e, person=person, plural=plural and person is not False,
                       gender=noun_gender(low))
        for c in tok.subtree:  # "the mayor of X, John Carter, said": the apposed name
            if c.dep_ == "appos" and c.i > tok.i and (c.head.i == tok.i or c.ent_type_ == "PERSON") and \
                    c.ent_type_ in ("PERSON", "ORG", "") and (ns := ctx.name_span(c)) is not None:
                if _PARTY_LABEL.match(ctx.text, ns[0]):  # "state Del. X Y (D-Dover)": the party label, not a name
                    c = next((t for t in reversed(list(c.subtree)) if t.pos_ == "PROPN" and t.idx < ns[0] - 1), None)
                    if c is None or (ns := ctx.name_span(c)) is None:
                        continue
                spk = self.named(c, ns)
                role = sp.trim_tokens([t for t in tok.subtree if t.i < c.left_edge.i])
                if role:
                    spk.role = ctx.doc[role[0].i:role[-1].i + 1].text
                return spk
        owner = _owner(tok)
        if owner is not None and person is not True and not (tok.tag_ in ("NNS", "NNPS") and low != tok.lower_):
            # (a plural is the owner's people, never the owner: "Rudd associates" are not Rudd)
            # "Powell's office", "the Cruz campaign": the named owner speaks through it
            ns = ctx.name_span(owner)
            if ns is not None:  # an office or campaign stays an organisation ("it", "they"), its owner's or not
                who = self.named(owner, ns)
                org = person is False
                return replace(base, start=who.start, end=who.end, role=who.role, aff=who.aff,
                               person=False if org else who.person, gender=None if org else who.gender,
                               plural=False if org else who.plural)
        if sp.is_indefinite(tok) or plural:
            return base
        who = self._definite(tok, low)
        if who is not None:
            return replace(base, start=who.start, end=who.end, role=who.role, aff=who.aff,
                           gender=who.gender or base.gender, person=who.person if who.person is not None else person)
        return base

    def _definite(self, tok, head: str) -> Speaker | None:
        """The named mention a definite descriptor refers to: the best role match
        (:func:`speakers.role_score`, a preceding mention on a tie; an organisation
        head never matches a person, the animacy constraint of Lee et al. 2013), else an
        organisation whose name holds the head noun ("the ministry" → "Foreign
        Ministry") or, for a generic head ("the company"), the latest organisation
        named as a subject in this or the ``GENERIC_ORG_PARAS`` paragraphs before."""
        _, mods = sp.descriptor_words(tok)
        key = (head, frozenset(mods))
        if key not in self._desc_matches:  # role scores do not depend on the position
            self._desc_matches[key] = [(sc, m) for m in self._named_roles()
                                       if (sc := sp.role_score(head, mods, _expand_title(m.role)))]
        best, best_score = None, 0
        org = head in sp.lexicon().org_nouns
        for sc, m in self._desc_matches[key]:
            if org and m.person is True:
                continue  # animacy: "the city" is no person whose role holds the word ("City Attorney X")
            sc = sc * 10 + (1 if m.start < tok.idx else 0)
            if sc > best_score:
                best, best_score = m, sc
        if best is not None:
            return best
        lex = sp.lexicon()
        if head not in lex.org_nouns and head not in GENERIC_ORG_HEADS:
            return None
        orgs = self._organisations()
        holder = self._latest_holding(head, tok.idx)
        if holder is not None:
            return orgs[holder]
        if head not in GENERIC_ORG_HEADS:
            return None
        # the latest organisation that acts (a subject), rather than one addressed ("told the agency")
        here = self.ctx.para_of(tok.idx)
        for o in map(orgs.__getitem__, self._orgs_before(tok.idx)):
            if here - self.ctx.para_of(o.start) > GENERIC_ORG_PARAS:
                break
            last = self.ctx.text[o.start:o.end].split()[-1].lower().strip(".,'’")
            if last in lex.org_nouns and last != head:
                continue  # "the company" is not "the Workers' Union" nor "the News Agency"
            if self.ctx.tok_at(o.end - 1).dep_ in ("nsubj", "nsubjpass", "poss"):
                return o
        return None

    def _named_roles(self) -> list[Speaker]:
        """Named persons and organisations the text gives a role or title."""
        if self._roles is None:
            out, seen = [], set()
            for e in doc_ents(self.ctx.doc):
                if e.label_ not in ("PERSON", "ORG") or not self.ctx.text[e.start_char:e.end_char].strip():
                    continue
                last = self.ctx.doc[e.end - 1]
                if not self.ctx.role_of(last)[0]:
                    continue
                ns = self.ctx.name_span(last)
                if ns is None or ns in seen:
                    continue
                seen.add(ns)
                out.append(self.named(last, ns))
            self._roles = out
        return self._roles

    def _organisations(self) -> list[Speaker]:
        """Named organisations of the body, in order (outside quotes)."""
        if self._orgs is None:
            out = []
            for e in doc_ents(self.ctx.doc):
                if e.label_ != "ORG" or self.in_quote(e.start_char):
                    continue
                last = self.ctx.doc[e.end - 1]
                ns = self.ctx.name_span(last)
                if ns is not None:
                    out.append(self.named(last, ns))
            self._orgs = out
        return self._orgs

    def _org_index(self) -> None:
        """Index the organisations of :meth:`_organisations` once: their starts
        (``_org_starts``; ``None`` when not in text order) and, per lower-case
        word, the indices of those whose name holds it (``_org_words``), so a
        descriptor finds its organisation by bisection instead of reading every
        earlier name again (linear in the article)."""
        if self._org_words is None:
            orgs, text = self._organisations(), self.ctx.text
            starts = [o.start for o in orgs]
            self._org_starts = starts if all(a <= b for a, b in zip(starts, starts[1:])) else None
            self._org_words = {}
            for x, o in enumerate(orgs):
                for w in dict.fromkeys(text[o.start:o.end].lower().split()):
                    self._org_words.setdefault(w, []).append(x)

    def _orgs_before(self, pos: int):
        """Indices of the organisations that start before character ``pos``, the latest first."""
        self._org_index()
        if self._org_starts is None:
            return [x for x in range(len(self._orgs) - 1, -1, -1) if self._orgs[x].start < pos]
        return range(bisect.bisect_left(self._org_starts, pos) - 1, -1, -1)

    def _latest_holding(self, word: str, pos: int) -> int | None:
        """Index of the latest organisation starting before ``pos`` whose name
        holds ``word`` (lower case), or ``None``."""
        self._org_index()
        named = self._org_words.get(word, [])
        if self._org_starts is None:
            return next((x for x in reversed(named) if self._orgs[x].start < pos), None)
        k = bisect.bisect_left(named, bisect.bisect_left(self._org_starts, pos))
        return named[k - 1] if k else None


def _expand_title(role: str | None) -> str:
    """A role with title abbreviations spelt out ("Sen." → "senator")."""
    if not role:
        return ""
    return " ".join(TITLE_WORDS.get(w.lower().rstrip("."), w) for w in role.split())


def singular(word: str) -> str:
    """A noun's singular by the regular English rules (enough for role nouns)."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def noun_gender(word: str) -> str | None:
    """"m", "f" or ``None`` for a lower-case role noun (``gender_nouns`` of ``data/cues.yaml``:
    "spokeswoman" → "f")."""
    lex = sp.lexicon()
    return "m" if word in lex.male_nouns else "f" if word in lex.female_nouns else None


def _owner(tok):
    """The named owner of a nominal: a possessive or compound name before its head
    ("Powell's office", "the Cruz campaign"), or ``None``."""
    for c in tok.lefts:
        if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" and c.text[:1].isupper():
            return c  # ("harbour" tagged PROPN in "the harbour master" is no name)
    return None
