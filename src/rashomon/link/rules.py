"""The linking rules: each one joins mentions that name one referent.

A :class:`Linker` holds the corpus's mentions (sorted), their corrected labels
and a union-find over mention numbers; each ``join_*`` method is one rule,
blocked by a key so that no rule compares all pairs of mentions. Mentions of
unnamed sources (label ``UNNAMED``) are joined by none of these rules: a
description is no name.
Precision first: a rule joins only when its evidence points to one
candidate (one root); ambiguous cases stay apart.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict

from rapidfuzz.distance import Levenshtein

from rashomon.annotate import handle_stems, name_key
from rashomon.extract.mentions import NUMBER_WORDS, ORDINALS, load_actors
from rashomon.link.names import (core_name, demonym_place, family_name, fold, name_tokens, names_match, org_key,
                                 place_key, skeleton, strip_legal_form, tokens_match, translit)
from rashomon.link.typing import PLACE_TYPES, company_words, entity_words, is_company
from rashomon.types import Mention

UNNAMED = "UNNAMED"
PERSONISH = {"PERSON", None}
_INITIAL_SPLIT = re.compile(r"[\s-]+")
_GROUP_WORDS = re.compile(r"[\w-]+|['’]s")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_INITIAL_SKIP = {"of", "the", "and", "for", "on", "in", "&"}
_EV = re.compile(r"(?i)(?<!\w)(\w+(?:-four)?)[-\s](day|week|month|year)s?[-\s](\w+)")  # from a word's start: linear
_THE_BEFORE = re.compile(r"\bthe\s+(?:(?:upper|lower|middle|mighty|great)\s+)?$", re.I)


class _UF:
    def __init__(self):
        self.p: dict = {}

    def find(self, x):
        """The root of ``x``'s set (``x`` is added as its own set when new);
        the path walked is halved."""
        p = self.p
        if p.setdefault(x, x) == x:  # a root: most calls
            return x
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a, b):
        """Join the sets of ``a`` and ``b``; the root is the node whose ``str``
        comes first (mention numbers and gazetteer nodes alike)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            sa, sb = str(ra), str(rb)
            if sa > sb:
                self.p[ra] = rb
            elif sb > sa:
                self.p[rb] = ra


@functools.lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Upper-case initials of a multi-word capitalised name ("Port and Dock
    Association" → "HPA"); "" when not every content word is capitalised."""
    words = [w for w in _INITIAL_SPLIT.split(text) if w and w.lower() not in _INITIAL_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


class Linker:
    """Union-find over ``mentions`` (sorted in corpus order) with one method
    per rule. ``labels[i]`` is mention i's corrected label; ``texts`` maps
    article id → ``Article.text``; ``gidx`` is the gazetteer index
    (``annotate.gazetteer_index``); ``scopes`` maps a mention number to the
    scope its name is valid in (an acronym the corpus defines two ways,
    :func:`rashomon.link.acronyms.link_acronyms`; the name of two gazetteer
    entries, added by :meth:`join_same_key_and_gazetteer`): such a mention
    joins others by name only within its scope."""

    def __init__(self, mentions: list[Mention], labels: list[str | None], texts: dict[str, str], gidx: dict,
                 strong: float, scopes: dict[int, tuple] | None = None):
        self.m = mentions
        self.labels = labels
        self.texts = texts
        self.gidx = gidx
        self.strong = strong
        self.scopes = scopes or {}
        self.uf = _UF()
        self.keys = [name_key(m.text) for m in mentions]
        self.sources: dict[int, set[str]] = defaultdict(set)
        self.gaz_type: dict[int, str] = {}
        self.rival: set[int] = set()  # mentions whose names the gazetteer or the text gives as rival names
        for i in range(len(mentions)):
            self.uf.find(i)
        self.named = [lab != UNNAMED for lab in labels]
        # mentions that are full person names (two words or more)
        self.persons = [i for i, m in enumerate(mentions) if labels[i] == "PERSON"
                        and len(name_tokens(m.text)) >= 2 and not m.text.startswith("@")]

    def union(self, a: int, b, source: str | None = None) -> None:
        """Join mention ``a`` with node ``b`` (a mention number or a gazetteer node)."""
        if not self.named[a] or (isinstance(b, int) and not self.named[b]):
            return
        self.uf.union(a, b)
        if source:
            self.sources[a].add(source)

    def _unique_root(self, cands: list[int]) -> int | None:
        roots = {self.uf.find(c) for c in cands}
        return cands[0] if len(roots) == 1 else None

    def _first_by(self, keyed) -> None:
        """Join every mention with the first one of the same key (``keyed``:
        pairs (mention number, key); None keys are skipped)."""
        first: dict = {}
        uf, named = self.uf, self.named
        for i, k in keyed:
            if k is None:
                continue
            j = first.setdefault(k, i)
            if j != i and named[i] and named[j]:
                uf.union(i, j)

    # -- 1, 2: same key, gazetteer -------------------------------------------
    def join_same_key_and_gazetteer(self) -> None:
        """Same :func:`name_key` (unnamed sources apart); a name of a gazetteer
        entry joins the entry (its source recorded). A name of two entries
        (a river and a city of one name) joins the natural feature (LOC) after
        "the" ("the lower Arden") and the other entry otherwise; its mentions
        are then keyed by entry, not by name. A lone surname of a person the
        corpus also names in full is keyed by article: "Berg" is Ola Berg in
        one article and Tor Berg in another (:meth:`join_surnames` links it)."""
        surnames = {translit(name_tokens(self.m[i].text)[-1]) for i in self.persons}
        for i, m in enumerate(self.m):
            toks = name_tokens(m.text)
            if (self.labels[i] in PERSONISH and len(toks) == 1 and not m.text.startswith("@")
                    and translit(toks[0]) in surnames):
                self.scopes.setdefault(i, ("article", m.article))
        keyed = []
        cache: dict[tuple, tuple | None] = {}  # (key, PERSON?, after "the"?) -> _gazetteer_entry
        for i, (m, k) in enumerate(zip(self.m, self.keys)):
            if not k:
                continue
            entry = None
            if k in self.gidx:
                # "the" before the name is read only where it can choose between a feature and another entry
                ck = (k, m.label == "PERSON", self._after_the(m) if self._feature_or_other(k) else False)
                if ck not in cache:
                    cache[ck] = self._gazetteer_entry(m, k, ck[2])
                entry = cache[ck]
            if entry:
                nodes, e = entry
                for node in nodes:
                    self.union(i, node)
                self.sources[i].add(e.source)
                self.gaz_type[i] = e.type
                if e.rival:
                    self.rival.add(i)
            if entry and len({x.id for x in self.gidx[k]}) > 1:  # the name of two entries: keyed by entry
                self.scopes[i] = ("gaz", entry[1].id)
            keyed.append((i, (k, self.scopes.get(i, self.named[i]))))
        self._first_by(keyed)

    def _after_the(self, m: Mention) -> bool:
        """Whether "the" (and maybe "upper", "lower" …) comes just before ``m``."""
        return bool(_THE_BEFORE.search(self.texts.get(m.article, "")[max(0, m.start - 20):m.start]))

    def _feature_or_other(self, k: str) -> bool:
        """Whether the gazetteer entries named ``k`` are a natural feature (LOC)
        and an entry of another type: only then does :meth:`_gazetteer_entry`
        read ``feature``."""
        types = {e.type for e in self.gidx[k]}
        return len(types) > 1 and "LOC" in types

    def _gazetteer_entry(self, m: Mention, k: str, feature: bool):
        """The union-find nodes and the entry a mention joins, or None: user
        entries win (the last one); a PERSON mention joins PERSON entries only;
        between a natural feature (LOC) and another entry of one name, the
        feature when ``feature`` ("the" before the name)."""
        entries = [e for e in self.gidx[k] if not (m.label == "PERSON" and e.type != "PERSON")]
        if not entries:
            return None
        if len({e.type for e in entries}) > 1 and any(e.type == "LOC" for e in entries):
            entries = [e for e in entries if (e.type == "LOC") == feature] or entries
        e = entries[-1] if any(x.id.startswith("u") for x in entries) else entries[0]
        nodes = [f"gaz:{x.id}" for x in entries if x.id.startswith("u") or x is e]
        return nodes, e

    # -- 3, 4: person names, lone surnames -------------------------------------
    def join_person_names(self) -> None:
        """Full names token by token (:func:`names_match`), compared within
        blocks of the surname's consonant skeleton and of its first three
        letters (one representative per distinct key)."""
        blocks: dict[tuple, list[int]] = defaultdict(list)
        seen: dict[str, int] = {}
        for i in self.persons:
            if self.keys[i] in seen:
                continue
            seen[self.keys[i]] = i
            sur = name_tokens(self.m[i].text)[-1]
            blocks[("s", skeleton(sur) or fold(sur))].append(i)
            blocks[("p", fold(sur)[:3])].append(i)
        done: set[tuple[int, int]] = set()
        for ids in blocks.values():
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    a, b = ids[x], ids[y]
                    if (a, b) in done:
                        continue
                    done.add((a, b))
                    if names_match(name_tokens(self.m[a].text), name_tokens(self.m[b].text), self.strong):
                        self.union(a, b)

    def join_middle_initials(self) -> None:
        """A full name without middle initials or a generational suffix joins
        the one person of the corpus named with them ("Ola Berg" = "Ola K.
        Berg"), when every such name is one entity: "George Bush" stays apart
        from "George W. Bush" when "George H. W. Bush" is there too (two names
        with different initials never match, :func:`names_match`)."""
        longer: dict[tuple[str, ...], list[int]] = defaultdict(list)
        plain: list[tuple[int, tuple[str, ...]]] = []
        for i in self.persons:
            core, dropped = core_name(name_tokens(self.m[i].text))
            key = tuple(translit(t) for t in core)
            if dropped:
                longer[key].append(i)
            else:
                plain.append((i, key))
        for i, key in plain:
            t = self._unique_root(longer[key]) if key in longer else None
            if t is not None:
                self.union(i, t)

    def join_surnames(self) -> None:
        """A one-word mention joins the full name of its article whose surname
        it is when exactly one matches (spelling variants allowed, for a
        mention tagged ORG or NORP only when no exact one is there, for a
        place never); with no full name there, the one full name of the corpus
        with that surname (same romanisation key)."""
        # article -> surname -> its full-name mentions, in order: a one-word mention is compared
        # with each surname of its article once, not with every full name (linear in an article's length)
        full_by_article: dict[str, dict[str, list[int]]] = defaultdict(dict)
        by_surname: dict[str, list[int]] = defaultdict(list)
        for i in self.persons:
            last = family_name(name_tokens(self.m[i].text))
            full_by_article[self.m[i].article].setdefault(last, []).append(i)
            by_surname[translit(last)].append(i)
        found: dict[tuple[str, str, str], list[int]] = {}

        def local_of(article: str, tok: str, how: str) -> list[int]:
            """The full names of ``article`` whose surname is ``tok``: spelled the
            same (``how`` "exact"), a variant (``"variant"``), or either."""
            key = (article, tok, how)
            if key not in found:
                found[key] = sorted(j for last, js in full_by_article[article].items()
                                    if (how != "variant" and fold(last) == fold(tok)) or
                                    (how != "exact" and tokens_match(last, tok, self.strong)) for j in js)
            return found[key]
        for i, m in enumerate(self.m):
            toks = name_tokens(m.text)
            label = self.labels[i]
            if len(toks) != 1 or m.text.startswith("@") or label not in {"PERSON", None, "ORG", "GPE", "NORP"}:
                continue
            if label in {"ORG", "GPE", "NORP"} and (i in self.gaz_type or toks[0].isupper()):
                continue
            tok = toks[0]
            exact_only = label not in PERSONISH
            local = local_of(m.article, tok, "exact" if exact_only else "either")
            if not local and label in {"ORG", "NORP"}:  # a surname the tagger read as an organisation
                local = local_of(m.article, tok, "variant")
            target = self._unique_root(local) if local else None
            if target is None and not local and label in PERSONISH:
                corpus = by_surname.get(translit(tok), [])
                target = self._unique_root(corpus) if corpus else None
            if target is not None:
                self.union(i, target)

    # -- 5, 6: handles, acronyms by initials -----------------------------------
    def join_handles_and_initials(self) -> None:
        """``@handles`` join the name they squash to (or a person's name plus a
        known suffix, or a person's initial and surname: "@JNovak"), else the
        organisation whose initials they are; an acronym joins the one
        multi-word organisation whose initials it is."""
        squashed: dict[str, list[int]] = defaultdict(list)
        inits: dict[str, list[int]] = defaultdict(list)
        initial_surname: dict[str, list[int]] = defaultdict(list)
        for i in self.persons:
            toks = name_tokens(self.m[i].text)
            initial_surname[fold(toks[0])[:1] + fold(toks[-1])].append(i)
        for i, m in enumerate(self.m):
            if m.text.startswith("@"):
                continue
            if self.labels[i] in {"PERSON", "ORG", None, "GROUP"}:
                squashed[fold(m.text)].append(i)
            if self.labels[i] in {"ORG", None}:
                ini = initials(m.text)
                if len(ini) >= 2:
                    inits[ini].append(i)
        for i, m in enumerate(self.m):
            hit = None
            if m.text.startswith("@") and len(name_tokens(m.text)) == 1:
                hit = squashed.get(fold(m.text))
                if not hit:  # a person's name plus a suffix: "@IdrisKemalMP", "@jane_doe_official"
                    for stem in handle_stems(m.text)[1:]:
                        hit = [j for j in squashed.get(stem, []) if self.labels[j] == "PERSON"]
                        if hit:
                            break
                if not hit:
                    hit = initial_surname.get(fold(m.text)) or inits.get(fold(m.text).upper())
            elif self.labels[i] in {"ORG", None} and _ACRONYM.fullmatch(m.text):
                hit = inits.get(m.text)
            t = self._unique_root(hit) if hit else None
            if t is not None:
                self.union(i, t)

    # -- 7, 8: group actors, named events ----------------------------------------
    def join_groups_and_events(self) -> None:
        """Group actors whose country (or place) and family agree ("Russian
        peacekeepers" = "Russian peacekeeping contingent"); named events whose
        number, unit and family agree ("44-Day War" = "44-day conflict")."""
        keyed = []
        groups: dict[str, tuple | None] = {}  # mention text -> _group_key (texts recur)
        for i, m in enumerate(self.m):
            if m.label == "EVENT":
                keyed.append((i, _event_key(m.text)))
            elif m.label in {"GROUP", "ORG"}:
                if m.text not in groups:
                    groups[m.text] = _group_key(m.text, self.gidx)
                keyed.append((i, groups[m.text]))
        self._first_by(keyed)

    # -- 9, 10: organisation and place variants ------------------------------------
    def demonyms(self) -> dict[str, str]:
        """Word(s) naming a country → the country's canonical name key: every
        form of a country entry (a country is the first GPE entry of its ISO
        code: the shipped gazetteer lists it before its capital) and every
        demonym (NORP) of that country ("russian", "russia" → "russian
        federation"). Also fills the place keys a demonym may derive from
        (:func:`demonym_place`): the corpus's place mentions and the
        gazetteer's places. Computed once."""
        if not hasattr(self, "_demonyms"):
            entries = {e.id: e for es in self.gidx.values() for e in es}
            country: dict[str, str] = {}
            dem: dict[str, str] = {}
            places = {self.keys[i] for i, lab in enumerate(self.labels) if lab in PLACE_TYPES}
            for e in sorted(entries.values(), key=lambda e: _entry_order(e.id)):
                if e.type in {"GPE", "LOC"}:
                    places.update(name_key(f) for f in e.forms)
                if e.type == "GPE" and e.country and e.country not in country:
                    country[e.country] = name_key(e.name)
                    dem.update({name_key(f): country[e.country] for f in e.forms})
            for e in entries.values():
                if e.type == "NORP" and e.country in country:
                    dem.update({k: country[e.country] for k in map(name_key, e.forms) if " " not in k})
            self._places = places
            self._demonyms = dem
        return self._demonyms

    def _org_words(self, i: int) -> list[str]:
        """Mention i's :func:`org_key` words, a first word or two that name a
        country (or its demonym) read as the country's name, a demonym of a
        corpus or gazetteer place as that place ("Zarqan" → "zarqa")."""
        words = org_key(self.m[i].text).split()
        if len(words) < 2:
            return words
        dem = self.demonyms()
        for n in (2, 1):
            if len(words) > n and " ".join(words[:n]) in dem:
                return dem[" ".join(words[:n])].split() + words[n:]
        first = demonym_place(words[0], self._places)
        return (first.split() + words[1:]) if first else words

    def _place_word(self, word: str) -> bool:
        """A demonym or a place name (gazetteer or corpus) as one word."""
        dem = self.demonyms()
        return word in dem or word in self._places or demonym_place(word, self._places) is not None

    def join_org_variants(self) -> None:
        """Organisations with the same :func:`org_key` (legal form, "Ministry
        of X", demonym, plural last word) and places with the same
        :func:`place_key` (romanisation, Ukrainian/Russian place words)."""
        keyed = []
        for i, lab in enumerate(self.labels):
            if lab in {"ORG", None} and self.named[i] and i not in self.scopes:
                keyed.append((i, ("org", " ".join(self._org_words(i)))))
            elif lab in PLACE_TYPES and i not in self.scopes:
                keyed.append((i, ("place", place_key(self.m[i].text))))
        self._first_by(keyed)

    def join_contained(self) -> None:
        """A shorter organisation name joins the one longer name that is it
        plus a place or demonym first word ("Islamic Jihad" ⊂ "Tervanian
        Islamic Jihad", "Health Ministry" ⊂ "Zarqa Health Ministry") or plus
        company words after a one- or two-word name ("Brannoc" ⊂ "Brannoc
        Shipping S.A."). The longer name must come first in the shorter one's
        article (a full name introduced, then shortened: Vieira and Poesio
        2000); without one there, the one of the corpus, for a company, or
        for a name under a country or demonym that ends in no institution
        head ("Supreme Court", "Air Force" are many: "Arden Supreme Court" is
        no antecedent elsewhere, nor a state's "Arden AFL" of "AFL"). Never a
        place in a longer place, nor a sub-unit ("ICRC" ⊄ "ICRC Baku Office":
        "Baku" is no company word)."""
        company = company_words()
        heads = entity_words().org_heads
        longer: dict[tuple, list[int]] = defaultdict(list)
        national: set[int] = set()  # longer names whose first word is a country or a demonym
        orgs = [i for i, lab in enumerate(self.labels) if lab in {"ORG", None} and self.named[i]]
        for i in orgs:
            raw = org_key(self.m[i].text).split()
            if len(raw) >= 2 and self._place_word(raw[0]):
                longer[("mod", " ".join(raw[1:]))].append(i)
                if raw[0] in self.demonyms() or raw[0] not in self._places:
                    national.add(i)
            base = strip_legal_form(name_key(self.m[i].text).split())
            if self.labels[i] == "ORG" and is_company(self.m[i].text):
                for n in (1, 2):
                    if len(base) > n and all(x in company for x in base[n:]):
                        longer[("co", org_key(" ".join(base[:n])))].append(i)
        for i in orgs:
            if i in self.scopes:  # a person's surname, an acronym defined two ways, a name of two entries
                continue
            k = org_key(self.m[i].text)
            m = self.m[i]
            for kind in ("mod", "co"):
                cands = [j for j in longer.get((kind, k), []) if j != i]
                local = [j for j in cands if self.m[j].article == m.article and self.m[j].start < m.start]
                if not local and kind == "mod":
                    cands = [j for j in cands if j in national] if k.split()[-1:] and k.split()[-1] not in heads \
                        else []
                t = self._unique_root(local) if local else (self._unique_root(cands) if cands else None)
                if t is not None:
                    self.union(i, t)
                    break

    # -- 11: descriptors -----------------------------------------------------------
    def join_descriptors(self) -> None:
        """A mention that is a bare descriptor ("the ministry", "the union":
        ``data/entity_words.yaml`` ``descriptors``) joins the one organisation
        of its article whose name holds the descriptor's head word (for
        "company", "firm", "operator": the one company)."""
        desc = entity_words().descriptors
        by_article: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(self.m):
            if self.labels[i] == "ORG" and len(name_tokens(m.text)) >= 2:
                by_article[m.article].append(i)
        for i, m in enumerate(self.m):
            heads = desc.get(self.keys[i]) if self.labels[i] in {None, "ORG"} else None
            if not heads:
                continue
            cands = [j for j in by_article[m.article] if
                     ("company" in heads and is_company(self.m[j].text)) or
                     heads & set(self.keys[j].split())]
            t = self._unique_root(cands) if cands else None
            if t is not None:
                self.union(i, t)

    # -- 12: one-letter differences with the same role ---------------------------------
    def join_one_letter(self, context: dict[int, set[str]]) -> None:
        """Two full person names of as many words that differ by one letter in
        one word of five letters or more ("Gorav Mehta" / "Gaurav Mehta" is
        two; "Teodor Malk" / "Teodor Mals" one) join when their entities share
        a role or an affiliation (``context``: mention → set of normalised
        roles and affiliations). Blocked by each word position's other words."""
        blocks: dict[tuple, list[int]] = defaultdict(list)
        seen: set[tuple[str, ...]] = set()
        for i in self.persons:
            toks = tuple(fold(t) for t in name_tokens(self.m[i].text))
            if toks in seen:  # one mention per distinct name: the others share its root
                continue
            seen.add(toks)
            for p in range(len(toks)):
                blocks[(len(toks), p, toks[:p] + toks[p + 1:])].append(i)
        roots_ctx: dict = defaultdict(set)
        for i, ctx in context.items():
            roots_ctx[self.uf.find(i)] |= ctx
        for (n, p, _), ids in blocks.items():
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    a, b = ids[x], ids[y]
                    ta, tb = fold(name_tokens(self.m[a].text)[p]), fold(name_tokens(self.m[b].text)[p])
                    if ta == tb or min(len(ta), len(tb)) < 5 or Levenshtein.distance(ta, tb) != 1:
                        continue
                    ra, rb = self.uf.find(a), self.uf.find(b)
                    if ra != rb and roots_ctx.get(ra, set()) & roots_ctx.get(rb, set()):
                        self.union(a, b)
                        roots_ctx[self.uf.find(a)] = roots_ctx.get(ra, set()) | roots_ctx.get(rb, set())


def _entry_order(eid: str) -> tuple:
    """Sort key of a gazetteer entry id in file order: shipped ``g<i>`` first,
    then user files ``u<n>.<i>``."""
    head, _, tail = eid.partition(".")
    if not tail:
        return (0, 0, int(eid[1:]) if eid[1:].isdigit() else 0)
    return (1, int(head[1:]) if head[1:].isdigit() else 0, int(tail) if tail.isdigit() else 0)


@functools.lru_cache(maxsize=65536)
def _event_key(text: str) -> tuple | None:
    actors = load_actors()
    m = _EV.search(text)
    if m:
        num = m.group(1).lower()
        n = int(num) if num.isdigit() else NUMBER_WORDS.get(num)
        fam = actors.events.get(m.group(3).lower())
        if n is not None and fam:
            return ("event", n, m.group(2).lower(), fam)
    words = text.split()
    if words and words[0].lower() in ORDINALS:
        fam = actors.events.get(words[-1].lower(), words[-1].lower())
        return ("event", ORDINALS[words[0].lower()], name_key(" ".join(words[1:-1])), fam)
    return None


def _group_key(text: str, gidx) -> tuple | None:
    """(modifier id, family) of a group actor mention text, or None."""
    actors = load_actors()
    words = _GROUP_WORDS.findall(text.replace("’", "'"))
    low = [w.lower() for w in words]
    # "<noun> of [the] <place>"
    if "of" in low:
        i = low.index("of")
        noun = tuple(low[:i])
        rest = words[i + 1:]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        hit = actors.nouns.get(noun)
        if hit:
            mod = _modifier_id(" ".join(rest), gidx)
            if mod:
                return (mod, hit[0])
    for gaz_only in (True, False):
        for n in range(len(words) - 1, 0, -1):
            k = _group_split(words, low, n, gidx, gaz_only, actors)
            if k:
                return k
    return None


def _group_split(words, low, n, gidx, gaz_only, actors) -> tuple | None:
    mod = _modifier_id(" ".join(words[:n]), gidx)
    if not mod or (gaz_only and mod.startswith("text:")):
        return None
    tail = list(low[n:])
    while tail and (tail[0] in actors.modifiers or tail[0] == "'s") and tuple(tail) not in actors.nouns:
        tail = tail[1:]
    hit = actors.nouns.get(tuple(tail))
    return (mod, hit[0]) if hit else None


def _modifier_id(text: str, gidx) -> str | None:
    k = name_key(text)
    if not k:
        return None
    for e in gidx.get(k, []):
        if e.type in {"NORP", "GPE", "LOC"}:
            return f"country:{e.country}" if e.country else f"gaz:{e.id}"
    return f"text:{k}"
